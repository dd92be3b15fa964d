//! `dateline quotes PATH… [--json]`: quotations and their speakers.
//!
//! Text output: one line per quote, `START..END<TAB>speaker<TAB>cue<TAB>kind<TAB>text`.
//! JSON Lines: `{"id", "quotes": [{"text","start","end","speaker","speaker_start","speaker_end","cue","kind"}]}`.

use std::io::Write;

use super::{CmdResult, finish, write_json};
use crate::input::InputArgs;
use dateline_tag::Tagger;

/// Arguments of `dateline quotes`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// Print JSON Lines.
    #[arg(long)]
    json: bool,
}

pub(crate) fn run(args: Args) -> CmdResult {
    let tagger = Tagger::new();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let failed = args.input.for_each(false, |doc| {
        let tagged = tagger.annotate(doc);
        if args.json {
            write_json(
                &mut out,
                &dateline::output::quotes(&tagged.document.id, &tagged.quotes),
            )
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
