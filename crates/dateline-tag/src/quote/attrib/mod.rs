//! Speech cues and speaker attribution.
//!
//! Each content block is cut into words and punctuation, with every quote
//! standing in as a single token, and into sentences (a dot inside an
//! entity or after an initial or a known abbreviation ends nothing). A quote
//! is attributed from its own sentence only, in this order:
//! 1. after the quote, when its punctuation announces an attribution
//!    (`"…," Trump said`, `“…,” said Bolton`, `«…», — is spoken in the
//!    statement by …`, `"…?" he was asked`, `“…“- quoted Demers TASS`);
//! 2. before it: the nearest cue to the left and its subject (`Bolton said
//!    he told Patrushev: “…”`, `Peskov called … «…»`, `According to X,
//!    “…”`, `…, saying “…”`), skipping cues that only pass words on (`as
//!    reported by`), name things (`a pattern called a “glider”`) or sit in an
//!    opening subordinate clause (`When Trump tweeted …, Twitter placed …`);
//! 3. a cue closing the sentence (`… the “main difference”, he added.`);
//! 4. a headline-style `Name: “…”`, or a cue ending the line before a quote
//!    that opens its own block (`… Robinson writes:` / `"…"`), or a name
//!    alone on that line (`Ruud Verhoeven:` / `“…”`).
//!
//! After the quote, a dash and a name with at most an apposition after it
//! sign it (`“…” – Jan Fredriks, managing partner at Northwind`).
//!
//! The speaker is read from a short noun phrase next to the cue: a PERSON
//! entity first, then an ORG or GPE, never a possessive modifier (`Day's
//! foundation`) or the object of a preposition (`a tweet from Twitter`).
//! Commas are read as appositions (`the adviser, John Bolton, said`) or
//! parentheticals (`Bolton, who was in Geneva, said`). Passives take their
//! `by` agent (`is spoken in the statement by X`) or nobody (`he was
//! asked`); quoting verbs take their object (`quoted Demers`); participles
//! and coordinated cues take the subject of the main clause. A pronoun
//! resolves to the nearest preceding PERSON of compatible gender (the same,
//! or unknown) outside quotes, or to a speaker already resolved nearer than
//! it. A definite role ("the
//! presidential advisor") resolves to a person named before its sentence,
//! preferring one introduced with that role; with a complement ("the head
//! of the investigators") it must be. A document ("the statement said")
//! speaks for whoever issued it, named before its sentence ("the ministry
//! said in a statement"). An organisation named by its kind ("the ministry
//! said") is the nearest one named before whose name holds the noun, else
//! the nearest that is a sentence's subject. An organisation pronoun ("it says") passes over
//! organisations that are no sentence's subject. Any other subject ("the
//! report said" with nobody named) is an explicit unknown speaker. Statements that open their sentence and
//! that no sentence attributes inherit the speaker of their paragraph or of
//! the adjacent run of quote paragraphs, and only when the neighbours agree.
//!
//! Every context window and search is bounded, so attribution is linear in
//! the text.

use super::marks::RawQuote;
use super::names::{self, Gender};
use crate::{Entity, Label, Span};

mod cues;
mod speakers;
mod words;

use self::words::*;

/// Most tokens looked at on either side of a quote.
const WINDOW: usize = 40;
/// Most words in a speaker noun phrase.
const MAX_NP_WORDS: usize = 10;
/// Most entity mentions examined when resolving a pronoun or role.
const MAX_CANDIDATES: usize = 64;
/// How far back (bytes) a document's issuer is looked for.
const ISSUER_BYTES: usize = 4000;
/// How many blocks back a pronoun may reach.
const BLOCKS_BACK: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    Word,
    Punct(char),
    Quote(usize),
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub(crate) span: Span,
    pub(crate) kind: TokKind,
}

/// Whether a quote is a statement or a phrase (decided here, mapped by the caller).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    Statement,
    Phrase,
}

/// Who a quote's attribution points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Who {
    /// An entity (index into the sorted entity list), mentioned at `span`.
    Named { entity: usize, span: Span },
    /// The text names a source it does not identify ("the report said").
    Unknown,
}

