//! Rule-based sentence boundaries for news text.
//!
//! One pass over the bytes looks only at the few bytes that can end a
//! sentence (`.` `!` `?` `…` newlines, bullets, list markers, scrape glue);
//! everything else is skipped by a table lookup. At a run of terminators
//! (with any closing quotes or brackets after it) the decision uses the word
//! before and the word after:
//!
//! - a lowercase next word never starts a sentence ("Yahoo! in", "co. at");
//! - `!` and `?` end a sentence before anything else;
//! - after a title ("Mr.", "Gen.", "Mt.") there is no break; after another
//!   abbreviation ("U.S.", "Co.", "Jan.") or an initial ("E.") there is a
//!   break only before a word that usually opens a sentence ("The", "It",
//!   "How", …); an abbreviation before a number never ends a sentence
//!   ("p. 55", "No. 10");
//! - "a.m."/"p.m." end a sentence before a capitalized word unless the
//!   sentence so far is a fronted time phrase ("At 5 a.m. Mr. Smith left");
//! - ellipses: "..." or "…" before a capitalized word (other than "I") ends
//!   a sentence; four dots always do; in "word. . . . Next" the sentence
//!   ends at the first period; "[...]" never does;
//! - inline numbered or lettered lists ("1. … 2. …", "a) … b) …", bullets)
//!   start a sentence at each item;
//! - a blank line always ends a sentence; a single line break does unless
//!   the next line starts with a lowercase letter;
//! - scrape glue ends a sentence: "photoTrump", "statement.The",
//!   "VucciПрезидент", "elections©".
//!
//! Spans are trimmed of white space and cover every non-space character.

use crate::Span;
use crate::abbrev;
use crate::stem::Script;

const TERM: u8 = 1;
const NEWLINE: u8 = 2;
const PAREN: u8 = 3;
const UPPER: u8 = 4;
const LEAD: u8 = 5;

static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    t[b'.' as usize] = TERM;
    t[b'!' as usize] = TERM;
    t[b'?' as usize] = TERM;
    t[b'\n' as usize] = NEWLINE;
    t[b')' as usize] = PAREN;
    let mut i = b'A';
    while i <= b'Z' {
        t[i as usize] = UPPER;
        i += 1;
    }
    let mut i = 0xC2;
    while i <= 0xF4 {
        t[i] = LEAD;
        i += 1;
    }
    t
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Dot,
    DotParen,
    Paren,
}

#[derive(Debug, Clone, Copy)]
struct Marker {
    start: usize,
    value: u32,
    style: Style,
    brk: Option<usize>,
    bulleted: bool,
}

fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '‣' | '⁃' | '◦' | '▪' | '●' | '■')
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '«' | '‹' | '„' | '(' | '[' | '¿' | '¡' | '—' | '–' | '-'
    )
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '’' | '”' | '»' | '›' | ')' | ']' | '}')
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// Start of the white-space-delimited word that ends at `end`, found by
/// scanning back (used only where the scan is bounded by the caller).
fn word_start(text: &str, end: usize) -> usize {
    let mut s = end;
    for (i, c) in text[..end].char_indices().rev() {
        if c.is_whitespace() {
            break;
        }
        s = i;
    }
    s
}

/// Finds word starts for positions that only move forward, in one pass over
/// the text: scanning back to the last white space at every terminator made
/// text without spaces ("x.x.x.…") quadratic.
#[derive(Debug, Clone, Copy)]
struct WordCursor {
    /// Every byte before `pos` has been looked at.
    pos: usize,
    /// Start of the word that runs up to `pos` (just after the last white
    /// space before `pos`).
    start: usize,
}

impl WordCursor {
    /// Start of the white-space-delimited word that ends at `end`.
    fn word_start(&mut self, text: &str, end: usize) -> usize {
        if end < self.pos {
            // Not reached by the splitter (it moves forward); stay correct.
            return word_start(text, end);
        }
        // Back from `end` to the last white space, but never past `pos`:
        // each byte is looked at once over the whole text, and usually only
        // the word itself.
        if let Some((i, c)) = text[self.pos..end]
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace())
        {
            self.start = self.pos + i + c.len_utf8();
        }
        self.pos = end;
        self.start
    }
}

