//! Criterion benchmarks of the tag layer (run with `cargo bench --bench tag`):
//!
//! - `tag/dateline`: parsing, tokenizing and entity-tagging every article of
//!   the bench corpus (the Wikinews articles of the data directory, else the
//!   sample articles; see `corpus.rs`) from its raw text, reported in bytes of
//!   article text per second;
//! - `kb/load`: parsing the bundled knowledge base from scratch (done once
//!   per process by `KnowledgeBase::bundled`).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline::parse::Parser;
use dateline::tag::{KnowledgeBase, Label, Tagger};

mod corpus;

fn bench(c: &mut Criterion) {
    let corpus = corpus::Corpus::load("tag");
    let texts = &corpus.texts;
    let bytes = corpus.bytes();
    let parser = Parser::new();
    let tagger = Tagger::new();
    // Check the workload once: all 295 articles, with people, places and
    // dates found in nearly every one.
    let docs: Vec<_> = texts
        .iter()
        .filter_map(|t| parser.parse("bench", t.as_str()).ok())
        .collect();
    let with = |label: Label| {
        docs.iter()
            .filter(|d| tagger.entities(d).iter().any(|e| e.label == label))
            .count()
    };
    if corpus.is_wikinews() {
        assert_eq!(texts.len(), 295, "articles in the bench corpus");
        assert!(with(Label::Gpe) >= 250, "articles with a place");
        assert!(with(Label::Date) >= 250, "articles with a date");
    } else {
        assert_eq!(
            with(Label::Person),
            texts.len(),
            "every sample names a person"
        );
    }

    let mut group = c.benchmark_group("tag");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("dateline", |b| {
        b.iter(|| {
            let mut n = 0;
            for t in texts {
                if let Ok(doc) = parser.parse("bench", t.as_str()) {
                    n += tagger.entities(&doc).len();
                }
            }
            std::hint::black_box(n)
        })
    });
    group.finish();

    let mut group = c.benchmark_group("kb");
    group.sample_size(20);
    group.bench_function("load", |b| {
        b.iter(|| std::hint::black_box(KnowledgeBase::load_bundled().len()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
