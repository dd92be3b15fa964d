//! HTML pages and WARC archives: extraction, metadata, source ranges,
//! charsets, archive errors, limits, and robustness on hostile input.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use dateline_parse::html::{Format, PageInfo, WarcRecords};
use dateline_parse::{BlockKind, Document, Error, InputOptions, Parser};
use proptest::prelude::*;

use crate::check_invariants;
use crate::warc::Archives;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/html")
}

fn harbour() -> Document {
    let docs = dateline_parse::read_path(&fixtures().join("harbour.html"), &InputOptions::new());
    assert_eq!(docs.len(), 1);
    docs.into_iter().next().unwrap().unwrap()
}

/// A page parsed with the default parser and no HTTP information, its
/// invariants checked.
fn parse_page(id: &str, page: impl AsRef<[u8]>) -> Document {
    let doc = Parser::new()
        .parse_html(id, page.as_ref(), PageInfo::default())
        .unwrap();
    check_invariants(&doc);
    doc
}

fn kinds_with(doc: &Document, needle: &str) -> Vec<(BlockKind, Option<String>)> {
    doc.blocks
        .iter()
        .filter(|b| doc.block_text(b).contains(needle))
        .map(|b| (b.kind, b.reason.clone()))
        .collect()
}

#[test]
fn article_page_becomes_a_document() {
    let doc = harbour();
    check_invariants(&doc);
    assert_eq!(doc.id, "harbour");
    assert_eq!(
        doc.title.as_deref(),
        Some("Harbour bridge reopens after two-year repair")
    );
    assert_eq!(doc.site.as_deref(), Some("The Coastal Courier"));
    assert_eq!(
        doc.date.map(|d| d.to_string()).as_deref(),
        Some("2024-03-14")
    );
    assert_eq!(doc.date_source.as_deref(), Some("date line"));
    assert_eq!(doc.authors, ["Maren Holt", "Idris Okafor"]);
    assert_eq!(doc.language.as_deref(), Some("en-GB"));
    assert_eq!(
        doc.canonical_url.as_deref(),
        Some("https://courier.example/news/2024/03/14/harbour-bridge-reopens")
    );
    let body = dateline_parse::html::body_text(&doc);
    for part in [
        "The harbour bridge reopened to traffic",
        "stitched back together,” said Aline Baptiste",
        "Repairs ran over budget",
        "Weight limit: 40 tonnes",
        "We would rather be late and certain",
        "Ferry services that ran during the closure",
    ] {
        assert!(body.contains(part), "body has {part:?}:\n{body}");
    }
    for junk in [
        "Sign up for our newsletter",
        "Share on Facebook",
        "Council approves bridge repair budget",
        "My commute",
        "cookies",
        "All rights reserved",
        "Most read",
        "Sport",
    ] {
        assert!(!body.contains(junk), "body lacks {junk:?}");
    }
    // Boilerplate stays in the document text, with its reason.
    let reason = |needle: &str| kinds_with(&doc, needle)[0].1.clone().unwrap_or_default();
    assert_eq!(reason("Sign up for our newsletter"), "newsletter box");
    assert_eq!(reason("Share on Facebook"), "share widget");
    assert_eq!(reason("Council approves"), "related articles");
    assert_eq!(reason("My commute"), "comments");
    assert_eq!(reason("We use cookies"), "cookie notice");
    assert_eq!(reason("All rights reserved"), "footer");
    assert_eq!(reason("Sport"), "navigation");
    assert_eq!(reason("By Maren Holt"), "byline");
    assert_eq!(kinds_with(&doc, "14 March 2024")[0].0, BlockKind::Dateline);
    assert_eq!(
        kinds_with(&doc, "first morning back")[0].0,
        BlockKind::Caption
    );
    assert_eq!(
        kinds_with(&doc, "Repairs ran over")[0].0,
        BlockKind::Heading
    );
    assert_eq!(
        kinds_with(&doc, "Harbour bridge reopens")[0].0,
        BlockKind::Title
    );
}

