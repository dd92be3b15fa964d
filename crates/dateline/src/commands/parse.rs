//! `dateline parse PATH… [--json]`

use std::io::Write;

use dateline_parse::Document;
use serde::Serialize;

use super::{CmdResult, finish};
use crate::input::InputArgs;
use crate::pipeline::ThreadsArg;

/// Arguments of `dateline parse`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    threads: ThreadsArg,
    /// Print JSON Lines, one object per document.
    #[arg(long)]
    json: bool,
}

/// `{"end","kind","reason","start","text"}` of a block (keys sorted, as JSON
/// output has always had them).
#[derive(Serialize)]
struct BlockOut<'a> {
    end: usize,
    kind: &'static str,
    reason: Option<&'a str>,
    start: usize,
    text: &'a str,
}

/// `{"blocks","date","id","site","title","url"}` of a document; blocks are
/// written as they are read, never built as a whole JSON value.
#[derive(Serialize)]
struct DocOut<'a> {
    #[serde(serialize_with = "blocks_json")]
    blocks: &'a Document,
    date: Option<String>,
    id: &'a str,
    site: Option<&'a str>,
    title: Option<&'a str>,
    url: Option<&'a str>,
}

fn blocks_json<S: serde::Serializer>(doc: &&Document, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(doc.blocks.iter().map(|b| BlockOut {
        end: b.span.end,
        kind: b.kind.as_str(),
        reason: b.reason.as_deref(),
        start: b.span.start,
        text: doc.block_text(b),
    }))
}

pub(crate) fn run(args: Args) -> CmdResult {
    let mut out = crate::output::stdout()?;
    let pool = &args.threads;
    let failed = pool.render(&args.input, false, &mut out, |doc, mut out| {
        if args.json {
            let value = DocOut {
                blocks: &doc,
                date: doc.date.map(|d| d.to_string()),
                id: &doc.id,
                site: doc.site.as_deref(),
                title: doc.title.as_deref(),
                url: doc.url.as_deref(),
            };
            serde_json::to_writer(&mut out, &value)?;
            out.write_all(b"\n")
        } else {
            summary(&mut out, &doc)
        }
    })?;
    out.flush()?;
    finish(failed)
}

/// Width of the text preview in the readable summary, in characters.
const PREVIEW: usize = 72;

/// The readable summary of one document: metadata, block counts, then one
/// line per block with its kind, byte span, a preview and the reason.
fn summary(out: &mut impl Write, doc: &Document) -> std::io::Result<()> {
    let dash = |s: Option<&str>| s.unwrap_or("-").to_string();
    writeln!(out, "== {} ==", doc.id)?;
    writeln!(out, "title: {}", dash(doc.title.as_deref()))?;
    writeln!(out, "site:  {}", dash(doc.site.as_deref()))?;
    writeln!(
        out,
        "date:  {}",
        doc.date.map_or_else(|| "-".to_string(), |d| d.to_string())
    )?;
    writeln!(out, "url:   {}", dash(doc.url.as_deref()))?;
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for b in &doc.blocks {
        match counts.iter_mut().find(|(k, _)| *k == b.kind.as_str()) {
            Some((_, n)) => *n += 1,
            None => counts.push((b.kind.as_str(), 1)),
        }
    }
    let counts: Vec<String> = counts.iter().map(|(k, n)| format!("{n} {k}")).collect();
    writeln!(out, "blocks: {} ({})", doc.blocks.len(), counts.join(", "))?;
    let width = doc
        .blocks
        .last()
        .map_or(1, |b| b.span.end.to_string().len());
    for b in &doc.blocks {
        let text = doc.block_text(b);
        let mut preview: String = text
            .chars()
            .take(PREVIEW)
            .map(|c| if c.is_whitespace() { ' ' } else { c })
            .collect();
        if text.chars().nth(PREVIEW).is_some() {
            preview.push('…');
        }
        let span = format!("{:>width$}..{:<width$}", b.span.start, b.span.end);
        match &b.reason {
            Some(r) => writeln!(out, "  {:<11} {span}  {preview}  [{r}]", b.kind.as_str())?,
            None => writeln!(out, "  {:<11} {span}  {preview}", b.kind.as_str())?,
        }
    }
    writeln!(out)
}
