//! Where Dateline finds the data sets it reads but does not ship.
//!
//! Evaluation gold sets (wikigold, Universal NER, the sentence Golden Rules,
//! HTML extraction benchmarks), training data (GUM, Broad Twitter Corpus,
//! WNUT-17, …) and the Wikinews news corpus belong to their authors and keep
//! their own licenses. The repository carries none of them; commands, tests,
//! benches and examples find them in one **data directory** whose layout is:
//!
//! ```text
//! DIR/eval/ner/wikigold/wikigold.conll.txt
//! DIR/eval/ner/uner_en_pud/en_pud-ud-test.iob2
//! DIR/eval/ner/uner_en_ewt/en_ewt-ud-{dev,test}.iob2
//! DIR/eval/ner/train/{gum,btc,wnut17,…}/…
//! DIR/eval/sentences/golden_rules_en.json
//! DIR/eval/html/{scrapinghub,wcxb_articles}/…
//! DIR/corpus/wikinews/{wikinews_2019_2021,wikinews_2004_2018_lossy,gum_news}.jsonl
//! ```
//!
//! # Overview
//! - [`DataDir::resolve`] finds the directory: the `--data-dir` value a
//!   command was given, else the environment variable `DATELINE_DATA`, else
//!   `../shared` beside the workspace root when it exists (a development
//!   checkout and CI).
//! - [`DataSet`] names one data set and its path inside the directory; the
//!   known sets are constants in [`sets`]. [`DataDir::locate`] turns a set
//!   into a path, or a clear [`Error`] naming where it looked and how to point
//!   somewhere else.
//! - [`for_test`] is the same lookup for tests: a missing set is skipped with
//!   one visible line, or is a failure when `DATELINE_REQUIRE_DATA=1`.
//!
//! # Example
//! ```
//! use dateline_data::{sets, DataDir};
//!
//! let dir = DataDir::at("/nowhere");
//! let err = dir.locate(&sets::WIKIGOLD).unwrap_err();
//! assert_eq!(
//!     err.to_string(),
//!     "wikigold not found at /nowhere/eval/ner/wikigold/wikigold.conll.txt; \
//!      set DATELINE_DATA or --data-dir"
//! );
//! ```

use std::fmt;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// The environment variable naming the data directory.
pub const ENV_DATA: &str = "DATELINE_DATA";

/// The environment variable that turns a missing data set in a test from a
/// skip into a failure (`DATELINE_REQUIRE_DATA=1`).
pub const ENV_REQUIRE: &str = "DATELINE_REQUIRE_DATA";

/// One data set: a file or directory inside the data directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DataSet {
    /// Short name used in messages (`wikigold`, `uner-pud`, …).
    pub name: &'static str,
    /// Path inside the data directory, `/`-separated.
    pub path: &'static str,
}

impl DataSet {
    /// A data set named `name` at `path` inside the data directory.
    pub const fn new(name: &'static str, path: &'static str) -> Self {
        DataSet { name, path }
    }
}

/// The data sets Dateline knows, with their place in the data directory.
///
/// `docs/EVALUATION.md` lists each with its upstream source and license.
pub mod sets {
    use super::DataSet;