/// A page of the shape blogs and news sites share: a logo heading, the
/// article's header with its own parts, two paragraphs.
fn page(head: &str, header: &str) -> Document {
    let html = format!(
        "<html><head>{head}</head><body>\
         <header><h1 class=\"site-title\"><a href=\"https://example.org/\">Harbour Notes</a></h1></header>\
         <article>{header}\
         <p>The harbour bridge reopened on Thursday after two years of repairs, the city council said in a statement.</p>\
         <p>Ferries that carried commuters while the bridge was shut will keep a reduced timetable until the summer.</p>\
         </article></body></html>"
    );
    parse_page("p", html.as_bytes())
}

#[test]
fn a_logo_heading_names_the_site_not_the_article() {
    // The logo's text is also inside <title>: it is still not the headline.
    let doc = page(
        "<title>Bridge reopens after repairs | Harbour Notes</title>",
        "<h1 class=\"post-title\">Bridge reopens after repairs</h1>",
    );
    assert_eq!(doc.title.as_deref(), Some("Bridge reopens after repairs"));
    // Without a headline element, the title loses a leading site name.
    let doc = page(
        "<title>Harbour Notes Bridge reopens after repairs</title>",
        "",
    );
    assert_eq!(doc.title.as_deref(), Some("Bridge reopens after repairs"));
    // A headline set in capitals takes the metadata title's letter case.
    let doc = page(
        "<meta property=\"og:title\" content=\"Bridge Reopens After Repairs\">",
        "<h1>BRIDGE REOPENS AFTER REPAIRS</h1>",
    );
    assert_eq!(doc.title.as_deref(), Some("Bridge Reopens After Repairs"));
    // Headings used for sections: the metadata gives the headline.
    let doc = page(
        "<meta property=\"og:title\" content=\"Bridge reopens after repairs\">",
        "<h1>What changed</h1><p>The deck was replaced and the cables were checked one by one over two winters.</p><h1>What comes next</h1>",
    );
    assert_eq!(doc.title.as_deref(), Some("Bridge reopens after repairs"));
}

#[test]
fn an_update_line_gives_way_to_the_publication_date() {
    let ld = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2024-03-14T08:00:00Z\"}</script>";
    let doc = page(ld, "<h2>Bridge reopens</h2><p>Updated: May 2, 2025</p>");
    assert_eq!(
        (doc.date.map(|d| d.to_string()), doc.date_source.as_deref()),
        (Some("2024-03-14".into()), Some("json-ld datePublished"))
    );
    // A shown date that is no update is the one readers see.
    let doc = page(ld, "<h2>Bridge reopens</h2><p>May 2, 2025</p>");
    assert_eq!(doc.date_source.as_deref(), Some("date line"));
    // Nothing but a byline with its date.
    let doc = page("", "<h2>Bridge reopens</h2><p>Maren Holt 4 August 2010</p>");
    assert_eq!(
        (doc.date.map(|d| d.to_string()), doc.date_source.as_deref()),
        (Some("2010-08-04".into()), Some("byline date"))
    );
}

#[test]
fn authors_from_author_zones_and_cleaned_bylines() {
    // A zone named by its class, with a label and the name in it.
    let doc = page(
        "",
        "<div class=\"c-author-info\"><p>Article by:</p><a href=\"#a\">Maren Holt</a><p>RN, editor</p></div>",
    );
    assert_eq!(doc.authors, ["Maren Holt"]);
    // Roles and reading times are not part of the name; ids are no names.
    let doc = page(
        "<meta name=\"author\" content=\"Maren Holt - Staff Writer\">",
        "",
    );
    assert_eq!(doc.authors, ["Maren Holt"]);
    let doc = page(
        "<meta name=\"author\" content=\"the Harbour Team 2 minutes\">",
        "",
    );
    assert_eq!(doc.authors, ["the Harbour Team"]);
    let doc = page("<meta name=\"author\" content=\"223509017\">", "");
    assert!(doc.authors.is_empty(), "{:?}", doc.authors);
}

