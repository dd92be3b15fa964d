//! The archive at scale (run with `cargo bench --bench scale`; figures in
//! docs/PERFORMANCE.md).
//!
//! Builds a scale corpus of `DATELINE_SCALE_DOCS` articles (default 20,000)
//! from the Wikinews articles of the data directory: the 6,004 articles of
//! both Wikinews files, then rounds of new articles recombined from their
//! sentences, titles and dates (function `record`), so that articles of
//! later rounds have texts, entities and postings of their own (base
//! articles of two sentences or fewer keep their text). Then, with the
//! release `dateline` binary:
//!
//! - indexes the corpus (`--threads 2`), wall time and peak memory;
//! - indexes 3,000 articles with one and with two threads (throughput ratio);
//! - opens the index and answers a term query in a new process, 5 times
//!   (median wall time, largest peak memory);
//! - in this process: opening time, and p50 of term, phrase, `person:` and
//!   date-range queries (full results with snippets, and top-10 ids
//!   alone), tantivy's own queries on the same segments for the term and
//!   phrase (`Count` and top 10 by BM25), and facets over a query matching
//!   every article;
//! - adds 1,000 new articles to (a hard-linked copy of) the index, against
//!   indexing the same 1,000 into an empty directory.
//!
//! With `DATELINE_SCALE_TAGGED=1` the corpus is not tagged article by
//! article through the command line (tagging a million articles takes
//! hours on a shared 2-core machine): the 6,004 base articles are parsed
//! and tagged once, and each article of the corpus is made as `record`
//! makes it, parsed, and given the entity mentions and quotations of the
//! tagged sentences it is made of, their spans moved to where those
//! sentences now stand (`Tagged::record`); a process of its own analyzes
//! them on two threads and writes them with `ArchiveWriter`, so its wall
//! time and peak memory are those of parsing and indexing, the 6,004
//! tagged base articles held in memory. `DATELINE_SCALE_BUDGET=MB` sets the
//! writer's memory budget (default: the command line's default).
//!
//! With `DATELINE_SCALE_QUERIES=1` and an index already built, only the
//! queries in this process are timed.
//!
//! Files go to `DATELINE_SCALE_DIR` (default: cargo's bench temporary
//! directory); a corpus or index already there is reused.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

use dateline::parse::{Date, Document, Parser, Record, Span};
use dateline::query::{
    Archive, ArchiveWriter, Query, SearchOptions, TaggedDocument, WriterOptions, parse_query,
};
use dateline::tag::Tagger;
use dateline_data::{DataDir, sets};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, PhraseQuery, TermQuery};
use tantivy::schema::IndexRecordOption;

const BIN: &str = env!("CARGO_BIN_EXE_dateline");
/// Set in the index-building process the bench starts: where to build.
const BUILD_INTO: &str = "DATELINE_SCALE_BUILD_INTO";

/// The base articles and their sentences.
struct Base {
    records: Vec<serde_json::Value>,
    /// Per article: its text (the record's `text`).
    texts: Vec<String>,
    /// Per article: its sentences (spans into its text, as the tokenize
    /// layer splits them), each with whether a paragraph break comes before it.
    sentences: Vec<Vec<(bool, Span)>>,
}

impl Base {
    fn len(&self) -> usize {
        self.records.len()
    }

    fn sentence(&self, article: usize, j: usize) -> &str {
        &self.texts[article][self.sentences[article][j].1]
    }
}

