//! Recognising date expressions at the start of a line.
//!
//! Scraped articles state their date in many shapes: `date 2018-07-19`,
//! `Friday, January 4, 2019`, `Published: 2019-04-18 14:02`, `24.05.2019`,
//! `July 19, 2018`, `19 July 2018`. Instead of a regular expression engine
//! (not a dependency of this crate) the recogniser is a small hand-written
//! scanner over bytes: an optional label (`Published:`, `Updated on`, …), an
//! optional weekday, one date core, and an optional time of day with a zone.
//! It only ever looks at the first few dozen bytes of a line, so it costs
//! nothing on long paragraphs.

use crate::Date;

/// A date expression found at the start of a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DateMatch {
    /// Bytes consumed, from the start of the string to the end of the
    /// expression (label, weekday, date and time; no trailing space).
    pub(crate) len: usize,
    /// The calendar date.
    pub(crate) date: Date,
    /// True when a label such as `Published:` or `date` introduced the date.
    pub(crate) labelled: bool,
}

/// Labels that may introduce a date, longest first, lowercase.
const LABELS: &[&str] = &[
    "first published on",
    "first published",
    "last updated on",
    "last updated",
    "published on",
    "publication date",
    "published",
    "updated on",
    "updated",
    "posted on",
    "posted",
    "modified",
    "released",
    "dated",
    "date",
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "tues",
    "thurs",
    "thur",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
];

const MONTH_NAMES: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "sept",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
];

/// Month numbers of [`MONTH_NAMES`], index by index.
const MONTH_NUMBERS: &[u8] = &[
    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 9, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12,
];

const ZONES: &[&str] = &[
    "utc", "gmt", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "cet", "cest", "bst",
    "msk", "ist", "et", "pt", "z",
];

/// A tiny cursor over the bytes of a string.
struct Cur<'a> {
    b: &'a [u8],
    i: usize,
}

impl<'a> Cur<'a> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn spaces(&mut self) -> usize {
        let start = self.i;
        while let Some(c) = self.peek() {
            if c == b' ' || c == b'\t' {
                self.i += 1;
            } else if c == 0xC2 && self.b.get(self.i + 1) == Some(&0xA0) {
                // U+00A0 no-break space.
                self.i += 2;
            } else {
                break;
            }
        }
        self.i - start
    }

    fn byte(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    /// Up to `max` ASCII digits; returns (value, count).
    fn digits(&mut self, max: usize) -> Option<(u32, usize)> {
        let start = self.i;
        let mut v: u32 = 0;
        while self.i - start < max {
            match self.peek() {
                Some(c @ b'0'..=b'9') => {
                    v = v * 10 + u32::from(c - b'0');
                    self.i += 1;
                }
                _ => break,
            }
        }
        let n = self.i - start;
        if n == 0 || matches!(self.peek(), Some(b'0'..=b'9')) {
            self.i = start;
            return None;
        }
        Some((v, n))
    }

    /// A case-insensitive ASCII word from `words` that is not followed by a
    /// letter; returns its index.
    fn word(&mut self, words: &[&str]) -> Option<usize> {
        let rest = &self.b[self.i..];
        let first = rest.first()?.to_ascii_lowercase();
        if !first.is_ascii_lowercase() {
            return None;
        }
        for (k, w) in words.iter().enumerate() {
            let wb = w.as_bytes();
            if wb.first() == Some(&first)
                && rest.len() >= wb.len()
                && rest[..wb.len()].eq_ignore_ascii_case(wb)
                && !rest.get(wb.len()).is_some_and(|c| c.is_ascii_alphabetic())
            {
                self.i += wb.len();
                return Some(k);
            }
        }
        None
    }
}

/// Recognises a date expression at the very start of `s`.
pub(crate) fn date_prefix(s: &str) -> Option<DateMatch> {
    let mut c = Cur {
        b: s.as_bytes(),
        i: 0,
    };
    let labelled = label(&mut c);
    if labelled {
        c.spaces();
    }
    // A time of day may come first: "14:02, 18 April 2019".
    let before_time = c.i;
    if leading_time(&mut c).is_none() {
        c.i = before_time;
    }
    let before_weekday = c.i;
    if c.word(WEEKDAYS).is_some() {
        c.byte(b'.');
        c.byte(b',');
        if c.spaces() == 0 && c.b.get(c.i - 1) != Some(&b',') {
            c.i = before_weekday;
        }
    }
    let date = core(&mut c)?;
    let mut end = c.i;
    if let Some(t) = time(&mut Cur { b: c.b, i: c.i }) {
        end = t;
    }
    // A date must end at a word boundary ("2019-04-18x" is not a date).
    if s.as_bytes()
        .get(end)
        .is_some_and(|b| b.is_ascii_alphanumeric())
    {
        return None;
    }
    Some(DateMatch {
        len: end,
        date,
        labelled,
    })
}

