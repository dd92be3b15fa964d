//! Word lists kept as data: the files under `words/`, one entry a line,
//! sorted, each opening with a comment that says what the list means and
//! which modules read it. They are embedded at compile time
//! (`include_str!`); [`entries`] reads one, [`WordList`] is a sorted set of
//! one for lookups.

use std::sync::OnceLock;

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

/// An embedded word list, searched by binary search once read.
#[derive(Debug)]
pub(crate) struct WordList {
    file: &'static str,
    words: OnceLock<Vec<&'static str>>,
}

impl WordList {
    /// The list in `file` (the text of a `words/*.txt` file).
    pub(crate) const fn new(file: &'static str) -> WordList {
        WordList {
            file,
            words: OnceLock::new(),
        }
    }

    fn words(&self) -> &[&'static str] {
        self.words.get_or_init(|| {
            let mut words: Vec<&'static str> = entries(self.file).collect();
            words.sort_unstable();
            words.dedup();
            words
        })
    }

    /// Whether `word` is on the list.
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.words().binary_search(&word).is_ok()
    }
}

/// An embedded list of words with a label each (`word<TAB>LABEL` lines,
/// labels as [`crate::Label`] writes them), searched by binary search once
/// read. A line whose label does not parse is skipped (a unit test checks
/// that every line parses).
#[derive(Debug)]
pub(crate) struct LabelledList {
    file: &'static str,
    words: OnceLock<Vec<(&'static str, crate::Label)>>,
}

impl LabelledList {
    /// The list in `file` (the text of a `words/*.txt` file).
    pub(crate) const fn new(file: &'static str) -> LabelledList {
        LabelledList {
            file,
            words: OnceLock::new(),
        }
    }

    fn words(&self) -> &[(&'static str, crate::Label)] {
        self.words.get_or_init(|| {
            let mut words: Vec<(&'static str, crate::Label)> = entries(self.file)
                .filter_map(|l| {
                    let (w, label) = l.split_once('\t')?;
                    Some((w.trim(), label.trim().parse().ok()?))
                })
                .collect();
            words.sort_unstable_by(|a, b| a.0.cmp(b.0));
            words.dedup_by(|a, b| a.0 == b.0);
            words
        })
    }

    /// The label of `word`, if it is on the list.
    pub(crate) fn get(&self, word: &str) -> Option<crate::Label> {
        let words = self.words();
        words
            .binary_search_by(|(w, _)| (*w).cmp(word))
            .ok()
            .map(|i| words[i].1)
    }

    /// The number of entries.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.words().len()
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
                words.iter().all(|w| w.trim() == *w && !w.contains(' ')),
                "{name}: one word a line"
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
    fn every_labelled_line_parses() {
        let file = include_str!("../words/kind_nouns.txt");
        let list = LabelledList::new(file);
        assert_eq!(list.len(), entries(file).count());
        assert_eq!(list.get("band"), Some(crate::Label::Org));
        assert_eq!(list.get("village"), Some(crate::Label::Gpe));
        assert_eq!(list.get("banned"), None);
    }
}
