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
    /// Article files (.txt), JSON Lines files (.jsonl, .ndjson), directories, or `-` for stdin.
    #[arg(required = true, value_name = "PATH")]
    pub(crate) paths: Vec<PathBuf>,
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

impl InputArgs {
    fn options(&self) -> InputOptions {
        InputOptions::new()
            .max_bytes(self.max_bytes)
            .text_field(self.text_field.clone())
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
        // Where each id was first seen: `PATH` or `PATH:LINE`.
        let mut seen: HashMap<String, String> = HashMap::new();
        let mut handle = |r: Result<Document, RecordError>,
                          source: (String, Option<usize>)|
         -> std::io::Result<()> {
            match r {
                Ok(doc) => {
                    let here = match source.1 {
                        Some(line) => format!("{}:{line}", source.0),
                        None => source.0.clone(),
                    };
                    match seen.entry(doc.id.clone()) {
                        Entry::Occupied(first) => {
                            report(&RecordError {
                                path: source.0,
                                line: source.1,
                                offset: None,
                                error: dateline_parse::Error::DuplicateId {
                                    id: doc.id,
                                    first: first.get().clone(),
                                },
                            });
                            failed += 1;
                            Ok(())
                        }
                        Entry::Vacant(v) => {
                            v.insert(here);
                            f(if plain { doc.into_plain() } else { doc })
                        }
                    }
                }
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
                if self.jsonl {
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
            }
        }
        Ok(failed)
    }
}

fn report(e: &RecordError) {
    report!("error: {e}");
}
