//! Reading articles from files: plain text, JSON Lines, HTML pages, WARC
//! archives and directories of them.
//!
//! `walk` streams the documents under a path (the directory walk and the
//! choice of reader per file), `text` reads one plain-text article, `jsonl`
//! one record a line; HTML pages and WARC archives are read by
//! [`crate::html`]. This module holds what they share: the options, the
//! error with its place, and the file-name rules.

use std::path::Path;

use crate::{DEFAULT_MAX_BYTES, Document, Error, Parser};

mod jsonl;
mod text;
mod walk;

pub use jsonl::{JsonlRecords, Record, read_jsonl};
pub(crate) use text::utf16_order;
pub use text::{read_stdin_text, read_text, read_text_from};
pub use walk::{Documents, Skipped, documents};

/// How input files are read.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct InputOptions {
    /// Name of the JSON field that holds the article text (default `"text"`).
    pub text_field: String,
    /// The parser (and its size limit) used for every article.
    pub parser: Parser,
    /// Longest accepted JSON Lines record in bytes (default: twice the
    /// article limit plus 64 KiB, room for escapes and metadata). A longer
    /// line is reported and skipped without being held in memory.
    pub max_line_bytes: usize,
    /// Read every file as this format instead of detecting it from the
    /// extension and content (`None`: detect).
    #[cfg(feature = "html")]
    pub format: Option<crate::html::Format>,
    /// WARC records get their target URI as id instead of their record id.
    #[cfg(feature = "html")]
    pub warc_id_url: bool,
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions::new().max_bytes(DEFAULT_MAX_BYTES)
    }
}

impl InputOptions {
    /// Default options: text field `"text"`, default size limits.
    pub fn new() -> Self {
        InputOptions {
            text_field: "text".to_string(),
            parser: Parser::new(),
            max_line_bytes: line_limit(DEFAULT_MAX_BYTES),
            #[cfg(feature = "html")]
            format: None,
            #[cfg(feature = "html")]
            warc_id_url: false,
        }
    }

    /// Reads every file as `format` instead of detecting it.
    #[cfg(feature = "html")]
    pub fn format(mut self, format: Option<crate::html::Format>) -> Self {
        self.format = format;
        self
    }

    /// Gives WARC records their target URI as id (`--id url`).
    #[cfg(feature = "html")]
    pub fn warc_id_url(mut self, yes: bool) -> Self {
        self.warc_id_url = yes;
        self
    }

    /// Sets the article size limit, and the record line limit with it.
    pub fn max_bytes(mut self, limit: usize) -> Self {
        self.parser = self.parser.max_bytes(limit);
        self.max_line_bytes = line_limit(limit);
        self
    }

    /// Sets the name of the JSON field that holds the article text.
    pub fn text_field(mut self, name: impl Into<String>) -> Self {
        self.text_field = name.into();
        self
    }
}

fn line_limit(article: usize) -> usize {
    article.saturating_mul(2).saturating_add(64 * 1024)
}

/// A record that could not be turned into a document, with where it was.
///
/// Displayed as `PATH:LINE: what is wrong` (`PATH: …` without a line).
#[derive(Debug)]
pub struct RecordError {
    /// The file the record came from (`-` for standard input).
    pub path: String,
    /// 1-based line number for JSON Lines records.
    pub line: Option<usize>,
    /// Byte offset of the record (or of the error) in the file.
    pub offset: Option<usize>,
    /// What is wrong.
    pub error: Error,
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.path)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        } else if let Some(offset) = self.offset
            && !matches!(
                self.error,
                Error::InvalidUtf8 { .. } | Error::InvalidUtf16 { .. }
            )
        {
            // A record of an archive: `PATH:BYTE_OFFSET: …`.
            write!(f, ":{offset}")?;
        }
        match &self.error {
            // The path is already in front.
            Error::Io { source, .. } => write!(f, ": {source}"),
            e => write!(f, ": {e}"),
        }
    }
}

impl std::error::Error for RecordError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}

/// Reads all articles under `path`: a `.txt` file, a `.jsonl`/`.ndjson`
/// file, or a directory of such files (sorted by name, recursively).
///
/// This collects every document; use [`documents`] to stream them instead.
pub fn read_path(path: &Path, opts: &InputOptions) -> Vec<Result<Document, RecordError>> {
    documents(path, opts).collect()
}

/// The last component of `path`, for naming records.
pub(super) fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// `rel` without the extension of its last part: `2018/article.txt` →
/// `2018/article` (a leading dot is not an extension).
pub(super) fn strip_extension(rel: &str) -> &str {
    let last = rel.rfind('/').map_or(0, |p| p + 1);
    match rel[last..].rfind('.') {
        Some(dot) if dot > 0 => &rel[..last + dot],
        _ => rel,
    }
}

fn has_extension(p: &Path, exts: &[&str]) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| exts.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// A JSON Lines file name: `.jsonl` or `.ndjson`, in any case.
pub fn is_jsonl(p: &Path) -> bool {
    has_extension(p, &["jsonl", "ndjson"])
}

/// An HTML page or WARC archive, by its name (see
/// [`crate::html::format_of_path`]).
pub(super) fn is_page(p: &Path) -> bool {
    #[cfg(feature = "html")]
    {
        crate::html::format_of_path(p).is_some_and(|(f, _)| {
            matches!(f, crate::html::Format::Html | crate::html::Format::Warc)
        })
    }
    #[cfg(not(feature = "html"))]
    {
        let _ = p;
        false
    }
}

/// A plain-text article file name: `.txt`, in any case.
pub fn is_txt(p: &Path) -> bool {
    has_extension(p, &["txt"])
}

/// A stable id for an article given without a name or id (standard input):
/// `stdin-` and 16 hex digits of the FNV-1a hash of its bytes, so that the
/// same text always gets the same id and different texts (almost surely)
/// different ones.
///
/// ```
/// let a = dateline_parse::content_id(b"One article.");
/// assert!(a.starts_with("stdin-") && a.len() == 22);
/// assert_eq!(a, dateline_parse::content_id(b"One article."));
/// assert_ne!(a, dateline_parse::content_id(b"Another article."));
/// ```
pub fn content_id(bytes: &[u8]) -> String {
    use std::hash::Hasher;
    let mut h = fnv::FnvHasher::default();
    h.write(bytes);
    format!("stdin-{:016x}", h.finish())
}
