//! Word lists the rules use: given names, frequent lowercase words, titles,
//! organisation and place heads, calendar words.
//!
//! All lists are lowercase and folded like token norms, kept in sorted
//! `&[&str]` constants (written for Dateline) and turned into hash sets once.

use std::collections::HashSet;
use std::sync::OnceLock;

/// Given names common in international news (English, Slavic, German, French,
/// Spanish, Italian, Arabic, Asian transliterations).
const FIRST_NAMES: &str = "aaron abby abdul abdullah abe abigail abraham ada adam adrian adriana agnes ahmad ahmed aidan aileen alain alan alastair albert alberto alec aleksandr aleksei alessandro alex alexander alexandra alexandre alexandria alexei alexey alfonso alfred alfredo ali alice alicia alison allan allen alma amanda amber amelia amir amit amy ana anatoly anders andre andrea andreas andrei andres andrew andrey andriy andy angel angela angelica angelo anita ann anna anne annette annie anthony anton antonio antony april archie ariel arkady arnold arseny arthur artem artur ashley audrey august augusto austin ava avery ayman barbara barry bart beatrice becky ben benedict benjamin bernard bernie beth betty beverly bill billy blake bob bobby bogdan bonnie boris brad bradley brandon brenda brendan brett brian bridget britney brittany bruce bruno bryan byron caleb calvin cameron camilla candace cara carl carla carlos carmen carol caroline carolyn carrie casey catherine cathy cecilia cesar chad charles charlie charlotte chelsea cheryl chris christian christina christine christoph christopher chuck cindy claire clara clarence claude claudia clay clayton cliff clifford clint clive cody colin colleen connie connor conor constantin cory courtney craig cristina crystal curtis cynthia dale dalia dan dana daniel daniela danielle danny daria darius darren dave david dawn dean deborah debra denis denise dennis derek diana diane diego dimitri dmitri dmitriy dmitry dmytro dolores dominic don donald donna doris dorothy doug douglas duncan dustin dwight earl ed eddie edgar edith edmund eduard eduardo edward edwin eileen elaine eleanor elena eli elias elijah elizabeth ella ellen elliot ellie elon emil emile emilia emily emma emmanuel enrique eric erica erik erin ernest ernesto esther ethan eugene evan evgeny evelyn fabio faisal farid fatima felipe felix fernando fiona florence francesca francesco francis francisco frank frankie franz fred freddie frederick gabriel gabriela gabrielle gail gary gavin gene gennady geoffrey george georgia gerald gerard gerhard gina giorgio giovanni giuseppe glen glenn gloria gordon grace graham grant greg gregg gregory greta gustavo guy hailey hakan hal hamid hank hannah hans harold harriet harry harvey hassan heather hector heidi heinz helen helena helmut henri henrik henry herbert herman hilary hillary hiroshi holly howard hugh hugo hussein ian igor ilya imran ingrid irene iris irina isaac isabel isabella ivan ivana jack jackie jackson jacob jacqueline jake james jamie jan jane janet janice jared jason javier jay jean jeanne jeff jeffrey jen jenna jennifer jenny jeremy jerome jerry jesse jessica jesus jill jim jimmy jo joan joanna joanne joaquin jodi joe joel johan johann johanna john johnny jon jonathan jordan jorge jose josef joseph josh joshua joy juan judith judy jules julia julian julie julien julio june justin kamal karen karim karin karl kate katherine kathleen kathryn kathy katie katrina kay keith kelly ken kenneth kevin khalid kim kimberly kirill kirk kirsten kristen kristina kurt kyle lana lance larry laura lauren laurence lawrence leah lee leila leo leon leonard leonid leslie lewis liam lily linda lindsay lindsey lisa liz lloyd logan lois lorenzo lori lorraine louis louise lucas lucia lucy luis luke lydia lynn madeleine madison magdalena malcolm manuel marc marcel marcia marco marcus margaret margarita maria marian marianne marie marilyn mario marion marisa mark marko marsha martha martin marty marvin mary mathew matt matteo matthew maureen max maxim maxime maxwell megan melanie melissa michael michaela michel michele michelle miguel mikhail mike mila miles milton mohamed mohammad mohammed molly monica morgan muhammad nadia nancy naomi natalia natalie natasha nathan nathaniel neil nelson nicholas nick nicola nicolas nicole nigel nikita nikolai nikolay nina noah noel nora norman oleg olga oliver olivia omar oscar otto owen pablo paige pamela patricia patrick patty paul paula pauline pavel pedro peggy penelope penny pete peter petr petra petro phil philip philippe phillip phyllis pierre piotr priscilla rachel rafael rajesh ralph ramon randall randy raphael raul ray raymond rebecca regina renee rex ricardo richard rick ricky rita rob robert roberta roberto robin rodney rodrigo roger roland roman ron ronald ronnie rosa rose rosemary ross roy ruben ruby rudolf rudy russell ruth ryan sabrina sally salvador sam samantha samir samuel sandra sandy sara sarah saul scott sean sebastian semyon serena sergei sergey sergio seth shane shannon sharon shaun shawn sheila shelby shelley sherry shirley sidney simon simone sofia sonia sophia sophie stacy stan stanislav stanley stefan stefano stella stephan stephanie stephen steve steven stuart sue susan suzanne svetlana sylvia tamara tammy tanya tara ted teresa terry theo theodore theresa thomas tiffany tim timothy tina todd tom tommy toni tony tracy travis trevor troy tyler ulrich ursula valentina valentin valeria valerie valery vanessa vasily vera veronica vicki victor victoria viktor vincent violet virginia vitaly vivian vladimir vladislav volodymyr walter wanda warren wayne wendy werner wesley whitney will william willie wilson wolfgang xavier yasmin yevgeny yuri yusuf yvonne zachary zoe";

