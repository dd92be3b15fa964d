//! `dateline eval html [--set NAME] [--data-dir DIR] [--json] [--errors N]`
//!
//! Scores article extraction from HTML against the two benchmarks of the
//! data directory's `eval/html` (see its README and docs/EVALUATION.md):
//!
//! - **ScrapingHub** (181 pages, body only): per-page precision and recall
//!   over the multiset of 4-token shingles of the `\w+` tokens (case kept),
//!   averaged over pages; F1 of the two averages; accuracy = share of pages
//!   whose token sequence is exactly the ground truth's.
//! - **WCXB articles** (711 pages): per-page bag-of-words F1 over lowercased
//!   `\w+` tokens, averaged; `with`/`without` snippet rates; title exact
//!   (whitespace collapsed), publication date on the same day, author equal
//!   after case folding and whitespace collapse. The pages numbered by a
//!   multiple of 5 (153 of the 711) are also reported on their own as
//!   `wcxb_articles_held_out` and never listed by `--errors`: rules are
//!   written looking at the other pages and checked on these.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use dateline_parse::html::PageInfo;
use dateline_parse::{Document, Parser};
use serde_json::{Value, json};

use super::{CliError, CmdResult};

/// Which benchmark to score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum SetName {
    /// ScrapingHub article extraction benchmark (181 pages, body).
    Scrapinghub,
    /// WCXB article pages, development split (711 pages, body and metadata).
    Wcxb,
    /// Both.
    All,
}

/// Arguments of `dateline eval html`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The benchmark to score.
    #[arg(long, value_enum, default_value = "all")]
    set: SetName,
    /// The data directory (default: $DATELINE_DATA, else ../shared beside the workspace).
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// Print one JSON object per set instead of tables.
    #[arg(long)]
    json: bool,
    /// Also list the N pages with the lowest body F1 (and metadata misses on WCXB).
    #[arg(long, value_name = "N", default_value_t = 0)]
    errors: usize,
    /// Score only the first N pages of each set.
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
}

pub(crate) fn run(args: Args) -> CmdResult {
    let dir = dateline_data::DataDir::find(args.data_dir.as_deref(), &dateline_data::sets::HTML)
        .map_err(|e| CliError::Failed(e.to_string()))?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if matches!(args.set, SetName::Scrapinghub | SetName::All) {
        let r = scrapinghub(&dir.join("scrapinghub"), &args)?;
        report(&mut out, &args, &r)?;
    }
    if matches!(args.set, SetName::Wcxb | SetName::All) {
        for r in wcxb(&dir.join("wcxb_articles"), &args)? {
            report(&mut out, &args, &r)?;
        }
    }
    Ok(std::process::ExitCode::SUCCESS)
}

