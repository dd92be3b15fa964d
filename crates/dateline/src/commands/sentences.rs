//! `dateline sentences PATH… [--json] [--plain]`
//!
//! Only sentence boundaries are computed (no tokens), and the JSON object of
//! a document is streamed.

use std::io::Write;

use dateline_tokenize::{Span, Tokenizer};
use serde::Serialize;
use serde::ser::Serializer;

use super::{CmdResult, finish};
use crate::input::InputArgs;

/// Arguments of `dateline sentences`.
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
}

/// `{"end","start","text"}` of a sentence (keys sorted, as JSON output has
/// always had them).
#[derive(Serialize)]
struct SentenceOut<'a> {
    end: usize,
    start: usize,
    text: &'a str,
}

/// `{"id","sentences"}` of one document.
#[derive(Serialize)]
struct DocOut<'a> {
    id: &'a str,
    #[serde(serialize_with = "sentences_json")]
    sentences: (&'a str, &'a [(usize, Span)]),
}

fn sentences_json<S: Serializer>(
    (text, spans): &(&str, &[(usize, Span)]),
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(spans.iter().map(|&(_, s)| SentenceOut {
        end: s.end,
        start: s.start,
        text: text.get(s.range()).unwrap_or(""),
    }))
}

pub(crate) fn run(args: Args) -> CmdResult {
    let tokenizer = Tokenizer::new();
    let mut out = crate::output::stdout()?;
    let failed = args.input.for_each(args.plain, |doc| {
        let spans = tokenizer.sentence_spans(&doc);
        if args.json {
            let value = DocOut {
                id: &doc.id,
                sentences: (&doc.text, &spans),
            };
            serde_json::to_writer(&mut out, &value)?;
            out.write_all(b"\n")
        } else {
            for &(_, s) in &spans {
                writeln!(out, "{}", doc.text[s.range()].trim())?;
            }
            Ok(())
        }
    })?;
    out.flush()?;
    finish(failed)
}