#[test]
fn headlines_join_inline_text_and_drop_a_repeated_site_name() {
    // An inline element inside a word does not split it.
    let doc = page(
        "<title>Bridge reopens after repairs</title>",
        "<h1>Bridge re<span>opens</span> after repairs</h1>",
    );
    assert_eq!(doc.title.as_deref(), Some("Bridge reopens after repairs"));
    // A headline that ends with the site's name loses it.
    let doc = page(
        "<title>Bridge reopens after repairs – Harbour Notes - Harbour Notes</title>",
        "<h1>Bridge reopens after repairs – Harbour Notes</h1>",
    );
    assert_eq!(doc.title.as_deref(), Some("Bridge reopens after repairs"));
}

#[test]
fn dates_and_names_inside_byline_lines() {
    let title = "<title>Bridge reopens after repairs</title>";
    let h1 = "<h1>Bridge reopens after repairs</h1>";
    // A date among the pieces of a byline, not at its end.
    let doc = page(
        title,
        &format!("{h1}<p>by Maren Holt · Dec 20, 2025 at 3:00 am · One comment so far</p>"),
    );
    assert_eq!(
        doc.date.map(|d| d.to_string()).as_deref(),
        Some("2025-12-20")
    );
    assert_eq!(doc.authors, ["Maren Holt"]);
    // A date, a separator, the name and its section.
    let doc = page(
        title,
        &format!("{h1}<p>Dec 26, 2025 • Maren Holt in Transport</p>"),
    );
    assert_eq!(
        doc.date.map(|d| d.to_string()).as_deref(),
        Some("2025-12-26")
    );
    assert_eq!(doc.authors, ["Maren Holt"]);
    // A date run into the name by the markup.
    let doc = page(
        title,
        &format!("{h1}<p>by <span>Maren Holt</span><span>November 20, 2007</span></p>"),
    );
    assert_eq!(doc.authors, ["Maren Holt"]);
    // An author zone whose class joins words, a date beside the name.
    let doc = page(
        title,
        &format!(
            "{h1}<div class=\"styles_dateAndAuthor__x1\"><span>Dec 17, 2025</span><span>Maren Holt</span></div>"
        ),
    );
    assert_eq!(doc.authors, ["Maren Holt"]);
    // A name alone under the headline; a heading-like line is none.
    let doc = page(title, &format!("{h1}<p>Maren D. Holt</p>"));
    assert_eq!(doc.authors, ["Maren D. Holt"]);
    let doc = page(title, &format!("{h1}<p>Key Takeaways</p>"));
    assert!(doc.authors.is_empty(), "{:?}", doc.authors);
    // A label followed by tags shown side by side names nobody.
    let doc = page(
        title,
        &format!(
            "{h1}<p>By</p><p><a href=\"/t/a\">Ferry Routes</a><a href=\"/t/b\">Harbour Works</a></p>"
        ),
    );
    assert!(doc.authors.is_empty(), "{:?}", doc.authors);
    // The Twitter card's "Written by" label.
    let doc = page(
        "<meta name=\"twitter:label1\" content=\"Written by\"><meta name=\"twitter:data1\" content=\"Maren Holt\">",
        h1,
    );
    assert_eq!(doc.authors, ["Maren Holt"]);
}

#[test]
fn captions_stamps_promotions_and_linked_headings() {
    let html = "<html><head><title>Ferry fares rise</title></head><body><article>\
        <h1>Ferry fares rise</h1>\
        <div class=\"storyDateAndAuthorContainer\"><span>Ines Varga</span></div>\
        <p>Updated 11:21 pm CET, Tuesday, November 19, 2019</p>\
        <p>Ferry fares will rise by a tenth next spring, the operator said on Tuesday, after fuel costs climbed.</p>\
        <div class=\"hst-gallery\"><p>Passengers board the morning ferry at the north quay.</p><span class=\"credit\">Photo: Ines Varga</span></div>\
        <h2><a href=\"#fares\">What changes for commuters</a></h2>\
        <p>Season tickets keep their price until the end of the year, and children under twelve still travel free.</p>\
        <p>Get the latest harbour news in your inbox. Subscribe to our morning briefing.</p>\
        </article></body></html>";
    let doc = parse_page("f", html);
    let kind = |needle: &str| kinds_with(&doc, needle)[0].clone();
    assert_eq!(kind("Passengers board").0, BlockKind::Caption);
    assert_eq!(kind("Photo: Ines Varga").0, BlockKind::Caption);
    assert_eq!(kind("Updated 11:21 pm").0, BlockKind::Dateline);
    assert_eq!(
        kind("Subscribe to our"),
        (BlockKind::Boilerplate, Some("newsletter box".to_string()))
    );
    assert_eq!(kind("What changes").0, BlockKind::Heading);
    assert_eq!(doc.authors, ["Ines Varga"]);
    let body = dateline_parse::html::body_text(&doc);
    assert!(body.contains("Season tickets keep their price"), "{body}");
}

