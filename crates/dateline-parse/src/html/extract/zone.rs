//! Boilerplate zones: the reason an element's tag (`nav`, `footer`,
//! `aside`), ARIA role (`navigation`, `contentinfo`, `complementary`) or
//! class/id words (`comments`, `share`, `related`, `newsletter`,
//! `cookie`, `advert`, …) give its blocks, and the caption zone of photo
//! captions, credits and galleries.

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
pub(super) const CAPTION: &str = "caption";

/// Words that mark an element as holding the article: they keep a zone
/// word in the same attribute from applying.
const CONTENT_WORDS: &[&str] = &[
    "article", "content", "entry", "post", "story", "body", "main", "text", "blog",
];

/// The boilerplate reason an element's own tag, role and class/id give.
pub(super) fn zone_of(tag: &str, e: &super::super::dom::Element) -> Option<&'static str> {
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