fn base_records() -> Option<Base> {
    let mut records = Vec::new();
    for set in [&sets::WIKINEWS_2004_2018, &sets::WIKINEWS_2019_2021] {
        let path = match DataDir::find(None, set) {
            Ok(p) => p,
            Err(e) => {
                println!("scale bench skipped: {e}");
                return None;
            }
        };
        let file = std::fs::File::open(&path).ok()?;
        for line in std::io::BufReader::new(file).lines() {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(&line.ok()?) {
                records.push(v);
            }
        }
    }
    let texts: Vec<String> = records
        .iter()
        .map(|v| {
            v.get("text")
                .and_then(|t| t.as_str())
                .unwrap_or("")
                .to_string()
        })
        .collect();
    let sentences = texts
        .iter()
        .map(|text| {
            let mut last = 0;
            dateline::tokenize::sentences(text)
                .into_iter()
                .map(|sp| {
                    let brk = last > 0 && text[last..sp.start].contains("\n\n");
                    last = sp.end;
                    (brk, sp)
                })
                .collect()
        })
        .collect();
    Some(Base {
        records,
        texts,
        sentences,
    })
}

/// A deterministic hash of `(i, salt)` (SplitMix64's finalizer).
fn mix(i: usize, salt: u64) -> u64 {
    let mut z = (i as u64)
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(salt.wrapping_mul(0xD1B5_4A32_D192_ED03));
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// One sentence of a recombined article: the base article and sentence it
/// comes from, and where it starts in the new text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    article: usize,
    sentence: usize,
    start: usize,
}

/// Record `i` of the scale corpus: the first `base.len()` records are the
/// base articles; record `i` of a later round `r` takes base article
/// `i mod n` as its frame (its id with `~r`, its first two sentences, its
/// length in sentences and paragraph breaks), keeps each later sentence or
/// replaces it (chance one half) with the sentence at the same relative
/// position of another article chosen by hash, joins the first half of its
/// title to the second half of another article's title, and moves its date
/// by `7 r` plus 0–6 days.
fn record(base: &Base, i: usize) -> serde_json::Value {
    recombine(base, i).0
}

/// [`record`], with the sentences its text is made of (`None` when the
/// text is the base article's own).
fn recombine(base: &Base, i: usize) -> (serde_json::Value, Option<Vec<Piece>>) {
    let n = base.len();
    let round = i / n;
    let b = i % n;
    let mut v = base.records[b].clone();
    if round == 0 {
        return (v, None);
    }
    if let Some(id) = v.get("id").and_then(|x| x.as_str()) {
        v["id"] = format!("{id}~{round}").into();
    }
    if let Some(d) = v
        .get("date")
        .and_then(|x| x.as_str())
        .and_then(|s| s.parse::<Date>().ok())
    {
        let days = 7 * round as i64 + (mix(i, 1) % 7) as i64;
        v["date"] = Date::from_days_since_epoch(d.days_since_epoch() + days)
            .to_string()
            .into();
    }
    let title_of = |k: usize| -> Vec<&str> {
        base.records[k]
            .get("title")
            .and_then(|t| t.as_str())
            .unwrap_or("")
            .split_whitespace()
            .collect()
    };
    let (mine, other) = (title_of(b), title_of(mix(i, 2) as usize % n));
    if mine.len() > 1 && other.len() > 1 {
        let title = [&mine[..mine.len() / 2], &other[other.len() / 2..]].concat();
        v["title"] = title.join(" ").into();
    }
    let frame = &base.sentences[b];
    let k = frame.len();
    if k <= 2 {
        return (v, None);
    }
    let mut text = String::new();
    let mut pieces = Vec::with_capacity(k);
    for (j, (brk, _)) in frame.iter().enumerate() {
        let h = mix(i, 16 + j as u64);
        let mut from = (b, j);
        if j >= 2 && h & 1 == 1 {
            let a = (h >> 1) as usize % n;
            let len = base.sentences[a].len();
            if len > 2 {
                from = (a, (j * len / k).clamp(2, len - 1));
            }
        }
        if j > 0 {
            text.push_str(if *brk { "\n\n" } else { " " });
        }
        pieces.push(Piece {
            article: from.0,
            sentence: from.1,
            start: text.len(),
        });
        text.push_str(base.sentence(from.0, from.1));
    }
    v["text"] = text.into();
    (v, Some(pieces))
}

/// The base articles parsed and tagged once, from which the tagged
/// documents of the whole corpus are recombined ([`Tagged::record`]).
struct Tagged {
    docs: Vec<TaggedDocument>,
}

