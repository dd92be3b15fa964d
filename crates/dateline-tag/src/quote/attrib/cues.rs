//! Where a quotation's speech cue is and whose words it reports: the cue
//! after or before the quote and its subject.

use super::*;

impl<'a> Ctx<'a> {
    /// Does the quote's punctuation say an attribution follows it?
    pub(super) fn announces_attribution(&self, q: usize, right: &[Tok]) -> bool {
        // `“… the investigation?’” Holmes testified`: a quote inside the
        // quote closes it after its punctuation.
        let inner = self.text[self.quotes[q].inner.range()].trim_end_matches(['’', '\'', '”', '"']);
        inner.ends_with([',', '?', '!', '…', '—', '–', '-'])
            || right
                .first()
                .is_some_and(|t| matches!(t.kind, TokKind::Punct(',' | '—' | '–' | '-')))
            || right.first().is_some_and(|t| {
                let w = self.lower(t);
                t.kind == TokKind::Word
                    && self.word(t).chars().next().is_some_and(char::is_lowercase)
                    && (pronoun(&w).is_some()
                        || matches!(w.as_ref(), "the" | "a" | "an" | "they" | "we" | "i")
                        || cue_word(&w).is_some_and(|c| c != Cue::Participle))
            })
    }

    /// `"…," Trump said` / `“…,” said Bolton` / `«…», — is spoken in the statement by …`.
    pub(super) fn after_quote(&self, right: &[Tok]) -> Option<(Who, Span, &'static str)> {
        let skip = right
            .iter()
            .take_while(|t| matches!(t.kind, TokKind::Punct(',' | '—' | '–' | '-' | ':')))
            .count();
        let rest = &right[skip..];
        let first = rest.first()?;
        if first.kind != TokKind::Word {
            return None;
        }
        // `…", as quoted by X` names who reported the words, not who said
        // them; `…" and said …` continues a clause about someone else.
        if matches!(
            self.lower(first).as_ref(),
            "as" | "and" | "but" | "or" | "while" | "which" | "that"
        ) {
            return None;
        }
        // Inverted or passive cue right after the quote.
        if let Some((who, cue)) = self.cue_then_speaker(rest, 0) {
            return Some((who, cue, "quote.after.inverted"));
        }
        // `“…” – Jan Fredriks, managing partner at Northwind`: a dash and a
        // name with nothing but an apposition after it.
        if let Some(found) = self.dash_signature(&right[..skip], rest) {
            return Some((found.0, found.1, "quote.after.dash"));
        }
        // `“…,” Steve Clarke, deputy associate administrator for exploration
        // in NASA’s science mission directorate, said`: a name heading an
        // apposition chain speaks, however long the chain.
        if let Some((who, cue)) = self.apposition_chain(rest) {
            return Some((who, cue, "quote.after.apposition"));
        }
        // Subject first: the nearest cue within a short stretch.
        for (i, t) in rest.iter().enumerate().take(MAX_NP_WORDS + 2) {
            match t.kind {
                TokKind::Quote(_) | TokKind::Punct('.' | ';' | '!' | '?') => return None,
                TokKind::Word => {
                    let lower = self.lower(t);
                    if let Some(cue) = cue_word(&lower) {
                        if i == 0 || cue == Cue::Participle {
                            return None;
                        }
                        let (who, cue) = self.subject_of(rest, i, cue);
                        return Some((who, cue, "quote.after.subject"));
                    }
                    if lower == "according" {
                        return self
                            .according_to(rest, i)
                            .map(|(who, cue)| (who, cue, "quote.after.according-to"));
                    }
                }
                TokKind::Punct(_) => {}
            }
        }
        None
    }

