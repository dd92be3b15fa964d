//! The `dateline` command line.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Writes a line to standard error, ignoring a failing standard error (see
/// `output`): `report!("error: {e}")`.
macro_rules! report {
    ($($arg:tt)*) => {
        $crate::output::stderr_line(format_args!($($arg)*))
    };
}

mod commands;
mod input;
mod output;
mod pipeline;

/// Turn raw news articles into structured, tokenized, entity-tagged, searchable records.
#[derive(Debug, Parser)]
#[command(name = "dateline", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Parse articles into documents with typed blocks.
    Parse(commands::parse::Args),
    /// Tokens (and sentences) of articles.
    Tokens(commands::tokens::Args),
    /// Sentences of articles.
    Sentences(commands::sentences::Args),
    /// Named entities with canonical names.
    Entities(commands::entities::Args),
    /// Quotations and their speakers.
    Quotes(commands::quotes::Args),
    /// Evaluate against gold data.
    #[command(subcommand)]
    Eval(commands::eval::EvalCommand),
    /// Train models.
    #[command(subcommand)]
    Train(commands::train::TrainCommand),
    /// Build or extend a search index.
    Index(commands::index::Args),
    /// Search an index (or the bundled corpus).
    Search(commands::search::Args),
}

fn main() -> ExitCode {
    output::guard_standard_streams();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match cli.command {
        Command::Parse(a) => commands::parse::run(a),
        Command::Tokens(a) => commands::tokens::run(a),
        Command::Sentences(a) => commands::sentences::run(a),
        Command::Entities(a) => commands::entities::run(a),
        Command::Quotes(a) => commands::quotes::run(a),
        Command::Eval(c) => commands::eval::run(c),
        Command::Train(c) => commands::train::run(c),
        Command::Index(a) => commands::index::run(a),
        Command::Search(a) => commands::search::run(a),
    };
    match result {
        Ok(code) => code,
        Err(commands::CliError::BrokenPipe) => ExitCode::SUCCESS,
        Err(e) => {
            report!("error: {e}");
            ExitCode::from(e.exit_code())
        }
    }
}
