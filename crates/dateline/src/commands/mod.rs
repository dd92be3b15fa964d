//! One module per subcommand; each has `Args` and `run`.

use std::process::ExitCode;

pub(crate) mod entities;
pub(crate) mod eval;
pub(crate) mod eval_html;
pub(crate) mod eval_ner;
pub(crate) mod eval_news;
pub(crate) mod eval_quotes;
pub(crate) mod index;
pub(crate) mod parse;
pub(crate) mod quotes;
pub(crate) mod search;
pub(crate) mod sentences;
pub(crate) mod silver;
pub(crate) mod tokens;
pub(crate) mod train;

/// An error that ends the command.
#[derive(Debug)]
pub(crate) enum CliError {
    /// Bad arguments or query: exit code 2.
    Usage(String),
    /// Anything else: exit code 1.
    Failed(String),
    /// The reader of our output went away (`dateline … | head`): stop quietly.
    BrokenPipe,
}

impl CliError {
    pub(crate) fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage(_) => 2,
            CliError::Failed(_) => 1,
            CliError::BrokenPipe => 0,
        }
    }
}

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CliError::Usage(m) | CliError::Failed(m) => f.write_str(m),
            CliError::BrokenPipe => f.write_str("broken pipe"),
        }
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return CliError::BrokenPipe;
        }
        CliError::Failed(e.to_string())
    }
}

/// The result of a subcommand.
pub(crate) type CmdResult = Result<ExitCode, CliError>;

/// Exit code 1 when any record failed, else 0.
pub(crate) fn finish(failed: usize) -> CmdResult {
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes one JSON value as a line.
pub(crate) fn write_json(
    out: &mut impl std::io::Write,
    v: &serde_json::Value,
) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, v)?;
    out.write_all(b"\n")
}

/// `--data-dir DIR`: where the commands that read third-party data (gold
/// sets, training data, news corpora) find it.
#[derive(Debug, Clone, Default, clap::Args)]
pub(crate) struct DataArgs {
    /// The data directory (layout in docs/EVALUATION.md); default: $DATELINE_DATA, else
    /// ../shared beside the source workspace.
    #[arg(long, value_name = "DIR")]
    pub(crate) data_dir: Option<std::path::PathBuf>,
}

impl DataArgs {
    /// The path of `set` in the data directory, or an error naming where it
    /// was looked for and how to point elsewhere.
    pub(crate) fn find(
        &self,
        set: &dateline_data::DataSet,
    ) -> Result<std::path::PathBuf, CliError> {
        dateline_data::DataDir::find(self.data_dir.as_deref(), set)
            .map_err(|e| CliError::Failed(e.to_string()))
    }
}

/// The project's own gold of the sample articles, embedded like the articles.
pub(crate) mod gold {
    /// Entity gold of the sample articles.
    pub(crate) const SEEDS: &str = include_str!("../../../dateline-tag/eval-data/seeds_gold.json");
    /// Quotation gold of the sample articles.
    pub(crate) const QUOTES: &str =
        include_str!("../../../dateline-tag/eval-data/quotes_gold.json");
    /// Quotation gold of real news articles, whose texts are in the data directory.
    pub(crate) const QUOTES_NEWS: &str =
        include_str!("../../../dateline-tag/eval-data/quotes_news_gold.json");
    /// The project-written articles of the news gold (source `fixture`), by id.
    pub(crate) const QUOTES_FIXTURES: &[(&str, &str)] = &[
        (
            "dash-caption",
            include_str!("../../../dateline-tag/eval-data/quotes_fixtures/dash-caption.txt"),
        ),
        (
            "interview",
            include_str!("../../../dateline-tag/eval-data/quotes_fixtures/interview.txt"),
        ),
        (
            "multi-paragraph",
            include_str!("../../../dateline-tag/eval-data/quotes_fixtures/multi-paragraph.txt"),
        ),
    ];
}

/// The text of a sample article: from `dir/FILE` when a directory is given,
/// else the embedded copy (`FILE` is `ID.txt`).
pub(crate) fn sample_text(dir: Option<&std::path::Path>, file: &str) -> Result<String, CliError> {
    if let Some(dir) = dir {
        return read_text(&dir.join(file));
    }
    let id = file.strip_suffix(".txt").unwrap_or(file);
    dateline::samples::article(id)
        .map(|s| s.text.to_string())
        .ok_or_else(|| CliError::Failed(format!("no sample article {file}")))
}

/// Reads a text file, or says which file could not be read.
pub(crate) fn read_text(path: &std::path::Path) -> Result<String, CliError> {
    std::fs::read_to_string(path)
        .map_err(|e| CliError::Failed(format!("cannot read {}: {e}", path.display())))
}

/// Writes a file, or says which file could not be written.
pub(crate) fn write_file(path: &std::path::Path, bytes: &[u8]) -> Result<(), CliError> {
    std::fs::write(path, bytes)
        .map_err(|e| CliError::Failed(format!("cannot write {}: {e}", path.display())))
}

/// Fails early, before the long work, when `dir` cannot hold output: it is
/// a file, or it cannot be created or written to. Creates it when missing.
pub(crate) fn check_writable_dir(dir: &std::path::Path, flag: &str) -> Result<(), CliError> {
    let shown = dir.display();
    if dir.exists() && !dir.is_dir() {
        return Err(CliError::Usage(format!(
            "{flag} {shown} is a file; it must be a directory"
        )));
    }
    std::fs::create_dir_all(dir)
        .map_err(|e| CliError::Failed(format!("cannot create {shown}: {e}")))?;
    let probe = dir.join(format!(".dateline-write-check-{}", std::process::id()));
    std::fs::File::create(&probe)
        .map_err(|e| CliError::Failed(format!("cannot write in {shown}: {e}")))?;
    let _ignored = std::fs::remove_file(&probe);
    Ok(())
}

/// Fails early, before the long work, when `path` cannot be written: it is
/// a directory, its directory is missing or not writable, or it exists and
/// is read-only. Nothing is changed.
pub(crate) fn check_writable_file(path: &std::path::Path) -> Result<(), CliError> {
    let shown = path.display();
    if path.is_dir() {
        return Err(CliError::Usage(format!(
            "cannot write {shown}: it is a directory"
        )));
    }
    if path.exists() {
        std::fs::OpenOptions::new()
            .append(true)
            .open(path)
            .map_err(|e| CliError::Failed(format!("cannot write {shown}: {e}")))?;
        return Ok(());
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => std::path::Path::new("."),
    };
    let probe = dir.join(format!(".dateline-write-check-{}", std::process::id()));
    std::fs::File::create(&probe)
        .map_err(|e| CliError::Failed(format!("cannot write {shown}: {e}")))?;
    let _ignored = std::fs::remove_file(&probe);
    Ok(())
}

/// Fails early when the file `path` (given with `flag`) cannot be read,
/// naming it.
pub(crate) fn check_readable_file(path: &std::path::Path, flag: &str) -> Result<(), CliError> {
    std::fs::File::open(path)
        .map(drop)
        .map_err(|e| CliError::Failed(format!("cannot read {flag} {}: {e}", path.display())))
}
