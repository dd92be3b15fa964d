//! Dates and amounts: the tokens they cover, and the ones a name takes back.

use super::*;

impl<'k, 'a> Doc<'k, 'a> {
    pub(super) fn block_temporal(&mut self) {
        if self.temporal.is_empty() {
            return;
        }
        let mut f = 0;
        for (i, t) in self.toks.iter().enumerate() {
            while f < self.temporal.len() && self.temporal[f].span.end <= t.span.start {
                f += 1;
            }
            if f < self.temporal.len() && self.temporal[f].span.overlaps(t.span) {
                self.temporal_tok[i] = true;
            }
        }
    }

    /// Removes the dates and amounts that `gone` picks; while tracing, keeps
    /// them as dropped by the rule `by`.
    pub(super) fn drop_temporal(&mut self, gone: impl Fn(&Found) -> bool, by: RuleId) {
        if let Some(trace) = &mut self.trace {
            let dropped = self.temporal.iter().filter(|f| gone(f));
            trace
                .dropped_dates
                .extend(dropped.map(|f| (f.span, f.label, f.rule, by)));
        }
        self.temporal.retain(|f| !gone(f));
    }

    /// Temporal expressions inside a knowledge-base name ("2018 Winter
    /// Olympics") give way; the others block their tokens from now on.
    pub(super) fn settle_temporal(&mut self) {
        let spans = SpanSet::new(self.mentions.iter().map(|m| {
            Span::new(
                self.toks[m.toks.start].span.start,
                self.toks[m.toks.end - 1].span.end,
            )
        }));
        self.drop_temporal(|f| spans.overlaps(f.span), "dates-settle");
        let temporal = SpanSet::new(self.temporal.iter().map(|f| f.span));
        for i in 0..self.toks.len() {
            if self.temporal_tok[i] && !self.taken[i] {
                self.taken[i] = temporal.overlaps(self.toks[i].span);
            }
        }
    }
}