    /// The person or organisation mention that `rest` opens with, when it
    /// can be a speaker: its index in the entities.
    fn speaker_opening(&self, rest: &[Tok]) -> Option<usize> {
        let first = rest.first()?;
        let i = self
            .entities
            .partition_point(|e| e.span.start < first.span.start);
        let e = self.entities.get(i)?;
        // `“…,” NASA’s Steve Clarke, deputy …, said`: the employer's
        // possessive opens the speaker's name.
        if e.span.start == first.span.start
            && matches!(e.label, Label::Org | Label::Gpe)
            && self.possessive(e.span)
            && let Some(next) = self.entities.get(i + 1)
            && next.label == Label::Person
            && self.text[e.span.end..next.span.start]
                .trim_start_matches(['\'', '’'])
                .trim_start_matches('s')
                .trim()
                .is_empty()
        {
            return self.speaker_mention(i + 1).then_some(i + 1);
        }
        (e.span.start == first.span.start
            && matches!(e.label, Label::Person | Label::Org)
            && self.speaker_mention(i))
        .then_some(i)
    }

    /// `“…” – Jan Fredriks, managing partner at Northwind`: after a dash, a
    /// person or organisation that the sentence ends with, or that only an
    /// apposition (a comma and no speech verb) follows. The dash is the cue.
    pub(super) fn dash_signature(&self, marks: &[Tok], rest: &[Tok]) -> Option<(Who, Span)> {
        let dash = marks
            .iter()
            .rfind(|t| matches!(t.kind, TokKind::Punct('—' | '–' | '-')))?;
        let i = self.speaker_opening(rest)?;
        let e = &self.entities[i];
        let after = rest
            .iter()
            .position(|t| t.span.start >= e.span.end)
            .unwrap_or(rest.len());
        let ends = matches!(
            rest.get(after).map(|t| t.kind),
            None | Some(TokKind::Punct('.' | ',' | '(' | ';'))
        );
        let cue_follows = rest[after..].iter().any(|t| {
            t.kind == TokKind::Word && cue_word(&self.lower(t)).is_some_and(|c| c == Cue::Speech)
        });
        (ends && !cue_follows).then_some((
            Who::Named {
                entity: i,
                span: e.span,
            },
            dash.span,
        ))
    }

    /// The person or organisation a header line (`Jan Fredriks:`) names:
    /// the line holds nothing but the name and the colon.
    pub(crate) fn header_name(&self, line: &[Tok]) -> Option<Who> {
        let (colon, name) = line.split_last()?;
        let (first, last) = (name.first()?, name.last()?);
        if colon.kind != TokKind::Punct(':') {
            return None;
        }
        let e = self.best_entity(first.span.start, last.span.end, true)?;
        let span = self.entities[e].span;
        (span.start == first.span.start && span.end == last.span.end)
            .then_some(Who::Named { entity: e, span })
    }

    /// A person or organisation named right after the quote and followed by
    /// a comma, then, before the sentence ends, a speech cue after a comma:
    /// the head of the apposition chain is the speaker (rule
    /// `quote.after.apposition`).
    pub(super) fn apposition_chain(&self, rest: &[Tok]) -> Option<(Who, Span)> {
        let i = self.speaker_opening(rest)?;
        let e = &self.entities[i];
        let after = rest.iter().position(|t| t.span.start >= e.span.end)?;
        if rest[after].kind != TokKind::Punct(',') {
            return None;
        }
        let mut prev_comma = false;
        for t in rest.iter().skip(after).take(WINDOW) {
            match t.kind {
                TokKind::Quote(_) | TokKind::Punct('.' | ';' | '!' | '?') => return None,
                TokKind::Punct(',') => prev_comma = true,
                TokKind::Word => {
                    if prev_comma && cue_word(&self.lower(t)).is_some_and(|c| c == Cue::Speech) {
                        return Some((
                            Who::Named {
                                entity: i,
                                span: e.span,
                            },
                            t.span,
                        ));
                    }
                    prev_comma = false;
                }
                TokKind::Punct(_) => prev_comma = false,
            }
        }
        None
    }

