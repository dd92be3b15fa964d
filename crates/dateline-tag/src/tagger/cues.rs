//! Context cues around a name: the words before and after it that say what it names.

use super::*;
use crate::words::{EndingList, LabelledList, WordList};

/// "Bosnians", "Cypriots": endings of a plural that names a people.
static PEOPLE_PLURAL_ENDINGS: EndingList =
    EndingList::new(include_str!("../../words/cues_people_plural_endings.txt"));

/// "Transnistrian", "Japanese": endings of an adjective of a people.
static PEOPLE_ADJECTIVE_ENDINGS: EndingList = EndingList::new(include_str!(
    "../../words/cues_people_adjective_endings.txt"
));

/// Award words after a name ("Nobel laureates").
static AWARD_HOLDERS: WordList = WordList::new(include_str!("../../words/cues_award_holders.txt"));
/// ", a former minister": words before the role noun.
static ROLE_MODIFIERS: WordList =
    WordList::new(include_str!("../../words/cues_role_modifiers.txt"));
/// ", the spokesman said": what follows the role noun.
static AFTER_ROLE: WordList = WordList::new(include_str!("../../words/cues_after_role.txt"));
/// "the Landes département": kinds of place after a name.
static KIND_AFTER: LabelledList =
    LabelledList::new(include_str!("../../words/cues_kind_after.txt"));
/// "the village of X": kinds of place.
static PLACE_KINDS: LabelledList =
    LabelledList::new(include_str!("../../words/cues_place_kinds.txt"));
/// "the villages of X and Y": plural kinds of place.
static PLACE_KINDS_PLURAL: LabelledList =
    LabelledList::new(include_str!("../../words/cues_place_kinds_plural.txt"));
/// "an area called X".
static CALLED_KINDS: WordList = WordList::new(include_str!("../../words/cues_called_kinds.txt"));
/// "the state Constitution": administrative words before an institution.
static ADMINISTRATIVE: WordList =
    WordList::new(include_str!("../../words/cues_administrative.txt"));
/// "X is a village in …": what ends the kind of place.
static AFTER_PLACE_KIND: WordList =
    WordList::new(include_str!("../../words/cues_after_place_kind.txt"));
/// "Sandy Hook, Maryland from where …".
static AFTER_COMMA_PLACE: WordList =
    WordList::new(include_str!("../../words/cues_after_comma_place.txt"));
/// "the Chamicuro people", "Sami dialects".
static PEOPLE_LANGUAGE: LabelledList =
    LabelledList::new(include_str!("../../words/cues_people_language.txt"));
/// "Caloi was founded in 1898".
static FOUNDED: WordList = WordList::new(include_str!("../../words/cues_founded.txt"));
/// Words that end the search for a kind noun in a predicate.
static PREDICATE_STOPS: WordList =
    WordList::new(include_str!("../../words/cues_predicate_stops.txt"));
/// Place heads that make a political unit (GPE).
static GPE_HEADS: WordList = WordList::new(include_str!("../../words/cues_gpe_heads.txt"));
/// "a radio station": an organisation.
static BROADCAST: WordList = WordList::new(include_str!("../../words/kind_nouns_broadcast.txt"));
/// Descriptors before a name that make it an organisation ("the newspaper Postimees", "the band Korn").
static ORG_WORDS: WordList = WordList::new(include_str!("../../words/cues_org_words.txt"));
/// "the film The Last Emperor", "their 1998 album, Electro-Shock Blues".
static WORK_WORDS: WordList = WordList::new(include_str!("../../words/cues_work_words.txt"));
/// "Korn's guitarist", "Sears's stores", "Velvet Revolver frontman Scott Weiland": what only a band or a company has.
static ORG_HAS: WordList = WordList::new(include_str!("../../words/cues_org_has.txt"));
/// "Arafat's death", "Smith's widow": what only a person has.
static PERSON_HAS: WordList = WordList::new(include_str!("../../words/cues_person_has.txt"));

