//! The tagger's working tokens.
//!
//! The tag layer reads the tokenize layer's tokens and refines them locally
//! for naming: a possessive `'s` becomes its own token, words glued across a
//! script change (`VucciПрезидент`) or a lower-to-upper case change after a
//! lowercase word (`photoTrump`) are split, and the normalized form gets a
//! wider diacritic fold. Spans keep pointing into the original text.

use std::borrow::Cow;

use crate::words::WordList;
use crate::{Span, Token, TokenKind};

/// Units written right after a number ("8pm", "5km": `words/number_units.txt`).
static NUMBER_UNITS: WordList = WordList::new(include_str!("../words/number_units.txt"));

/// A token as the tagger sees it.
#[derive(Debug, Clone)]
pub(crate) struct Tok<'a> {
    pub(crate) span: Span,
    pub(crate) text: &'a str,
    pub(crate) norm: Cow<'a, str>,
    pub(crate) kind: TokenKind,
    /// First letter is uppercase.
    pub(crate) cap: bool,
    /// Two or more letters, all uppercase.
    pub(crate) upper: bool,
    /// First token of its sentence (ignoring opening punctuation).
    pub(crate) sent_start: bool,
}

impl Tok<'_> {
    /// Words and abbreviations ("U.S.", "Mr.", an initial "J.").
    pub(crate) fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Abbreviation)
    }
    pub(crate) fn lower(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_lowercase)
    }
}

/// Where the capitalized words that end just before token `end` begin, no
/// earlier than `floor` ("the villages of Lougou and …" read back from
/// "and").
pub(crate) fn cap_run_start(toks: &[Tok<'_>], end: usize, floor: usize) -> usize {
    let mut i = end;
    while i > floor && toks[i - 1].cap && toks[i - 1].is_word() {
        i -= 1;
    }
    i
}

/// Something the knowledge base can match over.
pub(crate) trait Normed {
    fn norm_str(&self) -> &str;
    fn text_str(&self) -> &str;
}

impl Normed for Tok<'_> {
    fn norm_str(&self) -> &str {
        &self.norm
    }
    fn text_str(&self) -> &str {
        self.text
    }
}

/// Wider diacritic folding than the tokenizer's, applied on top of its
/// normalized form. Allocates only for non-ASCII input that changes.
pub(crate) fn fold(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    if !s.chars().any(|c| fold_char(c) != c) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(fold_char).collect())
}

fn fold_char(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => 'c',
        'ď' | 'đ' => 'd',
        'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' | 'ģ' => 'g',
        'í' | 'ì' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
        'ķ' => 'k',
        'ł' | 'ľ' | 'ļ' | 'ĺ' => 'l',
        'ñ' | 'ń' | 'ň' | 'ņ' => 'n',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' | 'ŕ' => 'r',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'ť' | 'ţ' | 'ț' => 't',
        'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        'ё' => 'е',
        '’' | '‘' | 'ʼ' | '`' => '\'',
        c => c,
    }
}

/// Lowercase and fold a piece of text that did not come from the tokenizer.
pub(crate) fn normalize(s: &str) -> String {
    let lower = s.to_lowercase();
    match fold(&lower) {
        Cow::Borrowed(_) => lower,
        Cow::Owned(o) => o,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Cyrillic,
    Other,
}

fn script(c: char) -> Script {
    if c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c) {
        Script::Latin
    } else if ('\u{0400}'..='\u{04FF}').contains(&c) {
        Script::Cyrillic
    } else {
        Script::Other
    }
}

