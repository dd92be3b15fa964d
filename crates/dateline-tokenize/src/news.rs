//! News token rules on top of Unicode word boundaries.
//!
//! The text is cut at white space into chunks. In each chunk, web addresses,
//! emails, hashtags and mentions are found first and kept whole; the rest is
//! split by the exact UAX #29 segmenter ([`crate::segment`]) and the segments
//! are then merged or split by a small set of rules:
//!
//! - abbreviations keep their period: "U.S.", "Mr.", "Jan.", an initial "E."
//!   before a capitalized word, "No." and "p." before a number;
//! - a currency sign glued to a number is one `Money` token ("$5,000", "€5",
//!   "US$20", "100€"); a glued "%" makes a `Percent` token ("40%");
//! - hyphenated compounds are one word when either side has a letter
//!   ("Vice-President", "non-interference", "COVID-19"); number ranges
//!   ("2019-2020") stay split; [`Token::compound_parts`](crate::Token::compound_parts)
//!   gives the parts;
//! - the possessive or contracted "'s" / "’s" is split off as a `Clitic`;
//! - scrape glue is split: where the script changes inside a word
//!   ("VucciПрезидент"), where a lowercase word runs into a capitalized one
//!   ("photoTrump", at least three lowercase letters first, so "iPhone" and
//!   "McDonald" stay whole), and at a period or colon between a lowercase word
//!   and a capitalized one ("statement.The");
//! - runs of periods are one punctuation token ("...").

use std::borrow::Cow;
use std::collections::VecDeque;

use crate::abbrev;
use crate::normalize::{normalize, normalize_ascii};
use crate::segment::{Seg, Segments};
use crate::stem::Script;
use crate::token::is_hyphen;
use crate::{Span, Token, TokenKind};

/// Streaming news tokens of a text: one white-space chunk at a time.
pub(crate) struct NewsTokens<'a> {
    text: &'a str,
    pos: usize,
    end: usize,
    /// End of the white-space-free run that `pos` is in, when a long run was
    /// cut (see [`MAX_CHUNK`]); otherwise at most `pos`.
    run_end: usize,
    buf: VecDeque<Token<'a>>,
    segs: Vec<Seg>,
}

/// Longest chunk handed to the rules at once. A longer run without white
/// space (a megabyte of `"`) is cut at the first point after this many bytes
/// between two punctuation marks that no rule joins (see [`is_cut_mark`]), so
/// that the tokens waiting to be read stay few. Tokens never cross such a
/// point anyway, except a web address, email, hashtag or mention, which a cut
/// ends there.
pub(crate) const MAX_CHUNK: usize = 64 * 1024;

/// Punctuation between which a run may be cut: Unicode's word boundaries
/// always separate two of them, and no news rule joins them.
fn is_cut_mark(b: u8) -> bool {
    matches!(
        b,
        b'"' | b'\''
            | b'('
            | b')'
            | b'['
            | b']'
            | b'{'
            | b'}'
            | b'!'
            | b'?'
            | b'*'
            | b'<'
            | b'>'
            | b'='
            | b'|'
            | b','
            | b';'
    )
}

impl std::fmt::Debug for NewsTokens<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewsTokens")
            .field("pos", &self.pos)
            .finish_non_exhaustive()
    }
}

