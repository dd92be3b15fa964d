//! `dateline entities PATH… [--json] [--plain]`

use std::io::Write;

use dateline_tag::Tagger;
use serde_json::json;

use super::{CmdResult, finish, write_json};
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
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let pool = &args.threads;
    let failed = pool.render(&args.input, args.plain, &mut out, |doc, mut out| {
        let entities = tagger.entities(&doc);
        if args.json {
            let list: Vec<_> = entities
                .iter()
                .map(|e| {
                    let mut v = json!({"text": e.text, "start": e.span.start, "end": e.span.end,
                           "label": e.label.as_str(), "canonical": e.canonical, "value": e.value});
                    // GPE mentions say whether they name the place or the state acting.
                    if let (Some(sense), Some(map)) = (e.sense, v.as_object_mut()) {
                        map.insert("sense".into(), sense.as_str().into());
                    }
                    v
                })
                .collect();
            write_json(&mut out, &json!({"id": doc.id, "entities": list}))
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