/// Byte offsets inside `w` where it should be split.
fn split_points(w: &str) -> Vec<usize> {
    // ASCII words never change script, and a glued capital needs an
    // uppercase letter after the first: most words need no look.
    if w.is_ascii() && !w.bytes().skip(1).any(|b| b.is_ascii_uppercase()) {
        return Vec::new();
    }
    let mut cuts = Vec::new();
    let mut prev: Option<char> = None;
    let mut lower_run = 0usize;
    let mut all_lower_so_far = true;
    let chars: Vec<(usize, char)> = w.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if let Some(p) = prev {
            let (sp, sc) = (script(p), script(c));
            if p.is_alphabetic()
                && c.is_alphabetic()
                && sp != sc
                && sp != Script::Other
                && sc != Script::Other
            {
                cuts.push(i);
                all_lower_so_far = true;
                lower_run = 0;
            } else if all_lower_so_far
                && lower_run >= 3
                && p.is_lowercase()
                && c.is_uppercase()
                && chars.get(k + 1).is_some_and(|&(_, n)| n.is_lowercase())
            {
                cuts.push(i);
                all_lower_so_far = false;
            }
        }
        if c.is_lowercase() {
            lower_run += 1;
        } else {
            all_lower_so_far = false;
        }
        prev = Some(c);
    }
    cuts
}

fn possessive_len(w: &str) -> usize {
    for suf in ["'s", "’s", "'S", "’S"] {
        if w.len() > suf.len() + 1 && w.ends_with(suf) {
            return suf.len();
        }
    }
    0
}

fn make<'a>(text: &'a str, span: Span, kind: TokenKind, norm: Cow<'a, str>) -> Tok<'a> {
    let mut letters = 0;
    let mut uppers = 0;
    for c in text.chars().filter(|c| c.is_alphabetic()).take(12) {
        letters += 1;
        if c.is_uppercase() {
            uppers += 1;
        }
    }
    let upper = letters >= 2 && uppers == letters;
    // "6PR", "3AW": a digit and capitals, a radio station's or a label's
    // name, reads as an all-capitals word.
    let call_sign = kind == TokenKind::Number
        && upper
        && (3..=6).contains(&text.len())
        && text.starts_with(|c: char| c.is_ascii_digit())
        && text.chars().all(|c| c.is_ascii_alphanumeric())
        // Not a colour code ("99FF66"), a time ("8PM") or an amount ("10INR").
        && !(text.len() == 6 && text.chars().all(|c| c.is_ascii_hexdigit()))
        && !{
            let unit = text.trim_start_matches(|c: char| c.is_ascii_digit()).to_ascii_lowercase();
            NUMBER_UNITS.contains(unit.as_str())
        };
    Tok {
        span,
        text,
        norm,
        kind: if call_sign { TokenKind::Word } else { kind },
        cap: call_sign || text.chars().next().is_some_and(char::is_uppercase),
        upper,
        sent_start: false,
    }
}

/// Refines tokenizer tokens (see the module docs), appending to `out`.
pub(crate) fn refine<'a>(tokens: impl IntoIterator<Item = Token<'a>>, out: &mut Vec<Tok<'a>>) {
    for t in tokens {
        if t.kind != TokenKind::Word {
            let norm = match t.norm {
                Cow::Borrowed(b) => fold(b),
                Cow::Owned(o) => match fold(&o) {
                    Cow::Borrowed(_) => Cow::Owned(o),
                    Cow::Owned(f) => Cow::Owned(f),
                },
            };
            out.push(make(t.text, t.span, t.kind, norm));
            continue;
        }
        let text = t.text;
        let poss = possessive_len(text);
        let body = &text[..text.len() - poss];
        let cuts = split_points(body);
        if poss == 0 && cuts.is_empty() {
            let norm = match t.norm {
                Cow::Borrowed(b) => fold(b),
                Cow::Owned(o) => match fold(&o) {
                    Cow::Borrowed(_) => Cow::Owned(o),
                    Cow::Owned(f) => Cow::Owned(f),
                },
            };
            out.push(make(text, t.span, t.kind, norm));
            continue;
        }
        let mut start = 0;
        for cut in cuts.into_iter().chain(std::iter::once(body.len())) {
            if cut > start {
                let piece = &body[start..cut];
                let span = Span::new(t.span.start + start, t.span.start + cut);
                out.push(make(
                    piece,
                    span,
                    TokenKind::Word,
                    Cow::Owned(normalize(piece)),
                ));
            }
            start = cut;
        }
        if poss > 0 {
            let piece = &text[body.len()..];
            let span = Span::new(t.span.start + body.len(), t.span.end);
            out.push(make(
                piece,
                span,
                TokenKind::Clitic,
                Cow::Owned("'s".to_string()),
            ));
        }
    }
}