impl<'a> NewsTokens<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        NewsTokens {
            text,
            pos: 0,
            end: text.len(),
            run_end: 0,
            buf: VecDeque::new(),
            segs: Vec::new(),
        }
    }

    /// Starts over on `text[start..end]` (spans stay relative to the whole
    /// text), keeping the buffers. Both ends must be character boundaries.
    pub(crate) fn reset(&mut self, start: usize, end: usize) {
        self.end = end.min(self.text.len());
        self.pos = start.min(self.end);
        self.run_end = 0;
        self.buf.clear();
    }

    fn next_chunk(&mut self) -> Option<(usize, usize)> {
        let (start, run_end) = if self.run_end > self.pos {
            (self.pos, self.run_end)
        } else {
            self.next_run()?
        };
        let mut end = run_end;
        if run_end - start > MAX_CHUNK {
            let bytes = self.text.as_bytes();
            if let Some(q) = (start + MAX_CHUNK..run_end)
                .find(|&q| is_cut_mark(bytes[q - 1]) && is_cut_mark(bytes[q]))
            {
                end = q;
            }
        }
        self.run_end = run_end;
        self.pos = end;
        Some((start, end))
    }

    /// The next run of text without white space.
    fn next_run(&mut self) -> Option<(usize, usize)> {
        let text = self.text;
        let bytes = &text.as_bytes()[..self.end];
        let mut p = self.pos;
        while p < bytes.len() {
            let b = bytes[p];
            if b < 0x80 {
                if !is_ascii_space(b) {
                    break;
                }
                p += 1;
            } else {
                match text[p..self.end].chars().next() {
                    Some(c) if c.is_whitespace() => p += c.len_utf8(),
                    _ => break,
                }
            }
        }
        if p >= bytes.len() {
            self.pos = p;
            return None;
        }
        let start = p;
        while p < bytes.len() {
            let b = bytes[p];
            if b < 0x80 {
                if is_ascii_space(b) {
                    break;
                }
                p += 1;
            } else {
                match text[p..self.end].chars().next() {
                    Some(c) if c.is_whitespace() => break,
                    Some(c) => p += c.len_utf8(),
                    None => break,
                }
            }
        }
        self.pos = p;
        Some((start, p))
    }
}

impl<'a> Iterator for NewsTokens<'a> {
    type Item = Token<'a>;

    #[inline]
    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            if let Some(t) = self.buf.pop_front() {
                return Some(t);
            }
            let (s, e) = self.next_chunk()?;
            chunk(self.text, s, e, &mut self.buf, &mut self.segs);
        }
    }
}

#[inline]
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

fn token(text: &str, s: usize, e: usize, kind: TokenKind, ascii: bool) -> Token<'_> {
    let t = &text[s..e];
    let norm = match kind {
        TokenKind::Url => Cow::Borrowed(t),
        _ if ascii => normalize_ascii(t),
        _ => normalize(t),
    };
    Token {
        span: Span::new(s, e),
        text: t,
        kind,
        norm,
        stem: None,
    }
}

/// Tokens of one white-space-free chunk `text[s..e]`.
fn chunk<'a>(
    text: &'a str,
    s: usize,
    e: usize,
    out: &mut VecDeque<Token<'a>>,
    segs: &mut Vec<Seg>,
) {
    if simple(text, s, e, out) {
        return;
    }
    general(text, s, e, out, segs);
}

/// Tokens of a chunk by the full rules (no one-word fast path).
fn general<'a>(
    text: &'a str,
    s: usize,
    e: usize,
    out: &mut VecDeque<Token<'a>>,
    segs: &mut Vec<Seg>,
) {
    let mut cur = s;
    // The first '@' at or after `cur` (absolute), found again only once
    // `cur` has passed it: searching the rest of the chunk for every
    // hashtag or mention made "#a#a#a…" quadratic.
    let mut at: Option<Option<usize>> = None;
    while cur < e {
        let next_at = match at {
            Some(Some(a)) if a >= cur => Some(a),
            Some(None) => None,
            _ => {
                let found = text[cur..e].find('@').map(|a| a + cur);
                at = Some(found);
                found
            }
        };
        match find_special(&text[cur..e], next_at.map(|a| a - cur)) {
            Some((a, b, kind)) => {
                if a > 0 {
                    plain(text, cur, cur + a, out, segs);
                }
                out.push_back(token(text, cur + a, cur + b, kind, false));
                cur += b;
            }
            None => {
                plain(text, cur, e, out, segs);
                break;
            }
        }
    }
}

