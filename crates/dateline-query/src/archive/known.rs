//! Which added documents may replace one already in the archive.
//!
//! A replacement (same id) is a delete of the id before the add. tantivy
//! keeps every delete of a writing session in memory until the commit, at
//! about a kilobyte each (a term query's weight), so deleting before every
//! add made a session's memory grow with the number of documents: a
//! million adds held about a gigabyte. [`Known`] issues the delete only
//! when the id may be present: in a segment committed before the writer
//! opened (a lookup in that segment's id dictionary), or added earlier by
//! this writer (a fixed-size bitset of id hashes, so memory does not grow;
//! a hash collision only costs a needless delete, never a lost document).

use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

use tantivy::{InvertedIndexReader, Term};

/// Bits of the bitset of ids added by this writer (8 MB).
const SESSION_BITS: usize = 1 << 26;

/// The ids a writer may be replacing.
pub(super) struct Known {
    /// The id dictionaries of the segments committed when the writer opened.
    committed: Vec<Arc<InvertedIndexReader>>,
    /// Hashed ids added by this writer; allocated at the first add.
    session: Vec<u64>,
}

impl Known {
    pub(super) fn new(committed: Vec<Arc<InvertedIndexReader>>) -> Known {
        Known {
            committed,
            session: Vec::new(),
        }
    }

    /// Records `id` (as `term`) as added, and says whether a document with
    /// this id may already be there.
    pub(super) fn add(&mut self, id: &str, term: &Term) -> bool {
        let mut h = DefaultHasher::new();
        id.hash(&mut h);
        let bit = (h.finish() as usize) % SESSION_BITS;
        if self.session.is_empty() {
            self.session = vec![0; SESSION_BITS / 64];
        }
        let (word, mask) = (bit / 64, 1u64 << (bit % 64));
        let seen = self.session[word] & mask != 0;
        self.session[word] |= mask;
        // A dictionary that cannot be read counts as holding the id.
        seen || self
            .committed
            .iter()
            .any(|inv| !matches!(inv.get_term_info(term), Ok(None)))
    }
}

impl std::fmt::Debug for Known {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Known")
            .field("committed_segments", &self.committed.len())
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_added_twice_is_known_the_second_time() {
        let mut known = Known::new(Vec::new());
        let field = tantivy::schema::Field::from_field_id(0);
        let term = |id: &str| Term::from_field_text(field, id);
        assert!(!known.add("a", &term("a")));
        assert!(!known.add("b", &term("b")));
        assert!(known.add("a", &term("a")));
    }
}
