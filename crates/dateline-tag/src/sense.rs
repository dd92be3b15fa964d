//! What a place name stands for in its sentence.
//!
//! A country or city name often names the state, its government or its
//! national team rather than the territory: "Russia announced a suspension",
//! "sanctions against Russia", "Beijing's intervention", "Australia were in
//! control". ACE annotates such GPE mentions with an organisation role, and
//! the Universal NER guidelines (after NorNE's `GPE_ORG`) label them ORG. The
//! tagger keeps the label GPE (OntoNotes) and records the reading as
//! [`Sense`], decided here from the words around the mention:
//!
//! - the mention is the subject of an action verb ("Russia announced",
//!   "Spain had expelled", "China was defeated"), possibly as the last of a
//!   pair ("the Ottoman Empire and Russia were denied");
//! - a possessive names something a state has or does ("Russia's actions",
//!   "Beijing's intervention", "Hong Kong's High Court");
//! - the agent of a passive or the target of an action ("by Beijing",
//!   "against Russia"), the subject of an infinitive ("for Beijing to
//!   demonstrate");
//! - a national team ("this Australia side", "South Africa are", "beating
//!   England").
//!
//! Everything else is the place itself.

use crate::words::{WordList, entries};
use std::ops::Range;
use std::sync::OnceLock;

use crate::TokenKind;
use crate::entity::Sense;
use crate::fxhash::FxHashSet;
use crate::tokens::Tok;

/// Irregular forms of the action verbs below.
static IRREGULAR: &str = include_str!("../words/sense_action_verbs_irregular.txt");

/// Verbs whose subject is an actor, as base forms; regular inflections
/// (-s, -es, -ed, -d, -ing, y → -ies / -ied) are recognised.
static ACTION_VERBS: &str = include_str!("../words/sense_action_verbs.txt");

/// Things a state has or does, after a possessive ("Russia's actions").
static STATE_POSSESSIONS: WordList =
    WordList::new(include_str!("../words/sense_state_possessions.txt"));

/// Nouns after a bare place name that make it a team ("this Australia side").
static TEAM_NOUNS: WordList = WordList::new(include_str!("../words/sense_team_nouns.txt"));

/// Bodies of a state named with the place as modifier ("the Hong Kong
/// government").
static STATE_BODIES: WordList = WordList::new(include_str!("../words/sense_state_bodies.txt"));

/// Words between subject and verb that keep the subject reading.
static AUXILIARIES: WordList = WordList::new(include_str!("../words/sense_auxiliaries.txt"));

/// Words before a subject that do not make the name an object or a modifier.
static PREPOSITIONS: WordList = WordList::new(include_str!("../words/sense_prepositions.txt"));

/// Words before "for"/"with" and a name that make it a team: "played for
/// Footscray", "signed with Lausanne", "26 games for Lausanne".
static TEAM_FOR: WordList = WordList::new(include_str!("../words/sense_team_for.txt"));

/// Whether the two words before a name make it a team: "played for",
/// "signed with", "games for".
pub(crate) fn played_for(prev2: &str, prev: &str) -> bool {
    matches!(prev, "for" | "with") && TEAM_FOR.contains(prev2)
}

/// Verbs before a name that make it a sports opponent or club.
static TEAM_VERBS: WordList = WordList::new(include_str!("../words/sense_team_verbs.txt"));

/// Words before "to" and a name that make it an opponent ("lost to Tulsa").
static TEAM_LOST: WordList = WordList::new(include_str!("../words/sense_team_lost.txt"));

/// Words between two teams in a fixture line in capitals ("LEEDS V EVERTON").
static FIXTURE_MARKS: WordList = WordList::new(include_str!("../words/sense_fixture_marks.txt"));

/// Conjunctions and clause openers that end a noun phrase.
static PHRASE_END: WordList = WordList::new(include_str!("../words/sense_phrase_end.txt"));

/// Verbs that make a place the actor after "for … to", besides the action
/// verbs.
static INFINITIVE_VERBS: WordList =
    WordList::new(include_str!("../words/sense_infinitive_verbs.txt"));

/// Adjectives between a possessive place name and its head noun.
static POSSESSION_ADJECTIVES: WordList =
    WordList::new(include_str!("../words/sense_possession_adjectives.txt"));

/// Words that open a clause, before a subject.
static CLAUSE_OPENERS: WordList = WordList::new(include_str!("../words/sense_clause_openers.txt"));

