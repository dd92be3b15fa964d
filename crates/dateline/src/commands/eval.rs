//! `dateline eval ner|quotes`

use super::{CliError, CmdResult};

/// What to evaluate.
#[derive(Debug, clap::Subcommand)]
pub(crate) enum EvalCommand {
    /// Score entity tagging against gold sets.
    Ner,
    /// Score quotation detection and speakers against the bundled gold.
    Quotes,
}

pub(crate) fn run(_cmd: EvalCommand) -> CmdResult {
    Err(CliError::Failed("evaluation is not available in this build".into()))
}
