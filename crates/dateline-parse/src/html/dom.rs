//! A compact arena DOM built by html5ever's tree builder, where every node
//! also records the byte range of the page's source it came from.
//!
//! html5ever does not report source positions, so the page is fed to it in
//! pieces that each begin at a `<`: every tag is then completed inside the
//! piece that starts with it, and the tree builder's calls (create an
//! element, append text, pop an element) happen while that piece is being
//! read. The sink notes the current piece's offsets on each call.
//!
//! Nodes live in one vector and link to each other by index, so neither
//! building nor dropping a tree recurses, however deep the page nests.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer,
};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeBuilder, TreeSink};
use html5ever::{Attribute, LocalName, QualName, TokenizerResult, local_name, ns};

/// The deepest an element may nest. Deeper start tags are dropped (their
/// text stays, in the element at this depth), as browsers flatten very
/// deep trees: the tree builder scans the open elements for every tag, so
/// bounding the depth keeps parsing linear in the page size.
pub const MAX_DEPTH: usize = 512;

/// "No node".
pub(crate) const NONE: usize = usize::MAX;

/// One node of the tree.
#[derive(Debug)]
pub(crate) struct Node {
    pub(crate) parent: usize,
    pub(crate) first_child: usize,
    pub(crate) last_child: usize,
    pub(crate) next: usize,
    pub(crate) prev: usize,
    pub(crate) data: NodeData,
    /// First byte of the node in the source (a start tag's `<`).
    pub(crate) start: usize,
    /// One past the node's last byte (its end tag's `>` when it has one).
    pub(crate) end: usize,
    /// Depth in the tree when the node was attached.
    depth: usize,
}

/// What a node is.
#[derive(Debug)]
pub(crate) enum NodeData {
    Document,
    Element(Box<Element>),
    /// Text, kept in the tokenizer's buffer (no copy).
    Text(StrTendril),
    /// Comments, processing instructions, template contents.
    Other,
}

/// An element: its local name (HTML namespace or not) and attributes.
#[derive(Debug)]
pub(crate) struct Element {
    pub(crate) name: LocalName,
    pub(crate) html: bool,
    /// Attribute values, kept in the tokenizer's buffers (no copy).
    pub(crate) attrs: Vec<(LocalName, StrTendril)>,
}

impl Element {
    /// The value of attribute `name`, if present.
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| &**n == name)
            .map(|(_, v)| &**v)
    }
}

/// A parsed page.
#[derive(Debug)]
pub(crate) struct Dom {
    pub(crate) nodes: Vec<Node>,
}

impl Dom {
    pub(crate) fn element(&self, id: usize) -> Option<&Element> {
        match &self.nodes.get(id)?.data {
            NodeData::Element(e) => Some(e),
            _ => None,
        }
    }

    /// The local name of an HTML element, or `""`.
    pub(crate) fn tag(&self, id: usize) -> &str {
        match self.element(id) {
            Some(e) if e.html => &e.name,
            _ => "",
        }
    }

    /// Children of `id`, in order.
    pub(crate) fn children(&self, id: usize) -> Children<'_> {
        Children {
            dom: self,
            next: self.nodes.get(id).map_or(NONE, |n| n.first_child),
        }
    }

    /// The first element named `tag` in document order.
    pub(crate) fn find(&self, tag: &str) -> Option<usize> {
        (0..self.nodes.len()).find(|&i| self.tag(i) == tag && self.attached(i))
    }

    /// True when `id` is in the document tree (not a detached node or
    /// template contents).
    pub(crate) fn attached(&self, id: usize) -> bool {
        let mut cur = id;
        let mut steps = 0usize;
        while cur != NONE && steps <= self.nodes.len() {
            if matches!(self.nodes[cur].data, NodeData::Document) {
                return true;
            }
            cur = self.nodes[cur].parent;
            steps += 1;
        }
        false
    }
}

