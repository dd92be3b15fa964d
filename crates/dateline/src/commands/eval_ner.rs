//! `dateline eval ner [--set NAME] [--json] [--sentences] [--data-dir DIR] [--gold-dir DIR]`
//!
//! Scores entity tagging against the gold sets: the sample articles' gold
//! (the project's own, embedded) and the sentence sets of the data directory
//! (`DIR/eval/ner/…`, see docs/EVALUATION.md). Sentence sets are
//! tagged document by document, one paragraph per gold sentence (tokens joined
//! by single spaces), or sentence by sentence with `--per-sentence`
//! (`--sentences`: sentence by sentence, every GPE scored as LOC); the seed
//! articles are parsed and tagged as whole articles.

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use dateline_data::{DataSet, sets};
use dateline_tag::eval::{self, ArticleCounts, GoldSentence, Prf, SeedsGold, SpanCounts};
use dateline_tag::{Label, NerModel, Span, Tagger, Tokenizer};
use serde_json::{Value, json};

use super::{CliError, CmdResult};

/// Which gold set to score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum SetName {
    /// The five seed articles (mentions, canonical names, dates).
    Seeds,
    /// wikigold (Wikipedia, PER/ORG/LOC/MISC).
    Wikigold,
    /// Universal NER English-PUD test (news and Wikipedia, PER/ORG/LOC).
    UnerPud,
    /// Universal NER English-EWT test (web text, PER/ORG/LOC).
    UnerEwt,
    /// Universal NER English-EWT dev, the development set: rules and settings are
    /// checked here before the test sets.
    UnerEwtDev,
    /// Every set above.
    All,
}

/// Arguments of `dateline eval ner`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The gold set to score.
    #[arg(long, value_enum, default_value = "all")]
    set: SetName,
    /// Print one JSON object per set instead of tables.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    data: super::DataArgs,
    /// Directory holding the gold sets in the layout of DIR/eval/ner
    /// (`wikigold/wikigold.conll.txt`, `uner_en_pud/…`, `seeds_gold.json`); default:
    /// the data directory's, and the embedded gold of the sample articles.
    #[arg(long, value_name = "DIR")]
    gold_dir: Option<PathBuf>,
    /// Directory holding the seed articles (default: the embedded sample articles).
    #[arg(long, value_name = "DIR")]
    seeds_dir: Option<PathBuf>,
    /// Score the learned model alone on the sentence sets (knowledge-base hints as features, no rules).
    #[arg(long)]
    model_only: bool,
    /// Score this model file alone (implies --model-only).
    #[arg(long, value_name = "FILE")]
    model: Option<PathBuf>,
    /// Score the knowledge base and rules alone, with the learned model switched off.
    #[arg(long, conflicts_with_all = ["model_only", "model"])]
    no_model: bool,
    /// Score the full tagger (knowledge base, rules and model) with this model
    /// file instead of the bundled one.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["model_only", "model", "no_model"])]
    tagger_model: Option<PathBuf>,
    /// Print every wrong or missed entity (`+` spurious, `-` missed) before the scores.
    #[arg(long)]
    errors: bool,
    /// On the UNER sets, score a GPE as CoNLL does: LOC, also where it names the state
    /// acting, and ORG only as a sports team (by default a GPE naming the state acting is
    /// ORG too, as the UNER guidelines label it).
    #[arg(long)]
    gpe_as_loc: bool,
    /// Tag each gold sentence alone, instead of each gold document as one text
    /// (one paragraph per sentence).
    #[arg(long)]
    per_sentence: bool,
    /// Tag each gold sentence alone and score every GPE as LOC (`--per-sentence
    /// --gpe-as-loc` together): the setting of newswire benchmarks.
    #[arg(long)]
    sentences: bool,
    /// Score the full tagger with the pass or rule ID switched off (repeatable; the ids are
    /// those of `--explain`): a rule's worth is the score with it less the score without.
    #[arg(long, value_name = "ID", conflicts_with_all = ["model_only", "model"])]
    disable: Vec<String>,
}

/// Reads a model file.
fn read_model(path: &std::path::Path, flag: &str) -> Result<NerModel, CliError> {
    let bytes = std::fs::read(path)
        .map_err(|e| CliError::Failed(format!("cannot read {flag} {}: {e}", path.display())))?;
    NerModel::from_bytes(&bytes).map_err(|e| CliError::Failed(format!("{}: {e}", path.display())))
}

