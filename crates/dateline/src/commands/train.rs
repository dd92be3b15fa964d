//! `dateline train ner --out FILE [--epochs N] [--data DIR]`
//!
//! Trains the entity model on the licensed training data bundled in
//! `crates/dateline-tag/train-data` (GUM, Broad Twitter Corpus, WNUT-17; see
//! `crates/dateline-tag/data/MODEL.md`). Training is deterministic: the same
//! data and settings give the same file.

use std::path::{Path, PathBuf};
use std::time::Instant;

use dateline_tag::{KbHint, TRAIN_FILES, Token, TrainConfig, TrainDoc};

use super::{CliError, CmdResult};

/// What to train.
#[derive(Debug, clap::Subcommand)]
pub(crate) enum TrainCommand {
    /// Train the entity model.
    Ner(NerArgs),
}

/// Arguments of `dateline train ner`.
#[derive(Debug, clap::Args)]
pub(crate) struct NerArgs {
    /// Where to write the model file.
    #[arg(long, value_name = "PATH")]
    out: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = TrainConfig::default().epochs)]
    epochs: usize,
    /// Weight table size as a power of two.
    #[arg(long, default_value_t = TrainConfig::default().bits)]
    bits: u32,
    /// Seed of the shuffle.
    #[arg(long, default_value_t = TrainConfig::default().seed)]
    seed: u64,
    /// Directory holding the training data (default: the copy bundled with the source).
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// JSON Lines articles (`text` field) whose running text feeds the case
    /// lexicon (default: the bundled Wikinews 2019-2021 articles).
    #[arg(long, value_name = "FILE")]
    unlabeled: Option<PathBuf>,
    /// Train without knowledge-base hints.
    #[arg(long)]
    no_kb: bool,
    /// Present the GUM documents (edited prose) this many times per epoch.
    #[arg(long, default_value_t = 1, value_name = "N")]
    gum_weight: usize,
    /// Leave out the training files whose path contains this text (repeatable).
    #[arg(long, value_name = "TEXT")]
    skip: Vec<String>,
    /// Use only the first N documents of each file (for quick experiments).
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
}

pub(crate) fn run(cmd: TrainCommand) -> CmdResult {
    match cmd {
        TrainCommand::Ner(a) => ner(a),
    }
}

/// Reads the training documents of `dir`.
pub(crate) fn load_docs(dir: &Path, args: &NerArgs) -> Result<Vec<TrainDoc>, CliError> {
    let mut docs = Vec::new();
    for (file, marked) in TRAIN_FILES {
        if args.skip.iter().any(|s| file.contains(s.as_str())) {
            continue;
        }
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path)
            .map_err(|e| CliError::Failed(format!("cannot read {}: {e}", path.display())))?;
        let mut file_docs = TrainDoc::read(&text, *marked)
            .map_err(|e| CliError::Failed(format!("{}: {e}", path.display())))?;
        file_docs.truncate(args.limit.unwrap_or(usize::MAX));
        let times = if file.starts_with("gum/") {
            args.gum_weight.max(1)
        } else {
            1
        };
        for _ in 1..times {
            docs.extend(file_docs.iter().cloned());
        }
        docs.extend(file_docs);
    }
    Ok(docs)
}

/// The `text` fields of a JSON Lines file.
fn read_texts(path: &Path) -> Result<Vec<String>, CliError> {
    let data = std::fs::read_to_string(path)
        .map_err(|e| CliError::Failed(format!("cannot read {}: {e}", path.display())))?;
    let mut out = Vec::new();
    for (n, line) in data
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let v: serde_json::Value = serde_json::from_str(line)
            .map_err(|e| CliError::Failed(format!("{}:{}: {e}", path.display(), n + 1)))?;
        if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
            out.push(t.to_string());
        }
    }
    Ok(out)
}

fn ner(args: NerArgs) -> CmdResult {
    let dir = args.data.clone().unwrap_or_else(|| {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../dateline-tag/train-data")
    });
    let docs = load_docs(&dir, &args)?;
    let unlabeled_path = args.unlabeled.clone().unwrap_or_else(|| {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../examples/corpus/wikinews/wikinews_2019_2021.jsonl")
    });
    let unlabeled = read_texts(&unlabeled_path)?;
    let unlabeled_refs: Vec<&str> = unlabeled.iter().map(String::as_str).collect();
    let tokens: usize = docs
        .iter()
        .flat_map(|d| &d.sentences)
        .map(|s| s.tokens.len())
        .sum();
    let config = TrainConfig::default()
        .epochs(args.epochs)
        .bits(args.bits)
        .seed(args.seed);
    let kb = dateline_tag::KnowledgeBase::bundled();
    let with_kb = |t: &[Token<'_>]| kb.hints(t);
    let without = |t: &[Token<'_>]| vec![None::<KbHint>; t.len()];
    let hints: &dyn Fn(&[Token<'_>]) -> Vec<Option<KbHint>> =
        if args.no_kb { &without } else { &with_kb };
    let meta = format!(
        "averaged perceptron; data: {} ({} documents, {tokens} tokens); gum weight {}; epochs {}; bits {}; seed {}; kb hints {}; case lexicon text: {} ({} articles)",
        TRAIN_FILES
            .iter()
            .map(|f| f.0)
            .filter(|f| !args.skip.iter().any(|s| f.contains(s.as_str())))
            .collect::<Vec<_>>()
            .join(", "),
        docs.len(),
        args.gum_weight,
        config.epochs,
        config.bits,
        config.seed,
        if args.no_kb { "off" } else { "on" },
        unlabeled_path
            .file_name()
            .map(|f| f.to_string_lossy())
            .unwrap_or_default(),
        unlabeled.len(),
    );
    eprintln!("training on {} documents, {tokens} tokens", docs.len());
    let started = Instant::now();
    let model = dateline_tag::train(&docs, &unlabeled_refs, &config, hints, &meta);
    let bytes = model.to_bytes();
    std::fs::write(&args.out, &bytes)
        .map_err(|e| CliError::Failed(format!("cannot write {}: {e}", args.out.display())))?;
    eprintln!(
        "wrote {} ({} bytes, checksum {:016x}) in {:.1}s",
        args.out.display(),
        bytes.len(),
        model.checksum(),
        started.elapsed().as_secs_f64()
    );
    Ok(std::process::ExitCode::SUCCESS)
}
