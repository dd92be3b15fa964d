//! Tagging time grows linearly with the article: two sizes of the same
//! pathological input are tagged in one run and the times compared (a
//! ratio, never an absolute time).

#![allow(clippy::unwrap_used, clippy::panic)]

use std::time::{Duration, Instant};

use dateline_tag::Tagger;

/// A made-up but name-dense news text of about `bytes` bytes: every
/// sentence names new people, organisations and places, with acronyms,
/// quotations, dates and short forms, so each name must be found again
/// among all the names before it.
fn news(bytes: usize) -> String {
    const SYL: &[&str] = &[
        "ka", "lo", "mi", "ren", "to", "sa", "vel", "dor", "an", "is", "ur", "bel",
    ];
    let word = |mut n: usize| {
        let mut w = String::new();
        for _ in 0..3 {
            w.push_str(SYL[n % SYL.len()]);
            n /= SYL.len();
        }
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect::<String>())
            .unwrap_or_default()
    };
    let mut out = String::with_capacity(bytes + 300);
    let mut i = 7usize;
    while out.len() < bytes {
        let (a, b, c, d, e) = (
            word(i),
            word(i * 7 + 1),
            word(i * 13 + 2),
            word(i * 5 + 3),
            word(i + 11),
        );
        out.push_str(&format!(
            "{a} {b}, the head of the {c} {d} Party ({c0}{d0}P), met {e} {a} in {c}ville on \
             Monday. \"We will not tolerate {d} interference,\" {b} said. The Party and the \
             {c} League said {a} and {e} spoke with Mr. {b} of the {d} Bank. ",
            c0 = &c[..1],
            d0 = &d[..1],
        ));
        i += 1;
    }
    out
}

/// The shortest of three runs of tagging `text` (entities and quotations).
fn time(tagger: &Tagger, text: &str) -> Duration {
    (0..3)
        .map(|_| {
            let started = Instant::now();
            let doc = dateline_tag::parse::Parser::new().parse("x", text).unwrap();
            let tagged = tagger.annotate(doc);
            std::hint::black_box(tagged.entities.len() + tagged.quotes.len());
            started.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// Tests of this module run one at a time, so that they do not time each other.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Eight times the input may take at most 24 times as long (three times the
/// linear ratio: the smaller input fits in the processor caches and the
/// larger does not, and other tests may be running; a quadratic step would
/// take 64 times as long). Measured again a few times before failing.
fn assert_linear(name: &str, make: impl Fn(usize) -> String, size: usize) {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let tagger = Tagger::new();
    let _ = tagger.entities_text("Warm up in Paris.");
    let (small_text, large_text) = (make(size), make(8 * size));
    let mut ratios = Vec::new();
    for _ in 0..4 {
        let small = time(&tagger, &small_text);
        let large = time(&tagger, &large_text);
        let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-9);
        eprintln!("{name}: {size} bytes {small:?}, 8x that {large:?}, ratio {ratio:.2}");
        if ratio <= 24.0 {
            return;
        }
        ratios.push(format!("{ratio:.1} ({small:?} -> {large:?})"));
    }
    panic!(
        "{name}: {size} bytes and 8x that: time ratios {} (at most 24)",
        ratios.join(", ")
    );
}

#[test]
fn name_dense_news_is_linear() {
    assert_linear("news", news, 20_000);
}

/// Text with many mentions, quoted phrases and names built on a known
/// place or nationality: each quoted phrase, each place after "of" and each
/// nationality before capitalized words once made a pass look through every
/// mention of the article.
fn quoted_and_mended(bytes: usize) -> String {
    let names = news(bytes / 2);
    let mut out = String::with_capacity(bytes + 300);
    for (i, sentence) in names.split(". ").enumerate() {
        if out.len() >= bytes {
            break;
        }
        out.push_str(sentence);
        out.push_str(&format!(
            ". Officials called it \"a plan {i}\" and \"the end\". The Royal Society of \
             Tasmania and the German Air Force met the Institute of Geneva. "
        ));
    }
    out
}

#[test]
fn quotations_and_mended_names_are_linear() {
    assert_linear("quoted and mended", quoted_and_mended, 20_000);
}

#[test]
fn quote_marks_are_linear() {
    assert_linear("quote marks", |n| "\"".repeat(n), 40_000);
}

#[test]
fn a_repeated_name_is_linear() {
    assert_linear("John Smith", |n| "John Smith ".repeat(n / 11), 40_000);
}

#[test]
fn a_repeated_name_is_many_mentions_not_one() {
    let text = "John Smith ".repeat(2_000);
    let entities = Tagger::new().entities_text(&text);
    assert_eq!(entities.len(), 2_000);
    assert!(entities.iter().all(|e| e.text == "John Smith"));
    // A run-on list of capitalized words is cut: no mention runs on for ever.
    let list: String = (0..200).map(|i| format!("Name{i} ")).collect();
    let longest = Tagger::new()
        .entities_text(&format!("They met {list}today."))
        .iter()
        .map(|e| e.text.split_whitespace().count())
        .max()
        .unwrap_or(0);
    assert!(longest <= 24, "{longest} words");
}
