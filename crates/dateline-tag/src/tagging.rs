//! The tagger: its configuration (knowledge base, model, passes switched
//! off) and its answers, with or without the trace of the rules behind them.

use std::sync::Arc;

use crate::tagger::{Config, RuleId, RuleInfo, Tagged};
use crate::{
    Block, BlockKind, Document, Entity, Error, KnowledgeBase, Label, NerModel, Quote, Span,
    TaggedDocument, Tokenizer,
};

#[derive(Debug, Clone)]
enum KbRef {
    Bundled,
    Custom(Arc<KnowledgeBase>),
}

#[derive(Debug, Clone)]
enum ModelRef {
    Off,
    Bundled,
    Custom(Arc<NerModel>),
}

/// Finds entities and quotations.
///
/// The tagger is cheap to clone, `Send` and `Sync`; the bundled knowledge
/// base is parsed once per process. [`Tagger::builder`] sets the knowledge
/// base, the model (or none) and the passes switched off;
/// [`Tagger::explain`] says which rules made each entity.
#[derive(Debug, Clone)]
pub struct Tagger {
    kb: KbRef,
    tokenizer: Tokenizer,
    model: ModelRef,
    /// Bit `i` set: pass `i` of the pipeline is switched off.
    disabled: u64,
    /// Bit `i` set: rule `i` inside a pass is switched off (the
    /// capitalized-run ladder's rules, then the decision points).
    inner_off: u128,
    /// Bit `i` set: rule `i` of the date and amount scanner is switched off.
    dates_off: u64,
}

impl Default for Tagger {
    fn default() -> Self {
        Tagger::new()
    }
}

impl Tagger {
    /// A tagger with the bundled knowledge base and the bundled model.
    pub fn new() -> Tagger {
        Tagger {
            kb: KbRef::Bundled,
            tokenizer: Tokenizer::new(),
            model: ModelRef::Bundled,
            disabled: 0,
            inner_off: 0,
            dates_off: 0,
        }
    }

    /// A builder: knowledge base, model and passes switched off.
    pub fn builder() -> TaggerBuilder {
        TaggerBuilder::default()
    }

    /// A tagger with another knowledge base (e.g. the bundled one extended
    /// with [`KnowledgeBase::extend_from_file`]).
    pub fn with_knowledge_base(kb: KnowledgeBase) -> Tagger {
        Tagger {
            kb: KbRef::Custom(Arc::new(kb)),
            ..Tagger::new()
        }
    }

    /// Turns the bundled learned model on or off (on by default); with it
    /// off only the knowledge base and the rules tag.
    pub fn with_model(mut self, on: bool) -> Tagger {
        self.model = if on { ModelRef::Bundled } else { ModelRef::Off };
        self
    }

    /// The passes of the tagging pipeline, in the order they run; their ids
    /// are the rule ids of [`Tagger::explain`] and
    /// [`TaggerBuilder::disable`].
    pub fn passes() -> Vec<RuleInfo> {
        crate::tagger::rules().collect()
    }

    /// Every rule id: the passes, then the rules inside passes in the order
    /// they are asked (`dates.weekday`, …, `cap-runs.org`, …), then the
    /// decision points of the other passes (`kb.place-team`, …,
    /// `resolve.vote`).
    pub fn rules() -> Vec<RuleInfo> {
        crate::tagger::rules()
            .chain(crate::tagger::inner_rules())
            .collect()
    }

    /// The knowledge base in use.
    pub fn knowledge_base(&self) -> &KnowledgeBase {
        match &self.kb {
            KbRef::Bundled => KnowledgeBase::bundled(),
            KbRef::Custom(kb) => kb,
        }
    }

    /// The learned model in use, if any.
    pub fn model(&self) -> Option<&NerModel> {
        match &self.model {
            ModelRef::Off => None,
            ModelRef::Bundled => Some(NerModel::bundled()),
            ModelRef::Custom(m) => Some(m),
        }
    }

    fn tag(&self, doc: &Document, trace: bool, want: impl Fn(&Block) -> bool) -> Tagged {
        let config = Config {
            model: self.model(),
            disabled: self.disabled,
            inner_off: self.inner_off,
            dates_off: self.dates_off,
            trace,
        };
        crate::tagger::tag_document(self.knowledge_base(), &self.tokenizer, config, doc, want)
    }

    /// Entity mentions of a document's article text, in text order: content
    /// blocks (title, headings, paragraphs, captions), datelines, and
    /// repetitions of the headline that the parser set aside; never
    /// navigation, teasers, widgets or footers.
    pub fn entities(&self, doc: &Document) -> Vec<Entity> {
        let tagged = self.tag(doc, false, is_article_text);
        tagged.entities.into_iter().map(|(e, _)| e).collect()
    }

    /// The entities of [`Tagger::entities`], each with the ids of the rules
    /// that shaped it in the order they acted, and the candidates that were
    /// dropped on the way with the rule that dropped them.
    pub fn explain(&self, doc: &Document) -> Explanation {
        let tagged = self.tag(doc, true, is_article_text);
        Explanation {
            entities: tagged
                .entities
                .into_iter()
                .map(|(entity, rules)| ExplainedEntity { entity, rules })
                .collect(),
            dropped: tagged
                .dropped
                .into_iter()
                .map(|(span, label, rules, dropped_by)| DroppedCandidate {
                    span,
                    text: doc.text.get(span.range()).unwrap_or_default().to_string(),
                    label,
                    rules,
                    dropped_by,
                })
                .collect(),
        }
    }

