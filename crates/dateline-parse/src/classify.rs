//! Classifying units into typed blocks.
//!
//! The classifier works in two passes over the [`Unit`]s of an article.
//!
//! 1. **Title.** Among the first few units, skipping date lines, widgets and
//!    short navigation lines, the first headline-like line is the title (or
//!    the line that matches the title given as metadata). A breadcrumb in
//!    front of it is split off: its end is found where a later repetition of
//!    the title begins, at the last breadcrumb separator, or after a run of
//!    known section names. A `" | SITE"` tail is split off as the site name.
//! 2. **Body.** Each remaining unit is classified by general signals, in a
//!    fixed order: date lines; the zone the unit is in (after a
//!    related-articles marker, teasers follow; after a comment-section marker,
//!    everything is the comment section); repetitions and fragments of the
//!    title; widget phrases; place datelines (`WASHINGTON (Reuters) -`);
//!    photo credits; and for short lines without end punctuation, the layout
//!    around them: glued between two paragraphs it is an inline teaser, glued
//!    to a one-sentence line under it it labels a caption, standing alone it
//!    is a heading. Everything else is a paragraph.
//!
//! Every rule is a general property of scraped news pages; none refers to
//! a particular article. Each non-paragraph block records the rule that
//! produced it as its reason.

use crate::datetext::{DateMatch, date_prefix};
use crate::segment::{Unit, units};
use crate::text::{
    SECTIONS, Zone, commas, ends_dangling, ends_open, ends_sentence, ends_terminal, ends_truncated,
    has_credit, is_code, is_copyright, is_title_fragment, norm_words, sentence_breaks,
    starts_capital, widget, word_count,
};
use crate::{Block, BlockKind, Date, Span};

#[cfg(test)]
mod tests;

/// Word cap for counting; longer units are simply "long".
const WORD_CAP: usize = 45;
/// How many units at the top may precede the title.
const TITLE_WINDOW: usize = 6;

/// Metadata known before parsing (from a JSON record).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Hints<'a> {
    /// The headline given as metadata.
    pub(crate) title: Option<&'a str>,
}

/// The result of classification.
#[derive(Debug, Default)]
pub(crate) struct Classified {
    pub(crate) blocks: Vec<Block>,
    pub(crate) title: Option<Span>,
    pub(crate) site: Option<Span>,
    pub(crate) date: Option<Date>,
}

/// The title line: where its parts are.
#[derive(Debug, Clone, Copy)]
struct TitleLine {
    unit: usize,
    breadcrumb: Option<Span>,
    title: Span,
    site: Option<Span>,
    reason: &'static str,
}

/// Facts about one unit, computed once (the normalized words only when
/// asked for, and only for short units).
struct Info<'t> {
    text: &'t str,
    words: usize,
    norm: std::cell::OnceCell<String>,
}

impl<'t> Info<'t> {
    fn new(text: &'t str) -> Self {
        let words = word_count(text, WORD_CAP);
        Info {
            text,
            words,
            norm: std::cell::OnceCell::new(),
        }
    }

    /// Normalized words of a unit of at most 40 words, else "".
    fn norm(&self) -> &str {
        self.norm.get_or_init(|| {
            if self.words <= 40 {
                norm_words(self.text)
            } else {
                String::new()
            }
        })
    }

    /// The widget this short unit is, if any.
    fn widget(&self) -> Option<crate::text::Widget> {
        if self.words > 25 {
            return None;
        }
        widget(self.norm(), self.text, self.words)
    }

    /// Long enough and finished like body text.
    fn is_body(&self) -> bool {
        self.words >= 15 && (ends_terminal(self.text) || self.words >= 40)
    }

    /// Body text whose last sentence is finished (not a colon introducing
    /// a list).
    fn is_finished_body(&self) -> bool {
        self.is_body() && ends_sentence(self.text)
    }
}

/// True when `s` could be a headline.
fn title_like(s: &str) -> bool {
    let words = word_count(s, 40);
    (2..=30).contains(&words)
        && s.len() <= 300
        && ends_open(s)
        && starts_capital(s)
        && !ends_dangling(s)
        && !ends_truncated(s)
        && sentence_breaks(s, 1) == 0
        && commas(s) <= 3
}

