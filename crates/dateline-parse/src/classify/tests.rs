//! Classification rules on small articles written for these tests, in the
//! style of scraped news pages (none of them is a bundled sample).

use crate::{BlockKind, Document, parse};

use BlockKind::{Boilerplate, Caption, Dateline, Heading, Paragraph, Title};

fn kinds(doc: &Document) -> Vec<(BlockKind, &str)> {
    doc.blocks
        .iter()
        .map(|b| (b.kind, doc.block_text(b)))
        .collect()
}

fn reason_of<'d>(doc: &'d Document, text: &str) -> Option<&'d str> {
    doc.blocks
        .iter()
        .find(|b| doc.block_text(b) == text)
        .and_then(|b| b.reason.as_deref())
}

const BODY1: &str = "The two leaders met for five hours in Geneva on Monday and agreed to keep talking, officials said.";
const BODY2: &str = "Both sides described the talks as constructive, although no joint statement was issued at the end.";

#[test]
fn breadcrumb_with_separators_and_dashed_site() {
    let text = format!(
        "Home » World » Europe » Lawmakers approve new budget after long debate\n\n\
         Published: 2019-04-18 14:02\n\n{BODY1}\n\n{BODY2}\n"
    );
    let doc = parse(text);
    assert_eq!(
        doc.title.as_deref(),
        Some("Lawmakers approve new budget after long debate")
    );
    assert_eq!(
        doc.date.map(|d| d.to_string()).as_deref(),
        Some("2019-04-18")
    );
    assert_eq!(
        kinds(&doc),
        [
            (Boilerplate, "Home » World » Europe »"),
            (Title, "Lawmakers approve new budget after long debate"),
            (Dateline, "Published: 2019-04-18 14:02"),
            (Paragraph, BODY1),
            (Paragraph, BODY2),
        ]
    );

    let doc = parse(format!(
        "Lawmakers approve new budget - REUTERS\n\n{BODY1}\n"
    ));
    assert_eq!(doc.title.as_deref(), Some("Lawmakers approve new budget"));
    assert_eq!(doc.site.as_deref(), Some("REUTERS"));

    // Any site name is split off when the title is repeated without it.
    let doc = parse(format!(
        "Lawmakers approve new budget - The Daily Courier\n\nLawmakers approve new budget\n\n{BODY1}\n"
    ));
    assert_eq!(doc.title.as_deref(), Some("Lawmakers approve new budget"));
    assert_eq!(doc.site.as_deref(), Some("The Daily Courier"));
    assert_eq!(
        reason_of(&doc, "Lawmakers approve new budget"),
        Some("headline before the site name")
    );
    assert_eq!(doc.blocks[2].reason.as_deref(), Some("duplicate title"));

    // A hyphen inside an ordinary headline is not a site.
    let doc = parse(format!(
        "Trump - Putin summit ends without a statement\n\n{BODY1}\n"
    ));
    assert_eq!(
        doc.title.as_deref(),
        Some("Trump - Putin summit ends without a statement")
    );
    assert_eq!(doc.site, None);
}

#[test]
fn date_line_formats_anywhere_near_the_top() {
    for (line, date) in [
        ("24.05.2019", "2019-05-24"),
        ("July 19, 2018", "2018-07-19"),
        ("Friday, January 4, 2019", "2019-01-04"),
        ("Updated: 19 July 2018 | 10:15 GMT", "2018-07-19"),
    ] {
        let doc = parse(format!(
            "Talks in Geneva end without a deal\n\n{line}\n\n{BODY1}\n"
        ));
        assert_eq!(kinds(&doc)[1], (Dateline, line), "{line}");
        assert_eq!(doc.date.map(|d| d.to_string()).as_deref(), Some(date));
        assert_eq!(
            doc.title.as_deref(),
            Some("Talks in Geneva end without a deal")
        );
    }
    // A date before the title does not hide the title.
    let doc = parse(format!(
        "24.05.2019\n\nTalks in Geneva end without a deal\n\n{BODY1}\n"
    ));
    assert_eq!(
        doc.title.as_deref(),
        Some("Talks in Geneva end without a deal")
    );
    assert_eq!(doc.blocks[0].kind, Dateline);
    // A sentence starting with a date stays a paragraph far from the top.
    let late = "On July 19, 2018, the ministers met again in Vienna.";
    let doc = parse(format!(
        "Talks end\n\n{BODY1}\n\n{BODY2}\n\n{BODY1}\n\n{late}\n"
    ));
    assert_eq!(kinds(&doc).last(), Some(&(Paragraph, late)));
}

