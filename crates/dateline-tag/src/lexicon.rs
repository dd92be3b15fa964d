//! Word lists the rules use: given names, frequent lowercase words, titles,
//! organisation and place heads, calendar words.
//!
//! All lists are lowercase and folded like token norms, kept as files under
//! `words/` (one entry a line, sorted, with a header saying what the list
//! means and which modules read it), embedded at compile time and turned
//! into hash sets once.

use crate::fxhash::FxHashSet;
use std::sync::OnceLock;

/// Given names common in international news (English, Slavic, German, French,
/// Spanish, Italian, Arabic, Asian transliterations).
const FIRST_NAMES: &str = include_str!("../words/first_names.txt");
/// Given names that mark a man or a woman (also read by quote/names.rs).
const GIVEN_NAMES_MALE: &str = include_str!("../words/given_names_male.txt");
const GIVEN_NAMES_FEMALE: &str = include_str!("../words/given_names_female.txt");
/// Gendered names the tagger does not take as given names.
const GIVEN_NAMES_GENDER_ONLY: &str = include_str!("../words/given_names_gender_only.txt");

/// Frequent English words that are not names on their own (checked in
/// lowercase): function words, common verbs, nouns and adjectives that start
/// sentences and headlines.
const COMMON: &str = include_str!("../words/common.txt");

/// Titles and roles that precede a person's name and are not part of it.
const TITLES: &str = include_str!("../words/titles.txt");

/// Final words that make a capitalized phrase an organisation.
const ORG_SUFFIXES: &str = include_str!("../words/org_suffixes.txt");

/// First words that head an organisation name ("Ministry of …").
const ORG_HEADS: &str = include_str!("../words/org_heads.txt");

/// Final words that make a capitalized phrase a place.
const LOC_SUFFIXES: &str = include_str!("../words/loc_suffixes.txt");

/// Final words that make a capitalized phrase a facility.
const FAC_SUFFIXES: &str = include_str!("../words/fac_suffixes.txt");

/// Final words that make a capitalized phrase an event ("Second Battle of
/// Bull Run", "Stanley Cup", "Summer Olympics").
const EVENT_SUFFIXES: &str = include_str!("../words/event_suffixes.txt");

/// Final words that make a capitalized phrase a named thing other than an
/// organisation, place or event: awards, laws and treaties.
const MISC_SUFFIXES: &str = include_str!("../words/misc_suffixes.txt");

/// Words after which a capitalized word is likely a place.
pub(crate) const LOC_PREPS: &[&str] = &[
    "in",
    "from",
    "near",
    "across",
    "outside",
    "inside",
    "throughout",
    "to",
    "at",
    "via",
];

/// Month names and abbreviations, with their number.
pub(crate) const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// Weekday names, ISO numbered (Monday = 1).
pub(crate) const WEEKDAYS: &[(&str, u8)] = &[
    ("monday", 1),
    ("tuesday", 2),
    ("wednesday", 3),
    ("thursday", 4),
    ("friday", 5),
    ("saturday", 6),
    ("sunday", 7),
    ("mon", 1),
    ("tue", 2),
    ("tues", 2),
    ("wed", 3),
    ("thu", 4),
    ("thurs", 4),
    ("fri", 5),
    ("sat", 6),
    ("sun", 7),
];

/// Words (besides month and weekday names) that can make a date or time.
const TEMPORAL_WORDS: &str = include_str!("../words/temporal_words.txt");

/// Uppercase words that are not organisation acronyms.
const NOT_ACRONYMS: &str = include_str!("../words/not_acronyms.txt");

pub(crate) struct Lexicon {
    pub(crate) first_names: FxHashSet<&'static str>,
    pub(crate) common: FxHashSet<&'static str>,
    pub(crate) titles: FxHashSet<&'static str>,
    pub(crate) org_suffixes: FxHashSet<&'static str>,
    pub(crate) org_heads: FxHashSet<&'static str>,
    pub(crate) loc_suffixes: FxHashSet<&'static str>,
    pub(crate) fac_suffixes: FxHashSet<&'static str>,
    pub(crate) event_suffixes: FxHashSet<&'static str>,
    pub(crate) misc_suffixes: FxHashSet<&'static str>,
    pub(crate) not_acronyms: FxHashSet<&'static str>,
    /// Words that can start or make a date or time expression.
    pub(crate) temporal_words: FxHashSet<&'static str>,
}

impl Lexicon {
    /// Whether `norm` is a final word that makes a phrase an organisation,
    /// with or without an abbreviation's dot ("Corp.", "Co.", "Inc.").
    pub(crate) fn is_org_suffix(&self, norm: &str) -> bool {
        self.org_suffixes.contains(norm.trim_end_matches('.'))
    }

    pub(crate) fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| {
            let set = |s: &'static str| crate::words::entries(s).collect::<FxHashSet<_>>();
            Lexicon {
                first_names: {
                    let gender_only = set(GIVEN_NAMES_GENDER_ONLY);
                    [FIRST_NAMES, GIVEN_NAMES_MALE, GIVEN_NAMES_FEMALE]
                        .into_iter()
                        .flat_map(crate::words::entries)
                        .filter(|n| !gender_only.contains(n))
                        .collect()
                },
                common: set(COMMON),
                titles: set(TITLES),
                org_suffixes: set(ORG_SUFFIXES),
                org_heads: set(ORG_HEADS),
                loc_suffixes: set(LOC_SUFFIXES),
                fac_suffixes: set(FAC_SUFFIXES),
                event_suffixes: set(EVENT_SUFFIXES),
                misc_suffixes: set(MISC_SUFFIXES),
                not_acronyms: set(NOT_ACRONYMS),
                temporal_words: set(TEMPORAL_WORDS)
                    .into_iter()
                    .chain(MONTHS.iter().map(|&(m, _)| m))
                    .chain(WEEKDAYS.iter().map(|&(w, _)| w))
                    .chain([
                        "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.",
                        "oct.", "nov.", "dec.",
                    ])
                    .collect(),
            }
        })
    }
}

pub(crate) fn month(norm: &str) -> Option<u8> {
    MONTHS.iter().find(|(m, _)| *m == norm).map(|&(_, n)| n)
}

pub(crate) fn weekday(norm: &str) -> Option<u8> {
    WEEKDAYS.iter().find(|(m, _)| *m == norm).map(|&(_, n)| n)
}