    /// Entity mentions of a document's boilerplate blocks (navigation,
    /// teasers, footers), tagged separately from the article text.
    pub fn boilerplate_entities(&self, doc: &Document) -> Vec<Entity> {
        let tagged = self.tag(doc, false, |b| !is_article_text(b));
        tagged.entities.into_iter().map(|(e, _)| e).collect()
    }

    /// Entity mentions of plain text (the whole text is one paragraph).
    pub fn entities_text(&self, text: &str) -> Vec<Entity> {
        self.entities(&plain_document(text))
    }

    /// Quotations of a document, given its entities.
    pub fn quotes(&self, doc: &Document, entities: &[Entity]) -> Vec<Quote> {
        crate::quote::extract(doc, entities)
    }

    /// Tags a document: entities and quotations.
    pub fn annotate(&self, document: Document) -> TaggedDocument {
        let entities = self.entities(&document);
        let quotes = self.quotes(&document, &entities);
        TaggedDocument {
            document,
            entities,
            quotes,
        }
    }
}

/// Builds a [`Tagger`]: knowledge base, model (or none), passes switched
/// off.
///
/// ```
/// use dateline_tag::Tagger;
///
/// let tagger = Tagger::builder().model(None).disable("storms").build()?;
/// assert!(tagger.model().is_none());
/// assert!(Tagger::builder().disable("no-such-rule").build().is_err());
/// # Ok::<(), dateline_tag::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct TaggerBuilder {
    kb: Option<Arc<KnowledgeBase>>,
    model: Option<ModelRef>,
    disable: Vec<String>,
}

impl TaggerBuilder {
    /// Uses `kb` instead of the bundled knowledge base.
    pub fn knowledge_base(mut self, kb: KnowledgeBase) -> TaggerBuilder {
        self.kb = Some(Arc::new(kb));
        self
    }

    /// Uses `model` instead of the bundled model; `None` tags without a
    /// model.
    pub fn model(mut self, model: Option<NerModel>) -> TaggerBuilder {
        self.model = Some(model.map_or(ModelRef::Off, |m| ModelRef::Custom(Arc::new(m))));
        self
    }

    /// Uses the bundled model (`true`, the default) or none.
    pub fn bundled_model(mut self, on: bool) -> TaggerBuilder {
        self.model = Some(if on { ModelRef::Bundled } else { ModelRef::Off });
        self
    }

    /// Switches off the pass or rule with id `id` (see [`Tagger::rules`]).
    pub fn disable(mut self, id: &str) -> TaggerBuilder {
        self.disable.push(id.to_string());
        self
    }

    /// The tagger.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownRule`] for an id no pass has, [`Error::RequiredRule`]
    /// for a pass later passes depend on.
    pub fn build(self) -> Result<Tagger, Error> {
        let (mut disabled, mut inner_off, mut dates_off) = (0u64, 0u128, 0u64);
        for id in &self.disable {
            if let Some(i) = crate::temporal::find_rule(id) {
                dates_off |= 1 << i;
                continue;
            }
            if let Some(i) = crate::tagger::find_inner(id) {
                inner_off |= 1 << i;
                continue;
            }
            let Some((i, pass)) = crate::tagger::find_pass(id) else {
                return Err(Error::UnknownRule { id: id.clone() });
            };
            if pass.required {
                return Err(Error::RequiredRule { id: id.clone() });
            }
            disabled |= 1 << i;
        }
        Ok(Tagger {
            kb: self.kb.map_or(KbRef::Bundled, KbRef::Custom),
            tokenizer: Tokenizer::new(),
            model: self.model.unwrap_or(ModelRef::Bundled),
            disabled,
            inner_off,
            dates_off,
        })
    }
}

/// Why each entity of a document came out as it did ([`Tagger::explain`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    /// The entities, as [`Tagger::entities`] gives them, with their rules.
    pub entities: Vec<ExplainedEntity>,
    /// Candidates that did not become entities, in text order.
    pub dropped: Vec<DroppedCandidate>,
}

/// An entity with the rules that shaped it.
#[derive(Debug, Clone, PartialEq)]
pub struct ExplainedEntity {
    /// The entity.
    pub entity: Entity,
    /// Ids of the rules that proposed, relabelled, extended or merged it, in
    /// the order they acted (never empty).
    pub rules: Vec<RuleId>,
}

/// A candidate mention that a rule dropped.
#[derive(Debug, Clone, PartialEq)]
pub struct DroppedCandidate {
    /// Where it was.
    pub span: Span,
    /// Its text.
    pub text: String,
    /// Its label when it was dropped.
    pub label: Label,
    /// The rules that had shaped it.
    pub rules: Vec<RuleId>,
    /// The rule that dropped it (`output` when an overlapping entity won).
    pub dropped_by: RuleId,
}

/// Blocks whose entities are article content.
fn is_article_text(b: &Block) -> bool {
    b.kind.is_content()
        || b.kind == BlockKind::Dateline
        || (b.kind == BlockKind::Boilerplate
            && b.reason.as_deref().is_some_and(|r| r.contains("title")))
}

/// `text` as a document with no metadata and no article structure: one
/// paragraph (see [`Document::into_plain`]).
pub(crate) fn plain_document(text: &str) -> Document {
    Document {
        id: String::new(),
        text: text.to_string(),
        title: None,
        site: None,
        date: None,
        url: None,
        authors: Vec::new(),
        language: None,
        date_source: None,
        canonical_url: None,
        blocks: Vec::new(),
    }
    .into_plain()
}