/// The scores of one set.
#[derive(Debug, Default)]
struct SetReport {
    name: &'static str,
    pages: usize,
    figures: Vec<(&'static str, f64)>,
    errors: Vec<String>,
    seconds: f64,
    html_bytes: usize,
}

fn report(out: &mut impl Write, args: &Args, r: &SetReport) -> Result<(), CliError> {
    if args.json {
        let mut m = serde_json::Map::new();
        m.insert("set".into(), json!(r.name));
        m.insert("pages".into(), json!(r.pages));
        for (k, v) in &r.figures {
            m.insert((*k).to_string(), json!((v * 10_000.0).round() / 10_000.0));
        }
        m.insert("seconds".into(), json!(r.seconds));
        super::write_json(out, &Value::Object(m))?;
    } else {
        writeln!(out, "{} ({} pages)", r.name, r.pages)?;
        for (k, v) in &r.figures {
            writeln!(out, "  {k:<22} {v:.4}")?;
        }
        writeln!(
            out,
            "  {:<22} {:.1} pages/s, {:.1} MB/s of HTML (one core, with reading and gunzip)",
            "speed",
            r.pages as f64 / r.seconds.max(1e-9),
            r.html_bytes as f64 / 1e6 / r.seconds.max(1e-9)
        )?;
        for e in r.errors.iter().take(args.errors.saturating_mul(4)) {
            writeln!(out, "  {e}")?;
        }
    }
    Ok(())
}

fn read_json(path: &Path) -> Result<Value, CliError> {
    let text = super::read_text(path)?;
    serde_json::from_str(&text)
        .map_err(|e| CliError::Failed(format!("{}: invalid JSON: {e}", path.display())))
}

/// Reads and extracts one page of a benchmark.
fn extract(path: &Path, url: Option<&str>) -> Result<(Document, usize), CliError> {
    let parser = Parser::new().max_bytes(64 * 1024 * 1024);
    let bytes = dateline_parse::html::read_file_bytes(path, parser.limit())
        .map_err(|e| CliError::Failed(format!("{}: {e}", path.display())))?;
    let id = path
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let doc = parser
        .parse_html(
            id,
            &bytes,
            PageInfo {
                url,
                content_type: None,
            },
        )
        .map_err(|e| CliError::Failed(format!("{}: {e}", path.display())))?;
    Ok((doc, bytes.len()))
}

fn scrapinghub(dir: &Path, args: &Args) -> Result<SetReport, CliError> {
    let gt = read_json(&dir.join("ground-truth.json"))?;
    let Value::Object(map) = gt else {
        return Err(CliError::Failed(
            "ground-truth.json: expected an object".into(),
        ));
    };
    let mut ids: Vec<&String> = map.keys().collect();
    ids.sort();
    if let Some(n) = args.limit {
        ids.truncate(n);
    }
    let (mut p_sum, mut r_sum, mut exact) = (0.0, 0.0, 0usize);
    let mut per_page = Vec::new();
    let mut bytes = 0;
    let mut seconds = 0.0;
    for id in &ids {
        let entry = &map[id.as_str()];
        let truth = entry["articleBody"].as_str().unwrap_or("");
        let url = entry["url"].as_str();
        let t0 = Instant::now();
        let (doc, n) = extract(&dir.join("html").join(format!("{id}.html.gz")), url)?;
        seconds += t0.elapsed().as_secs_f64();
        bytes += n;
        let pred = dateline_parse::html::body_text(&doc);
        let (p, r) = shingle_pr(&pred, truth);
        p_sum += p;
        r_sum += r;
        if tokens(&pred, false) == tokens(truth, false) {
            exact += 1;
        }
        per_page.push((f1(p, r), format!("{id}: P {p:.3} R {r:.3}")));
    }
    let n = ids.len().max(1) as f64;
    let (p, r) = (p_sum / n, r_sum / n);
    per_page.sort_by(|a, b| a.0.total_cmp(&b.0));
    Ok(SetReport {
        name: "scrapinghub",
        pages: ids.len(),
        figures: vec![
            ("body F1", f1(p, r)),
            ("body precision", p),
            ("body recall", r),
            ("accuracy (exact)", exact as f64 / n),
        ],
        errors: per_page
            .into_iter()
            .take(args.errors)
            .map(|x| x.1)
            .collect(),
        seconds,
        html_bytes: bytes,
    })
}

/// One WCXB page's scores; `None` where the gold leaves the field empty.
#[derive(Debug, Default)]
struct PageScore {
    body_f1: f64,
    with: (usize, usize),
    without: (usize, usize),
    title: Option<(bool, bool)>,
    date: Option<bool>,
    author: Option<bool>,
}

/// A WCXB page is held out when its number is a multiple of
/// [`HOLD_OUT_EVERY`]: those pages are scored and reported on their own and
/// never listed by `--errors`, so that a rule can be checked on pages that
/// were not looked at while it was written.
const HOLD_OUT_EVERY: usize = 5;

fn held_out(id: &str) -> bool {
    id.parse::<usize>()
        .is_ok_and(|n| n.is_multiple_of(HOLD_OUT_EVERY))
}

/// The WCXB figures over `pages`.
fn wcxb_figures(pages: &[&PageScore]) -> Vec<(&'static str, f64)> {
    let n = pages.len().max(1) as f64;
    let rate = |a: usize, b: usize| a as f64 / b.max(1) as f64;
    let sum2 = |f: fn(&PageScore) -> (usize, usize)| {
        pages
            .iter()
            .map(|p| f(p))
            .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1))
    };
    let share = |f: fn(&PageScore) -> Option<bool>| {
        let v: Vec<bool> = pages.iter().filter_map(|p| f(p)).collect();
        rate(v.iter().filter(|&&b| b).count(), v.len())
    };
    let (wf, wt) = sum2(|p| p.with);
    let (nf, nt) = sum2(|p| p.without);
    vec![
        ("body F1", pages.iter().map(|p| p.body_f1).sum::<f64>() / n),
        ("with snippets found", rate(wf, wt)),
        ("without snippets found", rate(nf, nt)),
        ("title exact", share(|p| p.title.map(|t| t.0))),
        ("title, quotes folded", share(|p| p.title.map(|t| t.1))),
        ("date same day", share(|p| p.date)),
        ("author", share(|p| p.author)),
    ]
}

