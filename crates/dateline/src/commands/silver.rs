//! `dateline train silver --corpus FILE... --out FILE [--max-sentences N]`
//!
//! (`dateline train ner --silver FILE [--silver-weight N]` trains on the
//! result.)
//!
//! Writes silver training data for the entity model: unlabelled news
//! articles tagged by the knowledge base and rules (the model off), of
//! which only the sentences whose tagging looks complete are kept (see
//! `dateline_tag::silver`). Sentences repeated in the corpus are written
//! once, and a sentence sharing a run of 12 tokens with an evaluation set
//! is left out. The output is deterministic: the same corpus and settings
//! give the same file.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use dateline_tag::eval::read_conll;
use dateline_tag::silver::{self, CaseCounts, SilverConfig, SilverSentence};
use dateline_tag::{Document, Tagger, Tokenizer, TrainDoc};

use super::{CliError, CmdResult};

/// Length of the token runs compared with the evaluation sets.
const OVERLAP_RUN: usize = 12;

/// Arguments of `dateline train silver`.
#[derive(Debug, clap::Args)]
pub(crate) struct SilverArgs {
    /// Where to write the IOB2 file.
    #[arg(long, value_name = "PATH")]
    out: PathBuf,
    /// JSON Lines article files (`text` field) to tag (repeatable; read in order).
    #[arg(long, value_name = "FILE", required = true)]
    corpus: Vec<PathBuf>,
    /// Write at most this many sentences (the first ones, in corpus order).
    #[arg(long, value_name = "N")]
    max_sentences: Option<usize>,
    /// Keep at most this many sentences of one article.
    #[arg(long, value_name = "N")]
    max_per_article: Option<usize>,
    /// Shortest kept sentence, in tokens.
    #[arg(long, default_value_t = SilverConfig::default().min_tokens)]
    min_tokens: usize,
    /// Longest kept sentence, in tokens.
    #[arg(long, default_value_t = SilverConfig::default().max_tokens)]
    max_tokens: usize,
    /// Least number of name mentions in a kept sentence.
    #[arg(long, default_value_t = SilverConfig::default().min_entities)]
    min_entities: usize,
    /// Accept usually-lowercase capitalized words anywhere in a sentence.
    #[arg(long)]
    lenient: bool,
    /// Which tagging labels the sentences: the knowledge base and rules
    /// alone, the full tagger (with the bundled model), or the rules where
    /// the full tagger agrees on every name in the sentence.
    #[arg(long, value_enum, default_value = "rules")]
    tagger: Labeller,
    /// CoNLL files whose sentences must not be matched (repeatable; default:
    /// the evaluation sets of the data directory: wikigold, UNER PUD and EWT test).
    #[arg(long, value_name = "FILE")]
    exclude: Vec<PathBuf>,
    #[command(flatten)]
    data: super::DataArgs,
}

/// What labels the silver sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Labeller {
    /// The knowledge base and rules (the model off).
    Rules,
    /// The full tagger, with the bundled model.
    Full,
    /// The rules, keeping only sentences the full tagger tags the same way.
    Agree,
}

/// The evaluation sets of the data directory, which silver data must not
/// overlap (an error when one is missing: the overlap cannot be checked).
fn eval_files(data: &super::DataArgs) -> Result<Vec<PathBuf>, CliError> {
    use dateline_data::sets;
    [sets::WIKIGOLD, sets::UNER_PUD, sets::UNER_EWT_TEST]
        .iter()
        .map(|set| data.find(set))
        .collect()
}

/// Normalized token runs of `OVERLAP_RUN` tokens of a text (the whole
/// text when shorter), hashed as strings.
fn runs(tokenizer: &Tokenizer, text: &str, out: &mut HashSet<String>) {
    let norms: Vec<String> = tokenizer
        .tokens(text)
        .iter()
        .map(|t| t.norm.to_string())
        .collect();
    if norms.len() < OVERLAP_RUN {
        if !norms.is_empty() {
            out.insert(norms.join(" "));
        }
        return;
    }
    for w in norms.windows(OVERLAP_RUN) {
        out.insert(w.join(" "));
    }
}

/// Whether a sentence shares a run with the excluded sets (a sentence
/// shorter than a run must match a whole excluded sentence).
fn overlaps(tokenizer: &Tokenizer, s: &SilverSentence, excluded: &HashSet<String>) -> bool {
    let mut mine = HashSet::new();
    runs(tokenizer, &s.tokens.join(" "), &mut mine);
    mine.iter().any(|r| excluded.contains(r))
}

/// Adds the documents of a silver file, `weight` times, to training
/// documents; returns the text the model's metadata records (empty without
/// a file).
pub(crate) fn add_to(
    docs: &mut Vec<TrainDoc>,
    path: Option<&Path>,
    weight: usize,
) -> Result<String, CliError> {
    let Some(path) = path else {
        return Ok(String::new());
    };
    let text = super::read_text(path)?;
    let silver = TrainDoc::read(&text, true)
        .map_err(|e| CliError::Failed(format!("{}: {e}", path.display())))?;
    let weight = weight.max(1);
    for _ in 0..weight {
        docs.extend(silver.iter().cloned());
    }
    Ok(format!(
        ", silver {} ({} documents, weight {weight})",
        path.file_name()
            .map(|f| f.to_string_lossy())
            .unwrap_or_default(),
        silver.len()
    ))
}

