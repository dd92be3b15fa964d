//! Document-level resolution: clusters, one label and one canonical name each, propagation.

use super::*;
use crate::words::WordList;

/// Words before a lone surname that let it join its full name.
static SURNAME_BEFORE: WordList =
    WordList::new(include_str!("../../words/resolve_surname_before.txt"));

/// Words after a lone surname that let it join its full name.
static SURNAME_AFTER: WordList =
    WordList::new(include_str!("../../words/resolve_surname_after.txt"));

/// The cluster of the name `words` (one per name, whatever label each
/// mention got: the vote settles the label), made on first sight with the
/// mention's surface as its canonical name (a person's title-cased).
fn name_cluster(
    clusters: &mut Vec<Cluster>,
    by_key: &mut HashMap<String, usize>,
    words: &[String],
    label: Label,
    surface: &str,
) -> usize {
    *by_key.entry(words.join(" ")).or_insert_with(|| {
        let canonical = if label == Label::Person && surface.chars().any(|c| c.is_lowercase()) {
            title_case(surface)
        } else {
            surface.to_string()
        };
        clusters.push(Cluster {
            kb: None,
            label,
            canonical,
            voted: false,
        });
        clusters.len() - 1
    })
}

/// Where each cluster is named in more than one token: the starts of its
/// multi-token mentions, what [`Doc::org_short_form`] chooses among (kept as
/// mentions join clusters, so that a short form does not scan every
/// mention of the document).
#[derive(Debug, Default)]
pub(super) struct NamedAt(HashMap<usize, std::collections::BTreeSet<usize>>);

impl NamedAt {
    /// Records that the mention over `toks` joined `cluster`.
    fn add(&mut self, cluster: usize, toks: &Range<usize>) {
        if toks.len() > 1 {
            self.0.entry(cluster).or_default().insert(toks.start);
        }
    }

    /// The index of mentions as they are.
    fn of(mentions: &[Mention]) -> NamedAt {
        let mut named = NamedAt::default();
        for m in mentions {
            named.add(m.cluster, &m.toks);
        }
        named
    }
}

/// Weights of a mention's vote for its cluster's label (see `Doc::vote`).
mod vote {
    /// A knowledge-base match.
    pub(super) const KB: usize = 4;
    /// A rule's reading in a defining sentence ("X is a convention").
    pub(super) const DEFINITION: usize = 9;
    /// Any other rule's reading.
    pub(super) const RULE: usize = 3;
    /// The model's guess, or a label propagated from another mention.
    pub(super) const GUESS: usize = 1;
    /// Added for a person when a multi-word name opens with a known given name.
    pub(super) const GIVEN_NAME: usize = 2;
}

impl<'k, 'a> Doc<'k, 'a> {
    /// The number of words and numbers in the tokens `r`.
    pub(super) fn norm_count(&self, r: Range<usize>) -> usize {
        self.toks[r]
            .iter()
            .filter(|t| t.is_word() || t.kind == TokenKind::Number)
            .count()
    }

    pub(super) fn norms(&self, r: Range<usize>) -> Vec<&str> {
        self.toks[r]
            .iter()
            .filter(|t| t.is_word() || t.kind == TokenKind::Number)
            .map(|t| t.norm.as_ref())
            .collect()
    }

    /// Resolution: chooses among knowledge-base candidates, clusters the
    /// mentions, propagates names to their other mentions and gives each
    /// cluster one label.
    pub(super) fn resolve(&mut self) -> Vec<Cluster> {
        self.choose_entries();
        let (clusters, long_names, surnames, named_otherwise) = self.cluster();
        let mut surnames = surnames;
        // Propagate person names to other mentions, however cased.
        surnames.retain(|w, _| !named_otherwise.contains(w));
        if self.on(Point::ResolveSurnames) {
            self.propagate(&surnames, &clusters);
        }
        self.propagate_org_short_forms(&long_names);
        self.vote(clusters)
    }