/// Sentence spans of `text`, relative to `text`.
pub(crate) fn split(text: &str) -> Vec<Span> {
    let mut s = Splitter {
        text,
        breaks: Vec::new(),
        markers: Vec::new(),
        last_break: 0,
        words: WordCursor { pos: 0, start: 0 },
    };
    s.scan();
    s.finish()
}

struct Splitter<'a> {
    text: &'a str,
    breaks: Vec<usize>,
    markers: Vec<Marker>,
    last_break: usize,
    words: WordCursor,
}

impl Splitter<'_> {
    fn push_break(&mut self, at: usize) {
        self.breaks.push(at);
        self.last_break = at;
    }

    fn scan(&mut self) {
        let text = self.text;
        let bytes = text.as_bytes();
        let len = bytes.len();
        let mut i = 0;
        while i < len {
            let class = CLASS[bytes[i] as usize];
            if class == 0 {
                i += 1;
                continue;
            }
            match class {
                TERM => i = self.terminator(i),
                NEWLINE => {
                    let mut j = i + 1;
                    while j < len && matches!(bytes[j], b' ' | b'\t' | b'\r') {
                        j += 1;
                    }
                    // A blank line, or a line not continued in lowercase.
                    if j < len && !char_at(text, j).is_some_and(char::is_lowercase) {
                        self.push_break(i);
                    }
                    i = j;
                }
                PAREN => {
                    self.paren_marker(i);
                    i += 1;
                }
                UPPER => {
                    if i > 0 && self.camel_glue(i) {
                        self.push_break(i);
                    }
                    i += 1;
                }
                _ => {
                    let Some(c) = char_at(text, i) else { break };
                    match c {
                        '…' | '。' | '！' | '？' | '‼' | '⁇' | '⁈' | '⁉' => {
                            i = self.terminator(i)
                        }
                        _ => {
                            if self.lead_break(i, c) {
                                self.push_break(i);
                            }
                            i += c.len_utf8();
                        }
                    }
                }
            }
        }
    }

    /// Glue before an ASCII capital at `i`: "photoTrump", "выборыTrump".
    fn camel_glue(&self, i: usize) -> bool {
        let bytes = self.text.as_bytes();
        let p = bytes[i - 1];
        if p >= 0x80 {
            return char_before(self.text, i).is_some_and(|c| {
                c.is_lowercase() && !matches!(Script::of(c), Script::Latin | Script::Other)
            });
        }
        if !p.is_ascii_lowercase() || !bytes.get(i + 1).is_some_and(u8::is_ascii_lowercase) {
            return false;
        }
        let mut j = i;
        while j > 0 && bytes[j - 1].is_ascii_lowercase() {
            j -= 1;
        }
        i - j >= 3 && (j == 0 || !(bytes[j - 1].is_ascii_alphabetic() || bytes[j - 1] >= 0x80))
    }

    /// Breaks before a non-ASCII character: bullets, "©" glued to a word,
    /// a capital of another script glued to a lowercase letter.
    fn lead_break(&self, i: usize, c: char) -> bool {
        let text = self.text;
        if is_bullet(c) {
            return char_before(text, i).is_some_and(char::is_whitespace)
                && !text[self.last_break..i].trim().is_empty();
        }
        if c == '©' {
            return char_before(text, i).is_some_and(char::is_alphabetic);
        }
        if c.is_uppercase()
            && let Some(p) = char_before(text, i)
        {
            let (a, b) = (Script::of(p), Script::of(c));
            return p.is_lowercase() && a != b && a != Script::Other && b != Script::Other;
        }
        false
    }

    /// A "1)" / "a)" list marker ending at the ")" at `i`.
    fn paren_marker(&mut self, i: usize) {
        let text = self.text;
        if !char_at(text, i + 1).is_none_or(char::is_whitespace) {
            return;
        }
        let ws = self.words.word_start(text, i);
        if let Some((start, value, bulleted)) = marker_word(text, ws, i) {
            self.markers.push(Marker {
                start,
                value,
                style: Style::Paren,
                brk: None,
                bulleted,
            });
        }
    }

    /// Handles the terminator run starting at `i`; returns where to resume.
    fn terminator(&mut self, i: usize) -> usize {
        let text = self.text;
        let bytes = text.as_bytes();
        let len = bytes.len();
        let (mut dots, mut others, mut ellipsis, mut spaced) = (0usize, 0usize, false, false);
        let mut p = i;
        while p < len {
            let Some(c) = char_at(text, p) else { break };
            match c {
                '.' => {
                    dots += 1;
                    p += 1;
                    if p + 1 < len && bytes[p] == b' ' && bytes[p + 1] == b'.' {
                        spaced = true;
                        p += 1;
                    }
                }
                '!' | '?' | '‼' | '⁇' | '⁈' | '⁉' | '！' | '？' | '。' => {
                    others += 1;
                    p += c.len_utf8();
                }
                '…' => {
                    ellipsis = true;
                    p += c.len_utf8();
                }
                _ => break,
            }
        }
        let mut closers = String::new();
        while let Some(c) = char_at(text, p).filter(|&c| is_closer(c)) {
            closers.push(c);
            p += c.len_utf8();
        }
        let run_end = p;
        let Some(next) = char_at(text, run_end) else {
            return run_end;
        };
        let attached = char_before(text, i).is_some_and(|c| !c.is_whitespace());
        let single = dots == 1 && others == 0 && !ellipsis;
        let ws = self.words.word_start(text, i);

        if !next.is_whitespace() {
            // Glue: "statement.The", "now!The".
            let simple = (single || (dots == 0 && others > 0 && !ellipsis)) && closers.is_empty();
            if simple && glued_start(text, i, run_end) {
                self.push_break(run_end);
            }
            return run_end;
        }
        // Only here, before white space: words before such terminators never
        // overlap, so looking at them stays linear.
        let word = text[ws..i].trim_start_matches(is_opener);

        if single
            && (closers.is_empty() || closers == ")")
            && let Some((start, value, bulleted)) = marker_word(text, ws, i)
        {
            let style = if closers.is_empty() {
                Style::Dot
            } else {
                Style::DotParen
            };
            let brk = self.decide_period(i, run_end, word, ws);
            if let Some(b) = brk {
                self.push_break(b);
            }
            self.markers.push(Marker {
                start,
                value,
                style,
                brk,
                bulleted,
            });
            return run_end;
        }

        let brk = if dots == 0 && !ellipsis {
            next_word(text, run_end)
                .is_none_or(|(f, _)| !f.is_lowercase())
                .then_some(run_end)
        } else if single {
            self.decide_period(i, run_end, word, ws)
        } else {
            decide_ellipsis(text, i, run_end, dots, spaced, attached, &closers)
        };
        if let Some(b) = brk {
            self.push_break(b);
        }
        // Resume after the run (or right after the break inside it).
        run_end
    }

    /// Decision after a single period at `i` (run ends at `run_end`).
    fn decide_period(&self, i: usize, run_end: usize, word: &str, ws: usize) -> Option<usize> {
        let text = self.text;
        let Some((first, next)) = next_word(text, run_end) else {
            return Some(run_end);
        };
        if first.is_lowercase() {
            return None;
        }
        let _ = i;
        if abbrev::is_title(word) {
            return None;
        }
        let abbreviation =
            abbrev::is_known(word) || abbrev::is_dotted(word) || abbrev::is_single_letter(word);
        if first.is_numeric() {
            return if abbreviation { None } else { Some(run_end) };
        }
        if abbrev::is_time(word) {
            let before = &text[self.last_break.min(ws)..ws];
            let mut words = before.split_whitespace();
            let fronted = words.clone().take(4).count() <= 3
                && words.next().is_some_and(|w| {
                    abbrev::is_time_preposition(w.trim_matches(|c: char| !c.is_alphabetic()))
                });
            return if fronted { None } else { Some(run_end) };
        }
        if abbreviation {
            return abbrev::is_starter(next).then_some(run_end);
        }
        Some(run_end)
    }

    fn finish(mut self) -> Vec<Span> {
        let text = self.text;
        let markers = std::mem::take(&mut self.markers);
        if markers.len() >= 2 {
            let n = markers.len();
            let mut pred: Vec<Option<usize>> = vec![None; n];
            let mut succ = vec![false; n];
            for a in 0..n {
                if let Some(b) = (a + 1..n).find(|&b| markers[b].style == markers[a].style)
                    && markers[b].value == markers[a].value + 1
                {
                    pred[b] = Some(a);
                    succ[a] = true;
                }
            }
            let mut valid = vec![false; n];
            let mut removed = Vec::new();
            for k in 0..n {
                valid[k] = match pred[k] {
                    Some(p) => valid[p],
                    None => succ[k] && list_context(text, markers[k].start, markers[k].bulleted),
                };
                if valid[k] {
                    let m = markers[k];
                    if let Some(b) = m.brk {
                        removed.push(b);
                    }
                    if !m.bulleted && m.start > 0 {
                        self.breaks.push(m.start);
                    }
                }
            }
            if !removed.is_empty() {
                removed.sort_unstable();
                self.breaks.retain(|b| removed.binary_search(b).is_err());
            }
        }
        self.breaks.sort_unstable();
        self.breaks.dedup();
        let mut out: Vec<Span> = Vec::new();
        let mut prev = 0;
        for b in self
            .breaks
            .iter()
            .copied()
            .chain(std::iter::once(text.len()))
        {
            if b <= prev {
                continue;
            }
            push_trimmed(text, prev, b, &mut out);
            prev = b;
        }
        out
    }
}