    /// wikigold (Wikipedia, CoNLL IOB1 PER/ORG/LOC/MISC), CC BY 4.0.
    pub const WIKIGOLD: DataSet = DataSet::new("wikigold", "eval/ner/wikigold/wikigold.conll.txt");
    /// Universal NER English-PUD test (IOB2 PER/ORG/LOC), CC BY-SA 3.0.
    pub const UNER_PUD: DataSet =
        DataSet::new("uner-pud", "eval/ner/uner_en_pud/en_pud-ud-test.iob2");
    /// Universal NER English-EWT test (IOB2 PER/ORG/LOC), CC BY-SA 4.0.
    pub const UNER_EWT_TEST: DataSet =
        DataSet::new("uner-ewt", "eval/ner/uner_en_ewt/en_ewt-ud-test.iob2");
    /// Universal NER English-EWT development set, CC BY-SA 4.0.
    pub const UNER_EWT_DEV: DataSet =
        DataSet::new("uner-ewt-dev", "eval/ner/uner_en_ewt/en_ewt-ud-dev.iob2");
    /// The directory of NER training sets (`gum/`, `btc/`, `wnut17/`, …).
    pub const NER_TRAIN: DataSet = DataSet::new("NER training data", "eval/ner/train");
    /// The 48 English Golden Rules for sentence boundaries, MIT.
    pub const GOLDEN_RULES: DataSet =
        DataSet::new("golden rules", "eval/sentences/golden_rules_en.json");
    /// The HTML extraction benchmarks (`scrapinghub/`, `wcxb_articles/`).
    pub const HTML: DataSet = DataSet::new("HTML extraction sets", "eval/html");
    /// 295 English Wikinews articles, 2019-2021 (JSON Lines), CC BY 2.5.
    pub const WIKINEWS_2019_2021: DataSet = DataSet::new(
        "wikinews 2019-2021",
        "corpus/wikinews/wikinews_2019_2021.jsonl",
    );
    /// 5,709 English Wikinews articles, 2004-2018 (JSON Lines), CC BY 2.5.
    pub const WIKINEWS_2004_2018: DataSet = DataSet::new(
        "wikinews 2004-2018",
        "corpus/wikinews/wikinews_2004_2018_lossy.jsonl",
    );
    /// The 24 Wikinews articles of the GUM corpus (JSON Lines), CC BY 2.5.
    pub const GUM_NEWS: DataSet = DataSet::new("gum news", "corpus/wikinews/gum_news.jsonl");

    /// Every known data set.
    pub const ALL: &[DataSet] = &[
        WIKIGOLD,
        UNER_PUD,
        UNER_EWT_TEST,
        UNER_EWT_DEV,
        NER_TRAIN,
        GOLDEN_RULES,
        HTML,
        WIKINEWS_2019_2021,
        WIKINEWS_2004_2018,
        GUM_NEWS,
    ];
}

/// Why a data set could not be found.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// No data directory: no `--data-dir`, no `DATELINE_DATA`, and no
    /// `../shared` beside the workspace.
    NoDataDir {
        /// The data set that was asked for.
        name: &'static str,
        /// Where the default would have been.
        default: PathBuf,
    },
    /// The data directory is known but does not hold the data set.
    Missing {
        /// The data set that was asked for.
        name: &'static str,
        /// The full path that was looked for.
        path: PathBuf,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NoDataDir { name, default } => write!(
                f,
                "{name} not found: no data directory (no --data-dir, {ENV_DATA} unset, and no {}); \
                 set {ENV_DATA} or --data-dir",
                default.display()
            ),
            Error::Missing { name, path } => write!(
                f,
                "{name} not found at {}; set {ENV_DATA} or --data-dir",
                path.display()
            ),
        }
    }
}

impl std::error::Error for Error {}

/// Where a [`DataDir`] came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Origin {
    /// A `--data-dir` flag (or any path the caller gave).
    Given,
    /// The `DATELINE_DATA` environment variable.
    Environment,
    /// `../shared` beside the workspace root.
    Workspace,
}

/// A data directory: the root that data-set paths are joined to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    root: PathBuf,
    origin: Origin,
}

impl DataDir {
    /// The data directory at `root`, as if given with `--data-dir`.
    pub fn at(root: impl Into<PathBuf>) -> Self {
        DataDir {
            root: root.into(),
            origin: Origin::Given,
        }
    }

    /// Finds the data directory: `given` (a command's `--data-dir`), else
    /// `DATELINE_DATA`, else `../shared` beside the workspace root when it
    /// exists. `None` when none of them applies.
    pub fn resolve(given: Option<&Path>) -> Option<Self> {
        if let Some(dir) = given {
            return Some(DataDir::at(dir));
        }
        if let Some(dir) = std::env::var_os(ENV_DATA).filter(|v| !v.is_empty()) {
            return Some(DataDir {
                root: PathBuf::from(dir),
                origin: Origin::Environment,
            });
        }
        let beside = workspace_default();
        beside.is_dir().then_some(DataDir {
            root: beside,
            origin: Origin::Workspace,
        })
    }

