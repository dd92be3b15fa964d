//! `dateline train ner --out FILE`

use super::{CliError, CmdResult};

/// What to train.
#[derive(Debug, clap::Subcommand)]
pub(crate) enum TrainCommand {
    /// Train the entity model.
    Ner,
}

pub(crate) fn run(_cmd: TrainCommand) -> CmdResult {
    Err(CliError::Failed("training is not available in this build".into()))
}
