//! `dateline index PATH… --index DIR [--threads N] [--memory-budget MB] [--merge] [--wait]`

use dateline_query::{Archive, ArchiveWriter, Error, WriterOptions};
use dateline_tag::Tagger;

use super::{CliError, CmdResult, finish};
use crate::input::InputArgs;
use crate::pipeline::{Progress, ThreadsArg, ordered, size};

/// Arguments of `dateline index`.
#[derive(Debug, clap::Args)]
#[command(mut_arg("paths", |a| a.required(false).required_unless_present("merge")))]
pub(crate) struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// Where the index is stored (created if missing, extended if present).
    #[arg(long, value_name = "DIR")]
    index: std::path::PathBuf,
    #[command(flatten)]
    threads: ThreadsArg,
    /// Memory for indexing, in MB: tantivy's indexing heap (a new segment
    /// is written whenever it fills), the documents waiting for it,
    /// background merges (one at a time, reading at most a quarter of the
    /// budget of segments) and room for writing segments out (tagging not
    /// included; `--merge` reads the whole index).
    #[arg(long, value_name = "MB", default_value_t = dateline_query::DEFAULT_MEMORY_BUDGET >> 20)]
    memory_budget: usize,
    /// Merge all segments into one after adding (with no PATH: only merge).
    #[arg(long)]
    merge: bool,
    /// When another process is writing the index, wait for it instead of failing.
    #[arg(long)]
    wait: bool,
}

pub(crate) fn run(args: Args) -> CmdResult {
    // Before hours of tagging: the index directory must be one, and writable.
    super::check_writable_dir(&args.index, "--index")?;
    let dir = &args.index;
    let threads = args.threads.get();
    let before = if dir.join("meta.json").is_file() {
        Archive::open(dir).map(|a| a.len()).unwrap_or(0)
    } else {
        0
    };
    let opts = WriterOptions::new()
        .memory_budget(args.memory_budget.saturating_mul(1 << 20))
        .threads(threads.div_ceil(2).clamp(1, 4))
        .wait(args.wait);
    let mut writer = ArchiveWriter::open(dir, &opts).map_err(|e| match e {
        Error::Locked { .. } => CliError::Failed(format!(
            "cannot write the index: {e}; wait for it to finish or use --wait"
        )),
        e => CliError::Failed(format!("cannot open the index: {e}")),
    })?;
    let tagger = Tagger::new();
    let mut progress = Progress::new("indexed", args.threads.progress);
    let mut added = 0usize;
    let mut failure: Option<Error> = None;
    let preparer = writer.preparer();
    let failed = if args.input.paths.is_empty() {
        0
    } else {
        ordered(
            &args.input,
            false,
            threads,
            || preparer.clone(),
            |preparer, doc| preparer.prepare(&tagger.annotate(doc)),
            |doc| {
                progress.add(doc.text_bytes());
                added += 1;
                writer.add_prepared(doc).map_err(|e| {
                    failure = Some(e);
                    std::io::Error::other("indexing failed")
                })
            },
        )
        .map_err(|e| match failure.take() {
            Some(f) => CliError::Failed(format!("cannot index: {f}")),
            None => CliError::from(e),
        })?
    };
    progress.finish();
    let save = |e: Error| CliError::Failed(format!("cannot save the index: {e}"));
    writer.commit().map_err(save)?;
    if args.merge {
        writer.merge_all().map_err(save)?;
    }
    writer.finish().map_err(save)?;
    let archive =
        Archive::open(dir).map_err(|e| CliError::Failed(format!("cannot open the index: {e}")))?;
    let replaced = (before + added).saturating_sub(archive.len());
    let secs = progress.start.elapsed().as_secs_f64();
    let mut line = format!(
        "indexed {added} documents ({} of text) in {secs:.1} s, {}",
        size(progress.bytes),
        progress.rate()
    );
    if replaced > 0 {
        line.push_str(&format!(
            ", {replaced} replacing documents with the same id"
        ));
    }
    if failed > 0 {
        line.push_str(&format!(", skipped {failed} bad records"));
    }
    let segments = archive.num_segments();
    let plural = if segments == 1 { "" } else { "s" };
    report!(
        "{line}; {} holds {} documents in {segments} segment{plural}",
        dir.display(),
        archive.len()
    );
    finish(failed)
}
