//! Finding quoted stretches of text from their quote marks.
//!
//! One left-to-right pass over the content blocks, with a constant amount of
//! state: the family of the open outer quote and a small, bounded stack of
//! nested marks of other families. Nothing is ever rescanned, so the pass is
//! linear in the text length even on pathological input such as a megabyte
//! of unmatched marks.
//!
//! Design choices, all aimed at scraped and machine-translated news:
//! - three families: double (`"` `“` `”` `„` `‟`), guillemets (`«` `»`) and
//!   single curly quotes (`‘` `’`); straight `'` is never a quote mark;
//! - `’` closes only a quote opened with `‘`, and never inside a word, so
//!   `Russia’s` stays an apostrophe;
//! - marks of the double family are told apart by their neighbours, so a
//!   misused `“` after the quoted text (`candidate, “- quoted`) still closes;
//! - a quote never runs past its block, except under the convention where a
//!   quote that is still open at the end of a paragraph continues when the
//!   next paragraph opens with a mark of the same family;
//! - a quote left open at the end of its block is kept (up to the block end)
//!   only when it opened the block or continued over paragraphs; otherwise
//!   the mark is treated as stray;
//! - `’’` or `''` closes a double quote (`“…,’’ she said`), and `“` may have
//!   a space inside (`“ We cannot wait …”`).

use crate::Span;

/// Quote-mark families: a quote closes with a mark of the family it opened with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    Double,
    Guillemet,
    Single,
}

/// A quoted stretch found by [`scan`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawQuote {
    /// From the opening mark to the end of the closing mark (or block end).
    pub(crate) outer: Span,
    /// The quoted text without marks, trimmed of white space.
    pub(crate) inner: Span,
    /// Index (into the content-block list) of the block where the quote opens.
    pub(crate) first_block: usize,
    /// Index of the block where it ends.
    pub(crate) last_block: usize,
}

/// Nested marks deeper than this are ignored.
const MAX_NESTING: usize = 4;

fn family(c: char) -> Option<Family> {
    match c {
        '"' | '“' | '”' | '„' | '‟' => Some(Family::Double),
        '«' | '»' => Some(Family::Guillemet),
        '‘' | '’' => Some(Family::Single),
        _ => None,
    }
}

/// Characters after which an opening mark is expected.
fn opens_after(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(p) => {
            p.is_whitespace()
                || matches!(
                    p,
                    '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | '«' | '“' | '„' | '"'
                )
        }
    }
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

fn is_space(c: Option<char>) -> bool {
    c.is_none_or(char::is_whitespace)
}

/// Can mark `c` (of family `f`) open a quote, given its neighbours?
fn can_open(f: Family, c: char, prev: Option<char>, next: Option<char>) -> bool {
    match f {
        // French spacing puts a space inside guillemets.
        Family::Guillemet => c == '«' && next.is_some(),
        Family::Single => c == '‘' && opens_after(prev) && !is_space(next),
        Family::Double => match c {
            // `“ We cannot wait …”`: a space inside the mark, after a space.
            '“' | '„' | '‟' => !is_space(next) || (next == Some(' ') && opens_after(prev)),
            // A right mark misused as an opener: only in clear opener position.
            '”' => opens_after(prev) && is_word_char(next),
            _ => opens_after(prev) && !is_space(next),
        },
    }
}

/// Can mark `c` close an open quote of its family?
fn can_close(f: Family, c: char, prev: Option<char>, next: Option<char>) -> bool {
    match f {
        Family::Guillemet => c == '»',
        // Not an apostrophe inside a word (Russia’s, don’t).
        Family::Single => c == '’' && !(is_word_char(prev) && is_word_char(next)),
        Family::Double => c == '”' || !is_space(prev) || !is_word_char(next),
    }
}

/// Does a mark after `prev_sig` (last non-space character) and before
/// `next` open a statement rather than a phrase?
fn opens_statement(prev_sig: Option<char>, next: Option<char>) -> bool {
    prev_sig.is_none_or(|p| matches!(p, ':' | ',' | '—' | '–' | '-' | '.' | '!' | '?' | '…'))
        || next.is_some_and(char::is_uppercase)
}

/// Fewest words a quote opened inside a sentence must run to its
/// paragraph's end to be continued by the next paragraph's reopening mark.
const MIN_REOPENED_WORDS: usize = 8;

/// Is `c` an opening mark of family `f` (for the paragraph-reopening convention)?
fn is_reopener(f: Family, c: char) -> bool {
    match f {
        Family::Double => matches!(c, '"' | '“' | '„' | '‟'),
        Family::Guillemet => c == '«',
        Family::Single => c == '‘',
    }
}

#[derive(Debug, Clone, Copy)]
struct Open {
    family: Family,
    /// Byte offset of the opening mark.
    at: usize,
    /// Content block index where it opened.
    block: usize,
    /// Whether the mark was the first thing in its block.
    block_initial: bool,
    /// Whether it opens like a statement (block start, after `:` `,` a dash
    /// or end punctuation, or before a capital), which the paragraph
    /// reopening convention requires.
    statement: bool,
    /// Same-family nesting depth (guillemets only).
    depth: usize,
}