/// True when `s` could be a heading or a label: a short line without end
/// punctuation.
fn heading_like(s: &str, words: usize) -> bool {
    (1..=18).contains(&words)
        && !is_list_item(s)
        && s.len() <= 200
        && ends_open(s)
        && !s.ends_with('?')
        && !s.ends_with('!')
        && starts_capital(s)
        && !ends_dangling(s)
        && commas(s) <= 1
        && sentence_breaks(s, 1) == 0
}

/// "1. First point", "2) Second point": an item of a numbered list.
fn is_list_item(s: &str) -> bool {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0
        && digits <= 3
        && matches!(s.as_bytes().get(digits), Some(b'.' | b')'))
        && s.as_bytes().get(digits + 1) == Some(&b' ')
}

/// Characters allowed between a date and the text after it on one line.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '|' | '-' | '–' | '—' | ':' | ',' | '·' | '•' | '/')
}

/// A date at the start of `s`: the end of the date part (with trailing
/// separators) and where the rest begins, if anything follows.
fn split_date(s: &str) -> Option<(DateMatch, usize, Option<usize>)> {
    let m = date_prefix(s)?;
    let rest = &s[m.len..];
    let skipped = rest.len() - rest.trim_start_matches(is_separator).len();
    if skipped == rest.len() {
        return Some((m, s.len(), None));
    }
    Some((m, m.len, Some(m.len + skipped)))
}

/// A place dateline opening a paragraph: `WASHINGTON (Reuters) - `,
/// `MOSCOW, July 19 — `, `LONDON, Oct. 19. /TASS/. `. Returns the end of
/// the dateline (including its dash) and where the rest begins.
fn place_dateline(s: &str) -> Option<(usize, usize)> {
    let head = s.get(..s.len().min(100)).unwrap_or(s);
    // Uppercase place words.
    let mut end = 0;
    let mut letters = 0;
    for (i, c) in head.char_indices() {
        if c.is_uppercase() {
            letters += 1;
        } else if c == ' ' || c == '.' || c == '-' || c == '\'' {
            if c == '-' && head[i + 1..].starts_with(' ') {
                break;
            }
        } else {
            break;
        }
        end = i + c.len_utf8();
    }
    if letters < 3 {
        return None;
    }
    let place = head[..end].trim_end();
    // The place must end at a word boundary followed by ',', '(' or a dash.
    let mut i = place.len();
    let rest = &head[i..];
    let after = rest.trim_start();
    i += rest.len() - after.len();
    let mut tail = after;
    if let Some(r) = tail.strip_prefix(',') {
        // ", July 19" / ", Calif." up to the agency or the dash.
        let stop = r.find(['(', '—', '–', '/']).or_else(|| r.find(" - "))?;
        if stop > 40 {
            return None;
        }
        i += 1 + stop;
        tail = &r[stop..];
    }
    let t = tail.trim_start();
    i += tail.len() - t.len();
    tail = t;
    if let Some(r) = tail.strip_prefix('(') {
        let close = r.find(')')?;
        if close > 30 {
            return None;
        }
        i += close + 2;
        tail = &r[close + 1..];
    } else if let Some(r) = tail.strip_prefix('/') {
        let close = r.find('/')?;
        if close > 20 {
            return None;
        }
        i += close + 2;
        tail = &r[close + 1..];
        if let Some(r) = tail.strip_prefix('.') {
            i += 1;
            tail = r;
        }
        let t = tail.trim_start();
        let start = i + (tail.len() - t.len());
        return (!t.is_empty() && start > i).then_some((i, start));
    }
    let t = tail.trim_start();
    i += tail.len() - t.len();
    tail = t;
    let dash = ["--", "—", "–", "-"]
        .iter()
        .find(|d| tail.starts_with(**d))?;
    i += dash.len();
    let rest = &tail[dash.len()..];
    let body = rest.trim_start();
    if body.is_empty() || body.len() == rest.len() {
        return None;
    }
    Some((i, i + (rest.len() - body.len())))
}

