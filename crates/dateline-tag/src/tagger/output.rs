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

    pub(super) fn output(&self, clusters: Vec<Cluster>) -> Vec<Entity> {
        let mut out: Vec<Entity> = Vec::with_capacity(self.mentions.len() + self.temporal.len());
        let is_gpe = |m: &Mention| {
            clusters
                .get(m.cluster)
                .is_some_and(|c| c.label == Label::Gpe)
        };
        // End of the GPE mention starting at a token.
        let gpe_after = |k: usize| -> Option<usize> {
            self.mentions
                .iter()
                .find(|m| m.toks.start == k && is_gpe(m))
                .map(|m| m.toks.end)
        };
        for m in &self.mentions {
            let Some(c) = clusters.get(m.cluster) else {
                continue;
            };
            if m.toks.is_empty() {
                continue;
            }
            let start = if self.capital_the_before(m.toks.start, c.label) {
                m.toks.start - 1
            } else {
                m.toks.start
            };
            let span = Span::new(
                self.toks[start].span.start,
                self.toks[m.toks.end - 1].span.end,
            );
            let sense = (c.label == Label::Gpe).then(|| {
                let sent = self
                    .sentence_of(m.toks.start)
                    .map_or(0..self.toks.len(), |i| self.sents[i].clone());
                let plural = self.toks[m.toks.end - 1].norm.ends_with('s');
                crate::sense::gpe_sense(&self.toks, m.toks.clone(), sent, &gpe_after, plural)
            });
            out.push(Entity {
                span,
                text: self.text[span.range()].to_string(),
                label: c.label,
                canonical: c.canonical.clone(),
                value: None,
                sense,
            });
        }
        for f in &self.temporal {
            let text = self.text[f.span.range()].to_string();
            out.push(Entity {
                span: f.span,
                canonical: text.clone(),
                text,
                label: f.label,
                value: f.value.clone(),
                sense: None,
            });
        }
        out.sort_by_key(|e| (e.span.start, e.span.end));
        out.dedup_by(|b, a| a.span.overlaps(b.span));
        out
    }
}
