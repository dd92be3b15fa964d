//! proptest invariants: print/parse round trip, agreement with a
//! brute-force scan, and no panic on damaged index bytes.

use std::collections::HashSet;

use dateline_query::{
    Analyzer, Cmp, DateQuery, EntityField, Index, Label, PartialDate, Query, TaggedDocument,
    TextField, parse_query,
};
use proptest::prelude::*;

use crate::fixture::{doc, sample_index};

fn text_field() -> impl Strategy<Value = TextField> {
    prop_oneof![
        Just(TextField::Default),
        Just(TextField::Title),
        Just(TextField::Body),
        Just(TextField::Quote)
    ]
}

fn entity_field() -> impl Strategy<Value = EntityField> {
    prop_oneof![
        Just(EntityField::Label(Label::Person)),
        Just(EntityField::Label(Label::Gpe)),
        Just(EntityField::Label(Label::Org)),
        Just(EntityField::Any),
        Just(EntityField::Speaker),
    ]
}

fn partial_date() -> impl Strategy<Value = PartialDate> {
    (1900i32..2100, proptest::option::of(1u8..=12), 1u8..=28).prop_map(|(year, month, day)| {
        PartialDate {
            year,
            month,
            day: month.map(|_| day),
        }
    })
}

fn date_query() -> impl Strategy<Value = DateQuery> {
    prop_oneof![
        partial_date().prop_map(DateQuery::On),
        (
            proptest::option::of(partial_date()),
            proptest::option::of(partial_date())
        )
            .prop_map(|(from, to)| match (from, to) {
                // The parser rejects a range that ends before it starts.
                (Some(a), Some(b)) if a.first_day() > b.last_day() => DateQuery::Range {
                    from: Some(b),
                    to: Some(a),
                },
                _ => DateQuery::Range { from, to },
            }),
        (
            prop_oneof![Just(Cmp::Gt), Just(Cmp::Ge), Just(Cmp::Lt), Just(Cmp::Le)],
            partial_date()
        )
            .prop_map(|(c, p)| DateQuery::Compare(c, p)),
    ]
}

/// Trees of any shape the parser can produce, with awkward words.
fn any_query() -> impl Strategy<Value = Query> {
    let word = "[a-zA-Z0-9+\\-:()\"\\\\~\\[\\] é]{1,8}|AND|OR|NOT|TO";
    let leaf = prop_oneof![
        (text_field(), word).prop_map(|(field, text)| Query::Term { field, text }),
        (text_field(), ".{0,10}", proptest::option::of(0u32..5))
            .prop_map(|(field, text, slop)| Query::Phrase { field, text, slop }),
        (entity_field(), ".{0,10}").prop_map(|(field, value)| Query::Entity { field, value }),
        date_query().prop_map(Query::Date),
    ];
    boolean(leaf)
}

fn boolean(leaf: impl Strategy<Value = Query> + 'static) -> impl Strategy<Value = Query> {
    leaf.prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 2..4).prop_map(Query::And),
            proptest::collection::vec(inner.clone(), 2..4).prop_map(Query::Or),
            proptest::collection::vec(inner.clone(), 2..4).prop_map(Query::Group),
            inner.clone().prop_map(|q| Query::Not(Box::new(q))),
            inner.clone().prop_map(|q| Query::Must(Box::new(q))),
            inner.prop_map(|q| Query::MustNot(Box::new(q))),
        ]
    })
}

const WORDS: [&str; 6] = ["alpha", "beta", "gamma", "delta", "omega", "sigma"];
const PEOPLE: [(&str, &str); 4] = [
    ("Trump", "Donald Trump"),
    ("Donald Trump", "Donald Trump"),
    ("Bolton", "John Bolton"),
    ("Putin", "Vladimir Putin"),
];

/// Queries over the small vocabulary of the generated documents.
fn vocab_query() -> impl Strategy<Value = Query> {
    let w = proptest::sample::select(WORDS.to_vec());
    let leaf = prop_oneof![
        4 => (prop_oneof![Just(TextField::Default), Just(TextField::Title), Just(TextField::Body)], w.clone())
            .prop_map(|(field, t)| Query::Term { field, text: t.to_string() }),
        1 => (w.clone(), w).prop_map(|(a, b)| Query::Phrase { field: TextField::Default, text: format!("{a} {b}"), slop: None }),
        1 => proptest::sample::select(PEOPLE.to_vec())
            .prop_map(|(s, _)| Query::Entity { field: EntityField::Label(Label::Person), value: s.to_string() }),
        1 => (2018i32..2021).prop_map(|year| Query::Date(DateQuery::On(PartialDate { year, month: None, day: None }))),
    ];
    boolean(leaf)
}

