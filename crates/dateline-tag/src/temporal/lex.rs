//! The scanner's own little lexer (words, digit groups, single symbols) and
//! the word tables and value helpers its rules read.
//!
//! The lexer is an iterator, so that a scan over a whole document (the latest
//! year, the reference date) holds a few tokens at a time rather than one per
//! symbol of the article; a sentence's rules read its tokens as a slice.

use std::borrow::Cow;

use crate::Date;
use crate::lexicon::month;
use crate::words::{PhraseList, WordMap};

/// Scale words and what they multiply by (`words/date_scale_words.txt`).
static SCALE_WORDS: WordMap<f64> = WordMap::new(include_str!("../../words/date_scale_words.txt"));

/// Currency words and their codes (`words/date_currency_words.txt`).
static CURRENCY_WORDS: WordMap<&str> =
    WordMap::new(include_str!("../../words/date_currency_words.txt"));

/// Currency symbols and their codes (`words/date_currency_symbols.txt`).
static CURRENCY_SYMBOLS: WordMap<&str> =
    WordMap::new(include_str!("../../words/date_currency_symbols.txt"));

/// Words that date a unit relative to the article, and by how many units
/// (`words/date_relative_words.txt`).
pub(super) static RELATIVE_WORDS: WordMap<i32> =
    WordMap::new(include_str!("../../words/date_relative_words.txt"));

/// Holiday names (`words/date_holidays.txt`).
static HOLIDAYS: PhraseList = PhraseList::new(include_str!("../../words/date_holidays.txt"));

/// A scanner token's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum K {
    Word,
    Num,
    Sym,
}

/// A scanner token.
#[derive(Debug, Clone)]
pub(super) struct Lx<'a> {
    /// Start byte, in the scanned text.
    pub(super) s: usize,
    /// End byte.
    pub(super) e: usize,
    pub(super) k: K,
    /// The text.
    pub(super) t: &'a str,
    /// The text in lowercase.
    pub(super) low: Cow<'a, str>,
}

fn lower(t: &str) -> Cow<'_, str> {
    if t.chars().any(char::is_uppercase) {
        Cow::Owned(t.to_lowercase())
    } else {
        Cow::Borrowed(t)
    }
}

/// The scanner's tokens of `text`, in order.
pub(super) fn lex(text: &str) -> Lexer<'_> {
    Lexer { text, i: 0 }
}

/// An iterator over the scanner's tokens of a text ([`lex`]).
#[derive(Debug, Clone)]
pub(super) struct Lexer<'a> {
    text: &'a str,
    i: usize,
}

impl<'a> Iterator for Lexer<'a> {
    type Item = Lx<'a>;

    fn next(&mut self) -> Option<Lx<'a>> {
        let text = self.text;
        let b = text.as_bytes();
        loop {
            let i = self.i;
            let c = text.get(i..)?.chars().next()?;
            let (j, k) = if c.is_alphabetic() {
                let mut j = i;
                for (o, ch) in text[i..].char_indices() {
                    if ch.is_alphabetic() || (ch == '.' && is_abbrev_dot(text, i + o)) {
                        j = i + o + ch.len_utf8();
                    } else if (ch == '\'' || ch == '’')
                        && text[i + o + ch.len_utf8()..].starts_with('s')
                    {
                        j = i + o + ch.len_utf8() + 1;
                        break;
                    } else {
                        break;
                    }
                }
                (j, K::Word)
            } else if c.is_ascii_digit() {
                let mut j = i;
                while j < b.len() {
                    let ch = b[j];
                    if ch.is_ascii_digit()
                        || ((ch == b',' || ch == b'.' || ch == b':')
                            && j + 1 < b.len()
                            && b[j + 1].is_ascii_digit()
                            && j > i)
                    {
                        j += 1;
                    } else {
                        break;
                    }
                }
                (j, K::Num)
            } else if c.is_whitespace() {
                self.i = i + c.len_utf8();
                continue;
            } else {
                (i + c.len_utf8(), K::Sym)
            };
            let t = &text[i..j];
            self.i = j;
            return Some(Lx {
                s: i,
                e: j,
                k,
                t,
                // Only words have letters to lower.
                low: if k == K::Word {
                    lower(t)
                } else {
                    Cow::Borrowed(t)
                },
            });
        }
    }
}