/// Frequent English words that are not names on their own (checked in
/// lowercase): function words, common verbs, nouns and adjectives that start
/// sentences and headlines.
const COMMON: &str = "a about also i although besides finally furthermore hence however indeed instead meanwhile moreover nevertheless nonetheless otherwise perhaps still then therefore thus unfortunately yet above according across act action actually add added after afternoon again against age ago agree agreed ahead aid aim air all allegations alleged allow almost alone along already also although always am among an and announced another answer any anyone anything are area around as ask asked at attack attacks authorities available away back bad based be became because become been before began behind being believe best better between big bill black both bring but buy by call called came can cannot care case cause certain change chief children city claim claims clear close come comes coming common community company concern continue could country court cover crime current cut daily data day days deal death decision deep despite did different do does doing done down during each early earlier east economic either election elections else end enough even evening event ever every evidence example face fact fall far federal few field find fire first five follow following for force foreign form former four free friday from full further general get give given go going good government great green group grow had half hand happen hard has have having he head hear held help her here high him his history hold home hope hot house how however human i if important in including increase information inside instead interest international into is issue it its job join just keep key kill kind know known land large last late later law lead leader least leave left less let level life light like likely line list little live local long look lost lot low made main major make man many march market may maybe me mean meanwhile media meeting member members might military million minister moment money month months more morning most move much must my name national near need never new news next night nine no none nor north not nothing now number of off office officer officers official officials often oil old on once one only open or order other others our out over own page part party past pay peace people per perhaps period person place plan play point police policy political poll power present president press pressure private problem program public put question quite race rather read real really reason recent record red report reported reports research rest result return right rise road role room rule run said same saturday say saying says school second secretary security see seen senior service set seven several shall she should show side since six small so social some someone something soon south speak special spokesman start state statement states still stop story strong such summer sunday support sure system take taken talk team tell ten than thank that the their them then there these they thing things think third this those though thought three through thursday time times to today together told too top toward towards trade tuesday turn two under until up upon us use used very via victory vote war was watch water way we wednesday week weeks well were west what when where whether which while white who whole whom whose why will win winter with within without woman women word words work world would write year years yes yesterday yet you young your";

/// Titles and roles that precede a person's name and are not part of it.
const TITLES: &str = "mr. mrs. ms. dr. gen. sen. rep. gov. lt. col. sgt. capt. adm. prof. rev. st. maj. brig. cpl. pres. acting admiral adm adviser advisor aide ambassador analyst anchor assistant attorney author ayatollah baron bishop brig brother businessman candidate capt captain cardinal ceo cfo chair chairman chairperson chairwoman chancellor chef chief coach col colonel commander commissioner comptroller congressman congresswoman consul correspondent councillor councilman councilwoman count counsel countess cpl dame deputy detective director doctor dr duke duchess economist editor emir emperor empress envoy executive expert father financier first former founder gen general gov governor head imam inspector journalist judge justice king lady lawmaker lawyer leader lieutenant lord lt madam madame maj major marshal mayor minister miss mme mr mrs ms mufti nominee officer pastor patriarch player pm pope premier president press prince princess principal private prof professor prosecutor queen rabbi rep representative reverend rev secretary sen senator sergeant sgt sheikh sir sister speaker special spokesman spokesperson spokeswoman sr st superintendent supreme treasurer tsar undersecretary vice vice-president viceroy whip writer";

