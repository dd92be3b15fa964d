//! `dateline entities PATH… [--json] [--plain]`

use std::io::Write;

use dateline_tag::{Entity, Tagger};
use serde::Serialize;

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

/// One entity of the JSON output (keys sorted, as JSON output has always
/// had them; `sense` only for GPE mentions, which say whether they name the
/// place or the state acting).
#[derive(Serialize)]
struct EntityOut<'a> {
    canonical: &'a str,
    end: usize,
    label: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    sense: Option<&'static str>,
    start: usize,
    text: &'a str,
    value: Option<&'a str>,
}

/// `{"entities","id"}` of a document, written without building a JSON value.
#[derive(Serialize)]
struct DocOut<'a> {
    #[serde(serialize_with = "entities_json")]
    entities: &'a [Entity],
    id: &'a str,
}

fn entities_json<S: serde::Serializer>(list: &&[Entity], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(list.iter().map(|e| EntityOut {
        canonical: &e.canonical,
        end: e.span.end,
        label: e.label.as_str(),
        sense: e.sense.map(|s| s.as_str()),
        start: e.span.start,
        text: &e.text,
        value: e.value.as_deref(),
    }))
}

pub(crate) fn run(args: Args) -> CmdResult {
    let tagger = Tagger::new();
    let mut out = crate::output::stdout()?;
    let pool = &args.threads;
    let failed = pool.render(&args.input, args.plain, &mut out, |doc, mut out| {
        let entities = tagger.entities(&doc);
        if args.json {
            let value = DocOut {
                entities: &entities,
                id: &doc.id,
            };
            serde_json::to_writer(&mut out, &value)?;
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
