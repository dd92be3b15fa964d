//! Exact Unicode (UAX #29) word segmentation with an ASCII fast path.
//!
//! Runs of ASCII are segmented by a byte loop that implements the word-break
//! rules restricted to ASCII (WB5–WB13b plus CR LF and space runs). When a
//! non-ASCII byte shows up, the scanner backs up to the last *safe point* and
//! hands the region up to the next safe point to `unicode-segmentation`.
//!
//! A position `p` is a safe point when the bytes on both sides are ASCII,
//! neither is a `MidLetter`/`MidNum`/`MidNumLet` character (`.` `:` `'` `,`
//! `;`), they are not both word characters, and they are not CR LF or two
//! spaces. No UAX #29 rule can join across such a position, and no rule on
//! either side looks through it, so segmenting the region between two safe
//! points on its own gives exactly the segments of the whole text. The
//! property test `plain_words_equal_unicode_word_indices` checks this against
//! the crate on arbitrary strings.

use unicode_segmentation::{UWordBoundIndices, UnicodeSegmentation, UnicodeWordIndices};

const CORE: u8 = 1; // letter, digit, underscore
const MIDL: u8 = 2; // joins letters: . : ' ’ ‘
const MIDN: u8 = 4; // joins digits: . , ; ' ’ ‘
const SPACE: u8 = 8; // ASCII white space
const ALPHA: u8 = 16;
const DIGIT: u8 = 32;
/// A non-ASCII character the fast path does not know: go to the slow path.
const UNKNOWN: u8 = 128;
/// A known non-ASCII `Extend` mark (returned by `class_at` only; the byte
/// table uses this bit for ASCII capitals).
const EXTEND: u8 = 64;
const MID: u8 = MIDL | MIDN;
/// In the byte table: an ASCII capital (the word needs lowercasing).
const UPPER: u8 = 64;
/// In the byte table: a byte of a non-ASCII character.
const HIGH: u8 = 128;

static CLASS: [u8; 256] = {
    let mut t = [HIGH; 256];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        if b.is_ascii_uppercase() {
            t[i] = CORE | ALPHA | UPPER;
        } else if b.is_ascii_alphabetic() {
            t[i] = CORE | ALPHA;
        } else {
            t[i] = 0;
        }
        if b.is_ascii_alphabetic() {
        } else if b.is_ascii_digit() {
            t[i] = CORE | DIGIT;
        } else if b == b'_' {
            t[i] = CORE;
        } else if b == b'.' || b == b'\'' {
            t[i] = MIDL | MIDN;
        } else if b == b':' {
            t[i] = MIDL;
        } else if b == b',' || b == b';' {
            t[i] = MIDN;
        } else if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) {
            t[i] = SPACE;
        }
        i += 1;
    }
    t
};

/// Word-break class and length of the character at `pos`.
///
/// Besides ASCII, the fast path knows the characters news text is full of:
/// Latin-1 and Latin Extended-A/B letters and basic Cyrillic letters
/// (`ALetter`), the typographic apostrophes ’ ‘ (`MidNumLet`), and a few
/// `Other` characters (no-break space, §, ©, «, », °, en and em dashes,
/// curly double quotes, bullet, ellipsis, euro sign). Anything else
/// is `UNKNOWN`. The test `fast_classes_agree_with_unicode` checks each of
/// these against `unicode-segmentation`.
#[inline(always)]
fn class_at(bytes: &[u8], pos: usize) -> (u8, usize) {
    let b = bytes[pos];
    if b < 0x80 {
        return (CLASS[b as usize] & !UPPER, 1);
    }
    slow_class(bytes, pos)
}

#[inline(never)]
fn slow_class(bytes: &[u8], pos: usize) -> (u8, usize) {
    let b = bytes[pos];
    if (0xC2..=0xDF).contains(&b) {
        let Some(&b1) = bytes.get(pos + 1) else {
            return (UNKNOWN, 1);
        };
        let cp = (u32::from(b & 0x1F) << 6) | u32::from(b1 & 0x3F);
        return (class_of_cp(cp), 2);
    }
    if (0xE0..=0xEF).contains(&b)
        && let (Some(&b1), Some(&b2)) = (bytes.get(pos + 1), bytes.get(pos + 2))
    {
        {
            let cp =
                (u32::from(b & 0x0F) << 12) | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F);
            return (class_of_cp(cp), 3);
        }
    }
    (UNKNOWN, 1)
}

