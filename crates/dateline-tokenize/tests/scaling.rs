//! Time grows linearly with the input on pathological texts: each case is
//! tokenized (with sentences and stems) at two sizes, one eight times the
//! other, and the larger may take at most 24 times as long (a quadratic step
//! would take 64; the smaller input fits in the processor caches, the larger
//! does not, which alone can double a linear step). Only the ratio of two runs in the same process
//! is compared, never an absolute time.

#![allow(clippy::panic)]

use std::time::{Duration, Instant};

use dateline_tokenize::Tokenizer;

/// Builds an input of about the given size.
type Make = Box<dyn Fn(usize) -> String>;

/// Tests of this file run one at a time, so that they do not time each other.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Size of the smaller input, in bytes.
const SMALL: usize = 40_000;

/// Shortest of a few runs of `f`.
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

/// `unit` repeated to about `bytes` bytes.
fn repeat(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len().max(1) + 1)
}

/// Asserts that `work` on an input eight times larger takes at most 24
/// times as long, measuring again a few times before failing (the machine
/// may be busy).
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

/// The pathological inputs: no white space, one repeated byte, runs that
/// a rule looks back or forward over.
fn cases() -> Vec<(&'static str, Make)> {
    let rep = |unit: &'static str| -> Make { Box::new(move |n| repeat(unit, n)) };
    vec![
        ("x.", rep("x.")),
        ("x!", rep("x!")),
        ("x?y", rep("x?y")),
        ("quotes", rep("\"")),
        ("apostrophes", rep("'")),
        ("#a", rep("#a")),
        ("@a", rep("@a")),
        ("a@", rep("a@")),
        ("a-", rep("a-")),
        ("1-", rep("1-")),
        ("$1", rep("$1")),
        ("A. ", rep("A. ")),
        ("1. ", rep("1. ")),
        ("a) ", rep("a) ")),
        ("Mr. ", rep("Mr. ")),
        ("a.m. ", rep("At a.m. ")),
        ("dots", rep(".")),
        ("spaced dots", rep(". ")),
        ("newlines", rep("\n")),
        ("aB", rep("aB")),
        ("abcDef", rep("abcDef")),
        ("é.", rep("é.")),
        ("glue", rep("statement.The")),
        ("bullets", rep("• ")),
        ("url", Box::new(|n| format!("www.x.com/{}", ")".repeat(n)))),
        (
            "url brackets",
            Box::new(|n| format!("http://x.com/{}", "]".repeat(n))),
        ),
        (
            "openers then x.",
            Box::new(|n| format!("{}{}", "(".repeat(n / 2), repeat("x.", n / 2))),
        ),
        (
            "space then x.",
            Box::new(|n| format!("{}{}", " ".repeat(n / 2), repeat("x.", n / 2))),
        ),
        ("long word", rep("x")),
        ("emoji", rep("👍")),
    ]
}

#[test]
fn tokens_and_sentences_are_linear_on_pathological_input() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let tokenizer = Tokenizer::new().with_stems(true);
    for (name, make) in cases() {
        assert_linear(name, make.as_ref(), &|text| {
            let analysis = tokenizer.analyze_text(text);
            std::hint::black_box(analysis.tokens.len());
        });
    }
}

#[test]
fn plain_tokens_are_linear_on_pathological_input() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let tokenizer = Tokenizer::plain();
    for (name, make) in cases() {
        assert_linear(name, make.as_ref(), &|text| {
            std::hint::black_box(tokenizer.iter(text).count());
        });
    }
}
