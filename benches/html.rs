//! HTML bytes to a document: Dateline against rs-trafilatura and
//! dom_smoothie, over the ScrapingHub benchmark pages of the data directory
//! (skipped with a message when it is not there).
//!
//! Each iteration extracts one page, cycling through all 181, so the time
//! per iteration is the mean time per page of the set; pages per second
//! and MB/s of HTML follow from it (the mean page size is printed).

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline_parse::Parser;
use dateline_parse::html::PageInfo;

fn pages() -> Option<Vec<String>> {
    let dir = match dateline_data::DataDir::find(None, &dateline_data::sets::HTML) {
        Ok(d) => d.join("scrapinghub/html"),
        Err(e) => {
            eprintln!("html bench skipped: {e}");
            return None;
        }
    };
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    let pages: Vec<String> = files
        .iter()
        .filter_map(|f| dateline_parse::html::read_file_bytes(f, 1 << 26).ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect();
    (!pages.is_empty()).then_some(pages)
}

fn bench(c: &mut Criterion) {
    let Some(pages) = pages() else { return };
    let bytes: usize = pages.iter().map(String::len).sum();
    eprintln!(
        "{} pages, {bytes} bytes of HTML, {:.0} bytes a page",
        pages.len(),
        bytes as f64 / pages.len() as f64
    );
    let mut group = c.benchmark_group("html_page");
    group.sample_size(20);
    group.throughput(Throughput::Elements(1));
    let parser = Parser::new().max_bytes(1 << 26);
    let mut i = 0usize;
    group.bench_function("dateline", |b| {
        b.iter(|| {
            let page = &pages[i % pages.len()];
            i += 1;
            black_box(parser.parse_html("p", page.as_bytes(), PageInfo::default()))
        })
    });
    let mut i = 0usize;
    group.bench_function("rs_trafilatura", |b| {
        b.iter(|| {
            let page = &pages[i % pages.len()];
            i += 1;
            black_box(rs_trafilatura::extract(page).ok())
        })
    });
    let mut i = 0usize;
    group.bench_function("dom_smoothie", |b| {
        b.iter(|| {
            let page = &pages[i % pages.len()];
            i += 1;
            let article = dom_smoothie::Readability::new(page.as_str(), None, None)
                .ok()
                .and_then(|mut r| r.parse().ok());
            black_box(article.map(|a| a.text_content.len()))
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