#[test]
fn place_datelines_open_paragraphs() {
    let doc = parse(format!(
        "Talks in Geneva end without a deal\n\nGENEVA (Reuters) - {BODY1}\n"
    ));
    assert_eq!(kinds(&doc)[1], (Dateline, "GENEVA (Reuters) -"));
    assert_eq!(kinds(&doc)[2], (Paragraph, BODY1));
    let doc = parse(format!(
        "Talks end\n\nMOSCOW, October 19. /TASS/. {BODY2}\n"
    ));
    assert_eq!(kinds(&doc)[1], (Dateline, "MOSCOW, October 19. /TASS/."));
    let doc = parse(format!("Talks end\n\nNEW YORK, July 19, 2018 — {BODY2}\n"));
    assert_eq!(kinds(&doc)[1], (Dateline, "NEW YORK, July 19, 2018 —"));
    assert_eq!(
        doc.date.map(|d| d.to_string()).as_deref(),
        Some("2018-07-19")
    );
    // Not a dateline: an acronym opening a sentence.
    let doc = parse(format!("Talks end\n\nNATO said on Monday that {BODY2}\n"));
    assert_eq!(doc.blocks[1].kind, Paragraph);
}

#[test]
fn widgets_related_sections_and_comments() {
    let text = format!(
        "Talks in Geneva end without a deal\n\nBy Jane Doe, Reuters\n\n{BODY1}\n\n\
         Read more: Ministers meet again in Vienna\n\n{BODY2}\n\nShare this:\nFacebook Twitter WhatsApp\n\n\
         Tags: Russia, USA, talks\n\nRelated\n\nMinisters meet again in Vienna\n\n\
         The foreign ministers of both countries met again on Tuesday to prepare…\n\n\
         Leave a Reply Cancel reply\n\nGreat article, thanks for writing it. I agree with everything said here.\n\n\
         Name *\nEmail *\nWebsite\n\nSave my name, email, and website in this browser for the next time I comment.\n"
    );
    let doc = parse(text);
    let k = kinds(&doc);
    assert_eq!(k[0], (Title, "Talks in Geneva end without a deal"));
    assert_eq!(k[1], (Boilerplate, "By Jane Doe, Reuters"));
    assert_eq!(k[2], (Paragraph, BODY1));
    assert_eq!(k[3].0, Boilerplate);
    assert_eq!(k[4], (Paragraph, BODY2));
    assert!(
        k[5..].iter().all(|(kind, _)| *kind == Boilerplate),
        "{k:#?}"
    );
    assert_eq!(
        reason_of(&doc, "Ministers meet again in Vienna"),
        Some("related-article teaser")
    );
    assert_eq!(
        reason_of(
            &doc,
            "Great article, thanks for writing it. I agree with everything said here."
        ),
        Some("comment section")
    );
}

#[test]
fn related_section_ends_at_a_full_paragraph() {
    let text = format!(
        "Talks end\n\n{BODY1}\n\nRecommended\n\nMinisters meet again in Vienna\n\n{BODY2} {BODY1}\n"
    );
    let doc = parse(text);
    let k = kinds(&doc);
    assert_eq!(k[2].0, Boilerplate);
    assert_eq!(k[3].0, Boilerplate);
    assert_eq!(k[4].0, Paragraph);
}

#[test]
fn captions_teasers_and_headings() {
    let text = format!(
        "Talks in Geneva end without a deal\n\n\
         © Sputnik / Alexei Nikolsky Vladimir Putin at the talks. Archive photo\n\n\
         {BODY1}\nMinisters meet again in Vienna\n{BODY2}\n\n\
         What happens next\n\n{BODY1}\n\n\
         Summit Talks\nThe two leaders shake hands before the meeting.\n\n{BODY2}\n\n\
         Ministers meet again in Vienna\nThe foreign ministers of both countries met again on Tuesday to…\n"
    );
    let doc = parse(text);
    let k = kinds(&doc);
    assert_eq!(k[1].0, Caption);
    assert_eq!(k[2], (Paragraph, BODY1));
    assert_eq!(k[3], (Boilerplate, "Ministers meet again in Vienna"));
    assert_eq!(
        reason_of(&doc, "Ministers meet again in Vienna"),
        Some("inline teaser")
    );
    assert_eq!(k[5], (Heading, "What happens next"));
    assert_eq!(
        k[7],
        (
            Caption,
            "Summit Talks\nThe two leaders shake hands before the meeting."
        )
    );
    assert_eq!(k[9].0, Boilerplate);
    assert_eq!(k[10].0, Boilerplate);
    assert_eq!(k.len(), 11);
}

