//! The tokenize layer's fast word hasher, under the names the tagger uses.

pub(crate) use dateline_tokenize::hash::{FxHashMap, FxHashSet};
