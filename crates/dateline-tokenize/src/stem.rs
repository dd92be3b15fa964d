//! Stemming: a [`Language`] enum over the Snowball stemmers of
//! `rust-stemmers`, script-based language choice, and a shared cache.
//!
//! The stemmer is chosen per word from its script: Cyrillic words use
//! Russian, Greek words Greek, Arabic words Arabic, Tamil words Tamil, and
//! Latin-script words the tokenizer's configured language (English by
//! default). Words in other scripts keep their normalized form.
//!
//! Results are cached per language in a thread-local map (no locks on the
//! hot path), so each thread stems a distinct word once whichever tokenizer
//! asks, and cached stems are interned so that tokens borrow them instead of
//! allocating. The cache is bounded ([`CACHE_LIMIT`] words per language and
//! thread, [`INTERN_LIMIT`] bytes in all); past that, stems are computed
//! every time.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher, RandomState};
use std::str::FromStr;
use std::sync::atomic::{AtomicUsize, Ordering};

use rust_stemmers::{Algorithm, Stemmer};

use crate::Error;

/// Words per language and thread that the stem cache holds.
pub const CACHE_LIMIT: usize = 200_000;

/// Bytes of cached stems (and their words) kept, in all, for the life of the process.
pub const INTERN_LIMIT: usize = 64 << 20;

/// A language with a Snowball stemmer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Language {
    /// Arabic.
    Arabic,
    /// Danish.
    Danish,
    /// Dutch.
    Dutch,
    /// English (the default for Latin script).
    #[default]
    English,
    /// Finnish.
    Finnish,
    /// French.
    French,
    /// German.
    German,
    /// Greek.
    Greek,
    /// Hungarian.
    Hungarian,
    /// Italian.
    Italian,
    /// Norwegian.
    Norwegian,
    /// Portuguese.
    Portuguese,
    /// Romanian.
    Romanian,
    /// Russian (used for Cyrillic words).
    Russian,
    /// Spanish.
    Spanish,
    /// Swedish.
    Swedish,
    /// Tamil.
    Tamil,
    /// Turkish.
    Turkish,
}

const ALL: [Language; 18] = [
    Language::Arabic,
    Language::Danish,
    Language::Dutch,
    Language::English,
    Language::Finnish,
    Language::French,
    Language::German,
    Language::Greek,
    Language::Hungarian,
    Language::Italian,
    Language::Norwegian,
    Language::Portuguese,
    Language::Romanian,
    Language::Russian,
    Language::Spanish,
    Language::Swedish,
    Language::Tamil,
    Language::Turkish,
];

