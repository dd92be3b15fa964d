//! Capitalized runs the knowledge base does not know: where a run starts and ends.

use super::*;
use crate::words::WordList;

/// "I am", "I think": words after the pronoun "I".
static PRONOUN_I_VERBS: WordList =
    WordList::new(include_str!("../../words/rules_pronoun_i_verbs.txt"));

/// "Division of the IV Corps": units.
static UNIT_WORDS: WordList = WordList::new(include_str!("../../words/rules_unit_words.txt"));

/// The most tokens a capitalized run may have: longer runs are cut (real
/// names are far shorter; a run of thousands of capitalized words is not
/// one name).
pub(super) const MAX_RUN_TOKENS: usize = 24;

impl<'k, 'a> Doc<'k, 'a> {
    pub(super) fn rule_pass(&mut self, r: Range<usize>) {
        let mut i = r.start;
        while i < r.end {
            if self.taken[i] || !self.toks[i].is_word() {
                i += 1;
                continue;
            }
            // "… Attorney I Have Ever Met": the pronoun opens no name.
            if !self.is_cap_word(i) || self.pronoun_i(i) {
                i += 1;
                continue;
            }
            let run = self.run_at(i, r.end);
            let next = run.end.max(i + 1);
            self.classify(run, r.clone());
            i = next;
        }
    }

    /// Where the words `s..e` end as a name: after the last
    /// capitalized word or number ("police", "area" or a bracket end none).
    pub(super) fn name_end(&self, s: usize, e: usize) -> usize {
        let mut e = e;
        while e > s
            && !(self.toks[e - 1].cap
                || self.toks[e - 1].upper
                || self.toks[e - 1].kind == TokenKind::Number)
        {
            e -= 1;
        }
        e
    }

    /// "County Coroner William McLaughlin", "Queenslander Mitchell
    /// Rawlins": where a given name follows words that describe a person
    /// of three or more words, with no particle or connector among them.
    pub(super) fn given_name_after_descriptor(&self, r: Range<usize>) -> Option<usize> {
        let first_name = |k: usize| self.lex.first_names.contains(self.toks[k].norm.as_ref());
        if r.len() < 3 || first_name(r.start) {
            return None;
        }
        let k = (r.start + 1..r.end - 1).find(|&k| first_name(k))?;
        (r.start..k)
            .all(|x| !is_particle(&self.toks[x].norm) && !is_connector(&self.toks[x].norm))
            .then_some(k)
    }

    /// Whether token `k` is the pronoun "I", by the verb after it ("I
    /// am", "I think", "I'm").
    pub(super) fn pronoun_i(&self, k: usize) -> bool {
        self.toks[k].text == "I"
            && self
                .toks
                .get(k + 1)
                .is_some_and(|t| PRONOUN_I_VERBS.contains(t.norm.as_ref()))
    }

