//! The label of a capitalized run, and given names in headline-style lines.
//!
//! [`Doc::classify`] strips titles and "The" from a run, drops runs that
//! name nothing (the vetoes), then asks the rules of [`LADDER`] in order;
//! the first rule that applies decides: a label, or no label (the run is
//! left to the model and to document-level resolution). Each rule has a
//! stable id, `cap-runs.<name>`, recorded on the mention it makes and
//! accepted by `TaggerBuilder::disable`.

use super::*;
use crate::words::{EndingList, WordList};

/// "Socialists", "Athenians", "Migrants": endings of a plural noun.
static PLURAL_ENDINGS: EndingList =
    EndingList::new(include_str!("../../words/classify_plural_endings.txt"));

/// "von der Leyen": particles inside a person's name.
static NAME_PARTICLES: WordList =
    WordList::new(include_str!("../../words/name_particles_strong.txt"));

/// "Thanks, Anna": words before a greeted name.
static GREETINGS: WordList = WordList::new(include_str!("../../words/classify_greetings.txt"));

/// "born in Leeds": participles before "in" and a place.
static LOCATED_VERBS: WordList =
    WordList::new(include_str!("../../words/classify_located_verbs.txt"));

/// "Kallas said": speech verbs after a person (apart from the quotation
/// list; see the file's header).
static SPEECH_VERBS: WordList =
    WordList::new(include_str!("../../words/classify_speech_verbs.txt"));

/// "Kreis Flensburg": words before a region's name.
static REGION_PREFIXES: WordList =
    WordList::new(include_str!("../../words/classify_region_prefixes.txt"));

/// "the ZQRT in …", "the ZQRT to …": words after a noun phrase's head.
static PHRASE_ENDS: WordList = WordList::new(include_str!("../../words/classify_phrase_ends.txt"));

/// "X has", "X also": words after a subject.
static SUBJECT_FOLLOWERS: WordList =
    WordList::new(include_str!("../../words/classify_subject_followers.txt"));

/// What the ladder knows about a capitalized run.
pub(super) struct Run<'r> {
    /// The run's tokens, titles and "The" stripped.
    pub(super) span: Range<usize>,
    /// Its sentence.
    pub(super) sent: Range<usize>,
    pub(super) len: usize,
    pub(super) single: bool,
    /// The first normalized word.
    pub(super) first: &'r str,
    /// A title came before or opened the run.
    pub(super) titled: bool,
    /// One word capitalized only because it opens its sentence.
    pub(super) weak_start: bool,
    pub(super) prev_norm: &'r str,
    pub(super) next_norm: &'r str,
    /// A speech verb follows ("X said").
    pub(super) speech: bool,
    /// Organisation evidence inside the run.
    pub(super) org: bool,
    /// An event or other head before a connector ("Treaty of Versailles").
    pub(super) of_head: Option<Label>,
    /// A geographic word opens it ("Lake Winnipesaukee").
    pub(super) geo_prefix: Option<Label>,
    /// A type designation opens it ("P-38 Lightning").
    pub(super) designation: bool,
}

/// A rule's answer: does not apply (the next rule is asked), or decides
/// (a label, or none).
type Verdict = Option<Option<Label>>;

/// One rule of the ladder: its id, what it says, and the rule.
pub(super) struct LadderRule {
    pub(super) id: RuleId,
    pub(super) about: &'static str,
    pub(super) rule: for<'r> fn(&Doc<'_, '_>, &Run<'r>) -> Verdict,
}

const fn rule(
    id: RuleId,
    about: &'static str,
    rule: for<'r> fn(&Doc<'_, '_>, &Run<'r>) -> Verdict,
) -> LadderRule {
    LadderRule { id, about, rule }
}

/// Decides with `label` when `cond` holds.
fn when(cond: bool, label: Label) -> Verdict {
    cond.then_some(Some(label))
}

