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

use crate::lexicon::{month, weekday};
use crate::{Date, Label, Span};

/// A temporal or numeric expression.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub(crate) span: Span,
    pub(crate) label: Label,
    pub(crate) value: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum K {
    Word,
    Num,
    Sym,
}

#[derive(Debug, Clone)]
struct Lx<'a> {
    s: usize,
    e: usize,
    k: K,
    t: &'a str,
    low: std::borrow::Cow<'a, str>,
}

fn lower(t: &str) -> std::borrow::Cow<'_, str> {
    if t.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(t.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(t)
    }
}

fn lex(text: &str) -> Vec<Lx<'_>> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if c.is_alphabetic() {
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
            let t = &text[i..j];
            out.push(Lx {
                s: i,
                e: j,
                k: K::Word,
                t,
                low: lower(t),
            });
            i = j;
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
            let t = &text[i..j];
            out.push(Lx {
                s: i,
                e: j,
                k: K::Num,
                t,
                low: std::borrow::Cow::Borrowed(t),
            });
            i = j;
        } else if c.is_whitespace() {
            i += c.len_utf8();
        } else {
            let j = i + c.len_utf8();
            let t = &text[i..j];
            out.push(Lx {
                s: i,
                e: j,
                k: K::Sym,
                t,
                low: std::borrow::Cow::Borrowed(t),
            });
            i = j;
        }
    }
    out
}

/// A dot inside an abbreviation such as "a.m." or "U.S.".
fn is_abbrev_dot(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + 1..].chars().next();
    before.is_some_and(|c| c.is_alphabetic())
        && (after.is_some_and(|c| c.is_alphabetic())
            || text[..at].chars().rev().nth(1) == Some('.'))
}

fn num_value(t: &str) -> Option<f64> {
    let clean: String = t.chars().filter(|&c| c != ',').collect();
    clean.parse::<f64>().ok()
}

fn scale(word: &str) -> Option<f64> {
    Some(match word {
        "thousand" | "k" => 1e3,
        "million" | "mln" | "m" | "mn" => 1e6,
        "billion" | "bn" | "b" | "bln" => 1e9,
        "trillion" | "tn" | "trn" => 1e12,
        _ => return None,
    })
}

fn currency_word(word: &str) -> Option<&'static str> {
    Some(match word {
        "dollar" | "dollars" | "usd" => "USD",
        "euro" | "euros" | "eur" => "EUR",
        "pound" | "pounds" | "gbp" => "GBP",
        "ruble" | "rubles" | "rouble" | "roubles" | "rub" => "RUB",
        "yen" | "jpy" => "JPY",
        "yuan" | "renminbi" | "cny" => "CNY",
        "hryvnia" | "hryvnias" | "uah" => "UAH",
        "rupee" | "rupees" | "inr" => "INR",
        "francs" | "chf" => "CHF",
        _ => return None,
    })
}

fn currency_symbol(t: &str) -> Option<&'static str> {
    Some(match t {
        "$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "¥" => "JPY",
        "₽" => "RUB",
        "₴" => "UAH",
        "₹" => "INR",
        _ => return None,
    })
}