impl<'k, 'a> Doc<'k, 'a> {
    /// What the words around a name say it is: a descriptor before it ("the
    /// newspaper Postimees", "the band Korn"), a role in apposition after it
    /// ("Kaja Kallas, leader of …", "Eric Butler, the founder"), or "according
    /// to" before a multi-word name.
    pub(super) fn context_cue(&self, r: Range<usize>, sent: Range<usize>) -> Option<Label> {
        let norm = |k: usize| self.toks.get(k).map_or("", |t| t.norm.as_ref());
        // "… he would play I remember": the pronoun is no name.
        if r.len() == 1 && norm(r.start) == "i" {
            return None;
        }
        // "band The Mad Capsule Markets", "the film The Last Emperor": the
        // cue stands before a capitalized "The" that opens the name.
        let start = if r.start > sent.start + 1
            && self.toks[r.start - 1].text == "The"
            && !self.toks[r.start - 1].sent_start
        {
            r.start - 1
        } else {
            r.start
        };
        if start > sent.start {
            let prev = norm(start - 1);
            if ORG_WORDS.contains(prev) {
                return Some(Label::Org);
            }
            let work = if prev == "," && start >= sent.start + 2 {
                norm(start - 2)
            } else {
                prev
            };
            if WORK_WORDS.contains(work) && self.toks[start - 1 - usize::from(prev == ",")].lower()
            {
                return Some(Label::Misc);
            }
        }
        let owned = if norm(r.end) == "'s" {
            r.end + 1
        } else {
            r.end
        };
        if owned < sent.end
            && ORG_HAS.contains(norm(owned))
            && self.toks[owned].lower()
            && !(r.len() >= 2 && self.lex.first_names.contains(norm(r.start)))
        {
            return Some(Label::Org);
        }
        // "Nobel laureates", "Pulitzer winner": an award before the
        // holders of it.
        if r.len() == 1
            && self
                .toks
                .get(r.end)
                .is_some_and(|t| t.lower() && AWARD_HOLDERS.contains(t.norm.as_ref()))
        {
            return Some(Label::Misc);
        }
        if norm(r.end) == "'s"
            && owned < sent.end
            && PERSON_HAS.contains(norm(owned))
            && self.toks[owned].lower()
            && self.head_label(r.clone()).is_none()
        {
            return Some(Label::Person);
        }
        // ", the spokesman", ", leader of", ", a former minister"
        if norm(r.end) == "," && r.end + 1 < sent.end {
            let mut k = r.end + 1;
            if matches!(norm(k), "the" | "a" | "an" | "its" | "his" | "her") {
                k += 1;
            }
            if ROLE_MODIFIERS.contains(norm(k)) {
                k += 1;
            }
            let role = norm(k);
            let after = norm(k + 1);
            if self.lex.titles.contains(role)
                && self.toks.get(k).is_some_and(|t| !t.cap)
                && AFTER_ROLE.contains(after)
            {
                return Some(Label::Person);
            }
        }
        if r.len() >= 2
            && r.start >= sent.start + 2
            && norm(r.start - 2) == "according"
            && norm(r.start - 1) == "to"
            && self.toks[r.start].cap
        {
            return Some(Label::Person).filter(|_| self.head_label(r.clone()).is_none());
        }
        None
    }

    /// "Chicago Bulls", "Bowling Green Falcons", "West Coast Eagles": a known
    /// place followed by one capitalized plural noun names a team or a club.
    pub(super) fn place_team(&self, r: Range<usize>) -> bool {
        if r.len() < 2 {
            return false;
        }
        let last = &self.toks[r.end - 1];
        let plural = last.is_word()
            && last.cap
            && !last.upper
            && last.norm.len() > 3
            && last.norm.ends_with('s')
            && !last.norm.ends_with("ss")
            && !self.lex.common.contains(last.norm.as_ref())
            && !self.lex.first_names.contains(last.norm.as_ref())
            && self.head_kind(&last.norm).is_none()
            // "Bosnian Serbs", "Greek Cypriots": a people, not a team.
            && !self
                .kb
                .longest(&self.toks[..r.end], r.end - 1, &|_| true)
                .is_some_and(|m| m.len == 1 && self.entries_are(&m.entries, |l| l == Label::Norp))
            && !PEOPLE_PLURAL_ENDINGS.ends(&last.norm);
        plural
            && self
                .kb
                .longest(&self.toks[..r.end], r.start, &|_| true)
                .is_some_and(|m| {
                    m.len == r.len() - 1
                        && self.entries_are(&m.entries, |l| matches!(l, Label::Gpe | Label::Loc))
                })
    }

    /// "the Bijeli Brijeg neighbourhood", "the Landes département": a kind
    /// of place in lowercase right after a name (token `e`).
    pub(super) fn kind_after(&self, e: usize) -> Option<Label> {
        let t = self.toks.get(e)?;
        // "the Transnistrian region": an adjective of a people.
        let name = self.toks.get(e.checked_sub(1)?)?;
        // "Our neighborhood": an ordinary word, no name.
        if !t.lower()
            || self.lex.common.contains(name.norm.as_ref())
            || PEOPLE_ADJECTIVE_ENDINGS.ends(&name.norm)
        {
            return None;
        }
        KIND_AFTER.get(t.norm.as_ref())
    }

