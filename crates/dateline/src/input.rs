//! Shared input handling of the subcommands: paths, standard input, JSON
//! Lines, and the error-reporting policy (`error: PATH:LINE: …` on stderr,
//! keep going, exit 1 at the end).

use std::io::Read;
use std::path::PathBuf;

use dateline_parse::{Document, InputOptions, Parser, RecordError};

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
        let mut opts = InputOptions::default();
        opts.text_field = self.text_field.clone();
        opts.parser = Parser::new().max_bytes(self.max_bytes);
        opts
    }

    /// Reads every document, reporting bad records on stderr. `plain` turns
    /// each article into a single plain-text block. Calls `f` for each good
    /// document; returns the number of failed records.
    pub(crate) fn for_each(
        &self,
        plain: bool,
        mut f: impl FnMut(Document) -> std::io::Result<()>,
    ) -> std::io::Result<usize> {
        let opts = self.options();
        let mut failed = 0;
        for path in &self.paths {
            let results = if path.as_os_str() == "-" {
                let mut buf = Vec::new();
                std::io::stdin().read_to_end(&mut buf)?;
                if self.jsonl {
                    dateline_parse::read_jsonl(&buf[..], "-", &opts)
                } else {
                    vec![dateline_parse::read_text("stdin", buf, "-", &opts)]
                }
            } else {
                dateline_parse::read_path(path, &opts)
            };
            for r in results {
                match r {
                    Ok(doc) => f(if plain { doc.into_plain() } else { doc })?,
                    Err(e) => {
                        report(&e);
                        failed += 1;
                    }
                }
            }
        }
        Ok(failed)
    }
}

fn report(e: &RecordError) {
    eprintln!("error: {e}");
}
