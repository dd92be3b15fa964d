//! `dateline entities PATH… [--json] [--plain] [--explain] [--threads N]`

use std::io::Write;

use dateline_tag::{ExplainedEntity, Explanation, Tagger};

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
    /// Say which rules made each entity (and which dropped the candidates
    /// that are not entities); with --json each entity gains "rules".
    #[arg(long)]
    explain: bool,
}

pub(crate) fn run(args: Args) -> CmdResult {
    let tagger = Tagger::new();
    let mut out = crate::output::stdout()?;
    let pool = &args.threads;
    let failed = pool.render(
        &args.input,
        args.plain,
        &mut out,
        "tagged",
        |doc, mut out| {
            // JSON always carries each entity's rules; text shows them with --explain.
            let explained = if args.explain || args.json {
                tagger.explain(&doc)
            } else {
                Explanation {
                    entities: tagger
                        .entities(&doc)
                        .into_iter()
                        .map(|entity| ExplainedEntity {
                            entity,
                            rules: Vec::new(),
                        })
                        .collect(),
                    dropped: Vec::new(),
                }
            };
            if args.json {
                let record = dateline::json::entities(
                    &doc.id,
                    &explained.entities,
                    args.explain.then_some(&explained.dropped[..]),
                );
                serde_json::to_writer(&mut out, &record)?;
                out.write_all(b"\n")
            } else {
                writeln!(out, "# {}", doc.id)?;
                for x in &explained.entities {
                    let e = &x.entity;
                    write!(
                        out,
                        "{}\t{}\t{}\t{}",
                        e.span,
                        e.label.as_str(),
                        e.text,
                        e.canonical
                    )?;
                    if args.explain {
                        write!(out, "\trules: {}", x.rules.join(" > "))?;
                    }
                    writeln!(out)?;
                }
                if args.explain {
                    for d in &explained.dropped {
                        writeln!(
                            out,
                            "dropped\t{}\t{}\t{}\tby {} (after {})",
                            d.span,
                            d.label.as_str(),
                            d.text,
                            d.dropped_by,
                            d.rules.join(" > ")
                        )?;
                    }
                }
                Ok(())
            }
        },
    )?;
    out.flush()?;
    finish(failed)
}
