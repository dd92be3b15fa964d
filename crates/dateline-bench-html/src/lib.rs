//! Holds the HTML extraction benchmark (`benches/html.rs`): Dateline's
//! HTML-to-document path against two published Rust extractors,
//! `rs-trafilatura` and `dom_smoothie`, on the same pages in one run.
//!
//! The crate has no code of its own; it exists so that the baselines are
//! dependencies of this benchmark only and never of the Dateline crates.
//! Run it with `cargo bench -p dateline-bench-html`; the figures are in
//! docs/PERFORMANCE.md.
//!
//! ```text
//! cargo bench -p dateline-bench-html
//! ```