    /// An attribution closing the sentence after the quote:
    /// `… the “main difference” between them, he added.`
    pub(super) fn sentence_final(&self, right: &[Tok]) -> Option<(Who, Span)> {
        let mut end = right
            .iter()
            .rposition(|t| !matches!(t.kind, TokKind::Punct('.' | '!' | '?' | '…')))?;
        // `…, Noem said in the campaign's announcement.`: a cue after the
        // last comma with a phrase of place or time after it.
        if let Some(comma) = right[..end]
            .iter()
            .rposition(|t| t.kind == TokKind::Punct(','))
            && let Some(c) = (comma + 1..end).take(MAX_NP_WORDS).find(|&k| {
                right[k].kind == TokKind::Word && cue_word(&self.lower(&right[k])).is_some()
            })
            && c > comma + 1
            && c < end
            && right.get(c + 1).is_some_and(|t| {
                matches!(
                    self.lower(t).as_ref(),
                    "in" | "on" | "at" | "during" | "after" | "before"
                )
            })
            && right[c + 1..end].iter().all(|t| {
                t.kind == TokKind::Word || matches!(t.kind, TokKind::Punct('\'' | '’' | '.' | '-'))
            })
        {
            end = c;
        }
        let last = &right[end];
        let cue = (last.kind == TokKind::Word)
            .then(|| cue_word(&self.lower(last)))
            .flatten()?;
        if cue != Cue::Speech
            || end == 0
            || right[..end]
                .iter()
                .any(|t| matches!(t.kind, TokKind::Quote(_)))
        {
            return None;
        }
        // The clause after the last comma: `, he added` / `, the ministry said`.
        let comma = right[..end]
            .iter()
            .rposition(|t| t.kind == TokKind::Punct(','))?;
        if end - comma > MAX_NP_WORDS {
            return None;
        }
        Some(self.subject_of(right, end, cue))
    }

    /// A cue at `toks[i]` whose speaker follows it: inverted (`said Bolton`),
    /// passive with an agent (`is spoken in the statement by X`), quoting
    /// (`quoted Demers`) or `according to X`.
    pub(super) fn cue_then_speaker(&self, toks: &[Tok], i: usize) -> Option<(Who, Span)> {
        let t = toks.get(i)?;
        let lower = self.lower(t);
        if lower == "according" {
            return self.according_to(toks, i);
        }
        if is_aux(&lower) || is_passive_participle(&lower) {
            // Passive: `is spoken in the statement by X`.
            let mut saw_participle = is_passive_participle(&lower);
            let mut reporting = is_reporting(&lower);
            for (j, u) in toks.iter().enumerate().skip(i + 1).take(6) {
                if u.kind != TokKind::Word {
                    break;
                }
                let w = self.lower(u);
                // `said a spokesperson when contacted by Reuters`: the clause
                // after a subordinator has its own agent.
                if is_subordinator(&w) {
                    break;
                }
                if is_passive_participle(&w) {
                    saw_participle = true;
                    reporting |= is_reporting(&w);
                } else if w == "by" && saw_participle {
                    let cue = Span::new(t.span.start, u.span.end);
                    // `«…», — is quoted by TASS`: the agent only reports.
                    if reporting {
                        return Some((Who::Unknown, cue));
                    }
                    return Some((self.np_after(toks, j + 1), cue));
                }
            }
        }
        if cue_word(&lower).is_some_and(|c| c != Cue::Participle) {
            // Inverted: `said Bolton`, `quoted Demers TASS`.
            let cue = t.span;
            return Some((self.np_after(toks, i + 1), cue));
        }
        None
    }

    pub(super) fn according_to(&self, toks: &[Tok], i: usize) -> Option<(Who, Span)> {
        let to = toks.get(i + 1)?;
        if !self.is_word(to, "to") {
            return None;
        }
        let cue = Span::new(toks[i].span.start, to.span.end);
        Some((self.np_after(toks, i + 2), cue))
    }

