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
//!
//! Step 1 is [`walk`], the zone rules of step 2 are [`zone`]; this module
//! holds steps 3 and 4: block values, the container, the classification
//! and the line tests (date line, promo, stamp, cookie text, byline).

mod walk;
mod zone;

pub(crate) use walk::{Hint, Raw, blocks};
use zone::CAPTION;

use super::dom::{Dom, NONE};
use crate::BlockKind;

/// An extracted block, classified.
#[derive(Debug, Clone)]
pub(crate) struct Out {
    pub(crate) text: String,
    pub(crate) kind: BlockKind,
    pub(crate) reason: Option<String>,
    pub(crate) source: (usize, usize),
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

/// The first date in a short line (at most 120 bytes and 16 words) that
/// is a stamp line, opens with the date or with `By`, or parts its pieces
/// with a dot or a bar: `by Ann Lee · Dec 20, 2025 at 3:00 am`,
/// `May 18, 2023 By Ann Lee In Travel`.
pub(crate) fn byline_date(s: &str) -> Option<crate::Date> {
    if s.len() > 120 || words(s, 20) > 16 {
        return None;
    }
    let lower = s.trim_start().to_lowercase();
    let shaped = is_stamp_line(s)
        || lower.starts_with("by ")
        || s.contains(['·', '|', '•', '●', '⋅'])
        || crate::datetext::date_prefix(s.trim_start()).is_some();
    if !shaped {
        return None;
    }
    let mut prev_alnum = false;
    for (i, c) in s.char_indices() {
        let start = !prev_alnum && c.is_alphanumeric();
        prev_alnum = c.is_alphanumeric();
        if start && let Some(m) = crate::datetext::date_prefix(&s[i..]) {
            return Some(m.date);
        }
    }
    None
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
