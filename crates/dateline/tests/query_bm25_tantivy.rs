//! BM25 agreement with tantivy: the same Wikinews documents (from the data
//! directory), analyzed once
//! by Dateline's analyzer, are indexed by Dateline and (as pre-tokenized
//! text) by tantivy; term, multi-field, AND, OR and phrase queries must
//! give the same scores to 1e-4 and the same top-10 lists.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use dateline::query::{Analyzer, Index, Query, TextField};
use dateline::tag::Tagger;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, PhraseQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::tokenizer::{PreTokenizedString, Token};
use tantivy::{TantivyDocument, Term};

/// The Wikinews 2019-2021 records of the data directory.
fn corpus(test: &str) -> Option<Vec<u8>> {
    let set = dateline_data::sets::WIKINEWS_2019_2021;
    dateline_data::for_test(test, &set).map(|p| std::fs::read(p).unwrap())
}

struct Engines {
    dateline: Index,
    tantivy: tantivy::Searcher,
    ids: Vec<String>,
    title: Field,
    body: Field,
    analyzer: Analyzer,
}

fn pretokenized(terms: &[String]) -> PreTokenizedString {
    let tokens = terms
        .iter()
        .enumerate()
        .map(|(i, t)| Token {
            offset_from: 0,
            offset_to: 0,
            position: i,
            text: t.clone(),
            position_length: 1,
        })
        .collect();
    PreTokenizedString {
        text: String::new(),
        tokens,
    }
}

fn engines(corpus: &[u8]) -> Engines {
    let opts = dateline::parse::InputOptions::default();
    let tagger = Tagger::new();
    let analyzer = Analyzer::new();
    let mut schema = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default().set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let title = schema.add_text_field("title", text.clone());
    let body = schema.add_text_field("body", text);
    let tindex = tantivy::Index::create_in_ram(schema.build());
    let mut writer = tindex.writer_with_num_threads(1, 100_000_000).unwrap();
    let mut dateline = Index::new();
    let mut ids = Vec::new();
    for doc in dateline::parse::read_jsonl(corpus, "wikinews", &opts) {
        let doc = doc.unwrap();
        let terms = analyzer.document_terms(&doc);
        let mut t = TantivyDocument::default();
        t.add_pre_tokenized_text(title, pretokenized(&terms.title));
        t.add_pre_tokenized_text(body, pretokenized(&terms.body));
        writer.add_document(t).unwrap();
        ids.push(doc.id.clone());
        dateline.add(&tagger.annotate(doc));
    }
    writer.commit().unwrap();
    let searcher = tindex.reader().unwrap().searcher();
    assert_eq!(
        searcher.segment_readers().len(),
        1,
        "doc ids must follow insertion order"
    );
    Engines {
        dateline,
        tantivy: searcher,
        ids,
        title,
        body,
        analyzer,
    }
}

impl Engines {
    fn term(&self, field: Field, word: &str) -> Term {
        let terms = self.analyzer.terms(word);
        assert_eq!(terms.len(), 1, "{word}");
        Term::from_field_text(field, &terms[0])
    }

    fn tq(&self, field: Field, word: &str) -> Box<dyn tantivy::query::Query> {
        Box::new(TermQuery::new(
            self.term(field, word),
            IndexRecordOption::WithFreqs,
        ))
    }

    /// Compares every match's score and the top-10 order.
    fn check(&self, ours: &Query, theirs: &dyn tantivy::query::Query) {
        let all = self.dateline.top_docs(ours, 10_000).unwrap();
        let tantivy_all = self
            .tantivy
            .search(theirs, &TopDocs::with_limit(10_000).order_by_score())
            .unwrap();
        assert_eq!(all.total, tantivy_all.len(), "{ours}: number of matches");
        assert!(all.total > 0, "{ours}: no match, a useless check");
        let theirs_by_id: std::collections::HashMap<&str, f32> = tantivy_all
            .iter()
            .map(|(s, addr)| (self.ids[addr.doc_id as usize].as_str(), *s))
            .collect();
        for (id, score) in &all.docs {
            let t = theirs_by_id[id];
            assert!(
                (score - t).abs() < 1e-4,
                "{ours}: {id} scores {score} here, {t} in tantivy"
            );
        }
        let top_ours: Vec<&str> = all.docs.iter().take(10).map(|(id, _)| *id).collect();
        let top_theirs: Vec<&str> = tantivy_all
            .iter()
            .take(10)
            .map(|(_, a)| self.ids[a.doc_id as usize].as_str())
            .collect();
        assert_eq!(top_ours, top_theirs, "{ours}: top 10");
    }
}

fn term(field: TextField, text: &str) -> Query {
    Query::Term {
        field,
        text: text.into(),
    }
}

#[test]
fn fieldnorm_codes_match_tantivy() {
    use tantivy::fieldnorm::FieldNormReader;
    for id in 0..=255u8 {
        assert_eq!(
            dateline::query::fieldnorm_len(id),
            FieldNormReader::id_to_fieldnorm(id)
        );
    }
    for len in (0..5000).chain([65_535, 1 << 20, u32::MAX]) {
        assert_eq!(
            dateline::query::fieldnorm_id(len),
            FieldNormReader::fieldnorm_to_id(len),
            "{len}"
        );
    }
}

#[test]
fn bm25_scores_and_rankings_agree_with_tantivy() {
    let Some(corpus) = corpus("bm25_scores_and_rankings_agree_with_tantivy") else {
        return;
    };
    let e = engines(&corpus);
    let words = [
        "election",
        "president",
        "police",
        "coronavirus",
        "court",
        "government",
        "the",
        "minister",
    ];
    for w in words {
        e.check(&term(TextField::Body, w), &*e.tq(e.body, w));
        e.check(&term(TextField::Title, w), &*e.tq(e.title, w));
        // No field: title and body, scores added (a disjunction over fields).
        let both = BooleanQuery::new(vec![
            (Occur::Should, e.tq(e.title, w)),
            (Occur::Should, e.tq(e.body, w)),
        ]);
        e.check(&term(TextField::Default, w), &both);
    }
    for pair in words.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let and = Query::And(vec![term(TextField::Body, a), term(TextField::Body, b)]);
        let t_and = BooleanQuery::new(vec![
            (Occur::Must, e.tq(e.body, a)),
            (Occur::Must, e.tq(e.body, b)),
        ]);
        e.check(&and, &t_and);
        let or = Query::Or(vec![term(TextField::Body, a), term(TextField::Body, b)]);
        let t_or = BooleanQuery::new(vec![
            (Occur::Should, e.tq(e.body, a)),
            (Occur::Should, e.tq(e.body, b)),
        ]);
        e.check(&or, &t_or);
        let group = Query::Group(vec![
            Query::Must(Box::new(term(TextField::Body, a))),
            term(TextField::Body, b),
        ]);
        let t_group = BooleanQuery::new(vec![
            (Occur::Must, e.tq(e.body, a)),
            (Occur::Should, e.tq(e.body, b)),
        ]);
        e.check(&group, &t_group);
    }
    for phrase in [
        "prime minister",
        "white house",
        "united states",
        "the police",
    ] {
        let q = Query::Phrase {
            field: TextField::Body,
            text: phrase.into(),
            slop: None,
        };
        let terms: Vec<Term> = phrase.split(' ').map(|w| e.term(e.body, w)).collect();
        e.check(&q, &PhraseQuery::new(terms));
    }
}
