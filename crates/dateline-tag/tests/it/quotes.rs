//! Quotations of the sample articles: the hand-checked gold, the required
//! attributions (with gold entity mentions and with the real tagger), and
//! property tests of the extractor on arbitrary text.

// A test binary: helpers may fail loudly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use dateline_tag::eval::SeedsGold;
use dateline_tag::{
    Document, Entity, GoldDocument, Label, Quote, QuoteKind, Span, Tagger, extract_quotes, parse,
    score_quotes,
};
use proptest::prelude::*;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[derive(serde::Deserialize)]
struct GoldFile {
    documents: Vec<GoldDocument>,
}

fn quote_gold() -> Vec<GoldDocument> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("eval-data/quotes_gold.json");
    let text = std::fs::read_to_string(path).unwrap();
    serde_json::from_str::<GoldFile>(&text).unwrap().documents
}

fn seed(id: &str) -> Document {
    let path = root()
        .join("examples/corpus/seeds")
        .join(format!("{id}.txt"));
    let text = std::fs::read_to_string(path).unwrap();
    parse::Parser::new().parse(id, text).unwrap()
}

fn label(name: &str) -> Option<Label> {
    // The entity gold's names and dates; times and amounts are left out.
    name.parse::<Label>()
        .ok()
        .filter(|l| !matches!(l, Label::Time | Label::Money | Label::Percent))
}

/// The hand-annotated entity mentions of a seed article (the entity gold).
fn gold_entities(id: &str) -> Vec<Entity> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("eval-data/seeds_gold.json");
    let gold: SeedsGold = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let file = &gold.files[&format!("{id}.txt")];
    file.entities
        .iter()
        .filter(|m| !m.boilerplate)
        .filter_map(|m| {
            Some(Entity {
                span: Span::new(m.byte_start, m.byte_end),
                text: m.text.clone(),
                label: label(&m.label)?,
                canonical: m.canonical.clone(),
                value: None,
                sense: None,
            })
        })
        .collect()
}

const IDS: [&str; 5] = [
    "000_61d203704fab0176",
    "001_f59ec590bb28e41f",
    "002_7f3053ad9fff72a9",
    "003_64def25e471f1daf",
    "004_969307ade84956c6",
];

/// `(article, start of the quoted text, speaker, kind)`: the attributions
/// every version must get right.
const REQUIRED: &[(&str, &str, &str, QuoteKind)] = &[
    (
        "001_f59ec590bb28e41f",
        "We are not going to tolerate interference in 2018",
        "John Bolton",
        QuoteKind::Statement,
    ),
    (
        "001_f59ec590bb28e41f",
        "The sanctions are coming back, this is clear,",
        "John Bolton",
        QuoteKind::Statement,
    ),
    (
        "000_61d203704fab0176",
        "The President has made clear",
        "Sarah Huckabee Sanders",
        QuoteKind::Statement,
    ),
    (
        "000_61d203704fab0176",
        "completely unfounded",
        "Dmitry Peskov",
        QuoteKind::Phrase,
    ),
    (
        "003_64def25e471f1daf",
        "Well, I would, because he's in charge of the country.",
        "Donald Trump",
        QuoteKind::Statement,
    ),
    (
        "003_64def25e471f1daf",
        "The president and his administration are working very hard",
        "Sarah Huckabee Sanders",
        QuoteKind::Statement,
    ),
    (
        "002_7f3053ad9fff72a9",
        "We have repeatedly stated",
        "John Demers",
        QuoteKind::Statement,
    ),
];

fn check_required(quotes_of: impl Fn(&Document) -> Vec<Quote>) -> Vec<String> {
    let mut failures = Vec::new();
    for &(id, start, speaker, kind) in REQUIRED {
        let doc = seed(id);
        let quotes = quotes_of(&doc);
        match quotes.iter().find(|q| q.text.starts_with(start)) {
            None => failures.push(format!("{id}: no quote starting {start:?}")),
            Some(q) if q.speaker.as_deref() != Some(speaker) || q.kind != kind => {
                failures.push(format!(
                    "{id}: {start:?}: got {:?} ({:?}), want {speaker:?} ({kind:?})",
                    q.speaker, q.kind
                ))
            }
            Some(_) => {}
        }
    }
    failures
}

