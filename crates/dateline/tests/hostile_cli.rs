//! Hostile and clumsy input on the command line: failing standard streams,
//! symbolic link loops, FIFOs, endless input, colliding ids, checks before
//! long work, unsupported query syntax. Every run is bounded by a timeout,
//! so a hang is a failure, not a stuck test.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(60);

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
}

/// Waits for `child`, killing it (and failing) after [`TIMEOUT`].
fn finish(mut child: Child, what: &str) -> Output {
    let start = Instant::now();
    // Drain the pipes on threads so that a full pipe never blocks the child.
    let mut out = child.stdout.take();
    let mut err = child.stderr.take();
    let out_thread = std::thread::spawn(move || {
        let mut v = Vec::new();
        if let Some(o) = out.as_mut() {
            let _ = o.read_to_end(&mut v);
        }
        v
    });
    let err_thread = std::thread::spawn(move || {
        let mut v = Vec::new();
        if let Some(e) = err.as_mut() {
            let _ = e.read_to_end(&mut v);
        }
        v
    });
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return Output {
                status,
                stdout: out_thread.join().unwrap(),
                stderr: err_thread.join().unwrap(),
            };
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what}: still running after {TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Runs `dateline ARGS` with `stdin`, bounded by the timeout.
fn run(args: &[&str], stdin: &[u8]) -> Output {
    run_in(args, stdin, None)
}

fn run_in(args: &[&str], stdin: &[u8], dir: Option<&Path>) -> Output {
    let mut cmd = bin();
    cmd.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(d) = dir {
        cmd.current_dir(d);
    }
    let mut child = cmd.spawn().unwrap();
    let mut input = child.stdin.take().unwrap();
    let bytes = stdin.to_vec();
    std::thread::spawn(move || {
        let _ = input.write_all(&bytes);
    });
    finish(child, &args.join(" "))
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json_lines(o: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn ids(o: &Output) -> Vec<String> {
    json_lines(o)
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect()
}

/// A fresh temporary directory.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "dateline-hostile-cli-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const ARTICLE: &str =
    "Leaders meet in Geneva\n\nThe two leaders met for five hours on Monday, officials said.\n";

/// Item 6: a failing standard error loses no work.
#[test]
fn a_failing_stderr_neither_panics_nor_loses_the_index() {
    let dir = temp_dir("stderr");
    std::fs::create_dir_all(dir.join("in")).unwrap();
    std::fs::write(dir.join("in/a.txt"), ARTICLE).unwrap();
    // Bad records, so that errors are written while indexing.
    std::fs::write(dir.join("in/bad.jsonl"), "not json\n{\n[1]\n").unwrap();
    // A reader that went away (every write fails with a broken pipe), and a
    // full disk.
    let full_disk = || {
        std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .map_or(Stdio::null(), Stdio::from)
    };
    let sinks: [(&str, &dyn Fn() -> Stdio); 2] =
        [("closed pipe", &Stdio::piped), ("full disk", &full_disk)];
    for (what, sink) in sinks {
        let index = dir.join(format!("index-{}", what.replace(' ', "-")));
        let mut child = bin()
            .args(["index", dir.join("in").to_str().unwrap(), "--index"])
            .arg(&index)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(sink())
            .spawn()
            .unwrap();
        // Close our end of the pipe at once.
        drop(child.stderr.take());
        let out = finish(child, what);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{what}: bad records, exit 1 (not a panic)"
        );
        // The index was saved, and is complete: search finds the article.
        let out = run(
            &[
                "search",
                "geneva",
                "--index",
                index.to_str().unwrap(),
                "--json",
            ],
            b"",
        );
        assert_eq!(out.status.code(), Some(0), "{what}: {}", stderr(&out));
        assert_eq!(json_lines(&out)[0]["total"], 1, "{what}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Standard output closed: an error exit, not 0 with everything lost
/// (recognized on Linux).
#[cfg(target_os = "linux")]
#[test]
fn a_closed_stdout_is_an_error() {
    let dir = temp_dir("stdout");
    let file = dir.join("a.txt");
    std::fs::write(&file, ARTICLE).unwrap();
    for cmd in ["parse", "tokens", "sentences", "entities", "quotes"] {
        let child = Command::new("sh")
            .arg("-c")
            .arg(format!("exec \"$0\" {cmd} \"$1\" >&-"))
            .arg(env!("CARGO_BIN_EXE_dateline"))
            .arg(&file)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let out = finish(child, cmd);
        assert_eq!(out.status.code(), Some(1), "{cmd}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("standard output is closed"),
            "{cmd}: {}",
            stderr(&out)
        );
    }
    // Output thrown away on purpose is not an error.
    let child = Command::new("sh")
        .arg("-c")
        .arg("exec \"$0\" tokens \"$1\" >/dev/null")
        .arg(env!("CARGO_BIN_EXE_dateline"))
        .arg(&file)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = finish(child, ">/dev/null");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Writing to a full disk is an error too.
    let child = bin()
        .args(["tokens", file.to_str().unwrap()])
        .stdout(
            std::fs::OpenOptions::new()
                .write(true)
                .open("/dev/full")
                .map_or(Stdio::null(), Stdio::from),
        )
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = finish(child, "tokens > /dev/full");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Item 7: symbolic link loops end, and each file is read once.
#[cfg(unix)]
#[test]
fn symbolic_link_loops_end_and_read_each_file_once() {
    let dir = temp_dir("loop");
    std::fs::create_dir_all(dir.join("a/b")).unwrap();
    std::fs::write(dir.join("a/one.txt"), ARTICLE).unwrap();
    std::fs::write(dir.join("a/b/two.txt"), ARTICLE).unwrap();
    std::os::unix::fs::symlink(&dir, dir.join("a/b/up")).unwrap();
    std::os::unix::fs::symlink("..", dir.join("a/parent")).unwrap();
    let out = run(&["parse", dir.to_str().unwrap(), "--json"], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(ids(&out), ["a/b/two", "a/one"]);
    assert!(stderr(&out).contains("warning: "), "{}", stderr(&out));
    assert!(stderr(&out).contains("already read"), "{}", stderr(&out));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Item 8: endless input over the limit ends.
#[cfg(unix)]
#[test]
fn endless_input_stops_at_the_limit() {
    let out = run(&["parse", "/dev/zero", "--max-bytes", "100000"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out)
            .contains("/dev/zero: input exceeds the limit of 100000 bytes (the rest was not read)"),
        "{}",
        stderr(&out)
    );
    // `yes | dateline parse -`: standard input that never ends.
    let mut child = bin()
        .args(["parse", "-", "--max-bytes", "100000"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    std::thread::spawn(move || {
        let line = b"y\n".repeat(4096);
        while input.write_all(&line).is_ok() {}
    });
    let out = finish(child, "yes | dateline parse -");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("the rest was not read"),
        "{}",
        stderr(&out)
    );
    // An endless JSON Lines line.
    let out = run(
        &["parse", "/dev/zero", "--jsonl", "--max-bytes", "1000"],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
}

/// Item 9: a FIFO named like an article does not block the walk.
#[cfg(unix)]
#[test]
fn a_fifo_in_a_directory_is_skipped() {
    let dir = temp_dir("fifo");
    std::fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    let made = Command::new("mkfifo").arg(dir.join("pipe.txt")).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo is not available; skipped");
        return;
    }
    let out = run(&["parse", dir.to_str().unwrap(), "--json"], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(ids(&out), ["a"]);
    assert!(
        stderr(&out).contains("pipe.txt: not a regular file"),
        "{}",
        stderr(&out)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Item 10: ids are unique and stable; a collision in one run is an error.
#[test]
fn ids_never_collide_silently() {
    let dir = temp_dir("ids");
    for y in ["2018", "2019"] {
        std::fs::create_dir_all(dir.join(y)).unwrap();
        std::fs::write(dir.join(y).join("article.txt"), ARTICLE).unwrap();
    }
    // Upper-case extensions are articles too.
    std::fs::write(dir.join("LOUD.TXT"), ARTICLE).unwrap();
    let out = run(&["parse", dir.to_str().unwrap(), "--json"], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(ids(&out), ["2018/article", "2019/article", "LOUD"]);

    // Standard input: named by content, so two articles differ.
    let a = ids(&run(&["parse", "-", "--json"], b"First article."));
    let b = ids(&run(&["parse", "-", "--json"], b"Second article."));
    assert_ne!(a, b);
    assert_eq!(a, ids(&run(&["parse", "-", "--json"], b"First article.")));

    // Numeric ids beyond 2^64 keep their digits.
    let jsonl = b"{\"id\":123456789012345678901234567890,\"text\":\"One.\"}\n{\"id\":123456789012345678901234567891,\"text\":\"Two.\"}\n";
    let out = run(&["parse", "-", "--jsonl", "--json"], jsonl);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        ids(&out),
        [
            "123456789012345678901234567890",
            "123456789012345678901234567891"
        ]
    );

    // A record without id: the same id however its file is named.
    std::fs::write(dir.join("noid.jsonl"), "{\"text\":\"No id.\"}\n").unwrap();
    let abs = dir.join("noid.jsonl");
    for spelling in ["noid.jsonl", "./noid.jsonl", abs.to_str().unwrap()] {
        let out = run_in(&["parse", spelling, "--json"], b"", Some(&dir));
        assert_eq!(ids(&out), ["noid.jsonl:1"], "{spelling}");
    }

    // Two records with one id in one run: the second is an error.
    let dup = b"{\"id\":\"x\",\"text\":\"One.\"}\n{\"id\":\"x\",\"text\":\"Two.\"}\n";
    let out = run(&["parse", "-", "--jsonl", "--json"], dup);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(ids(&out), ["x"]);
    assert!(
        stderr(&out).contains("error: -:2: id \"x\" is already used by -:1 in this run"),
        "{}",
        stderr(&out)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Item 12: what can be checked is checked before the long work, and
/// messages name what is wrong.
#[test]
fn checks_before_long_work_and_clear_messages() {
    let dir = temp_dir("checks");
    std::fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    std::fs::write(dir.join("file"), "").unwrap();

    let out = run(
        &[
            "eval",
            "ner",
            "--set",
            "wikigold",
            "--model",
            "/nope/model.bin",
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("/nope/model.bin"), "{}", stderr(&out));
    assert!(out.stdout.is_empty(), "no table before the error");

    let out = run(
        &[
            "index",
            dir.to_str().unwrap(),
            "--index",
            dir.join("file").to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("is a file; it must be a directory"),
        "{}",
        stderr(&out)
    );

    // A place that cannot be written to (read-only even for root).
    #[cfg(target_os = "linux")]
    {
        let out = run(
            &[
                "index",
                dir.to_str().unwrap(),
                "--index",
                "/proc/dateline-index",
            ],
            b"",
        );
        assert_eq!(out.status.code(), Some(1));
        assert!(
            stderr(&out).contains("cannot create /proc/dateline-index"),
            "{}",
            stderr(&out)
        );
    }

    let out = run(
        &[
            "train",
            "ner",
            "--epochs",
            "0",
            "--out",
            dir.join("m.bin").to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(!dir.join("m.bin").exists());

    let out = run(
        &[
            "train",
            "ner",
            "--out",
            dir.join("nope/m.bin").to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("cannot write"), "{}", stderr(&out));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn unsupported_query_syntax_is_a_usage_error() {
    let dir = temp_dir("query");
    // The query is checked before the index is opened.
    let index = dir.join("index");
    for q in ["--bolton", "bol*", "bolton~2", "*", "date:[2019 TO 2018]"] {
        let out = run(
            &["search", "--index", index.to_str().unwrap(), "--", q],
            b"",
        );
        assert_eq!(out.status.code(), Some(2), "{q}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("invalid query"),
            "{q}: {}",
            stderr(&out)
        );
    }
    // An over-long query is not echoed whole.
    let long = format!("{} bol*", "word ".repeat(2000));
    let out = run(&["search", &long, "--index", index.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).len() < 1000,
        "{} bytes of error",
        stderr(&out).len()
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn utf16_surrogates_and_old_mac_line_endings() {
    let mut utf16 = vec![0xFF, 0xFE];
    for u in ARTICLE.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let out = run(&["parse", "-", "--json"], &utf16);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(json_lines(&out)[0]["title"], "Leaders meet in Geneva");

    let out = run(&["parse", "-", "--jsonl"], b"{\"text\":\"a \\ud800 b\"}\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("unpaired surrogate escape \\ud800"),
        "{}",
        stderr(&out)
    );

    let cr = ARTICLE.replace('\n', "\r");
    let out = run(&["parse", "-", "--json"], cr.as_bytes());
    let doc = &json_lines(&out)[0];
    assert_eq!(doc["title"], "Leaders meet in Geneva");
    assert_eq!(doc["blocks"].as_array().unwrap().len(), 2);
}