/// Pushes `text[a..b]` trimmed; text without letters or digits joins the
/// previous sentence.
fn push_trimmed(text: &str, a: usize, b: usize, out: &mut Vec<Span>) {
    let seg = &text[a..b];
    let lead = seg.len() - seg.trim_start().len();
    let trimmed = seg.trim();
    if trimmed.is_empty() {
        return;
    }
    let span = Span::new(a + lead, a + lead + trimmed.len());
    if !trimmed.chars().any(char::is_alphanumeric)
        && let Some(last) = out.last_mut()
    {
        last.end = span.end;
        return;
    }
    out.push(span);
}

/// The first letter or digit of the next word after `p` (skipping white
/// space and opening punctuation), with the word's letters.
fn next_word(text: &str, p: usize) -> Option<(char, &str)> {
    let rest = text.get(p..)?.trim_start();
    let rest = rest.trim_start_matches(is_opener);
    let first = rest.chars().next()?;
    if !first.is_alphanumeric() {
        return Some((first, ""));
    }
    let end = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    Some((first, &rest[..end]))
}

/// "statement.The": a lowercase word of two or more letters, a terminator at
/// `i`, and a capitalized word right after `run_end`.
fn glued_start(text: &str, i: usize, run_end: usize) -> bool {
    let bytes = text.as_bytes();
    let cap = bytes.get(run_end).is_some_and(u8::is_ascii_uppercase)
        && bytes.get(run_end + 1).is_some_and(u8::is_ascii_lowercase);
    if !cap {
        return false;
    }
    let mut j = i;
    while j > 0 && bytes[j - 1].is_ascii_lowercase() {
        j -= 1;
    }
    i - j >= 2
        && (j == 0
            || !(bytes[j - 1].is_ascii_alphanumeric()
                || bytes[j - 1] >= 0x80
                || bytes[j - 1] == b'.'))
}

