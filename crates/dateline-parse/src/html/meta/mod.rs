//! Article metadata from a page: JSON-LD, `<meta>` tags, `<link
//! rel=canonical>`, `<time>`, microdata and the URL.

use super::dom::{Dom, NodeData};
use crate::Date;

mod authors;
mod title;

pub(crate) use authors::authors;
use authors::{generic_name, is_author_href, name_like, strip_by};
pub(crate) use title::{headline, title};

/// What the page says about itself, gathered in one pass.
#[derive(Debug, Default)]
pub(crate) struct PageMeta {
    /// `<meta name|property|itemprop=… content=…>` pairs, names lowercased.
    pub(crate) metas: Vec<(String, String)>,
    /// Article objects of the JSON-LD blocks, best first.
    pub(crate) ld: Vec<serde_json::Value>,
    pub(crate) title_tag: Option<String>,
    pub(crate) lang: Option<String>,
    pub(crate) canonical: Option<String>,
    /// `<time datetime>` values with their element, in page order.
    pub(crate) times: Vec<(usize, String, bool)>,
    /// Elements with `itemprop="author"` or `rel="author"`, or a byline
    /// class, with their text.
    pub(crate) author_elements: Vec<(usize, String)>,
    /// Elements whose class names an author or byline zone
    /// (`c-author-info`, `resource-author-details`), with the first text in
    /// them that reads as a name.
    pub(crate) author_zones: Vec<(usize, String)>,
    /// `<h1>` elements and their text (logos left out).
    pub(crate) h1: Vec<(usize, String)>,
    /// Texts of `<h1>` elements that are a link to the site's home page:
    /// the site's name in a logo, not a headline.
    pub(crate) logos: Vec<String>,
    /// Links to an author page (`/author/…`, `/authors/…`, `/writers/…`)
    /// and their text.
    pub(crate) author_links: Vec<(usize, String)>,
}

impl PageMeta {
    /// The first `<meta>` content for any of `names`, in the order given.
    pub(crate) fn meta(&self, names: &[&str]) -> Option<&str> {
        names.iter().find_map(|n| {
            self.metas
                .iter()
                .find(|(k, v)| k == n && !v.trim().is_empty())
                .map(|(_, v)| v.trim())
        })
    }

    /// The first string value of `key` in the article JSON-LD objects.
    fn ld_str(&self, key: &str) -> Option<String> {
        self.ld.iter().find_map(|o| match o.get(key)? {
            serde_json::Value::String(s) if !s.trim().is_empty() => Some(decode_entities(s.trim())),
            serde_json::Value::Array(a) => a
                .iter()
                .find_map(|v| v.as_str())
                .map(|s| s.trim().to_string()),
            _ => None,
        })
    }
}

/// Text of an element's subtree, whitespace collapsed, each text node set
/// apart by a space (bylines often show their parts as blocks by CSS).
pub(crate) fn text_of(dom: &Dom, id: usize) -> String {
    subtree_text(dom, id, false)
}

/// Text of a headline element: inline elements (`<span>`, `<a>`, `<em>`,
/// …) join their text to their neighbours' (`C<span>ycle</span>` is one
/// word); other elements are set apart by a space.
pub(crate) fn headline_text_of(dom: &Dom, id: usize) -> String {
    subtree_text(dom, id, true)
}

fn subtree_text(dom: &Dom, id: usize, join_inline: bool) -> String {
    /// Stands in the stack for "a space here", after an element's children.
    const SPACE: usize = usize::MAX;
    let mut out = String::new();
    let mut stack = vec![id];
    while let Some(n) = stack.pop() {
        if n == SPACE {
            out.push(' ');
            continue;
        }
        match &dom.nodes[n].data {
            NodeData::Text(t) => {
                out.push_str(t);
                if !join_inline {
                    out.push(' ');
                }
            }
            NodeData::Element(e) => {
                if matches!(&*e.name, "script" | "style" | "noscript" | "template") {
                    continue;
                }
                let inline = matches!(
                    &*e.name,
                    "a" | "span"
                        | "b"
                        | "i"
                        | "em"
                        | "strong"
                        | "small"
                        | "sup"
                        | "sub"
                        | "mark"
                        | "u"
                        | "s"
                        | "abbr"
                        | "cite"
                        | "code"
                        | "q"
                        | "font"
                        | "time"
                        | "label"
                );
                if !inline {
                    out.push(' ');
                    stack.push(SPACE);
                }
                let mut kids: Vec<usize> = dom.children(n).collect();
                kids.reverse();
                stack.extend(kids);
            }
            _ => {}
        }
    }
    collapse(&out)
}

