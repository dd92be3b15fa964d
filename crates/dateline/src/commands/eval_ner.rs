//! `dateline eval ner`

use super::{CliError, CmdResult};

/// Arguments of `dateline eval ner`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {}

pub(crate) fn run(_args: Args) -> CmdResult {
    Err(CliError::Failed("ner evaluation is not available yet".into()))
}