/// A date after a separator inside a short line ("By X | July 19, 2018").
fn date_inside(s: &str) -> Option<Date> {
    s.match_indices(['|', ',', '-', '–', '—', '·'])
        .map(|(i, sep)| s[i + sep.len()..].trim_start())
        .find_map(|rest| date_prefix(rest).map(|m| m.date))
}

/// Where the title begins after a breadcrumb at the front of the line `s`.
/// `later` are the texts of the units that follow, for repetition.
fn breadcrumb(s: &str, later: &[&str]) -> Option<usize> {
    // (a) A later line repeats the title: the breadcrumb is what precedes it.
    let words: Vec<(usize, &str)> = word_offsets(s);
    for l in later {
        let lw = word_count(l, 31);
        if lw < 2 || lw >= words.len() || lw > 30 || !title_like(l) {
            continue;
        }
        let cut = words[words.len() - lw].0;
        if norm_words(&s[cut..]) == norm_words(l) && title_like(&s[cut..]) {
            return Some(cut);
        }
    }
    // (b) Explicit separators: "Home » News » Title".
    for sep in [" » ", " › ", " > ", " / ", " :: "] {
        if let Some(p) = s.rfind(sep) {
            let crumbs = &s[..p];
            let title = s[p + sep.len()..].trim_start();
            if crumbs.split(sep.trim()).all(|c| word_count(c, 5) <= 4) && title_like(title) {
                return Some(s.len() - title.len());
            }
        }
    }
    // (c) "Home" followed by section names.
    let first = words.first()?.1;
    if !first.eq_ignore_ascii_case("home") {
        return None;
    }
    let mut k = 1;
    while k < words.len() && SECTIONS.contains(&words[k].1.to_lowercase().as_str()) {
        k += 1;
    }
    let cut = words.get(k)?.0;
    title_like(&s[cut..]).then_some(cut)
}

/// Byte offsets and texts of the whitespace-separated words of `s`.
fn word_offsets(s: &str) -> Vec<(usize, &str)> {
    let base = s.as_ptr() as usize;
    s.split_whitespace()
        .map(|w| (w.as_ptr() as usize - base, w))
        .collect()
}

/// Splits a `" | SITE"` tail off a title line; returns the byte offset of the
/// separator and of the site name.
fn site_tail(s: &str) -> Option<(usize, usize)> {
    for sep in [" | ", " - ", " – ", " — ", " :: "] {
        let Some(p) = s.rfind(sep) else { continue };
        let site = s[p + sep.len()..].trim();
        let left = &s[..p];
        if site.is_empty() || word_count(site, 6) > 5 || site.len() > 50 || word_count(left, 3) < 2
        {
            continue;
        }
        let plain_bar = sep == " | " || sep == " :: ";
        // With a dash the tail must look like a site: SHOUTED or a domain.
        let looks_like_site = site.chars().any(char::is_alphabetic)
            && (site.chars().all(|c| !c.is_lowercase())
                || [".com", ".org", ".net", ".ru", ".co", ".info", ".news"]
                    .iter()
                    .any(|d| site.to_ascii_lowercase().contains(d)));
        if plain_bar || (looks_like_site && word_count(site, 4) <= 3) {
            return Some((
                p,
                p + sep.len() + (s[p + sep.len()..].len() - s[p + sep.len()..].trim_start().len()),
            ));
        }
    }
    None
}

/// A `" - Site Name"` tail of any shape, when a later line repeats what is
/// left of it (the title without the site).
fn repeated_left(s: &str, later: &[&str]) -> Option<(usize, usize)> {
    for sep in [" - ", " – ", " — ", " | "] {
        let Some(p) = s.rfind(sep) else { continue };
        let left = norm_words(&s[..p]);
        let site = s[p + sep.len()..].trim();
        if word_count(site, 6) <= 5
            && word_count(&s[..p], 3) >= 2
            && later
                .iter()
                .take(4)
                .any(|l| l.len() < s.len() && norm_words(l) == left)
        {
            let site_start =
                p + sep.len() + (s[p + sep.len()..].len() - s[p + sep.len()..].trim_start().len());
            return Some((p, site_start));
        }
    }
    None
}

