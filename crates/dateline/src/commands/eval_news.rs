//! The news part of `dateline eval quotes`: the embedded news quotation gold
//! (`crates/dateline-tag/eval-data/quotes_news_gold.json`), its article texts
//! read from the data directory (the ScrapingHub ground truth's article
//! bodies and Wikinews 2019-2021) or embedded (the project-written fixture
//! articles), tagged end to end and scored for the dev and test documents
//! apart.

use std::collections::HashMap;
use std::io::{BufRead, Write};

use dateline_tag::{CueKind, NewsGold, NewsGoldDocument, NewsScores, Quote, Split, Tagger};
use serde_json::json;

use super::{CliError, DataArgs};

/// The ScrapingHub ground truth inside the HTML sets' directory.
const SCRAPINGHUB: &str = "scrapinghub/ground-truth.json";

fn failed(what: impl std::fmt::Display) -> CliError {
    CliError::Failed(what.to_string())
}

/// The texts the gold names, by `(source, id)`.
fn texts(data: &DataArgs, gold: &NewsGold) -> Result<HashMap<(String, String), String>, CliError> {
    let mut out = HashMap::new();
    for (id, text) in super::gold::QUOTES_FIXTURES {
        out.insert(("fixture".to_string(), id.to_string()), text.to_string());
    }
    let wanted = |source: &str| gold.documents.iter().any(|d| d.source == source);
    if wanted("scrapinghub") {
        let path = data.find(&dateline_data::sets::HTML)?.join(SCRAPINGHUB);
        #[derive(serde::Deserialize)]
        struct Page {
            #[serde(rename = "articleBody")]
            article_body: String,
        }
        let pages: HashMap<String, Page> = serde_json::from_str(&super::read_text(&path)?)
            .map_err(|e| failed(format!("{}: {e}", path.display())))?;
        for (id, page) in pages {
            out.insert(("scrapinghub".to_string(), id), page.article_body);
        }
    }
    if wanted("wikinews-2019-2021") {
        let path = data.find(&dateline_data::sets::WIKINEWS_2019_2021)?;
        let file = std::fs::File::open(&path)
            .map_err(|e| failed(format!("cannot read {}: {e}", path.display())))?;
        #[derive(serde::Deserialize)]
        struct Record {
            id: String,
            text: String,
        }
        for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
            let line = line.map_err(|e| failed(format!("{}: {e}", path.display())))?;
            if line.trim().is_empty() {
                continue;
            }
            let r: Record = serde_json::from_str(&line)
                .map_err(|e| failed(format!("{}:{}: {e}", path.display(), n + 1)))?;
            out.insert(("wikinews-2019-2021".to_string(), r.id), r.text);
        }
    }
    Ok(out)
}

/// Tags every article of the news gold and scores each split present.
/// `test_errors` keeps the held-out documents' disagreements (otherwise
/// they are dropped, so that they are not read while tuning).
pub(crate) fn score(
    tagger: &Tagger,
    data: &DataArgs,
    test_errors: bool,
) -> Result<Vec<(Split, NewsScores)>, CliError> {
    let gold: NewsGold = serde_json::from_str(super::gold::QUOTES_NEWS)
        .map_err(|e| failed(format!("the embedded news quotes gold: {e}")))?;
    let texts = texts(data, &gold)?;
    let parser = dateline_tag::parse::Parser::new();
    let mut out = Vec::new();
    for split in [Split::Dev, Split::Test] {
        let mut docs: Vec<(NewsGoldDocument, &str, Vec<Quote>)> = Vec::new();
        let mut named: Vec<(NewsGoldDocument, &str, Vec<dateline_tag::Entity>)> = Vec::new();
        for g in gold.documents.iter().filter(|d| d.split == split) {
            let text = texts
                .get(&(g.source.clone(), g.id.clone()))
                .ok_or_else(|| {
                    failed(format!("{} {}: not in the data directory", g.source, g.id))
                })?;
            if text.chars().count() != g.chars {
                return Err(failed(format!(
                    "{} {}: the text has {} characters, the gold was annotated on {}",
                    g.source,
                    g.id,
                    text.chars().count(),
                    g.chars
                )));
            }
            let doc = parser
                .parse(g.id.clone(), text.clone())
                .map_err(|e| failed(format!("{} {}: {e}", g.source, g.id)))?;
            if doc.text != *text {
                return Err(failed(format!(
                    "{} {}: the parser changed the text",
                    g.source, g.id
                )));
            }
            let entities = tagger.entities(&doc);
            let quotes = tagger.quotes(&doc, &entities);
            docs.push((g.clone(), text.as_str(), quotes));
            named.push((g.clone(), text.as_str(), entities));
        }
        if docs.is_empty() {
            continue;
        }
        let mut s = dateline_tag::score_news(&docs).map_err(failed)?;
        s.names = dateline_tag::score_names(&named);
        if split == Split::Test && !test_errors {
            s.errors.clear();
            s.names.errors.clear();
        }
        out.push((split, s));
    }
    Ok(out)
}