/// Every form of the action verbs: irregular forms, and regular
/// inflections of the base forms (-s, -es, -ed, -ing, a final e taking -d
/// and dropping before -ing, y becoming -ied/-ies, a doubled final
/// consonant: "banned", "expelled"). Built once.
fn action_verb_forms() -> &'static FxHashSet<String> {
    static FORMS: OnceLock<FxHashSet<String>> = OnceLock::new();
    FORMS.get_or_init(|| {
        let mut set: FxHashSet<String> = entries(IRREGULAR).map(str::to_string).collect();
        for b in entries(ACTION_VERBS) {
            for suf in ["", "s", "es", "ed", "ing"] {
                set.insert(format!("{b}{suf}"));
            }
            if let Some(stem) = b.strip_suffix('e') {
                set.insert(format!("{b}d"));
                set.insert(format!("{stem}ing"));
            }
            if let Some(stem) = b.strip_suffix('y') {
                set.insert(format!("{stem}ied"));
                set.insert(format!("{stem}ies"));
            }
            if let Some(last) = b.chars().last() {
                set.insert(format!("{b}{last}ed"));
                set.insert(format!("{b}{last}ing"));
            }
        }
        set
    })
}

/// Whether `word` (lowercase) is a form of an action verb.
fn is_action_verb(word: &str) -> bool {
    action_verb_forms().contains(word)
}

