//! A recursive-descent parser for the query language (grammar in
//! `docs/QUERY.md`).
//!
//! It works directly on the characters, without a separate lexer, because
//! what a character means depends on where it is: `-` starts an exclusion
//! before a clause but is part of `vice-president`, and `[`, `>=` and `TO`
//! only mean something after `date:`. Every error carries the position and
//! what was expected there. Nesting depth, clause count and query length are
//! bounded so that hostile input fails fast instead of exhausting the stack.

use crate::SyntaxError;
use crate::ast::{Cmp, DateQuery, EntityField, PartialDate, Query, TextField, is_word_delimiter};

/// Deepest nesting of parentheses and prefix operators a query may have.
pub const MAX_DEPTH: usize = 32;
/// Most leaves (terms, phrases, entity and date conditions) in one query.
pub const MAX_CLAUSES: usize = 256;
/// Longest query text, in bytes.
pub const MAX_QUERY_BYTES: usize = 8192;

const CLAUSE: &str = "a term, a \"phrase\", a field:value or '('";

/// Parses a query.
///
/// # Errors
/// A [`SyntaxError`] naming the position and what was expected.
///
/// ```
/// let q = dateline_query::parse_query("person:bolton AND (gru OR \"foreign interference\"~2)")?;
/// assert_eq!(q.to_string(), "person:bolton AND (gru OR \"foreign interference\"~2)");
/// # Ok::<(), dateline_query::SyntaxError>(())
/// ```
pub fn parse_query(text: &str) -> Result<Query, SyntaxError> {
    if text.len() > MAX_QUERY_BYTES {
        let mut cut = MAX_QUERY_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        return Err(SyntaxError {
            position: text[..cut].chars().count() + 1,
            offset: cut,
            expected: format!("a query of at most {MAX_QUERY_BYTES} bytes"),
            found: format!("{} bytes", text.len()),
        });
    }
    let mut p = Parser {
        src: text,
        pos: 0,
        depth: 0,
        leaves: 0,
    };
    p.skip_ws();
    if p.at_end() {
        return Err(p.error(CLAUSE));
    }
    let q = p.seq()?;
    p.skip_ws();
    if !p.at_end() {
        return Err(p.error("an operator, a clause or end of query"));
    }
    Ok(q)
}

/// What is wrong with an unescaped `c` inside a bare word, for the syntax
/// of other query languages that would otherwise silently match nothing:
/// wildcards (`bol*`) and fuzzy terms (`bolton~2`).
fn unsupported(c: char) -> Option<&'static str> {
    match c {
        '*' => Some(
            "a whole word: wildcards ('*') are not supported (to search the character, escape it: \\*)",
        ),
        '~' => Some(
            "a whole word: fuzzy terms ('~') are not supported; '~N' follows a \"phrase\" only (to search the character, escape it: \\~)",
        ),
        _ => None,
    }
}

struct Parser<'a> {
    src: &'a str,
    pos: usize,
    depth: usize,
    leaves: usize,
}

/// Field names and what they search.
enum FieldKind {
    Text(TextField),
    Entity(EntityField),
    Date,
}

fn field_kind(name: &str) -> Option<FieldKind> {
    Some(match name {
        "title" => FieldKind::Text(TextField::Title),
        "body" => FieldKind::Text(TextField::Body),
        "quote" => FieldKind::Text(TextField::Quote),
        "entity" => FieldKind::Entity(EntityField::Any),
        "speaker" => FieldKind::Entity(EntityField::Speaker),
        "date" => FieldKind::Date,
        other => FieldKind::Entity(EntityField::Label(crate::index::label_from_field_name(
            other,
        )?)),
    })
}

/// All field names, for error messages.
pub(crate) const FIELD_NAMES: &str =
    "title, body, quote, person, org, gpe, loc, norp, fac, event, misc, entity, speaker, date";