    /// Whether the context says that the capitalized run `r` is a place:
    /// "the village of X", "X, Maryland" (a known place after a comma), "X is
    /// a village in …". Natural features give LOC, settlements GPE.
    pub(super) fn place_cue(&self, r: Range<usize>, sent: Range<usize>) -> Option<Label> {
        let kind = |n: &str| -> Option<Label> { PLACE_KINDS.get(n) };
        // "the villages of Lougou and Tougana".
        let kinds = |n: &str| -> Option<Label> { PLACE_KINDS_PLURAL.get(n) };
        let norm = |k: usize| self.toks.get(k).map_or("", |t| t.norm.as_ref());
        // "the village of X"
        if r.start >= sent.start + 2
            && norm(r.start - 1) == "of"
            && let Some(l) = kind(norm(r.start - 2)).or_else(|| kinds(norm(r.start - 2)))
        {
            return Some(l);
        }
        // "the villages of Lougou and Tougana": the second of two names.
        if r.start >= sent.start + 4 && norm(r.start - 1) == "and" {
            let k = crate::tokens::cap_run_start(&self.toks, r.start - 1, sent.start);
            if k + 1 < r.start
                && k >= sent.start + 2
                && norm(k - 1) == "of"
                && let Some(l) = kinds(norm(k - 2))
            {
                return Some(l);
            }
        }
        // "an area called Pampa Hermosa", "a village named Aisby".
        if r.start >= sent.start + 2
            && matches!(norm(r.start - 1), "called" | "named")
            && let Some(l) = kind(norm(r.start - 2)).or_else(|| {
                CALLED_KINDS
                    .contains(norm(r.start - 2))
                    .then_some(Label::Loc)
            })
        {
            return Some(l);
        }
        // "the river Huallaga", "nature park Kopački Rit": the kind of
        // place, in lowercase, right before the name.
        // Not "the state Constitution", "city Council": administrative
        // words before an institution's name.
        let prev = if r.start > sent.start {
            norm(r.start - 1)
        } else {
            ""
        };
        let first = norm(r.start);
        if r.start > sent.start
            && self.toks[r.start - 1].lower()
            && !ADMINISTRATIVE.contains(prev)
            && !self.lex.common.contains(first)
            && !crate::model::case_bucket(first).usually_lower()
            && self.head_label(r.clone()).is_none()
            && let Some(l) = kind(prev).or_else(|| (prev == "park").then_some(Label::Loc))
        {
            return Some(l);
        }
        // "X, Maryland": a known place after a comma.
        if norm(r.end) == ","
            && r.end + 1 < sent.end
            && self.kb_gpe_start.get(r.end + 1).copied().unwrap_or(false)
        {
            return Some(Label::Gpe);
        }
        // "X is a village in …", "X, a town in …"
        let mut k = r.end;
        if matches!(norm(k), "is" | "was" | ",") {
            k += 1;
            if matches!(norm(k), "a" | "an" | "the") {
                let stop = (k + 5).min(sent.end);
                for j in k + 1..stop {
                    // "a village in", but not "a state senator".
                    let after = norm(j + 1);
                    let ends = after.is_empty() || AFTER_PLACE_KIND.contains(after);
                    if let Some(l) = kind(norm(j)).filter(|_| ends) {
                        return Some(l);
                    }
                    if !self.toks[j].is_word() {
                        break;
                    }
                }
            }
        }
        None
    }

    /// "Sandy Hook, Maryland from where …": a known place after a comma,
    /// itself followed by punctuation or a preposition, places the name
    /// before it even when that name opens with a given name ("Larry Hogan,
    /// Maryland's governor" does not).
    pub(super) fn comma_place(&self, end: usize, sent_end: usize) -> bool {
        if self.toks.get(end).is_none_or(|t| t.text != ",")
            || !self.kb_gpe_start.get(end + 1).copied().unwrap_or(false)
        {
            return false;
        }
        let Some(m) = self.mentions.iter().find(|m| m.toks.start == end + 1) else {
            return false;
        };
        m.toks.end >= sent_end
            || self.toks.get(m.toks.end).is_some_and(|t| {
                matches!(t.text, "," | "." | ";" | ")" | ":")
                    || AFTER_COMMA_PLACE.contains(t.norm.as_ref())
            })
    }

    /// "the Chamicuro people", "Sami dialects", "Ilocano speakers": a name
    /// before a word for a people or a language names that people (NORP) or
    /// language (MISC), not a person.
    pub(super) fn people_or_language(&self, r: Range<usize>) -> Option<Label> {
        let next = self.toks.get(r.end)?;
        if !next.lower() {
            return None;
        }
        PEOPLE_LANGUAGE.get(next.norm.as_ref())
    }

