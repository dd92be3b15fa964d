//! `dateline index PATH… --index DIR`

use std::io::IsTerminal;
use std::time::Duration;

use dateline_query::{INDEX_FILE_NAME, Index};
use dateline_tag::Tagger;
use indicatif::{ProgressBar, ProgressStyle};

use super::{CliError, CmdResult, finish};
use crate::input::InputArgs;

/// Arguments of `dateline index`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// Where the index is stored (created if missing, extended if present).
    #[arg(long, value_name = "DIR")]
    index: std::path::PathBuf,
}

pub(crate) fn run(args: Args) -> CmdResult {
    // Before hours of tagging: the index directory must be one, and writable.
    super::check_writable_dir(&args.index, "--index")?;
    let file = args.index.join(INDEX_FILE_NAME);
    let mut index = if file.exists() {
        Index::load(&file).map_err(|e| CliError::Failed(format!("cannot extend the index: {e}")))?
    } else {
        Index::new()
    };
    let before = index.len();
    let tagger = Tagger::new();
    let progress = if std::io::stderr().is_terminal() {
        let pb = ProgressBar::new_spinner();
        if let Ok(style) =
            ProgressStyle::with_template("{spinner} {pos} documents indexed, {msg} [{elapsed}]")
        {
            pb.set_style(style);
        }
        pb.enable_steady_tick(Duration::from_millis(120));
        pb
    } else {
        ProgressBar::hidden()
    };
    let mut added = 0usize;
    let mut bytes = 0usize;
    let failed = args.input.for_each(false, |doc| {
        bytes += doc.text.len();
        index.add(&tagger.annotate(doc));
        added += 1;
        progress.inc(1);
        progress.set_message(size(bytes));
        Ok(())
    })?;
    progress.finish_and_clear();
    index
        .save_dir(&args.index)
        .map_err(|e| CliError::Failed(format!("cannot save the index: {e}")))?;
    let replaced = (before + added).saturating_sub(index.len());
    let mut line = format!("indexed {added} documents ({} of text)", size(bytes));
    if replaced > 0 {
        line.push_str(&format!(
            ", {replaced} replacing documents with the same id"
        ));
    }
    if failed > 0 {
        line.push_str(&format!(", skipped {failed} bad records"));
    }
    report!("{line}; {} holds {} documents", file.display(), index.len());
    finish(failed)
}

/// A byte count for people: `532 bytes`, `12.3 kB`, `1.4 MB`.
fn size(bytes: usize) -> String {
    if bytes < 1000 {
        format!("{bytes} bytes")
    } else if bytes < 1_000_000 {
        format!("{:.1} kB", bytes as f64 / 1e3)
    } else {
        format!("{:.1} MB", bytes as f64 / 1e6)
    }
}