#[test]
fn gold_file_matches_the_articles() {
    let gold = quote_gold();
    assert_eq!(gold.len(), IDS.len());
    for g in &gold {
        let doc = seed(&g.id);
        for q in &g.quotes {
            assert_eq!(
                doc.text.get(q.start..q.end),
                Some(q.text.as_str()),
                "{}: {}",
                g.id,
                q.text
            );
        }
        assert!(
            g.quotes.windows(2).all(|w| w[0].end <= w[1].start),
            "{}: gold out of order",
            g.id
        );
    }
}

#[test]
fn required_attributions_with_gold_entities() {
    let failures = check_required(|doc| extract_quotes(doc, &gold_entities(&doc.id)));
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn required_attributions_with_the_tagger() {
    let tagger = Tagger::new();
    let failures = check_required(|doc| tagger.annotate(doc.clone()).quotes);
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn gold_scores_with_gold_entities() {
    let gold = quote_gold();
    let predicted: Vec<(String, Vec<Quote>)> = IDS
        .iter()
        .map(|id| {
            let doc = seed(id);
            (id.to_string(), extract_quotes(&doc, &gold_entities(id)))
        })
        .collect();
    let s = score_quotes(&gold, &predicted);
    assert!(s.overlap.recall() >= 0.95, "{s:#?}");
    assert!(s.overlap.precision() >= 0.95, "{s:#?}");
    assert!(s.exact.f1() >= 0.9, "{s:#?}");
    assert!(s.speaker_accuracy() >= 0.9, "{s:#?}");
}

#[test]
fn gold_scores_with_the_tagger() {
    let gold = quote_gold();
    let tagger = Tagger::new();
    let predicted: Vec<(String, Vec<Quote>)> = IDS
        .iter()
        .map(|id| (id.to_string(), tagger.annotate(seed(id)).quotes))
        .collect();
    let s = score_quotes(&gold, &predicted);
    assert!(s.overlap.recall() >= 0.95, "{s:#?}");
    assert!(s.speaker_accuracy() >= 0.9, "{s:#?}");
}

#[test]
fn quotes_are_ordered_disjoint_and_not_in_boilerplate() {
    for id in IDS {
        let doc = seed(id);
        let quotes = extract_quotes(&doc, &gold_entities(id));
        assert!(
            quotes.windows(2).all(|w| w[0].span.end <= w[1].span.start),
            "{id}"
        );
        for q in &quotes {
            let block = doc
                .blocks
                .iter()
                .find(|b| b.span.start <= q.span.start && q.span.start < b.span.end);
            assert!(block.is_some_and(|b| b.kind.is_content()), "{id}: {q:?}");
        }
    }
}

/// Entity mentions over arbitrary char-aligned ranges of `text`.
fn entities_for(text: &str, cuts: &[(usize, usize, u8)]) -> Vec<Entity> {
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let labels = [Label::Person, Label::Org, Label::Gpe, Label::Date];
    cuts.iter()
        .map(|&(a, b, l)| {
            let (a, b) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
            let (s, e) = (a.min(b), a.max(b));
            let canonical = if l % 2 == 0 {
                "Sarah Sanders"
            } else {
                "Bolton"
            };
            Entity {
                span: Span::new(s, e),
                text: text[s..e].to_string(),
                label: labels[usize::from(l) % labels.len()],
                canonical: canonical.to_string(),
                value: None,
                sense: None,
            }
        })
        .collect()
}

fn check_invariants(doc: &Document, quotes: &[Quote]) {
    let mut last_end = 0;
    for q in quotes {
        assert!(q.span.start <= q.span.end && q.span.end <= doc.text.len());
        assert!(doc.text.is_char_boundary(q.span.start) && doc.text.is_char_boundary(q.span.end));
        assert_eq!(&doc.text[q.span.range()], q.text);
        assert!(
            q.span.start >= last_end,
            "quotes overlap or are out of order"
        );
        last_end = q.span.end;
        if let Some(s) = q.speaker_span {
            assert!(
                s.end <= doc.text.len()
                    && doc.text.is_char_boundary(s.start)
                    && doc.text.is_char_boundary(s.end)
            );
        }
    }
}

/// Article-like fragments: marks of every kind, cues, names, pronouns,
/// roles and paragraph breaks.
const FRAGMENTS: &[&str] = &[
    "\"",
    "“",
    "”",
    "„",
    "«",
    "»",
    "‘",
    "’",
    "'",
    " ",
    " ",
    " ",
    "\n\n",
    "\n",
    ",",
    ".",
    ":",
    "?",
    " — ",
    "said",
    "told",
    "added",
    "called",
    "quoted",
    "asked",
    "was",
    "by",
    "according to",
    "is spoken in the statement by",
    "saying",
    "and",
    "who",
    "which",
    "the",
    "adviser",
    "spokeswoman",
    "of",
    "he",
    "she",
    "it",
    "Mr.",
    "Bolton",
    "Sarah Sanders",
    "White House",
    "Russia’s",
    "We will win",
    "When",
    "as reported by",
    "(",
    ")",
];

fn fragment_text(picks: &[usize]) -> String {
    picks
        .iter()
        .map(|&i| FRAGMENTS[i % FRAGMENTS.len()])
        .collect()
}

/// Entities on every occurrence of the names in `FRAGMENTS`.
fn name_entities(text: &str) -> Vec<Entity> {
    let mut out = Vec::new();
    for (name, label, canonical) in [
        ("Bolton", Label::Person, "John Bolton"),
        ("Sarah Sanders", Label::Person, "Sarah Huckabee Sanders"),
        ("White House", Label::Org, "White House"),
    ] {
        for (at, _) in text.match_indices(name) {
            out.push(Entity {
                span: Span::new(at, at + name.len()),
                text: name.to_string(),
                label,
                canonical: canonical.to_string(),
                value: None,
                sense: None,
            });
        }
    }
    out
}

proptest! {
    #[test]
    fn article_like_text_never_panics(picks in proptest::collection::vec(0usize..64, 0..300)) {
        let doc = parse::parse(fragment_text(&picks));
        let ents = name_entities(&doc.text);
        let quotes = extract_quotes(&doc, &ents);
        check_invariants(&doc, &quotes);
        for q in &quotes {
            // Speakers come from the entity list only.
            if let Some(sp) = &q.speaker {
                prop_assert!(ents.iter().any(|e| &e.canonical == sp));
            }
        }
    }

    #[test]
    fn never_panics_and_spans_are_valid(
        text in "(?s)([\"“”„«»‘’' a-zA-Z,.:;!?—\n]|said|he|she|told|Bolton|the|by|according to| ){0,200}",
        cuts in proptest::collection::vec((0usize..400, 0usize..400, 0u8..8), 0..12),
    ) {
        let doc = parse::parse(text);
        let ents = entities_for(&doc.text, &cuts);
        check_invariants(&doc, &extract_quotes(&doc, &ents));
    }

    #[test]
    fn never_panics_on_any_string(text in any::<String>(), cuts in proptest::collection::vec((0usize..64, 0usize..64, 0u8..8), 0..6)) {
        let doc = parse::parse(text);
        let ents = entities_for(&doc.text, &cuts);
        check_invariants(&doc, &extract_quotes(&doc, &ents));
    }
}

#[test]
fn megabyte_of_unmatched_marks_in_one_paragraph() {
    for unit in ["“", "«", "\" ", " \"a", "‘", "„ «"] {
        let text = unit.repeat((1 << 20) / unit.len());
        let doc = parse::parse(text);
        let quotes = extract_quotes(&doc, &[]);
        check_invariants(&doc, &quotes);
    }
}

#[test]
fn megabyte_of_marks_over_many_paragraphs() {
    let text = "\"He said \u{201c}no\n\n".repeat((1 << 20) / 16);
    let doc = parse::parse(text);
    let quotes = extract_quotes(&doc, &[]);
    check_invariants(&doc, &quotes);
}

/// Many attributed and unattributed quotes, pronouns and names in one
/// megabyte-long paragraph: every step of attribution must stay linear.
#[test]
fn megabyte_paragraph_of_attributed_quotes() {
    let unit = "\"We act.\" Bolton said. \"Yes,\" he said. \"No.\" \"Maybe,\" the adviser added, \"or not.\" ";
    let text = format!("T\n\n{}\n", unit.repeat((1 << 20) / unit.len()));
    let doc = parse::parse(text);
    let entities: Vec<Entity> = doc
        .text
        .match_indices("Bolton")
        .map(|(at, _)| Entity {
            span: Span::new(at, at + 6),
            text: "Bolton".into(),
            label: Label::Person,
            canonical: "John Bolton".into(),
            value: None,
            sense: None,
        })
        .collect();
    let quotes = extract_quotes(&doc, &entities);
    check_invariants(&doc, &quotes);
    assert!(quotes.len() > 50_000);
    assert!(quotes.iter().filter(|q| q.speaker.is_some()).count() > 50_000);
}
