//! Aliases, lists, storms, short forms completed to full names, and "Jr.".

use super::*;
use crate::words::{PhraseList, WordList};

/// "also known as": the two words before an alias.
static ALIAS_PHRASES: PhraseList =
    PhraseList::new(include_str!("../../words/lists_alias_phrases.txt"));

/// "Hurricane Katrina": words before a storm's name.
static STORM_WORDS: WordList = WordList::new(include_str!("../../words/lists_storm_words.txt"));

/// "Jr.", "Sr.": suffixes of a person's name.
static NAME_SUFFIXES: WordList = WordList::new(include_str!("../../words/lists_name_suffixes.txt"));

impl<'k, 'a> Doc<'k, 'a> {
    /// Names in one list ("Orgy, Velvet Revolver and Linkin Park", "Athenians,
    /// Spartans and Achaeans") are of one kind: where the knowledge base or a
    /// rule labelled some items alike, the model's guesses for the others
    /// take that label. Expects mentions sorted by position.
    pub(super) fn list_labels(&mut self) {
        let mut i = 0;
        while i < self.mentions.len() {
            // Grow a run of mentions joined by ",", "and", "or", ", and".
            let mut j = i + 1;
            while j < self.mentions.len() {
                let (a, b) = (&self.mentions[j - 1], &self.mentions[j]);
                let gap = a.toks.end..b.toks.start;
                let joined = !gap.is_empty()
                    && gap.len() <= 2
                    && gap
                        .clone()
                        .all(|k| matches!(self.toks[k].norm.as_ref(), "," | "and" | "or"))
                    && self.same_sentence(a.toks.start, b.toks.start);
                if !joined {
                    break;
                }
                j += 1;
            }
            if j - i >= 3 {
                let evidence: Vec<Label> = self.mentions[i..j]
                    .iter()
                    .filter(|m| m.source != Source::Model)
                    .map(|m| m.label)
                    .collect();
                if let Some(&l) = evidence.first()
                    && evidence.iter().all(|&x| x == l)
                    && matches!(l, Label::Org | Label::Norp | Label::Person | Label::Gpe)
                {
                    for m in &mut self.mentions[i..j] {
                        if m.source == Source::Model {
                            m.label = l;
                        }
                    }
                }
            }
            i = j;
        }
    }

    /// "Max Carey, Kiki Cuyler, Rabbit Maranville, and Pie Traynor": two
    /// or three capitalized words between people in a list, or after the
    /// last one, are a person too, even when they are ordinary words
    /// ("Rabbit", "Pie") that no rule takes for a name. Expects mentions
    /// sorted.
    pub(super) fn list_people(&mut self) {
        let is_sep = |t: &Tok<'_>| matches!(t.norm.as_ref(), "," | "and");
        let person_at: HashSet<usize> = self
            .mentions
            .iter()
            .filter(|m| m.label == Label::Person)
            .map(|m| m.toks.start)
            .collect();
        let mut add: Vec<Range<usize>> = Vec::new();
        for mi in 1..self.mentions.len() {
            let (p, a) = (&self.mentions[mi - 1], &self.mentions[mi]);
            // A list of people: two already, joined by a comma or "and".
            if a.label != Label::Person
                || p.label != Label::Person
                || p.toks.end >= a.toks.start
                || a.toks.start - p.toks.end > 2
                || !(p.toks.end..a.toks.start).all(|k| is_sep(&self.toks[k]))
                || !self.same_sentence(p.toks.start, a.toks.start)
            {
                continue;
            }
            let mut k = a.toks.end;
            loop {
                let sep_start = k;
                while k < self.toks.len() && is_sep(&self.toks[k]) && k - sep_start < 2 {
                    k += 1;
                }
                if k == sep_start
                    || k >= self.toks.len()
                    || person_at.contains(&k)
                    || !self.same_sentence(a.toks.start, k)
                {
                    break;
                }
                let start = k;
                while k < self.toks.len()
                    && k - start < 3
                    && self.toks[k].is_word()
                    && self.toks[k].cap
                    && !self.toks[k].upper
                    && !self.taken[k]
                {
                    k += 1;
                }
                let end = k;
                let closes = self
                    .toks
                    .get(end)
                    .is_none_or(|t| matches!(t.text, "." | ";" | ")" | ":"));
                let continues = self.toks.get(end).is_some_and(&is_sep);
                // "Weather Report", "Hall of Fame": ordinary or head words
                // end no person's name.
                let plain = (start..end).all(|x| {
                    let n = self.toks[x].norm.as_ref();
                    !self.lex.titles.contains(n) && self.head_kind(n).is_none()
                }) && end > start
                    && !self.lex.common.contains(self.toks[end - 1].norm.as_ref());
                if end - start < 2 || !(closes || continues) || !plain {
                    break;
                }
                add.push(start..end);
                if closes {
                    break;
                }
            }
        }
        for r in add {
            if self.free(r.clone()) {
                self.push(r, Label::Person, Vec::new(), Source::Rule);
            }
        }
    }

