//! The command line in linear time and bounded memory on pathological
//! articles. Time: each command runs on two sizes of an input, one four
//! times the other, and the larger may take at most ten times as long (a
//! quadratic step would take sixteen); only the ratio of two runs is
//! compared. Memory: the peak resident size of a run, as `/usr/bin/time`
//! reports it (the test says so and skips when there is none), may exceed that of a run on a tiny input by at most twenty times
//! the input size.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Builds an input of about the given size.
type Make = Box<dyn Fn(usize) -> String>;

/// Tests of this file run one at a time, so that they do not time each other.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "dateline-scaling-cli-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `unit` repeated to about `bytes` bytes.
fn repeat(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len().max(1) + 1)
}

/// Runs `dateline ARGS FILE` with output thrown away; returns the elapsed
/// time.
fn measure(args: &[&str], file: &Path) -> Duration {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .arg(file)
        .args(["--max-bytes", "100000000"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.code().is_some(), "{args:?} was killed");
            return start.elapsed();
        }
        assert!(start.elapsed() < Duration::from_secs(120), "{args:?} hangs");
        std::thread::sleep(Duration::from_millis(1));
    }
}

/// The peak resident size of `dateline ARGS FILE` in bytes, as the kernel
/// counts it (through `/usr/bin/time`, when there is one).
fn peak_memory(args: &[&str], file: &Path, report: &Path) -> Option<u64> {
    let status = Command::new("/usr/bin/time")
        .arg("-o")
        .arg(report)
        .args(["-f", "%M"])
        .arg(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .arg(file)
        .args(["--max-bytes", "100000000"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .ok()?;
    assert!(status.code().is_some(), "{args:?} was killed");
    let kb: u64 = std::fs::read_to_string(report)
        .ok()?
        .lines()
        .last()?
        .trim()
        .parse()
        .ok()?;
    Some(kb * 1024)
}

/// Asserts that `args` on an input four times larger takes at most ten
/// times as long, measuring again a few times before failing.
fn assert_linear(args: &[&str], name: &str, make: &dyn Fn(usize) -> String, small: usize) {
    let dir = temp_dir("time");
    let a = dir.join("small.txt");
    let b = dir.join("large.txt");
    std::fs::write(&a, make(small)).unwrap();
    std::fs::write(&b, make(4 * small)).unwrap();
    let mut ratios = Vec::new();
    for _ in 0..4 {
        let ta = (0..2).map(|_| measure(args, &a)).min().unwrap();
        let tb = (0..2).map(|_| measure(args, &b)).min().unwrap();
        let ratio = tb.as_secs_f64() / ta.as_secs_f64().max(1e-6);
        if ratio <= 10.0 {
            let _ = std::fs::remove_dir_all(&dir);
            return;
        }
        ratios.push(format!("{ratio:.1} ({ta:?} -> {tb:?})"));
    }
    panic!(
        "{args:?} on {name}: 4x the input took {}x the time",
        ratios.join(", ")
    );
}

#[test]
fn commands_are_linear_on_pathological_articles() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let rep = |unit: &'static str| -> Make { Box::new(move |n| repeat(unit, n)) };
    let cases: Vec<(&str, Make)> = vec![
        ("x.", rep("x.")),
        ("quotes", rep("\"")),
        ("widgets", rep("You may also like\n")),
    ];
    for (name, make) in &cases {
        for args in [
            &["parse", "--json"][..],
            &["tokens", "--json"],
            &["sentences", "--json"],
        ] {
            assert_linear(args, name, make.as_ref(), 200_000);
        }
    }
}

#[cfg(unix)]
#[test]
fn memory_is_a_small_multiple_of_the_input() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let dir = temp_dir("memory");
    let tiny = dir.join("tiny.txt");
    std::fs::write(&tiny, "A short article.\n").unwrap();
    let article = "Leaders meet in Geneva\n\nThe two leaders met for five hours on Monday and agreed to meet again, officials said. \"We talked,\" Mr. Smith told reporters.\n\n";
    let size = 2_000_000;
    let inputs = [
        ("quotes", repeat("\"", size)),
        ("article", repeat(article, size)),
        ("x.", repeat("x.", size)),
        ("short sentences", repeat("A. ", size)),
    ];
    let report = dir.join("time.txt");
    for (name, text) in &inputs {
        let file = dir.join("input.txt");
        std::fs::write(&file, text).unwrap();
        for args in [
            &["tokens", "--json"][..],
            &["sentences", "--json"],
            &["parse", "--json"],
        ] {
            let (Some(base), Some(peak)) = (
                peak_memory(args, &tiny, &report),
                peak_memory(args, &file, &report),
            ) else {
                eprintln!("/usr/bin/time is not available; memory not measured");
                return;
            };
            let extra = peak.saturating_sub(base);
            let limit = 20 * text.len() as u64;
            assert!(
                extra <= limit,
                "{args:?} on {name}: {} MB above the {} MB of a tiny input, more than 20x the {} MB input",
                extra / 1_000_000,
                base / 1_000_000,
                text.len() / 1_000_000
            );
            eprintln!(
                "{args:?} on {name}: peak {} MB for {} MB ({} MB for a tiny input)",
                peak / 1_000_000,
                text.len() / 1_000_000,
                base / 1_000_000
            );
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
