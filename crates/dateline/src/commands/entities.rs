//! `dateline entities PATH… [--json] [--plain]`

use std::io::Write;

use dateline_tag::Tagger;

use super::{CmdResult, finish};
use crate::input::InputArgs;
use crate::pipeline::ThreadsArg;

/// Arguments of `dateline entities`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    threads: ThreadsArg,
    /// Print JSON Lines.
    #[arg(long)]
    json: bool,
    /// Treat each input as plain text with no article structure.
    #[arg(long)]
    plain: bool,
}

pub(crate) fn run(args: Args) -> CmdResult {
    let tagger = Tagger::new();
    let mut out = crate::output::stdout()?;
    let pool = &args.threads;
    let failed = pool.render(&args.input, args.plain, &mut out, |doc, mut out| {
        let entities = tagger.entities(&doc);
        if args.json {
            serde_json::to_writer(&mut out, &dateline::json::entities(&doc.id, &entities))?;
            out.write_all(b"\n")
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
