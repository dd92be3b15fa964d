//! Tokenizes one article and prints its sentences with each token's span,
//! kind, normalized form and stem.
//!
//! Run with `cargo run --example tokenize_article [PATH]`; without a path it
//! uses a bundled sample article (`examples/corpus/seeds/000_61d203704fab0176.txt`).

use std::error::Error;

use dateline::parse::Parser;
use dateline::tokenize::Tokenizer;

const SAMPLE: &str = include_str!("corpus/seeds/000_61d203704fab0176.txt");

fn main() -> Result<(), Box<dyn Error>> {
    let (id, text) = match std::env::args().nth(1) {
        Some(path) => {
            let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
            (path, text)
        }
        None => ("000_61d203704fab0176".to_string(), SAMPLE.to_string()),
    };
    let doc = Parser::new().parse(&id, text.as_str())?;
    let tokenizer = Tokenizer::new().with_stems(true);
    let analysis = tokenizer.analyze(&doc);
    println!(
        "# {id}: {} sentences, {} tokens",
        analysis.sentences.len(),
        analysis.tokens.len()
    );
    for (n, (sentence, tokens)) in analysis.iter().enumerate() {
        let kind = doc.blocks[sentence.block].kind;
        println!(
            "\n[{n}] {kind} {}: {}",
            sentence.span,
            sentence.text(&doc.text)
        );
        for t in tokens {
            println!(
                "  {:>11}  {:<12} {:<24} {:<20} {}",
                t.span.to_string(),
                t.kind.as_str(),
                t.text,
                t.norm,
                t.stem.as_deref().unwrap_or("")
            );
        }
    }
    Ok(())
}
