//! Authors: bylines, author zones and metadata names, cleaned of roles, dates and ids.

use super::*;

/// Splits a byline into names: `A, B and C` → `[A, B, C]`.
pub(crate) fn split_names(s: &str) -> Vec<String> {
    let s = strip_by(s);
    let mut names = Vec::new();
    for part in s.split([',', ';', '|', '&']) {
        for p in split_and(part) {
            let raw = collapse(strip_by(p.trim().trim_start_matches("and ").trim()));
            let p = clean_name(&raw);
            if p.is_empty()
                || generic_name(&raw)
                || p.chars().count() > 60
                || p.contains("://")
                || generic_name(&p)
                || !plausible_name(&p)
            {
                continue;
            }
            if !names.contains(&p) {
                names.push(p);
            }
        }
    }
    names
}

/// A name without what bylines add to it: quotes around it, a role after
/// a dash or a dot separator (`Ann Lee - Staff Writer`, `Ann Lee ⋅
/// Founder`), a role word and what follows (`Ann Lee Writer`, `Ann Lee
/// Founder at Acme`).
fn clean_name(s: &str) -> String {
    const QUOTES: &[char] = &['"', '\'', '“', '”', '‘', '’', '\\'];
    let mut s = s.trim().trim_matches(QUOTES).trim();
    for sep in [" - ", " – ", " — ", " ⋅ ", "⋅", " · ", " | "] {
        if let Some(p) = s.find(sep)
            && p > 0
        {
            s = s[..p].trim();
        }
    }
    const ROLES: &[&str] = &[
        "writer",
        "editor",
        "founder",
        "co-founder",
        "contributor",
        "reporter",
        "correspondent",
        "columnist",
        "journalist",
        "view",
        "staff",
        "former",
        "senior",
        "deputy",
        "managing",
    ];
    let mut words: Vec<&str> = s.split_whitespace().collect();
    // "Guide by Ann Lee", "Photos by Ann Lee".
    if words.len() > 3 && words[1].eq_ignore_ascii_case("by") {
        words.drain(..2);
    }
    // A role word, or a number (a reading time: "Ann Lee 3 minutes"),
    // after the first two words ends the name.
    if let Some(k) = words
        .iter()
        .enumerate()
        .skip(2)
        .find(|(_, w)| {
            ROLES.contains(&w.to_lowercase().trim_end_matches([',', '.']))
                || w.starts_with(|c: char| c.is_ascii_digit())
        })
        .map(|(k, _)| k)
    {
        return words[..k].join(" ").trim_end_matches(',').to_string();
    }
    words.join(" ").trim_end_matches(',').to_string()
}

/// Rules out what stands where a name should but is none: numbers (user
/// ids), dotted identifiers (`page.head.author`, template keys).
fn plausible_name(s: &str) -> bool {
    s.chars().any(char::is_alphabetic)
        && !(s.contains('.')
            && !s.contains([' ', '@'])
            && s.chars().filter(|&c| c == '.').count() >= 2)
}

fn split_and(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(p) = rest.find(" and ") {
        out.push(&rest[..p]);
        rest = &rest[p + 5..];
    }
    out.push(rest);
    out
}

pub(crate) fn strip_by(s: &str) -> &str {
    let t = s.trim();
    for p in [
        "By ",
        "by ",
        "BY ",
        "By: ",
        "Text by ",
        "Words by ",
        "Story by ",
        "Article by ",
        "Article by: ",
        "Written by ",
        "Posted by ",
        "Author: ",
        "Author ",
        "Von ",
        "Par ",
    ] {
        if let Some(r) = t.strip_prefix(p) {
            return r.trim();
        }
    }
    t
}

/// Words that stand where a name should: `Author`, `Admin`, `Staff`.
pub(super) fn generic_name(s: &str) -> bool {
    matches!(
        s.to_lowercase().as_str(),
        "author"
            | "the author"
            | "admin"
            | "administrator"
            | "editor"
            | "staff"
            | "guest"
            | "unknown"
            | "meet the team"
            | "our team"
            | "team"
            | "by"
            | "posted by"
            | "written by"
            | "contributor"
            | "user"
            | "null"
            | "none"
            | "editor-in-chief"
            | "editorial team"
            | "editorial staff"
    ) || s.to_lowercase().starts_with("more by")
        || s.to_lowercase().starts_with("more from")
        || s.split_whitespace().count() == 2 && {
            let w: Vec<&str> = s.split_whitespace().collect();
            w[0] == w[1]
        }
}

/// An href to an author's page.
pub(super) fn is_author_href(h: &str) -> bool {
    let path = h.split_once("://").map_or(h, |(_, r)| r);
    path.split(['?', '#'])
        .next()
        .unwrap_or("")
        .split('/')
        .any(|seg| {
            matches!(
                seg,
                "author"
                    | "authors"
                    | "writer"
                    | "writers"
                    | "byline"
                    | "journalist"
                    | "journalists"
                    | "contributor"
                    | "contributors"
                    | "reporter"
                    | "reporters"
                    | "profile"
                    | "producers"
                    | "staff"
                    | "people"
                    | "team"
            )
        })
}

