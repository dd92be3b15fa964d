//! Defining sentences ("X is a band") and quoted nicknames inside names.

use super::*;
use crate::words::WordList;

/// "Mr. Villega is a lawyer": honorifics before a defined person's name.
static HONORIFICS: WordList = WordList::new(include_str!("../../words/definitions_honorifics.txt"));

/// "(or Thirty Seconds to Mars)": words that open an alias in a bracket.
static ALIAS_WORDS: WordList =
    WordList::new(include_str!("../../words/definitions_alias_words.txt"));

/// Words that end the search for a predicate's head noun.
static PHRASE_STOPS: WordList =
    WordList::new(include_str!("../../words/definitions_phrase_stops.txt"));

/// "one of", "a series of": words before "of" that do not end the search.
static OF_HEADS: WordList = WordList::new(include_str!("../../words/definitions_of_heads.txt"));

/// A defining sentence's subject, the copula after it and the bracket
/// between them, if any.
pub(super) struct Definition {
    pub(super) subject: Range<usize>,
    pub(super) copula: usize,
    pub(super) bracket: Option<Range<usize>>,
}

impl<'k, 'a> Doc<'k, 'a> {
    /// "Crazyhead are an English punk rock band from Leicester", "Ervenik
    /// (Serbian Cyrillic: Ервеник) is a village", "30 Seconds to Mars is an
    /// alternative rock band": a sentence that opens with a name and
    /// defines it with "is a …" says what the name is. The subject may hold
    /// short lowercase words ("to", "of", "the") and be followed by a
    /// bracket; the kind is the first head noun of the predicate
    /// ([`definition_kind`]). A knowledge-base match inside a longer
    /// subject ("Australian" in "Australian Melodrama is a compilation
    /// album") gives way; a knowledge-base match of the whole subject stays.
    pub(super) fn definitions(&mut self) {
        let mut names: Vec<(Range<usize>, Label)> = Vec::new();
        for si in 0..self.sents.len() {
            if self.title_case[si] {
                continue;
            }
            let sent = self.sents[si].clone();
            let Some(Definition {
                subject,
                copula,
                bracket,
            }) = self.definition_subject(sent.clone())
            else {
                continue;
            };
            let Some(label) = self.definition_kind(copula, sent.end) else {
                continue;
            };
            // A person's title is not part of the name ("Mr. Villega is a
            // lawyer"); "Bishop Garrigan High School" keeps its first word.
            let mut subject = subject;
            if label == Label::Person {
                while subject.len() > 1
                    && (self
                        .lex
                        .titles
                        .contains(self.toks[subject.start].norm.as_ref())
                        || HONORIFICS.contains(self.toks[subject.start].norm.as_ref()))
                {
                    subject.start += 1;
                }
            }
            // The whole subject known already: the knowledge base decides.
            if self
                .mentions
                .iter()
                .any(|m| m.toks.start <= subject.start && m.toks.end >= subject.end)
            {
                continue;
            }
            // A place by its kind needs no more than the knowledge base
            // gives: a known place inside it is part of another name.
            if matches!(label, Label::Gpe | Label::Loc)
                && self
                    .mentions
                    .iter()
                    .any(|m| m.toks.start < subject.end && m.toks.end > subject.start)
            {
                continue;
            }
            if !self.on(Point::DefinitionsSubject) {
                continue;
            }
            // "30 Seconds to Mars (or Thirty Seconds to Mars) is a band":
            // another name in the bracket after "or", "also" or "formerly".
            let alias = bracket
                .filter(|_| self.on(Point::DefinitionsAlias))
                .and_then(|b| {
                    let first = b.start;
                    if !self
                        .toks
                        .get(first)
                        .is_some_and(|t| ALIAS_WORDS.contains(t.norm.as_ref()))
                    {
                        return None;
                    }
                    let a = first + 1..b.end;
                    (!a.is_empty()
                        && self.toks[a.start].cap
                        && self.toks[a.end - 1].cap
                        && a.clone().all(|k| {
                            self.toks[k].is_word() || self.toks[k].kind == TokenKind::Number
                        })
                        && self.free(a.clone()))
                    .then_some(a)
                });
            self.defined.push(subject.start);
            names.push((subject.clone(), label));
            self.claim_by(subject, label, Point::DefinitionsSubject);
            if let Some(a) = alias {
                names.push((a.clone(), label));
                self.push(a, label, Vec::new(), Source::Rule);
                self.note_last(Point::DefinitionsAlias.id());
            }
        }
        // The same words elsewhere in the document name the same thing,
        // though the rules would cut them ("30 Seconds to Mars" holds a
        // lowercase word and a number).
        if !self.on(Point::DefinitionsAgain) {
            return;
        }
        for (r, label) in names {
            if r.len() < 2 {
                continue;
            }
            let words: Vec<String> = r.clone().map(|k| self.toks[k].text.to_string()).collect();
            self.each_occurrence(&words, |d, m| {
                let bounded = (m.start == 0 || !d.is_cap_word(m.start - 1))
                    && d.toks.get(m.end).is_none_or(|t| !(t.is_word() && t.cap));
                // Only mentions inside the words give way.
                let inside = || {
                    d.mentions
                        .iter()
                        .filter(|x| x.toks.start < m.end && x.toks.end > m.start)
                        .all(|x| x.toks.start >= m.start && x.toks.end <= m.end && x.toks != m)
                };
                let found = m != r && bounded && inside();
                if found {
                    d.claim_by(m, label, Point::DefinitionsAgain);
                }
                found
            });
        }
    }

