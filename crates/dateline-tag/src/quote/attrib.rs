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
//!    that opens its own block (`… Robinson writes:` / `"…"`).
//!
//! The speaker is read from a short noun phrase next to the cue: a PERSON
//! entity first, then an ORG or GPE, never a possessive modifier (`Day's
//! foundation`) or the object of a preposition (`a tweet from Twitter`).
//! Commas are read as appositions (`the adviser, John Bolton, said`) or
//! parentheticals (`Bolton, who was in Geneva, said`). Passives take their
//! `by` agent (`is spoken in the statement by X`) or nobody (`he was
//! asked`); quoting verbs take their object (`quoted Demers`); participles
//! and coordinated cues take the subject of the main clause. A pronoun
//! resolves to the nearest preceding PERSON of the same gender outside
//! quotes, or to a speaker already resolved nearer than it; a candidate of
//! unknown gender stops the search (no guess). A definite role ("the
//! presidential advisor") resolves to a person named before its sentence,
//! preferring one introduced with that role; with a complement ("the head
//! of the investigators") it must be. Any other subject ("the report said")
//! is an explicit unknown speaker. Statements that open their sentence and
//! that no sentence attributes inherit the speaker of their paragraph or of
//! the adjacent run of quote paragraphs, and only when the neighbours agree.
//!
//! Every context window and search is bounded, so attribution is linear in
//! the text.

use super::marks::RawQuote;
use super::names::{self, Gender};
use crate::{Entity, Label, Span};

/// Most tokens looked at on either side of a quote.
const WINDOW: usize = 40;
/// Most words in a speaker noun phrase.
const MAX_NP_WORDS: usize = 10;
/// Most entity mentions examined when resolving a pronoun or role.
const MAX_CANDIDATES: usize = 64;
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// The subject speaks: said, told, added, called, …
    Speech,
    /// The object is the speaker: quoted, cited.
    Quoting,
    /// `…, saying “…”`: the subject of the main clause speaks.
    Participle,
}

fn cue_word(lower: &str) -> Option<Cue> {
    const SPEECH: &[&str] = &[
        "accused",
        "blasted",
        "condemned",
        "criticised",
        "criticized",
        "denounced",
        "dismissed",
        "hailed",
        "lauded",
        "mocked",
        "praised",
        "rejected",
        "slammed",
        "informed",
        "posted",
        "spoke",
        "acknowledged",
        "add",
        "added",
        "adds",
        "admitted",
        "announced",
        "answered",
        "argued",
        "argues",
        "ask",
        "asked",
        "asks",
        "assured",
        "assures",
        "called",
        "calls",
        "claimed",
        "claims",
        "commented",
        "complained",
        "conceded",
        "concluded",
        "confirmed",
        "continued",
        "declared",
        "denied",
        "described",
        "dubbed",
        "emphasised",
        "emphasized",
        "emphasizes",
        "explained",
        "explains",
        "indicated",
        "insisted",
        "insists",
        "labeled",
        "labelled",
        "maintained",
        "mentioned",
        "noted",
        "notes",
        "observed",
        "predicted",
        "promised",
        "recalled",
        "remarked",
        "repeated",
        "replied",
        "reported",
        "responded",
        "reiterated",
        "said",
        "say",
        "says",
        "stated",
        "stressed",
        "stresses",
        "suggested",
        "tell",
        "tells",
        "termed",
        "told",
        "tweeted",
        "urged",
        "vowed",
        "warned",
        "warns",
        "wrote",
    ];
    const EXTRA: &[&str] = &[
        "recalls",
        "reaffirmed",
        "reiterates",
        "characterised",
        "characterized",
        "quipped",
        "joked",
        "lamented",
        "exclaimed",
        "recounted",
        "writes",
        "tweets",
        "declares",
        "announces",
        "confirms",
        "admits",
    ];
    const QUOTING: &[&str] = &["cited", "cites", "quoted", "quotes", "quoting"];
    // Participles whose subject is the subject of the main clause.
    const PARTICIPLE: &[&str] = &[
        "adding",
        "arguing",
        "speaking",
        "claiming",
        "declaring",
        "insisting",
        "noting",
        "saying",
        "stressing",
        "telling",
        "tweeting",
        "warning",
        "writing",
    ];
    if SPEECH.contains(&lower) || EXTRA.contains(&lower) {
        Some(Cue::Speech)
    } else if QUOTING.contains(&lower) {
        Some(Cue::Quoting)
    } else if PARTICIPLE.contains(&lower) {
        Some(Cue::Participle)
    } else {
        None
    }
}

