//! The JSON records and messages of the `dateline` command line, for every
//! front end that must give the same data.
//!
//! `dateline parse --json`, `entities --json`, `quotes --json` and
//! `search --json` write exactly these records, and the Python package
//! builds its `to_dict()` results from them, so a row from either is the same
//! record. The records are [`serde::Serialize`] views of the library's
//! values (keys in sorted order, as the JSON output has always had them),
//! written without building a JSON value first. Spans are byte offsets into
//! `Document.text`, as everywhere.
//!
//! ```
//! use dateline::{json, parse::Parser, tag::Tagger};
//!
//! let doc = Parser::new().parse("a", "Talks in Geneva\n\nJohn Bolton met officials in Geneva.\n")?;
//! let entities = Tagger::new().explain(&doc);
//! let line = serde_json::to_value(json::entities(&doc.id, &entities.entities, None))?;
//! assert_eq!(line["id"], "a");
//! let first = &line["entities"][0];
//! let (start, end) = (first["start"].as_u64(), first["end"].as_u64());
//! assert_eq!(first["text"], doc.text[start.unwrap_or(0) as usize..end.unwrap_or(0) as usize]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use serde::Serialize;
use serde_json::{Value, json};

use crate::parse::{Block, Document};
use crate::query::{Facets, SearchResults, SyntaxError};
use crate::tag::{
    DroppedCandidate, Entity, ExplainedEntity, ExplainedQuote, Quote, QuoteKind, RuleId,
};

/// A list written element by element, each through `f`.
struct Seq<'a, T, F>(&'a [T], F);

impl<'a, T, R: Serialize, F: Fn(&'a T) -> R> Serialize for Seq<'a, T, F> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(&self.1))
    }
}

/// One block of `dateline parse --json`: `{"end","kind","reason","start","text"}`,
/// with `"source_start"`/`"source_end"` (the byte range of the page it came
/// from) for a block read from HTML.
#[derive(Debug, Clone, Serialize)]
pub struct BlockRecord<'a> {
    /// Byte offset of the end.
    pub end: usize,
    /// The block kind (`title`, `paragraph`, …).
    pub kind: &'static str,
    /// Why a non-paragraph block was classified so.
    pub reason: Option<&'a str>,
    /// End of the HTML the block came from, for a block read from a page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_end: Option<usize>,
    /// Start of the HTML the block came from, for a block read from a page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_start: Option<usize>,
    /// Byte offset of the start.
    pub start: usize,
    /// The block's text.
    pub text: &'a str,
}

/// The record of one block of `doc`.
pub fn block<'a>(doc: &'a Document, b: &'a Block) -> BlockRecord<'a> {
    BlockRecord {
        end: b.span.end,
        kind: b.kind.as_str(),
        reason: b.reason.as_deref(),
        source_end: b.source.map(|s| s.end),
        source_start: b.source.map(|s| s.start),
        start: b.span.start,
        text: doc.block_text(b),
    }
}

/// One document as `dateline parse --json` writes it:
/// `{"authors","blocks","date","id","language","site","title","url"}`, with
/// `"canonical_url"` and `"date_source"` when known.
pub fn document(doc: &Document) -> impl Serialize + '_ {
    #[derive(Serialize)]
    struct DocumentRecord<'a, B: Serialize> {
        authors: &'a [String],
        blocks: B,
        #[serde(skip_serializing_if = "Option::is_none")]
        canonical_url: Option<&'a str>,
        date: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        date_source: Option<&'a str>,
        id: &'a str,
        language: Option<&'a str>,
        site: Option<&'a str>,
        title: Option<&'a str>,
        url: Option<&'a str>,
    }
    DocumentRecord {
        authors: &doc.authors,
        blocks: Seq(&doc.blocks, move |b| block(doc, b)),
        canonical_url: doc.canonical_url.as_deref(),
        date: doc.date.map(|d| d.to_string()),
        date_source: doc.date_source.as_deref(),
        id: &doc.id,
        language: doc.language.as_deref(),
        site: doc.site.as_deref(),
        title: doc.title.as_deref(),
        url: doc.url.as_deref(),
    }
}

