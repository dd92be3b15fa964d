//! The headline: metadata titles, the agreeing `<h1>`, and the site name cut from a title.

use super::*;

/// Normalized words, for comparing titles.
fn norm(s: &str) -> String {
    crate::text::norm_words(s)
}

/// The headline before the article is found: the `<h1>` that agrees with
/// the metadata title, else the metadata title itself.
pub(crate) fn headline(m: &PageMeta) -> Option<String> {
    let metas = meta_titles(m);
    if let Some(h) = agreeing_h1(m, &metas) {
        return Some(h);
    }
    metas.first().map(|t| strip_site(t, m))
}

/// The `<h1>` that agrees best with the metadata titles: one equal to a
/// title, else one equal to a title without its site part, else one a
/// title contains; never one that names the site. Written in capitals
/// (CSS often shows headlines so) it takes the title's own letter case.
fn agreeing_h1(m: &PageMeta, metas: &[String]) -> Option<String> {
    let sites = site_names(m);
    let candidates: Vec<(&str, String)> =
        m.h1.iter()
            .map(|(_, h)| (h.as_str(), norm(h)))
            .filter(|(_, n)| !n.is_empty() && !sites.contains(n))
            .collect();
    let titles: Vec<String> = metas.iter().map(|t| norm(t)).collect();
    let stripped: Vec<String> = metas.iter().map(|t| norm(&strip_site(t, m))).collect();
    let pick = candidates
        .iter()
        .find(|(_, n)| titles.contains(n))
        .or_else(|| candidates.iter().find(|(_, n)| stripped.contains(n)))
        .or_else(|| {
            candidates
                .iter()
                .find(|(_, n)| n.len() >= 12 && titles.iter().any(|t| t.contains(n.as_str())))
        })?;
    let (h, n) = pick;
    let letters = || h.chars().filter(|c| c.is_alphabetic());
    if letters().count() > 3 && letters().all(char::is_uppercase) {
        // The same words as a metadata title, in its letter case.
        for t in metas.iter().map(|t| strip_site(t, m)) {
            if norm(&t) == *n {
                return Some(t);
            }
        }
    }
    Some((*h).to_string())
}

/// Normalized names of the site: `og:site_name`, `application-name`, the
/// site part of `<title>`, and logos.
fn site_names(m: &PageMeta) -> Vec<String> {
    [
        m.meta(&["og:site_name"]).map(norm),
        m.meta(&["application-name"]).map(norm),
        m.title_tag.as_deref().and_then(site_part).map(norm),
    ]
    .into_iter()
    .flatten()
    .chain(m.logos.iter().map(|l| norm(l)))
    .filter(|s| !s.is_empty())
    .collect()
}

fn meta_titles(m: &PageMeta) -> Vec<String> {
    [
        m.meta(&["og:title"]).map(str::to_string),
        m.ld_str("headline"),
        m.meta(&["twitter:title"]).map(str::to_string),
        m.title_tag.clone(),
    ]
    .into_iter()
    .flatten()
    .map(|s| collapse(&decode_entities(&s)))
    .filter(|s| !s.is_empty())
    .collect()
}

/// The headline: an `<h1>` that agrees with the metadata title, else the
/// metadata title (`og:title`, JSON-LD `headline`), else `<title>` without
/// its site part.
pub(crate) fn title(
    m: &PageMeta,
    inside: &[bool],
    first_body_start: usize,
    dom: &Dom,
) -> Option<String> {
    chosen_title(m, inside, first_body_start, dom).map(|t| drop_site_suffix(t, m))
}

/// `Headline – Site` → `Headline` when `Site` is one of the site's names
/// (an `<h1>` that repeats the site's name, a `<title>` that gives it
/// twice).
fn drop_site_suffix(t: String, m: &PageMeta) -> String {
    let sites = site_names(m);
    let mut t = t;
    for _ in 0..2 {
        let cut = SEPARATORS.iter().find_map(|sep| {
            let p = t.rfind(sep)?;
            let tail = norm(&t[p + sep.len()..]);
            (p > 0 && !tail.is_empty() && sites.contains(&tail)).then_some(p)
        });
        match cut {
            Some(p) if !t[..p].trim().is_empty() => t = t[..p].trim().to_string(),
            _ => break,
        }
    }
    t
}