fn is_aux(lower: &str) -> bool {
    matches!(
        lower,
        "is" | "was" | "are" | "were" | "be" | "been" | "being"
    )
}

/// Participles of verbs that pass words on rather than say them.
fn is_reporting(lower: &str) -> bool {
    matches!(lower, "quoted" | "cited" | "reported")
}

fn is_passive_participle(lower: &str) -> bool {
    matches!(
        lower,
        "spoken"
            | "said"
            | "stated"
            | "quoted"
            | "written"
            | "noted"
            | "reported"
            | "cited"
            | "announced"
            | "declared"
            | "voiced"
            | "expressed"
            | "made"
            | "issued"
            | "told"
            | "asked"
    )
}

fn pronoun(lower: &str) -> Option<(Label, Option<Gender>)> {
    match lower {
        "he" => Some((Label::Person, Some(Gender::Male))),
        "she" => Some((Label::Person, Some(Gender::Female))),
        "it" => Some((Label::Org, None)),
        _ => None,
    }
}

/// Nouns naming a person by function; a definite phrase headed by one can
/// refer back to a person already named.
fn is_role(lower: &str) -> bool {
    matches!(
        lower,
        "adviser"
            | "advisor"
            | "archbishop"
            | "bishop"
            | "cardinal"
            | "captain"
            | "coach"
            | "judge"
            | "king"
            | "queen"
            | "prince"
            | "professor"
            | "researcher"
            | "lawyer"
            | "founder"
            | "commissioner"
            | "candidate"
            | "nominee"
            | "aide"
            | "ambassador"
            | "attorney"
            | "chairman"
            | "chairwoman"
            | "chancellor"
            | "chief"
            | "commander"
            | "congressman"
            | "congresswoman"
            | "diplomat"
            | "director"
            | "envoy"
            | "governor"
            | "head"
            | "leader"
            | "lawmaker"
            | "mayor"
            | "minister"
            | "official"
            | "premier"
            | "president"
            | "prosecutor"
            | "representative"
            | "secretary"
            | "senator"
            | "spokesman"
            | "spokesperson"
            | "spokeswoman"
            | "politician"
    )
}

fn is_subordinator(lower: &str) -> bool {
    matches!(
        lower,
        "when"
            | "after"
            | "before"
            | "while"
            | "although"
            | "though"
            | "since"
            | "if"
            | "because"
            | "once"
            | "until"
            | "whereas"
    )
}

fn is_preposition(lower: &str) -> bool {
    matches!(
        lower,
        "in" | "on"
            | "at"
            | "after"
            | "before"
            | "during"
            | "with"
            | "from"
            | "for"
            | "to"
            | "by"
            | "according"
            | "speaking"
            | "asked"
            | "when"
            | "while"
            | "as"
            | "since"
            | "despite"
    )
}

