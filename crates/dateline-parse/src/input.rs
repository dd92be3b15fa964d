//! Reading articles from files: plain text, JSON Lines, directories.

use std::io::BufRead;
use std::path::Path;

use crate::{Date, Document, Error, Parser};

/// How input files are read.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct InputOptions {
    /// Name of the JSON field that holds the article text (default `"text"`).
    pub text_field: String,
    /// The parser (and its size limit) used for every article.
    pub parser: Parser,
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions { text_field: "text".to_string(), parser: Parser::new() }
    }
}

/// One JSON Lines record: `{"id","title","date","url","text"}`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    /// Record id.
    pub id: Option<String>,
    /// Headline given as metadata.
    pub title: Option<String>,
    /// Date given as metadata.
    pub date: Option<Date>,
    /// URL given as metadata.
    pub url: Option<String>,
    /// The article text.
    pub text: String,
}

/// A record that could not be turned into a document, with where it was.
#[derive(Debug, thiserror::Error)]
#[error("{path}{}: {error}", line.map(|l| format!(":{l}")).unwrap_or_default())]
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

/// Reads all articles under `path`: a `.txt` file, a `.jsonl`/`.ndjson`
/// file, or a directory of such files (sorted by name).
pub fn read_path(path: &Path, opts: &InputOptions) -> Vec<Result<Document, RecordError>> {
    let name = path.display().to_string();
    let io_err = |e: std::io::Error| RecordError {
        path: name.clone(),
        line: None,
        offset: None,
        error: Error::Io { path: name.clone(), source: e },
    };
    if path.is_dir() {
        let mut entries: Vec<_> = match std::fs::read_dir(path) {
            Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => return vec![Err(io_err(e))],
        };
        entries.sort();
        return entries
            .iter()
            .filter(|p| p.is_dir() || is_jsonl(p) || is_txt(p))
            .flat_map(|p| read_path(p, opts))
            .collect();
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return vec![Err(io_err(e))],
    };
    if is_jsonl(path) {
        read_jsonl(&bytes[..], &name, opts)
    } else {
        let id = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        vec![read_text(&id, bytes, &name, opts)]
    }
}

fn is_jsonl(p: &Path) -> bool {
    matches!(p.extension().and_then(|e| e.to_str()), Some("jsonl" | "ndjson"))
}

fn is_txt(p: &Path) -> bool {
    matches!(p.extension().and_then(|e| e.to_str()), Some("txt"))
}

/// Parses a plain-text article from raw bytes.
pub fn read_text(
    id: &str,
    bytes: Vec<u8>,
    name: &str,
    opts: &InputOptions,
) -> Result<Document, RecordError> {
    let wrap = |error| RecordError { path: name.to_string(), line: None, offset: None, error };
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        RecordError {
            path: name.to_string(),
            line: None,
            offset: Some(offset),
            error: Error::InvalidUtf8 { offset },
        }
    })?;
    opts.parser.parse(id, text).map_err(wrap)
}

/// Reads JSON Lines records from `reader`; `name` is used for ids and errors.
pub fn read_jsonl(
    reader: impl BufRead,
    name: &str,
    opts: &InputOptions,
) -> Vec<Result<Document, RecordError>> {
    let mut out = Vec::new();
    let mut offset = 0usize;
    for (i, line) in reader.split(b'\n').enumerate() {
        let lineno = i + 1;
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                out.push(Err(RecordError {
                    path: name.to_string(),
                    line: Some(lineno),
                    offset: Some(offset),
                    error: Error::Io { path: name.to_string(), source: e },
                }));
                break;
            }
        };
        let start = offset;
        offset += line.len() + 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        out.push(record_document(&line, name, lineno, start, opts));
    }
    out
}

fn record_document(
    line: &[u8],
    name: &str,
    lineno: usize,
    offset: usize,
    opts: &InputOptions,
) -> Result<Document, RecordError> {
    let err = |error| RecordError { path: name.to_string(), line: Some(lineno), offset: Some(offset), error };
    let value: serde_json::Value = serde_json::from_slice(line)
        .map_err(|e| err(Error::Json { column: e.column(), message: e.to_string() }))?;
    let text = value
        .get(&opts.text_field)
        .and_then(|v| v.as_str())
        .ok_or_else(|| err(Error::MissingText { field: opts.text_field.clone() }))?;
    let get = |k: &str| value.get(k).and_then(|v| v.as_str()).map(str::to_string);
    let id = get("id").unwrap_or_else(|| format!("{name}:{lineno}"));
    let mut doc = opts.parser.parse(id, text.to_string()).map_err(err)?;
    if let Some(t) = get("title") {
        doc.title = Some(t);
    }
    if let Some(d) = get("date") {
        if let Ok(d) = d.get(..10).unwrap_or(&d).parse::<Date>() {
            doc.date = Some(d);
        }
    }
    if let Some(u) = get("url") {
        doc.url = Some(u);
    }
    Ok(doc)
}
