//! The knowledge base: named entities with canonical names, labels, aliases
//! and context cues, matched over normalized tokens.
//!
//! # File format
//!
//! One entry a line, fields separated by tabs; blank lines and lines starting
//! with `#` are ignored:
//!
//! ```text
//! canonical name <TAB> LABEL <TAB> alias|alias|… [<TAB> cue|cue|…]
//! ```
//!
//! - `LABEL` is one of `PERSON ORG GPE LOC NORP FAC EVENT MISC`.
//! - The canonical name is always an alias too. Aliases include short forms,
//!   surnames, acronyms, translations, transliterations and frequent
//!   mistranslations, in any script.
//! - An alias starting with `=` matches only with exactly that letter case.
//!   Short all-uppercase aliases (acronyms such as `AP`, `CIA`) are
//!   case-exact automatically. Other one-word aliases need a capitalized word
//!   in the text; aliases of two or more words match in any case.
//! - Cues are lowercase words or phrases that, near a mention, pick this entry
//!   among entries sharing an alias ("Sanders" beside "press secretary").
//!
//! # Matching
//!
//! Aliases are tokenized with the tokenize layer and stored in a trie keyed by
//! normalized tokens (lowercase, diacritics folded), so matching walks the
//! text's tokens once without allocating and takes the longest alias.

use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

use crate::fxhash::FxHashMap;
use crate::tokens::{Normed, refine};
use crate::{Error, KbHint, Label, Token, Tokenizer};

const BUNDLED: &[(&str, &str)] = &[
    ("kb_places.tsv", include_str!("../data/kb_places.tsv")),
    ("kb_orgs.tsv", include_str!("../data/kb_orgs.tsv")),
    ("kb_people.tsv", include_str!("../data/kb_people.tsv")),
    ("kb_world.tsv", include_str!("../data/kb_world.tsv")),
];

/// One knowledge-base entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KbEntry {
    /// Canonical (Wikipedia-style) name.
    pub canonical: String,
    /// Entity label.
    pub label: Label,
    /// Other names it goes by (the canonical name is matched as well).
    pub aliases: Vec<String>,
    /// Lowercase context cues that select this entry among homonyms.
    pub cues: Vec<String>,
}

impl KbEntry {
    /// An entry with no aliases or cues.
    pub fn new(canonical: impl Into<String>, label: Label) -> KbEntry {
        KbEntry {
            canonical: canonical.into(),
            label,
            aliases: Vec::new(),
            cues: Vec::new(),
        }
    }

    /// Adds an alias (builder style).
    pub fn alias(mut self, alias: impl Into<String>) -> KbEntry {
        self.aliases.push(alias.into());
        self
    }

    /// Adds a context cue (builder style).
    pub fn cue(mut self, cue: impl Into<String>) -> KbEntry {
        self.cues.push(cue.into().to_lowercase());
        self
    }
}

/// How the letter case of the text must look for an alias to match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CaseRule {
    /// Exactly as written in the alias (acronyms, `=` aliases).
    Exact,
    /// First word capitalized.
    Capitalized,
    /// Any case.
    Any,
}

#[derive(Debug, Clone)]
pub(crate) struct AliasEnd {
    pub(crate) entry: u32,
    pub(crate) case: CaseRule,
    /// For [`CaseRule::Any`]: some matched word must be capitalized (short
    /// aliases such as "White House", "Daily News").
    need_cap: bool,
    /// Concatenated token texts of the alias, for [`CaseRule::Exact`].
    exact: Box<str>,
}

#[derive(Debug, Clone, Default)]
struct Node {
    children: FxHashMap<Box<str>, u32>,
    ends: Vec<AliasEnd>,
}

/// A knowledge base of named entities (see the module docs for the format).
#[derive(Debug, Clone)]
pub struct KnowledgeBase {
    entries: Vec<KbEntry>,
    nodes: Vec<Node>,
    by_name: HashMap<String, Vec<u32>>,
    /// The most tokens of any alias: how far a match can reach.
    depth: usize,
}