fn read_documents(path: &Path) -> Result<Vec<Document>, CliError> {
    let opts = dateline_parse::InputOptions::new();
    let mut docs = Vec::new();
    for r in dateline_parse::documents(path, &opts) {
        docs.push(r.map_err(|e| CliError::Failed(e.to_string()))?);
    }
    Ok(docs)
}

pub(crate) fn run(args: SilverArgs) -> CmdResult {
    super::check_writable_file(&args.out)?;
    let started = Instant::now();
    let tokenizer = Tokenizer::new();
    let excluded_files = if args.exclude.is_empty() {
        eval_files(&args.data)?
    } else {
        args.exclude.clone()
    };
    let mut excluded = HashSet::new();
    for path in &excluded_files {
        let text = super::read_text(path)?;
        let gold =
            read_conll(&text).map_err(|e| CliError::Failed(format!("{}: {e}", path.display())))?;
        for s in gold {
            runs(&tokenizer, &s.text().0, &mut excluded);
        }
    }
    let mut docs = Vec::new();
    for path in &args.corpus {
        docs.extend(read_documents(path)?);
    }
    let mut case = CaseCounts::new();
    for d in &docs {
        case.add_document(d);
    }
    let config = SilverConfig::default()
        .min_tokens(args.min_tokens)
        .max_tokens(args.max_tokens)
        .min_entities(args.min_entities)
        .lenient(args.lenient);
    let rules = Tagger::new().with_model(false);
    let full = Tagger::new();
    let max = args.max_sentences.unwrap_or(usize::MAX);
    let per_article = args.max_per_article.unwrap_or(usize::MAX);
    let mut seen: HashSet<Vec<String>> = HashSet::new();
    let (mut total, mut kept, mut repeated, mut overlapping, mut articles) = (0, 0, 0, 0, 0);
    let mut labels: std::collections::BTreeMap<String, usize> = Default::default();
    let mut tokens = 0usize;
    let mut out = String::from(
        "# Silver named-entity data (PER / ORG / LOC / MISC, IOB2): English Wikinews articles \
         tagged by the dateline knowledge base and rules; see SOURCE.md.\n\
         # Contains news articles from English Wikinews (https://en.wikinews.org), licensed \
         under CC BY 2.5 (https://creativecommons.org/licenses/by/2.5/).\n\n",
    );
    for doc in &docs {
        if kept >= max {
            break;
        }
        total += tokenizer
            .analyze(doc)
            .sentences
            .iter()
            .filter(|s| {
                doc.blocks
                    .get(s.block)
                    .is_some_and(|b| b.kind == dateline_tag::BlockKind::Paragraph)
            })
            .count();
        let candidates = match args.tagger {
            Labeller::Rules => silver::sentences(doc, &rules.entities(doc), &case, &config),
            Labeller::Full => silver::sentences(doc, &full.entities(doc), &case, &config),
            Labeller::Agree => {
                let by_full: HashSet<(String, Vec<String>)> =
                    silver::sentences(doc, &full.entities(doc), &case, &config)
                        .into_iter()
                        .map(|s| (s.text, s.tags))
                        .collect();
                silver::sentences(doc, &rules.entities(doc), &case, &config)
                    .into_iter()
                    .filter(|s| by_full.contains(&(s.text.clone(), s.tags.clone())))
                    .collect()
            }
        };
        let mut mine = Vec::new();
        for s in candidates {
            if mine.len() >= per_article || kept + mine.len() >= max {
                break;
            }
            if seen.contains(&s.tokens) {
                repeated += 1;
                continue;
            }
            if overlaps(&tokenizer, &s, &excluded) {
                overlapping += 1;
                continue;
            }
            seen.insert(s.tokens.clone());
            mine.push(s);
        }
        if mine.is_empty() {
            continue;
        }
        for s in &mine {
            tokens += s.tokens.len();
            for t in &s.tags {
                if let Some(l) = t.strip_prefix("B-") {
                    *labels.entry(l.to_string()).or_default() += 1;
                }
            }
        }
        kept += mine.len();
        articles += 1;
        silver::write_iob2(&mut out, &doc.id, &mine);
    }
    if let Some(dir) = args.out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| CliError::Failed(format!("cannot create {}: {e}", dir.display())))?;
    }
    super::write_file(&args.out, out.as_bytes())?;
    let labels: Vec<String> = labels.iter().map(|(l, n)| format!("{l} {n}")).collect();
    report!(
        "{} articles, {total} paragraph sentences: kept {kept} sentences of {articles} articles ({tokens} tokens; entities {}); {repeated} repeated and {overlapping} sharing a {OVERLAP_RUN}-token run with {} evaluation files left out; wrote {} ({} bytes) in {:.1}s",
        docs.len(),
        labels.join(", "),
        excluded_files.len(),
        args.out.display(),
        out.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(std::process::ExitCode::SUCCESS)
}
