//! Entity types.

use crate::{Document, Quote, Span};

/// Entity labels (OntoNotes names).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
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
    /// Every label, in declaration order.
    pub const ALL: [Label; 12] = [
        Label::Person,
        Label::Org,
        Label::Gpe,
        Label::Loc,
        Label::Norp,
        Label::Fac,
        Label::Event,
        Label::Date,
        Label::Time,
        Label::Money,
        Label::Percent,
        Label::Misc,
    ];

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

    /// True for labels of named things (not dates, times or amounts).
    pub fn is_name(self) -> bool {
        !matches!(
            self,
            Label::Date | Label::Time | Label::Money | Label::Percent
        )
    }
}

/// Error for a string that names no [`Label`]: the crate's
/// [`Error`](crate::Error) (variant `Label`), under the name it had before the
/// crate had one error type.
pub type LabelError = crate::Error;

impl std::str::FromStr for Label {
    type Err = LabelError;

    /// Parses a label as [`Label::as_str`] writes it (`"PERSON"`, `"GPE"`, …).
    fn from_str(s: &str) -> Result<Label, LabelError> {
        Label::ALL
            .into_iter()
            .find(|l| l.as_str() == s)
            .ok_or_else(|| crate::Error::Label(s.to_string()))
    }
}

impl std::fmt::Display for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a GPE mention (a country, city or state name) stands for in its
/// sentence.
///
/// OntoNotes labels every such name GPE; ACE and the Universal NER
/// guidelines tell the place apart from the state acting under its name.
/// The tagger keeps the label and records the reading here, from the words
/// around the mention (the subject of an action verb, a possessive such as
/// "Russia's actions", "by"/"against"), or a sports team named after it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Sense {
    /// The territory: "in Russia", "flights to Beijing", "U.S. stock futures".
    Place,
    /// The state or its government acting: "Russia announced a
    /// suspension", "sanctions against Russia", "Beijing's intervention".
    Agent,
    /// A sports team named after the place: "beating England", "played for
    /// Footscray", "South Africa are almost at the point of no return".
    Team,
}

impl Sense {
    /// The sense as written in output (`"place"`, `"agent"`, `"team"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Sense::Place => "place",
            Sense::Agent => "agent",
            Sense::Team => "team",
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
    /// For GPE mentions, whether the name stands for the place or for the
    /// state acting under it; `None` for other labels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sense: Option<Sense>,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Tagger;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn tagger_is_send_and_sync() {
        assert_send_sync::<Tagger>();
    }

    #[test]
    fn labels_parse_as_they_print() {
        for l in Label::ALL {
            assert_eq!(l.as_str().parse::<Label>(), Ok(l));
        }
        assert_eq!(
            "PER".parse::<Label>().map_err(|e| e.to_string()),
            Err("unknown entity label \"PER\"".to_string())
        );
    }
}
