//! Quotations and their speakers.
//!
//! [`extract`] finds the quoted stretches of a document's content blocks
//! (`marks`), then attributes each one from its own sentence (`attrib`):
//! the speech cue ("said", "told", "according to", "is spoken in the
//! statement by", …) and the speaker, whose canonical name comes from the
//! entity mentions passed in. Statements that their sentence does not
//! attribute take the speaker of their paragraph or of the adjacent run of
//! quote paragraphs when those agree; otherwise the speaker stays `None`.
//! A pronoun takes the most recent compatible person (a name of the other
//! gender is skipped, one of unknown gender is compatible) within the last
//! paragraphs; a source the text does not name ("the report said") gives
//! `None`.
//!
//! The whole pass is linear in the text length, whatever the quote marks.

use crate::{Document, Entity, Span};

mod attrib;
#[cfg(feature = "eval")]
pub(crate) mod eval;
mod marks;
mod names;
#[cfg(feature = "eval")]
pub(crate) mod news_eval;
#[cfg(test)]
mod tests;

use attrib::{Attribution, Ctx, Shape, Tok, Who};

/// Whether a quotation is a full statement or a short phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum QuoteKind {
    /// A full quoted statement.
    Statement,
    /// A short quoted phrase inside reported speech.
    Phrase,
}

impl QuoteKind {
    /// The lowercase name used in output (`"statement"`, `"phrase"`).
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Statement => "statement",
            QuoteKind::Phrase => "phrase",
        }
    }
}

/// One quotation.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Quote {
    /// The quoted text, without the quote marks (byte span into the
    /// document text; a quote that continues over several paragraphs
    /// includes the paragraph breaks and reopening marks between them).
    pub span: Span,
    /// The quoted text: `&doc.text[span]`.
    pub text: String,
    /// Canonical name of the speaker, when the text says who.
    pub speaker: Option<String>,
    /// Where the speaker is mentioned: the name, pronoun or role phrase of
    /// the attribution, or the mention that attributes the paragraph run.
    pub speaker_span: Option<Span>,
    /// The speech cue ("said", "told", …) as written.
    pub cue: Option<String>,
    /// Statement or phrase.
    pub kind: QuoteKind,
}