fn class_of_cp(cp: u32) -> u8 {
    match cp {
        0xC0..=0x24F if cp != 0xD7 && cp != 0xF7 => CORE | ALPHA,
        0x400..=0x481 | 0x48A..=0x4FF => CORE | ALPHA,
        0x2018 | 0x2019 => MIDL | MIDN,
        // Devanagari.
        0x900..=0x903 | 0x93A..=0x93C | 0x93E..=0x94F | 0x951..=0x957 | 0x962..=0x963 => EXTEND,
        0x904..=0x939 | 0x93D | 0x950 | 0x958..=0x961 | 0x971..=0x97F => CORE | ALPHA,
        0x966..=0x96F => CORE | DIGIT,
        0x964 | 0x965 | 0x970 => 0,
        0xA0 | 0xA7 | 0xA9 | 0xAB | 0xB0 | 0xBB => 0,
        0x2013 | 0x2014 | 0x201C | 0x201D | 0x2022 | 0x2026 | 0x20AC => 0,
        _ => UNKNOWN,
    }
}

/// Whether a middle character of class `mid` joins `prev` and `next` (WB6/WB7, WB11/WB12).
#[inline]
fn joins(mid: u8, prev: u8, next: u8) -> bool {
    (mid & MIDL != 0 && prev & next & ALPHA != 0) || (mid & MIDN != 0 && prev & next & DIGIT != 0)
}

/// True when no word-break rule can join or look across position `p`.
#[inline]
fn is_safe(bytes: &[u8], p: usize) -> bool {
    if p == 0 || p >= bytes.len() {
        return true;
    }
    let (a, b) = (bytes[p - 1], bytes[p]);
    if a >= 0x80 || b >= 0x80 {
        return false;
    }
    let (ca, cb) = (CLASS[a as usize] & !UPPER, CLASS[b as usize] & !UPPER);
    (ca | cb) & MID == 0
        && ca & cb & CORE == 0
        && !(a == b'\r' && b == b'\n')
        && !(a == b' ' && b == b' ')
}

fn safe_before(bytes: &[u8], mut p: usize, floor: usize) -> usize {
    while p > floor && !is_safe(bytes, p) {
        p -= 1;
    }
    p
}

fn safe_after(bytes: &[u8], mut p: usize) -> usize {
    while p < bytes.len() && !is_safe(bytes, p) {
        p += 1;
    }
    p
}

/// A segment found by [`Segments`]: its byte range and whether the fast ASCII
/// path produced it (so its text is ASCII).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Seg {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) ascii: bool,
    /// An ASCII segment with a capital letter (meaningful when `ascii`).
    pub(crate) upper: bool,
    /// The segment has a letter or digit.
    pub(crate) word: bool,
}

enum Slow<'a> {
    Words(UnicodeWordIndices<'a>),
    Bounds(UWordBoundIndices<'a>),
}

/// UAX #29 segments of a text: only word segments (those with a letter or
/// digit, as `unicode_word_indices`), or every segment that is not white space.
pub(crate) struct Segments<'a> {
    text: &'a str,
    pos: usize,
    /// Nothing before this offset may be yielded again.
    emitted: usize,
    /// Last known safe point (lower bound for backing up).
    floor: usize,
    words_only: bool,
    slow: Option<(usize, usize, Slow<'a>)>,
}

impl std::fmt::Debug for Segments<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Segments")
            .field("pos", &self.pos)
            .finish_non_exhaustive()
    }
}

impl<'a> Segments<'a> {
    /// Word segments only (letters or digits inside), like `unicode_word_indices`.
    pub(crate) fn words(text: &'a str) -> Self {
        Segments {
            text,
            pos: 0,
            emitted: 0,
            floor: 0,
            words_only: true,
            slow: None,
        }
    }

    /// Every segment that is not only white space.
    pub(crate) fn all(text: &'a str) -> Self {
        Segments {
            text,
            pos: 0,
            emitted: 0,
            floor: 0,
            words_only: false,
            slow: None,
        }
    }

    /// Switches to the exact Unicode path for the region around `bad` (a
    /// non-ASCII byte), starting no later than `from`.
    fn enter_slow(&mut self, from: usize, bad: usize) {
        let bytes = self.text.as_bytes();
        let start = safe_before(bytes, from.min(bad), self.floor);
        let end = safe_after(bytes, bad + 1);
        let region = &self.text[start..end];
        let it = if self.words_only {
            Slow::Words(region.unicode_word_indices())
        } else {
            Slow::Bounds(region.split_word_bound_indices())
        };
        self.slow = Some((start, end, it));
    }

