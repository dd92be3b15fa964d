//! `dateline quotes PATH… [--json] [--explain]`: quotations and their speakers.
//!
//! Text output: one line per quote, `START..END<TAB>speaker<TAB>cue<TAB>kind<TAB>text`;
//! with `--explain`, a line `  rules: ID, ID` after each quote (the attribution rules that
//! acted, in order; every id is listed by `dateline_tag::QUOTE_RULES`).
//! JSON Lines: `{"id", "quotes": [{"text","start","end","speaker","speaker_start","speaker_end","cue","kind","rules"}]}`.

use std::io::Write;

use dateline_tag::Tagger;

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
    /// After each quote, the ids of the attribution rules that acted.
    #[arg(long)]
    explain: bool,
}

pub(crate) fn run(args: Args) -> CmdResult {
    let tagger = Tagger::new();
    let mut out = crate::output::stdout()?;
    let pool = &args.threads;
    let failed = pool.render(&args.input, false, &mut out, "tagged", |doc, mut out| {
        let tagged = tagger.annotate(doc);
        // The rule ids of each quote: JSON always carries them, text with --explain.
        let explained = if args.json || args.explain {
            dateline_tag::explain_quotes(&tagged.document, &tagged.entities)
        } else {
            Vec::new()
        };
        if args.json {
            let record = dateline::json::quotes(&tagged.document.id, &explained);
            serde_json::to_writer(&mut out, &record)?;
            out.write_all(b"\n")
        } else {
            writeln!(out, "# {}", tagged.document.id)?;
            for (i, q) in tagged.quotes.iter().enumerate() {
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}",
                    q.span,
                    q.speaker.as_deref().unwrap_or("(unknown)"),
                    q.cue.as_deref().unwrap_or("-"),
                    q.kind.as_str(),
                    q.text.replace('\n', " ")
                )?;
                if let Some(x) = explained.get(i).filter(|_| args.explain) {
                    writeln!(out, "  rules: {}", x.rules.join(", "))?;
                }
            }
            Ok(())
        }
    })?;
    out.flush()?;
    finish(failed)
}
