//! Who and what a news article names, and who said what: entity mentions
//! with labels, canonical names and normalized values, and quotations with
//! their speakers, robust to dirty, badly translated text.
//!
//! # Overview
//! - [`Tagger`] is the entry point. [`Tagger::entities`] tags a parsed
//!   [`Document`]'s content blocks (boilerplate is left out; see
//!   [`Tagger::boilerplate_entities`]), [`Tagger::entities_text`] tags plain
//!   text, and [`Tagger::annotate`] returns a [`TaggedDocument`] with
//!   entities and [`Quote`]s.
//! - [`Entity`]: byte span, surface text, [`Label`] (OntoNotes names:
//!   PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, DATE, TIME, MONEY, PERCENT,
//!   MISC), canonical name ("Donald trump", "Trump" and "President Donald
//!   Trump" are all "Donald Trump"; "США" is "United States") and a
//!   normalized value for dates ("2018-07-19", "2018-11"), amounts
//!   ("USD 380000000") and percentages. A GPE mention also has a [`Sense`]:
//!   the place itself ("in Russia") or the state acting under its name
//!   ("Russia announced sanctions").
//! - [`KnowledgeBase`]: the bundled, extensible list of places,
//!   organisations and people with their aliases, mistranslations and
//!   foreign-script forms (tab-separated files in `data/`; the format is
//!   documented on [`KnowledgeBase::parse`]). Matching is case- and
//!   diacritic-insensitive on the tokenize layer's normalized tokens.
//! - [`NerModel`]: the learned sequence model (an averaged perceptron whose
//!   weights are committed in the crate) that finds names the knowledge base
//!   does not list.
//! - [`Tagger::explain`]: which rules (passes of the pipeline, by stable id)
//!   made each entity, and which dropped the candidates that are not
//!   entities; [`Tagger::builder`] switches rules off and sets the model.
//!
//! # Features
//! Tagging needs none. `eval` adds the gold-data readers and scorers behind
//! `dateline eval` (`eval` module, `score_quotes`); `train` (which implies
//! `eval`) adds training the model and the word clusters and silver training
//! data (`train`, `TrainConfig`, `silver`). The `dateline` command line
//! enables both.
//!
//! Knowledge base, rules (titles, first names, organisation and place
//! heads, acronyms) and the model propose mentions; document-level
//! resolution then joins surnames to full names and acronyms to their
//! expansions, gives each cluster one label and one canonical name, and
//! carries a name found once to its other mentions however they are cased.
//!
//! # Example
//! ```
//! use dateline_tag::{Label, Sense, Tagger};
//!
//! let article = "Bolton met Patrushev in Geneva\n\n\
//!     The national security adviser of Donald trump, John Bolton, met Nikolai \
//!     Pátrushev in Geneva on Thursday. \u{201c}We will not tolerate interference,\u{201d} \
//!     Bolton said.\n";
//! let doc = dateline_tag::parse::Parser::new().parse("geneva", article)?;
//! let tagged = Tagger::new().annotate(doc);
//! let text = &tagged.document.text;
//!
//! let canon = |surface: &str| {
//!     tagged.entities.iter().find(|e| e.text == surface).map(|e| (e.label, e.canonical.as_str()))
//! };
//! assert_eq!(canon("Donald trump"), Some((Label::Person, "Donald Trump")));
//! assert_eq!(canon("Nikolai Pátrushev"), Some((Label::Person, "Nikolai Patrushev")));
//! assert_eq!(canon("Patrushev"), Some((Label::Person, "Nikolai Patrushev")));
//! assert_eq!(canon("Geneva").map(|c| c.0), Some(Label::Gpe));
//! let geneva = tagged.entities.iter().find(|e| e.text == "Geneva").unwrap();
//! assert_eq!(geneva.sense, Some(Sense::Place)); // the city, not its government
//! for e in &tagged.entities {
//!     assert_eq!(&text[e.span], e.text); // spans are byte offsets into the article
//! }
//!
//! let quote = &tagged.quotes[0];
//! assert_eq!(quote.text, "We will not tolerate interference,");
//! assert_eq!(quote.speaker.as_deref(), Some("John Bolton"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Input safety
//! Any string can be tagged without a panic; spans are always on character
//! boundaries, ordered and non-overlapping (checked by property tests).
//! Knowledge-base files with errors are rejected with the file and line.

pub use dateline_tokenize::{
    self as tokenize, Analysis, Block, BlockKind, Date, Document, Sentence, Span, Token, TokenKind,
    Tokenizer, parse,
};

pub use crate::entity::{Entity, Label, LabelError, Sense, TaggedDocument};
pub use crate::error::Error;
pub use crate::kb::{KbEntry, KnowledgeBase};
#[cfg(feature = "train")]
pub use crate::model::{
    CLUSTER_TEXT_FILES, ClusterConfig, TRAIN_FILES, TrainConfig, TrainDoc, train,
};
pub use crate::model::{KbHint, ModelError, ModelSpan, NerModel, WordClusters};
#[cfg(feature = "eval")]
pub use crate::quote::eval::{
    Counts, GoldDocument, GoldQuote, QuoteError, QuoteScores, score_quotes,
};
#[cfg(feature = "eval")]
pub use crate::quote::news_eval::{
    CueCounts, CueKind, NameScores, NewsGold, NewsGoldDocument, NewsGoldQuote, NewsScores, Split,
    score_names, score_news,
};
pub use crate::quote::{
    ExplainedQuote, Quote, QuoteKind, RULES as QUOTE_RULES, explain as explain_quotes,
    extract as extract_quotes,
};
pub use crate::tagger::{RuleId, RuleInfo};
pub use crate::tagging::{DroppedCandidate, ExplainedEntity, Explanation, Tagger, TaggerBuilder};

mod entity;
mod error;
#[cfg(feature = "eval")]
pub mod eval;
mod fxhash;
mod kb;
mod lexicon;
mod model;
mod quote;
mod sense;
#[cfg(feature = "train")]
pub mod silver;
mod tagger;
mod tagging;
mod temporal;
mod tokens;
mod words;