/// The JSON object of one split's scores.
pub(crate) fn json(s: &NewsScores) -> serde_json::Value {
    let per_cue: serde_json::Map<String, serde_json::Value> = s
        .per_cue
        .iter()
        .map(|(k, c)| {
            (
                k.as_str().to_string(),
                json!({"total": c.total, "found": c.found, "speaker_right": c.speaker_right}),
            )
        })
        .collect();
    json!({
        "documents": s.documents,
        "gold_quotes": s.overlap.tp + s.overlap.fn_,
        "with_speaker": s.with_speaker,
        "found": s.found(),
        "found_with_speaker": s.found_with_speaker,
        "precision": s.precision(),
        "tp": s.overlap.tp, "fp": s.overlap.fp, "fn": s.overlap.fn_,
        "ignored": s.ignored,
        "speaker_accuracy": s.speaker_accuracy(),
        "speaker_right": s.speaker_right,
        "name_exact": s.name_exact,
        "per_cue": per_cue,
        "names": {
            "speakers": s.names.speakers,
            "canonical_right": s.names.canonical_right,
            "canonical": s.names.canonical(),
            "surnames": s.names.surnames,
            "surnames_linked": s.names.surnames_linked,
            "surname": s.names.surname(),
        },
    })
}

/// The table of one split's scores.
pub(crate) fn print(out: &mut impl Write, split: Split, s: &NewsScores) -> std::io::Result<()> {
    let total = s.overlap.tp + s.overlap.fn_;
    writeln!(
        out,
        "news quotations, {}: {} documents, {} gold quotes ({} with a speaker)",
        split.as_str(),
        s.documents,
        total,
        s.with_speaker
    )?;
    writeln!(
        out,
        "found (with a speaker)  {:>8.3}  ({}/{})",
        s.found(),
        s.found_with_speaker,
        s.with_speaker
    )?;
    writeln!(
        out,
        "precision               {:>8.3}  ({} found, {} spurious, {} on titles and scare quotes)",
        s.precision(),
        s.overlap.tp,
        s.overlap.fp,
        s.ignored
    )?;
    writeln!(
        out,
        "speaker right           {:>8.3}  ({}/{} gold quotes; same name {})",
        s.speaker_accuracy(),
        s.speaker_right,
        total,
        s.name_exact
    )?;
    writeln!(
        out,
        "speaker names right     {:>8.3}  ({}/{} named speakers with a mention of that canonical name)",
        s.names.canonical(),
        s.names.canonical_right,
        s.names.speakers
    )?;
    writeln!(
        out,
        "later surnames linked   {:>8.3}  ({}/{} bare surnames carrying the full name)",
        s.names.surname(),
        s.names.surnames_linked,
        s.names.surnames
    )?;
    writeln!(
        out,
        "{:<14} {:>6} {:>6} {:>8}",
        "cue", "quotes", "found", "speaker"
    )?;
    for (k, c) in &s.per_cue {
        let k: CueKind = *k;
        writeln!(
            out,
            "{:<14} {:>6} {:>6} {:>8}",
            k.as_str(),
            c.total,
            c.found,
            c.speaker_right
        )?;
    }
    Ok(())
}
