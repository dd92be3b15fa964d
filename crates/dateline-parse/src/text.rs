//! Cheap textual signals used by the classifier.
//!
//! Every function here is bounded: long paragraphs are looked at only at
//! their ends or up to a small word cap, so classifying costs about one pass
//! over the text. Comparisons between lines (title repetition, fragments)
//! use [`norm_words`], which keeps only lowercase letters and digits, so
//! `Russia's` and `Russia’s` compare equal.

/// Words counted up to `cap` (separated by ASCII whitespace, control
/// characters or U+00A0); `cap + 1` or more means "more".
///
/// Counts word starts (a non-space byte after a space byte) over pairs of
/// adjacent bytes, 256 at a time, which compilers turn into vector code, and
/// stops once the cap is passed. Text with a no-break space takes the
/// byte-by-byte path.
pub(crate) fn word_count(s: &str, cap: usize) -> usize {
    if s.contains('\u{a0}') {
        return word_count_scalar(s, cap);
    }
    let b = s.as_bytes();
    let mut n = usize::from(b.first().is_some_and(|&c| c > b' '));
    let mut start = 0;
    while start + 1 < b.len() {
        let end = (start + 256).min(b.len() - 1);
        n += b[start..end]
            .iter()
            .zip(&b[start + 1..=end])
            .map(|(&a, &c)| usize::from((a <= b' ') & (c > b' ')))
            .sum::<usize>();
        if n > cap {
            return n;
        }
        start = end;
    }
    n
}

/// [`word_count`] one character at a time, with U+00A0 as a separator.
fn word_count_scalar(s: &str, cap: usize) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for c in s.chars() {
        if u32::from(c) <= 0x20 || c == '\u{a0}' {
            in_word = false;
        } else if !in_word {
            in_word = true;
            n += 1;
            if n > cap {
                return n;
            }
        }
    }
    n
}

/// Closing quotes and brackets that may follow the real last character.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '*')
}

/// The last character that is not a closing quote or bracket.
fn last_significant(s: &str) -> Option<char> {
    s.trim_end_matches(|c: char| is_closer(c) || c.is_whitespace())
        .chars()
        .next_back()
}

/// True when the line ends like a sentence (`.`, `!`, `?`, `…`, `:`, `;`).
pub(crate) fn ends_terminal(s: &str) -> bool {
    matches!(
        last_significant(s),
        Some('.' | '!' | '?' | '…' | ':' | ';' | '。')
    )
}

/// True when the line ends a sentence (`.`, `!`, `?`, `…`), not with a
/// colon or semicolon.
pub(crate) fn ends_sentence(s: &str) -> bool {
    matches!(last_significant(s), Some('.' | '!' | '?' | '…' | '。'))
}

/// True when the line ends like a headline may: not with `.`, `,`, `:`,
/// `;`, `…` or a dash (`?` and `!` are allowed).
pub(crate) fn ends_open(s: &str) -> bool {
    !matches!(
        last_significant(s),
        Some('.' | ',' | ':' | ';' | '…' | '-' | '–' | '—' | '。') | None
    )
}

/// True when the line ends in an ellipsis: a truncated summary.
pub(crate) fn ends_truncated(s: &str) -> bool {
    let t = s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ']' | ')'));
    t.ends_with('…') || t.ends_with("...")
}

/// Words that do not end a headline: a line ending in one was cut off.
const DANGLING: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "into", "and", "or", "for", "with", "on", "at", "by",
    "from", "that", "as", "but", "is", "are", "was", "were", "his", "her", "its", "their", "this",
    "than",
];

/// True when the last word is an article, preposition or conjunction.
pub(crate) fn ends_dangling(s: &str) -> bool {
    let last = s.split_whitespace().next_back().unwrap_or("");
    DANGLING.iter().any(|w| last.eq_ignore_ascii_case(w))
}

