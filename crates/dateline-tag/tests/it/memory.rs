//! Peak memory of tagging against the size of the input, measured by a
//! counting allocator: two sizes of the same input in one run, compared as a
//! ratio (memory must grow linearly), and the bytes per input byte held
//! under a ceiling that catches a regression (docs/LIMITS.md gives the
//! figures).
//!
//! The counts are kept per thread, so that the tests running beside this one
//! in other threads do not disturb it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use dateline_tag::Tagger;

/// The system allocator, counting the bytes each thread holds and the most
/// it has held.
struct Counting;

thread_local! {
    static HELD: Cell<usize> = const { Cell::new(0) };
    static PEAK: Cell<usize> = const { Cell::new(0) };
}

fn grew(n: usize) {
    // `try_with`: a thread being torn down has no counters any more.
    let _ = HELD.try_with(|h| {
        let now = h.get() + n;
        h.set(now);
        let _ = PEAK.try_with(|p| p.set(p.get().max(now)));
    });
}

fn shrank(n: usize) {
    let _ = HELD.try_with(|h| h.set(h.get().saturating_sub(n)));
}

// SAFETY: every call is passed to the system allocator unchanged; the
// counting touches only thread-local cells, which allocate nothing.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        // SAFETY: the caller's layout, as `GlobalAlloc::alloc` requires.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        shrank(layout.size());
        // SAFETY: `ptr` was allocated by `System` with `layout`.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        // SAFETY: as for `alloc`.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        grew(new_size);
        shrank(layout.size());
        // SAFETY: `ptr` was allocated by `System` with `layout`.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The most this thread held above what it held before, while running `f`.
fn peak_during(f: impl FnOnce()) -> usize {
    let start = HELD.with(Cell::get);
    PEAK.with(|p| p.set(start));
    f();
    PEAK.with(Cell::get) - start
}

/// Bytes held at the peak of tagging `text` (entities and quotations) per
/// byte of the text.
fn per_byte(tagger: &Tagger, text: &str) -> f64 {
    let peak = peak_during(|| {
        let doc = dateline_tag::parse::Parser::new()
            .parse("memory", text)
            .unwrap();
        let tagged = tagger.annotate(doc);
        assert!(tagged.document.text.len() >= text.len() / 2);
    });
    peak as f64 / text.len() as f64
}

/// News-like text of about `len` bytes: the sample articles, repeated.
fn news(len: usize) -> String {
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/corpus/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(seeds)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let body: String = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect::<Vec<_>>()
        .join("\n\n");
    let mut text = String::from("Title\n\n");
    while text.len() < len {
        text.push_str(&body);
        text.push_str("\n\n");
    }
    text
}

/// Checks that the peak grows linearly with the input (four times the
/// input, at most six times the memory) and stays under `ceiling` bytes per
/// input byte.
fn linear(name: &str, small: &str, large: &str, ceiling: f64) {
    let tagger = Tagger::new();
    // Warm up: the knowledge base and the model load once per process.
    let _ = per_byte(&tagger, "Geneva.");
    let a = per_byte(&tagger, small);
    let b = per_byte(&tagger, large);
    eprintln!("memory: {name}: {a:.1} bytes per input byte, {b:.1} at four times the size");
    assert!(
        b <= a * 1.5,
        "{name}: peak memory grows faster than the input: {a:.1} then {b:.1} bytes per byte"
    );
    assert!(
        b <= ceiling,
        "{name}: {b:.1} bytes per input byte, more than {ceiling}"
    );
}

/// A text of quote marks alone is not article text: nothing of it is held
/// per token.
#[test]
fn memory_is_linear_in_quote_marks() {
    let n = 50_000;
    linear("quote marks", &"\"".repeat(n), &"\"".repeat(4 * n), 10.0);
}

/// Quote marks inside a sentence of article text: one token a byte, each
/// read by the learned model.
#[test]
fn memory_is_linear_in_quote_marks_in_a_sentence() {
    let text = |n: usize| format!("Title\n\nHe said {} hello.\n", "\"".repeat(n));
    let n = 50_000;
    linear("quote marks in a sentence", &text(n), &text(4 * n), 250.0);
}

#[test]
fn memory_is_linear_in_news_text() {
    linear("news", &news(60_000), &news(240_000), 20.0);
}
