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
const MID: u8 = 2; // . : ' , ;
const SPACE: u8 = 4; // ASCII white space
const ALPHA: u8 = 8;
const DIGIT: u8 = 16;

static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        if b.is_ascii_alphabetic() {
            t[i] = CORE | ALPHA;
        } else if b.is_ascii_digit() {
            t[i] = CORE | DIGIT;
        } else if b == b'_' {
            t[i] = CORE;
        } else if matches!(b, b'.' | b':' | b'\'' | b',' | b';') {
            t[i] = MID;
        } else if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) {
            t[i] = SPACE;
        }
        i += 1;
    }
    t
};

#[inline]
fn class(b: u8) -> u8 {
    CLASS[b as usize]
}

/// Whether an ASCII infix joins `prev` and `next` (WB6/WB7, WB11/WB12).
#[inline]
fn joins(mid: u8, prev: u8, next: u8) -> bool {
    let (p, n) = (class(prev), class(next));
    match mid {
        b'.' | b'\'' => (p & n & ALPHA != 0) || (p & n & DIGIT != 0),
        b':' => p & n & ALPHA != 0,
        b',' | b';' => p & n & DIGIT != 0,
        _ => false,
    }
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
    let (ca, cb) = (class(a), class(b));
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
            // Skip to the next word character (or the next non-space byte).
            while pos < len {
                let b = bytes[pos];
                let c = class(b);
                if c & CORE != 0 {
                    break;
                }
                if b >= 0x80 {
                    self.pos = pos;
                    return Fast::Slow(pos, pos);
                }
                if !self.words_only && c & SPACE == 0 {
                    // A punctuation or symbol byte is its own segment unless a
                    // non-ASCII extender follows it.
                    if pos + 1 < len && bytes[pos + 1] >= 0x80 {
                        self.pos = pos;
                        return Fast::Slow(pos, pos + 1);
                    }
                    self.pos = pos + 1;
                    self.emitted = pos + 1;
                    return Fast::Seg(Seg {
                        start: pos,
                        end: pos + 1,
                        ascii: true,
                    });
                }
                pos += 1;
            }
            if pos >= len {
                self.pos = len;
                return Fast::Done;
            }
            let start = pos;
            let mut alnum = bytes[pos] != b'_';
            pos += 1;
            loop {
                if pos >= len {
                    break;
                }
                let b = bytes[pos];
                let c = class(b);
                if c & CORE != 0 {
                    alnum |= b != b'_';
                    pos += 1;
                    continue;
                }
                if b >= 0x80 {
                    self.pos = start;
                    return Fast::Slow(start, pos);
                }
                if c & MID != 0 && pos + 1 < len {
                    let n = bytes[pos + 1];
                    if n >= 0x80 {
                        self.pos = start;
                        return Fast::Slow(start, pos + 1);
                    }
                    if joins(b, bytes[pos - 1], n) {
                        alnum = true;
                        pos += 2;
                        continue;
                    }
                }
                break;
            }
            if alnum || !self.words_only {
                self.pos = pos;
                self.emitted = pos;
                return Fast::Seg(Seg {
                    start,
                    end: pos,
                    ascii: true,
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
