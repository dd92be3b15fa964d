//! Word lists shared by the token rules and the sentence splitter:
//! abbreviations that keep their period, and the capitalized words that
//! usually open a sentence.
//!
//! Lookups are case-insensitive over short ASCII words, so they cost a few
//! comparisons; the lists are small and sorted for binary search.

/// Titles and place prefixes that stand before a name or number: never the
/// end of a sentence ("Mr. Smith", "Gen. Milley", "Mt. Fuji").
static TITLES: &[&str] = &[
    "adm", "brig", "capt", "cmdr", "col", "cpl", "cpt", "det", "dr", "fr", "ft", "gen", "gov",
    "hon", "insp", "lt", "maj", "messrs", "mme", "mr", "mrs", "ms", "mt", "pres", "prof", "pvt",
    "rep", "rev", "sen", "sgt", "st", "supt",
];

/// Abbreviations that may also end a sentence ("Briggs & Co. It closed").
static OTHERS: &[&str] = &[
    "al", "approx", "apr", "assn", "aug", "ave", "blvd", "bros", "ca", "cf", "ch", "co", "corp",
    "dec", "dept", "est", "etc", "feb", "fig", "govt", "inc", "intl", "jan", "jr", "jul", "jun",
    "llc", "ltd", "mar", "natl", "no", "nos", "nov", "n°", "nº", "oct", "p", "para", "plc", "pp",
    "rd", "sep", "sept", "sq", "sr", "univ", "vol", "vs",
];

/// Capitalized words that usually open a new sentence; after an abbreviation
/// such a word means the abbreviation also ended the sentence.
static STARTERS: &[&str] = &[
    "a",
    "according",
    "after",
    "all",
    "also",
    "although",
    "an",
    "and",
    "are",
    "as",
    "at",
    "because",
    "before",
    "being",
    "both",
    "but",
    "can",
    "could",
    "did",
    "do",
    "does",
    "during",
    "each",
    "earlier",
    "every",
    "for",
    "from",
    "furthermore",
    "had",
    "has",
    "have",
    "he",
    "hence",
    "her",
    "here",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "instead",
    "is",
    "it",
    "its",
    "last",
    "later",
    "let",
    "many",
    "meanwhile",
    "more",
    "moreover",
    "most",
    "my",
    "neither",
    "nevertheless",
    "no",
    "not",
    "now",
    "on",
    "one",
    "or",
    "other",
    "others",
    "our",
    "several",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "therefore",
    "these",
    "they",
    "this",
    "those",
    "though",
    "thus",
    "today",
    "tomorrow",
    "two",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "would",
    "yesterday",
    "yet",
    "you",
    "your",
];

/// Prepositions that open a fronted time phrase ("At 5 a.m. Mr. Smith left").
static TIME_PREPOSITIONS: &[&str] = &[
    "about", "after", "around", "at", "before", "by", "from", "on", "since", "till", "until",
];

fn lookup(list: &[&str], word: &str) -> bool {
    if word.is_empty() || word.len() > 12 {
        return false;
    }
    let mut buf = [0u8; 16];
    let mut n = 0;
    for &b in word.as_bytes() {
        buf[n] = b.to_ascii_lowercase();
        n += 1;
    }
    match std::str::from_utf8(&buf[..n]) {
        Ok(w) => list.binary_search(&w).is_ok(),
        Err(_) => false,
    }
}

/// A title or prefix abbreviation (without its period): "Mr", "gen", "St".
pub(crate) fn is_title(word: &str) -> bool {
    lookup(TITLES, word)
}

/// Any known abbreviation (without its period), titles included.
pub(crate) fn is_known(word: &str) -> bool {
    lookup(TITLES, word) || lookup(OTHERS, word)
}

/// "U.S", "e.g", "a.m": single letters joined by periods (final period not included).
pub(crate) fn is_dotted(word: &str) -> bool {
    let mut parts = 0;
    for part in word.split('.') {
        let mut chars = part.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_alphabetic() => parts += 1,
            _ => return false,
        }
    }
    parts >= 2
}

/// A single letter ("E", "p", "I").
pub(crate) fn is_single_letter(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic())
}

/// "a.m" / "p.m" in any case.
pub(crate) fn is_time(word: &str) -> bool {
    word.eq_ignore_ascii_case("a.m") || word.eq_ignore_ascii_case("p.m")
}

/// A word that usually opens a sentence (compared case-insensitively).
pub(crate) fn is_starter(word: &str) -> bool {
    lookup(STARTERS, word)
}

/// A preposition that opens a fronted time phrase.
pub(crate) fn is_time_preposition(word: &str) -> bool {
    lookup(TIME_PREPOSITIONS, word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted() {
        for list in [TITLES, OTHERS, STARTERS, TIME_PREPOSITIONS] {
            let mut sorted = list.to_vec();
            sorted.sort_unstable();
            assert_eq!(sorted, list);
        }
    }

    #[test]
    fn abbreviations_are_short() {
        // The one-word fast path of the news rules looks up words of at most 6 bytes.
        assert!(TITLES.iter().chain(OTHERS).all(|w| w.len() <= 6));
    }

    #[test]
    fn classifies() {
        assert!(is_title("Mr") && is_title("GEN") && !is_title("Co"));
        assert!(is_known("Co") && is_known("jan") && is_known("N°"));
        assert!(is_dotted("U.S") && is_dotted("a.m") && !is_dotted("U") && !is_dotted("Jane.Doe"));
        assert!(is_single_letter("E") && !is_single_letter("Ex"));
        assert!(is_starter("The") && is_starter("HOW") && !is_starter("Government"));
        assert!(is_time("P.M") && !is_time("pm"));
    }
}
