//! The corpus every bench measures: the Wikinews 2019-2021 articles of the
//! data directory (`DATELINE_DATA`, or `../shared` beside the workspace) when
//! present, else the five embedded sample articles. Each bench prints which
//! one it measured and how many bytes.

// Each bench binary includes this module and uses a part of it.
#![allow(dead_code)]

use dateline::parse::{Document, InputOptions, Record};
use dateline_data::{DataDir, sets};

/// The texts a bench measures.
pub(crate) struct Corpus {
    /// What was read, for the printed line.
    pub(crate) name: String,
    /// The article texts, in order.
    pub(crate) texts: Vec<String>,
    /// The JSON Lines file's bytes, when the Wikinews corpus was found.
    raw: Option<Vec<u8>>,
}

impl Corpus {
    /// Loads the corpus and prints `BENCH: measuring NAME (N articles, B bytes)`.
    pub(crate) fn load(bench: &str) -> Corpus {
        let found = DataDir::find(None, &sets::WIKINEWS_2019_2021)
            .ok()
            .and_then(|path| std::fs::read(&path).ok().map(|raw| (path, raw)));
        let corpus = match found {
            Some((path, raw)) => {
                let texts = String::from_utf8_lossy(&raw)
                    .lines()
                    .filter(|l| !l.trim().is_empty())
                    .filter_map(|l| Record::from_json(l, "text").ok().map(|r| r.text))
                    .collect();
                Corpus {
                    name: format!("Wikinews 2019-2021 ({})", path.display()),
                    texts,
                    raw: Some(raw),
                }
            }
            None => Corpus {
                name: "the embedded sample articles (no data directory)".into(),
                texts: dateline::samples::ARTICLES
                    .iter()
                    .map(|s| s.text.to_string())
                    .collect(),
                raw: None,
            },
        };
        eprintln!(
            "{bench}: measuring {} ({} articles, {} bytes)",
            corpus.name,
            corpus.texts.len(),
            corpus.bytes()
        );
        corpus
    }

    /// Whether this is the Wikinews corpus (the figures in docs/PERFORMANCE.md).
    pub(crate) fn is_wikinews(&self) -> bool {
        self.raw.is_some()
    }

    /// Bytes of article text.
    pub(crate) fn bytes(&self) -> usize {
        self.texts.iter().map(String::len).sum()
    }

    /// The articles as documents, with their records' ids, titles and dates.
    pub(crate) fn documents(&self) -> Vec<Document> {
        match &self.raw {
            Some(raw) => {
                dateline::parse::read_jsonl(&raw[..], "wikinews", &InputOptions::default())
                    .into_iter()
                    .filter_map(Result::ok)
                    .collect()
            }
            None => dateline::samples::documents().unwrap_or_default(),
        }
    }
}