#[test]
fn comments_are_never_body() {
    // A comment section longer than the article is still comments.
    let comment = "<p>I have lived by this harbour for forty years and I remember when the bridge \
                   was first built, and every repair since then has taken far longer than promised.</p>";
    let page = format!(
        "<html><body><article><h1>Bridge reopens</h1><p>The bridge reopened on Thursday after \
         two years of repairs, the council said in a statement.</p></article>\
         <div id=\"comments\">{}</div></body></html>",
        comment.repeat(12)
    );
    let doc = parse_page("c", page.as_bytes());
    for b in &doc.blocks {
        if doc.block_text(b).contains("forty years") {
            assert_eq!(b.kind, BlockKind::Boilerplate);
            assert_eq!(b.reason.as_deref(), Some("comments"));
        }
    }
}

#[test]
fn every_block_maps_back_into_the_page() {
    let html = std::fs::read_to_string(fixtures().join("harbour.html")).unwrap();
    let doc = harbour();
    for b in &doc.blocks {
        let src = b.source.expect("HTML blocks have a source range");
        assert!(src.start <= src.end && src.end <= html.len(), "{src}");
        let page = &html[src.start..src.end];
        // The block's first word is in the part of the page it came from.
        let first = doc
            .block_text(b)
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .unwrap_or("");
        assert!(
            first.is_empty() || page.contains(first),
            "{first:?} in source {src}: {page:?}"
        );
    }
    // A paragraph's range is the whole element.
    let p = doc
        .blocks
        .iter()
        .find(|b| doc.block_text(b).starts_with("The council said"))
        .unwrap();
    let src = p.source.unwrap();
    assert!(html[src.start..src.end].starts_with("<p>The council said"));
    assert!(html[src.start..src.end].ends_with("</p>"));
}

#[test]
fn charset_from_meta_header_and_detection() {
    let body = "<p>Les caf\u{e9}s de la vieille ville ont ferm\u{e9} t\u{f4}t ce soir-l\u{e0}, \
                apr\u{e8}s une journ\u{e9}e tr\u{e8}s calme.</p>";
    let (latin, _, _) = encoding_rs::WINDOWS_1252.encode(body);
    // <meta charset>
    let mut page = b"<html><head><meta charset=\"windows-1252\"></head><body>".to_vec();
    page.extend_from_slice(&latin);
    let doc = parse_page("m", &page);
    assert!(
        doc.text.contains("Les cafés de la vieille ville"),
        "{}",
        doc.text
    );
    // The HTTP header wins over the meta declaration.
    let mut lying = b"<html><head><meta charset=\"utf-8\"></head><body>".to_vec();
    lying.extend_from_slice(&latin);
    let info = PageInfo {
        url: None,
        content_type: Some("text/html; charset=ISO-8859-1"),
    };
    let doc = Parser::new().parse_html("h", &lying, info).unwrap();
    assert!(doc.text.contains("fermé tôt"), "{}", doc.text);
    // Nothing declared and not UTF-8: detected, never an error.
    let doc = parse_page("d", &latin);
    assert!(doc.text.contains("journée"), "{}", doc.text);
}

