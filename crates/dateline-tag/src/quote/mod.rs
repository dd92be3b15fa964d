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
    explain(doc, entities)
        .into_iter()
        .map(|e| e.quote)
        .collect()
}

/// A quotation with the ids of the rules that attributed it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ExplainedQuote {
    /// The quotation, as [`extract`] returns it.
    pub quote: Quote,
    /// The rules that found its cue or speaker, in the order they acted
    /// (ids listed in [`RULES`]); empty when nothing attributed it.
    pub rules: Vec<&'static str>,
}

/// Every attribution rule id, with what it does.
pub const RULES: &[(&str, &str)] = &[
    (
        "quote.after.inverted",
        "a cue right after the quote, its speaker after it (`“…,” said Bolton`)",
    ),
    (
        "quote.after.subject",
        "a subject and its cue after the quote (`“…,” Trump said`)",
    ),
    (
        "quote.after.apposition",
        "a name after the quote heading an apposition chain before the cue",
    ),
    (
        "quote.after.dash",
        "a dash after the quote and a name, with at most an apposition after it (`“…” – Jan Fredriks, partner`)",
    ),
    (
        "quote.after.according-to",
        "`according to X` after the quote",
    ),
    (
        "quote.before",
        "the nearest cue before the quote and its subject (`Bolton said: “…”`)",
    ),
    (
        "quote.final",
        "a cue closing the sentence after the quote (`…, he added.`)",
    ),
    (
        "quote.colon",
        "a sentence with no speech verb introducing the quote with a colon",
    ),
    (
        "quote.headline",
        "a name and a colon before the quote (`Peskov: «…»`)",
    ),
    (
        "quote.line-before",
        "a cue ending the line before a quote paragraph (`… Robinson writes:`)",
    ),
    (
        "quote.header",
        "a name alone on the line before the quote, with a colon (`Jan Fredriks:`)",
    ),
    (
        "quote.paragraph",
        "the speaker of another quote of the same paragraph",
    ),
    (
        "quote.run",
        "the speaker of the adjacent run of quote paragraphs",
    ),
    ("speaker.person", "the speaker phrase names a person"),
    (
        "speaker.organisation",
        "the speaker phrase names an organisation or place",
    ),
    (
        "speaker.pronoun",
        "a pronoun resolved to the most recent compatible person or organisation",
    ),
    (
        "speaker.role",
        "a role (`the spokesman`) resolved to a person named before",
    ),
    (
        "speaker.document",
        "a document (`the statement said`) resolved to who issued it, named before",
    ),
    (
        "speaker.org-noun",
        "an organisation's kind (`the ministry said`) resolved to one named before",
    ),
    (
        "speaker.unknown",
        "the cue names a source the text does not identify",
    ),
];

/// Finds the quotations of a document as [`extract`] does, with the ids of
/// the rules that attributed each one.
///
/// ```
/// use dateline_tag::{explain_quotes, parse};
/// let doc = parse::parse("Talks\n\n“We will not tolerate it,” the report said.\n");
/// let quotes = explain_quotes(&doc, &[]);
/// assert_eq!(quotes[0].rules, ["quote.after.subject", "speaker.unknown"]);
/// ```
pub fn explain(doc: &Document, entities: &[Entity]) -> Vec<ExplainedQuote> {
    let text = doc.text.as_str();
    let (blocks, joinable) = content_blocks(doc);
    let raw = marks::scan(text, &blocks, &joinable);
    if raw.is_empty() {
        return Vec::new();
    }
    let mut ents: Vec<&Entity> = entities.iter().filter(|e| valid(text, e.span)).collect();
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
    let tokens = tokenize_blocks(&ctx, &raw);
    let mut attrs: Vec<Attribution> = (0..raw.len())
        .map(|q| attribute_one(&ctx, &raw, &tokens, q))
        .collect();
    inherit(&ctx, &raw, &tokens.toks, &mut attrs);
    raw.iter()
        .zip(attrs)
        .map(|(r, a)| output(&ctx, r, a))
        .collect()
}

fn valid(text: &str, s: Span) -> bool {
    s.start <= s.end
        && s.end <= text.len()
        && text.is_char_boundary(s.start)
        && text.is_char_boundary(s.end)
}

/// Content blocks in order, and for each whether it directly follows the
/// previous content block.
fn content_blocks(doc: &Document) -> (Vec<Span>, Vec<bool>) {
    let mut blocks: Vec<Span> = Vec::new();
    let mut joinable: Vec<bool> = Vec::new();
    let mut prev_index: Option<usize> = None;
    for (i, b) in doc.blocks.iter().enumerate() {
        let sorted = blocks.last().is_none_or(|l| l.end <= b.span.start);
        if !b.kind.is_content() || !valid(&doc.text, b.span) || !sorted {
            continue;
        }
        joinable.push(prev_index.is_some_and(|p| p + 1 == i));
        blocks.push(b.span);
        prev_index = Some(i);
    }
    (blocks, joinable)
}

/// Tokens and sentence ends of each block, and where each quote sits.
struct BlockTokens {
    toks: Vec<Vec<Tok>>,
    ends: Vec<Vec<bool>>,
    /// Token index of each quote in its first block.
    first_at: Vec<usize>,
    /// Token index of each quote in its last block.
    last_at: Vec<usize>,
}

