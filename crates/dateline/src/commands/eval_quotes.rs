//! `dateline eval quotes`

use super::{CliError, CmdResult};

/// Arguments of `dateline eval quotes`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {}

pub(crate) fn run(_args: Args) -> CmdResult {
    Err(CliError::Failed("quotes evaluation is not available yet".into()))
}