/// The labelling rules for capitalized runs, in order of priority.
pub(super) const LADDER: &[LadderRule] = &[
    rule(
        "cap-runs.designation",
        "a type designation and its name are a product (\"P-38 Lightning\")",
        |_, r| when(r.designation, Label::Misc),
    ),
    rule(
        "cap-runs.of-head",
        "an event or other head before a connector (\"Treaty of Versailles\")",
        |_, r| r.of_head.filter(|_| !r.org).map(Some),
    ),
    rule(
        "cap-runs.org",
        "an organisation suffix, an ampersand or an organisation head before a connector",
        |_, r| when(r.org, Label::Org),
    ),
    rule(
        "cap-runs.head",
        "the run's head word says its kind (\"Acme Corporation\", \"Riverside Stadium\")",
        |d, r| {
            // "Mayor Linda Park", "Linda Park said": a titled or speaking
            // given name and surname is a person, whatever the surname.
            let person =
                (r.titled || r.speech) && r.len == 2 && d.lex.first_names.contains(r.first);
            d.head_label(r.span.clone()).filter(|_| !person).map(Some)
        },
    ),
    rule(
        "cap-runs.geo-prefix",
        "a geographic word before the name (\"Lake Winnipesaukee\", \"Kreis Flensburg\")",
        |_, r| r.geo_prefix.map(Some),
    ),
    rule(
        "cap-runs.kind-after",
        "a kind noun after the name (\"the Mersey river\")",
        |d, r| {
            d.kind_after(r.span.end)
                .filter(|_| {
                    !r.titled && (r.span.start == 0 || d.toks[r.span.start - 1].text != "-")
                })
                .map(Some)
        },
    ),
    rule(
        "cap-runs.place-cue",
        "a place cue (\"the village of X\", \"X, Maryland\")",
        |d, r| {
            d.place_cue(r.span.clone(), r.sent.clone())
                .filter(|_| {
                    !(r.titled || (d.lex.first_names.contains(r.first) && r.len >= 2))
                        || d.comma_place(r.span.end, r.sent.end)
                })
                .map(Some)
        },
    ),
    rule(
        "cap-runs.comma-who",
        "\"Gomery, who led the inquiry\": a person",
        |d, r| {
            let e2 = r.span.end;
            when(
                d.toks.get(e2).is_some_and(|t| t.text == ",")
                    && d.toks.get(e2 + 1).is_some_and(|t| t.norm == "who")
                    && e2 + 1 < r.sent.end
                    && !d.lex.common.contains(r.first),
                Label::Person,
            )
        },
    ),
    rule(
        "cap-runs.context",
        "context cues around the name (\"the newspaper X\", \"X, leader of\")",
        |d, r| {
            d.context_cue(r.span.clone(), r.sent.clone())
                .filter(|_| !(r.single && r.weak_start))
                .map(Some)
        },
    ),
    rule(
        "cap-runs.people-or-language",
        "a people or a language",
        |d, r| {
            d.people_or_language(r.span.clone())
                .filter(|_| !d.lex.common.contains(r.first))
                .map(Some)
        },
    ),
    rule(
        "cap-runs.predicate",
        "the predicate says what the name is (\"X, a Brazilian bicycle maker\")",
        |d, r| {
            d.predicate_cue(r.span.clone(), r.sent.clone())
                .filter(|_| {
                    !d.lex.common.contains(r.first)
                        && !crate::model::case_bucket(r.first).usually_lower()
                })
                .map(Some)
        },
    ),
    rule(
        "cap-runs.regnal",
        "a name with a regnal number (\"Ramesses II\")",
        |d, r| {
            let e2 = r.span.end;
            when(
                r.len >= 2
                    && !d.lex.common.contains(r.first)
                    && is_regnal(d.toks[e2 - 1].text)
                    && d.toks[e2 - 2].cap
                    && !d.toks[e2 - 2].upper
                    && !crate::model::case_bucket(&d.toks[e2 - 2].norm).usually_lower(),
                Label::Person,
            )
        },
    ),
    rule(
        "cap-runs.particle",
        "given name, particle, family name (\"Dorothea von Schlegel\")",
        |d, r| {
            let (s, e2) = (r.span.start, r.span.end);
            when(
                r.len >= 3
                    && !d.lex.common.contains(r.first)
                    && (s + 1..e2 - 1).any(|k| {
                        let t = &d.toks[k];
                        t.lower()
                            && (NAME_PARTICLES.contains(t.norm.as_ref())
                                || (is_particle(&t.norm) && d.lex.first_names.contains(r.first)))
                    }),
                Label::Person,
            )
        },
    ),
    rule(
        "cap-runs.titled-or-given-name",
        "a title before the name, or a known given name opening two or more words",
        |d, r| {
            when(
                (r.titled && (!r.single || (!r.weak_start && !d.lex.common.contains(r.first))))
                    || (d.lex.first_names.contains(r.first) && r.len >= 2),
                Label::Person,
            )
        },
    ),
    rule(
        "cap-runs.greeting",
        "a given name alone names a person only in a greeting or sign-off",
        |d, r| {
            if !(r.single && d.lex.first_names.contains(r.first)) {
                return None;
            }
            let e2 = r.span.end;
            let opens =
                r.next_norm == "," && (d.toks[r.span.start].sent_start || r.prev_norm == ",");
            let closes =
                (e2 >= r.sent.end || !d.toks[e2].is_word()) && GREETINGS.contains(r.prev_norm);
            let greeting = opens || closes;
            Some((greeting && !d.lex.common.contains(r.first)).then_some(Label::Person))
        },
    ),
    rule(
        "cap-runs.acronym",
        "a short word in capitals that is an acronym: an organisation",
        |d, r| {
            let t0 = &d.toks[r.span.start];
            when(
                r.single
                    && t0.upper
                    && t0.text.chars().count() <= 6
                    && !d.lex.not_acronyms.contains(r.first.trim_end_matches('.'))
                    // "THESE", "TRAVEL": a word written in capitals, not an acronym.
                    && !crate::model::case_bucket(r.first).mostly_lower(),
                Label::Org,
            )
        },
    ),
    rule(
        "cap-runs.subject-surname",
        "a sentence-opening word news never writes in lowercase, subject of a verb: a surname",
        |d, r| r.weak_start.then(|| d.subject_surname(r)),
    ),
    rule(
        "cap-runs.speech",
        "up to three words before a speech verb: a person",
        |d, r| {
            when(
                r.speech && r.len <= 3 && !d.lex.common.contains(r.first),
                Label::Person,
            )
        },
    ),
    rule(
        "cap-runs.born-in",
        "\"born in X\", \"located in X\": a place",
        |d, r| {
            let s = r.span.start;
            when(
                r.single
                    && r.prev_norm == "in"
                    && s >= 2
                    && LOCATED_VERBS.contains(d.toks[s - 2].norm.as_ref()),
                Label::Gpe,
            )
        },
    ),
    rule(
        "cap-runs.no-model-place",
        "without the model, one unknown word after \"in\", \"from\", … is a place",
        |d, r| {
            when(
                !d.with_model && LOC_PREPS.contains(r.prev_norm) && r.single,
                Label::Gpe,
            )
        },
    ),
    rule(
        "cap-runs.no-model-person",
        "without the model, two or three capitalized words with no other cue are a person",
        |d, r| {
            when(
                !d.with_model
                    && (2..=3).contains(&r.len)
                    && r.span
                        .clone()
                        .all(|k| !d.lex.common.contains(d.toks[k].norm.as_ref())),
                Label::Person,
            )
        },
    ),
];