#[derive(Debug, Clone)]
struct GenDoc {
    title: Vec<&'static str>,
    body: Vec<&'static str>,
    people: Vec<usize>,
    year: i32,
}

fn gen_doc() -> impl Strategy<Value = GenDoc> {
    let w = proptest::sample::select(WORDS.to_vec());
    (
        proptest::collection::vec(w.clone(), 1..4),
        proptest::collection::vec(w, 0..12),
        proptest::collection::vec(0..PEOPLE.len(), 0..3),
        2018i32..2021,
    )
        .prop_map(|(title, body, people, year)| GenDoc {
            title,
            body,
            people,
            year,
        })
}

fn tagged(i: usize, g: &GenDoc) -> TaggedDocument {
    let mut body = g.body.join(" ");
    for &p in &g.people {
        body.push_str(". ");
        body.push_str(PEOPLE[p].0);
    }
    let text = format!(
        "{}\n\n{}\n",
        g.title.join(" "),
        if body.is_empty() { "x" } else { &body }
    );
    let ents: Vec<(Label, &str, &str)> = g
        .people
        .iter()
        .map(|&p| (Label::Person, PEOPLE[p].0, PEOPLE[p].1))
        .collect();
    doc(&format!("d{i}"), &text, &format!("{}-06-15", g.year), &ents)
}