fn is_opening(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '<' | '"' | '\'' | '“' | '‘' | '«' | '‹' | '„' | '¿' | '¡'
    )
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | '"' | '\'' | '’' | '”' | '»' | '›' | '>' | '…'
    )
}

/// The common chunk, handled without segmenting: an ASCII word with at most
/// an initial capital ("said", "Trump"), or a run of digits, optionally
/// followed by one punctuation byte. Returns false for anything else.
#[inline]
fn simple<'a>(text: &'a str, s: usize, e: usize, out: &mut VecDeque<Token<'a>>) -> bool {
    let all = &text.as_bytes()[s..e];
    let lead = usize::from(matches!(all.first(), Some(b'(' | b'"')));
    let is_trail = |c: u8| matches!(c, b',' | b';' | b':' | b'!' | b'?' | b')' | b'"' | b'.');
    let mut body_end = all.len();
    while body_end > lead && all.len() - body_end < 2 && is_trail(all[body_end - 1]) {
        body_end -= 1;
    }
    let trail = &all[body_end..];
    if trail == b".." {
        return false;
    }
    let body = &all[lead..body_end];
    let Some((&first, rest)) = body.split_first() else {
        return false;
    };
    let kind = if first.is_ascii_alphabetic() && rest.iter().all(u8::is_ascii_lowercase) {
        TokenKind::Word
    } else if first.is_ascii_digit() && rest.iter().all(u8::is_ascii_digit) {
        TokenKind::Number
    } else {
        return false;
    };
    if lead == 1 {
        out.push_back(token_ascii(text, s, s + 1, TokenKind::Punct, false));
    }
    let (start, end) = (s + lead, s + body_end);
    let upper = first.is_ascii_uppercase();
    let mut p = end;
    if trail.first() == Some(&b'.')
        && kind == TokenKind::Word
        && body.len() <= 6
        && keeps_period(text, &text[start..end], end + 1)
    {
        out.push_back(token_ascii(
            text,
            start,
            end + 1,
            TokenKind::Abbreviation,
            upper,
        ));
        p += 1;
    } else {
        out.push_back(token_ascii(text, start, end, kind, upper));
    }
    while p < e {
        out.push_back(token_ascii(text, p, p + 1, TokenKind::Punct, false));
        p += 1;
    }
    true
}

#[inline]
fn token_ascii(text: &str, s: usize, e: usize, kind: TokenKind, upper: bool) -> Token<'_> {
    let t = &text[s..e];
    let norm = if upper {
        Cow::Owned(t.to_ascii_lowercase())
    } else {
        Cow::Borrowed(t)
    };
    Token {
        span: Span::new(s, e),
        text: t,
        kind,
        norm,
        stem: None,
    }
}

