//! What each sample article needs, one test per article.

use dateline_parse::BlockKind::{Boilerplate, Caption, Dateline, Heading, Paragraph, Title};

use crate::{check_invariants, kind_of, kind_starting, seed};

#[test]
fn seed_000_credit_glued_to_caption() {
    let doc = seed("000");
    check_invariants(&doc);
    assert_eq!(
        doc.title.as_deref(),
        Some("Trump said he would not tolerate foreign interference in elections")
    );
    assert_eq!(
        kind_of(
            &doc,
            "Trump said he would not tolerate foreign interference in elections"
        ),
        Title
    );
    assert_eq!(kind_starting(&doc, "© AP Photo / Evan Vucci"), Caption);
    let paragraphs = doc.blocks.iter().filter(|b| b.kind == Paragraph).count();
    assert_eq!(paragraphs, 7, "all seven body paragraphs kept");
    assert!(doc.blocks.iter().all(|b| b.kind != Boilerplate));
}

#[test]
fn seed_001_breadcrumb_duplicates_and_related() {
    let doc = seed("001");
    check_invariants(&doc);
    let title = "The US Warns Russia Will Not Tolerate Interference in Legislative Elections";
    assert_eq!(doc.title.as_deref(), Some(title));
    assert_eq!(kind_of(&doc, "Home News Politics"), Boilerplate);
    // The title is split off the breadcrumb line; its repetition is boilerplate.
    let titles: Vec<_> = doc
        .blocks
        .iter()
        .filter(|b| doc.block_text(b) == title)
        .collect();
    assert_eq!(titles.len(), 2);
    assert_eq!((titles[0].kind, titles[1].kind), (Title, Boilerplate));
    assert_eq!(titles[0].span.start, "Home News Politics ".len());
    for text in [
        "The US Warns Russia Will Not Tolerate",
        "You may also like",
        "Load More Related Articles",
        "Load More In\u{a0}Politics",
        "Check Also",
        "Mueller criticized the summary that the attorney general made of his report on the Russian plot",
    ] {
        assert_eq!(kind_of(&doc, text), Boilerplate, "{text}");
    }
    assert_eq!(
        kind_starting(&doc, "The special prosecutor in the case"),
        Boilerplate
    );
    assert_eq!(
        kind_of(
            &doc,
            "Legislative Elections\nTrump and Putin shake hands after concluding a press conference in Helsinki."
        ),
        Caption
    );
    assert_eq!(
        kind_starting(&doc, "Legislative Elections: Senior officials"),
        Paragraph
    );
    assert_eq!(
        kind_starting(&doc, "A spokesman for Bolton said"),
        Paragraph
    );
    assert_eq!(
        doc.blocks.iter().filter(|b| b.kind == Paragraph).count(),
        17
    );
}

#[test]
fn seed_002_no_headline() {
    let doc = seed("002");
    check_invariants(&doc);
    assert_eq!(doc.title, None);
    assert_eq!(
        kind_starting(&doc, "In the United States, no attempts were made"),
        Paragraph
    );
    assert!(doc.blocks.iter().all(|b| b.kind == Paragraph));
    assert_eq!(doc.blocks.len(), 7);
}

#[test]
fn seed_003_dateline_and_heading() {
    let doc = seed("003");
    check_invariants(&doc);
    assert_eq!(doc.title, None);
    assert_eq!(
        doc.date.map(|d| d.to_string()).as_deref(),
        Some("2018-07-19")
    );
    assert_eq!(kind_of(&doc, "date 2018-07-19"), Dateline);
    assert_eq!(doc.blocks[0].kind, Dateline);
    assert_eq!(
        kind_starting(&doc, "US President on Thursday said"),
        Paragraph
    );
    assert_eq!(
        kind_of(
            &doc,
            "White House says working to ensure Russia does not meddle in US elections"
        ),
        Heading
    );
    // The truncated paragraph is still body text.
    assert_eq!(
        kind_starting(&doc, "On Monday, Trump met Putin in Helsinki"),
        Paragraph
    );
    assert!(doc.blocks.iter().all(|b| b.kind != Boilerplate));
}

#[test]
fn seed_004_site_teaser_and_comment_form() {
    let doc = seed("004");
    check_invariants(&doc);
    let title =
        "Foreign Ministry says there is evidence of Russia's non-interference in U.S. elections";
    assert_eq!(doc.title.as_deref(), Some(title));
    assert_eq!(doc.site.as_deref(), Some("TOP-NEWS"));
    assert_eq!(kind_of(&doc, title), Title);
    assert_eq!(kind_of(&doc, "| TOP-NEWS"), Boilerplate);
    assert_eq!(
        kind_of(
            &doc,
            "Foreign Ministry says there is evidence of Russia’s non-interference in U.S. elections"
        ),
        Boilerplate
    );
    for text in [
        "Putin's autograph sold at auction for $5,000",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "Social Share Buttons and Icons powered by Ultimatelysocial",
    ] {
        assert_eq!(kind_of(&doc, text), Boilerplate, "{text}");
    }
    assert_eq!(doc.blocks.iter().filter(|b| b.kind == Paragraph).count(), 5);
}
