//! Names built on a known name, mended into one ("University of Edinburgh", "German Air Force").

use super::*;

/// A join of mentions: the index of the first, the joined tokens, the
/// joined mention.
type Join = (usize, Range<usize>, Option<Mention>);
use crate::words::WordList;

/// Ordinal words that open a numbered unit ("Third Army", "First Division").
static ORDINALS: WordList = WordList::new(include_str!("../../words/mend_ordinals.txt"));

/// "at Macy's": words before a shop's possessive.
static SHOP_BEFORE: WordList = WordList::new(include_str!("../../words/mend_shop_before.txt"));

/// Military units ("Brigade", "Division").
static MILITARY_UNITS: WordList =
    WordList::new(include_str!("../../words/mend_military_units.txt"));

/// "Spanish Empire": heads that make a state.
static STATE_HEADS: WordList = WordList::new(include_str!("../../words/mend_state_heads.txt"));

/// "Kingdom of France", "Port of Liverpool": heads before "of" and a place.
static OF_PLACE_HEADS: crate::words::LabelledList =
    crate::words::LabelledList::new(include_str!("../../words/mend_of_place_heads.txt"));

/// "the 5th fought": words after a numbered unit.
static UNIT_VERBS: WordList = WordList::new(include_str!("../../words/mend_unit_verbs.txt"));

impl<'k, 'a> Doc<'k, 'a> {
    /// "Rankin's Mill", "Sayler's Creek", "Ingall's Road": a name, a
    /// possessive and capitalized words ending in a place or facility head
    /// name one place, not a person and a place. Expects mentions sorted.
    pub(super) fn possessive_places(&mut self) {
        let mut k = 0;
        while k + 2 < self.toks.len() {
            let owner = &self.toks[k];
            let possessive = owner.is_word()
                && owner.cap
                && !owner.upper
                && self.toks[k + 1].norm == "'s"
                && self.toks[k + 1].span.start == owner.span.end;
            if !possessive {
                k += 1;
                continue;
            }
            // The owner may be a one-word mention; the words after the
            // possessive must be free or one-word mentions too.
            let single_or_free = |x: usize| {
                !self.taken[x]
                    || self
                        .mentions
                        .iter()
                        .any(|m| m.toks == (x..x + 1) && m.source != Source::Kb)
            };
            // "at Macy's", "Dillard's and Ivey's": a possessive with no
            // noun after it names a shop or a company ("a friend of
            // Smith's" and "Smith's and Jones's accounts" do not).
            let after = self.toks.get(k + 2);
            let elliptical = after.is_none_or(|t| {
                matches!(t.text, "." | "," | ";" | ")" | ":")
                    || matches!(t.norm.as_ref(), "and" | "or")
            }) && k > 0
                // Where one shops: "at Macy's", "from Dillard's"; "a speech
                // that preceded Akaka's" is a person's.
                && SHOP_BEFORE.contains(self.toks[k - 1].norm.as_ref())
                && !self.mentions.iter().any(|m| {
                    m.label == Label::Person
                        && m.toks.len() > 1
                        && self.toks[m.toks.end - 1].norm == owner.norm
                })
                && !(k + 2..(k + 5).min(self.toks.len())).any(|x| self.toks[x].norm == "'s")
                && !(k > 0 && self.toks[k - 1].is_word() && self.toks[k - 1].cap)
                && !self.lex.first_names.contains(owner.norm.as_ref())
                && !self.lex.common.contains(owner.norm.as_ref())
                && single_or_free(k)
                && self.sentence_of(k).is_some_and(|si| !self.title_case[si]);
            if elliptical && self.on(Point::PossessiveShop) {
                self.claim_by(k..k + 2, Label::Org, Point::PossessiveShop);
                k += 2;
                continue;
            }
            let mut e = k + 2;
            while e < self.toks.len()
                && e - k < 6
                && self.toks[e].is_word()
                && self.toks[e].cap
                && single_or_free(e)
            {
                e += 1;
            }
            let head = if e > k + 2 {
                self.head_kind(&self.toks[e - 1].norm)
            } else {
                None
            };
            // "Howe's Brigade", "Couch's Division": a commander's unit.
            let unit = e > k + 2 && MILITARY_UNITS.contains(self.toks[e - 1].norm.as_ref());
            let head = if unit {
                Some(Label::Org)
            } else {
                head.filter(|l| *l != Label::Org)
            };
            let Some(label @ (Label::Loc | Label::Fac | Label::Gpe | Label::Org)) = head else {
                k += 1;
                continue;
            };
            let point = if unit {
                Point::PossessiveUnit
            } else {
                Point::PossessivePlace
            };
            if !single_or_free(k) || !self.same_sentence(k, e - 1) || !self.on(point) {
                k += 1;
                continue;
            }
            self.claim_by(k..e, label, point);
            k = e;
        }
        self.mentions.sort_by_key(|m| m.toks.start);
    }

