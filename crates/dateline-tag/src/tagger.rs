//! The tagging pipeline: knowledge-base matches, rules for names the
//! knowledge base does not know, dates and amounts, the learned model's
//! proposals, then document-level resolution.
//!
//! Order of precedence, per token: dates and amounts, then the longest
//! knowledge-base match, then rule-detected names, then model spans in the
//! gaps. Resolution then works on the whole document: ambiguous aliases are
//! settled by full names elsewhere in the document and by context cues,
//! surnames and short forms join the cluster of their full name, an acronym
//! in parentheses joins its expansion, a name found once is propagated to
//! its other (mis-cased) mentions, and each cluster gets one label and one
//! canonical name.

use std::ops::Range;

use crate::fxhash::{FxHashMap as HashMap, FxHashSet as HashSet};
use crate::kb::KbMatch;
use crate::lexicon::{LOC_PREPS, Lexicon};
use crate::temporal::{Found, Scanner, infer_reference};
use crate::tokens::{Tok, mark_sentence_starts, refine};
use crate::{Block, Document, Entity, KnowledgeBase, Label, NerModel, Span, TokenKind, Tokenizer};

/// Where a mention came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Kb,
    Rule,
    Model,
    Propagated,
}

#[derive(Debug, Clone)]
struct Mention {
    toks: Range<usize>,
    label: Label,
    /// Knowledge-base candidates, best first.
    cands: Vec<u32>,
    source: Source,
    /// Cluster id after resolution.
    cluster: usize,
    /// For an acronym in parentheses: the first token of its expansion.
    link: Option<usize>,
}

#[derive(Debug, Clone)]
struct Cluster {
    kb: Option<u32>,
    label: Label,
    canonical: String,
}

/// Tags the sentences of `doc` whose block kind passes `want`.
pub(crate) fn tag_document(
    kb: &KnowledgeBase,
    tokenizer: &Tokenizer,
    use_model: bool,
    doc: &Document,
    want: impl Fn(&Block) -> bool,
) -> Vec<Entity> {
    let analysis = tokenizer.analyze(doc);
    let mut toks: Vec<Tok<'_>> = Vec::with_capacity(analysis.tokens.len() + 16);
    let mut sents: Vec<Range<usize>> = Vec::new();
    let mut sent_spans: Vec<Span> = Vec::new();
    // The model reads the tokenize layer's tokens of the wanted sentences.
    let model_sents: Vec<Range<usize>> = analysis
        .sentences
        .iter()
        .filter(|s| doc.blocks.get(s.block).is_some_and(&want))
        .map(|s| s.tokens.clone())
        .collect();
    let model: Vec<(Span, Label)> = if use_model && !model_sents.is_empty() {
        let model_tokens = &analysis.tokens;
        let hints = kb.hints(model_tokens);
        NerModel::bundled()
            .predict(model_tokens, &model_sents, &hints)
            .into_iter()
            .filter_map(|m| {
                let first = model_tokens.get(m.tokens.start)?;
                let last = model_tokens.get(m.tokens.end.checked_sub(1)?)?;
                Some((Span::new(first.span.start, last.span.end), m.label))
            })
            .collect()
    } else {
        Vec::new()
    };
    let mut all = analysis.tokens.into_iter().enumerate().peekable();
    for s in &analysis.sentences {
        let keep = doc.blocks.get(s.block).is_some_and(&want);
        let mut chunk = Vec::new();
        while let Some((i, _)) = all.peek() {
            if *i >= s.tokens.end {
                break;
            }
            if let Some((i, t)) = all.next()
                && i >= s.tokens.start
                && keep
            {
                chunk.push(t);
            }
        }
        if keep {
            let start = toks.len();
            refine(chunk, &mut toks);
            sents.push(start..toks.len());
            sent_spans.push(s.span);
        }
    }
    mark_sentence_starts(&mut toks, &sents);
    let reference = doc.date.or_else(|| infer_reference(&doc.text));
    let mut scanner = Scanner::new(reference);
    if reference.is_none() {
        scanner.reference_year = crate::temporal::latest_year(&doc.text);
    }
    let mut temporal: Vec<Found> = Vec::new();
    let lex = Lexicon::get();
    for (sp, r) in sent_spans.iter().zip(&sents) {
        // Only sentences with a number, a symbol or a calendar word can hold
        // a date, time or amount.
        let candidate = toks[r.clone()].iter().any(|t| match t.kind {
            TokenKind::Punct => false,
            TokenKind::Word | TokenKind::Abbreviation => {
                t.norm.contains('-') || lex.temporal_words.contains(t.norm.as_ref())
            }
            _ => true,
        });
        if candidate {
            temporal.extend(scanner.scan(&doc.text[sp.range()], sp.start));
        }
    }
    let mut d = Doc::new(kb, &doc.text, toks, sents, temporal, model);
    d.with_model = use_model;
    d.run()
}

struct Doc<'k, 'a> {
    kb: &'k KnowledgeBase,
    lex: &'static Lexicon,
    text: &'a str,
    toks: Vec<Tok<'a>>,
    sents: Vec<Range<usize>>,
    temporal: Vec<Found>,
    model: Vec<(Span, Label)>,
    /// Per token: covered by a mention (or, after the knowledge-base pass, a temporal expression).
    taken: Vec<bool>,
    /// Per token: covered by a temporal expression.
    temporal_tok: Vec<bool>,
    /// Per sentence: written in title case (headlines), so capitals say little.
    title_case: Vec<bool>,
    mentions: Vec<Mention>,
    /// Norms seen capitalized somewhere other than a sentence start.
    capitalized: HashSet<String>,
    doc_norms: Option<String>,
    /// Whether the learned model fills gaps (some guesses are left to it).
    with_model: bool,
    /// Per token: a knowledge-base GPE mention starts here (set before the rules run).
    kb_gpe_start: Vec<bool>,
    /// First tokens of names a defining sentence typed ("X is a band").
    defined: Vec<usize>,
}

/// Direction, size and age words that qualify a place ("Northern Ireland",
/// "Greater London", "Outer Mongolia", "Old Goa").
const QUALIFIERS: &[&str] = &[
    "central",
    "east",
    "eastern",
    "greater",
    "inner",
    "lower",
    "new",
    "north",
    "northeast",
    "northeastern",
    "northern",
    "northwest",
    "northwestern",
    "old",
    "outer",
    "south",
    "southeast",
    "southeastern",
    "southern",
    "southwest",
    "southwestern",
    "upper",
    "west",
    "western",
];

/// Epithets after a ruler's or an artist's name ("Pliny the Elder", "Louis
/// the German"), part of the name.
const EPITHETS: &[&str] = &[
    "elder",
    "younger",
    "great",
    "bold",
    "conqueror",
    "pious",
    "terrible",
    "wise",
    "fair",
    "magnificent",
    "lionheart",
    "confessor",
    "german",
    "fat",
    "bald",
    "lame",
    "unready",
];

/// Words after a kind noun that end its noun phrase ("a music album released in",
/// "a band from"), so the noun is its head and not a modifier ("a band member").
const NOUN_PHRASE_END: &[&str] = &[
    "of",
    "in",
    "from",
    "by",
    "based",
    "founded",
    "formed",
    "that",
    "which",
    "who",
    "and",
    "with",
    "for",
    "released",
    "recorded",
    "written",
    "directed",
    "held",
    "published",
    "headquartered",
    "owned",
    "located",
    "on",
    "at",
    "created",
    "operated",
    "topping",
    "containing",
    "dedicated",
    "to",
    "near",
    "situated",
    "whose",
    "where",
    "led",
    "known",
    "about",
];

/// Abbreviations written with an ampersand that are no names.
const AMPERSAND_WORDS: &[&str] = &["r&d", "q&a", "m&a", "b&b", "p&l", "r&b", "b&w"];

/// A defining sentence's subject, the copula after it and the bracket
/// between them, if any.
struct Definition {
    subject: Range<usize>,
    copula: usize,
    bracket: Option<Range<usize>>,
}

/// Lowercase words inside a name that opens a defining sentence ("30
/// Seconds to Mars is a band", "Ein Lied von Liebe und Tod is a film").
const SUBJECT_CONNECTORS: &[&str] = &[
    "of", "to", "the", "a", "and", "for", "from", "on", "de", "la", "le", "von", "van", "und", "y",
];

/// Short words title case leaves in lowercase: articles, conjunctions and
/// prepositions ("Russia Meddled in US Election, Chiefs Say"). Longer
/// prepositions ("from", "with") are capitalized by some styles and not by
/// others, so they count as lowercase words.
const TITLE_CASE_LOWER: &[&str] = &[
    "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in", "of",
    "off", "on", "per", "to", "up", "via", "vs", "vs.",
];

/// Words before a country or city name that make a new, geographic name:
/// "Mount Kenya", "Lake Victoria" (the lake, not the state).
const GEO_PREFIXES: &[&str] = &["mount", "mt.", "mt", "lake", "cape", "isle", "gulf"];

/// A regnal number written in capitals: "II" to "XXX" ("I" is the pronoun
/// far more often).
fn is_regnal(text: &str) -> bool {
    (2..=5).contains(&text.len())
        && text.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
        && !text.contains("IIII")
}

/// A type designation: one to three capitals, a hyphen and a number ("P-38",
/// "F-4", "EF-111", "MiG-21" is not one).
fn is_designation(text: &str) -> bool {
    let Some((letters, digits)) = text.split_once('-') else {
        return false;
    };
    (1..=3).contains(&letters.len())
        && letters.chars().all(|c| c.is_ascii_uppercase())
        && !digits.is_empty()
        && digits.len() <= 4
        && digits.chars().all(|c| c.is_ascii_digit())
}

fn is_connector(n: &str) -> bool {
    matches!(
        n,
        "of" | "for" | "and" | "the" | "on" | "&" | "de" | "del" | "des" | "du" | "la" | "le"
    )
}

fn is_particle(n: &str) -> bool {
    matches!(
        n,
        "de" | "van"
            | "von"
            | "der"
            | "al"
            | "bin"
            | "ibn"
            | "da"
            | "dos"
            | "del"
            | "di"
            | "le"
            | "la"
            | "el"
            | "ben"
            | "abu"
    )
}

/// Whether a token opens a quotation (a straight quote both opens and closes).
fn opens_quote(t: &str) -> bool {
    matches!(t, "\"" | "\u{201c}" | "\u{ab}")
}

/// Whether a token closes a quotation.
fn closes_quote(t: &str) -> bool {
    matches!(t, "\"" | "\u{201d}" | "\u{bb}")
}

/// A word written as one name, not two run together by a bad scrape
/// ("Amash.Image", "CollinsImage"); "McDonald" and "DeSantis" are fine.
fn plain_word(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    !text.contains('.')
        && !chars
            .windows(2)
            .enumerate()
            .any(|(i, w)| i >= 3 && w[0].is_lowercase() && w[1].is_uppercase())
}

/// Capitalizes each word of a person's name ("Donald trump" → "Donald
/// Trump"), leaving particles and connectors after the first word as written
/// ("Ludwig van Beethoven", "Lucas Cranach the Elder").
fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, word) in s.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if i > 0 && (is_particle(word) || is_connector(word)) {
            out.push_str(word);
            continue;
        }
        let mut start = true;
        for c in word.chars() {
            if start && c.is_alphabetic() {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
            start = c == '-';
        }
    }
    out
}

impl<'k, 'a> Doc<'k, 'a> {
    fn new(
        kb: &'k KnowledgeBase,
        text: &'a str,
        toks: Vec<Tok<'a>>,
        sents: Vec<Range<usize>>,
        temporal: Vec<Found>,
        model: Vec<(Span, Label)>,
    ) -> Self {
        let n = toks.len();
        Doc {
            kb,
            lex: Lexicon::get(),
            text,
            toks,
            sents,
            temporal,
            model,
            taken: vec![false; n],
            temporal_tok: vec![false; n],
            title_case: Vec::new(),
            mentions: Vec::new(),
            capitalized: Default::default(),
            doc_norms: None,
            with_model: false,
            kb_gpe_start: Vec::new(),
            defined: Vec::new(),
        }
    }

    fn run(mut self) -> Vec<Entity> {
        self.block_temporal();
        self.collect_capitalized();
        self.title_case = self
            .sents
            .iter()
            .map(|r| self.is_title_case(r.clone()))
            .collect();
        for s in 0..self.sents.len() {
            let r = self.sents[s].clone();
            let headline = self.title_case[s];
            self.kb_pass(r.clone(), headline);
        }
        self.vet_kb();
        self.other_first_names();
        self.compass_places();
        self.widen_generic_orgs();
        self.settle_temporal();
        self.quoted_titles();
        self.kb_gpe_start = vec![false; self.toks.len()];
        for m in &self.mentions {
            if m.source == Source::Kb && m.label == Label::Gpe {
                self.kb_gpe_start[m.toks.start] = true;
            }
        }
        self.definitions();
        self.nicknames();
        for s in 0..self.sents.len() {
            let r = self.sents[s].clone();
            if !self.title_case[s] {
                self.rule_pass(r);
            }
        }
        self.headline_people();
        self.expansions();
        self.model_pass();
        self.mentions.sort_by_key(|m| m.toks.start);
        self.possessive_places();
        self.nationality_orgs();
        self.place_split_orgs();
        self.numbered_units();
        self.acronyms();
        self.storm_names();
        self.mentions.sort_by_key(|m| m.toks.start);
        self.aliases();
        self.list_labels();
        self.list_people();
        self.mentions.sort_by_key(|m| m.toks.start);
        self.complete_names();
        self.name_suffixes();
        let clusters = self.resolve();
        self.output(clusters)
    }

    fn block_temporal(&mut self) {
        if self.temporal.is_empty() {
            return;
        }
        let mut f = 0;
        for (i, t) in self.toks.iter().enumerate() {
            while f < self.temporal.len() && self.temporal[f].span.end <= t.span.start {
                f += 1;
            }
            if f < self.temporal.len() && self.temporal[f].span.overlaps(t.span) {
                self.temporal_tok[i] = true;
            }
        }
    }

    /// Temporal expressions inside a knowledge-base name ("2018 Winter
    /// Olympics") give way; the others block their tokens from now on.
    fn settle_temporal(&mut self) {
        let spans: Vec<Span> = self
            .mentions
            .iter()
            .map(|m| {
                Span::new(
                    self.toks[m.toks.start].span.start,
                    self.toks[m.toks.end - 1].span.end,
                )
            })
            .collect();
        self.temporal
            .retain(|f| !spans.iter().any(|s| s.overlaps(f.span)));
        for i in 0..self.toks.len() {
            if self.temporal_tok[i] && !self.taken[i] {
                let sp = self.toks[i].span;
                self.taken[i] = self.temporal.iter().any(|f| f.span.overlaps(sp));
            }
        }
    }

    /// A headline-style sentence: no word written in lowercase other than
    /// the short function words title case leaves in lowercase ("of",
    /// "the", "to"), and ordinary words capitalized ("Will",
    /// "Elections"): two of them, or one in a short line.
    fn is_title_case(&self, r: Range<usize>) -> bool {
        let mut lower = 0;
        let mut common_caps = 0;
        let mut words = 0;
        // Quoted titles ("From Here", "The Story") do not make the
        // sentence around them a headline.
        let mut quoted = false;
        for t in &self.toks[r] {
            match (opens_quote(t.text), closes_quote(t.text)) {
                (true, true) => quoted = !quoted,
                (true, false) => quoted = true,
                (false, true) => quoted = false,
                (false, false) => {}
            }
            words += usize::from(t.is_word());
            if !t.is_word() || t.sent_start || quoted {
                continue;
            }
            if t.lower() {
                if !TITLE_CASE_LOWER.contains(&t.norm.as_ref()) {
                    lower += 1;
                }
            } else if t.cap
                && t.text.chars().count() >= 4
                && self.lex.common.contains(t.norm.as_ref())
                // "General Ross Hoyt" in a list is a title, not a headline word.
                && !self.lex.titles.contains(t.norm.as_ref())
            {
                common_caps += 1;
            }
        }
        lower == 0 && common_caps >= 1 && (common_caps >= 2 || words <= 12)
    }

    fn collect_capitalized(&mut self) {
        for t in &self.toks {
            if t.cap
                && !t.sent_start
                && t.is_word()
                && !t.upper
                && !self.capitalized.contains(t.norm.as_ref())
            {
                self.capitalized.insert(t.norm.to_string());
            }
        }
    }

    fn free(&self, r: Range<usize>) -> bool {
        r.clone().all(|i| !self.taken[i])
    }

    fn take(&mut self, r: Range<usize>) {
        for i in r {
            self.taken[i] = true;
        }
    }

    /// The sentence holding token `k`.
    fn sentence_of(&self, k: usize) -> Option<usize> {
        let i = self.sents.partition_point(|r| r.end <= k);
        self.sents.get(i).filter(|r| r.contains(&k)).map(|_| i)
    }

    /// Whether tokens `a` and `b` are in the same sentence.
    fn same_sentence(&self, a: usize, b: usize) -> bool {
        self.sentence_of(a)
            .is_some_and(|s| self.sentence_of(b) == Some(s))
    }

    /// Makes mention `mi` start earlier, at `start`: the words before it join
    /// it, and the longer phrase is a name of its own, found by rule, no longer
    /// the knowledge-base entry of the shorter one.
    fn grow_left(&mut self, mi: usize, start: usize) {
        let m = &mut self.mentions[mi];
        for k in start..m.toks.start {
            self.taken[k] = true;
        }
        m.toks.start = start;
        m.cands.clear();
        m.source = Source::Rule;
    }

    fn push(&mut self, toks: Range<usize>, label: Label, cands: Vec<u32>, source: Source) {
        self.take(toks.clone());
        self.mentions.push(Mention {
            toks,
            label,
            cands,
            source,
            cluster: usize::MAX,
            link: None,
        });
    }

    // ---------- knowledge base ----------