/// The first URL, email, hashtag or mention in a chunk: `(start, end, kind)`.
/// `first_at` is the position of the chunk's first '@', if any.
fn find_special(chunk: &str, first_at: Option<usize>) -> Option<(usize, usize, TokenKind)> {
    let bytes = chunk.as_bytes();
    let marks = bytes.iter().any(|&b| matches!(b, b':' | b'@' | b'#'));
    if !(marks || chunk.contains("www.") || chunk.contains("WWW.")) {
        return None;
    }
    let lead: usize = chunk
        .chars()
        .take_while(|&c| is_opening(c))
        .map(char::len_utf8)
        .sum();
    let rest = &chunk[lead..];
    // Web address at the start of the chunk (after opening punctuation).
    let prefix = ["http://", "https://", "ftp://", "www."].iter().find(|p| {
        rest.len() > p.len() && rest.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
    });
    if let Some(p) = prefix {
        let mut end = chunk.len();
        // Bracket counts of `chunk[lead..end]`, kept up to date as `end`
        // moves (counting again at every step was quadratic).
        let url = &chunk[lead..end];
        let count = |b: u8| url.bytes().filter(|&x| x == b).count();
        let (open_paren, open_bracket) = (count(b'('), count(b'['));
        let (mut close_paren, mut close_bracket) = (count(b')'), count(b']'));
        while let Some(c) = chunk[..end].chars().next_back() {
            let unbalanced = (c == ')' && open_paren < close_paren)
                || (c == ']' && open_bracket < close_bracket);
            if is_closing(c) || unbalanced {
                end -= c.len_utf8();
                match c {
                    ')' => close_paren -= 1,
                    ']' => close_bracket -= 1,
                    _ => {}
                }
            } else {
                break;
            }
        }
        if end > lead + p.len() {
            return Some((lead, end, TokenKind::Url));
        }
    }
    if let Some(at) = first_at {
        let is_local =
            |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-');
        let mut ls = at;
        while ls > 0 && is_local(bytes[ls - 1]) {
            ls -= 1;
        }
        while ls < at && bytes[ls] == b'.' {
            ls += 1;
        }
        let mut de = at + 1;
        while de < bytes.len()
            && (bytes[de].is_ascii_alphanumeric() || matches!(bytes[de], b'.' | b'-'))
        {
            de += 1;
        }
        while de > at + 1 && matches!(bytes[de - 1], b'.' | b'-') {
            de -= 1;
        }
        let domain = &chunk[at + 1..de];
        let tld_ok = domain.rsplit_once('.').is_some_and(|(host, tld)| {
            !host.is_empty() && tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic())
        });
        if ls < at && tld_ok && domain.as_bytes()[0].is_ascii_alphanumeric() {
            return Some((ls, de, TokenKind::Email));
        }
        if at == lead {
            let mut end = at + 1;
            while end < bytes.len() && (bytes[end].is_ascii_alphanumeric() || bytes[end] == b'_') {
                end += 1;
            }
            if end > at + 1 {
                return Some((at, end, TokenKind::Mention));
            }
        }
    }
    if let Some(tag) = rest.strip_prefix('#') {
        let body: usize = tag
            .chars()
            .take_while(|&c| c.is_alphanumeric() || c == '_')
            .map(char::len_utf8)
            .sum();
        if tag[..body].chars().any(char::is_alphabetic) {
            return Some((lead, lead + 1 + body, TokenKind::Hashtag));
        }
    }
    None
}

#[inline]
fn is_word(_text: &str, g: Seg) -> bool {
    g.word
}

fn starts_numeric(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_numeric)
}

fn is_currency(c: char) -> bool {
    matches!(
        c,
        '$' | '¢' | '£' | '¤' | '¥' | '\u{20A0}'..='\u{20C0}' | '﷼' | '＄' | '￡' | '￥'
    )
}

