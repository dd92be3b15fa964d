//! `dateline quotes PATH… [--json]`: quotations and their speakers.
//!
//! Text output: one line per quote, `START..END<TAB>speaker<TAB>cue<TAB>kind<TAB>text`.
//! JSON Lines: `{"id", "quotes": [{"text","start","end","speaker","speaker_start","speaker_end","cue","kind"}]}`.

use std::io::Write;

use dateline_tag::{Quote, QuoteKind, Tagger};
use serde::Serialize;

use super::{CmdResult, finish};
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

/// One quote of the JSON output (keys sorted, as JSON output has always had
/// them).
#[derive(Serialize)]
struct QuoteOut<'a> {
    cue: Option<&'a str>,
    end: usize,
    kind: &'a QuoteKind,
    speaker: Option<&'a str>,
    speaker_end: Option<usize>,
    speaker_start: Option<usize>,
    start: usize,
    text: &'a str,
}

/// `{"id","quotes"}` of a document, written without building a JSON value.
#[derive(Serialize)]
struct DocOut<'a> {
    id: &'a str,
    #[serde(serialize_with = "quotes_json")]
    quotes: &'a [Quote],
}

fn quotes_json<S: serde::Serializer>(list: &&[Quote], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(list.iter().map(|q| QuoteOut {
        cue: q.cue.as_deref(),
        end: q.span.end,
        kind: &q.kind,
        speaker: q.speaker.as_deref(),
        speaker_end: q.speaker_span.map(|s| s.end),
        speaker_start: q.speaker_span.map(|s| s.start),
        start: q.span.start,
        text: &q.text,
    }))
}

pub(crate) fn run(args: Args) -> CmdResult {
    let tagger = Tagger::new();
    let mut out = crate::output::stdout()?;
    let pool = &args.threads;
    let failed = pool.render(&args.input, false, &mut out, |doc, mut out| {
        let tagged = tagger.annotate(doc);
        if args.json {
            let value = DocOut {
                id: &tagged.document.id,
                quotes: &tagged.quotes,
            };
            serde_json::to_writer(&mut out, &value)?;
            out.write_all(b"\n")
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
