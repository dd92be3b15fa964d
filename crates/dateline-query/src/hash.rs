//! The term dictionaries' map type: the tokenize layer's fast word hasher
//! (`dateline_tokenize::hash`), since dictionary lookups dominate indexing
//! after tokenization and SipHash costs several times more per short key.

/// A `HashMap` with the fast multiply-rotate hasher.
pub(crate) type FastMap<K, V> = dateline_tag::tokenize::hash::FxHashMap<K, V>;
