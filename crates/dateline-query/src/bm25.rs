//! BM25 as Lucene and tantivy compute it.
//!
//! `score = idf · (k1 + 1) · tf / (tf + k1 · (1 − b + b · dl / avgdl))` with
//! `k1 = 1.2`, `b = 0.75` and `idf = ln(1 + (N − n + 0.5) / (n + 0.5))`.
//! Document lengths `dl` are stored in Lucene's one-byte encoding (a small
//! float with a 3-bit mantissa above 24; exact below) and decoded before
//! use, so scores match an engine that stores norms the same way; `avgdl`
//! is the exact mean length. All arithmetic is in `f32`, in the same order,
//! so that scores agree with tantivy's to well under 1e-4.

/// BM25 term-frequency saturation.
pub const K1: f32 = 1.2;
/// BM25 length normalization.
pub const B: f32 = 0.75;

/// Lengths below this are stored exactly.
const NUM_FREE_VALUES: u32 = 24;

/// A 4-bit-mantissa float code of a non-negative integer: values below 8
/// are exact; above, 3 mantissa bits and an exponent, rounding down.
fn long_to_int4(i: u64) -> u32 {
    let num_bits = 64 - i.leading_zeros();
    if num_bits < 4 {
        i as u32
    } else {
        let shift = num_bits - 4;
        (((i >> shift) & 0x07) as u32) | ((shift + 1) << 3)
    }
}

fn int4_to_long(code: u32) -> u64 {
    let bits = u64::from(code & 0x07);
    let shift = (code >> 3) as i64 - 1;
    if shift < 0 {
        bits
    } else {
        (bits | 0x08) << shift
    }
}

/// The one-byte code of a field length (Lucene's `intToByte4`).
pub fn fieldnorm_id(len: u32) -> u8 {
    if len < NUM_FREE_VALUES {
        len as u8
    } else {
        (NUM_FREE_VALUES + long_to_int4(u64::from(len - NUM_FREE_VALUES))).min(255) as u8
    }
}

/// The field length a one-byte code stands for (Lucene's `byte4ToInt`).
pub fn fieldnorm_len(id: u8) -> u32 {
    let id = u32::from(id);
    if id < NUM_FREE_VALUES {
        id
    } else {
        (u64::from(NUM_FREE_VALUES) + int4_to_long(id - NUM_FREE_VALUES)).min(u64::from(u32::MAX))
            as u32
    }
}

/// `ln(1 + (N − n + 0.5) / (n + 0.5))`.
pub fn idf(doc_freq: u64, num_docs: u64) -> f32 {
    let x = ((num_docs.saturating_sub(doc_freq)) as f32 + 0.5) / (doc_freq as f32 + 0.5);
    (1.0 + x).ln()
}

/// The length-normalization term `k1 · (1 − b + b · dl / avgdl)` for each
/// of the 256 norm codes of a field whose mean length is
/// `total_tokens / num_docs`.
pub(crate) fn norm_table(total_tokens: u64, num_docs: u64) -> [f32; 256] {
    let avg = if num_docs == 0 {
        1.0
    } else {
        total_tokens as f32 / num_docs as f32
    };
    let mut cache = [0.0f32; 256];
    for (i, c) in cache.iter_mut().enumerate() {
        *c = K1 * (1.0 - B + B * fieldnorm_len(i as u8) as f32 / avg);
    }
    cache
}

/// Precomputed weight of one term (or phrase) in one field.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bm25<'a> {
    weight: f32,
    cache: &'a [f32; 256],
}

impl<'a> Bm25<'a> {
    /// A weight for a term with the given (summed) idf, over a field's
    /// [`norm_table`].
    pub(crate) fn new(idf: f32, cache: &'a [f32; 256]) -> Bm25<'a> {
        Bm25 {
            weight: idf * (1.0 + K1),
            cache,
        }
    }

    /// Score of a document with field norm code `norm` and `tf` occurrences.
    #[inline]
    pub(crate) fn score(&self, norm: u8, tf: u32) -> f32 {
        let tf = tf as f32;
        self.weight * (tf / (tf + self.cache[norm as usize]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_lengths_are_exact_and_codes_round_down() {
        for len in 0..NUM_FREE_VALUES {
            assert_eq!(fieldnorm_len(fieldnorm_id(len)), len);
        }
        let mut prev = 0;
        for len in 0..100_000u32 {
            let id = fieldnorm_id(len);
            assert!(fieldnorm_len(id) <= len, "{len}");
            assert!(id >= prev);
            prev = id;
        }
        assert_eq!(fieldnorm_len(255), 2_013_265_944);
        assert_eq!(fieldnorm_id(u32::MAX), 255);
        for id in 0..=255u8 {
            assert_eq!(fieldnorm_id(fieldnorm_len(id)), id);
        }
    }

    #[test]
    fn idf_matches_formula() {
        assert!((idf(1, 10) - (1.0f32 + 9.5 / 1.5).ln()).abs() < 1e-6);
        assert!(idf(10, 10) > 0.0);
    }
}