/// Final words that make a capitalized phrase an organisation.
const ORG_SUFFIXES: &str = "academy administration agency airline airlines alliance assembly association authority bank bancorp board brigade bureau cabinet caucus center centre church club coalition college command commission committee company conference congress consortium corp corporation corps council court department directorate division enterprises federation force forces foundation front fund group guard holdings hospital inc industries institute institution international journal league limited llc ltd media ministry mission motors movement network news office organisation organization parliament partners partnership party police post press regiment school secretariat senate service services society staff studios syndicate systems team technologies telegraph times tribune trust tv union university";

/// First words that head an organisation name ("Ministry of …").
const ORG_HEADS: &str = "academy administration agency assembly association bank board bureau center centre chamber church college command commission committee confederation congress council court department directorate embassy federation foundation fund house institute league ministry museum office organisation organization parliament party school secretariat service society union university";

/// Final words that make a capitalized phrase a place.
const LOC_SUFFIXES: &str = "bay beach canyon cape city coast county creek desert district forest gulf harbor harbour heights hill hills island islands isles lake lakes mountain mountains ocean oblast park peninsula plain plains plateau point prefecture province range region republic river sea springs state strait territory township valley village";

/// Final words that make a capitalized phrase a facility.
const FAC_SUFFIXES: &str = "airport arena avenue base boulevard bridge building canal castle cathedral cemetery dam highway hotel mall memorial monument mosque palace pier plaza prison road route square stadium station street synagogue temple terminal tower tunnel way";

/// Words after which a capitalized word is likely a place.
pub(crate) const LOC_PREPS: &[&str] = &[
    "in",
    "from",
    "near",
    "across",
    "outside",
    "inside",
    "throughout",
    "to",
    "at",
    "via",
];

/// Month names and abbreviations, with their number.
pub(crate) const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// Weekday names, ISO numbered (Monday = 1).
pub(crate) const WEEKDAYS: &[(&str, u8)] = &[
    ("monday", 1),
    ("tuesday", 2),
    ("wednesday", 3),
    ("thursday", 4),
    ("friday", 5),
    ("saturday", 6),
    ("sunday", 7),
    ("mon", 1),
    ("tue", 2),
    ("tues", 2),
    ("wed", 3),
    ("thu", 4),
    ("thurs", 4),
    ("fri", 5),
    ("sat", 6),
    ("sun", 7),
];

/// Uppercase words that are not organisation acronyms.
const NOT_ACRONYMS: &str = "ac am bc ceo cfo coo cto dc dj dna diy eu faq fm gdp gmt hiv hq id ii iii iv ix ok pc phd pm pr ps rip rna sms sos tv ufo usb utc vi vii viii vip vs xi xii xl xs xxl";

pub(crate) struct Lexicon {
    pub(crate) first_names: HashSet<&'static str>,
    pub(crate) common: HashSet<&'static str>,
    pub(crate) titles: HashSet<&'static str>,
    pub(crate) org_suffixes: HashSet<&'static str>,
    pub(crate) org_heads: HashSet<&'static str>,
    pub(crate) loc_suffixes: HashSet<&'static str>,
    pub(crate) fac_suffixes: HashSet<&'static str>,
    pub(crate) not_acronyms: HashSet<&'static str>,
}

impl Lexicon {
    pub(crate) fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| {
            let set = |s: &'static str| s.split_whitespace().collect::<HashSet<_>>();
            Lexicon {
                first_names: set(FIRST_NAMES),
                common: set(COMMON),
                titles: set(TITLES),
                org_suffixes: set(ORG_SUFFIXES),
                org_heads: set(ORG_HEADS),
                loc_suffixes: set(LOC_SUFFIXES),
                fac_suffixes: set(FAC_SUFFIXES),
                not_acronyms: set(NOT_ACRONYMS),
            }
        })
    }
}

pub(crate) fn month(norm: &str) -> Option<u8> {
    MONTHS.iter().find(|(m, _)| *m == norm).map(|&(_, n)| n)
}

pub(crate) fn weekday(norm: &str) -> Option<u8> {
    WEEKDAYS.iter().find(|(m, _)| *m == norm).map(|&(_, n)| n)
}
