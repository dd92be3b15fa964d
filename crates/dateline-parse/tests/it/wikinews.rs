//! The clean Wikinews records: opening datelines are found, nothing is
//! boilerplate, record metadata wins.

use dateline_parse::{BlockKind, Document, InputOptions};

use dateline_data::{DataSet, sets};

use crate::check_invariants;

/// The records of `set` in the data directory; `None` (skipped) when absent.
fn records(test: &str, set: &DataSet) -> Option<Vec<Document>> {
    let path = dateline_data::for_test(test, set)?;
    let docs = dateline_parse::read_path(&path, &InputOptions::default())
        .into_iter()
        .map(Result::unwrap)
        .collect();
    Some(docs)
}

#[test]
fn wikinews_opening_dateline_and_no_boilerplate() {
    let Some(docs) = records(
        "wikinews_opening_dateline_and_no_boilerplate",
        &sets::WIKINEWS_2019_2021,
    ) else {
        return;
    };
    assert_eq!(docs.len(), 295);
    const WEEKDAYS: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    let mut dated = 0;
    for doc in &docs {
        check_invariants(doc);
        // Most records open with a line like "Friday, January 4, 2019".
        let first_line = doc.text.trim_start().lines().next().unwrap().trim();
        let year_end = first_line.len() < 40 && first_line.ends_with(|c: char| c.is_ascii_digit());
        if year_end
            && WEEKDAYS
                .iter()
                .any(|w| first_line.starts_with(&format!("{w}, ")))
        {
            dated += 1;
            let first = &doc.blocks[0];
            assert_eq!(
                first.kind,
                BlockKind::Dateline,
                "{}: {:?}",
                doc.id,
                doc.block_text(first)
            );
            assert_eq!(doc.block_text(first), first_line);
        }
        let boiler: Vec<_> = doc
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Boilerplate)
            .map(|b| doc.block_text(b))
            .collect();
        assert!(boiler.is_empty(), "{}: boilerplate {boiler:?}", doc.id);
        assert!(
            doc.title.is_some() && doc.date.is_some() && doc.url.is_some(),
            "{}",
            doc.id
        );
        assert!(doc.id.starts_with("wikinews-en:"));
    }
    assert!(dated > 150, "{dated} records open with a date line");
    // The first record: "Friday, January 4, 2019" is its dateline.
    let doc = &docs[0];
    assert_eq!(doc.block_text(&doc.blocks[0]), "Friday, January 4, 2019");
    assert_eq!(
        doc.date.map(|d| d.to_string()).as_deref(),
        Some("2019-01-04")
    );
}

#[test]
fn gum_title_line_dateline_and_no_boilerplate() {
    let Some(docs) = records(
        "gum_title_line_dateline_and_no_boilerplate",
        &sets::GUM_NEWS,
    ) else {
        return;
    };
    assert_eq!(docs.len(), 24);
    for doc in &docs {
        check_invariants(doc);
        let boiler: Vec<_> = doc
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Boilerplate)
            .map(|b| doc.block_text(b))
            .collect();
        assert!(boiler.is_empty(), "{}: boilerplate {boiler:?}", doc.id);
        assert!(
            doc.blocks.iter().any(|b| b.kind == BlockKind::Dateline),
            "{}: a dateline",
            doc.id
        );
        assert!(
            doc.blocks
                .iter()
                .filter(|b| b.kind == BlockKind::Paragraph)
                .count()
                >= 1,
            "{}",
            doc.id
        );
    }
    // The text's first line repeats the record's title.
    let doc = &docs[0];
    assert_eq!(doc.blocks[0].kind, BlockKind::Title);
    assert_eq!(Some(doc.block_text(&doc.blocks[0])), doc.title.as_deref());
    assert_eq!(doc.blocks[1].kind, BlockKind::Dateline);
}

#[test]
fn record_metadata_wins() {
    let line = r#"{"id":"x1","title":"Given title","date":"2020-02-03","url":"https://example.org/a","text":"Other headline here | SITE\n\n24.05.2019\n\nBody text that is long enough to be a paragraph of the article, ending here."}"#;
    let docs = dateline_parse::read_jsonl(line.as_bytes(), "mem.jsonl", &InputOptions::default());
    let doc = docs.into_iter().next().unwrap().unwrap();
    check_invariants(&doc);
    assert_eq!(doc.id, "x1");
    assert_eq!(doc.title.as_deref(), Some("Given title"));
    assert_eq!(
        doc.date.map(|d| d.to_string()).as_deref(),
        Some("2020-02-03")
    );
    assert_eq!(doc.url.as_deref(), Some("https://example.org/a"));
    // Detected facts that metadata does not give are kept.
    assert_eq!(doc.site.as_deref(), Some("SITE"));
    let kinds: Vec<_> = doc.blocks.iter().map(|b| b.kind).collect();
    use BlockKind::*;
    assert_eq!(kinds, [Title, Boilerplate, Dateline, Paragraph]);
}