/// A class attribute naming an author or byline zone: a class word with a
/// part `author` or `byline` (`c-author-info__name`), not one for the
/// author's picture, biography or links.
fn author_zone_class(c: &str) -> bool {
    // Most class attributes name neither: tell them without allocating.
    let has = |n: &[u8]| {
        c.as_bytes()
            .windows(n.len())
            .any(|w| w.eq_ignore_ascii_case(n))
    };
    if !has(b"author") && !has(b"byline") {
        return false;
    }
    c.split_whitespace().any(|w| {
        // Words split at `-`, `_` and where lower case turns upper
        // (`dateAndAuthor`), lower-cased.
        let mut parts: Vec<String> = Vec::new();
        let mut prev_lower = false;
        for ch in w.chars() {
            if ch == '-' || ch == '_' {
                prev_lower = false;
                parts.push(String::new());
                continue;
            }
            if ch.is_ascii_uppercase() && prev_lower || parts.is_empty() {
                parts.push(String::new());
            }
            prev_lower = ch.is_ascii_lowercase();
            if let Some(p) = parts.last_mut() {
                p.push(ch.to_ascii_lowercase());
            }
        }
        parts.retain(|p| !p.is_empty());
        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
        parts.iter().any(|p| {
            matches!(
                *p,
                "author" | "byline" | "authors" | "authorname" | "bylines"
            )
        }) && !parts.iter().any(|p| {
            matches!(
                *p,
                "bio"
                    | "avatar"
                    | "image"
                    | "img"
                    | "photo"
                    | "pic"
                    | "picture"
                    | "description"
                    | "desc"
                    | "social"
                    | "about"
                    | "more"
                    | "posts"
                    | "list"
                    | "links"
                    | "title"
                    | "role"
                    | "job"
            )
        })
    })
}

/// The first text of an element's subtree that reads as a person's name
/// (labels such as `Article by:` and dates skipped), within a few dozen
/// nodes.
fn first_name_text(dom: &Dom, id: usize) -> Option<String> {
    let mut stack: Vec<usize> = dom.children(id).collect();
    stack.reverse();
    let mut seen = 0;
    while let Some(n) = stack.pop() {
        seen += 1;
        if seen > 48 {
            return None;
        }
        match &dom.nodes[n].data {
            NodeData::Text(t) => {
                let t = collapse(t);
                // A date beside the name (`Dec 19, 2025 · Ann Lee`), or a
                // date alone, is passed over.
                for piece in t.split(['·', '|', '•', '●', '⋅']) {
                    let piece = piece.trim();
                    let lower = piece.to_lowercase();
                    if piece.is_empty() || piece.ends_with(':') || lower == "by" || lower == "and" {
                        continue;
                    }
                    if crate::datetext::date_prefix(piece).is_some()
                        || piece.chars().filter(char::is_ascii_digit).count() >= 4
                    {
                        continue;
                    }
                    let name = strip_by(piece);
                    return (name_like(name)
                        && name.split_whitespace().count() <= 4
                        && !generic_name(name))
                    .then(|| name.to_string());
                }
            }
            NodeData::Element(e) => {
                if matches!(
                    &*e.name,
                    "script" | "style" | "noscript" | "template" | "time"
                ) {
                    continue;
                }
                let mut kids: Vec<usize> = dom.children(n).collect();
                kids.reverse();
                stack.extend(kids);
            }
            _ => {}
        }
    }
    None
}

/// True when the whole text `text` of element `id` is a link to the
/// site's home page (`<h1><a href="/">Site</a></h1>`): a logo.
fn home_link(dom: &Dom, id: usize, text: &str) -> bool {
    let mut stack: Vec<usize> = dom.children(id).collect();
    let mut seen = 0;
    while let Some(n) = stack.pop() {
        seen += 1;
        if seen > 64 {
            return false;
        }
        let Some(e) = dom.element(n) else { continue };
        if &*e.name == "a" {
            return e.attr("href").is_some_and(is_home_href) && text_of(dom, n) == text;
        }
        stack.extend(dom.children(n));
    }
    false
}

