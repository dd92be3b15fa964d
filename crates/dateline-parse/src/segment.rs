//! Splitting an article into units: runs of non-blank lines.
//!
//! Scraped articles put one paragraph on a line and separate paragraphs with
//! blank lines, but glued lines (a caption under its label, a teaser between
//! two paragraphs) and hard-wrapped paragraphs occur too. A unit is one
//! trimmed line, except that a line starting with a lowercase letter right
//! under a line that does not end a sentence continues it (hard wrapping),
//! and so does any line under one ending in a comma or a function word.
//! Whether blank lines surround a unit is kept: it is a strong layout signal.

use crate::Span;
use crate::text::{ends_dangling, ends_terminal, starts_lower};

/// A run of one or more non-blank lines, trimmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unit {
    /// The trimmed text of the unit.
    pub(crate) span: Span,
    /// Number of input lines in the unit.
    pub(crate) lines: usize,
    /// A blank line (or the start of the text) comes before the unit.
    pub(crate) blank_before: bool,
    /// A blank line (or the end of the text) comes after the unit.
    pub(crate) blank_after: bool,
}

/// Characters that make a line blank: whitespace, and the byte order mark
/// (U+FEFF) that some files start with.
pub fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// The lines of `text`, ended by `\n`, or by a `\r` not followed by `\n`
/// (old Mac files); a `\r` before `\n` stays at the end of its line. Each
/// line is followed by exactly one terminator byte, except the last.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let mut i = start;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => break,
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => break,
                _ => i += 1,
            }
        }
        let line = &text[start..i];
        if i >= bytes.len() {
            done = true;
        } else {
            start = i + 1;
        }
        Some(line)
    })
}

/// Splits `text` into units in text order.
pub(crate) fn units(text: &str) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    let mut pos = 0;
    let mut blank = true;
    let mut last_line = Span::default();
    for line in lines(text) {
        let start = pos;
        pos += line.len() + 1;
        let trimmed = line.trim_start_matches(is_blank);
        let lead = line.len() - trimmed.len();
        let trimmed = trimmed.trim_end_matches(is_blank);
        if trimmed.is_empty() {
            blank = true;
            if let Some(u) = out.last_mut() {
                u.blank_after = true;
            }
            continue;
        }
        let span = Span::new(start + lead, start + lead + trimmed.len());
        match out.last_mut() {
            Some(u) if !blank && continues(&text[last_line], trimmed) => {
                u.span.end = span.end;
                u.lines += 1;
            }
            _ => out.push(Unit {
                span,
                lines: 1,
                blank_before: blank,
                blank_after: false,
            }),
        }
        last_line = span;
        blank = false;
    }
    if let Some(u) = out.last_mut() {
        u.blank_after = true;
    }
    out
}

/// True when `next`, glued under `prev`, continues its sentence: `prev`
/// does not end one, and `next` starts in lowercase or `prev` ends with a
/// comma or a word that cannot end a line of its own ("in", "the").
fn continues(prev: &str, next: &str) -> bool {
    !ends_terminal(prev) && (starts_lower(next) || prev.ends_with(',') || ends_dangling(prev))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_and_blank_lines() {
        let text = " Title\n\nOne line\nglued continuation\nGlued line.\n\n\n  Last  \n";
        let u = units(text);
        let texts: Vec<&str> = u.iter().map(|u| &text[u.span]).collect();
        assert_eq!(
            texts,
            [
                "Title",
                "One line\nglued continuation",
                "Glued line.",
                "Last"
            ]
        );
        assert!(u[0].blank_before && u[0].blank_after);
        assert!(u[1].blank_before && !u[1].blank_after && u[1].lines == 2);
        assert!(!u[2].blank_before && u[2].blank_after);
        assert!(u[3].blank_before && u[3].blank_after);
        assert!(units(" \n\t\n").is_empty());
        let bom = "\u{feff}Title\n";
        assert_eq!(&bom[units(bom)[0].span], "Title");
    }
}
