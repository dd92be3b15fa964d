//! `dateline search QUERY [--index DIR | --corpus PATH…] [--limit N] [--facets] [--json]`
//!
//! Without `--index` or `--corpus`, searches the embedded sample articles.

use std::io::{IsTerminal, Write};

use dateline_parse::InputOptions;
use dateline_query::{Archive, Hit, Index, SearchOptions, SearchResults, parse_query};
use dateline_tag::{Document, TaggedDocument, Tagger};

use super::{CliError, CmdResult, write_json};

/// Arguments of `dateline search`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The query (see docs/QUERY.md), e.g. 'person:"John Bolton" AND gpe:russia'.
    query: String,
    /// The index to search; without it (and without --corpus), the embedded sample
    /// articles, indexed in memory.
    #[arg(long, value_name = "DIR", conflicts_with = "corpus")]
    index: Option<std::path::PathBuf>,
    /// Articles to index in memory and search instead (files, directories or `-`;
    /// repeatable), as `dateline index` reads them.
    #[arg(long, value_name = "PATH")]
    corpus: Vec<std::path::PathBuf>,
    /// Most hits to show.
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// Show facets: co-mentioned entities and a month histogram of all matches.
    #[arg(long)]
    facets: bool,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

/// Indexes documents in memory: the embedded sample articles when `corpus`
/// is empty, else the articles read from its paths (bad records, and
/// records with an id already seen, are reported and counted).
pub(crate) fn memory_index(corpus: &[std::path::PathBuf]) -> Result<(Index, usize), CliError> {
    let mut failed = 0;
    let mut docs = Vec::new();
    if corpus.is_empty() {
        docs = dateline::samples::documents()
            .map_err(|e| CliError::Failed(format!("the sample articles: {e}")))?;
    } else {
        let opts = InputOptions::default();
        let mut ids = crate::input::Ids::default();
        for path in corpus {
            docs.extend(crate::input::read_checked(
                path,
                &opts,
                &mut ids,
                &mut failed,
            ));
        }
    }
    // Tagging dominates; tag chunks on all cores, then index in order.
    let tagger = Tagger::new();
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    let chunk = docs.len().div_ceil(threads).max(1);
    let mut chunks: Vec<Vec<Document>> = Vec::new();
    while !docs.is_empty() {
        let rest = docs.split_off(chunk.min(docs.len()));
        chunks.push(std::mem::replace(&mut docs, rest));
    }
    let tagged = std::thread::scope(|s| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|c| {
                s.spawn(|| {
                    c.into_iter()
                        .map(|d| tagger.annotate(d))
                        .collect::<Vec<TaggedDocument>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join())
            .collect::<Result<Vec<_>, _>>()
    })
    .map_err(|_| CliError::Failed("tagging the corpus failed".into()))?;
    let mut index = Index::new();
    for t in tagged.iter().flatten() {
        index.add(t);
    }
    Ok((index, failed))
}

pub(crate) fn run(args: Args) -> CmdResult {
    let query = parse_query(&args.query)
        .map_err(|e| CliError::Usage(dateline::json::query_error(&args.query, &e)))?;
    // Standard output is checked before the work.
    let color = std::io::stdout().is_terminal();
    let mut out = crate::output::stdout()?;
    let opts = SearchOptions::new(args.limit).with_facets(args.facets);
    let search_failed = |e: dateline_query::Error| match e {
        dateline_query::Error::TooDeep { .. } => CliError::Usage(e.to_string()),
        e => CliError::Failed(format!("cannot search the index: {e}")),
    };
    let (results, len, failed) = match &args.index {
        Some(dir) => {
            let archive = Archive::open(dir)
                .map_err(|e| CliError::Failed(format!("cannot open the index: {e}")))?;
            (
                archive.search(&query, &opts).map_err(search_failed)?,
                archive.len(),
                0,
            )
        }
        None => {
            let (index, failed) = memory_index(&args.corpus)?;
            (
                index.search(&query, &opts).map_err(search_failed)?,
                index.len(),
                failed,
            )
        }
    };
    if args.json {
        write_json(
            &mut out,
            &dateline::json::search_results(&args.query, &results),
        )?;
    } else {
        write_text(&mut out, &args.query, &results, len, color)?;
    }
    out.flush()?;
    super::finish(failed)
}

/// The snippet with its highlights marked: bold on a terminal, brackets otherwise.
fn marked_snippet(h: &Hit, color: bool) -> String {
    let (open, close) = if color {
        ("\x1b[1;33m", "\x1b[0m")
    } else {
        ("[", "]")
    };
    let mut s = String::new();
    let mut at = 0;
    for span in &h.highlights {
        if span.start < at || span.end > h.snippet.len() {
            continue;
        }
        s.push_str(&h.snippet[at..span.start]);
        s.push_str(open);
        s.push_str(&h.snippet[*span]);
        s.push_str(close);
        at = span.end;
    }
    s.push_str(&h.snippet[at..]);
    s
}

fn write_text(
    out: &mut impl Write,
    query: &str,
    r: &SearchResults,
    docs: usize,
    color: bool,
) -> std::io::Result<()> {
    let (b, n) = if color {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("", "")
    };
    let plural = if r.total == 1 { "" } else { "s" };
    writeln!(
        out,
        "{b}{} article{plural}{n} of {docs} match {query}",
        r.total
    )?;
    if r.total > r.hits.len() && !r.hits.is_empty() {
        writeln!(
            out,
            "showing the best {} (use --limit to see more)",
            r.hits.len()
        )?;
    }
    for (i, h) in r.hits.iter().enumerate() {
        writeln!(out)?;
        writeln!(
            out,
            "{:>3}. {b}{}{n}",
            i + 1,
            h.title.as_deref().unwrap_or("(untitled)")
        )?;
        let date = h
            .date
            .map_or_else(|| "undated".to_string(), |d| d.to_string());
        writeln!(out, "     {date} · {} · score {:.2}", h.id, h.score)?;
        if !h.snippet.is_empty() {
            writeln!(out, "     {}", marked_snippet(h, color))?;
        }
        if !h.entities.is_empty() {
            let names: Vec<String> = h
                .entities
                .iter()
                .map(|e| format!("{} ({})", e.canonical, e.label.as_str()))
                .collect();
            writeln!(out, "     matched: {}", names.join(", "))?;
        }
        if let Some(url) = &h.url {
            writeln!(out, "     {url}")?;
        }
    }
    if let Some(f) = &r.facets {
        writeln!(out)?;
        writeln!(
            out,
            "{b}Co-mentioned entities{n} (number of matching articles)"
        )?;
        if f.entities.is_empty() {
            writeln!(out, "  none")?;
        }
        for (label, list) in &f.entities {
            let items: Vec<String> = list
                .iter()
                .map(|c| format!("{} {}", c.entity.canonical, c.count))
                .collect();
            writeln!(out, "  {:<7} {}", label.as_str(), items.join(" · "))?;
        }
        writeln!(out)?;
        writeln!(out, "{b}Articles per month{n}")?;
        if f.months.is_empty() && f.undated == 0 {
            writeln!(out, "  none")?;
        }
        let max = f.months.iter().map(|m| m.count).max().unwrap_or(1).max(1);
        for m in &f.months {
            let bar = "█".repeat((m.count * 40).div_ceil(max));
            writeln!(out, "  {:04}-{:02} {bar} {}", m.year, m.month, m.count)?;
        }
        if f.undated > 0 {
            writeln!(out, "  undated {}", f.undated)?;
        }
    }
    Ok(())
}
