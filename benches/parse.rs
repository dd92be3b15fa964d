//! Criterion benchmark of the parse layer (run with `cargo bench --bench parse`):
//! segmenting and classifying every article text of the bench corpus (the
//! Wikinews articles of the data directory, else the sample articles; see
//! `corpus.rs`), reported in bytes of article text per second.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline::parse::{BlockKind, Parser};

mod corpus;

fn bench(c: &mut Criterion) {
    let corpus = corpus::Corpus::load("parse");
    let texts = &corpus.texts;
    let bytes = corpus.bytes();
    // Check the workload once: all 295 articles, and the opening date lines
    // found (177 of the articles start with one).
    let parser = Parser::new();
    let datelines = texts
        .iter()
        .filter_map(|t| parser.parse("bench", t.as_str()).ok())
        .filter(|d| d.blocks.iter().any(|b| b.kind == BlockKind::Dateline))
        .count();
    if corpus.is_wikinews() {
        assert_eq!(texts.len(), 295, "articles in the bench corpus");
        assert!(datelines >= 170, "{datelines} articles with a dateline");
    }

    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("dateline", |b| {
        b.iter(|| {
            let mut blocks = 0;
            for t in texts {
                // The text is copied in, as a reader hands the parser owned text.
                if let Ok(doc) = parser.parse("bench", t.as_str()) {
                    blocks += doc.blocks.len();
                }
            }
            std::hint::black_box(blocks)
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