    /// The maximal run of capitalized words (with name particles and
    /// organisation connectors) starting at `i`.
    pub(super) fn run_at(&self, i: usize, end: usize) -> Range<usize> {
        let head = self.toks[i].norm.as_ref();
        let org_head = self.lex.org_heads.contains(head) || self.lex.titles.contains(head);
        let mut j = i + 1;
        while j < end {
            // "Michael Siegel I am a professor": the pronoun, not a regnal
            // number ("Charles I was" keeps its number).
            if self.pronoun_i(j) {
                break;
            }
            // "John Smith John Smith": a name written again starts a new
            // run ("Duran Duran" is one name); no name runs on for ever.
            if j - i >= MAX_RUN_TOKENS
                || (j >= i + 2
                    && j + 1 < end
                    && self.toks[j].norm == self.toks[i].norm
                    && self.toks[j + 1].norm == self.toks[i + 1].norm)
            {
                break;
            }
            // "Seminole County Sheriff Don Eslinger": a title, or a role
            // before a given name, after a place or organisation head
            // opens a person's name.
            if j >= i + 2
                && !self.lex.titles.contains(head)
                && self.is_cap_word(j)
                && self.head_kind(&self.toks[j - 1].norm).is_some()
                && j + 1 < end
                && self.is_cap_word(j + 1)
                && (self.lex.titles.contains(self.toks[j].norm.as_ref())
                    || (self
                        .lex
                        .first_names
                        .contains(self.toks[j + 1].norm.as_ref())
                        && !self.lex.first_names.contains(self.toks[j].norm.as_ref())))
            {
                break;
            }
            if self.is_cap_word(j) {
                j += 1;
                continue;
            }
            let t = &self.toks[j];
            // Initials "J." and hyphenated names.
            if (t.text == "." && self.toks[j - 1].text.chars().count() == 1)
                || (t.text == "-"
                    && t.span.start == self.toks[j - 1].span.end
                    && j + 1 < end
                    && self.toks[j + 1].span.start == t.span.end
                    && self.is_cap_word(j + 1))
            {
                j += 1;
                continue;
            }
            // Connectors: "Ministry of Defense", "Bank of England", "Ludwig van Beethoven".
            let mut k = j;
            while k < end
                && !self.taken[k]
                && (is_connector(&self.toks[k].norm) || is_particle(&self.toks[k].norm))
                && (self.toks[k].lower() || self.toks[k].text == "&")
            {
                k += 1;
            }
            if k > j
                && k < end
                && k - j <= 2
                && self.is_cap_word(k)
                && self.run_crosses(i..j, k, end, org_head)
            {
                j = k;
                continue;
            }
            break;
        }
        // A known first name followed by a lowercased surname that the
        // article writes capitalized elsewhere ("William evanina" beside
        // "Evanina said"): bad translation lower-cased the surname.
        if j == i + 1 && j < end && self.lowercased_surname(i, j) {
            j += 1;
        }
        // Trailing initial dot belongs to the name only when a word follows.
        while j > i + 1 && !self.toks[j - 1].is_word() {
            j -= 1;
        }
        i..j
    }

