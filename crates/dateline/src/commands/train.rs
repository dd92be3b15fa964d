//! `dateline train ner --out FILE [--epochs N] [--data-dir DIR] [--data DIR]`
//! `dateline train clusters --corpus FILE... --out FILE`
//!
//! Trains the entity model on the licensed training data of the data
//! directory, `DIR/eval/ner/train` (GUM, Broad Twitter Corpus, WNUT-17,
//! Universal NER English-EWT train, Re-DocRED; see
//! `crates/dateline-tag/data/MODEL.md` and docs/EVALUATION.md). Training is deterministic: the same
//! data and settings give the same file. The word clusters the model reads
//! are learned from unlabelled news articles and the same training text;
//! the model must be retrained after they change.

use std::path::{Path, PathBuf};
use std::time::Instant;

use dateline_tag::{
    CLUSTER_TEXT_FILES, ClusterConfig, KbHint, TRAIN_FILES, Token, TrainConfig, TrainDoc,
    WordClusters,
};

use super::{CliError, CmdResult};

/// What to train.
#[derive(Debug, clap::Subcommand)]
pub(crate) enum TrainCommand {
    /// Train the entity model.
    Ner(NerArgs),
    /// Learn the word clusters and case statistics the entity model reads.
    Clusters(ClusterArgs),
    /// Write silver training data: news tagged by the knowledge base and rules.
    Silver(super::silver::SilverArgs),
}

/// Arguments of `dateline train clusters`.
#[derive(Debug, clap::Args)]
pub(crate) struct ClusterArgs {
    /// Where to write the clusters file.
    #[arg(long, value_name = "PATH")]
    out: PathBuf,
    /// JSON Lines article files (`text` field) to learn from (repeatable).
    #[arg(long, value_name = "FILE", required = true)]
    corpus: Vec<PathBuf>,
    /// Directory holding the entity training data, whose text is added
    /// (default: DIR/eval/ner/train of the data directory).
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    #[command(flatten)]
    data_dir: super::DataArgs,
    /// Words seen fewer times are not clustered.
    #[arg(long, default_value_t = ClusterConfig::default().min_count)]
    min_count: u32,
    /// At most this many words are clustered.
    #[arg(long, default_value_t = ClusterConfig::default().max_vocab)]
    max_vocab: usize,
    /// Number of most frequent tokens used as contexts.
    #[arg(long, default_value_t = ClusterConfig::default().contexts)]
    contexts: usize,
    /// Print the words of the most frequent clusters (to stderr).
    #[arg(long)]
    show: bool,
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
    /// Directory holding the training data (default: DIR/eval/ner/train of the
    /// data directory).
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    #[command(flatten)]
    data_dir: super::DataArgs,
    /// JSON Lines articles (`text` field) whose running text feeds the case
    /// lexicon (default: the Wikinews 2019-2021 articles of the data directory).
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
    /// Also train on silver sentences (written by `dateline train silver`).
    #[arg(long, value_name = "FILE")]
    silver: Option<PathBuf>,
    /// Present the silver documents this many times per epoch.
    #[arg(long, default_value_t = 1, value_name = "N")]
    silver_weight: usize,
}

pub(crate) fn run(cmd: TrainCommand) -> CmdResult {
    match cmd {
        TrainCommand::Ner(a) => ner(a),
        TrainCommand::Clusters(a) => clusters(a),
        TrainCommand::Silver(a) => super::silver::run(a),
    }
}