/// Parses a record as `dateline index` does.
fn parse_record(v: &serde_json::Value) -> Document {
    let line = serde_json::to_string(v).unwrap();
    let record = Record::from_json(&line, "text").unwrap();
    Parser::new().parse_record(record).unwrap()
}

impl Tagged {
    /// Parses and tags the base articles on two threads.
    fn new(base: &Base) -> Tagged {
        let tagger = Tagger::new();
        let tag = |range: std::ops::Range<usize>| -> Vec<TaggedDocument> {
            range
                .map(|a| tagger.annotate(parse_record(&base.records[a])))
                .collect()
        };
        let half = base.len() / 2;
        let docs = std::thread::scope(|sc| {
            let second = sc.spawn(|| tag(half..base.len()));
            let mut docs = tag(0..half);
            docs.extend(second.join().unwrap());
            docs
        });
        for (d, text) in docs.iter().zip(&base.texts) {
            assert_eq!(&d.document.text, text, "the parser changed a record's text");
        }
        Tagged { docs }
    }

    /// Where base span `span` of `article` lands in an article made of
    /// `pieces` when the piece at `k` carries the sentence it starts in:
    /// `None` unless every sentence the span touches is carried, in order,
    /// from piece `k` on.
    fn place(base: &Base, pieces: &[Piece], k: usize, article: usize, span: Span) -> Option<Span> {
        let sents = &base.sentences[article];
        let j1 = sents.partition_point(|(_, s)| s.end <= span.start);
        let j2 = if span.end > span.start {
            sents.partition_point(|(_, s)| s.end < span.end)
        } else {
            j1
        };
        if j1 >= sents.len() || j2 >= sents.len() || sents[j1].1.start > span.start {
            return None;
        }
        for t in 0..=(j2.checked_sub(j1)?) {
            let p = pieces.get(k + t)?;
            if p.article != article || p.sentence != j1 + t {
                return None;
            }
        }
        Some(Span::new(
            pieces[k].start + span.start - sents[j1].1.start,
            pieces[k + j2 - j1].start + span.end - sents[j2].1.start,
        ))
    }

    /// [`Tagged::place`] from the piece carrying the span's first sentence
    /// nearest to piece `near`.
    fn place_near(
        base: &Base,
        pieces: &[Piece],
        near: usize,
        article: usize,
        span: Span,
    ) -> Option<Span> {
        let mut order: Vec<usize> = (0..pieces.len())
            .filter(|&k| pieces[k].article == article)
            .collect();
        order.sort_by_key(|&k| k.abs_diff(near));
        order
            .into_iter()
            .find_map(|k| Tagged::place(base, pieces, k, article, span))
    }

    /// The tagged document of record `i` of the corpus: [`record`] parsed
    /// as `dateline index` parses it, with the entity mentions and
    /// quotations of the base articles' sentences it is made of, their
    /// spans moved to where those sentences now stand. A mention or
    /// quotation is carried when every sentence it touches is carried in
    /// order (a quotation's speaker span when its sentences are found in
    /// the new article, else dropped, the speaker's name kept).
    fn record(&self, base: &Base, i: usize) -> TaggedDocument {
        let (v, pieces) = recombine(base, i);
        let document = parse_record(&v);
        let own = &self.docs[i % base.len()];
        let Some(pieces) = pieces else {
            return TaggedDocument {
                document,
                entities: own.entities.clone(),
                quotes: own.quotes.clone(),
            };
        };
        let text = &document.text;
        let mut entities = Vec::new();
        let mut quotes = Vec::new();
        for (k, p) in pieces.iter().enumerate() {
            let from = &self.docs[p.article];
            let sent = base.sentences[p.article][p.sentence].1;
            let within = |start: usize| (sent.start..sent.end).contains(&start);
            for e in from.entities.iter().filter(|e| within(e.span.start)) {
                if let Some(span) = Tagged::place(base, &pieces, k, p.article, e.span) {
                    let mut e = e.clone();
                    e.text = text[span].to_string();
                    e.span = span;
                    entities.push(e);
                }
            }
            for q in from.quotes.iter().filter(|q| within(q.span.start)) {
                if let Some(span) = Tagged::place(base, &pieces, k, p.article, q.span) {
                    let mut q = q.clone();
                    q.text = text[span].to_string();
                    q.span = span;
                    q.speaker_span = q
                        .speaker_span
                        .and_then(|s| Tagged::place_near(base, &pieces, k, p.article, s));
                    quotes.push(q);
                }
            }
        }
        TaggedDocument {
            document,
            entities,
            quotes,
        }
    }
}