#[test]
fn warc_records_become_documents() {
    let archives = Archives::new("records");
    for path in [archives.plain(), archives.gzipped()] {
        let name = path.display();
        let mut docs = dateline_parse::documents(&path, &InputOptions::new());
        let got: Vec<Document> = (&mut docs).map(|r| r.unwrap()).collect();
        let ids: Vec<&str> = got.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "urn:uuid:00000000-0000-4000-8000-000000000003",
                "urn:uuid:00000000-0000-4000-8000-000000000006",
                "urn:uuid:00000000-0000-4000-8000-000000000007",
            ],
            "{name}"
        );
        assert_eq!(
            got[0].title.as_deref(),
            Some("Harbour bridge reopens after two-year repair")
        );
        assert_eq!(
            got[0].url.as_deref(),
            Some("https://courier.example/news/2024/03/14/harbour-bridge-reopens")
        );
        // windows-1252 named by the HTTP header only.
        assert!(got[1].text.contains("cafés"), "{}", got[1].text);
        assert_eq!(got[2].title.as_deref(), Some("Ferry timetable change"));
        let skipped = docs.warc_skipped();
        assert_eq!(skipped.total(), 5, "{skipped}");
        assert_eq!(
            skipped.to_string(),
            "1 warcinfo, 1 request, 1 HTTP 301, 1 image/png, 1 metadata"
        );
    }
    // Ids from target URIs.
    let opts = InputOptions::new().warc_id_url(true);
    let docs = dateline_parse::read_path(&archives.gzipped(), &opts);
    assert_eq!(
        docs[1].as_ref().unwrap().id,
        "https://gazette.example/cafes"
    );
}

#[test]
fn corrupt_warc_records_are_reported_and_reading_goes_on() {
    let plain = crate::warc::plain();
    // Damage the Content-Length of the second response record.
    let text = String::from_utf8_lossy(&plain).into_owned();
    let at = text
        .find("WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000004>")
        .unwrap();
    let len_at = at + text[at..].find("Content-Length: ").unwrap() + "Content-Length: ".len();
    let mut bad = plain.clone();
    bad[len_at] = b'x';
    let rec_start = text[..at].rfind("WARC/1.1").unwrap();
    let docs: Vec<_> =
        WarcRecords::new(&bad[..], "bad.warc", false, &InputOptions::new()).collect();
    let errors: Vec<String> = docs
        .iter()
        .filter_map(|r| r.as_ref().err().map(|e| e.to_string()))
        .collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with(&format!("bad.warc:{rec_start}: WARC: bad Content-Length")),
        "{errors:?}"
    );
    assert_eq!(docs.iter().filter(|r| r.is_ok()).count(), 3);

    // A file cut in the middle of a record: the records before it are read.
    let cut = &plain[..plain.len() - 300];
    let docs: Vec<_> = WarcRecords::new(cut, "cut.warc", false, &InputOptions::new()).collect();
    assert!(
        docs.last()
            .unwrap()
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("truncated record")
    );
    assert_eq!(docs.iter().filter(|r| r.is_ok()).count(), 2);

    // A gzip member with garbage inside: reported at its offset in the
    // compressed file, and the following members are read.
    let gz = crate::warc::gzipped();
    let starts: Vec<usize> = (0..gz.len() - 2)
        .filter(|&i| gz[i..i + 3] == [0x1f, 0x8b, 0x08])
        .collect();
    let mut bad = gz.clone();
    let victim = starts[2]; // the first response record
    for b in &mut bad[victim + 20..victim + 60] {
        *b ^= 0x5a;
    }
    let docs: Vec<_> =
        WarcRecords::new(&bad[..], "bad.warc.gz", true, &InputOptions::new()).collect();
    let errors: Vec<String> = docs
        .iter()
        .filter_map(|r| r.as_ref().err().map(|e| e.to_string()))
        .collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with(&format!("bad.warc.gz:{victim}: ")),
        "{errors:?}"
    );
    assert_eq!(docs.iter().filter(|r| r.is_ok()).count(), 2);
}