    fn kb_pass(&mut self, r: Range<usize>, headline: bool) {
        let mut i = r.start;
        while i < r.end {
            if self.taken[i] || !(self.toks[i].is_word() || self.toks[i].kind == TokenKind::Number)
            {
                i += 1;
                continue;
            }
            let m = {
                let lex = self.lex;
                let toks = &self.toks[..r.end];
                let cap_ok = |k: usize| {
                    let t = &toks[k];
                    !(t.sent_start && lex.common.contains(t.norm.as_ref()) && !t.upper)
                };
                self.kb.longest(toks, i, &cap_ok)
            };
            let m = m
                .or_else(|| self.lowercase_acronym(i, r.end))
                .or_else(|| self.lowercase_place(i, r.clone()));
            if let Some(KbMatch { len, entries }) = m {
                let mut span = i..i + len;
                if !self.free(span.clone()) {
                    i += 1;
                    continue;
                }
                // Dates and amounts win unless the name strictly contains them.
                let temporal = span.clone().filter(|&k| self.temporal_tok[k]).count();
                if temporal > 0
                    && (len < 2 || temporal == len || !self.temporal_inside(span.clone()))
                {
                    i += 1;
                    continue;
                }
                // "St. Louis Eagles", "Chicago Bulls": a place and one
                // capitalized plural that ends the name make a team.
                let after = i + len + 1;
                if !headline
                    && after <= r.end
                    && (after == r.end
                        || !(self.toks[after].cap || is_connector(&self.toks[after].norm)))
                    && self.place_team(i..after)
                {
                    self.push(i..after, Label::Org, Vec::new(), Source::Rule);
                    i = after;
                    continue;
                }
                // A first name before a place-like single word: "Jordan Peterson";
                // a place name heading a longer unknown name: "Atlantic City";
                // any one-word name before an organisation, event or treaty head:
                // "Atlantic Council", "Paris Agreement".
                if len == 1
                    && (self.person_override(i, r.end, &entries)
                        || self.org_head_follows(i, r.end)
                        || self.named_after_person(i, r.end, &entries)
                        || (!headline
                            && !self.toks[i].upper
                            && self.place_prefix(i, r.end, &entries)))
                {
                    i += 1;
                    continue;
                }
                // "southern Europe": a lowercase qualifier stays outside the
                // name ("Southern Europe" written so is the region's name).
                if len > 1
                    && self.toks[i].lower()
                    && QUALIFIERS.contains(&self.toks[i].norm.as_ref())
                {
                    i += 1;
                    continue;
                }
                // "Hong Kong Island": a longer place name with its own head.
                if len > 1 && !headline && self.place_head_follows(i + len - 1, r.end, &entries) {
                    i += len;
                    continue;
                }
                let label = self
                    .kb
                    .entry(entries[0] as usize)
                    .map_or(Label::Misc, |e| e.label);
                // "the Atlantic Council": a longer name after "the" wins over
                // "the Atlantic".
                if self.toks[i].norm == "the" && len > 1 {
                    let toks = &self.toks[..r.end];
                    let after = self.kb.longest(toks, i + 1, &|_| true).map_or(0, |m| m.len);
                    if after >= len {
                        i += 1;
                        continue;
                    }
                }
                // A title opening a person's name stays outside the mention,
                // as it does for rule-found names: "Pope [Francis]", "Queen
                // [Elizabeth II]" (the canonical name keeps it).
                if label == Label::Person
                    && span.len() > 1
                    && self
                        .lex
                        .titles
                        .contains(self.toks[span.start].norm.as_ref())
                {
                    span.start += 1;
                }
                // A leading "the" is part of the name only in names like "The Washington Post".
                if self.toks[i].norm == "the" && len > 1 {
                    let keep = entries
                        .iter()
                        .filter_map(|&e| self.kb.entry(e as usize))
                        .any(|e| e.canonical.starts_with("The ") && self.toks[i].cap);
                    if !keep {
                        span.start += 1;
                    }
                }
                self.push(span, label, entries, Source::Kb);
                i += len;
            } else {
                i += 1;
            }
        }
    }

    /// A known organisation named by generic words ("Security Service",
    /// "Foreign Ministry") right after capitalized words that are no mention
    /// is part of a longer, different name: "Estonian Internal Security
    /// Service" is not MI5. The words join it, and the entry is dropped.
    fn widen_generic_orgs(&mut self) {
        for mi in 0..self.mentions.len() {
            let m = &self.mentions[mi];
            if m.source != Source::Kb || m.label != Label::Org || m.toks.start == 0 {
                continue;
            }
            let generic = self.toks[m.toks.clone()].iter().all(|t| {
                !t.is_word()
                    || self.lex.common.contains(t.norm.as_ref())
                    || self.lex.org_heads.contains(t.norm.as_ref())
                    || self.lex.is_org_suffix(t.norm.as_ref())
            });
            if !generic {
                continue;
            }
            let mut s = m.toks.start;
            while s > 0 {
                let t = &self.toks[s - 1];
                if self.taken[s - 1]
                    || !t.is_word()
                    || !t.cap
                    || t.upper
                    || t.sent_start
                    || self.lex.titles.contains(t.norm.as_ref())
                    || self.lex.first_names.contains(t.norm.as_ref())
                    || t.span.end + 1 != self.toks[s].span.start
                {
                    break;
                }
                s -= 1;
            }
            if s < m.toks.start {
                self.grow_left(mi, s);
            }
        }
    }

    /// "South" + "Australia", "Lower" + "Austria", "East" + "Africa": a
    /// capitalized direction or qualifier before a known place makes a
    /// different place, named by the whole phrase.
    fn compass_places(&mut self) {
        for mi in 0..self.mentions.len() {
            let m = &self.mentions[mi];
            let start = m.toks.start;
            if m.source != Source::Kb
                || !matches!(m.label, Label::Gpe | Label::Loc)
                || start == 0
                || self.taken[start - 1]
            {
                continue;
            }
            let q = &self.toks[start - 1];
            let adjacent = self.same_sentence(start - 1, start)
                && q.cap
                && !q.upper
                && q.span.end + 1 == self.toks[start].span.start;
            if adjacent && QUALIFIERS.contains(&q.norm.as_ref()) {
                self.grow_left(mi, start - 1);
            } else if adjacent && m.label == Label::Gpe && GEO_PREFIXES.contains(&q.norm.as_ref()) {
                // "Mount Kenya", "Lake Victoria": a mountain or a lake.
                self.grow_left(mi, start - 1);
                self.mentions[mi].label = Label::Loc;
            }
        }
    }

    /// One-word aliases of entries with context cues ("Graham", "Apple")
    /// stand only when a cue or the full name is in the document; otherwise
    /// the words go back to the rules.
    fn vet_kb(&mut self) {
        let mut full_named: HashSet<u32> = HashSet::default();
        for m in &self.mentions {
            if self.norms(m.toks.clone()).len() > 1 {
                full_named.extend(m.cands.iter().copied());
            }
        }
        let mut drop = Vec::new();
        for mi in 0..self.mentions.len() {
            let m = self.mentions[mi].clone();
            if self.norms(m.toks.clone()).len() != 1
                || m.cands.iter().any(|c| full_named.contains(c))
            {
                continue;
            }
            let mut keep = Vec::new();
            for &c in &m.cands {
                let cues = self
                    .kb
                    .entry(c as usize)
                    .map(|e| e.cues.clone())
                    .unwrap_or_default();
                if cues.is_empty() || cues.iter().any(|q| self.doc_has(q)) {
                    keep.push(c);
                }
            }
            if keep.is_empty() {
                drop.push(mi);
            } else if m.cands.len() == 1 {
                self.mentions[mi].cands = keep;
            }
        }
        for &mi in drop.iter().rev() {
            let m = self.mentions.remove(mi);
            for k in m.toks {
                self.taken[k] = false;
            }
        }
    }

    /// A first name other than the known person's before a known surname
    /// names someone else: "Johnny Carson" is not Ben Carson, "Thomas
    /// Lincoln" not Abraham Lincoln. The two words become one new person.
    fn other_first_names(&mut self) {
        for mi in 0..self.mentions.len() {
            let m = &self.mentions[mi];
            if m.source != Source::Kb || m.label != Label::Person || m.toks.len() != 1 {
                continue;
            }
            let k = m.toks.start;
            if k == 0 || self.taken[k - 1] || !self.same_sentence(k - 1, k) {
                continue;
            }
            let first = &self.toks[k - 1];
            let n: &str = &first.norm;
            if !(first.cap && first.is_word() && self.lex.first_names.contains(n)) {
                continue;
            }
            let same_first = m.cands.iter().any(|&c| {
                self.kb.entry(c as usize).is_some_and(|e| {
                    std::iter::once(&e.canonical).chain(&e.aliases).any(|a| {
                        a.split_whitespace()
                            .next()
                            .is_some_and(|w| w.eq_ignore_ascii_case(n))
                    })
                })
            });
            if same_first {
                continue;
            }
            let m = &mut self.mentions[mi];
            m.toks.start = k - 1;
            m.cands.clear();
            m.source = Source::Rule;
            self.taken[k - 1] = true;
        }
    }

    /// Names in one list ("Orgy, Velvet Revolver and Linkin Park", "Athenians,
    /// Spartans and Achaeans") are of one kind: where the knowledge base or a
    /// rule labelled some items alike, the model's guesses for the others
    /// take that label. Expects mentions sorted by position.
    fn list_labels(&mut self) {
        let mut i = 0;
        while i < self.mentions.len() {
            // Grow a run of mentions joined by ",", "and", "or", ", and".
            let mut j = i + 1;
            while j < self.mentions.len() {
                let (a, b) = (&self.mentions[j - 1], &self.mentions[j]);
                let gap = a.toks.end..b.toks.start;
                let joined = !gap.is_empty()
                    && gap.len() <= 2
                    && gap
                        .clone()
                        .all(|k| matches!(self.toks[k].norm.as_ref(), "," | "and" | "or"))
                    && self.same_sentence(a.toks.start, b.toks.start);
                if !joined {
                    break;
                }
                j += 1;
            }
            if j - i >= 3 {
                let evidence: Vec<Label> = self.mentions[i..j]
                    .iter()
                    .filter(|m| m.source != Source::Model)
                    .map(|m| m.label)
                    .collect();
                if let Some(&l) = evidence.first()
                    && evidence.iter().all(|&x| x == l)
                    && matches!(l, Label::Org | Label::Norp | Label::Person | Label::Gpe)
                {
                    for m in &mut self.mentions[i..j] {
                        if m.source == Source::Model {
                            m.label = l;
                        }
                    }
                }
            }
            i = j;
        }
    }

    /// "Max Carey, Kiki Cuyler, Rabbit Maranville, and Pie Traynor": two
    /// or three capitalized words between people in a list, or after the
    /// last one, are a person too, even when they are ordinary words
    /// ("Rabbit", "Pie") that no rule takes for a name. Expects mentions
    /// sorted.
    fn list_people(&mut self) {
        let is_sep = |t: &Tok<'_>| matches!(t.norm.as_ref(), "," | "and");
        let person_at: HashSet<usize> = self
            .mentions
            .iter()
            .filter(|m| m.label == Label::Person)
            .map(|m| m.toks.start)
            .collect();
        let mut add: Vec<Range<usize>> = Vec::new();
        for mi in 1..self.mentions.len() {
            let (p, a) = (&self.mentions[mi - 1], &self.mentions[mi]);
            // A list of people: two already, joined by a comma or "and".
            if a.label != Label::Person
                || p.label != Label::Person
                || p.toks.end >= a.toks.start
                || a.toks.start - p.toks.end > 2
                || !(p.toks.end..a.toks.start).all(|k| is_sep(&self.toks[k]))
                || !self.same_sentence(p.toks.start, a.toks.start)
            {
                continue;
            }
            let mut k = a.toks.end;
            loop {
                let sep_start = k;
                while k < self.toks.len() && is_sep(&self.toks[k]) && k - sep_start < 2 {
                    k += 1;
                }
                if k == sep_start
                    || k >= self.toks.len()
                    || person_at.contains(&k)
                    || !self.same_sentence(a.toks.start, k)
                {
                    break;
                }
                let start = k;
                while k < self.toks.len()
                    && k - start < 3
                    && self.toks[k].is_word()
                    && self.toks[k].cap
                    && !self.toks[k].upper
                    && !self.taken[k]
                {
                    k += 1;
                }
                let end = k;
                let closes = self
                    .toks
                    .get(end)
                    .is_none_or(|t| matches!(t.text, "." | ";" | ")" | ":"));
                let continues = self.toks.get(end).is_some_and(&is_sep);
                // "Weather Report", "Hall of Fame": ordinary or head words
                // end no person's name.
                let plain = (start..end).all(|x| {
                    let n = self.toks[x].norm.as_ref();
                    !self.lex.titles.contains(n) && self.head_kind(n).is_none()
                }) && end > start
                    && !self.lex.common.contains(self.toks[end - 1].norm.as_ref());
                if end - start < 2 || !(closes || continues) || !plain {
                    break;
                }
                add.push(start..end);
                if closes {
                    break;
                }
            }
        }
        for r in add {
            if self.free(r.clone()) {
                self.push(r, Label::Person, Vec::new(), Source::Rule);
            }
        }
    }

    /// "Aisby … known as Asebi in the Domesday Book", "can be spelt as
    /// Azeby": another name for something named before it in the sentence
    /// by the knowledge base or the rules is the same kind of thing. The
    /// model's guess for the alias gives way. Expects mentions sorted.
    fn aliases(&mut self) {
        for mi in 1..self.mentions.len() {
            let m = &self.mentions[mi];
            if m.source != Source::Model || m.toks.start < 2 {
                continue;
            }
            let (a, b) = (
                self.toks[m.toks.start - 2].norm.as_ref(),
                self.toks[m.toks.start - 1].norm.as_ref(),
            );
            let alias = matches!(
                (a, b),
                ("known" | "spelt" | "spelled" | "written" | "renamed", "as")
                    | ("also" | "formerly", "called" | "named")
            );
            if !alias {
                continue;
            }
            let start = m.toks.start;
            let named = self.mentions[..mi].iter().rev().find(|p| {
                self.same_sentence(p.toks.start, start)
                    && matches!(p.source, Source::Kb | Source::Rule)
                    && matches!(
                        p.label,
                        Label::Gpe | Label::Loc | Label::Org | Label::Person | Label::Fac
                    )
            });
            if let Some(l) = named.map(|p| p.label) {
                self.mentions[mi].label = l;
            }
        }
    }

    /// "Hurricane Rita", "Typhoon Haiyan", "Tropical Storm Allison": a named
    /// storm is an event, and so is its name alone elsewhere in the document
    /// ("Rita packed winds of 240 km/h"), which the model reads as a person.
    fn storm_names(&mut self) {
        let mut names: HashSet<String> = HashSet::default();
        let mut k = 0;
        while k + 1 < self.toks.len() {
            let t = &self.toks[k];
            let n = &self.toks[k + 1];
            let storm = t.cap
                && matches!(
                    t.norm.as_ref(),
                    "hurricane" | "typhoon" | "cyclone" | "storm"
                )
                && n.is_word()
                && n.cap
                && !n.upper
                && self.same_sentence(k, k + 1)
                && !self.lex.common.contains(n.norm.as_ref());
            if !storm {
                k += 1;
                continue;
            }
            let name = n.norm.to_string();
            let r = k..k + 2;
            // Mentions in the way must lie inside the storm's name.
            if self.mentions.iter().any(|m| {
                m.toks.start < r.end
                    && m.toks.end > r.start
                    && (m.toks.start < r.start || m.toks.end > r.end)
            }) {
                k += 1;
                continue;
            }
            self.claim(r, Label::Event);
            names.insert(name);
            k += 2;
        }
        if names.is_empty() {
            return;
        }
        for m in &mut self.mentions {
            if m.toks.len() == 1
                && m.label == Label::Person
                && names.contains(self.toks[m.toks.start].norm.as_ref())
            {
                m.label = Label::Event;
                m.source = Source::Rule;
            }
        }
    }

    /// "Martin Luther King, Jr.", "Cal Ripken Sr.": a generational suffix
    /// belongs to the name before it. Expects mentions sorted by position.
    fn name_suffixes(&mut self) {
        let is_suffix = |t: &Tok<'_>| matches!(t.norm.as_ref(), "jr." | "jr" | "sr." | "sr");
        let mut absorbed: Vec<usize> = Vec::new();
        for mi in 0..self.mentions.len() {
            if self.mentions[mi].label != Label::Person {
                continue;
            }
            let e = self.mentions[mi].toks.end;
            let tok = |k: usize| self.toks.get(k);
            // An epithet: "Lucas Cranach the Elder", "Louis the German".
            let epithet = tok(e).is_some_and(|t| t.text == "the")
                && tok(e + 1).is_some_and(|t| t.cap && EPITHETS.contains(&t.norm.as_ref()));
            // A suffix, after a comma or not: "King, Jr.", "Ripken Sr.".
            let k = if tok(e).is_some_and(|t| t.text == ",") {
                e + 1
            } else {
                e
            };
            let suffix = tok(k).is_some_and(|t| t.cap && is_suffix(t));
            let end = if epithet {
                e + 2
            } else if suffix {
                k + 1
            } else {
                continue;
            };
            if !self.same_sentence(e - 1, end - 1) {
                continue;
            }
            // The epithet or suffix may have been tagged on its own.
            absorbed.extend(
                self.mentions
                    .iter()
                    .position(|m| m.toks.start >= e && m.toks.end <= end),
            );
            self.take(e..end);
            self.mentions[mi].toks.end = end;
        }
        absorbed.sort_unstable();
        absorbed.dedup();
        for j in absorbed.into_iter().rev() {
            self.mentions.remove(j);
        }
    }

    fn temporal_inside(&self, r: Range<usize>) -> bool {
        let s = Span::new(self.toks[r.start].span.start, self.toks[r.end - 1].span.end);
        self.temporal
            .iter()
            .filter(|f| f.span.overlaps(s))
            .all(|f| s.contains(f.span))
    }

    /// "the us election": a lowercased country acronym after "the".
    fn lowercase_acronym(&self, i: usize, end: usize) -> Option<KbMatch> {
        let t = &self.toks[i];
        if t.norm != "us" || !t.lower() || i == 0 || self.toks[i - 1].norm != "the" {
            return None;
        }
        if i + 1 >= end || !self.toks[i + 1].is_word() {
            return None;
        }
        let e = self.kb.lookup("United States");
        let id = self
            .kb
            .entries()
            .iter()
            .position(|x| Some(x) == e.first().copied())?;
        Some(KbMatch {
            len: 1,
            entries: vec![id as u32],
        })
    }

    /// A known country, region or city written in lowercase after a
    /// preposition of place ("from mexico to san francisco", "in kerala"),
    /// as web text and bad translations write them. Words that news writes
    /// in lowercase as often as not ("turkey", "chad") need their capital.
    fn lowercase_place(&self, i: usize, r: Range<usize>) -> Option<KbMatch> {
        let t = &self.toks[i];
        if i == r.start || !t.lower() || !t.is_word() {
            return None;
        }
        // "san francisco california", "vietnam and Afghanistan": right
        // after a place, or joined to one by "and"/"or".
        let place_ends_at = |k: usize| {
            self.mentions
                .iter()
                .rev()
                .take(3)
                .any(|m| m.toks.end == k && matches!(m.label, Label::Gpe | Label::Loc))
        };
        let prev = self.toks[i - 1].norm.as_ref();
        let after_place = place_ends_at(i)
            || (matches!(prev, "and" | "or") && i >= r.start + 2 && place_ends_at(i - 1));
        let placed = after_place
            || matches!(
                prev,
                "in" | "from" | "to" | "near" | "into" | "visit" | "visiting" | "across"
            );
        // Otherwise only where "and"/"or" follows closely (a lookup per
        // lowercase word would cost more than the rest of the pass).
        if !placed
            && !(i + 1..(i + 4).min(r.end))
                .any(|k| matches!(self.toks[k].norm.as_ref(), "and" | "or"))
        {
            return None;
        }
        let m = self.kb.longest_lowercase(&self.toks[..r.end], i)?;
        if !placed {
            let j = i + m.len;
            let before_place = j + 1 < r.end
                && matches!(self.toks[j].norm.as_ref(), "and" | "or")
                && self.toks[j + 1].cap
                && self
                    .kb
                    .longest(&self.toks[..r.end], j + 1, &|_| true)
                    .is_some_and(|n| self.entries_are(&n.entries, |l| l == Label::Gpe));
            if !before_place {
                return None;
            }
        }
        let places = self.entries_are(&m.entries, |l| l == Label::Gpe);
        let names =
            (i..i + m.len).all(|k| matches!(crate::model::case_bucket(&self.toks[k].norm), 6 | 7));
        (places && names).then_some(m)
    }

    /// Whether every knowledge-base entry in `entries` has a label `ok` accepts.
    fn entries_are(&self, entries: &[u32], ok: impl Fn(Label) -> bool) -> bool {
        entries
            .iter()
            .filter_map(|&e| self.kb.entry(e as usize))
            .all(|e| ok(e.label))
    }

