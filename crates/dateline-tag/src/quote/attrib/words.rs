//! The words attribution reads: speech cues, auxiliaries, pronouns, roles,
//! subordinators and prepositions (the lists are files under `words/`).

use super::*;
use crate::words::WordList;

use crate::words::SPEECH_VERBS as SPEECH;
/// Verbs whose object is the speaker ("quoted", "cited").
static QUOTING: WordList = WordList::new(include_str!("../../../words/attrib_quoting.txt"));
/// Participles whose subject is the subject of the main clause.
static PARTICIPLE: WordList = WordList::new(include_str!("../../../words/attrib_participle.txt"));

/// Nouns of written statements whose speaker is who issued them.
pub(super) static DOCUMENTS: WordList =
    WordList::new(include_str!("../../../words/attrib_documents.txt"));

/// Nouns naming an organisation by its kind (`the ministry said`).
pub(super) static ORG_NOUNS: WordList =
    WordList::new(include_str!("../../../words/attrib_org_nouns.txt"));

/// Participles of verbs that pass words on rather than say them.
static REPORTING: WordList = WordList::new(include_str!("../../../words/attrib_reporting.txt"));
/// Participles of saying in a passive cue.
static PASSIVE_PARTICIPLES: WordList = WordList::new(include_str!(
    "../../../words/attrib_passive_participles.txt"
));
/// Nouns naming a person by function.
static ROLES: WordList = WordList::new(include_str!("../../../words/attrib_roles.txt"));
/// Conjunctions that open a subordinate clause.
static SUBORDINATORS: WordList =
    WordList::new(include_str!("../../../words/attrib_subordinators.txt"));
/// Words that open an adverbial phrase before a cue.
static PHRASE_OPENERS: WordList =
    WordList::new(include_str!("../../../words/attrib_phrase_openers.txt"));
/// Abbreviations written with a full stop inside a name phrase.
pub(super) static ABBREVIATIONS: WordList =
    WordList::new(include_str!("../../../words/attrib_abbreviations.txt"));
/// Verbs of naming (`a pattern called a “glider”`).
pub(super) static NAMING_VERBS: WordList =
    WordList::new(include_str!("../../../words/attrib_naming_verbs.txt"));
/// Nouns of what someone said, after a possessive (`Peskov's words`).
pub(super) static WORDS_NOUNS: WordList =
    WordList::new(include_str!("../../../words/attrib_words_nouns.txt"));
/// Prepositions that make a mention inside a speaker phrase an object.
pub(super) static PHRASE_PREPOSITIONS: WordList = WordList::new(include_str!(
    "../../../words/attrib_phrase_prepositions.txt"
));
/// Prepositions whose object is not a speaker (`at Biden`).
pub(super) static OBJECT_PREPOSITIONS: WordList = WordList::new(include_str!(
    "../../../words/attrib_object_prepositions.txt"
));

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cue {
    /// The subject speaks: said, told, added, called, …
    Speech,
    /// The object is the speaker: quoted, cited.
    Quoting,
    /// `…, saying “…”`: the subject of the main clause speaks.
    Participle,
}

pub(super) fn cue_word(lower: &str) -> Option<Cue> {
    if SPEECH.contains(lower) {
        Some(Cue::Speech)
    } else if QUOTING.contains(lower) {
        Some(Cue::Quoting)
    } else if PARTICIPLE.contains(lower) {
        Some(Cue::Participle)
    } else {
        None
    }
}

pub(super) fn is_aux(lower: &str) -> bool {
    matches!(
        lower,
        "is" | "was" | "are" | "were" | "be" | "been" | "being"
    )
}

/// Participles of verbs that pass words on rather than say them.
pub(super) fn is_reporting(lower: &str) -> bool {
    REPORTING.contains(lower)
}

pub(super) fn is_passive_participle(lower: &str) -> bool {
    PASSIVE_PARTICIPLES.contains(lower)
}

pub(super) fn pronoun(lower: &str) -> Option<(Label, Option<Gender>)> {
    match lower {
        "he" => Some((Label::Person, Some(Gender::Male))),
        "she" => Some((Label::Person, Some(Gender::Female))),
        "it" | "they" => Some((Label::Org, None)),
        _ => None,
    }
}

/// Nouns naming a person by function; a definite phrase headed by one can
/// refer back to a person already named.
pub(super) fn is_role(lower: &str) -> bool {
    // `the 56-year-old said`
    lower.ends_with("-year-old") || ROLES.contains(lower)
}

pub(super) fn is_subordinator(lower: &str) -> bool {
    SUBORDINATORS.contains(lower)
}

pub(super) fn is_preposition(lower: &str) -> bool {
    PHRASE_OPENERS.contains(lower)
}