#[test]
fn gzip_bomb_stops_at_the_limit() {
    let dir = std::env::temp_dir().join(format!("dateline-bomb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bomb.html.gz");
    let mut enc = flate2::write::GzEncoder::new(
        std::fs::File::create(&path).unwrap(),
        flate2::Compression::best(),
    );
    let zeros = vec![b' '; 1 << 20];
    for _ in 0..64 {
        enc.write_all(&zeros).unwrap();
    }
    enc.finish().unwrap();
    let opts = InputOptions::new().max_bytes(4 << 20);
    let docs = dateline_parse::read_path(&path, &opts);
    let err = docs[0].as_ref().unwrap_err();
    assert!(matches!(err.error, Error::DecompressedTooLarge { limit } if limit == 4 << 20));
    assert!(
        err.to_string()
            .ends_with("decompressed data exceeds the limit of 4194304 bytes")
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn formats_by_name_and_content() {
    use dateline_parse::html::{format_of_path, sniff};
    assert_eq!(
        format_of_path(Path::new("a/B.HTML")),
        Some((Format::Html, false))
    );
    assert_eq!(
        format_of_path(Path::new("x.htm.gz")),
        Some((Format::Html, true))
    );
    assert_eq!(
        format_of_path(Path::new("x.xhtml")),
        Some((Format::Html, false))
    );
    assert_eq!(
        format_of_path(Path::new("crawl.warc.gz")),
        Some((Format::Warc, true))
    );
    assert_eq!(format_of_path(Path::new("notes")), None);
    assert_eq!(sniff(b"WARC/1.0\r\n"), Format::Warc);
    assert_eq!(sniff(b"\xEF\xBB\xBF  <!DOCTYPE html><p>"), Format::Html);
    assert_eq!(sniff(b"{\"text\": \"x\"}"), Format::Jsonl);
    assert_eq!(sniff(b"Leaders meet in Geneva"), Format::Text);
    // A JSON Lines record may carry the page instead of the text.
    let line = r#"{"id": "p1", "url": "https://x.example/2020/05/06/story", "html": "<html><body><h1>Storm closes port</h1><p>The port was closed on Tuesday as the storm reached the coast, the harbour master said.</p></body></html>"}"#;
    let docs = dateline_parse::read_jsonl(line.as_bytes(), "in.jsonl", &InputOptions::new());
    let doc = docs[0].as_ref().unwrap();
    assert_eq!(doc.title.as_deref(), Some("Storm closes port"));
    assert_eq!(
        doc.date.map(|d| d.to_string()).as_deref(),
        Some("2020-05-06")
    );
    assert_eq!(doc.date_source.as_deref(), Some("url"));
    assert!(doc.blocks.iter().all(|b| b.source.is_some()));
}

#[test]
fn binary_garbage_and_odd_pages_give_documents() {
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let garbage: Vec<u8> = (0..200_000)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect();
    parse_page("g", &garbage);
    for odd in [
        &b""[..],
        b"<",
        b"</",
        b"<!--",
        b"<html",
        b"<table><tr><td><table><td>x",
        b"<svg><foreignObject><p>x</svg>y",
        b"<template><p>hidden</p></template><p>shown</p>",
        b"<script>document.write('<p>')</script><p>text",
        b"\xFF\xFE<\x00p\x00>\x00",
    ] {
        parse_page("o", odd);
    }
}

/// Builds `<div>` nested `n` deep around a paragraph.
fn nested(n: usize) -> String {
    format!(
        "<html><body>{}<p>deep text</p>{}</body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    )
}

#[test]
fn deep_nesting_is_linear() {
    let time = |n: usize| {
        let page = nested(n);
        let mut best = f64::MAX;
        for _ in 0..3 {
            let t = Instant::now();
            let doc = Parser::new()
                .parse_html("d", page.as_bytes(), PageInfo::default())
                .unwrap();
            best = best.min(t.elapsed().as_secs_f64());
            assert!(doc.text.contains("deep text"));
        }
        best
    };
    // Eight times the nesting takes about eight times the time; quadratic
    // work would take 64 times. The bound leaves room for a loaded machine,
    // and a failing pair is measured again before the test fails.
    let mut last = (0.0, 0.0);
    for _ in 0..3 {
        let (small, large) = (time(12_500), time(100_000));
        if large / small.max(1e-4) < 24.0 {
            return;
        }
        last = (small, large);
    }
    panic!(
        "{:.3}s for 12,500 levels, {:.3}s for 100,000",
        last.0, last.1
    );
}

#[test]
fn fifty_megabyte_page() {
    let para = "<p>The council met again on Tuesday to discuss the harbour bridge, and the \
                engineers said the repair would be finished before the summer.</p>\n";
    let mut page = String::from("<html><body><article><h1>A very long page</h1>");
    while page.len() < 50 << 20 {
        page.push_str(para);
    }
    page.push_str("</article></body></html>");
    let doc = Parser::new()
        .max_bytes(64 << 20)
        .parse_html("big", page.as_bytes(), PageInfo::default())
        .unwrap();
    assert!(doc.blocks.len() > 300_000);
    assert_eq!(doc.title.as_deref(), Some("A very long page"));
    // Above the limit: an error, not a document.
    let err = Parser::new()
        .parse_html("big", page.as_bytes(), PageInfo::default())
        .unwrap_err();
    assert!(matches!(err, Error::TooLarge { .. }));
}

/// Deterministic mutations of a page: flipped bytes, cut ranges, repeated
/// ranges, and truncation.
fn mutate(page: &[u8], mut seed: u64, rounds: usize) -> Vec<u8> {
    let mut rnd = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut p = page.to_vec();
    for _ in 0..rounds {
        if p.is_empty() {
            break;
        }
        let i = (rnd() as usize) % p.len();
        match rnd() % 4 {
            0 => p[i] = rnd() as u8,
            1 => {
                let j = (i + (rnd() as usize) % 200).min(p.len());
                p.drain(i..j);
            }
            2 => {
                let j = (i + (rnd() as usize) % 200).min(p.len());
                let copy = p[i..j].to_vec();
                let k = (rnd() as usize) % p.len();
                p.splice(k..k, copy);
            }
            _ => p.truncate(i),
        }
    }
    p
}

#[test]
fn mutated_pages_never_panic() {
    let mut pages = vec![
        std::fs::read(fixtures().join("harbour.html")).unwrap(),
        std::fs::read(fixtures().join("latin1.html")).unwrap(),
    ];
    // A few real pages from the data directory, when it is there.
    if let Some(dir) =
        dateline_data::for_test("mutated_pages_never_panic", &dateline_data::sets::HTML)
    {
        let dir = dir.join("scrapinghub/html");
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for f in files.iter().take(4) {
            pages.push(dateline_parse::html::read_file_bytes(f, 1 << 26).unwrap());
        }
    }
    for (n, page) in pages.iter().enumerate() {
        for seed in 1..=40u64 {
            let m = mutate(page, seed * 7919 + n as u64, 1 + (seed as usize % 12));
            parse_page("m", &m);
        }
    }
}

fn html_fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<div class=\"comments\">".to_string()),
        Just("<div class=\"article-body\">".to_string()),
        Just("</div>".to_string()),
        Just("<nav>".to_string()),
        Just("<h1>".to_string()),
        Just("</h1>".to_string()),
        Just("<br>".to_string()),
        Just("<a href=\"/author/x\">".to_string()),
        Just("</a>".to_string()),
        Just("<table><tr><td>".to_string()),
        Just("<script>".to_string()),
        Just("<meta charset=utf-8>".to_string()),
        Just("<time datetime=\"2020-01-02\">".to_string()),
        Just(
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":"
                .to_string()
        ),
        Just("The two leaders met for five hours in Geneva and agreed to meet again.".to_string()),
        Just("By Ann Lee".to_string()),
        Just("&amp;&#x2019;&#9999999;&".to_string()),
        "[a-z<>/=\" ]{0,12}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_bytes_give_a_document(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        parse_page("p", &bytes);
    }

    #[test]
    fn html_like_input_gives_a_document(parts in prop::collection::vec(html_fragment(), 0..40)) {
        let page = parts.concat();
        let doc = parse_page("p", page.as_bytes());
        for b in &doc.blocks {
            let src = b.source.unwrap();
            prop_assert!(src.start <= src.end && src.end <= page.len());
        }
    }

    #[test]
    fn any_bytes_as_a_warc_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600), gz in any::<bool>()) {
        let mut input = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\n".to_vec();
        input.extend_from_slice(&bytes);
        for doc in WarcRecords::new(&input[..], "p.warc", gz, &InputOptions::new()).flatten() {
            check_invariants(&doc);
        }
    }
}
