//! `dateline eval ner|quotes|html`: dispatch to the evaluation commands.

use super::CmdResult;

/// What to evaluate.
#[derive(Debug, clap::Subcommand)]
pub(crate) enum EvalCommand {
    /// Score entity tagging against the gold sets.
    Ner(super::eval_ner::Args),
    /// Score quotation detection and speakers against the bundled gold.
    Quotes(super::eval_quotes::Args),
    /// Score article extraction from HTML against the benchmarks of the data directory.
    Html(super::eval_html::Args),
}

pub(crate) fn run(cmd: EvalCommand) -> CmdResult {
    match cmd {
        EvalCommand::Ner(a) => super::eval_ner::run(a),
        EvalCommand::Quotes(a) => super::eval_quotes::run(a),
        EvalCommand::Html(a) => super::eval_html::run(a),
    }
}
