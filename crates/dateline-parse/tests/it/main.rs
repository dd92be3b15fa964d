//! Integration tests of `dateline-parse` through its public API: the sample
//! articles, the Wikinews records (from the data directory), golden files, JSON Lines errors and
//! property tests.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod golden;
mod hostile;
#[cfg(feature = "html")]
mod html;
mod jsonl;
mod props;
mod samples;
#[cfg(feature = "html")]
#[path = "../support/warc.rs"]
mod warc;
mod wikinews;

use std::path::{Path, PathBuf};

use dateline_parse::{BlockKind, Document};

/// The sample articles' directory of the repository.
pub(crate) fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus")
}

/// The sample article whose file name starts with `prefix` ("000", …).
pub(crate) fn seed(prefix: &str) -> Document {
    let dir = corpus().join("seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .collect();
    assert_eq!(paths.len(), 1, "one sample starting with {prefix}");
    let path = paths.pop().unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let id = path.file_stem().unwrap().to_string_lossy().into_owned();
    dateline_parse::Parser::new().parse(id, text).unwrap()
}

/// Blocks of `doc` as `(kind, text)` pairs.
pub(crate) fn blocks(doc: &Document) -> Vec<(BlockKind, &str)> {
    doc.blocks
        .iter()
        .map(|b| (b.kind, doc.block_text(b)))
        .collect()
}

/// The kind of the block whose text is exactly `text`.
pub(crate) fn kind_of(doc: &Document, text: &str) -> BlockKind {
    let found: Vec<_> = doc
        .blocks
        .iter()
        .filter(|b| doc.block_text(b) == text)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "exactly one block {text:?} in {}:\n{:#?}",
        doc.id,
        blocks(doc)
    );
    found[0].kind
}

/// The kind of the one block whose text starts with `prefix`.
pub(crate) fn kind_starting(doc: &Document, prefix: &str) -> BlockKind {
    let found: Vec<_> = doc
        .blocks
        .iter()
        .filter(|b| doc.block_text(b).starts_with(prefix))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "exactly one block starting {prefix:?} in {}:\n{:#?}",
        doc.id,
        blocks(doc)
    );
    found[0].kind
}

/// Checks the structural invariants every document must hold.
pub(crate) fn check_invariants(doc: &Document) {
    let text = &doc.text;
    let mut prev_end = 0;
    for b in &doc.blocks {
        let s = b.span;
        assert!(
            s.start < s.end && s.end <= text.len(),
            "span {s} in bounds, non-empty"
        );
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "char boundaries {s}"
        );
        assert!(s.start >= prev_end, "ordered, disjoint at {s}");
        let t = &text[s];
        assert_eq!(t, t.trim(), "block {s} is trimmed");
        if b.kind != BlockKind::Paragraph {
            assert!(b.reason.is_some(), "non-paragraph block {s} has a reason");
        }
        prev_end = s.end;
        assert_eq!(doc.block_at(s.start), Some(b));
        assert_eq!(doc.block_at(s.end - 1), Some(b));
    }
    // Every non-whitespace character is inside a block.
    let mut blocks = doc.blocks.iter().peekable();
    for (i, c) in text.char_indices() {
        while blocks.peek().is_some_and(|b| b.span.end <= i) {
            blocks.next();
        }
        if !dateline_parse::is_blank(c) {
            let covered = blocks.peek().is_some_and(|b| b.span.start <= i);
            assert!(covered, "character {c:?} at byte {i} is in no block");
        }
    }
}