    /// Resolves the directory as [`DataDir::resolve`] does and locates `set`
    /// in it.
    pub fn find(given: Option<&Path>, set: &DataSet) -> Result<PathBuf, Error> {
        match DataDir::resolve(given) {
            Some(dir) => dir.locate(set),
            None => Err(Error::NoDataDir {
                name: set.name,
                default: workspace_default(),
            }),
        }
    }

    /// The directory itself.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where this directory came from.
    pub fn origin(&self) -> Origin {
        self.origin
    }

    /// The path of `set` in this directory, whether or not it exists.
    pub fn path(&self, set: &DataSet) -> PathBuf {
        set.path
            .split('/')
            .fold(self.root.clone(), |p, c| p.join(c))
    }

    /// The path of `set` in this directory, or [`Error::Missing`] naming the
    /// path when nothing is there.
    pub fn locate(&self, set: &DataSet) -> Result<PathBuf, Error> {
        let path = self.path(set);
        if path.exists() {
            Ok(path)
        } else {
            Err(Error::Missing {
                name: set.name,
                path,
            })
        }
    }
}

/// `../shared` beside the workspace root this crate was built in: the data
/// directory of a development checkout and of CI.
pub fn workspace_default() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("..")
        .join("..")
        .join("shared")
}

/// Whether `DATELINE_REQUIRE_DATA` asks for every data set to be present.
pub fn data_required() -> bool {
    std::env::var(ENV_REQUIRE).is_ok_and(|v| !v.is_empty() && v != "0")
}

/// Locates `set` for a test.
///
/// Present: its path. Absent: with `DATELINE_REQUIRE_DATA=1` this panics
/// (the test fails, naming the path); otherwise it writes one line,
/// `skipped: <test>: <why>`, straight to standard error (so the test
/// harness shows it even while capturing output) and returns `None`, for the
/// test to return early.
///
/// Meant for tests, benches and examples only; the libraries never call it.
#[allow(clippy::panic)]
pub fn for_test(test: &str, set: &DataSet) -> Option<PathBuf> {
    match DataDir::find(None, set) {
        Ok(path) => Some(path),
        Err(e) if data_required() => panic!("{test}: {e} ({ENV_REQUIRE} is set)"),
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "skipped: {test}: {e}");
            None
        }
    }
}

/// Reads `set` (a file) as text for a test, with [`for_test`]'s policy for a
/// missing set.
#[allow(clippy::panic)]
pub fn read_for_test(test: &str, set: &DataSet) -> Option<String> {
    let path = for_test(test, set)?;
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) => panic!("{test}: cannot read {}: {e}", path.display()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_join_the_layout() {
        let dir = DataDir::at("/data");
        assert_eq!(
            dir.path(&sets::UNER_PUD),
            Path::new("/data/eval/ner/uner_en_pud/en_pud-ud-test.iob2")
        );
        assert_eq!(dir.origin(), Origin::Given);
    }

    #[test]
    fn a_missing_set_names_the_path_and_the_remedy() {
        let dir = std::env::temp_dir().join("dateline-data-missing");
        let err = DataDir::at(&dir).locate(&sets::WIKIGOLD).unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("wikigold not found at "), "{msg}");
        assert!(msg.contains("wikigold.conll.txt"), "{msg}");
        assert!(msg.ends_with("set DATELINE_DATA or --data-dir"), "{msg}");
    }

    #[test]
    fn a_given_directory_wins() {
        let dir = DataDir::resolve(Some(Path::new("/given"))).unwrap();
        assert_eq!(dir.root(), Path::new("/given"));
    }

    #[test]
    fn a_present_file_is_found() {
        let root = std::env::temp_dir().join(format!("dateline-data-{}", std::process::id()));
        let set = DataSet::new("probe", "eval/probe.txt");
        std::fs::create_dir_all(root.join("eval")).unwrap();
        std::fs::write(root.join("eval/probe.txt"), "x").unwrap();
        assert_eq!(
            DataDir::at(&root).locate(&set).unwrap(),
            root.join("eval").join("probe.txt")
        );
        std::fs::remove_dir_all(&root).unwrap();
    }
}
