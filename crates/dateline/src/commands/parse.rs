//! `dateline parse PATH… [--json]`

use std::io::Write;

use serde_json::json;

use super::{CmdResult, finish, write_json};
use crate::input::InputArgs;

/// Arguments of `dateline parse`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// Print JSON Lines, one object per document.
    #[arg(long)]
    json: bool,
}

pub(crate) fn run(args: Args) -> CmdResult {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let failed = args.input.for_each(false, |doc| {
        if args.json {
            let blocks: Vec<_> = doc
                .blocks
                .iter()
                .map(|b| {
                    json!({"kind": b.kind.as_str(), "start": b.span.start, "end": b.span.end,
                           "text": doc.block_text(b), "reason": b.reason})
                })
                .collect();
            write_json(
                &mut out,
                &json!({"id": doc.id, "title": doc.title, "site": doc.site,
                        "date": doc.date.map(|d| d.to_string()), "url": doc.url, "blocks": blocks}),
            )
        } else {
            writeln!(out, "# {}", doc.id)?;
            writeln!(out, "title: {}", doc.title.as_deref().unwrap_or("-"))?;
            writeln!(out, "site:  {}", doc.site.as_deref().unwrap_or("-"))?;
            writeln!(out, "date:  {}", doc.date.map(|d| d.to_string()).unwrap_or_else(|| "-".into()))?;
            for b in &doc.blocks {
                let text = doc.block_text(b);
                let short: String = text.chars().take(72).collect();
                let more = if short.len() < text.len() { "…" } else { "" };
                writeln!(out, "  {:<11} {:>6}..{:<6} {short}{more}", b.kind.as_str(), b.span.start, b.span.end)?;
            }
            writeln!(out)
        }
    })?;
    out.flush()?;
    finish(failed)
}
