//! Golden files: each sample article and a slice of the Wikinews records,
//! rendered one block a line, compared with `tests/golden/*.blocks`.
//! `UPDATE_GOLDEN=1 cargo test -p dateline-parse` rewrites them (and a
//! missing file is created); `DATELINE_TEST=name` runs only matching ones.

use std::fmt::Write as _;
use std::path::Path;

use dateline_parse::{Document, InputOptions};

use crate::corpus;

/// One line per block: `kind start..end [reason] "text"` (text shortened).
fn render(doc: &Document) -> String {
    let mut out = String::new();
    let opt = |o: &Option<String>| o.clone().unwrap_or_else(|| "-".into());
    writeln!(out, "id: {}", doc.id).unwrap();
    writeln!(out, "title: {}", opt(&doc.title)).unwrap();
    writeln!(out, "site: {}", opt(&doc.site)).unwrap();
    writeln!(
        out,
        "date: {}",
        doc.date.map_or("-".into(), |d| d.to_string())
    )
    .unwrap();
    writeln!(out, "url: {}", opt(&doc.url)).unwrap();
    for b in &doc.blocks {
        let text = doc.block_text(b);
        let short: String = text.chars().take(90).collect();
        let more = if short.len() < text.len() { "…" } else { "" };
        let reason = b
            .reason
            .as_deref()
            .map(|r| format!(" [{r}]"))
            .unwrap_or_default();
        writeln!(
            out,
            "{:<11} {}{reason} {short:?}{more}",
            b.kind.as_str(),
            b.span
        )
        .unwrap();
    }
    out
}

fn check(name: &str, actual: &str) {
    if std::env::var("DATELINE_TEST").is_ok_and(|f| !name.contains(&f)) {
        return;
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(format!("{name}.blocks"));
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    match std::fs::read_to_string(&path) {
        Ok(expected) if !update => {
            if expected != actual {
                panic!(
                    "golden file {} differs (rerun with UPDATE_GOLDEN=1 to accept):\n--- expected\n{expected}\n--- actual\n{actual}",
                    path.display()
                );
            }
        }
        _ => std::fs::write(&path, actual).unwrap(),
    }
}

#[test]
fn golden_seeds() {
    let mut paths: Vec<_> = std::fs::read_dir(corpus().join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    assert_eq!(paths.len(), 5);
    for p in paths {
        let doc = dateline_parse::read_path(&p, &InputOptions::default())
            .pop()
            .unwrap()
            .unwrap();
        check(&doc.id.clone(), &render(&doc));
    }
}

#[test]
fn golden_wikinews() {
    for (file, take) in [("wikinews_2019_2021", 12), ("gum_news", 6)] {
        let path = corpus().join("wikinews").join(format!("{file}.jsonl"));
        let docs = dateline_parse::read_path(&path, &InputOptions::default());
        let mut out = String::new();
        for doc in docs.into_iter().take(take) {
            out.push_str(&render(&doc.unwrap()));
            out.push('\n');
        }
        check(file, &out);
    }
}