/// A short text that may be a person's (or a byline's) name: one to eight
/// words, starting with a letter, no sentence punctuation, no digits
/// beyond a suffix.
pub(super) fn name_like(s: &str) -> bool {
    let n = s.split_whitespace().count();
    (1..=8).contains(&n)
        && s.chars().next().is_some_and(char::is_alphabetic)
        && !s.contains(['?', '!', ':', '@', '/', '©'])
        && !s.ends_with('.')
        && s.chars().filter(char::is_ascii_digit).count() <= 3
}

/// Texts of neighbouring elements run together by the page's markup:
/// a capital right after four or more small letters (`ChecklistsJust`),
/// which names (`McNally`, `DeAndre`) do not have.
fn joined_words(s: &str) -> bool {
    let mut small = 0;
    for c in s.chars() {
        if c.is_uppercase() && small >= 4 {
            return true;
        }
        small = if c.is_lowercase() { small + 1 } else { 0 };
    }
    false
}

/// Author names from the visible text: a `By …` line, or a `Written by`
/// label followed by a short name line, among the blocks from `from`.
pub(crate) fn byline(texts: &[&str]) -> Vec<String> {
    const LABELS: &[&str] = &[
        "by",
        "written by",
        "author",
        "authors",
        "posted by",
        "words by",
        "reviewed by",
        "author:",
        "by:",
        "written by:",
        "article by",
        "article by:",
        "text by",
        "story by",
    ];
    for (i, t) in texts.iter().enumerate() {
        let t = t.trim();
        let lower = t.to_lowercase();
        if LABELS.contains(&lower.as_str()) {
            if let Some(next) = texts.get(i + 1)
                && name_like(next)
                && !joined_words(next)
            {
                return split_names(next);
            }
            continue;
        }
        // A date, a separator and a name: "Dec 26, 2025 • Ann Lee in Travel".
        if t.len() <= 100
            && crate::datetext::date_prefix(t).is_some()
            && let Some((_, after)) = t.split_once(['•', '·', '|', '●', '⋅'])
        {
            let name = after.split(" in ").next().unwrap_or("").trim();
            let name = strip_by(name);
            if bare_name(name) {
                return vec![name.to_string()];
            }
        }
        for p in [
            "by ",
            "written by ",
            "posted by ",
            "words by ",
            "author: ",
            "by: ",
        ] {
            if lower.starts_with(p) {
                let rest = t.get(p.len()..).unwrap_or("").trim();
                // Cut at a date or a separator: "By Ann Lee | May 4, 2025".
                let rest = rest
                    .split(['|', '\n', '•', '·', '●', '⋅'])
                    .next()
                    .unwrap_or("")
                    .split(" - ")
                    .next()
                    .unwrap_or("")
                    .split(" on ")
                    .next()
                    .unwrap_or("")
                    .trim();
                let rest = rest
                    .split(" Updated")
                    .next()
                    .unwrap_or(rest)
                    .split(" Published")
                    .next()
                    .unwrap_or(rest)
                    .trim()
                    .trim_end_matches(',');
                if name_like(rest) {
                    return split_names(rest);
                }
                // A date after the name, even one joined to it by the
                // page's markup: "by: Ann Lee, Dec 17, 2025", "Ann
                // LeeNovember 20, 2007".
                let dated = rest.char_indices().find(|&(i, c)| {
                    i > 0
                        && (c.is_uppercase() || c.is_ascii_digit())
                        && crate::datetext::date_prefix(&rest[i..]).is_some()
                });
                if let Some((i, _)) = dated {
                    let name = rest[..i]
                        .trim()
                        .trim_end_matches([',', '|', '·', '-'])
                        .trim();
                    if name_like(name) {
                        return split_names(name);
                    }
                }
            }
        }
    }
    Vec::new()
}