/// Iterator over the children of a node.
#[derive(Debug)]
pub(crate) struct Children<'a> {
    dom: &'a Dom,
    next: usize,
}

impl Iterator for Children<'_> {
    type Item = usize;
    fn next(&mut self) -> Option<usize> {
        let cur = self.next;
        let node = self.dom.nodes.get(cur)?;
        self.next = node.next;
        Some(cur)
    }
}

/// Offsets of the piece of source being read: where it starts, where its
/// leading tag ends (after `>`), where it ends, and whether it is an end tag.
#[derive(Debug, Clone, Copy, Default)]
struct Piece {
    start: usize,
    tag_end: usize,
    end: usize,
    end_tag: bool,
}

/// A handle to a node: its index, and for elements the qualified name the
/// tree builder asks for.
#[derive(Debug, Clone)]
pub(crate) struct Handle {
    id: usize,
    name: Option<Rc<QualName>>,
}

struct Sink {
    nodes: RefCell<Vec<Node>>,
    piece: Rc<Cell<Piece>>,
    document: Handle,
    /// Depth of the element the tree builder is inserting into, as far as
    /// its calls show: set when an element is appended or popped.
    current_depth: Cell<usize>,
}

impl Sink {
    fn new_node(&self, data: NodeData, start: usize, end: usize) -> usize {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(Node {
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            next: NONE,
            prev: NONE,
            data,
            start,
            end,
            depth: 0,
        });
        nodes.len() - 1
    }

    fn text_node(&self, text: StrTendril) -> usize {
        let p = self.piece.get();
        self.new_node(NodeData::Text(text), p.tag_end, p.end)
    }
}

fn detach(nodes: &mut [Node], id: usize) {
    let (parent, prev, next) = (nodes[id].parent, nodes[id].prev, nodes[id].next);
    if parent == NONE {
        return;
    }
    if prev != NONE {
        nodes[prev].next = next;
    } else {
        nodes[parent].first_child = next;
    }
    if next != NONE {
        nodes[next].prev = prev;
    } else {
        nodes[parent].last_child = prev;
    }
    nodes[id].parent = NONE;
    nodes[id].prev = NONE;
    nodes[id].next = NONE;
}

fn append_child(nodes: &mut [Node], parent: usize, child: usize) {
    detach(nodes, child);
    nodes[child].depth = nodes[parent].depth + 1;
    let last = nodes[parent].last_child;
    nodes[child].parent = parent;
    nodes[child].prev = last;
    if last != NONE {
        nodes[last].next = child;
    } else {
        nodes[parent].first_child = child;
    }
    nodes[parent].last_child = child;
}

fn insert_before(nodes: &mut [Node], sibling: usize, child: usize) {
    detach(nodes, child);
    let parent = nodes[sibling].parent;
    if parent == NONE {
        return;
    }
    let prev = nodes[sibling].prev;
    nodes[child].depth = nodes[sibling].depth;
    nodes[child].parent = parent;
    nodes[child].prev = prev;
    nodes[child].next = sibling;
    nodes[sibling].prev = child;
    if prev != NONE {
        nodes[prev].next = child;
    } else {
        nodes[parent].first_child = child;
    }
}

impl TreeSink for Sink {
    type Handle = Handle;
    type Output = Dom;
    type ElemName<'a> = &'a QualName;