impl<'a> Parser<'a> {
    fn rest(&self) -> &'a str {
        &self.src[self.pos..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn at_end(&self) -> bool {
        self.pos >= self.src.len()
    }

    fn skip_ws(&mut self) {
        let rest = self.rest();
        self.pos += rest.len() - rest.trim_start().len();
    }

    fn error_at(&self, offset: usize, expected: impl Into<String>) -> SyntaxError {
        let found = match self.src[offset..].chars().next() {
            None => "end of query".to_string(),
            Some(_) => {
                let s: String = self.src[offset..]
                    .split(|c: char| c.is_whitespace())
                    .next()
                    .unwrap_or("")
                    .chars()
                    .take(20)
                    .collect();
                if s.is_empty() {
                    "whitespace".into()
                } else {
                    format!("'{s}'")
                }
            }
        };
        SyntaxError {
            position: self.src[..offset].chars().count() + 1,
            offset,
            expected: expected.into(),
            found,
        }
    }

    fn error(&self, expected: impl Into<String>) -> SyntaxError {
        self.error_at(self.pos, expected)
    }

    fn enter(&mut self) -> Result<(), SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error(format!("at most {MAX_DEPTH} levels of nesting")));
        }
        Ok(())
    }

    fn leaf(&mut self, start: usize, q: Query) -> Result<Query, SyntaxError> {
        self.leaves += 1;
        if self.leaves > MAX_CLAUSES {
            return Err(self.error_at(start, format!("at most {MAX_CLAUSES} clauses")));
        }
        Ok(q)
    }

    /// True when the input at the cursor is the keyword `kw` followed by a delimiter.
    fn at_keyword(&self, kw: &str) -> bool {
        let rest = self.rest();
        rest.starts_with(kw)
            && rest[kw.len()..]
                .chars()
                .next()
                .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | ')' | '"'))
    }

    fn at_any_keyword(&self) -> bool {
        self.at_keyword("AND") || self.at_keyword("OR")
    }

    /// seq := disj (ws* disj)*
    fn seq(&mut self) -> Result<Query, SyntaxError> {
        let mut parts = vec![self.disj()?];
        loop {
            self.skip_ws();
            match self.peek() {
                None | Some(')') => break,
                _ => parts.push(self.disj()?),
            }
        }
        Ok(if parts.len() == 1 {
            parts.pop().unwrap_or(Query::Group(Vec::new()))
        } else {
            Query::Group(parts)
        })
    }

    /// disj := conj ("OR" conj)*
    fn disj(&mut self) -> Result<Query, SyntaxError> {
        let mut parts = vec![self.conj()?];
        loop {
            let save = self.pos;
            self.skip_ws();
            if self.at_keyword("OR") {
                self.pos += 2;
                parts.push(self.conj()?);
            } else {
                self.pos = save;
                break;
            }
        }
        Ok(if parts.len() == 1 {
            parts.pop().unwrap_or(Query::Or(Vec::new()))
        } else {
            Query::Or(parts)
        })
    }

    /// conj := unary ("AND" unary)*
    fn conj(&mut self) -> Result<Query, SyntaxError> {
        let mut parts = vec![self.unary()?];
        loop {
            let save = self.pos;
            self.skip_ws();
            if self.at_keyword("AND") {
                self.pos += 3;
                parts.push(self.unary()?);
            } else {
                self.pos = save;
                break;
            }
        }
        Ok(if parts.len() == 1 {
            parts.pop().unwrap_or(Query::And(Vec::new()))
        } else {
            Query::And(parts)
        })
    }

    /// unary := "NOT" unary | "+" primary | "-" primary | primary
    fn unary(&mut self) -> Result<Query, SyntaxError> {
        self.skip_ws();
        if self.at_keyword("NOT") {
            self.pos += 3;
            self.enter()?;
            let inner = self.unary()?;
            self.depth -= 1;
            return Ok(Query::Not(Box::new(inner)));
        }
        match self.peek() {
            Some(c @ ('+' | '-')) => {
                self.pos += 1;
                if self.peek().is_none_or(char::is_whitespace) {
                    return Err(self.error(format!("{CLAUSE} directly after '{c}'")));
                }
                self.enter()?;
                let inner = self.primary()?;
                self.depth -= 1;
                Ok(if c == '+' {
                    Query::Must(Box::new(inner))
                } else {
                    Query::MustNot(Box::new(inner))
                })
            }
            _ => self.primary(),
        }
    }

    /// primary := "(" seq ")" | phrase | field ":" value | word
    fn primary(&mut self) -> Result<Query, SyntaxError> {
        let start = self.pos;
        match self.peek() {
            None | Some(')') => Err(self.error(CLAUSE)),
            Some('(') => {
                self.pos += 1;
                self.enter()?;
                self.skip_ws();
                if self.peek().is_none_or(|c| c == ')') {
                    return Err(self.error(CLAUSE));
                }
                let inner = self.seq()?;
                self.skip_ws();
                if self.peek() != Some(')') {
                    return Err(self.error(format!(
                        "')' to close the '(' at position {}",
                        self.src[..start].chars().count() + 1
                    )));
                }
                self.pos += 1;
                self.depth -= 1;
                Ok(inner)
            }
            Some('"') => {
                let (text, slop) = self.phrase(true)?;
                self.leaf(
                    start,
                    Query::Phrase {
                        field: TextField::Default,
                        text,
                        slop,
                    },
                )
            }
            Some(':') => Err(self.error(CLAUSE)),
            Some(c @ ('+' | '-')) => {
                // "--bolton": one prefix only; a word cannot start with one.
                Err(self.error(format!(
                    "{CLAUSE} after one '+' or '-' (to search a word starting with '{c}', escape it: \\{c})"
                )))
            }
            Some(_) => {
                if self.at_any_keyword() || self.at_keyword("NOT") {
                    return Err(self.error(CLAUSE));
                }
                let (word, escaped) = self.word()?;
                if self.peek() == Some(':') {
                    if escaped {
                        return Err(self.error_at(start, format!("a field name ({FIELD_NAMES})")));
                    }
                    let Some(kind) = field_kind(&word) else {
                        return Err(self.error_at(start, format!("a field name ({FIELD_NAMES})")));
                    };
                    self.pos += 1;
                    let q = self.field_value(kind)?;
                    return self.leaf(start, q);
                }
                self.leaf(
                    start,
                    Query::Term {
                        field: TextField::Default,
                        text: word,
                    },
                )
            }
        }
    }

    /// A bare word with backslash escapes; returns it unescaped and whether
    /// any escape was used.
    fn word(&mut self) -> Result<(String, bool), SyntaxError> {
        let mut out = String::new();
        let mut escaped = false;
        let mut chars = self.rest().char_indices();
        let base = self.pos;
        let mut end = self.src.len();
        while let Some((i, c)) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some((_, e)) => {
                        out.push(e);
                        escaped = true;
                    }
                    None => return Err(self.error_at(base + i + 1, "a character after '\\'")),
                }
            } else if is_word_delimiter(c) {
                end = base + i;
                break;
            } else if let Some(what) = unsupported(c) {
                return Err(self.error_at(base + i, what));
            } else {
                out.push(c);
            }
        }
        self.pos = end;
        if out.is_empty() {
            return Err(self.error(CLAUSE));
        }
        Ok((out, escaped))
    }

    /// `"…"` with `\"` and `\\` escapes, and, when allowed, a `~N` slop.
    fn phrase(&mut self, allow_slop: bool) -> Result<(String, Option<u32>), SyntaxError> {
        let open = self.pos;
        self.pos += 1;
        let mut out = String::new();
        let mut chars = self.rest().char_indices();
        let base = self.pos;
        loop {
            match chars.next() {
                None => {
                    self.pos = self.src.len();
                    return Err(self.error(format!(
                        "'\"' to close the phrase opened at position {}",
                        self.src[..open].chars().count() + 1
                    )));
                }
                Some((i, '"')) => {
                    self.pos = base + i + 1;
                    break;
                }
                Some((i, '\\')) => match chars.next() {
                    Some((_, e)) => out.push(e),
                    None => return Err(self.error_at(base + i + 1, "a character after '\\'")),
                },
                Some((_, c)) => out.push(c),
            }
        }
        let mut slop = None;
        if allow_slop && self.peek() == Some('~') {
            self.pos += 1;
            let digits: &str = {
                let rest = self.rest();
                let n = rest.bytes().take_while(u8::is_ascii_digit).count();
                &rest[..n]
            };
            match digits.parse::<u32>() {
                Ok(n) if n <= 1000 => {
                    self.pos += digits.len();
                    slop = Some(n);
                }
                _ => return Err(self.error("a slop between 0 and 1000 after '~'")),
            }
        }
        Ok((out, slop))
    }

    fn field_value(&mut self, kind: FieldKind) -> Result<Query, SyntaxError> {
        match kind {
            FieldKind::Text(field) => match self.peek() {
                Some('"') => {
                    let (text, slop) = self.phrase(true)?;
                    Ok(Query::Phrase { field, text, slop })
                }
                Some(c) if !is_word_delimiter(c) || c == '\\' => {
                    let (text, _) = self.word()?;
                    Ok(Query::Term { field, text })
                }
                _ => Err(self.error(format!("a word or a \"phrase\" after '{}:'", field.name()))),
            },
            FieldKind::Entity(field) => match self.peek() {
                Some('"') => {
                    let (value, _) = self.phrase(false)?;
                    Ok(Query::Entity { field, value })
                }
                Some(c) if !is_word_delimiter(c) || c == '\\' => {
                    let (value, _) = self.word()?;
                    Ok(Query::Entity { field, value })
                }
                _ => Err(self.error(format!(
                    "a name or a \"quoted name\" after '{}:'",
                    field.name()
                ))),
            },
            FieldKind::Date => self.date_value().map(Query::Date),
        }
    }

    fn date_value(&mut self) -> Result<DateQuery, SyntaxError> {
        const DATE: &str =
            "a date (YYYY, YYYY-MM or YYYY-MM-DD), a range [A TO B] or a comparison like >=2019";
        if self.peek() == Some('[') {
            let open = self.pos;
            self.pos += 1;
            self.skip_ws();
            let from = self.range_bound()?;
            self.skip_ws();
            if !self.rest().starts_with("TO") {
                return Err(self.error("'TO' in the date range"));
            }
            self.pos += 2;
            self.skip_ws();
            let to = self.range_bound()?;
            self.skip_ws();
            if self.peek() != Some(']') {
                return Err(self.error("']' to close the date range"));
            }
            if let (Some(a), Some(b)) = (from, to)
                && a.first_day() > b.last_day()
            {
                return Err(self.error_at(
                    open,
                    format!("a date range whose start is not after its end ({a} is after {b})"),
                ));
            }
            self.pos += 1;
            return Ok(DateQuery::Range { from, to });
        }
        let rest = self.rest();
        let cmp = if rest.starts_with(">=") {
            Some((Cmp::Ge, 2))
        } else if rest.starts_with("<=") {
            Some((Cmp::Le, 2))
        } else if rest.starts_with('>') {
            Some((Cmp::Gt, 1))
        } else if rest.starts_with('<') {
            Some((Cmp::Lt, 1))
        } else {
            None
        };
        if let Some((c, n)) = cmp {
            self.pos += n;
            return Ok(DateQuery::Compare(c, self.partial_date()?));
        }
        if !self.peek().is_some_and(|c| c.is_ascii_digit()) {
            return Err(self.error(DATE));
        }
        Ok(DateQuery::On(self.partial_date()?))
    }

    fn range_bound(&mut self) -> Result<Option<PartialDate>, SyntaxError> {
        if self.peek() == Some('*') {
            self.pos += 1;
            return Ok(None);
        }
        self.partial_date().map(Some)
    }

    /// YYYY, YYYY-MM or YYYY-MM-DD, validated.
    fn partial_date(&mut self) -> Result<PartialDate, SyntaxError> {
        const EXPECTED: &str = "a date YYYY, YYYY-MM or YYYY-MM-DD";
        let start = self.pos;
        let rest = self.rest();
        let n = rest
            .bytes()
            .take_while(|b| b.is_ascii_digit() || *b == b'-')
            .count();
        let s = &rest[..n];
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str, len: usize| -> Option<u32> {
            (p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        };
        let bad = |p: &Self| p.error_at(start, EXPECTED);
        let year = match parts.first().and_then(|p| num(p, 4)) {
            Some(y) => y as i32,
            None => return Err(bad(self)),
        };
        let month = match parts.get(1) {
            None => None,
            Some(p) => match num(p, 2) {
                Some(m @ 1..=12) => Some(m as u8),
                _ => return Err(bad(self)),
            },
        };
        let day = match (parts.get(2), month) {
            (None, _) => None,
            (Some(p), Some(m)) => match num(p, 2) {
                Some(d) if d >= 1 && d <= u32::from(crate::tag::parse::days_in_month(year, m)) => {
                    Some(d as u8)
                }
                _ => return Err(bad(self)),
            },
            (Some(_), None) => return Err(bad(self)),
        };
        if parts.len() > 3 {
            return Err(bad(self));
        }
        self.pos += n;
        if self
            .peek()
            .is_some_and(|c| !c.is_whitespace() && c != ')' && c != ']')
        {
            return Err(self.error_at(start, EXPECTED));
        }
        Ok(PartialDate { year, month, day })
    }
}
