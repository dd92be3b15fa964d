//! Knowledge-base matches vetted and widened by their neighbours.

use super::*;

impl<'k, 'a> Doc<'k, 'a> {
    /// A known organisation named by generic words ("Security Service",
    /// "Foreign Ministry") right after capitalized words that are no mention
    /// is part of a longer, different name: "Estonian Internal Security
    /// Service" is not MI5. The words join it, and the entry is dropped.
    pub(super) fn widen_generic_orgs(&mut self) {
        for mi in 0..self.mentions.len() {
            let m = &self.mentions[mi];
            if m.source != Source::Kb || m.label != Label::Org || m.toks.start == 0 {
                continue;
            }
            let generic = self.toks[m.toks.clone()].iter().all(|t| {
                !t.is_word()
                    || self.lex.common.contains(t.norm.as_ref())
                    || self.lex.org_heads.contains(t.norm.as_ref())
                    || self.lex.is_org_suffix(t.norm.as_ref())
            });
            if !generic {
                continue;
            }
            let mut s = m.toks.start;
            while s > 0 {
                let t = &self.toks[s - 1];
                if self.taken[s - 1]
                    || !t.is_word()
                    || !t.cap
                    || t.upper
                    || t.sent_start
                    || self.lex.titles.contains(t.norm.as_ref())
                    || self.lex.first_names.contains(t.norm.as_ref())
                    || t.span.end + 1 != self.toks[s].span.start
                {
                    break;
                }
                s -= 1;
            }
            if s < m.toks.start {
                self.grow_left(mi, s);
            }
        }
    }

    /// "South" + "Australia", "Lower" + "Austria", "East" + "Africa": a
    /// capitalized direction or qualifier before a known place makes a
    /// different place, named by the whole phrase.
    pub(super) fn compass_places(&mut self) {
        for mi in 0..self.mentions.len() {
            let m = &self.mentions[mi];
            let start = m.toks.start;
            if m.source != Source::Kb
                || !matches!(m.label, Label::Gpe | Label::Loc)
                || start == 0
                || self.taken[start - 1]
            {
                continue;
            }
            let q = &self.toks[start - 1];
            let adjacent = self.same_sentence(start - 1, start)
                && q.cap
                && !q.upper
                && q.span.end + 1 == self.toks[start].span.start;
            if adjacent && QUALIFIERS.contains(q.norm.as_ref()) && self.on(Point::CompassQualifier)
            {
                self.grow_left(mi, start - 1);
                self.mark(mi, Point::CompassQualifier);
            } else if adjacent
                && m.label == Label::Gpe
                && GEO_PREFIXES.contains(q.norm.as_ref())
                && self.on(Point::CompassGeoPrefix)
            {
                // "Mount Kenya", "Lake Victoria": a mountain or a lake.
                self.grow_left(mi, start - 1);
                self.mentions[mi].label = Label::Loc;
                self.mark(mi, Point::CompassGeoPrefix);
            }
        }
    }

    /// One-word aliases of entries with context cues ("Graham", "Apple")
    /// stand only when a cue or the full name is in the document; otherwise
    /// the words go back to the rules.
    pub(super) fn vet_kb(&mut self) {
        let mut full_named: HashSet<u32> = HashSet::default();
        for m in &self.mentions {
            if self.norm_count(m.toks.clone()) > 1 {
                full_named.extend(m.cands.iter().copied());
            }
        }
        let mut drop = Vec::new();
        let kb = self.kb;
        for mi in 0..self.mentions.len() {
            let m = &self.mentions[mi];
            if self.norm_count(m.toks.clone()) != 1
                || m.cands.iter().any(|c| full_named.contains(c))
            {
                continue;
            }
            // The candidates are taken out while the cue lookup (which
            // caches, so needs the state mutably) runs, and put back.
            let cands = std::mem::take(&mut self.mentions[mi].cands);
            let cued = cands.iter().any(|&c| {
                let cues: &[String] = kb.entry(c as usize).map_or(&[], |e| e.cues.as_slice());
                cues.is_empty() || cues.iter().any(|q| self.doc_has(q))
            });
            self.mentions[mi].cands = cands;
            if !cued && self.on(Point::KbVetUncued) {
                drop.push(mi);
            }
        }
        for &mi in drop.iter().rev() {
            self.dropping(mi, Point::KbVetUncued);
            let m = self.mentions.remove(mi);
            for k in m.toks {
                self.taken[k] = false;
            }
        }
    }

    /// A first name other than the known person's before a known surname
    /// names someone else: "Johnny Carson" is not Ben Carson, "Thomas
    /// Lincoln" not Abraham Lincoln. The two words become one new person.
    pub(super) fn other_first_names(&mut self) {
        for mi in 0..self.mentions.len() {
            let m = &self.mentions[mi];
            if m.source != Source::Kb || m.label != Label::Person || m.toks.len() != 1 {
                continue;
            }
            let k = m.toks.start;
            if k == 0 || self.taken[k - 1] || !self.same_sentence(k - 1, k) {
                continue;
            }
            let first = &self.toks[k - 1];
            let n: &str = &first.norm;
            if !(first.cap && first.is_word() && self.lex.first_names.contains(n)) {
                continue;
            }
            let same_first = m.cands.iter().any(|&c| {
                self.kb.entry(c as usize).is_some_and(|e| {
                    std::iter::once(&e.canonical).chain(&e.aliases).any(|a| {
                        a.split_whitespace()
                            .next()
                            .is_some_and(|w| w.eq_ignore_ascii_case(n))
                    })
                })
            });
            if same_first {
                continue;
            }
            let m = &mut self.mentions[mi];
            m.toks.start = k - 1;
            m.cands.clear();
            m.source = Source::Rule;
            self.taken[k - 1] = true;
        }
    }
}
