//! Fuzz-style harness of every entry point that reads outside input: the
//! parser (text, bytes, JSON Lines), the tokenizer, the tagger's entities
//! and quotes, the query parser and the index reader.
//!
//! Each target mutates seed inputs (the bundled articles, sample queries, a
//! saved index) from a fixed seed, a few mutations at a time (bytes changed,
//! inserted, deleted, ranges repeated, pieces of other seeds and syntax
//! spliced in), feeds each result to the entry point and checks that it
//! neither panics nor breaks the layer's invariants (spans inside the text,
//! on character boundaries; printed queries parse back unchanged).
//!
//! By default each target runs for a few seconds (the iteration counts
//! below). Longer runs:
//!
//! ```sh
//! DATELINE_FUZZ_ITERATIONS=200000 DATELINE_FUZZ_SEED=7 \
//!     cargo test --release -p dateline --test fuzz -- --nocapture
//! ```
//!
//! Each target prints how many inputs it ran without a failure; a failure
//! prints the input that caused it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};

use dateline::parse::{InputOptions, Parser, Span};
use dateline::query::{Index, parse_query};
use dateline::tag::Tagger;
use dateline::tokenize::Tokenizer;
use proptest::prelude::Rng;
use proptest::test_runner::{RngAlgorithm, TestRng};

const SEEDS: [&str; 5] = [
    include_str!("../../../examples/corpus/seeds/000_61d203704fab0176.txt"),
    include_str!("../../../examples/corpus/seeds/001_f59ec590bb28e41f.txt"),
    include_str!("../../../examples/corpus/seeds/002_7f3053ad9fff72a9.txt"),
    include_str!("../../../examples/corpus/seeds/003_64def25e471f1daf.txt"),
    include_str!("../../../examples/corpus/seeds/004_969307ade84956c6.txt"),
];

/// Pieces of syntax that matter to some layer, spliced into inputs.
const DICTIONARY: &[&str] = &[
    "\n",
    "\n\n",
    "\r",
    "\r\n",
    " ",
    "\t",
    ".",
    "...",
    "…",
    "!",
    "?",
    "\"",
    "'",
    "“",
    "”",
    "«",
    "»",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ";",
    "-",
    "—",
    "@",
    "#",
    "$",
    "€",
    "%",
    "©",
    "•",
    "1.",
    "a)",
    "Mr.",
    "U.S.",
    "a.m.",
    "http://",
    "www.",
    "x@y.com",
    "'s",
    "\u{feff}",
    "\u{200d}",
    "\u{301}",
    "é",
    "Д",
    "日",
    "👍",
    "\\",
    "\\u",
    "\\ud800",
    "\"text\":",
    "{\"id\":",
    "AND",
    "OR",
    "NOT",
    "+",
    "*",
    "~2",
    "person:",
    "date:[",
    " TO ",
    "2019-02-30",
    "\0",
    "\u{2028}",
    "You may also like",
    "Photo:",
    "WASHINGTON (Reuters) -",
    "said",
    "told reporters",
];

/// Iterations of a target: `DATELINE_FUZZ_ITERATIONS`, else `default`.
fn iterations(default: usize) -> usize {
    std::env::var("DATELINE_FUZZ_ITERATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The random source of a target: `DATELINE_FUZZ_SEED` (a number, default
/// 1) and the target's name.
fn rng(target: &str) -> (TestRng, u64) {
    let seed: u64 = std::env::var("DATELINE_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    for (i, b) in target.bytes().enumerate() {
        bytes[8 + i % 24] ^= b;
    }
    (TestRng::from_seed(RngAlgorithm::ChaCha, &bytes), seed)
}

fn below(rng: &mut TestRng, n: usize) -> usize {
    if n == 0 {
        0
    } else {
        (rng.next_u64() % n as u64) as usize
    }
}

/// A few random mutations of `input`, keeping it under `max` bytes.
fn mutate(rng: &mut TestRng, input: &[u8], others: &[&[u8]], max: usize) -> Vec<u8> {
    let mut v = input.to_vec();
    for _ in 0..1 + below(rng, 6) {
        let len = v.len();
        let at = below(rng, len + 1);
        match below(rng, 8) {
            0 if len > 0 => {
                let i = below(rng, len);
                v[i] = rng.next_u32() as u8;
            }
            1 => {
                let b = rng.next_u32() as u8;
                v.insert(at, b);
            }
            2 => {
                let word = DICTIONARY[below(rng, DICTIONARY.len())].as_bytes();
                v.splice(at..at, word.iter().copied());
            }
            3 if len > 0 => {
                let end = (at + 1 + below(rng, 64)).min(len);
                v.drain(at.min(end)..end);
            }
            4 if len > 0 => {
                // Repeat a short range many times: runs and patterns.
                let start = below(rng, len);
                let end = (start + 1 + below(rng, 8)).min(len);
                let piece = v[start..end].to_vec();
                let times = 1 + below(rng, 200);
                let repeated: Vec<u8> = piece.repeat(times);
                v.splice(end..end, repeated);
            }
            5 if !others.is_empty() => {
                let other = others[below(rng, others.len())];
                let start = below(rng, other.len());
                let end = (start + below(rng, 200)).min(other.len());
                v.splice(at..at, other[start..end].iter().copied());
            }
            6 => v.truncate(at),
            _ => {
                let word = DICTIONARY[below(rng, DICTIONARY.len())].as_bytes();
                let times = 1 + below(rng, 50);
                v.splice(at..at, word.repeat(times));
            }
        }
    }
    v.truncate(max);
    v
}

/// Runs `check` on `iterations` mutated inputs; on a panic, shows the
/// input. Prints the number of executions.
fn fuzz(target: &str, default: usize, seeds: &[&[u8]], max: usize, check: impl Fn(&[u8])) {
    let n = iterations(default);
    let (mut rng, seed) = rng(target);
    let mut corpus: Vec<Vec<u8>> = seeds.iter().map(|s| s.to_vec()).collect();
    for i in 0..n {
        let base = &corpus[below(&mut rng, corpus.len())];
        let input = mutate(&mut rng, base, seeds, max);
        if let Err(e) = catch_unwind(AssertUnwindSafe(|| check(&input))) {
            let shown = String::from_utf8_lossy(&input);
            let shown: String = shown.chars().take(2000).collect();
            eprintln!("fuzz {target}: failed at iteration {i} (seed {seed}) on {shown:?}");
            resume_unwind(e);
        }
        // Keep some mutants as seeds of later ones, so mutations add up.
        if below(&mut rng, 8) == 0 && corpus.len() < 64 {
            corpus.push(input);
        }
    }
    println!("fuzz {target}: {n} executions without a failure (seed {seed})");
}

fn seed_bytes() -> Vec<&'static [u8]> {
    SEEDS
        .iter()
        .map(|s| {
            let mut end = s.len().min(3000);
            while !s.is_char_boundary(end) {
                end -= 1;
            }
            &s.as_bytes()[..end]
        })
        .collect()
}

fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} outside a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} not on character boundaries"
    );
}