/// `14:02` or `2:02 pm` followed by a separator, before a date.
fn leading_time(c: &mut Cur<'_>) -> Option<()> {
    let (h, _) = c.digits(2)?;
    if !c.byte(b':') {
        return None;
    }
    let (m, n) = c.digits(2)?;
    if h > 24 || m > 59 || n != 2 {
        return None;
    }
    c.spaces();
    if c.word(&["am", "pm", "a.m.", "p.m."]).is_some() {
        c.spaces();
    }
    if c.byte(b',') || c.byte(b'|') || c.byte(b'-') {
        c.spaces();
    }
    (c.peek().is_some_and(|b| b.is_ascii_alphanumeric())).then_some(())
}

/// An optional label such as `Published:` or `date`.
fn label(c: &mut Cur<'_>) -> bool {
    let start = c.i;
    if c.word(LABELS).is_none() {
        return false;
    }
    c.spaces();
    if c.byte(b':') || c.byte(b'-') {
        c.spaces();
    }
    // "Published on" written with the label's own "on".
    if c.word(&["on"]).is_some() {
        c.spaces();
    }
    if c.i == start {
        return false;
    }
    true
}

/// The date itself in one of the supported shapes.
fn core(c: &mut Cur<'_>) -> Option<Date> {
    let start = c.i;
    if let Some(d) = numeric(c) {
        return Some(d);
    }
    c.i = start;
    if let Some(d) = month_first(c) {
        return Some(d);
    }
    c.i = start;
    if let Some(d) = day_first(c) {
        return Some(d);
    }
    c.i = start;
    None
}

/// `2019-04-18`, `2019/04/18`, `24.05.2019`, `24/05/2019`, `05/24/2019`.
fn numeric(c: &mut Cur<'_>) -> Option<Date> {
    let (a, na) = c.digits(4)?;
    let sep = c.peek().filter(|s| matches!(s, b'-' | b'/' | b'.'))?;
    c.i += 1;
    let (b, _) = c.digits(2)?;
    if !c.byte(sep) {
        return None;
    }
    let (y, ny) = c.digits(4)?;
    let (year, month, day) = if na == 4 {
        // Year first: y here is the day.
        if ny > 2 {
            return None;
        }
        (a, b, y)
    } else if ny == 4 && na <= 2 {
        if sep == b'/' && b > 12 {
            // US order: month/day/year.
            (y, a, b)
        } else {
            (y, b, a)
        }
    } else {
        return None;
    };
    make(year, month, day)
}

/// `July 19, 2018`, `Jan. 4 2019`, `January 4th, 2019`.
fn month_first(c: &mut Cur<'_>) -> Option<Date> {
    let month = *MONTH_NUMBERS.get(c.word(MONTH_NAMES)?)?;
    c.byte(b'.');
    if c.spaces() == 0 {
        return None;
    }
    let (day, _) = c.digits(2)?;
    ordinal(c);
    c.byte(b',');
    if c.spaces() == 0 && c.b.get(c.i - 1) != Some(&b',') {
        return None;
    }
    let (year, ny) = c.digits(4)?;
    if ny != 4 {
        return None;
    }
    make(year, u32::from(month), day)
}

/// `19 July 2018`, `4th of January, 2019`.
fn day_first(c: &mut Cur<'_>) -> Option<Date> {
    let (day, _) = c.digits(2)?;
    ordinal(c);
    c.byte(b'.');
    if c.spaces() == 0 {
        return None;
    }
    if c.word(&["of"]).is_some() {
        c.spaces();
    }
    let month = *MONTH_NUMBERS.get(c.word(MONTH_NAMES)?)?;
    c.byte(b'.');
    c.byte(b',');
    if c.spaces() == 0 {
        return None;
    }
    let (year, ny) = c.digits(4)?;
    if ny != 4 {
        return None;
    }
    make(year, u32::from(month), day)
}

fn ordinal(c: &mut Cur<'_>) {
    let _ = c.word(&["st", "nd", "rd", "th"]);
}

fn make(year: u32, month: u32, day: u32) -> Option<Date> {
    if !(1000..=2999).contains(&year) {
        return None;
    }
    Date::new(
        i32::try_from(year).ok()?,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
    )
}