    /// Chooses each knowledge-base mention's entry among its candidates by
    /// the names and cues of the document; a one-word mention whose entries
    /// all lack their cues stays an unknown name (a person if capitalized)
    /// or is dropped.
    fn choose_entries(&mut self) {
        // Entries named by a multi-word mention somewhere in the document.
        let mut full_named: HashSet<u32> = HashSet::default();
        for m in &self.mentions {
            if m.source == Source::Kb && self.norm_count(m.toks.clone()) > 1 && m.cands.len() == 1 {
                full_named.insert(m.cands[0]);
            }
        }
        // Choose among knowledge-base candidates.
        for mi in 0..self.mentions.len() {
            let m = self.mentions[mi].clone();
            if m.source != Source::Kb || m.cands.is_empty() {
                continue;
            }
            let single = self.norm_count(m.toks.clone()) == 1;
            let chosen = if let Some(&c) = m.cands.iter().find(|c| full_named.contains(c)) {
                Some(c)
            } else if m.cands.len() == 1 {
                let c = m.cands[0];
                let kb = self.kb;
                let cues: &[String] = kb.entry(c as usize).map_or(&[], |e| e.cues.as_slice());
                if single && !cues.is_empty() && !cues.iter().any(|q| self.doc_has(q)) {
                    None
                } else {
                    Some(c)
                }
            } else {
                let mut best = (i32::MIN, m.cands[0]);
                for &c in &m.cands {
                    let kb = self.kb;
                    let cues: &[String] = kb.entry(c as usize).map_or(&[], |e| e.cues.as_slice());
                    let mut score = 0;
                    for q in cues {
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
                    mm.cluster = REJECTED_ENTRY;
                }
            }
        }
        let dropped: Vec<Range<usize>> = self
            .mentions
            .iter()
            .filter(|m| m.cluster == REJECTED_ENTRY && m.label == Label::Misc)
            .map(|m| m.toks.clone())
            .collect();
        for r in dropped {
            for k in r {
                self.taken[k] = false;
            }
        }
        self.mentions
            .retain(|m| !(m.cluster == REJECTED_ENTRY && m.label == Label::Misc));
    }

    /// Clusters the mentions, longest names first so that short forms find
    /// their full names anywhere in the document. Returns the clusters, the
    /// long names, person names by surname, and the one-word names the rules
    /// read as something other than a person.
    fn cluster(
        &mut self,
    ) -> (
        Vec<Cluster>,
        LongNames,
        HashMap<String, usize>,
        HashSet<String>,
    ) {
        let mut clusters: Vec<Cluster> = Vec::new();
        let mut by_kb: HashMap<u32, usize> = HashMap::default();
        let mut by_key: HashMap<String, usize> = HashMap::default();
        // Person names by surname and by first name, for short mentions.
        let mut surnames: HashMap<String, usize> = HashMap::default();
        let order = self.longest_first();
        let mut long_names = LongNames::default();
        let mut acronyms: HashMap<String, usize> = HashMap::default();
        let named_otherwise = self.named_otherwise();
        // The first mention starting at each token (for acronym links).
        let mut first_at: HashMap<usize, usize> = HashMap::default();
        let mut named_at = NamedAt::default();
        for (i, m) in self.mentions.iter().enumerate() {
            first_at.entry(m.toks.start).or_insert(i);
        }
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
                .and_then(|l| first_at.get(&l))
                .map(|&x| self.mentions[x].cluster)
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
                            voted: false,
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
                .org_short_form(&long_names, &named_at, &words, m.toks.start)
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
                name_cluster(&mut clusters, &mut by_key, &words, m.label, &surface)
            };
            self.mentions[mi].cluster = cid;
            named_at.add(cid, &m.toks);
            if words.len() > 1 {
                long_names.push(&words, cid, clusters[cid].label);
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
        (clusters, long_names, surnames, named_otherwise)
    }

    /// The mentions' indices, longer names first (then in document order),
    /// so that short forms find their full names anywhere in the document.
    fn longest_first(&self) -> Vec<usize> {
        // Longer mentions first so that short forms find their full names anywhere in the document.
        let lens: Vec<usize> = self
            .mentions
            .iter()
            .map(|m| self.norm_count(m.toks.clone()))
            .collect();
        let mut o: Vec<usize> = (0..self.mentions.len()).collect();
        o.sort_by_key(|&i| (std::cmp::Reverse(lens[i]), i));
        o
    }

    /// One-word names that the rules read as an organisation, an event
    /// or another named thing somewhere in the document: "Caloi was
    /// founded in 1898" names the company, so the model's other
    /// "Caloi"s join it rather than the founder Luigi Caloi.
    fn named_otherwise(&self) -> HashSet<String> {
        self.mentions
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
            .collect()
    }

    /// One label per cluster: the knowledge base's, else the label with the
    /// most votes (decision point `resolve.vote`; switched off, a cluster
    /// keeps the label of the mention that made it).
    fn vote(&self, mut clusters: Vec<Cluster>) -> Vec<Cluster> {
        if !self.on(Point::ResolveVote) {
            return clusters;
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
        let defined: HashSet<usize> = self.defined.iter().copied().collect();
        let mut votes: HashMap<(usize, Label), usize> = HashMap::default();
        for m in &self.mentions {
            if m.source == Source::Model && strong.contains(&m.cluster) {
                continue;
            }
            let weight = match m.source {
                Source::Kb => vote::KB,
                // What a defining sentence says outweighs a few other
                // readings ("BayCon is a convention", then "BayCon moved").
                Source::Rule if defined.contains(&m.toks.start) => vote::DEFINITION,
                Source::Rule => vote::RULE,
                Source::Model | Source::Propagated => vote::GUESS,
            };
            *votes.entry((m.cluster, m.label)).or_default() += weight;
            // A name of two or more words that opens with a given name.
            let mut words = self.toks[m.toks.clone()]
                .iter()
                .filter(|t| t.is_word() || t.kind == TokenKind::Number);
            if let (Some(first), Some(_)) = (words.next(), words.next())
                && self.lex.first_names.contains(first.norm.as_ref())
            {
                *votes.entry((m.cluster, Label::Person)).or_default() += vote::GIVEN_NAME;
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
                c.voted = true;
            }
        }
        clusters
    }

    /// Capitalized "the League", "the Committee" where the document names
    /// exactly one organisation with that head word join that organisation.
    pub(super) fn propagate_org_short_forms(&mut self, long: &LongNames) {
        let mut add = Vec::new();
        let named_at = NamedAt::of(&self.mentions);
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
            if let Some(cid) = self
                .org_short_form(long, &named_at, &words, i)
                .filter(|_| self.on(Point::ResolveOrgShortForms))
            {
                add.push((i, cid, Label::Org));
            } else if self.lex.event_suffixes.contains(t.norm.as_ref())
                && self.on(Point::ResolveEventShortForms)
            {
                // "the Cup" after "the Stanley Cup": the one event of the
                // document with that head.
                let cands: HashSet<usize> = long
                    .with_word(&words[0])
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
            let point = if label == Label::Org {
                Point::ResolveOrgShortForms
            } else {
                Point::ResolveEventShortForms
            };
            self.push_propagated(i, label, cid, point);
        }
        self.mentions.sort_by_key(|m| m.toks.start);
    }

    /// One word that heads organisation names ("League", "Party").
    pub(super) fn is_org_head_word(&self, words: &[String]) -> bool {
        matches!(words, [w] if self.lex.org_heads.contains(w.as_str())
            || self.lex.is_org_suffix(w.as_str()))
    }

    /// "the League" for "Australian League of Rights": a single organisation
    /// head word that names exactly one organisation of the document.
    pub(super) fn org_short_form(
        &self,
        long: &LongNames,
        named_at: &NamedAt,
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
            .with_word(w)
            .filter(|(_, _, l)| *l == Label::Org)
            .map(|(_, cid, _)| *cid)
            .collect();
        if cands.len() <= 1 {
            return cands.into_iter().next();
        }
        // Several: the one named last before this mention, else the first
        // named (in more than one token).
        let starts = |c: usize| named_at.0.get(&c).map(|s| (s, c));
        cands
            .iter()
            .filter_map(|&c| starts(c))
            .filter_map(|(s, c)| s.range(..at).next_back().map(|&x| (x, c)))
            .max()
            .or_else(|| {
                cands
                    .iter()
                    .filter_map(|&c| starts(c))
                    .filter_map(|(s, c)| s.first().map(|&x| (x, c)))
                    .min()
            })
            .map(|(_, c)| c)
    }

    /// The cluster of a longer name of the same label whose words end with
    /// (or, for people, contain) `words`.
    pub(super) fn containing(
        &self,
        long: &LongNames,
        words: &[String],
        label: Label,
    ) -> Option<usize> {
        if words.is_empty() {
            return None;
        }
        let mut found: Option<usize> = None;
        // A longer name ending with the words, or holding the one word,
        // holds the last word.
        for (w, cid, l) in long.with_word(&words[words.len() - 1]) {
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

    pub(super) fn propagate(&mut self, surnames: &HashMap<String, usize>, clusters: &[Cluster]) {
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
                let ok = SURNAME_BEFORE.contains(prev) || SURNAME_AFTER.contains(next);
                if !ok {
                    continue;
                }
            }
            add.push((i, cid));
        }
        for (i, cid) in add {
            self.push_propagated(i, Label::Person, cid, Point::ResolveSurnames);
        }
        self.mentions.sort_by_key(|m| m.toks.start);
    }

    /// Adds token `i` as a one-word mention of cluster `cid`, propagated
    /// there by the decision point `point`.
    fn push_propagated(&mut self, i: usize, label: Label, cid: usize, point: Point) {
        self.take(i..i + 1);
        let rules = self.made_by(point);
        self.mentions.push(Mention {
            toks: i..i + 1,
            label,
            cands: Vec::new(),
            source: Source::Propagated,
            cluster: cid,
            link: None,
            id: None,
            rules,
        });
    }

    pub(super) fn surface(&self, r: Range<usize>) -> String {
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
}
