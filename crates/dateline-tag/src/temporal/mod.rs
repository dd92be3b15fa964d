//! Dates, times, money and percentages, with normalized values.
//!
//! These expressions are scanned on the characters of a sentence with a tiny
//! lexer of their own (words, digit groups, symbols), so that the result does
//! not depend on how the tokenizer splits `$380`, `5,000` or `2018-07-19`.
//! Values follow TIMEX conventions for dates (`2018-07-19`, `2018-07`,
//! `2016`, `XXXX-WXX-5` for a weekday with no reference date), `USD 380000000`
//! for money and a plain number for percentages. Relative dates are resolved
//! against the document's date when known; "a day earlier" is resolved
//! against the last full date mentioned before it.
//!
//! The scanner asks its rules ([`RULES`](rules::RULES), one function each
//! in `rules.rs`, ids `dates.money-symbol`, `dates.weekday`, …) in order at
//! every token of a sentence; the first that matches decides. The lexer and
//! the word tables sit in `lex.rs`.

mod lex;
mod rules;
#[cfg(test)]
mod tests;

use std::collections::VecDeque;

use self::lex::{Lx, day_num, is_year, lex, month_name};
use self::rules::{RULES, Step};
use crate::lexicon::weekday;
use crate::words::WordList;
use crate::{Date, Label, Span};

/// Time zones after a time of day (`words/date_time_zones.txt`).
static TIME_ZONES: WordList = WordList::new(include_str!("../../words/date_time_zones.txt"));

/// A temporal or numeric expression.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub(crate) span: Span,
    pub(crate) label: Label,
    pub(crate) value: Option<String>,
    /// The id of the rule that found it.
    pub(crate) rule: &'static str,
}

/// Scanner state across a document.
#[derive(Debug, Clone, Default)]
pub(crate) struct Scanner {
    pub(crate) reference: Option<Date>,
    /// A year to read month names in when no reference date is known.
    pub(crate) reference_year: Option<i32>,
    /// Last full date mentioned, for "a day earlier".
    anchor: Option<Date>,
    /// Bit `i` set: rule `i` of [`RULES`](rules::RULES) is switched off.
    pub(crate) off: u64,
}

/// The scanner's rules: (id, what it finds), in the order they are asked.
pub(crate) fn rule_ids() -> impl Iterator<Item = (&'static str, &'static str)> {
    RULES.iter().map(|r| (r.id, r.about))
}

/// The index of the scanner's rule `id`.
pub(crate) fn find_rule(id: &str) -> Option<usize> {
    RULES.iter().position(|r| r.id == id)
}

impl Scanner {
    pub(crate) fn new(reference: Option<Date>) -> Scanner {
        Scanner {
            reference,
            ..Scanner::default()
        }
    }