/// The tagger to score: bundled model, none, or `--tagger-model`.
fn make_tagger(args: &Args) -> Result<Tagger, CliError> {
    let builder = match &args.tagger_model {
        Some(path) => Tagger::builder().model(Some(read_model(path, "--tagger-model")?)),
        None => Tagger::builder().bundled_model(!args.no_model),
    };
    args.disable
        .iter()
        .fold(builder, |b, id| b.disable(id))
        .build()
        .map_err(|e| CliError::Failed(e.to_string()))
}

/// Where a sentence set's gold file is: under `--gold-dir` when given, else
/// in the data directory.
fn gold_file(args: &Args, set: &DataSet) -> Result<PathBuf, CliError> {
    match &args.gold_dir {
        Some(dir) => {
            let rel = set.path.strip_prefix("eval/ner/").unwrap_or(set.path);
            let path = dir.join(rel);
            if path.exists() {
                Ok(path)
            } else {
                Err(CliError::Failed(format!(
                    "{} not found at {}",
                    set.name,
                    path.display()
                )))
            }
        }
        None => args.data.find(set),
    }
}

pub(crate) fn run(mut args: Args) -> CmdResult {
    if args.sentences {
        args.per_sentence = true;
        args.gpe_as_loc = true;
    }
    // Before any table is printed: the model file must be there.
    if let Some(model) = &args.model {
        super::check_readable_file(model, "--model")?;
    }
    if let Some(model) = &args.tagger_model {
        super::check_readable_file(model, "--tagger-model")?;
    }
    let names: Vec<SetName> = match args.set {
        SetName::All => vec![
            SetName::Seeds,
            SetName::Wikigold,
            SetName::UnerPud,
            SetName::UnerEwt,
            SetName::UnerEwtDev,
        ],
        s => vec![s],
    };
    let mut out = crate::output::stdout()?;
    // A set missing from the data directory is reported and the others are
    // still scored; the exit code then says that something was missing.
    let mut missing = 0;
    for set in names {
        let conll_set = match set {
            SetName::Wikigold => Some((&sets::WIKIGOLD, true)),
            SetName::UnerPud => Some((&sets::UNER_PUD, false)),
            SetName::UnerEwt => Some((&sets::UNER_EWT_TEST, false)),
            SetName::UnerEwtDev => Some((&sets::UNER_EWT_DEV, false)),
            SetName::Seeds | SetName::All => None,
        };
        let report = match conll_set {
            None => seeds(&args, &mut out)?,
            Some((data, has_misc)) => match gold_file(&args, data) {
                Ok(path) => conll(data.name, &path, has_misc, &args, &mut out)?,
                Err(e) => {
                    out.flush()?;
                    report!("error: {e}");
                    missing += 1;
                    continue;
                }
            },
        };
        if args.json {
            super::write_json(&mut out, &report)?;
        } else {
            print_table(&mut out, &report)?;
        }
    }
    out.flush()?;
    super::finish(missing)
}

fn prf_json(c: &Prf) -> Value {
    json!({"precision": c.precision(), "recall": c.recall(), "f1": c.f1(), "tp": c.tp, "fp": c.fp, "fn": c.fn_})
}

fn counts_json(c: &SpanCounts) -> Value {
    let labels: serde_json::Map<String, Value> = c
        .per_label
        .iter()
        .map(|(l, p)| (l.clone(), prf_json(p)))
        .collect();
    json!({"labels": labels, "overall": prf_json(&c.overall())})
}

/// Predicted entities of a whole gold document, as token ranges per sentence.
fn predict_document(
    tagger: &Tagger,
    model: Option<&NerModel>,
    text: &str,
    sents: &[Vec<std::ops::Range<usize>>],
    keep_misc: bool,
    agents_as_org: bool,
) -> Vec<Vec<(std::ops::Range<usize>, String)>> {
    let keep = |l: &str| keep_misc || l != "MISC";
    let mut spans: Vec<(Span, String)> = Vec::new();
    let blocks: Vec<Span> = sents
        .iter()
        .filter_map(|o| Some(Span::new(o.first()?.start, o.last()?.end)))
        .collect();
    if let Some(model) = model {
        let tokens = Tokenizer::new().tokens(text);
        let kb = dateline_tag::KnowledgeBase::bundled().hints(&tokens);
        let ranges: Vec<std::ops::Range<usize>> = blocks
            .iter()
            .map(|b| {
                let a = tokens.partition_point(|t| t.span.start < b.start);
                let z = tokens.partition_point(|t| t.span.start < b.end);
                a..z
            })
            .collect();
        for s in model.predict(&tokens, &ranges, &kb) {
            let (Some(first), Some(last)) = (
                tokens.get(s.tokens.start),
                s.tokens.end.checked_sub(1).and_then(|e| tokens.get(e)),
            ) else {
                continue;
            };
            if let Some(l) = eval::coarse_label(s.label).filter(|l| keep(l)) {
                spans.push((Span::new(first.span.start, last.span.end), l.to_string()));
            }
        }
    } else {
        let doc = eval::paragraphs_document(text, &blocks);
        let scheme = if keep_misc || !agents_as_org {
            eval::Scheme::Conll
        } else {
            eval::Scheme::Uner
        };
        for e in tagger.entities(&doc) {
            if let Some(l) = eval::scheme_label(scheme, &e).filter(|l| keep(l)) {
                spans.push((e.span, l.to_string()));
            }
        }
    }
    sents
        .iter()
        .zip(&blocks)
        .map(|(offsets, b)| {
            let inside: Vec<(Span, String)> = spans
                .iter()
                .filter(|(s, _)| s.start >= b.start && s.end <= b.end)
                .cloned()
                .collect();
            eval::spans_to_tokens(offsets, &inside)
        })
        .collect()
}