impl Language {
    /// Every supported language.
    pub fn all() -> &'static [Language] {
        &ALL
    }

    /// Lowercase English name: `"english"`, `"russian"`, ….
    pub fn as_str(self) -> &'static str {
        match self {
            Language::Arabic => "arabic",
            Language::Danish => "danish",
            Language::Dutch => "dutch",
            Language::English => "english",
            Language::Finnish => "finnish",
            Language::French => "french",
            Language::German => "german",
            Language::Greek => "greek",
            Language::Hungarian => "hungarian",
            Language::Italian => "italian",
            Language::Norwegian => "norwegian",
            Language::Portuguese => "portuguese",
            Language::Romanian => "romanian",
            Language::Russian => "russian",
            Language::Spanish => "spanish",
            Language::Swedish => "swedish",
            Language::Tamil => "tamil",
            Language::Turkish => "turkish",
        }
    }

    fn algorithm(self) -> Algorithm {
        match self {
            Language::Arabic => Algorithm::Arabic,
            Language::Danish => Algorithm::Danish,
            Language::Dutch => Algorithm::Dutch,
            Language::English => Algorithm::English,
            Language::Finnish => Algorithm::Finnish,
            Language::French => Algorithm::French,
            Language::German => Algorithm::German,
            Language::Greek => Algorithm::Greek,
            Language::Hungarian => Algorithm::Hungarian,
            Language::Italian => Algorithm::Italian,
            Language::Norwegian => Algorithm::Norwegian,
            Language::Portuguese => Algorithm::Portuguese,
            Language::Romanian => Algorithm::Romanian,
            Language::Russian => Algorithm::Russian,
            Language::Spanish => Algorithm::Spanish,
            Language::Swedish => Algorithm::Swedish,
            Language::Tamil => Algorithm::Tamil,
            Language::Turkish => Algorithm::Turkish,
        }
    }

    /// The language used for a word, from the script of its first letter:
    /// Cyrillic → Russian, Greek → Greek, Arabic → Arabic, Tamil → Tamil,
    /// Latin → `latin`; `None` for other scripts or words without letters.
    pub fn for_word(word: &str, latin: Language) -> Option<Language> {
        let c = word.chars().find(|c| c.is_alphabetic())?;
        match Script::of(c) {
            Script::Latin => Some(latin),
            Script::Cyrillic => Some(Language::Russian),
            Script::Greek => Some(Language::Greek),
            Script::Arabic => Some(Language::Arabic),
            Script::Tamil => Some(Language::Tamil),
            _ => None,
        }
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Language {
    type Err = Error;

    /// Parses a language name (`"english"`) or ISO 639-1 code (`"en"`), in any case.
    fn from_str(s: &str) -> Result<Language, Error> {
        let l = s.trim().to_ascii_lowercase();
        let code = match l.as_str() {
            "ar" => "arabic",
            "da" => "danish",
            "nl" => "dutch",
            "en" => "english",
            "fi" => "finnish",
            "fr" => "french",
            "de" => "german",
            "el" => "greek",
            "hu" => "hungarian",
            "it" => "italian",
            "no" | "nb" => "norwegian",
            "pt" => "portuguese",
            "ro" => "romanian",
            "ru" => "russian",
            "es" => "spanish",
            "sv" => "swedish",
            "ta" => "tamil",
            "tr" => "turkish",
            other => other,
        };
        ALL.iter()
            .copied()
            .find(|lang| lang.as_str() == code)
            .ok_or_else(|| Error::UnknownLanguage(s.to_string()))
    }
}

/// Writing systems the token rules tell apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Script {
    Latin,
    Cyrillic,
    Greek,
    Armenian,
    Hebrew,
    Arabic,
    Georgian,
    Tamil,
    Other,
}

impl Script {
    /// The script of a letter (`Other` for anything not listed).
    pub(crate) fn of(c: char) -> Script {
        match c {
            'a'..='z' | 'A'..='Z' => Script::Latin,
            '\u{00C0}'..='\u{024F}' if c != '\u{00D7}' && c != '\u{00F7}' => Script::Latin,
            '\u{1E00}'..='\u{1EFF}' => Script::Latin,
            '\u{0370}'..='\u{03FF}' | '\u{1F00}'..='\u{1FFF}' => Script::Greek,
            '\u{0400}'..='\u{052F}' | '\u{1C80}'..='\u{1C8F}' | '\u{2DE0}'..='\u{2DFF}' => {
                Script::Cyrillic
            }
            '\u{A640}'..='\u{A69F}' => Script::Cyrillic,
            '\u{0530}'..='\u{058F}' => Script::Armenian,
            '\u{0590}'..='\u{05FF}' => Script::Hebrew,
            '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' => Script::Arabic,
            '\u{10A0}'..='\u{10FF}' => Script::Georgian,
            '\u{0B80}'..='\u{0BFF}' => Script::Tamil,
            _ => Script::Other,
        }
    }
}

/// A small, fast string hasher (the multiply-rotate scheme of rustc's
/// `FxHasher`), seeded per thread. Cache keys are short words, where SipHash
/// would cost more than the lookup saves.
#[derive(Clone, Copy)]
struct WordHasher(u64);

const K: u64 = 0x517c_c1b7_2722_0a95;

impl WordHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
    }
}

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w) ^ (rest.len() as u64) << 59);
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn finish(&self) -> u64 {
        // Fold the well-mixed high bits into the low bits the table indexes with.
        let h = self.0;
        h ^ (h >> 29) ^ (h >> 47)
    }
}

#[derive(Clone, Copy)]
struct Seeded(u64);

impl BuildHasher for Seeded {
    type Hasher = WordHasher;
    #[inline]
    fn build_hasher(&self) -> WordHasher {
        WordHasher(self.0)
    }
}

