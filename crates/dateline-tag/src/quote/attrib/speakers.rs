//! Who a noun phrase names: the entity, role or pronoun that speaks, and
//! the entity it resolves to.

use super::*;

impl<'a> Ctx<'a> {
    /// One to four capitalised words: a name, tagged or not.
    pub(super) fn looks_like_name(&self, toks: &[Tok]) -> bool {
        (1..=4).contains(&toks.len())
            && toks
                .first()
                .is_some_and(|t| !self.is_word(t, "the") && !self.is_word(t, "a"))
            && toks.iter().all(|t| {
                t.kind == TokKind::Word
                    && self.word(t).chars().next().is_some_and(char::is_uppercase)
            })
    }

    /// Where the clause segment ending at `toks[end]` (exclusive) starts.
    pub(super) fn segment_start(&self, toks: &[Tok], end: usize) -> usize {
        let mut start = end;
        let mut words = 0;
        while start > 0 && words < MAX_NP_WORDS {
            let t = &toks[start - 1];
            let stop = match t.kind {
                TokKind::Quote(_) => true,
                // `Jessie K. Liu said`: an initial's dot is no boundary.
                TokKind::Punct('.') => !self.is_abbreviation(toks, start - 1),
                TokKind::Punct(p) => matches!(p, ',' | ';' | ':' | '!' | '?' | '—' | '–'),
                TokKind::Word => {
                    words += 1;
                    cue_word(&self.lower(t)).is_some_and(|c| c != Cue::Participle)
                }
            };
            if stop {
                break;
            }
            start -= 1;
        }
        start
    }

    /// A comma-enclosed phrase that is not a name or title: a relative
    /// clause or a participle phrase.
    pub(super) fn parenthetical(&self, region: &[Tok]) -> bool {
        let Some(first) = region.iter().find(|t| t.kind == TokKind::Word) else {
            return false;
        };
        let w = self.lower(first);
        let lowercase = self
            .word(first)
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
        matches!(self.word(first), "who" | "which" | "that" | "whose")
            || (lowercase
                && !matches!(
                    w.as_ref(),
                    "the" | "a" | "an" | "his" | "her" | "its" | "their"
                ))
    }

    pub(super) fn is_word_at(&self, toks: &[Tok], i: usize, w: &str) -> bool {
        toks.get(i).is_some_and(|t| self.is_word(t, w))
    }

    /// The speaker named by the phrase starting at `toks[s]`.
    pub(super) fn np_after(&self, toks: &[Tok], s: usize) -> Who {
        let mut end = s;
        // `according to a tweet on Monday by US Secretary of State Mike
        // Pompeo`: a phrase after the cue may run longer than a subject.
        while end < toks.len() && end - s < MAX_NP_WORDS + 4 {
            let stop = match toks[end].kind {
                TokKind::Quote(_) => true,
                TokKind::Punct('.') => !self.is_abbreviation(toks, end),
                TokKind::Punct(p) => {
                    matches!(p, ',' | ';' | ':' | '!' | '?' | '—' | '–' | '(' | ')')
                }
                TokKind::Word => {
                    let w = self.lower(&toks[end]);
                    matches!(
                        w.as_ref(),
                        "who" | "which" | "that" | "when" | "while" | "as" | "after"
                    ) || (end > s && cue_word(&w).is_some())
                }
            };
            if stop {
                break;
            }
            end += 1;
        }
        let who = self.np(&toks[s.min(end)..end], false);
        // Apposition: `said the White House spokesman, Hogan Gidley` (a role
        // first; `according to police, Smith was …` is no apposition).
        let named_person = matches!(who, Who::Named { entity, .. } if self.entities[entity].label == Label::Person);
        let role_first = toks[s.min(end)..end]
            .iter()
            .any(|t| t.kind == TokKind::Word && is_role(&self.lower(t)));
        if !named_person
            && role_first
            && toks.get(end).is_some_and(|t| t.kind == TokKind::Punct(','))
            && let Some(next) = toks.get(end + 1)
        {
            let i = self
                .entities
                .partition_point(|e| e.span.start < next.span.start);
            if let Some(e) = self.entities.get(i)
                && e.span.start == next.span.start
                && e.label == Label::Person
            {
                return Who::Named {
                    entity: i,
                    span: e.span,
                };
            }
        }
        who
    }

