//! Normalized forms: full Unicode lowercase, diacritics folded, typographic
//! quotes and apostrophes unified.
//!
//! Normalization works on the token's text only and never moves a span. It
//! borrows whenever the input is already normal (the common case for
//! lowercase ASCII words), lowercases ASCII in one pass, and only looks at the
//! folding table for non-ASCII characters.

use std::borrow::Cow;

use crate::fold_table::FOLD;

/// The normalized form of `s`: full Unicode lowercase, diacritics folded
/// ("Pátrushev" → "patrushev", "Ёлка" → "елка"), typographic apostrophes
/// and quotes unified ("’" → "'", "“" and "«" → `"`), combining marks
/// dropped, ligatures expanded ("ß" → "ss", "œ" → "oe").
///
/// Borrows when nothing changes.
///
/// ```
/// use dateline_tokenize::normalize;
/// assert_eq!(normalize("Pátrushev"), "patrushev");
/// assert_eq!(normalize("США"), "сша");
/// assert_eq!(normalize("don’t"), "don't");
/// assert!(matches!(normalize("plain"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn normalize(s: &str) -> Cow<'_, str> {
    let mut out = String::new();
    if normalize_into(s, &mut out) {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(s)
    }
}

/// Writes the normalized form of `s` into `out` (cleared first) and returns
/// true, or returns false and leaves `out` alone when `s` is already normal.
///
/// The one implementation behind [`normalize`] and the streaming word API,
/// which reuses `out` from word to word.
pub(crate) fn normalize_into(s: &str, out: &mut String) -> bool {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b >= 0x80 || b.is_ascii_uppercase() {
            break;
        }
        i += 1;
    }
    if i == bytes.len() {
        return false;
    }
    let rest = &s[i..];
    if rest.is_ascii() {
        ascii_lowercase_into(s, out);
        return true;
    }
    if !rest.chars().any(changes) {
        return false;
    }
    out.clear();
    out.reserve(s.len() + 4);
    out.push_str(&s[..i]);
    for c in rest.chars() {
        push_normalized(c, out);
    }
    true
}

/// Replaces the contents of `out` with the ASCII lowercase of `s`.
#[inline]
pub(crate) fn ascii_lowercase_into(s: &str, out: &mut String) {
    out.clear();
    out.push_str(s);
    out.make_ascii_lowercase();
}

/// Normalized form of an ASCII string (a fast path for the word scanner).
#[inline]
pub(crate) fn normalize_ascii(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// True when normalizing would change `c`.
fn changes(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    if matches!(c, '\u{0900}'..='\u{0DFF}') {
        // Indic scripts: no case, nothing to fold.
        return false;
    }
    if is_combining_mark(c) || fold(c).is_some() {
        return true;
    }
    let mut lower = c.to_lowercase();
    !(lower.next() == Some(c) && lower.next().is_none())
}

fn push_normalized(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if is_combining_mark(c) {
        return;
    }
    for l in c.to_lowercase() {
        if is_combining_mark(l) {
            continue;
        }
        match fold(l) {
            Some(f) => out.push_str(f),
            None => out.push(l),
        }
    }
}

/// The folded form of a lowercase character, when it has one.
fn fold(c: char) -> Option<&'static str> {
    let first = FOLD.first()?.0;
    let last = FOLD.last()?.0;
    if c < first || c > last {
        return None;
    }
    FOLD.binary_search_by(|(k, _)| k.cmp(&c))
        .ok()
        .map(|i| FOLD[i].1)
}

/// Combining diacritical marks (the blocks used for Latin, Greek and
/// Cyrillic diacritics).
fn is_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_and_lowercases() {
        assert_eq!(normalize("Pátrushev"), "patrushev");
        assert_eq!(normalize("ÉLYSÉE"), "elysee");
        assert_eq!(normalize("США"), "сша");
        assert_eq!(normalize("Ёлка"), "елка");
        assert_eq!(normalize("Straße"), "strasse");
        assert_eq!(normalize("Łódź"), "lodz");
        assert_eq!(normalize("e\u{301}te\u{301}"), "ete");
        assert_eq!(normalize("“Quote”"), "\"quote\"");
        assert_eq!(normalize("«x»"), "\"x\"");
        assert_eq!(normalize("Nguyễn"), "nguyen");
        assert_eq!(normalize("Ἀθῆναι"), "αθηναι");
        assert_eq!(normalize("İstanbul"), "istanbul");
        assert_eq!(normalize("Йошкар"), "йошкар");
        // Found by proptest: a folded letter must not fold again ("Ǽ" → "ǽ" → "ae").
        assert_eq!(normalize("Ǽ"), "ae");
        assert_eq!(normalize(&normalize("Ǿẛ")), "os");
    }

    #[test]
    fn borrows_when_unchanged() {
        assert!(matches!(normalize("hello"), Cow::Borrowed(_)));
        assert!(matches!(normalize("сша"), Cow::Borrowed(_)));
        assert!(matches!(normalize("東京"), Cow::Borrowed(_)));
        assert!(matches!(normalize("Hello"), Cow::Owned(_)));
    }

    #[test]
    fn ascii_fast_path_agrees() {
        for s in ["Hello", "hello", "U.S.", "A1_b"] {
            assert_eq!(normalize_ascii(s), normalize(s));
        }
    }
}