/// One entity mention:
/// `{"canonical","end","label","rules","sense","start","text","value"}`,
/// `"sense"` only for GPE mentions (the place, the state acting under its
/// name, or a team); `"rules"` the ids of the rules that shaped it, in the
/// order they acted.
#[derive(Debug, Clone, Serialize)]
pub struct EntityRecord<'a> {
    /// The canonical name.
    pub canonical: &'a str,
    /// Byte offset of the end.
    pub end: usize,
    /// The label (`PERSON`, `GPE`, …).
    pub label: &'static str,
    /// Ids of the rules that made the entity.
    pub rules: &'a [RuleId],
    /// A GPE mention's sense.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sense: Option<&'static str>,
    /// Byte offset of the start.
    pub start: usize,
    /// The surface text.
    pub text: &'a str,
    /// The normalized value of a date or amount.
    pub value: Option<&'a str>,
}

/// The record of one entity mention and the rules that made it.
pub fn entity<'a>(e: &'a Entity, rules: &'a [RuleId]) -> EntityRecord<'a> {
    EntityRecord {
        canonical: &e.canonical,
        end: e.span.end,
        label: e.label.as_str(),
        rules,
        sense: e.sense.map(|s| s.as_str()),
        start: e.span.start,
        text: &e.text,
        value: e.value.as_deref(),
    }
}

/// A candidate that did not become an entity (`entities --json --explain`):
/// `{"dropped_by","end","label","rules","start","text"}`.
#[derive(Debug, Clone, Serialize)]
pub struct DroppedRecord<'a> {
    /// The rule that dropped it.
    pub dropped_by: RuleId,
    /// Byte offset of the end.
    pub end: usize,
    /// Its label when it was dropped.
    pub label: &'static str,
    /// The rules that had shaped it.
    pub rules: &'a [RuleId],
    /// Byte offset of the start.
    pub start: usize,
    /// Its text.
    pub text: &'a str,
}

/// The record of one dropped candidate.
pub fn dropped(d: &DroppedCandidate) -> DroppedRecord<'_> {
    DroppedRecord {
        dropped_by: d.dropped_by,
        end: d.span.end,
        label: d.label.as_str(),
        rules: &d.rules,
        start: d.span.start,
        text: &d.text,
    }
}

/// The entities of one document as `dateline entities --json` writes them:
/// `{"entities":[…],"id"}`, and `"dropped":[…]` when `dropped` is given
/// (`--explain`).
pub fn entities<'a>(
    id: &'a str,
    entities: &'a [ExplainedEntity],
    dropped_candidates: Option<&'a [DroppedCandidate]>,
) -> impl Serialize + 'a {
    #[derive(Serialize)]
    struct EntitiesRecord<'a, D: Serialize, L: Serialize> {
        #[serde(skip_serializing_if = "Option::is_none")]
        dropped: Option<D>,
        entities: L,
        id: &'a str,
    }
    EntitiesRecord {
        dropped: dropped_candidates.map(|d| Seq(d, dropped)),
        entities: Seq(entities, |x: &'a ExplainedEntity| {
            entity(&x.entity, &x.rules)
        }),
        id,
    }
}

/// One quotation:
/// `{"cue","end","kind","rules","speaker","speaker_end","speaker_start","start","text"}`;
/// `"rules"` are the ids of the attribution rules that acted, in order.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteRecord<'a> {
    /// The speech cue as written.
    pub cue: Option<&'a str>,
    /// Byte offset of the end.
    pub end: usize,
    /// Statement or phrase.
    pub kind: QuoteKind,
    /// Ids of the attribution rules that found the cue or the speaker.
    pub rules: &'a [&'static str],
    /// The speaker's canonical name.
    pub speaker: Option<&'a str>,
    /// Byte offset of the end of the speaker's mention.
    pub speaker_end: Option<usize>,
    /// Byte offset of the speaker's mention.
    pub speaker_start: Option<usize>,
    /// Byte offset of the start.
    pub start: usize,
    /// The quoted text.
    pub text: &'a str,
}

/// The record of one quotation and the rules that attributed it.
pub fn quote<'a>(q: &'a Quote, rules: &'a [&'static str]) -> QuoteRecord<'a> {
    QuoteRecord {
        cue: q.cue.as_deref(),
        end: q.span.end,
        kind: q.kind,
        rules,
        speaker: q.speaker.as_deref(),
        speaker_end: q.speaker_span.map(|s| s.end),
        speaker_start: q.speaker_span.map(|s| s.start),
        start: q.span.start,
        text: &q.text,
    }
}

