//! The bounded queue in front of tantivy's indexing threads.
//!
//! tantivy's writer takes documents through a channel of up to 10,000
//! documents, whatever their size, and indexes them on its own threads;
//! when analysis outruns indexing, that channel alone can hold hundreds of
//! megabytes. Each document handed to tantivy here is a [`QueuedDoc`]
//! that carries its estimated size into a shared [`Gauge`] and takes it out
//! again when tantivy drops the document after indexing it, and
//! [`Gauge::reserve`] blocks the caller while the pending bytes would pass
//! the queue's share of the memory budget. The estimate is the document's
//! serialized size (terms, stored record), which is what tantivy's compact
//! document holds.

use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::Duration;

use tantivy::TantivyDocument;
use tantivy::schema::document::Document;

/// Bytes of documents handed to tantivy and not yet indexed.
#[derive(Debug, Default)]
pub(super) struct Gauge {
    pending: Mutex<usize>,
    drained: Condvar,
}

/// How long the queue may make no progress before a document is let
/// through anyway (tantivy then reports why its threads stopped).
const STALL: Duration = Duration::from_secs(30);

impl Gauge {
    /// Waits until `bytes` more fit under `limit` (a document larger than
    /// the limit waits for an empty queue), then counts them as pending.
    pub(super) fn reserve(self: &Arc<Gauge>, bytes: usize, limit: usize) -> Pending {
        let mut pending = self.pending.lock().unwrap_or_else(PoisonError::into_inner);
        let mut last = *pending;
        while *pending > 0 && *pending + bytes > limit {
            let (guard, timeout) = self
                .drained
                .wait_timeout(pending, STALL)
                .unwrap_or_else(PoisonError::into_inner);
            pending = guard;
            if timeout.timed_out() && *pending == last {
                break;
            }
            last = *pending;
        }
        *pending += bytes;
        Pending {
            bytes,
            gauge: Arc::clone(self),
        }
    }
}

/// A reservation of pending bytes, released when dropped.
#[derive(Debug)]
pub(super) struct Pending {
    bytes: usize,
    gauge: Arc<Gauge>,
}

impl Drop for Pending {
    fn drop(&mut self) {
        let mut pending = self
            .gauge
            .pending
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        *pending = pending.saturating_sub(self.bytes);
        self.gauge.drained.notify_all();
    }
}

/// A document in tantivy's queue, counted by the [`Gauge`] until tantivy
/// has indexed and dropped it.
#[derive(Debug)]
pub(super) struct QueuedDoc {
    pub(super) doc: TantivyDocument,
    pub(super) _pending: Pending,
}

impl Document for QueuedDoc {
    type Value<'a> = <TantivyDocument as Document>::Value<'a>;
    type FieldsValuesIter<'a> = <TantivyDocument as Document>::FieldsValuesIter<'a>;

    fn iter_fields_and_values(&self) -> Self::FieldsValuesIter<'_> {
        self.doc.iter_fields_and_values()
    }
}

/// Estimated bytes a document holds in tantivy's queue: its terms (text
/// and a few bytes of position data each) and its stored record.
pub(super) fn estimate(terms: impl Iterator<Item = usize>, stored: usize, fields: usize) -> usize {
    terms.map(|len| len + 24).sum::<usize>() + stored + 32 * fields + 256
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserve_waits_until_the_queue_has_room() {
        let gauge = Arc::new(Gauge::default());
        let first = gauge.reserve(60, 100);
        // Larger than the limit, but the queue is not empty: waits for `first`.
        let waiter = {
            let gauge = Arc::clone(&gauge);
            std::thread::spawn(move || gauge.reserve(150, 100))
        };
        std::thread::sleep(Duration::from_millis(50));
        assert!(!waiter.is_finished());
        drop(first);
        let second = waiter.join().unwrap();
        assert_eq!(*gauge.pending.lock().unwrap(), 150);
        drop(second);
        assert_eq!(*gauge.pending.lock().unwrap(), 0);
    }

    #[test]
    fn small_documents_share_the_queue() {
        let gauge = Arc::new(Gauge::default());
        let held: Vec<Pending> = (0..10).map(|_| gauge.reserve(10, 100)).collect();
        assert_eq!(*gauge.pending.lock().unwrap(), 100);
        drop(held);
        assert_eq!(
            estimate([3, 4].into_iter(), 10, 1),
            3 + 4 + 48 + 10 + 32 + 256
        );
    }
}
