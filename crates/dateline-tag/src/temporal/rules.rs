//! The scanner's rules, one function each, asked in the order of [`RULES`]
//! at every token of a sentence: the first that matches (or stops the scan
//! at that token) decides.
//!
//! Each rule has a stable id, `dates.<name>`, recorded on the expression it
//! finds (`Tagger::explain` shows it after the pass id `dates`) and accepted
//! by `TaggerBuilder::disable`.

use super::lex::{
    K, Lx, RELATIVE_WORDS, currency_symbol, currency_word, day_num, fmt_amount, holiday_len,
    is_year, month_name, num_value, ordinal_suffix, scale, unit_value,
};
use super::{Found, Scanner};
use crate::lexicon::weekday;
use crate::words::{WordList, WordMap};
use crate::{Date, Label};

/// Prepositions that make a bare capitalized "May" or "March" a month.
static DATE_PREPOSITIONS: WordList =
    WordList::new(include_str!("../../words/date_prepositions.txt"));

/// Words before a month that belong to the date ("early May").
static MONTH_MODIFIERS: WordList =
    WordList::new(include_str!("../../words/date_month_modifiers.txt"));

/// Units a relative date counts in ("next week").
static UNITS: WordList = WordList::new(include_str!("../../words/date_units.txt"));

/// "a day earlier", "a week later": the direction each word counts in.
static ANCHOR_DIRECTIONS: WordMap<i64> =
    WordMap::new(include_str!("../../words/date_anchor_directions.txt"));

/// "the previous day", "the next day": the direction each word counts in.
static ANCHOR_DAYS: WordMap<i64> = WordMap::new(include_str!("../../words/date_anchor_days.txt"));

/// A rule's answer at a token.
pub(super) enum Step {
    /// The rule does not apply: the next rule is asked.
    Next,
    /// Nothing starts at this token: no later rule is asked.
    Stop,
    /// An expression of this many scanner tokens starts here.
    Match(usize, Found),
}

