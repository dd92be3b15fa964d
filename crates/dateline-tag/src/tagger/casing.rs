//! What capitals say: headline-style sentences and words seen capitalized inside a sentence.

use super::*;

impl<'k, 'a> Doc<'k, 'a> {
    /// A headline-style sentence: no word written in lowercase other than
    /// the short function words title case leaves in lowercase ("of",
    /// "the", "to"), and ordinary words capitalized ("Will",
    /// "Elections"): two of them, or one in a short line.
    pub(super) fn is_title_case(&self, r: Range<usize>) -> bool {
        let mut lower = 0;
        let mut common_caps = 0;
        let mut words = 0;
        // Quoted titles ("From Here", "The Story") do not make the
        // sentence around them a headline.
        let mut quoted = false;
        for t in &self.toks[r] {
            match (opens_quote(t.text), closes_quote(t.text)) {
                (true, true) => quoted = !quoted,
                (true, false) => quoted = true,
                (false, true) => quoted = false,
                (false, false) => {}
            }
            words += usize::from(t.is_word());
            if !t.is_word() || t.sent_start || quoted {
                continue;
            }
            if t.lower() {
                if !TITLE_CASE_LOWER.contains(t.norm.as_ref()) {
                    lower += 1;
                }
            } else if t.cap
                && t.text.chars().count() >= 4
                && self.lex.common.contains(t.norm.as_ref())
                // "General Ross Hoyt" in a list is a title, not a headline word.
                && !self.lex.titles.contains(t.norm.as_ref())
            {
                common_caps += 1;
            }
        }
        lower == 0 && common_caps >= 1 && (common_caps >= 2 || words <= 12)
    }

    pub(super) fn collect_capitalized(&mut self) {
        for t in &self.toks {
            if t.cap
                && !t.sent_start
                && t.is_word()
                && !t.upper
                && !self.capitalized.contains(t.norm.as_ref())
            {
                self.capitalized.insert(t.norm.to_string());
            }
        }
    }
}