    /// What a copular sentence says a name is: "Bilka is a Danish chain of
    /// hypermarkets", "Aero Gare was a kitplane manufacturer", "Digilogue is
    /// a music album", "Caloi was founded in 1898".
    pub(super) fn predicate_cue(&self, r: Range<usize>, sent: Range<usize>) -> Option<Label> {
        let norm = |k: usize| self.toks.get(k).map_or("", |t| t.norm.as_ref());
        let k = r.end;
        if !matches!(norm(k), "is" | "was" | ",") || k + 2 >= sent.end {
            return None;
        }
        // "Caloi was founded in 1898", "X was formed by": organisations are
        // founded; a known place would have been found by the knowledge base.
        if norm(k) != ","
            && FOUNDED.contains(norm(k + 1))
            && matches!(norm(k + 2), "in" | "by" | "on" | "as" | "at")
        {
            return Some(Label::Org);
        }
        // "Caloi, a Brazilian bicycle maker"; ", the party's nominee"
        // after a name describes a person.
        // An appositive after a longer name is most often a person's role
        // ("Rocky McGaugh, a developer of CAOS").
        if norm(k) == "," && r.len() > 1 {
            return None;
        }
        let articles: &[&str] = if norm(k) == "," {
            &["a", "an"]
        } else {
            &["a", "an", "the"]
        };
        if !articles.contains(&norm(k + 1)) {
            return None;
        }
        let stop = (k + 7).min(sent.end);
        for j in k + 2..stop {
            let t = &self.toks[j];
            if !t.is_word() {
                break;
            }
            let n: &str = &t.norm;
            if let Some(l) = kind_noun(n, norm(j - 1)) {
                // "a music album", not "a record label executive".
                let next = norm(j + 1);
                let ends = self
                    .toks
                    .get(j + 1)
                    .is_none_or(|x| !x.is_word() && x.text != "-" && x.norm != "'s")
                    || NOUN_PHRASE_END.contains(next);
                return ends.then_some(l);
            }
            // "a psychology professor at Clemson University" describes a
            // person: a title or role word before the head settles it.
            if PREDICATE_STOPS.contains(n) || self.lex.titles.contains(n) {
                break;
            }
        }
        None
    }

    /// The label the last word of a multi-word name gives it, when that word
    /// is an organisation, place or facility head ("Sandy River Railroad",
    /// "Davis Gym", "Willett Brook"): stronger evidence than the model's
    /// guess, which often reads any unknown capitalized run as a person.
    pub(super) fn head_label(&self, r: Range<usize>) -> Option<Label> {
        if r.len() < 2 {
            return None;
        }
        self.head_kind(&self.toks[r.end - 1].norm)
    }

    /// The kind of name that `last` (a norm) heads as a name's last word:
    /// "Railroad" an organisation, "Gym" a facility, "Cup" an event, "Award"
    /// another named thing, "Brook" or "County" a place.
    pub(super) fn head_kind(&self, last: &str) -> Option<Label> {
        let lex = self.lex;
        if lex.is_org_suffix(last) {
            Some(Label::Org)
        } else if lex.fac_suffixes.contains(last) {
            Some(Label::Fac)
        } else if lex.event_suffixes.contains(last) {
            Some(Label::Event)
        } else if lex.misc_suffixes.contains(last) {
            Some(Label::Misc)
        } else if lex.loc_suffixes.contains(last) {
            Some(if GPE_HEADS.contains(last) {
                Label::Gpe
            } else {
                Label::Loc
            })
        } else {
            None
        }
    }
}

/// Kind nouns and the label each gives a name (`words/kind_nouns.txt`).
static KIND_NOUNS: LabelledList = LabelledList::new(include_str!("../../words/kind_nouns.txt"));

/// What a kind noun `n` (a norm) after the word `prev` says a name is: "a
/// band" an organisation, "a village" a place, "a singer" a person; "a radio
/// station" and "a school district" are organisations.
pub(super) fn kind_noun(n: &str, prev: &str) -> Option<Label> {
    match (n, prev) {
        ("station", p) if BROADCAST.contains(p) => Some(Label::Org),
        ("district", "school") => Some(Label::Org),
        _ => KIND_NOUNS.get(n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::entries;

    #[test]
    fn every_labelled_line_parses() {
        for (list, file) in [
            (&KIND_AFTER, include_str!("../../words/cues_kind_after.txt")),
            (
                &PLACE_KINDS,
                include_str!("../../words/cues_place_kinds.txt"),
            ),
            (
                &PLACE_KINDS_PLURAL,
                include_str!("../../words/cues_place_kinds_plural.txt"),
            ),
            (
                &PEOPLE_LANGUAGE,
                include_str!("../../words/cues_people_language.txt"),
            ),
        ] {
            assert_eq!(list.len(), entries(file).count());
        }
        assert_eq!(kind_noun("station", "radio"), Some(Label::Org));
        assert_eq!(PLACE_KINDS.get("creek"), Some(Label::Loc));
    }
}