    /// "Prussian Army", "Brazilian Cycling Confederation", "Bangladesh
    /// Liberation War", "North Sea Jazz Festival": a known nationality or
    /// place before capitalized words ending in an organisation, event or
    /// award head is part of that name. The words may be untagged or tagged
    /// on their own by the model or the rules ("Jazz Festival"), as long as
    /// those mentions lie wholly inside the joined name.
    pub(super) fn nationality_orgs(&mut self) {
        let mut loose = LooseIndex::new(&self.mentions, self.toks.len());
        for mi in 0..self.mentions.len() {
            let m = &self.mentions[mi];
            if m.source != Source::Kb
                || !matches!(m.label, Label::Norp | Label::Gpe | Label::Loc | Label::Org)
                || m.toks.is_empty()
            {
                continue;
            }
            let org = m.label == Label::Org;
            let j = m.toks.end;
            let loose_at = |k: usize| loose.first(k);
            let mut k = j;
            while k < self.toks.len()
                && k - j < 4
                && self.toks[k].is_word()
                && self.toks[k].cap
                && !self.toks[k].upper
                && (!self.taken[k] || loose_at(k).is_some())
            {
                k += 1;
            }
            let last = self
                .toks
                .get(k.wrapping_sub(1))
                .map_or("", |t| t.norm.as_ref());
            if k == j
                || !self.same_sentence(j - 1, k - 1)
                || self.toks[j].span.start != self.toks[j - 1].span.end + 1
            {
                continue;
            }
            let (label, point) =
                if self.lex.is_org_suffix(last) || self.lex.org_heads.contains(last) {
                    (Label::Org, Point::NationalityOrg)
                } else if self.lex.event_suffixes.contains(last) {
                    (Label::Event, Point::NationalityEvent)
                } else if self.lex.misc_suffixes.contains(last) {
                    (Label::Misc, Point::NationalityAward)
                } else if !org && STATE_HEADS.contains(last) {
                    // "Spanish Empire", "Russian Empire": a state of its own.
                    (Label::Gpe, Point::NationalityState)
                } else {
                    continue;
                };
            // An organisation before an award or event it gives is part of
            // its name ("MTV" + "Europe Music Award", "NAACP" + "Image
            // Awards"); before another organisation it is the parent.
            if (org && label == Label::Org) || !self.on(point) {
                continue;
            }
            let inside: Vec<usize> = (j..k).filter_map(loose_at).collect();
            if inside
                .iter()
                .any(|&x| self.mentions[x].toks.start < j || self.mentions[x].toks.end > k)
            {
                continue;
            }
            for &x in &inside {
                self.dropping(x, point);
                let old = std::mem::replace(&mut self.mentions[x].toks, 0..0);
                loose.remove(&self.mentions, x, old);
            }
            self.take(j..k);
            let m = &mut self.mentions[mi];
            m.toks.end = k;
            m.label = label;
            m.source = Source::Rule;
            m.cands.clear();
            loose.add(mi, m.toks.clone());
            self.mark(mi, point);
        }
        self.mentions.retain(|m| !m.toks.is_empty());
    }