    /// "Aisby … known as Asebi in the Domesday Book", "can be spelt as
    /// Azeby": another name for something named before it in the sentence
    /// by the knowledge base or the rules is the same kind of thing. The
    /// model's guess for the alias gives way. Expects mentions sorted.
    pub(super) fn aliases(&mut self) {
        for mi in 1..self.mentions.len() {
            let m = &self.mentions[mi];
            if m.source != Source::Model || m.toks.start < 2 {
                continue;
            }
            let (a, b) = (
                self.toks[m.toks.start - 2].norm.as_ref(),
                self.toks[m.toks.start - 1].norm.as_ref(),
            );
            let alias = ALIAS_PHRASES.contains(&[a, b]);
            if !alias {
                continue;
            }
            let start = m.toks.start;
            let named = self.mentions[..mi].iter().rev().find(|p| {
                self.same_sentence(p.toks.start, start)
                    && matches!(p.source, Source::Kb | Source::Rule)
                    && matches!(
                        p.label,
                        Label::Gpe | Label::Loc | Label::Org | Label::Person | Label::Fac
                    )
            });
            if let Some(l) = named.map(|p| p.label) {
                self.mentions[mi].label = l;
            }
        }
    }

    /// "Hurricane Rita", "Typhoon Haiyan", "Tropical Storm Allison": a named
    /// storm is an event, and so is its name alone elsewhere in the document
    /// ("Rita packed winds of 240 km/h"), which the model reads as a person.
    pub(super) fn storm_names(&mut self) {
        let mut names: HashSet<String> = HashSet::default();
        let mut k = 0;
        while k + 1 < self.toks.len() {
            let t = &self.toks[k];
            let n = &self.toks[k + 1];
            let storm = t.cap
                && STORM_WORDS.contains(t.norm.as_ref())
                && n.is_word()
                && n.cap
                && !n.upper
                && self.same_sentence(k, k + 1)
                && !self.lex.common.contains(n.norm.as_ref());
            if !storm {
                k += 1;
                continue;
            }
            let name = n.norm.to_string();
            let r = k..k + 2;
            // Mentions in the way must lie inside the storm's name.
            if self.mentions.iter().any(|m| {
                m.toks.start < r.end
                    && m.toks.end > r.start
                    && (m.toks.start < r.start || m.toks.end > r.end)
            }) {
                k += 1;
                continue;
            }
            self.claim(r, Label::Event);
            names.insert(name);
            k += 2;
        }
        if names.is_empty() {
            return;
        }
        for m in &mut self.mentions {
            if m.toks.len() == 1
                && m.label == Label::Person
                && names.contains(self.toks[m.toks.start].norm.as_ref())
            {
                m.label = Label::Event;
                m.source = Source::Rule;
            }
        }
    }