/// Tokenizes and refines the sentences `spans` of `text` (each a block
/// index and a span, as [`Tokenizer::sentence_spans`] gives them) that
/// `keep` accepts, one sentence at a time, appending their tokens to
/// `toks`, each sentence's token range (in `toks`) to `sents` and its span
/// to `spans_out`, and marks sentence starts. The tokenize layer's tokens
/// of one sentence are all that is held besides the refined ones: the
/// tokens are those [`Tokenizer::analyze`] gives, never collected for the
/// whole document.
///
/// [`Tokenizer::sentence_spans`]: crate::Tokenizer::sentence_spans
/// [`Tokenizer::analyze`]: crate::Tokenizer::analyze
pub(crate) fn refine_sentences<'a>(
    tokenizer: &crate::Tokenizer,
    text: &'a str,
    spans: &[(usize, Span)],
    keep: impl Fn(usize) -> bool,
    toks: &mut Vec<Tok<'a>>,
    sents: &mut Vec<std::ops::Range<usize>>,
    spans_out: &mut Vec<Span>,
) {
    for &(block, span) in spans {
        if keep(block) {
            let start = toks.len();
            refine(tokenizer.tokens_in(text, span), toks);
            sents.push(start..toks.len());
            spans_out.push(span);
        }
    }
    toks.shrink_to_fit();
    mark_sentence_starts(toks, sents);
}

/// As [`refine_sentences`], for the tokens of `table` (the tokens of the
/// whole document, kept for the learned model) instead of cutting them
/// again.
pub(crate) fn refine_table<'a>(
    table: &crate::tokenize::TokenTable<'a>,
    keep: impl Fn(usize) -> bool,
    toks: &mut Vec<Tok<'a>>,
    sents: &mut Vec<std::ops::Range<usize>>,
    spans_out: &mut Vec<Span>,
) {
    for s in table.sentences() {
        if keep(s.block) {
            let start = toks.len();
            refine(s.tokens.clone().filter_map(|i| table.token(i)), toks);
            sents.push(start..toks.len());
            spans_out.push(s.span);
        }
    }
    toks.shrink_to_fit();
    mark_sentence_starts(toks, sents);
}

/// Marks the first word of each sentence; `bounds` are token index ranges.
fn mark_sentence_starts(toks: &mut [Tok<'_>], bounds: &[std::ops::Range<usize>]) {
    for r in bounds {
        for i in r.clone() {
            let Some(t) = toks.get_mut(i) else { break };
            if t.is_word() || t.kind == TokenKind::Number {
                t.sent_start = true;
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refined(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        refine(crate::Tokenizer::new().tokens(text), &mut out);
        out.iter().map(|t| t.text.to_string()).collect()
    }

    #[test]
    fn splits_glued_words() {
        assert_eq!(
            refined("Archival photoTrump said"),
            ["Archival", "photo", "Trump", "said"]
        );
        assert_eq!(
            refined("Evan VucciПрезидент USA"),
            ["Evan", "Vucci", "Президент", "USA"]
        );
        assert_eq!(
            refined("WikiLeaks NotPetya iPhone"),
            ["WikiLeaks", "NotPetya", "iPhone"]
        );
        assert_eq!(refined("Russia's"), ["Russia", "'s"]);
        assert_eq!(refined("Putin’s"), ["Putin", "’s"]);
    }

    #[test]
    fn folds_diacritics() {
        assert_eq!(normalize("Pátrushev"), "patrushev");
        assert_eq!(normalize("Šefčovič"), "sefcovic");
    }
}
