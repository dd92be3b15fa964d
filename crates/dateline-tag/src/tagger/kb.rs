//! The longest knowledge-base match at each token, checked against the words around it.

use super::*;
use crate::words::WordList;

/// "in", "visiting": words before a place.
static PLACE_BEFORE: WordList = WordList::new(include_str!("../../words/kb_place_before.txt"));

impl<'k, 'a> Doc<'k, 'a> {
    pub(super) fn kb_pass(&mut self, r: Range<usize>, headline: bool) {
        let mut i = r.start;
        while i < r.end {
            if self.taken[i] || !(self.toks[i].is_word() || self.toks[i].kind == TokenKind::Number)
            {
                i += 1;
                continue;
            }
            let Some((KbMatch { len, entries }, lowercase)) = self.kb_match(i, r.clone()) else {
                i += 1;
                continue;
            };
            let span = i..i + len;
            if !self.free(span.clone()) {
                i += 1;
                continue;
            }
            // Dates and amounts win unless the name strictly contains them.
            let temporal = span.clone().filter(|&k| self.temporal_tok[k]).count();
            if temporal > 0 && (len < 2 || temporal == len || !self.temporal_inside(span.clone())) {
                i += 1;
                continue;
            }
            // "St. Louis Eagles", "Chicago Bulls": a place and one
            // capitalized plural that ends the name make a team.
            let after = i + len + 1;
            if !headline
                && after <= r.end
                && (after == r.end
                    || !(self.toks[after].cap || is_connector(&self.toks[after].norm)))
                && self.on(Point::KbPlaceTeam)
                && self.place_team(i..after)
            {
                self.push(i..after, Label::Org, Vec::new(), Source::Rule);
                self.note_last(Point::KbPlaceTeam.id());
                i = after;
                continue;
            }
            // A first name before a place-like single word: "Jordan Peterson";
            // a place name heading a longer unknown name: "Atlantic City";
            // any one-word name before an organisation, event or treaty head:
            // "Atlantic Council", "Paris Agreement".
            let given_name = Point::KbGivenName;
            if len == 1 && self.on(given_name) && self.person_override(i, r.end, &entries) {
                self.veto(span, &entries, given_name);
                i += 1;
                continue;
            }
            let longer = Point::KbLongerName;
            if len == 1
                && self.on(longer)
                && (self.org_head_follows(i, r.end)
                    || self.named_after_person(i, r.end, &entries)
                    || (!headline && !self.toks[i].upper && self.place_prefix(i, r.end, &entries)))
            {
                self.veto(span, &entries, longer);
                i += 1;
                continue;
            }
            // "southern Europe": a lowercase qualifier stays outside the
            // name ("Southern Europe" written so is the region's name).
            let qualifier = Point::KbLowercaseQualifier;
            if len > 1
                && self.toks[i].lower()
                && QUALIFIERS.contains(self.toks[i].norm.as_ref())
                && self.on(qualifier)
            {
                self.veto(span, &entries, qualifier);
                i += 1;
                continue;
            }
            // "Hong Kong Island": a longer place name with its own head.
            if len > 1
                && !headline
                && self.on(longer)
                && self.place_head_follows(i + len - 1, r.end, &entries)
            {
                self.veto(span, &entries, longer);
                i += len;
                continue;
            }
            let label = self
                .kb
                .entry(entries[0] as usize)
                .map_or(Label::Misc, |e| e.label);
            // "the Atlantic Council": a longer name after "the" wins over
            // "the Atlantic".
            if self.toks[i].norm == "the" && len > 1 && self.on(Point::KbTheLonger) {
                let toks = &self.toks[..r.end];
                let after = self.kb.longest(toks, i + 1, &|_| true).map_or(0, |m| m.len);
                if after >= len {
                    self.veto(span, &entries, Point::KbTheLonger);
                    i += 1;
                    continue;
                }
            }
            let (span, trimmed) = self.kb_span(span, label, &entries);
            self.push(span, label, entries, Source::Kb);
            for p in lowercase.into_iter().chain(trimmed) {
                self.note_last(p.id());
            }
            i += len;
        }
    }

    /// While tracing, keeps the knowledge-base match over `span` that the
    /// decision point `p` turned down as a dropped candidate.
    fn veto(&mut self, span: Range<usize>, entries: &[u32], p: Point) {
        let Some(trace) = &mut self.trace else {
            return;
        };
        let label = entries
            .first()
            .and_then(|&e| self.kb.entry(e as usize))
            .map_or(Label::Misc, |e| e.label);
        trace.dropped.push(Dropped {
            toks: span,
            label,
            rules: vec!["kb"],
            by: p.id(),
        });
    }