    /// "Martin Luther King, Jr.", "Cal Ripken Sr.": a generational suffix
    /// belongs to the name before it. Expects mentions sorted by position.
    pub(super) fn name_suffixes(&mut self) {
        let is_suffix = |t: &Tok<'_>| NAME_SUFFIXES.contains(t.norm.as_ref());
        let mut absorbed: Vec<usize> = Vec::new();
        for mi in 0..self.mentions.len() {
            if self.mentions[mi].label != Label::Person {
                continue;
            }
            let e = self.mentions[mi].toks.end;
            let tok = |k: usize| self.toks.get(k);
            // An epithet: "Lucas Cranach the Elder", "Louis the German".
            let epithet = tok(e).is_some_and(|t| t.text == "the")
                && tok(e + 1).is_some_and(|t| t.cap && EPITHETS.contains(t.norm.as_ref()));
            // A suffix, after a comma or not: "King, Jr.", "Ripken Sr.".
            let k = if tok(e).is_some_and(|t| t.text == ",") {
                e + 1
            } else {
                e
            };
            let suffix = tok(k).is_some_and(|t| t.cap && is_suffix(t));
            let end = if epithet {
                e + 2
            } else if suffix {
                k + 1
            } else {
                continue;
            };
            if !self.same_sentence(e - 1, end - 1) {
                continue;
            }
            // The epithet or suffix may have been tagged on its own.
            absorbed.extend(
                self.mentions
                    .iter()
                    .position(|m| m.toks.start >= e && m.toks.end <= end),
            );
            self.take(e..end);
            self.mentions[mi].toks.end = end;
        }
        absorbed.sort_unstable();
        absorbed.dedup();
        for j in absorbed.into_iter().rev() {
            self.mentions.remove(j);
        }
    }

    /// A mention that lacks a word of a longer name written elsewhere in the
    /// document, where that word stands right beside it, gets the whole name:
    /// "Lichtensteiger" after a sentence-initial "Kory" becomes "Kory
    /// Lichtensteiger" when the article names "Kory Lichtensteiger" elsewhere.
    pub(super) fn complete_names(&mut self) {
        // The long names, with the label and knowledge-base candidates a
        // completed short form takes over.
        let long: HashMap<Vec<String>, (Label, Vec<u32>)> = self
            .mentions
            .iter()
            .filter(|m| m.toks.len() >= 2)
            .map(|m| {
                let words: Vec<String> = self
                    .norms(m.toks.clone())
                    .into_iter()
                    .map(String::from)
                    .collect();
                (words, (m.label, m.cands.clone()))
            })
            .filter(|(w, _)| w.len() >= 2)
            .collect();
        if long.is_empty() {
            return;
        }
        let mut grow: Vec<(usize, Range<usize>, Label, Vec<u32>)> = Vec::new();
        for (mi, m) in self.mentions.iter().enumerate() {
            let sent = self.sentence_of(m.toks.start);
            let usable = |k: usize| {
                k < self.toks.len()
                    && !self.taken[k]
                    && self.toks[k].is_word()
                    && (self.toks[k].cap || self.toks[k].upper)
                    && self.sentence_of(k) == sent
            };
            'found: for left in 0..=2usize {
                if left > m.toks.start {
                    break;
                }
                if !(m.toks.start - left..m.toks.start).all(usable) {
                    break;
                }
                for right in 0..=2usize {
                    if left + right == 0 {
                        continue;
                    }
                    if !(m.toks.end..m.toks.end + right).all(usable) {
                        break;
                    }
                    let r = m.toks.start - left..m.toks.end + right;
                    let words: Vec<String> = self
                        .norms(r.clone())
                        .into_iter()
                        .map(String::from)
                        .collect();
                    if let Some((label, cands)) = long.get(&words) {
                        grow.push((mi, r, *label, cands.clone()));
                        break 'found;
                    }
                }
            }
        }
        for (mi, r, label, cands) in grow {
            if (r.start..self.mentions[mi].toks.start)
                .chain(self.mentions[mi].toks.end..r.end)
                .any(|k| self.taken[k])
            {
                continue;
            }
            self.take(r.clone());
            let m = &mut self.mentions[mi];
            m.toks = r;
            m.label = label;
            // The completed name is the long name's entity, not the short
            // form's ("European" grown to "European Southern Observatory").
            let kb = !cands.is_empty();
            m.cands = cands;
            m.source = if kb { Source::Kb } else { Source::Rule };
        }
    }
}
