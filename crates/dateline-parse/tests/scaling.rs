//! Time grows linearly with the input on pathological articles: each case
//! is parsed at two sizes, one eight times the other, and the larger may take
//! at most 24 times as long (a quadratic step would take 64; the smaller
//! input fits in the processor caches, the larger does not, which alone can
//! double a linear step). Only
//! the ratio of two runs in the same process is compared, never an absolute
//! time.

#![allow(clippy::unwrap_used, clippy::panic)]

use std::time::{Duration, Instant};

use dateline_parse::{InputOptions, Parser};

/// Size of the smaller input, in bytes.
const SMALL: usize = 100_000;

/// Builds an input of about the given size.
type Make = Box<dyn Fn(usize) -> String>;

/// Tests of this file run one at a time, so that they do not time each other.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn fastest(f: &dyn Fn()) -> Duration {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn repeat(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len().max(1) + 1)
}

/// Asserts that `work` on an input eight times larger takes at most 24
/// times as long, measuring again a few times before failing.
fn assert_linear(name: &str, make: &dyn Fn(usize) -> String, work: &dyn Fn(&str)) {
    let small = make(SMALL);
    let large = make(8 * SMALL);
    let mut ratios = Vec::new();
    for _ in 0..4 {
        let a = fastest(&|| work(&small));
        let b = fastest(&|| work(&large));
        let ratio = b.as_secs_f64() / a.as_secs_f64().max(1e-6);
        if ratio <= 24.0 {
            return;
        }
        ratios.push(format!("{ratio:.1} ({a:?} -> {b:?})"));
    }
    panic!("{name}: 8x the input took {}x the time", ratios.join(", "));
}

#[test]
fn parsing_is_linear_on_pathological_articles() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let rep = |unit: &'static str| -> Make { Box::new(move |n| repeat(unit, n)) };
    let cases: Vec<(&str, Make)> = vec![
        ("x.", rep("x.")),
        ("quotes", rep("\"")),
        ("newlines", rep("\n")),
        ("carriage returns", rep("\r")),
        ("short lines", rep("a\n")),
        ("short paragraphs", rep("A b.\n\n")),
        ("glued lines", rep("Word\n")),
        ("long line", rep("word ")),
        ("wrapped lines", rep("the\n")),
        ("commas", rep("a,\n")),
        ("breadcrumbs", rep("Home > News > ")),
        ("credits", rep("© AP Photo\n")),
        ("dates", rep("July 19, 2018\n")),
        ("teasers", rep("You may also like\n")),
        ("title repeats", rep("Leaders meet in Geneva\n")),
        ("bullets", rep("• a\n")),
    ];
    let parser = Parser::new();
    for (name, make) in &cases {
        assert_linear(name, make.as_ref(), &|text| {
            let doc = parser.parse("x", text).unwrap();
            std::hint::black_box(doc.blocks.len());
        });
    }
}

#[test]
fn jsonl_reading_is_linear_on_pathological_records() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let opts = InputOptions::default();
    let cases: Vec<(&str, Make)> = vec![
        (
            "escapes",
            Box::new(|n| format!("{{\"text\":\"{}\"}}\n", repeat("\\n", n))),
        ),
        (
            "many records",
            Box::new(|n| repeat("{\"text\":\"x\"}\n", n)),
        ),
        ("bad records", Box::new(|n| repeat("{\n", n))),
        ("blank lines", Box::new(|n| repeat("\n", n))),
        (
            "surrogates",
            Box::new(|n| repeat("{\"text\":\"\\ud800\"}\n", n)),
        ),
        (
            "big ids",
            Box::new(|n| repeat("{\"id\":1234567890123456789012345,\"text\":\"x\"}\n", n)),
        ),
    ];
    for (name, make) in &cases {
        assert_linear(name, make.as_ref(), &|text| {
            let n = dateline_parse::read_jsonl(text.as_bytes(), "-", &opts).len();
            std::hint::black_box(n);
        });
    }
}
