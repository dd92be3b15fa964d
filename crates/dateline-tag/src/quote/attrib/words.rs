//! The words attribution reads: speech cues, auxiliaries, pronouns, roles,
//! subordinators and prepositions.

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
    matches!(lower, "quoted" | "cited" | "reported")
}

pub(super) fn is_passive_participle(lower: &str) -> bool {
    matches!(
        lower,
        "spoken"
            | "said"
            | "stated"
            | "quoted"
            | "written"
            | "noted"
            | "reported"
            | "cited"
            | "announced"
            | "declared"
            | "voiced"
            | "expressed"
            | "made"
            | "issued"
            | "told"
            | "asked"
    )
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
    lower.ends_with("-year-old")
        || matches!(
            lower,
            "actor"
                | "actress"
                | "analyst"
                | "artist"
                | "author"
                | "economist"
                | "executive"
                | "guitarist"
                | "manager"
                | "musician"
                | "player"
                | "rapper"
                | "scientist"
                | "singer"
                | "star"
                | "strategist"
                | "adviser"
                | "advisor"
                | "archbishop"
                | "bishop"
                | "cardinal"
                | "captain"
                | "coach"
                | "judge"
                | "king"
                | "queen"
                | "prince"
                | "professor"
                | "researcher"
                | "lawyer"
                | "founder"
                | "commissioner"
                | "candidate"
                | "nominee"
                | "aide"
                | "ambassador"
                | "attorney"
                | "chairman"
                | "chairwoman"
                | "chancellor"
                | "chief"
                | "commander"
                | "congressman"
                | "congresswoman"
                | "diplomat"
                | "director"
                | "envoy"
                | "governor"
                | "head"
                | "leader"
                | "lawmaker"
                | "mayor"
                | "minister"
                | "official"
                | "premier"
                | "president"
                | "prosecutor"
                | "representative"
                | "secretary"
                | "senator"
                | "spokesman"
                | "spokesperson"
                | "spokeswoman"
                | "politician"
        )
}

pub(super) fn is_subordinator(lower: &str) -> bool {
    matches!(
        lower,
        "when"
            | "after"
            | "before"
            | "while"
            | "although"
            | "though"
            | "since"
            | "if"
            | "because"
            | "once"
            | "until"
            | "whereas"
    )
}

pub(super) fn is_preposition(lower: &str) -> bool {
    matches!(
        lower,
        "in" | "on"
            | "at"
            | "after"
            | "before"
            | "during"
            | "with"
            | "from"
            | "for"
            | "to"
            | "by"
            | "according"
            | "speaking"
            | "asked"
            | "when"
            | "while"
            | "as"
            | "since"
            | "despite"
    )
}

pub(super) const ABBREVIATIONS: &[&str] = &[
    "co", "col", "corp", "dr", "gen", "gov", "inc", "jr", "lt", "ltd", "mr", "mrs", "ms", "no",
    "prof", "rep", "sen", "sr", "st", "vs",
];
