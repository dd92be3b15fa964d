//! The character set of a page, found in the order the HTML standard gives:
//! a byte order mark, then the transport's `Content-Type` (a WARC record's
//! HTTP header), then a `<meta>` declaration in the first bytes, then a
//! guess from the bytes themselves. Decoding never fails: bytes that are not
//! valid in the chosen encoding become U+FFFD.

use encoding_rs::{Encoding, UTF_8};

/// How far into the page the `<meta>` prescan looks, in bytes.
pub(crate) const PRESCAN_BYTES: usize = 4096;

/// The decoded page and where its character set came from.
#[derive(Debug)]
pub(crate) struct Decoded {
    pub(crate) text: String,
    // The encoding and its source are checked by the tests only.
    #[allow(dead_code)]
    pub(crate) encoding: &'static Encoding,
    /// `"bom"`, `"http"`, `"meta"`, `"utf-8"` (valid as it is) or `"detected"`.
    #[allow(dead_code)]
    pub(crate) source: &'static str,
}

/// Decodes `bytes` using, in order, a BOM, the `charset` parameter of
/// `content_type`, a `<meta>` declaration, and detection.
pub(crate) fn decode(bytes: &[u8], content_type: Option<&str>) -> Decoded {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return done(text.into_owned(), enc, "bom");
    }
    if let Some(enc) = content_type.and_then(charset_param).and_then(label) {
        return decode_with(bytes, enc, "http");
    }
    if let Some(enc) = prescan(&bytes[..bytes.len().min(PRESCAN_BYTES)]) {
        return decode_with(bytes, enc, "meta");
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return done(s.to_string(), UTF_8, "utf-8");
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let enc = detector.guess(None, true);
    decode_with(bytes, enc, "detected")
}

fn done(text: String, encoding: &'static Encoding, source: &'static str) -> Decoded {
    Decoded {
        text,
        encoding,
        source,
    }
}

fn decode_with(bytes: &[u8], enc: &'static Encoding, source: &'static str) -> Decoded {
    if enc == UTF_8
        && let Ok(s) = std::str::from_utf8(bytes)
    {
        return done(s.to_string(), UTF_8, source);
    }
    let (text, _) = enc.decode_without_bom_handling(bytes);
    done(text.into_owned(), enc, source)
}

/// An encoding label as HTML reads it; a UTF-16 label in a document that
/// is read as bytes means UTF-8, and `x-user-defined` stays as it is.
fn label(l: &str) -> Option<&'static Encoding> {
    let enc = Encoding::for_label(l.trim().as_bytes())?;
    Some(
        if enc == encoding_rs::UTF_16BE || enc == encoding_rs::UTF_16LE {
            UTF_8
        } else {
            enc
        },
    )
}

/// The `charset=` parameter of a `Content-Type` value.
pub(crate) fn charset_param(content_type: &str) -> Option<&str> {
    let lower = content_type.to_ascii_lowercase();
    let at = lower.find("charset")?;
    let rest = &content_type[at + "charset".len()..];
    let rest = rest.trim_start().strip_prefix('=')?.trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let end = rest
        .find(|c: char| c == ';' || c == '"' || c == '\'' || c.is_ascii_whitespace())
        .unwrap_or(rest.len());
    let v = &rest[..end];
    (!v.is_empty()).then_some(v)
}

/// The `<meta>` prescan: walks the tags of the first bytes of the page and
/// returns the encoding named by `<meta charset>` or by
/// `<meta http-equiv="content-type" content="…charset=…">`. Comments are
/// skipped; the walk is a byte scan over tags, not a parse of the page.
fn prescan(bytes: &[u8]) -> Option<&'static Encoding> {
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(b"<!--") {
            i = find(bytes, i + 4, b"-->").map_or(bytes.len(), |p| p + 3);
            continue;
        }
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        let name_end = bytes[i + 1..]
            .iter()
            .position(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/')
            .map_or(bytes.len(), |p| i + 1 + p);
        let is_meta = bytes[i + 1..name_end].eq_ignore_ascii_case(b"meta");
        let (attrs, next) = tag_attrs(bytes, name_end);
        if is_meta {
            let get = |n: &str| {
                attrs
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(n))
                    .map(|(_, v)| v.as_str())
            };
            if let Some(enc) = get("charset").and_then(label) {
                return Some(enc);
            }
            if get("http-equiv").is_some_and(|v| v.eq_ignore_ascii_case("content-type"))
                && let Some(enc) = get("content").and_then(charset_param).and_then(label)
            {
                return Some(enc);
            }
        }
        i = next;
    }
    None
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// The attributes of a tag from `i` (just after its name) to its `>`;
/// returns them and the offset after the tag.
fn tag_attrs(b: &[u8], mut i: usize) -> (Vec<(String, String)>, usize) {
    let mut attrs = Vec::new();
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            return (attrs, b.len());
        }
        if b[i] == b'>' {
            return (attrs, i + 1);
        }
        let ns = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let name = String::from_utf8_lossy(&b[ns..i]).into_owned();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let vs = i + 1;
                let ve = b[vs..]
                    .iter()
                    .position(|&c| c == q)
                    .map_or(b.len(), |p| vs + p);
                value = String::from_utf8_lossy(&b[vs..ve]).into_owned();
                i = (ve + 1).min(b.len());
            } else {
                let vs = i;
                while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                    i += 1;
                }
                value = String::from_utf8_lossy(&b[vs..i]).into_owned();
            }
        }
        if name.is_empty() {
            i += 1;
        }
        attrs.push((name, value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_of_sources() {
        let latin = b"<meta charset=\"iso-8859-1\"><p>caf\xe9</p>";
        let d = decode(latin, None);
        assert_eq!((d.source, d.encoding.name()), ("meta", "windows-1252"));
        assert!(d.text.contains("café"));
        let d = decode(latin, Some("text/html; charset=utf-8"));
        assert_eq!(d.source, "http");
        assert!(d.text.contains("caf\u{FFFD}"));
        let d = decode(b"\xEF\xBB\xBF<p>x</p>", Some("text/html; charset=latin1"));
        assert_eq!((d.source, d.text.as_str()), ("bom", "<p>x</p>"));
        let d = decode(b"<p>plain</p>", None);
        assert_eq!(d.source, "utf-8");
        let d = decode(
            b"<meta http-equiv='Content-Type' content='text/html; charset=Shift_JIS'>",
            None,
        );
        assert_eq!(d.encoding.name(), "Shift_JIS");
        let d = decode(
            b"<!-- <meta charset=koi8-r> --><p>\xe9t\xe9 \xe0 la plage</p>",
            None,
        );
        assert_eq!(d.source, "detected");
    }
}
