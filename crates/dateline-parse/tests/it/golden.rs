//! Golden files: each sample article and a slice of the Wikinews records,
//! rendered one block a line, compared with `tests/golden/*.blocks`. The
//! Wikinews records are read from the data directory, so their golden files
//! hold digests of the titles and block texts, not copies of them.
//! `UPDATE_GOLDEN=1 cargo test -p dateline-parse` rewrites them (and a
//! missing file is created); `DATELINE_TEST=name` runs only matching ones.

use std::fmt::Write as _;
use std::path::Path;

use dateline_parse::{Document, InputOptions};

use crate::corpus;

/// How block texts are written in a golden file.
#[derive(Clone, Copy)]
enum Text {
    /// Quoted and shortened: the project's own sample articles.
    Quoted,
    /// As a digest: text read from the data directory.
    Digest,
}

/// FNV-1a, 64 bits: a stable digest that does not need a dependency.
fn digest(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("#{h:016x}")
}

/// One line per block: `kind start..end [reason] "text"` (text shortened,
/// or its digest).
fn render(doc: &Document, mode: Text) -> String {
    let mut out = String::new();
    let opt = |o: &Option<String>| o.clone().unwrap_or_else(|| "-".into());
    writeln!(out, "id: {}", doc.id).unwrap();
    let title = match (mode, &doc.title) {
        (Text::Digest, Some(t)) => digest(t),
        _ => opt(&doc.title),
    };
    writeln!(out, "title: {title}").unwrap();
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
        let shown = match mode {
            Text::Quoted => {
                let short: String = text.chars().take(90).collect();
                let more = if short.len() < text.len() { "…" } else { "" };
                format!("{short:?}{more}")
            }
            Text::Digest => digest(text),
        };
        let reason = b
            .reason
            .as_deref()
            .map(|r| format!(" [{r}]"))
            .unwrap_or_default();
        writeln!(out, "{:<11} {}{reason} {shown}", b.kind.as_str(), b.span).unwrap();
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
        check(&doc.id.clone(), &render(&doc, Text::Quoted));
    }
}

#[test]
fn golden_wikinews() {
    use dateline_data::sets;
    for (file, set, take) in [
        ("wikinews_2019_2021", sets::WIKINEWS_2019_2021, 12),
        ("gum_news", sets::GUM_NEWS, 6),
    ] {
        let Some(path) = dateline_data::for_test("golden_wikinews", &set) else {
            continue;
        };
        let docs = dateline_parse::read_path(&path, &InputOptions::default());
        let mut out = String::new();
        for doc in docs.into_iter().take(take) {
            out.push_str(&render(&doc.unwrap(), Text::Digest));
            out.push('\n');
        }
        check(file, &out);
    }
}