/// True when the first letter-or-digit is an uppercase letter or a digit
/// and the line starts with it (or with an opening quote).
pub(crate) fn starts_capital(s: &str) -> bool {
    let mut chars = s.chars();
    let first = match chars.next() {
        Some('"' | '“' | '\'' | '‘' | '«') => chars.next(),
        c => c,
    };
    matches!(first, Some(c) if c.is_uppercase() || c.is_ascii_digit())
}

/// True when the line starts with a lowercase letter (a wrapped continuation).
pub(crate) fn starts_lower(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

/// Lowercase letters and digits of `s`, words joined by single spaces.
pub(crate) fn norm_words(s: &str) -> String {
    let mut pending_space = false;
    if s.is_ascii() {
        let mut bytes = Vec::with_capacity(s.len());
        for &b in s.as_bytes() {
            if b.is_ascii_alphanumeric() {
                if pending_space && !bytes.is_empty() {
                    bytes.push(b' ');
                }
                pending_space = false;
                bytes.push(b.to_ascii_lowercase());
            } else if b != b'\'' {
                pending_space = true;
            }
        }
        // Only ASCII letters, digits and spaces were pushed.
        return String::from_utf8(bytes).unwrap_or_default();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else if c == '\'' || c == '’' {
            // Apostrophes join: "Russia's" -> "russias".
        } else {
            pending_space = true;
        }
    }
    out
}

/// True when `part` is `whole` cut at a word boundary: a prefix of at
/// least three words, or a suffix of at least four, strictly shorter.
pub(crate) fn is_title_fragment(part: &str, whole: &str) -> bool {
    if part.is_empty() || part.len() >= whole.len() {
        return false;
    }
    let words = part.split(' ').count();
    (words >= 3 && whole.starts_with(part) && whole.as_bytes().get(part.len()) == Some(&b' '))
        || (words >= 4
            && whole.ends_with(part)
            && whole.as_bytes().get(whole.len() - part.len() - 1) == Some(&b' '))
}

/// Number of commas in a short line.
pub(crate) fn commas(s: &str) -> usize {
    s.bytes().filter(|&b| b == b',').count()
}

/// Sentence ends inside the line (`. `, `! `, `? ` followed by a capital),
/// capped at `cap`.
pub(crate) fn sentence_breaks(s: &str, cap: usize) -> usize {
    let b = s.as_bytes();
    let mut n = 0;
    for i in 1..b.len().saturating_sub(1) {
        if b[i] == b' ' && matches!(b[i - 1], b'.' | b'!' | b'?') && b[i + 1].is_ascii_uppercase() {
            n += 1;
            if n >= cap {
                break;
            }
        }
    }
    n
}

/// Photo credit markers, matched case-sensitively so that body text
/// mentioning "a photo" is not taken for a credit; grouped by first byte.
fn credit_markers(first: u8) -> &'static [&'static str] {
    match first {
        0xC2 => &["©"],
        b'P' => &[
            "Photo:",
            "Photo by",
            "Photo credit",
            "Photo/",
            "PHOTO:",
            "Photograph:",
            "Photographer:",
            "Picture:",
            "Pictured:",
        ],
        b'I' => &[
            "Image:",
            "Image credit",
            "Image source",
            "Image copyright",
            "Image caption",
        ],
        b'C' => &["Credit:"],
        b'(' => &["(Photo", "(Image"],
        b'A' => &["AP Photo", "AFP/", "Archival photo", "Archive photo"],
        b'G' => &["Getty Images"],
        b'R' => &["REUTERS/", "Reuters/"],
        b'F' => &["File photo", "File Photo"],
        b'S' => &["Screenshot"],
        b'E' => &["EPA-EFE/", "EPA/"],
        b'X' => &["Xinhua/"],
        b'v' => &["via Getty"],
        _ => &[],
    }
}

/// Bytes that start a credit marker.
const CREDIT_FIRST: [bool; 256] = {
    let mut t = [false; 256];
    let firsts = b"\xC2PICA(GRFSEXv";
    let mut i = 0;
    while i < firsts.len() {
        t[firsts[i] as usize] = true;
        i += 1;
    }
    t
};

