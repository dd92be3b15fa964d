//! The `dateline entities` command line: JSON fields and the place/agent
//! reading of GPE mentions.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::process::{Command, Stdio};

fn entities_json(text: &str) -> Vec<serde_json::Value> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["entities", "--json", "--plain", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(text.as_bytes()).unwrap();
    drop(input);
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let line = String::from_utf8(out.stdout).unwrap();
    let v: serde_json::Value = serde_json::from_str(line.trim()).unwrap();
    v["entities"].as_array().unwrap().clone()
}

#[test]
fn gpe_mentions_carry_their_sense_and_others_do_not() {
    let text = "Russia announced new sanctions. Bolton flew to Russia on Monday.\n";
    let ents = entities_json(text);
    let senses: Vec<(String, Option<String>)> = ents
        .iter()
        .map(|e| {
            (
                e["text"].as_str().unwrap().to_string(),
                e.get("sense").and_then(|s| s.as_str()).map(str::to_string),
            )
        })
        .collect();
    assert!(
        senses.contains(&("Russia".into(), Some("agent".into()))),
        "{senses:?}"
    );
    assert!(
        senses.contains(&("Russia".into(), Some("place".into()))),
        "{senses:?}"
    );
    let bolton = ents.iter().find(|e| e["text"] == "Bolton").unwrap();
    assert_eq!(bolton["label"], "PERSON");
    assert!(bolton.get("sense").is_none(), "{bolton}");
    for e in &ents {
        let (s, t) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..t], e["text"].as_str().unwrap());
    }
}

fn run_entities(args: &[&str], text: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["entities"])
        .args(args)
        .args(["--plain", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(text.as_bytes()).unwrap();
    drop(input);
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn every_entity_names_the_rules_that_made_it() {
    let text = "Russia announced new sanctions on Monday. Zorblatt Quexington said so.\n";
    for e in entities_json(text) {
        let rules = e["rules"].as_array().unwrap();
        assert!(!rules.is_empty(), "{e}");
    }
    let v: serde_json::Value =
        serde_json::from_str(run_entities(&["--json", "--explain"], text).trim()).unwrap();
    assert!(v["dropped"].is_array(), "{v}");
    let plain = run_entities(&["--explain"], text);
    let lines: Vec<&str> = plain.lines().filter(|l| !l.starts_with('#')).collect();
    assert!(!lines.is_empty());
    for line in lines {
        assert!(
            line.contains("\trules: ") || line.starts_with("dropped\t"),
            "{line}"
        );
    }
    // Any input: quote marks, control characters, a long repeated name.
    for text in ["\"\"\"\"", "\u{1}\u{2}", &"John Smith ".repeat(300)] {
        let out = run_entities(&["--explain"], text);
        for line in out.lines().filter(|l| !l.starts_with('#')) {
            assert!(line.contains("\trules: ") || line.starts_with("dropped\t"));
        }
    }
}