fn single_char(t: &str) -> Option<char> {
    let mut it = t.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

/// Kind of a segment without letters or digits.
fn symbol_kind(t: &str) -> TokenKind {
    let Some(c) = t.chars().next() else {
        return TokenKind::Symbol;
    };
    if is_currency(c) {
        return TokenKind::Currency;
    }
    if c.is_ascii() {
        return match c {
            '+' | '<' | '=' | '>' | '^' | '`' | '|' | '~' => TokenKind::Symbol,
            _ if c.is_ascii_punctuation() => TokenKind::Punct,
            _ => TokenKind::Symbol,
        };
    }
    let punct = matches!(c,
        '\u{00A1}' | '\u{00A7}' | '\u{00AB}' | '\u{00B6}' | '\u{00B7}' | '\u{00BB}' | '\u{00BF}'
        | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{2E00}'..='\u{2E4F}'
        | '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301F}'
        | '\u{FE10}'..='\u{FE19}' | '\u{FE30}'..='\u{FE4F}' | '\u{FE50}'..='\u{FE6B}'
        | '\u{FF01}'..='\u{FF03}' | '\u{FF05}'..='\u{FF0A}' | '\u{FF0C}'..='\u{FF0F}'
        | '\u{FF1A}' | '\u{FF1B}' | '\u{FF1F}' | '\u{FF20}' | '\u{FF3B}'..='\u{FF3D}'
        | '\u{FF3F}' | '\u{FF5B}' | '\u{FF5D}' | '\u{FF5F}'..='\u{FF65}');
    if punct {
        TokenKind::Punct
    } else {
        TokenKind::Symbol
    }
}

/// The first non-space character at or after byte `p`.
fn next_visible(text: &str, p: usize) -> Option<char> {
    text.get(p..)?.chars().find(|c| !c.is_whitespace())
}

/// Whether `word` followed by a period at `after` (the byte after the period)
/// is an abbreviation that keeps its period.
fn keeps_period(text: &str, word: &str, after: usize) -> bool {
    let next_is_space = text[after..].chars().next().is_none_or(char::is_whitespace);
    if abbrev::is_dotted(word) {
        return true;
    }
    let next = next_visible(text, after);
    if abbrev::is_known(word) {
        let needs_number = ["no", "nos", "p", "pp"]
            .iter()
            .any(|a| word.eq_ignore_ascii_case(a));
        return !needs_number || (next_is_space && next.is_some_and(|c| c.is_ascii_digit()));
    }
    if abbrev::is_single_letter(word) && word.chars().all(char::is_uppercase) {
        // An initial before a name, not a sentence end before "It", "The", ….
        let rest = text[after..].trim_start();
        let next_word = &rest[..rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len())];
        return next_is_space
            && next.is_some_and(char::is_uppercase)
            && !abbrev::is_starter(next_word);
    }
    false
}

/// Segments `text[s..e]` and applies the merge and split rules.
fn plain<'a>(
    text: &'a str,
    s: usize,
    e: usize,
    out: &mut VecDeque<Token<'a>>,
    segs: &mut Vec<Seg>,
) {
    segs.clear();
    segs.extend(Segments::all(&text[s..e]).map(|g| Seg {
        start: g.start + s,
        end: g.end + s,
        ..g
    }));
    let n = segs.len();
    let glued = |a: usize, b: usize| segs[a].end == segs[b].start;
    let seg_text = |i: usize| &text[segs[i].start..segs[i].end];
    let bytes = text.as_bytes();
    let is_byte = |i: usize, b: u8| segs[i].end == segs[i].start + 1 && bytes[segs[i].start] == b;
    let mut i = 0;
    while i < n {
        let g = segs[i];
        let t = seg_text(i);
        if is_word(text, g) {
            // Hyphenated compounds.
            let mut j = i;
            while j + 2 < n
                && glued(j, j + 1)
                && glued(j + 1, j + 2)
                && single_char(seg_text(j + 1)).is_some_and(is_hyphen)
                && is_word(text, segs[j + 2])
                && (has_letter(seg_text(j)) || has_letter(seg_text(j + 2)))
            {
                j += 2;
            }
            if j > i {
                let ascii = segs[i..=j].iter().all(|g| g.ascii);
                push_word(text, g.start, segs[j].end, ascii, out);
                i = j + 1;
                continue;
            }
            // "US$20", "A$5".
            if g.ascii
                && t.len() <= 3
                && t.bytes().all(|b| b.is_ascii_uppercase())
                && i + 2 < n
                && glued(i, i + 1)
                && glued(i + 1, i + 2)
                && seg_text(i + 1) == "$"
                && starts_numeric(seg_text(i + 2))
            {
                out.push_back(token(
                    text,
                    g.start,
                    segs[i + 2].end,
                    TokenKind::Money,
                    segs[i + 2].ascii,
                ));
                i += 3;
                continue;
            }
            if needs_glue_check(t, g.ascii) && split_glue(text, g, out) {
                i += 1;
                continue;
            }
            if starts_numeric(t) {
                if i + 1 < n && glued(i, i + 1) {
                    let next = seg_text(i + 1);
                    let kind = match single_char(next) {
                        Some('%' | '‰' | '％') => Some(TokenKind::Percent),
                        Some(c) if is_currency(c) => Some(TokenKind::Money),
                        _ => None,
                    };
                    if let Some(kind) = kind {
                        let ascii = g.ascii && segs[i + 1].ascii;
                        out.push_back(token(text, g.start, segs[i + 1].end, kind, ascii));
                        i += 2;
                        continue;
                    }
                }
                out.push_back(token(text, g.start, g.end, TokenKind::Number, g.ascii));
                i += 1;
                continue;
            }
            if i + 1 < n
                && glued(i, i + 1)
                && is_byte(i + 1, b'.')
                && keeps_period(text, t, segs[i + 1].end)
            {
                out.push_back(token(
                    text,
                    g.start,
                    segs[i + 1].end,
                    TokenKind::Abbreviation,
                    g.ascii,
                ));
                i += 2;
                continue;
            }
            push_word(text, g.start, g.end, g.ascii, out);
            i += 1;
        } else {
            if single_char(t).is_some_and(is_currency)
                && i + 1 < n
                && glued(i, i + 1)
                && starts_numeric(seg_text(i + 1))
            {
                let ascii = g.ascii && segs[i + 1].ascii;
                out.push_back(token(
                    text,
                    g.start,
                    segs[i + 1].end,
                    TokenKind::Money,
                    ascii,
                ));
                i += 2;
                continue;
            }
            if is_byte(i, b'.') {
                let mut j = i;
                while j + 1 < n && glued(j, j + 1) && is_byte(j + 1, b'.') {
                    j += 1;
                }
                out.push_back(token(text, g.start, segs[j].end, TokenKind::Punct, true));
                i = j + 1;
                continue;
            }
            out.push_back(token(text, g.start, g.end, symbol_kind(t), g.ascii));
            i += 1;
        }
    }
}