/// The quotations of one document as `dateline quotes --json` writes them:
/// `{"id","quotes":[…]}`.
pub fn quotes<'a>(id: &'a str, quotes: &'a [ExplainedQuote]) -> impl Serialize + 'a {
    #[derive(Serialize)]
    struct QuotesRecord<'a, L: Serialize> {
        id: &'a str,
        quotes: L,
    }
    QuotesRecord {
        id,
        quotes: Seq(quotes, |x: &'a ExplainedQuote| quote(&x.quote, &x.rules)),
    }
}

/// A score rounded to four decimals, as the JSON output shows it.
fn round(score: f32) -> f64 {
    (f64::from(score) * 1e4).round() / 1e4
}

/// Search results as `dateline search --json` prints them:
/// `{"query","total","hits":[{"id","score","title","date","snippet","highlights"}],"facets"}`.
pub fn search_results(query: &str, r: &SearchResults) -> Value {
    let hits: Vec<Value> = r
        .hits
        .iter()
        .map(|h| {
            let highlights: Vec<Value> =
                h.highlights.iter().map(|s| json!({"start": s.start, "end": s.end})).collect();
            json!({"id": h.id, "score": round(h.score), "title": h.title,
                   "date": h.date.map(|d| d.to_string()), "snippet": h.snippet, "highlights": highlights})
        })
        .collect();
    let facets = r.facets.as_ref().map(facets);
    json!({"query": query, "total": r.total, "hits": hits, "facets": facets})
}

/// Facets: `{"entities":{LABEL:[{"name","count"}]},"months":[{"month","count"}],"undated"}`.
pub fn facets(f: &Facets) -> Value {
    let mut entities = serde_json::Map::new();
    for (label, list) in &f.entities {
        let v: Vec<Value> = list
            .iter()
            .map(|c| json!({"name": c.entity.canonical, "count": c.count}))
            .collect();
        entities.insert(label.as_str().to_string(), Value::Array(v));
    }
    let months: Vec<Value> = f
        .months
        .iter()
        .map(|m| json!({"month": format!("{:04}-{:02}", m.year, m.month), "count": m.count}))
        .collect();
    json!({"entities": entities, "months": months, "undated": f.undated})
}

/// The message for a malformed query: the error, then the query (a long
/// one around the error only) with a caret under the position.
///
/// ```
/// let query = "person:(bolton";
/// let Err(e) = dateline::query::parse_query(query) else { panic!("a malformed query") };
/// let message = dateline::json::query_error(query, &e);
/// assert!(message.starts_with("invalid query "));
/// assert!(message.ends_with('^'));
/// ```
pub fn query_error(query: &str, e: &SyntaxError) -> String {
    // A long query is shown around the error only.
    let (shown, column) = excerpt(query, e.position);
    let pad = " ".repeat(column);
    format!("invalid query {e}\n  {shown}\n  {pad}^")
}

/// A query shortened for an error message: at most `WINDOW` characters
/// around character `position` (1-based), with `…` where text was cut, and
/// the column of `position` in the shortened text.
fn excerpt(text: &str, position: usize) -> (String, usize) {
    const WINDOW: usize = 60;
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= WINDOW {
        return (text.to_string(), position.saturating_sub(1));
    }
    let at = position.saturating_sub(1).min(chars.len());
    let start = at.saturating_sub(WINDOW / 2);
    let end = (start + WINDOW).min(chars.len());
    let start = end.saturating_sub(WINDOW);
    let mut out = String::new();
    let mut column = at - start;
    if start > 0 {
        out.push('…');
        column += 1;
    }
    out.extend(&chars[start..end]);
    if end < chars.len() {
        out.push('…');
    }
    (out, column)
}

#[cfg(test)]
mod tests {
    use super::excerpt;

    #[test]
    fn long_queries_are_cut_around_the_error() {
        assert_eq!(excerpt("a b", 3), ("a b".to_string(), 2));
        let long = format!("{}ERR{}", "x".repeat(500), "y".repeat(500));
        let (s, col) = excerpt(&long, 501);
        assert!(s.chars().count() <= 62, "{s}");
        assert_eq!(s.chars().nth(col), Some('E'));
        assert!(s.starts_with('…') && s.ends_with('…'));
    }
}
