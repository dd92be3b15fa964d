//! Integration tests of `dateline-tag` through its public API, one binary:
//! entities and quotations of the sample articles, the golden snapshot, the
//! pipeline of named passes and its trace, the per-rule cases, the model,
//! the gold sets of the data directory, sense, scaling, memory and property
//! tests.

mod entities;
mod eval_data;
mod golden;
mod memory;
mod model_props;
mod model_reproduce;
mod pipeline;
mod quotes;
mod rules;
mod scaling;
mod sense;
