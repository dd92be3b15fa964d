//! Example: search the sample articles and the data directory's Wikinews articles (run with
//! `cargo run --release --example search -- 'QUERY'`; the default query,
//! `+interference election`, requires "interference" and ranks articles
//! that also mention elections first).
//!
//! Indexes the sample articles and, when the data directory has them, the
//! Wikinews articles in memory, then
//! prints the best hits with their snippets (highlights in brackets) and
//! the month histogram of all matches.

use std::error::Error;

use dateline::query::{Index, SearchOptions, parse_query};
use dateline::tag::Tagger;

#[path = "support/articles.rs"]
mod articles;

fn main() -> Result<(), Box<dyn Error>> {
    let query = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "+interference election".to_string());
    let tagger = Tagger::new();
    let mut index = Index::new();
    for doc in articles::load()? {
        index.add(&tagger.annotate(doc));
    }
    let parsed = parse_query(&query)?;
    let results = index.search(&parsed, &SearchOptions::new(5).with_facets(true))?;
    println!(
        "{} of {} articles match {parsed}",
        results.total,
        index.len()
    );
    for hit in &results.hits {
        let mut snippet = hit.snippet.clone();
        for span in hit.highlights.iter().rev() {
            snippet.insert(span.end, ']');
            snippet.insert(span.start, '[');
        }
        let date = hit.date.map(|d| d.to_string()).unwrap_or_default();
        println!(
            "\n{:6.2}  {}  {}",
            hit.score,
            date,
            hit.title.as_deref().unwrap_or(&hit.id)
        );
        println!("        {snippet}");
    }
    if let Some(facets) = &results.facets {
        println!();
        for m in &facets.months {
            println!("{:04}-{:02} {}", m.year, m.month, "#".repeat(m.count));
        }
    }
    Ok(())
}