    fn next_slow(&mut self) -> Option<Seg> {
        let (base, end, it) = self.slow.as_mut()?;
        let base = *base;
        loop {
            let item = match it {
                Slow::Words(w) => w.next(),
                Slow::Bounds(b) => b.next(),
            };
            match item {
                Some((i, s)) => {
                    let start = base + i;
                    if start < self.emitted {
                        continue;
                    }
                    if !self.words_only && s.chars().all(char::is_whitespace) {
                        continue;
                    }
                    self.emitted = start + s.len();
                    return Some(Seg {
                        start,
                        end: start + s.len(),
                        ascii: false,
                        upper: true,
                        word: s.chars().any(char::is_alphanumeric),
                    });
                }
                None => {
                    self.pos = (*end).max(self.pos);
                    self.floor = self.pos;
                    self.emitted = self.emitted.max(self.pos);
                    self.slow = None;
                    return None;
                }
            }
        }
    }
}

impl Iterator for Segments<'_> {
    type Item = Seg;

    #[inline]
    fn next(&mut self) -> Option<Seg> {
        loop {
            if self.slow.is_some() {
                if let Some(s) = self.next_slow() {
                    return Some(s);
                }
                continue;
            }
            match self.next_fast() {
                Fast::Seg(s) => return Some(s),
                Fast::Done => return None,
                Fast::Slow(from, bad) => self.enter_slow(from, bad),
            }
        }
    }
}

enum Fast {
    Seg(Seg),
    Done,
    Slow(usize, usize),
}

