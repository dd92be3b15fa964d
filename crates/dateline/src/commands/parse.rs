//! `dateline parse PATH… [--json]`

use std::io::Write;

use dateline_parse::Document;

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

pub(crate) fn run(args: Args) -> CmdResult {
    let mut out = crate::output::stdout()?;
    let pool = &args.threads;
    let failed = pool.render(&args.input, false, &mut out, "parsed", |doc, mut out| {
        if args.json {
            serde_json::to_writer(&mut out, &dateline::json::document(&doc))?;
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
    // The date, and which source of the page gave it when known.
    match (doc.date, doc.date_source.as_deref()) {
        (Some(d), Some(src)) => writeln!(out, "date:  {d} (from {src})")?,
        (Some(d), None) => writeln!(out, "date:  {d}")?,
        (None, _) => writeln!(out, "date:  -")?,
    }
    writeln!(out, "url:   {}", dash(doc.url.as_deref()))?;
    if !doc.authors.is_empty() {
        writeln!(out, "authors: {}", doc.authors.join("; "))?;
    }
    if let Some(lang) = &doc.language {
        writeln!(out, "language: {lang}")?;
    }
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
