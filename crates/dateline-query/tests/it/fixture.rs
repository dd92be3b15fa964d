//! Hand-built tagged documents (entities and quotations set explicitly, so
//! the tests do not depend on the tagger's current abilities).

use dateline_query::tag::QuoteKind;
use dateline_query::tag::parse::Parser;
use dateline_query::{Entity, Index, Label, Quote, Span, TaggedDocument};

/// A tagged document; each entity is (label, surface form, canonical name)
/// and is placed at the first occurrence of its surface form.
pub(crate) fn doc(
    id: &str,
    text: &str,
    date: &str,
    entities: &[(Label, &str, &str)],
) -> TaggedDocument {
    let mut document = Parser::new().parse(id, text.to_string()).unwrap();
    document.date = Some(date.parse().unwrap());
    let mut out = Vec::new();
    for &(label, surface, canonical) in entities {
        let start = text.find(surface).unwrap_or(0);
        out.push(Entity {
            span: Span::new(start, start + surface.len()),
            text: surface.to_string(),
            label,
            canonical: canonical.to_string(),
            value: None,
            sense: None,
        });
    }
    out.sort_by_key(|e| e.span);
    TaggedDocument {
        document,
        entities: out,
        quotes: Vec::new(),
    }
}

/// Three small articles about security advisers and election interference.
pub(crate) fn sample_index() -> Index {
    let mut index = Index::new();
    for d in sample_docs() {
        index.add(&d);
    }
    index
}

/// The documents of [`sample_index`].
pub(crate) fn sample_docs() -> Vec<TaggedDocument> {
    let mut docs = Vec::new();
    docs.push(doc(
        "a",
        "Bolton meets Patrushev\n\nJohn Bolton and Nikolai Patrushev met in Geneva on Thursday.\n",
        "2018-07-19",
        &[
            (Label::Person, "John Bolton", "John Bolton"),
            (Label::Person, "Nikolai Patrushev", "Nikolai Patrushev"),
        ],
    ));
    docs.push(doc(
        "b",
        "Election interference\n\nOfficials warned about foreign interference by Russia. Trump spoke in the US.\n",
        "2018-07-25",
        &[(Label::Person, "Trump", "Donald Trump"), (Label::Gpe, "US", "United States"), (Label::Gpe, "Russia", "Russia")],
    ));
    let text = "Trump rejects meddling\n\nDonald Trump said \"we will not tolerate foreign interference\" at a meeting in США.\n";
    let mut c = doc(
        "c",
        text,
        "2019-03-02",
        &[
            (Label::Person, "Donald Trump", "Donald Trump"),
            (Label::Gpe, "США", "United States"),
        ],
    );
    let q = "we will not tolerate foreign interference";
    let start = text.find(q).unwrap();
    let speaker = text.find("Donald Trump").unwrap();
    c.quotes.push(Quote {
        span: Span::new(start, start + q.len()),
        text: q.to_string(),
        speaker: Some("Donald Trump".into()),
        speaker_span: Some(Span::new(speaker, speaker + 12)),
        cue: Some("said".into()),
        kind: QuoteKind::Statement,
    });
    docs.push(c);
    docs
}
