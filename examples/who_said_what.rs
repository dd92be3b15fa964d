//! Example: who said what in the sample corpus, speaker by speaker.
//!
//! Run with `cargo run --example who_said_what [DIR]` (default: the bundled
//! sample articles in `examples/corpus/seeds`). Each article is parsed,
//! entity-tagged and searched for quotations; the quotes are then grouped by
//! the canonical name of their speaker.

use std::collections::BTreeMap;
use std::error::Error;
use std::path::PathBuf;

use dateline::parse;
use dateline::tag::Tagger;

fn main() -> Result<(), Box<dyn Error>> {
    let dir = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus/seeds")
        });
    let tagger = Tagger::new();
    let mut by_speaker: BTreeMap<String, Vec<(String, String, String)>> = BTreeMap::new();
    let mut articles = 0;
    for record in parse::read_path(&dir, &parse::InputOptions::default()) {
        let doc = record?;
        articles += 1;
        let tagged = tagger.annotate(doc);
        for q in tagged.quotes {
            let speaker = q
                .speaker
                .unwrap_or_else(|| "(speaker not given)".to_string());
            let cue = q.cue.unwrap_or_default();
            by_speaker
                .entry(speaker)
                .or_default()
                .push((tagged.document.id.clone(), cue, q.text));
        }
    }
    println!("{articles} articles, {} speakers", by_speaker.len());
    for (speaker, quotes) in &by_speaker {
        let plural = if quotes.len() == 1 { "" } else { "s" };
        println!("\n{speaker} ({} quote{plural})", quotes.len());
        for (id, cue, text) in quotes {
            let short: String = text.replace('\n', " ").chars().take(100).collect();
            let more = if text.chars().count() > 100 {
                "…"
            } else {
                ""
            };
            let cue = if cue.is_empty() {
                String::new()
            } else {
                format!(" [{cue}]")
            };
            println!("  {id}{cue}: “{short}{more}”");
        }
    }
    Ok(())
}
