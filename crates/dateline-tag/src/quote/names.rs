//! Grammatical gender of person names, for resolving "he said" / "she said".
//!
//! Only positive evidence counts: a listed first name, a Slavic surname
//! ending that marks gender (-ova/-ev...), or a gendered honorific in front
//! of the mention. Anything else is unknown, and an unknown candidate stops
//! pronoun resolution instead of being guessed past.

/// Grammatical gender of a person or pronoun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
}

const MALE: &[&str] = &[
    "aaron",
    "abdul",
    "abraham",
    "adam",
    "adrian",
    "ahmed",
    "alan",
    "albert",
    "alberto",
    "alejandro",
    "aleksandr",
    "aleksei",
    "alex",
    "alexander",
    "alexandr",
    "alexei",
    "alexey",
    "ali",
    "alistair",
    "anatoly",
    "andre",
    "andrei",
    "andrew",
    "andrey",
    "andy",
    "angelo",
    "anthony",
    "anton",
    "antonio",
    "arkady",
    "arnold",
    "arthur",
    "barack",
    "ben",
    "benjamin",
    "bernard",
    "bernie",
    "bill",
    "bob",
    "boris",
    "brad",
    "brett",
    "brian",
    "bruce",
    "carl",
    "carlos",
    "charles",
    "chris",
    "christian",
    "christopher",
    "chuck",
    "colin",
    "craig",
    "dan",
    "daniel",
    "dave",
    "david",
    "denis",
    "dennis",
    "devin",
    "dick",
    "dmitri",
    "dmitriy",
    "dmitry",
    "donald",
    "doug",
    "douglas",
    "duncan",
    "edward",
    "emmanuel",
    "eric",
    "erik",
    "evan",
    "evgeny",
    "fedor",
    "felix",
    "fernando",
    "francis",
    "frank",
    "fyodor",
    "gary",
    "gennady",
    "george",
    "gerhard",
    "gordon",
    "greg",
    "gregory",
    "grigory",
    "hamid",
    "hans",
    "harold",
    "harry",
    "hassan",
    "henry",
    "hillel",
    "howard",
    "hugo",
    "igor",
    "ilya",
    "ivan",
    "jack",
    "jacob",
    "james",
    "jared",
    "jason",
    "javier",
    "jeff",
    "jeffrey",
    "jens",
    "jerome",
    "jim",
    "jimmy",
    "joe",
    "joel",
    "johann",
    "john",
    "jon",
    "jonathan",
    "jorge",
    "jose",
    "joseph",
    "josh",
    "joshua",
    "juan",
    "justin",
    "karl",
    "keith",
    "ken",
    "kenneth",
    "kevin",
    "kirill",
    "konstantin",
    "kurt",
    "lars",
    "leon",
    "leonid",
    "louis",
    "luis",
    "luke",
    "marco",
    "mark",
    "martin",
    "matt",
    "matthew",
    "maxim",
    "michael",
    "miguel",
    "mike",
    "mikhail",
    "mitch",
    "mohammad",
    "mohammed",
    "muhammad",
    "nathan",
    "neil",
    "nicholas",
    "nick",
    "nicolas",
    "nikita",
    "nikolai",
    "nikolay",
    "olaf",
    "oleg",
    "oliver",
    "omar",
    "oscar",
    "pablo",
    "paul",
    "pavel",
    "pedro",
    "peter",
    "petr",
    "philip",
    "phillip",
    "pierre",
    "piotr",
    "pyotr",
    "rafael",
    "ralph",
    "ramzan",
    "randy",
    "ray",
    "raymond",
    "recep",
    "reince",
    "rex",
    "richard",
    "rick",
    "rob",
    "robert",
    "roger",
    "roman",
    "ron",
    "ronald",
    "rudolph",
    "rudy",
    "ruslan",
    "russell",
    "ryan",
    "sam",
    "samuel",
    "scott",
    "sean",
    "sebastian",
    "sergei",
    "sergey",
    "sergio",
    "seth",
    "shinzo",
    "simon",
    "stanislav",
    "stefan",
    "stephen",
    "steve",
    "steven",
    "stuart",
    "ted",
    "theodore",
    "thomas",
    "tim",
    "timothy",
    "tom",
    "tony",
    "valery",
    "vasily",
    "viktor",
    "vincent",
    "vitaly",
    "vladimir",
    "vladislav",
    "vyacheslav",
    "walter",
    "wayne",
    "william",
    "xi",
    "yevgeny",
    "yuri",
    "yury",
    "zbigniew",
];