fn wcxb(dir: &Path, args: &Args) -> Result<Vec<SetReport>, CliError> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("ground-truth"))
        .map_err(|e| CliError::Failed(format!("{}: {e}", dir.display())))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    if let Some(n) = args.limit {
        files.truncate(n);
    }
    let mut scores: Vec<(bool, PageScore)> = Vec::new();
    let mut per_page = Vec::new();
    let mut misses = Vec::new();
    let (mut bytes, mut held_bytes) = (0, 0);
    let (mut seconds, mut held_seconds) = (0.0, 0.0);
    for gt_path in &files {
        let gt = read_json(gt_path)?;
        let id = gt_path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let held = held_out(&id);
        let g = &gt["ground_truth"];
        let url = gt["url"].as_str();
        let t0 = Instant::now();
        let (doc, n) = extract(&dir.join("html").join(format!("{id}.html.gz")), url)?;
        let took = t0.elapsed().as_secs_f64();
        if held {
            held_seconds += took;
            held_bytes += n;
        } else {
            seconds += took;
            bytes += n;
        }
        let mut page = PageScore::default();
        let pred = dateline_parse::html::body_text(&doc);
        let truth = g["main_content"].as_str().unwrap_or("");
        page.body_f1 = bag_f1(&pred, truth);
        if !held {
            per_page.push((page.body_f1, format!("{id}: body F1 {:.3}", page.body_f1)));
        }
        let mut miss = |m: String| {
            if !held {
                misses.push(m);
            }
        };
        let lower = pred.to_lowercase();
        for s in g["with"].as_array().into_iter().flatten() {
            if let Some(s) = s.as_str() {
                page.with.1 += 1;
                page.with.0 += usize::from(lower.contains(&s.to_lowercase()));
            }
        }
        for s in g["without"].as_array().into_iter().flatten() {
            if let Some(s) = s.as_str() {
                page.without.1 += 1;
                page.without.0 += usize::from(lower.contains(&s.to_lowercase()));
            }
        }
        if let Some(t) = g["title"].as_str().map(collapse).filter(|t| !t.is_empty()) {
            let got = doc.title.as_deref().map(collapse).unwrap_or_default();
            let exact = got == t;
            let folded = exact || fold_quotes(&got) == fold_quotes(&t);
            if !folded {
                miss(format!("{id}: title {got:?} expected {t:?}"));
            }
            page.title = Some((exact, folded));
        }
        if let Some(d) = g["publish_date"].as_str().filter(|d| !d.trim().is_empty()) {
            let got = doc.date.map(|d| d.to_string()).unwrap_or_default();
            let ok = d.trim().get(..10) == Some(got.as_str());
            if !ok {
                miss(format!(
                    "{id}: date {got:?} ({}) expected {d:?}",
                    doc.date_source.as_deref().unwrap_or("-")
                ));
            }
            page.date = Some(ok);
        }
        if let Some(a) = g["author"].as_str().filter(|a| !a.trim().is_empty()) {
            let ok = author_matches(&doc.authors, a);
            if !ok {
                miss(format!("{id}: authors {:?} expected {a:?}", doc.authors));
            }
            page.author = Some(ok);
        }
        scores.push((held, page));
    }
    per_page.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut errors: Vec<String> = per_page
        .into_iter()
        .take(args.errors)
        .map(|x| x.1)
        .collect();
    errors.extend(misses.into_iter().take(args.errors.saturating_mul(3)));
    let all: Vec<&PageScore> = scores.iter().map(|s| &s.1).collect();
    let held: Vec<&PageScore> = scores.iter().filter(|s| s.0).map(|s| &s.1).collect();
    let mut reports = vec![SetReport {
        name: "wcxb_articles",
        pages: all.len(),
        figures: wcxb_figures(&all),
        errors,
        seconds: seconds + held_seconds,
        html_bytes: bytes + held_bytes,
    }];
    if !held.is_empty() {
        reports.push(SetReport {
            name: "wcxb_articles_held_out",
            pages: held.len(),
            figures: wcxb_figures(&held),
            errors: Vec::new(),
            seconds: held_seconds,
            html_bytes: held_bytes,
        });
    }
    Ok(reports)
}

/// Typographic quotes as ASCII ones: the gold titles write `'` for `’`.
fn fold_quotes(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '‘' | '’' | '′' => '\'',
            '“' | '”' | '″' => '"',
            c => c,
        })
        .collect()
}