#[test]
fn navigation_above_the_title_and_decorations() {
    let text = format!(
        "Menu\nHome | News | World | Sport\nNEWS\n\nTalks in Geneva end without a deal\n\n***\n\n{BODY1}\n\nhttps://example.com/story\n"
    );
    let doc = parse(text);
    let k = kinds(&doc);
    assert_eq!(
        doc.title.as_deref(),
        Some("Talks in Geneva end without a deal")
    );
    assert_eq!(
        &k[..3].iter().map(|x| x.0).collect::<Vec<_>>(),
        &[Boilerplate; 3]
    );
    assert_eq!(k[4], (Boilerplate, "***"));
    assert_eq!(k[6], (Boilerplate, "https://example.com/story"));
}

#[test]
fn hard_wrapped_paragraphs_are_one_block() {
    let text = "Talks end\n\nThe two leaders met for five hours in\nGeneva on Monday and agreed to keep\ntalking, officials said.\n";
    let doc = parse(text);
    assert_eq!(doc.blocks.len(), 2);
    assert_eq!(doc.blocks[1].kind, Paragraph);
    assert!(doc.block_text(&doc.blocks[1]).ends_with("officials said."));
}

#[test]
fn no_title_when_the_text_opens_with_body() {
    let doc = parse(format!("{BODY1}\n\n{BODY2}\n"));
    assert_eq!(doc.title, None);
    assert!(doc.blocks.iter().all(|b| b.kind == Paragraph));
    assert!(parse("").blocks.is_empty());
    assert!(parse(" \n\t \n").blocks.is_empty());
}

#[test]
fn news_theme_page_furniture() {
    let text = format!(
        "Home World Trump Says He Will Meet Putin Again\n\n\
         Trump Says He Will Meet Putin Again\n\n\
         By admin -\nJuly 20, 2018\n0\nShare\nFacebook\nTwitter\n\n\
         {BODY1}\n\n(adsbygoogle = window.adsbygoogle || []).push({{}});\n\n{BODY2}\n\n\
         TAGS\nPutin\nTrump\nShare\nFacebook\nTwitter\n\n\
         Previous article: Ministers meet again in Vienna\n\
         RELATED ARTICLES MORE FROM AUTHOR\n\nMinisters meet again in Vienna\n\n\
         LEAVE A REPLY\nPlease enter your comment!\nPlease enter your name here\n\n\
         © 2019 Example News. All rights reserved\n"
    );
    let doc = parse(text);
    let k = kinds(&doc);
    assert_eq!(
        doc.title.as_deref(),
        Some("Trump Says He Will Meet Putin Again")
    );
    assert_eq!(
        doc.date.map(|d| d.to_string()).as_deref(),
        Some("2018-07-20")
    );
    let paragraphs: Vec<&str> = k
        .iter()
        .filter(|(kind, _)| *kind == Paragraph)
        .map(|x| x.1)
        .collect();
    assert_eq!(paragraphs, [BODY1, BODY2]);
    let others: Vec<_> = k
        .iter()
        .filter(|(kind, _)| !matches!(kind, Paragraph | Title | Dateline))
        .collect();
    assert!(
        others.iter().all(|(kind, _)| *kind == Boilerplate),
        "{k:#?}"
    );
    assert_eq!(reason_of(&doc, "By admin -"), Some("byline"));
    assert_eq!(reason_of(&doc, "Putin"), Some("tag list"));
}