/// An href to a site's home page: `/`, `./`, `/index.html`, or a URL whose
/// path is empty or `/`.
fn is_home_href(h: &str) -> bool {
    let h = h.trim();
    let path = match h.split_once("//") {
        Some((scheme, rest)) if scheme.is_empty() || scheme.ends_with(':') => {
            rest.find('/').map_or("/", |p| &rest[p..])
        }
        _ => h,
    };
    let path = path.split(['?', '#']).next().unwrap_or("");
    matches!(
        path,
        "/" | "./" | "/index.html" | "/index.htm" | "/index.php" | "/en/" | "/en" | ""
    ) && !h.is_empty()
        || h == "/"
}

/// Collapses runs of whitespace to one space and trims.
pub(crate) fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Is any JSON-LD `@type` of `o` an article type?
fn article_type(o: &serde_json::Value) -> u8 {
    let rank = |t: &str| match t {
        "NewsArticle"
        | "ReportageNewsArticle"
        | "AnalysisNewsArticle"
        | "OpinionNewsArticle"
        | "BackgroundNewsArticle"
        | "Article"
        | "BlogPosting"
        | "TechArticle"
        | "ScholarlyArticle"
        | "Report"
        | "LiveBlogPosting"
        | "Review"
        | "Recipe"
        | "HowTo"
        | "SocialMediaPosting"
        | "DiscussionForumPosting"
        | "MedicalWebPage" => 3,
        "WebPage" | "ItemPage" | "AboutPage" | "FAQPage" | "QAPage" | "CollectionPage" => 1,
        _ => 0,
    };
    match o.get("@type") {
        Some(serde_json::Value::String(t)) => rank(t),
        Some(serde_json::Value::Array(a)) => a
            .iter()
            .filter_map(|v| v.as_str())
            .map(rank)
            .max()
            .unwrap_or(0),
        _ => 0,
    }
}

/// Collects the objects of a JSON-LD value (arrays and `@graph` opened),
/// with their article rank; depth-limited.
fn ld_objects(v: &serde_json::Value, depth: usize, out: &mut Vec<(u8, serde_json::Value)>) {
    if depth > 6 {
        return;
    }
    match v {
        serde_json::Value::Array(a) => {
            for x in a {
                ld_objects(x, depth + 1, out);
            }
        }
        serde_json::Value::Object(m) => {
            let rank = article_type(v);
            if rank > 0 {
                out.push((rank, v.clone()));
            }
            if let Some(g) = m.get("@graph") {
                ld_objects(g, depth + 1, out);
            }
            if let Some(main) = m.get("mainEntity") {
                ld_objects(main, depth + 1, out);
            }
        }
        _ => {}
    }
}

