//! `dateline tokens PATH… [--json] [--plain]`

use std::io::Write;

use dateline_tokenize::Tokenizer;
use serde_json::json;

use super::{CmdResult, finish, write_json};
use crate::input::InputArgs;
use crate::pipeline::ThreadsArg;

/// Arguments of `dateline tokens`.
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
    let tokenizer = Tokenizer::new().with_stems(true);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let pool = &args.threads;
    let failed = pool.render(&args.input, args.plain, &mut out, |doc, mut out| {
        let analysis = tokenizer.analyze(&doc);
        if args.json {
            let sentences: Vec<_> = analysis
                .sentences
                .iter()
                .map(|s| json!({"start": s.span.start, "end": s.span.end}))
                .collect();
            let tokens: Vec<_> = analysis
                .tokens
                .iter()
                .map(|t| {
                    json!({"text": t.text, "start": t.span.start, "end": t.span.end,
                           "kind": t.kind.as_str(), "norm": t.norm, "stem": t.stem})
                })
                .collect();
            write_json(
                &mut out,
                &json!({"id": doc.id, "sentences": sentences, "tokens": tokens}),
            )
        } else {
            writeln!(out, "# {}", doc.id)?;
            for t in &analysis.tokens {
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}",
                    t.span,
                    t.kind.as_str(),
                    t.text,
                    t.norm
                )?;
            }
            Ok(())
        }
    })?;
    out.flush()?;
    finish(failed)
}
