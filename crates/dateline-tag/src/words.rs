//! Word lists kept as data: the files under `words/`, one entry a line,
//! sorted, each opening with a comment that says what the list means and
//! which modules read it. They are embedded at compile time
//! (`include_str!`); [`entries`] reads one, [`WordList`] is a hash set of
//! one for lookups, [`WordMap`] a hash map of a `word<TAB>value` list,
//! [`PhraseList`] a sorted list of phrases and [`EndingList`] a list of
//! word endings.

use std::sync::OnceLock;

use crate::fxhash::{FxHashMap, FxHashSet};

/// The entries of an embedded list file: its non-empty lines that are not
/// comments (`#`), trimmed.
pub(crate) fn entries(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Verbs of saying whose subject speaks, for every rule that reads one
/// (`words/speech_verbs.txt`).
pub(crate) static SPEECH_VERBS: WordList = WordList::new(include_str!("../words/speech_verbs.txt"));

/// An embedded word list, read into a hash set on first use.
#[derive(Debug)]
pub(crate) struct WordList {
    file: &'static str,
    words: OnceLock<FxHashSet<&'static str>>,
}

impl WordList {
    /// The list in `file` (the text of a `words/*.txt` file).
    pub(crate) const fn new(file: &'static str) -> WordList {
        WordList {
            file,
            words: OnceLock::new(),
        }
    }

    fn words(&self) -> &FxHashSet<&'static str> {
        self.words.get_or_init(|| entries(self.file).collect())
    }

    /// Whether `word` is on the list.
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.words().contains(word)
    }
}

/// A value an embedded word map gives its words: the text after the tab
/// of a `word<TAB>value` line, parsed.
pub(crate) trait MapValue: Copy + Send + Sync + 'static {
    /// The value written as `text`, or `None` if it does not parse.
    fn parse(text: &'static str) -> Option<Self>;
}

impl MapValue for crate::Label {
    fn parse(text: &'static str) -> Option<Self> {
        text.parse().ok()
    }
}

impl MapValue for &'static str {
    fn parse(text: &'static str) -> Option<Self> {
        Some(text)
    }
}

impl MapValue for f64 {
    fn parse(text: &'static str) -> Option<Self> {
        text.parse().ok()
    }
}

impl MapValue for i64 {
    fn parse(text: &'static str) -> Option<Self> {
        text.parse().ok()
    }
}

impl MapValue for i32 {
    fn parse(text: &'static str) -> Option<Self> {
        text.parse().ok()
    }
}

impl MapValue for u8 {
    fn parse(text: &'static str) -> Option<Self> {
        text.parse().ok()
    }
}

/// An embedded list of words with a value each (`word<TAB>value` lines),
/// read into a hash map on first use (the first line of a word wins). A line
/// whose value does not parse is skipped (a unit test checks that every
/// line of every map parses).
#[derive(Debug)]
pub(crate) struct WordMap<T: MapValue> {
    file: &'static str,
    words: OnceLock<FxHashMap<&'static str, T>>,
}

/// Words with the label each gives a name (`word<TAB>LABEL` lines, labels as
/// [`crate::Label`] writes them).
pub(crate) type LabelledList = WordMap<crate::Label>;

impl<T: MapValue> WordMap<T> {
    /// The map in `file` (the text of a `words/*.txt` file).
    pub(crate) const fn new(file: &'static str) -> WordMap<T> {
        WordMap {
            file,
            words: OnceLock::new(),
        }
    }

    fn words(&self) -> &FxHashMap<&'static str, T> {
        self.words.get_or_init(|| {
            let mut words = FxHashMap::default();
            for l in entries(self.file) {
                if let Some((w, value)) = l.split_once('\t')
                    && let Some(value) = T::parse(value.trim())
                {
                    words.entry(w.trim()).or_insert(value);
                }
            }
            words
        })
    }

    /// The value of `word`, if it is on the list.
    pub(crate) fn get(&self, word: &str) -> Option<T> {
        self.words().get(word).copied()
    }

    /// The number of entries.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.words().len()
    }
}

/// An embedded list of phrases (words separated by single spaces, one
/// phrase a line), searched by binary search once read.
#[derive(Debug)]
pub(crate) struct PhraseList {
    file: &'static str,
    phrases: OnceLock<Vec<Vec<&'static str>>>,
}

impl PhraseList {
    /// The list in `file` (the text of a `words/*.txt` file).
    pub(crate) const fn new(file: &'static str) -> PhraseList {
        PhraseList {
            file,
            phrases: OnceLock::new(),
        }
    }

    fn phrases(&self) -> &[Vec<&'static str>] {
        self.phrases.get_or_init(|| {
            let mut phrases: Vec<Vec<&'static str>> =
                entries(self.file).map(|l| l.split(' ').collect()).collect();
            phrases.sort_unstable();
            phrases.dedup();
            phrases
        })
    }

    /// Whether the words `words`, in order, are a phrase on the list.
    pub(crate) fn contains(&self, words: &[&str]) -> bool {
        self.phrases()
            .binary_search_by(|p| p.as_slice().cmp(words))
            .is_ok()
    }
}

/// An embedded list of word endings ("ians", "ites"), read on first use.
#[derive(Debug)]
pub(crate) struct EndingList {
    file: &'static str,
    endings: OnceLock<Vec<&'static str>>,
}

impl EndingList {
    /// The list in `file` (the text of a `words/*.txt` file).
    pub(crate) const fn new(file: &'static str) -> EndingList {
        EndingList {
            file,
            endings: OnceLock::new(),
        }
    }

    /// Whether `word` ends with one of the endings.
    pub(crate) fn ends(&self, word: &str) -> bool {
        self.endings
            .get_or_init(|| entries(self.file).collect())
            .iter()
            .any(|e| word.ends_with(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_is_sorted_unique_and_says_what_it_is() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("words");
        let mut n = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let name = path.display();
            assert!(text.starts_with("# "), "{name}: opens with a comment");
            assert!(text.contains("# Read by: "), "{name}: says who reads it");
            let words: Vec<&str> = text
                .lines()
                .filter(|l| !l.starts_with('#') && !l.is_empty())
                .collect();
            assert!(!words.is_empty(), "{name}: has entries");
            assert!(
                words.windows(2).all(|w| w[0] < w[1]),
                "{name}: sorted, each entry once"
            );
            assert!(
                words
                    .iter()
                    .all(|w| w.trim() == *w && !w.contains("  ") && !w.contains(" \t")),
                "{name}: one entry a line (a word, or a phrase of words one space apart)"
            );
            n += 1;
        }
        assert!(n >= 18, "{n} lists");
    }

    #[test]
    fn a_list_finds_its_words() {
        let list = WordList::new("# test\n# Read by: -.\nb\na\nc\n");
        assert!(list.contains("a") && list.contains("c"));
        assert!(!list.contains("d") && !list.contains("# test"));
    }

    #[test]
    fn an_ending_list_finds_its_endings() {
        let list = EndingList::new("# test\n# Read by: -.\nians\nites\n");
        assert!(list.ends("Athenians") && list.ends("Hittites"));
        assert!(!list.ends("Athens") && !list.ends("ian"));
    }

    #[test]
    fn every_labelled_line_parses() {
        let file = include_str!("../words/kind_nouns.txt");
        let list = LabelledList::new(file);
        assert_eq!(list.len(), entries(file).count());
        assert_eq!(list.get("band"), Some(crate::Label::Org));
        assert_eq!(list.get("village"), Some(crate::Label::Gpe));
        assert_eq!(list.get("banned"), None);
    }
}