    /// The nearest cue before the quote, and its speaker.
    pub(crate) fn before_quote(&self, left: &[Tok]) -> Option<(Who, Span)> {
        // `Bercow commented — which the BBC noted as unusual — “…”`: cues
        // inside a dash-enclosed aside do not attribute.
        let is_dash = |t: &Tok| matches!(t.kind, TokKind::Punct('—' | '–'));
        let aside = match left.split_last() {
            Some((last, rest)) if is_dash(last) => rest.iter().rposition(is_dash),
            _ => None,
        };
        for i in (0..left.len()).rev().take(WINDOW) {
            let t = &left[i];
            if t.kind != TokKind::Word || aside.is_some_and(|d| i > d) {
                continue;
            }
            let lower = self.lower(t);
            if lower == "according" {
                if let Some(found) = self.according_to(left, i) {
                    return Some(found);
                }
                continue;
            }
            let Some(cue) = cue_word(&lower).filter(|_| !self.noun_use(left, i)) else {
                continue;
            };
            // `a pattern called a “glider”`: naming, not speech.
            if NAMING_VERBS.contains(&lower)
                && i > 0
                && self
                    .word(&left[i - 1])
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
                && pronoun(&self.lower(&left[i - 1])).is_none()
                && !matches!(
                    self.lower(&left[i - 1]).as_ref(),
                    "they" | "we" | "i" | "who"
                )
                && left[i + 1..].iter().all(|t| {
                    t.kind == TokKind::Word && matches!(self.lower(t).as_ref(), "a" | "an" | "the")
                })
            {
                return None;
            }
            // `said — as reported by Hurriyet —`: who passed the words on.
            if is_reporting(&lower) && i > 0 && self.is_word(&left[i - 1], "as") {
                continue;
            }
            // `When Trump tweeted that …, Twitter placed a “…”`: a cue inside
            // an opening subordinate clause does not reach past its comma.
            let clause_after_comma = left[i..].iter().enumerate().any(|(k, t)| {
                t.kind == TokKind::Punct(',')
                    && left[i + k + 1..]
                        .iter()
                        .filter(|u| u.kind == TokKind::Word)
                        .count()
                        >= 2
            });
            if left
                .first()
                .is_some_and(|t| is_subordinator(&self.lower(t)))
                && clause_after_comma
            {
                return None;
            }
            // `“…,” said Bolton, who explained …` handled by the subject;
            // `said Bolton: “…”` has no subject before the cue.
            let inverted = i == 0
                || matches!(left[i - 1].kind, TokKind::Quote(_))
                || (matches!(left[i - 1].kind, TokKind::Punct(',' | '—' | '–' | '-'))
                    && (i == 1 || matches!(left[i - 2].kind, TokKind::Quote(_))));
            if inverted
                && cue == Cue::Speech
                && let Some(found) = self.cue_then_speaker(left, i)
                && matches!(found.0, Who::Named { .. })
            {
                return Some(found);
            }
            return Some(self.subject_of(left, i, cue));
        }
        None
    }