    /// The longest knowledge-base match at token `i` of the sentence `r`,
    /// else a known name written in lowercase, with the decision point
    /// that found it.
    fn kb_match(&self, i: usize, r: Range<usize>) -> Option<(KbMatch, Option<Point>)> {
        let lex = self.lex;
        let toks = &self.toks[..r.end];
        let cap_ok = |k: usize| {
            let t = &toks[k];
            !(t.sent_start && lex.common.contains(t.norm.as_ref()) && !t.upper)
        };
        if let Some(m) = self.kb.longest(toks, i, &cap_ok) {
            return Some((m, None));
        }
        let acronym = Point::KbLowercaseAcronym;
        if self.on(acronym)
            && let Some(m) = self.lowercase_acronym(i, r.end)
        {
            return Some((m, Some(acronym)));
        }
        let place = Point::KbLowercasePlace;
        self.on(place)
            .then(|| self.lowercase_place(i, r))
            .flatten()
            .map(|m| (m, Some(place)))
    }

    /// The tokens of a knowledge-base mention matched over `span`: a title
    /// opening a person's name, or a leading "the", stays outside, with the
    /// decision point that left it out.
    fn kb_span(
        &self,
        mut span: Range<usize>,
        label: Label,
        entries: &[u32],
    ) -> (Range<usize>, Option<Point>) {
        let first = &self.toks[span.start];
        // A title opening a person's name stays outside the mention, as it
        // does for rule-found names: "Pope [Francis]", "Queen [Elizabeth
        // II]" (the canonical name keeps it).
        if label == Label::Person
            && span.len() > 1
            && self.lex.titles.contains(first.norm.as_ref())
            && self.on(Point::KbTitleOutside)
        {
            span.start += 1;
            return (span, Some(Point::KbTitleOutside));
        }
        // A leading "the" is part of the name only in names like "The
        // Washington Post".
        if first.norm == "the" && span.len() > 1 && self.on(Point::KbTheOutside) {
            let keep = entries
                .iter()
                .filter_map(|&e| self.kb.entry(e as usize))
                .any(|e| e.canonical.starts_with("The ") && first.cap);
            if !keep {
                span.start += 1;
                return (span, Some(Point::KbTheOutside));
            }
        }
        (span, None)
    }

    pub(super) fn temporal_inside(&self, r: Range<usize>) -> bool {
        let s = Span::new(self.toks[r.start].span.start, self.toks[r.end - 1].span.end);
        self.temporal
            .iter()
            .filter(|f| f.span.overlaps(s))
            .all(|f| s.contains(f.span))
    }

    /// "the us election": a lowercased country acronym after "the".
    pub(super) fn lowercase_acronym(&self, i: usize, end: usize) -> Option<KbMatch> {
        let t = &self.toks[i];
        if t.norm != "us" || !t.lower() || i == 0 || self.toks[i - 1].norm != "the" {
            return None;
        }
        if i + 1 >= end || !self.toks[i + 1].is_word() {
            return None;
        }
        let e = self.kb.lookup("United States");
        let id = self
            .kb
            .entries()
            .iter()
            .position(|x| Some(x) == e.first().copied())?;
        Some(KbMatch {
            len: 1,
            entries: vec![id as u32],
        })
    }

    /// A known country, region or city written in lowercase after a
    /// preposition of place ("from mexico to san francisco", "in kerala"),
    /// as web text and bad translations write them. Words that news writes
    /// in lowercase as often as not ("turkey", "chad") need their capital.
    pub(super) fn lowercase_place(&self, i: usize, r: Range<usize>) -> Option<KbMatch> {
        let t = &self.toks[i];
        if i == r.start || !t.lower() || !t.is_word() {
            return None;
        }
        // "san francisco california", "vietnam and Afghanistan": right
        // after a place, or joined to one by "and"/"or".
        let place_ends_at = |k: usize| {
            self.mentions
                .iter()
                .rev()
                .take(3)
                .any(|m| m.toks.end == k && matches!(m.label, Label::Gpe | Label::Loc))
        };
        let prev = self.toks[i - 1].norm.as_ref();
        let after_place = place_ends_at(i)
            || (matches!(prev, "and" | "or") && i >= r.start + 2 && place_ends_at(i - 1));
        let placed = after_place || PLACE_BEFORE.contains(prev);
        // Otherwise only where "and"/"or" follows closely (a lookup per
        // lowercase word would cost more than the rest of the pass).
        if !placed
            && !(i + 1..(i + 4).min(r.end))
                .any(|k| matches!(self.toks[k].norm.as_ref(), "and" | "or"))
        {
            return None;
        }
        let m = self.kb.longest_lowercase(&self.toks[..r.end], i)?;
        if !placed {
            let j = i + m.len;
            let before_place = j + 1 < r.end
                && matches!(self.toks[j].norm.as_ref(), "and" | "or")
                && self.toks[j + 1].cap
                && self
                    .kb
                    .longest(&self.toks[..r.end], j + 1, &|_| true)
                    .is_some_and(|n| self.entries_are(&n.entries, |l| l == Label::Gpe));
            if !before_place {
                return None;
            }
        }
        let places = self.entries_are(&m.entries, |l| l == Label::Gpe);
        let names = (i..i + m.len)
            .all(|k| crate::model::case_bucket(&self.toks[k].norm).mostly_capitalized());
        (places && names).then_some(m)
    }

