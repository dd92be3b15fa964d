//! The JSON records and messages of the `dateline` command line, for every
//! front end that must give the same data.
//!
//! `dateline parse --json`, `entities --json`, `quotes --json` and
//! `search --json` print exactly these values, and the Python package builds
//! its `to_dict()` results from them, so a row from either is the same
//! record. Spans are byte offsets into `Document.text`, as everywhere.
//!
//! ```
//! use dateline::{output, parse::Parser, tag::Tagger};
//!
//! let doc = Parser::new().parse("a", "Talks in Geneva\n\nJohn Bolton met officials in Geneva.\n")?;
//! let entities = Tagger::new().entities(&doc);
//! let line = output::entities(&doc.id, &entities);
//! assert_eq!(line["id"], "a");
//! let first = &line["entities"][0];
//! assert_eq!(first["text"], &doc.text[first["start"].as_u64().unwrap() as usize
//!     ..first["end"].as_u64().unwrap() as usize]);
//! # Ok::<(), dateline::parse::Error>(())
//! ```

use serde_json::{Value, json};

use crate::parse::Document;
use crate::query::{Facets, SearchResults, SyntaxError};
use crate::tag::{Entity, Quote};

/// One document as `dateline parse --json` prints it:
/// `{"id","title","site","date","url","blocks":[{"kind","start","end","text","reason"}]}`.
pub fn document(doc: &Document) -> Value {
    let blocks: Vec<Value> = doc
        .blocks
        .iter()
        .map(|b| {
            json!({"kind": b.kind.as_str(), "start": b.span.start, "end": b.span.end,
                   "text": doc.block_text(b), "reason": b.reason})
        })
        .collect();
    json!({"id": doc.id, "title": doc.title, "site": doc.site,
           "date": doc.date.map(|d| d.to_string()), "url": doc.url, "blocks": blocks})
}

/// One entity mention: `{"text","start","end","label","canonical","value"}`,
/// and `"sense"` for a GPE mention (the place, or the state acting under
/// its name, or a team).
pub fn entity(e: &Entity) -> Value {
    let mut v = json!({"text": e.text, "start": e.span.start, "end": e.span.end,
           "label": e.label.as_str(), "canonical": e.canonical, "value": e.value});
    if let (Some(sense), Some(map)) = (e.sense, v.as_object_mut()) {
        map.insert("sense".into(), sense.as_str().into());
    }
    v
}

/// The entities of one document as `dateline entities --json` prints them:
/// `{"id","entities":[…]}`.
pub fn entities(id: &str, entities: &[Entity]) -> Value {
    let list: Vec<Value> = entities.iter().map(entity).collect();
    json!({"id": id, "entities": list})
}

/// One quotation:
/// `{"text","start","end","speaker","speaker_start","speaker_end","cue","kind"}`.
pub fn quote(q: &Quote) -> Value {
    json!({"text": q.text, "start": q.span.start, "end": q.span.end,
           "speaker": q.speaker, "speaker_start": q.speaker_span.map(|s| s.start),
           "speaker_end": q.speaker_span.map(|s| s.end), "cue": q.cue, "kind": q.kind})
}

/// The quotations of one document as `dateline quotes --json` prints them:
/// `{"id","quotes":[…]}`.
pub fn quotes(id: &str, quotes: &[Quote]) -> Value {
    let list: Vec<Value> = quotes.iter().map(quote).collect();
    json!({"id": id, "quotes": list})
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

/// The message for a malformed query: the error, then the query with a
/// caret under the position.
///
/// ```
/// let query = "person:(bolton";
/// let e = dateline::query::parse_query(query).unwrap_err();
/// let message = dateline::output::query_error(query, &e);
/// assert!(message.starts_with("invalid query "));
/// assert!(message.ends_with('^'));
/// ```
pub fn query_error(query: &str, e: &SyntaxError) -> String {
    let pad = " ".repeat(e.position.saturating_sub(1));
    format!("invalid query {e}\n  {query}\n  {pad}^")
}