    /// William "Cowboy" Cowley, Harold "Junior" Theriault: a given name
    /// (and middle names), a quoted nickname of one or two capitalized
    /// words and a surname are one person.
    pub(super) fn nicknames(&mut self) {
        let mut found = Vec::new();
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            if !(self.is_cap_word(i) && self.lex.first_names.contains(self.toks[i].norm.as_ref())) {
                i += 1;
                continue;
            }
            // Given and middle names.
            let mut q = i + 1;
            while q < n && q - i < 3 && self.is_cap_word(q) {
                q += 1;
            }
            if q >= n || !opens_quote(self.toks[q].text) {
                i += 1;
                continue;
            }
            let mut c = q + 1;
            while c < n && c - q <= 2 && self.is_cap_word(c) {
                c += 1;
            }
            if c == q + 1 || c >= n || !closes_quote(self.toks[c].text) {
                i += 1;
                continue;
            }
            let mut e = c + 1;
            while e < n && e - c <= 2 && self.is_cap_word(e) {
                e += 1;
            }
            if e == c + 1
                || !self.same_sentence(i, e - 1)
                || self.lex.common.contains(self.toks[c + 1].norm.as_ref())
            {
                i += 1;
                continue;
            }
            found.push(i..e);
            i = e;
        }
        for r in found {
            self.push(r, Label::Person, Vec::new(), Source::Rule);
        }
    }

    /// The subject of a defining sentence and the index of its copula:
    /// capitalized words (with short lowercase connectors and numbers) from
    /// the sentence start, an optional bracket, then "is/are/was/were" and
    /// an article.
    pub(super) fn definition_subject(&self, sent: Range<usize>) -> Option<Definition> {
        let norm = |k: usize| self.toks.get(k).map_or("", |t| t.norm.as_ref());
        let mut s = sent.start;
        // Opening quotes or brackets do not start a name.
        while s < sent.end && !self.toks[s].is_word() && self.toks[s].kind != TokenKind::Number {
            s += 1;
        }
        // "The Ayalon Cave is a cave": the article stays outside the name,
        // as at any sentence start.
        if s + 1 < sent.end && self.toks[s].norm == "the" && self.toks[s + 1].cap {
            s += 1;
        }
        let mut e = s;
        while e < sent.end && e - s < 8 {
            let t = &self.toks[e];
            let connector = t.lower() && e > s && SUBJECT_CONNECTORS.contains(t.norm.as_ref());
            // "Digby --- Annapolis", "Al-Qaeda", "Yes!".
            let mark = e > s
                && (matches!(t.text, "!" | "&" | "'")
                    || (!t.text.is_empty()
                        && t.text.chars().all(|c| matches!(c, '-' | '–' | '—'))));
            let part = (t.is_word() && (t.cap || t.upper))
                || t.kind == TokenKind::Number
                || connector
                || mark;
            if !part {
                break;
            }
            e += 1;
        }
        // The subject ends in a capitalized word or a number.
        let e = self.name_end(s, e);
        if e <= s {
            return None;
        }
        // "It is a …", "This was a …", "The town is a …": a common word
        // opens no name; "A Storm to Come is the debut album" is one, with
        // two or more capitalized words after the article.
        let article_title = matches!(norm(s), "a" | "an")
            && e - s >= 3
            && self.toks[s + 1].cap
            && !self.lex.common.contains(norm(s + 1));
        if (self.lex.common.contains(norm(s)) && !article_title) || norm(s) == "the" {
            return None;
        }
        // A lone word is a name only if it is no ordinary word the news
        // writes in lowercase.
        if e - s == 1 && crate::model::case_bucket(norm(s)).usually_lower() {
            return None;
        }
        // An optional bracket ("( or Thirty Seconds to Mars )", "( born …
        // )") or comma ("883JIA FM, is a Chinese radio station").
        let mut c = e;
        let mut bracket = None;
        if norm(c) == "(" {
            let close = (c + 1..sent.end.min(c + 30)).find(|&k| norm(k) == ")")?;
            bracket = Some(c + 1..close);
            c = close + 1;
        } else if norm(c) == "," {
            c += 1;
        }
        if !matches!(norm(c), "is" | "are" | "was" | "were")
            || !matches!(norm(c + 1), "a" | "an" | "the")
        {
            return None;
        }
        Some(Definition {
            subject: s..e,
            copula: c,
            bracket,
        })
    }

    /// What the predicate after the copula at `c` says a name is: the
    /// first head noun within a few words ("is the tenth album", "are a
    /// four-piece electro / synthpop band", "is a series of remix
    /// compilation albums").
    pub(super) fn definition_kind(&self, c: usize, end: usize) -> Option<Label> {
        let stop = (c + 12).min(end);
        let mut j = c + 2;
        while j < stop {
            let t = &self.toks[j];
            let n: &str = &t.norm;
            let prev = if j > c + 2 {
                self.toks[j - 1].norm.as_ref()
            } else {
                ""
            };
            // A kind is a common noun: "the San Francisco Bay Area's main
            // convention" is no bay.
            let n: &str = if t.lower() { n } else { "" };
            let label = if n.is_empty() {
                None
            } else {
                super::cues::kind_noun(n, prev)
            };
            if let Some(l) = label {
                // The head noun, not a modifier of another one: "a band
                // member", "a village school", "a film director".
                let next = self.toks.get(j + 1);
                let modifier = next.is_some_and(|x| {
                    x.is_word() && x.lower() && !NOUN_PHRASE_END.contains(x.norm.as_ref())
                });
                if modifier {
                    j += 1;
                    continue;
                }
                return Some(l);
            }
            // Words of a noun phrase: adjectives, ordinals, nouns, "/" and
            // hyphens. A clause, another phrase or another noun phrase ("a
            // Jordanian, and his … group") ends the search.
            if !(t.is_word()
                || matches!(t.text, "/" | "-" | ",")
                || t.norm == "'s"
                || t.kind == TokenKind::Number)
                || PHRASE_STOPS.contains(n)
            {
                return None;
            }
            if n == "of" && !OF_HEADS.contains(prev) {
                return None;
            }
            j += 1;
        }
        None
    }
}