impl Segments<'_> {
    #[inline]
    fn next_fast(&mut self) -> Fast {
        let bytes = self.text.as_bytes();
        let len = bytes.len();
        let mut pos = self.pos;
        loop {
            // Skip to the next word character (or the next non-space segment).
            let (start, first, first_len) = loop {
                if pos >= len {
                    self.pos = len;
                    return Fast::Done;
                }
                let (c, l) = class_at(bytes, pos);
                if c & CORE != 0 {
                    break (pos, c, l);
                }
                if c == UNKNOWN || c == EXTEND {
                    self.pos = pos;
                    return Fast::Slow(pos, pos);
                }
                if !self.words_only && c & SPACE == 0 {
                    // A punctuation or symbol character is its own segment
                    // unless an unknown (maybe extending) character follows.
                    if pos + l < len && matches!(class_at(bytes, pos + l).0, UNKNOWN | EXTEND) {
                        self.pos = pos;
                        return Fast::Slow(pos, pos + l);
                    }
                    self.pos = pos + l;
                    self.emitted = pos + l;
                    return Fast::Seg(Seg {
                        start: pos,
                        end: pos + l,
                        ascii: l == 1,
                        upper: false,
                        word: false,
                    });
                }
                pos += l;
            };
            let mut ascii = first_len == 1;
            let mut flags = if first_len == 1 {
                CLASS[bytes[start] as usize]
            } else {
                first
            };
            let mut prev = first;
            pos = start + first_len;
            loop {
                // Tight loop over ASCII letters, digits and underscores.
                let run = pos;
                while pos < len {
                    let c = CLASS[bytes[pos] as usize];
                    if c & CORE == 0 {
                        break;
                    }
                    flags |= c;
                    pos += 1;
                }
                if pos > run {
                    prev = CLASS[bytes[pos - 1] as usize];
                }
                if pos >= len {
                    break;
                }
                let (c, l) = class_at(bytes, pos);
                if c & CORE != 0 {
                    flags |= c;
                    ascii = false;
                    prev = c;
                    pos += l;
                    continue;
                }
                if c == EXTEND && flags & (ALPHA | DIGIT) != 0 {
                    // WB4: a mark extends the word and is otherwise ignored.
                    ascii = false;
                    pos += l;
                    continue;
                }
                if c == UNKNOWN || c == EXTEND {
                    self.pos = start;
                    return Fast::Slow(start, pos);
                }
                if c & MID != 0 && pos + l < len {
                    let (n, nl) = class_at(bytes, pos + l);
                    if n == UNKNOWN || n == EXTEND {
                        self.pos = start;
                        return Fast::Slow(start, pos + l);
                    }
                    if joins(c, prev, n) {
                        flags |= if nl == 1 {
                            CLASS[bytes[pos + l] as usize]
                        } else {
                            n
                        };
                        ascii &= l == 1 && nl == 1;
                        prev = n;
                        pos += l + nl;
                        continue;
                    }
                }
                break;
            }
            let alnum = flags & (ALPHA | DIGIT) != 0;
            let upper = flags & UPPER != 0;
            if alnum || !self.words_only {
                self.pos = pos;
                self.emitted = pos;
                return Fast::Seg(Seg {
                    start,
                    end: pos,
                    ascii,
                    upper,
                    word: alnum,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<(usize, &str)> {
        Segments::words(s)
            .map(|g| (g.start, &s[g.start..g.end]))
            .collect()
    }

    fn oracle(s: &str) -> Vec<(usize, &str)> {
        s.unicode_word_indices().collect()
    }

    #[test]
    fn tricky_cases_match_unicode() {
        let cases = [
            "Hello, world! It's 3.14 and 1,000,000 people.",
            "can't won’t U.S.A. e.g. a:b 1:2 a.1 1.a _a_ __ a_.b",
            "👨\u{200D}👩\u{200D}👧 family 🇺🇸🇫🇷 flags 🇺",
            "line\r\nbreak \r\n\r\n  spaces\t\ttab",
            "שלום עולם ב\"ה צה\"ל ג'ירפה",
            "ภาษาไทยง่ายนิดเดียว",
            "東京都に住んでいます。カタカナ語とテスト",
            "Café naïve résumé coöperate e\u{301}",
            " \u{0903}x a\u{0903}. \u{300}a",
            "1.5‰ ３．１４ ١٢٣ 12,34;56'78.9",
            "VucciПрезидент photoTrump elections©",
            "a'\u{300}b a.\u{300}b 1,\u{300}2",
            "\u{1F600}\u{1F3FB} ok",
            "x.\u{05D0} \u{05D0}'\u{05D1} \u{05D0}\"",
            "___ __a 9__ a__9",
            "end.",
            "",
            "é",
            "'",
        ];
        for c in cases {
            assert_eq!(words(c), oracle(c), "{c:?}");
        }
    }

    #[test]
    fn fast_classes_agree_with_unicode() {
        for cp in 0x80..0x3000u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let mut buf = [0u8; 4];
            let (class, _) = class_at(c.encode_utf8(&mut buf).as_bytes(), 0);
            let words = |s: String| {
                s.unicode_word_indices()
                    .map(|(_, w)| w.to_string())
                    .collect::<Vec<_>>()
            };
            match class {
                UNKNOWN => {}
                EXTEND => {
                    assert_eq!(words(format!("a{c}")), [format!("a{c}")], "{cp:X}");
                    assert_eq!(words(format!("a{c}.b")), [format!("a{c}.b")], "{cp:X}");
                    assert_eq!(words(format!("1{c}2")), [format!("1{c}2")], "{cp:X}");
                    assert_eq!(
                        words(format!("a{c} b")),
                        [format!("a{c}"), "b".into()],
                        "{cp:X}"
                    );
                }
                x if x & DIGIT != 0 => {
                    assert_eq!(words(format!("a{c}b")), [format!("a{c}b")], "{cp:X}");
                    assert_eq!(words(format!("{c},1")), [format!("{c},1")], "{cp:X}");
                    assert_eq!(words(format!("{c}_")), [format!("{c}_")], "{cp:X}");
                    assert_eq!(
                        words(format!("{c}.b")),
                        [format!("{c}"), "b".into()],
                        "{cp:X}"
                    );
                }
                x if x & ALPHA != 0 => {
                    assert_eq!(words(format!("a{c}b")), [format!("a{c}b")], "{cp:X}");
                    assert_eq!(words(format!("1{c}")), [format!("1{c}")], "{cp:X}");
                    assert_eq!(words(format!("{c}_")), [format!("{c}_")], "{cp:X}");
                    assert_eq!(words(format!("{c}.b")), [format!("{c}.b")], "{cp:X}");
                    assert_eq!(
                        words(format!("x {c}:1")),
                        ["x", &format!("{c}"), "1"],
                        "{cp:X}"
                    );
                }
                x if x & MID != 0 => {
                    assert_eq!(words(format!("a{c}b")), [format!("a{c}b")], "{cp:X}");
                    assert_eq!(words(format!("1{c}2")), [format!("1{c}2")], "{cp:X}");
                    assert_eq!(words(format!("a{c}1")), ["a", "1"], "{cp:X}");
                    assert_eq!(words(format!("{c}{c}a")), ["a"], "{cp:X}");
                }
                _ => {
                    assert_eq!(words(format!("a{c}b")), ["a", "b"], "{cp:X}");
                    assert_eq!(words(format!("1{c}2")), ["1", "2"], "{cp:X}");
                    assert_eq!(words(format!("a.{c}b")), ["a", "b"], "{cp:X}");
                    let bounds: Vec<&str> =
                        format!("{c}{c} ").split_word_bounds().map(|_| "").collect();
                    assert_eq!(bounds.len(), 3, "{cp:X}");
                }
            }
        }
    }

    #[test]
    fn all_segments_match_unicode_bounds() {
        let cases = ["He said: “No.” 5$ a+b", "x — y… z\u{300}!", "a  \u{903}b"];
        for c in cases {
            let got: Vec<_> = Segments::all(c).map(|g| &c[g.start..g.end]).collect();
            let want: Vec<_> = c
                .split_word_bounds()
                .filter(|s| !s.chars().all(char::is_whitespace))
                .collect();
            assert_eq!(got, want, "{c:?}");
        }
    }
}