    /// Scans `text` (a sentence starting at byte `base` of the document).
    pub(crate) fn scan(&mut self, text: &str, base: usize) -> Vec<Found> {
        let lx: Vec<Lx<'_>> = lex(text).collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < lx.len() {
            if let Some((n, f)) = self.at(&lx, i) {
                out.push(Found {
                    span: Span::new(base + f.span.start, base + f.span.end),
                    ..f
                });
                i += n.max(1);
            } else {
                i += 1;
            }
        }
        out
    }

    /// The expression starting at token `i`, if any: the first rule that
    /// matches or stops decides.
    fn at(&mut self, lx: &[Lx<'_>], i: usize) -> Option<(usize, Found)> {
        for (k, r) in RULES.iter().enumerate() {
            if self.off & (1 << k) != 0 || r.at.is_some_and(|kind| kind != lx[i].k) {
                continue;
            }
            match (r.rule)(self, lx, i) {
                Step::Next => {}
                Step::Stop => return None,
                Step::Match(n, f) => return Some((n, Found { rule: r.id, ..f })),
            }
        }
        None
    }

    /// Records a match of `n` tokens from `i` (a full date becomes the
    /// anchor of "a day earlier").
    fn found(
        &mut self,
        lx: &[Lx<'_>],
        i: usize,
        n: usize,
        label: Label,
        value: Option<String>,
    ) -> Option<(usize, Found)> {
        if label == Label::Date
            && let Some(v) = &value
            && let Ok(d) = v.parse::<Date>()
        {
            self.anchor = Some(d);
        }
        Some((
            n,
            Found {
                span: Span::new(lx[i].s, lx[i + n - 1].e),
                label,
                value,
                rule: "",
            },
        ))
    }

    fn time_at(&mut self, lx: &[Lx<'_>], i: usize) -> Option<(usize, Found)> {
        let l = &lx[i];
        let (h, mi) = match l.t.split_once(':') {
            Some((h, m)) if m.len() == 2 => (h.parse::<u8>().ok()?, m.parse::<u8>().ok()?),
            Some(_) => return None,
            None if l.t.len() <= 2 => (l.t.parse::<u8>().ok()?, 0),
            None => return None,
        };
        if h > 24 || mi > 59 {
            return None;
        }
        let next = lx.get(i + 1).map(|x| x.low.as_ref()).unwrap_or("");
        let (n, h24) = match next {
            "a.m." | "am" | "a.m" => (2, if h == 12 { 0 } else { h }),
            "p.m." | "pm" | "p.m" => (2, if h == 12 { 12 } else { h + 12 }),
            _ if l.t.contains(':') => (1, h),
            _ => return None,
        };
        let mut n = n;
        if let Some(z) = lx.get(i + n)
            && TIME_ZONES.contains(z.t)
        {
            n += 1;
        }
        self.found(lx, i, n, Label::Time, Some(format!("T{h24:02}:{mi:02}")))
    }

    fn month_day_value(&self, year: Option<i32>, m: u8, d: Option<u8>) -> Option<String> {
        let y = year
            .or(self.reference.map(|r| r.year))
            .or(self.reference_year);
        match (y, d) {
            (Some(y), Some(d)) => Date::new(y, m, d).map(|x| x.to_string()),
            (None, Some(d)) => Some(format!("XXXX-{m:02}-{d:02}")),
            (Some(y), None) => Some(format!("{y:04}-{m:02}")),
            (None, None) => Some(format!("XXXX-{m:02}")),
        }
    }
}

/// The latest year (1990 or later) a text mentions.
pub(crate) fn latest_year(text: &str) -> Option<i32> {
    lex(text)
        .filter_map(|l| is_year(&l))
        .filter(|&y| y >= 1990)
        .max()
}

/// Guesses a document's reference date from its text when metadata has none:
/// an ISO date in the first lines, else the year that makes a written
/// "Weekday, Month Day" consistent (the latest such year not long after the
/// latest year the article mentions).
pub(crate) fn infer_reference(text: &str) -> Option<Date> {
    let head_end = text.char_indices().nth(400).map_or(text.len(), |(i, _)| i);
    let lx: Vec<Lx<'_>> = lex(&text[..head_end]).collect();
    for k in 0..lx.len() {
        if let Some(y) = is_year(&lx[k])
            && lx.get(k + 1).is_some_and(|x| x.t == "-")
            && lx.get(k + 3).is_some_and(|x| x.t == "-")
        {
            let m = lx.get(k + 2).and_then(|x| x.t.parse::<u8>().ok());
            let d = lx.get(k + 4).and_then(|x| x.t.parse::<u8>().ok());
            if let (Some(m), Some(d)) = (m, d)
                && let Some(date) = Date::new(y, m, d)
            {
                return Some(date);
            }
        }
    }
    // One pass over the article, holding a window of the tokens from a
    // weekday to its year: the latest year, and each "Weekday, Month Day"
    // written without a year, read in the latest year that fits once it is
    // known.
    const WINDOW: usize = 6;
    let mut tokens = lex(text);
    let mut win: VecDeque<Lx<'_>> = tokens.by_ref().take(WINDOW).collect();
    let mut max_year: Option<i32> = None;
    let mut written: Vec<(u8, u8, u8)> = Vec::new();
    while let Some(first) = win.front() {
        if let Some(y) = is_year(first).filter(|&y| y >= 1990) {
            max_year = max_year.max(Some(y));
        }
        written.extend(weekday_date(win.make_contiguous()));
        win.pop_front();
        win.extend(tokens.next());
    }
    let max_year = max_year?;
    written.into_iter().find_map(|(wd, m, d)| {
        (max_year..=max_year + 4)
            .rev()
            .filter_map(|y| Date::new(y, m, d))
            .find(|date| date.weekday() + 1 == wd)
    })
}

/// The weekday, month and day of "Weekday[,] Month Day" at the start of
/// `lx`, written with no year after it.
fn weekday_date(lx: &[Lx<'_>]) -> Option<(u8, u8, u8)> {
    let wd = weekday(&lx[0].low).filter(|_| lx[0].low.len() > 3)?;
    let mut j = 1;
    if lx.get(j).is_some_and(|x| x.t == ",") {
        j += 1;
    }
    let m = lx.get(j).and_then(month_name)?;
    let d = lx.get(j + 1).and_then(day_num)?;
    if lx.get(j + 2).and_then(is_year).is_some() || lx.get(j + 3).and_then(is_year).is_some() {
        return None;
    }
    Some((wd, m, d))
}

#[cfg(feature = "eval")]
/// Whether `text` is exactly the name of a holiday ("Thanksgiving",
/// "Armistice Day"), which some annotation schemes count as a named
/// thing rather than a date.
pub(crate) fn is_holiday(text: &str) -> bool {
    let words: Vec<String> = text.split_whitespace().map(|w| w.to_lowercase()).collect();
    let at = |k: usize| words.get(k).map_or("", String::as_str);
    text.chars().next().is_some_and(char::is_uppercase)
        && !words.is_empty()
        && lex::holiday_len(at(0), at(1), at(2)).is_some_and(|n| n == words.len())
}
