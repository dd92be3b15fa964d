//! The query syntax tree and its printer.
//!
//! The tree keeps what the user wrote (raw words, phrase text, date forms),
//! not analyzed terms: analysis happens when the query runs, with the same
//! analyzer the index used. That is what makes printing exact: for every
//! tree the parser can produce, `parse(&q.to_string()) == q`. The printer
//! adds parentheses only where precedence requires them and escapes
//! characters that would otherwise be read as syntax.

use std::fmt;

use crate::Label;

/// A text field a term or phrase searches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TextField {
    /// No field named: title and body (scores add up).
    Default,
    /// `title:` the headline.
    Title,
    /// `body:` the article content.
    Body,
    /// `quote:` the text of quotations.
    Quote,
}

impl TextField {
    /// The field prefix as written in queries (`""` for [`TextField::Default`]).
    pub fn name(self) -> &'static str {
        match self {
            TextField::Default => "",
            TextField::Title => "title",
            TextField::Body => "body",
            TextField::Quote => "quote",
        }
    }
}

/// A field holding entity names: matched by canonical name or alias.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EntityField {
    /// Entities of one label (`person:`, `org:`, `gpe:`, …).
    Label(Label),
    /// `entity:` entities of any label.
    Any,
    /// `speaker:` the speakers of quotations.
    Speaker,
}

impl EntityField {
    /// The field prefix as written in queries.
    pub fn name(self) -> &'static str {
        match self {
            EntityField::Any => "entity",
            EntityField::Speaker => "speaker",
            EntityField::Label(l) => crate::index::label_field_name(l).unwrap_or("entity"),
        }
    }
}

/// A date written with year, year-month or full precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    /// Year, 0..=9999.
    pub year: i32,
    /// Month 1..=12, when given.
    pub month: Option<u8>,
    /// Day of month, when given (only with a month).
    pub day: Option<u8>,
}

impl PartialDate {
    /// First day covered, as days since 1970-01-01.
    pub fn first_day(&self) -> i64 {
        let d = crate::Date {
            year: self.year,
            month: self.month.unwrap_or(1),
            day: self.day.unwrap_or(1),
        };
        d.days_since_epoch()
    }

    /// Last day covered, as days since 1970-01-01.
    pub fn last_day(&self) -> i64 {
        let month = self.month.unwrap_or(12);
        let day = self
            .day
            .unwrap_or_else(|| crate::tag::parse::days_in_month(self.year, month));
        crate::Date {
            year: self.year,
            month,
            day,
        }
        .days_since_epoch()
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

/// A comparison in `date:>=2019`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cmp {
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `<`
    Lt,
    /// `<=`
    Le,
}

impl Cmp {
    fn as_str(self) -> &'static str {
        match self {
            Cmp::Gt => ">",
            Cmp::Ge => ">=",
            Cmp::Lt => "<",
            Cmp::Le => "<=",
        }
    }
}

/// A `date:` condition on the article's publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateQuery {
    /// `date:2018-07-19`, `date:2018-07`, `date:2018`: within that day, month or year.
    On(PartialDate),
    /// `date:[2018-07-01 TO 2018-08-31]`, inclusive; `*` leaves a side open.
    Range {
        /// Lower bound (its first day), or open.
        from: Option<PartialDate>,
        /// Upper bound (its last day), or open.
        to: Option<PartialDate>,
    },
    /// `date:>=2019`, `date:<2018-07`, …
    Compare(Cmp, PartialDate),
}

impl DateQuery {
    /// The inclusive range of days (since 1970-01-01) the condition accepts.
    pub fn day_range(&self) -> (i64, i64) {
        match *self {
            DateQuery::On(p) => (p.first_day(), p.last_day()),
            DateQuery::Range { from, to } => (
                from.map_or(i64::MIN, |p| p.first_day()),
                to.map_or(i64::MAX, |p| p.last_day()),
            ),
            DateQuery::Compare(Cmp::Ge, p) => (p.first_day(), i64::MAX),
            DateQuery::Compare(Cmp::Gt, p) => (p.last_day() + 1, i64::MAX),
            DateQuery::Compare(Cmp::Le, p) => (i64::MIN, p.last_day()),
            DateQuery::Compare(Cmp::Lt, p) => (i64::MIN, p.first_day() - 1),
        }
    }
}

/// A parsed query.
///
/// Leaves are terms, phrases, entity and date conditions; inner nodes are
/// the boolean operators. See `docs/QUERY.md` for the grammar and the
/// meaning of each node.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Query {
    /// A word, analyzed like the index (`bolton`, `title:election`). A word
    /// that analyzes into several terms is searched as a phrase.
    Term {
        /// Where to search.
        field: TextField,
        /// The word as written (unescaped).
        text: String,
    },
    /// A quoted phrase, optionally with a slop (`"foreign interference"~2`).
    Phrase {
        /// Where to search.
        field: TextField,
        /// The text between the quotes (unescaped).
        text: String,
        /// Extra words allowed between the phrase's words, when given.
        slop: Option<u32>,
    },
    /// An entity condition (`person:trump`, `gpe:"United States"`, `speaker:sanders`).
    Entity {
        /// Which entity field.
        field: EntityField,
        /// The name as written (unescaped, unquoted).
        value: String,
    },
    /// A publication date condition.
    Date(DateQuery),
    /// `a AND b AND …`: every part matches; scores add up.
    And(Vec<Query>),
    /// `a OR b OR …`: any part matches; scores of the matching parts add up.
    Or(Vec<Query>),
    /// `NOT a`: documents that do not match.
    Not(Box<Query>),
    /// `+a`: inside a [`Query::Group`], a required clause; alone, the same as `a`.
    Must(Box<Query>),
    /// `-a`: inside a [`Query::Group`], an excluded clause; alone, the same as `NOT a`.
    MustNot(Box<Query>),
    /// Clauses written side by side (`a +b -c`), with Lucene's meaning:
    /// `+` clauses are required, `-` (and `NOT`) clauses excluded, the others
    /// optional; with no required clause at least one optional clause must
    /// match. A `date:` clause, which scores nothing, is a required filter.
    Group(Vec<Query>),
}

