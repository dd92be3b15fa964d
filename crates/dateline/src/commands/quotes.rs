//! `dateline quotes PATH… [--json]`: quotations and their speakers.
//!
//! Text output: one line per quote, `START..END<TAB>speaker<TAB>cue<TAB>kind<TAB>text`.
//! JSON Lines: `{"id", "quotes": [{"text","start","end","speaker","speaker_start","speaker_end","cue","kind"}]}`.

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
}

pub(crate) fn run(args: Args) -> CmdResult {
    let tagger = Tagger::new();
    let mut out = crate::output::stdout()?;
    let pool = &args.threads;
    let failed = pool.render(&args.input, false, &mut out, "tagged", |doc, mut out| {
        let tagged = tagger.annotate(doc);
        if args.json {
            let record = dateline::json::quotes(&tagged.document.id, &tagged.quotes);
            serde_json::to_writer(&mut out, &record)?;
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
