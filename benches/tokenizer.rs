//! Criterion benchmark of the tokenize layer (run with
//! `cargo bench --bench tokenizer`): words, news tokens, sentences and the
//! whole per-document pipeline over every article of the bundled Wikinews
//! corpus, each article processed separately, reported in bytes of article
//! text per second, next to `unicode-segmentation` and tantivy baselines.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline::parse::{Document, Parser, Record};
use dateline::tokenize::{Tokenizer, words};
use tantivy::tokenizer::{LowerCaser, SimpleTokenizer, TextAnalyzer};
use unicode_segmentation::UnicodeSegmentation;

const CORPUS: &str = include_str!("../examples/corpus/wikinews/wikinews_2019_2021.jsonl");

fn bench(c: &mut Criterion) {
    let texts: Vec<String> = CORPUS
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| Record::from_json(l, "text").map(|r| r.text))
        .collect::<Result<_, _>>()
        .unwrap_or_default();
    let bytes: u64 = texts.iter().map(|t| t.len() as u64).sum();
    let parser = Parser::new();
    let docs: Vec<Document> = texts
        .iter()
        .filter_map(|t| parser.parse("bench", t.as_str()).ok())
        .collect();
    let plain = Tokenizer::plain();
    let news = Tokenizer::new();
    let pipeline = Tokenizer::new().with_stems(true);

    // Check the workload once: all articles, and the plain words are exactly
    // Unicode's words.
    assert_eq!(texts.len(), 295, "articles in the bench corpus");
    assert_eq!(docs.len(), texts.len());
    let ours: usize = texts.iter().map(|t| words(t).count()).sum();
    let theirs: usize = texts.iter().map(|t| t.unicode_word_indices().count()).sum();
    assert_eq!(ours, theirs, "plain words differ from unicode_word_indices");

    let mut group = c.benchmark_group("words");
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("unicode_segmentation", |b| {
        b.iter(|| {
            for t in &texts {
                for w in t.unicode_word_indices() {
                    black_box(w);
                }
            }
        })
    });
    let mut analyzer = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(LowerCaser)
        .build();
    group.bench_function("tantivy_lower", |b| {
        b.iter(|| {
            for t in &texts {
                let mut stream = analyzer.token_stream(t);
                while stream.advance() {
                    black_box(stream.token());
                }
            }
        })
    });
    group.bench_function("dateline", |b| {
        b.iter(|| {
            for t in &texts {
                for w in plain.iter(t) {
                    black_box(w);
                }
            }
        })
    });
    group.finish();

    let mut group = c.benchmark_group("tokens");
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("dateline", |b| {
        b.iter(|| {
            for t in &texts {
                for tok in news.iter(t) {
                    black_box(tok);
                }
            }
        })
    });
    group.finish();

    let mut group = c.benchmark_group("sentences");
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("dateline", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(news.sentences(t));
            }
        })
    });
    group.bench_function("unicode_segmentation", |b| {
        b.iter(|| {
            for t in &texts {
                for s in t.split_sentence_bound_indices() {
                    black_box(s);
                }
            }
        })
    });
    group.finish();

    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("dateline", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(pipeline.analyze(d));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