#[test]
fn fuzz_parse() {
    let parser = Parser::new();
    let opts = InputOptions::default().max_bytes(1 << 20);
    fuzz("parse", 3000, &seed_bytes(), 8000, |bytes| {
        let text = String::from_utf8_lossy(bytes);
        let doc = parser.parse("f", text.as_ref()).unwrap();
        for b in &doc.blocks {
            check_span(&doc.text, b.span, "block");
        }
        // Raw bytes: UTF-8 errors, UTF-16, byte order marks.
        let _ = dateline::parse::read_text("f", bytes.to_vec(), "f.txt", &opts);
        // The same bytes as JSON Lines.
        for doc in dateline::parse::read_jsonl(bytes, "f.jsonl", &opts)
            .into_iter()
            .flatten()
        {
            for b in &doc.blocks {
                check_span(&doc.text, b.span, "block");
            }
        }
    });
}

#[test]
fn fuzz_tokenize() {
    let tokenizer = Tokenizer::new().with_stems(true);
    let plain = Tokenizer::plain();
    fuzz("tokenize", 2000, &seed_bytes(), 8000, |bytes| {
        let text = String::from_utf8_lossy(bytes);
        let doc = dateline::parse::parse(text.as_ref());
        let analysis = tokenizer.analyze(&doc);
        for s in &analysis.sentences {
            check_span(&doc.text, s.span, "sentence");
            for t in s.tokens_in(&analysis) {
                check_span(&doc.text, t.span, "token");
                assert!(s.span.contains(t.span), "token outside its sentence");
                assert_eq!(&doc.text[t.span.range()], t.text);
            }
        }
        let streamed: usize = tokenizer
            .sentence_spans(&doc)
            .iter()
            .map(|&(_, s)| tokenizer.tokens_in(&doc.text, s).count())
            .sum();
        assert_eq!(streamed, analysis.tokens.len(), "streamed tokens differ");
        for t in plain.iter(&text) {
            check_span(&text, t.span, "plain token");
        }
    });
}

#[test]
fn fuzz_tag_entities_and_quotes() {
    let tagger = Tagger::new();
    fuzz("tag", 150, &seed_bytes(), 3000, |bytes| {
        let text = String::from_utf8_lossy(bytes);
        let doc = dateline::parse::parse(text.as_ref());
        let tagged = tagger.annotate(doc);
        let text = &tagged.document.text;
        for e in &tagged.entities {
            check_span(text, e.span, "entity");
        }
        for q in &tagged.quotes {
            check_span(text, q.span, "quote");
            if let Some(s) = q.speaker_span {
                check_span(text, s, "speaker");
            }
        }
    });
}

#[test]
fn fuzz_query_parser() {
    let seeds: &[&[u8]] = &[
        b"person:\"John Bolton\" AND person:Patrushev",
        b"speaker:trump quote:tolerate",
        b"interference date:2018-07",
        b"+interference +date:[2018-07-01 TO 2018-08-31]",
        b"\"foreign interference\"~2 -russia",
        b"entity:gru OR org:\"Main Intelligence Directorate\"",
        b"gpe:\xd0\xa1\xd0\xa8\xd0\x90 NOT (a OR b) date:>=2019",
        b"vice\\-president \\AND title:(x)",
    ];
    fuzz("query", 20000, seeds, 2000, |bytes| {
        let text = String::from_utf8_lossy(bytes);
        if let Ok(q) = parse_query(&text) {
            let printed = q.to_string();
            let again = parse_query(&printed)
                .unwrap_or_else(|e| panic!("printed form {printed:?} does not parse: {e}"));
            assert_eq!(again, q, "printed as {printed:?}");
        }
    });
}

#[test]
fn fuzz_index_reader() {
    let tagger = Tagger::new();
    let mut index = Index::new();
    for s in SEEDS.iter().take(2) {
        index.add(&tagger.annotate(dateline::parse::parse(*s)));
    }
    let saved = index.to_bytes();
    let seeds: &[&[u8]] = &[&saved];
    fuzz("index", 3000, seeds, saved.len() * 2, |bytes| {
        if let Ok(index) = Index::from_bytes(bytes) {
            let _ = index.search(
                &parse_query("geneva OR person:bolton").unwrap(),
                &dateline::query::SearchOptions::new(5).with_facets(true),
            );
        }
    });
}