    /// The capitalized word right after token `k` (before `end`), one space
    /// after it: a word that may make a longer name of the one ending at `k`.
    fn next_cap_word(&self, k: usize, end: usize) -> Option<&Tok<'a>> {
        let n = self.toks.get(k + 1).filter(|_| k + 1 < end)?;
        (n.is_word() && n.cap && !n.upper && n.span.start == self.toks[k].span.end + 1).then_some(n)
    }

    /// Whether the capitalized word after token `k` heads a name of a kind
    /// `ok` accepts ("Park" a place, "Council" an organisation).
    fn head_next(&self, k: usize, end: usize, ok: impl Fn(Label) -> bool) -> bool {
        self.next_cap_word(k, end)
            .and_then(|n| self.head_kind(&n.norm))
            .is_some_and(ok)
    }

    /// Whether the word after token `k` heads a place or facility name
    /// ("Park", "Airport", "Island").
    fn place_head_next(&self, k: usize, end: usize) -> bool {
        self.head_next(k, end, |l| {
            matches!(l, Label::Gpe | Label::Loc | Label::Fac)
        })
    }

    /// "Lincoln Park", "Kennedy Airport", "Washington Square": a known
    /// person's name before a place or facility head names the place.
    fn named_after_person(&self, i: usize, end: usize, entries: &[u32]) -> bool {
        self.entries_are(entries, |l| l == Label::Person) && self.place_head_next(i, end)
    }

    fn org_head_follows(&self, i: usize, end: usize) -> bool {
        self.head_next(i, end, |l| {
            matches!(l, Label::Org | Label::Event | Label::Misc)
        })
    }

    fn place_prefix(&self, i: usize, end: usize, entries: &[u32]) -> bool {
        if !self.entries_are(entries, |l| matches!(l, Label::Gpe | Label::Loc)) {
            return false;
        }
        let Some(n) = self.next_cap_word(i, end) else {
            return false;
        };
        // "City", "Hospital": a head that makes a new name of the place.
        let kind = self.head_kind(&n.norm);
        let head = matches!(kind, Some(Label::Gpe | Label::Loc | Label::Fac));
        // "Dallas" + "Morning News": capitalized words ending in an
        // organisation head make a newspaper or company of the place.
        let org_name = self.org_suffix_ahead(i + 1, end);
        (head || org_name || !self.lex.common.contains(n.norm.as_ref()))
            && !self.lex.titles.contains(n.norm.as_ref())
            && (kind != Some(Label::Org) || org_name)
            && self
                .kb
                .longest(&self.toks[..end], i + 1, &|_| true)
                .is_none()
    }

    /// Whether the place matched up to token `last` is followed by a
    /// capitalized place or facility head that makes a longer name ("Hong
    /// Kong" + "Island", "Kuala Lumpur" + "Tower").
    fn place_head_follows(&self, last: usize, end: usize, entries: &[u32]) -> bool {
        self.entries_are(entries, |l| matches!(l, Label::Gpe | Label::Loc))
            && self.place_head_next(last, end)
            && self
                .kb
                .longest(&self.toks[..end], last + 1, &|_| true)
                .is_none()
    }

    fn person_override(&self, i: usize, end: usize, entries: &[u32]) -> bool {
        let t = &self.toks[i];
        if !self.lex.first_names.contains(t.norm.as_ref()) {
            return false;
        }
        let placey = self.entries_are(entries, |l| {
            matches!(l, Label::Gpe | Label::Loc | Label::Norp)
        });
        if !placey || i + 1 >= end {
            return false;
        }
        let n = &self.toks[i + 1];
        n.is_word()
            && n.cap
            && !n.upper
            && !self.lex.common.contains(n.norm.as_ref())
            && !self.taken[i + 1]
            && {
                let toks = &self.toks[..end];
                self.kb.longest(toks, i + 1, &|_| true).is_none()
            }
    }

    // ---------- rules for unknown names ----------

    fn is_cap_word(&self, k: usize) -> bool {
        let t = &self.toks[k];
        t.is_word() && (t.cap || t.upper) && !self.taken[k]
    }

    fn rule_pass(&mut self, r: Range<usize>) {
        let mut i = r.start;
        while i < r.end {
            if self.taken[i] || !self.toks[i].is_word() {
                i += 1;
                continue;
            }
            // "… Attorney I Have Ever Met": the pronoun opens no name.
            if !self.is_cap_word(i) || self.pronoun_i(i) {
                i += 1;
                continue;
            }
            let run = self.run_at(i, r.end);
            let next = run.end.max(i + 1);
            self.classify(run, r.clone());
            i = next;
        }
    }

    /// Where the words `s..e` end as a name: after the last
    /// capitalized word or number ("police", "area" or a bracket end none).
    fn name_end(&self, s: usize, e: usize) -> usize {
        let mut e = e;
        while e > s
            && !(self.toks[e - 1].cap
                || self.toks[e - 1].upper
                || self.toks[e - 1].kind == TokenKind::Number)
        {
            e -= 1;
        }
        e
    }

    /// "County Coroner William McLaughlin", "Queenslander Mitchell
    /// Rawlins": where a given name follows words that describe a person
    /// of three or more words, with no particle or connector among them.
    fn given_name_after_descriptor(&self, r: Range<usize>) -> Option<usize> {
        let first_name = |k: usize| self.lex.first_names.contains(self.toks[k].norm.as_ref());
        if r.len() < 3 || first_name(r.start) {
            return None;
        }
        let k = (r.start + 1..r.end - 1).find(|&k| first_name(k))?;
        (r.start..k)
            .all(|x| !is_particle(&self.toks[x].norm) && !is_connector(&self.toks[x].norm))
            .then_some(k)
    }

    /// Whether token `k` is the pronoun "I", by the verb after it ("I
    /// am", "I think", "I'm").
    fn pronoun_i(&self, k: usize) -> bool {
        self.toks[k].text == "I"
            && self.toks.get(k + 1).is_some_and(|t| {
                matches!(
                    t.norm.as_ref(),
                    "am" | "'m"
                        | "have"
                        | "'ve"
                        | "'d"
                        | "'ll"
                        | "think"
                        | "do"
                        | "did"
                        | "would"
                        | "will"
                        | "can"
                        | "could"
                        | "believe"
                        | "want"
                        | "know"
                        | "feel"
                        | "hope"
                        | "guess"
                        | "mean"
                        | "said"
                        | "say"
                        | "remember"
                )
            })
    }

    /// The maximal run of capitalized words (with name particles and
    /// organisation connectors) starting at `i`.
    fn run_at(&self, i: usize, end: usize) -> Range<usize> {
        let head = self.toks[i].norm.as_ref();
        let org_head = self.lex.org_heads.contains(head) || self.lex.titles.contains(head);
        let mut j = i + 1;
        while j < end {
            // "Michael Siegel I am a professor": the pronoun, not a regnal
            // number ("Charles I was" keeps its number).
            if self.pronoun_i(j) {
                break;
            }
            // "Seminole County Sheriff Don Eslinger": a title, or a role
            // before a given name, after a place or organisation head
            // opens a person's name.
            if j >= i + 2
                && !self.lex.titles.contains(head)
                && self.is_cap_word(j)
                && self.head_kind(&self.toks[j - 1].norm).is_some()
                && j + 1 < end
                && self.is_cap_word(j + 1)
                && (self.lex.titles.contains(self.toks[j].norm.as_ref())
                    || (self
                        .lex
                        .first_names
                        .contains(self.toks[j + 1].norm.as_ref())
                        && !self.lex.first_names.contains(self.toks[j].norm.as_ref())))
            {
                break;
            }
            if self.is_cap_word(j) {
                j += 1;
                continue;
            }
            let t = &self.toks[j];
            // Initials "J." and hyphenated names.
            if (t.text == "." && self.toks[j - 1].text.chars().count() == 1)
                || (t.text == "-"
                    && t.span.start == self.toks[j - 1].span.end
                    && j + 1 < end
                    && self.toks[j + 1].span.start == t.span.end
                    && self.is_cap_word(j + 1))
            {
                j += 1;
                continue;
            }
            // Connectors: "Ministry of Defense", "Bank of England", "Ludwig van Beethoven".
            let mut k = j;
            while k < end
                && !self.taken[k]
                && (is_connector(&self.toks[k].norm) || is_particle(&self.toks[k].norm))
                && (self.toks[k].lower() || self.toks[k].text == "&")
            {
                k += 1;
            }
            if k > j && k < end && k - j <= 2 && self.is_cap_word(k) {
                let particle = (j..k).all(|x| is_particle(&self.toks[x].norm));
                // "Australian League of Rights": the word before "of" heads it.
                let before = self.toks[j - 1].norm.as_ref();
                let head_before = self.lex.org_heads.contains(before)
                    || self.lex.event_suffixes.contains(before)
                    || self.lex.misc_suffixes.contains(before);
                // "American Medical Association and the American College of
                // …": a complete organisation name before "and" is one of two.
                let and = (j..k).any(|x| matches!(self.toks[x].norm.as_ref(), "and" | "&"));
                // "the Pump House and the Paxton First Schoolhouse": "and
                // the" before two or more capitalized words, or after a name
                // head, opens a second name ("Bela Fleck and the Flecktones"
                // is one), as the model's spans are split (`and_split`).
                let the_name = and
                    && self.toks[k - 1].norm == "the"
                    && (self.head_kind(before).is_some()
                        || (k + 1 < end && self.is_cap_word(k + 1)));
                let two_orgs = and
                    && (self.lex.is_org_suffix(before)
                        || self.lex.event_suffixes.contains(before)
                        || the_name);
                // "Sue Black of the University": a person's full name before
                // "of" is not part of what follows ("Isabella of France" is).
                let person_of =
                    j - i >= 2 && self.lex.first_names.contains(head) && self.toks[j].norm == "of";
                // "a Senior Staff Attorney of the Electronic Frontier
                // Foundation", "Member of the Legislative Assembly": a role
                // before "of the" is not part of the organisation's name.
                let role_of = self.toks[j].norm == "of"
                    && self.toks[k - 1].norm == "the"
                    && (self.lex.titles.contains(before) || matches!(before, "member" | "fellow"))
                    && !self.lex.first_names.contains(head)
                    // "Chief of the General Staff" is one title.
                    && !self.lex.titles.contains(self.toks[k].norm.as_ref());
                // "Dr Christian Keysers and Dr Valeria Gazzola": a title after
                // "and" opens a second name.
                let second_name = and && self.lex.titles.contains(self.toks[k].norm.as_ref());
                // "Brigade of Couch's Division": a possessive opens the
                // next name; "Division of the IV Corps of the Army": a
                // unit of a larger unit is a name of its own.
                let possessive = self.toks.get(k + 1).is_some_and(|t| t.norm == "'s")
                    && k + 2 < end
                    && self.is_cap_word(k + 2);
                let unit = |n: &str| {
                    matches!(
                        n,
                        "brigade"
                            | "division"
                            | "corps"
                            | "regiment"
                            | "battalion"
                            | "army"
                            | "fleet"
                            | "squadron"
                            | "wing"
                            | "company"
                    )
                };
                let mut next_end = k;
                while next_end < end && self.is_cap_word(next_end) {
                    next_end += 1;
                }
                let units = unit(before) && unit(&self.toks[next_end - 1].norm);
                if two_orgs || person_of || role_of || second_name || possessive || units {
                    break;
                }
                // "Procter & Gamble", "Le Loft & Dunes": an ampersand
                // between capitalized words joins one name, not between two
                // people ("David Christison & Lee Tate").
                let ampersand = self.toks[j].text == "&"
                    && j - i <= 2
                    && !self.lex.first_names.contains(head)
                    && !self.lex.first_names.contains(self.toks[k].norm.as_ref());
                // "American College of Obstetricians and Gynecologists",
                // "Department of Natural Resources and Mines": inside an
                // organisation's "of" phrase, two plural common nouns
                // joined by "and".
                let of_pair = and
                    && k == j + 1
                    && (i..j).any(|x| self.toks[x].norm == "of")
                    && (self.lex.org_heads.contains(head)
                        || (i..j).any(|x| {
                            self.toks[x].norm == "of"
                                && x > i
                                && self.lex.is_org_suffix(&self.toks[x - 1].norm)
                        }))
                    && before.ends_with('s')
                    && self.toks[k].norm.ends_with('s')
                    && matches!(crate::model::case_bucket(before), 0 | 2..=5)
                    && matches!(crate::model::case_bucket(&self.toks[k].norm), 0 | 2..=5)
                    && !(k + 1 < end && self.is_cap_word(k + 1));
                if org_head
                    || head_before
                    || particle
                    || ampersand
                    || of_pair
                    || self.org_suffix_ahead(k, end)
                {
                    j = k;
                    continue;
                }
            }
            break;
        }
        // A known first name followed by a lowercased surname that the
        // article writes capitalized elsewhere ("William evanina" beside
        // "Evanina said"): bad translation lower-cased the surname.
        if j == i + 1 && j < end && self.lowercased_surname(i, j) {
            j += 1;
        }
        // Trailing initial dot belongs to the name only when a word follows.
        while j > i + 1 && !self.toks[j - 1].is_word() {
            j -= 1;
        }
        i..j
    }

    /// Whether token `j` is a lowercased surname after the first name at `i`.
    fn lowercased_surname(&self, i: usize, j: usize) -> bool {
        let (first, next) = (&self.toks[i], &self.toks[j]);
        first.cap
            && !first.upper
            && self.lex.first_names.contains(first.norm.as_ref())
            && next.is_word()
            && next.lower()
            && !self.taken[j]
            && next.span.start > first.span.end
            && next.norm.chars().count() >= 3
            && self.capitalized.contains(next.norm.as_ref())
            && !self.lex.common.contains(next.norm.as_ref())
            && !self.lex.first_names.contains(next.norm.as_ref())
    }

    fn org_suffix_ahead(&self, k: usize, end: usize) -> bool {
        let mut j = k;
        while j < end && self.is_cap_word(j) {
            j += 1;
        }
        j > k && self.lex.is_org_suffix(self.toks[j - 1].norm.as_ref())
    }

    fn classify(&mut self, run: Range<usize>, sent: Range<usize>) {
        let lex = self.lex;
        let mut s = run.start;
        let e = run.end;
        let mut titled = false;
        // Titles before the run, possibly lowercased: "the press Secretary of the White house Sarah Sanders".
        if s > sent.start {
            let p = &self.toks[s - 1];
            if lex.titles.contains(p.norm.as_ref()) {
                titled = true;
            }
        }
        // Strip leading titles, "The" and sentence-initial common words.
        let org_like = lex.is_org_suffix(self.toks[e - 1].norm.as_ref()) && e - s >= 2;
        let mut title_phrase = false;
        while s < e {
            let t = &self.toks[s];
            let n = t.norm.as_ref();
            if lex.titles.contains(n)
                && !(lex.first_names.contains(n)
                    && s + 1 < e
                    && !lex.titles.contains(self.toks[s + 1].norm.as_ref()))
            {
                titled = true;
                s += 1;
            } else if n == "the"
                || (t.sent_start
                    && lex.common.contains(n)
                    && !lex.first_names.contains(n)
                    // "After the Post Office scandal": a common word before
                    // "the" opens no name, even an organisation's.
                    && (!org_like || self.toks.get(s + 1).is_some_and(|x| x.norm == "the")))
            {
                s += 1;
            } else if is_connector(n) || !t.is_word() {
                // "Minister of Finance", "Director of National Intelligence": part of a title.
                title_phrase |= titled && is_connector(n);
                s += 1;
            } else {
                break;
            }
        }
        if title_phrase {
            return;
        }
        // "County Coroner William McLaughlin", "Actor Jared Leto": a descriptor before a full name.
        if let Some(k) = self.given_name_after_descriptor(s..e) {
            s = k;
            titled = true;
        }
        // A title run that ends in "of": "Secretary of State" stays unnamed.
        if s >= e {
            return;
        }
        let mut e2 = e;
        while e2 > s && (is_connector(&self.toks[e2 - 1].norm) || !self.toks[e2 - 1].is_word()) {
            e2 -= 1;
        }
        let span = s..e2;
        let len = e2 - s;
        if len == 0 {
            return;
        }
        // "Chief Technological Officer of Red Hat": a role with a title word
        // before "of" describes someone; it is not a name.
        if titled
            && (s + 1..e2.saturating_sub(1)).any(|k| {
                lex.titles.contains(self.toks[k].norm.as_ref()) && self.toks[k + 1].norm == "of"
            })
        {
            return;
        }
        // "R&D", "Q&A": abbreviations written with an ampersand that name
        // nothing.
        if len == 3
            && self.toks[s + 1].text == "&"
            && AMPERSAND_WORDS.contains(
                &self.text[self.toks[s].span.start..self.toks[e2 - 1].span.end]
                    .to_lowercase()
                    .as_str(),
            )
        {
            return;
        }
        let first = self.toks[s].norm.to_string();
        let last = self.toks[e2 - 1].norm.to_string();
        let single = len == 1;
        let t0 = &self.toks[s];
        // Words capitalized only because they start a sentence need other evidence.
        let weak_start =
            t0.sent_start && single && !self.capitalized.contains(first.as_str()) && !t0.upper;
        let next_norm = self.toks.get(e2).map(|t| t.norm.as_ref()).unwrap_or("");
        let prev_norm = if s > sent.start {
            self.toks[s - 1].norm.as_ref()
        } else {
            ""
        };
        let speech = matches!(
            next_norm,
            "said"
                | "says"
                | "told"
                | "added"
                | "wrote"
                | "stated"
                | "explained"
                | "noted"
                | "argued"
                | "insisted"
        );
        let org = (lex.is_org_suffix(last.as_str()) && !single)
            || self.place_team(s..e2)
            // "PG&E", "Procter & Gamble": names joined by an ampersand.
            || (s + 1..e2.saturating_sub(1)).any(|k| self.toks[k].text == "&")
            || (lex.org_heads.contains(first.as_str())
                && (s..e2).any(|k| is_connector(&self.toks[k].norm)))
            // "Australian League of Rights": a head word before a connector.
            || (s..e2.saturating_sub(1)).any(|k| {
                lex.org_heads.contains(self.toks[k].norm.as_ref())
                    && self.toks[k].cap
                    && is_connector(&self.toks[k + 1].norm)
            });
        // "Second Battle of Bull Run", "Treaty of Versailles": an event or
        // other head before a connector.
        let of_head = (s..e2.saturating_sub(1))
            .find(|&k| self.toks[k].cap && is_connector(&self.toks[k + 1].norm))
            .and_then(|k| self.head_kind(&self.toks[k].norm))
            .filter(|l| matches!(l, Label::Event | Label::Misc));
        // One word that news nearly always writes in lowercase is a
        // capitalized noun ("Economy", "Science") unless a title names it.
        if single && !titled && !t0.upper && crate::model::case_bucket(&first) == 2 {
            return;
        }
        // "One MP told the BBC", "a KO in round two": an abbreviation that
        // is no organisation is no name either.
        if single && t0.upper && lex.not_acronyms.contains(first.trim_end_matches('.')) {
            return;
        }
        // "Lake Winnipesaukee", "River Mersey", "Kreis Flensburg": a
        // geographic word before the name.
        let geo_prefix = if len >= 2 && !titled && !self.toks[s].upper {
            match first.as_str() {
                f if GEO_PREFIXES.contains(&f) || f == "river" => Some(Label::Loc),
                // Not "upper"/"lower": "Lower House", "Upper Chamber".
                "kreis" | "landkreis" | "bezirk" | "north" | "south" | "east" | "west" => {
                    Some(Label::Gpe)
                }
                _ => None,
            }
        } else {
            None
        };
        // "P-38 Lightning", "F-4 Phantom II": a type designation and its
        // name are a product.
        let designation = len >= 2 && is_designation(self.toks[s].text);
        let label = if designation {
            Some(Label::Misc)
        } else if let Some(l) = of_head.filter(|_| !org) {
            Some(l)
        } else if org {
            Some(Label::Org)
        } else if let Some(head) = self.head_label(s..e2) {
            Some(head)
        } else if let Some(l) = geo_prefix {
            Some(l)
        } else if let Some(l) = self
            .kind_after(e2)
            .filter(|_| !titled && (s == 0 || self.toks[s - 1].text != "-"))
        {
            Some(l)
        } else if let Some(place) = self.place_cue(s..e2, sent.clone()).filter(|_| {
            !(titled || (lex.first_names.contains(first.as_str()) && len >= 2))
                || self.comma_place(e2, sent.end)
        }) {
            Some(place)
        } else if self.toks.get(e2).is_some_and(|t| t.text == ",")
            && self.toks.get(e2 + 1).is_some_and(|t| t.norm == "who")
            && e2 + 1 < sent.end
            && !lex.common.contains(first.as_str())
        {
            // "Gomery, who led the inquiry", even at the start of a sentence.
            Some(Label::Person)
        } else if let Some(cued) = self
            .context_cue(s..e2, sent.clone())
            .filter(|_| !(single && weak_start))
        {
            Some(cued)
        } else if let Some(cued) = self
            .people_or_language(s..e2)
            .filter(|_| !lex.common.contains(first.as_str()))
        {
            Some(cued)
        } else if let Some(cued) = self.predicate_cue(s..e2, sent.clone()).filter(|_| {
            !lex.common.contains(first.as_str())
                && !matches!(crate::model::case_bucket(&first), 2..=4)
        }) {
            Some(cued)
        } else if len >= 2
            && !lex.common.contains(first.as_str())
            && is_regnal(self.toks[e2 - 1].text)
            && self.toks[e2 - 2].cap
            && !self.toks[e2 - 2].upper
            && !matches!(crate::model::case_bucket(&self.toks[e2 - 2].norm), 2..=4)
        {
            // "Ramesses II", "Mojmír I": a name with a regnal number.
            Some(Label::Person)
        } else if len >= 3
            && !lex.common.contains(first.as_str())
            && (s + 1..e2 - 1).any(|k| {
                let t = &self.toks[k];
                t.lower()
                    && (matches!(t.norm.as_ref(), "von" | "van" | "zu" | "ter")
                        || (is_particle(&t.norm) && lex.first_names.contains(first.as_str())))
            })
        {
            // "Dorothea von Schlegel", "Pieter van Gelder", "Maria de
            // Sousa": given name, particle, family name (a place or an
            // organisation head was ruled out above).
            Some(Label::Person)
        } else if (titled && (!single || (!weak_start && !lex.common.contains(first.as_str()))))
            || (lex.first_names.contains(first.as_str()) && len >= 2)
        {
            Some(Label::Person)
        } else if single && lex.first_names.contains(first.as_str()) {
            // A first name alone is left to the model and to document-level
            // resolution, except where it opens a greeting or a sign-off
            // ("Ginny, please see …", "Thanks, Bill"): then it names a person.
            let opens = next_norm == "," && (t0.sent_start || prev_norm == ",");
            let closes = (e2 >= sent.end || !self.toks[e2].is_word())
                && matches!(
                    prev_norm,
                    "," | "thanks" | "from" | "regards" | "cheers" | "dear" | "hi" | "hello"
                );
            let greeting = opens || closes;
            (greeting && !lex.common.contains(first.as_str())).then_some(Label::Person)
        } else if single
            && t0.upper
            && t0.text.chars().count() <= 6
            && !lex.not_acronyms.contains(first.trim_end_matches('.'))
            // "THESE", "TRAVEL": a word written in capitals, not an acronym.
            && !matches!(crate::model::case_bucket(&first), 2 | 3)
        {
            Some(Label::Org)
        } else if weak_start {
            // A word no news text writes in lowercase, opening a sentence
            // as the subject of a verb, is a surname: "Dündar warned …",
            // "Lamarr accompanied …", "Kühn can only …".
            let bucket = crate::model::case_bucket(&first);
            // "X is a …" defines a thing; "Conservationists welcomed" is a
            // plural noun.
            let after = self.toks.get(e2 + 1).map_or("", |t| t.norm.as_ref());
            let plural_noun = first
                .strip_suffix('s')
                .is_some_and(|sg| matches!(crate::model::case_bucket(sg), 2..=4))
                || ["ists", "ians", "ites", "ants", "ents"]
                    .iter()
                    .any(|suf| first.ends_with(suf));
            let verb = speech
                || (matches!(next_norm, "is" | "was")
                    && !matches!(after, "a" | "an" | "the" | "not" | "one"))
                || matches!(
                    next_norm,
                    "has"
                        | "had"
                        | "can"
                        | "could"
                        | "will"
                        | "would"
                        | "did"
                        | "does"
                        | "also"
                        | "then"
                        | "later"
                        | "himself"
                        | "herself"
                )
                || (next_norm.len() > 4
                    && next_norm.ends_with("ed")
                    && self.toks.get(e2).is_some_and(|t| t.lower()));
            (verb
                && !plural_noun
                && matches!(bucket, 0 | 6 | 7)
                && !lex.common.contains(first.as_str())
                && t0.text.chars().any(|c| c.is_ascii_alphabetic()))
            .then_some(Label::Person)
        } else if speech && len <= 3 && !lex.common.contains(first.as_str()) {
            Some(Label::Person)
        } else if single
            && prev_norm == "in"
            && s >= 2
            && matches!(
                self.toks[s - 2].norm.as_ref(),
                "born" | "died" | "raised" | "located" | "situated" | "based" | "buried"
            )
        {
            // "born in Senlis", "located in Gazipur": a place.
            Some(Label::Gpe)
        } else if !self.with_model && LOC_PREPS.contains(&prev_norm) && single {
            // Without the model, one unknown word after "in", "from", … is
            // most often a place; with it, the model (which reads the same
            // cue among others) decides better.
            Some(Label::Gpe)
        } else if !self.with_model
            && (2..=3).contains(&len)
            && (s..e2).all(|k| !lex.common.contains(self.toks[k].norm.as_ref()))
        {
            // Without the model, two or three capitalized words with no other cue are
            // most often a person's name; with it, the model decides.
            Some(Label::Person)
        } else {
            // No cue: leave it to the model (and to document-level propagation).
            None
        };
        if let Some(label) = label {
            self.push(span, label, Vec::new(), Source::Rule);
        }
    }

    /// In headline-style lines, where capitals say little, a known given
    /// name before one or two capitalized words that news writes
    /// capitalized is still a person: "Coach : Lisa Gilette", "Alternates
    /// : Heather Johnson , Travis Hanson".
    fn headline_people(&mut self) {
        for si in 0..self.sents.len() {
            if !self.title_case[si] {
                continue;
            }
            let r = self.sents[si].clone();
            let mut k = r.start;
            while k + 1 < r.end {
                let name_word = |x: usize| {
                    x < r.end
                        && self.is_cap_word(x)
                        && !self.toks[x].upper
                        && !self.lex.common.contains(self.toks[x].norm.as_ref())
                        && !self.lex.titles.contains(self.toks[x].norm.as_ref())
                        && !matches!(crate::model::case_bucket(&self.toks[x].norm), 2..=4)
                        && self.kb.longest(&self.toks[..r.end], x, &|_| true).is_none()
                        && plain_word(self.toks[x].text)
                };
                let given = self.is_cap_word(k)
                    && !self.toks[k].upper
                    && self.lex.first_names.contains(self.toks[k].norm.as_ref());
                if !(given && name_word(k + 1)) {
                    k += 1;
                    continue;
                }
                let e = if name_word(k + 2) { k + 3 } else { k + 2 };
                self.push(k..e, Label::Person, Vec::new(), Source::Rule);
                k = e;
            }
        }
    }

    /// A title-cased phrase in quotation marks after a word for a work
    /// ("the single "Anarchy in Tokyo"", "the film "The Kill"") names that
    /// work, whatever names it contains.
    fn quoted_titles(&mut self) {
        const WORKS: &[&str] = &[
            "album",
            "anthem",
            "ballad",
            "book",
            "documentary",
            "entitled",
            "episode",
            "film",
            "hit",
            "movie",
            "musical",
            "novel",
            "opera",
            "painting",
            "play",
            "poem",
            "series",
            "show",
            "single",
            "song",
            "titled",
            "track",
            "video",
        ];
        let is_work = |n: &str| {
            WORKS.contains(&n) || n.strip_suffix('s').is_some_and(|sg| WORKS.contains(&sg))
        };
        // Titles found so far, by their words: a title named once after a
        // cue ("the single "From Yesterday"") is a title wherever the
        // article quotes it again, and it cues a list it stands in.
        let mut known: HashSet<Vec<String>> = HashSet::default();
        let mut works_named = false;
        for pass in 0..2 {
            // The second pass differs only through titles the first found.
            if pass == 1 && known.is_empty() {
                break;
            }
            works_named |= !known.is_empty();
            for si in 0..self.sents.len() {
                let r = self.sents[si].clone();
                if self.title_case[si] {
                    continue;
                }
                let mut q = r.start;
                // End of the last title found in this sentence: a list of titles
                // ("A Beautiful Lie", "The Fantasy" and "The Story") shares one cue.
                let mut last_title: Option<usize> = None;
                while q + 2 < r.end {
                    if !opens_quote(self.toks[q].text) {
                        q += 1;
                        continue;
                    }
                    let Some(c) =
                        (q + 2..r.end.min(q + 12)).find(|&k| closes_quote(self.toks[k].text))
                    else {
                        q += 1;
                        continue;
                    };
                    let inside = q + 1..c;
                    let key: Vec<String> = inside
                        .clone()
                        .map(|k| self.toks[k].text.to_string())
                        .collect();
                    let listed = last_title.is_some_and(|end| {
                        (end..q)
                            .all(|k| matches!(self.toks[k].norm.as_ref(), "," | "and" | "or" | "/"))
                            && q - end <= 2
                    });
                    // A work word or a known title is cue enough even for a
                    // title with a date word ("From Yesterday").
                    let strong = (pass == 1 && known.contains(&key))
                        || (q.saturating_sub(3).max(r.start)..q)
                            .any(|k| is_work(self.toks[k].norm.as_ref()));
                    // In an article that names works ("the single "From
                    // Yesterday""), other quoted title-case phrases are
                    // works too (""Fallen" was previously called "Jupiter"").
                    // Not a nickname inside a name (William "Buckshot" May),
                    // a name given as such (the name "Dorothea"), nor a
                    // given name alone.
                    let nickname = q > r.start
                        && self.toks[q - 1].is_word()
                        && (self.toks[q - 1].cap
                            || matches!(
                                self.toks[q - 1].norm.as_ref(),
                                "name" | "nickname" | "alias" | "pseudonym"
                            ));
                    let given = c == q + 2
                        && self
                            .lex
                            .first_names
                            .contains(self.toks[q + 1].norm.as_ref());
                    // Quoted speech ("she said "Tokyo is far"") is no
                    // title: no speech verb before it, and every word
                    // capitalized but the short function words.
                    let speech = (q.saturating_sub(2).max(r.start)..q).any(|k| {
                        matches!(
                            self.toks[k].norm.as_ref(),
                            "said"
                                | "says"
                                | "say"
                                | "told"
                                | "tell"
                                | "wrote"
                                | "asked"
                                | "replied"
                                | "shouted"
                                | "added"
                                | ":"
                        )
                    });
                    let strict = self.toks[inside.clone()].iter().all(|t| {
                        !t.is_word()
                            || t.cap
                            || t.upper
                            || matches!(
                                t.norm.as_ref(),
                                "a" | "an"
                                    | "the"
                                    | "of"
                                    | "in"
                                    | "on"
                                    | "to"
                                    | "for"
                                    | "and"
                                    | "or"
                                    | "at"
                                    | "by"
                                    | "with"
                                    | "from"
                            )
                    });
                    // A quoted sentence ("Hello, I'm Mario.") is speech.
                    let sentence_like = self.toks[inside.clone()]
                        .iter()
                        .any(|t| matches!(t.text, "," | "." | "!" | "?" | ";"))
                        || !self.toks[inside.start].is_word()
                        || !self.toks[inside.end - 1].is_word();
                    let cue = listed
                        || strong
                        || (pass == 1
                            && works_named
                            && strict
                            && !speech
                            && !sentence_like
                            && !nickname
                            && !given);
                    let words: Vec<&Tok<'_>> = self.toks[inside.clone()]
                        .iter()
                        .filter(|t| t.is_word())
                        .collect();
                    let titled = words.first().is_some_and(|t| t.cap || t.upper)
                        && words
                            .iter()
                            .filter(|t| t.text.chars().count() >= 4)
                            .all(|t| t.cap || t.upper);
                    let clear = strong || inside.clone().all(|k| !self.temporal_tok[k]);
                    let straddles = self.mentions.iter().any(|m| {
                        m.toks.start < inside.end
                            && m.toks.end > inside.start
                            && (m.toks.start < inside.start || m.toks.end > inside.end)
                    });
                    let done = self.mentions.iter().any(|m| {
                        m.toks == inside && m.label == Label::Misc && m.source == Source::Rule
                    });
                    if cue && titled && clear && !words.is_empty() && !straddles {
                        if !done {
                            self.claim_title(inside.clone());
                        }
                        known.insert(key);
                        last_title = Some(c + 1);
                    }
                    q = c + 1;
                }
            }
        }
        // The same title unquoted elsewhere in the article ("the next single
        // from A Beautiful Lie"): titles of two or more words, written the
        // same way, where nothing else was found.
        let titles: Vec<Vec<String>> = known
            .into_iter()
            .filter(|k| k.len() >= 2 && k[0].chars().next().is_some_and(char::is_alphanumeric))
            .collect();
        for title in &titles {
            self.each_occurrence(title, |d, here| {
                // Date words inside give way, as they did in the quoted title.
                let untagged = !d
                    .mentions
                    .iter()
                    .any(|m| m.toks.start < here.end && m.toks.end > here.start);
                let found = untagged
                    && !here.clone().all(|x| d.temporal_tok[x])
                    && d.same_sentence(here.start, here.end - 1)
                    && d.sentence_of(here.start)
                        .is_some_and(|si| !d.title_case[si]);
                if found {
                    d.claim_title(here);
                }
                found
            });
        }
    }

    /// Calls `claim` at each place, in order, where the tokens are written
    /// `words`; where it returns true (it claimed them) the search goes on
    /// after them.
    fn each_occurrence(
        &mut self,
        words: &[String],
        mut claim: impl FnMut(&mut Self, Range<usize>) -> bool,
    ) {
        let n = words.len();
        if n == 0 {
            return;
        }
        let mut k = 0;
        while k + n <= self.toks.len() {
            let here = k..k + n;
            if here.clone().zip(words).all(|(x, w)| self.toks[x].text == w) && claim(self, here) {
                k += n;
            } else {
                k += 1;
            }
        }
    }

    /// "Crazyhead are an English punk rock band from Leicester", "Ervenik
    /// (Serbian Cyrillic: Ервеник) is a village", "30 Seconds to Mars is an
    /// alternative rock band": a sentence that opens with a name and
    /// defines it with "is a …" says what the name is. The subject may hold
    /// short lowercase words ("to", "of", "the") and be followed by a
    /// bracket; the kind is the first head noun of the predicate
    /// ([`definition_kind`]). A knowledge-base match inside a longer
    /// subject ("Australian" in "Australian Melodrama is a compilation
    /// album") gives way; a knowledge-base match of the whole subject stays.
    fn definitions(&mut self) {
        let mut names: Vec<(Range<usize>, Label)> = Vec::new();
        for si in 0..self.sents.len() {
            if self.title_case[si] {
                continue;
            }
            let sent = self.sents[si].clone();
            let Some(Definition {
                subject,
                copula,
                bracket,
            }) = self.definition_subject(sent.clone())
            else {
                continue;
            };
            let Some(label) = self.definition_kind(copula, sent.end) else {
                continue;
            };
            // A person's title is not part of the name ("Mr. Villega is a
            // lawyer"); "Bishop Garrigan High School" keeps its first word.
            let mut subject = subject;
            if label == Label::Person {
                while subject.len() > 1
                    && (self
                        .lex
                        .titles
                        .contains(self.toks[subject.start].norm.as_ref())
                        || matches!(
                            self.toks[subject.start].norm.as_ref(),
                            "mr" | "mrs" | "ms" | "dr" | "mr." | "mrs." | "ms." | "dr." | "."
                        ))
                {
                    subject.start += 1;
                }
            }
            // The whole subject known already: the knowledge base decides.
            if self
                .mentions
                .iter()
                .any(|m| m.toks.start <= subject.start && m.toks.end >= subject.end)
            {
                continue;
            }
            // A place by its kind needs no more than the knowledge base
            // gives: a known place inside it is part of another name.
            if matches!(label, Label::Gpe | Label::Loc)
                && self
                    .mentions
                    .iter()
                    .any(|m| m.toks.start < subject.end && m.toks.end > subject.start)
            {
                continue;
            }
            // "30 Seconds to Mars (or Thirty Seconds to Mars) is a band":
            // another name in the bracket after "or", "also" or "formerly".
            let alias = bracket.and_then(|b| {
                let first = b.start;
                if !matches!(
                    self.toks.get(first).map(|t| t.norm.as_ref()),
                    Some("or" | "also" | "formerly")
                ) {
                    return None;
                }
                let a = first + 1..b.end;
                (!a.is_empty()
                    && self.toks[a.start].cap
                    && self.toks[a.end - 1].cap
                    && a.clone()
                        .all(|k| self.toks[k].is_word() || self.toks[k].kind == TokenKind::Number)
                    && self.free(a.clone()))
                .then_some(a)
            });
            self.defined.push(subject.start);
            names.push((subject.clone(), label));
            self.claim(subject, label);
            if let Some(a) = alias {
                names.push((a.clone(), label));
                self.push(a, label, Vec::new(), Source::Rule);
            }
        }
        // The same words elsewhere in the document name the same thing,
        // though the rules would cut them ("30 Seconds to Mars" holds a
        // lowercase word and a number).
        for (r, label) in names {
            if r.len() < 2 {
                continue;
            }
            let words: Vec<String> = r.clone().map(|k| self.toks[k].text.to_string()).collect();
            self.each_occurrence(&words, |d, m| {
                let bounded = (m.start == 0 || !d.is_cap_word(m.start - 1))
                    && d.toks.get(m.end).is_none_or(|t| !(t.is_word() && t.cap));
                // Only mentions inside the words give way.
                let inside = || {
                    d.mentions
                        .iter()
                        .filter(|x| x.toks.start < m.end && x.toks.end > m.start)
                        .all(|x| x.toks.start >= m.start && x.toks.end <= m.end && x.toks != m)
                };
                let found = m != r && bounded && inside();
                if found {
                    d.claim(m, label);
                }
                found
            });
        }
    }

    /// William "Cowboy" Cowley, Harold "Junior" Theriault: a given name
    /// (and middle names), a quoted nickname of one or two capitalized
    /// words and a surname are one person.
    fn nicknames(&mut self) {
        let mut found = Vec::new();
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            if !(self.is_cap_word(i) && self.lex.first_names.contains(self.toks[i].norm.as_ref())) {
                i += 1;
                continue;
            }
            // Given and middle names.
            let mut q = i + 1;
            while q < n && q - i < 3 && self.is_cap_word(q) {
                q += 1;
            }
            if q >= n || !opens_quote(self.toks[q].text) {
                i += 1;
                continue;
            }
            let mut c = q + 1;
            while c < n && c - q <= 2 && self.is_cap_word(c) {
                c += 1;
            }
            if c == q + 1 || c >= n || !closes_quote(self.toks[c].text) {
                i += 1;
                continue;
            }
            let mut e = c + 1;
            while e < n && e - c <= 2 && self.is_cap_word(e) {
                e += 1;
            }
            if e == c + 1
                || !self.same_sentence(i, e - 1)
                || self.lex.common.contains(self.toks[c + 1].norm.as_ref())
            {
                i += 1;
                continue;
            }
            found.push(i..e);
            i = e;
        }
        for r in found {
            self.push(r, Label::Person, Vec::new(), Source::Rule);
        }
    }

    /// The subject of a defining sentence and the index of its copula:
    /// capitalized words (with short lowercase connectors and numbers) from
    /// the sentence start, an optional bracket, then "is/are/was/were" and
    /// an article.
    fn definition_subject(&self, sent: Range<usize>) -> Option<Definition> {
        let norm = |k: usize| self.toks.get(k).map_or("", |t| t.norm.as_ref());
        let mut s = sent.start;
        // Opening quotes or brackets do not start a name.
        while s < sent.end && !self.toks[s].is_word() && self.toks[s].kind != TokenKind::Number {
            s += 1;
        }
        // "The Ayalon Cave is a cave": the article stays outside the name,
        // as at any sentence start.
        if s + 1 < sent.end && self.toks[s].norm == "the" && self.toks[s + 1].cap {
            s += 1;
        }
        let mut e = s;
        while e < sent.end && e - s < 8 {
            let t = &self.toks[e];
            let connector = t.lower() && e > s && SUBJECT_CONNECTORS.contains(&t.norm.as_ref());
            // "Digby --- Annapolis", "Al-Qaeda", "Yes!".
            let mark = e > s
                && (matches!(t.text, "!" | "&" | "'")
                    || (!t.text.is_empty()
                        && t.text.chars().all(|c| matches!(c, '-' | '–' | '—'))));
            let part = (t.is_word() && (t.cap || t.upper))
                || t.kind == TokenKind::Number
                || connector
                || mark;
            if !part {
                break;
            }
            e += 1;
        }
        // The subject ends in a capitalized word or a number.
        let e = self.name_end(s, e);
        if e <= s {
            return None;
        }
        // "It is a …", "This was a …", "The town is a …": a common word
        // opens no name; "A Storm to Come is the debut album" is one, with
        // two or more capitalized words after the article.
        let article_title = matches!(norm(s), "a" | "an")
            && e - s >= 3
            && self.toks[s + 1].cap
            && !self.lex.common.contains(norm(s + 1));
        if (self.lex.common.contains(norm(s)) && !article_title) || norm(s) == "the" {
            return None;
        }
        // A lone word is a name only if it is no ordinary word the news
        // writes in lowercase.
        if e - s == 1 && matches!(crate::model::case_bucket(norm(s)), 2..=4) {
            return None;
        }
        // An optional bracket ("( or Thirty Seconds to Mars )", "( born …
        // )") or comma ("883JIA FM, is a Chinese radio station").
        let mut c = e;
        let mut bracket = None;
        if norm(c) == "(" {
            let close = (c + 1..sent.end.min(c + 30)).find(|&k| norm(k) == ")")?;
            bracket = Some(c + 1..close);
            c = close + 1;
        } else if norm(c) == "," {
            c += 1;
        }
        if !matches!(norm(c), "is" | "are" | "was" | "were")
            || !matches!(norm(c + 1), "a" | "an" | "the")
        {
            return None;
        }
        Some(Definition {
            subject: s..e,
            copula: c,
            bracket,
        })
    }

    /// What the predicate after the copula at `c` says a name is: the
    /// first head noun within a few words ("is the tenth album", "are a
    /// four-piece electro / synthpop band", "is a series of remix
    /// compilation albums").
    fn definition_kind(&self, c: usize, end: usize) -> Option<Label> {
        let stop = (c + 12).min(end);
        let mut j = c + 2;
        while j < stop {
            let t = &self.toks[j];
            let n: &str = &t.norm;
            let prev = if j > c + 2 {
                self.toks[j - 1].norm.as_ref()
            } else {
                ""
            };
            // A kind is a common noun: "the San Francisco Bay Area's main
            // convention" is no bay.
            let n: &str = if t.lower() { n } else { "" };
            let label = match n {
                "band" | "group" | "duo" | "trio" | "quartet" | "orchestra" | "choir"
                | "ensemble" | "company" | "corporation" | "firm" | "manufacturer" | "maker"
                | "chain" | "retailer" | "brand" | "label" | "newspaper" | "magazine"
                | "network" | "broadcaster" | "team" | "club" | "party" | "organisation"
                | "organization" | "agency" | "airline" | "publisher" | "consultancy"
                | "university" | "college" | "school" | "charity" | "foundation" | "institute"
                | "association" | "society" | "union" | "bank" | "studio" | "developer"
                | "subsidiary" | "conglomerate" | "hospital" | "mall" | "store" => Some(Label::Org),
                "station" if matches!(prev, "radio" | "television" | "tv") => Some(Label::Org),
                "district" if prev == "school" => Some(Label::Org),
                "album" | "albums" | "single" | "song" | "ep" | "compilation" | "film"
                | "movie" | "novel" | "book" | "episode" | "series" | "game" | "games" | "play"
                | "opera" | "musical" | "poem" | "story" | "anthem" | "documentary" | "sitcom"
                | "soundtrack" | "painting" | "train" | "car" | "language" | "dialect" => {
                    Some(Label::Misc)
                }
                "convention" | "festival" | "tournament" | "championship" | "competition" => {
                    Some(Label::Event)
                }
                "minority" | "tribe" | "people" => Some(Label::Norp),
                "village" | "town" | "city" | "suburb" | "commune" | "municipality" | "hamlet"
                | "settlement" | "neighbourhood" | "neighborhood" | "county" | "province"
                | "region" | "district" | "constituency" | "riding" => Some(Label::Gpe),
                "river" | "lake" | "mountain" | "island" | "halt" | "station" | "peninsula"
                | "cave" | "valley" | "bay" | "beach" => Some(Label::Loc),
                "player" | "footballer" | "pitcher" | "singer" | "rapper" | "actor" | "actress"
                | "politician" | "musician" | "drummer" | "guitarist" | "percussionist"
                | "songwriter" | "writer" | "author" | "poet" | "painter" | "composer"
                | "journalist" | "businessman" | "businesswoman" | "lawyer" | "daughter"
                | "son" | "wife" | "husband" | "scientist" | "boxer" | "wrestler" | "athlete"
                | "cyclist" | "swimmer" | "artist" | "entrepreneur" | "philosopher"
                | "historian" | "architect" | "engineer" | "soldier" | "novelist"
                | "playwright" | "sculptor" | "photographer" | "economist" | "physicist"
                | "chemist" | "mathematician" | "inventor" | "explorer" | "missionary"
                | "revolutionary" | "dancer" | "comedian" => Some(Label::Person),
                _ => None,
            };
            if let Some(l) = label {
                // The head noun, not a modifier of another one: "a band
                // member", "a village school", "a film director".
                let next = self.toks.get(j + 1);
                let modifier = next.is_some_and(|x| {
                    x.is_word() && x.lower() && !NOUN_PHRASE_END.contains(&x.norm.as_ref())
                });
                if modifier {
                    j += 1;
                    continue;
                }
                return Some(l);
            }
            // Words of a noun phrase: adjectives, ordinals, nouns, "/" and
            // hyphens. A clause, another phrase or another noun phrase ("a
            // Jordanian, and his … group") ends the search.
            if !(t.is_word()
                || matches!(t.text, "/" | "-" | ",")
                || t.norm == "'s"
                || t.kind == TokenKind::Number)
                || matches!(
                    n,
                    "that"
                        | "which"
                        | "who"
                        | "in"
                        | "at"
                        | "for"
                        | "by"
                        | "and"
                        | "or"
                        | "but"
                        | "his"
                        | "her"
                        | "its"
                        | "their"
                        | "our"
                        | "my"
                        | "your"
                        | "the"
                        | "a"
                        | "an"
                        | "has"
                        | "had"
                        | "is"
                        | "was"
                )
            {
                return None;
            }
            if n == "of" && !matches!(prev, "series" | "one" | "collection" | "member" | "part") {
                return None;
            }
            j += 1;
        }
        None
    }

    /// Makes the tokens `r` one title (MISC): mentions and dates inside it
    /// give way.
    fn claim_title(&mut self, r: Range<usize>) {
        let span = Span::new(self.toks[r.start].span.start, self.toks[r.end - 1].span.end);
        self.temporal.retain(|f| !f.span.overlaps(span));
        self.claim(r, Label::Misc);
    }

    /// Makes the tokens `r` one mention with `label` found by a rule: the
    /// mentions that overlap it give way.
    fn claim(&mut self, r: Range<usize>, label: Label) {
        self.mentions
            .retain(|m| m.toks.end <= r.start || m.toks.start >= r.end);
        self.push(r, label, Vec::new(), Source::Rule);
    }

    /// Where the words before `end` spell `acronym` by their initials
    /// ("Amateur Hockey Association of Canada" before "(AHAC)"): the first
    /// token of that expansion. Lowercase connectors may be skipped or
    /// counted ("Department of Justice" spells DOJ and DJ).
    fn expansion_start(&self, end: usize, acronym: &str) -> Option<usize> {
        let letters: Vec<char> = acronym
            .chars()
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect();
        let lo = end.saturating_sub(3 * letters.len() + 2);
        let mut caps: Vec<char> = Vec::new();
        let mut all: Vec<char> = Vec::new();
        let mut k = end;
        while k > lo {
            let t = &self.toks[k - 1];
            if !t.is_word() || self.temporal_tok[k - 1] {
                return None;
            }
            let initial = t.text.chars().next()?.to_lowercase().next()?;
            all.insert(0, initial);
            if t.cap || t.upper {
                caps.insert(0, initial);
            } else if !is_connector(&t.norm) {
                return None;
            }
            k -= 1;
            if (t.cap || t.upper) && (caps == letters || all == letters) {
                return Some(k);
            }
            if caps.len() > letters.len() {
                return None;
            }
        }
        None
    }

    /// An acronym in parentheses whose letters are the initials of the
    /// words before it makes those words one name, even where the knowledge
    /// base or the rules split them ("Amateur Hockey Association" + "of" +
    /// "Canada" before "(AHAC)").
    fn expansions(&mut self) {
        let mut i = 1;
        while i + 2 < self.toks.len() {
            let (open, a, close) = (&self.toks[i], &self.toks[i + 1], &self.toks[i + 2]);
            let letters = a.text.chars().filter(|c| c.is_alphabetic()).count();
            if open.text != "(" || close.text != ")" || !a.upper || !(3..=8).contains(&letters) {
                i += 1;
                continue;
            }
            let Some(start) = self.expansion_start(i, a.text) else {
                i += 1;
                continue;
            };
            let range = start..i;
            let inside: Vec<usize> = (0..self.mentions.len())
                .filter(|&m| {
                    let t = &self.mentions[m].toks;
                    t.start < range.end && t.end > range.start
                })
                .collect();
            let crosses = inside.iter().any(|&m| {
                let t = &self.mentions[m].toks;
                t.start < range.start || t.end > range.end
            });
            let whole = inside.len() == 1 && self.mentions[inside[0]].toks == range;
            if crosses || whole {
                i += 3;
                continue;
            }
            let first = inside
                .iter()
                .map(|&m| &self.mentions[m])
                .min_by_key(|m| m.toks.start);
            let label = self.head_label(range.clone()).unwrap_or(match first {
                Some(m) if matches!(m.label, Label::Person | Label::Event | Label::Misc) => m.label,
                _ => Label::Org,
            });
            for &m in inside.iter().rev() {
                let gone = self.mentions.remove(m);
                for k in gone.toks {
                    self.taken[k] = false;
                }
            }
            self.push(range, label, Vec::new(), Source::Rule);
            i += 3;
        }
    }

    /// "national security Council (NSC)": the acronym in parentheses after a
    /// name joins it; a known acronym lends its entry to an unknown expansion.
    fn acronyms(&mut self) {
        let mut add = Vec::new();
        for (mi, m) in self.mentions.iter().enumerate() {
            let e = m.toks.end;
            if e + 2 < self.toks.len() && self.toks[e].text == "(" && self.toks[e + 2].text == ")" {
                let a = &self.toks[e + 1];
                let letters = a.text.chars().filter(|c| c.is_alphabetic()).count();
                if a.upper
                    && (2..=8).contains(&letters)
                    && matches!(
                        m.label,
                        Label::Org | Label::Gpe | Label::Misc | Label::Event | Label::Fac
                    )
                {
                    add.push((mi, e + 1));
                }
            }
        }
        for (mi, k) in add {
            let m = self.mentions[mi].clone();
            if let Some(existing) = self.mentions.iter_mut().find(|x| x.toks.start == k) {
                if existing.source == Source::Rule || existing.cands.is_empty() {
                    existing.cands = m.cands.clone();
                    existing.label = m.label;
                    existing.source = Source::Kb;
                    existing.link = Some(m.toks.start);
                } else if m.cands.is_empty() {
                    let (c, l) = (existing.cands.clone(), existing.label);
                    let mm = &mut self.mentions[mi];
                    mm.cands = c;
                    mm.label = l;
                }
            } else if !self.taken[k] {
                self.push(
                    k..k + 1,
                    m.label,
                    m.cands.clone(),
                    if m.cands.is_empty() {
                        Source::Rule
                    } else {
                        Source::Kb
                    },
                );
                if let Some(last) = self.mentions.last_mut() {
                    last.link = Some(m.toks.start);
                }
            }
        }
    }

    /// Model spans fill the gaps the knowledge base and rules left.
    fn model_pass(&mut self) {
        let model = std::mem::take(&mut self.model);
        for (span, label) in model {
            let s = self.toks.partition_point(|t| t.span.start < span.start);
            let mut e = s;
            while e < self.toks.len() && self.toks[e].span.end <= span.end {
                e += 1;
            }
            if e <= s || !self.free(s..e) {
                continue;
            }
            match self.and_split(s..e) {
                Some(k) => {
                    self.model_span(s, k, label);
                    self.model_span(k + 1, e, label);
                }
                None => self.model_span(s, e, label),
            }
        }
    }

    /// Where a model span joins two names with "and": "the Pump House and
    /// the Paxton First Schoolhouse", "Skin Games and Jesus Jones". A span
    /// is cut at "and" when "the" and two or more words follow it, or when
    /// the words before it end in a name head ("House", "Games"). Band
    /// names ("Bela Fleck and the Flecktones") and names joined before a
    /// shared head ("Franklin and Megantic Railway") stay whole.
    fn and_split(&self, r: Range<usize>) -> Option<usize> {
        let k = (r.start + 1..r.end.saturating_sub(1)).find(|&k| self.toks[k].norm == "and")?;
        let after = if self.toks[k + 1].norm == "the" {
            k + 2
        } else {
            k + 1
        };
        let the_and_more = after == k + 2 && r.end - after >= 2;
        let left_head = self.head_kind(&self.toks[k - 1].norm).is_some() && self.toks[k - 1].cap;
        (the_and_more || left_head).then_some(k)
    }

    /// One span the model proposed, trimmed to a name and labelled with the
    /// context cues the rules read.
    fn model_span(&mut self, s: usize, e: usize, label: Label) {
        let mut e = e;
        // A name does not run across a comma ("Macedon, Philip").
        if let Some(c) = (s + 1..e).find(|&k| self.toks[k].text == ",") {
            e = c;
        }
        // A name ends with a capitalized word or a number, not with
        // "police", "area" or a bracket; a lowercase word other than a
        // connector ends a descriptor before the name ("punk band The …").
        e = self.name_end(s, e);
        let mut s2 = (s..e)
            .rev()
            .find(|&k| {
                let t = &self.toks[k];
                t.is_word() && t.lower() && !is_connector(&t.norm)
            })
            .map_or(s, |k| k + 1);
        // Strip a leading "the", titles and a sentence-initial common
        // word ("During the Post-Classic period").
        while s2 < e
            && (self.toks[s2].norm == "the"
                || self.lex.titles.contains(self.toks[s2].norm.as_ref())
                || (self.toks[s2].sent_start
                    && e - s2 > 1
                    && self.lex.common.contains(self.toks[s2].norm.as_ref())
                    && !self.lex.first_names.contains(self.toks[s2].norm.as_ref())))
        {
            s2 += 1;
        }
        if s2 >= e {
            return;
        }
        // "Queenslander Mitchell Rawlins", "Juniors Erique Dozier": a
        // descriptor before a given name and a surname is not part of the
        // person's name.
        if label == Label::Person
            && let Some(k) = self.given_name_after_descriptor(s2..e)
            && (s2..k).all(|x| self.toks[x].is_word() && self.toks[x].cap)
        {
            s2 = k;
        }
        // Names are capitalized, not only ordinary words, and not in headlines.
        let t0 = &self.toks[s2];
        let sent = self.sentence_of(s2);
        // The model reads English: a span needs a word in Latin letters.
        let latin = (s2..e).any(|k| self.toks[k].text.chars().any(|c| c.is_ascii_alphabetic()));
        // One word that news nearly always writes in lowercase
        // ("Economy", "Internet") is a capitalized noun, not a name.
        let lowercase_word = e - s2 == 1
            && (matches!(crate::model::case_bucket(&t0.norm), 2 | 3)
                || self
                    .lex
                    .not_acronyms
                    .contains(t0.norm.trim_end_matches('.')));
        if !latin
            || lowercase_word
            || !(t0.cap || t0.upper)
            || (s2..e).all(|k| {
                self.lex.common.contains(self.toks[k].norm.as_ref()) || !self.toks[k].is_word()
            })
            || sent.is_some_and(|k| self.title_case[k])
        {
            return;
        }
        let label = match label {
            Label::Loc => {
                let prev = if s2 > 0 {
                    self.toks[s2 - 1].norm.as_ref()
                } else {
                    ""
                };
                if LOC_PREPS.contains(&prev) || e - s2 == 1 {
                    Label::Gpe
                } else {
                    Label::Loc
                }
            }
            l => l,
        };
        let sent = sent
            .and_then(|k| self.sents.get(k))
            .cloned()
            .unwrap_or(s2..e);
        let label = self
            .head_label(s2..e)
            .or_else(|| self.kind_after(e))
            .or_else(|| self.context_cue(s2..e, sent.clone()))
            .or_else(|| self.predicate_cue(s2..e, sent))
            .or_else(|| self.people_or_language(s2..e))
            .unwrap_or(label);
        let label = self.one_word_label(s2..e, label);
        self.push(s2..e, label, Vec::new(), Source::Model);
    }

    /// A person is not named "the X": one word after "the" that ends its
    /// phrase ("between the Danevirke and Husum", "the Drava and the
    /// Danube", "the sultan of the Deccan") is most often a place: a river,
    /// a region, a fortification. "the Obama administration" (a modifier),
    /// "the Coleman Federal …" (part of a longer name) and "the Kennedys"
    /// stay as they are.
    /// What a one-word name the model labelled is, by the words around it
    /// and its ending; other spans keep the model's label.
    fn one_word_label(&self, r: Range<usize>, label: Label) -> Label {
        if r.len() != 1 {
            return label;
        }
        let label = self.the_name(r.clone(), label);
        // "into Thrace", "near Husum": one word after a preposition of
        // place is not a person ("in Smith's view" keeps its possessive).
        let after_place_prep = r.start > 0
            && matches!(
                self.toks[r.start - 1].norm.as_ref(),
                "in" | "into"
                    | "near"
                    | "across"
                    | "throughout"
                    | "outside"
                    | "inside"
                    | "within"
                    | "toward"
                    | "towards"
            )
            && !self
                .toks
                .get(r.end)
                .is_some_and(|t| matches!(t.norm.as_ref(), "'s" | "'"));
        // "retreat to Abra", "shifted to Narve", "east to Bedhampton":
        // "to" after a verb of motion or a compass word.
        let motion_to = r.start >= 2
            && self.toks[r.start - 1].norm == "to"
            && matches!(
                self.toks[r.start - 2].norm.as_ref(),
                "retreat"
                    | "retreated"
                    | "fled"
                    | "flee"
                    | "moved"
                    | "move"
                    | "shifted"
                    | "returned"
                    | "travelled"
                    | "traveled"
                    | "went"
                    | "headed"
                    | "relocated"
                    | "migrated"
                    | "emigrated"
                    | "sailed"
                    | "marched"
                    | "north"
                    | "south"
                    | "east"
                    | "west"
            );
        // "suburban Reston and Herndon".
        let suburban = r.start >= 1 && self.toks[r.start - 1].norm == "suburban";
        let label = if label == Label::Person && (after_place_prep || motion_to || suburban) {
            Label::Gpe
        } else {
            label
        };
        // "played with Footscray", "26 games for Lausanne": a club.
        let for_team = r.start >= 2
            && crate::sense::played_for(&self.toks[r.start - 2].norm, &self.toks[r.start - 1].norm);
        let label = if label == Label::Person && for_team {
            Label::Org
        } else {
            label
        };
        // "Athenians", "Achaeans", "Hittites": a people, not a person.
        let norm: &str = &self.toks[r.start].norm;
        if matches!(label, Label::Person | Label::Org)
            && ["ians", "eans", "ites"]
                .iter()
                .any(|suf| norm.ends_with(suf))
        {
            Label::Norp
        } else {
            label
        }
    }

    fn the_name(&self, r: Range<usize>, label: Label) -> Label {
        if label != Label::Person || r.len() != 1 || r.start < 1 {
            return label;
        }
        let t = &self.toks[r.start];
        let n: &str = &t.norm;
        let continues = self.toks.get(r.end).is_some_and(|x| {
            x.is_word()
                && (x.cap
                    || (x.lower()
                        && !is_connector(&x.norm)
                        && !matches!(
                            x.norm.as_ref(),
                            "has"
                                | "had"
                                | "was"
                                | "is"
                                | "to"
                                | "in"
                                | "at"
                                | "from"
                                | "with"
                                | "which"
                        )))
        });
        if self.toks[r.start - 1].norm != "the"
            || n.ends_with('s')
            || t.upper
            || self.lex.first_names.contains(n)
            || continues
        {
            return label;
        }
        Label::Loc
    }

    /// "Rankin's Mill", "Sayler's Creek", "Ingall's Road": a name, a
    /// possessive and capitalized words ending in a place or facility head
    /// name one place, not a person and a place. Expects mentions sorted.
    fn possessive_places(&mut self) {
        let mut k = 0;
        while k + 2 < self.toks.len() {
            let owner = &self.toks[k];
            let possessive = owner.is_word()
                && owner.cap
                && !owner.upper
                && self.toks[k + 1].norm == "'s"
                && self.toks[k + 1].span.start == owner.span.end;
            if !possessive {
                k += 1;
                continue;
            }
            // The owner may be a one-word mention; the words after the
            // possessive must be free or one-word mentions too.
            let single_or_free = |x: usize| {
                !self.taken[x]
                    || self
                        .mentions
                        .iter()
                        .any(|m| m.toks == (x..x + 1) && m.source != Source::Kb)
            };
            // "at Macy's", "Dillard's and Ivey's": a possessive with no
            // noun after it names a shop or a company ("a friend of
            // Smith's" and "Smith's and Jones's accounts" do not).
            let after = self.toks.get(k + 2);
            let elliptical = after.is_none_or(|t| {
                matches!(t.text, "." | "," | ";" | ")" | ":")
                    || matches!(t.norm.as_ref(), "and" | "or")
            }) && k > 0
                // Where one shops: "at Macy's", "from Dillard's"; "a speech
                // that preceded Akaka's" is a person's.
                && matches!(
                    self.toks[k - 1].norm.as_ref(),
                    "at" | "from" | "in" | "into" | "inside" | "near" | "outside" | "to" | "like"
                        | "including" | "and" | ","
                )
                && !self.mentions.iter().any(|m| {
                    m.label == Label::Person
                        && m.toks.len() > 1
                        && self.toks[m.toks.end - 1].norm == owner.norm
                })
                && !(k + 2..(k + 5).min(self.toks.len())).any(|x| self.toks[x].norm == "'s")
                && !(k > 0 && self.toks[k - 1].is_word() && self.toks[k - 1].cap)
                && !self.lex.first_names.contains(owner.norm.as_ref())
                && !self.lex.common.contains(owner.norm.as_ref())
                && single_or_free(k)
                && self.sentence_of(k).is_some_and(|si| !self.title_case[si]);
            if elliptical {
                self.claim(k..k + 2, Label::Org);
                k += 2;
                continue;
            }
            let mut e = k + 2;
            while e < self.toks.len()
                && e - k < 6
                && self.toks[e].is_word()
                && self.toks[e].cap
                && single_or_free(e)
            {
                e += 1;
            }
            let head = if e > k + 2 {
                self.head_kind(&self.toks[e - 1].norm)
            } else {
                None
            };
            // "Howe's Brigade", "Couch's Division": a commander's unit.
            let unit = e > k + 2
                && matches!(
                    self.toks[e - 1].norm.as_ref(),
                    "brigade" | "division" | "corps" | "regiment" | "battalion" | "legion"
                );
            let head = if unit {
                Some(Label::Org)
            } else {
                head.filter(|l| *l != Label::Org)
            };
            let Some(label @ (Label::Loc | Label::Fac | Label::Gpe | Label::Org)) = head else {
                k += 1;
                continue;
            };
            if !single_or_free(k) || !self.same_sentence(k, e - 1) {
                k += 1;
                continue;
            }
            self.claim(k..e, label);
            k = e;
        }
        self.mentions.sort_by_key(|m| m.toks.start);
    }

    /// "Prussian Army", "Brazilian Cycling Confederation", "Bangladesh
    /// Liberation War", "North Sea Jazz Festival": a known nationality or
    /// place before capitalized words ending in an organisation, event or
    /// award head is part of that name. The words may be untagged or tagged
    /// on their own by the model or the rules ("Jazz Festival"), as long as
    /// those mentions lie wholly inside the joined name.
    fn nationality_orgs(&mut self) {
        for mi in 0..self.mentions.len() {
            let m = &self.mentions[mi];
            if m.source != Source::Kb
                || !matches!(m.label, Label::Norp | Label::Gpe | Label::Loc | Label::Org)
                || m.toks.is_empty()
            {
                continue;
            }
            let org = m.label == Label::Org;
            let j = m.toks.end;
            let loose_at = |k: usize| {
                self.mentions.iter().position(|x| {
                    matches!(x.source, Source::Model | Source::Rule) && x.toks.contains(&k)
                })
            };
            let mut k = j;
            while k < self.toks.len()
                && k - j < 4
                && self.toks[k].is_word()
                && self.toks[k].cap
                && !self.toks[k].upper
                && (!self.taken[k] || loose_at(k).is_some())
            {
                k += 1;
            }
            let last = self
                .toks
                .get(k.wrapping_sub(1))
                .map_or("", |t| t.norm.as_ref());
            if k == j
                || !self.same_sentence(j - 1, k - 1)
                || self.toks[j].span.start != self.toks[j - 1].span.end + 1
            {
                continue;
            }
            let label = if self.lex.is_org_suffix(last) || self.lex.org_heads.contains(last) {
                Label::Org
            } else if self.lex.event_suffixes.contains(last) {
                Label::Event
            } else if self.lex.misc_suffixes.contains(last) {
                Label::Misc
            } else if !org
                && matches!(
                    last,
                    "empire" | "kingdom" | "republic" | "sultanate" | "caliphate" | "khanate"
                )
            {
                // "Spanish Empire", "Russian Empire": a state of its own.
                Label::Gpe
            } else {
                continue;
            };
            // An organisation before an award or event it gives is part of
            // its name ("MTV" + "Europe Music Award", "NAACP" + "Image
            // Awards"); before another organisation it is the parent.
            if org && label == Label::Org {
                continue;
            }
            let inside: Vec<usize> = (j..k).filter_map(loose_at).collect();
            if inside
                .iter()
                .any(|&x| self.mentions[x].toks.start < j || self.mentions[x].toks.end > k)
            {
                continue;
            }
            for &x in &inside {
                self.mentions[x].toks = 0..0;
            }
            self.take(j..k);
            let m = &mut self.mentions[mi];
            m.toks.end = k;
            m.label = label;
            m.source = Source::Rule;
            m.cands.clear();
        }
        self.mentions.retain(|m| !m.toks.is_empty());
    }

    /// Organisation names that the knowledge base's place matches cut apart.
    /// Expects mentions sorted by position.
    ///
    /// - A place or nationality directly before an organisation is part of
    ///   it: "German" + "Air Force", "Ontario" + "Liberal Party", "U.S." +
    ///   "Environmental Protection Agency" (a known organisation keeps its
    ///   entry).
    ///   An acronym stays apart ("Russian" + "GRU").
    /// - A known organisation directly before an unknown one is its parent:
    ///   "Harvard" + "Business School".
    /// - An organisation name, or capitalized words opening with an
    ///   organisation head, before "of (the)" and a place: "Motion Picture
    ///   Association" + "of" + "America", "University of Edinburgh".
    fn place_split_orgs(&mut self) {
        let mut merged: Vec<(usize, Range<usize>, Option<Mention>)> = Vec::new();
        let mut k = 1;
        while k < self.mentions.len() {
            let (p, m) = (&self.mentions[k - 1], &self.mentions[k]);
            let placey = |l: Label| matches!(l, Label::Gpe | Label::Norp | Label::Loc);
            if p.toks.end == m.toks.start
                && self.toks[m.toks.start].cap
                && m.label == Label::Org
                && p.source == Source::Kb
                && self.same_sentence(p.toks.start, m.toks.start)
                && (placey(p.label) || (p.label == Label::Org && m.source != Source::Kb))
                // "Russian GRU": an acronym stays its own name.
                && !(m.toks.len() == 1 && self.toks[m.toks.start].upper)
            {
                let mut joined = m.clone();
                joined.toks.start = p.toks.start;
                if joined.source != Source::Kb {
                    joined.source = Source::Rule;
                    joined.cands.clear();
                }
                merged.push((k - 1, p.toks.start..m.toks.end, Some(joined)));
                k += 2;
                continue;
            }
            // "of" or "of the" between an organisation and a place.
            let gap = m.toks.start.saturating_sub(p.toks.end);
            let of = (1..=2).contains(&gap)
                && self.toks[p.toks.end].norm == "of"
                && (gap == 1 || self.toks[p.toks.end + 1].norm == "the");
            if of
                && p.label == Label::Org
                && p.source != Source::Kb
                && matches!(m.label, Label::Gpe | Label::Loc)
                && self.same_sentence(p.toks.start, m.toks.start)
            {
                let mut joined = p.clone();
                joined.toks.end = m.toks.end;
                joined.source = Source::Rule;
                merged.push((k - 1, p.toks.start..m.toks.end, Some(joined)));
                k += 2;
                continue;
            }
            k += 1;
        }
        // Capitalized words opening with a head, then "of (the)" and a place:
        // an organisation, event or treaty.
        for (mi, m) in self.mentions.iter().enumerate() {
            if !matches!(m.label, Label::Gpe | Label::Loc) || m.toks.start < 2 {
                continue;
            }
            let mut of = m.toks.start - 1;
            if self.toks[of].norm == "the" && of > 0 {
                of -= 1;
            }
            if self.toks[of].norm != "of" || of == 0 {
                continue;
            }
            // Capitalized words (and "People's") back from "of"; a word the
            // model tagged alone ("Kingdom") may join.
            let model_word = |k: usize| {
                self.mentions
                    .iter()
                    .any(|x| x.source == Source::Model && x.toks.contains(&k) && x.toks.end <= of)
            };
            let cap_word = |k: usize| {
                (!self.taken[k] || model_word(k))
                    && self.toks[k].is_word()
                    && (self.toks[k].cap || self.toks[k].upper)
            };
            let mut s = of;
            loop {
                if s > 0 && cap_word(s - 1) {
                    s -= 1;
                } else if s >= 2
                    && s < of
                    && self.toks[s - 1].norm == "'s"
                    && !self.taken[s - 1]
                    && cap_word(s - 2)
                {
                    s -= 2;
                } else {
                    break;
                }
            }
            while s < of
                && (self.toks[s].norm == "the"
                    || (self.toks[s].sent_start
                        && self.lex.common.contains(self.toks[s].norm.as_ref())))
            {
                s += 1;
            }
            let head = self.toks[of - 1].norm.as_ref();
            // "Treaty of London", "Siege of Leningrad": a treaty or an event
            // named after the place.
            let label = if self.lex.org_heads.contains(head) || self.lex.is_org_suffix(head) {
                Some(Label::Org)
            } else if matches!(
                head,
                "kingdom"
                    | "republic"
                    | "city"
                    | "state"
                    | "province"
                    | "county"
                    | "principality"
                    | "duchy"
                    | "grand duchy"
                    | "empire"
                    | "commonwealth"
                    | "community"
                    | "emirate"
                    | "sultanate"
                    | "khanate"
                    | "caliphate"
            ) {
                // "Kingdom of France", "City of Buenos Aires", "Community of
                // Madrid": a state or an administration named after the place.
                Some(Label::Gpe)
            } else if matches!(
                head,
                "port"
                    | "island"
                    | "isle"
                    | "isles"
                    | "bay"
                    | "gulf"
                    | "strait"
                    | "straits"
                    | "lake"
                    | "cape"
                    | "mount"
                    | "valley"
                    | "plain"
                    | "plains"
            ) {
                // "Port of Liverpool", "Island of Divar", "Gulf of Mexico".
                Some(Label::Loc)
            } else if self.lex.event_suffixes.contains(head) {
                Some(Label::Event)
            } else if self.lex.misc_suffixes.contains(head) {
                Some(Label::Misc)
            } else {
                None
            };
            // Mentions in the way must lie wholly inside the joined name.
            let clear = self.mentions.iter().all(|x| {
                x.toks.end <= s || x.toks.start >= of || (x.toks.start >= s && x.toks.end <= of)
            });
            if let Some(label) = label.filter(|_| s < of && clear)
                && self.same_sentence(s, m.toks.start)
            {
                let joined = Mention {
                    toks: s..m.toks.end,
                    label,
                    cands: Vec::new(),
                    source: Source::Rule,
                    cluster: usize::MAX,
                    link: None,
                };
                merged.push((mi, s..m.toks.end, Some(joined)));
            }
        }
        if merged.is_empty() {
            return;
        }
        // Replace every mention inside a merged range by the merged mention.
        let mut out: Vec<Mention> = Vec::with_capacity(self.mentions.len());
        let mut adds: Vec<Mention> = merged.into_iter().filter_map(|(_, _, m)| m).collect();
        adds.sort_by_key(|m| m.toks.start);
        adds.dedup_by(|b, a| a.toks.end > b.toks.start);
        for m in self.mentions.drain(..) {
            if !adds
                .iter()
                .any(|a| a.toks.start <= m.toks.start && m.toks.end <= a.toks.end)
            {
                out.push(m);
            }
        }
        for a in adds {
            for t in a.toks.clone() {
                self.taken[t] = true;
            }
            out.push(a);
        }
        out.sort_by_key(|m| m.toks.start);
        self.mentions = out;
    }

    /// What the words around a name say it is: a descriptor before it ("the
    /// newspaper Postimees", "the band Korn"), a role in apposition after it
    /// ("Kaja Kallas, leader of …", "Eric Butler, the founder"), or "according
    /// to" before a multi-word name.
    fn context_cue(&self, r: Range<usize>, sent: Range<usize>) -> Option<Label> {
        const ORG_WORDS: &[&str] = &[
            "agency",
            "airline",
            "automaker",
            "band",
            "bank",
            "broadcaster",
            "carrier",
            "channel",
            "club",
            "company",
            "conglomerate",
            "daily",
            "firm",
            "group",
            "insurer",
            "label",
            "magazine",
            "manufacturer",
            "network",
            "newspaper",
            "outlet",
            "party",
            "publisher",
            "retailer",
            "startup",
            "station",
            "team",
            "tabloid",
            "weekly",
        ];
        // "the film The Last Emperor", "their 1998 album, Electro-Shock Blues".
        const WORK_WORDS: &[&str] = &[
            "album",
            "anthem",
            "documentary",
            "film",
            "movie",
            "musical",
            "novel",
            "opera",
            "programme",
            "serial",
            "series",
            "song",
            "single",
            "sitcom",
            "ep",
            "play",
        ];
        let norm = |k: usize| self.toks.get(k).map_or("", |t| t.norm.as_ref());
        // "… he would play I remember": the pronoun is no name.
        if r.len() == 1 && norm(r.start) == "i" {
            return None;
        }
        // "band The Mad Capsule Markets", "the film The Last Emperor": the
        // cue stands before a capitalized "The" that opens the name.
        let start = if r.start > sent.start + 1
            && self.toks[r.start - 1].text == "The"
            && !self.toks[r.start - 1].sent_start
        {
            r.start - 1
        } else {
            r.start
        };
        if start > sent.start {
            let prev = norm(start - 1);
            if ORG_WORDS.contains(&prev) {
                return Some(Label::Org);
            }
            let work = if prev == "," && start >= sent.start + 2 {
                norm(start - 2)
            } else {
                prev
            };
            if WORK_WORDS.contains(&work) && self.toks[start - 1 - usize::from(prev == ",")].lower()
            {
                return Some(Label::Misc);
            }
        }
        // "Korn's guitarist", "Sears's stores", "Velvet Revolver frontman
        // Scott Weiland": what only a band or a company has.
        const ORG_HAS: &[&str] = &[
            "bassist",
            "ceo",
            "discography",
            "drummer",
            "employees",
            "frontman",
            "guitarist",
            "headquarters",
            "keyboardist",
            "lineup",
            "shareholders",
            "shares",
            "stores",
            "subsidiary",
            "vocalist",
        ];
        let owned = if norm(r.end) == "'s" {
            r.end + 1
        } else {
            r.end
        };
        if owned < sent.end
            && ORG_HAS.contains(&norm(owned))
            && self.toks[owned].lower()
            && !(r.len() >= 2 && self.lex.first_names.contains(norm(r.start)))
        {
            return Some(Label::Org);
        }
        // "Nobel laureates", "Pulitzer winner": an award before the
        // holders of it.
        if r.len() == 1
            && self.toks.get(r.end).is_some_and(|t| {
                t.lower()
                    && matches!(
                        t.norm.as_ref(),
                        "laureate" | "laureates" | "winner" | "winners" | "prize" | "prizes"
                    )
            })
        {
            return Some(Label::Misc);
        }
        // "Arafat's death", "Smith's widow": what only a person has.
        const PERSON_HAS: &[&str] = &[
            "assassination",
            "aunt",
            "biography",
            "birthday",
            "boyfriend",
            "brother",
            "cousin",
            "daughter",
            "death",
            "father",
            "fiancee",
            "fiancé",
            "fiancée",
            "funeral",
            "girlfriend",
            "granddaughter",
            "grandfather",
            "grandmother",
            "grandson",
            "husband",
            "memoir",
            "mother",
            "nephew",
            "niece",
            "passing",
            "sister",
            "son",
            "uncle",
            "widow",
            "wife",
        ];
        if norm(r.end) == "'s"
            && owned < sent.end
            && PERSON_HAS.contains(&norm(owned))
            && self.toks[owned].lower()
            && self.head_label(r.clone()).is_none()
        {
            return Some(Label::Person);
        }
        // ", the spokesman", ", leader of", ", a former minister"
        if norm(r.end) == "," && r.end + 1 < sent.end {
            let mut k = r.end + 1;
            if matches!(norm(k), "the" | "a" | "an" | "its" | "his" | "her") {
                k += 1;
            }
            if matches!(
                norm(k),
                "former" | "then" | "deputy" | "acting" | "senior" | "chief"
            ) {
                k += 1;
            }
            let role = norm(k);
            let after = norm(k + 1);
            if self.lex.titles.contains(role)
                && self.toks.get(k).is_some_and(|t| !t.cap)
                && matches!(
                    after,
                    "of" | "for" | "at" | "in" | "," | "." | "said" | "and" | "who"
                )
            {
                return Some(Label::Person);
            }
        }
        if r.len() >= 2
            && r.start >= sent.start + 2
            && norm(r.start - 2) == "according"
            && norm(r.start - 1) == "to"
            && self.toks[r.start].cap
        {
            return Some(Label::Person).filter(|_| self.head_label(r.clone()).is_none());
        }
        None
    }

    /// "Chicago Bulls", "Bowling Green Falcons", "West Coast Eagles": a known
    /// place followed by one capitalized plural noun names a team or a club.
    fn place_team(&self, r: Range<usize>) -> bool {
        if r.len() < 2 {
            return false;
        }
        let last = &self.toks[r.end - 1];
        let plural = last.is_word()
            && last.cap
            && !last.upper
            && last.norm.len() > 3
            && last.norm.ends_with('s')
            && !last.norm.ends_with("ss")
            && !self.lex.common.contains(last.norm.as_ref())
            && !self.lex.first_names.contains(last.norm.as_ref())
            && self.head_kind(&last.norm).is_none()
            // "Bosnian Serbs", "Greek Cypriots": a people, not a team.
            && !self
                .kb
                .longest(&self.toks[..r.end], r.end - 1, &|_| true)
                .is_some_and(|m| m.len == 1 && self.entries_are(&m.entries, |l| l == Label::Norp))
            && !["ians", "eans", "ites", "ese", "ots"]
                .iter()
                .any(|suf| last.norm.ends_with(suf));
        plural
            && self
                .kb
                .longest(&self.toks[..r.end], r.start, &|_| true)
                .is_some_and(|m| {
                    m.len == r.len() - 1
                        && self.entries_are(&m.entries, |l| matches!(l, Label::Gpe | Label::Loc))
                })
    }

    /// "the Bijeli Brijeg neighbourhood", "the Landes département": a kind
    /// of place in lowercase right after a name (token `e`).
    fn kind_after(&self, e: usize) -> Option<Label> {
        let t = self.toks.get(e)?;
        // "the Transnistrian region": an adjective of a people.
        let name = self.toks.get(e.checked_sub(1)?)?;
        // "Our neighborhood": an ordinary word, no name.
        if !t.lower()
            || self.lex.common.contains(name.norm.as_ref())
            || ["ian", "ean", "ese", "ish"]
                .iter()
                .any(|suf| name.norm.ends_with(suf))
        {
            return None;
        }
        match t.norm.as_ref() {
            "neighbourhood" | "neighborhood" | "département" | "departement" | "district"
            | "municipality" | "commune" | "village" | "suburb" | "province" | "county"
            | "region" => Some(Label::Gpe),
            "river" | "valley" | "peninsula" | "island" | "mountains" => Some(Label::Loc),
            _ => None,
        }
    }

    /// Whether the context says that the capitalized run `r` is a place:
    /// "the village of X", "X, Maryland" (a known place after a comma), "X is
    /// a village in …". Natural features give LOC, settlements GPE.
    fn place_cue(&self, r: Range<usize>, sent: Range<usize>) -> Option<Label> {
        let kind = |n: &str| -> Option<Label> {
            match n {
                "village" | "town" | "city" | "commune" | "municipality" | "hamlet" | "parish"
                | "suburb" | "district" | "county" | "province" | "region" | "borough"
                | "settlement" | "capital" | "township" | "neighbourhood" | "neighborhood"
                | "prefecture" | "oblast" | "canton" | "state" => Some(Label::Gpe),
                "island" | "river" | "lake" | "mountain" | "valley" | "peninsula" | "bay"
                | "creek" => Some(Label::Loc),
                _ => None,
            }
        };
        // "the villages of Lougou and Tougana".
        let kinds = |n: &str| -> Option<Label> {
            match n {
                "villages" | "towns" | "cities" | "communes" | "municipalities" | "hamlets"
                | "parishes" | "suburbs" | "districts" | "counties" | "provinces" | "regions"
                | "settlements" => Some(Label::Gpe),
                "islands" | "rivers" | "lakes" | "valleys" => Some(Label::Loc),
                _ => None,
            }
        };
        let norm = |k: usize| self.toks.get(k).map_or("", |t| t.norm.as_ref());
        // "the village of X"
        if r.start >= sent.start + 2
            && norm(r.start - 1) == "of"
            && let Some(l) = kind(norm(r.start - 2)).or_else(|| kinds(norm(r.start - 2)))
        {
            return Some(l);
        }
        // "the villages of Lougou and Tougana": the second of two names.
        if r.start >= sent.start + 4 && norm(r.start - 1) == "and" {
            let k = crate::tokens::cap_run_start(&self.toks, r.start - 1, sent.start);
            if k + 1 < r.start
                && k >= sent.start + 2
                && norm(k - 1) == "of"
                && let Some(l) = kinds(norm(k - 2))
            {
                return Some(l);
            }
        }
        // "an area called Pampa Hermosa", "a village named Aisby".
        if r.start >= sent.start + 2
            && matches!(norm(r.start - 1), "called" | "named")
            && let Some(l) = kind(norm(r.start - 2)).or_else(|| {
                matches!(norm(r.start - 2), "area" | "place" | "island" | "spot")
                    .then_some(Label::Loc)
            })
        {
            return Some(l);
        }
        // "the river Huallaga", "nature park Kopački Rit": the kind of
        // place, in lowercase, right before the name.
        // Not "the state Constitution", "city Council": administrative
        // words before an institution's name.
        let prev = if r.start > sent.start {
            norm(r.start - 1)
        } else {
            ""
        };
        let first = norm(r.start);
        if r.start > sent.start
            && self.toks[r.start - 1].lower()
            && !matches!(
                prev,
                "state" | "county" | "city" | "district" | "region" | "capital" | "province"
            )
            && !self.lex.common.contains(first)
            && !matches!(crate::model::case_bucket(first), 2..=4)
            && self.head_label(r.clone()).is_none()
            && let Some(l) = kind(prev).or_else(|| (prev == "park").then_some(Label::Loc))
        {
            return Some(l);
        }
        // "X, Maryland": a known place after a comma.
        if norm(r.end) == ","
            && r.end + 1 < sent.end
            && self.kb_gpe_start.get(r.end + 1).copied().unwrap_or(false)
        {
            return Some(Label::Gpe);
        }
        // "X is a village in …", "X, a town in …"
        let mut k = r.end;
        if matches!(norm(k), "is" | "was" | ",") {
            k += 1;
            if matches!(norm(k), "a" | "an" | "the") {
                let stop = (k + 5).min(sent.end);
                for j in k + 1..stop {
                    // "a village in", but not "a state senator".
                    let ends = matches!(
                        norm(j + 1),
                        "" | "in"
                            | "of"
                            | "on"
                            | "near"
                            | ","
                            | "."
                            | ";"
                            | "and"
                            | "located"
                            | "situated"
                            | "with"
                            | "("
                            | "about"
                    );
                    if let Some(l) = kind(norm(j)).filter(|_| ends) {
                        return Some(l);
                    }
                    if !self.toks[j].is_word() {
                        break;
                    }
                }
            }
        }
        None
    }

    /// "Sandy Hook, Maryland from where …": a known place after a comma,
    /// itself followed by punctuation or a preposition, places the name
    /// before it even when that name opens with a given name ("Larry Hogan,
    /// Maryland's governor" does not).
    fn comma_place(&self, end: usize, sent_end: usize) -> bool {
        if self.toks.get(end).is_none_or(|t| t.text != ",")
            || !self.kb_gpe_start.get(end + 1).copied().unwrap_or(false)
        {
            return false;
        }
        let Some(m) = self.mentions.iter().find(|m| m.toks.start == end + 1) else {
            return false;
        };
        m.toks.end >= sent_end
            || self.toks.get(m.toks.end).is_some_and(|t| {
                matches!(t.text, "," | "." | ";" | ")" | ":")
                    || matches!(
                        t.norm.as_ref(),
                        "from" | "in" | "on" | "to" | "and" | "where" | "near"
                    )
            })
    }

    /// "the Chamicuro people", "Sami dialects", "Ilocano speakers": a name
    /// before a word for a people or a language names that people (NORP) or
    /// language (MISC), not a person.
    fn people_or_language(&self, r: Range<usize>) -> Option<Label> {
        let next = self.toks.get(r.end)?;
        if !next.lower() {
            return None;
        }
        match next.norm.as_ref() {
            "people" | "peoples" | "tribe" | "tribes" | "nation" | "ethnic" | "clan" | "clans" => {
                Some(Label::Norp)
            }
            "language" | "languages" | "dialect" | "dialects" | "speakers" | "script" => {
                Some(Label::Misc)
            }
            _ => None,
        }
    }

    /// What a copular sentence says a name is: "Bilka is a Danish chain of
    /// hypermarkets", "Aero Gare was a kitplane manufacturer", "Digilogue is
    /// a music album", "Caloi was founded in 1898".
    fn predicate_cue(&self, r: Range<usize>, sent: Range<usize>) -> Option<Label> {
        let kind =
            |n: &str| -> Option<Label> {
                match n {
                    "company" | "chain" | "manufacturer" | "maker" | "band" | "group" | "label"
                    | "newspaper" | "magazine" | "station" | "network" | "team" | "club"
                    | "airline" | "retailer" | "brand" | "firm" | "corporation" | "bank"
                    | "party" | "organisation" | "organization" | "charity" | "agency"
                    | "publisher" | "studio" | "developer" | "university" | "college" | "union"
                    | "association" | "society" | "foundation" | "institute" | "broadcaster"
                    | "supermarket" | "conglomerate" | "subsidiary" | "carrier" | "duo"
                    | "trio" | "quartet" | "orchestra" | "choir" | "ensemble" | "franchise"
                    | "startup" | "insurer" => Some(Label::Org),
                    "album" | "song" | "single" | "film" | "movie" | "novel" | "book" | "opera"
                    | "musical" | "documentary" | "sitcom" | "poem" | "painting" | "ep"
                    | "anthem" | "soundtrack" | "videogame" | "language" | "dialect" | "award"
                    | "prize" => Some(Label::Misc),
                    "convention" | "festival" | "tournament" | "competition" | "championship" => {
                        Some(Label::Event)
                    }
                    "people" | "tribe" => Some(Label::Norp),
                    _ => None,
                }
            };
        let norm = |k: usize| self.toks.get(k).map_or("", |t| t.norm.as_ref());
        let k = r.end;
        if !matches!(norm(k), "is" | "was" | ",") || k + 2 >= sent.end {
            return None;
        }
        // "Caloi was founded in 1898", "X was formed by": organisations are
        // founded; a known place would have been found by the knowledge base.
        if norm(k) != ","
            && matches!(
                norm(k + 1),
                "founded" | "formed" | "established" | "incorporated"
            )
            && matches!(norm(k + 2), "in" | "by" | "on" | "as" | "at")
        {
            return Some(Label::Org);
        }
        // "Caloi, a Brazilian bicycle maker"; ", the party's nominee"
        // after a name describes a person.
        // An appositive after a longer name is most often a person's role
        // ("Rocky McGaugh, a developer of CAOS").
        if norm(k) == "," && r.len() > 1 {
            return None;
        }
        let articles: &[&str] = if norm(k) == "," {
            &["a", "an"]
        } else {
            &["a", "an", "the"]
        };
        if !articles.contains(&norm(k + 1)) {
            return None;
        }
        let stop = (k + 7).min(sent.end);
        for j in k + 2..stop {
            let t = &self.toks[j];
            if !t.is_word() {
                break;
            }
            let n: &str = &t.norm;
            if let Some(l) = kind(n) {
                // "a music album", not "a record label executive".
                let next = norm(j + 1);
                let ends = self
                    .toks
                    .get(j + 1)
                    .is_none_or(|x| !x.is_word() && x.text != "-" && x.norm != "'s")
                    || NOUN_PHRASE_END.contains(&next);
                return ends.then_some(l);
            }
            // "a psychology professor at Clemson University" describes a
            // person: a title or role word before the head settles it.
            if matches!(n, "of" | "in" | "at" | "for" | "that" | "which" | "who")
                || self.lex.titles.contains(n)
            {
                break;
            }
        }
        None
    }

    /// "82nd Airborne Division", "Eighth Air Force", "IV Corps": an ordinal
    /// before an organisation whose last word heads it is part of its name.
    fn numbered_units(&mut self) {
        const ORDINALS: &[&str] = &[
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
        ];
        for mi in 0..self.mentions.len() {
            let m = &self.mentions[mi];
            let s = m.toks.start;
            if m.label != Label::Org
                || s == 0
                || self.taken[s - 1]
                || !self
                    .lex
                    .is_org_suffix(self.toks[m.toks.end - 1].norm.as_ref())
            {
                continue;
            }
            let p = &self.toks[s - 1];
            let digits = p.text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let numbered = !digits.is_empty()
                && digits.chars().all(|c| c.is_ascii_digit())
                && matches!(
                    &p.text[digits.len()..],
                    "" | "st" | "nd" | "rd" | "th" | "d"
                );
            let ordinal_word = p.cap && ORDINALS.contains(&p.norm.as_ref());
            let roman = p.upper
                && p.text.len() <= 5
                && p.text
                    .chars()
                    .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'));
            let adjacent = p.span.end + 1 == self.toks[s].span.start;
            if adjacent && (numbered || ordinal_word || roman) {
                self.grow_left(mi, s - 1);
            }
        }
        // "The 139th was formed …", "the 139th fought in …": an ordinal
        // after "the" that acts as the subject of a verb is a unit.
        let mut added = false;
        for k in 1..self.toks.len().saturating_sub(1) {
            let t = &self.toks[k];
            let digits = t.text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let ordinal = !self.taken[k]
                && !digits.is_empty()
                && digits.len() <= 3
                && digits.chars().all(|c| c.is_ascii_digit())
                && matches!(&t.text[digits.len()..], "st" | "nd" | "rd" | "th" | "d");
            if !ordinal || self.toks[k - 1].norm != "the" || !self.same_sentence(k - 1, k + 1) {
                continue;
            }
            let next = &self.toks[k + 1];
            let verb = next.lower()
                && (matches!(
                    next.norm.as_ref(),
                    "was" | "were" | "had" | "fought" | "along" | "then" | "also" | "moved"
                ) || (next.norm.len() > 4 && next.norm.ends_with("ed")));
            if verb {
                self.push(k..k + 1, Label::Org, Vec::new(), Source::Rule);
                added = true;
            }
        }
        if added {
            self.mentions.sort_by_key(|m| m.toks.start);
        }
    }

    /// A mention that lacks a word of a longer name written elsewhere in the
    /// document, where that word stands right beside it, gets the whole name:
    /// "Lichtensteiger" after a sentence-initial "Kory" becomes "Kory
    /// Lichtensteiger" when the article names "Kory Lichtensteiger" elsewhere.
    fn complete_names(&mut self) {
        // The long names, with the label and knowledge-base candidates a
        // completed short form takes over.
        let long: HashMap<Vec<String>, (Label, Vec<u32>)> = self
            .mentions
            .iter()
            .filter(|m| m.toks.len() >= 2)
            .map(|m| {
                let words: Vec<String> = self
                    .norms(m.toks.clone())
                    .into_iter()
                    .map(String::from)
                    .collect();
                (words, (m.label, m.cands.clone()))
            })
            .filter(|(w, _)| w.len() >= 2)
            .collect();
        if long.is_empty() {
            return;
        }
        let mut grow: Vec<(usize, Range<usize>, Label, Vec<u32>)> = Vec::new();
        for (mi, m) in self.mentions.iter().enumerate() {
            let sent = self.sentence_of(m.toks.start);
            let usable = |k: usize| {
                k < self.toks.len()
                    && !self.taken[k]
                    && self.toks[k].is_word()
                    && (self.toks[k].cap || self.toks[k].upper)
                    && self.sentence_of(k) == sent
            };
            'found: for left in 0..=2usize {
                if left > m.toks.start {
                    break;
                }
                if !(m.toks.start - left..m.toks.start).all(usable) {
                    break;
                }
                for right in 0..=2usize {
                    if left + right == 0 {
                        continue;
                    }
                    if !(m.toks.end..m.toks.end + right).all(usable) {
                        break;
                    }
                    let r = m.toks.start - left..m.toks.end + right;
                    let words: Vec<String> = self
                        .norms(r.clone())
                        .into_iter()
                        .map(String::from)
                        .collect();
                    if let Some((label, cands)) = long.get(&words) {
                        grow.push((mi, r, *label, cands.clone()));
                        break 'found;
                    }
                }
            }
        }
        for (mi, r, label, cands) in grow {
            if (r.start..self.mentions[mi].toks.start)
                .chain(self.mentions[mi].toks.end..r.end)
                .any(|k| self.taken[k])
            {
                continue;
            }
            self.take(r.clone());
            let m = &mut self.mentions[mi];
            m.toks = r;
            m.label = label;
            // The completed name is the long name's entity, not the short
            // form's ("European" grown to "European Southern Observatory").
            let kb = !cands.is_empty();
            m.cands = cands;
            m.source = if kb { Source::Kb } else { Source::Rule };
        }
    }

    /// The label the last word of a multi-word name gives it, when that word
    /// is an organisation, place or facility head ("Sandy River Railroad",
    /// "Davis Gym", "Willett Brook"): stronger evidence than the model's
    /// guess, which often reads any unknown capitalized run as a person.
    fn head_label(&self, r: Range<usize>) -> Option<Label> {
        if r.len() < 2 {
            return None;
        }
        self.head_kind(&self.toks[r.end - 1].norm)
    }

    /// The kind of name that `last` (a norm) heads as a name's last word:
    /// "Railroad" an organisation, "Gym" a facility, "Cup" an event, "Award"
    /// another named thing, "Brook" or "County" a place.
    fn head_kind(&self, last: &str) -> Option<Label> {
        let lex = self.lex;
        if lex.is_org_suffix(last) {
            Some(Label::Org)
        } else if lex.fac_suffixes.contains(last) {
            Some(Label::Fac)
        } else if lex.event_suffixes.contains(last) {
            Some(Label::Event)
        } else if lex.misc_suffixes.contains(last) {
            Some(Label::Misc)
        } else if lex.loc_suffixes.contains(last) {
            Some(match last {
                "city" | "county" | "province" | "state" | "oblast" | "republic" | "prefecture"
                | "district" | "territory" | "township" | "village" | "empire" | "kingdom"
                | "caliphate" | "sultanate" | "khanate" | "emirate" | "principality" | "duchy"
                | "parish" | "taluk" | "tehsil" | "municipality" | "borough" | "canton"
                | "arrondissement" | "governorate" | "voivodeship" => Label::Gpe,
                _ => Label::Loc,
            })
        } else {
            None
        }
    }

    // ---------- document-level resolution ----------

    fn norms(&self, r: Range<usize>) -> Vec<&str> {
        self.toks[r]
            .iter()
            .filter(|t| t.is_word() || t.kind == TokenKind::Number)
            .map(|t| t.norm.as_ref())
            .collect()
    }

    fn doc_has(&mut self, cue: &str) -> bool {
        if self.doc_norms.is_none() {
            let mut s = String::from(" ");
            for t in &self.toks {
                s.push_str(&t.norm);
                s.push(' ');
            }
            self.doc_norms = Some(s);
        }
        let needle = format!(" {cue}");
        self.doc_norms
            .as_deref()
            .is_some_and(|d| d.contains(&needle))
    }

    fn window_has(&self, m: &Mention, cue: &str) -> bool {
        let lo = m.toks.start.saturating_sub(40);
        let hi = (m.toks.end + 40).min(self.toks.len());
        let mut s = String::from(" ");
        for t in &self.toks[lo..hi] {
            s.push_str(&t.norm);
            s.push(' ');
        }
        s.contains(&format!(" {cue}"))
    }

    fn resolve(&mut self) -> Vec<Cluster> {
        // Entries named by a multi-word mention somewhere in the document.
        let mut full_named: HashSet<u32> = HashSet::default();
        for m in &self.mentions {
            if m.source == Source::Kb && self.norms(m.toks.clone()).len() > 1 && m.cands.len() == 1
            {
                full_named.insert(m.cands[0]);
            }
        }
        // Choose among knowledge-base candidates.
        for mi in 0..self.mentions.len() {
            let m = self.mentions[mi].clone();
            if m.source != Source::Kb || m.cands.is_empty() {
                continue;
            }
            let single = self.norms(m.toks.clone()).len() == 1;
            let chosen = if let Some(&c) = m.cands.iter().find(|c| full_named.contains(c)) {
                Some(c)
            } else if m.cands.len() == 1 {
                let c = m.cands[0];
                let cues = self
                    .kb
                    .entry(c as usize)
                    .map(|e| e.cues.clone())
                    .unwrap_or_default();
                if single && !cues.is_empty() && !cues.iter().any(|q| self.doc_has(q)) {
                    None
                } else {
                    Some(c)
                }
            } else {
                let mut best = (i32::MIN, m.cands[0]);
                for &c in &m.cands {
                    let cues = self
                        .kb
                        .entry(c as usize)
                        .map(|e| e.cues.clone())
                        .unwrap_or_default();
                    let mut score = 0;
                    for q in &cues {
                        if self.window_has(&m, q) {
                            score += 3;
                        } else if self.doc_has(q) {
                            score += 1;
                        }
                    }
                    if score > best.0 {
                        best = (score, c);
                    }
                }
                Some(best.1)
            };
            let mm = &mut self.mentions[mi];
            match chosen {
                Some(c) => {
                    mm.cands = vec![c];
                    if let Some(e) = self.kb.entry(c as usize) {
                        mm.label = e.label;
                    }
                }
                None => {
                    // Not this entry here: a capitalized word stays an unknown name.
                    mm.cands.clear();
                    mm.source = Source::Rule;
                    mm.label = if self.toks[mm.toks.start].cap {
                        Label::Person
                    } else {
                        Label::Misc
                    };
                    mm.cluster = usize::MAX - 1;
                }
            }
        }
        let dropped: Vec<Range<usize>> = self
            .mentions
            .iter()
            .filter(|m| m.cluster == usize::MAX - 1 && m.label == Label::Misc)
            .map(|m| m.toks.clone())
            .collect();
        for r in dropped {
            for k in r {
                self.taken[k] = false;
            }
        }
        self.mentions
            .retain(|m| !(m.cluster == usize::MAX - 1 && m.label == Label::Misc));
        // Clusters.
        let mut clusters: Vec<Cluster> = Vec::new();
        let mut by_kb: HashMap<u32, usize> = HashMap::default();
        let mut by_key: HashMap<String, usize> = HashMap::default();
        // Person names by surname and by first name, for short mentions.
        let mut surnames: HashMap<String, usize> = HashMap::default();
        let order: Vec<usize> = {
            // Longer mentions first so that short forms find their full names anywhere in the document.
            let lens: Vec<usize> = self
                .mentions
                .iter()
                .map(|m| self.norms(m.toks.clone()).len())
                .collect();
            let mut o: Vec<usize> = (0..self.mentions.len()).collect();
            o.sort_by_key(|&i| (std::cmp::Reverse(lens[i]), i));
            o
        };
        let mut long_names: Vec<(Vec<String>, usize, Label)> = Vec::new();
        let mut acronyms: HashMap<String, usize> = HashMap::default();
        // One-word names that the rules read as an organisation, an event
        // or another named thing somewhere in the document: "Caloi was
        // founded in 1898" names the company, so the model's other
        // "Caloi"s join it rather than the founder Luigi Caloi.
        let named_otherwise: HashSet<String> = self
            .mentions
            .iter()
            .filter(|m| {
                // Place and people cues are weaker: "Hagan, North
                // Carolina's first female senator" reads like "Aisby,
                // Lincolnshire", and "the Akayev clans" are a family's.
                m.source == Source::Rule
                    && matches!(m.label, Label::Org | Label::Event | Label::Misc)
            })
            .filter_map(|m| match self.norms(m.toks.clone())[..] {
                [w] => Some(w.to_string()),
                _ => None,
            })
            .collect();
        for &mi in &order {
            let m = self.mentions[mi].clone();
            let words: Vec<String> = self
                .norms(m.toks.clone())
                .into_iter()
                .map(String::from)
                .collect();
            let surface = self.surface(m.toks.clone());
            let named_other = m.source == Source::Model
                && words.len() == 1
                && named_otherwise.contains(&words[0]);
            let linked = m
                .link
                .and_then(|l| self.mentions.iter().find(|x| x.toks.start == l))
                .map(|x| x.cluster)
                .filter(|&c| c < clusters.len())
                .or_else(|| {
                    (words.len() == 1 && m.label != Label::Person)
                        .then(|| acronyms.get(&words[0]).copied())
                        .flatten()
                });
            if let (Some(c), Some(w)) = (linked, words.first())
                && m.link.is_some()
            {
                acronyms.insert(w.clone(), c);
            }
            let cid = if let Some(c) = linked {
                c
            } else if let Some(&c) = m.cands.first() {
                // A generic entry ("Olympics") defers to a specific name containing it.
                let specific = (words.len() == 1 || m.label == Label::Event)
                    .then(|| self.containing(&long_names, &words, m.label))
                    .flatten()
                    .filter(|&cid| clusters[cid].kb != Some(c));
                if let Some(cid) =
                    specific.filter(|_| m.label == Label::Event || m.label == Label::Org)
                {
                    cid
                } else if m.label == Label::Person
                    && words.len() == 1
                    && surnames.contains_key(&words[0])
                {
                    surnames[&words[0]]
                } else {
                    *by_kb.entry(c).or_insert_with(|| {
                        let e = self.kb.entry(c as usize);
                        clusters.push(Cluster {
                            kb: Some(c),
                            label: e.map_or(m.label, |e| e.label),
                            canonical: e.map_or_else(|| surface.clone(), |e| e.canonical.clone()),
                        });
                        clusters.len() - 1
                    })
                }
            } else if (m.label == Label::Person || m.source == Source::Model)
                && words.len() == 1
                && surnames.contains_key(&words[0])
                && !named_other
            {
                // The surname of a person named in full in the article is
                // that person, whatever label the model guessed for it
                // ("Stamenković et al found" after "Vlada Stamenković").
                self.mentions[mi].label = Label::Person;
                surnames[&words[0]]
            } else if let Some(cid) = self
                .org_short_form(&long_names, &words, m.toks.start)
                .or_else(|| {
                    self.containing(&long_names, &words, m.label)
                        .filter(|_| !self.is_org_head_word(&words))
                        .filter(|&cid| !(named_other && clusters[cid].label == Label::Person))
                })
            {
                cid
            } else {
                // One cluster per name, whatever label each mention got: the
                // vote below settles the label.
                let key = words.join(" ");
                *by_key.entry(key).or_insert_with(|| {
                    let canonical =
                        if m.label == Label::Person && surface.chars().any(|c| c.is_lowercase()) {
                            title_case(&surface)
                        } else {
                            surface.clone()
                        };
                    clusters.push(Cluster {
                        kb: None,
                        label: m.label,
                        canonical,
                    });
                    clusters.len() - 1
                })
            };
            self.mentions[mi].cluster = cid;
            if words.len() > 1 {
                long_names.push((words.clone(), cid, clusters[cid].label));
                if clusters[cid].label == Label::Person
                    && let Some(l) = words.iter().rev().find(|w| !is_regnal(&w.to_uppercase()))
                {
                    surnames.entry(l.clone()).or_insert(cid);
                }
            } else if clusters[cid].label == Label::Person && clusters[cid].kb.is_some() {
                // "Trump" alone still names the surname of its cluster.
                surnames.entry(words[0].clone()).or_insert(cid);
            }
        }
        // Propagate person names to other mentions, however cased.
        surnames.retain(|w, _| !named_otherwise.contains(w));
        self.propagate(&surnames, &clusters);
        self.propagate_org_short_forms(&long_names);
        for m in &self.mentions {
            if let Some(c) = clusters.get(m.cluster) {
                let _ = c;
            }
        }
        // One label per cluster: knowledge base, else majority.
        // Knowledge-base and rule evidence outweighs the model's guesses, and
        // a name that opens with a known given name votes for a person.
        // In a cluster that the knowledge base or the rules found, the model's
        // guesses do not vote ("the League" read as MISC ten times against
        // "Australian League of Rights"; "Aisby" read as a person after "Aisby
        // is a village").
        let strong: HashSet<usize> = self
            .mentions
            .iter()
            .filter(|m| matches!(m.source, Source::Kb | Source::Rule))
            .map(|m| m.cluster)
            .collect();
        let mut votes: HashMap<(usize, Label), usize> = HashMap::default();
        for m in &self.mentions {
            if m.source == Source::Model && strong.contains(&m.cluster) {
                continue;
            }
            let weight = match m.source {
                Source::Kb => 4,
                // What a defining sentence says outweighs a few other
                // readings ("BayCon is a convention", then "BayCon moved").
                Source::Rule if self.defined.contains(&m.toks.start) => 9,
                Source::Rule => 3,
                Source::Model | Source::Propagated => 1,
            };
            *votes.entry((m.cluster, m.label)).or_default() += weight;
            let words = self.norms(m.toks.clone());
            if words.len() >= 2 && self.lex.first_names.contains(words[0]) {
                *votes.entry((m.cluster, Label::Person)).or_default() += 2;
            }
        }
        // The winner per cluster: most votes, then the first label in
        // `Label` order.
        let mut best: Vec<Option<(usize, std::cmp::Reverse<Label>)>> = vec![None; clusters.len()];
        for (&(cid, l), &n) in &votes {
            if let Some(slot) = best.get_mut(cid) {
                let key = (n, std::cmp::Reverse(l));
                if slot.is_none_or(|b| key > b) {
                    *slot = Some(key);
                }
            }
        }
        for (c, b) in clusters.iter_mut().zip(best) {
            if c.kb.is_none()
                && let Some((_, std::cmp::Reverse(l))) = b
            {
                c.label = l;
            }
        }
        clusters
    }

    /// Capitalized "the League", "the Committee" where the document names
    /// exactly one organisation with that head word join that organisation.
    fn propagate_org_short_forms(&mut self, long: &[(Vec<String>, usize, Label)]) {
        let mut add = Vec::new();
        for i in 1..self.toks.len() {
            let t = &self.toks[i];
            if self.taken[i] || !t.is_word() || !t.cap || t.upper || self.toks[i - 1].norm != "the"
            {
                continue;
            }
            // "the League of Nations" is another name.
            let next = self.toks.get(i + 1);
            if next.is_some_and(|n| n.is_word() && (n.cap || n.norm == "of")) {
                continue;
            }
            let words = [t.norm.to_string()];
            if let Some(cid) = self.org_short_form(long, &words, i) {
                add.push((i, cid, Label::Org));
            } else if self.lex.event_suffixes.contains(t.norm.as_ref()) {
                // "the Cup" after "the Stanley Cup": the one event of the
                // document with that head.
                let cands: HashSet<usize> = long
                    .iter()
                    .filter(|(name, _, l)| *l == Label::Event && name.last() == Some(&words[0]))
                    .map(|(_, cid, _)| *cid)
                    .collect();
                if cands.len() == 1
                    && let Some(&cid) = cands.iter().next()
                {
                    add.push((i, cid, Label::Event));
                }
            }
        }
        for (i, cid, label) in add {
            self.take(i..i + 1);
            self.mentions.push(Mention {
                toks: i..i + 1,
                label,
                cands: Vec::new(),
                source: Source::Propagated,
                cluster: cid,
                link: None,
            });
        }
        self.mentions.sort_by_key(|m| m.toks.start);
    }

    /// One word that heads organisation names ("League", "Party").
    fn is_org_head_word(&self, words: &[String]) -> bool {
        matches!(words, [w] if self.lex.org_heads.contains(w.as_str())
            || self.lex.is_org_suffix(w.as_str()))
    }

    /// "the League" for "Australian League of Rights": a single organisation
    /// head word that names exactly one organisation of the document.
    fn org_short_form(
        &self,
        long: &[(Vec<String>, usize, Label)],
        words: &[String],
        at: usize,
    ) -> Option<usize> {
        let [w] = words else {
            return None;
        };
        if !self.is_org_head_word(words) {
            return None;
        }
        let cands: HashSet<usize> = long
            .iter()
            .filter(|(name, _, l)| *l == Label::Org && name.contains(w))
            .map(|(_, cid, _)| *cid)
            .collect();
        if cands.len() <= 1 {
            return cands.into_iter().next();
        }
        // Several: the one named last before this mention, else the first named.
        let named = |before: bool| {
            self.mentions
                .iter()
                .filter(|m| cands.contains(&m.cluster) && m.toks.len() > 1)
                .filter(move |m| !before || m.toks.start < at)
                .map(|m| (m.toks.start, m.cluster))
        };
        named(true)
            .max()
            .or_else(|| named(false).min())
            .map(|(_, c)| c)
    }

    /// The cluster of a longer name of the same label whose words end with
    /// (or, for people, contain) `words`.
    fn containing(
        &self,
        long: &[(Vec<String>, usize, Label)],
        words: &[String],
        label: Label,
    ) -> Option<usize> {
        if words.is_empty() {
            return None;
        }
        let mut found: Option<usize> = None;
        for (w, cid, l) in long {
            // Names of people and of other things never share a cluster; a
            // model's label for a shorter form of a known name may differ.
            let compatible = *l == label || (*l != Label::Person && label != Label::Person);
            if !compatible || w.len() <= words.len() {
                continue;
            }
            let suffix = w.ends_with(words);
            let person_part = label == Label::Person && words.len() == 1 && w.contains(&words[0]);
            if suffix || person_part {
                match found {
                    Some(f) if f != *cid => return None,
                    _ => found = Some(*cid),
                }
            }
        }
        found
    }

    fn propagate(&mut self, surnames: &HashMap<String, usize>, clusters: &[Cluster]) {
        let mut add = Vec::new();
        for (i, t) in self.toks.iter().enumerate() {
            if self.taken[i] || !t.is_word() {
                continue;
            }
            let Some(&cid) = surnames.get(t.norm.as_ref()) else {
                continue;
            };
            if clusters.get(cid).is_none_or(|c| c.label != Label::Person) {
                continue;
            }
            let common = self.lex.common.contains(t.norm.as_ref());
            if (common || clusters[cid].kb.is_none()) && !t.cap {
                continue;
            }
            // A lowercased surname reads as a name after a determiner, a
            // title, "by"/"and", or before "said"/"'s".
            if t.lower() {
                let prev = if i > 0 {
                    self.toks[i - 1].norm.as_ref()
                } else {
                    ""
                };
                let next = self.toks.get(i + 1).map(|x| x.norm.as_ref()).unwrap_or("");
                let ok = matches!(
                    prev,
                    "the"
                        | "by"
                        | "and"
                        | "of"
                        | "president"
                        | "mr"
                        | "with"
                        | ","
                        | "met"
                        | "between"
                ) || matches!(
                    next,
                    "said" | "says" | "'s" | "told" | "," | "and" | "administration"
                );
                if !ok {
                    continue;
                }
            }
            add.push((i, cid));
        }
        for (i, cid) in add {
            self.take(i..i + 1);
            self.mentions.push(Mention {
                toks: i..i + 1,
                label: Label::Person,
                cands: Vec::new(),
                source: Source::Propagated,
                cluster: cid,
                link: None,
            });
        }
        self.mentions.sort_by_key(|m| m.toks.start);
    }

    fn surface(&self, r: Range<usize>) -> String {
        if r.is_empty() {
            return String::new();
        }
        let s = self.toks[r.start].span.start;
        let e = self.toks[r.end - 1].span.end;
        self.text[s..e]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Whether a capitalized "The" inside a sentence belongs to the
    /// organisation or work named after it ("members of The Stooges",
    /// "according to The Washington Post"): writers lowercase "the" unless
    /// it is part of the name. Sentence starts and headlines say nothing.
    fn capital_the_before(&self, k: usize, label: Label) -> bool {
        if k == 0 || !matches!(label, Label::Org | Label::Misc) {
            return false;
        }
        let the = &self.toks[k - 1];
        the.text == "The"
            && !the.sent_start
            && the.span.end < self.toks[k].span.start
            && self.sentence_of(k - 1).is_some_and(|s| {
                !self.title_case[s] && self.sents[s].start < k - 1 && self.same_sentence(k - 1, k)
            })
            && self
                .toks
                .get(k - 2)
                .is_some_and(|p| p.is_word() || matches!(p.text, "," | "(" | "&"))
    }

    fn output(&self, clusters: Vec<Cluster>) -> Vec<Entity> {
        let mut out: Vec<Entity> = Vec::with_capacity(self.mentions.len() + self.temporal.len());
        let is_gpe = |m: &Mention| {
            clusters
                .get(m.cluster)
                .is_some_and(|c| c.label == Label::Gpe)
        };
        // End of the GPE mention starting at a token.
        let gpe_after = |k: usize| -> Option<usize> {
            self.mentions
                .iter()
                .find(|m| m.toks.start == k && is_gpe(m))
                .map(|m| m.toks.end)
        };
        for m in &self.mentions {
            let Some(c) = clusters.get(m.cluster) else {
                continue;
            };
            if m.toks.is_empty() {
                continue;
            }
            let start = if self.capital_the_before(m.toks.start, c.label) {
                m.toks.start - 1
            } else {
                m.toks.start
            };
            let span = Span::new(
                self.toks[start].span.start,
                self.toks[m.toks.end - 1].span.end,
            );
            let sense = (c.label == Label::Gpe).then(|| {
                let sent = self
                    .sentence_of(m.toks.start)
                    .map_or(0..self.toks.len(), |i| self.sents[i].clone());
                let plural = self.toks[m.toks.end - 1].norm.ends_with('s');
                crate::sense::gpe_sense(&self.toks, m.toks.clone(), sent, &gpe_after, plural)
            });
            out.push(Entity {
                span,
                text: self.text[span.range()].to_string(),
                label: c.label,
                canonical: c.canonical.clone(),
                value: None,
                sense,
            });
        }
        for f in &self.temporal {
            let text = self.text[f.span.range()].to_string();
            out.push(Entity {
                span: f.span,
                canonical: text.clone(),
                text,
                label: f.label,
                value: f.value.clone(),
                sense: None,
            });
        }
        out.sort_by_key(|e| (e.span.start, e.span.end));
        out.dedup_by(|b, a| a.span.overlaps(b.span));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::title_case;

    #[test]
    fn title_case_capitalizes_names_but_not_particles() {
        assert_eq!(title_case("Donald trump"), "Donald Trump");
        assert_eq!(title_case("christopher ray"), "Christopher Ray");
        assert_eq!(title_case("ludwig van beethoven"), "Ludwig van Beethoven");
        assert_eq!(
            title_case("lucas cranach the elder"),
            "Lucas Cranach the Elder"
        );
        assert_eq!(title_case("jean-luc picard"), "Jean-Luc Picard");
        assert_eq!(title_case("van morrison"), "Van Morrison");
    }
}
