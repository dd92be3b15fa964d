//! The learned model's spans in the gaps the rules left.

use super::*;
use crate::words::{EndingList, WordList};

/// "Athenians", "Hittites": endings of a plural that names a people.
static PEOPLE_ENDINGS: EndingList =
    EndingList::new(include_str!("../../words/one_word_people_endings.txt"));

/// "into Thrace", "near Husum": prepositions of place.
static PLACE_PREPOSITIONS: WordList =
    WordList::new(include_str!("../../words/one_word_place_prepositions.txt"));

/// "retreat to Abra": verbs of motion and compass words before "to".
static MOTION_WORDS: WordList =
    WordList::new(include_str!("../../words/one_word_motion_words.txt"));

/// Words after "the" and one name that end the phrase.
static THE_NAME_STOPS: WordList =
    WordList::new(include_str!("../../words/one_word_the_name_stops.txt"));

impl<'k, 'a> Doc<'k, 'a> {
    /// Model spans fill the gaps the knowledge base and rules left.
    pub(super) fn model_pass(&mut self) {
        let model = std::mem::take(&mut self.model);
        for (span, label) in model {
            let s = self.toks.partition_point(|t| t.span.start < span.start);
            let mut e = s;
            while e < self.toks.len() && self.toks[e].span.end <= span.end {
                e += 1;
            }
            if e <= s || !self.free(s..e) {
                continue;
            }
            match self.and_split(s..e) {
                Some(k) => {
                    self.model_span(s, k, label);
                    self.model_span(k + 1, e, label);
                }
                None => self.model_span(s, e, label),
            }
        }
    }

    /// Where a model span joins two names with "and": "the Pump House and
    /// the Paxton First Schoolhouse", "Skin Games and Jesus Jones". A span
    /// is cut at "and" when "the" and two or more words follow it, or when
    /// the words before it end in a name head ("House", "Games"). Band
    /// names ("Bela Fleck and the Flecktones") and names joined before a
    /// shared head ("Franklin and Megantic Railway") stay whole.
    pub(super) fn and_split(&self, r: Range<usize>) -> Option<usize> {
        let k = (r.start + 1..r.end.saturating_sub(1)).find(|&k| self.toks[k].norm == "and")?;
        let after = if self.toks[k + 1].norm == "the" {
            k + 2
        } else {
            k + 1
        };
        let the_and_more = after == k + 2 && r.end - after >= 2;
        let left_head = self.head_kind(&self.toks[k - 1].norm).is_some() && self.toks[k - 1].cap;
        (the_and_more || left_head).then_some(k)
    }

    /// One span the model proposed, trimmed to a name and labelled with the
    /// context cues the rules read.
    pub(super) fn model_span(&mut self, s: usize, e: usize, label: Label) {
        let mut e = e;
        // A name does not run across a comma ("Macedon, Philip").
        if let Some(c) = (s + 1..e).find(|&k| self.toks[k].text == ",") {
            e = c;
        }
        // A name ends with a capitalized word or a number, not with
        // "police", "area" or a bracket; a lowercase word other than a
        // connector ends a descriptor before the name ("punk band The …").
        e = self.name_end(s, e);
        let mut s2 = (s..e)
            .rev()
            .find(|&k| {
                let t = &self.toks[k];
                t.is_word() && t.lower() && !is_connector(&t.norm)
            })
            .map_or(s, |k| k + 1);
        // Strip a leading "the", titles and a sentence-initial common
        // word ("During the Post-Classic period").
        while s2 < e
            && (self.toks[s2].norm == "the"
                || self.lex.titles.contains(self.toks[s2].norm.as_ref())
                || (self.toks[s2].sent_start
                    && e - s2 > 1
                    && self.lex.common.contains(self.toks[s2].norm.as_ref())
                    && !self.lex.first_names.contains(self.toks[s2].norm.as_ref())))
        {
            s2 += 1;
        }
        if s2 >= e {
            return;
        }
        // "Queenslander Mitchell Rawlins", "Juniors Erique Dozier": a
        // descriptor before a given name and a surname is not part of the
        // person's name.
        if label == Label::Person
            && let Some(k) = self.given_name_after_descriptor(s2..e)
            && (s2..k).all(|x| self.toks[x].is_word() && self.toks[x].cap)
        {
            s2 = k;
        }
        // Names are capitalized, not only ordinary words, and not in headlines.
        let t0 = &self.toks[s2];
        let sent = self.sentence_of(s2);
        // The model reads English: a span needs a word in Latin letters.
        let latin = (s2..e).any(|k| self.toks[k].text.chars().any(|c| c.is_ascii_alphabetic()));
        // One word that news nearly always writes in lowercase
        // ("Economy", "Internet") is a capitalized noun, not a name.
        let lowercase_word = e - s2 == 1
            && (crate::model::case_bucket(&t0.norm).mostly_lower()
                || self
                    .lex
                    .not_acronyms
                    .contains(t0.norm.trim_end_matches('.')));
        if !latin
            || lowercase_word
            || !(t0.cap || t0.upper)
            || (s2..e).all(|k| {
                self.lex.common.contains(self.toks[k].norm.as_ref()) || !self.toks[k].is_word()
            })
            || sent.is_some_and(|k| self.title_case[k] && !self.in_capitals(k))
        {
            return;
        }
        let label = match label {
            Label::Loc => {
                let prev = if s2 > 0 {
                    self.toks[s2 - 1].norm.as_ref()
                } else {
                    ""
                };
                if LOC_PREPS.contains(prev) || e - s2 == 1 {
                    Label::Gpe
                } else {
                    Label::Loc
                }
            }
            l => l,
        };
        let sent = sent
            .and_then(|k| self.sents.get(k))
            .cloned()
            .unwrap_or(s2..e);
        let label = self
            .head_label(s2..e)
            .or_else(|| self.kind_after(e))
            .or_else(|| self.context_cue(s2..e, sent.clone()))
            .or_else(|| self.predicate_cue(s2..e, sent))
            .or_else(|| self.people_or_language(s2..e))
            .unwrap_or(label);
        let label = self.one_word_label(s2..e, label);
        self.push(s2..e, label, Vec::new(), Source::Model);
    }

