//! Example: which entities co-occur with a given one in the news corpus
//! (run with `cargo run --release --example entity_cooccurrence -- 'org:GRU'`;
//! any query works, the default is `gpe:russia`).
//!
//! Indexes the sample articles (and the data directory's Wikinews articles, when
//! present) in memory, runs the query, and prints for each
//! entity label the entities most often mentioned in the matching articles,
//! from the search facets, then the articles that name the top co-mentioned
//! person together with the query.

use std::error::Error;

use dateline::query::{Index, Label, Query, SearchOptions, parse_query};
use dateline::tag::Tagger;

#[path = "support/articles.rs"]
mod articles;

fn main() -> Result<(), Box<dyn Error>> {
    let query = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "gpe:russia".to_string());
    let tagger = Tagger::new();
    let mut index = Index::new();
    for doc in articles::load()? {
        index.add(&tagger.annotate(doc));
    }
    let parsed = parse_query(&query)?;
    let mut options = SearchOptions::new(0).with_facets(true);
    options.facet_limit = 8;
    let results = index.search(&parsed, &options)?;
    println!("{} articles match {parsed}", results.total);
    let Some(facets) = results.facets else {
        return Ok(());
    };
    if facets.entities.is_empty() {
        println!("no co-mentioned entities (the tagger found none in the matching articles)");
    }
    for (label, counts) in &facets.entities {
        let list: Vec<String> = counts
            .iter()
            .map(|c| format!("{} ({})", c.entity.canonical, c.count))
            .collect();
        println!("{:<7} {}", label.as_str(), list.join(", "));
    }
    // Drill down: the query together with the most co-mentioned person.
    let top_person = facets
        .entities
        .iter()
        .find(|(l, _)| *l == Label::Person)
        .and_then(|(_, v)| v.first());
    if let Some(person) = top_person {
        let both = Query::And(vec![
            parsed.clone(),
            parse_query(&format!(
                "person:\"{}\"",
                person.entity.canonical.replace('"', "")
            ))?,
        ]);
        let hits = index.search(&both, &SearchOptions::new(3))?;
        println!("\n{both}: {} articles", hits.total);
        for h in &hits.hits {
            println!(
                "  {}  {}",
                h.date.map(|d| d.to_string()).unwrap_or_default(),
                h.title.as_deref().unwrap_or(&h.id)
            );
        }
    }
    Ok(())
}
