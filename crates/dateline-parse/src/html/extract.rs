//! Deciding what on a page is the article.
//!
//! 1. **Blocks.** One walk over the tree cuts the visible text into blocks:
//!    the inline text of each block-level element (`p`, `h2`, `li`, `div`,
//!    `td`, …). Scripts, styles, forms controls and hidden elements say
//!    nothing and give no block.
//! 2. **Zones.** An element whose tag (`nav`, `footer`, `aside`), ARIA role
//!    (`navigation`, `contentinfo`, `complementary`) or class/id words
//!    (`comments`, `share`, `related`, `newsletter`, `cookie`, `advert`, …)
//!    say what it is opens a boilerplate zone; its blocks get that reason.
//!    Class words for photo captions, credits and galleries (`caption`,
//!    `credit`, `gallery`, `slideshow`, `carousel`) open a caption zone:
//!    its blocks inside the article are captions, never body.
//! 3. **The article container.** Each block gets a value: its length when it
//!    reads like prose (long, few link characters), a penalty when it is
//!    link text, a short fragment or in a zone. The article is the element
//!    whose blocks sum to the most: a maximum-weight subtree, found in one
//!    bottom-up pass. Ties go to the deeper element.
//! 4. **Blocks inside it** are the body (paragraphs, headings, captions,
//!    the title and date lines), unless they are in a zone, mostly link text
//!    or a widget phrase; everything else is boilerplate with its reason.
//!    A short line stamping a date with a time or an `Updated`/`Posted`
//!    label is a date line; a short paragraph asking the reader to
//!    subscribe, sign up or join is a newsletter box; a linked sub-heading
//!    stays a heading.

use super::dom::{Dom, NONE, NodeData};
use crate::BlockKind;

/// What a block's own element is, as far as the extractor cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hint {
    Heading(u8),
    Paragraph,
    ListItem,
    Quote,
    Pre,
    Caption,
    Cell,
    Other,
}

/// A block of visible text found on the page.
#[derive(Debug, Clone)]
pub(crate) struct Raw {
    pub(crate) text: String,
    /// The innermost block-level element the text is in.
    pub(crate) owner: usize,
    pub(crate) hint: Hint,
    /// Characters of the text inside links.
    pub(crate) link_chars: usize,
    /// Boilerplate reason of the innermost zone it is in.
    pub(crate) zone: Option<&'static str>,
    /// The element that opened that zone ([`NONE`] outside zones).
    pub(crate) zone_el: usize,
    /// Byte range of the page source it came from.
    pub(crate) source: (usize, usize),
}

/// An extracted block, classified.
#[derive(Debug, Clone)]
pub(crate) struct Out {
    pub(crate) text: String,
    pub(crate) kind: BlockKind,
    pub(crate) reason: Option<String>,
    pub(crate) source: (usize, usize),
}

/// Elements whose content is never shown as text.
fn silent(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "head"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "select"
            | "option"
            | "textarea"
            | "input"
            | "button"
            | "map"
            | "link"
            | "meta"
            | "title"
            | "dialog"
    )
}

/// Elements that start and end a block of text.
fn block_level(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "aside"
            | "header"
            | "footer"
            | "nav"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "figure"
            | "figcaption"
            | "form"
            | "fieldset"
            | "legend"
            | "address"
            | "hr"
            | "details"
            | "summary"
            | "center"
            | "body"
            | "html"
            | "menu"
            | "hgroup"
            | "picture"
    )
}

fn hint_of(tag: &str) -> Hint {
    match tag {
        "h1" => Hint::Heading(1),
        "h2" => Hint::Heading(2),
        "h3" => Hint::Heading(3),
        "h4" => Hint::Heading(4),
        "h5" => Hint::Heading(5),
        "h6" => Hint::Heading(6),
        "p" => Hint::Paragraph,
        "li" | "dd" | "dt" => Hint::ListItem,
        "blockquote" => Hint::Quote,
        "pre" => Hint::Pre,
        "figcaption" | "caption" => Hint::Caption,
        "td" | "th" => Hint::Cell,
        _ => Hint::Other,
    }
}