    /// A sentence set in capitals (a headline, a dateline, a results line):
    /// four in five of its words of two letters or more are all capitals.
    /// The model, trained on such lines too, proposes names there, where
    /// capitalization says nothing; in a title-case headline it does not.
    pub(super) fn in_capitals(&self, s: usize) -> bool {
        let Some(r) = self.sents.get(s) else {
            return false;
        };
        let (mut words, mut upper) = (0usize, 0usize);
        for t in &self.toks[r.clone()] {
            if t.is_word() && t.text.chars().count() > 1 {
                words += 1;
                upper += usize::from(t.upper);
            }
        }
        words >= 2 && upper * 5 >= words * 4
    }

    /// A person is not named "the X": one word after "the" that ends its
    /// phrase ("between the Danevirke and Husum", "the Drava and the
    /// Danube", "the sultan of the Deccan") is most often a place: a river,
    /// a region, a fortification. "the Obama administration" (a modifier),
    /// "the Coleman Federal …" (part of a longer name) and "the Kennedys"
    /// stay as they are.
    /// What a one-word name the model labelled is, by the words around it
    /// and its ending; other spans keep the model's label.
    pub(super) fn one_word_label(&self, r: Range<usize>, label: Label) -> Label {
        if r.len() != 1 {
            return label;
        }
        let label = self.the_name(r.clone(), label);
        // "into Thrace", "near Husum": one word after a preposition of
        // place is not a person ("in Smith's view" keeps its possessive).
        let after_place_prep = r.start > 0
            && PLACE_PREPOSITIONS.contains(self.toks[r.start - 1].norm.as_ref())
            && !self
                .toks
                .get(r.end)
                .is_some_and(|t| matches!(t.norm.as_ref(), "'s" | "'"));
        // "retreat to Abra", "shifted to Narve", "east to Bedhampton":
        // "to" after a verb of motion or a compass word.
        let motion_to = r.start >= 2
            && self.toks[r.start - 1].norm == "to"
            && MOTION_WORDS.contains(self.toks[r.start - 2].norm.as_ref());
        // "suburban Reston and Herndon".
        let suburban = r.start >= 1 && self.toks[r.start - 1].norm == "suburban";
        let label = if label == Label::Person && (after_place_prep || motion_to || suburban) {
            Label::Gpe
        } else {
            label
        };
        // "played with Footscray", "26 games for Lausanne": a club.
        let for_team = r.start >= 2
            && crate::sense::played_for(&self.toks[r.start - 2].norm, &self.toks[r.start - 1].norm);
        let label = if label == Label::Person && for_team {
            Label::Org
        } else {
            label
        };
        // "Athenians", "Achaeans", "Hittites": a people, not a person.
        let norm: &str = &self.toks[r.start].norm;
        if matches!(label, Label::Person | Label::Org) && PEOPLE_ENDINGS.ends(norm) {
            Label::Norp
        } else {
            label
        }
    }

    pub(super) fn the_name(&self, r: Range<usize>, label: Label) -> Label {
        if label != Label::Person || r.len() != 1 || r.start < 1 {
            return label;
        }
        let t = &self.toks[r.start];
        let n: &str = &t.norm;
        let continues = self.toks.get(r.end).is_some_and(|x| {
            x.is_word()
                && (x.cap
                    || (x.lower()
                        && !is_connector(&x.norm)
                        && !THE_NAME_STOPS.contains(x.norm.as_ref())))
        });
        if self.toks[r.start - 1].norm != "the"
            || n.ends_with('s')
            || t.upper
            || self.lex.first_names.contains(n)
            || continues
        {
            return label;
        }
        Label::Loc
    }
}