/// The training directory: `--data` when given, else the data directory's.
fn train_dir(given: Option<&PathBuf>, data: &super::DataArgs) -> Result<PathBuf, CliError> {
    match given {
        Some(dir) => Ok(dir.clone()),
        None => data.find(&dateline_data::sets::NER_TRAIN),
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
        let text = super::read_text(&path)?;
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
    let data = super::read_text(path)?;
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

/// The training documents of `dir` whose text the clusters are learned
/// from, once.
fn all_docs(dir: &Path) -> Result<Vec<TrainDoc>, CliError> {
    let mut docs = Vec::new();
    for (file, marked) in CLUSTER_TEXT_FILES {
        let path = dir.join(file);
        let text = super::read_text(&path)?;
        docs.extend(
            TrainDoc::read(&text, *marked)
                .map_err(|e| CliError::Failed(format!("{}: {e}", path.display())))?,
        );
    }
    Ok(docs)
}

fn clusters(args: ClusterArgs) -> CmdResult {
    super::check_writable_file(&args.out)?;
    let dir = train_dir(args.data.as_ref(), &args.data_dir)?;
    let docs = all_docs(&dir)?;
    let mut texts = Vec::new();
    let mut names = Vec::new();
    for path in &args.corpus {
        let t = read_texts(path)?;
        names.push(format!(
            "{} ({} articles)",
            path.file_name()
                .map(|f| f.to_string_lossy())
                .unwrap_or_default(),
            t.len()
        ));
        texts.extend(t);
    }
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let mut config = ClusterConfig::default();
    config.min_count = args.min_count;
    config.max_vocab = args.max_vocab;
    config.contexts = args.contexts;
    let meta = format!(
        "distributional word clusters (PPMI contexts, spherical k-means tree 32/16/8) and case statistics; text: {}, training text of {} documents; min count {}; max vocabulary {}; contexts {}; iterations {}; seed {}",
        names.join(", "),
        docs.len(),
        config.min_count,
        config.max_vocab,
        config.contexts,
        config.iterations,
        config.seed,
    );
    report!(
        "learning clusters from {} articles and {} training documents",
        refs.len(),
        docs.len()
    );
    let started = Instant::now();
    let clusters = WordClusters::learn(&refs, &docs, &config, &meta);
    let bytes = clusters.to_bytes();
    super::write_file(&args.out, &bytes)?;
    report!(
        "wrote {} ({} words, {} bytes, checksum {:016x}) in {:.1}s",
        args.out.display(),
        clusters.len(),
        bytes.len(),
        clusters.checksum(),
        started.elapsed().as_secs_f64()
    );
    if args.show {
        show_clusters(&clusters, &refs);
    }
    Ok(std::process::ExitCode::SUCCESS)
}

/// Prints, for the top-level clusters, the most frequent words of the text.
fn show_clusters(clusters: &WordClusters, texts: &[&str]) {
    let tokenizer = dateline_tag::Tokenizer::new();
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for t in texts.iter().take(2000) {
        for tok in tokenizer.tokens(t) {
            *counts.entry(tok.norm.to_string()).or_insert(0) += 1;
        }
    }
    let mut words: Vec<(String, usize)> = counts.into_iter().collect();
    words.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut groups: std::collections::BTreeMap<u16, Vec<String>> = Default::default();
    for (w, _) in words {
        if let Some(c) = clusters.cluster_of(&w) {
            let g = groups.entry(c / 128).or_default();
            if g.len() < 14 {
                g.push(w);
            }
        }
    }
    for (c, ws) in groups {
        report!("{c:3}: {}", ws.join(" "));
    }
}

fn ner(args: NerArgs) -> CmdResult {
    if args.epochs == 0 {
        return Err(CliError::Usage(
            "--epochs must be at least 1 (0 would write an untrained model)".into(),
        ));
    }
    super::check_writable_file(&args.out)?;
    let dir = train_dir(args.data.as_ref(), &args.data_dir)?;
    let unlabeled_path = match &args.unlabeled {
        Some(p) => p.clone(),
        None => args
            .data_dir
            .find(&dateline_data::sets::WIKINEWS_2019_2021)?,
    };
    let mut docs = load_docs(&dir, &args)?;
    let silver = super::silver::add_to(&mut docs, args.silver.as_deref(), args.silver_weight)?;
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
        "structured averaged perceptron, Viterbi decoding, every eighth named sentence also in capitals; data: {}{silver} ({} documents, {tokens} tokens); gum weight {}; epochs {}; bits {}; seed {}; kb hints {}; case lexicon text: {} ({} articles)",
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
    report!("training on {} documents, {tokens} tokens", docs.len());
    let started = Instant::now();
    let model = dateline_tag::train(&docs, &unlabeled_refs, &config, hints, &meta);
    let bytes = model.to_bytes();
    super::write_file(&args.out, &bytes)?;
    report!(
        "wrote {} ({} bytes, checksum {:016x}) in {:.1}s",
        args.out.display(),
        bytes.len(),
        model.checksum(),
        started.elapsed().as_secs_f64()
    );
    Ok(std::process::ExitCode::SUCCESS)
}
