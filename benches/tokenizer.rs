//! Criterion benchmark of the tokenize layer (run with
//! `cargo bench --bench tokenizer`): words, news tokens, sentences and the
//! whole per-document pipeline over every article of the bench corpus (the
//! Wikinews articles of the data directory, else the sample articles; see
//! `corpus.rs`), each article processed separately, reported in bytes of article
//! text per second, next to `unicode-segmentation` and tantivy baselines.
//!
//! `words/dateline` reads plain words through [`WordStream`], the streaming
//! API a performance-minded user calls (one reused buffer for normalized
//! forms, like tantivy's token stream); it consumes each word's span and
//! normalized form exactly as `words/tantivy_lower` consumes each token's
//! offsets and lowercase text. `words/dateline_tokens` reads the same words as
//! `Token` values (`Tokenizer::plain().iter`, one allocation per changed
//! normalized form); `tokens/dateline` builds `Token` values too.
//!
//! On a shared machine, wall-clock time also counts the time other processes
//! hold the CPU. `DATELINE_BENCH_CPU=1 cargo bench --bench tokenizer` measures
//! the bench thread's own CPU time instead (from `/proc/thread-self/schedstat`,
//! Linux only), which keeps the ratios between benches stable under load.

use std::hint::black_box;

use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use criterion::{Criterion, Throughput, criterion_group};
use dateline::parse::{Document, Parser};
use dateline::tokenize::{Tokenizer, WordStream, words};
use tantivy::tokenizer::{LowerCaser, SimpleTokenizer, TextAnalyzer};
use unicode_segmentation::UnicodeSegmentation;

mod corpus;

/// CPU time of the current thread, in nanoseconds.
fn thread_cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|n| n.parse().ok()))
        .unwrap_or(0)
}

/// A criterion measurement of the bench thread's CPU time.
struct CpuTime;

static WALL: WallTime = WallTime;

impl Measurement for CpuTime {
    type Intermediate = u64;
    type Value = u64;
    fn start(&self) -> u64 {
        thread_cpu_ns()
    }
    fn end(&self, start: u64) -> u64 {
        thread_cpu_ns().saturating_sub(start)
    }
    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }
    fn zero(&self) -> u64 {
        0
    }
    fn to_f64(&self, v: &u64) -> f64 {
        *v as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        WALL.formatter()
    }
}

fn bench<M: Measurement>(c: &mut Criterion<M>) {
    let corpus = corpus::Corpus::load("tokenizer");
    let texts = &corpus.texts;
    let bytes = corpus.bytes() as u64;
    let parser = Parser::new();
    let docs: Vec<Document> = texts
        .iter()
        .filter_map(|t| parser.parse("bench", t.as_str()).ok())
        .collect();
    let news = Tokenizer::new();
    let pipeline = Tokenizer::new().with_stems(true);

    // Check the workload once: all articles, and the plain words are exactly
    // Unicode's words.
    if corpus.is_wikinews() {
        assert_eq!(texts.len(), 295, "articles in the bench corpus");
    }
    assert_eq!(docs.len(), texts.len());
    let ours: usize = texts.iter().map(|t| words(t).count()).sum();
    let theirs: usize = texts.iter().map(|t| t.unicode_word_indices().count()).sum();
    assert_eq!(ours, theirs, "plain words differ from unicode_word_indices");
    let mut stream = WordStream::new("");
    let mut streamed = 0;
    for t in texts {
        stream.reset(t);
        while stream.advance() {
            streamed += 1;
        }
    }
    assert_eq!(streamed, ours, "streamed words differ from plain tokens");

    let mut group = c.benchmark_group("words");
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("unicode_segmentation", |b| {
        b.iter(|| {
            for t in texts {
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
            for t in texts {
                let mut stream = analyzer.token_stream(t);
                while stream.advance() {
                    let token = stream.token();
                    black_box((token.offset_from, token.offset_to, token.text.as_str()));
                }
            }
        })
    });
    group.bench_function("dateline", |b| {
        b.iter(|| {
            for t in texts {
                stream.reset(t);
                while stream.advance() {
                    let span = stream.span();
                    black_box((span.start, span.end, stream.norm()));
                }
            }
        })
    });
    let plain = Tokenizer::plain();
    group.bench_function("dateline_tokens", |b| {
        b.iter(|| {
            for t in texts {
                for w in plain.iter(t) {
                    black_box((w.span.start, w.span.end, &*w.norm));
                }
            }
        })
    });
    group.finish();

    let mut group = c.benchmark_group("tokens");
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("dateline", |b| {
        b.iter(|| {
            for t in texts {
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
            for t in texts {
                black_box(news.sentences(t));
            }
        })
    });
    group.bench_function("unicode_segmentation", |b| {
        b.iter(|| {
            for t in texts {
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

criterion_group!(wall, bench::<WallTime>);
criterion_group! {
    name = cpu;
    config = Criterion::default().with_measurement(CpuTime);
    targets = bench::<CpuTime>
}

fn main() {
    if std::env::var_os("DATELINE_BENCH_CPU").is_some_and(|v| v != "0") {
        cpu();
    } else {
        wall();
    }
    Criterion::default().configure_from_args().final_summary();
}