/// Gathers the page's metadata in one walk.
pub(crate) fn gather(dom: &Dom) -> PageMeta {
    let mut m = PageMeta::default();
    let mut objects = Vec::new();
    for id in 0..dom.nodes.len() {
        let Some(e) = dom.element(id) else { continue };
        match &*e.name {
            "html" if m.lang.is_none() => {
                m.lang = e
                    .attr("lang")
                    .or(e.attr("xml:lang"))
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty());
            }
            "meta" => {
                let content = e.attr("content").unwrap_or("");
                for key in ["name", "property", "itemprop", "http-equiv"] {
                    if let Some(n) = e.attr(key) {
                        m.metas
                            .push((n.trim().to_ascii_lowercase(), content.to_string()));
                    }
                }
            }
            "title" if m.title_tag.is_none() && dom.attached(id) => {
                let t = text_of(dom, id);
                if !t.is_empty() {
                    m.title_tag = Some(t);
                }
            }
            "link" => {
                let rel = e.attr("rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical")
                    && m.canonical.is_none()
                    && let Some(h) = e.attr("href")
                    && !h.trim().is_empty()
                {
                    m.canonical = Some(h.trim().to_string());
                }
            }
            "script"
                if e.attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
            {
                let raw: String = dom
                    .children(id)
                    .filter_map(|c| match &dom.nodes[c].data {
                        NodeData::Text(t) => Some(&**t),
                        _ => None,
                    })
                    .collect();
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(raw.trim()) {
                    ld_objects(&v, 0, &mut objects);
                }
            }
            "time" => {
                if let Some(dt) = e.attr("datetime") {
                    let pubdate = e.attr("pubdate").is_some()
                        || e.attr("itemprop")
                            .is_some_and(|p| p.contains("datePublished"));
                    m.times.push((id, dt.to_string(), pubdate));
                }
            }
            "a" if e.attr("href").is_some_and(is_author_href) && dom.attached(id) => {
                let t = text_of(dom, id);
                if !t.is_empty() && t.len() < 80 {
                    m.author_links.push((id, t));
                }
            }
            "h1" if dom.attached(id) => {
                let t = headline_text_of(dom, id);
                if t.is_empty() {
                } else if home_link(dom, id, &t) {
                    m.logos.push(t);
                } else {
                    m.h1.push((id, t));
                }
            }
            _ => {}
        }
        let author_prop = e
            .attr("itemprop")
            .is_some_and(|p| p.split_whitespace().any(|w| w == "author"))
            || e.attr("rel")
                .is_some_and(|r| r.split_whitespace().any(|w| w == "author"));
        let byline_class = e.attr("class").is_some_and(|c| {
            c.split_whitespace().any(|w| {
                let w = w.to_ascii_lowercase();
                matches!(
                    w.as_str(),
                    "byline"
                        | "author"
                        | "author-name"
                        | "byline__name"
                        | "article-author"
                        | "post-author"
                        | "entry-author"
                        | "author__name"
                        | "byline-name"
                        | "fn"
                        | "author-link"
                        | "meta-author"
                ) || w.ends_with("__author")
                    || w.ends_with("-byline")
            })
        });
        if !(author_prop || byline_class)
            && e.attr("class").is_some_and(author_zone_class)
            && dom.attached(id)
            && let Some(t) = first_name_text(dom, id)
        {
            m.author_zones.push((id, t));
        }
        if (author_prop || byline_class) && dom.attached(id) {
            let t = if let Some(c) = e.attr("content") {
                collapse(c)
            } else {
                text_of(dom, id)
            };
            if !t.is_empty() && t.len() < 200 {
                if !name_like(strip_by(&t))
                    && e.attr("content").is_none()
                    && let Some(n) = first_name_text(dom, id)
                {
                    // A name with a date or a role in one element.
                    m.author_zones.push((id, n));
                }
                m.author_elements.push((id, t));
            }
        }
    }
    objects.sort_by_key(|o| std::cmp::Reverse(o.0));
    m.ld = objects.into_iter().map(|(_, v)| v).collect();
    m
}

/// A date from a metadata value: ISO `YYYY-MM-DD…`, `YYYY/MM/DD`, or any
/// date the text recognizer knows.
pub(crate) fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && matches!(b[4], b'-' | b'/' | b'.')
        && b[7] == b[4]
    {
        let y: i32 = s.get(..4)?.parse().ok()?;
        let mo: u8 = s.get(5..7)?.parse().ok()?;
        let d: u8 = s.get(8..10)?.parse().ok()?;
        return Date::new(y, mo, d);
    }
    if b.len() >= 8
        && b[..8].iter().all(u8::is_ascii_digit)
        && b.get(8).is_none_or(|c| !c.is_ascii_digit())
    {
        let y: i32 = s.get(..4)?.parse().ok()?;
        let mo: u8 = s.get(4..6)?.parse().ok()?;
        let d: u8 = s.get(6..8)?.parse().ok()?;
        if (1990..=2100).contains(&y) {
            return Date::new(y, mo, d);
        }
    }
    crate::datetext::date_prefix(s).map(|m| m.date)
}

/// A date in a URL path: `/2019/11/19/`, `/2019-11-19`, `/20191119/`.
pub(crate) fn url_date(url: &str) -> Option<Date> {
    let path = url.split_once("://").map_or(url, |(_, r)| r);
    let path = path.split(['?', '#']).next().unwrap_or("");
    let parts: Vec<&str> = path.split('/').collect();
    for w in parts.windows(3) {
        if w[0].len() == 4
            && let (Ok(y), Ok(m), Some(d)) = (
                w[0].parse::<i32>(),
                w[1].parse::<u8>(),
                w[2].get(..2).and_then(|d| {
                    d.trim_end_matches(|c: char| !c.is_ascii_digit())
                        .parse::<u8>()
                        .ok()
                }),
            )
            && (1990..=2100).contains(&y)
            && w[1].len() == 2
            && let Some(date) = Date::new(y, m, d)
        {
            return Some(date);
        }
    }
    for p in &parts {
        // 2019-11-19 inside a segment.
        let b = p.as_bytes();
        for i in 0..b.len().saturating_sub(9) {
            if (i == 0 || !b[i - 1].is_ascii_digit())
                && b[i..i + 4].iter().all(u8::is_ascii_digit)
                && b[i + 4] == b'-'
                && b[i + 7] == b'-'
                && b.get(i + 10).is_none_or(|c| !c.is_ascii_digit())
                && let Some(d) = p.get(i..i + 10).and_then(parse_date)
                && (1990..=2100).contains(&d.year)
            {
                return Some(d);
            }
        }
    }
    None
}

