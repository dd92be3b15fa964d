//! `dateline tokens PATH… [--json] [--plain]`
//!
//! Tokens are written as they are cut, one sentence at a time: the JSON
//! object of a document is streamed, never built whole, so memory stays a
//! small multiple of the article however many tokens it has.

use std::io::Write;

use dateline_tokenize::{Document, Span, Token, Tokenizer};
use serde::Serialize;
use serde::ser::Serializer;

use super::{CmdResult, finish};
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

/// `{"end","start"}` of a sentence (keys in the order JSON output has
/// always had: sorted).
#[derive(Serialize)]
struct SentenceOut {
    end: usize,
    start: usize,
}

/// One token of the JSON output.
#[derive(Serialize)]
struct TokenOut<'a> {
    end: usize,
    kind: &'static str,
    norm: &'a str,
    start: usize,
    stem: Option<&'a str>,
    text: &'a str,
}

/// The tokens of all sentences, serialized as one array while they are cut.
struct StreamedTokens<'t, 'a> {
    tokenizer: &'t Tokenizer,
    text: &'a str,
    sentences: &'t [(usize, Span)],
}

impl Serialize for StreamedTokens<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(
            self.sentences
                .iter()
                .flat_map(|&(_, span)| self.tokenizer.tokens_in(self.text, span).map(TokenJson)),
        )
    }
}

/// A token that serializes as [`TokenOut`].
struct TokenJson<'a>(Token<'a>);

impl Serialize for TokenJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let t = &self.0;
        TokenOut {
            end: t.span.end,
            kind: t.kind.as_str(),
            norm: &t.norm,
            start: t.span.start,
            stem: t.stem.as_deref(),
            text: t.text,
        }
        .serialize(serializer)
    }
}

/// `{"id","sentences","tokens"}` of one document.
#[derive(Serialize)]
struct DocOut<'a, 't> {
    id: &'a str,
    #[serde(serialize_with = "sentence_spans")]
    sentences: &'t [(usize, Span)],
    tokens: StreamedTokens<'t, 'a>,
}

fn sentence_spans<S: Serializer>(
    spans: &&[(usize, Span)],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(spans.iter().map(|&(_, s)| SentenceOut {
        end: s.end,
        start: s.start,
    }))
}

pub(crate) fn run(args: Args) -> CmdResult {
    let tokenizer = Tokenizer::new().with_stems(true);
    let mut out = crate::output::stdout()?;
    let pool = &args.threads;
    let failed = pool.render(
        &args.input,
        args.plain,
        &mut out,
        "tokenized",
        |doc, mut out| write_doc(&mut out, &tokenizer, &doc, args.json),
    )?;
    out.flush()?;
    finish(failed)
}

fn write_doc(
    out: &mut impl Write,
    tokenizer: &Tokenizer,
    doc: &Document,
    json: bool,
) -> std::io::Result<()> {
    let sentences = tokenizer.sentence_spans(doc);
    if json {
        let value = DocOut {
            id: &doc.id,
            sentences: &sentences,
            tokens: StreamedTokens {
                tokenizer,
                text: &doc.text,
                sentences: &sentences,
            },
        };
        serde_json::to_writer(&mut *out, &value)?;
        return out.write_all(b"\n");
    }
    writeln!(out, "# {}", doc.id)?;
    for &(_, span) in &sentences {
        for t in tokenizer.tokens_in(&doc.text, span) {
            writeln!(
                out,
                "{}\t{}\t{}\t{}",
                t.span,
                t.kind.as_str(),
                t.text,
                t.norm
            )?;
        }
    }
    Ok(())
}