fn chosen_title(
    m: &PageMeta,
    inside: &[bool],
    first_body_start: usize,
    dom: &Dom,
) -> Option<String> {
    let metas = meta_titles(m);
    if let Some(h) = agreeing_h1(m, &metas) {
        return Some(h);
    }
    // One h1 in the article, or the last h1 before it, unless it names
    // the site (a logo).
    let site_names = site_names(m);
    // A headline has a few words, names no site and does not introduce
    // what follows (`A message from our founder:`).
    let headline_like = |h: &str| {
        h.split_whitespace().count() >= 3 && !h.trim_end().ends_with(':') && {
            let n = norm(h);
            !site_names.iter().any(|s| *s == n || s.contains(&n))
        }
    };
    // A page that uses <h1> for its section headings (several of them in
    // the article) gives the headline in its metadata, when it has one.
    let sections =
        m.h1.iter()
            .filter(|(id, _)| inside.get(*id).copied().unwrap_or(false))
            .count()
            >= 2;
    if sections && let Some(t) = metas.iter().take(3).find(|t| !t.is_empty()) {
        return Some(strip_site(t, m));
    }
    let inner: Vec<&(usize, String)> =
        m.h1.iter()
            .filter(|(id, _)| inside.get(*id).copied().unwrap_or(false))
            .collect();
    if inner.len() == 1 && headline_like(&inner[0].1) {
        return Some(inner[0].1.clone());
    }
    if let Some((_, h)) =
        m.h1.iter()
            .rfind(|(id, _)| dom.nodes[*id].start <= first_body_start)
        && headline_like(h)
    {
        return Some(h.clone());
    }
    if let Some(t) = metas.iter().take(3).find(|t| !t.is_empty()) {
        return Some(strip_site(t, m));
    }
    m.title_tag.as_deref().map(|t| strip_site(t, m))
}

/// What separates a headline from the site's name in a `<title>`.
const SEPARATORS: [&str; 9] = [
    " | ", " - ", " – ", " — ", " :: ", " · ", " » ", " • ", " / ",
];

/// The part of a `<title>` after its last separator (`Headline | Site`).
fn site_part(t: &str) -> Option<&str> {
    SEPARATORS
        .iter()
        .filter_map(|sep| t.rfind(sep).map(|p| &t[p + sep.len()..]))
        .min_by_key(|s| s.len())
}

/// `"Headline | Site"` → `"Headline"`: drops a part that names the site.
/// `"Site: Headline"` and `"Site Headline"` also lose a leading part that
/// is a site name (`og:site_name`, `application-name`, a logo).
fn strip_site(t: &str, m: &PageMeta) -> String {
    let sites: Vec<String> = [
        m.meta(&["og:site_name"]).map(norm),
        m.meta(&["application-name"]).map(norm),
    ]
    .into_iter()
    .flatten()
    .chain(m.logos.iter().map(|l| norm(l)))
    .filter(|s| !s.is_empty())
    .collect();
    for sep in SEPARATORS {
        if let Some(p) = t.rfind(sep) {
            let (head, tail) = (&t[..p], &t[p + sep.len()..]);
            let tail_is_site = sites.contains(&norm(tail)) || tail.split_whitespace().count() <= 4;
            if tail_is_site && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
    }
    // A leading site name, then a separator or a space.
    let words: Vec<&str> = t.split_whitespace().collect();
    for k in 1..words.len().min(6) {
        let lead = words[..k].join(" ");
        let lead = lead.trim_end_matches([':', '|', '-', '–', '—', '•', '·']);
        if sites.contains(&norm(lead)) {
            let mut rest = words[k..].join(" ");
            for sep in ["| ", "- ", "– ", "— ", "• ", "· ", ": "] {
                if let Some(r) = rest.strip_prefix(sep) {
                    rest = r.to_string();
                }
            }
            if rest.split_whitespace().count() >= 2 {
                return rest;
            }
        }
    }
    t.to_string()
}
