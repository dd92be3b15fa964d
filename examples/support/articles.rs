//! The articles the search examples index: the five embedded sample articles,
//! plus the Wikinews articles of the data directory (`DATELINE_DATA`, or
//! `../shared` beside the workspace) when it has them.

use dateline::parse::{Document, InputOptions, read_path};
use dateline_data::{DataDir, sets};

/// The sample articles, then any Wikinews articles found; says on standard
/// error what was read.
pub(crate) fn load() -> Result<Vec<Document>, Box<dyn std::error::Error>> {
    let mut docs = dateline::samples::documents()?;
    let mut read = vec![format!("{} sample articles", docs.len())];
    for set in [sets::WIKINEWS_2019_2021, sets::GUM_NEWS] {
        let Ok(path) = DataDir::find(None, &set) else {
            continue;
        };
        let before = docs.len();
        for doc in read_path(&path, &InputOptions::default()) {
            docs.push(doc?);
        }
        read.push(format!("{} {} articles", docs.len() - before, set.name));
    }
    eprintln!("indexing {}", read.join(", "));
    Ok(docs)
}
