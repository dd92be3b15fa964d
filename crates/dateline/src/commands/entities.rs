//! `dateline entities PATH… [--json] [--plain] [--explain]`

use std::io::Write;

use dateline_tag::{ExplainedEntity, Explanation, Tagger};
use serde_json::json;

use super::{CmdResult, finish, write_json};
use crate::input::InputArgs;

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
    /// Say which rules made each entity (and which dropped the candidates
    /// that are not entities); with --json each entity gains "rules".
    #[arg(long)]
    explain: bool,
}

pub(crate) fn run(args: Args) -> CmdResult {
    let tagger = Tagger::new();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let failed = args.input.for_each(args.plain, |doc| {
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
            let list: Vec<_> = explained
                .entities
                .iter()
                .map(|x| {
                    let e = &x.entity;
                    let mut v = json!({"text": e.text, "start": e.span.start, "end": e.span.end,
                           "label": e.label.as_str(), "canonical": e.canonical, "value": e.value});
                    if let Some(map) = v.as_object_mut() {
                        // GPE mentions say whether they name the place or the state acting.
                        if let Some(sense) = e.sense {
                            map.insert("sense".into(), sense.as_str().into());
                        }
                        map.insert("rules".into(), json!(x.rules));
                    }
                    v
                })
                .collect();
            let mut record = json!({"id": doc.id, "entities": list});
            if args.explain
                && let Some(map) = record.as_object_mut()
            {
                let dropped: Vec<_> = explained
                    .dropped
                    .iter()
                    .map(|d| {
                        json!({"text": d.text, "start": d.span.start, "end": d.span.end,
                               "label": d.label.as_str(), "rules": d.rules, "dropped_by": d.dropped_by})
                    })
                    .collect();
                map.insert("dropped".into(), json!(dropped));
            }
            write_json(&mut out, &record)
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