/// The attribution of one quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Attribution {
    pub(crate) who: Option<Who>,
    pub(crate) cue: Option<Span>,
    pub(crate) shape: Shape,
    /// The quote opens its sentence (only such quotes inherit a speaker).
    pub(crate) initial: bool,
    /// The id of the rule that found the cue or the speaker (see
    /// [`crate::quote::RULES`]).
    pub(crate) rule: Option<&'static str>,
}

/// Everything attribution needs about one document.
#[derive(Debug)]
pub(crate) struct Ctx<'a> {
    pub(crate) text: &'a str,
    /// Valid entity mentions sorted by start.
    pub(crate) entities: Vec<&'a Entity>,
    pub(crate) blocks: &'a [Span],
    pub(crate) joinable: &'a [bool],
    pub(crate) quotes: &'a [RawQuote],
    /// Gender of people introduced anywhere with a gendered title (`Mr.`,
    /// `spokeswoman`), by canonical name.
    pub(crate) titled: std::collections::HashMap<&'a str, Gender>,
    /// Speakers attributed so far: `(mention start, entity)`, in the order found.
    pub(crate) resolved: std::cell::RefCell<Vec<(usize, usize)>>,
}
impl<'a> Ctx<'a> {
    fn word(&self, t: &Tok) -> &'a str {
        &self.text[t.span.range()]
    }

    /// The token in lowercase, allocating only when it has capitals.
    fn lower(&self, t: &Tok) -> std::borrow::Cow<'a, str> {
        let w = self.word(t);
        if w.is_ascii() {
            if w.bytes().any(|b| b.is_ascii_uppercase()) {
                std::borrow::Cow::Owned(w.to_ascii_lowercase())
            } else {
                std::borrow::Cow::Borrowed(w)
            }
        } else {
            std::borrow::Cow::Owned(w.to_lowercase())
        }
    }

    fn is_word(&self, t: &Tok, w: &str) -> bool {
        t.kind == TokKind::Word && self.word(t).eq_ignore_ascii_case(w)
    }

    fn in_quote(&self, pos: usize) -> bool {
        let i = self.quotes.partition_point(|q| q.outer.start <= pos);
        i > 0 && self.quotes[i - 1].outer.end > pos
    }

    /// Entities lying entirely inside `start..end`, in order.
    fn entities_in(&self, start: usize, end: usize) -> impl Iterator<Item = usize> + '_ {
        let first = self.entities.partition_point(|e| e.span.start < start);
        (first..self.entities.len())
            .take_while(move |&i| self.entities[i].span.start < end)
            .filter(move |&i| self.entities[i].span.end <= end)
    }

    fn entity_at_word(&self, t: &Tok) -> bool {
        let i = self
            .entities
            .partition_point(|e| e.span.start <= t.span.start);
        i > 0 && self.entities[i - 1].span.end > t.span.start
    }

    /// Splits a block into tokens; quotes overlapping the block (indices
    /// `qs`) become single tokens.
    pub(crate) fn tokenize(&self, block: Span, qs: &[usize]) -> Vec<Tok> {
        let mut toks = Vec::new();
        let mut qiter = qs.iter().peekable();
        let body = &self.text[block.range()];
        let mut chars = body.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let at = block.start + i;
            if let Some(&&qi) = qiter.peek() {
                let q = self.quotes[qi].outer;
                let qs = q.start.max(block.start);
                if at >= qs {
                    let qe = q.end.min(block.end);
                    toks.push(Tok {
                        span: Span::new(qs, qe),
                        kind: TokKind::Quote(qi),
                    });
                    qiter.next();
                    while chars.peek().is_some_and(|&(j, _)| block.start + j < qe) {
                        chars.next();
                    }
                    continue;
                }
            }
            if c.is_whitespace() {
                continue;
            }
            if c.is_alphanumeric() {
                let mut end = at + c.len_utf8();
                while let Some(&(j, d)) = chars.peek() {
                    let pos = block.start + j;
                    if qiter
                        .peek()
                        .is_some_and(|&&qi| self.quotes[qi].outer.start <= pos)
                    {
                        break;
                    }
                    if d.is_alphanumeric() {
                        end = pos + d.len_utf8();
                        chars.next();
                    } else if matches!(d, '\'' | '’' | '-') {
                        // Joins only between word characters (Russia’s, Vice-President).
                        let after = body[j + d.len_utf8()..].chars().next();
                        if after.is_some_and(char::is_alphanumeric) {
                            end = pos + d.len_utf8();
                            chars.next();
                        } else {
                            break;
                        }
                    } else {
                        break;
                    }
                }
                toks.push(Tok {
                    span: Span::new(at, end),
                    kind: TokKind::Word,
                });
            } else {
                toks.push(Tok {
                    span: Span::new(at, at + c.len_utf8()),
                    kind: TokKind::Punct(c),
                });
            }
        }
        toks
    }

    /// `ends[i]` is true when a sentence ends after token `i`.
    pub(crate) fn sentence_ends(&self, toks: &[Tok]) -> Vec<bool> {
        let mut ends = vec![false; toks.len()];
        for i in 0..toks.len() {
            let next_starts = match toks.get(i + 1) {
                None => true,
                Some(n) => match n.kind {
                    TokKind::Quote(_) => true,
                    TokKind::Word => self
                        .word(n)
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || c.is_numeric()),
                    TokKind::Punct(c) => matches!(c, '(' | '[' | '—' | '–'),
                },
            };
            ends[i] = match toks[i].kind {
                TokKind::Punct('.' | '!' | '?' | '…') => {
                    next_starts && !self.is_abbreviation(toks, i)
                }
                TokKind::Quote(q) => {
                    let inner = &self.text[self.quotes[q].inner.range()];
                    // `“….” — Neil Gaiman`: a dash after a quote leads to
                    // its attribution.
                    inner.ends_with(['.', '!', '?', '…'])
                        && toks.get(i + 1).is_some_and(|n| {
                            !matches!(n.kind, TokKind::Punct(',' | '—' | '–' | '-'))
                        })
                        && next_starts
                }
                _ => false,
            };
        }
        ends
    }

    fn is_abbreviation(&self, toks: &[Tok], i: usize) -> bool {
        if toks[i].kind != TokKind::Punct('.') {
            return false;
        }
        if self.entity_at_word(&toks[i]) {
            return true;
        }
        match i.checked_sub(1).map(|p| &toks[p]) {
            Some(p) if p.kind == TokKind::Word && p.span.end == toks[i].span.start => {
                let w = self.lower(p);
                w.chars().count() == 1 || ABBREVIATIONS.contains(&w)
            }
            _ => false,
        }
    }

    /// Attributes quote `q`, whose token is `toks[at]` in a block whose
    /// sentence ends are `ends` (`toks_last`/`at_last`/`ends_last`: the block
    /// and token where it ends, for a quote that spans paragraphs).
    pub(crate) fn attribute(
        &self,
        q: usize,
        (toks, at, ends): (&[Tok], usize, &[bool]),
        (toks_last, at_last, ends_last): (&[Tok], usize, &[bool]),
    ) -> Attribution {
        let sent_start = sentence_start(ends, at);
        let left = &toks[sent_start..at];
        let right_end = sentence_end(ends_last, at_last);
        let right = &toks_last[at_last + 1..right_end];
        let shape = self.shape(q, left, right);

        let mut result = Attribution {
            who: None,
            cue: None,
            shape,
            initial: left.is_empty(),
            rule: None,
        };
        if self.announces_attribution(q, right)
            && let Some((who, cue, rule)) = self.after_quote(right)
        {
            result.who = Some(who);
            result.cue = Some(cue);
            result.rule = Some(rule);
            return result;
        }
        if let Some((who, cue)) = self.before_quote(left) {
            result.who = Some(who);
            result.cue = Some(cue);
            result.rule = Some("quote.before");
            return result;
        }
        if let Some((who, cue)) = self.sentence_final(right) {
            result.who = Some(who);
            result.cue = Some(cue);
            result.rule = Some("quote.final");
            return result;
        }
        // A sentence introducing the quote with a colon, no speech verb
        // (`Bolsonaro opposed Macron's statement: “…”`): its first person
        // (else organisation) that is no possessive or prepositional object.
        if let [first, .., colon] = left
            && colon.kind == TokKind::Punct(':')
            && left.len() > 6
        {
            if let Some(e) = self.best_entity(first.span.start, colon.span.start, false) {
                result.who = Some(Who::Named {
                    entity: e,
                    span: self.entities[e].span,
                });
                result.rule = Some("quote.colon");
            }
            return result;
        }
        // Headline style: `Peskov: «…»`.
        if let [.., name, colon] = left
            && colon.kind == TokKind::Punct(':')
            && left.len() <= 6
        {
            let start = left[left.len().saturating_sub(5)..]
                .first()
                .map_or(name.span.start, |t| t.span.start);
            if let Some(e) = self.best_entity(start, name.span.end, true) {
                result.who = Some(Who::Named {
                    entity: e,
                    span: self.entities[e].span,
                });
                result.rule = Some("quote.headline");
            }
        }
        result
    }

    fn shape(&self, q: usize, left: &[Tok], right: &[Tok]) -> Shape {
        let inner = &self.text[self.quotes[q].inner.range()];
        let upper_start = inner
            .chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(char::is_uppercase);
        let prev = left.last();
        let statement = match prev {
            None => {
                // A short quote used as a noun phrase at sentence start.
                let words = inner.split_whitespace().count();
                let bare = !inner.ends_with(['.', ',', '!', '?', '…']);
                let continues = right.first().is_some_and(|t| {
                    t.kind == TokKind::Word
                        && self.word(t).chars().next().is_some_and(char::is_lowercase)
                        && cue_word(&self.lower(t)).is_none()
                        && pronoun(&self.lower(t)).is_none()
                });
                !(words <= 4 && bare && continues)
            }
            Some(t) => match t.kind {
                TokKind::Punct(':' | ';') | TokKind::Quote(_) => true,
                // `"Three months ago," he said, "I entered …"`: the second
                // half of a statement split by its attribution.
                TokKind::Punct(',' | '—' | '–' | '-') => {
                    upper_start || left.iter().any(|t| matches!(t.kind, TokKind::Quote(_)))
                }
                TokKind::Punct(_) => false,
                // `said “We…”`, or a full sentence after any word.
                TokKind::Word => {
                    upper_start
                        && (cue_word(&self.lower(t)).is_some()
                            || (inner.split_whitespace().count() >= 4
                                && inner.ends_with(['.', '!', '?', '…'])))
                }
            },
        };
        if statement {
            Shape::Statement
        } else {
            Shape::Phrase
        }
    }
}