/// The publication date and which source gave it.
pub(crate) fn date(
    m: &PageMeta,
    dom: &Dom,
    inside: &[bool],
    url: Option<&str>,
) -> Option<(Date, &'static str)> {
    if let Some(d) = m.ld_str("datePublished").as_deref().and_then(parse_date) {
        return Some((d, "json-ld datePublished"));
    }
    const METAS: &[&str] = &[
        "article:published_time",
        "og:article:published_time",
        "article:published",
        "datepublished",
        "published_time",
        "publishdate",
        "publish-date",
        "publish_date",
        "pubdate",
        "parsely-pub-date",
        "sailthru.date",
        "dc.date.issued",
        "dc.date",
        "dcterms.created",
        "dcterms.date",
        "date",
        "article.published",
        "og:published_time",
        "datecreated",
        "article:modified_time",
        "og:updated_time",
    ];
    for name in METAS {
        if let Some(d) = m.meta(&[name]).and_then(parse_date) {
            return Some((d, "meta"));
        }
    }
    if let Some(d) = m.ld_str("dateCreated").as_deref().and_then(parse_date) {
        return Some((d, "json-ld dateCreated"));
    }
    // <time>: one marked as the publication date, else the first in the
    // article, else the first on the page.
    let pick = m
        .times
        .iter()
        .find(|t| t.2)
        .or_else(|| {
            m.times
                .iter()
                .find(|t| inside.get(t.0).copied().unwrap_or(false))
        })
        .or_else(|| m.times.first());
    if let Some(d) = pick.and_then(|t| parse_date(&t.1)) {
        return Some((d, "time element"));
    }
    if let Some(d) = url.and_then(url_date) {
        return Some((d, "url"));
    }
    if let Some(d) = m.ld_str("dateModified").as_deref().and_then(parse_date) {
        return Some((d, "json-ld dateModified"));
    }
    let _ = dom;
    None
}

/// Decodes the character references that JSON-LD text sometimes carries
/// (`&amp;`, `&#39;`, `&quot;`, …).
pub(crate) fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let end = rest.as_bytes()[..rest.len().min(12)]
            .iter()
            .position(|&b| b == b';');
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "nbsp" => Some(' '),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, n)) => {
                out.push(c);
                rest = &rest[n..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The site's name.
pub(crate) fn site(m: &PageMeta) -> Option<String> {
    if let Some(s) = m.meta(&["og:site_name", "application-name", "publisher"]) {
        return Some(collapse(s));
    }
    for o in &m.ld {
        if let Some(n) = o
            .get("publisher")
            .and_then(|p| p.get("name"))
            .and_then(|n| n.as_str())
            && !n.trim().is_empty()
        {
            return Some(collapse(n));
        }
    }
    None
}

/// The page's language: `<html lang>`, else `content-language`, else
/// `og:locale`, else JSON-LD `inLanguage`.
pub(crate) fn language(m: &PageMeta) -> Option<String> {
    m.lang
        .clone()
        .or_else(|| {
            m.meta(&["content-language", "language", "dc.language"])
                .map(str::to_string)
        })
        .or_else(|| m.meta(&["og:locale"]).map(str::to_string))
        .or_else(|| m.ld_str("inLanguage"))
        .map(|l| l.replace('_', "-"))
        .filter(|l| l.len() <= 35)
}

/// The canonical URL: `<link rel=canonical>`, else `og:url`.
pub(crate) fn canonical(m: &PageMeta) -> Option<String> {
    m.canonical
        .clone()
        .or_else(|| m.meta(&["og:url"]).map(str::to_string))
}
