//! Grammatical gender of person names, for resolving "he said" / "she said".
//!
//! Only positive evidence counts: a listed first name
//! (`words/given_names_male.txt`, `words/given_names_female.txt`), a Slavic
//! surname ending that marks gender (-ova/-ev..., `words/names_surname_*.txt`),
//! or a gendered honorific in front of the mention
//! (`words/names_titles_*.txt`). Anything else is unknown (compatible with
//! either pronoun).

/// Grammatical gender of a person or pronoun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
}

use crate::words::{WordList, entries};

/// Slavic surname endings that mark a woman (Peskova).
const FEMALE_ENDINGS: &str = include_str!("../../words/names_surname_female.txt");
/// Slavic surname endings that mark a man (Peskov).
const MALE_ENDINGS: &str = include_str!("../../words/names_surname_male.txt");
/// Honorifics and gendered titles that mark a man (`Mr.`, `the chairman`).
static MALE_TITLES: WordList = WordList::new(include_str!("../../words/names_titles_male.txt"));
/// Honorifics and gendered titles that mark a woman (`Mrs.`, `Queen`).
static FEMALE_TITLES: WordList = WordList::new(include_str!("../../words/names_titles_female.txt"));

/// Given names that mark a man (one source with the tagger's given names).
static MALE: WordList = WordList::new(include_str!("../../words/given_names_male.txt"));
/// Given names that mark a woman.
static FEMALE: WordList = WordList::new(include_str!("../../words/given_names_female.txt"));

/// Gender evidence from a first name.
fn from_first_name(first: &str) -> Option<Gender> {
    let lower = first.to_lowercase();
    if MALE.contains(&lower) {
        Some(Gender::Male)
    } else if FEMALE.contains(&lower) {
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
    let ends_with = |file: &'static str| entries(file).any(|e| lower.ends_with(e));
    if ends_with(FEMALE_ENDINGS) {
        Some(Gender::Female)
    } else if ends_with(MALE_ENDINGS) {
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
    let lower = word.to_lowercase();
    let title = lower.trim_end_matches('.');
    if MALE_TITLES.contains(title) {
        Some(Gender::Male)
    } else if FEMALE_TITLES.contains(title) {
        Some(Gender::Female)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_given_name_has_one_gender_and_is_a_given_name() {
        let lex = crate::lexicon::Lexicon::get();
        for (file, other) in [
            (include_str!("../../words/given_names_male.txt"), &FEMALE),
            (include_str!("../../words/given_names_female.txt"), &MALE),
        ] {
            for name in crate::words::entries(file) {
                assert!(!other.contains(name), "{name} is in both gendered lists");
                let gender_only =
                    crate::words::entries(include_str!("../../words/given_names_gender_only.txt"))
                        .any(|n| n == name);
                assert!(
                    lex.first_names.contains(name) != gender_only,
                    "{name}: a given name of the tagger unless marked gender-only"
                );
            }
        }
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