    /// Organisation names that the knowledge base's place matches cut apart.
    /// Expects mentions sorted by position.
    ///
    /// - A place or nationality directly before an organisation is part of
    ///   it: "German" + "Air Force", "Ontario" + "Liberal Party", "U.S." +
    ///   "Environmental Protection Agency" (a known organisation keeps its
    ///   entry).
    ///   An acronym stays apart ("Russian" + "GRU").
    /// - A known organisation directly before an unknown one is its parent:
    ///   "Harvard" + "Business School".
    /// - An organisation name, or capitalized words opening with an
    ///   organisation head, before "of (the)" and a place: "Motion Picture
    ///   Association" + "of" + "America", "University of Edinburgh".
    pub(super) fn place_split_orgs(&mut self) {
        let mut merged = self.adjacent_org_joins();
        self.head_of_place_joins(&mut merged);
        self.apply_joins(merged);
    }

    /// A place, nationality or known organisation directly before an
    /// organisation, and an organisation before "of (the)" and a place.
    fn adjacent_org_joins(&self) -> Vec<Join> {
        let mut merged: Vec<Join> = Vec::new();
        let mut k = 1;
        while k < self.mentions.len() {
            let (p, m) = (&self.mentions[k - 1], &self.mentions[k]);
            let placey = |l: Label| matches!(l, Label::Gpe | Label::Norp | Label::Loc);
            if p.toks.end == m.toks.start
                && self.toks[m.toks.start].cap
                && m.label == Label::Org
                && p.source == Source::Kb
                && self.same_sentence(p.toks.start, m.toks.start)
                && (placey(p.label) || (p.label == Label::Org && m.source != Source::Kb))
                // "Russian GRU": an acronym stays its own name.
                && !(m.toks.len() == 1 && self.toks[m.toks.start].upper)
                && self.on(if placey(p.label) {
                    Point::PlaceSplitPlaceBefore
                } else {
                    Point::PlaceSplitParent
                })
            {
                let mut joined = m.clone();
                self.note(
                    &mut joined,
                    if placey(p.label) {
                        Point::PlaceSplitPlaceBefore
                    } else {
                        Point::PlaceSplitParent
                    },
                );
                joined.toks.start = p.toks.start;
                if joined.source != Source::Kb {
                    joined.source = Source::Rule;
                    joined.cands.clear();
                }
                merged.push((k - 1, p.toks.start..m.toks.end, Some(joined)));
                k += 2;
                continue;
            }
            // "of" or "of the" between an organisation and a place.
            let gap = m.toks.start.saturating_sub(p.toks.end);
            let of = (1..=2).contains(&gap)
                && self.toks[p.toks.end].norm == "of"
                && (gap == 1 || self.toks[p.toks.end + 1].norm == "the");
            if of
                && p.label == Label::Org
                && p.source != Source::Kb
                && matches!(m.label, Label::Gpe | Label::Loc)
                && self.same_sentence(p.toks.start, m.toks.start)
                && self.on(Point::PlaceSplitOrgOfPlace)
            {
                let mut joined = p.clone();
                self.note(&mut joined, Point::PlaceSplitOrgOfPlace);
                joined.toks.end = m.toks.end;
                joined.source = Source::Rule;
                merged.push((k - 1, p.toks.start..m.toks.end, Some(joined)));
                k += 2;
                continue;
            }
            k += 1;
        }
        merged
    }

