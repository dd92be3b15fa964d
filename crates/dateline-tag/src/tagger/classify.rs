//! The label of a capitalized run, and given names in headline-style lines.

use super::*;

impl<'k, 'a> Doc<'k, 'a> {
    pub(super) fn classify(&mut self, run: Range<usize>, sent: Range<usize>) {
        let lex = self.lex;
        let mut s = run.start;
        let e = run.end;
        let mut titled = false;
        // Titles before the run, possibly lowercased: "the press Secretary of the White house Sarah Sanders".
        if s > sent.start {
            let p = &self.toks[s - 1];
            if lex.titles.contains(p.norm.as_ref()) {
                titled = true;
            }
        }
        // Strip leading titles, "The" and sentence-initial common words.
        let org_like = lex.is_org_suffix(self.toks[e - 1].norm.as_ref()) && e - s >= 2;
        let mut title_phrase = false;
        while s < e {
            let t = &self.toks[s];
            let n = t.norm.as_ref();
            if lex.titles.contains(n)
                && !(lex.first_names.contains(n)
                    && s + 1 < e
                    && !lex.titles.contains(self.toks[s + 1].norm.as_ref()))
            {
                titled = true;
                s += 1;
            } else if n == "the"
                || (t.sent_start
                    && lex.common.contains(n)
                    && !lex.first_names.contains(n)
                    // "After the Post Office scandal": a common word before
                    // "the" opens no name, even an organisation's.
                    && (!org_like || self.toks.get(s + 1).is_some_and(|x| x.norm == "the")))
            {
                s += 1;
            } else if is_connector(n) || !t.is_word() {
                // "Minister of Finance", "Director of National Intelligence": part of a title.
                title_phrase |= titled && is_connector(n);
                s += 1;
            } else {
                break;
            }
        }
        if title_phrase {
            return;
        }
        // "County Coroner William McLaughlin", "Actor Jared Leto": a descriptor before a full name.
        if let Some(k) = self.given_name_after_descriptor(s..e) {
            s = k;
            titled = true;
        }
        // A title run that ends in "of": "Secretary of State" stays unnamed.
        if s >= e {
            return;
        }
        let mut e2 = e;
        while e2 > s && (is_connector(&self.toks[e2 - 1].norm) || !self.toks[e2 - 1].is_word()) {
            e2 -= 1;
        }
        let span = s..e2;
        let len = e2 - s;
        if len == 0 {
            return;
        }
        // "Chief Technological Officer of Red Hat": a role with a title word
        // before "of" describes someone; it is not a name.
        if titled
            && (s + 1..e2.saturating_sub(1)).any(|k| {
                lex.titles.contains(self.toks[k].norm.as_ref()) && self.toks[k + 1].norm == "of"
            })
        {
            return;
        }
        // "R&D", "Q&A": abbreviations written with an ampersand that name
        // nothing.
        if len == 3
            && self.toks[s + 1].text == "&"
            && AMPERSAND_WORDS.contains(
                &self.text[self.toks[s].span.start..self.toks[e2 - 1].span.end]
                    .to_lowercase()
                    .as_str(),
            )
        {
            return;
        }
        let first = self.toks[s].norm.to_string();
        let last = self.toks[e2 - 1].norm.to_string();
        let single = len == 1;
        let t0 = &self.toks[s];
        // Words capitalized only because they start a sentence need other evidence.
        let weak_start =
            t0.sent_start && single && !self.capitalized.contains(first.as_str()) && !t0.upper;
        let next_norm = self.toks.get(e2).map(|t| t.norm.as_ref()).unwrap_or("");
        let prev_norm = if s > sent.start {
            self.toks[s - 1].norm.as_ref()
        } else {
            ""
        };
        let speech = matches!(
            next_norm,
            "said"
                | "says"
                | "told"
                | "added"
                | "wrote"
                | "stated"
                | "explained"
                | "noted"
                | "argued"
                | "insisted"
        );
        let org = (lex.is_org_suffix(last.as_str()) && !single)
            || self.place_team(s..e2)
            // "PG&E", "Procter & Gamble": names joined by an ampersand.
            || (s + 1..e2.saturating_sub(1)).any(|k| self.toks[k].text == "&")
            || (lex.org_heads.contains(first.as_str())
                && (s..e2).any(|k| is_connector(&self.toks[k].norm)))
            // "Australian League of Rights": a head word before a connector.
            || (s..e2.saturating_sub(1)).any(|k| {
                lex.org_heads.contains(self.toks[k].norm.as_ref())
                    && self.toks[k].cap
                    && is_connector(&self.toks[k + 1].norm)
            });
        // "Second Battle of Bull Run", "Treaty of Versailles": an event or
        // other head before a connector.
        let of_head = (s..e2.saturating_sub(1))
            .find(|&k| self.toks[k].cap && is_connector(&self.toks[k + 1].norm))
            .and_then(|k| self.head_kind(&self.toks[k].norm))
            .filter(|l| matches!(l, Label::Event | Label::Misc));
        // One word that news nearly always writes in lowercase is a
        // capitalized noun ("Economy", "Science") unless a title names it.
        if single && !titled && !t0.upper && crate::model::case_bucket(&first) == 2 {
            return;
        }
        // "One MP told the BBC", "a KO in round two": an abbreviation that
        // is no organisation is no name either.
        if single && t0.upper && lex.not_acronyms.contains(first.trim_end_matches('.')) {
            return;
        }
        // "Lake Winnipesaukee", "River Mersey", "Kreis Flensburg": a
        // geographic word before the name.
        let geo_prefix = if len >= 2 && !titled && !self.toks[s].upper {
            match first.as_str() {
                f if GEO_PREFIXES.contains(&f) || f == "river" => Some(Label::Loc),
                // Not "upper"/"lower": "Lower House", "Upper Chamber".
                "kreis" | "landkreis" | "bezirk" | "north" | "south" | "east" | "west" => {
                    Some(Label::Gpe)
                }
                _ => None,
            }
        } else {
            None
        };
        // "P-38 Lightning", "F-4 Phantom II": a type designation and its
        // name are a product.
        let designation = len >= 2 && is_designation(self.toks[s].text);
        let label = if designation {
            Some(Label::Misc)
        } else if let Some(l) = of_head.filter(|_| !org) {
            Some(l)
        } else if org {
            Some(Label::Org)
        } else if let Some(head) = self.head_label(s..e2) {
            Some(head)
        } else if let Some(l) = geo_prefix {
            Some(l)
        } else if let Some(l) = self
            .kind_after(e2)
            .filter(|_| !titled && (s == 0 || self.toks[s - 1].text != "-"))
        {
            Some(l)
        } else if let Some(place) = self.place_cue(s..e2, sent.clone()).filter(|_| {
            !(titled || (lex.first_names.contains(first.as_str()) && len >= 2))
                || self.comma_place(e2, sent.end)
        }) {
            Some(place)
        } else if self.toks.get(e2).is_some_and(|t| t.text == ",")
            && self.toks.get(e2 + 1).is_some_and(|t| t.norm == "who")
            && e2 + 1 < sent.end
            && !lex.common.contains(first.as_str())
        {
            // "Gomery, who led the inquiry", even at the start of a sentence.
            Some(Label::Person)
        } else if let Some(cued) = self
            .context_cue(s..e2, sent.clone())
            .filter(|_| !(single && weak_start))
        {
            Some(cued)
        } else if let Some(cued) = self
            .people_or_language(s..e2)
            .filter(|_| !lex.common.contains(first.as_str()))
        {
            Some(cued)
        } else if let Some(cued) = self.predicate_cue(s..e2, sent.clone()).filter(|_| {
            !lex.common.contains(first.as_str())
                && !matches!(crate::model::case_bucket(&first), 2..=4)
        }) {
            Some(cued)
        } else if len >= 2
            && !lex.common.contains(first.as_str())
            && is_regnal(self.toks[e2 - 1].text)
            && self.toks[e2 - 2].cap
            && !self.toks[e2 - 2].upper
            && !matches!(crate::model::case_bucket(&self.toks[e2 - 2].norm), 2..=4)
        {
            // "Ramesses II", "Mojmír I": a name with a regnal number.
            Some(Label::Person)
        } else if len >= 3
            && !lex.common.contains(first.as_str())
            && (s + 1..e2 - 1).any(|k| {
                let t = &self.toks[k];
                t.lower()
                    && (matches!(t.norm.as_ref(), "von" | "van" | "zu" | "ter")
                        || (is_particle(&t.norm) && lex.first_names.contains(first.as_str())))
            })
        {
            // "Dorothea von Schlegel", "Pieter van Gelder", "Maria de
            // Sousa": given name, particle, family name (a place or an
            // organisation head was ruled out above).
            Some(Label::Person)
        } else if (titled && (!single || (!weak_start && !lex.common.contains(first.as_str()))))
            || (lex.first_names.contains(first.as_str()) && len >= 2)
        {
            Some(Label::Person)
        } else if single && lex.first_names.contains(first.as_str()) {
            // A first name alone is left to the model and to document-level
            // resolution, except where it opens a greeting or a sign-off
            // ("Ginny, please see …", "Thanks, Bill"): then it names a person.
            let opens = next_norm == "," && (t0.sent_start || prev_norm == ",");
            let closes = (e2 >= sent.end || !self.toks[e2].is_word())
                && matches!(
                    prev_norm,
                    "," | "thanks" | "from" | "regards" | "cheers" | "dear" | "hi" | "hello"
                );
            let greeting = opens || closes;
            (greeting && !lex.common.contains(first.as_str())).then_some(Label::Person)
        } else if single
            && t0.upper
            && t0.text.chars().count() <= 6
            && !lex.not_acronyms.contains(first.trim_end_matches('.'))
            // "THESE", "TRAVEL": a word written in capitals, not an acronym.
            && !matches!(crate::model::case_bucket(&first), 2 | 3)
        {
            Some(Label::Org)
        } else if weak_start {
            // A word no news text writes in lowercase, opening a sentence
            // as the subject of a verb, is a surname: "Dündar warned …",
            // "Lamarr accompanied …", "Kühn can only …".
            let bucket = crate::model::case_bucket(&first);
            // "X is a …" defines a thing; "Conservationists welcomed" is a
            // plural noun.
            let after = self.toks.get(e2 + 1).map_or("", |t| t.norm.as_ref());
            let plural_noun = first
                .strip_suffix('s')
                .is_some_and(|sg| matches!(crate::model::case_bucket(sg), 2..=4))
                || ["ists", "ians", "ites", "ants", "ents"]
                    .iter()
                    .any(|suf| first.ends_with(suf));
            let verb = speech
                || (matches!(next_norm, "is" | "was")
                    && !matches!(after, "a" | "an" | "the" | "not" | "one"))
                || matches!(
                    next_norm,
                    "has"
                        | "had"
                        | "can"
                        | "could"
                        | "will"
                        | "would"
                        | "did"
                        | "does"
                        | "also"
                        | "then"
                        | "later"
                        | "himself"
                        | "herself"
                )
                || (next_norm.len() > 4
                    && next_norm.ends_with("ed")
                    && self.toks.get(e2).is_some_and(|t| t.lower()));
            (verb
                && !plural_noun
                && matches!(bucket, 0 | 6 | 7)
                && !lex.common.contains(first.as_str())
                && t0.text.chars().any(|c| c.is_ascii_alphabetic()))
            .then_some(Label::Person)
        } else if speech && len <= 3 && !lex.common.contains(first.as_str()) {
            Some(Label::Person)
        } else if single
            && prev_norm == "in"
            && s >= 2
            && matches!(
                self.toks[s - 2].norm.as_ref(),
                "born" | "died" | "raised" | "located" | "situated" | "based" | "buried"
            )
        {
            // "born in Senlis", "located in Gazipur": a place.
            Some(Label::Gpe)
        } else if !self.with_model && LOC_PREPS.contains(&prev_norm) && single {
            // Without the model, one unknown word after "in", "from", … is
            // most often a place; with it, the model (which reads the same
            // cue among others) decides better.
            Some(Label::Gpe)
        } else if !self.with_model
            && (2..=3).contains(&len)
            && (s..e2).all(|k| !lex.common.contains(self.toks[k].norm.as_ref()))
        {
            // Without the model, two or three capitalized words with no other cue are
            // most often a person's name; with it, the model decides.
            Some(Label::Person)
        } else {
            // No cue: leave it to the model (and to document-level propagation).
            None
        };
        if let Some(label) = label {
            self.push(span, label, Vec::new(), Source::Rule);
        }
    }