impl Default for KnowledgeBase {
    fn default() -> Self {
        KnowledgeBase::empty()
    }
}

/// A match of the knowledge base over tokens.
#[derive(Debug, Clone)]
pub(crate) struct KbMatch {
    pub(crate) len: usize,
    /// Candidate entries (more than one for a shared alias).
    pub(crate) entries: Vec<u32>,
}

impl KnowledgeBase {
    /// An empty knowledge base.
    pub fn empty() -> KnowledgeBase {
        KnowledgeBase {
            entries: Vec::new(),
            nodes: vec![Node::default()],
            by_name: HashMap::new(),
            depth: 0,
        }
    }

    /// The knowledge base bundled with the crate, parsed once on first use.
    pub fn bundled() -> &'static KnowledgeBase {
        static KB: OnceLock<KnowledgeBase> = OnceLock::new();
        KB.get_or_init(KnowledgeBase::load_bundled)
    }

    /// Parses the bundled knowledge-base files afresh (what [`bundled`]
    /// does once per process).
    ///
    /// [`bundled`]: KnowledgeBase::bundled
    pub fn load_bundled() -> KnowledgeBase {
        let mut kb = KnowledgeBase::empty();
        for (name, text) in BUNDLED {
            // The bundled files are checked by the test suite (every line
            // parses); a bad line would be skipped rather than fail here.
            let _ = kb.extend_lenient(name, text);
        }
        kb
    }

    /// The bundled knowledge-base files as `(file name, text)`.
    pub fn bundled_sources() -> &'static [(&'static str, &'static str)] {
        BUNDLED
    }

    /// A copy of the bundled knowledge base, to extend.
    pub fn bundled_clone() -> KnowledgeBase {
        KnowledgeBase::bundled().clone()
    }

    /// Parses a knowledge base from text in the file format; `name` is used
    /// in error messages.
    pub fn parse(name: &str, text: &str) -> Result<KnowledgeBase, Error> {
        let mut kb = KnowledgeBase::empty();
        kb.extend_from_str(name, text)?;
        Ok(kb)
    }

    /// Reads a knowledge-base file.
    pub fn from_file(path: impl AsRef<Path>) -> Result<KnowledgeBase, Error> {
        let mut kb = KnowledgeBase::empty();
        kb.extend_from_file(path)?;
        Ok(kb)
    }

    /// Adds the entries of a knowledge-base file.
    pub fn extend_from_file(&mut self, path: impl AsRef<Path>) -> Result<(), Error> {
        let path = path.as_ref();
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| Error::KbIo {
            file: file.clone(),
            source,
        })?;
        self.extend_from_str(&file, &text)
    }

    /// Adds the entries of text in the file format. On error nothing is
    /// added and the error names `name` and the line.
    pub fn extend_from_str(&mut self, name: &str, text: &str) -> Result<(), Error> {
        let mut parsed = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if let Some(entry) = parse_line(line).map_err(|message| Error::KbLine {
                file: name.to_string(),
                line: i + 1,
                message,
            })? {
                parsed.push(entry);
            }
        }
        for e in parsed {
            self.add(e);
        }
        Ok(())
    }

    fn extend_lenient(&mut self, _name: &str, text: &str) -> usize {
        let mut bad = 0;
        for line in text.lines() {
            match parse_line(line) {
                Ok(Some(e)) => {
                    self.add(e);
                }
                Ok(None) => {}
                Err(_) => bad += 1,
            }
        }
        bad
    }

    /// Adds one entry; returns its id.
    pub fn add(&mut self, entry: KbEntry) -> usize {
        let id = self.entries.len() as u32;
        let tokenizer = Tokenizer::new();
        let names = std::iter::once(entry.canonical.as_str())
            .chain(entry.aliases.iter().map(String::as_str));
        let mut seen: Vec<(Vec<String>, CaseRule)> = Vec::new();
        for raw in names {
            let (alias, forced_exact) = match raw.strip_prefix('=') {
                Some(a) => (a.trim(), true),
                None => (raw.trim(), false),
            };
            if alias.is_empty() {
                continue;
            }
            let mut toks = Vec::new();
            refine(tokenizer.tokens(alias), &mut toks);
            if toks.is_empty() {
                continue;
            }
            let words = toks
                .iter()
                .filter(|t| t.is_word() || t.kind == crate::TokenKind::Number)
                .count();
            let case = if forced_exact || is_acronym(alias) {
                CaseRule::Exact
            } else if words <= 1 {
                CaseRule::Capitalized
            } else {
                CaseRule::Any
            };
            let key: Vec<String> = toks.iter().map(|t| t.norm.to_string()).collect();
            if case != CaseRule::Exact && seen.iter().any(|(k, c)| *k == key && *c == case) {
                continue;
            }
            let exact: String = toks.iter().map(|t| t.text).collect();
            let content = toks
                .iter()
                .filter(|t| t.is_word() && t.norm != "the")
                .count();
            let need_cap = case == CaseRule::Any && content <= 2;
            self.insert(
                &key,
                AliasEnd {
                    entry: id,
                    case,
                    need_cap,
                    exact: exact.into(),
                },
            );
            seen.push((key, case));
        }
        self.by_name
            .entry(entry.canonical.to_lowercase())
            .or_default()
            .push(id);
        self.entries.push(entry);
        id as usize
    }

    fn insert(&mut self, key: &[String], end: AliasEnd) {
        self.depth = self.depth.max(key.len());
        let mut node = 0usize;
        for k in key {
            let next = match self.nodes[node].children.get(k.as_str()) {
                Some(&n) => n as usize,
                None => {
                    let n = self.nodes.len();
                    self.nodes.push(Node::default());
                    self.nodes[node]
                        .children
                        .insert(k.clone().into_boxed_str(), n as u32);
                    n
                }
            };
            node = next;
        }
        let ends = &mut self.nodes[node].ends;
        if !ends
            .iter()
            .any(|e| e.entry == end.entry && e.case == end.case && e.exact == end.exact)
        {
            ends.push(end);
        }
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// All entries; an entry's id is its index.
    pub fn entries(&self) -> &[KbEntry] {
        &self.entries
    }

    /// The entry with this id.
    pub fn entry(&self, id: usize) -> Option<&KbEntry> {
        self.entries.get(id)
    }

    /// Entries whose canonical name is `name` (case-insensitive).
    pub fn by_canonical(&self, name: &str) -> Vec<&KbEntry> {
        self.by_name
            .get(&name.to_lowercase())
            .map(|ids| {
                ids.iter()
                    .filter_map(|&i| self.entries.get(i as usize))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Entries matching an alias written as text (`"Pátrushev"`), in any case.
    pub fn lookup(&self, alias: &str) -> Vec<&KbEntry> {
        let mut toks = Vec::new();
        refine(Tokenizer::new().tokens(alias), &mut toks);
        let mut node = 0usize;
        for t in &toks {
            match self.nodes[node].children.get(t.norm.as_ref()) {
                Some(&n) => node = n as usize,
                None => return Vec::new(),
            }
        }
        let mut ids: Vec<u32> = self.nodes[node].ends.iter().map(|e| e.entry).collect();
        ids.dedup();
        ids.iter()
            .filter_map(|&i| self.entries.get(i as usize))
            .collect()
    }

    /// One optional hint per token: the label of the longest knowledge-base
    /// match covering it, with `begin` on its first token. Letter-case rules
    /// apply as in tagging, without document context.
    pub fn hints(&self, tokens: &[Token<'_>]) -> Vec<Option<KbHint>> {
        self.hints_by(tokens.len(), |i| (&*tokens[i].norm, tokens[i].text))
    }

    /// [`KnowledgeBase::hints`] over `n` tokens given one at a time by
    /// `token(i)` as (normalized form, text), so that a caller holding its
    /// tokens compactly need not build them all.
    pub(crate) fn hints_by<'t>(
        &self,
        n: usize,
        token: impl Fn(usize) -> (&'t str, &'t str),
    ) -> Vec<Option<KbHint>> {
        // The folded forms are made for a window of tokens at a time: a
        // match starting in the window reads at most `depth` tokens past
        // it, so each window reaches that far into the next one.
        const WINDOW: usize = 4096;
        let view_of = |from: usize| -> Vec<HintTok<'t>> {
            let to = from
                .saturating_add(WINDOW)
                .saturating_add(self.depth)
                .min(n);
            (from..to)
                .map(|i| {
                    let (norm, text) = token(i);
                    HintTok {
                        norm: crate::tokens::fold(norm),
                        text,
                    }
                })
                .collect()
        };
        let mut out = vec![None; n];
        let mut base = 0;
        let mut view = Vec::new();
        let mut i = 0;
        while i < n {
            if i >= base + WINDOW || view.is_empty() {
                base = i;
                view = view_of(base);
            }
            if let Some(m) = self.longest(&view, i - base, &|_| true) {
                let label = m
                    .entries
                    .first()
                    .and_then(|&e| self.entries.get(e as usize))
                    .map(|e| e.label);
                if let Some(label) = label {
                    for (k, slot) in out.iter_mut().enumerate().skip(i).take(m.len) {
                        *slot = Some(KbHint {
                            label,
                            begin: k == i,
                        });
                    }
                    i += m.len;
                    continue;
                }
            }
            i += 1;
        }
        out
    }

    /// The longest alias match starting at token `i` whose case rule holds.
    /// `cap_ok(i)` says whether a capitalized-rule match may start at `i`.
    pub(crate) fn longest<T: Normed>(
        &self,
        toks: &[T],
        i: usize,
        cap_ok: &dyn Fn(usize) -> bool,
    ) -> Option<KbMatch> {
        self.longest_with(toks, i, cap_ok, false)
    }

    /// As [`KnowledgeBase::longest`], for text written all in lowercase
    /// ("from mexico to san francisco"): aliases that need some capital
    /// and capitalized-only aliases match without one; exact aliases still
    /// need their exact form. The caller checks the context.
    pub(crate) fn longest_lowercase<T: Normed>(&self, toks: &[T], i: usize) -> Option<KbMatch> {
        self.longest_with(toks, i, &|_| false, true)
    }

    fn longest_with<T: Normed>(
        &self,
        toks: &[T],
        i: usize,
        cap_ok: &dyn Fn(usize) -> bool,
        lowercase: bool,
    ) -> Option<KbMatch> {
        let mut node = 0usize;
        let mut found: Vec<KbMatch> = Vec::new();
        let mut j = i;
        while j < toks.len() {
            let Some(&n) = self.nodes[node].children.get(toks[j].norm_str()) else {
                break;
            };
            node = n as usize;
            j += 1;
            let ends = &self.nodes[node].ends;
            if ends.is_empty() {
                continue;
            }
            let mut entries = Vec::new();
            for e in ends {
                let ok = match e.case {
                    CaseRule::Any => {
                        !e.need_cap
                            || lowercase
                            || toks[i..j].iter().any(|t| {
                                t.text_str().chars().next().is_some_and(char::is_uppercase)
                            })
                    }
                    CaseRule::Capitalized if lowercase => true,
                    CaseRule::Capitalized => {
                        toks[i]
                            .text_str()
                            .chars()
                            .next()
                            .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
                            && cap_ok(i)
                    }
                    CaseRule::Exact => exact_eq(&e.exact, &toks[i..j]),
                };
                if ok && !entries.contains(&e.entry) {
                    entries.push(e.entry);
                }
            }
            if !entries.is_empty() {
                found.push(KbMatch {
                    len: j - i,
                    entries,
                });
            }
        }
        let mut best = found.pop()?;
        // "CBS news": a trailing lowercased word is dropped when the shorter
        // form names the same entry.
        while best.len > 1
            && toks[i + best.len - 1]
                .text_str()
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
        {
            let Some(pos) = found.iter().rposition(|m| {
                m.len + 1 == best.len && m.entries.iter().any(|e| best.entries.contains(e))
            }) else {
                break;
            };
            let shorter = found.remove(pos);
            let entries: Vec<u32> = shorter
                .entries
                .iter()
                .copied()
                .filter(|e| best.entries.contains(e))
                .collect();
            best = KbMatch {
                len: shorter.len,
                entries,
            };
            found.truncate(pos);
        }
        Some(best)
    }
}

struct HintTok<'a> {
    norm: std::borrow::Cow<'a, str>,
    text: &'a str,
}

impl Normed for HintTok<'_> {
    fn norm_str(&self) -> &str {
        &self.norm
    }
    fn text_str(&self) -> &str {
        self.text
    }
}

