//! Example: who and what each sample article names.
//!
//! Run with `cargo run --example who_is_named [DIR]` (default: the bundled
//! sample articles in `examples/corpus/seeds`). Each article is parsed and
//! entity-tagged; its entities are listed once each by canonical name, with
//! their label, how often they are mentioned and the surface forms used.

use std::collections::BTreeMap;
use std::error::Error;
use std::path::PathBuf;

use dateline::parse;
use dateline::tag::{Label, Tagger};

fn main() -> Result<(), Box<dyn Error>> {
    let dir = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus/seeds")
        });
    let tagger = Tagger::new();
    for record in parse::read_path(&dir, &parse::InputOptions::default()) {
        let doc = record?;
        let entities = tagger.entities(&doc);
        // canonical name -> (label, mentions, distinct surface forms)
        let mut named: BTreeMap<(Label, String), (usize, Vec<String>)> = BTreeMap::new();
        for e in entities.iter().filter(|e| e.label.is_name()) {
            let slot = named.entry((e.label, e.canonical.clone())).or_default();
            slot.0 += 1;
            if !slot.1.contains(&e.text) {
                slot.1.push(e.text.clone());
            }
        }
        println!("# {} ({} entities named)", doc.id, named.len());
        for ((label, canonical), (mentions, surfaces)) in &named {
            println!(
                "{label:<7} {canonical}  x{mentions}  [{}]",
                surfaces.join(" | ")
            );
        }
        let dates: Vec<String> = entities
            .iter()
            .filter(|e| e.label == Label::Date)
            .map(|e| format!("{} = {}", e.text, e.value.as_deref().unwrap_or("?")))
            .collect();
        if !dates.is_empty() {
            println!("DATES   {}", dates.join("; "));
        }
        println!();
    }
    Ok(())
}