/// Resident and peak resident memory of this process, from `/proc`.
fn memory_now() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<f64>().ok())
            .map_or(0.0, |kb| kb / 1024.0)
    };
    format!(
        "resident {:.0} MB (anonymous {:.0} MB), peak {:.0} MB",
        field("VmRSS:"),
        field("RssAnon:"),
        field("VmHWM:")
    )
}

/// Builds the index of the first `n` records from [`Tagged`] documents, as
/// `dateline index --threads 2` does after tagging: two threads recombine,
/// parse and analyze, in input order through bounded queues, and one
/// `ArchiveWriter` with one indexing thread and `budget` bytes writes them.
/// Runs in a process of its own (the bench starts itself again), so that
/// its wall time and peak memory are measured alone.
fn build_from_tagged(base: &Base, n: usize, dir: &Path, budget: usize) {
    let start = Instant::now();
    let tagged = Tagged::new(base);
    println!(
        "build: parsed and tagged the {} base articles once in {:.1} s; {}",
        base.len(),
        start.elapsed().as_secs_f64(),
        memory_now()
    );
    let start = Instant::now();
    let opts = WriterOptions::new().memory_budget(budget).threads(1);
    let mut writer = ArchiveWriter::open(dir, &opts).unwrap();
    let mut bytes = 0usize;
    let counts = [AtomicUsize::new(0), AtomicUsize::new(0)];
    std::thread::scope(|sc| {
        let mut receivers = Vec::new();
        for w in 0..2 {
            let (tx, rx) = std::sync::mpsc::sync_channel(64);
            receivers.push(rx);
            let mut preparer = writer.preparer();
            let tagged = &tagged;
            let counts = &counts;
            sc.spawn(move || {
                for i in (w..n).step_by(2) {
                    let doc = tagged.record(base, i);
                    counts[0].fetch_add(doc.entities.len(), Relaxed);
                    counts[1].fetch_add(doc.quotes.len(), Relaxed);
                    if tx.send(preparer.prepare(&doc)).is_err() {
                        return;
                    }
                }
            });
        }
        for i in 0..n {
            let doc = receivers[i % 2].recv().unwrap();
            bytes += doc.text_bytes();
            writer.add_prepared(doc).unwrap();
            if (i + 1) % 100_000 == 0 {
                println!(
                    "build: {} articles in {:.0} s; {}",
                    i + 1,
                    start.elapsed().as_secs_f64(),
                    memory_now()
                );
            }
        }
    });
    writer.commit().unwrap();
    writer.finish().unwrap();
    let secs = start.elapsed().as_secs_f64();
    println!(
        "build: indexed {n} recombined tagged articles ({:.0} MB of text) in {secs:.1} s ({:.0} articles/s, {:.2} MB/s); {}",
        bytes as f64 / 1e6,
        n as f64 / secs,
        bytes as f64 / 1e6 / secs,
        memory_now()
    );
    let per = |c: &AtomicUsize| c.load(Relaxed) as f64 / n as f64;
    let base_per = |f: &dyn Fn(&TaggedDocument) -> usize| {
        tagged.docs.iter().map(f).sum::<usize>() as f64 / base.len() as f64
    };
    println!(
        "build: {:.1} entity mentions and {:.2} quotations an article ({:.1} and {:.2} in the base articles)",
        per(&counts[0]),
        per(&counts[1]),
        base_per(&|d| d.entities.len()),
        base_per(&|d| d.quotes.len())
    );
}