fn exact_eq<T: Normed>(exact: &str, toks: &[T]) -> bool {
    let mut rest = exact;
    for t in toks {
        match rest.strip_prefix(t.text_str()) {
            Some(r) => rest = r,
            None => return false,
        }
    }
    rest.is_empty()
}

/// Short all-uppercase aliases (with optional dots) are acronyms.
fn is_acronym(alias: &str) -> bool {
    let letters: Vec<char> = alias.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty()
        && letters.len() <= 6
        && !alias.contains(' ')
        && letters.iter().all(|c| c.is_uppercase())
        && (letters.len() >= 2 || alias.contains('.'))
}

/// A knowledge-base label: a name label as output writes it, or `PER`.
pub(crate) fn parse_label(s: &str) -> Option<Label> {
    if s == "PER" {
        return Some(Label::Person);
    }
    s.parse::<Label>().ok().filter(|l| l.is_name())
}

fn parse_line(line: &str) -> Result<Option<KbEntry>, String> {
    let line = line.trim_end_matches(['\r', '\n']);
    if line.trim().is_empty() || line.trim_start().starts_with('#') {
        return Ok(None);
    }
    let fields: Vec<&str> = line.split('\t').collect();
    if fields.len() < 2 {
        return Err("expected at least 2 tab-separated fields: canonical name and label".into());
    }
    if fields.len() > 4 {
        return Err(format!(
            "expected at most 4 tab-separated fields, found {}",
            fields.len()
        ));
    }
    let canonical = fields[0].trim();
    if canonical.is_empty() {
        return Err("empty canonical name".into());
    }
    let label = parse_label(fields[1].trim()).ok_or_else(|| {
        format!(
            "unknown label {:?} (expected PERSON, ORG, GPE, LOC, NORP, FAC, EVENT or MISC)",
            fields[1].trim()
        )
    })?;
    let split = |s: Option<&&str>| -> Vec<String> {
        s.map(|s| {
            s.split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(String::from)
                .collect()
        })
        .unwrap_or_default()
    };
    let aliases = split(fields.get(2));
    let cues = split(fields.get(3))
        .into_iter()
        .map(|c| c.to_lowercase())
        .collect();
    Ok(Some(KbEntry {
        canonical: canonical.to_string(),
        label,
        aliases,
        cues,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_matches() {
        let kb = KnowledgeBase::parse(
            "t",
            "# comment\nNikolai Patrushev\tPERSON\tPatrushev|Pátrushev\nCentral Intelligence Agency\tORG\tCIA\n",
        )
        .unwrap();
        assert_eq!(kb.len(), 2);
        assert_eq!(kb.lookup("PATRUSHEV")[0].canonical, "Nikolai Patrushev");
        let toks = Tokenizer::new().tokens("Bolton met Pátrushev and the CIA, not the cia.");
        let hints = kb.hints(&toks);
        assert_eq!(hints.len(), toks.len());
        assert_eq!(
            hints[2],
            Some(KbHint {
                label: Label::Person,
                begin: true
            })
        );
        assert!(hints[5].is_some());
        assert!(hints[9].is_none());
    }

    #[test]
    fn errors_name_file_and_line() {
        let err = KnowledgeBase::parse("my.tsv", "A\tPERSON\nB\tWRONG\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "my.tsv:2: unknown label \"WRONG\" (expected PERSON, ORG, GPE, LOC, NORP, FAC, EVENT or MISC)"
        );
        let err = KnowledgeBase::parse("my.tsv", "\nA\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "my.tsv:2: expected at least 2 tab-separated fields: canonical name and label"
        );
    }
}