impl<'k, 'a> Doc<'k, 'a> {
    /// Labels a capitalized run by the first rule of [`LADDER`] that
    /// applies, after stripping titles and "The" and the vetoes.
    pub(super) fn classify(&mut self, run: Range<usize>, sent: Range<usize>) {
        let Some(r) = self.strip_run(run, sent) else {
            return;
        };
        let decided = LADDER
            .iter()
            .enumerate()
            .filter(|(i, _)| self.inner_off & (1 << i) == 0)
            .find_map(|(_, rule)| (rule.rule)(self, &r).map(|label| (rule.id, label)));
        let span = r.span.clone();
        if let Some((id, Some(label))) = decided {
            if id == "cap-runs.acronym"
                && !self.stands_as_name(&r)
                && self.model_overrules_acronym(span.clone(), label)
            {
                return;
            }
            self.push(span, label, Vec::new(), Source::Rule);
            self.note_last(id);
        }
    }

    /// The model's label over tokens `r`: `None` when no model span
    /// overlaps them, else the label of the first that does.
    pub(super) fn model_label(&self, r: Range<usize>) -> Option<Label> {
        let (a, z) = (self.toks[r.start].span.start, self.toks[r.end - 1].span.end);
        let i = self.model.partition_point(|(s, _)| s.end <= a);
        self.model
            .get(i)
            .filter(|(s, _)| s.start < z)
            .map(|&(_, l)| l)
    }

