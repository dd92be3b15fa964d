//! `dateline entities PATH… [--json] [--plain] [--explain] [--threads N]`

use std::io::Write;

use dateline_tag::{DroppedCandidate, ExplainedEntity, Explanation, RuleId, Tagger};
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
    /// Say which rules made each entity (and which dropped the candidates
    /// that are not entities); with --json each entity gains "rules".
    #[arg(long)]
    explain: bool,
}

/// One entity of the JSON output (keys sorted, as JSON output has always
/// had them; `sense` only for GPE mentions, which say whether they name the
/// place or the state acting; `rules`, the ids of the rules that shaped it,
/// in the order they acted).
#[derive(Serialize)]
struct EntityOut<'a> {
    canonical: &'a str,
    end: usize,
    label: &'static str,
    rules: &'a [RuleId],
    #[serde(skip_serializing_if = "Option::is_none")]
    sense: Option<&'static str>,
    start: usize,
    text: &'a str,
    value: Option<&'a str>,
}

/// A dropped candidate of the JSON output (with `--explain`).
#[derive(Serialize)]
struct DroppedOut<'a> {
    dropped_by: RuleId,
    end: usize,
    label: &'static str,
    rules: &'a [RuleId],
    start: usize,
    text: &'a str,
}

/// `{"dropped"?,"entities","id"}` of a document, written without building a
/// JSON value.
#[derive(Serialize)]
struct DocOut<'a> {
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "dropped_json"
    )]
    dropped: Option<&'a [DroppedCandidate]>,
    #[serde(serialize_with = "entities_json")]
    entities: &'a [ExplainedEntity],
    id: &'a str,
}

fn entities_json<S: serde::Serializer>(
    list: &&[ExplainedEntity],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(list.iter().map(|x| {
        let e = &x.entity;
        EntityOut {
            canonical: &e.canonical,
            end: e.span.end,
            label: e.label.as_str(),
            rules: &x.rules,
            sense: e.sense.map(|s| s.as_str()),
            start: e.span.start,
            text: &e.text,
            value: e.value.as_deref(),
        }
    }))
}

fn dropped_json<S: serde::Serializer>(
    list: &Option<&[DroppedCandidate]>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(list.unwrap_or_default().iter().map(|d| DroppedOut {
        dropped_by: d.dropped_by,
        end: d.span.end,
        label: d.label.as_str(),
        rules: &d.rules,
        start: d.span.start,
        text: &d.text,
    }))
}

pub(crate) fn run(args: Args) -> CmdResult {
    let tagger = Tagger::new();
    let mut out = crate::output::stdout()?;
    let pool = &args.threads;
    let failed = pool.render(&args.input, args.plain, &mut out, |doc, mut out| {
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
            let value = DocOut {
                dropped: args.explain.then_some(&explained.dropped[..]),
                entities: &explained.entities,
                id: &doc.id,
            };
            serde_json::to_writer(&mut out, &value)?;
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
    })?;
    out.flush()?;
    finish(failed)
}
