//! The golden snapshot: the tagger's full output (entity span, label,
//! canonical name, value and sense; quotation span and speaker), with the
//! model on and off, for the seed articles, the Wikinews corpora and every
//! NER gold set of the data directory.
//!
//! The texts belong to the data directory, so the snapshot keeps one digest
//! per document (`tests/golden/<set>.digests`: document number, document id,
//! FNV-1a 64 of the document's output), never the text or the output.
//!
//! - Check: `cargo test -p dateline-tag --test it golden::`.
//! - Record again after a deliberate change:
//!   `DATELINE_GOLDEN=update cargo test -p dateline-tag --test it golden::`.
//! - The full output, one file per set:
//!   `DATELINE_GOLDEN_DUMP=DIR cargo test -p dateline-tag --test it golden::`.
//! - The full difference against another revision: `.ci/golden-diff [REV]`
//!   (dumps REV, `HEAD` by default, and the working tree, and diffs them).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use dateline_data::{DataSet, sets};
use dateline_tag::parse::{Parser, Record};
use dateline_tag::{Document, Tagger, eval};

/// The seed articles (one file per article).
const SEEDS: DataSet = DataSet::new("seeds", "corpus/seeds");

/// One document's full output with the model off and on.
fn render(doc: &Document, taggers: &[(&str, Tagger)]) -> String {
    let mut out = String::new();
    for (name, tagger) in taggers {
        let entities = tagger.entities(doc);
        let quotes = tagger.quotes(doc, &entities);
        writeln!(out, "model {name}").unwrap();
        for e in &entities {
            writeln!(
                out,
                "E {} {} {} {:?} {:?} {:?}",
                e.span.start,
                e.span.end,
                e.label.as_str(),
                e.canonical,
                e.value,
                e.sense
            )
            .unwrap();
        }
        for q in &quotes {
            writeln!(
                out,
                "Q {} {} {} {:?} {:?}",
                q.span.start,
                q.span.end,
                q.kind.as_str(),
                q.speaker,
                q.speaker_span.map(|s| (s.start, s.end))
            )
            .unwrap();
        }
    }
    out
}

/// FNV-1a, 64 bits: a stable digest (std's hashers may change between
/// releases).
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The documents of one set: (id, document).
type Docs = Vec<(String, Document)>;

fn seeds(path: &Path) -> Docs {
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let parser = Parser::new();
    files
        .iter()
        .map(|p| {
            let id = p.file_stem().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(p).unwrap();
            let doc = parser.parse(id.clone(), text).unwrap();
            (id, doc)
        })
        .collect()
}

fn jsonl(path: &Path) -> Docs {
    let text = std::fs::read_to_string(path).unwrap();
    let parser = Parser::new();
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            let record = Record::from_json(l, "text").unwrap();
            let id = record
                .id
                .clone()
                .unwrap_or_else(|| format!("line{}", i + 1));
            (id, parser.parse_record(record).unwrap())
        })
        .collect()
}

/// A CoNLL gold set as `dateline eval ner` tags it: one document per gold
/// document, one paragraph per sentence.
fn conll(path: &Path) -> Docs {
    let gold = eval::read_conll(&std::fs::read_to_string(path).unwrap()).unwrap();
    gold.chunk_by(|a, b| a.doc == b.doc)
        .enumerate()
        .map(|(i, unit)| {
            let (text, sents) = eval::document_text(unit);
            let blocks: Vec<dateline_tag::Span> = sents
                .iter()
                .filter_map(|o| Some(dateline_tag::Span::new(o.first()?.start, o.last()?.end)))
                .collect();
            (
                format!("{i}:{}", unit[0].doc_id),
                eval::paragraphs_document(&text, &blocks),
            )
        })
        .collect()
}

/// Renders every document, on all cores; output in document order.
fn render_all(docs: &Docs) -> Vec<String> {
    let taggers = [
        ("off", Tagger::new().with_model(false)),
        ("on", Tagger::new().with_model(true)),
    ];
    let n = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = docs.len().div_ceil(n).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = docs
            .chunks(chunk)
            .map(|part| {
                let taggers = &taggers;
                s.spawn(move || {
                    part.iter()
                        .map(|(_, d)| render(d, taggers))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    })
}

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// Checks (or records, or dumps) one set.
fn check(name: &str, set: &DataSet, read: fn(&Path) -> Docs) {
    let Some(path) = dateline_data::for_test(&format!("golden {name}"), set) else {
        return;
    };
    let docs = read(&path);
    let outputs = render_all(&docs);
    let mut digests = String::new();
    for (i, ((id, _), out)) in docs.iter().zip(&outputs).enumerate() {
        writeln!(digests, "{i}\t{id}\t{:016x}", fnv1a(out.as_bytes())).unwrap();
    }
    if let Some(dir) = std::env::var_os("DATELINE_GOLDEN_DUMP") {
        let mut full = String::new();
        for ((id, _), out) in docs.iter().zip(&outputs) {
            writeln!(full, "# {id}\n{out}").unwrap();
        }
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(Path::new(&dir).join(format!("{name}.txt")), full).unwrap();
    }
    let file = golden_dir().join(format!("{name}.digests"));
    if std::env::var("DATELINE_GOLDEN").is_ok_and(|v| v == "update") {
        std::fs::create_dir_all(golden_dir()).unwrap();
        std::fs::write(&file, &digests).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&file).unwrap_or_default();
    if want != digests {
        let changed: Vec<&str> = digests
            .lines()
            .zip(want.lines().chain(std::iter::repeat("")))
            .filter(|(a, b)| a != b)
            .map(|(a, _)| a)
            .take(20)
            .collect();
        panic!(
            "{name}: the tagger's output differs from tests/golden/{name}.digests \
             ({} documents, {} recorded); first changed documents:\n{}\n\
             see the full difference with `.ci/golden-diff`, record a deliberate change with \
             `DATELINE_GOLDEN=update cargo test -p dateline-tag --test it golden::`",
            digests.lines().count(),
            want.lines().count(),
            changed.join("\n")
        );
    }
}

#[test]
fn golden_seeds() {
    check("seeds", &SEEDS, seeds);
}

#[test]
fn golden_gum_news() {
    check("gum_news", &sets::GUM_NEWS, jsonl);
}

#[test]
fn golden_wikinews_2019_2021() {
    check("wikinews_2019_2021", &sets::WIKINEWS_2019_2021, jsonl);
}

#[test]
fn golden_wikinews_2004_2018() {
    check("wikinews_2004_2018", &sets::WIKINEWS_2004_2018, jsonl);
}

#[test]
fn golden_wikigold() {
    check("wikigold", &sets::WIKIGOLD, conll);
}

#[test]
fn golden_uner_pud() {
    check("uner_pud", &sets::UNER_PUD, conll);
}

#[test]
fn golden_uner_ewt_test() {
    check("uner_ewt_test", &sets::UNER_EWT_TEST, conll);
}

#[test]
fn golden_uner_ewt_dev() {
    check("uner_ewt_dev", &sets::UNER_EWT_DEV, conll);
}