fn norm<'t>(toks: &'t [Tok<'_>], k: usize) -> &'t str {
    toks.get(k).map_or("", |t| &t.norm)
}

fn is_possessive(n: &str) -> bool {
    matches!(n, "'s" | "’s" | "'" | "’")
}

/// The sense of a GPE mention over tokens `m` of sentence `sent`, once
/// [`results_line`] has not made it a team.
/// `gpe_after(k)` gives the end of a GPE mention starting at token `k`, so
/// that a coordinated pair ("Germany and Austria agreed") shares its verb.
pub(crate) fn gpe_sense(
    toks: &[Tok<'_>],
    m: Range<usize>,
    sent: Range<usize>,
    gpe_after: &dyn Fn(usize) -> Option<usize>,
    plural_name: bool,
) -> Sense {
    if team_reading(toks, m.clone(), sent.clone(), plural_name) {
        return Sense::Team;
    }
    if agent_before(toks, m.start, m.end, sent.start)
        || agent_after(toks, m.clone(), sent.clone(), plural_name)
    {
        return Sense::Agent;
    }
    // "Germany and Austria agreed": the pair is the subject.
    let mut end = m.end;
    while end + 1 < sent.end && matches!(norm(toks, end), "and" | "or" | ",") {
        match gpe_after(end + 1) {
            Some(e2) if e2 <= sent.end => {
                if verb_follows(toks, e2, sent.end) && subject_position(toks, m.start, sent.start) {
                    return Sense::Agent;
                }
                end = e2;
            }
            _ => break,
        }
    }
    Sense::Place
}

/// Where a name starting at `start` begins with its article: "the United
/// States" is read from "the".
fn with_article(toks: &[Tok<'_>], start: usize, sent_start: usize) -> usize {
    if start > sent_start && norm(toks, start - 1) == "the" {
        start - 1
    } else {
        start
    }
}

/// "by Beijing", "against Russia", "for Beijing to act".
fn agent_before(toks: &[Tok<'_>], start: usize, end: usize, sent_start: usize) -> bool {
    let k = with_article(toks, start, sent_start);
    if k == sent_start {
        return false;
    }
    let prev = norm(toks, k - 1);
    matches!(prev, "by" | "against") && phrase_ends(toks, end)
}

/// Whether a place over tokens `m` of sentence `sent` stands in a results
/// or fixture line, so that it names a team ("Leeds 2 Everton 1", "NEW
/// ORLEANS AT DALLAS"). The caller asks this before [`gpe_sense`]: the
/// reading has a rule id of its own.
pub(crate) fn results_line(toks: &[Tok<'_>], m: Range<usize>, sent: Range<usize>) -> bool {
    score_line(toks, m.clone(), sent.clone()) || fixture_line(toks, m, sent)
}

/// A sports team named after its place, from the words around it:
/// "beating England", "played for Footscray", "coached North Melbourne",
/// "lost to Tulsa", "the England side", "South Africa are almost at the
/// point of no return". Results and fixture lines are [`results_line`].
fn team_reading(toks: &[Tok<'_>], m: Range<usize>, sent: Range<usize>, plural_name: bool) -> bool {
    let k = with_article(toks, m.start, sent.start);
    let prev = if k > sent.start {
        norm(toks, k - 1)
    } else {
        ""
    };
    let cue_before = |k: usize| {
        let prev = if k > sent.start {
            norm(toks, k - 1)
        } else {
            ""
        };
        let prev2 = if k > sent.start + 1 {
            norm(toks, k - 2)
        } else {
            ""
        };
        TEAM_VERBS.contains(prev)
            || played_for(prev2, prev)
            || (prev == "to" && TEAM_LOST.contains(prev2))
            || (prev == "over" && matches!(prev2, "win" | "victory"))
    };
    // "played with Footscray and North Melbourne": the cue before the
    // first of two names joined by "and".
    let joined = prev == "and" && k >= sent.start + 2 && {
        let i = crate::tokens::cap_run_start(toks, k - 1, sent.start);
        i < k - 1 && cue_before(i)
    };
    let before = cue_before(k) || joined;
    let e = m.end;
    let next = if e < sent.end { norm(toks, e) } else { "" };
    // "a win over Cuba's famous Teófil Stevenson": the possessive names
    // someone of the place.
    // "defeated ISIS and Turkey would be moving": a new clause.
    if before
        && phrase_ends(toks, m.end)
        && !is_possessive(next)
        && !(joined && verb_follows(toks, e, sent.end))
    {
        return true;
    }
    if e >= sent.end {
        return false;
    }
    if TEAM_NOUNS.contains(next) && toks[e].lower() {
        return true;
    }
    // A singular name with a plural verb is a team: "South Africa are"
    // ("Heydour and Aisby are" is two places).
    // "if Turkey were to reconsider" is a subjunctive.
    !plural_name
        && matches!(next, "are" | "were")
        && !matches!(prev, "and" | "," | "or" | "if")
        && norm(toks, e + 1) != "to"
        && subject_position(toks, m.start, sent.start)
}

/// A score: a number of one or two digits ("2", not "2012" or "3.5").
fn is_score(toks: &[Tok<'_>], k: usize) -> bool {
    toks.get(k).is_some_and(|t| {
        t.kind == TokenKind::Number
            && t.text.len() <= 2
            && t.text.bytes().all(|b| b.is_ascii_digit())
    })
}

/// A results line: a place name with its score, next to another name with
/// its score, names a team ("Leeds 2 Everton 1", "Everton 1 Leeds 2"). A
/// place followed by a number with no other scored name ("Route 66", "Paris
/// 3 times") is not read so.
fn score_line(toks: &[Tok<'_>], m: Range<usize>, sent: Range<usize>) -> bool {
    if m.end >= sent.end || !is_score(toks, m.end) {
        return false;
    }
    let named = |k: usize| toks.get(k).is_some_and(|t| t.is_word() && t.cap);
    // "Leeds 2 Everton 1": a capitalized run after the score, then a score.
    let mut j = m.end + 1;
    while j < sent.end && named(j) {
        j += 1;
    }
    if j > m.end + 1 && j < sent.end && is_score(toks, j) {
        return true;
    }
    // "Everton 1 Leeds 2": a capitalized word and a score before the name.
    m.start >= sent.start + 2 && is_score(toks, m.start - 1) && named(m.start - 2)
}

/// A fixture in a line written in capitals: "NEW ORLEANS AT DALLAS",
/// "LEEDS V EVERTON". Both sides are teams.
fn fixture_line(toks: &[Tok<'_>], m: Range<usize>, sent: Range<usize>) -> bool {
    let upper = |k: usize| toks.get(k).is_some_and(|t| t.is_word() && t.upper);
    let fixture = |k: usize| toks.get(k).is_some_and(|t| FIXTURE_MARKS.contains(t.text));
    if !(m.clone()).all(|k| toks[k].upper || !toks[k].is_word()) {
        return false;
    }
    (m.end < sent.end && fixture(m.end) && upper(m.end + 1))
        || (m.start > sent.start + 1 && fixture(m.start - 1) && upper(m.start - 2))
}

/// Whether the noun phrase ends at token `e`: "by UK spy agency GCHQ" uses
/// the name as a modifier, "by Beijing since 1997" does not.
fn phrase_ends(toks: &[Tok<'_>], e: usize) -> bool {
    let Some(t) = toks.get(e) else {
        return true;
    };
    if !t.is_word() {
        return true;
    }
    let n: &str = &t.norm;
    t.lower() && (PREPOSITIONS.contains(n) || AUXILIARIES.contains(n) || PHRASE_END.contains(n))
}

fn agent_after(toks: &[Tok<'_>], m: Range<usize>, sent: Range<usize>, plural_name: bool) -> bool {
    let e = m.end;
    if e >= sent.end {
        return false;
    }
    let next = norm(toks, e);
    // "for Beijing to demonstrate"
    if next == "to"
        && m.start > sent.start
        && norm(toks, m.start - 1) == "for"
        && e + 1 < sent.end
        && toks[e + 1].lower()
        && is_action_verb_or_plain(norm(toks, e + 1))
    {
        return true;
    }
    if is_possessive(next) {
        // "Russia 's" written apart reaches here as "'" and "s".
        let from = if matches!(next, "'" | "’") && norm(toks, e + 1) == "s" {
            e + 2
        } else {
            e + 1
        };
        return possession_is_state(toks, from, sent.end);
    }
    if STATE_BODIES.contains(next) && toks[e].lower() {
        return true;
    }
    if !subject_position(toks, m.start, sent.start) {
        return false;
    }
    // A singular name with a plural verb is a team: "South Africa are".
    (!plural_name && matches!(next, "are" | "were" | "have")) || verb_follows(toks, e, sent.end)
}

fn is_action_verb_or_plain(w: &str) -> bool {
    is_action_verb(w) || INFINITIVE_VERBS.contains(w)
}

/// Whether the words after a possessive name something a state has or does:
/// the first noun-like word within three tokens, or a capitalized state body
/// ("Hong Kong's High Court").
fn possession_is_state(toks: &[Tok<'_>], from: usize, end: usize) -> bool {
    for t in toks.iter().take(end).skip(from).take(3) {
        if !t.is_word() {
            return false;
        }
        let n: &str = &t.norm;
        if STATE_POSSESSIONS.contains(n) {
            return true;
        }
        // Adjectives before the head: "Russia's recent actions".
        if t.lower() && (n.ends_with("ly") || POSSESSION_ADJECTIVES.contains(n)) {
            continue;
        }
        if t.cap {
            continue;
        }
        return false;
    }
    false
}

/// Whether a name starting at `start` stands where a subject stands: at the
/// start of the sentence or of a clause, not after a preposition or a verb
/// that makes it an object.
fn subject_position(toks: &[Tok<'_>], start: usize, sent_start: usize) -> bool {
    let k = with_article(toks, start, sent_start);
    if k == sent_start {
        return true;
    }
    let prev = &toks[k - 1];
    if !prev.is_word() {
        // Punctuation: a clause or a quotation starts.
        return !matches!(prev.text, "-" | "–" | "/" | "'" | "’");
    }
    let p: &str = &prev.norm;
    if PREPOSITIONS.contains(p) || is_possessive(p) {
        return false;
    }
    // A sentence-initial adverb ("Naturally China will …") or a clause
    // opener ("after", "that", "when", "and").
    (k - 1 == sent_start && p.ends_with("ly")) || CLAUSE_OPENERS.contains(p)
}

/// Whether an action verb follows token `e`, possibly after auxiliaries and
/// adverbs ("has repeatedly denied", "will be presenting").
fn verb_follows(toks: &[Tok<'_>], e: usize, end: usize) -> bool {
    let mut k = e;
    let mut aux = 0;
    while k < end && aux <= 3 {
        let t = &toks[k];
        if !t.is_word() {
            return false;
        }
        let n: &str = &t.norm;
        if is_action_verb(n) && t.lower() {
            return true;
        }
        if AUXILIARIES.contains(n) || (n.ends_with("ly") && t.lower() && n.len() > 4) {
            // "will be presenting": any -ing form after an auxiliary acts.
            if k + 1 < end && matches!(n, "be" | "been" | "is" | "was" | "are" | "were") {
                let nx = norm(toks, k + 1);
                if nx.ends_with("ing") && nx.len() > 5 && toks[k + 1].lower() {
                    return true;
                }
            }
            k += 1;
            aux += 1;
            continue;
        }
        return false;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verb_forms() {
        for w in [
            "announced",
            "announces",
            "announcing",
            "denied",
            "denies",
            "banned",
            "planning",
            "ceded",
            "said",
            "expelled",
            "integrated",
            "tried",
            "vetoed",
            "withdrew",
        ] {
            assert!(is_action_verb(w), "{w}");
        }
        for w in ["is", "country", "band", "annexe", "planet", "said_"] {
            assert!(!is_action_verb(w), "{w}");
        }
    }
}
