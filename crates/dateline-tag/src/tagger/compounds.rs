//! Nationalities inside hyphenated words: "Soviet-led", "British-born",
//! "pro-European", "anti-American".
//!
//! The tokenizer keeps a hyphenated word whole, so the knowledge base,
//! which matches whole tokens, does not see the nationality inside it.
//! Such a word names the nationality (NORP, MISC in CoNLL terms) when the
//! part before the hyphen is a capitalized nationality the knowledge base
//! knows and the part after it a lowercase word ("Soviet-led"), or when a
//! lowercase prefix of attitude comes before a capitalized nationality
//! ("pro-European"). Two nationalities joined ("African-American") name a
//! nationality too.

use super::*;
use crate::words::WordList;

/// Prefixes of attitude before a nationality ("pro", "anti").
static PREFIXES: WordList = WordList::new(include_str!("../../words/compound_prefixes.txt"));

impl<'k, 'a> Doc<'k, 'a> {
    /// Pass `nationality-compounds`.
    pub(super) fn nationality_compounds(&mut self) {
        for k in 0..self.toks.len() {
            if self.taken[k] || !self.toks[k].is_word() {
                continue;
            }
            if self.names_nationality(self.toks[k].text) {
                self.push(k..k + 1, Label::Norp, Vec::new(), Source::Rule);
            }
        }
    }

    /// Whether a hyphenated word names a nationality.
    fn names_nationality(&self, text: &str) -> bool {
        let Some((head, tail)) = text.split_once('-') else {
            return false;
        };
        let capitalized = |s: &str| {
            s.chars().next().is_some_and(char::is_uppercase)
                && s.chars().any(char::is_lowercase)
                && s.chars().all(char::is_alphabetic)
        };
        let lower = |s: &str| s.chars().next().is_some_and(char::is_lowercase);
        let norp = |s: &str| self.kb.lookup(s).iter().any(|e| e.label == Label::Norp);
        if PREFIXES.contains(head) {
            capitalized(tail) && norp(tail)
        } else if capitalized(head) && norp(head) {
            lower(tail) || (capitalized(tail) && norp(tail))
        } else {
            false
        }
    }
}