/// True when every word of `s` is a common site section name.
fn is_section_names(s: &str) -> bool {
    s.split(|c: char| !c.is_alphanumeric() && c != '.')
        .filter(|w| !w.is_empty())
        .all(|w| SECTIONS.contains(&w.to_lowercase().as_str()))
}

/// Finds the title line among the first units.
fn find_title(text: &str, units: &[Unit], hints: Hints<'_>) -> Option<TitleLine> {
    let window = &units[..units.len().min(TITLE_WINDOW)];
    let texts: Vec<&str> = units
        .iter()
        .take(TITLE_WINDOW + 4)
        .map(|u| &text[u.span])
        .collect();
    // A line matching the title given as metadata.
    if let Some(meta) = hints.title {
        let meta_norm = norm_words(meta);
        if !meta_norm.is_empty() {
            for (i, u) in window.iter().enumerate() {
                let s = texts[i];
                if u.lines != 1 || s.len() > 2 * meta.len() + 100 || s.len() + 2 < meta_norm.len() {
                    continue;
                }
                if let Some(t) = title_parts(s, u.span.start, &texts[i + 1..], Some(&meta_norm)) {
                    return Some(TitleLine {
                        unit: i,
                        reason: "matches the record title",
                        ..t
                    });
                }
            }
        }
    }
    for (i, u) in window.iter().enumerate() {
        if i + 1 == units.len() {
            // A title heads something: a lone line is body text.
            return None;
        }
        let s = texts[i];
        if let Some((_, _, rest)) = split_date(s) {
            match rest {
                None => continue,
                Some(_) => return None,
            }
        }
        let info = Info::new(s);
        if info.words > 45 {
            // A long paragraph: the text has no title above it.
            return None;
        }
        if info.widget().is_some() {
            continue;
        }
        if info.words <= 4 && is_section_names(s) {
            // "World News", "Politics": a section label above the title.
            continue;
        }
        if u.lines == 1
            && ends_open(s)
            && starts_capital(s)
            && let Some(t) = title_parts(s, u.span.start, &texts[i + 1..], None)
        {
            return Some(TitleLine { unit: i, ..t });
        }
        if info.words <= 4 && !ends_terminal(s) {
            continue;
        }
        return None;
    }
    None
}

/// Splits a candidate title line into breadcrumb, title and site. With
/// `want`, the title part must equal that normalized text.
fn title_parts(s: &str, base: usize, later: &[&str], want: Option<&str>) -> Option<TitleLine> {
    if let Some(w) = want {
        // The whole line is the given title (even with a "|" inside it).
        if norm_words(s) == w {
            return Some(TitleLine {
                unit: 0,
                breadcrumb: None,
                title: Span::new(base, base + s.len()),
                site: None,
                reason: "",
            });
        }
    }
    let tail = site_tail(s).or_else(|| repeated_left(s, later));
    let left_end = tail.map_or(s.len(), |(sep, _)| sep);
    let left = &s[..left_end];
    let cut = match want {
        Some(w) => suffix_match(left, w)?,
        None => breadcrumb(left, later).unwrap_or(0),
    };
    let title = left[cut..].trim();
    let ok = match want {
        Some(w) => norm_words(title) == w,
        None => title_like(title),
    };
    if !ok {
        return None;
    }
    let title_start = base + cut + (left[cut..].len() - left[cut..].trim_start().len());
    Some(TitleLine {
        unit: 0,
        breadcrumb: (cut > 0).then(|| Span::new(base, base + left[..cut].trim_end().len())),
        title: Span::new(title_start, title_start + title.len()),
        // The tail block starts at the separator character itself.
        site: tail.map(|(sep, _)| Span::new(base + sep + 1, base + s.len())),
        reason: if tail.is_some() {
            "headline before the site name"
        } else {
            "first headline-like line"
        },
    })
}