    fn finish(self) -> Dom {
        Dom {
            nodes: self.nodes.into_inner(),
        }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Handle {
        self.document.clone()
    }

    fn elem_name<'a>(&'a self, target: &'a Handle) -> &'a QualName {
        // The tree builder only asks for names of elements, which always
        // carry one; a document handle gets the name of `<html>`.
        target.name.as_deref().unwrap_or(&HTML_NAME)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Handle {
        let p = self.piece.get();
        let element = Element {
            name: name.local.clone(),
            html: name.ns == ns!(html),
            attrs: attrs.into_iter().map(|a| (a.name.local, a.value)).collect(),
        };
        let id = self.new_node(NodeData::Element(Box::new(element)), p.start, p.tag_end);
        if flags.template {
            // The template's contents: a detached node right after it.
            self.new_node(NodeData::Other, p.start, p.tag_end);
        }
        Handle {
            id,
            name: Some(Rc::new(name)),
        }
    }

    fn create_comment(&self, _text: StrTendril) -> Handle {
        let p = self.piece.get();
        Handle {
            id: self.new_node(NodeData::Other, p.start, p.tag_end),
            name: None,
        }
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Handle {
        self.create_comment(StrTendril::new())
    }

    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        match child {
            NodeOrText::AppendNode(h) => {
                let mut nodes = self.nodes.borrow_mut();
                append_child(&mut nodes, parent.id, h.id);
                if h.name.is_some() {
                    self.current_depth.set(nodes[h.id].depth);
                }
            }
            NodeOrText::AppendText(t) => {
                let end = self.piece.get().end;
                {
                    let mut nodes = self.nodes.borrow_mut();
                    let last = nodes[parent.id].last_child;
                    if last != NONE
                        && let NodeData::Text(s) = &mut nodes[last].data
                    {
                        s.push_tendril(&t);
                        nodes[last].end = nodes[last].end.max(end);
                        return;
                    }
                }
                let id = self.text_node(t);
                append_child(&mut self.nodes.borrow_mut(), parent.id, id);
            }
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &Handle,
        prev_element: &Handle,
        child: NodeOrText<Handle>,
    ) {
        let has_parent = self.nodes.borrow()[element.id].parent != NONE;
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn pop(&self, node: &Handle) {
        let p = self.piece.get();
        let end = if p.end_tag { p.tag_end } else { p.start };
        let mut nodes = self.nodes.borrow_mut();
        let n = &mut nodes[node.id];
        n.end = n.end.max(end);
        self.current_depth.set(n.depth.saturating_sub(1));
    }

    fn get_template_contents(&self, target: &Handle) -> Handle {
        Handle {
            id: target.id + 1,
            name: None,
        }
    }

    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        x.id == y.id
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Handle, new_node: NodeOrText<Handle>) {
        match new_node {
            NodeOrText::AppendNode(h) => {
                insert_before(&mut self.nodes.borrow_mut(), sibling.id, h.id);
            }
            NodeOrText::AppendText(t) => {
                {
                    let mut nodes = self.nodes.borrow_mut();
                    let prev = nodes[sibling.id].prev;
                    if prev != NONE
                        && let NodeData::Text(s) = &mut nodes[prev].data
                    {
                        s.push_tendril(&t);
                        return;
                    }
                }
                let id = self.text_node(t);
                insert_before(&mut self.nodes.borrow_mut(), sibling.id, id);
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &Handle, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        if let NodeData::Element(e) = &mut nodes[target.id].data {
            for a in attrs {
                if !e.attrs.iter().any(|(n, _)| *n == a.name.local) {
                    e.attrs.push((a.name.local, a.value));
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &Handle) {
        detach(&mut self.nodes.borrow_mut(), target.id);
    }

    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        let mut nodes = self.nodes.borrow_mut();
        let mut child = nodes[node.id].first_child;
        while child != NONE {
            let next = nodes[child].next;
            append_child(&mut nodes, new_parent.id, child);
            child = next;
        }
    }
}

static HTML_NAME: std::sync::LazyLock<QualName> =
    std::sync::LazyLock::new(|| QualName::new(None, ns!(html), local_name!("html")));

/// Passes tokens to the tree builder, dropping start tags that would nest
/// deeper than [`MAX_DEPTH`].
struct DepthGuard {
    inner: TreeBuilder<Handle, Sink>,
}

/// Start tags that switch the tokenizer's state: always passed on.
fn switches_tokenizer(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "textarea"
            | "title"
            | "xmp"
            | "iframe"
            | "noembed"
            | "noframes"
            | "noscript"
            | "plaintext"
            | "template"
            | "svg"
            | "math"
    )
}

impl TokenSink for DepthGuard {
    type Handle = Handle;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<Handle> {
        if let Token::TagToken(Tag {
            kind: TagKind::StartTag,
            name,
            self_closing: false,
            ..
        }) = &token
            && self.inner.sink.current_depth.get() >= MAX_DEPTH
            && !switches_tokenizer(name)
        {
            return TokenSinkResult::Continue;
        }
        self.inner.process_token(token, line_number)
    }

    fn end(&self) {
        self.inner.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.inner
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// Parses a decoded page into a [`Dom`] whose nodes know their source ranges.
pub(crate) fn parse(html: &str) -> Dom {
    let piece = Rc::new(Cell::new(Piece::default()));
    let sink = Sink {
        nodes: RefCell::new(Vec::with_capacity(html.len() / 40 + 16)),
        piece: Rc::clone(&piece),
        document: Handle { id: 0, name: None },
        current_depth: Cell::new(0),
    };
    sink.new_node(NodeData::Document, 0, html.len());
    let tb_opts = html5ever::tree_builder::TreeBuilderOpts {
        // Read `<noscript>` as markup, as a reader without scripts sees it.
        scripting_enabled: false,
        ..Default::default()
    };
    let guard = DepthGuard {
        inner: TreeBuilder::new(sink, tb_opts),
    };
    let tokenizer = Tokenizer::new(guard, Default::default());
    let input = BufferQueue::default();
    let bytes = html.as_bytes();
    let mut start = 0;
    while start < bytes.len() {
        // The next piece ends at the next `<` after its first byte.
        let end = memchr_lt(bytes, start + 1);
        let starts_tag = bytes[start] == b'<';
        let tag_end = if starts_tag {
            memchr::memchr(b'>', &bytes[start..end]).map_or(end, |p| start + p + 1)
        } else {
            start
        };
        piece.set(Piece {
            start,
            tag_end,
            end,
            end_tag: starts_tag && bytes.get(start + 1) == Some(&b'/'),
        });
        // Both ends are at `<` (ASCII) or the ends of the text: char boundaries.
        input.push_back(StrTendril::from_slice(&html[start..end]));
        while let TokenizerResult::Script(_) = tokenizer.feed(&input) {}
        start = end;
    }
    piece.set(Piece {
        start: html.len(),
        tag_end: html.len(),
        end: html.len(),
        end_tag: false,
    });
    while let TokenizerResult::Script(_) = tokenizer.feed(&input) {}
    tokenizer.end();
    let mut dom = tokenizer.sink.inner.sink.finish();
    fix_ends(&mut dom.nodes, bytes);
    dom
}

/// Completes the end offsets: an element's range covers its children
/// (elements left open at the end of the page were never popped), and
/// reaches past its own end tag when one follows them (the tree builder
/// closes most elements without telling the sink). Children are created
/// after their parents, so one backward pass suffices in the usual case.
fn fix_ends(nodes: &mut [Node], src: &[u8]) {
    for i in (0..nodes.len()).rev() {
        if let NodeData::Element(e) = &nodes[i].data {
            let end = nodes[i].end;
            let name = e.name.as_bytes();
            let rest = src.get(end..).unwrap_or(&[]);
            if rest.len() > name.len() + 2
                && rest.starts_with(b"</")
                && rest[2..2 + name.len()].eq_ignore_ascii_case(name)
                && let Some(p) = memchr::memchr(b'>', rest)
            {
                nodes[i].end = end + p + 1;
            }
        }
        let (parent, end) = (nodes[i].parent, nodes[i].end);
        if parent != NONE && parent < nodes.len() && nodes[parent].end < end {
            nodes[parent].end = end;
        }
    }
}

fn memchr_lt(bytes: &[u8], from: usize) -> usize {
    bytes
        .get(from..)
        .and_then(|rest| memchr::memchr(b'<', rest))
        .map_or(bytes.len(), |p| from + p)
}
