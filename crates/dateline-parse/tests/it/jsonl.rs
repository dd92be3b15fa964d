//! jsonl tests.