    /// In headline-style lines, where capitals say little, a known given
    /// name before one or two capitalized words that news writes
    /// capitalized is still a person: "Coach : Lisa Gilette", "Alternates
    /// : Heather Johnson , Travis Hanson".
    pub(super) fn headline_people(&mut self) {
        for si in 0..self.sents.len() {
            if !self.title_case[si] {
                continue;
            }
            let r = self.sents[si].clone();
            let mut k = r.start;
            while k + 1 < r.end {
                let name_word = |x: usize| {
                    x < r.end
                        && self.is_cap_word(x)
                        && !self.toks[x].upper
                        && !self.lex.common.contains(self.toks[x].norm.as_ref())
                        && !self.lex.titles.contains(self.toks[x].norm.as_ref())
                        && !matches!(crate::model::case_bucket(&self.toks[x].norm), 2..=4)
                        && self.kb.longest(&self.toks[..r.end], x, &|_| true).is_none()
                        && plain_word(self.toks[x].text)
                };
                let given = self.is_cap_word(k)
                    && !self.toks[k].upper
                    && self.lex.first_names.contains(self.toks[k].norm.as_ref());
                if !(given && name_word(k + 1)) {
                    k += 1;
                    continue;
                }
                let e = if name_word(k + 2) { k + 3 } else { k + 2 };
                self.push(k..e, Label::Person, Vec::new(), Source::Rule);
                k = e;
            }
        }
    }
}