/// Is the element hidden from readers (`hidden`, `display:none`)?
fn hidden(e: &super::dom::Element) -> bool {
    if e.attr("hidden").is_some() {
        return true;
    }
    let Some(style) = e.attr("style") else {
        return false;
    };
    // The declarations with white space removed, compared without case.
    let mut squeezed = style
        .bytes()
        .filter(|b| !b.is_ascii_whitespace())
        .map(|b| b.to_ascii_lowercase());
    let patterns: [&[u8]; 2] = [b"display:none", b"visibility:hidden"];
    // Progress along each pattern, restarted where a match fails (the
    // patterns have no repeated prefix, so this finds every occurrence).
    let mut at = [0usize; 2];
    squeezed.any(|b| {
        patterns.iter().zip(at.iter_mut()).any(|(p, i)| {
            if p[*i] == b {
                *i += 1;
            } else {
                *i = usize::from(p[0] == b);
            }
            *i == p.len()
        })
    })
}

/// Class and id words that say an element is not the article, with the
/// reason its blocks get. Matched against whole words of `class` and `id`
/// (split at anything not a letter or digit), or as the start of a word
/// for the longer stems.
const ZONE_WORDS: &[(&str, &str)] = &[
    ("comment", "comments"),
    ("comments", "comments"),
    ("commentlist", "comments"),
    ("disqus", "comments"),
    ("respond", "comments"),
    ("replies", "comments"),
    ("nav", "navigation"),
    ("navbar", "navigation"),
    ("navigation", "navigation"),
    ("menu", "navigation"),
    ("breadcrumb", "navigation"),
    ("breadcrumbs", "navigation"),
    ("pagination", "navigation"),
    ("pager", "navigation"),
    ("skip", "navigation"),
    ("related", "related articles"),
    ("recommended", "related articles"),
    ("recommendations", "related articles"),
    ("recirc", "related articles"),
    ("taboola", "related articles"),
    ("outbrain", "related articles"),
    ("trending", "related articles"),
    ("popular", "related articles"),
    ("mostread", "related articles"),
    ("share", "share widget"),
    ("sharing", "share widget"),
    ("social", "share widget"),
    ("sharebar", "share widget"),
    ("cookie", "cookie notice"),
    ("cookies", "cookie notice"),
    ("consent", "cookie notice"),
    ("gdpr", "cookie notice"),
    ("newsletter", "newsletter box"),
    ("subscribe", "newsletter box"),
    ("subscription", "newsletter box"),
    ("signup", "newsletter box"),
    ("optin", "newsletter box"),
    ("ad", "advertisement"),
    ("ads", "advertisement"),
    ("advert", "advertisement"),
    ("advertisement", "advertisement"),
    ("sponsored", "advertisement"),
    ("promo", "advertisement"),
    ("dfp", "advertisement"),
    ("footer", "footer"),
    ("sidebar", "sidebar"),
    ("rail", "sidebar"),
    ("masthead", "header"),
    ("tags", "tag list"),
    ("taglist", "tag list"),
    ("keywords", "tag list"),
    ("bio", "author box"),
    ("authorbio", "author box"),
    ("modal", "widget"),
    ("popup", "widget"),
    ("overlay", "widget"),
    ("toolbar", "widget"),
    ("login", "widget"),
    ("caption", CAPTION),
    ("captions", CAPTION),
    ("credit", CAPTION),
    ("credits", CAPTION),
    ("gallery", CAPTION),
    ("slideshow", CAPTION),
    ("carousel", CAPTION),
    ("sronly", "hidden text"),
    ("screenreadertext", "hidden text"),
    ("visuallyhidden", "hidden text"),
];

/// The zone of photo captions, credits and galleries: their blocks are
/// captions, not boilerplate, and not part of the body.
const CAPTION: &str = "caption";

