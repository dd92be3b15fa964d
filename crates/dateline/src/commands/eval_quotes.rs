//! `dateline eval quotes [--json] [--errors] [--gold-entities] [--gold FILE] [--seeds-dir DIR]
//! [--split dev|test|all] [--no-news] [--data-dir DIR]`
//!
//! Scores quotation detection and speaker attribution against the
//! hand-checked gold of the seed articles (the project's own,
//! `crates/dateline-tag/eval-data/quotes_gold.json`, embedded in the binary
//! with the articles; see docs/EVALUATION.md), then against the news gold
//! (`quotes_news_gold.json`, also embedded), whose article texts are read
//! from the data directory, for its dev and test documents apart.
//! `--errors` lists the news disagreements of the dev documents only, unless
//! `--split test` asks for the held-out ones.
//! The articles are parsed and tagged end to end; with `--gold-entities` the
//! entity gold of the seeds replaces the tagger's mentions, which isolates
//! the quotation layer from entity errors.

use std::io::Write;
use std::path::{Path, PathBuf};

use dateline_tag::eval::SeedsGold;
use dateline_tag::{
    Entity, GoldDocument, Label, Quote, QuoteScores, Span, Split, Tagger, score_quotes,
};
use serde_json::json;

use super::{CliError, CmdResult};

/// Arguments of `dateline eval quotes`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Print one JSON object instead of a table.
    #[arg(long)]
    json: bool,
    /// List every disagreement with the gold before the scores.
    #[arg(long)]
    errors: bool,
    /// Use the seeds' entity gold instead of the tagger's entities.
    #[arg(long)]
    gold_entities: bool,
    /// The quotation gold file (default: the embedded gold of the sample articles).
    #[arg(long, value_name = "FILE")]
    gold: Option<PathBuf>,
    /// Directory holding the articles named in the gold (default: the embedded sample articles).
    #[arg(long, value_name = "DIR")]
    seeds_dir: Option<PathBuf>,
    /// Which documents of the news gold to score.
    #[arg(long, value_enum, default_value = "all")]
    split: SplitArg,
    /// Score the sample articles only, not the news gold.
    #[arg(long)]
    no_news: bool,
    #[command(flatten)]
    data: super::DataArgs,
}

/// `--split`: the news gold's documents to score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum SplitArg {
    /// Development documents.
    Dev,
    /// Held-out test documents.
    Test,
    /// Both, reported apart.
    All,
}

#[derive(serde::Deserialize)]
struct GoldFile {
    documents: Vec<GoldDocument>,
}

fn read(path: &Path) -> Result<String, CliError> {
    std::fs::read_to_string(path).map_err(|e| CliError::Failed(format!("{}: {e}", path.display())))
}

fn label(name: &str) -> Option<Label> {
    name.parse().ok()
}

/// The seeds' entity gold (the embedded file), per file name.
fn gold_entities() -> Result<SeedsGold, CliError> {
    serde_json::from_str(super::gold::SEEDS)
        .map_err(|e| CliError::Failed(format!("the embedded seeds gold: {e}")))
}