    /// Whether the run `i..j` of capitalized words goes on over the
    /// connectors `j..k` ("of", "and", "&", particles) to the capitalized
    /// word at `k`: "Ministry of Defense", "Ludwig van Beethoven", "Procter
    /// & Gamble", but not two names ("American Medical Association and the
    /// American College of …", "Sue Black of the University").
    fn run_crosses(&self, run: Range<usize>, k: usize, end: usize, org_head: bool) -> bool {
        let (i, j) = (run.start, run.end);
        let head = self.toks[i].norm.as_ref();
        let particle = (j..k).all(|x| is_particle(&self.toks[x].norm));
        // "Australian League of Rights": the word before "of" heads it.
        let before = self.toks[j - 1].norm.as_ref();
        let head_before = self.lex.org_heads.contains(before)
            || self.lex.event_suffixes.contains(before)
            || self.lex.misc_suffixes.contains(before);
        // "American Medical Association and the American College of
        // …": a complete organisation name before "and" is one of two.
        let and = (j..k).any(|x| matches!(self.toks[x].norm.as_ref(), "and" | "&"));
        // "the Pump House and the Paxton First Schoolhouse": "and
        // the" before two or more capitalized words, or after a name
        // head, opens a second name ("Bela Fleck and the Flecktones"
        // is one), as the model's spans are split (`and_split`).
        let the_name = and
            && self.toks[k - 1].norm == "the"
            && (self.head_kind(before).is_some() || (k + 1 < end && self.is_cap_word(k + 1)));
        let two_orgs = and
            && (self.lex.is_org_suffix(before)
                || self.lex.event_suffixes.contains(before)
                || the_name);
        // "Sue Black of the University", "Professor David Livermore of the
        // University": a person's full name (after any titles) before "of"
        // is not part of what follows ("Isabella of France" is).
        let given = (i..j)
            .find(|&x| !self.lex.titles.contains(self.toks[x].norm.as_ref()))
            .unwrap_or(j);
        let person_of = j >= given + 2
            && self
                .lex
                .first_names
                .contains(self.toks[given].norm.as_ref())
            && self.toks[j].norm == "of";
        // "a Senior Staff Attorney of the Electronic Frontier
        // Foundation", "Member of the Legislative Assembly": a role
        // before "of the" is not part of the organisation's name.
        let role_of = self.toks[j].norm == "of"
            && self.toks[k - 1].norm == "the"
            && (self.lex.titles.contains(before) || matches!(before, "member" | "fellow"))
            && !self.lex.first_names.contains(head)
            // "Chief of the General Staff" is one title.
            && !self.lex.titles.contains(self.toks[k].norm.as_ref());
        // "Dr Christian Keysers and Dr Valeria Gazzola": a title after
        // "and" opens a second name.
        let second_name = and && self.lex.titles.contains(self.toks[k].norm.as_ref());
        // "Brigade of Couch's Division": a possessive opens the
        // next name; "Division of the IV Corps of the Army": a
        // unit of a larger unit is a name of its own.
        let possessive = self.toks.get(k + 1).is_some_and(|t| t.norm == "'s")
            && k + 2 < end
            && self.is_cap_word(k + 2);
        let unit = |n: &str| UNIT_WORDS.contains(n);
        let mut next_end = k;
        while next_end < end && self.is_cap_word(next_end) {
            next_end += 1;
        }
        let units = unit(before) && unit(&self.toks[next_end - 1].norm);
        if two_orgs || person_of || role_of || second_name || possessive || units {
            return false;
        }
        // "Procter & Gamble", "Le Loft & Dunes": an ampersand
        // between capitalized words joins one name, not between two
        // people ("David Christison & Lee Tate").
        let ampersand = self.toks[j].text == "&"
            && j - i <= 2
            && !self.lex.first_names.contains(head)
            && !self.lex.first_names.contains(self.toks[k].norm.as_ref());
        // "American College of Obstetricians and Gynecologists",
        // "Department of Natural Resources and Mines": inside an
        // organisation's "of" phrase, two plural common nouns
        // joined by "and".
        let of_pair = and
            && k == j + 1
            && (i..j).any(|x| self.toks[x].norm == "of")
            && (self.lex.org_heads.contains(head)
                || (i..j).any(|x| {
                    self.toks[x].norm == "of"
                        && x > i
                        && self.lex.is_org_suffix(&self.toks[x - 1].norm)
                }))
            && before.ends_with('s')
            && self.toks[k].norm.ends_with('s')
            && !crate::model::case_bucket(before).mostly_capitalized()
            && !crate::model::case_bucket(&self.toks[k].norm).mostly_capitalized()
            && !(k + 1 < end && self.is_cap_word(k + 1));
        if org_head
            || head_before
            || particle
            || ampersand
            || of_pair
            || self.org_suffix_ahead(k, end)
        {
            return true;
        }
        false
    }

    /// Whether token `j` is a lowercased surname after the first name at `i`.
    pub(super) fn lowercased_surname(&self, i: usize, j: usize) -> bool {
        let (first, next) = (&self.toks[i], &self.toks[j]);
        first.cap
            && !first.upper
            && self.lex.first_names.contains(first.norm.as_ref())
            && next.is_word()
            && next.lower()
            && !self.taken[j]
            && next.span.start > first.span.end
            && next.norm.chars().count() >= 3
            && self.capitalized.contains(next.norm.as_ref())
            && !self.lex.common.contains(next.norm.as_ref())
            && !self.lex.first_names.contains(next.norm.as_ref())
    }

    pub(super) fn org_suffix_ahead(&self, k: usize, end: usize) -> bool {
        let mut j = k;
        while j < end && self.is_cap_word(j) {
            j += 1;
        }
        j > k && self.lex.is_org_suffix(self.toks[j - 1].norm.as_ref())
    }
}