#[test]
fn agency_photo_blocks() {
    let text = format!(
        "Putin says Moscow never meddled in the vote\n\n\
         © Sputnik / Mikhail Klimentyev\nRussian President Vladimir Putin\n\n\
         MOSCOW, July 20 (Sputnik) - {BODY1}\n\n\
         Donald Trump and Vladimir Putin in Helsinki\nPhoto: REUTERS/Kevin Lamarque\n\n{BODY2}\n"
    );
    let doc = parse(text);
    assert_eq!(
        kinds(&doc),
        [
            (Title, "Putin says Moscow never meddled in the vote"),
            (Caption, "© Sputnik / Mikhail Klimentyev"),
            (Caption, "Russian President Vladimir Putin"),
            (Dateline, "MOSCOW, July 20 (Sputnik) -"),
            (Paragraph, BODY1),
            (Caption, "Donald Trump and Vladimir Putin in Helsinki"),
            (Caption, "Photo: REUTERS/Kevin Lamarque"),
            (Paragraph, BODY2),
        ]
    );
}

#[test]
fn section_label_above_the_title() {
    let doc = parse(format!(
        "World News\n\nTalks in Geneva end without a deal\n\n{BODY1}\n"
    ));
    assert_eq!(
        doc.title.as_deref(),
        Some("Talks in Geneva end without a deal")
    );
    assert_eq!(kinds(&doc)[0], (Boilerplate, "World News"));
    assert_eq!(reason_of(&doc, "World News"), Some("navigation"));
}

#[test]
fn teaser_glued_under_a_paragraph() {
    let text = format!(
        "Talks end\n\n{BODY1}\nMinisters meet again in Vienna\n\n{BODY2}\n\nOther topics included:\n1. Trade\n2. Energy\n"
    );
    let doc = parse(text);
    let k = kinds(&doc);
    assert_eq!(k[2], (Boilerplate, "Ministers meet again in Vienna"));
    assert_eq!(k[3], (Paragraph, BODY2));
    assert!(
        k[4..].iter().all(|(kind, _)| *kind != Boilerplate),
        "{k:#?}"
    );
}

#[test]
fn byline_with_a_date() {
    let doc = parse(format!(
        "Talks in Geneva end without a deal\n\nBy Jane Doe | Published: 2019-04-18 14:02\n\n{BODY1}\n"
    ));
    assert_eq!(
        kinds(&doc)[1],
        (Dateline, "By Jane Doe | Published: 2019-04-18 14:02")
    );
    assert_eq!(
        doc.date.map(|d| d.to_string()).as_deref(),
        Some("2019-04-18")
    );
    let doc = parse(format!(
        "Talks end\n\nBy John Smith, July 19, 2018\n\n{BODY1}\n"
    ));
    assert_eq!(
        doc.date.map(|d| d.to_string()).as_deref(),
        Some("2018-07-19")
    );
}

#[test]
fn title_repeated_with_a_site_name() {
    let doc = parse(format!(
        "Talks in Geneva end without a deal\n\nTalks in Geneva end without a deal | The Courier\n\n{BODY1}\n"
    ));
    assert_eq!(kinds(&doc)[1].0, Boilerplate);
    assert_eq!(doc.blocks[1].reason.as_deref(), Some("duplicate title"));
}

#[test]
fn a_lone_line_is_body_text() {
    let doc = parse("The Senate has passed legislation to force a national\n");
    assert_eq!(doc.title, None);
    assert_eq!(doc.blocks[0].kind, Paragraph);
}

#[test]
fn related_marker_inside_the_body() {
    let text = format!(
        "Talks end\n\n{BODY1}\n\nRelated\n\nMinisters meet again in Vienna\n\nThe ministers met again on Tuesday to prepare a new round of talks in the spring.\n\n{BODY2}\n\n{BODY1}\n"
    );
    let doc = parse(text);
    let k = kinds(&doc);
    assert_eq!(k[2].0, Boilerplate);
    assert_eq!(k[3].0, Boilerplate);
    assert_eq!(k[4].0, Boilerplate, "the summary under a teaser headline");
    assert_eq!(k[5], (Paragraph, BODY2));
    assert_eq!(k[6], (Paragraph, BODY1));
}

#[test]
fn section_markers_above_the_body_open_nothing() {
    let text = format!(
        "Talks in Geneva end without a deal\n\n0 Comments\n\nTrending\n\n{BODY1}\n\n{BODY2}\n"
    );
    let doc = parse(text);
    let k = kinds(&doc);
    assert_eq!(k[1].0, Boilerplate);
    assert_eq!(k[2].0, Boilerplate);
    assert_eq!(k[3], (Paragraph, BODY1));
    assert_eq!(k[4], (Paragraph, BODY2));
}