/// Finds the quotations of a document and attributes their speakers using
/// the document's entity mentions.
///
/// Only content blocks (see [`crate::BlockKind::is_content`]) are read.
/// Quotes are returned in text order; every span lies on character
/// boundaries and `&doc.text[q.span] == q.text`. Entity mentions whose span
/// is not valid for the text are ignored.
///
/// ```
/// use dateline_tag::{Entity, Label, Span, extract_quotes, parse};
///
/// let doc = parse::parse("Talks\n\n“We will not tolerate it,” said Bolton.\n");
/// let at = doc.text.find("Bolton").unwrap();
/// let bolton = Entity {
///     span: Span::new(at, at + 6),
///     text: "Bolton".into(),
///     label: Label::Person,
///     canonical: "John Bolton".into(),
///     value: None,
///     sense: None,
/// };
/// let quotes = extract_quotes(&doc, &[bolton]);
/// assert_eq!(quotes[0].text, "We will not tolerate it,");
/// assert_eq!(quotes[0].speaker.as_deref(), Some("John Bolton"));
/// assert_eq!(quotes[0].cue.as_deref(), Some("said"));
/// ```
pub fn extract(doc: &Document, entities: &[Entity]) -> Vec<Quote> {
    let text = doc.text.as_str();
    let valid = |s: Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };

    // Content blocks in order; `joinable` marks a block that directly
    // follows the previous content block.
    let mut blocks: Vec<Span> = Vec::new();
    let mut joinable: Vec<bool> = Vec::new();
    let mut prev_index: Option<usize> = None;
    for (i, b) in doc.blocks.iter().enumerate() {
        let sorted = blocks.last().is_none_or(|l| l.end <= b.span.start);
        if !b.kind.is_content() || !valid(b.span) || !sorted {
            continue;
        }
        joinable.push(prev_index.is_some_and(|p| p + 1 == i));
        blocks.push(b.span);
        prev_index = Some(i);
    }

    let raw = marks::scan(text, &blocks, &joinable);
    if raw.is_empty() {
        return Vec::new();
    }
    let mut ents: Vec<&Entity> = entities.iter().filter(|e| valid(e.span)).collect();
    ents.sort_by_key(|e| (e.span.start, e.span.end));
    let titled = attrib::titled_genders(text, &ents);
    let ctx = Ctx {
        text,
        titled,
        entities: ents,
        blocks: &blocks,
        joinable: &joinable,
        quotes: &raw,
        resolved: std::cell::RefCell::new(Vec::new()),
    };

    // Tokens and sentence ends of each block; where each quote sits.
    let mut toks: Vec<Vec<Tok>> = Vec::with_capacity(blocks.len());
    let mut ends: Vec<Vec<bool>> = Vec::with_capacity(blocks.len());
    let mut first_at = vec![0usize; raw.len()];
    let mut last_at = vec![0usize; raw.len()];
    let mut qptr = 0;
    for (bi, &b) in blocks.iter().enumerate() {
        while qptr < raw.len() && raw[qptr].last_block < bi {
            qptr += 1;
        }
        let here: Vec<usize> = (qptr..raw.len())
            .take_while(|&k| raw[k].first_block <= bi)
            .filter(|&k| raw[k].last_block >= bi)
            .collect();
        let bt = ctx.tokenize(b, &here);
        for (ti, t) in bt.iter().enumerate() {
            if let attrib::TokKind::Quote(q) = t.kind {
                if raw[q].first_block == bi {
                    first_at[q] = ti;
                }
                if raw[q].last_block == bi {
                    last_at[q] = ti;
                }
            }
        }
        ends.push(ctx.sentence_ends(&bt));
        toks.push(bt);
    }

    let mut attrs: Vec<Attribution> = raw
        .iter()
        .enumerate()
        .map(|(q, r)| {
            let a = ctx.attribute(
                q,
                (&toks[r.first_block], first_at[q], &ends[r.first_block]),
                (&toks[r.last_block], last_at[q], &ends[r.last_block]),
            );
            let mut a = a;
            // `… Robinson writes:` at the end of one line, the quote on the
            // next: the attribution comes from the line before.
            if a.who.is_none() && a.cue.is_none() && first_at[q] == 0 && r.first_block > 0 {
                let pb = r.first_block - 1;
                let prev = &toks[pb];
                if joinable.get(r.first_block).copied().unwrap_or(false)
                    && prev
                        .last()
                        .is_some_and(|t| t.kind == attrib::TokKind::Punct(':'))
                {
                    let from = attrib::last_sentence_start(&ends[pb]);
                    if let Some((who, cue)) = ctx.before_quote(&prev[from..]) {
                        a.who = Some(who);
                        a.cue = Some(cue);
                    }
                }
            }
            if let Some(Who::Named { entity, span }) = a.who {
                ctx.note_speaker(span.start, entity);
            }
            a
        })
        .collect();
    inherit(&ctx, &raw, &toks, &mut attrs);

    raw.iter()
        .zip(attrs)
        .map(|(r, a)| {
            let (speaker, speaker_span) = match a.who {
                Some(Who::Named { entity, span }) => {
                    (Some(ctx.entities[entity].canonical.clone()), Some(span))
                }
                _ => (None, None),
            };
            Quote {
                span: r.inner,
                text: text[r.inner.range()].to_string(),
                speaker,
                speaker_span,
                cue: a.cue.map(|c| text[c.range()].to_string()),
                kind: match a.shape {
                    Shape::Statement => QuoteKind::Statement,
                    Shape::Phrase => QuoteKind::Phrase,
                },
            }
        })
        .collect()
}

/// Does quote `q` sit in the last sentence of its block (nothing but its
/// attribution after it)?
fn ends_block(q: marks::RawQuote, toks: &[Tok]) -> bool {
    let Some(at) = toks.iter().position(|t| t.span.start >= q.outer.end) else {
        return true;
    };
    toks[at..]
        .iter()
        .filter(|t| matches!(t.kind, attrib::TokKind::Punct('.' | '!' | '?')))
        .count()
        <= 1
}

/// How far a run of quote paragraphs is followed.
const MAX_RUN: usize = 6;