    /// Whether every knowledge-base entry in `entries` has a label `ok` accepts.
    pub(super) fn entries_are(&self, entries: &[u32], ok: impl Fn(Label) -> bool) -> bool {
        entries
            .iter()
            .filter_map(|&e| self.kb.entry(e as usize))
            .all(|e| ok(e.label))
    }

    /// The capitalized word right after token `k` (before `end`), one space
    /// after it: a word that may make a longer name of the one ending at `k`.
    pub(super) fn next_cap_word(&self, k: usize, end: usize) -> Option<&Tok<'a>> {
        let n = self.toks.get(k + 1).filter(|_| k + 1 < end)?;
        (n.is_word() && n.cap && !n.upper && n.span.start == self.toks[k].span.end + 1).then_some(n)
    }

    /// Whether the capitalized word after token `k` heads a name of a kind
    /// `ok` accepts ("Park" a place, "Council" an organisation).
    pub(super) fn head_next(&self, k: usize, end: usize, ok: impl Fn(Label) -> bool) -> bool {
        self.next_cap_word(k, end)
            .and_then(|n| self.head_kind(&n.norm))
            .is_some_and(ok)
    }

    /// Whether the word after token `k` heads a place or facility name
    /// ("Park", "Airport", "Island").
    pub(super) fn place_head_next(&self, k: usize, end: usize) -> bool {
        self.head_next(k, end, |l| {
            matches!(l, Label::Gpe | Label::Loc | Label::Fac)
        })
    }

    /// "Lincoln Park", "Kennedy Airport", "Washington Square": a known
    /// person's name before a place or facility head names the place.
    pub(super) fn named_after_person(&self, i: usize, end: usize, entries: &[u32]) -> bool {
        self.entries_are(entries, |l| l == Label::Person) && self.place_head_next(i, end)
    }

    pub(super) fn org_head_follows(&self, i: usize, end: usize) -> bool {
        self.head_next(i, end, |l| {
            matches!(l, Label::Org | Label::Event | Label::Misc)
        })
    }

    pub(super) fn place_prefix(&self, i: usize, end: usize, entries: &[u32]) -> bool {
        if !self.entries_are(entries, |l| matches!(l, Label::Gpe | Label::Loc)) {
            return false;
        }
        let Some(n) = self.next_cap_word(i, end) else {
            return false;
        };
        // "City", "Hospital": a head that makes a new name of the place.
        let kind = self.head_kind(&n.norm);
        let head = matches!(kind, Some(Label::Gpe | Label::Loc | Label::Fac));
        // "Dallas" + "Morning News": capitalized words ending in an
        // organisation head make a newspaper or company of the place.
        let org_name = self.org_suffix_ahead(i + 1, end);
        (head || org_name || !self.lex.common.contains(n.norm.as_ref()))
            && !self.lex.titles.contains(n.norm.as_ref())
            && (kind != Some(Label::Org) || org_name)
            && self
                .kb
                .longest(&self.toks[..end], i + 1, &|_| true)
                .is_none()
    }

    /// Whether the place matched up to token `last` is followed by a
    /// capitalized place or facility head that makes a longer name ("Hong
    /// Kong" + "Island", "Kuala Lumpur" + "Tower").
    pub(super) fn place_head_follows(&self, last: usize, end: usize, entries: &[u32]) -> bool {
        self.entries_are(entries, |l| matches!(l, Label::Gpe | Label::Loc))
            && self.place_head_next(last, end)
            && self
                .kb
                .longest(&self.toks[..end], last + 1, &|_| true)
                .is_none()
    }

    pub(super) fn person_override(&self, i: usize, end: usize, entries: &[u32]) -> bool {
        let t = &self.toks[i];
        if !self.lex.first_names.contains(t.norm.as_ref()) {
            return false;
        }
        let placey = self.entries_are(entries, |l| {
            matches!(l, Label::Gpe | Label::Loc | Label::Norp)
        });
        if !placey || i + 1 >= end {
            return false;
        }
        let n = &self.toks[i + 1];
        n.is_word()
            && n.cap
            && !n.upper
            && !self.lex.common.contains(n.norm.as_ref())
            && !self.taken[i + 1]
            && {
                let toks = &self.toks[..end];
                self.kb.longest(toks, i + 1, &|_| true).is_none()
            }
    }
}
