//! Time grows linearly with the input on pathological texts: each case is
//! tokenized (with sentences and stems) at two sizes, one eight times the
//! other, and the larger may take at most 24 times as long (a quadratic step
//! would take 64; the smaller input fits in the processor caches, the larger
//! does not, which alone can double a linear step). Only the ratio of two runs in the same process
//! is compared, never an absolute time.
//!
//! Both sizes must cost the same per byte of memory they use, or the ratio
//! measures the allocator rather than the algorithm: glibc hands the
//! larger input's token vector (tens of megabytes) back to the kernel when
//! it is freed and takes fresh pages at the next run, and faulting those in
//! cost as much again as tokenizing into them (a linear case measured 28-34
//! times for 8 times the input in a release build; 8-12 times with glibc
//! told to keep its memory). This test binary therefore keeps freed blocks
//! of 64 KiB or more and hands them out again ([`Retaining`]), and each size
//! runs once before it is timed: every timed run then reuses memory already
//! mapped, at either size.

#![allow(clippy::panic)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The system allocator, except that a freed block of [`KEPT`] bytes or
/// more (of the usual alignment) is kept, up to [`SLOTS`] of them, and
/// handed out again for a request of the same size.
struct Retaining;

/// Smallest block kept when freed.
const KEPT: usize = 64 << 10;
/// How many freed blocks are kept.
const SLOTS: usize = 64;
/// The alignment every block kept has (that of `malloc`).
const ALIGN: usize = 16;

/// Size and address of each kept block (size 0: an empty slot), guarded by
/// `LOCK` (the allocator may not allocate, so no `Mutex<Vec>`).
static SIZES: [AtomicUsize; SLOTS] = [const { AtomicUsize::new(0) }; SLOTS];
static PTRS: [AtomicUsize; SLOTS] = [const { AtomicUsize::new(0) }; SLOTS];
static LOCK: AtomicBool = AtomicBool::new(false);

/// Runs `f` holding `LOCK`.
fn locked<T>(f: impl FnOnce() -> T) -> T {
    while LOCK
        .compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed)
        .is_err()
    {
        std::hint::spin_loop();
    }
    let out = f();
    LOCK.store(false, Ordering::Release);
    out
}

/// Whether blocks of this layout are kept.
fn kept(layout: Layout) -> bool {
    layout.size() >= KEPT && layout.align() <= ALIGN
}

/// A kept block of `size` bytes, taken out of its slot.
fn take(size: usize) -> Option<*mut u8> {
    locked(|| {
        let i = SIZES
            .iter()
            .position(|s| s.load(Ordering::Relaxed) == size)?;
        SIZES[i].store(0, Ordering::Relaxed);
        Some(PTRS[i].load(Ordering::Relaxed) as *mut u8)
    })
}

/// Keeps a freed block; false when every slot is full.
fn keep(ptr: *mut u8, size: usize) -> bool {
    locked(|| {
        let Some(i) = SIZES.iter().position(|s| s.load(Ordering::Relaxed) == 0) else {
            return false;
        };
        SIZES[i].store(size, Ordering::Relaxed);
        PTRS[i].store(ptr as usize, Ordering::Relaxed);
        true
    })
}

// SAFETY: blocks come from `System` with the request's size; a kept block
// is only handed out for a request of its size and an alignment of at most
// `ALIGN`, which `System` gives every block of 64 KiB (it is `malloc`'s);
// a kept block is in one slot at a time, under `LOCK`, and handed to one
// caller.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Retaining {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if kept(layout)
            && let Some(p) = take(layout.size())
        {
            return p;
        }
        // SAFETY: the caller's layout, as `GlobalAlloc::alloc` requires.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if kept(layout) && keep(ptr, layout.size()) {
            return;
        }
        // SAFETY: `ptr` came from `System` with this size and an alignment
        // of at most `ALIGN` when kept (`System` frees those alike).
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: a valid layout grown to `new_size`, as the caller guarantees.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        if !kept(layout) && !kept(new_layout) {
            // SAFETY: as for `GlobalAlloc::realloc`.
            return unsafe { System.realloc(ptr, layout, new_size) };
        }
        // SAFETY: `new_layout` is valid (above); the old block is read for
        // the smaller of the two sizes, then freed.
        unsafe {
            let new = self.alloc(new_layout);
            if !new.is_null() {
                std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
            new
        }
    }
}

#[global_allocator]
static ALLOCATOR: Retaining = Retaining;

use dateline_tokenize::Tokenizer;

/// Builds an input of about the given size.
type Make = Box<dyn Fn(usize) -> String>;

/// Tests of this file run one at a time, so that they do not time each other.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Shortest time measured on the smaller input (the work is repeated).
const MEASURABLE: Duration = Duration::from_millis(20);

/// Size of the smaller input, in bytes.
const SMALL: usize = 50_000;

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
    // Once each, so that the blocks both sizes use are mapped and kept.
    work(&large);
    work(&small);
    // Enough repetitions that the small input takes a measurable time.
    let mut reps = 1;
    while reps < 1024 && fastest(&|| (0..reps).for_each(|_| work(&small))) < MEASURABLE {
        reps *= 2;
    }
    let mut ratios = Vec::new();
    for _ in 0..4 {
        let a = fastest(&|| (0..reps).for_each(|_| work(&small)));
        let b = fastest(&|| (0..reps).for_each(|_| work(&large)));
        let ratio = b.as_secs_f64() / a.as_secs_f64().max(1e-6);
        if ratio <= 24.0 {
            println!("{name}: 8x the input took {ratio:.1}x the time ({a:?} -> {b:?})");
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