fn conll(
    name: &str,
    path: &std::path::Path,
    has_misc: bool,
    args: &Args,
    out: &mut impl Write,
) -> Result<Value, CliError> {
    let gold: Vec<GoldSentence> = eval::read_conll(&super::read_text(path)?)
        .map_err(|e| CliError::Failed(format!("{}: {e}", path.display())))?;
    let tagger = make_tagger(args)?;
    let loaded = match &args.model {
        Some(p) => Some(read_model(p, "--model")?),
        None => None,
    };
    let model = loaded.as_ref().or(args.model_only.then(NerModel::bundled));
    let mut counts = SpanCounts::new();
    // UNER English-PUD: sentences of documents `n…` are news, `w…` Wikipedia.
    let mut news = SpanCounts::new();
    let mut bytes = 0usize;
    // Warm up: load the knowledge base, model and clusters before timing.
    let _ = tagger.entities_text("Warm up in Paris.");
    let started = Instant::now();
    // Tagged together: a gold document, or each sentence alone.
    let units: Vec<&[GoldSentence]> = if args.per_sentence {
        gold.chunks(1).collect()
    } else {
        gold.chunk_by(|a, b| a.doc == b.doc).collect()
    };
    let mut predicted: Vec<Vec<(std::ops::Range<usize>, String)>> = Vec::with_capacity(gold.len());
    for unit in units {
        let (text, sents) = eval::document_text(unit);
        bytes += text.len();
        predicted.extend(predict_document(
            &tagger,
            model,
            &text,
            &sents,
            has_misc,
            !args.gpe_as_loc,
        ));
    }
    for (s, pred) in gold.iter().zip(predicted) {
        let (text, _) = s.text();
        let gold_e: Vec<_> = s
            .entities
            .iter()
            .filter(|(_, l)| has_misc || l != "MISC")
            .cloned()
            .collect();
        if args.errors {
            let show = |r: &std::ops::Range<usize>| s.tokens[r.clone()].join(" ");
            for (r, l) in &pred {
                if !gold_e.contains(&(r.clone(), l.clone())) {
                    writeln!(out, "{name}\t+{l}\t{}\t|\t{text}", show(r))?;
                }
            }
            for (r, l) in &gold_e {
                if !pred.contains(&(r.clone(), l.clone())) {
                    writeln!(out, "{name}\t-{l}\t{}\t|\t{text}", show(r))?;
                }
            }
        }
        counts.add_ranges(&gold_e, &pred);
        if name == "uner-pud" && s.doc_id.starts_with('n') {
            news.add_ranges(&gold_e, &pred);
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let mut v = counts_json(&counts);
    v["set"] = json!(name);
    v["sentences"] = json!(gold.len());
    if news.overall().gold() > 0 {
        v["news_half"] = counts_json(&news);
    }
    v["mode"] = json!(if model.is_some() { "model" } else { "tagger" });
    v["unit"] = json!(if args.per_sentence {
        "sentence"
    } else {
        "document"
    });
    v["mb_per_s"] = json!(if secs > 0.0 {
        bytes as f64 / secs / 1e6
    } else {
        0.0
    });
    Ok(v)
}

fn seeds(args: &Args, out: &mut impl Write) -> Result<Value, CliError> {
    let (source, text) = match &args.gold_dir {
        Some(dir) => {
            let path = dir.join("seeds_gold.json");
            (path.display().to_string(), super::read_text(&path)?)
        }
        None => (
            "the embedded seeds gold".into(),
            super::gold::SEEDS.to_string(),
        ),
    };
    let gold: SeedsGold =
        serde_json::from_str(&text).map_err(|e| CliError::Failed(format!("{source}: {e}")))?;
    let tagger = make_tagger(args)?;
    let mut total = ArticleCounts::default();
    let mut per_file = serde_json::Map::new();
    for (file, g) in &gold.files {
        let text = super::sample_text(args.seeds_dir.as_deref(), file)?;
        let doc = dateline_tag::parse::parse(text.clone());
        // Score only the labels the gold annotates (it has no TIME or PERCENT).
        let pred: Vec<_> = tagger
            .entities(&doc)
            .into_iter()
            .filter(|e| gold.types.is_empty() || gold.types.iter().any(|t| t == e.label.as_str()))
            .collect();
        let c = eval::score_article(&doc.text, g, &pred);
        if args.errors {
            for m in g.entities.iter().filter(|m| !m.boilerplate) {
                let hit = pred.iter().any(|e| {
                    e.span.start == m.byte_start
                        && e.span.end == m.byte_end
                        && e.label.as_str() == m.label
                });
                if !hit {
                    writeln!(out, "seeds\t-{}\t{}\t{}", m.label, m.text, file)?;
                }
            }
            for e in &pred {
                let hit = g.entities.iter().any(|m| {
                    e.span.start == m.byte_start
                        && e.span.end == m.byte_end
                        && e.label.as_str() == m.label
                });
                if !hit && e.label != Label::Time {
                    writeln!(out, "seeds\t+{}\t{}\t{}", e.label.as_str(), e.text, file)?;
                }
            }
            for (name, label) in &c.entities_missed {
                writeln!(out, "seeds\tmissed entity\t{label}\t{name}\t{file}")?;
            }
        }
        per_file.insert(
            file.clone(),
            json!({"mention_f1": c.mentions.overall().f1(), "entity_recall": c.entity_recall()}),
        );
        total.merge(&c);
    }
    let mut v = counts_json(&total.mentions);
    v["set"] = json!("seeds");
    v["files"] = Value::Object(per_file);
    v["entity_recall"] = json!(total.entity_recall());
    v["entities_gold"] = json!(total.entities_gold);
    v["entities_found"] = json!(total.entities_found);
    v["canonical_accuracy"] = json!(total.canonical_accuracy());
    v["canonical_matched"] = json!(total.span_matched);
    v["date_value_accuracy"] = json!(total.date_accuracy());
    v["dates_with_value"] = json!(total.dates_with_value);
    Ok(v)
}

fn print_table(out: &mut impl Write, v: &Value) -> std::io::Result<()> {
    let f = |x: &Value| x.as_f64().unwrap_or(0.0);
    let name = v["set"].as_str().unwrap_or("?");
    let mode = v["mode"]
        .as_str()
        .map(|m| format!(" ({m})"))
        .unwrap_or_default();
    let size = v["sentences"]
        .as_u64()
        .map(|n| format!(", {n} sentences"))
        .unwrap_or_default();
    writeln!(out, "== {name}{mode}{size}")?;
    writeln!(
        out,
        "{:<8} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}",
        "label", "P", "R", "F1", "gold", "tp", "fp"
    )?;
    let row = |out: &mut dyn Write, label: &str, c: &Value| {
        writeln!(
            out,
            "{:<8} {:>6.3} {:>6.3} {:>6.3} {:>6} {:>6} {:>6}",
            label,
            f(&c["precision"]),
            f(&c["recall"]),
            f(&c["f1"]),
            c["tp"].as_u64().unwrap_or(0) + c["fn"].as_u64().unwrap_or(0),
            c["tp"].as_u64().unwrap_or(0),
            c["fp"].as_u64().unwrap_or(0),
        )
    };
    if let Some(labels) = v["labels"].as_object() {
        for (l, c) in labels {
            row(out, l, c)?;
        }
    }
    row(out, "overall", &v["overall"])?;
    if v.get("entity_recall").is_some() {
        writeln!(
            out,
            "canonical-entity recall {:.3} ({}/{}), canonical accuracy {:.3} (of {}), date value accuracy {:.3} (of {})",
            f(&v["entity_recall"]),
            v["entities_found"],
            v["entities_gold"],
            f(&v["canonical_accuracy"]),
            v["canonical_matched"],
            f(&v["date_value_accuracy"]),
            v["dates_with_value"],
        )?;
    }
    if let Some(news) = v.get("news_half") {
        let o = &news["overall"];
        writeln!(
            out,
            "news half: P {:.3} R {:.3} F1 {:.3}",
            f(&o["precision"]),
            f(&o["recall"]),
            f(&o["f1"])
        )?;
    }
    if let Some(speed) = v.get("mb_per_s") {
        let unit = v["unit"].as_str().unwrap_or("document");
        writeln!(
            out,
            "speed {:.2} MB/s ({unit} by {unit}, one core)",
            f(speed)
        )?;
    }
    writeln!(out)
}