/// A cache key: a normalized word of at most 23 bytes, stored inline so a
/// lookup compares bytes in the table itself (no pointer chase per probe).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Key {
    len: u8,
    bytes: [u8; 23],
}

impl Key {
    fn new(word: &str) -> Option<Key> {
        let b = word.as_bytes();
        if b.len() > 23 {
            return None;
        }
        let mut bytes = [0u8; 23];
        bytes[..b.len()].copy_from_slice(b);
        Some(Key {
            len: b.len() as u8,
            bytes,
        })
    }
}

/// Normalized word → interned stem.
type Cache = HashMap<Key, &'static str, Seeded>;

thread_local! {
    static CACHES: RefCell<Vec<Cache>> = RefCell::new({
        let seed = RandomState::new().hash_one(0u64);
        ALL.iter().map(|_| HashMap::with_hasher(Seeded(seed))).collect()
    });
}

/// Bytes of stems interned so far, by all threads.
static INTERNED: AtomicUsize = AtomicUsize::new(0);

/// Stemmers with a cache per language and thread: each thread stems a
/// distinct word once, without locks, and a cached stem is handed out as a
/// borrowed string (no allocation per token).
///
/// Cached stems are interned for the life of the process: at most
/// [`CACHE_LIMIT`] words per language and thread, and at most
/// [`INTERN_LIMIT`] bytes in all; past either limit stems are still computed,
/// just not cached.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct StemCache;

impl StemCache {
    pub(crate) fn new() -> StemCache {
        StemCache
    }

    /// The stem of an already normalized word.
    pub(crate) fn stem<'a>(&self, lang: Language, norm: &Cow<'a, str>) -> Cow<'a, str> {
        // Snowball's English stemmer leaves words of one or two letters alone.
        if lang == Language::English && norm.len() <= 2 {
            return norm.clone();
        }
        let Some(key) = Key::new(norm) else {
            return Stemmer::create(lang.algorithm())
                .stem(norm)
                .into_owned()
                .into();
        };
        let hit = CACHES.with(|c| {
            c.borrow()
                .get(lang as usize)
                .and_then(|m| m.get(&key).copied())
        });
        if let Some(s) = hit {
            return Cow::Borrowed(s);
        }
        let stemmed = Stemmer::create(lang.algorithm()).stem(norm).into_owned();
        let cost = stemmed.len() + std::mem::size_of::<Key>();
        let full = CACHES.with(|c| {
            c.borrow()
                .get(lang as usize)
                .is_none_or(|m| m.len() >= CACHE_LIMIT)
        });
        if full || INTERNED.fetch_add(cost, Ordering::Relaxed) + cost > INTERN_LIMIT {
            return Cow::Owned(stemmed);
        }
        let interned: &'static str = Box::leak(stemmed.into_boxed_str());
        CACHES.with(|c| {
            if let Some(map) = c.borrow_mut().get_mut(lang as usize) {
                map.insert(key, interned);
            }
        });
        Cow::Borrowed(interned)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_names_and_codes() {
        assert_eq!("en".parse::<Language>().ok(), Some(Language::English));
        assert_eq!("Russian".parse::<Language>().ok(), Some(Language::Russian));
        let err = "klingon".parse::<Language>().err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("unknown stemming language \"klingon\"")
        );
        for l in Language::all() {
            assert_eq!(l.as_str().parse::<Language>().ok(), Some(*l));
        }
    }

    #[test]
    fn picks_language_by_script() {
        assert_eq!(
            Language::for_word("running", Language::English),
            Some(Language::English)
        );
        assert_eq!(
            Language::for_word("выборы", Language::English),
            Some(Language::Russian)
        );
        assert_eq!(Language::for_word("東京", Language::English), None);
        assert_eq!(Language::for_word("2019", Language::English), None);
    }

    #[test]
    fn stems_and_caches() {
        let cache = StemCache::new();
        let w = Cow::Borrowed("elections");
        assert_eq!(cache.stem(Language::English, &w), "elect");
        assert_eq!(cache.stem(Language::English, &w), "elect");
        let r = Cow::Borrowed("выборах");
        assert_eq!(cache.stem(Language::Russian, &r), "выбор");
        let same = Cow::Borrowed("the");
        assert!(matches!(
            cache.stem(Language::English, &same),
            Cow::Borrowed("the")
        ));
    }
}