/// One rule of the scanner.
pub(super) struct Rule {
    /// The stable id (`dates.money-symbol`, …).
    pub(super) id: &'static str,
    /// What the rule finds, in one line.
    pub(super) about: &'static str,
    /// The kind of token the rule starts at (`None`: any).
    pub(super) at: Option<K>,
    /// The rule.
    pub(super) rule: fn(&mut Scanner, &[Lx<'_>], usize) -> Step,
}

const fn rule(
    id: &'static str,
    about: &'static str,
    at: Option<K>,
    rule: fn(&mut Scanner, &[Lx<'_>], usize) -> Step,
) -> Rule {
    Rule {
        id,
        about,
        at,
        rule,
    }
}

/// The rules, in order of priority. A number that no number rule matches
/// starts nothing (`dates.day-month` ends with [`Step::Stop`]).
pub(super) const RULES: &[Rule] = &[
    rule(
        "dates.money-symbol",
        "a currency symbol and a number, with a scale word (\"$380 million\", \"US$5\")",
        None,
        money_symbol,
    ),
    rule(
        "dates.money-word",
        "a number, a scale word and a currency word (\"5 billion euros\")",
        Some(K::Num),
        money_word,
    ),
    rule(
        "dates.percent",
        "a number with \"%\", \"percent\", \"pct\" or \"per cent\"",
        Some(K::Num),
        percent,
    ),
    rule(
        "dates.time",
        "a time of day (\"10:30 a.m. GMT\", \"5 pm\")",
        Some(K::Num),
        time,
    ),
    rule(
        "dates.iso",
        "an ISO date (\"2018-07-19\")",
        Some(K::Num),
        iso,
    ),
    rule(
        "dates.year",
        "a year or a decade (\"2016\", \"1990s\")",
        Some(K::Num),
        year,
    ),
    rule(
        "dates.day-month",
        "a day, a month and a year (\"19 October 2018\", \"5th of May\")",
        Some(K::Num),
        day_month,
    ),
    rule(
        "dates.weekday",
        "a weekday, with a date after it (\"Monday, October 19\")",
        Some(K::Word),
        weekday_date,
    ),
    rule(
        "dates.month",
        "a month with a day or year, or a modifier (\"May 2017\", \"mid-July\", \"April last year\")",
        Some(K::Word),
        month_date,
    ),
    rule(
        "dates.relative",
        "a date relative to the article's (\"yesterday\", \"next week\", \"earlier this month\")",
        Some(K::Word),
        relative,
    ),
    rule(
        "dates.anchored",
        "a date relative to the last one mentioned (\"a day earlier\", \"the next day\")",
        Some(K::Word),
        anchored,
    ),
    rule(
        "dates.holiday",
        "a capitalized holiday (\"Memorial Day\", \"Christmas\")",
        Some(K::Word),
        holiday,
    ),
];

fn get<'l, 'a>(lx: &'l [Lx<'a>], k: usize) -> Option<&'l Lx<'a>> {
    lx.get(k)
}

/// Tokens `a` and `b` touch.
fn adj(lx: &[Lx<'_>], a: usize, b: usize) -> bool {
    lx.get(a).zip(lx.get(b)).is_some_and(|(x, y)| x.e == y.s)
}

/// The lowercase text of token `k` ("" past the end).
fn low<'l>(lx: &'l [Lx<'_>], k: usize) -> &'l str {
    lx.get(k).map(|x| x.low.as_ref()).unwrap_or("")
}

fn cap(l: &Lx<'_>) -> bool {
    l.t.chars().next().is_some_and(char::is_uppercase)
}

/// A match of `n` tokens from `i` with `label` and `value`.
fn found(
    s: &mut Scanner,
    lx: &[Lx<'_>],
    i: usize,
    n: usize,
    label: Label,
    value: Option<String>,
) -> Step {
    match s.found(lx, i, n, label, value) {
        Some((n, f)) => Step::Match(n, f),
        None => Step::Stop,
    }
}

/// `dates.money-symbol`: symbol + number [+ scale]; "US$".
fn money_symbol(s: &mut Scanner, lx: &[Lx<'_>], i: usize) -> Step {
    let l = &lx[i];
    let mut sym_at = i;
    if l.k == K::Word
        && (l.t == "US" || l.t == "U.S.")
        && get(lx, i + 1).is_some_and(|x| x.t == "$")
        && adj(lx, i, i + 1)
    {
        sym_at = i + 1;
    }
    let Some(c) = lx.get(sym_at).and_then(|x| currency_symbol(&x.low)) else {
        return Step::Next;
    };
    let Some(nl) = get(lx, sym_at + 1).filter(|x| x.k == K::Num) else {
        return Step::Next;
    };
    let Some(mut v) = num_value(nl.t) else {
        return Step::Stop;
    };
    let mut n = sym_at + 2 - i;
    if let Some(sc) = get(lx, sym_at + 2).and_then(|x| scale(&x.low)) {
        v *= sc;
        n += 1;
    }
    let value = Some(format!("{c} {}", fmt_amount(v)));
    found(s, lx, i, n, Label::Money, value)
}

/// `dates.money-word`: number [scale] currency-word.
fn money_word(s: &mut Scanner, lx: &[Lx<'_>], i: usize) -> Step {
    let mut v = num_value(lx[i].t);
    let mut k = i + 1;
    if let Some(sc) = get(lx, k).and_then(|x| scale(&x.low)) {
        v = v.map(|x| x * sc);
        k += 1;
    }
    match (get(lx, k).and_then(|x| currency_word(&x.low)), v) {
        (Some(c), Some(v)) => {
            let value = Some(format!("{c} {}", fmt_amount(v)));
            found(s, lx, i, k + 1 - i, Label::Money, value)
        }
        _ => Step::Next,
    }
}

/// `dates.percent`: "40%", "40 percent", "40 pct", "40 per cent".
fn percent(s: &mut Scanner, lx: &[Lx<'_>], i: usize) -> Step {
    let n = if get(lx, i + 1).is_some_and(|x| x.t == "%")
        || low(lx, i + 1) == "percent"
        || low(lx, i + 1) == "pct"
    {
        2
    } else if low(lx, i + 1) == "per" && low(lx, i + 2) == "cent" {
        3
    } else {
        return Step::Next;
    };
    let value = Some(lx[i].t.replace(',', ""));
    found(s, lx, i, n, Label::Percent, value)
}

/// `dates.time`: "10:30", "10:30 a.m. GMT", "5 pm".
fn time(s: &mut Scanner, lx: &[Lx<'_>], i: usize) -> Step {
    match s.time_at(lx, i) {
        Some((n, f)) => Step::Match(n, f),
        None => Step::Next,
    }
}

/// `dates.iso`: "2018-07-19".
fn iso(s: &mut Scanner, lx: &[Lx<'_>], i: usize) -> Step {
    let Some(y) = is_year(&lx[i]) else {
        return Step::Next;
    };
    if get(lx, i + 1).is_some_and(|x| x.t == "-")
        && get(lx, i + 2).is_some_and(|x| x.k == K::Num && x.t.len() == 2)
        && get(lx, i + 3).is_some_and(|x| x.t == "-")
        && get(lx, i + 4).is_some_and(|x| x.k == K::Num && x.t.len() == 2)
        && (i..i + 4).all(|k| adj(lx, k, k + 1))
    {
        let (Ok(m), Ok(d)) = (lx[i + 2].t.parse::<u8>(), lx[i + 4].t.parse::<u8>()) else {
            return Step::Stop;
        };
        if let Some(date) = Date::new(y, m, d) {
            return found(s, lx, i, 5, Label::Date, Some(date.to_string()));
        }
    }
    Step::Next
}

/// `dates.year`: a plain year ("2016"), or a decade ("1990s"); not after a
/// currency symbol, before "%" or glued to another number.
fn year(s: &mut Scanner, lx: &[Lx<'_>], i: usize) -> Step {
    let l = &lx[i];
    let Some(y) = is_year(l) else {
        return Step::Next;
    };
    let prev_sym = i > 0 && currency_symbol(&lx[i - 1].low).is_some() && adj(lx, i - 1, i);
    let next_pct = get(lx, i + 1).is_some_and(|x| x.t == "%");
    let glued_num = get(lx, i + 1).is_some_and(|x| x.k == K::Num && adj(lx, i, i + 1));
    if prev_sym || next_pct || glued_num {
        return Step::Next;
    }
    if get(lx, i + 1).is_some_and(|x| x.low == "s" && adj(lx, i, i + 1)) {
        return found(s, lx, i, 2, Label::Date, Some(format!("{}X", &l.t[..3])));
    }
    found(s, lx, i, 1, Label::Date, Some(y.to_string()))
}

/// `dates.day-month`: Day Month [Year], "19 October 2018", "5th of May".
/// A number no rule matched starts nothing.
fn day_month(s: &mut Scanner, lx: &[Lx<'_>], i: usize) -> Step {
    let Some(d) = day_num(&lx[i]) else {
        return Step::Stop;
    };
    let mut k = i + 1;
    if ordinal_suffix(get(lx, k), lx[i].e) {
        k += 1;
    }
    if low(lx, k) == "of" {
        k += 1;
    }
    let Some(m) = get(lx, k).and_then(month_name) else {
        return Step::Stop;
    };
    let mut n = k + 1 - i;
    let mut year = None;
    if let Some(y) = get(lx, k + 1).and_then(is_year) {
        year = Some(y);
        n += 1;
    }
    let v = s.month_day_value(year, m, Some(d));
    found(s, lx, i, n, Label::Date, v)
}

/// Where "Month Day[th][[,] Year]" read from the day at `day` ends, and its
/// year: (tokens from `from`, year).
fn day_year(lx: &[Lx<'_>], day: usize, from: usize) -> (usize, Option<i32>) {
    let mut kk = day + 1;
    if ordinal_suffix(get(lx, kk), lx[day].e) {
        kk += 1;
    }
    if get(lx, kk).is_some_and(|x| x.t == ",") && get(lx, kk + 1).and_then(is_year).is_some() {
        (kk + 2 - from, get(lx, kk + 1).and_then(is_year))
    } else if let Some(y) = get(lx, kk).and_then(is_year) {
        (kk + 1 - from, Some(y))
    } else {
        (kk - from, None)
    }
}

/// `dates.weekday`: Weekday [,] [Month Day [, Year]]; a weekday alone is
/// the one before the article's date.
fn weekday_date(s: &mut Scanner, lx: &[Lx<'_>], i: usize) -> Step {
    let w = lx[i].low.as_ref();
    let cap = cap(&lx[i]);
    let Some(wd) = weekday(w).filter(|_| w.len() > 3 || cap) else {
        return Step::Next;
    };
    if w.len() <= 4 && !cap {
        return Step::Stop;
    }
    let mut k = i + 1;
    if get(lx, k).is_some_and(|x| x.t == ",") {
        k += 1;
    }
    if let Some(m) = get(lx, k).and_then(month_name)
        && let Some(d) = get(lx, k + 1).and_then(day_num)
    {
        let (n, year) = day_year(lx, k + 1, i);
        let v = s.month_day_value(year, m, Some(d));
        return found(s, lx, i, n, Label::Date, v);
    }
    let v = match s.reference {
        Some(r) => {
            let back = (i64::from(r.weekday()) + 1 - i64::from(wd)).rem_euclid(7);
            Some(r.add_days(-back).to_string())
        }
        None => Some(format!("XXXX-WXX-{wd}")),
    };
    found(s, lx, i, 1, Label::Date, v)
}

/// `dates.month`: (early|mid|late|last|next|this|past) Month; Month
/// [Day[, Year]]; Month [of] Year; Month last/next/this year. A bare
/// capitalized "May" or "March" needs a preposition before it.
fn month_date(s: &mut Scanner, lx: &[Lx<'_>], i: usize) -> Step {
    let w = lx[i].low.as_ref();
    let modifier = MONTH_MODIFIERS.contains(w);
    let mut mi = i;
    if modifier {
        mi = i + 1;
        if get(lx, mi).is_some_and(|x| x.t == "-") && adj(lx, i, mi) {
            mi += 1;
        }
    }
    let Some(m) = get(lx, mi).and_then(month_name) else {
        return Step::Next;
    };
    if let Some(d) = get(lx, mi + 1).and_then(day_num) {
        let (n, year) = day_year(lx, mi + 1, i);
        let v = s.month_day_value(year, m, Some(d));
        return found(s, lx, i, n, Label::Date, v);
    }
    let mut n = mi + 1 - i;
    let mut year = None;
    if let Some(y) = get(lx, mi + 1).and_then(is_year) {
        year = Some(y);
        n += 1;
    } else if get(lx, mi + 1).is_some_and(|x| x.low == "of")
        && get(lx, mi + 2).and_then(is_year).is_some()
    {
        year = get(lx, mi + 2).and_then(is_year);
        n += 2;
    } else if matches!(low(lx, mi + 1), "last" | "next" | "this") && low(lx, mi + 2) == "year" {
        let r = s.reference.map(|r| r.year);
        year = r.map(|y| match low(lx, mi + 1) {
            "last" => y - 1,
            "next" => y + 1,
            _ => y,
        });
        n += 2;
        if year.is_none() {
            return found(s, lx, i, n, Label::Date, None);
        }
    }
    if year.is_none() && !modifier {
        let prev = if i > 0 { lx[i - 1].low.as_ref() } else { "" };
        // `Jan Fredriks`, `April Ryan`: a bare month before a capitalised
        // word is a given name, unless a preposition makes it a month.
        let name_follows = get(lx, mi + 1).is_some_and(|x| {
            x.t.chars().next().is_some_and(char::is_uppercase)
                && x.t.chars().all(char::is_alphabetic)
        });
        if (name_follows || w == "may" || w == "march") && !DATE_PREPOSITIONS.contains(prev) {
            return Step::Stop;
        }
    }
    let y = year.or_else(|| {
        s.reference
            .map(|r| match w {
                "next" if m <= r.month => r.year + 1,
                "last" | "past" if m >= r.month => r.year - 1,
                _ => r.year,
            })
            .or(s.reference_year)
    });
    let v = y.map(|y| format!("{y:04}-{m:02}"));
    found(s, lx, i, n, Label::Date, v)
}

/// A unit a relative date counts in ("next week").
fn rel_unit(u: &str) -> bool {
    UNITS.contains(u)
}

/// `dates.relative`: today, yesterday, tomorrow, tonight, last/next/this
/// week, earlier this month: from the article's date.
fn relative(s: &mut Scanner, lx: &[Lx<'_>], i: usize) -> Step {
    let w = lx[i].low.as_ref();
    let r = s.reference;
    match w {
        "today" => {
            let v = Some(r.map_or("REF".to_string(), |d| d.to_string()));
            found(s, lx, i, 1, Label::Date, v)
        }
        "yesterday" => {
            let v = r.map(|d| d.add_days(-1).to_string());
            found(s, lx, i, 1, Label::Date, v)
        }
        "tomorrow" => {
            let v = r.map(|d| d.add_days(1).to_string());
            found(s, lx, i, 1, Label::Date, v)
        }
        "tonight" => found(s, lx, i, 1, Label::Time, r.map(|d| format!("{d}TNI"))),
        _ if RELATIVE_WORDS.get(w).is_some() && rel_unit(low(lx, i + 1)) => {
            let v = r.and_then(|d| unit_value(d, low(lx, i + 1), w));
            found(s, lx, i, 2, Label::Date, v)
        }
        "earlier" | "later" if low(lx, i + 1) == "this" && rel_unit(low(lx, i + 2)) => {
            let v = r.and_then(|d| unit_value(d, low(lx, i + 2), "this"));
            found(s, lx, i, 3, Label::Date, v)
        }
        _ => Step::Next,
    }
}

/// `dates.anchored`: "a day earlier", "a week later", "the previous day":
/// from the last full date mentioned, else the article's date.
fn anchored(s: &mut Scanner, lx: &[Lx<'_>], i: usize) -> Step {
    let w = lx[i].low.as_ref();
    let base = s.anchor.or(s.reference);
    if matches!(w, "a" | "one" | "the")
        && matches!(low(lx, i + 1), "day" | "week")
        && let Some(sign) = ANCHOR_DIRECTIONS.get(low(lx, i + 2))
    {
        let days = if low(lx, i + 1) == "week" { 7 } else { 1 };
        let v = base.map(|d| d.add_days(sign * days).to_string());
        return found(s, lx, i, 3, Label::Date, v);
    }
    if w == "the"
        && let Some(sign) = ANCHOR_DAYS.get(low(lx, i + 1))
        && low(lx, i + 2) == "day"
    {
        let v = base.map(|d| d.add_days(sign).to_string());
        return found(s, lx, i + 1, 2, Label::Date, v);
    }
    Step::Next
}

/// `dates.holiday`: "Memorial Day", "New Year's Eve", "Christmas".
fn holiday(s: &mut Scanner, lx: &[Lx<'_>], i: usize) -> Step {
    if !cap(&lx[i]) {
        return Step::Next;
    }
    match holiday_len(&lx[i].low, low(lx, i + 1), low(lx, i + 2)) {
        Some(n) => found(s, lx, i, n, Label::Date, None),
        None => Step::Next,
    }
}