    /// Capitalized words opening with a head, then "of (the)" and a place.
    fn head_of_place_joins(&self, merged: &mut Vec<Join>) {
        if !self.on(Point::PlaceSplitHeadOfPlace) {
            return;
        }
        for (mi, m) in self.mentions.iter().enumerate() {
            if !matches!(m.label, Label::Gpe | Label::Loc) || m.toks.start < 2 {
                continue;
            }
            let mut of = m.toks.start - 1;
            if self.toks[of].norm == "the" && of > 0 {
                of -= 1;
            }
            if self.toks[of].norm != "of" || of == 0 {
                continue;
            }
            // Capitalized words (and "People's") back from "of"; a word the
            // model tagged alone ("Kingdom") may join.
            let model_word = |k: usize| {
                self.mentions
                    .iter()
                    .any(|x| x.source == Source::Model && x.toks.contains(&k) && x.toks.end <= of)
            };
            // The mentions are looked through last, for a capitalized word
            // already taken, so that the pass stays linear.
            let cap_word = |k: usize| {
                self.toks[k].is_word()
                    && (self.toks[k].cap || self.toks[k].upper)
                    && (!self.taken[k] || model_word(k))
            };
            let mut s = of;
            loop {
                if s > 0 && cap_word(s - 1) {
                    s -= 1;
                } else if s >= 2
                    && s < of
                    && self.toks[s - 1].norm == "'s"
                    && !self.taken[s - 1]
                    && cap_word(s - 2)
                {
                    s -= 2;
                } else {
                    break;
                }
            }
            while s < of
                && (self.toks[s].norm == "the"
                    || (self.toks[s].sent_start
                        && self.lex.common.contains(self.toks[s].norm.as_ref())))
            {
                s += 1;
            }
            let head = self.toks[of - 1].norm.as_ref();
            // "Treaty of London", "Siege of Leningrad": a treaty or an event
            // named after the place.
            let label = self.head_of_place_label(head);
            // Mentions in the way must lie wholly inside the joined name.
            // (Looked through only for a name that would be joined.)
            let clear = || {
                self.mentions.iter().all(|x| {
                    x.toks.end <= s || x.toks.start >= of || (x.toks.start >= s && x.toks.end <= of)
                })
            };
            if let Some(label) = label.filter(|_| s < of && clear())
                && self.same_sentence(s, m.toks.start)
            {
                let joined = Mention {
                    toks: s..m.toks.end,
                    label,
                    cands: Vec::new(),
                    source: Source::Rule,
                    cluster: NO_CLUSTER,
                    link: None,
                    id: None,
                    rules: self.made_by(Point::PlaceSplitHeadOfPlace),
                };
                merged.push((mi, s..m.toks.end, Some(joined)));
            }
        }
    }

    /// What a head word before "of (the)" and a place makes of the name:
    /// an organisation, a treaty or an event, a state, a place.
    fn head_of_place_label(&self, head: &str) -> Option<Label> {
        if self.lex.org_heads.contains(head) || self.lex.is_org_suffix(head) {
            Some(Label::Org)
        } else if let Some(label) = OF_PLACE_HEADS.get(head) {
            // "Kingdom of France", "City of Buenos Aires", "Community of
            // Madrid": a state or an administration named after the place;
            // "Port of Liverpool", "Island of Divar", "Gulf of Mexico".
            Some(label)
        } else if self.lex.event_suffixes.contains(head) {
            Some(Label::Event)
        } else if self.lex.misc_suffixes.contains(head) {
            Some(Label::Misc)
        } else {
            None
        }
    }

    /// Replaces every mention inside a joined range by the joined mention.
    fn apply_joins(&mut self, merged: Vec<Join>) {
        if merged.is_empty() {
            return;
        }
        let mut out: Vec<Mention> = Vec::with_capacity(self.mentions.len());
        let mut adds: Vec<Mention> = merged.into_iter().filter_map(|(_, _, m)| m).collect();
        adds.sort_by_key(|m| m.toks.start);
        adds.dedup_by(|b, a| a.toks.end > b.toks.start);
        // The merged mentions are sorted and do not overlap: the only one
        // that can hold a mention is the last to start at or before it.
        for m in self.mentions.drain(..) {
            let at = adds.partition_point(|a| a.toks.start <= m.toks.start);
            let inside = at > 0 && m.toks.end <= adds[at - 1].toks.end;
            if !inside {
                out.push(m);
            } else if let (Some(trace), Some(id), Some(&by)) =
                (&mut self.trace, m.id, adds[at - 1].rules.last())
            {
                // Dropped by the decision point that made the joined name.
                trace.drop_by.insert(id, by);
            }
        }
        for a in adds {
            for t in a.toks.clone() {
                self.taken[t] = true;
            }
            out.push(a);
        }
        out.sort_by_key(|m| m.toks.start);
        self.mentions = out;
    }

