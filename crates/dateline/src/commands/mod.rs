//! One module per subcommand; each has `Args` and `run`.

use std::process::ExitCode;

pub(crate) mod entities;
pub(crate) mod eval;
pub(crate) mod eval_html;
pub(crate) mod eval_ner;
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