/// Whitespace collapsed and trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The author names equal the gold byline after case folding and
/// whitespace collapse: one name, or the names joined as a byline is
/// (`A and B`, `A, B, and C`, `A, B and C`, `A, B, C`).
fn author_matches(names: &[String], gold: &str) -> bool {
    let fold = |s: &str| collapse(s).to_lowercase();
    let gold = fold(gold);
    if names.is_empty() {
        return false;
    }
    let names: Vec<String> = names.iter().map(|n| fold(n)).collect();
    let mut forms = vec![names.join(", ")];
    if let Some((last, rest)) = names.split_last()
        && !rest.is_empty()
    {
        forms.push(format!("{} and {last}", rest.join(", ")));
        forms.push(format!("{}, and {last}", rest.join(", ")));
        forms.push(format!("{} & {last}", rest.join(", ")));
    }
    forms.contains(&gold)
}

/// The `\w+` runs of a text (letters, digits, marks and `_`), lowercased
/// when `lower`.
fn tokens(text: &str, lower: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() || c == '_' || is_mark(c) {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    if lower {
        for t in &mut out {
            *t = t.to_lowercase();
        }
    }
    out
}

/// Combining marks, which `\w` also matches.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A
        | 0x064B..=0x065F | 0x0900..=0x0903 | 0x093A..=0x094F | 0x1AB0..=0x1AFF
        | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Multiset of 4-token shingles (one shingle for a text of fewer tokens).
fn shingles(text: &str) -> HashMap<Vec<String>, usize> {
    let toks = tokens(text, false);
    let mut m = HashMap::new();
    if toks.len() < 4 {
        *m.entry(toks).or_insert(0) += 1;
    } else {
        for w in toks.windows(4) {
            *m.entry(w.to_vec()).or_insert(0) += 1;
        }
    }
    m
}

/// ScrapingHub per-page precision and recall over 4-token shingles.
fn shingle_pr(pred: &str, truth: &str) -> (f64, f64) {
    let (p, t) = (shingles(pred), shingles(truth));
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (k, &cp) in &p {
        let ct = t.get(k).copied().unwrap_or(0);
        tp += cp.min(ct);
        fp += cp.saturating_sub(ct);
    }
    for (k, &ct) in &t {
        let cp = p.get(k).copied().unwrap_or(0);
        fn_ += ct.saturating_sub(cp);
    }
    if fp == 0 && fn_ == 0 {
        return (1.0, 1.0);
    }
    if tp == 0 {
        return (0.0, 0.0);
    }
    (tp as f64 / (tp + fp) as f64, tp as f64 / (tp + fn_) as f64)
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// WCXB per-page bag-of-words F1 over lowercased tokens.
fn bag_f1(pred: &str, truth: &str) -> f64 {
    let count = |s: &str| {
        let mut m: HashMap<String, usize> = HashMap::new();
        for t in tokens(s, true) {
            *m.entry(t).or_insert(0) += 1;
        }
        m
    };
    let (p, t) = (count(pred), count(truth));
    let np: usize = p.values().sum();
    let nt: usize = t.values().sum();
    if np == 0 && nt == 0 {
        return 1.0;
    }
    if np == 0 || nt == 0 {
        return 0.0;
    }
    let overlap: usize = p
        .iter()
        .map(|(k, c)| (*c).min(t.get(k).copied().unwrap_or(0)))
        .sum();
    f1(overlap as f64 / np as f64, overlap as f64 / nt as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_follow_the_definitions() {
        assert_eq!(
            tokens("Don't stop_me, café!", false),
            ["Don", "t", "stop_me", "café"]
        );
        // Identical texts: P = R = 1; empty against empty too.
        assert_eq!(shingle_pr("a b c d e", "a b c d e"), (1.0, 1.0));
        assert_eq!(shingle_pr("", ""), (1.0, 1.0));
        // One extra token at the end: 2 shingles of 3 predicted are right.
        let (p, r) = shingle_pr("a b c d e f", "a b c d e");
        assert!((p - 2.0 / 3.0).abs() < 1e-9 && (r - 1.0).abs() < 1e-9);
        // Short texts are one shingle each.
        assert_eq!(shingle_pr("a b", "a c"), (0.0, 0.0));
        assert!((bag_f1("The cat", "the cat sat") - 0.8).abs() < 1e-9);
        assert!(author_matches(
            &["Ann Lee".into(), "Bo Li".into(), "Cy Young".into()],
            "Ann Lee, Bo Li, and Cy Young"
        ));
        assert!(author_matches(&["ANN  LEE".into()], "Ann Lee"));
        assert!(!author_matches(&[], "Ann Lee"));
    }
}
