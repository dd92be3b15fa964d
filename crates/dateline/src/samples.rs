//! The five sample articles, embedded in the library and the binary.
//!
//! They are the project's demo corpus: scraped, machine-translated news on
//! alleged foreign interference in US elections, with the noise real scrapes
//! carry. Being embedded, they work from any directory and after
//! `cargo install`; `dateline search` indexes them when no index or corpus is
//! given. The files themselves are in `examples/corpus/seeds/`.

use crate::parse::{Document, Error, Parser};

/// One sample article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sample {
    /// The document id: the file name without its extension.
    pub id: &'static str,
    /// The article as scraped.
    pub text: &'static str,
}

macro_rules! sample {
    ($id:literal) => {
        Sample {
            id: $id,
            text: include_str!(concat!("../../../examples/corpus/seeds/", $id, ".txt")),
        }
    };
}

/// The sample articles, in file-name order.
pub const ARTICLES: &[Sample] = &[
    sample!("000_61d203704fab0176"),
    sample!("001_f59ec590bb28e41f"),
    sample!("002_7f3053ad9fff72a9"),
    sample!("003_64def25e471f1daf"),
    sample!("004_969307ade84956c6"),
];

/// The sample article with this id.
pub fn article(id: &str) -> Option<&'static Sample> {
    ARTICLES.iter().find(|s| s.id == id)
}

/// The sample articles parsed with the default [`Parser`], as
/// `dateline parse examples/corpus/seeds` parses them.
///
/// ```
/// let docs = dateline::samples::documents()?;
/// assert_eq!(docs.len(), 5);
/// assert_eq!(docs[0].id, "000_61d203704fab0176");
/// # Ok::<(), dateline::parse::Error>(())
/// ```
pub fn documents() -> Result<Vec<Document>, Error> {
    let parser = Parser::new();
    ARTICLES
        .iter()
        .map(|s| parser.parse(s.id, s.text))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_articles_are_the_files() {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus/seeds");
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        let ids: Vec<String> = ARTICLES.iter().map(|s| format!("{}.txt", s.id)).collect();
        assert_eq!(names, ids);
        for s in ARTICLES {
            let file = std::fs::read_to_string(dir.join(format!("{}.txt", s.id))).unwrap();
            assert_eq!(file, s.text, "{}", s.id);
        }
    }
}