fn has_letter(t: &str) -> bool {
    t.chars().any(char::is_alphabetic)
}

/// Pushes a word, splitting a final possessive "'s" / "’s".
fn push_word<'a>(text: &'a str, s: usize, e: usize, ascii: bool, out: &mut VecDeque<Token<'a>>) {
    let t = &text[s..e];
    let kind = if starts_numeric(t) && !t.contains(|c: char| is_hyphen(c)) {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    let ends_s = matches!(t.as_bytes().last(), Some(b's' | b'S'));
    let clitic = ["'s", "'S", "’s", "’S"]
        .iter()
        .find(|c| ends_s && t.len() > c.len() && t.ends_with(*c));
    if let Some(c) = clitic {
        let apos = e - c.len();
        if text[s..apos]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic)
        {
            out.push_back(token(text, s, apos, kind, ascii));
            out.push_back(token(text, apos, e, TokenKind::Clitic, ascii));
            return;
        }
    }
    out.push_back(token(text, s, e, kind, ascii));
}

fn needs_glue_check(t: &str, ascii: bool) -> bool {
    let b = t.as_bytes();
    if ascii {
        return b.len() > 3
            && b[1..]
                .iter()
                .any(|&c| c.is_ascii_uppercase() || c == b'.' || c == b':');
    }
    let (mut latin, mut other) = (false, false);
    for (i, c) in t.char_indices() {
        if i > 0 && (c.is_uppercase() || c == '.' || c == ':') {
            return true;
        }
        if c.is_ascii_alphabetic() || matches!(c, '\u{C0}'..='\u{24F}') {
            latin = true;
        } else if !c.is_ascii() && !matches!(c, '’' | '‘') {
            other = true;
        }
    }
    latin && other
}

fn all_lower(part: &str, min: usize) -> bool {
    let mut n = 0;
    for c in part.chars() {
        if !c.is_lowercase() {
            return false;
        }
        n += 1;
    }
    n >= min
}