/// Names of the article's authors: JSON-LD `author`, else `<meta
/// name=author>` and its kin, else a visible byline near the headline
/// (`visible`), else an element marked as the author, else a link to an
/// author page.
/// A line that is a person's name and nothing else (`Lisa D. Ellis`): two
/// to three words, each capitalized or a name particle (`van`, `de`), no
/// digits and none of the common words that short headings and widget
/// labels are made of (`Related Posts`, `Key Takeaways`).
pub(crate) fn bare_name(s: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "van", "der", "den", "de", "da", "di", "del", "von", "la", "le", "bin", "al", "y",
    ];
    const COMMON: &[&str] = &[
        "the",
        "a",
        "an",
        "and",
        "of",
        "to",
        "in",
        "for",
        "on",
        "with",
        "our",
        "your",
        "my",
        "more",
        "related",
        "share",
        "table",
        "contents",
        "about",
        "home",
        "menu",
        "posts",
        "post",
        "news",
        "read",
        "key",
        "takeaways",
        "comments",
        "comment",
        "subscribe",
        "follow",
        "us",
        "search",
        "login",
        "sign",
        "up",
        "get",
        "how",
        "what",
        "why",
        "new",
        "best",
        "top",
        "guide",
        "introduction",
        "overview",
        "summary",
        "conclusion",
        "see",
        "all",
        "view",
        "back",
        "next",
        "previous",
        "this",
        "that",
        "is",
        "are",
        "you",
        "we",
        "free",
        "contact",
        "blog",
        "article",
        "articles",
        "team",
        "staff",
        "editor",
        "editors",
        "advertisement",
        "sponsored",
        "published",
        "updated",
        "min",
        "minutes",
        "print",
        "email",
        "listen",
        "save",
        "skip",
        "content",
        "main",
        "page",
    ];
    let words: Vec<&str> = s.split_whitespace().collect();
    if !(2..=3).contains(&words.len()) || s.len() > 40 || joined_words(s) {
        return false;
    }
    let mut capitals = 0;
    for w in &words {
        let lower = w.to_lowercase();
        if COMMON.contains(&lower.trim_end_matches(['.', ','])) {
            return false;
        }
        if PARTICLES.contains(&lower.as_str()) {
            continue;
        }
        let mut chars = w.chars();
        let first_upper = chars.next().is_some_and(char::is_uppercase);
        let rest_ok = chars.all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'));
        let rest_lower = w.chars().skip(1).any(char::is_lowercase) || w.len() <= 2;
        if !(first_upper && rest_ok && rest_lower) {
            return false;
        }
        capitals += 1;
    }
    capitals >= 2
}

pub(crate) fn authors(
    m: &PageMeta,
    inside: &[bool],
    visible: &[&str],
    under_headline: &[&str],
) -> Vec<String> {
    let mut orgs: Vec<String> = Vec::new();
    // JSON-LD author: a string, an object with a name, or a list of them.
    // An organization as author waits until no person is found.
    for o in &m.ld {
        let Some(a) = o.get("author").or_else(|| o.get("creator")) else {
            continue;
        };
        let mut names = Vec::new();
        let items: Vec<&serde_json::Value> = match a {
            serde_json::Value::Array(v) => v.iter().collect(),
            v => vec![v],
        };
        for it in items {
            let name = match it {
                serde_json::Value::String(s) => Some(s.as_str()),
                serde_json::Value::Object(o) => {
                    let n = o.get("name").and_then(|n| n.as_str());
                    if o.get("@type").and_then(|t| t.as_str()) == Some("Organization") {
                        if let Some(n) = n
                            && orgs.is_empty()
                        {
                            orgs.push(collapse(&decode_entities(n)));
                        }
                        None
                    } else {
                        n
                    }
                }
                _ => None,
            };
            if let Some(n) = name {
                let n = clean_name(strip_by(&decode_entities(&collapse(n))));
                if !n.is_empty() && !n.contains("://") && plausible_name(&n) && !names.contains(&n)
                {
                    names.push(n);
                }
            }
        }
        if !names.is_empty() {
            return names;
        }
    }
    if let Some(a) = m.meta(&[
        "author",
        "article:author",
        "parsely-author",
        "sailthru.author",
        "dc.creator",
        "byl",
        "twitter:creator",
    ]) && !a.contains("://")
        && !a.starts_with('@')
    {
        let names = split_names(a);
        if !names.is_empty() {
            return names;
        }
    }
    // Twitter card labels: `twitter:label1` "Written by" with the name in
    // `twitter:data1`.
    for k in 1..=4 {
        let label = format!("twitter:label{k}");
        if m.meta(&[label.as_str()]).is_some_and(|l| {
            let l = l.trim().to_lowercase();
            l == "written by" || l == "author" || l == "by"
        }) && let Some(a) = m.meta(&[format!("twitter:data{k}").as_str()])
        {
            let names = split_names(a);
            if !names.is_empty() {
                return names;
            }
        }
    }
    let names = byline(visible);
    if !names.is_empty() {
        return names;
    }
    if !orgs.is_empty() {
        return orgs;
    }
    for list in [&m.author_elements, &m.author_links, &m.author_zones] {
        let pick = list
            .iter()
            .filter(|(_, t)| name_like(strip_by(t)))
            .find(|(id, _)| inside.get(*id).copied().unwrap_or(false))
            .or_else(|| list.iter().find(|(_, t)| name_like(strip_by(t))));
        if let Some((_, t)) = pick {
            let names = split_names(t);
            if !names.is_empty() {
                return names;
            }
        }
    }
    // Last, a line under the headline that is a name alone.
    if let Some(n) = under_headline.iter().find(|t| bare_name(t.trim())) {
        return vec![collapse(n)];
    }
    Vec::new()
}