fn tokenize_blocks(ctx: &Ctx<'_>, raw: &[marks::RawQuote]) -> BlockTokens {
    let blocks = ctx.blocks;
    let mut out = BlockTokens {
        toks: Vec::with_capacity(blocks.len()),
        ends: Vec::with_capacity(blocks.len()),
        first_at: vec![0; raw.len()],
        last_at: vec![0; raw.len()],
    };
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
                    out.first_at[q] = ti;
                }
                if raw[q].last_block == bi {
                    out.last_at[q] = ti;
                }
            }
        }
        out.ends.push(ctx.sentence_ends(&bt));
        out.toks.push(bt);
    }
    out
}

/// Attributes quote `q` from its own sentence, else from a cue ending the
/// line before it.
fn attribute_one(ctx: &Ctx<'_>, raw: &[marks::RawQuote], t: &BlockTokens, q: usize) -> Attribution {
    let r = raw[q];
    let (first_at, last_at) = (t.first_at[q], t.last_at[q]);
    let mut a = ctx.attribute(
        q,
        (&t.toks[r.first_block], first_at, &t.ends[r.first_block]),
        (&t.toks[r.last_block], last_at, &t.ends[r.last_block]),
    );
    // `… Robinson writes:` at the end of one line, the quote on the next:
    // the attribution comes from the line before.
    if a.who.is_none() && a.cue.is_none() && first_at == 0 && r.first_block > 0 {
        let pb = r.first_block - 1;
        let prev = &t.toks[pb];
        if ctx.joinable.get(r.first_block).copied().unwrap_or(false)
            && prev
                .last()
                .is_some_and(|t| t.kind == attrib::TokKind::Punct(':'))
        {
            let from = attrib::last_sentence_start(&t.ends[pb]);
            if let Some((who, cue)) = ctx.before_quote(&prev[from..]) {
                a.who = Some(who);
                a.cue = Some(cue);
                a.rule = Some("quote.line-before");
            } else if prev.len() <= 6
                && let Some(e) = ctx.header_name(prev)
            {
                // An interview's header line: `Jan Fredriks:` / `“…”`.
                a.who = Some(e);
                a.rule = Some("quote.header");
            }
        }
    }
    if let Some(Who::Named { entity, span }) = a.who {
        ctx.note_speaker(span.start, entity);
    }
    a
}

/// The quote as returned, with its rule ids.
fn output(ctx: &Ctx<'_>, r: &marks::RawQuote, a: Attribution) -> ExplainedQuote {
    let text = ctx.text;
    let (speaker, speaker_span) = match a.who {
        Some(Who::Named { entity, span }) => {
            (Some(ctx.entities[entity].canonical.clone()), Some(span))
        }
        _ => (None, None),
    };
    let mut rules: Vec<&'static str> = a.rule.into_iter().collect();
    match a.who {
        Some(Who::Named { entity, span }) => {
            let ent = ctx.entities[entity];
            // The same name written again (untagged there) is the entity.
            let span = if text[span.range()] == ent.text {
                ent.span
            } else {
                span
            };
            let how = if span != ent.span && span.end - span.start <= 4 {
                "speaker.pronoun"
            } else if span != ent.span && attrib::is_document_phrase(&text[span.range()]) {
                "speaker.document"
            } else if span != ent.span
                && ent.label == crate::Label::Org
                && attrib::is_org_noun_phrase(&text[span.range()])
            {
                "speaker.org-noun"
            } else if span != ent.span {
                "speaker.role"
            } else if ent.label == crate::Label::Person {
                "speaker.person"
            } else {
                "speaker.organisation"
            };
            rules.push(how);
        }
        Some(Who::Unknown) => rules.push("speaker.unknown"),
        None => {}
    }
    ExplainedQuote {
        quote: Quote {
            span: r.inner,
            text: text[r.inner.range()].to_string(),
            speaker,
            speaker_span,
            cue: a.cue.map(|c| text[c.range()].to_string()),
            kind: match a.shape {
                Shape::Statement => QuoteKind::Statement,
                Shape::Phrase => QuoteKind::Phrase,
            },
        },
        rules,
    }
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

/// A statement opening its sentence that nothing attributed.
fn bare(a: &Attribution) -> bool {
    a.who.is_none() && a.cue.is_none() && a.shape == Shape::Statement && a.initial
}

/// Gives statements that no sentence attributes the speaker of their
/// paragraph, or of the run of quote paragraphs around them.
fn inherit(ctx: &Ctx<'_>, raw: &[marks::RawQuote], toks: &[Vec<Tok>], attrs: &mut [Attribution]) {
    // Quotes of each block (by opening block).
    let mut by_block: Vec<Vec<usize>> = vec![Vec::new(); toks.len()];
    for (q, r) in raw.iter().enumerate() {
        if let Some(v) = by_block.get_mut(r.first_block) {
            v.push(q);
        }
    }
    inherit_paragraph(&by_block, attrs);
    inherit_runs(ctx, raw, toks, &by_block, attrs);
}

/// Same paragraph: the nearest attributed quote before it (an unnamed
/// source there gives nothing); failing that, the nearest after it.
fn inherit_paragraph(by_block: &[Vec<usize>], attrs: &mut [Attribution]) {
    for qs in by_block {
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
                attrs[q].rule = Some("quote.paragraph");
            }
        }
    }
}

/// Runs of quote paragraphs: a run takes the speaker named at its end or
/// its start (both, when they agree).
fn inherit_runs(
    ctx: &Ctx<'_>,
    raw: &[marks::RawQuote],
    toks: &[Vec<Tok>],
    by_block: &[Vec<usize>],
    attrs: &mut [Attribution],
) {
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
                    attrs[q].rule = Some("quote.run");
                }
            }
        }
    }
}