/// The obvious, slow meaning of a query over the generated documents.
fn oracle(
    q: &Query,
    t: &TaggedDocument,
    a: &Analyzer,
    aliases: &HashSet<(String, String)>,
) -> bool {
    let terms = a.document_terms(&t.document);
    let has = |field: TextField, seq: &[String]| {
        let lists: Vec<&Vec<String>> = match field {
            TextField::Title => vec![&terms.title],
            TextField::Body => vec![&terms.body],
            _ => vec![&terms.title, &terms.body],
        };
        lists
            .iter()
            .any(|l| !seq.is_empty() && l.windows(seq.len()).any(|w| w == seq))
    };
    let m = |x: &Query| oracle(x, t, a, aliases);
    match q {
        Query::Term { field, text } | Query::Phrase { field, text, .. } => {
            has(*field, &a.terms(text))
        }
        Query::Entity { value, .. } => {
            // By canonical name or alias; failing both, by a run of words
            // of a canonical name.
            let v = a.normalize_name(value);
            let canonicals: HashSet<&String> = aliases.iter().map(|(_, c)| c).collect();
            let mut names: Vec<&String> = canonicals
                .iter()
                .copied()
                .filter(|c| **c == v || aliases.contains(&(v.clone(), (*c).clone())))
                .collect();
            if names.is_empty() {
                names = canonicals
                    .into_iter()
                    .filter(|c| format!(" {c} ").contains(&format!(" {v} ")))
                    .collect();
            }
            t.entities
                .iter()
                .any(|e| names.contains(&&a.normalize_name(&e.canonical)))
        }
        Query::Date(dq) => {
            let (lo, hi) = dq.day_range();
            let day = t.document.date.unwrap().days_since_epoch();
            lo <= day && day <= hi
        }
        Query::And(v) => v.iter().all(m),
        Query::Or(v) => v.iter().any(m),
        Query::Not(x) | Query::MustNot(x) => !m(x),
        Query::Must(x) => m(x),
        Query::Group(v) => {
            let must: Vec<&Query> = v
                .iter()
                .filter_map(|c| match c {
                    Query::Must(x) => Some(&**x),
                    Query::Date(_) => Some(c),
                    _ => None,
                })
                .collect();
            let not: Vec<&Query> = v
                .iter()
                .filter_map(|c| match c {
                    Query::Not(x) | Query::MustNot(x) => Some(&**x),
                    _ => None,
                })
                .collect();
            let should: Vec<&Query> = v
                .iter()
                .filter(|c| {
                    !matches!(
                        c,
                        Query::Must(_) | Query::Date(_) | Query::Not(_) | Query::MustNot(_)
                    )
                })
                .collect();
            must.iter().all(|x| m(x))
                && !not.iter().any(|x| m(x))
                && (!must.is_empty() || should.is_empty() || should.iter().any(|x| m(x)))
        }
        _ => false,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn printed_queries_parse_back_unchanged(q in any_query()) {
        let printed = q.to_string();
        let parsed = parse_query(&printed);
        prop_assert_eq!(parsed.as_ref(), Ok(&q), "printed as {}", printed);
    }

    #[test]
    fn parsing_never_panics(s in ".{0,40}") {
        if let Ok(q) = parse_query(&s) {
            let printed = q.to_string();
            prop_assert_eq!(parse_query(&printed), Ok(q));
        }
    }

    #[test]
    fn results_equal_a_brute_force_scan(docs in proptest::collection::vec(gen_doc(), 1..12), q in vocab_query()) {
        let a = Analyzer::new();
        let tagged: Vec<TaggedDocument> = docs.iter().enumerate().map(|(i, g)| tagged(i, g)).collect();
        let mut index = Index::new().without_knowledge_base();
        let mut aliases = HashSet::new();
        for t in &tagged {
            index.add(t);
            for e in &t.entities {
                aliases.insert((a.normalize_name(&e.text), a.normalize_name(&e.canonical)));
            }
        }
        let expected: Vec<String> = tagged
            .iter()
            .filter(|t| oracle(&q, t, &a, &aliases))
            .map(|t| t.document.id.clone())
            .collect();
        let got = index.matching_ids(&q).unwrap();
        prop_assert_eq!(&got, &expected, "query {}", q);
        let top = index.top_docs(&q, 5).unwrap();
        prop_assert_eq!(top.total, expected.len());
        prop_assert!(top.docs.windows(2).all(|w| w[0].1 >= w[1].1));
        // Hits agree with the ranking; highlights lie on the snippet's char boundaries.
        let results = index.search(&q, &dateline_query::SearchOptions::new(5).with_facets(true)).unwrap();
        prop_assert_eq!(results.total, expected.len());
        let hit_ids: Vec<&str> = results.hits.iter().map(|h| h.id.as_str()).collect();
        let top_ids: Vec<&str> = top.docs.iter().map(|d| d.0).collect();
        prop_assert_eq!(hit_ids, top_ids);
        for h in &results.hits {
            let mut last = 0;
            for sp in &h.highlights {
                prop_assert!(last <= sp.start && sp.start < sp.end && sp.end <= h.snippet.len());
                prop_assert!(h.snippet.is_char_boundary(sp.start) && h.snippet.is_char_boundary(sp.end));
                last = sp.end;
            }
        }
    }

    #[test]
    fn any_text_indexes_and_highlights_safely(paras in proptest::collection::vec("\\PC{0,60}", 1..5), pick in any::<usize>()) {
        let text = paras.join("\n\n");
        let document = dateline_query::tag::parse::Parser::new().parse("x", text.clone());
        prop_assume!(document.is_ok());
        let tagged = dateline_query::tag::Tagger::new().annotate(document.unwrap());
        let mut index = Index::new();
        index.add(&tagged);
        let words: Vec<&str> = text.split_whitespace().collect();
        let word = if words.is_empty() { "a" } else { words[pick % words.len()] };
        let q = Query::Term { field: TextField::Default, text: word.to_string() };
        let results = index.search(&q, &dateline_query::SearchOptions::new(3)).unwrap();
        for h in &results.hits {
            for sp in &h.highlights {
                prop_assert!(sp.start < sp.end && sp.end <= h.snippet.len());
                prop_assert!(h.snippet.is_char_boundary(sp.start) && h.snippet.is_char_boundary(sp.end));
            }
        }
        let reloaded = Index::from_bytes(&index.to_bytes()).unwrap();
        prop_assert_eq!(reloaded.search(&q, &dateline_query::SearchOptions::new(3)).unwrap(), results);
    }

    #[test]
    fn damaged_index_bytes_never_panic(flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 0..4), cut in any::<usize>(), fix_checksum in any::<bool>()) {
        let mut bytes = sample_index().to_bytes();
        for (at, x) in flips {
            let at = at % bytes.len();
            bytes[at] ^= x | 1;
        }
        if cut % 3 == 0 {
            bytes.truncate(cut % (bytes.len() + 1));
        }
        if fix_checksum && bytes.len() > 28 {
            // Exercise the decoder behind the checksum too.
            let n = bytes.len();
            let crc = crc32(&bytes[..n - 4]);
            bytes[n - 4..].copy_from_slice(&crc.to_le_bytes());
        }
        let _ = Index::from_bytes(&bytes);
    }
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut c = !0u32;
    for &b in bytes {
        c ^= u32::from(b);
        for _ in 0..8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
        }
    }
    !c
}