fn write_corpus(path: &Path, base: &Base, range: std::ops::Range<usize>) {
    if path.exists() {
        return;
    }
    let tmp = path.with_extension("part");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&tmp).unwrap());
    for i in range {
        serde_json::to_writer(&mut out, &record(base, i)).unwrap();
        out.write_all(b"\n").unwrap();
    }
    out.flush().unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

/// Runs the binary under `/usr/bin/time`: (wall seconds, peak resident MB).
fn timed(args: &[&str]) -> (f64, f64) {
    let mut cmd = Command::new(BIN);
    cmd.args(args).stdout(std::process::Stdio::null());
    timed_command(cmd)
}

/// Runs `cmd` under `/usr/bin/time`: (wall seconds, peak resident MB).
fn timed_command(cmd: Command) -> (f64, f64) {
    let report = std::env::temp_dir().join(format!("dateline-scale-time-{}", std::process::id()));
    let start = Instant::now();
    let mut timed = Command::new("/usr/bin/time");
    timed
        .args(["-f", "%e %M", "-o"])
        .arg(&report)
        .arg(cmd.get_program())
        .args(cmd.get_args());
    for (k, v) in cmd.get_envs() {
        if let Some(v) = v {
            timed.env(k, v);
        }
    }
    if cmd.get_program() == BIN {
        timed.stdout(std::process::Stdio::null());
    }
    let status = timed.status().expect("/usr/bin/time");
    let wall = start.elapsed().as_secs_f64();
    assert!(
        status.code().is_some_and(|c| c <= 1),
        "{:?} failed",
        cmd.get_args().collect::<Vec<_>>()
    );
    let text = std::fs::read_to_string(&report).unwrap();
    let mut it = text.split_whitespace().rev();
    let kb: f64 = it.next().unwrap().parse().unwrap();
    (wall, kb / 1024.0)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn p50_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    f();
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect(),
    )
}