/// Gives statements that no sentence attributes the speaker of their
/// paragraph, or of the run of quote paragraphs around them.
fn inherit(ctx: &Ctx<'_>, raw: &[marks::RawQuote], toks: &[Vec<Tok>], attrs: &mut [Attribution]) {
    let bare = |a: &Attribution| {
        a.who.is_none() && a.cue.is_none() && a.shape == Shape::Statement && a.initial
    };
    // Quotes of each block (by opening block).
    let mut by_block: Vec<Vec<usize>> = vec![Vec::new(); toks.len()];
    for (q, r) in raw.iter().enumerate() {
        if let Some(v) = by_block.get_mut(r.first_block) {
            v.push(q);
        }
    }
    // Same paragraph: the nearest attributed quote before it (an unnamed
    // source there gives nothing); failing that, the nearest after it.
    for qs in &by_block {
        // Nearest attributed quote before and after each one (linear passes).
        let mut before: Vec<Option<usize>> = Vec::with_capacity(qs.len());
        let mut last = None;
        for &q in qs {
            before.push(last);
            if attrs[q].who.is_some() {
                last = Some(q);
            }
        }
        let mut after: Vec<Option<usize>> = vec![None; qs.len()];
        let mut next = None;
        for (k, &q) in qs.iter().enumerate().rev() {
            after[k] = next;
            if attrs[q].who.is_some() {
                next = Some(q);
            }
        }
        for (k, &q) in qs.iter().enumerate() {
            if !bare(&attrs[q]) {
                continue;
            }
            if let Some(s) = before[k].or(after[k])
                && matches!(attrs[s].who, Some(Who::Named { .. }))
            {
                attrs[q].who = attrs[s].who;
            }
        }
    }
    // Runs of quote paragraphs.
    let opens = |b: usize| {
        toks.get(b)
            .and_then(|t| Ctx::block_opens_with_quote(t))
            .is_some()
    };
    let named_in = |b: usize, last: bool, attrs: &[Attribution]| -> Option<Option<Who>> {
        // Some(Some(who)): attributed; Some(None): all bare (keep going); None: stop.
        let qs = by_block.get(b)?;
        // Going back, the run continues only from a paragraph that ends with
        // its quote and attribution.
        if last && qs.last().is_some_and(|&q| !ends_block(raw[q], &toks[b])) {
            return None;
        }
        let mut it: Box<dyn Iterator<Item = &usize>> = if last {
            Box::new(qs.iter().rev())
        } else {
            Box::new(qs.iter())
        };
        let mut all_bare = true;
        for &q in &mut it {
            if let Some(w @ Who::Named { .. }) = attrs[q].who {
                return Some(Some(w));
            }
            all_bare &= bare(&attrs[q]);
        }
        if all_bare { Some(None) } else { None }
    };
    let snapshot: Vec<Attribution> = attrs.to_vec();
    for (bi, qs) in by_block.iter().enumerate() {
        if !opens(bi) || qs.iter().any(|&q| !bare(&snapshot[q])) {
            continue;
        }
        let mut back = None;
        let mut b = bi;
        for hop in 0..MAX_RUN {
            if b == 0 || !ctx.joinable.get(b).copied().unwrap_or(false) {
                break;
            }
            if !opens(b - 1) {
                // The paragraph right before may end with an attributed
                // statement (`… “We see no progress,” he said.`).
                let last = by_block.get(b - 1).and_then(|qs| qs.last());
                if hop == 0
                    && let Some(&q) = last
                    && snapshot[q].shape == Shape::Statement
                    && matches!(snapshot[q].who, Some(Who::Named { .. }))
                    && ends_block(raw[q], &toks[b - 1])
                {
                    back = snapshot[q].who;
                }
                break;
            }
            b -= 1;
            match named_in(b, true, &snapshot) {
                Some(Some(w)) => {
                    back = Some(w);
                    break;
                }
                Some(None) => {}
                None => break,
            }
        }
        let mut fwd = None;
        let mut b = bi;
        for _ in 0..MAX_RUN {
            if !ctx.joinable.get(b + 1).copied().unwrap_or(false) || !opens(b + 1) {
                break;
            }
            b += 1;
            match named_in(b, false, &snapshot) {
                Some(Some(w)) => {
                    fwd = Some(w);
                    break;
                }
                Some(None) => {}
                None => break,
            }
        }
        let same = |a: Who, b: Who| match (a, b) {
            (Who::Named { entity: x, .. }, Who::Named { entity: y, .. }) => {
                ctx.entities[x].canonical == ctx.entities[y].canonical
            }
            _ => false,
        };
        let who = match (back, fwd) {
            (Some(a), Some(b)) if same(a, b) => Some(a),
            (Some(_), Some(_)) => None,
            (a, b) => a.or(b),
        };
        if who.is_some() {
            for &q in qs {
                if bare(&snapshot[q]) {
                    attrs[q].who = who;
                }
            }
        }
    }
}
