//! Byte offsets to code-point offsets: Python slices a `str` by code point.

/// Byte offsets to code-point offsets of one text.
#[derive(Debug)]
pub(crate) struct CharIndex {
    /// Byte offset of each character; empty for an ASCII text, whose byte
    /// and character offsets are equal.
    starts: Vec<usize>,
}

impl CharIndex {
    pub(crate) fn new(text: &str) -> CharIndex {
        let starts = if text.is_ascii() {
            Vec::new()
        } else {
            text.char_indices().map(|(i, _)| i).collect()
        };
        CharIndex { starts }
    }

    /// The character offset of a byte offset on a character boundary (or
    /// the end of the text).
    pub(crate) fn char_of(&self, byte: usize) -> usize {
        if self.starts.is_empty() {
            byte
        } else {
            self.starts.partition_point(|&s| s < byte)
        }
    }
}
