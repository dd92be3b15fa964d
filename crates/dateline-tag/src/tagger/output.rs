//! Entities from the resolved mentions and the dates and amounts.

use super::*;

impl<'k, 'a> Doc<'k, 'a> {
    /// Whether a capitalized "The" inside a sentence belongs to the
    /// organisation or work named after it ("members of The Stooges",
    /// "according to The Washington Post"): writers lowercase "the" unless
    /// it is part of the name. Sentence starts and headlines say nothing.
    pub(super) fn capital_the_before(&self, k: usize, label: Label) -> bool {
        if k == 0 || !matches!(label, Label::Org | Label::Misc) {
            return false;
        }
        let the = &self.toks[k - 1];
        the.text == "The"
            && !the.sent_start
            && the.span.end < self.toks[k].span.start
            && self.sentence_of(k - 1).is_some_and(|s| {
                !self.title_case[s] && self.sents[s].start < k - 1 && self.same_sentence(k - 1, k)
            })
            && self
                .toks
                .get(k - 2)
                .is_some_and(|p| p.is_word() || matches!(p.text, "," | "(" | "&"))
    }

    /// The entities: resolved mentions with their cluster's label and
    /// canonical name, and the dates and amounts; where two overlap, the
    /// first in text order stays.
    pub(super) fn output(mut self) -> Tagged {
        let clusters = std::mem::take(&mut self.clusters);
        let tracing = self.trace.is_some();
        let mut out: Vec<Traced> = Vec::with_capacity(self.mentions.len() + self.temporal.len());
        let mut dropped = Vec::new();
        let is_gpe = |m: &Mention| {
            clusters
                .get(m.cluster)
                .is_some_and(|c| c.label == Label::Gpe)
        };
        // End of the (first) GPE mention starting at a token.
        let mut gpe_ends: HashMap<usize, usize> = HashMap::default();
        for m in self.mentions.iter().filter(|m| is_gpe(m)) {
            gpe_ends.entry(m.toks.start).or_insert(m.toks.end);
        }
        let gpe_after = |k: usize| -> Option<usize> { gpe_ends.get(&k).copied() };
        for m in &self.mentions {
            let Some(c) = clusters.get(m.cluster).filter(|_| !m.toks.is_empty()) else {
                if tracing && !m.toks.is_empty() {
                    dropped.push((
                        self.span_of(m.toks.clone()),
                        m.label,
                        m.rules.clone(),
                        "resolve",
                    ));
                }
                continue;
            };
            let start = if self.capital_the_before(m.toks.start, c.label) {
                m.toks.start - 1
            } else {
                m.toks.start
            };
            let span = Span::new(
                self.toks[start].span.start,
                self.toks[m.toks.end - 1].span.end,
            );
            let mut results_team = false;
            let sense = (c.label == Label::Gpe).then(|| {
                let sent = self
                    .sentence_of(m.toks.start)
                    .map_or(0..self.toks.len(), |i| self.sents[i].clone());
                results_team = self.on(Point::ResolveResultsTeams)
                    && crate::sense::results_line(&self.toks, m.toks.clone(), sent.clone());
                if results_team {
                    return crate::Sense::Team;
                }
                let plural = self.toks[m.toks.end - 1].norm.ends_with('s');
                crate::sense::gpe_sense(&self.toks, m.toks.clone(), sent, &gpe_after, plural)
            });
            let mut rules = Vec::new();
            if tracing {
                rules.clone_from(&m.rules);
                let by = if c.voted {
                    Point::ResolveVote.id()
                } else {
                    "resolve"
                };
                if c.label != m.label && rules.last() != Some(&by) {
                    rules.push(by);
                }
                if results_team {
                    rules.push(Point::ResolveResultsTeams.id());
                }
            }
            out.push((
                Entity {
                    span,
                    text: self.text[span.range()].to_string(),
                    label: c.label,
                    canonical: c.canonical.clone(),
                    value: None,
                    sense,
                },
                rules,
            ));
        }
        for f in &self.temporal {
            let text = self.text[f.span.range()].to_string();
            let rules = if tracing {
                vec!["dates", f.rule]
            } else {
                Vec::new()
            };
            out.push((
                Entity {
                    span: f.span,
                    canonical: text.clone(),
                    text,
                    label: f.label,
                    value: f.value.clone(),
                    sense: None,
                },
                rules,
            ));
        }
        out.sort_by_key(|(e, _)| (e.span.start, e.span.end));
        out.dedup_by(|b, a| {
            let overlaps = a.0.span.overlaps(b.0.span);
            if overlaps && tracing {
                dropped.push((b.0.span, b.0.label, std::mem::take(&mut b.1), "output"));
            }
            overlaps
        });
        if let Some(trace) = self.trace.take() {
            for d in trace.dropped {
                if !d.toks.is_empty() {
                    dropped.push((self.span_of(d.toks), d.label, d.rules, d.by));
                }
            }
            for (span, label, rule, by) in trace.dropped_dates {
                dropped.push((span, label, vec!["dates", rule], by));
            }
            dropped.sort_by_key(|d| (d.0.start, d.0.end));
        }
        Tagged {
            entities: out,
            dropped,
        }
    }

    /// The byte span of the tokens `r` (not empty).
    fn span_of(&self, r: Range<usize>) -> Span {
        Span::new(self.toks[r.start].span.start, self.toks[r.end - 1].span.end)
    }
}