/// Words that mark an element as holding the article: they keep a zone
/// word in the same attribute from applying.
const CONTENT_WORDS: &[&str] = &[
    "article", "content", "entry", "post", "story", "body", "main", "text", "blog",
];

/// The boilerplate reason an element's own tag, role and class/id give.
fn zone_of(tag: &str, e: &super::dom::Element) -> Option<&'static str> {
    match tag {
        "nav" => return Some("navigation"),
        "footer" => return Some("footer"),
        "aside" => return Some("aside"),
        "form" if e.attr("role") == Some("search") => return Some("search form"),
        "body" | "html" | "main" | "article" => return None,
        _ => {}
    }
    if let Some(role) = e.attr("role") {
        match role.trim() {
            "navigation" | "menubar" | "menu" => return Some("navigation"),
            "contentinfo" => return Some("footer"),
            "complementary" => return Some("sidebar"),
            "search" => return Some("search form"),
            "banner" => return Some("header"),
            "dialog" | "alertdialog" => return Some("widget"),
            _ => {}
        }
    }
    if e.attr("itemprop")
        .is_some_and(|v| v.contains("articleBody"))
    {
        return None;
    }
    for attr in ["id", "class"] {
        let Some(value) = e.attr(attr) else { continue };
        if let Some(reason) = zone_words(value) {
            return Some(reason);
        }
    }
    None
}

/// The zone reason of one class or id attribute value.
fn zone_words(value: &str) -> Option<&'static str> {
    // Each class name separately: "post-comments" is about comments, but
    // "entry-content" with a second class "has-share" is still content.
    value.split_ascii_whitespace().find_map(class_zone)
}

/// The longest word, or class name with its words joined, that can be a
/// zone or content word.
const WORD_MAX: usize = 24;

/// What one lower-cased class word says.
#[derive(Clone, Copy)]
enum Word {
    Zone(&'static str),
    Content,
}

/// [`ZONE_WORDS`] and [`CONTENT_WORDS`] by word.
static WORDS: std::sync::LazyLock<fnv::FnvHashMap<&'static str, Word>> =
    std::sync::LazyLock::new(|| {
        let mut m: fnv::FnvHashMap<&'static str, Word> = ZONE_WORDS
            .iter()
            .map(|&(w, r)| (w, Word::Zone(r)))
            .collect();
        m.extend(CONTENT_WORDS.iter().map(|&w| (w, Word::Content)));
        m
    });

/// What `w` says, compared without case.
fn word_kind(w: &str) -> Option<Word> {
    if w.len() > WORD_MAX {
        return None;
    }
    let mut buf = [0u8; WORD_MAX];
    for (d, b) in buf.iter_mut().zip(w.bytes()) {
        *d = b.to_ascii_lowercase();
    }
    // ASCII letters and digits only: always UTF-8.
    let lower = std::str::from_utf8(&buf[..w.len()]).ok()?;
    WORDS.get(lower).copied()
}

/// The zone reason of one class name: one of its words (split at anything
/// not an ASCII letter or digit, compared without case) or all of them
/// joined is a zone word, and no word says it holds the content.
fn class_zone(class: &str) -> Option<&'static str> {
    // The words joined and lower-cased, when short enough to matter.
    let mut joined = [0u8; WORD_MAX];
    let mut len = 0usize;
    let mut first_zone = None;
    let mut content = false;
    let mut strong = false;
    for w in class
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if len + w.len() <= WORD_MAX {
            for (d, b) in joined[len..].iter_mut().zip(w.bytes()) {
                *d = b.to_ascii_lowercase();
            }
            len += w.len();
        } else {
            len = WORD_MAX + 1;
        }
        match word_kind(w) {
            Some(Word::Content) => content = true,
            Some(Word::Zone(r)) => {
                first_zone = first_zone.or(Some(r));
                strong |= ["comment", "comments", "related", "footer"]
                    .iter()
                    .any(|k| w.eq_ignore_ascii_case(k));
            }
            None => {}
        }
    }
    let joined = if len <= WORD_MAX {
        std::str::from_utf8(&joined[..len]).ok().and_then(word_kind)
    } else {
        None
    };
    if matches!(joined, Some(Word::Content)) {
        content = true;
    }
    // A content class keeps this class name from opening a zone.
    if content && !strong {
        return None;
    }
    first_zone.or(match joined {
        Some(Word::Zone(r)) => Some(r),
        _ => None,
    })
}