/// Opens the index and times the queries in this process (against tantivy's
/// own for the term and the phrase); returns the open archive.
fn queries(index: &Path) -> Archive {
    let t = Instant::now();
    let archive = Archive::open(index).unwrap();
    println!(
        "open in process: {:.1} ms ({} documents, {} segments)",
        t.elapsed().as_secs_f64() * 1e3,
        archive.len(),
        archive.num_segments()
    );
    let tindex = tantivy::Index::open_in_dir(index).unwrap();
    let schema = tindex.schema();
    let searcher = tindex.reader().unwrap().searcher();
    let field = |name: &str| schema.get_field(name).unwrap();
    let term = |f: &str, t: &str| tantivy::Term::from_field_text(field(f), t);
    let tq = |f: &str, t: &str| -> Box<dyn tantivy::query::Query> {
        Box::new(TermQuery::new(term(f, t), IndexRecordOption::WithFreqs))
    };
    let both = |make: &dyn Fn(&str) -> Box<dyn tantivy::query::Query>| {
        BooleanQuery::new(vec![
            (Occur::Should, make("title")),
            (Occur::Should, make("body")),
        ])
    };
    type Case<'a> = (&'a str, &'a str, Option<Box<dyn tantivy::query::Query>>);
    let cases: Vec<Case> = vec![
        (
            "term",
            "government",
            Some(Box::new(both(&|f| tq(f, "govern")))),
        ),
        (
            "phrase",
            "\"prime minister\"",
            Some(Box::new(both(&|f| {
                Box::new(PhraseQuery::new(vec![term(f, "prime"), term(f, "minist")]))
            }))),
        ),
        ("person", "person:obama", None),
        ("date range", "date:[2010-01-01 TO 2010-12-31]", None),
        ("term AND person", "election person:obama", None),
    ];
    let runs = 41;
    for (kind, text, theirs) in &cases {
        let q: Query = parse_query(text).unwrap();
        let opts = SearchOptions::new(10);
        let total = archive.search(&q, &opts).unwrap().total;
        let full = p50_ms(runs, || {
            std::hint::black_box(archive.search(&q, &opts).unwrap());
        });
        let top = p50_ms(runs, || {
            std::hint::black_box(archive.top_docs(&q, 10).unwrap());
        });
        let mut line = format!(
            "query {kind} `{text}`: {total} matches, p50 {full:.2} ms with snippets, {top:.2} ms top-10 ids"
        );
        if let Some(t) = theirs {
            let count = searcher.search(t.as_ref(), &Count).unwrap();
            assert_eq!(
                count, total,
                "{kind}: tantivy finds another number of matches"
            );
            let collector = (Count, TopDocs::with_limit(10).order_by_score());
            let ms = p50_ms(runs, || {
                std::hint::black_box(searcher.search(t.as_ref(), &collector).unwrap());
            });
            // The same work as top-10 ids: the stored document of each hit.
            let with_docs = p50_ms(runs, || {
                let (_, top) = searcher.search(t.as_ref(), &collector).unwrap();
                for (_, addr) in top {
                    std::hint::black_box(searcher.doc::<tantivy::TantivyDocument>(addr).unwrap());
                }
            });
            line.push_str(&format!(
                ", tantivy {ms:.2} ms top-10 addresses, {with_docs:.2} ms with their stored documents"
            ));
        }
        println!("{line}");
    }
    archive
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let n: usize = std::env::var("DATELINE_SCALE_DOCS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_000);
    let work = std::env::var_os("DATELINE_SCALE_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("scale"),
        PathBuf::from,
    );
    std::fs::create_dir_all(&work).unwrap();
    if std::env::var_os("DATELINE_SCALE_QUERIES").is_some() {
        // Only the queries in this process, on an index built before.
        let index = work.join(format!("index-{n}"));
        if index.join("meta.json").exists() {
            queries(&index);
            return;
        }
    }
    let Some(base) = base_records() else {
        return;
    };
    let budget_mb: Option<usize> = std::env::var("DATELINE_SCALE_BUDGET")
        .ok()
        .and_then(|s| s.parse().ok());
    let index = work.join(format!("index-{n}"));
    if let Some(dir) = std::env::var_os(BUILD_INTO) {
        // The index-building process started below.
        let budget = budget_mb.map_or(dateline::query::DEFAULT_MEMORY_BUDGET, |mb| mb << 20);
        build_from_tagged(&base, n, Path::new(&dir), budget);
        return;
    }
    let from_tagged = std::env::var_os("DATELINE_SCALE_TAGGED").is_some();
    // 1,000 articles of a later round than any in the corpus.
    let extra = work.join(format!("extra-after-{n}.jsonl"));
    let first_new = (n / base.len() + 1) * base.len();
    write_corpus(&extra, &base, first_new..first_new + 1000);
    let s = |p: &Path| p.to_str().unwrap().to_string();
    let budget_arg = budget_mb.map(|mb| mb.to_string());
    if !index.join("meta.json").exists() {
        if from_tagged {
            println!(
                "scale corpus: {n} articles recombined from tagged sentences ({} base articles)",
                base.len()
            );
            let mut cmd = Command::new(std::env::current_exe().unwrap());
            cmd.env(BUILD_INTO, &index);
            let (secs, peak) = timed_command(cmd);
            println!(
                "index {n} articles from tagged sentences (library, analysis on 2 threads): {secs:.1} s ({:.0} articles/s), peak {peak:.0} MB",
                n as f64 / secs
            );
        } else {
            let corpus = work.join(format!("corpus-{n}.jsonl"));
            write_corpus(&corpus, &base, 0..n);
            let mb = std::fs::metadata(&corpus).unwrap().len() as f64 / 1e6;
            println!(
                "scale corpus: {n} articles, {mb:.0} MB of JSON Lines ({} base articles)",
                base.len()
            );
            let mut args = vec![
                "index".to_string(),
                s(&corpus),
                "--index".into(),
                s(&index),
                "--threads".into(),
                "2".into(),
            ];
            if let Some(mb) = &budget_arg {
                args.extend(["--memory-budget".to_string(), mb.clone()]);
            }
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let (secs, peak) = timed(&args);
            println!(
                "index {n} articles, 2 threads: {secs:.1} s ({:.0} articles/s, {:.2} MB/s), peak {peak:.0} MB",
                n as f64 / secs,
                mb / secs
            );
        }
    }
    let size: u64 = std::fs::read_dir(&index)
        .unwrap()
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .sum();
    println!("index size: {:.0} MB", size as f64 / 1e6);

    if std::env::var_os("DATELINE_SCALE_THREADS").is_some() {
        let slice = work.join("slice-3000.jsonl");
        write_corpus(&slice, &base, 0..3000);
        let mut secs = Vec::new();
        for threads in ["1", "2"] {
            let dir = work.join(format!("threads-{threads}"));
            let _ = std::fs::remove_dir_all(&dir);
            let (t, peak) = timed(&[
                "index",
                &s(&slice),
                "--index",
                &s(&dir),
                "--threads",
                threads,
            ]);
            println!("index 3,000 articles, {threads} thread(s): {t:.1} s, peak {peak:.0} MB");
            secs.push(t);
            let _ = std::fs::remove_dir_all(&dir);
        }
        println!("throughput 2 threads / 1 thread: {:.2}x", secs[0] / secs[1]);
    }

    let mut walls = Vec::new();
    let mut peaks = Vec::new();
    for _ in 0..5 {
        let (t, peak) = timed(&["search", "government", "--index", &s(&index), "--json"]);
        walls.push(t);
        peaks.push(peak);
    }
    println!(
        "open + term query, new process: median {:.0} ms, peak {:.0} MB",
        median(walls) * 1e3,
        peaks.iter().copied().fold(0.0, f64::max)
    );

    let archive = queries(&index);
    for text in [
        "NOT zzzzqqq",
        "date:2008",
        "date:[2010-01-01 TO 2010-12-31]",
        "date:[2007 TO 2009]",
        "date:[2005 TO 2010]",
    ] {
        let q = parse_query(text).unwrap();
        let opts = SearchOptions::new(10).with_facets(true);
        let total = archive.search(&q, &opts).unwrap().total;
        let ms = p50_ms(5, || {
            std::hint::black_box(archive.search(&q, &opts).unwrap());
        });
        let without = SearchOptions::new(10);
        let plain = p50_ms(5, || {
            std::hint::black_box(archive.search(&q, &without).unwrap());
        });
        println!(
            "facets `{text}`, {total} matches: p50 {ms:.0} ms ({plain:.0} ms for the same search without facets)"
        );
    }
    drop(archive);

    // Adding 1,000 articles, against indexing them alone.
    let copy = work.join(format!("index-{n}-plus"));
    let fresh = work.join("fresh-1000");
    let _ = std::fs::remove_dir_all(&copy);
    let _ = std::fs::remove_dir_all(&fresh);
    let linked = Command::new("cp")
        .args(["-al", &s(&index), &s(&copy)])
        .status()
        .unwrap();
    assert!(linked.success());
    let (alone, _) = timed(&["index", &s(&extra), "--index", &s(&fresh), "--threads", "2"]);
    let (added, peak) = timed(&["index", &s(&extra), "--index", &s(&copy), "--threads", "2"]);
    println!(
        "add 1,000 articles: {added:.1} s to the {n}-article index (peak {peak:.0} MB), {alone:.1} s alone ({:.2}x)",
        added / alone
    );
    let _ = std::fs::remove_dir_all(&copy);
    let _ = std::fs::remove_dir_all(&fresh);
}
