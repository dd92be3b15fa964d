//! Acronyms and the words that spell them.

use super::*;

impl<'k, 'a> Doc<'k, 'a> {
    /// Where the words before `end` spell `acronym` by their initials
    /// ("Amateur Hockey Association of Canada" before "(AHAC)"): the first
    /// token of that expansion. Lowercase connectors may be skipped or
    /// counted ("Department of Justice" spells DOJ and DJ).
    pub(super) fn expansion_start(&self, end: usize, acronym: &str) -> Option<usize> {
        let letters: Vec<char> = acronym
            .chars()
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect();
        let lo = end.saturating_sub(3 * letters.len() + 2);
        let mut caps: Vec<char> = Vec::new();
        let mut all: Vec<char> = Vec::new();
        let mut k = end;
        while k > lo {
            let t = &self.toks[k - 1];
            if !t.is_word() || self.temporal_tok[k - 1] {
                return None;
            }
            let initial = t.text.chars().next()?.to_lowercase().next()?;
            all.insert(0, initial);
            if t.cap || t.upper {
                caps.insert(0, initial);
            } else if !is_connector(&t.norm) {
                return None;
            }
            k -= 1;
            if (t.cap || t.upper) && (caps == letters || all == letters) {
                return Some(k);
            }
            if caps.len() > letters.len() {
                return None;
            }
        }
        None
    }

    /// An acronym in parentheses whose letters are the initials of the
    /// words before it makes those words one name, even where the knowledge
    /// base or the rules split them ("Amateur Hockey Association" + "of" +
    /// "Canada" before "(AHAC)").
    pub(super) fn expansions(&mut self) {
        let mut i = 1;
        while i + 2 < self.toks.len() {
            let (open, a, close) = (&self.toks[i], &self.toks[i + 1], &self.toks[i + 2]);
            let letters = a.text.chars().filter(|c| c.is_alphabetic()).count();
            if open.text != "(" || close.text != ")" || !a.upper || !(3..=8).contains(&letters) {
                i += 1;
                continue;
            }
            let Some(start) = self.expansion_start(i, a.text) else {
                i += 1;
                continue;
            };
            let range = start..i;
            let inside: Vec<usize> = (0..self.mentions.len())
                .filter(|&m| {
                    let t = &self.mentions[m].toks;
                    t.start < range.end && t.end > range.start
                })
                .collect();
            let crosses = inside.iter().any(|&m| {
                let t = &self.mentions[m].toks;
                t.start < range.start || t.end > range.end
            });
            let whole = inside.len() == 1 && self.mentions[inside[0]].toks == range;
            if crosses || whole {
                i += 3;
                continue;
            }
            let first = inside
                .iter()
                .map(|&m| &self.mentions[m])
                .min_by_key(|m| m.toks.start);
            let label = self.head_label(range.clone()).unwrap_or(match first {
                Some(m) if matches!(m.label, Label::Person | Label::Event | Label::Misc) => m.label,
                _ => Label::Org,
            });
            for &m in inside.iter().rev() {
                let gone = self.mentions.remove(m);
                for k in gone.toks {
                    self.taken[k] = false;
                }
            }
            self.push(range, label, Vec::new(), Source::Rule);
            i += 3;
        }
    }

    /// "national security Council (NSC)": the acronym in parentheses after a
    /// name joins it; a known acronym lends its entry to an unknown expansion.
    pub(super) fn acronyms(&mut self) {
        let mut add = Vec::new();
        for (mi, m) in self.mentions.iter().enumerate() {
            let e = m.toks.end;
            if e + 2 < self.toks.len() && self.toks[e].text == "(" && self.toks[e + 2].text == ")" {
                let a = &self.toks[e + 1];
                let letters = a.text.chars().filter(|c| c.is_alphabetic()).count();
                if a.upper
                    && (2..=8).contains(&letters)
                    && matches!(
                        m.label,
                        Label::Org | Label::Gpe | Label::Misc | Label::Event | Label::Fac
                    )
                {
                    add.push((mi, e + 1));
                }
            }
        }
        for (mi, k) in add {
            let m = self.mentions[mi].clone();
            if let Some(existing) = self.mentions.iter_mut().find(|x| x.toks.start == k) {
                if existing.source == Source::Rule || existing.cands.is_empty() {
                    existing.cands = m.cands.clone();
                    existing.label = m.label;
                    existing.source = Source::Kb;
                    existing.link = Some(m.toks.start);
                } else if m.cands.is_empty() {
                    let (c, l) = (existing.cands.clone(), existing.label);
                    let mm = &mut self.mentions[mi];
                    mm.cands = c;
                    mm.label = l;
                }
            } else if !self.taken[k] {
                self.push(
                    k..k + 1,
                    m.label,
                    m.cands.clone(),
                    if m.cands.is_empty() {
                        Source::Rule
                    } else {
                        Source::Kb
                    },
                );
                if let Some(last) = self.mentions.last_mut() {
                    last.link = Some(m.toks.start);
                }
            }
        }
    }
}
