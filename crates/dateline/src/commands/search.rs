//! `dateline search QUERY [--index DIR] [--limit N] [--facets] [--json]`

use super::{CliError, CmdResult};

/// Arguments of `dateline search`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The query.
    query: String,
    /// The index to search; without it, the bundled corpus.
    #[arg(long, value_name = "DIR")]
    index: Option<std::path::PathBuf>,
    /// Most hits to show.
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// Show facets.
    #[arg(long)]
    facets: bool,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub(crate) fn run(_args: Args) -> CmdResult {
    Err(CliError::Failed("search is not available in this build".into()))
}
