//! Criterion benchmark of the query layer against tantivy (run with
//! `cargo bench --bench query`), on the bench corpus (the 295 Wikinews
//! articles of the data directory, else the sample articles; see
//! `corpus.rs`).
//!
//! - `index/dateline`: builds an index from already parsed and tagged
//!   documents; the time includes analysis (tokenizing, normalizing,
//!   stemming) of titles, bodies, quotations and entity names.
//! - `index/tantivy`: one indexing thread; the same documents are analyzed
//!   by the same analyzer inside the timed loop and handed to tantivy as
//!   pre-tokenized title and body fields, then committed to a RAM directory.
//! - `query/<kind>/<engine>`: top 10 by BM25 over the body field for a term,
//!   an AND and an OR of two terms, and an exact phrase.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline::query::{Analyzer, Index, Query, TextField};
use dateline::tag::{TaggedDocument, Tagger};
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, PhraseQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::tokenizer::{PreTokenizedString, Token};
use tantivy::{TantivyDocument, Term};

mod corpus;

fn pretokenized(terms: Vec<String>) -> PreTokenizedString {
    let tokens = terms
        .into_iter()
        .enumerate()
        .map(|(i, text)| Token {
            offset_from: 0,
            offset_to: 0,
            position: i,
            text,
            position_length: 1,
        })
        .collect();
    PreTokenizedString {
        text: String::new(),
        tokens,
    }
}

struct Tantivy {
    index: tantivy::Index,
    title: Field,
    body: Field,
}

fn tantivy_index(docs: &[TaggedDocument], analyzer: &Analyzer) -> Tantivy {
    let mut schema = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default().set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let title = schema.add_text_field("title", text.clone());
    let body = schema.add_text_field("body", text);
    let index = tantivy::Index::create_in_ram(schema.build());
    if let Ok(mut writer) = index.writer_with_num_threads::<TantivyDocument>(1, 100_000_000) {
        for d in docs {
            let terms = analyzer.document_terms(&d.document);
            let mut t = TantivyDocument::default();
            t.add_pre_tokenized_text(title, pretokenized(terms.title));
            t.add_pre_tokenized_text(body, pretokenized(terms.body));
            let _ = writer.add_document(t);
        }
        let _ = writer.commit();
    }
    Tantivy { index, title, body }
}

fn dateline_index(docs: &[TaggedDocument]) -> Index {
    let mut index = Index::new();
    for d in docs {
        index.add(d);
    }
    index
}

fn bench(c: &mut Criterion) {
    let corpus = corpus::Corpus::load("query");
    let tagger = Tagger::new();
    let docs: Vec<TaggedDocument> = corpus
        .documents()
        .into_iter()
        .map(|d| tagger.annotate(d))
        .collect();
    let bytes: usize = docs.iter().map(|d| d.document.text.len()).sum();
    assert_eq!(
        docs.len(),
        corpus.texts.len(),
        "articles in the bench corpus"
    );
    let analyzer = Analyzer::new();

    let mut group = c.benchmark_group("index");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("dateline", |b| {
        b.iter(|| std::hint::black_box(dateline_index(&docs).len()))
    });
    group.bench_function("tantivy", |b| {
        b.iter(|| std::hint::black_box(tantivy_index(&docs, &analyzer).index.schema().num_fields()))
    });
    group.finish();

    let ours = dateline_index(&docs);
    let theirs = tantivy_index(&docs, &analyzer);
    let Ok(reader) = theirs.index.reader() else {
        return;
    };
    let searcher = reader.searcher();
    let term = |w: &str| {
        let t = analyzer.terms(w);
        Term::from_field_text(theirs.body, t.first().map_or("", String::as_str))
    };
    let tq = |w: &str| -> Box<dyn tantivy::query::Query> {
        Box::new(TermQuery::new(term(w), IndexRecordOption::WithFreqs))
    };
    let body = |w: &str| Query::Term {
        field: TextField::Body,
        text: w.into(),
    };
    let _ = theirs.title;
    let cases: Vec<(&str, Query, Box<dyn tantivy::query::Query>)> = vec![
        ("term", body("government"), tq("government")),
        (
            "and",
            Query::And(vec![body("president"), body("election")]),
            Box::new(BooleanQuery::new(vec![
                (Occur::Must, tq("president")),
                (Occur::Must, tq("election")),
            ])),
        ),
        (
            "or",
            Query::Or(vec![body("police"), body("court")]),
            Box::new(BooleanQuery::new(vec![
                (Occur::Should, tq("police")),
                (Occur::Should, tq("court")),
            ])),
        ),
        (
            "phrase",
            Query::Phrase {
                field: TextField::Body,
                text: "prime minister".into(),
                slop: None,
            },
            Box::new(PhraseQuery::new(vec![term("prime"), term("minister")])),
        ),
    ];
    for (kind, q, t) in &cases {
        // Check the workload once: both engines agree on the matches.
        let total = ours.top_docs(q, 10).map(|r| r.total).unwrap_or(0);
        let count = searcher
            .search(t.as_ref(), &tantivy::collector::Count)
            .unwrap_or(usize::MAX);
        assert_eq!(total, count, "{kind}: matching documents");
        assert!(total > 0, "{kind}: no match");
        let mut group = c.benchmark_group(format!("query/{kind}"));
        group.bench_function("dateline", |b| {
            b.iter(|| std::hint::black_box(ours.top_docs(q, 10).map(|r| r.docs.len())))
        });
        group.bench_function("tantivy", |b| {
            b.iter(|| {
                std::hint::black_box(
                    searcher
                        .search(t.as_ref(), &TopDocs::with_limit(10).order_by_score())
                        .map(|v| v.len()),
                )
            })
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