fn decide_ellipsis(
    text: &str,
    i: usize,
    run_end: usize,
    dots: usize,
    spaced: bool,
    attached: bool,
    closers: &str,
) -> Option<usize> {
    let (first, next) = next_word(text, run_end)?;
    if first.is_lowercase() {
        return None;
    }
    if char_before(text, i) == Some('[') && closers.starts_with(']') {
        return None;
    }
    if spaced && attached && dots == 4 {
        return Some(i + 1);
    }
    if dots >= 4 {
        return Some(run_end);
    }
    if next == "I" {
        return None;
    }
    Some(run_end)
}

/// A list marker word `text[ws..end]`: optional bullets, then one or two
/// digits or a single lowercase letter. Returns (start, value, bulleted).
fn marker_word(text: &str, ws: usize, end: usize) -> Option<(usize, u32, bool)> {
    let raw = &text[ws..end];
    let body = raw.trim_start_matches(is_bullet);
    let bulleted = body.len() < raw.len()
        || char_before(text, ws).is_some_and(|_| {
            text[..ws]
                .trim_end()
                .chars()
                .next_back()
                .is_some_and(is_bullet)
        });
    let start = end - body.len();
    let value = if !body.is_empty() && body.len() <= 2 && body.bytes().all(|b| b.is_ascii_digit()) {
        body.parse::<u32>().ok()?
    } else if body.len() == 1 && body.as_bytes()[0].is_ascii_lowercase() {
        u32::from(body.as_bytes()[0] - b'a') + 1
    } else {
        return None;
    };
    Some((start, value, bulleted))
}