pub(crate) fn run(args: Args) -> CmdResult {
    let (gold_source, gold_text) = match &args.gold {
        Some(path) => (path.display().to_string(), read(path)?),
        None => (
            "the embedded quotes gold".into(),
            super::gold::QUOTES.into(),
        ),
    };
    let gold: GoldFile = serde_json::from_str(&gold_text)
        .map_err(|e| CliError::Failed(format!("{gold_source}: {e}")))?;
    let entity_gold = if args.gold_entities {
        Some(gold_entities()?)
    } else {
        None
    };

    let tagger = Tagger::new();
    let parser = dateline_tag::parse::Parser::new();
    let mut predicted: Vec<(String, Vec<Quote>)> = Vec::new();
    for g in &gold.documents {
        let file = format!("{}.txt", g.id);
        let doc = parser
            .parse(
                g.id.clone(),
                super::sample_text(args.seeds_dir.as_deref(), &file)?,
            )
            .map_err(|e| CliError::Failed(format!("{file}: {e}")))?;
        for q in &g.quotes {
            if doc.text.get(q.start..q.end) != Some(q.text.as_str()) {
                return Err(CliError::Failed(format!(
                    "{}: gold quote at {}..{} does not match the article text",
                    gold_source, q.start, q.end
                )));
            }
        }
        let entities: Vec<Entity> = match &entity_gold {
            Some(eg) => eg
                .files
                .get(&format!("{}.txt", g.id))
                .map(|f| {
                    f.entities
                        .iter()
                        .filter(|m| !m.boilerplate)
                        .filter_map(|m| {
                            Some(Entity {
                                span: Span::new(m.byte_start, m.byte_end),
                                text: m.text.clone(),
                                label: label(&m.label)?,
                                canonical: m.canonical.clone(),
                                value: m.value.clone(),
                                sense: None,
                            })
                        })
                        .collect()
                })
                .unwrap_or_default(),
            None => tagger.entities(&doc),
        };
        predicted.push((g.id.clone(), tagger.quotes(&doc, &entities)));
    }
    let s = score_quotes(&gold.documents, &predicted);
    let news = if args.no_news {
        Vec::new()
    } else {
        super::eval_news::score(&tagger, &args.data, args.split == SplitArg::Test)?
            .into_iter()
            .filter(|(split, _)| match args.split {
                SplitArg::All => true,
                SplitArg::Dev => *split == Split::Dev,
                SplitArg::Test => *split == Split::Test,
            })
            .collect()
    };
    // Held-out errors are listed only when asked for by name.
    let show_errors =
        |split: Split| args.errors && (split == Split::Dev || args.split == SplitArg::Test);

    let mut out = crate::output::stdout()?;
    if args.json {
        let counts = |c: dateline_tag::Counts| {
            json!({"tp": c.tp, "fp": c.fp, "fn": c.fn_, "precision": c.precision(),
                   "recall": c.recall(), "f1": c.f1()})
        };
        let mut v = json!({
            "documents": gold.documents.len(),
            "gold_quotes": s.gold_total,
            "entities": if args.gold_entities { "gold" } else { "tagger" },
            "exact": counts(s.exact),
            "overlap": counts(s.overlap),
            "speaker_accuracy": s.speaker_accuracy(),
            "speaker_correct": s.speaker_correct,
            "speaker_total": s.speaker_total,
            "attribution_accuracy": s.attribution_accuracy(),
            "kind_accuracy": s.kind_accuracy(),
            "cue_accuracy": s.cue_accuracy(),
        });
        if args.errors {
            v["errors"] =
                serde_json::to_value(&s.errors).map_err(|e| CliError::Failed(e.to_string()))?;
        }
        if !news.is_empty() {
            let mut n = serde_json::Map::new();
            for (split, ns) in &news {
                let mut j = super::eval_news::json(ns);
                if show_errors(*split) {
                    j["errors"] = serde_json::to_value(&ns.errors)
                        .map_err(|e| CliError::Failed(e.to_string()))?;
                    j["names"]["errors"] = serde_json::to_value(&ns.names.errors)
                        .map_err(|e| CliError::Failed(e.to_string()))?;
                }
                n.insert(split.as_str().to_string(), j);
            }
            v["news"] = serde_json::Value::Object(n);
        }
        serde_json::to_writer(&mut out, &v).map_err(|e| CliError::Failed(e.to_string()))?;
        writeln!(out)?;
    } else {
        if args.errors {
            print_errors(&mut out, &s.errors)?;
        }
        print_table(&mut out, &s, gold.documents.len(), args.gold_entities)?;
        for (split, ns) in &news {
            writeln!(out)?;
            if show_errors(*split) {
                print_errors(&mut out, &ns.errors)?;
                print_errors(&mut out, &ns.names.errors)?;
            }
            super::eval_news::print(&mut out, *split, ns)?;
        }
    }
    out.flush()?;
    Ok(std::process::ExitCode::SUCCESS)
}

pub(crate) fn print_errors(
    out: &mut impl Write,
    errors: &[dateline_tag::QuoteError],
) -> std::io::Result<()> {
    for e in errors {
        let short: String = e.text.chars().take(60).collect();
        writeln!(
            out,
            "{}\t{}\t{:?}\texpected {}\tfound {}",
            e.id,
            e.what,
            short,
            e.expected.as_deref().unwrap_or("-"),
            e.found.as_deref().unwrap_or("-")
        )?;
    }
    writeln!(out)
}

fn print_table(
    out: &mut impl Write,
    s: &QuoteScores,
    docs: usize,
    gold_entities: bool,
) -> std::io::Result<()> {
    let source = if gold_entities {
        "gold entities"
    } else {
        "tagger entities"
    };
    writeln!(
        out,
        "quotations: {docs} documents, {} gold quotes ({source})",
        s.gold_total
    )?;
    writeln!(
        out,
        "{:<22} {:>9} {:>9} {:>9} {:>5} {:>5} {:>5}",
        "detection", "precision", "recall", "f1", "tp", "fp", "fn"
    )?;
    for (name, c) in [("exact span", s.exact), ("overlap", s.overlap)] {
        writeln!(
            out,
            "{:<22} {:>9.3} {:>9.3} {:>9.3} {:>5} {:>5} {:>5}",
            name,
            c.precision(),
            c.recall(),
            c.f1(),
            c.tp,
            c.fp,
            c.fn_
        )?;
    }
    writeln!(
        out,
        "speaker accuracy       {:>9.3}  ({}/{} found quotes)",
        s.speaker_accuracy(),
        s.speaker_correct,
        s.speaker_total
    )?;
    writeln!(
        out,
        "attribution accuracy   {:>9.3}  ({}/{} gold quotes)",
        s.attribution_accuracy(),
        s.speaker_correct,
        s.gold_total
    )?;
    writeln!(out, "kind accuracy          {:>9.3}", s.kind_accuracy())?;
    writeln!(out, "cue accuracy           {:>9.3}", s.cue_accuracy())
}
