//! `dateline index PATH… --index DIR`

use super::{CliError, CmdResult};
use crate::input::InputArgs;

/// Arguments of `dateline index`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// Where the index is stored.
    #[arg(long, value_name = "DIR")]
    index: std::path::PathBuf,
}

pub(crate) fn run(_args: Args) -> CmdResult {
    Err(CliError::Failed("indexing is not available in this build".into()))
}
