//! `--threads`: parse, tokens, entities, quotes and index process documents
//! in parallel, and what they print (or index) is byte-identical to one
//! thread's, in input order, bad records included; `--progress` reports on
//! standard error and leaves standard output as it is.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
use common::dateline_with_stdin as run;

/// The first `n` records of the 2019–2021 Wikinews file of the data
/// directory, with a bad record in the middle (None: no data directory).
fn input(test: &str, n: usize) -> Option<String> {
    let path = dateline_data::for_test(test, &dateline_data::sets::WIKINEWS_2019_2021)?;
    let corpus = std::fs::read_to_string(path).unwrap();
    let mut lines: Vec<&str> = corpus.lines().take(n).collect();
    lines.insert(n / 2, "this line is not JSON");
    Some(lines.join("\n") + "\n")
}

#[test]
fn parallel_output_is_byte_identical_to_one_thread() {
    let Some(text) = input("parallel_output_is_byte_identical_to_one_thread", 40) else {
        return;
    };
    for command in ["parse", "tokens", "entities", "quotes"] {
        for json in [true, false] {
            let mut args = vec![command, "-", "--jsonl"];
            if json {
                args.push("--json");
            }
            let one = run(&[&args[..], &["--threads", "1"]].concat(), &text);
            let three = run(&[&args[..], &["--threads", "3"]].concat(), &text);
            assert_eq!(one.status.code(), Some(1), "{command}: the bad record");
            assert_eq!(three.status.code(), Some(1), "{command}: the bad record");
            assert!(!one.stdout.is_empty());
            assert!(
                one.stdout == three.stdout,
                "{command} --json={json}: output differs with 3 threads"
            );
            assert_eq!(one.stderr, three.stderr, "{command}");
        }
    }
}

#[test]
fn parallel_indexing_finds_the_same() {
    let Some(text) = input("parallel_indexing_finds_the_same", 30) else {
        return;
    };
    let base = std::env::temp_dir().join(format!("dateline-threads-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    let mut answers = Vec::new();
    for threads in ["1", "3"] {
        let dir = base.join(threads);
        let out = run(
            &[
                "index",
                "-",
                "--jsonl",
                "--index",
                dir.to_str().unwrap(),
                "--threads",
                threads,
            ],
            &text,
        );
        assert_eq!(
            out.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let mut all = Vec::new();
        for q in ["trump OR election", "person:trump", "NOT zzzz", "date:2020"] {
            let out = run(
                &[
                    "search",
                    q,
                    "--index",
                    dir.to_str().unwrap(),
                    "--json",
                    "--facets",
                    "--limit",
                    "50",
                ],
                "",
            );
            assert_eq!(out.status.code(), Some(0));
            all.push(out.stdout);
        }
        answers.push(all);
    }
    assert!(answers[0] == answers[1], "3 threads indexed differently");
    std::fs::remove_dir_all(&base).unwrap();
}

#[test]
fn progress_goes_to_stderr_and_leaves_stdout_alone() {
    let text = concat!(
        r#"{"id": "a", "text": "Bolton met Patrushev in Geneva."}"#,
        "\n",
        r#"{"id": "b", "text": "Officials warned about interference."}"#,
        "\n",
    );
    for command in ["parse", "tokens", "entities", "quotes"] {
        let args = [command, "-", "--jsonl", "--json"];
        let quiet = run(&args, text);
        let shown = run(&[&args[..], &["--progress"]].concat(), text);
        assert_eq!(quiet.status.code(), Some(0), "{command}");
        assert_eq!(shown.status.code(), Some(0), "{command}");
        assert_eq!(quiet.stdout, shown.stdout, "{command}");
        assert!(quiet.stderr.is_empty(), "{command}");
        let err = common::stderr(&shown);
        assert!(err.contains(" 2 documents ("), "{command}: {err}");
        assert!(err.contains("MB/s"), "{command}: {err}");
    }
}