    /// The speaker of the cue at `toks[c]`, read from its subject (or, for
    /// quoting verbs and passives, from the phrase after it).
    pub(super) fn subject_of(&self, toks: &[Tok], c: usize, cue: Cue) -> (Who, Span) {
        let cue_span = toks[c].span;
        let prev = c.checked_sub(1).map(|p| self.lower(&toks[p]));
        // `as stated by Peskov, «…»`: a participle with its agent.
        if let Some(by) = toks.get(c + 1)
            && self.is_word(by, "by")
            && is_passive_participle(&self.lower(&toks[c]))
        {
            let span = Span::new(cue_span.start, by.span.end);
            // `Peskov's words are quoted by TASS`: the words' owner speaks.
            if is_reporting(&self.lower(&toks[c])) {
                let subject_end = if prev.as_deref().is_some_and(is_aux) {
                    c - 1
                } else {
                    c
                };
                return (self.np_before(toks, subject_end), span);
            }
            return (self.np_after(toks, c + 2), span);
        }
        if prev.as_deref().is_some_and(is_aux) {
            // Passive: an agent after `by`, else the subject is the addressee,
            // except for `was quoted as saying`.
            let aux = &toks[c - 1];
            for (j, u) in toks.iter().enumerate().skip(c + 1).take(6) {
                if self.is_word(u, "by") {
                    return (
                        self.np_after(toks, j + 1),
                        Span::new(aux.span.start, u.span.end),
                    );
                }
                if u.kind != TokKind::Word {
                    break;
                }
            }
            if cue == Cue::Speech {
                return (Who::Unknown, Span::new(aux.span.start, cue_span.end));
            }
            return (
                self.np_before(toks, c - 1),
                Span::new(aux.span.start, cue_span.end),
            );
        }
        if cue == Cue::Quoting {
            return (self.np_after(toks, c + 1), cue_span);
        }
        // `X announced …, saying “…”` and `X called it “…” and said “…”`:
        // the subject of the earlier cue, else the first person named in
        // the sentence, else nobody.
        let coordinated = prev.as_deref().is_some_and(|p| matches!(p, "and" | "but"));
        if cue == Cue::Participle || coordinated {
            let from = if coordinated { c - 1 } else { c };
            if let Some(j) = self.earlier_cue(toks, from) {
                let who = self.subject_of(toks, j, Cue::Speech).0;
                if matches!(who, Who::Named { .. }) {
                    return (who, cue_span);
                }
            }
            // `He then approached a director and said, “…”`, `He criticised
            // Biden, saying …`: a pronoun opening the sentence is the subject.
            if let Some(t) = toks.first().filter(|t| t.kind == TokKind::Word)
                && let Some((label, gender)) = pronoun(&self.lower(t))
            {
                return match self.resolve(t.span.start, label, gender, None) {
                    Some(e) => (
                        Who::Named {
                            entity: e,
                            span: t.span,
                        },
                        cue_span,
                    ),
                    None => (Who::Unknown, cue_span),
                };
            }
            let first_person = match (toks.first(), toks.get(from.saturating_sub(1))) {
                (Some(a), Some(b)) => self
                    .entities_in(a.span.start, b.span.end)
                    .find(|&e| self.entities[e].label == Label::Person && self.speaker_mention(e)),
                _ => None,
            };
            if let Some(e) = first_person {
                let span = self.entities[e].span;
                return (Who::Named { entity: e, span }, cue_span);
            }
            // `Ford also made this point, writing “…”`: an organisation
            // opening the sentence.
            let opening = toks.iter().take(2).find(|t| !self.is_word(t, "the"));
            if let Some(t) = opening
                && let Some(e) =
                    self.best_entity(t.span.start, toks[from.saturating_sub(1)].span.end, false)
                && self.entities[e].span.start == t.span.start
            {
                let span = self.entities[e].span;
                return (Who::Named { entity: e, span }, cue_span);
            }
            // `In a reflection of the confusion, the Electoral Commission,
            // which regulates campaign finances, issued a statement warning
            // …`: an organisation standing as the sentence's subject.
            if let Some(a) = toks.first() {
                let subject = self
                    .entities_in(a.span.start, toks[from.saturating_sub(1)].span.end)
                    .find(|&e| {
                        self.entities[e].label == Label::Org
                            && self.speaker_mention(e)
                            && !self.after_preposition(e, a.span.start)
                            && self.subject_like(self.entities[e].span)
                    });
                if let Some(e) = subject {
                    let span = self.entities[e].span;
                    return (Who::Named { entity: e, span }, cue_span);
                }
            }
            return (Who::Unknown, cue_span);
        }
        (self.np_before(toks, c), cue_span)
    }

    /// Is the cue-like word `toks[i]` used as a noun (`the team's claims`,
    /// `his calls`)?
    pub(super) fn noun_use(&self, toks: &[Tok], i: usize) -> bool {
        let Some(prev) = i.checked_sub(1).map(|p| &toks[p]) else {
            return false;
        };
        if prev.kind != TokKind::Word {
            return false;
        }
        let w = self.lower(prev);
        matches!(
            w.as_ref(),
            "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "its"
                | "their"
                | "our"
                | "my"
                | "your"
                | "these"
                | "those"
                | "such"
                | "whose"
        ) || w.ends_with("'s")
            || w.ends_with("’s")
    }