    /// Whether the learned model overrules the acronym `r` that the ladder
    /// labelled `label`: written only once in the document, where the model
    /// sees no name or a name of another kind. Web text and mail are full of
    /// capitals that name nothing ("a DUI", "the HR department", "ISO 6400");
    /// the model, trained on such text, tells them from an organisation's
    /// initials better than the shape alone; an acronym the document
    /// repeats ("6PR", "the TAB") or one that acts ([`Doc::acts`]) is kept.
    fn model_overrules_acronym(&mut self, r: Range<usize>, label: Label) -> bool {
        if !self.with_model || !self.on(Point::CapRunsAcronymModel) {
            return false;
        }
        let kind = |l: Label| match l {
            Label::Gpe | Label::Loc | Label::Fac => Label::Loc,
            l => l,
        };
        let model = self.model_label(r.clone());
        let vetoed = model.is_none_or(|l| kind(l) != kind(label))
            && self.written_at(self.toks[r.start].text).len() <= 1;
        if vetoed && let Some(trace) = &mut self.trace {
            trace.dropped.push(Dropped {
                toks: r,
                label,
                rules: vec!["cap-runs.acronym"],
                by: Point::CapRunsAcronymModel.id(),
            });
        }
        vetoed
    }

    /// Whether the run stands as a name in its sentence: it acts, as a
    /// subject or an owner (a possessive, a speech verb, "is"/"was", an
    /// auxiliary or adverb of [`SUBJECT_FOLLOWERS`], or a verb in "-ed"
    /// next: "The RSPB's stance", "The RHS collected"), or it heads a
    /// phrase after "the" (no lowercase content word follows it: "hosted
    /// by the ZQRT in the capital", but not "the HR department").
    fn stands_as_name(&self, r: &Run<'_>) -> bool {
        let next = self.toks.get(r.span.end);
        let acts = r.speech
            || matches!(r.next_norm, "'s" | "’s" | "is" | "was")
            || SUBJECT_FOLLOWERS.contains(r.next_norm)
            || (r.next_norm.len() > 4
                && r.next_norm.ends_with("ed")
                && next.is_some_and(|t| t.lower()));
        let heads = r.prev_norm == "the"
            && next.is_none_or(|t| {
                !t.is_word() || is_connector(&t.norm) || PHRASE_ENDS.contains(t.norm.as_ref())
            });
        acts || heads
    }