/// Finds the quotes of `blocks` (content blocks of `text`, in order), in text
/// order. `joinable[i]` says whether block `i` directly follows block `i - 1`
/// (no other block between), which a quote needs to continue into it.
pub(crate) fn scan(text: &str, blocks: &[Span], joinable: &[bool]) -> Vec<RawQuote> {
    let mut out = Vec::new();
    let mut open: Option<Open> = None;
    // Marks of other families nested inside the open quote.
    let mut inner: Vec<Family> = Vec::new();
    for (bi, &block) in blocks.iter().enumerate() {
        let Some(body) = text.get(block.range()) else {
            continue;
        };
        let first_char_at = block.start + (body.len() - body.trim_start().len());
        // A quote carried over from the previous block continues here only
        // when this block opens with a mark of the same family.
        let mut skip_reopener = None;
        if let Some(o) = open {
            let prev_body = text.get(blocks[bi - 1].range()).unwrap_or("");
            // `said the release “gives us hope … support.` / `“We see …”`:
            // a quote opened inside a sentence that runs to its paragraph's
            // end over a sentence's worth of words (a so-called `“dossier
            // was out.` is too short to be one) is reopened too.
            let prev_end = prev_body.trim_end();
            let long_phrase = o.block == bi - 1
                && prev_end.ends_with(['.', '!', '?'])
                && text
                    .get(o.at..blocks[bi - 1].end)
                    .is_some_and(|q| q.split_whitespace().nth(MIN_REOPENED_WORDS - 1).is_some());
            let reopens = (o.statement && prev_end.ends_with(['.', '!', '?', '…', ',', ':', ';'])
                || long_phrase)
                && joinable.get(bi).copied().unwrap_or(false)
                && body
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(|c| is_reopener(o.family, c));
            if reopens {
                skip_reopener = Some(first_char_at);
            } else {
                finish_unclosed(text, o, bi - 1, blocks, &mut out);
                open = None;
                inner.clear();
            }
        }
        let mut prev: Option<char> = None;
        // The last non-space character before the current one.
        let mut prev_sig: Option<char> = None;
        let mut iter = body.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            let at = block.start + i;
            let next = iter.peek().map(|&(_, n)| n);
            if let Some(p) = prev.filter(|p| !p.is_whitespace()) {
                prev_sig = Some(p);
            }
            // `“It was an attempt,’’ Moy said`: two single marks close a
            // double quote.
            if let Some(o) = open.filter(|o| o.family == Family::Double && inner.is_empty())
                && matches!(c, '’' | '\'')
                && next == Some(c)
                && !is_space(prev)
            {
                let end = at + 2 * c.len_utf8();
                push_quote(text, o, Span::new(o.at, end), at, bi, &mut out);
                open = None;
                iter.next();
                prev = Some(c);
                continue;
            }
            let Some(f) = family(c) else {
                prev = Some(c);
                continue;
            };
            if skip_reopener == Some(at) {
                prev = Some(c);
                continue;
            }
            match open.as_mut() {
                None => {
                    if can_open(f, c, prev, next) {
                        open = Some(Open {
                            family: f,
                            at,
                            block: bi,
                            block_initial: at == first_char_at,
                            statement: opens_statement(prev_sig, next),
                            depth: 0,
                        });
                    }
                }
                Some(o) if o.family == f => {
                    if f == Family::Guillemet && c == '«' {
                        o.depth = (o.depth + 1).min(MAX_NESTING);
                    } else if f == Family::Guillemet && o.depth > 0 {
                        o.depth -= 1;
                    } else if can_close(f, c, prev, next) {
                        let end = at + c.len_utf8();
                        push_quote(text, *o, Span::new(o.at, end), at, bi, &mut out);
                        open = None;
                        inner.clear();
                    } else if can_open(f, c, prev, next) {
                        // An opener while a quote of the same family is open:
                        // the earlier mark was unbalanced; start again here.
                        *o = Open {
                            family: f,
                            at,
                            block: bi,
                            block_initial: at == first_char_at,
                            statement: opens_statement(prev_sig, next),
                            depth: 0,
                        };
                        inner.clear();
                    }
                }
                Some(_) => {
                    // A mark of another family inside the open quote.
                    if inner.last() == Some(&f) && can_close(f, c, prev, next) {
                        inner.pop();
                    } else if inner.len() < MAX_NESTING && can_open(f, c, prev, next) {
                        inner.push(f);
                    }
                }
            }
            prev = Some(c);
        }
    }
    if let Some(o) = open {
        finish_unclosed(text, o, blocks.len().saturating_sub(1), blocks, &mut out);
    }
    out
}

/// A quote still open at the end of block `last`: kept up to the block end
/// when it opened its block or ran on over paragraphs, dropped otherwise.
fn finish_unclosed(text: &str, o: Open, last: usize, blocks: &[Span], out: &mut Vec<RawQuote>) {
    // A statement reopened in the paragraphs after it (`X said: “…¶“…`)
    // is kept even when its last paragraph never closes it.
    let ran_on = o.statement && last > o.block;
    if !o.block_initial && !ran_on {
        return;
    }
    if let Some(b) = blocks.get(last) {
        push_quote(text, o, Span::new(o.at, b.end), b.end, last, out);
    }
}

/// Records a quote whose text runs from after the opening mark to `inner_end`.
fn push_quote(
    text: &str,
    o: Open,
    outer: Span,
    inner_end: usize,
    last_block: usize,
    out: &mut Vec<RawQuote>,
) {
    let mark_len = text[o.at..].chars().next().map_or(1, char::len_utf8);
    let start = o.at + mark_len;
    if start > inner_end {
        return;
    }
    let raw = &text[start..inner_end];
    let lead = raw.len() - raw.trim_start().len();
    let trimmed = raw.trim();
    if !trimmed.chars().any(char::is_alphanumeric) {
        return;
    }
    let inner = Span::new(start + lead, start + lead + trimmed.len());
    out.push(RawQuote {
        outer,
        inner,
        first_block: o.block,
        last_block,
    });
}