/// Is `phrase` a definite document (`the statement`), whose speaker is
/// who issued it?
pub(crate) fn is_document_phrase(phrase: &str) -> bool {
    let mut words = phrase.split_whitespace();
    matches!(
        (words.next(), words.next(), words.next()),
        (Some(the), Some(noun), None)
            if the.eq_ignore_ascii_case("the") && DOCUMENTS.contains(&noun.to_lowercase())
    )
}

/// Is `phrase` an organisation named by its kind (`the ministry`)?
pub(crate) fn is_org_noun_phrase(phrase: &str) -> bool {
    let mut words = phrase.split_whitespace();
    matches!(
        (words.next(), words.next(), words.next()),
        (Some(the), Some(noun), None)
            if the.eq_ignore_ascii_case("the") && ORG_NOUNS.contains(&noun.to_lowercase())
    )
}

/// Genders given by a title word right before a PERSON mention, by
/// canonical name (the first title seen wins).
pub(crate) fn titled_genders<'a>(
    text: &str,
    entities: &[&'a Entity],
) -> std::collections::HashMap<&'a str, Gender> {
    let mut out = std::collections::HashMap::new();
    for e in entities.iter().filter(|e| e.label == Label::Person) {
        let lo = floor_char(text, e.span.start.saturating_sub(24));
        let before = text[lo..e.span.start].trim_end();
        let title = before.rsplit(char::is_whitespace).next().unwrap_or("");
        if let Some(g) = names::of_title(title) {
            out.entry(e.canonical.as_str()).or_insert(g);
        }
    }
    out
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Where the last sentence of a block starts (at most `WINDOW` tokens back).
pub(crate) fn last_sentence_start(ends: &[bool]) -> usize {
    match ends.len() {
        0 => 0,
        n => sentence_start(ends, n - 1),
    }
}

fn sentence_start(ends: &[bool], at: usize) -> usize {
    let lo = at.saturating_sub(WINDOW);
    (lo..at).rev().find(|&i| ends[i]).map_or(lo, |i| i + 1)
}

fn sentence_end(ends: &[bool], at: usize) -> usize {
    let hi = (at + 1 + WINDOW).min(ends.len());
    (at + 1..hi).find(|&i| ends[i]).map_or(hi, |i| i + 1)
}