    /// Reads a speaker from a short noun phrase. `before_cue`: the phrase is
    /// the subject standing before its cue (prefer the entity nearest it).
    pub(super) fn np(&self, np: &[Tok], before_cue: bool) -> Who {
        let (Some(first), Some(last)) = (np.first(), np.last()) else {
            return Who::Unknown;
        };
        // `Peskov's words`, `Trump's tweet`: the owner of the words.
        if let Some(e) = self.owner_of_words(first.span.start, last.span.end) {
            return Who::Named {
                entity: e,
                span: self.entities[e].span,
            };
        }
        // `In a Tumblr post at the time she described …`: a pronoun right
        // before the cue is its subject.
        if before_cue
            && last.kind == TokKind::Word
            && np.len() > 1
            && let Some((label, gender)) = pronoun(&self.lower(last))
        {
            return match self.resolve(last.span.start, label, gender, None) {
                Some(e) => Who::Named {
                    entity: e,
                    span: last.span,
                },
                None => Who::Unknown,
            };
        }
        // Relative `who` without a comma (`drafted by Alex Greenwich who
        // said`): the clause from `who` on.
        if let Some(k) = np.iter().rposition(|t| self.word(t) == "who")
            && k > 0
        {
            return self.np(&np[k..], before_cue);
        }
        // Relative `who`: the entity just before it.
        // (Lowercase only: `WHO` is the World Health Organization.)
        let relative = matches!(self.word(first), "who" | "which");
        // `… Obsession, which the New York Times called “…”`: the clause has
        // its own subject.
        if relative
            && let (Some(second), Some(last)) = (np.get(1), np.last())
            && let Some(e) = self.best_entity(second.span.start, last.span.end, before_cue)
        {
            return Who::Named {
                entity: e,
                span: self.entities[e].span,
            };
        }
        if relative {
            let want: &[Label] = if self.word(first) == "who" {
                &[Label::Person, Label::Org]
            } else {
                &[Label::Org, Label::Gpe]
            };
            let from = first.span.start.saturating_sub(120);
            let candidates: Vec<usize> = self
                .entities_in(from, first.span.start)
                .filter(|&e| want.contains(&self.entities[e].label))
                .filter(|&e| !self.in_quote(self.entities[e].span.start))
                .collect();
            // The antecedent stands right before the pronoun
            // (`people like me who say` has none).
            let adjacent = |e: usize| {
                self.text[self.entities[e].span.end..first.span.start]
                    .chars()
                    .all(|c| c.is_whitespace() || c == ',')
            };
            return match candidates.last() {
                Some(&e) if adjacent(e) => Who::Named {
                    entity: e,
                    span: self.entities[e].span,
                },
                _ => Who::Unknown,
            };
        }
        if let Some(e) = self.best_entity(first.span.start, last.span.end, before_cue) {
            return Who::Named {
                entity: e,
                span: self.entities[e].span,
            };
        }
        // `said a WeWork spokesperson`: an organisation tagged elsewhere in
        // the article, left untagged here.
        if let Some(found) = self.named_elsewhere(np) {
            return found;
        }
        for t in np.iter().filter(|t| t.kind == TokKind::Word) {
            if let Some((label, gender)) = pronoun(&self.lower(t)) {
                return match self.resolve(t.span.start, label, gender, None) {
                    Some(e) => Who::Named {
                        entity: e,
                        span: t.span,
                    },
                    None => Who::Unknown,
                };
            }
        }
        // A definite role: `the presidential advisor`, `the special
        // representative of the president`.
        let words: Vec<std::borrow::Cow<str>> = np
            .iter()
            .filter(|t| t.kind == TokKind::Word)
            .map(|t| self.lower(t))
            .collect();
        // `the presidential advisor`, `as the press secretary noted`.
        let lead = words
            .iter()
            .take_while(|w| matches!(w.as_ref(), "as" | "and" | "but" | "so" | "then" | "also"))
            .count();
        let words = &words[lead..];
        if words.first().is_some_and(|w| w == "the") {
            let head = words
                .iter()
                .take_while(|w| w.as_ref() != "of")
                .filter(|w| is_role(w))
                .last();
            if let Some(role) = head {
                let gender = names::of_title(role);
                // The antecedent of a role is named before its sentence.
                let at = self.sentence_start_before(first.span.start);
                // `the head of the investigators` may introduce someone new:
                // with a complement, only a person introduced with that role
                // is taken.
                let complement = words.iter().any(|w| w == "of");
                if let Some((e, by_role)) = self.resolve_role(at, gender, role)
                    && (by_role || !complement)
                {
                    return Who::Named {
                        entity: e,
                        span: Span::new(first.span.start, last.span.end),
                    };
                }
            }
            // `the ministry said`, `the company said`: an organisation named
            // before.
            if let [_, noun] = words
                && ORG_NOUNS.contains(noun.as_ref())
                && let Some(e) = self.resolve_org_noun(first.span.start, noun)
            {
                return Who::Named {
                    entity: e,
                    span: Span::new(first.span.start, last.span.end),
                };
            }
            // `the statement said`: whoever issued the statement named before.
            if let [_, noun] = words
                && DOCUMENTS.contains(noun.as_ref())
                && let Some(e) = self.issuer(first.span.start, noun)
            {
                return Who::Named {
                    entity: e,
                    span: Span::new(first.span.start, last.span.end),
                };
            }
        }
        Who::Unknown
    }

