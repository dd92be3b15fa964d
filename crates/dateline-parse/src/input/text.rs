//! One plain-text article from a file or a stream: size-limited reading,
//! UTF-8, or UTF-16 told by its byte order mark.

use std::io::Read;

use super::{InputOptions, RecordError, content_id};
use crate::{Document, Error};

/// Reads one plain-text article from `reader`, reading at most one byte
/// more than the size limit.
///
/// # Errors
///
/// A [`RecordError`] for a read failure, invalid UTF-8 or a too large text.
pub fn read_text_from(
    id: &str,
    reader: impl Read,
    name: &str,
    opts: &InputOptions,
) -> Result<Document, RecordError> {
    let bytes = read_limited(reader, name, opts)?;
    read_text(id, bytes, name, opts)
}

/// Reads one plain-text article from standard input (or any unnamed
/// stream), as [`read_text_from`] does, and names it by its content (see
/// [`content_id`]).
///
/// # Errors
///
/// As [`read_text_from`].
pub fn read_stdin_text(
    reader: impl Read,
    name: &str,
    opts: &InputOptions,
) -> Result<Document, RecordError> {
    let bytes = read_limited(reader, name, opts)?;
    let id = content_id(&bytes);
    read_text(&id, bytes, name, opts)
}

/// Reads at most one byte more than the size limit; more is an error, and
/// the rest is not read: a stream may never end (`/dev/zero`, `yes`).
fn read_limited(
    reader: impl Read,
    name: &str,
    opts: &InputOptions,
) -> Result<Vec<u8>, RecordError> {
    let limit = opts.parser.limit();
    let error = |error| RecordError {
        path: name.to_string(),
        line: None,
        offset: None,
        error,
    };
    let mut bytes = Vec::new();
    let mut r = reader.take(u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1));
    r.read_to_end(&mut bytes).map_err(|e| {
        error(Error::Io {
            path: name.to_string(),
            source: e,
        })
    })?;
    if bytes.len() > limit {
        return Err(error(Error::TooLargeStream { limit }));
    }
    Ok(bytes)
}

/// The UTF-16 byte order of `bytes`, when they start with a UTF-16 byte
/// order mark, or (without one) with two ASCII characters in UTF-16.
pub(crate) fn utf16_order(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(true),
        [0xFE, 0xFF, ..] => Some(false),
        [a, 0, b, 0, ..] if a.is_ascii() && *a != 0 && b.is_ascii() && *b != 0 => Some(true),
        [0, a, 0, b, ..] if a.is_ascii() && *a != 0 && b.is_ascii() && *b != 0 => Some(false),
        _ => None,
    }
}

/// Decodes UTF-16 text (little-endian when `le`), dropping a byte order
/// mark. Errors give the byte offset of the first bad code unit.
fn decode_utf16(bytes: &[u8], le: bool) -> Result<String, Error> {
    let start = if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        2
    } else {
        0
    };
    let body = &bytes[start..];
    if body.len() % 2 == 1 {
        return Err(Error::InvalidUtf16 {
            offset: bytes.len() - 1,
        });
    }
    let units = body.chunks_exact(2).map(|c| {
        let pair = [c[0], c[1]];
        if le {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    let mut out = String::with_capacity(body.len());
    let mut offset = start;
    for c in char::decode_utf16(units) {
        let c = c.map_err(|_| Error::InvalidUtf16 { offset })?;
        offset += c.len_utf16() * 2;
        out.push(c);
    }
    Ok(out)
}

/// Parses a plain-text article from raw bytes.
///
/// # Errors
///
/// A [`RecordError`] for invalid UTF-8 (with its byte offset) or a too
/// large text.
pub fn read_text(
    id: &str,
    bytes: Vec<u8>,
    name: &str,
    opts: &InputOptions,
) -> Result<Document, RecordError> {
    let wrap = |error| RecordError {
        path: name.to_string(),
        line: None,
        offset: None,
        error,
    };
    let text = match utf16_order(&bytes) {
        // UTF-16 text (Windows "Unicode" files) is decoded; spans then
        // point into the decoded text.
        Some(le) => decode_utf16(&bytes, le).map_err(|error| RecordError {
            path: name.to_string(),
            line: None,
            offset: match error {
                Error::InvalidUtf16 { offset } => Some(offset),
                _ => None,
            },
            error,
        })?,
        None => String::from_utf8(bytes).map_err(|e| {
            let offset = e.utf8_error().valid_up_to();
            RecordError {
                path: name.to_string(),
                line: None,
                offset: Some(offset),
                error: Error::InvalidUtf8 { offset },
            }
        })?,
    };
    opts.parser.parse(id, text).map_err(wrap)
}
