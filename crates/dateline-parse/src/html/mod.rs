//! HTML pages as documents (cargo feature `html`, on by default).
//!
//! A page is decoded (`charset`: BOM, HTTP header, `<meta>`, detection),
//! parsed by html5ever's HTML5 tree builder into an arena tree whose nodes
//! know their source byte ranges (`dom`), described by its metadata
//! (`meta`: JSON-LD, `<meta>`, `<time>`, the URL) and cut into classified
//! blocks (`extract`).
//!
//! The [`Document`] of a page keeps the model's invariant: its `text` is the
//! page's extracted text, every block's text separated from the next by a
//! blank line, boilerplate included (so nothing the page showed is lost),
//! and every [`Block::span`] is a range of that text. Each block also has a
//! [`Block::source`]: the byte range it came from in the page *as decoded
//! to UTF-8*, which is the file's bytes only when the page is UTF-8. For a
//! page in another character set (Latin-1, Shift_JIS, UTF-16, …) the
//! offsets index [`decode_page`]'s string, the page as Dateline read it.
//!
//! Tables give one block per cell, in row order (kept in the body when
//! they are inside the article); figures give their caption as a
//! [`BlockKind::Caption`] block (not part of [`body_text`]), and so do
//! elements whose class names a caption, photo credit or gallery; images, video
//! and scripts give no text.
//!
//! Limits: a page is at most the parser's size limit
//! ([`crate::Parser::max_bytes`]) after decompression; elements nest at
//! most [`MAX_DEPTH`] deep (deeper start tags are dropped, their text
//! kept); a WARC record's block is at most the size limit plus
//! [`MAX_WARC_HEADER_BYTES`], and larger ones are reported and skipped.
//!
//! # Example
//!
//! ```
//! use dateline_parse::{BlockKind, Parser, html::PageInfo};
//!
//! let page = r#"<html lang="en"><head><title>Port closes | Gazette</title>
//!   <meta property="article:published_time" content="2020-05-06T09:00:00Z"></head>
//!   <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
//!   <article><h1>Port closes as storm nears</h1>
//!   <p>The port was closed on Tuesday as the storm reached the coast, the harbour master said.</p>
//!   <p>Ferries will not sail before Thursday, and the coast guard asked boats to stay in harbour.</p>
//!   </article><div class="comments"><p>Stay safe, everyone on the coast!</p></div></body></html>"#;
//! let doc = Parser::new().parse_html("port", page.as_bytes(), PageInfo::default())?;
//! assert_eq!(doc.title.as_deref(), Some("Port closes as storm nears"));
//! assert_eq!(doc.date.map(|d| d.to_string()).as_deref(), Some("2020-05-06"));
//! assert_eq!(doc.language.as_deref(), Some("en"));
//! let body = dateline_parse::html::body_text(&doc);
//! assert!(body.starts_with("The port was closed") && !body.contains("Stay safe"));
//! // Boilerplate stays in the text, with its reason; every block maps back into the page.
//! let comment = doc.blocks.iter().find(|b| doc.block_text(b).starts_with("Stay safe")).unwrap();
//! assert_eq!((comment.kind, comment.reason.as_deref()), (BlockKind::Boilerplate, Some("comments")));
//! let src = comment.source.unwrap();
//! assert!(page[src.start..src.end].contains("Stay safe, everyone"));
//! # Ok::<(), dateline_parse::Error>(())
//! ```

use crate::{Block, BlockKind, Document, Span};

pub(crate) mod charset;
pub(crate) mod dom;
pub(crate) mod extract;
pub(crate) mod meta;

/// What is known about a page besides its bytes.
#[derive(Debug, Clone, Copy, Default)]
pub struct PageInfo<'a> {
    /// The URL it was fetched from (a WARC record's target URI).
    pub url: Option<&'a str>,
    /// The HTTP `Content-Type` header, which may name the character set.
    pub content_type: Option<&'a str>,
}

/// Decodes and extracts one page. Never fails and never panics: any bytes
/// give a document (maybe with no blocks).
pub(crate) fn document(id: String, bytes: &[u8], info: PageInfo<'_>) -> Document {
    let decoded = charset::decode(bytes, info.content_type);
    from_str(id, &decoded.text, info.url)
}

/// A page's bytes decoded as Dateline decodes them before extracting:
/// the byte order mark, then the charset of `content_type` (a WARC record's
/// HTTP `Content-Type`), then a `<meta>` prescan of the first 4 KiB, then
/// detection; undecodable bytes become U+FFFD. [`Block::source`] ranges
/// are offsets into this string (equal to the file's offsets when the page
/// is UTF-8 without a byte order mark).
///
/// ```
/// use dateline_parse::{Parser, html::{PageInfo, decode_page}};
/// let page = b"<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xe9s closed early on the quay.</p></body></html>";
/// let doc = Parser::new().parse_html("p", page, PageInfo::default())?;
/// let decoded = decode_page(page, None);
/// let src = doc.blocks[0].source.unwrap();
/// assert_eq!(&decoded[src.start..src.end], "<p>Cafés closed early on the quay.</p>");
/// # Ok::<(), dateline_parse::Error>(())
/// ```
pub fn decode_page(bytes: &[u8], content_type: Option<&str>) -> String {
    charset::decode(bytes, content_type).text
}