/// A dot inside an abbreviation such as "a.m." or "U.S.".
pub(super) fn is_abbrev_dot(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + 1..].chars().next();
    before.is_some_and(|c| c.is_alphabetic())
        && (after.is_some_and(|c| c.is_alphabetic())
            || text[..at].chars().rev().nth(1) == Some('.'))
}

pub(super) fn num_value(t: &str) -> Option<f64> {
    let clean: String = t.chars().filter(|&c| c != ',').collect();
    clean.parse::<f64>().ok()
}

pub(super) fn scale(word: &str) -> Option<f64> {
    SCALE_WORDS.get(word)
}

pub(super) fn currency_word(word: &str) -> Option<&'static str> {
    CURRENCY_WORDS.get(word)
}

pub(super) fn currency_symbol(t: &str) -> Option<&'static str> {
    CURRENCY_SYMBOLS.get(t)
}

pub(super) fn fmt_amount(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e18 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

pub(super) fn is_year(l: &Lx<'_>) -> Option<i32> {
    if l.k != K::Num || l.t.len() != 4 {
        return None;
    }
    let y: i32 = l.t.parse().ok()?;
    (1000..=2099).contains(&y).then_some(y)
}

pub(super) fn day_num(l: &Lx<'_>) -> Option<u8> {
    if l.k != K::Num || l.t.len() > 2 {
        return None;
    }
    let d: u8 = l.t.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

/// An ordinal day such as "19th" lexes as Num + Word("th").
pub(super) fn ordinal_suffix(l: Option<&Lx<'_>>, prev_end: usize) -> bool {
    l.is_some_and(|l| l.s == prev_end && matches!(l.low.as_ref(), "st" | "nd" | "rd" | "th"))
}

/// The month a month name (or a capitalized short form) names.
pub(super) fn month_name(l: &Lx<'_>) -> Option<u8> {
    let w = l.low.trim_end_matches('.');
    let m = month(w)?;
    // Short forms only when capitalized ("Mar", "Dec."); "may" only capitalized.
    let cap = l.t.chars().next().is_some_and(char::is_uppercase);
    if ((w.len() <= 4 && w != "june" && w != "july") || w == "may" || w == "march") && !cap {
        return None;
    }
    Some(m)
}

/// The TIMEX value of "last week", "next month", "this year" from date `d`.
pub(super) fn unit_value(d: Date, unit: &str, rel: &str) -> Option<String> {
    let off: i32 = RELATIVE_WORDS.get(rel).unwrap_or(0);
    match unit {
        "year" => Some(format!("{}", d.year + off)),
        "month" => {
            let total = d.year * 12 + i32::from(d.month) - 1 + off;
            Some(format!(
                "{:04}-{:02}",
                total.div_euclid(12),
                total.rem_euclid(12) + 1
            ))
        }
        "week" => {
            let monday = d.add_days(-i64::from(d.weekday()) + 7 * i64::from(off));
            Some(format!("{monday}"))
        }
        _ => None,
    }
}

/// How many words, from lowercase word `w` followed by `next` and `after`,
/// name a holiday: "Memorial Day" 2, "New Year's Eve" 3, "Christmas" 1.
pub(super) fn holiday_len(w: &str, next: &str, after: &str) -> Option<usize> {
    if HOLIDAYS.contains(&[w, next]) {
        Some(2)
    } else if HOLIDAYS.contains(&[w, next, after]) {
        Some(3)
    } else if HOLIDAYS.contains(&[w]) {
        Some(1)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::entries;

    #[test]
    fn every_map_line_parses() {
        let n = |file: &'static str| entries(file).count();
        assert_eq!(
            SCALE_WORDS.len(),
            n(include_str!("../../words/date_scale_words.txt"))
        );
        assert_eq!(
            CURRENCY_WORDS.len(),
            n(include_str!("../../words/date_currency_words.txt"))
        );
        assert_eq!(
            CURRENCY_SYMBOLS.len(),
            n(include_str!("../../words/date_currency_symbols.txt"))
        );
        assert_eq!(
            RELATIVE_WORDS.len(),
            n(include_str!("../../words/date_relative_words.txt"))
        );
        assert_eq!(scale("bn"), Some(1e9));
        assert_eq!(currency_symbol("€"), Some("EUR"));
        assert_eq!(holiday_len("new", "year's", "eve"), Some(3));
        assert_eq!(holiday_len("easter", "monday", ""), Some(2));
        assert_eq!(holiday_len("easter", "egg", ""), Some(1));
        assert_eq!(holiday_len("new", "year's", "resolution"), None);
    }
}