/// Where the words of `want` (normalized) begin at the end of `s`.
fn suffix_match(s: &str, want: &str) -> Option<usize> {
    let words = word_offsets(s);
    let n = want.split(' ').count();
    if n == 0 || n > words.len() {
        return None;
    }
    // Normalization may split a word in two ("non-interference"), so try a
    // few cut points around the word count.
    for k in (n.saturating_sub(3)..=words.len().min(n + 3)).rev() {
        if k == 0 || k > words.len() {
            continue;
        }
        let cut = words[words.len() - k].0;
        if norm_words(&s[cut..]) == want {
            return Some(cut);
        }
    }
    None
}

/// Builds blocks in text order.
struct Out {
    blocks: Vec<Block>,
    date: Option<Date>,
    /// A paragraph has been pushed (kept so that asking is O(1): scanning
    /// the blocks at every widget line was quadratic).
    body: bool,
}

impl Out {
    fn push(&mut self, kind: BlockKind, span: Span, reason: Option<&'static str>) {
        if span.is_empty() {
            return;
        }
        self.body |= kind == BlockKind::Paragraph;
        self.blocks.push(Block {
            kind,
            span,
            reason: reason.map(str::to_string),
        });
    }

    /// True once a paragraph has been emitted.
    fn seen_body(&self) -> bool {
        self.body
    }

    fn dateline(&mut self, span: Span, date: Date, reason: &'static str) {
        self.date.get_or_insert(date);
        self.push(BlockKind::Dateline, span, Some(reason));
    }
}

/// Normalized forms of the title, for repetitions and fragments.
struct TitleForms {
    forms: Vec<String>,
    /// Length of the longest original line a form was made from.
    longest: usize,
    site: Option<String>,
}

impl TitleForms {
    /// Why a line that repeats or cuts the title is boilerplate.
    fn matches(&self, norm: &str, raw: &str, standalone: bool) -> Option<&'static str> {
        if norm.is_empty() {
            return None;
        }
        if self.forms.iter().any(|f| f == norm) {
            return Some("duplicate title");
        }
        if self.site.as_deref() == Some(norm) {
            return Some("site name");
        }
        // The title again with a site name after a separator.
        if self.forms.iter().any(|f| {
            norm.len() > f.len()
                && norm.starts_with(f.as_str())
                && norm.as_bytes().get(f.len()) == Some(&b' ')
                && word_count(&norm[f.len()..], 5) <= 4
        }) && [" | ", " - ", " – ", " — "]
            .iter()
            .any(|sep| raw.contains(sep))
        {
            return Some("duplicate title");
        }
        if standalone
            && ends_open(raw)
            && starts_capital(raw)
            && self.forms.iter().any(|f| is_title_fragment(norm, f))
        {
            return Some("title fragment");
        }
        None
    }
}