/// Extracts one page already decoded to a string.
pub(crate) fn from_str(id: String, html: &str, url: Option<&str>) -> Document {
    let dom = dom::parse(html);
    let page = meta::gather(&dom);
    let (raws, post_order) = extract::blocks(&dom);
    let anchor = meta::headline(&page).and_then(|h| {
        let h = crate::text::norm_words(&h);
        raws.iter().position(|b| {
            !h.is_empty() && b.zone.is_none() && crate::text::norm_words(&b.text) == h
        })
    });
    let root = extract::container(&dom, &raws, &post_order, anchor);
    let inside = extract::inside(&dom, root);
    let first_body = raws
        .iter()
        .find(|b| inside[b.owner])
        .map_or(0, |b| b.source.0);
    let title = meta::title(&page, &inside, first_body, &dom);
    let site = meta::site(&page);
    let outs = extract::classify(raws, &inside, title.as_deref());
    let canonical = meta::canonical(&page);
    let url_for_date = url.map(str::to_string).or_else(|| canonical.clone());
    // The visible byline is looked for from the headline on, over the
    // first blocks of the article.
    // Without a headline block, the window opens at the article's first
    // paragraph.
    let headline_at = outs
        .iter()
        .position(|o| o.kind == BlockKind::Title)
        .or_else(|| outs.iter().position(|o| o.kind == BlockKind::Paragraph));
    let from = headline_at.map_or(0, |t| t.saturating_sub(8));
    let near: Vec<&str> = outs
        .iter()
        .skip(from)
        .take(25)
        .map(|o| o.text.as_str())
        .collect();
    // The few lines right under the headline, headings left out.
    let under: Vec<&str> = match outs.iter().position(|o| o.kind == BlockKind::Title) {
        Some(t) => outs[t + 1..]
            .iter()
            .take(3)
            .filter(|o| o.kind != BlockKind::Heading)
            .map(|o| o.text.as_str())
            .collect(),
        None => Vec::new(),
    };
    let authors = meta::authors(&page, &inside, &near, &under);
    // The date shown by the headline is the one readers see; the
    // metadata's publication date comes next. A shown date that says it is
    // an update gives way to an earlier publication date in the metadata.
    let shown = near
        .iter()
        .filter(|t| extract::is_date_line(t))
        .find_map(|t| crate::datetext::date_prefix(t).map(|m| (m.date, t)));
    let given = meta::date(&page, &dom, &inside, url_for_date.as_deref());
    let date = match (shown, given) {
        (Some((s, line)), Some(g))
            if g.0 < s
                && !matches!(g.1, "url" | "json-ld dateModified")
                && line.to_lowercase().contains("updated") =>
        {
            Some(g)
        }
        (Some((s, _)), _) => Some((s, "date line")),
        (None, Some(g)) => Some(g),
        // Last, a date ending a short line by the headline: a byline
        // with its date ("Ann Lee 4 August 2010", "By Ann Lee | May 4").
        // Then a date inside a short byline or stamp line
        // ("by Ann Lee · Dec 20, 2025 at 3:00 am · 2 comments").
        (None, None) => near
            .iter()
            .find_map(|t| extract::trailing_date(t))
            .or_else(|| near.iter().find_map(|t| extract::byline_date(t)))
            .map(|d| (d, "byline date")),
    };
    let language = meta::language(&page);

    let mut text = String::with_capacity(outs.iter().map(|o| o.text.len() + 2).sum());
    let mut blocks = Vec::with_capacity(outs.len());
    for o in outs {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(&o.text);
        blocks.push(Block {
            kind: o.kind,
            span: Span::new(start, text.len()),
            reason: o.reason,
            source: Some(Span::new(o.source.0, o.source.1.max(o.source.0))),
        });
    }
    if !text.is_empty() {
        text.push('\n');
    }
    Document {
        id,
        text,
        title,
        site,
        date: date.map(|d| d.0),
        url: url.map(str::to_string).or_else(|| canonical.clone()),
        authors,
        language,
        date_source: date.map(|d| d.1.to_string()),
        canonical_url: canonical,
        blocks,
    }
}

/// The article body of a document read from HTML: its paragraph, heading
/// and caption blocks, separated by blank lines (the title, date lines and
/// boilerplate left out). This is what extraction benchmarks compare.
pub fn body_text(doc: &Document) -> String {
    let mut out = String::new();
    for b in &doc.blocks {
        if matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading) {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(doc.block_text(b));
        }
    }
    out
}