/// Splits scrape glue inside one word segment. Returns false (and pushes
/// nothing) when there is none.
fn split_glue<'a>(text: &'a str, g: Seg, out: &mut VecDeque<Token<'a>>) -> bool {
    let t = &text[g.start..g.end];
    let chars: Vec<(usize, char)> = t.char_indices().collect();
    let mut cuts: Vec<(usize, usize, TokenKind)> = Vec::new();
    let mut part = 0usize; // byte offset where the current part starts
    let mut k = 1;
    while k < chars.len() {
        let (i, c) = chars[k];
        let p = chars[k - 1].1;
        let next = chars.get(k + 1).map(|&(_, n)| n);
        if i > part {
            if c.is_alphabetic() && p.is_alphabetic() {
                let (a, b) = (Script::of(p), Script::of(c));
                if a != b && a != Script::Other && b != Script::Other {
                    cuts.push((part, i, TokenKind::Word));
                    part = i;
                    k += 1;
                    continue;
                }
            }
            if c.is_uppercase()
                && p.is_lowercase()
                && next.is_some_and(char::is_lowercase)
                && all_lower(&t[part..i], 3)
            {
                cuts.push((part, i, TokenKind::Word));
                part = i;
                k += 1;
                continue;
            }
            let capital_next = next.is_some_and(char::is_uppercase)
                && chars.get(k + 2).is_some_and(|&(_, n)| n.is_lowercase());
            if (c == '.' || c == ':') && capital_next {
                if all_lower(&t[part..i], 2) {
                    cuts.push((part, i, TokenKind::Word));
                    cuts.push((i, i + 1, TokenKind::Punct));
                    part = i + 1;
                    k += 1;
                    continue;
                }
                if c == '.' && abbrev::is_title(&t[part..i]) {
                    cuts.push((part, i + 1, TokenKind::Abbreviation));
                    part = i + 1;
                    k += 1;
                    continue;
                }
            }
        }
        k += 1;
    }
    if cuts.is_empty() {
        return false;
    }
    for (a, b, kind) in cuts {
        if kind == TokenKind::Word {
            push_word(text, g.start + a, g.start + b, g.ascii, out);
        } else {
            out.push_back(token(text, g.start + a, g.start + b, kind, g.ascii));
        }
    }
    push_word(text, g.start + part, g.end, g.ascii, out);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(&str, TokenKind)> {
        NewsTokens::new(text).map(|t| (t.text, t.kind)).collect()
    }

    fn texts(text: &str) -> Vec<&str> {
        NewsTokens::new(text).map(|t| t.text).collect()
    }

    #[test]
    fn abbreviations_keep_their_period() {
        use TokenKind::*;
        assert_eq!(
            toks("Mr. Bolton met U.S. officials on Jan. 5 in St.Petersburg."),
            [
                ("Mr.", Abbreviation),
                ("Bolton", Word),
                ("met", Word),
                ("U.S.", Abbreviation),
                ("officials", Word),
                ("on", Word),
                ("Jan.", Abbreviation),
                ("5", Number),
                ("in", Word),
                ("St.", Abbreviation),
                ("Petersburg", Word),
                (".", Punct),
            ]
        );
        assert_eq!(
            texts("Jonas E. Smith and p. 55, No. 10 but say no."),
            [
                "Jonas", "E.", "Smith", "and", "p.", "55", ",", "No.", "10", "but", "say", "no",
                "."
            ]
        );
        assert_eq!(texts("vitamin C. It"), ["vitamin", "C", ".", "It"]);
    }

    #[test]
    fn numbers_and_money() {
        use TokenKind::*;
        assert_eq!(
            toks("$5,000 €5 million 1,000 3.5 90 per cent 40% US$20 100€ 5th"),
            [
                ("$5,000", Money),
                ("€5", Money),
                ("million", Word),
                ("1,000", Number),
                ("3.5", Number),
                ("90", Number),
                ("per", Word),
                ("cent", Word),
                ("40%", Percent),
                ("US$20", Money),
                ("100€", Money),
                ("5th", Number),
            ]
        );
        assert_eq!(toks("$ 5"), [("$", Currency), ("5", Number)]);
    }

    #[test]
    fn urls_emails_tags() {
        use TokenKind::*;
        assert_eq!(
            toks(
                "(see https://example.com/a_(b)?x=1). Mail Jane.Doe@example.com, @user #Vote2020 www.x.org"
            ),
            [
                ("(", Punct),
                ("see", Word),
                ("https://example.com/a_(b)?x=1", Url),
                (")", Punct),
                (".", Punct),
                ("Mail", Word),
                ("Jane.Doe@example.com", Email),
                (",", Punct),
                ("@user", Mention),
                ("#Vote2020", Hashtag),
                ("www.x.org", Url),
            ]
        );
    }

    #[test]
    fn possessives_and_compounds() {
        use TokenKind::*;
        assert_eq!(
            toks("Trump’s Vice-President's non-interference 2019-2020 don't"),
            [
                ("Trump", Word),
                ("’s", Clitic),
                ("Vice-President", Word),
                ("'s", Clitic),
                ("non-interference", Word),
                ("2019", Number),
                ("-", Punct),
                ("2020", Number),
                ("don't", Word),
            ]
        );
    }

    proptest::proptest! {
        #[test]
        fn fast_path_agrees_with_full_rules(
            chunk in "[(\"]?[A-Za-z0-9]{1,8}[,.;:!?)\"]{0,2}",
            next in "( [A-Za-z0-9]{1,3})?",
        ) {
            let text = format!("{chunk}{next}");
            let e = chunk.len();
            let mut fast = VecDeque::new();
            if simple(&text, 0, e, &mut fast) {
                let mut full = VecDeque::new();
                general(&text, 0, e, &mut full, &mut Vec::new());
                proptest::prop_assert_eq!(fast, full);
            }
        }
    }

    #[test]
    fn scrape_glue_is_split() {
        assert_eq!(texts("VucciПрезидент"), ["Vucci", "Президент"]);
        assert_eq!(
            texts("Archival photoTrump said"),
            ["Archival", "photo", "Trump", "said"]
        );
        assert_eq!(texts("elections©"), ["elections", "©"]);
        assert_eq!(texts("statement.The"), ["statement", ".", "The"]);
        assert_eq!(
            texts("iPhone McDonald YouTube eBay"),
            ["iPhone", "McDonald", "YouTube", "eBay"]
        );
        assert_eq!(texts("prese…"), ["prese", "…"]);
        assert_eq!(texts("wait..."), ["wait", "..."]);
    }

    #[test]
    fn long_runs_are_cut_only_between_punctuation() {
        // Cut: the same tokens as without the cut, produced a chunk at a time.
        let quotes = "\"".repeat(3 * MAX_CHUNK + 5);
        let tokens: Vec<Token<'_>> = NewsTokens::new(&quotes).collect();
        assert_eq!(tokens.len(), quotes.len());
        for (i, t) in tokens.iter().enumerate() {
            assert_eq!(
                (t.span.start, t.span.end, t.kind),
                (i, i + 1, TokenKind::Punct)
            );
        }
        // Mixed text with the marks inside: every token as the rules make it.
        let unit = "Mr. Smith's (\"U.S.\") $5,000!? ";
        let glued = unit.replace(' ', "").repeat(MAX_CHUNK / 20 * 3);
        let cut: Vec<&str> = NewsTokens::new(&glued).map(|t| t.text).collect();
        let joined: String = cut.concat();
        assert_eq!(joined, glued, "tokens cover the run");
        // No cut point: one chunk, however long.
        let word = "x.".repeat(MAX_CHUNK);
        assert!(NewsTokens::new(&word).count() <= 2);
    }
}