/// True when the line carries a photo credit. One pass over the bytes:
/// markers are only tried where their first byte occurs.
pub(crate) fn has_credit(s: &str) -> bool {
    let b = s.as_bytes();
    (0..b.len()).any(|i| {
        CREDIT_FIRST[usize::from(b[i])]
            && credit_markers(b[i])
                .iter()
                .any(|m| b[i..].starts_with(m.as_bytes()))
    })
}

/// True when one of `phrases` occurs in `norm` (normalized words) starting
/// and ending at word boundaries.
fn contains_phrase(norm: &str, phrases: &[(&str, &'static str)]) -> Option<&'static str> {
    let b = norm.as_bytes();
    let starts = std::iter::once(0).chain(
        b.iter()
            .enumerate()
            .filter(|(_, c)| **c == b' ')
            .map(|(i, _)| i + 1),
    );
    for i in starts {
        let rest = &b[i..];
        for (p, reason) in phrases {
            let pb = p.as_bytes();
            if rest.first() == pb.first()
                && rest.starts_with(pb)
                && matches!(rest.get(pb.len()), None | Some(b' '))
            {
                return Some(reason);
            }
        }
    }
    None
}

/// What a widget line does to the lines after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Zone {
    /// Ordinary article body.
    Body,
    /// After "Related", "You may also like", …: teasers follow.
    Related,
    /// After "Leave a Reply", "12 Comments", …: the comment section.
    Comments,
    /// After a "Tags" line: one short tag a line.
    Tags,
}

/// A recognised widget line: why it is boilerplate and which zone follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Widget {
    pub(crate) reason: &'static str,
    pub(crate) zone: Option<Zone>,
}

/// Whole-line phrases that open a block of links to other articles.
const RELATED: &[&str] = &[
    "you may also like",
    "you might also like",
    "you may be interested in",
    "you might be interested in",
    "related",
    "related articles",
    "related posts",
    "related news",
    "related stories",
    "related content",
    "related coverage",
    "related topics",
    "check also",
    "see also",
    "read also",
    "also read",
    "read next",
    "what to read next",
    "more stories",
    "more news",
    "more articles",
    "recommended",
    "recommended for you",
    "recommended stories",
    "recommended articles",
    "most popular",
    "most read",
    "most viewed",
    "popular posts",
    "popular news",
    "trending",
    "trending now",
    "latest news",
    "latest posts",
    "latest articles",
    "top stories",
    "editors picks",
    "editor s picks",
    "don t miss",
    "dont miss",
    "more from",
    "more in",
    "in case you missed it",
];

/// Whole-line phrases that open the comment section.
const COMMENTS: &[&str] = &[
    "leave a reply",
    "leave a reply cancel reply",
    "leave a comment",
    "post a comment",
    "add a comment",
    "add comment",
    "write a comment",
    "join the discussion",
    "join the conversation",
    "comments",
    "comment",
    "discussion",
    "comments are closed",
    "show comments",
    "view comments",
    "responses",
];

/// Whole-line (or line-opening) widget phrases that change nothing after.
const WIDGET_PREFIXES: &[(&str, &str)] = &[
    ("load more", "load-more button"),
    ("read more", "read-more link"),
    ("subscribe to", "subscription widget"),
    ("join our", "subscription widget"),
    ("tags", "tag list marker"),
    ("show more", "load-more button"),
    ("see more", "load-more button"),
    ("view more", "load-more button"),
    ("more in", "section link"),
    ("more from", "section link"),
    ("share this", "share widget"),
    ("share on", "share widget"),
    ("share", "share widget"),
    ("share this post", "share widget"),
    ("tweet", "share widget"),
    ("follow us", "follow widget"),
    ("subscribe", "subscription widget"),
    ("sign up", "subscription widget"),
    ("newsletter", "subscription widget"),
    ("advertisement", "advertisement"),
    ("sponsored", "advertisement"),
    ("filed under", "tag list"),
    ("posted in", "tag list"),
    ("categories", "tag list"),
    ("category", "tag list"),
    ("previous article", "article navigation"),
    ("next article", "article navigation"),
    ("previous post", "article navigation"),
    ("next post", "article navigation"),
    ("previous", "article navigation"),
    ("next", "article navigation"),
    ("prev", "article navigation"),
    ("skip to content", "site navigation"),
    ("skip to main content", "site navigation"),
    ("menu", "site navigation"),
    ("main menu", "site navigation"),
    ("search", "site navigation"),
    ("home", "site navigation"),
    ("log in", "site navigation"),
    ("login", "site navigation"),
    ("sign in", "site navigation"),
    ("register", "site navigation"),
    ("print", "page tools"),
    ("print this article", "page tools"),
    ("email", "page tools"),
    ("click here", "page tools"),
    ("copy link", "page tools"),
    ("continue reading", "page tools"),
    ("privacy policy", "site footer"),
    ("terms of use", "site footer"),
    ("terms of service", "site footer"),
    ("cookie", "site footer"),
    ("cookies", "site footer"),
    ("copyright", "site footer"),
    ("your email address will not be published", "comment form"),
    ("required fields are marked", "comment form"),
    ("save my name", "comment form"),
    ("notify me of", "comment form"),
    ("post comment", "comment form"),
    ("submit comment", "comment form"),
    ("cancel reply", "comment form"),
    ("you must be logged in", "comment form"),
    ("name", "comment form"),
    ("website", "comment form"),
    ("submit", "comment form"),
    ("reply", "comment form"),
];

/// Phrases that mark a widget wherever they occur in a short line.
const WIDGET_INNER: &[(&str, &str)] = &[
    ("powered by", "share widget"),
    ("share buttons", "share widget"),
    ("all rights reserved", "site footer"),
    ("your email address will not be published", "comment form"),
    ("required fields are marked", "comment form"),
    ("this site uses akismet", "comment form"),
    ("sign up for our newsletter", "subscription widget"),
    ("subscribe to our newsletter", "subscription widget"),
    ("follow us on", "follow widget"),
    ("save my name email and website", "comment form"),
    ("notify me of follow up comments", "comment form"),
    ("notify me of new posts", "comment form"),
    ("min read", "reading time"),
    ("reading time", "reading time"),
    ("share this article", "share widget"),
    ("share this story", "share widget"),
    ("click to share", "share widget"),
    ("opens in new window", "share widget"),
];

/// Labels that make a short line a widget when written as `Label: …`.
const WIDGET_LABELS: &[(&str, &str)] = &[
    ("tags", "tag list"),
    ("tagged", "tag list"),
    ("topics", "tag list"),
    ("keywords", "tag list"),
    ("source", "source credit"),
    ("sources", "source credit"),
    ("author", "byline"),
    ("written by", "byline"),
    ("reporter", "byline"),
    ("editor", "byline"),
    ("edited by", "byline"),
    ("share", "share widget"),
    ("follow us", "follow widget"),
];

/// Social networks; a short line made only of these is a share widget.
const NETWORKS: &[&str] = &[
    "facebook",
    "twitter",
    "whatsapp",
    "telegram",
    "vk",
    "pinterest",
    "linkedin",
    "reddit",
    "email",
    "print",
    "messenger",
    "viber",
    "ok",
    "tumblr",
    "pocket",
    "flipboard",
    "x",
    "share",
    "tweet",
];

fn starts_with_words(s: &str, prefix: &str) -> bool {
    s.starts_with(prefix) && matches!(s.as_bytes().get(prefix.len()), None | Some(b' '))
}

/// Recognises a widget line from its normalized words (`norm`) and raw text.
/// Only short lines qualify.
pub(crate) fn widget(norm: &str, raw: &str, words: usize) -> Option<Widget> {
    if words > 25 || norm.is_empty() {
        return None;
    }
    if RELATED.contains(&norm) {
        return Some(Widget {
            reason: "related-articles marker",
            zone: Some(Zone::Related),
        });
    }
    if words <= 6
        && !ends_terminal(raw)
        && RELATED
            .iter()
            .any(|p| p.contains(' ') && starts_with_words(norm, p))
    {
        // "Related Articles More From Author", "More from Europe".
        return Some(Widget {
            reason: "related-articles marker",
            zone: Some(Zone::Related),
        });
    }
    if norm == "tags" || norm == "tagged" {
        return Some(Widget {
            reason: "tag list marker",
            zone: Some(Zone::Tags),
        });
    }
    if COMMENTS.contains(&norm) || is_comment_count(norm) {
        return Some(Widget {
            reason: "comment section marker",
            zone: Some(Zone::Comments),
        });
    }
    if let Some(reason) = contains_phrase(norm, WIDGET_INNER) {
        return Some(Widget { reason, zone: None });
    }

    // "Related: …", "READ MORE: …", "See also: …" in front of a link.
    if let Some(head) = label_of(raw) {
        let rest = &raw[head.len() + 1..];
        let head = norm_words(head);
        if !rest.trim().is_empty()
            && (RELATED.contains(&head.as_str()) || head == "read more" || head == "watch")
        {
            return Some(Widget {
                reason: "related-article link",
                zone: None,
            });
        }
    }
    if words <= 8 {
        for (p, reason) in WIDGET_PREFIXES {
            if norm == *p {
                return Some(Widget { reason, zone: None });
            }
            // A several-word phrase opening a longer line that does not read
            // like a sentence ("Load More In Politics").
            if starts_with_words(norm, p) && p.contains(' ') && !ends_terminal(raw) {
                return Some(Widget { reason, zone: None });
            }
        }
        if norm
            .split(' ')
            .all(|w| NETWORKS.contains(&w) || w.bytes().all(|b| b.is_ascii_digit()))
        {
            return Some(Widget {
                reason: "share widget",
                zone: None,
            });
        }
    }
    if let Some(label) = label_of(raw) {
        let label = norm_words(label);
        if let Some((_, reason)) = WIDGET_LABELS.iter().find(|(l, _)| *l == label) {
            return Some(Widget { reason, zone: None });
        }
    }
    if words <= 12 && is_byline(raw) {
        return Some(Widget {
            reason: "byline",
            zone: None,
        });
    }
    if words <= 20 && is_menu(raw) {
        return Some(Widget {
            reason: "site navigation",
            zone: None,
        });
    }
    None
}

/// The text before a colon that opens a line within its first words.
fn label_of(raw: &str) -> Option<&str> {
    let p = raw.as_bytes().iter().take(31).position(|&b| b == b':')?;
    raw.get(..p)
}

/// "By John Smith", "By Jane Doe and John Smith, Reuters": a byline, made
/// of capitalized names, connectors and (after a separator) a date.
fn is_byline(raw: &str) -> bool {
    let Some(rest) = raw.strip_prefix("By ").or_else(|| raw.strip_prefix("BY ")) else {
        return false;
    };
    let rest = rest.trim_end_matches([' ', '-', '–', '—', '|']);
    if ends_terminal(rest) {
        return false;
    }
    let words: Vec<&str> = rest.split_whitespace().collect();
    if words.len() == 1 {
        // "By admin": a user name.
        return words[0]
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-'));
    }
    (1..=10).contains(&words.len())
        && words.iter().all(|w| {
            let w = w.trim_matches(|c: char| matches!(c, ',' | '|' | '(' | ')'));
            w.is_empty()
                || matches!(
                    w,
                    "and"
                        | "&"
                        | "de"
                        | "van"
                        | "von"
                        | "der"
                        | "al"
                        | "bin"
                        | "|"
                        | "-"
                        | "–"
                        | "—"
                )
                || w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
}

/// Script or style code left in the text by a scraper.
pub(crate) fn is_code(s: &str) -> bool {
    const MARKERS: &[&str] = &[
        "adsbygoogle",
        "googletag.",
        "window.",
        "document.",
        "function(",
        "function ()",
        "=>",
        "});",
        "var ",
    ];
    let t = s.trim_end();
    (t.ends_with("});")
        || t.ends_with("};")
        || t.ends_with(");")
        || t.ends_with('{')
        || t.starts_with("var "))
        && MARKERS.iter().any(|m| s.contains(m))
}

/// "© 2019 Example News", "Copyright 2020 Example Media Ltd": a copyright
/// notice (not a photo credit).
pub(crate) fn is_copyright(s: &str) -> bool {
    let rest = s
        .strip_prefix('©')
        .or_else(|| s.strip_prefix("(c)"))
        .or_else(|| s.strip_prefix("Copyright"))
        .or_else(|| s.strip_prefix("COPYRIGHT"));
    let Some(rest) = rest else { return false };
    let rest = rest.trim_start().trim_start_matches('©').trim_start();
    rest.len() >= 4 && rest.as_bytes()[..4].iter().all(u8::is_ascii_digit)
}

/// "Home | News | World | Business": three or more short items between
/// separators.
fn is_menu(raw: &str) -> bool {
    // Cheap test first: the ASCII separators, or the last byte of the
    // UTF-8 forms of '·' (C2 B7), '•' (E2 80 A2) and '»' (C2 BB).
    if !raw
        .bytes()
        .any(|b| matches!(b, b'|' | b'/' | b'>' | 0xB7 | 0xA2 | 0xBB))
    {
        return false;
    }
    for sep in [" | ", " · ", " • ", " / ", " » ", " > "] {
        let items: Vec<&str> = raw.split(sep).collect();
        if items.len() >= 3 && items.iter().all(|i| (1..=3).contains(&word_count(i, 4))) {
            return true;
        }
    }
    false
}

/// "12 comments", "1 comment", "3 responses", "0 replies".
fn is_comment_count(norm: &str) -> bool {
    let mut it = norm.split(' ');
    matches!(
        (it.next(), it.next(), it.next()),
        (Some(n), Some("comment" | "comments" | "responses" | "response" | "replies" | "reply"), None)
            | (Some(n), Some("thoughts" | "responses"), Some(_))
            if n.bytes().all(|b| b.is_ascii_digit()) || n == "no" || n == "one"
    ) || matches!(
        (norm.split(' ').next(), norm.split(' ').nth(1), norm.split(' ').nth(2)),
        (Some("comments" | "comment"), Some(n), None) if n.bytes().all(|b| b.is_ascii_digit())
    )
}

/// Section names a breadcrumb is made of (lowercase).
pub(crate) const SECTIONS: &[&str] = &[
    "home",
    "news",
    "politics",
    "world",
    "business",
    "economy",
    "markets",
    "finance",
    "sport",
    "sports",
    "opinion",
    "analysis",
    "tech",
    "technology",
    "science",
    "health",
    "culture",
    "entertainment",
    "lifestyle",
    "life",
    "local",
    "national",
    "international",
    "us",
    "u.s.",
    "uk",
    "europe",
    "asia",
    "africa",
    "americas",
    "middle",
    "east",
    "latest",
    "society",
    "video",
    "videos",
    "photos",
    "features",
    "feature",
    "security",
    "defense",
    "defence",
    "elections",
    "election",
    "region",
    "regions",
    "russia",
    "usa",
    "china",
    "media",
    "crime",
    "law",
    "justice",
    "diplomacy",
    "breaking",
    "top",
    "stories",
    "articles",
    "blog",
    "blogs",
    "environment",
    "climate",
    "education",
    "travel",
    "in",
    "depth",
    "global",
    "domestic",
    "main",
    "category",
    "press",
];

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The block-wise word count agrees with an obvious oracle.
        #[test]
        fn word_count_matches_oracle(s in "[a b\u{a0}\u{c2}\u{a0}\tДé©\n]{0,200}", cap in 0usize..60) {
            let oracle = s
                .split(|c: char| u32::from(c) <= 0x20 || c == '\u{a0}')
                .filter(|w| !w.is_empty())
                .count();
            let got = word_count(&s, cap);
            if oracle > cap {
                prop_assert!(got > cap);
            } else {
                prop_assert_eq!(got, oracle);
            }
        }
    }

    #[test]
    fn normalization() {
        assert_eq!(
            norm_words("Russia’s non-interference in U.S. elections"),
            "russias non interference in u s elections"
        );
        assert_eq!(
            norm_words("Load More In\u{a0}Politics"),
            "load more in politics"
        );
        assert!(is_title_fragment("the us warns", "the us warns russia"));
        assert!(!is_title_fragment("the us war", "the us warns russia"));
        assert!(!is_title_fragment("warns russia", "the us warns russia"));
        assert!(is_title_fragment(
            "us warns russia today",
            "the us warns russia today"
        ));
    }

    #[test]
    fn endings() {
        assert!(ends_terminal("He said so.\""));
        assert!(!ends_terminal(
            "Putin's autograph sold at auction for $5,000"
        ));
        assert!(ends_truncated("the investigations prese…"));
        assert!(ends_open("Is this the end?"));
        assert!(!ends_open("A sentence."));
        assert!(ends_dangling("meddling into the"));
    }

    #[test]
    fn widgets() {
        let w = |s: &str| widget(&norm_words(s), s, word_count(s, 30)).map(|w| w.reason);
        assert_eq!(w("You may also like"), Some("related-articles marker"));
        assert_eq!(w("Load More In Politics"), Some("load-more button"));
        assert_eq!(w("Leave a Reply"), Some("comment section marker"));
        assert_eq!(w("12 Comments"), Some("comment section marker"));
        assert_eq!(
            w("Social Share Buttons and Icons powered by Ultimatelysocial"),
            Some("share widget")
        );
        assert_eq!(
            w("Your email address will not be published. Required fields are marked *"),
            Some("comment form")
        );
        assert_eq!(
            w("Read more: Trump meets Putin in Helsinki"),
            Some("related-article link")
        );
        assert_eq!(w("Facebook Twitter WhatsApp"), Some("share widget"));
        assert_eq!(w("Share on Facebook"), Some("share widget"));
        assert_eq!(w("Hobbits"), None);
        assert_eq!(w("The meeting was held in Helsinki."), None);
        assert_eq!(w("Next year the elections will be held again."), None);
        assert_eq!(w("Home prices rose sharply."), None);
        assert_eq!(
            w("Leave a Reply Cancel reply"),
            Some("comment section marker")
        );
        assert_eq!(w("Comments (3)"), Some("comment section marker"));
        assert_eq!(
            w("Save my name, email, and website in this browser for the next time I comment."),
            Some("comment form")
        );
        assert_eq!(w("Tags: Russia, USA, elections"), Some("tag list"));
        assert_eq!(w("Source: TASS"), Some("source credit"));
        assert_eq!(w("Sources"), None);
        assert_eq!(w("By John Smith, Reuters"), Some("byline"));
        assert_eq!(
            w("By Jane Doe and John Smith | July 19, 2018"),
            Some("byline")
        );
        assert_eq!(w("By Monday, the president had left"), None);
        assert_eq!(w("By the numbers"), None);
        assert_eq!(w("Home | News | World | Business"), Some("site navigation"));
        assert_eq!(w("Next steps for NATO"), None);
        assert_eq!(w("Home Office warns of delays"), None);
        assert_eq!(w("5 min read"), Some("reading time"));
        assert_eq!(w("Share this:"), Some("share widget"));
        assert_eq!(w("By admin -"), Some("byline"));
        assert_eq!(
            w("RELATED ARTICLES MORE FROM AUTHOR"),
            Some("related-articles marker")
        );
        assert_eq!(w("TAGS"), Some("tag list marker"));
        assert_eq!(w("Read more"), Some("read-more link"));
        assert_eq!(
            w("Subscribe to our Telegram channel"),
            Some("subscription widget")
        );
        assert!(is_code(
            "(adsbygoogle = window.adsbygoogle || []).push({});"
        ));
        assert!(!is_code("He said (in an interview) that it was over);"));
        assert!(is_copyright("© 2019 Example News"));
        assert!(!is_copyright("© AP Photo / Evan Vucci"));
    }
}