    /// "82nd Airborne Division", "Eighth Air Force", "IV Corps": an ordinal
    /// before an organisation whose last word heads it is part of its name.
    pub(super) fn numbered_units(&mut self) {
        for mi in 0..self.mentions.len() {
            let m = &self.mentions[mi];
            let s = m.toks.start;
            if m.label != Label::Org
                || s == 0
                || self.taken[s - 1]
                || !self
                    .lex
                    .is_org_suffix(self.toks[m.toks.end - 1].norm.as_ref())
            {
                continue;
            }
            let p = &self.toks[s - 1];
            let digits = p.text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let numbered = !digits.is_empty()
                && digits.chars().all(|c| c.is_ascii_digit())
                && matches!(
                    &p.text[digits.len()..],
                    "" | "st" | "nd" | "rd" | "th" | "d"
                );
            let ordinal_word = p.cap && ORDINALS.contains(p.norm.as_ref());
            let roman = p.upper
                && p.text.len() <= 5
                && p.text
                    .chars()
                    .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'));
            let adjacent = p.span.end + 1 == self.toks[s].span.start;
            if adjacent && (numbered || ordinal_word || roman) && self.on(Point::NumberedOrdinal) {
                self.grow_left(mi, s - 1);
                self.mark(mi, Point::NumberedOrdinal);
            }
        }
        // "The 139th was formed …", "the 139th fought in …": an ordinal
        // after "the" that acts as the subject of a verb is a unit.
        let mut added = false;
        for k in 1..self.toks.len().saturating_sub(1) {
            let t = &self.toks[k];
            let digits = t.text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let ordinal = !self.taken[k]
                && !digits.is_empty()
                && digits.len() <= 3
                && digits.chars().all(|c| c.is_ascii_digit())
                && matches!(&t.text[digits.len()..], "st" | "nd" | "rd" | "th" | "d");
            if !ordinal || self.toks[k - 1].norm != "the" || !self.same_sentence(k - 1, k + 1) {
                continue;
            }
            let next = &self.toks[k + 1];
            let verb = next.lower()
                && (UNIT_VERBS.contains(next.norm.as_ref())
                    || (next.norm.len() > 4 && next.norm.ends_with("ed")));
            if verb && self.on(Point::NumberedSubject) {
                self.push(k..k + 1, Label::Org, Vec::new(), Source::Rule);
                self.note_last(Point::NumberedSubject.id());
                added = true;
            }
        }
        if added {
            self.mentions.sort_by_key(|m| m.toks.start);
        }
    }
}

/// For each token, the first mention (by index) found by a rule or the
/// model that covers it, kept up to date as mentions are emptied or become
/// rule mentions: what a scan of every mention would answer, in constant
/// time.
struct LooseIndex {
    /// Per token: the first covering mention, or `u32::MAX`.
    first: Vec<u32>,
    /// Per token: how many such mentions cover it.
    count: Vec<u16>,
}

impl LooseIndex {
    const NONE: u32 = u32::MAX;

    fn is_loose(m: &Mention) -> bool {
        matches!(m.source, Source::Model | Source::Rule)
    }

    fn new(mentions: &[Mention], n: usize) -> LooseIndex {
        let mut index = LooseIndex {
            first: vec![Self::NONE; n],
            count: vec![0; n],
        };
        for (i, m) in mentions.iter().enumerate() {
            if Self::is_loose(m) {
                index.add(i, m.toks.clone());
            }
        }
        index
    }

    /// The first mention covering token `k`.
    fn first(&self, k: usize) -> Option<usize> {
        self.first
            .get(k)
            .filter(|&&x| x != Self::NONE)
            .map(|&x| x as usize)
    }

    /// Mention `i` now covers `toks` (as a rule or model mention).
    fn add(&mut self, i: usize, toks: Range<usize>) {
        for t in toks {
            if let (Some(f), Some(c)) = (self.first.get_mut(t), self.count.get_mut(t)) {
                *f = (*f).min(i as u32);
                *c = c.saturating_add(1);
            }
        }
    }

    /// Mention `i`, which covered `old`, covers nothing any more.
    fn remove(&mut self, mentions: &[Mention], i: usize, old: Range<usize>) {
        for t in old {
            let (Some(f), Some(c)) = (self.first.get_mut(t), self.count.get_mut(t)) else {
                continue;
            };
            *c = c.saturating_sub(1);
            if *f != i as u32 {
                continue;
            }
            // Another mention covering the token takes its place: rare, as
            // mentions seldom overlap.
            *f = if *c == 0 {
                Self::NONE
            } else {
                mentions
                    .iter()
                    .position(|m| Self::is_loose(m) && m.toks.contains(&t))
                    .map_or(Self::NONE, |x| x as u32)
            };
        }
    }
}
