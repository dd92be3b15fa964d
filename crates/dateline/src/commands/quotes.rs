//! `dateline quotes PATH… [--json]`: quotations and their speakers.
//!
//! Text output: one line per quote, `START..END<TAB>speaker<TAB>cue<TAB>kind<TAB>text`.
//! JSON Lines: `{"id", "quotes": [{"text","start","end","speaker","speaker_start","speaker_end","cue","kind"}]}`.

use std::io::Write;

use dateline_tag::Tagger;
use serde_json::json;

use super::{CmdResult, finish, write_json};
use crate::input::InputArgs;
use crate::pipeline::ThreadsArg;

/// Arguments of `dateline quotes`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    threads: ThreadsArg,
    /// Print JSON Lines.
    #[arg(long)]
    json: bool,
}

pub(crate) fn run(args: Args) -> CmdResult {
    let tagger = Tagger::new();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let pool = &args.threads;
    let failed = pool.render(&args.input, false, &mut out, |doc, mut out| {
        let tagged = tagger.annotate(doc);
        if args.json {
            let list: Vec<_> = tagged
                .quotes
                .iter()
                .map(|q| {
                    json!({"text": q.text, "start": q.span.start, "end": q.span.end,
                           "speaker": q.speaker, "speaker_start": q.speaker_span.map(|s| s.start),
                           "speaker_end": q.speaker_span.map(|s| s.end), "cue": q.cue, "kind": q.kind})
                })
                .collect();
            write_json(&mut out, &json!({"id": tagged.document.id, "quotes": list}))
        } else {
            writeln!(out, "# {}", tagged.document.id)?;
            for q in &tagged.quotes {
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}",
                    q.span,
                    q.speaker.as_deref().unwrap_or("(unknown)"),
                    q.cue.as_deref().unwrap_or("-"),
                    q.kind.as_str(),
                    q.text.replace('\n', " ")
                )?;
            }
            Ok(())
        }
    })?;
    out.flush()?;
    finish(failed)
}