/// Classifies the whole text.
pub(crate) fn classify(text: &str, hints: Hints<'_>) -> Classified {
    let units = units(text);
    let n = units.len();
    let title = find_title(text, &units, hints);
    let glued = units.iter().skip(1).filter(|u| !u.blank_before).count();
    // Layout signals (glued lines) only mean something when paragraphs are
    // normally separated by blank lines.
    let blank_separated = n >= 3 && glued * 2 <= n;

    let mut forms = Vec::new();
    let mut site = None;
    if let Some(t) = title {
        forms.push(norm_words(&text[t.title]));
        forms.push(norm_words(&text[units[t.unit].span]));
        if let Some(s) = t.site {
            let name = text[s]
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .trim();
            site = Some(norm_words(name));
        }
    }
    if let Some(m) = hints.title {
        forms.push(norm_words(m));
    }
    forms.retain(|f| !f.is_empty());
    // Normalizing only ever shortens a line, so no longer line can match
    // (beyond a little slack for a site name's separator).
    let longest = title
        .map_or(0, |t| units[t.unit].span.len())
        .max(hints.title.map_or(0, str::len));
    let forms = TitleForms {
        forms,
        site,
        longest: longest * 2,
    };

    let infos: Vec<Info<'_>> = units.iter().map(|u| Info::new(&text[u.span])).collect();
    let mut out = Out {
        blocks: Vec::with_capacity(n + 2),
        date: None,
        body: false,
    };
    let mut zone = Zone::Body;
    let mut i = 0;
    while i < n {
        let u = units[i];
        let info = &infos[i];
        let s = info.text;
        i += 1;
        if let Some(t) = title.filter(|t| t.unit == i - 1) {
            if let Some(b) = t.breadcrumb {
                out.push(BlockKind::Boilerplate, b, Some("breadcrumb"));
            }
            out.push(BlockKind::Title, t.title, Some(t.reason));
            if let Some(site) = t.site {
                out.push(BlockKind::Boilerplate, site, Some("site name"));
            }
            continue;
        }
        // Date lines, or a date opening the line.
        let mut start = u.span.start;
        if zone == Zone::Body
            && let Some((m, date_end, rest)) = split_date(s)
        {
            match rest {
                None => {
                    out.dateline(u.span, m.date, "date line");
                    continue;
                }
                Some(r) if m.labelled || (i <= 3 && starts_capital(&s[r..])) => {
                    let reason = if m.labelled {
                        "labelled date"
                    } else {
                        "date opening the text"
                    };
                    out.dateline(
                        Span::new(u.span.start, u.span.start + date_end),
                        m.date,
                        reason,
                    );
                    start = u.span.start + r;
                }
                Some(_) => {}
            }
        }
        let span = Span::new(start, u.span.end);
        if start != u.span.start {
            // The rest of a line after its date is body text.
            out.push(BlockKind::Paragraph, span, None);
            continue;
        }
        if title.is_some_and(|t| i - 1 < t.unit) {
            // Short lines above the title: navigation, dates, widgets.
            let reason = info.widget().map_or("navigation", |w| w.reason);
            out.push(BlockKind::Boilerplate, span, Some(reason));
            continue;
        }
        if info.words <= 3 && !s.chars().any(char::is_alphanumeric) {
            out.push(BlockKind::Boilerplate, span, Some("no words"));
            continue;
        }
        if info.words == 1
            && (s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www."))
        {
            out.push(BlockKind::Boilerplate, span, Some("bare link"));
            continue;
        }
        if is_code(s) || is_copyright(s) {
            let reason = if is_code(s) {
                "script code"
            } else {
                "copyright notice"
            };
            out.push(BlockKind::Boilerplate, span, Some(reason));
            continue;
        }
        let w = info.widget();
        match zone {
            Zone::Comments => {
                out.push(
                    BlockKind::Boilerplate,
                    span,
                    Some(w.map_or("comment section", |w| w.reason)),
                );
                continue;
            }
            Zone::Related => {
                if let Some(w) = w {
                    zone = w.zone.unwrap_or(zone);
                    out.push(BlockKind::Boilerplate, span, Some(w.reason));
                    continue;
                }
                // Teasers are headlines, optionally each followed by a short
                // or cut-off summary; a finished paragraph anywhere else
                // means the article goes on.
                let after_headline = i >= 2
                    && !ends_terminal(infos[i - 2].text)
                    && out
                        .blocks
                        .last()
                        .is_some_and(|b| b.reason.as_deref() == Some("related-article teaser"));
                let summary = after_headline && info.words <= 50 && sentence_breaks(s, 1) == 0;
                if ends_truncated(s) || !ends_terminal(s) || summary || !info.is_finished_body() {
                    out.push(BlockKind::Boilerplate, span, Some("related-article teaser"));
                    continue;
                }
                zone = Zone::Body;
            }
            Zone::Tags => {
                if let Some(w) = w {
                    zone = w.zone.unwrap_or(Zone::Body);
                    out.push(BlockKind::Boilerplate, span, Some(w.reason));
                    continue;
                }
                if info.words <= 4 && !ends_terminal(s) {
                    out.push(BlockKind::Boilerplate, span, Some("tag list"));
                    continue;
                }
                zone = Zone::Body;
            }
            Zone::Body => {}
        }
        if info.words <= 40 && !forms.forms.is_empty() && s.len() <= forms.longest + 16 {
            let standalone = (u.blank_before && u.blank_after) || !blank_separated;
            if let Some(reason) = forms.matches(info.norm(), s, standalone) {
                out.push(BlockKind::Boilerplate, span, Some(reason));
                continue;
            }
        }
        if let Some(w) = w {
            if w.reason == "byline"
                && let Some(date) = date_inside(s)
            {
                // "By Jane Doe | Published: 2019-04-18": the date line.
                out.dateline(span, date, "byline with date");
                continue;
            }
            // Sections of links or comments follow the article: a marker
            // above the first paragraph ("0 Comments" in a page header) is
            // page furniture that opens nothing.
            if out.seen_body() {
                zone = w.zone.unwrap_or(zone);
            }
            out.push(BlockKind::Boilerplate, span, Some(w.reason));
            continue;
        }
        if let Some((end, rest)) = place_dateline(s) {
            let date = s
                .find(", ")
                .filter(|&p| p < end)
                .and_then(|p| date_prefix(&s[p + 2..]))
                .map(|m| m.date);
            let dl = Span::new(u.span.start, u.span.start + end);
            match date {
                Some(d) => out.dateline(dl, d, "place dateline"),
                None => out.push(BlockKind::Dateline, dl, Some("place dateline")),
            }
            out.push(
                BlockKind::Paragraph,
                Span::new(u.span.start + rest, u.span.end),
                None,
            );
            continue;
        }
        if info.words <= 45 && has_credit(s) {
            out.push(BlockKind::Caption, span, Some("photo credit"));
            continue;
        }
        // A short line glued under a caption continues it.
        let after_caption = !u.blank_before
            && out
                .blocks
                .last()
                .is_some_and(|b| b.kind == BlockKind::Caption && b.span.end < u.span.start);
        if after_caption && u.lines == 1 && info.words <= 35 && sentence_breaks(s, 2) <= 1 {
            out.push(BlockKind::Caption, span, Some("line under a caption"));
            continue;
        }
        if u.lines == 1 && heading_like(s, info.words) {
            let prev_body = i >= 2 && infos[i - 2].is_finished_body();
            let next = infos.get(i);
            let next_body = next.is_some_and(Info::is_body);
            // Glued under a finished paragraph, and standing alone or glued
            // to the next paragraph: a link to another article, not a
            // heading (headings come before their text, after a blank line).
            if blank_separated && !u.blank_before && prev_body && (u.blank_after || next_body) {
                out.push(BlockKind::Boilerplate, span, Some("inline teaser"));
                continue;
            }
            if let Some(next) = next {
                let nu = units[i];
                // A label glued over a photo credit.
                if !u.blank_after && nu.lines == 1 && next.words <= 45 && has_credit(next.text) {
                    out.push(BlockKind::Caption, span, Some("label over a photo credit"));
                    continue;
                }
                // A headline over a cut-off summary: a teaser of another article.
                if ends_truncated(next.text) && next.words <= 50 && !ends_truncated(s) {
                    out.push(BlockKind::Boilerplate, span, Some("teaser headline"));
                    out.push(
                        BlockKind::Boilerplate,
                        nu.span,
                        Some("truncated teaser summary"),
                    );
                    i += 1;
                    continue;
                }
                let one_sentence = nu.lines == 1
                    && ends_terminal(next.text)
                    && !ends_truncated(next.text)
                    && next.words <= 35
                    && sentence_breaks(next.text, 1) == 0;
                if blank_separated
                    && u.blank_before
                    && !u.blank_after
                    && one_sentence
                    && nu.blank_after
                {
                    out.push(
                        BlockKind::Caption,
                        Span::new(span.start, nu.span.end),
                        Some("label with a one-sentence caption"),
                    );
                    i += 1;
                    continue;
                }
            }
            if (u.blank_before || !blank_separated) && next.is_some() {
                out.push(
                    BlockKind::Heading,
                    span,
                    Some("short line without end punctuation"),
                );
                continue;
            }
        }
        out.push(BlockKind::Paragraph, span, None);
    }
    Classified {
        blocks: out.blocks,
        title: title.map(|t| t.title),
        site: title.and_then(|t| t.site).map(|s| {
            let name = &text[s];
            let trimmed = name.trim_start_matches(|c: char| !c.is_alphanumeric());
            Span::new(s.end - trimmed.len(), s.end)
        }),
        date: out.date,
    }
}