/// A list may start at `start`: at the start of the text, after a bullet, a
/// line break, or the end of a sentence or a colon.
fn list_context(text: &str, start: usize, bulleted: bool) -> bool {
    if bulleted {
        return true;
    }
    let before = &text[..start];
    let trimmed = before.trim_end();
    if trimmed.is_empty() || before[trimmed.len()..].contains('\n') {
        return true;
    }
    trimmed
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | ':' | ';' | ')'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_cursor_finds_the_word_starts_of_the_backward_scan(
            s in "[a .\n\u{a0}\u{3000}é]{0,60}",
            mut ends in prop::collection::vec(0usize..200, 0..12),
        ) {
            ends.sort_unstable();
            let mut cursor = WordCursor { pos: 0, start: 0 };
            for end in ends.into_iter().filter(|&e| e <= s.len() && s.is_char_boundary(e)) {
                prop_assert_eq!(cursor.word_start(&s, end), word_start(&s, end));
            }
        }
    }

    fn sents(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|s| &text[s]).collect()
    }

    #[test]
    fn news_cases() {
        assert_eq!(
            sents(
                "Sen. Mark Warner of Va. said no. The U.S. Government agreed. Gen. Milley left on Jan. 6."
            ),
            [
                "Sen. Mark Warner of Va. said no.",
                "The U.S. Government agreed.",
                "Gen. Milley left on Jan. 6."
            ]
        );
        assert_eq!(
            sents("He wrote prese… Read more"),
            ["He wrote prese…", "Read more"]
        );
        assert_eq!(
            sents("Evan VucciПрезидент USA. Archival photoTrump said it."),
            [
                "Evan Vucci",
                "Президент USA.",
                "Archival photo",
                "Trump said it."
            ]
        );
        assert_eq!(
            sents("in elections© AP Photo"),
            ["in elections", "© AP Photo"]
        );
        assert_eq!(
            sents("the statement.The next"),
            ["the statement.", "The next"]
        );
        assert_eq!(
            sents("Heading\n\nBody text here.\nNext line"),
            ["Heading", "Body text here.", "Next line"]
        );
        assert_eq!(
            sents("wrapped line\ncontinues here."),
            ["wrapped line\ncontinues here."]
        );
        assert_eq!(
            sents("«Go», he said. «Now!» They left."),
            ["«Go», he said.", "«Now!»", "They left."]
        );
        assert_eq!(sents(""), Vec::<&str>::new());
        assert_eq!(sents("  ...  "), ["..."]);
    }
}
