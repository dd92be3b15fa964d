//! Automatic merges within the writer's memory budget.
//!
//! A merge reads its input segments through memory maps and writes the
//! merged segment; the pages it reads stay resident until the inputs are
//! dropped, so its memory is about the size of its inputs on disk. tantivy's
//! log merge policy bounds merges by document count only (up to ten
//! million), so its merges grow with the archive. [`BudgetMergePolicy`]
//! keeps the log policy's choice of which segments to merge and caps each
//! merge's input at a number of bytes on disk: segments larger than half the
//! cap are left alone, and a candidate is cut down to its smallest segments
//! that fit. With one merge at a time (the writer runs a single merge
//! thread) the memory of automatic merges is bounded by the cap whatever the
//! size of the archive. Larger merges are left to an explicit
//! [`ArchiveWriter::merge_all`](super::ArchiveWriter::merge_all).

use std::path::PathBuf;

use tantivy::index::{SegmentComponent, SegmentMeta};
use tantivy::merge_policy::{LogMergePolicy, MergeCandidate, MergePolicy};

/// The files of a segment that hold its data.
const COMPONENTS: [SegmentComponent; 7] = [
    SegmentComponent::Postings,
    SegmentComponent::Positions,
    SegmentComponent::FastFields,
    SegmentComponent::FieldNorms,
    SegmentComponent::Terms,
    SegmentComponent::Store,
    SegmentComponent::Delete,
];

/// A log merge policy whose merges read at most `max_bytes` of segments.
#[derive(Debug)]
pub(super) struct BudgetMergePolicy {
    inner: LogMergePolicy,
    dir: PathBuf,
    max_bytes: u64,
}

impl BudgetMergePolicy {
    /// Merges in the archive at `dir` that read at most `max_bytes`.
    pub(super) fn new(dir: PathBuf, max_bytes: u64) -> BudgetMergePolicy {
        BudgetMergePolicy {
            inner: LogMergePolicy::default(),
            dir,
            max_bytes,
        }
    }

    /// A segment's size on disk (0 for files that cannot be read: such a
    /// segment is small or about to be replaced).
    fn size(&self, meta: &SegmentMeta) -> u64 {
        COMPONENTS
            .iter()
            .filter_map(|c| std::fs::metadata(self.dir.join(meta.relative_path(c.clone()))).ok())
            .map(|m| m.len())
            .sum()
    }
}

/// Cuts a candidate (segments with their sizes) down to its smallest
/// segments whose sizes add up to at most `max_bytes`; `None` when fewer
/// than two fit.
fn within(mut sized: Vec<(u64, SegmentMeta)>, max_bytes: u64) -> Option<Vec<SegmentMeta>> {
    sized.sort_by_key(|(size, _)| *size);
    let mut total = 0u64;
    let kept: Vec<SegmentMeta> = sized
        .into_iter()
        .take_while(|(size, _)| {
            total = total.saturating_add(*size);
            total <= max_bytes
        })
        .map(|(_, m)| m)
        .collect();
    (kept.len() >= 2).then_some(kept)
}

impl MergePolicy for BudgetMergePolicy {
    fn compute_merge_candidates(&self, segments: &[SegmentMeta]) -> Vec<MergeCandidate> {
        let sized: Vec<(u64, SegmentMeta)> = segments
            .iter()
            .map(|m| (self.size(m), m.clone()))
            .filter(|(size, _)| *size <= self.max_bytes / 2)
            .collect();
        let small: Vec<SegmentMeta> = sized.iter().map(|(_, m)| m.clone()).collect();
        self.inner
            .compute_merge_candidates(&small)
            .into_iter()
            .filter_map(|candidate| {
                let members = sized
                    .iter()
                    .filter(|(_, m)| candidate.0.contains(&m.id()))
                    .cloned()
                    .collect();
                within(members, self.max_bytes)
            })
            .map(|kept| MergeCandidate(kept.iter().map(SegmentMeta::id).collect()))
            .collect()
    }
}