/// Per-element state of the walk.
#[derive(Debug, Clone, Copy)]
struct Ctx {
    zone: Option<&'static str>,
    zone_el: usize,
    link: bool,
    pre: bool,
    block: usize,
}

/// Collects the text blocks of the page in document order.
pub(crate) fn blocks(dom: &Dom) -> (Vec<Raw>, Vec<usize>) {
    let root = dom.find("body").unwrap_or(0);
    // (element, reason, enclosing zone element)
    let mut zones: Vec<(usize, &'static str, usize)> = Vec::new();
    let mut out = Vec::new();
    let mut post_order = Vec::new();
    let mut buf = Buf::default();
    // (node, entering)
    let mut stack: Vec<(usize, bool)> = vec![(root, true)];
    let mut ctx: Vec<Ctx> = vec![Ctx {
        zone: None,
        zone_el: NONE,
        link: false,
        pre: false,
        block: root,
    }];
    while let Some((id, entering)) = stack.pop() {
        let node = &dom.nodes[id];
        match &node.data {
            NodeData::Text(t) => {
                let c = ctx.last().copied().unwrap_or(ctx_default(root));
                buf.push(t, c.link, c.pre, node.start, node.end);
            }
            NodeData::Element(e) => {
                let tag = if e.html { &*e.name } else { "" };
                if entering {
                    if silent(tag) {
                        continue;
                    }
                    if tag == "br" {
                        buf.newline();
                        continue;
                    }
                    let parent = ctx.last().copied().unwrap_or(ctx_default(root));
                    // Hidden content is a zone: scripts may reveal it (a
                    // page rendered in hidden parts), and a zone holding
                    // most of the page's prose is not boilerplate.
                    let own_zone = if hidden(e) {
                        Some("hidden")
                    } else {
                        zone_of(tag, e)
                    };
                    let is_block = block_level(tag) || own_zone.is_some();
                    if is_block {
                        buf.flush(&mut out, dom, parent);
                        buf.first_of = Some(id);
                    }
                    // Comments stay comments even when a zone inside them
                    // says something else.
                    let (zone, zone_el) = match (parent.zone, own_zone) {
                        (Some("comments"), _) | (_, None) => (parent.zone, parent.zone_el),
                        (_, Some(z)) => {
                            zones.push((id, z, parent.zone_el));
                            (Some(z), id)
                        }
                    };
                    let c = Ctx {
                        zone,
                        zone_el,
                        link: parent.link || tag == "a",
                        pre: parent.pre || tag == "pre",
                        block: if is_block { id } else { parent.block },
                    };
                    ctx.push(c);
                    stack.push((id, false));
                    push_children(dom, id, &mut stack);
                } else {
                    let c = ctx.pop().unwrap_or(ctx_default(root));
                    if c.block == id {
                        let parent = ctx.last().copied().unwrap_or(ctx_default(root));
                        buf.flush_owned(&mut out, dom, c, id);
                        let _ = parent;
                    }
                    post_order.push(id);
                }
            }
            NodeData::Document => {
                if entering {
                    stack.push((id, false));
                    push_children(dom, id, &mut stack);
                } else {
                    post_order.push(id);
                }
            }
            NodeData::Other => {}
        }
    }
    let c = ctx.last().copied().unwrap_or(ctx_default(root));
    buf.flush(&mut out, dom, c);
    veto_zones(&mut out, &zones);
    (out, post_order)
}

/// A zone that holds much of the page's prose is the article's wrapper
/// with an unlucky class name (`elementor-widget`, `has-sidebar`), not
/// boilerplate: its reason is dropped, and its blocks fall to the zone
/// around it, if any. Comment sections are never dropped.
fn veto_zones(out: &mut [Raw], zones: &[(usize, &'static str, usize)]) {
    if zones.is_empty() {
        return;
    }
    let index: std::collections::HashMap<usize, (&'static str, usize)> =
        zones.iter().map(|&(e, r, p)| (e, (r, p))).collect();
    let mut prose: std::collections::HashMap<usize, f64> = std::collections::HashMap::new();
    let mut total = 0.0;
    for b in out.iter() {
        let v = prose_value(b);
        if v <= 0.0 {
            continue;
        }
        total += v;
        let mut z = b.zone_el;
        let mut steps = 0;
        while z != NONE && steps < 64 {
            *prose.entry(z).or_insert(0.0) += v;
            z = index.get(&z).map_or(NONE, |x| x.1);
            steps += 1;
        }
    }
    let vetoed = |z: usize| {
        index.get(&z).is_some_and(|(r, _)| *r != "comments")
            && prose.get(&z).copied().unwrap_or(0.0) > 0.4 * total
    };
    for b in out.iter_mut() {
        let mut z = b.zone_el;
        let mut steps = 0;
        while z != NONE && vetoed(z) && steps < 64 {
            z = index.get(&z).map_or(NONE, |x| x.1);
            steps += 1;
        }
        b.zone_el = z;
        b.zone = index.get(&z).map(|x| x.0);
    }
}

/// Pushes the children of `id` so that the first is popped first.
fn push_children(dom: &Dom, id: usize, stack: &mut Vec<(usize, bool)>) {
    let mut k = dom.nodes[id].last_child;
    while k != NONE {
        stack.push((k, true));
        k = dom.nodes[k].prev;
    }
}

fn ctx_default(root: usize) -> Ctx {
    Ctx {
        zone: None,
        zone_el: NONE,
        link: false,
        pre: false,
        block: root,
    }
}

/// The inline text being gathered for the current block.
#[derive(Debug, Default)]
struct Buf {
    text: String,
    link_chars: usize,
    start: usize,
    end: usize,
    /// The block element whose content this buffer started at, while
    /// nothing else has been flushed inside it.
    first_of: Option<usize>,
    space: bool,
}

impl Buf {
    fn push(&mut self, t: &str, link: bool, pre: bool, start: usize, end: usize) {
        let was_empty = self.text.trim().is_empty();
        let mut added = 0usize;
        for ch in t.chars() {
            if ch.is_whitespace() && !(pre && ch == '\n') {
                self.space = true;
                continue;
            }
            if ch == '\n' {
                trim_end_spaces(&mut self.text);
                self.text.push('\n');
                self.space = false;
                continue;
            }
            if self.space && !self.text.is_empty() && !self.text.ends_with('\n') {
                self.text.push(' ');
            }
            self.space = false;
            // Invisible characters say nothing.
            if matches!(
                ch,
                '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' | '\u{AD}'
            ) {
                continue;
            }
            self.text.push(ch);
            added += 1;
        }
        if link {
            self.link_chars += added;
        }
        if added > 0 {
            if was_empty {
                self.start = start;
            }
            self.end = self.end.max(end);
        }
    }

    fn newline(&mut self) {
        trim_end_spaces(&mut self.text);
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
        self.space = false;
    }

    fn take(&mut self) -> Option<(String, usize, (usize, usize))> {
        let text = self.text.trim();
        let r = if text.is_empty() {
            None
        } else {
            let t: String = text
                .split('\n')
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\n");
            Some((t, self.link_chars, (self.start, self.end)))
        };
        self.text.clear();
        self.link_chars = 0;
        self.space = false;
        self.start = 0;
        self.end = 0;
        r
    }

    /// Ends the block being gathered, whose owner is the context's block.
    fn flush(&mut self, out: &mut Vec<Raw>, dom: &Dom, c: Ctx) {
        self.first_of = None;
        if let Some((text, link_chars, source)) = self.take() {
            out.push(Raw {
                text,
                owner: c.block,
                hint: hint_of(dom.tag(c.block)),
                link_chars,
                zone: c.zone,
                zone_el: c.zone_el,
                source,
            });
        }
    }

    /// Ends the block at the end of block element `id`: when the block is
    /// the element's whole content, its source is the whole element.
    fn flush_owned(&mut self, out: &mut Vec<Raw>, dom: &Dom, c: Ctx, id: usize) {
        let whole = self.first_of == Some(id);
        self.first_of = None;
        if let Some((text, link_chars, mut source)) = self.take() {
            if whole {
                source = (dom.nodes[id].start, dom.nodes[id].end.max(source.1));
            }
            out.push(Raw {
                text,
                owner: id,
                hint: hint_of(dom.tag(id)),
                link_chars,
                zone: c.zone,
                zone_el: c.zone_el,
                source,
            });
        }
    }
}

fn trim_end_spaces(s: &mut String) {
    while s.ends_with(' ') {
        s.pop();
    }
}

/// Words of a text (runs of letters and digits), counted up to `cap`.
fn words(s: &str, cap: usize) -> usize {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(cap)
        .count()
}

/// How much a block speaks for the element around it being the article.
fn value(b: &Raw) -> f64 {
    if b.zone == Some(CAPTION) {
        return 0.0;
    }
    if b.zone.is_some() {
        let len = b.text.chars().count() as f64;
        return -0.5 * len - 5.0;
    }
    prose_value(b)
}

/// [`value`] regardless of zones.
fn prose_value(b: &Raw) -> f64 {
    let len = b.text.chars().count() as f64;
    if is_cookie_text(&b.text) {
        return -0.5 * len;
    }
    let density = b.link_chars as f64 / len.max(1.0);
    if density > 0.5 {
        return -0.5 * len * density - 3.0;
    }
    let n = words(&b.text, 40);
    match b.hint {
        Hint::Heading(_) => 0.0,
        _ if n >= 12 || (n >= 6 && crate::text::ends_sentence(&b.text)) => {
            let weight = match b.hint {
                Hint::ListItem | Hint::Cell => 0.6,
                _ => 1.0,
            };
            weight * len * (1.0 - density)
        }
        _ => -(3.0 + 0.1 * len),
    }
}

/// The element that holds the article: the maximum-weight subtree.
///
/// `anchor` is the index of the headline's block when known: article text
/// follows its headline, so prose before it counts half, and prose after
/// the page footer that follows it (a company blurb, a cookie notice)
/// counts a third.
pub(crate) fn container(
    dom: &Dom,
    raws: &[Raw],
    post_order: &[usize],
    anchor: Option<usize>,
) -> usize {
    let mut sum = vec![0.0f64; dom.nodes.len()];
    // Prose blocks under the same parent: article paragraphs come in runs,
    // a teaser's summary stands alone in its box.
    let mut prose_kids = vec![0u16; dom.nodes.len()];
    let values: Vec<f64> = raws.iter().map(value).collect();
    for (b, v) in raws.iter().zip(&values) {
        let p = group(dom, b.owner);
        if *v > 0.0 && p != NONE {
            prose_kids[p] = prose_kids[p].saturating_add(1);
        }
    }
    let mut after_footer = false;
    for (i, b) in raws.iter().enumerate() {
        let mut v = values[i];
        let g = group(dom, b.owner);
        if v > 0.0 && g != NONE && prose_kids[g] < 2 {
            v = v * LONE - 10.0;
        }
        if let Some(a) = anchor {
            if i > a && b.zone == Some("footer") {
                after_footer = true;
            }
            if v > 0.0 {
                if i < a {
                    v *= 0.5;
                } else if after_footer {
                    v *= 0.3;
                }
            }
        }
        sum[b.owner] += v;
    }
    let mut best = NONE;
    let mut best_sum = f64::MIN;
    for &id in post_order {
        let s = sum[id];
        if s > best_sum {
            best_sum = s;
            best = id;
        }
        let parent = dom.nodes[id].parent;
        if parent != NONE {
            sum[parent] += s;
        }
    }
    if best == NONE {
        dom.find("body").unwrap_or(0)
    } else {
        best
    }
}

/// How much a prose block standing alone in its parent counts.
const LONE: f64 = 0.3;

/// The element whose children a block's owner is among.
fn group(dom: &Dom, owner: usize) -> usize {
    dom.nodes.get(owner).map_or(NONE, |n| n.parent)
}

/// Marks the elements inside `root` (and `root` itself).
pub(crate) fn inside(dom: &Dom, root: usize) -> Vec<bool> {
    let mut mark = vec![false; dom.nodes.len()];
    let mut stack = vec![root];
    while let Some(id) = stack.pop() {
        if mark[id] {
            continue;
        }
        mark[id] = true;
        stack.extend(dom.children(id));
    }
    mark
}

/// Classifies the blocks: body inside the container, boilerplate with a
/// reason elsewhere. `title` is the document title, used to find its block.
pub(crate) fn classify(raws: Vec<Raw>, mark: &[bool], title: Option<&str>) -> Vec<Out> {
    let title_norm = title.map(crate::text::norm_words);
    let mut title_done = false;
    let mut seen_inside = false;
    let mut out = Vec::with_capacity(raws.len());
    for b in raws {
        // Between the headline and the article's first block: the byline
        // and date line of the article's header.
        let header = title_done && !seen_inside && b.zone.is_none();
        seen_inside |= mark[b.owner];
        let len = b.text.chars().count().max(1);
        let density = b.link_chars as f64 / len as f64;
        let norm = crate::text::norm_words(&b.text);
        let is_title = !title_done
            && matches!(b.hint, Hint::Heading(_) | Hint::Other | Hint::Paragraph)
            && title_norm
                .as_deref()
                .is_some_and(|t| !t.is_empty() && *t == norm);
        let (kind, reason): (BlockKind, Option<&str>) = if is_title {
            title_done = true;
            (BlockKind::Title, Some("title"))
        } else if b.zone == Some(CAPTION) && mark[b.owner] {
            (BlockKind::Caption, Some(CAPTION))
        } else if let Some(z) = b.zone {
            (BlockKind::Boilerplate, Some(z))
        } else if is_cookie_text(&b.text) {
            (BlockKind::Boilerplate, Some("cookie notice"))
        } else if header && is_date_line(&b.text) {
            (BlockKind::Dateline, Some("date line"))
        } else if header && is_byline(&b.text) {
            (BlockKind::Boilerplate, Some("byline"))
        } else if !mark[b.owner] {
            (BlockKind::Boilerplate, Some("outside article"))
        } else if density > 0.5 && b.link_chars > 0 && !matches!(b.hint, Hint::Heading(2..)) {
            (BlockKind::Boilerplate, Some("link text"))
        } else if let Some(w) =
            crate::text::widget(&norm, &b.text, words(&b.text, 30)).map(|w| w.reason)
        {
            (BlockKind::Boilerplate, Some(w))
        } else if is_promo(&b.text) {
            (BlockKind::Boilerplate, Some("newsletter box"))
        } else if is_date_line(&b.text) || is_stamp_line(&b.text) {
            (BlockKind::Dateline, Some("date line"))
        } else if is_byline(&b.text) {
            (BlockKind::Boilerplate, Some("byline"))
        } else {
            match b.hint {
                Hint::Heading(_) => (BlockKind::Heading, Some("heading")),
                Hint::Caption => (BlockKind::Caption, Some("caption")),
                _ => (BlockKind::Paragraph, None),
            }
        };
        out.push(Out {
            text: b.text,
            kind,
            reason: reason.map(str::to_string),
            source: b.source,
        });
    }
    out
}

/// A short block that is a date (with a label or time) and little else.
pub(crate) fn is_date_line(s: &str) -> bool {
    if s.len() > 80 {
        return false;
    }
    match crate::datetext::date_prefix(s) {
        Some(m) => words(&s[m.len..], 10) <= 3,
        None => false,
    }
}

/// A short paragraph with a sentence that asks the reader to subscribe,
/// sign up or join: the site's own promotion at the end of an article.
pub(crate) fn is_promo(s: &str) -> bool {
    const OPENINGS: &[&str] = &[
        "subscribe ",
        "sign up ",
        "join our ",
        "follow us ",
        "get breaking ",
        "get the latest ",
    ];
    if s.len() > 400 || words(s, 50) > 40 {
        return false;
    }
    let opens = |at: usize| {
        OPENINGS.iter().any(|o| {
            s.get(at..at + o.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(o))
        })
    };
    opens(0)
        || s.match_indices(['.', '?', '!']).any(|(i, _)| {
            let rest = &s[i + 1..];
            let trimmed = rest.trim_start();
            trimmed.len() < rest.len() && opens(s.len() - trimmed.len())
        })
}

/// A short line that stamps the article with a date among a few other
/// words (a byline, a place), with a time or a label saying what the date
/// is: `Updated 11:21 pm CST, Tuesday, November 19, 2019`, `By HNN Staff |
/// November 18, 2019 at 2:26 PM HST`, `Ann Lee 2019-11-20 17:27:46`.
pub(crate) fn is_stamp_line(s: &str) -> bool {
    if s.len() > 120 || words(s, 20) > 16 {
        return false;
    }
    let labelled = s.split(|c: char| !c.is_alphabetic()).any(|w| {
        ["updated", "posted", "published", "modified"]
            .iter()
            .any(|l| w.eq_ignore_ascii_case(l))
    });
    let b = s.as_bytes();
    // h:mm or hh:mm
    let timed = (1..b.len().saturating_sub(2)).any(|i| {
        b[i] == b':'
            && b[i - 1].is_ascii_digit()
            && b[i + 1].is_ascii_digit()
            && b[i + 2].is_ascii_digit()
    });
    if !labelled && !timed {
        return false;
    }
    let mut prev_alnum = false;
    s.char_indices().any(|(i, c)| {
        let start = !prev_alnum && c.is_alphanumeric();
        prev_alnum = c.is_alphanumeric();
        start && crate::datetext::date_prefix(&s[i..]).is_some()
    })
}

/// The date that ends a short line (at most 80 bytes), after a few words
/// (a byline): `Ann Lee 4 August 2010`, `By Ann Lee | May 4, 2025`.
pub(crate) fn trailing_date(s: &str) -> Option<crate::Date> {
    if s.len() > 80 {
        return None;
    }
    let mut prev_space = true;
    for (i, c) in s.char_indices() {
        if prev_space
            && c.is_alphanumeric()
            && i > 0
            && let Some(m) = crate::datetext::date_prefix(&s[i..])
            && words(&s[i + m.len..], 10) <= 2
            && words(&s[..i], 10) <= 6
        {
            return Some(m.date);
        }
        prev_space = !c.is_alphanumeric();
    }
    None
}

/// Text of a cookie notice: says "cookies" together with the words such
/// notices use.
pub(crate) fn is_cookie_text(s: &str) -> bool {
    if s.len() > 1500
        || !s
            .as_bytes()
            .windows(5)
            .any(|w| w.eq_ignore_ascii_case(b"ookie"))
    {
        return false;
    }
    let lower = s.to_lowercase();
    lower.contains("cookie")
        && [
            "website",
            "browser",
            "consent",
            "experience",
            "our site",
            "this site",
            "preferences",
        ]
        .iter()
        .any(|w| lower.contains(w))
}

/// A short "By …" line.
fn is_byline(s: &str) -> bool {
    let n = words(s, 12);
    n <= 10
        && (s.starts_with("By ")
            || s.starts_with("by ")
            || s.starts_with("BY ")
            || s.starts_with("Written by")
            || s.starts_with("Posted by"))
}