    /// A capitalized word of `np` after its determiner, untagged, that
    /// the article tags elsewhere as an organisation (`a WeWork
    /// spokesperson`) when a role follows it.
    fn named_elsewhere(&self, np: &[Tok]) -> Option<Who> {
        let k = np.iter().position(|t| {
            t.kind == TokKind::Word && !matches!(self.lower(t).as_ref(), "a" | "an" | "the")
        })?;
        let t = &np[k];
        let role_after = np
            .get(k + 1)
            .is_some_and(|r| r.kind == TokKind::Word && is_role(&self.lower(r)));
        if !role_after
            || k > 1
            || self.entity_at_word(t)
            || !self.word(t).chars().next().is_some_and(char::is_uppercase)
        {
            return None;
        }
        let word = self.word(t);
        let e = self
            .entities
            .iter()
            .take(4 * MAX_CANDIDATES)
            .position(|e| e.label == Label::Org && e.text == word)?;
        Some(Who::Named {
            entity: e,
            span: t.span,
        })
    }

    /// The organisation that `the <noun>` at `pos` refers back to: the
    /// nearest earlier one whose name holds the noun or that is introduced
    /// with it, else the nearest that is a sentence's subject, within the
    /// last paragraphs and outside quotes.
    pub(super) fn resolve_org_noun(&self, pos: usize, noun: &str) -> Option<usize> {
        let floor = self.blocks_floor(pos, BLOCKS_BACK);
        let before = self.entities.partition_point(|e| e.span.start < pos);
        let mut subject = None;
        for e in (0..before).rev().take(MAX_CANDIDATES) {
            let ent = self.entities[e];
            if ent.span.start < floor {
                break;
            }
            if ent.label != Label::Org || ent.span.end > pos || self.in_quote(ent.span.start) {
                continue;
            }
            let holds = ent
                .text
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.eq_ignore_ascii_case(noun));
            if holds || self.near_word(ent.span, noun) {
                return Some(e);
            }
            if subject.is_none()
                && !self.possessive(ent.span)
                && (self.opens_sentence(ent.span) || self.subject_like(ent.span))
            {
                subject = Some(e);
            }
        }
        subject
    }

    /// Start of the block `back` blocks before the one holding `pos` (0
    /// near the top): how far back a search for a referent goes.
    fn blocks_floor(&self, pos: usize, back: usize) -> usize {
        let block = self
            .blocks
            .partition_point(|b| b.start <= pos)
            .saturating_sub(1);
        self.blocks
            .get(block.saturating_sub(back))
            .map_or(0, |b| b.start)
    }

    /// Who issued the document `noun` (`statement`, `report`) that a phrase
    /// at `pos` refers back to: the person, else organisation, before the
    /// nearest earlier mention of the noun in its sentence (`the US military
    /// said in a statement`), within the last paragraphs.
    pub(super) fn issuer(&self, pos: usize, noun: &str) -> Option<usize> {
        let floor = self
            .blocks_floor(pos, BLOCKS_BACK)
            .max(pos.saturating_sub(ISSUER_BYTES));
        let end = self.sentence_start_before(pos);
        let window = self.text.get(floor_char(self.text, floor)..end)?;
        let base = end - window.len();
        let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let mut search = window;
        while let Some(i) = search
            .char_indices()
            .rev()
            .find(|&(i, _)| {
                search[i..]
                    .get(..noun.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(noun))
                    && !is_word(search[..i].chars().next_back())
                    && !is_word(search[i + noun.len()..].chars().next())
            })
            .map(|(i, _)| i)
        {
            let at = base + i;
            search = &search[..i];
            if self.in_quote(at) {
                continue;
            }
            let from = self.sentence_start_before(at);
            return self
                .best_entity(from, at, false)
                .filter(|&e| matches!(self.entities[e].label, Label::Person | Label::Org));
        }
        None
    }

    /// Can mention `e` name a speaker: outside quotes and not a possessive
    /// modifier (`Day's foundation said`)?
    pub(super) fn speaker_mention(&self, e: usize) -> bool {
        let span = self.entities[e].span;
        let after = &self.text[span.end..];
        !self.in_quote(span.start) && !after.starts_with(['\'', '’'])
    }

    /// A PERSON or ORG in `start..end` written as the possessor of words
    /// (`Peskov's words`, `the ministry's statement`).
    pub(super) fn owner_of_words(&self, start: usize, end: usize) -> Option<usize> {
        self.entities_in(start, end).find(|&e| {
            let ent = self.entities[e];
            if !matches!(ent.label, Label::Person | Label::Org) || self.in_quote(ent.span.start) {
                return false;
            }
            let after = &self.text[ent.span.end..end];
            let Some(rest) = after
                .strip_prefix("'s")
                .or_else(|| after.strip_prefix("’s"))
            else {
                return false;
            };
            let noun = rest.split_whitespace().next().unwrap_or("").to_lowercase();
            WORDS_NOUNS.contains(&noun)
        })
    }

    /// Roughly where the sentence holding `pos` starts: after the last
    /// `. ` (or `! `, `? `) in the 400 bytes before it, within its block.
    pub(super) fn sentence_start_before(&self, pos: usize) -> usize {
        let block = self
            .blocks
            .partition_point(|b| b.start <= pos)
            .saturating_sub(1);
        let floor = self
            .blocks
            .get(block)
            .map_or(0, |b| b.start)
            .max(pos.saturating_sub(400));
        let floor = floor_char(self.text, floor);
        let pos = floor_char(self.text, pos);
        let window = &self.text[floor..pos];
        [". ", "! ", "? "]
            .iter()
            .filter_map(|p| window.rfind(p))
            .max()
            .map_or(floor, |i| floor + i + 1)
    }

    /// The PERSON (else ORG or GPE) entity inside `start..end`, outside quotes.
    pub(super) fn best_entity(&self, start: usize, end: usize, prefer_last: bool) -> Option<usize> {
        let mut person = None;
        let mut other = None;
        for e in self.entities_in(start, end) {
            if !self.speaker_mention(e) || self.after_preposition(e, start) {
                continue;
            }
            let slot = match self.entities[e].label {
                Label::Person => &mut person,
                Label::Org | Label::Gpe => &mut other,
                _ => continue,
            };
            if prefer_last || slot.is_none() {
                *slot = Some(e);
            }
        }
        person.or(other)
    }

    /// Is mention `e` the object of a preposition inside a phrase starting at
    /// `start` (`a tweet from Biden's account on Twitter said`)? `of` does
    /// not count: `the spokesman of the Kremlin` speaks for it.
    pub(super) fn after_preposition(&self, e: usize, start: usize) -> bool {
        let at = self.entities[e].span.start;
        if at <= start {
            return false;
        }
        let before = self.text[start..at].trim_end();
        let before = before
            .strip_suffix(" the")
            .or_else(|| before.strip_suffix(" a"))
            .unwrap_or(before);
        let word = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        // `«…», — said in the Kremlin`: an organisation speaking through
        // its offices, when the phrase opens with the preposition.
        let opens_phrase = before.len() == word.len();
        if opens_phrase
            && matches!(word.to_lowercase().as_str(), "in" | "at")
            && self.entities[e].label == Label::Org
        {
            return false;
        }
        let word = word.to_lowercase();
        // `a spokesperson for Acme`, `officials at the ministry`: an
        // organisation whose role-holder speaks for it.
        if matches!(word.as_str(), "for" | "at" | "from" | "with")
            && matches!(self.entities[e].label, Label::Org | Label::Gpe)
        {
            let role = before[..before.len() - word.len()]
                .trim_end()
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("")
                .to_lowercase();
            if is_role(&role) || role.strip_suffix('s').is_some_and(is_role) {
                return false;
            }
        }
        // `according to a tweet by Mike Pompeo`: a document's author.
        if word == "by" {
            let doc = before[..before.len() - word.len()]
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .any(|w| DOCUMENTS.contains(&w.to_lowercase()));
            if doc {
                return false;
            }
        }
        PHRASE_PREPOSITIONS.contains(&word)
    }

    /// The person a definite role at `pos` refers to, and whether it was
    /// introduced with that role word (else it is only the nearest person).
    pub(super) fn resolve_role(
        &self,
        pos: usize,
        gender: Option<Gender>,
        role: &str,
    ) -> Option<(usize, bool)> {
        let e = self.resolve(pos, Label::Person, gender, Some(role))?;
        Some((e, self.near_word(self.entities[e].span, role)))
    }

    /// The entity a pronoun or definite role at `pos` refers to: the nearest
    /// preceding mention with `label`, outside quotes, of compatible gender.
    /// A candidate of unknown gender is compatible with any pronoun. With a
    /// `role`, a candidate introduced with that role word is preferred. For
    /// pronouns, a speaker attributed earlier (`she said` resolved before)
    /// counts as a mention where it was attributed.
    pub(super) fn resolve(
        &self,
        pos: usize,
        label: Label,
        gender: Option<Gender>,
        role: Option<&str>,
    ) -> Option<usize> {
        let floor = self.blocks_floor(pos, BLOCKS_BACK);
        let before = self.entities.partition_point(|e| e.span.start < pos);
        let mut nearest = None;
        let mut examined = 0;
        // Where the search over mentions stopped (found or unknown gender).
        let mut horizon = None;
        let mut found = None;
        // A compatible prepositional object held back for a better candidate.
        let mut pending: Option<usize> = None;
        // The nearest person of unknown gender that is not a sentence's
        // subject, taken when no better candidate follows.
        let mut fallback: Option<usize> = None;
        for (step, e) in (0..before).rev().enumerate() {
            let ent = self.entities[e];
            if ent.span.start < floor || examined >= MAX_CANDIDATES || step >= 8 * MAX_CANDIDATES {
                break;
            }
            // `Big Machine have twice denied …  “…,” they said`: a name the
            // entity layer left MISC speaks as an organisation when it opens
            // its sentence as the subject.
            let misc_subject = label == Label::Org
                && ent.label == Label::Misc
                && self.opens_sentence(ent.span)
                && self.subject_like(ent.span);
            if (ent.label != label && !misc_subject)
                || ent.span.end > pos
                || self.in_quote(ent.span.start)
            {
                continue;
            }
            examined += 1;
            if let Some(want) = gender {
                match self.gender_of(ent) {
                    Some(g) if g == want => {}
                    Some(_) => continue,
                    None if role.is_some() => continue,
                    // A person of unknown gender is compatible; one that is
                    // no subject (`said Starship missions could …`) yields to
                    // a subject or a person of the right gender before it.
                    None if !self.subject_like(ent.span) => {
                        fallback = fallback.or(Some(e));
                        continue;
                    }
                    None => {}
                }
            }
            let Some(role) = role else {
                // `… to the organisers of the AMAs. “…,” it says`, `an
                // upcoming Netflix documentary`: an organisation that is no
                // sentence's subject is taken only when no other one is found.
                if label == Label::Org
                    && (self.object_of_preposition(ent.span)
                        || self.possessive(ent.span)
                        || !(self.opens_sentence(ent.span) || self.subject_like(ent.span)))
                {
                    fallback = fallback.or(Some(e));
                    continue;
                }
                // `Flynn … was pardoned by Trump. He said`: in one sentence,
                // the object of a preposition yields to another candidate.
                if pending.is_none()
                    && (self.object_of_preposition(ent.span) || self.possessive(ent.span))
                {
                    pending = Some(e);
                    continue;
                }
                let mut pick = match pending {
                    Some(o) if !self.same_sentence(ent.span, self.entities[o].span) => o,
                    _ => e,
                };
                // `When Afghan President Ashraf Ghani first announced …` /
                // `He also said`: a person of unknown gender in the pronoun's
                // paragraph or the one before is nearer than one of the right
                // gender in an earlier paragraph.
                let block_of = |p: usize| self.blocks.partition_point(|b| b.start <= p);
                if label == Label::Person
                    && let Some(f) = fallback
                    && block_of(self.entities[f].span.start) + 1 >= block_of(pos)
                    && block_of(self.entities[pick].span.start)
                        < block_of(self.entities[f].span.start)
                {
                    pick = f;
                }
                pending = None;
                horizon = Some(self.entities[pick].span.start);
                found = Some(pick);
                break;
            };
            if self.near_word(ent.span, role) {
                return Some(e);
            }
            if nearest.is_none() {
                nearest = Some(e);
            }
        }
        if role.is_some() {
            return nearest;
        }
        if let Some(o) = pending.or(fallback).filter(|_| found.is_none()) {
            found = Some(o);
            horizon = Some(self.entities[o].span.start);
        }
        let history_floor = self.blocks_floor(pos, 2 * BLOCKS_BACK);
        let horizon = horizon.unwrap_or(history_floor);
        let history = self.resolved.borrow();
        for &(p, e) in history.iter().rev().take(MAX_CANDIDATES) {
            if p >= pos {
                continue;
            }
            if p <= horizon {
                break;
            }
            let ent = self.entities[e];
            if ent.label != label {
                continue;
            }
            match (gender, self.gender_of(ent)) {
                (Some(want), Some(g)) if g != want => {}
                _ => return Some(e),
            }
        }
        found
    }

    /// Does the mention at `span` look like the subject of its clause: it
    /// opens its sentence or paragraph, or a speech verb or an apposition
    /// follows it (`Shotwell said`, `Marco Villa, the chief operating
    /// officer, said`)?
    pub(super) fn subject_like(&self, span: Span) -> bool {
        let after = self.text[span.end..].trim_start();
        if after.starts_with(',') {
            return true;
        }
        let next: String = after
            .chars()
            .take_while(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect();
        if cue_word(&next).is_some_and(|c| c != Cue::Participle) {
            return true;
        }
        let lo = floor_char(self.text, span.start.saturating_sub(40));
        let before = self.text[lo..span.start].trim_end_matches([' ', '\t']);
        let before = before
            .rsplit_once(' ')
            .filter(|(_, w)| {
                names::of_title(w).is_some()
                    || (w.ends_with('.')
                        && w.len() <= 5
                        && w.chars().next().is_some_and(char::is_uppercase))
            })
            .map_or(before, |(b, _)| b.trim_end());
        before.is_empty() || before.ends_with(['.', '!', '?', '\n', '”', '"'])
    }

    /// Does the mention at `span` open its sentence or paragraph (after an
    /// optional `The`)?
    pub(super) fn opens_sentence(&self, span: Span) -> bool {
        let lo = floor_char(self.text, span.start.saturating_sub(8));
        let before = self.text[lo..span.start].trim_end_matches([' ', '\t']);
        let before = before
            .strip_suffix("The")
            .map_or(before, |b| b.trim_end_matches([' ', '\t']));
        before.is_empty() || before.ends_with(['.', '!', '?', '\n', '”', '"'])
    }

    /// Is the mention at `span` a possessive (`Trump's action`)?
    pub(super) fn possessive(&self, span: Span) -> bool {
        self.text[span.end..].starts_with(['\'', '’'])
    }

    /// Is there no sentence end between the spans (`a` before `b`)?
    pub(super) fn same_sentence(&self, a: Span, b: Span) -> bool {
        let between = self.text.get(a.end.min(b.start)..b.start).unwrap_or("");
        !between.contains(['\n']) && ![". ", "! ", "? "].iter().any(|p| between.contains(p))
    }

    /// Is the mention at `span` right after a preposition (`at Biden`)?
    pub(super) fn object_of_preposition(&self, span: Span) -> bool {
        let lo = floor_char(self.text, span.start.saturating_sub(16));
        let before = self.text[lo..span.start].trim_end();
        let before = before.strip_suffix(" the").unwrap_or(before);
        let word = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        OBJECT_PREPOSITIONS.contains(word)
    }

    /// Remembers that the speaker `entity` was attributed at `pos`.
    pub(crate) fn note_speaker(&self, pos: usize, entity: usize) {
        self.resolved.borrow_mut().push((pos, entity));
    }

    /// Is `word` written next to `span`, in the same sentence and block?
    pub(super) fn near_word(&self, span: Span, word: &str) -> bool {
        let block = self
            .blocks
            .partition_point(|b| b.start <= span.start)
            .saturating_sub(1);
        let Some(b) = self.blocks.get(block) else {
            return false;
        };
        let from = floor_char(self.text, span.start.saturating_sub(60).max(b.start));
        let to = floor_char(self.text, (span.end + 80).min(b.end).max(span.end));
        let before = &self.text[from..span.start];
        let before = before.rsplit(". ").next().unwrap_or(before);
        let after = &self.text[span.end..to];
        let after = after.split(". ").next().unwrap_or(after);
        let has = |s: &str| {
            s.split(|c: char| !c.is_alphanumeric())
                .any(|w| w.eq_ignore_ascii_case(word))
        };
        has(before) || has(after)
    }

    pub(super) fn gender_of(&self, ent: &Entity) -> Option<Gender> {
        self.titled
            .get(ent.canonical.as_str())
            .copied()
            .or_else(|| names::of_name(&ent.canonical))
            .or_else(|| names::of_name(&ent.text))
    }

    /// Is the block `bi` a quote paragraph (it opens with a quote)?
    pub(crate) fn block_opens_with_quote(toks: &[Tok]) -> Option<usize> {
        match toks.first()?.kind {
            TokKind::Quote(q) => Some(q),
            _ => None,
        }
    }
}
