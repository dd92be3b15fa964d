//! Word lists the rules use: given names, frequent lowercase words, titles,
//! organisation and place heads, calendar words.
//!
//! All lists are lowercase and folded like token norms, kept as files under
//! `words/` (one entry a line, sorted, with a header saying what the list
//! means and which modules read it), embedded at compile time and turned
//! into hash sets once.

use crate::fxhash::FxHashSet;
use crate::words::{WordList, WordMap};
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

/// Words after which a capitalized word is likely a place
/// (`words/loc_preps.txt`).
pub(crate) static LOC_PREPS: WordList = WordList::new(include_str!("../words/loc_preps.txt"));

/// Month names and abbreviations, with their number (`words/months.txt`).
static MONTHS: WordMap<u8> = WordMap::new(include_str!("../words/months.txt"));

/// Weekday names and abbreviations, ISO numbered (Monday = 1)
/// (`words/weekdays.txt`).
static WEEKDAYS: WordMap<u8> = WordMap::new(include_str!("../words/weekdays.txt"));

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
                    .chain(map_words(include_str!("../words/months.txt")))
                    .chain(map_words(include_str!("../words/weekdays.txt")))
                    .chain(crate::words::entries(include_str!(
                        "../words/months_dotted.txt"
                    )))
                    .collect(),
            }
        })
    }
}

/// The number of the month `norm` names.
pub(crate) fn month(norm: &str) -> Option<u8> {
    MONTHS.get(norm)
}

/// The ISO number of the weekday `norm` names.
pub(crate) fn weekday(norm: &str) -> Option<u8> {
    WEEKDAYS.get(norm)
}

/// The words of a `word<TAB>value` list file.
fn map_words(file: &'static str) -> impl Iterator<Item = &'static str> {
    crate::words::entries(file).filter_map(|l| l.split_once('\t').map(|(w, _)| w.trim()))
}