    /// The nearest speech cue before `toks[end]`.
    pub(super) fn earlier_cue(&self, toks: &[Tok], end: usize) -> Option<usize> {
        (0..end).rev().find(|&j| {
            let t = &toks[j];
            t.kind == TokKind::Word
                && cue_word(&self.lower(t)) == Some(Cue::Speech)
                && !self.noun_use(toks, j)
        })
    }

    /// The speaker named by the phrase ending just before `toks[c]`.
    ///
    /// The phrase runs back to the previous clause boundary. Between commas
    /// it is either an apposition (`the adviser, John Bolton, said`) or a
    /// parenthetical (`Bolton, who was in Geneva, said`; `Peers, speaking to
    /// the BBC, said`), which is skipped for the phrase before it. A phrase
    /// with no person after a named one (`Erwin Chemerinsky, Dean of the
    /// Law School, called`) takes that person.
    pub(super) fn np_before(&self, toks: &[Tok], c: usize) -> Who {
        let mut end = c;
        while end > 0 && matches!(toks[end - 1].kind, TokKind::Punct(',' | '—' | '–')) {
            end -= 1;
        }
        let comma_before_cue = end < c;
        let start = self.segment_start(toks, end);
        let region = &toks[start..end];
        let after_comma = start > 0 && toks[start - 1].kind == TokKind::Punct(',');
        if comma_before_cue && after_comma && self.parenthetical(region) {
            let prev_end = start - 1;
            let prev_start = self.segment_start(toks, prev_end);
            return self.np(&toks[prev_start..prev_end], true);
        }
        let in_region = match (region.first(), region.last()) {
            (Some(a), Some(b)) => self.best_entity(a.span.start, b.span.end, true),
            _ => None,
        };
        let has_person = in_region.is_some_and(|e| self.entities[e].label == Label::Person);
        if !has_person && after_comma && !self.is_word_at(region, 0, "who") {
            let prev_end = start - 1;
            let prev_start = self.segment_start(toks, prev_end);
            let prev = &toks[prev_start..prev_end];
            if let Some(first) = prev.first()
                && !is_preposition(&self.lower(first))
                && let Some(e) =
                    self.best_entity(first.span.start, toks[prev_end - 1].span.end, true)
                && self.entities[e].label == Label::Person
                && prev
                    .iter()
                    .take(4)
                    .any(|t| t.span.start == self.entities[e].span.start)
            {
                return Who::Named {
                    entity: e,
                    span: self.entities[e].span,
                };
            }
            let prev_entity = match (prev.first(), prev.last()) {
                (Some(a), Some(b)) if !is_preposition(&self.lower(a)) => {
                    self.best_entity(a.span.start, b.span.end, false)
                }
                _ => None,
            };
            // `The Kremlin, the official residence, said`.
            if comma_before_cue
                && let Some(e) = prev_entity
                && prev
                    .iter()
                    .take(2)
                    .any(|t| t.span.start == self.entities[e].span.start)
            {
                return Who::Named {
                    entity: e,
                    span: self.entities[e].span,
                };
            }
            // `Satyendra Jain, the city's home minister, said`: a name the
            // entity layer did not tag; the role is about that name.
            let role_apposition = region
                .first()
                .is_some_and(|t| matches!(self.lower(t).as_ref(), "a" | "an" | "the"));
            if prev_entity.is_none()
                && (in_region.is_none() || (comma_before_cue && role_apposition))
                && prev
                    .first()
                    .is_some_and(|t| !is_preposition(&self.lower(t)))
                && self.looks_like_name(prev)
            {
                return Who::Unknown;
            }
        }
        self.np(region, true)
    }
}
