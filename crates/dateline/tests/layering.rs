//! Architecture check: each crate depends only on the layer directly below it
//! (parse <- tokenize <- tag <- query <- dateline), and no library crate
//! prints or exits the process.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// The allowed `dateline-*` normal dependencies of each crate.
const ALLOWED: &[(&str, &[&str])] = &[
    ("dateline-parse", &[]),
    ("dateline-tokenize", &["dateline-parse"]),
    ("dateline-tag", &["dateline-tokenize"]),
    ("dateline-query", &["dateline-tag"]),
    // Beside the layers: where third-party data sets are found. Layers use it
    // only as a dev-dependency (tests, benches); the command line reads
    // evaluation and training data through it.
    ("dateline-data", &[]),
    // A benchmark only: the HTML extraction bench and its baselines, all
    // dev-dependencies, so that no Dateline crate depends on them.
    ("dateline-bench-html", &[]),
    // The facade re-exports every layer.
    (
        "dateline",
        &[
            "dateline-parse",
            "dateline-tokenize",
            "dateline-tag",
            "dateline-query",
            "dateline-data",
        ],
    ),
    // The Python package: a binding over the facade alone.
    ("dateline-py", &["dateline"]),
];

fn crates_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `dateline-*` names under `[dependencies]` (and target-specific
/// dependency tables) of a manifest, by a small line-based reading of TOML.
fn layer_dependencies(manifest: &str) -> Vec<String> {
    let mut deps = Vec::new();
    let mut in_deps = false;
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            let header = line.trim_matches(|c| c == '[' || c == ']');
            in_deps = header == "dependencies"
                || (header.starts_with("target.") && header.ends_with(".dependencies"));
            if let Some(name) = header.strip_prefix("dependencies.")
                && name.starts_with("dateline")
            {
                deps.push(name.to_string());
            }
            continue;
        }
        if in_deps {
            let key = line.split(['=', '.']).next().unwrap_or("").trim();
            if key.starts_with("dateline") {
                deps.push(key.to_string());
            }
        }
    }
    deps.sort();
    deps
}

fn manifests() -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for entry in fs::read_dir(crates_dir()).expect("crates/ is readable") {
        let path = entry.expect("directory entry").path();
        let manifest = path.join("Cargo.toml");
        if manifest.is_file() {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            out.insert(
                name,
                fs::read_to_string(manifest).expect("manifest is readable"),
            );
        }
    }
    out
}

#[test]
fn every_crate_depends_only_on_the_layer_below() {
    let manifests = manifests();
    assert_eq!(
        manifests.keys().collect::<Vec<_>>(),
        {
            let mut names: Vec<_> = ALLOWED.iter().map(|(n, _)| n).collect();
            names.sort();
            names
        },
        "crates/ holds exactly the designed crates"
    );
    for (name, allowed) in ALLOWED {
        let found = layer_dependencies(&manifests[*name]);
        let mut allowed: Vec<String> = allowed.iter().map(|s| s.to_string()).collect();
        allowed.sort();
        assert_eq!(found, allowed, "{name} may depend only on {allowed:?}");
    }
}

#[test]
fn the_checker_sees_a_skipped_layer() {
    let bad = "[package]\nname = \"x\"\n\n[dependencies]\ndateline-parse.workspace = true\n\
               dateline-tokenize = { path = \"../t\" }\n\n[dev-dependencies]\ndateline-query.workspace = true\n";
    assert_eq!(
        layer_dependencies(bad),
        vec!["dateline-parse", "dateline-tokenize"]
    );
}

/// Library sources never print or exit: only the CLI does I/O policy.
#[test]
fn libraries_do_no_process_io() {
    let forbidden = [
        "println!",
        "eprintln!",
        "print!(",
        "eprint!(",
        "std::process::exit",
        "dbg!(",
    ];
    for name in [
        "dateline-parse",
        "dateline-tokenize",
        "dateline-tag",
        "dateline-query",
    ] {
        let src = crates_dir().join(name).join("src");
        let mut stack = vec![src];
        while let Some(dir) = stack.pop() {
            for entry in fs::read_dir(&dir).expect("readable source dir") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = fs::read_to_string(&path).expect("readable source");
                    // Only check non-test code: stop at the first `#[cfg(test)]`.
                    let code = text.split("#[cfg(test)]").next().unwrap_or("");
                    for (i, line) in code.lines().enumerate() {
                        let l = line.trim_start();
                        if l.starts_with("//") {
                            continue;
                        }
                        for f in forbidden {
                            assert!(
                                !l.contains(f),
                                "{}:{}: library code uses `{f}`",
                                path.display(),
                                i + 1
                            );
                        }
                    }
                }
            }
        }
    }
}
