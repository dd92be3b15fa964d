//! Shared input handling of the subcommands: paths, standard input, JSON
//! Lines, and the error-reporting policy (`error: PATH:LINE: …` on stderr,
//! keep going, exit 1 at the end).

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::path::PathBuf;

use dateline_parse::{Document, InputOptions, JsonlRecords, RecordError};

/// Input arguments shared by every subcommand that reads articles.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct InputArgs {
    /// Article files (.txt), JSON Lines files (.jsonl, .ndjson), HTML pages (.html, .htm, .xhtml,
    /// also gzipped), WARC archives (.warc, .warc.gz), directories, or `-` for stdin.
    #[arg(required = true, value_name = "PATH")]
    pub(crate) paths: Vec<PathBuf>,
    /// Read every input as this format (text, jsonl, html, warc) instead of detecting it from
    /// the file name and content.
    #[arg(long, value_name = "FORMAT")]
    pub(crate) format: Option<dateline_parse::html::Format>,
    /// Document ids of WARC records: the record's WARC-Record-ID, or its target URL.
    #[arg(long, value_enum, default_value = "record", value_name = "FROM")]
    pub(crate) id: IdFrom,
    /// Read standard input as JSON Lines records instead of one text article.
    #[arg(long)]
    pub(crate) jsonl: bool,
    /// Name of the JSON field holding the article text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub(crate) text_field: String,
    /// Largest accepted article, in bytes; larger records are reported and skipped.
    #[arg(long, default_value_t = dateline_parse::DEFAULT_MAX_BYTES, value_name = "BYTES")]
    pub(crate) max_bytes: usize,
}

/// Where WARC records get their document id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum IdFrom {
    /// The WARC-Record-ID.
    Record,
    /// The WARC-Target-URI.
    Url,
}

impl InputArgs {
    fn options(&self) -> InputOptions {
        InputOptions::new()
            .max_bytes(self.max_bytes)
            .text_field(self.text_field.clone())
            .format(self.format)
            .warc_id_url(self.id == IdFrom::Url)
    }

    /// Reads every document, reporting bad records on stderr. `plain` turns
    /// each article into a single plain-text block. Calls `f` for each good
    /// document; returns the number of failed records.
    ///
    /// Documents are streamed: a large JSON Lines file or stream is never
    /// held in memory as a whole. Ids are unique within a run: a second
    /// record with an id already seen is reported and skipped, not passed on
    /// to replace the first.
    pub(crate) fn for_each(
        &self,
        plain: bool,
        mut f: impl FnMut(Document) -> std::io::Result<()>,
    ) -> std::io::Result<usize> {
        let opts = self.options();
        let mut failed = 0;
        let mut ids = Ids::default();
        let mut handle = |r: Result<Document, RecordError>,
                          source: (String, Option<usize>)|
         -> std::io::Result<()> {
            match r.and_then(|doc| ids.claim(doc, source)) {
                Ok(doc) => f(if plain { doc.into_plain() } else { doc }),
                Err(e) => {
                    report(&e);
                    failed += 1;
                    Ok(())
                }
            }
        };
        for path in &self.paths {
            if path.as_os_str() == "-" {
                let stdin = std::io::stdin();
                if matches!(
                    self.format,
                    Some(dateline_parse::html::Format::Html | dateline_parse::html::Format::Warc)
                ) {
                    for r in dateline_parse::html::read_stdin(stdin.lock(), &opts) {
                        handle(r, ("-".to_string(), None))?;
                    }
                    continue;
                }
                if self.jsonl || self.format == Some(dateline_parse::html::Format::Jsonl) {
                    let mut records = JsonlRecords::new(stdin.lock(), "-", &opts);
                    while let Some(r) = records.next() {
                        let line = records.line();
                        handle(r, ("-".to_string(), Some(line)))?;
                    }
                } else {
                    handle(
                        dateline_parse::read_stdin_text(stdin.lock(), "-", &opts),
                        ("-".to_string(), None),
                    )?;
                }
            } else {
                let mut docs = dateline_parse::documents(path, &opts);
                while let Some(r) = docs.next() {
                    for w in docs.warnings() {
                        report!("warning: {w}");
                    }
                    let source = docs.source();
                    handle(r, source)?;
                }
                for w in docs.warnings() {
                    report!("warning: {w}");
                }
                let skipped = docs.warc_skipped();
                if skipped.total() > 0 {
                    report!(
                        "{}: {} WARC records skipped ({skipped})",
                        path.display(),
                        skipped.total()
                    );
                }
            }
        }
        Ok(failed)
    }
}

/// The ids of one run, with where each was first seen (`PATH` or
/// `PATH:LINE`).
#[derive(Debug, Default)]
pub(crate) struct Ids {
    seen: HashMap<String, String>,
}

impl Ids {
    /// Passes `doc` on when its id is new in this run; a second record with
    /// the id is an error, not a replacement of the first.
    pub(crate) fn claim(
        &mut self,
        doc: Document,
        (path, line): (String, Option<usize>),
    ) -> Result<Document, RecordError> {
        match self.seen.entry(doc.id.clone()) {
            Entry::Occupied(first) => Err(RecordError {
                path,
                line,
                offset: None,
                error: dateline_parse::Error::DuplicateId {
                    id: doc.id,
                    first: first.get().clone(),
                },
            }),
            Entry::Vacant(v) => {
                v.insert(match line {
                    Some(line) => format!("{path}:{line}"),
                    None => path,
                });
                Ok(doc)
            }
        }
    }
}

/// The documents under `path` (see `dateline_parse::documents`), with
/// skipped entries reported as warnings and ids checked against `ids`; bad
/// records are reported and counted in `failed`.
pub(crate) fn read_checked(
    path: &std::path::Path,
    opts: &InputOptions,
    ids: &mut Ids,
    failed: &mut usize,
) -> Vec<Document> {
    let mut out = Vec::new();
    let mut docs = dateline_parse::documents(path, opts);
    while let Some(r) = docs.next() {
        for w in docs.warnings() {
            report!("warning: {w}");
        }
        let source = docs.source();
        match r.and_then(|doc| ids.claim(doc, source)) {
            Ok(doc) => out.push(doc),
            Err(e) => {
                report(&e);
                *failed += 1;
            }
        }
    }
    for w in docs.warnings() {
        report!("warning: {w}");
    }
    out
}

fn report(e: &RecordError) {
    report!("error: {e}");
}
