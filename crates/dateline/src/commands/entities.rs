//! `dateline entities PATH… [--json] [--plain]`

use std::io::Write;

use super::{CmdResult, finish, write_json};
use crate::input::InputArgs;
use dateline_tag::Tagger;

/// Arguments of `dateline entities`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// Print JSON Lines.
    #[arg(long)]
    json: bool,
    /// Treat each input as plain text with no article structure.
    #[arg(long)]
    plain: bool,
}

pub(crate) fn run(args: Args) -> CmdResult {
    let tagger = Tagger::new();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let failed = args.input.for_each(args.plain, |doc| {
        let entities = tagger.entities(&doc);
        if args.json {
            write_json(&mut out, &dateline::output::entities(&doc.id, &entities))
        } else {
            writeln!(out, "# {}", doc.id)?;
            for e in &entities {
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}",
                    e.span,
                    e.label.as_str(),
                    e.text,
                    e.canonical
                )?;
            }
            Ok(())
        }
    })?;
    out.flush()?;
    finish(failed)
}
