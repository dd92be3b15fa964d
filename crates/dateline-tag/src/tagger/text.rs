//! Word lists and word tests the passes share. The lists are files under
//! `words/`, embedded at compile time.

use crate::words::WordList;

/// Direction, size and age words that qualify a place ("Northern Ireland",
/// "Greater London", "Outer Mongolia", "Old Goa").
/// Words that may join the capitalized words of one name.
static CONNECTORS: WordList = WordList::new(include_str!("../../words/connectors.txt"));

/// Particles inside a person's name.
static NAME_PARTICLES: WordList = WordList::new(include_str!("../../words/name_particles.txt"));

pub(super) static QUALIFIERS: WordList = WordList::new(include_str!("../../words/qualifiers.txt"));

/// Epithets after a ruler's or an artist's name ("Pliny the Elder", "Louis
/// the German"), part of the name.
pub(super) static EPITHETS: WordList = WordList::new(include_str!("../../words/epithets.txt"));

/// Words after a kind noun that end its noun phrase ("a music album released in",
/// "a band from"), so the noun is its head and not a modifier ("a band member").
pub(super) static NOUN_PHRASE_END: WordList =
    WordList::new(include_str!("../../words/noun_phrase_end.txt"));

/// Abbreviations written with an ampersand that are no names.
pub(super) static AMPERSAND_WORDS: WordList =
    WordList::new(include_str!("../../words/ampersand_words.txt"));

/// Lowercase words inside a name that opens a defining sentence ("30
/// Seconds to Mars is a band", "Ein Lied von Liebe und Tod is a film").
pub(super) static SUBJECT_CONNECTORS: WordList =
    WordList::new(include_str!("../../words/subject_connectors.txt"));

/// Short words title case leaves in lowercase: articles, conjunctions and
/// prepositions ("Russia Meddled in US Election, Chiefs Say"). Longer
/// prepositions ("from", "with") are capitalized by some styles and not by
/// others, so they count as lowercase words.
pub(super) static TITLE_CASE_LOWER: WordList =
    WordList::new(include_str!("../../words/title_case_lower.txt"));

/// Words before a country or city name that make a new, geographic name:
/// "Mount Kenya", "Lake Victoria" (the lake, not the state).
pub(super) static GEO_PREFIXES: WordList =
    WordList::new(include_str!("../../words/geo_prefixes.txt"));

/// A regnal number written in capitals: "II" to "XXX" ("I" is the pronoun
/// far more often).
pub(super) fn is_regnal(text: &str) -> bool {
    (2..=5).contains(&text.len())
        && text.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
        && !text.contains("IIII")
}

/// A type designation: one to three capitals, a hyphen and a number ("P-38",
/// "F-4", "EF-111", "MiG-21" is not one).
pub(super) fn is_designation(text: &str) -> bool {
    let Some((letters, digits)) = text.split_once('-') else {
        return false;
    };
    (1..=3).contains(&letters.len())
        && letters.chars().all(|c| c.is_ascii_uppercase())
        && !digits.is_empty()
        && digits.len() <= 4
        && digits.chars().all(|c| c.is_ascii_digit())
}

/// Whether `n` may join the capitalized words of one name
/// (`words/connectors.txt`).
pub(super) fn is_connector(n: &str) -> bool {
    CONNECTORS.contains(n)
}

/// Whether `n` is a particle inside a person's name
/// (`words/name_particles.txt`).
pub(super) fn is_particle(n: &str) -> bool {
    NAME_PARTICLES.contains(n)
}

/// Whether a token opens a quotation (a straight quote both opens and closes).
pub(super) fn opens_quote(t: &str) -> bool {
    matches!(t, "\"" | "\u{201c}" | "\u{ab}")
}

/// Whether a token closes a quotation.
pub(super) fn closes_quote(t: &str) -> bool {
    matches!(t, "\"" | "\u{201d}" | "\u{bb}")
}

/// A word written as one name, not two run together by a bad scrape
/// ("Amash.Image", "CollinsImage"); "McDonald" and "DeSantis" are fine.
pub(super) fn plain_word(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    !text.contains('.')
        && !chars
            .windows(2)
            .enumerate()
            .any(|(i, w)| i >= 3 && w[0].is_lowercase() && w[1].is_uppercase())
}

/// Capitalizes each word of a person's name ("Donald trump" → "Donald
/// Trump"), leaving particles and connectors after the first word as written
/// ("Ludwig van Beethoven", "Lucas Cranach the Elder").
pub(super) fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, word) in s.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if i > 0 && (is_particle(word) || is_connector(word)) {
            out.push_str(word);
            continue;
        }
        let mut start = true;
        for c in word.chars() {
            if start && c.is_alphabetic() {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
            start = c == '-';
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::title_case;

    #[test]
    fn title_case_capitalizes_names_but_not_particles() {
        assert_eq!(title_case("Donald trump"), "Donald Trump");
        assert_eq!(title_case("christopher ray"), "Christopher Ray");
        assert_eq!(title_case("ludwig van beethoven"), "Ludwig van Beethoven");
        assert_eq!(
            title_case("lucas cranach the elder"),
            "Lucas Cranach the Elder"
        );
        assert_eq!(title_case("jean-luc picard"), "Jean-Luc Picard");
        assert_eq!(title_case("van morrison"), "Van Morrison");
    }
}