fn fmt_amount(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e18 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

fn is_year(l: &Lx<'_>) -> Option<i32> {
    if l.k != K::Num || l.t.len() != 4 {
        return None;
    }
    let y: i32 = l.t.parse().ok()?;
    (1000..=2099).contains(&y).then_some(y)
}

fn day_num(l: &Lx<'_>) -> Option<u8> {
    if l.k != K::Num || l.t.len() > 2 {
        return None;
    }
    let d: u8 = l.t.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

/// An ordinal day such as "19th" lexes as Num + Word("th").
fn ordinal_suffix(l: Option<&Lx<'_>>, prev_end: usize) -> bool {
    l.is_some_and(|l| l.s == prev_end && matches!(l.low.as_ref(), "st" | "nd" | "rd" | "th"))
}

/// Scanner state across a document.
#[derive(Debug, Clone, Default)]
pub(crate) struct Scanner {
    pub(crate) reference: Option<Date>,
    /// A year to read month names in when no reference date is known.
    pub(crate) reference_year: Option<i32>,
    /// Last full date mentioned, for "a day earlier".
    anchor: Option<Date>,
}

fn month_name(l: &Lx<'_>) -> Option<u8> {
    let w = l.low.trim_end_matches('.');
    let m = month(w)?;
    // Short forms only when capitalized ("Mar", "Dec."); "may" only capitalized.
    let cap = l.t.chars().next().is_some_and(char::is_uppercase);
    if ((w.len() <= 4 && w != "june" && w != "july") || w == "may" || w == "march") && !cap {
        return None;
    }
    Some(m)
}

impl Scanner {
    pub(crate) fn new(reference: Option<Date>) -> Scanner {
        Scanner {
            reference,
            reference_year: None,
            anchor: None,
        }
    }

    /// Scans `text` (a sentence starting at byte `base` of the document).
    pub(crate) fn scan(&mut self, text: &str, base: usize) -> Vec<Found> {
        let lx = lex(text);
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
            },
        ))
    }

    fn at(&mut self, lx: &[Lx<'_>], i: usize) -> Option<(usize, Found)> {
        let l = &lx[i];
        let get = |k: usize| lx.get(k);
        let adj = |a: usize, b: usize| -> bool {
            lx.get(a).zip(lx.get(b)).is_some_and(|(x, y)| x.e == y.s)
        };
        let low = |k: usize| lx.get(k).map(|x| x.low.as_ref()).unwrap_or("");
        // Money: symbol + number [+ scale]; "US$"; number + scale + currency word.
        let mut sym_at = i;
        let mut cur = None;
        if l.k == K::Word
            && (l.t == "US" || l.t == "U.S.")
            && get(i + 1).is_some_and(|x| x.t == "$")
            && adj(i, i + 1)
        {
            sym_at = i + 1;
        }
        if let Some(c) = lx.get(sym_at).and_then(|x| currency_symbol(&x.low)) {
            cur = Some(c);
        }
        if let Some(c) = cur
            && let Some(nl) = get(sym_at + 1).filter(|x| x.k == K::Num)
        {
            let mut v = num_value(nl.t)?;
            let mut n = sym_at + 2 - i;
            if let Some(sc) = get(sym_at + 2).and_then(|x| scale(&x.low)) {
                v *= sc;
                n += 1;
            }
            return self.found(
                lx,
                i,
                n,
                Label::Money,
                Some(format!("{c} {}", fmt_amount(v))),
            );
        }
        if l.k == K::Num {
            // number [scale] currency-word
            let mut v = num_value(l.t);
            let mut k = i + 1;
            if let Some(sc) = get(k).and_then(|x| scale(&x.low)) {
                v = v.map(|x| x * sc);
                k += 1;
            }
            if let Some(c) = get(k).and_then(|x| currency_word(&x.low))
                && let Some(v) = v
            {
                return self.found(
                    lx,
                    i,
                    k + 1 - i,
                    Label::Money,
                    Some(format!("{c} {}", fmt_amount(v))),
                );
            }
            // Percent.
            if get(i + 1).is_some_and(|x| x.t == "%") {
                return self.found(lx, i, 2, Label::Percent, Some(l.t.replace(',', "")));
            }
            if low(i + 1) == "percent" || low(i + 1) == "pct" {
                return self.found(lx, i, 2, Label::Percent, Some(l.t.replace(',', "")));
            }
            if low(i + 1) == "per" && low(i + 2) == "cent" {
                return self.found(lx, i, 3, Label::Percent, Some(l.t.replace(',', "")));
            }
            // Time of day.
            if let Some(f) = self.time_at(lx, i) {
                return Some(f);
            }
            // ISO date 2018-07-19.
            if let Some(y) = is_year(l) {
                if get(i + 1).is_some_and(|x| x.t == "-")
                    && get(i + 2).is_some_and(|x| x.k == K::Num && x.t.len() == 2)
                    && get(i + 3).is_some_and(|x| x.t == "-")
                    && get(i + 4).is_some_and(|x| x.k == K::Num && x.t.len() == 2)
                    && (i..i + 4).all(|k| adj(k, k + 1))
                {
                    let m: u8 = lx[i + 2].t.parse().ok()?;
                    let d: u8 = lx[i + 4].t.parse().ok()?;
                    if let Some(date) = Date::new(y, m, d) {
                        return self.found(lx, i, 5, Label::Date, Some(date.to_string()));
                    }
                }
                // Day Month Year handled from the day; plain year here.
                let prev_sym =
                    i > 0 && (currency_symbol(&lx[i - 1].low).is_some()) && adj(i - 1, i);
                let next_pct = get(i + 1).is_some_and(|x| x.t == "%");
                let glued_num = get(i + 1).is_some_and(|x| x.k == K::Num && adj(i, i + 1));
                if !prev_sym && !next_pct && !glued_num {
                    if get(i + 1).is_some_and(|x| x.low == "s" && adj(i, i + 1)) {
                        return self.found(lx, i, 2, Label::Date, Some(format!("{}X", &l.t[..3])));
                    }
                    return self.found(lx, i, 1, Label::Date, Some(y.to_string()));
                }
            }
            // Day Month [Year]: "19 October 2018".
            if let Some(d) = day_num(l) {
                let mut k = i + 1;
                if ordinal_suffix(get(k), l.e) {
                    k += 1;
                }
                if low(k) == "of" {
                    k += 1;
                }
                if let Some(m) = get(k).and_then(month_name) {
                    let mut n = k + 1 - i;
                    let mut year = None;
                    if let Some(y) = get(k + 1).and_then(is_year) {
                        year = Some(y);
                        n += 1;
                    }
                    let v = self.month_day_value(year, m, Some(d));
                    return self.found(lx, i, n, Label::Date, v);
                }
            }
            return None;
        }
        if l.k != K::Word {
            return None;
        }
        let w = l.low.as_ref();
        let cap = l.t.chars().next().is_some_and(char::is_uppercase);
        // Weekday [,] [Month Day [, Year]]
        if let Some(wd) = weekday(w).filter(|_| w.len() > 3 || cap) {
            if w.len() <= 4 && !cap {
                return None;
            }
            let mut k = i + 1;
            if get(k).is_some_and(|x| x.t == ",") {
                k += 1;
            }
            if let Some(m) = get(k).and_then(month_name)
                && let Some(d) = get(k + 1).and_then(day_num)
            {
                let mut n = k + 2 - i;
                let mut year = None;
                let mut kk = k + 2;
                if ordinal_suffix(get(kk), lx[k + 1].e) {
                    kk += 1;
                    n += 1;
                }
                if get(kk).is_some_and(|x| x.t == ",") && get(kk + 1).and_then(is_year).is_some() {
                    year = get(kk + 1).and_then(is_year);
                    n = kk + 2 - i;
                } else if let Some(y) = get(kk).and_then(is_year) {
                    year = Some(y);
                    n = kk + 1 - i;
                }
                let v = self.month_day_value(year, m, Some(d));
                return self.found(lx, i, n, Label::Date, v);
            }
            let v = match self.reference {
                Some(r) => {
                    let back = (i64::from(r.weekday()) + 1 - i64::from(wd)).rem_euclid(7);
                    Some(r.add_days(-back).to_string())
                }
                None => Some(format!("XXXX-WXX-{wd}")),
            };
            return self.found(lx, i, 1, Label::Date, v);
        }
        // (early|mid|late|last|next|this) Month; Month [Day[, Year]] | Month Year
        let modifier = matches!(
            w,
            "early" | "late" | "mid" | "last" | "next" | "this" | "past"
        );
        let (mstart, mi) = if modifier {
            let mut k = i + 1;
            if get(k).is_some_and(|x| x.t == "-") && adj(i, k) {
                k += 1;
            }
            (i, k)
        } else {
            (i, i)
        };
        if let Some(m) = get(mi).and_then(month_name) {
            let mut n = mi + 1 - mstart;
            if let Some(d) = get(mi + 1).and_then(day_num) {
                let mut kk = mi + 2;
                if ordinal_suffix(get(kk), lx[mi + 1].e) {
                    kk += 1;
                }
                n = kk - mstart;
                let mut year = None;
                if get(kk).is_some_and(|x| x.t == ",") && get(kk + 1).and_then(is_year).is_some() {
                    year = get(kk + 1).and_then(is_year);
                    n = kk + 2 - mstart;
                } else if let Some(y) = get(kk).and_then(is_year) {
                    year = Some(y);
                    n = kk + 1 - mstart;
                }
                let v = self.month_day_value(year, m, Some(d));
                return self.found(lx, mstart, n, Label::Date, v);
            }
            let mut year = None;
            if let Some(y) = get(mi + 1).and_then(is_year) {
                year = Some(y);
                n += 1;
            } else if get(mi + 1).is_some_and(|x| x.low == "of")
                && get(mi + 2).and_then(is_year).is_some()
            {
                year = get(mi + 2).and_then(is_year);
                n += 2;
            } else if matches!(low(mi + 1), "last" | "next" | "this") && low(mi + 2) == "year" {
                let r = self.reference.map(|r| r.year);
                year = r.map(|y| match low(mi + 1) {
                    "last" => y - 1,
                    "next" => y + 1,
                    _ => y,
                });
                n += 2;
                if year.is_none() {
                    return self.found(lx, mstart, n, Label::Date, None);
                }
            }
            // A bare capitalized "May"/"March" needs a date context.
            if year.is_none() && !modifier && (w == "may" || w == "march") {
                let prev = if i > 0 { lx[i - 1].low.as_ref() } else { "" };
                if !matches!(
                    prev,
                    "in" | "since"
                        | "until"
                        | "by"
                        | "of"
                        | "from"
                        | "to"
                        | "before"
                        | "after"
                        | "during"
                        | "on"
                ) {
                    return None;
                }
            }
            let y = year.or_else(|| {
                self.reference
                    .map(|r| match w {
                        "next" if m <= r.month => r.year + 1,
                        "last" | "past" if m >= r.month => r.year - 1,
                        _ => r.year,
                    })
                    .or(self.reference_year)
            });
            let v = y.map(|y| format!("{y:04}-{m:02}"));
            return self.found(lx, mstart, n, Label::Date, v);
        }
        // Relative expressions.
        let r = self.reference;
        let rel_unit = |u: &str| {
            matches!(
                u,
                "week" | "month" | "year" | "weekend" | "decade" | "century"
            )
        };
        match w {
            "today" => {
                return self.found(
                    lx,
                    i,
                    1,
                    Label::Date,
                    Some(r.map_or("REF".to_string(), |d| d.to_string())),
                );
            }
            "yesterday" => {
                return self.found(lx, i, 1, Label::Date, r.map(|d| d.add_days(-1).to_string()));
            }
            "tomorrow" => {
                return self.found(lx, i, 1, Label::Date, r.map(|d| d.add_days(1).to_string()));
            }
            "tonight" => return self.found(lx, i, 1, Label::Time, r.map(|d| format!("{d}TNI"))),
            "last" | "next" | "this" | "past" | "coming" if rel_unit(low(i + 1)) => {
                let v = r.and_then(|d| unit_value(d, low(i + 1), w));
                return self.found(lx, i, 2, Label::Date, v);
            }
            "earlier" | "later" if low(i + 1) == "this" && rel_unit(low(i + 2)) => {
                let v = r.and_then(|d| unit_value(d, low(i + 2), "this"));
                return self.found(lx, i, 3, Label::Date, v);
            }
            "a" | "one" | "the"
                if matches!(low(i + 1), "day" | "week")
                    && matches!(low(i + 2), "earlier" | "later" | "before" | "after") =>
            {
                let sign = if matches!(low(i + 2), "earlier" | "before") {
                    -1
                } else {
                    1
                };
                let days = if low(i + 1) == "week" { 7 } else { 1 };
                let v = self
                    .anchor
                    .or(r)
                    .map(|d| d.add_days(sign * days).to_string());
                return self.found(lx, i, 3, Label::Date, v);
            }
            "the"
                if matches!(low(i + 1), "previous" | "next" | "following")
                    && low(i + 2) == "day" =>
            {
                let sign = if low(i + 1) == "previous" { -1 } else { 1 };
                let v = self.anchor.or(r).map(|d| d.add_days(sign).to_string());
                return self.found(lx, i + 1, 2, Label::Date, v);
            }
            _ => {}
        }
        // N days/weeks/months/years ago handled from the number word.
        if cap {
            let holiday = holiday_len(w, low(i + 1), low(i + 2));
            if let Some(n) = holiday {
                return self.found(lx, i, n, Label::Date, None);
            }
        }
        None
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
            && matches!(
                z.t,
                "GMT" | "UTC" | "EST" | "EDT" | "ET" | "PST" | "PDT" | "CET" | "MSK" | "BST"
            )
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

fn unit_value(d: Date, unit: &str, rel: &str) -> Option<String> {
    let off: i32 = match rel {
        "last" | "past" => -1,
        "next" | "coming" => 1,
        _ => 0,
    };
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

/// The latest year (1990 or later) a text mentions.
pub(crate) fn latest_year(text: &str) -> Option<i32> {
    lex(text)
        .iter()
        .filter_map(is_year)
        .filter(|&y| y >= 1990)
        .max()
}

/// Guesses a document's reference date from its text when metadata has none:
/// an ISO date in the first lines, else the year that makes a written
/// "Weekday, Month Day" consistent (the latest such year not long after the
/// latest year the article mentions).
pub(crate) fn infer_reference(text: &str) -> Option<Date> {
    let head_end = text.char_indices().nth(400).map_or(text.len(), |(i, _)| i);
    let lx = lex(&text[..head_end]);
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
    let lx = lex(text);
    let max_year = lx.iter().filter_map(is_year).filter(|&y| y >= 1990).max()?;
    for k in 0..lx.len() {
        let Some(wd) = weekday(&lx[k].low).filter(|_| lx[k].low.len() > 3) else {
            continue;
        };
        let mut j = k + 1;
        if lx.get(j).is_some_and(|x| x.t == ",") {
            j += 1;
        }
        let Some(m) = lx.get(j).and_then(month_name) else {
            continue;
        };
        let Some(d) = lx.get(j + 1).and_then(day_num) else {
            continue;
        };
        if lx.get(j + 2).and_then(is_year).is_some() || lx.get(j + 3).and_then(is_year).is_some() {
            continue;
        }
        for y in (max_year..=max_year + 4).rev() {
            if let Some(date) = Date::new(y, m, d)
                && date.weekday() + 1 == wd
            {
                return Some(date);
            }
        }
    }
    None
}

/// How many words, from lowercase word `w` followed by `next` and `after`,
/// name a holiday: "Memorial Day" 2, "New Year's Eve" 3, "Christmas" 1.
fn holiday_len(w: &str, next: &str, after: &str) -> Option<usize> {
    match (w, next) {
        (
            "election" | "independence" | "memorial" | "labor" | "labour" | "veterans"
            | "thanksgiving" | "christmas" | "victory" | "armistice" | "remembrance" | "boxing"
            | "anzac" | "australia" | "canada" | "bastille" | "columbus" | "presidents"
            | "inauguration",
            "day",
        )
        | ("christmas", "eve")
        | ("remembrance", "sunday")
        | ("good", "friday")
        | ("easter", "sunday" | "monday")
        | ("ash", "wednesday")
        | ("yom", "kippur")
        | ("rosh", "hashanah") => Some(2),
        ("new", "year's") if matches!(after, "day" | "eve") => Some(3),
        ("mother's" | "father's" | "valentine's", "day") => Some(2),
        (
            "christmas" | "thanksgiving" | "easter" | "halloween" | "ramadan" | "hanukkah"
            | "passover" | "diwali" | "kwanzaa",
            _,
        ) => Some(1),
        _ => None,
    }
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
        && holiday_len(at(0), at(1), at(2)).is_some_and(|n| n == words.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &str, r: Option<&str>) -> Vec<(String, Label, Option<String>)> {
        let mut s = Scanner::new(r.map(|r| r.parse().unwrap()));
        s.scan(text, 0)
            .into_iter()
            .map(|f| (text[f.span.range()].to_string(), f.label, f.value))
            .collect()
    }

    #[test]
    fn dates() {
        let r = Some("2018-07-19");
        assert_eq!(
            scan("On Monday, Trump met Putin", r)[0],
            ("Monday".into(), Label::Date, Some("2018-07-16".into()))
        );
        assert_eq!(
            scan("held a Friday meeting", None)[0].2.as_deref(),
            Some("XXXX-WXX-5")
        );
        assert_eq!(
            scan("on Monday, October 19, US", Some("2020-10-20"))[0].0,
            "Monday, October 19"
        );
        assert_eq!(
            scan("In May 2017 Trump", None)[0],
            ("May 2017".into(), Label::Date, Some("2017-05".into()))
        );
        assert_eq!(
            scan("in mid-July in Helsinki", r)[0],
            ("mid-July".into(), Label::Date, Some("2018-07".into()))
        );
        assert_eq!(scan("next November", r)[0].2.as_deref(), Some("2018-11"));
        assert_eq!(
            scan("in April last year", Some("2020-02-24"))[0],
            (
                "April last year".into(),
                Label::Date,
                Some("2019-04".into())
            )
        );
        assert_eq!(
            scan("the 2016 elections", None)[0].2.as_deref(),
            Some("2016")
        );
        assert_eq!(
            scan("date 2018-07-19 US", None)[0].2.as_deref(),
            Some("2018-07-19")
        );
        assert_eq!(scan("earlier this month", r)[0].0, "earlier this month");
        assert!(scan("You may go", r).is_empty());
        assert_eq!(
            scan("on Tuesday and a day earlier", r)[1].2.as_deref(),
            Some("2018-07-16")
        );
    }

    #[test]
    fn amounts() {
        assert_eq!(
            scan("$380 million for", None)[0],
            (
                "$380 million".into(),
                Label::Money,
                Some("USD 380000000".into())
            )
        );
        assert_eq!(scan("for $5,000", None)[0].2.as_deref(), Some("USD 5000"));
        assert_eq!(
            scan("90 per cent of", None)[0],
            ("90 per cent".into(), Label::Percent, Some("90".into()))
        );
        assert_eq!(scan("rose 4.5% on", None)[0].2.as_deref(), Some("4.5"));
        assert_eq!(
            scan("at 10:30 a.m. GMT", None)[0],
            ("10:30 a.m. GMT".into(), Label::Time, Some("T10:30".into()))
        );
        assert_eq!(
            scan("5 billion euros", None)[0].2.as_deref(),
            Some("EUR 5000000000")
        );
    }

    #[test]
    fn reference_inference() {
        assert_eq!(
            infer_reference("x date 2018-07-19 US"),
            "2018-07-19".parse().ok()
        );
        assert_eq!(
            infer_reference("In 2016 and 2018. On Monday, October 19, he said"),
            "2020-10-19".parse().ok()
        );
    }
}