const FEMALE: &[&str] = &[
    "alexandra",
    "alice",
    "alina",
    "alla",
    "amanda",
    "amy",
    "ana",
    "anastasia",
    "angela",
    "ann",
    "anna",
    "annalena",
    "anne",
    "barbara",
    "betsy",
    "betty",
    "carla",
    "carol",
    "caroline",
    "catherine",
    "charlotte",
    "christina",
    "christine",
    "claire",
    "condoleezza",
    "dana",
    "daria",
    "darya",
    "diana",
    "dianne",
    "elena",
    "elizabeth",
    "ella",
    "ellen",
    "elvira",
    "emily",
    "emma",
    "eva",
    "evgenia",
    "galina",
    "gina",
    "helen",
    "helena",
    "hillary",
    "hope",
    "irina",
    "ivanka",
    "jacinda",
    "jane",
    "janet",
    "jennifer",
    "jessica",
    "jill",
    "joan",
    "julia",
    "julie",
    "kamala",
    "karen",
    "kate",
    "katherine",
    "kathleen",
    "kathryn",
    "kellyanne",
    "kirsten",
    "kirstjen",
    "kristina",
    "larisa",
    "laura",
    "linda",
    "lisa",
    "liz",
    "lyudmila",
    "margaret",
    "margarita",
    "maria",
    "marie",
    "marina",
    "marine",
    "martha",
    "mary",
    "maxine",
    "megan",
    "melania",
    "michelle",
    "nadezhda",
    "nancy",
    "natalia",
    "nataliya",
    "natalya",
    "nikki",
    "nina",
    "olga",
    "patricia",
    "rachel",
    "rebecca",
    "sandra",
    "sara",
    "sarah",
    "sharon",
    "sophie",
    "stephanie",
    "susan",
    "svetlana",
    "tamara",
    "tatiana",
    "tatyana",
    "teresa",
    "theresa",
    "tulsi",
    "ursula",
    "valentina",
    "valeria",
    "vera",
    "victoria",
    "yekaterina",
    "yelena",
    "yulia",
];

/// Gender evidence from a first name.
fn from_first_name(first: &str) -> Option<Gender> {
    let lower = first.to_lowercase();
    if MALE.binary_search(&lower.as_str()).is_ok() {
        Some(Gender::Male)
    } else if FEMALE.binary_search(&lower.as_str()).is_ok() {
        Some(Gender::Female)
    } else {
        None
    }
}

/// Gender evidence from a Slavic surname ending (Peskova / Peskov).
fn from_surname(last: &str) -> Option<Gender> {
    let lower = last.to_lowercase();
    if lower.chars().count() < 5 {
        return None;
    }
    const FEMALE_ENDINGS: &[&str] = &["ova", "eva", "yova", "ina", "skaya", "tskaya"];
    const MALE_ENDINGS: &[&str] = &["ov", "ev", "yov", "in", "sky", "skiy", "skii", "ich"];
    if FEMALE_ENDINGS.iter().any(|e| lower.ends_with(e)) {
        Some(Gender::Female)
    } else if MALE_ENDINGS.iter().any(|e| lower.ends_with(e)) {
        Some(Gender::Male)
    } else {
        None
    }
}

/// Gender of a person from its canonical name (first name, else surname).
pub(crate) fn of_name(name: &str) -> Option<Gender> {
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == '.')
        .filter(|w| !w.is_empty())
        .collect();
    let first = words.first().and_then(|w| from_first_name(w));
    if first.is_some() {
        return first;
    }
    words.last().and_then(|w| from_surname(w))
}

/// Gender from an honorific or gendered title word just before a mention.
pub(crate) fn of_title(word: &str) -> Option<Gender> {
    match word.to_lowercase().trim_end_matches('.') {
        "mr" | "mister" | "sir" | "lord" | "king" | "prince" | "spokesman" | "chairman"
        | "congressman" | "businessman" => Some(Gender::Male),
        "mrs" | "ms" | "miss" | "madam" | "madame" | "lady" | "dame" | "queen" | "princess"
        | "spokeswoman" | "chairwoman" | "congresswoman" | "businesswoman" => Some(Gender::Female),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_binary_search() {
        assert!(MALE.windows(2).all(|w| w[0] < w[1]), "male list unsorted");
        assert!(
            FEMALE.windows(2).all(|w| w[0] < w[1]),
            "female list unsorted"
        );
    }

    #[test]
    fn names_give_gender() {
        assert_eq!(of_name("Sarah Huckabee Sanders"), Some(Gender::Female));
        assert_eq!(of_name("John Bolton"), Some(Gender::Male));
        assert_eq!(of_name("Peskov"), Some(Gender::Male));
        assert_eq!(of_name("Maria Zakharova"), Some(Gender::Female));
        assert_eq!(of_name("Zakharova"), Some(Gender::Female));
        assert_eq!(of_name("Sanders"), None);
        assert_eq!(of_name(""), None);
    }
}