/// True when `bytes` look like an HTML page: after leading whitespace or a
/// BOM, a `<!doctype html`, `<html`, `<head`, `<body` or `<!--` … found
/// within the first kilobyte.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let has = |n: &[u8]| lower.windows(n.len()).any(|w| w == n);
    has(b"<!doctype html") || has(b"<html") || has(b"<head") || has(b"<body")
}

pub use dom::MAX_DEPTH;
pub use read::{
    Format, MAX_WARC_HEADER_BYTES, WarcRecords, WarcSkips, format_of_path, read_file_bytes,
    read_html_from, sniff,
};

pub(crate) mod read;

/// A file opened for reading, by its format.
pub(crate) enum Opened {
    /// A stream of records (JSON Lines, WARC).
    Records(Box<dyn Iterator<Item = Result<Document, crate::RecordError>>>),
    /// One page, already read.
    Document(Box<Result<Document, crate::RecordError>>),
    /// A plain-text file, rewound, to be read as before.
    Text(std::fs::File),
}

/// The id of a page file from the id its name gives (the name without its
/// last extension): a `.gz` page keeps `.html` there, which goes too.
fn page_id(id: &str) -> String {
    let last = id.rfind('/').map_or(0, |p| p + 1);
    let lower = id[last..].to_ascii_lowercase();
    for ext in [".html", ".htm", ".xhtml", ".warc", ".txt"] {
        if lower.ends_with(ext) && lower.len() > ext.len() {
            return id[..id.len() - ext.len()].to_string();
        }
    }
    id.to_string()
}

/// Opens `file` by its extension, its first bytes, or the format the
/// options force.
pub(crate) fn open_file(
    file: std::fs::File,
    path: &std::path::Path,
    name: &str,
    id: &str,
    opts: &crate::InputOptions,
    skips: &std::rc::Rc<std::cell::RefCell<WarcSkips>>,
) -> std::io::Result<Opened> {
    use std::io::{BufRead, Read, Seek};
    let mut r = std::io::BufReader::new(file);
    let head = r.fill_buf()?.to_vec();
    let gz = read::is_gzip(&head);
    let format = match (opts.format, format_of_path(path)) {
        (Some(f), _) => f,
        (None, Some((f, _))) => f,
        (None, None) if gz => {
            // Sniff the start of the decompressed stream.
            let mut dec = flate2::read::MultiGzDecoder::new(&head[..]);
            let mut start = vec![0u8; 2048];
            let mut n = 0;
            while n < start.len() {
                match dec.read(&mut start[n..]) {
                    Ok(0) | Err(_) => break,
                    Ok(k) => n += k,
                }
            }
            sniff(&start[..n])
        }
        (None, None) => sniff(&head),
    };
    Ok(match format {
        Format::Warc => Opened::Records(Box::new(
            WarcRecords::new(r, name, gz, opts)
                .id_from_url(opts.warc_id_url)
                .share_skips(std::rc::Rc::clone(skips)),
        )),
        Format::Html => Opened::Document(Box::new(read_html_from(&page_id(id), r, name, gz, opts))),
        Format::Jsonl if gz => {
            let reader: Box<dyn BufRead> = Box::new(std::io::BufReader::new(
                flate2::bufread::MultiGzDecoder::new(r),
            ));
            Opened::Records(Box::new(crate::JsonlRecords::new(reader, name, opts)))
        }
        Format::Text if gz => {
            let limit = opts.parser.limit();
            let id = page_id(id);
            Opened::Document(Box::new(
                read::read_limited(r, true, limit)
                    .and_then(|b| {
                        String::from_utf8(b).map_err(|e| crate::Error::InvalidUtf8 {
                            offset: e.utf8_error().valid_up_to(),
                        })
                    })
                    .and_then(|t| opts.parser.parse(id, t))
                    .map_err(|error| crate::RecordError {
                        path: name.to_string(),
                        line: None,
                        offset: None,
                        error,
                    }),
            ))
        }
        Format::Text | Format::Jsonl => {
            let mut f = r.into_inner();
            f.rewind()?;
            Opened::Text(f)
        }
    })
}

/// Reads standard input (or any reader) as the format the options force:
/// one HTML page, or a WARC archive (gzipped or not, told by its first
/// bytes).
pub fn read_stdin<R: std::io::BufRead + 'static>(
    mut reader: R,
    opts: &crate::InputOptions,
) -> Box<dyn Iterator<Item = Result<Document, crate::RecordError>>> {
    let gz = reader.fill_buf().map(read::is_gzip).unwrap_or(false);
    if opts.format == Some(Format::Warc) {
        Box::new(WarcRecords::new(reader, "-", gz, opts).id_from_url(opts.warc_id_url))
    } else {
        Box::new(std::iter::once(read_html_from(
            "stdin", reader, "-", gz, opts,
        )))
    }
}