impl Query {
    /// Binding strength used by the printer: higher binds tighter.
    fn level(&self) -> u8 {
        match self {
            Query::Group(_) => 0,
            Query::Or(_) => 1,
            Query::And(_) => 2,
            Query::Not(_) | Query::Must(_) | Query::MustNot(_) => 3,
            _ => 4,
        }
    }

    /// Nesting depth of the tree (a leaf has depth 1), computed without
    /// recursion past `limit` so that hostile trees cannot exhaust the stack.
    pub fn depth_at_most(&self, limit: usize) -> Option<usize> {
        fn go(q: &Query, d: usize, limit: usize) -> Option<usize> {
            if d > limit {
                return None;
            }
            match q {
                Query::And(v) | Query::Or(v) | Query::Group(v) => {
                    let mut m = d;
                    for c in v {
                        m = m.max(go(c, d + 1, limit)?);
                    }
                    Some(m)
                }
                Query::Not(c) | Query::Must(c) | Query::MustNot(c) => go(c, d + 1, limit),
                _ => Some(d),
            }
        }
        go(self, 1, limit)
    }
}

fn write_child(f: &mut fmt::Formatter<'_>, q: &Query, min_level: u8) -> fmt::Result {
    if q.level() < min_level {
        write!(f, "({q})")
    } else {
        write!(f, "{q}")
    }
}

const KEYWORDS: [&str; 3] = ["AND", "OR", "NOT"];

/// True for characters that end a bare word.
pub(crate) fn is_word_delimiter(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | ')' | '"' | ':' | '\\')
}

/// Writes a bare word, escaping what the parser would read as syntax.
pub(crate) fn write_word(f: &mut impl fmt::Write, w: &str) -> fmt::Result {
    let keyword = KEYWORDS.contains(&w);
    for (i, c) in w.char_indices() {
        let escape = is_word_delimiter(c)
            || matches!(c, '*' | '~')
            || (i == 0 && (matches!(c, '+' | '-') || keyword));
        if escape {
            f.write_char('\\')?;
        }
        f.write_char(c)?;
    }
    Ok(())
}

fn write_quoted(f: &mut impl fmt::Write, s: &str) -> fmt::Result {
    f.write_char('"')?;
    for c in s.chars() {
        if c == '"' || c == '\\' {
            f.write_char('\\')?;
        }
        f.write_char(c)?;
    }
    f.write_char('"')
}

fn write_field(f: &mut fmt::Formatter<'_>, name: &str) -> fmt::Result {
    if !name.is_empty() {
        write!(f, "{name}:")?;
    }
    Ok(())
}

impl fmt::Display for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Query::Term { field, text } => {
                write_field(f, field.name())?;
                write_word(f, text)
            }
            Query::Phrase { field, text, slop } => {
                write_field(f, field.name())?;
                write_quoted(f, text)?;
                if let Some(s) = slop {
                    write!(f, "~{s}")?;
                }
                Ok(())
            }
            Query::Entity { field, value } => {
                write_field(f, field.name())?;
                let bare = !value.is_empty()
                    && !value
                        .chars()
                        .any(|c| is_word_delimiter(c) || matches!(c, '*' | '~'))
                    && !value.starts_with(['+', '-'])
                    && !KEYWORDS.contains(&value.as_str());
                if bare {
                    f.write_str(value)
                } else {
                    write_quoted(f, value)
                }
            }
            Query::Date(d) => {
                f.write_str("date:")?;
                match d {
                    DateQuery::On(p) => write!(f, "{p}"),
                    DateQuery::Compare(c, p) => write!(f, "{}{p}", c.as_str()),
                    DateQuery::Range { from, to } => {
                        f.write_str("[")?;
                        match from {
                            Some(p) => write!(f, "{p}")?,
                            None => f.write_str("*")?,
                        }
                        f.write_str(" TO ")?;
                        match to {
                            Some(p) => write!(f, "{p}")?,
                            None => f.write_str("*")?,
                        }
                        f.write_str("]")
                    }
                }
            }
            Query::And(v) | Query::Or(v) | Query::Group(v) => {
                let (sep, min) = match self {
                    Query::And(_) => (" AND ", 3),
                    Query::Or(_) => (" OR ", 2),
                    _ => (" ", 1),
                };
                for (i, c) in v.iter().enumerate() {
                    if i > 0 {
                        f.write_str(sep)?;
                    }
                    write_child(f, c, min)?;
                }
                Ok(())
            }
            Query::Not(c) => {
                f.write_str("NOT ")?;
                write_child(f, c, 3)
            }
            Query::Must(c) => {
                f.write_str("+")?;
                write_child(f, c, 4)
            }
            Query::MustNot(c) => {
                f.write_str("-")?;
                write_child(f, c, 4)
            }
        }
    }
}