    /// The run with titles, "The" and sentence-initial common words
    /// stripped, and what the ladder reads about it; `None` for a run that
    /// names nothing (a title phrase, "R&D", a capitalized common noun).
    /// The run without leading titles, "The", sentence-initial common words
    /// and trailing connectors, and whether a title came before or opened
    /// it; `None` when it names nothing (a title phrase such as "Minister of
    /// Finance", "Chief Technological Officer of Red Hat", "R&D").
    fn strip_titles(&self, run: Range<usize>, sent: &Range<usize>) -> Option<(Range<usize>, bool)> {
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
            if title_word(lex, n)
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
            return None;
        }
        // "County Coroner William McLaughlin", "Actor Jared Leto": a descriptor before a full name.
        if let Some(k) = self.given_name_after_descriptor(s..e) {
            s = k;
            titled = true;
        }
        // A title run that ends in "of": "Secretary of State" stays unnamed.
        if s >= e {
            return None;
        }
        let mut e2 = e;
        while e2 > s && (is_connector(&self.toks[e2 - 1].norm) || !self.toks[e2 - 1].is_word()) {
            e2 -= 1;
        }
        let span = s..e2;
        let len = e2 - s;
        if len == 0 {
            return None;
        }
        // "Chief Technological Officer of Red Hat": a role with a title word
        // before "of" describes someone; it is not a name.
        if titled
            && (s + 1..e2.saturating_sub(1)).any(|k| {
                lex.titles.contains(self.toks[k].norm.as_ref()) && self.toks[k + 1].norm == "of"
            })
        {
            return None;
        }
        // "R&D", "Q&A": abbreviations written with an ampersand that name
        // nothing.
        if len == 3
            && self.toks[s + 1].text == "&"
            && AMPERSAND_WORDS.contains(
                self.text[self.toks[s].span.start..self.toks[e2 - 1].span.end]
                    .to_lowercase()
                    .as_str(),
            )
        {
            return None;
        }
        Some((span, titled))
    }

    fn strip_run(&self, run: Range<usize>, sent: Range<usize>) -> Option<Run<'_>> {
        let lex = self.lex;
        let (span, titled) = self.strip_titles(run, &sent)?;
        let (s, e2, len) = (span.start, span.end, span.len());
        let first: &str = self.toks[s].norm.as_ref();
        let last: &str = self.toks[e2 - 1].norm.as_ref();
        let single = len == 1;
        let t0 = &self.toks[s];
        // Words capitalized only because they start a sentence need other evidence.
        let weak_start = t0.sent_start && single && !self.capitalized.contains(first) && !t0.upper;
        let next_norm = self.toks.get(e2).map(|t| t.norm.as_ref()).unwrap_or("");
        let prev_norm = if s > sent.start {
            self.toks[s - 1].norm.as_ref()
        } else {
            ""
        };
        let speech = SPEECH_VERBS.contains(next_norm);
        let org = (lex.is_org_suffix(last) && !single)
            || self.place_team(s..e2)
            // "PG&E", "Procter & Gamble": names joined by an ampersand.
            || (s + 1..e2.saturating_sub(1)).any(|k| self.toks[k].text == "&")
            || (lex.org_heads.contains(first)
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
        if single
            && !titled
            && !t0.upper
            && crate::model::case_bucket(first) == crate::model::CaseBucket::AlwaysLower
        {
            return None;
        }
        // "One MP told the BBC", "a KO in round two": an abbreviation that
        // is no organisation is no name either.
        if single && t0.upper && lex.not_acronyms.contains(first.trim_end_matches('.')) {
            return None;
        }
        // "Lake Winnipesaukee", "River Mersey", "Kreis Flensburg": a
        // geographic word before the name.
        let geo_prefix = if len >= 2 && !titled && !self.toks[s].upper {
            match first {
                f if GEO_PREFIXES.contains(f) || f == "river" => Some(Label::Loc),
                // Not "upper"/"lower": "Lower House", "Upper Chamber".
                f if REGION_PREFIXES.contains(f) => Some(Label::Gpe),
                _ => None,
            }
        } else {
            None
        };
        // "P-38 Lightning", "F-4 Phantom II": a type designation and its
        // name are a product.
        let designation = len >= 2 && is_designation(self.toks[s].text);
        Some(Run {
            span,
            sent,
            len,
            single,
            first,
            titled,
            weak_start,
            prev_norm,
            next_norm,
            speech,
            org,
            of_head,
            geo_prefix,
            designation,
        })
    }

    /// "Dündar warned …", "Lamarr accompanied …": a word no news text
    /// writes in lowercase, opening a sentence as the subject of a verb, is
    /// a surname. "X is a …" defines a thing; "Conservationists welcomed" is
    /// a plural noun.
    fn subject_surname(&self, r: &Run<'_>) -> Option<Label> {
        let (first, next_norm, e2) = (r.first, r.next_norm, r.span.end);
        let t0 = &self.toks[r.span.start];
        let bucket = crate::model::case_bucket(first);
        let after = self.toks.get(e2 + 1).map_or("", |t| t.norm.as_ref());
        let plural_noun = first
            .strip_suffix('s')
            .is_some_and(|sg| crate::model::case_bucket(sg).usually_lower())
            || PLURAL_ENDINGS.ends(first);
        let verb = r.speech
            || (matches!(next_norm, "is" | "was")
                && !matches!(after, "a" | "an" | "the" | "not" | "one"))
            || SUBJECT_FOLLOWERS.contains(next_norm)
            || (next_norm.len() > 4
                && next_norm.ends_with("ed")
                && self.toks.get(e2).is_some_and(|t| t.lower()));
        (verb
            && !plural_noun
            && (bucket == crate::model::CaseBucket::Unknown || bucket.mostly_capitalized())
            && !self.lex.common.contains(first)
            && t0.text.chars().any(|c| c.is_ascii_alphabetic()))
        .then_some(Label::Person)
    }

    /// In headline-style lines, where capitals say little, a known given
    /// name before one or two capitalized words that news writes
    /// capitalized is still a person: "Coach : Lisa Gilette", "Alternates
    /// : Heather Johnson , Travis Hanson".
    pub(super) fn headline_people(&mut self) {
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
                        && !crate::model::case_bucket(&self.toks[x].norm).usually_lower()
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
}

/// A title, or a hyphenated title with a prefix ("Co-author",
/// "Vice-chairman", "Ex-minister").
fn title_word(lex: &Lexicon, n: &str) -> bool {
    lex.titles.contains(n)
        || n.split_once('-').is_some_and(|(prefix, title)| {
            matches!(prefix, "co" | "vice" | "ex") && lex.titles.contains(title)
        })
}
