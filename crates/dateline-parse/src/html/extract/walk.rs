//! Cutting the page into blocks: one walk over the tree turns the visible
//! text into [`Raw`] blocks, the inline text of each block-level element
//! (`p`, `h2`, `li`, `div`, `td`, …), each with its [`Hint`], its link
//! characters and the boilerplate zone it is in. Scripts, styles, form
//! controls and hidden elements give no block. Which element opens which
//! zone is decided in [`super::zone`].

use super::super::dom::{Dom, NONE, NodeData};
use super::prose_value;
use super::zone::zone_of;

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
fn hidden(e: &super::super::dom::Element) -> bool {
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