const ABBREVIATIONS: &[&str] = &[
    "co", "col", "corp", "dr", "gen", "gov", "inc", "jr", "lt", "ltd", "mr", "mrs", "ms", "no",
    "prof", "rep", "sen", "sr", "st", "vs",
];

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
                    inner.ends_with(['.', '!', '?', '…'])
                        && toks
                            .get(i + 1)
                            .is_some_and(|n| n.kind != TokKind::Punct(','))
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
                w.chars().count() == 1 || ABBREVIATIONS.contains(&w.as_ref())
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
        };
        if self.announces_attribution(q, right)
            && let Some((who, cue)) = self.after_quote(right)
        {
            result.who = Some(who);
            result.cue = Some(cue);
            return result;
        }
        if let Some((who, cue)) = self.before_quote(left) {
            result.who = Some(who);
            result.cue = Some(cue);
            return result;
        }
        if let Some((who, cue)) = self.sentence_final(right) {
            result.who = Some(who);
            result.cue = Some(cue);
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

    /// Does the quote's punctuation say an attribution follows it?
    fn announces_attribution(&self, q: usize, right: &[Tok]) -> bool {
        let inner = &self.text[self.quotes[q].inner.range()];
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
    fn after_quote(&self, right: &[Tok]) -> Option<(Who, Span)> {
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
        if let Some(found) = self.cue_then_speaker(rest, 0) {
            return Some(found);
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
                        return Some(self.subject_of(rest, i, cue));
                    }
                    if lower == "according" {
                        return self.according_to(rest, i);
                    }
                }
                TokKind::Punct(_) => {}
            }
        }
        None
    }

    /// An attribution closing the sentence after the quote:
    /// `… the “main difference” between them, he added.`
    fn sentence_final(&self, right: &[Tok]) -> Option<(Who, Span)> {
        let end = right
            .iter()
            .rposition(|t| !matches!(t.kind, TokKind::Punct('.' | '!' | '?' | '…')))?;
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
    fn cue_then_speaker(&self, toks: &[Tok], i: usize) -> Option<(Who, Span)> {
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

    fn according_to(&self, toks: &[Tok], i: usize) -> Option<(Who, Span)> {
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
            if matches!(
                lower.as_ref(),
                "called" | "dubbed" | "termed" | "labeled" | "labelled" | "named"
            ) && i > 0
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
            if matches!(lower.as_ref(), "reported" | "quoted" | "cited")
                && i > 0
                && self.is_word(&left[i - 1], "as")
            {
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
    fn subject_of(&self, toks: &[Tok], c: usize, cue: Cue) -> (Who, Span) {
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
            return (Who::Unknown, cue_span);
        }
        (self.np_before(toks, c), cue_span)
    }

    /// Is the cue-like word `toks[i]` used as a noun (`the team's claims`,
    /// `his calls`)?
    fn noun_use(&self, toks: &[Tok], i: usize) -> bool {
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
    fn earlier_cue(&self, toks: &[Tok], end: usize) -> Option<usize> {
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
    fn np_before(&self, toks: &[Tok], c: usize) -> Who {
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

    /// One to four capitalised words: a name, tagged or not.
    fn looks_like_name(&self, toks: &[Tok]) -> bool {
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
    fn segment_start(&self, toks: &[Tok], end: usize) -> usize {
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
    fn parenthetical(&self, region: &[Tok]) -> bool {
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

    fn is_word_at(&self, toks: &[Tok], i: usize, w: &str) -> bool {
        toks.get(i).is_some_and(|t| self.is_word(t, w))
    }

    /// The speaker named by the phrase starting at `toks[s]`.
    fn np_after(&self, toks: &[Tok], s: usize) -> Who {
        let mut end = s;
        while end < toks.len() && end - s < MAX_NP_WORDS {
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
    fn np(&self, np: &[Tok], before_cue: bool) -> Who {
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
        }
        Who::Unknown
    }

    /// Can mention `e` name a speaker: outside quotes and not a possessive
    /// modifier (`Day's foundation said`)?
    fn speaker_mention(&self, e: usize) -> bool {
        let span = self.entities[e].span;
        let after = &self.text[span.end..];
        !self.in_quote(span.start) && !after.starts_with(['\'', '’'])
    }

    /// A PERSON or ORG in `start..end` written as the possessor of words
    /// (`Peskov's words`, `the ministry's statement`).
    fn owner_of_words(&self, start: usize, end: usize) -> Option<usize> {
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
            matches!(
                noun.as_str(),
                "words"
                    | "statement"
                    | "remarks"
                    | "comments"
                    | "message"
                    | "letter"
                    | "tweet"
                    | "post"
                    | "answer"
                    | "speech"
                    | "reply"
                    | "response"
            )
        })
    }

    /// Roughly where the sentence holding `pos` starts: after the last
    /// `. ` (or `! `, `? `) in the 400 bytes before it, within its block.
    fn sentence_start_before(&self, pos: usize) -> usize {
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
    fn best_entity(&self, start: usize, end: usize, prefer_last: bool) -> Option<usize> {
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
    fn after_preposition(&self, e: usize, start: usize) -> bool {
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
        matches!(
            word.to_lowercase().as_str(),
            "from"
                | "within"
                | "via"
                | "on"
                | "in"
                | "at"
                | "to"
                | "with"
                | "by"
                | "about"
                | "against"
                | "for"
        )
    }

    /// The person a definite role at `pos` refers to, and whether it was
    /// introduced with that role word (else it is only the nearest person).
    fn resolve_role(
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
    /// A candidate of unknown gender ends the search with no answer. With a
    /// `role`, a candidate introduced with that role word is preferred. For
    /// pronouns, a speaker attributed earlier (`she said` resolved before)
    /// counts as a mention where it was attributed.
    fn resolve(
        &self,
        pos: usize,
        label: Label,
        gender: Option<Gender>,
        role: Option<&str>,
    ) -> Option<usize> {
        let block = self
            .blocks
            .partition_point(|b| b.start <= pos)
            .saturating_sub(1);
        let floor = self
            .blocks
            .get(block.saturating_sub(BLOCKS_BACK))
            .map_or(0, |b| b.start);
        let before = self.entities.partition_point(|e| e.span.start < pos);
        let mut nearest = None;
        let mut examined = 0;
        // Where the search over mentions stopped (found or unknown gender).
        let mut horizon = None;
        let mut found = None;
        // A compatible prepositional object held back for a better candidate.
        let mut pending: Option<usize> = None;
        for (step, e) in (0..before).rev().enumerate() {
            let ent = self.entities[e];
            if ent.span.start < floor || examined >= MAX_CANDIDATES || step >= 8 * MAX_CANDIDATES {
                break;
            }
            if ent.label != label || ent.span.end > pos || self.in_quote(ent.span.start) {
                continue;
            }
            examined += 1;
            if let Some(want) = gender {
                match self.gender_of(ent) {
                    Some(g) if g == want => {}
                    Some(_) => continue,
                    None if role.is_some() => continue,
                    None => {
                        // An unknown-gender candidate in the same sentence as
                        // a prepositional object leaves it ambiguous.
                        found = pending
                            .filter(|&o| !self.same_sentence(ent.span, self.entities[o].span));
                        horizon =
                            Some(found.map_or(ent.span.start, |o| self.entities[o].span.start));
                        pending = None;
                        break;
                    }
                }
            }
            let Some(role) = role else {
                // `Flynn … was pardoned by Trump. He said`: in one sentence,
                // the object of a preposition yields to another candidate.
                if pending.is_none()
                    && (self.object_of_preposition(ent.span) || self.possessive(ent.span))
                {
                    pending = Some(e);
                    continue;
                }
                let pick = match pending {
                    Some(o) if !self.same_sentence(ent.span, self.entities[o].span) => o,
                    _ => e,
                };
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
        if let Some(o) = pending {
            found = Some(o);
            horizon = Some(self.entities[o].span.start);
        }
        let history_floor = self
            .blocks
            .get(block.saturating_sub(2 * BLOCKS_BACK))
            .map_or(0, |b| b.start);
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
            match gender {
                Some(want) if self.gender_of(ent) == Some(want) => return Some(e),
                Some(_) => {}
                None => return Some(e),
            }
        }
        found
    }

    /// Is the mention at `span` a possessive (`Trump's action`)?
    fn possessive(&self, span: Span) -> bool {
        self.text[span.end..].starts_with(['\'', '’'])
    }

    /// Is there no sentence end between the spans (`a` before `b`)?
    fn same_sentence(&self, a: Span, b: Span) -> bool {
        let between = self.text.get(a.end.min(b.start)..b.start).unwrap_or("");
        !between.contains(['\n']) && ![". ", "! ", "? "].iter().any(|p| between.contains(p))
    }

    /// Is the mention at `span` right after a preposition (`at Biden`)?
    fn object_of_preposition(&self, span: Span) -> bool {
        let lo = floor_char(self.text, span.start.saturating_sub(16));
        let before = self.text[lo..span.start].trim_end();
        let before = before.strip_suffix(" the").unwrap_or(before);
        let word = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        matches!(
            word,
            "at" | "with"
                | "to"
                | "for"
                | "against"
                | "from"
                | "by"
                | "about"
                | "of"
                | "on"
                | "toward"
                | "towards"
        )
    }

    /// Remembers that the speaker `entity` was attributed at `pos`.
    pub(crate) fn note_speaker(&self, pos: usize, entity: usize) {
        self.resolved.borrow_mut().push((pos, entity));
    }

    /// Is `word` written next to `span`, in the same sentence and block?
    fn near_word(&self, span: Span, word: &str) -> bool {
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

    fn gender_of(&self, ent: &Entity) -> Option<Gender> {
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