/// An optional time after the date: `14:02`, `T14:02:33Z`, `at 2:02 pm`,
/// `| 14:02 GMT`, `, 2:02 PM ET`. Returns the end offset when present.
fn time(c: &mut Cur<'_>) -> Option<usize> {
    if !c.byte(b'T') {
        c.byte(b',');
        c.spaces();
        if c.byte(b'|') || c.byte(b'-') || c.byte(b'/') {
            c.spaces();
        }
        if c.word(&["at"]).is_some() {
            c.spaces();
        }
    }
    let (h, _) = c.digits(2)?;
    if !c.byte(b':') && !c.byte(b'.') {
        return None;
    }
    let (m, nm) = c.digits(2)?;
    if h > 24 || m > 59 || nm != 2 {
        return None;
    }
    let mut end = c.i;
    if c.byte(b':')
        && let Some((_, 2)) = c.digits(2)
    {
        end = c.i;
    }
    c.i = end;
    let save = c.i;
    c.spaces();
    if c.word(&["a.m.", "p.m.", "am", "pm"]).is_some() {
        end = c.i;
    } else {
        c.i = save;
    }
    let save = c.i;
    c.spaces();
    if c.word(ZONES).is_some() {
        end = c.i;
        // "+03:00" / "+0300" offsets after a zone or the time.
    } else {
        c.i = save;
    }
    let save = c.i;
    c.spaces();
    if (c.byte(b'+') || c.byte(b'-')) && c.digits(2).is_some() {
        c.byte(b':');
        if c.digits(2).is_some() || c.peek().is_none_or(|b| !b.is_ascii_alphanumeric()) {
            end = c.i;
        }
    }
    c.i = save;
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Any string: no panic, and a match ends on a char boundary
        /// inside the string.
        #[test]
        fn any_prefix_is_safe(s in "(date |Published: |Friday, )?[0-9A-Za-z .,:/|\u{a0}é-]{0,40}") {
            if let Some(m) = date_prefix(&s) {
                prop_assert!(m.len <= s.len() && s.is_char_boundary(m.len));
            }
        }
    }

    fn d(s: &str) -> Option<(String, String, bool)> {
        date_prefix(s).map(|m| (s[..m.len].to_string(), m.date.to_string(), m.labelled))
    }

    #[test]
    fn formats() {
        let cases = [
            (
                "date 2018-07-19 US President",
                "date 2018-07-19",
                "2018-07-19",
                true,
            ),
            (
                "Friday, January 4, 2019 ",
                "Friday, January 4, 2019",
                "2019-01-04",
                false,
            ),
            (
                "Published: 2019-04-18 14:02",
                "Published: 2019-04-18 14:02",
                "2019-04-18",
                true,
            ),
            ("24.05.2019", "24.05.2019", "2019-05-24", false),
            ("July 19, 2018", "July 19, 2018", "2018-07-19", false),
            ("19 July 2018 Moscow", "19 July 2018", "2018-07-19", false),
            (
                "Jan. 4th, 2019, 2:02 pm ET",
                "Jan. 4th, 2019, 2:02 pm ET",
                "2019-01-04",
                false,
            ),
            (
                "Updated on 2019/04/18",
                "Updated on 2019/04/18",
                "2019-04-18",
                true,
            ),
            ("05/24/2019", "05/24/2019", "2019-05-24", false),
            (
                "14:02, 18 April 2019",
                "14:02, 18 April 2019",
                "2019-04-18",
                false,
            ),
            (
                "Updated 2:02 pm | Apr 18, 2019",
                "Updated 2:02 pm | Apr 18, 2019",
                "2019-04-18",
                true,
            ),
            (
                "2019-04-18T14:02:33Z",
                "2019-04-18T14:02:33Z",
                "2019-04-18",
                false,
            ),
            (
                "Posted on Thu 4 of January, 2019 | 14:02",
                "Posted on Thu 4 of January, 2019 | 14:02",
                "2019-01-04",
                true,
            ),
        ];
        for (input, span, date, labelled) in cases {
            assert_eq!(
                d(input),
                Some((span.into(), date.into(), labelled)),
                "{input}"
            );
        }
    }

    #[test]
    fn non_dates() {
        for s in [
            "On July 19, 2018, the president",
            "2019 was a year",
            "31.02.2019",
            "July 2018",
            "Mayor Smith 4, 2019",
            "2019-04-18x",
            "date of birth",
            "123456",
            "",
            "May",
            "14:02 GMT",
            "12:30, the meeting began",
        ] {
            assert_eq!(d(s), None, "{s}");
        }
    }
}
