//! Entity types and the tagger.

use crate::{Document, Quote, Span};

/// Entity labels (OntoNotes names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "UPPERCASE")]
#[non_exhaustive]
pub enum Label {
    /// People.
    Person,
    /// Organizations.
    Org,
    /// Countries, cities, states.
    Gpe,
    /// Non-GPE locations.
    Loc,
    /// Nationalities, religious and political groups.
    Norp,
    /// Facilities.
    Fac,
    /// Named events.
    Event,
    /// Dates.
    Date,
    /// Times of day.
    Time,
    /// Monetary amounts.
    Money,
    /// Percentages.
    Percent,
    /// Other named things.
    Misc,
}

impl Label {
    /// The label as written in output (`"PERSON"`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Org => "ORG",
            Label::Gpe => "GPE",
            Label::Loc => "LOC",
            Label::Norp => "NORP",
            Label::Fac => "FAC",
            Label::Event => "EVENT",
            Label::Date => "DATE",
            Label::Time => "TIME",
            Label::Money => "MONEY",
            Label::Percent => "PERCENT",
            Label::Misc => "MISC",
        }
    }
}

/// One entity mention.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Entity {
    /// Where the mention is in the original text.
    pub span: Span,
    /// The surface form.
    pub text: String,
    /// Its label.
    pub label: Label,
    /// The canonical name of the entity it refers to.
    pub canonical: String,
    /// A normalized value (ISO date, amount) where one applies.
    pub value: Option<String>,
}

/// A document with its entities and quotations.
#[derive(Debug, Clone)]
pub struct TaggedDocument {
    /// The parsed document.
    pub document: Document,
    /// Entity mentions in text order.
    pub entities: Vec<Entity>,
    /// Quotations in text order.
    pub quotes: Vec<Quote>,
}

/// Finds entities and quotations.
#[derive(Debug, Clone, Default)]
pub struct Tagger {}

impl Tagger {
    /// A tagger with the bundled knowledge base.
    pub fn new() -> Tagger {
        Tagger {}
    }

    /// Entity mentions of a document's content blocks.
    pub fn entities(&self, _doc: &Document) -> Vec<Entity> {
        Vec::new()
    }

    /// Entity mentions of plain text.
    pub fn entities_text(&self, _text: &str) -> Vec<Entity> {
        Vec::new()
    }

    /// Quotations of a document, given its entities.
    pub fn quotes(&self, doc: &Document, entities: &[Entity]) -> Vec<Quote> {
        crate::quote::extract(doc, entities)
    }

    /// Tags a document: entities and quotations.
    pub fn annotate(&self, document: Document) -> TaggedDocument {
        let entities = self.entities(&document);
        let quotes = self.quotes(&document, &entities);
        TaggedDocument { document, entities, quotes }
    }
}
