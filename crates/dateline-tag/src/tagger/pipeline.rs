//! The pipeline: the ordered list of named passes, and the runner that
//! applies them to a document and records which pass shaped which mention.
//!
//! A pass reads and changes the per-document state ([`Doc`]). Its id is a
//! rule id: every mention a pass proposes, relabels, extends, merges or
//! drops gets the id in its history (see [`Doc::record`]), and a tagger can
//! be built with a pass switched off (passes that later passes depend on,
//! marked `required`, cannot be).

use super::*;

/// A rule's stable id: the name of the pass (or of a rule inside a pass,
/// `pass.rule`) that proposed, relabelled, extended, merged or dropped a
/// mention.
pub type RuleId = &'static str;

/// One pass of the tagging pipeline, as the library lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleInfo {
    /// The stable id.
    pub id: RuleId,
    /// What the pass does, in one line.
    pub about: &'static str,
    /// Whether later passes depend on it, so it cannot be switched off.
    pub required: bool,
}

/// The rules inside passes (`pass.rule`), in the order they are asked:
/// the date and amount scanner's, the capitalized-run ladder's, then the
/// decision points of the other passes ([`POINTS`]).
pub(crate) fn inner_rules() -> impl Iterator<Item = RuleInfo> {
    let dates = crate::temporal::rule_ids().map(|(id, about)| RuleInfo {
        id,
        about,
        required: false,
    });
    let ladder = super::classify::LADDER.iter().map(|r| RuleInfo {
        id: r.id,
        about: r.about,
        required: false,
    });
    let points = POINTS.iter().map(|&(_, id, about)| RuleInfo {
        id,
        about,
        required: false,
    });
    dates.chain(ladder).chain(points)
}

/// The bit of the rule `id` inside a pass in `Doc::inner_off`: the
/// capitalized-run ladder's rules first, then the decision points.
pub(crate) fn find_inner(id: &str) -> Option<usize> {
    let ladder = &super::classify::LADDER;
    ladder.iter().position(|r| r.id == id).or_else(|| {
        POINTS
            .iter()
            .position(|&(_, p, _)| p == id)
            .map(|i| ladder.len() + i)
    })
}

/// A decision point inside a pass with an id of its own (`pass.rule`):
/// where a pass can act in more than one way, each way is named, recorded
/// in the history of the mentions it shapes, and can be switched off alone.
/// The discriminant is the point's index in [`POINTS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Point {
    KbPlaceTeam,
    KbLowercaseAcronym,
    KbLowercasePlace,
    KbTitleOutside,
    KbTheOutside,
    KbGivenName,
    KbLongerName,
    KbLowercaseQualifier,
    KbTheLonger,
    KbVetUncued,
    CompassQualifier,
    CompassGeoPrefix,
    TitlesWork,
    TitlesKnown,
    TitlesList,
    TitlesPlain,
    TitlesUnquoted,
    DefinitionsSubject,
    DefinitionsAlias,
    DefinitionsAgain,
    ResolveSurnames,
    ResolveOrgShortForms,
    ResolveEventShortForms,
    PossessiveShop,
    PossessivePlace,
    PossessiveUnit,
    NationalityOrg,
    NationalityEvent,
    NationalityAward,
    NationalityState,
    PlaceSplitPlaceBefore,
    PlaceSplitParent,
    PlaceSplitOrgOfPlace,
    PlaceSplitHeadOfPlace,
    NumberedOrdinal,
    NumberedSubject,
    ResolveResultsTeams,
    ResolveVote,
    CapRunsAcronymModel,
    ShapesPlacePerson,
    ShapesCamelCase,
    ShapesCompanyShortName,
}

/// The decision points, in the order of [`Point`]: the point, its id and
/// what it does.
pub(super) const POINTS: &[(Point, RuleId, &str)] = &[
    (
        Point::KbPlaceTeam,
        "kb.place-team",
        "a known place and one capitalized plural that ends the name make a team (\"St. Louis Eagles\")",
    ),
    (
        Point::KbLowercaseAcronym,
        "kb.lowercase-acronym",
        "\"us\" written in lowercase after \"the\" is the United States (\"the us election\")",
    ),
    (
        Point::KbLowercasePlace,
        "kb.lowercase-place",
        "a known place written in lowercase after a preposition of place or beside another place (\"in kerala\")",
    ),
    (
        Point::KbTitleOutside,
        "kb.title-outside",
        "a title opening a known person's name stays outside the mention (\"Pope [Francis]\")",
    ),
    (
        Point::KbTheOutside,
        "kb.the-outside",
        "a leading \"the\" stays outside a known name unless the name is written with it (\"The Washington Post\")",
    ),
    (
        Point::KbGivenName,
        "kb.given-name",
        "a known given name before a one-word place or people match is no match: the two words are left to the rules (\"Jordan Peterson\")",
    ),
    (
        Point::KbLongerName,
        "kb.longer-name",
        "a known name heading a longer name the knowledge base does not know is no match: the words are left to the rules (\"Lincoln Park\", \"Hong Kong Island\")",
    ),
    (
        Point::KbLowercaseQualifier,
        "kb.lowercase-qualifier",
        "a lowercase qualifier before a place is no part of it, so the longer match is dropped (\"southern [Europe]\")",
    ),
    (
        Point::KbTheLonger,
        "kb.the-longer",
        "a match opening with \"the\" gives way to a longer match after it (\"the [Atlantic Council]\")",
    ),
    (
        Point::KbVetUncued,
        "kb-vet.uncued",
        "a one-word alias whose entries all lack their context cues in the document is dropped",
    ),
    (
        Point::CompassQualifier,
        "compass-places.qualifier",
        "a capitalized direction or qualifier before a known place widens it (\"South Australia\")",
    ),
    (
        Point::CompassGeoPrefix,
        "compass-places.geo-prefix",
        "a geographic word before a known country or city makes a place (\"Mount Kenya\")",
    ),
    (
        Point::TitlesWork,
        "quoted-titles.work",
        "a quoted title-case phrase after a word for a work (\"the single \"Broken Lanterns\"\")",
    ),
    (
        Point::TitlesKnown,
        "quoted-titles.known",
        "a title found once is a title wherever the article quotes it again",
    ),
    (
        Point::TitlesList,
        "quoted-titles.list",
        "a quoted phrase in a list after a title shares its cue",
    ),
    (
        Point::TitlesPlain,
        "quoted-titles.plain",
        "in an article that names works, a quoted title-case phrase that is no speech or nickname",
    ),
    (
        Point::TitlesUnquoted,
        "quoted-titles.unquoted",
        "a title of two or more words found unquoted elsewhere in the article",
    ),
    (
        Point::DefinitionsSubject,
        "definitions.subject",
        "the subject of a defining sentence takes the label of the predicate's head noun",
    ),
    (
        Point::DefinitionsAlias,
        "definitions.alias",
        "another name in a bracket after the subject (\"(or Thirty Seconds to Mars)\") takes it too",
    ),
    (
        Point::DefinitionsAgain,
        "definitions.again",
        "the defined words found again in the document name the same thing",
    ),
    (
        Point::ResolveSurnames,
        "resolve.surnames",
        "a person's surname elsewhere in the document joins the person",
    ),
    (
        Point::ResolveOrgShortForms,
        "resolve.org-short-forms",
        "\"the League\" after \"the Football League\" joins the organisation",
    ),
    (
        Point::ResolveEventShortForms,
        "resolve.event-short-forms",
        "\"the Cup\" after \"the Stanley Cup\" joins the one event with that head",
    ),
    (
        Point::PossessiveShop,
        "possessive-places.shop",
        "a name and a possessive with no noun after it, where one shops, name a shop (\"at Macy's\")",
    ),
    (
        Point::PossessivePlace,
        "possessive-places.place",
        "a name, a possessive and capitalized words ending in a place or facility head are one place (\"Rankin's Mill\")",
    ),
    (
        Point::PossessiveUnit,
        "possessive-places.unit",
        "a name, a possessive and capitalized words ending in a military unit are one organisation (\"Howe's Brigade\")",
    ),
    (
        Point::NationalityOrg,
        "nationality-orgs.org",
        "a known nationality or place before capitalized words ending in an organisation head is one organisation (\"German Air Force\")",
    ),
    (
        Point::NationalityEvent,
        "nationality-orgs.event",
        "a known nationality, place or organisation before capitalized words ending in an event head is one event (\"Bangladesh Liberation War\")",
    ),
    (
        Point::NationalityAward,
        "nationality-orgs.award",
        "a known nationality, place or organisation before capitalized words ending in an award, prize or treaty head is one name (\"MTV Europe Music Award\")",
    ),
    (
        Point::NationalityState,
        "nationality-orgs.state",
        "a known nationality or place before a state head is a state of its own (\"Spanish Empire\")",
    ),
    (
        Point::PlaceSplitPlaceBefore,
        "place-split-orgs.place-before",
        "a known place or nationality right before an organisation is part of it (\"Ontario Liberal Party\")",
    ),
    (
        Point::PlaceSplitParent,
        "place-split-orgs.parent",
        "a known organisation right before an unknown one is its parent (\"Harvard Business School\")",
    ),
    (
        Point::PlaceSplitOrgOfPlace,
        "place-split-orgs.org-of-place",
        "an organisation, \"of (the)\" and a place are one name (\"Dental Association of Canada\")",
    ),
    (
        Point::PlaceSplitHeadOfPlace,
        "place-split-orgs.head-of-place",
        "capitalized words ending in a head, \"of (the)\" and a place are one name (\"Kingdom of France\")",
    ),
    (
        Point::NumberedOrdinal,
        "numbered-units.ordinal",
        "an ordinal, a number or a Roman numeral before an organisation ending in a unit head is part of it (\"82nd Airborne Division\")",
    ),
    (
        Point::NumberedSubject,
        "numbered-units.subject",
        "an ordinal after \"the\" that is the subject of a verb is a unit (\"the 139th fought\")",
    ),
    (
        Point::ResolveResultsTeams,
        "resolve.results-teams",
        "on output, a place in a results or fixture line is a team (\"Leeds 2 Everton 1\", \"NEW ORLEANS AT DALLAS\")",
    ),
    (
        Point::ResolveVote,
        "resolve.vote",
        "a cluster the knowledge base does not settle takes the label with the most votes (knowledge base and rules outweigh the model)",
    ),
    (
        Point::CapRunsAcronymModel,
        "cap-runs.acronym-model",
        "an acronym written once is left to the model when it sees no name there or another kind (\"a DUI\", \"ISO 6400\")",
    ),
    (
        Point::ShapesPlacePerson,
        "name-shapes.place-person",
        "a place opening a name that goes on with a person's name is the place and the person (\"to Britain Liu Xiaming\")",
    ),
    (
        Point::ShapesCamelCase,
        "name-shapes.camel-case",
        "one word joining a common word and a capitalized one is a company, not a person (\"WeWork\")",
    ),
    (
        Point::ShapesCompanyShortName,
        "name-shapes.company-short-name",
        "the first word of a company's full name written elsewhere is the company, not a person (\"Acme\")",
    ),
];

impl Point {
    /// The point's rule id.
    pub(super) fn id(self) -> RuleId {
        POINTS[self as usize].1
    }

    /// The point's bit in `Doc::inner_off`.
    fn bit(self) -> u128 {
        1 << (super::classify::LADDER.len() + self as usize)
    }
}

/// The passes of the pipeline, in order.
pub(crate) fn rules() -> impl Iterator<Item = RuleInfo> {
    PASSES.iter().map(|p| RuleInfo {
        id: p.id,
        about: p.about,
        required: p.required,
    })
}

/// What a pass needs to hold before it runs (checked by debug assertions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Needs {
    /// The mentions are sorted by their first token.
    SortedMentions,
    /// Each sentence is known to be headline-style or not
    /// ([`Doc::title_case`] has one entry per sentence).
    TitleCase,
    /// The starts of knowledge-base places are marked
    /// ([`Doc::kb_gpe_start`] has one entry per token).
    KbPlaces,
}

/// One named pass of the pipeline.
pub(crate) struct Pass {
    /// The stable rule id (`kb`, `quoted-titles`, …).
    pub(super) id: &'static str,
    /// What the pass does, in one line.
    pub(super) about: &'static str,
    /// Preconditions.
    pub(super) needs: &'static [Needs],
    /// Whether the pass ends by sorting the mentions by their first token.
    pub(super) sorts: bool,
    /// Whether later passes depend on its output, so it cannot be switched
    /// off.
    pub(crate) required: bool,
    /// The pass itself.
    pub(super) run: fn(&mut Doc<'_, '_>),
}

const fn pass(id: &'static str, about: &'static str, run: fn(&mut Doc<'_, '_>)) -> Pass {
    Pass {
        id,
        about,
        needs: &[],
        sorts: false,
        required: false,
        run,
    }
}

impl Pass {
    const fn needs(mut self, needs: &'static [Needs]) -> Pass {
        self.needs = needs;
        self
    }

    const fn sorts(mut self) -> Pass {
        self.sorts = true;
        self
    }

    const fn required(mut self) -> Pass {
        self.required = true;
        self
    }
}

use Needs::{KbPlaces, SortedMentions, TitleCase};

/// The pipeline, in order. `docs/ARCHITECTURE.md` lists the same ids in the
/// same order (checked by a test).
pub(super) const PASSES: &[Pass] = &[
    pass(
        "dates",
        "dates, times and amounts take their tokens first",
        |d| d.block_temporal(),
    )
    .required(),
    pass(
        "casing",
        "headline-style sentences, and words seen capitalized inside a sentence",
        |d| d.casing(),
    )
    .required(),
    pass(
        "kb",
        "the longest knowledge-base match at each token, checked against its neighbours",
        |d| d.kb_sentences(),
    )
    .needs(&[TitleCase]),
    pass(
        "kb-vet",
        "one-word knowledge-base matches whose context cues the document lacks are dropped",
        |d| d.vet_kb(),
    ),
    pass(
        "nationality-compounds",
        "a nationality inside a hyphenated word (\"Soviet-led\", \"pro-European\")",
        |d| d.nationality_compounds(),
    ),
    pass(
        "first-names",
        "a capitalized word after a known given name makes a person",
        |d| d.other_first_names(),
    ),
    pass(
        "compass-places",
        "a direction before a place widens it (\"South Australia\")",
        |d| d.compass_places(),
    ),
    pass(
        "generic-orgs",
        "capitalized words before a generic organisation name widen it",
        |d| d.widen_generic_orgs(),
    ),
    pass(
        "dates-settle",
        "a date inside a name gives its tokens back to the name",
        |d| d.settle_temporal(),
    )
    .required(),
    pass(
        "quoted-titles",
        "quoted work titles, known throughout the article once cued",
        |d| d.quoted_titles(),
    )
    .needs(&[TitleCase]),
    pass(
        "kb-places",
        "marks where knowledge-base places start, for the rules after it",
        |d| d.mark_kb_places(),
    )
    .required(),
    pass(
        "definitions",
        "defining sentences (\"X is a band\") type their subject",
        |d| d.definitions(),
    )
    .needs(&[TitleCase, KbPlaces]),
    pass(
        "nicknames",
        "quoted nicknames inside names (William \"Cowboy\" Cowley)",
        |d| d.nicknames(),
    ),
    pass(
        "cap-runs",
        "capitalized runs the knowledge base does not know, labelled by their words and context",
        |d| d.rule_sentences(),
    )
    .needs(&[TitleCase, KbPlaces]),
    pass(
        "headline-people",
        "given names in headline-style lines",
        |d| d.headline_people(),
    )
    .needs(&[TitleCase]),
    pass(
        "expansions",
        "an acronym in parentheses joins the words that spell it",
        |d| d.expansions(),
    ),
    pass("model", "the learned model's spans fill the gaps", |d| {
        d.model_pass()
    })
    .sorts(),
    pass(
        "name-shapes",
        "a place fused with a person's name is split; a company's one-word name is no person",
        |d| d.name_shapes(),
    )
    .sorts(),
    pass(
        "possessive-places",
        "a place before a possessive or a name head joins it",
        |d| d.possessive_places(),
    )
    .needs(&[SortedMentions]),
    pass(
        "nationality-orgs",
        "a nationality before an organisation head makes one name (\"German Air Force\")",
        |d| d.nationality_orgs(),
    ),
    pass(
        "place-split-orgs",
        "names split at a known place are mended (\"University of Edinburgh\")",
        |d| d.place_split_orgs(),
    ),
    pass(
        "numbered-units",
        "numbered units and names built on a number (\"3rd Infantry Division\")",
        |d| d.numbered_units(),
    ),
    pass(
        "acronyms",
        "acronyms link to the names that spell them",
        |d| d.acronyms(),
    ),
    pass(
        "storms",
        "named storms and their short names are events",
        |d| d.storm_names(),
    )
    .sorts(),
    pass(
        "aliases",
        "an alias (\"known as X\") takes the kind of what it renames",
        |d| d.aliases(),
    )
    .needs(&[SortedMentions]),
    pass("list-labels", "names in one list take one kind", |d| {
        d.list_labels()
    }),
    pass(
        "list-people",
        "capitalized words between people in a list are people",
        |d| d.list_people(),
    )
    .sorts(),
    pass(
        "complete-names",
        "short forms complete to names written in full elsewhere",
        |d| d.complete_names(),
    )
    .needs(&[SortedMentions]),
    pass(
        "name-suffixes",
        "\"Jr.\" and the like join the name before them",
        |d| d.name_suffixes(),
    ),
    pass(
        "resolve",
        "clusters, one label and one canonical name each, and propagation",
        |d| d.resolve_clusters(),
    )
    .required(),
];

/// The pass with `id`.
pub(crate) fn find(id: &str) -> Option<(usize, &'static Pass)> {
    PASSES.iter().enumerate().find(|(_, p)| p.id == id)
}

/// A mention's tokens, label and rules.
type Shape = (Range<usize>, Label, Vec<RuleId>);

/// The mentions as they were before a pass, to see what the pass changed.
pub(super) struct Before {
    /// Per mention id: its tokens and label, if it existed.
    seen: Vec<Option<Shape>>,
}

impl<'k, 'a> Doc<'k, 'a> {
    /// Whether the decision point `p` is switched on.
    pub(super) fn on(&self, p: Point) -> bool {
        self.inner_off & p.bit() == 0
    }

    /// While tracing, names the decision point `p` in the history of
    /// mention `mi`.
    pub(super) fn mark(&mut self, mi: usize, p: Point) {
        if self.trace.is_some()
            && let Some(m) = self.mentions.get_mut(mi)
            && m.rules.last() != Some(&p.id())
        {
            m.rules.push(p.id());
        }
    }

    /// While tracing, names the decision point `p` in the history of `m`, a
    /// mention about to replace others.
    pub(super) fn note(&self, m: &mut Mention, p: Point) {
        if self.trace.is_some() {
            m.rules.push(p.id());
        }
    }

    /// While tracing, credits the removal of mention `mi` (about to be
    /// dropped by the pass running now) to the decision point `p`.
    pub(super) fn dropping(&mut self, mi: usize, p: Point) {
        if let Some(trace) = &mut self.trace
            && let Some(id) = self.mentions.get(mi).and_then(|m| m.id)
        {
            trace.drop_by.insert(id, p.id());
        }
    }

    /// The history a mention made by the decision point `p` starts with.
    pub(super) fn made_by(&self, p: Point) -> Vec<RuleId> {
        if self.trace.is_some() {
            vec![p.id()]
        } else {
            Vec::new()
        }
    }

    /// Runs every pass that is switched on, in order.
    pub(super) fn run_passes(&mut self) {
        for (i, pass) in PASSES.iter().enumerate() {
            if self.disabled & (1 << i) != 0 {
                continue;
            }
            self.check(pass);
            let before = self.trace.is_some().then(|| self.before());
            (pass.run)(self);
            if pass.sorts {
                self.mentions.sort_by_key(|m| m.toks.start);
            }
            if let Some(before) = before {
                self.record(pass.id, before);
            }
        }
    }

    /// Debug-asserts a pass's preconditions.
    fn check(&self, pass: &Pass) {
        for need in pass.needs {
            match need {
                Needs::SortedMentions => debug_assert!(
                    self.mentions.is_sorted_by_key(|m| m.toks.start),
                    "{}: mentions sorted",
                    pass.id
                ),
                Needs::TitleCase => debug_assert_eq!(
                    self.title_case.len(),
                    self.sents.len(),
                    "{}: casing known",
                    pass.id
                ),
                Needs::KbPlaces => debug_assert_eq!(
                    self.kb_gpe_start.len(),
                    self.toks.len(),
                    "{}: knowledge-base places marked",
                    pass.id
                ),
            }
        }
    }

    fn before(&mut self) -> Before {
        let Some(trace) = &mut self.trace else {
            return Before { seen: Vec::new() };
        };
        let mut seen = vec![None; trace.next_id as usize];
        for m in &self.mentions {
            if let Some(slot) = m.id.and_then(|id| seen.get_mut(id as usize)) {
                *slot = Some((m.toks.clone(), m.label, m.rules.clone()));
            }
        }
        Before { seen }
    }

    /// Records what pass `id` did: new mentions and changed ones get the id,
    /// mentions that are gone are kept as dropped by it (or by the decision
    /// point that [`Doc::dropping`] named).
    pub(super) fn record(&mut self, id: RuleId, mut before: Before) {
        let Some(trace) = &mut self.trace else {
            return;
        };
        let mut kept = vec![false; before.seen.len()];
        for m in &mut self.mentions {
            let old =
                m.id.filter(|&i| !kept.get(i as usize).copied().unwrap_or(true));
            match old {
                Some(i) => {
                    kept[i as usize] = true;
                    let changed = before.seen[i as usize]
                        .as_ref()
                        .is_none_or(|(t, l, _)| *t != m.toks || *l != m.label);
                    if changed && !m.rules.last().is_some_and(|r| of_pass(r, id)) {
                        m.rules.push(id);
                    }
                }
                None => {
                    // New, or a copy of a mention seen already.
                    m.id = Some(trace.next_id);
                    trace.next_id += 1;
                    if !m.rules.last().is_some_and(|r| of_pass(r, id)) {
                        m.rules.push(id);
                    }
                }
            }
        }
        for (i, slot) in before.seen.iter_mut().enumerate() {
            if let (false, Some((toks, label, rules))) = (kept[i], slot.take()) {
                let by = trace.drop_by.get(&(i as u32)).copied().unwrap_or(id);
                trace.dropped.push(Dropped {
                    toks,
                    label,
                    rules,
                    by,
                });
            }
        }
        trace.drop_by.clear();
    }
}

/// Whether `rule` is the pass `pass` or a rule inside it (`pass.rule`).
fn of_pass(rule: &str, pass: &str) -> bool {
    rule.strip_prefix(pass)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_are_listed_in_order_and_fit_the_mask() {
        for (i, &(p, id, _)) in POINTS.iter().enumerate() {
            assert_eq!(p as usize, i, "{id}");
            let pass = id.split('.').next().unwrap_or("");
            assert!(find(pass).is_some(), "{id}: a rule inside a pass");
        }
        assert!(super::super::classify::LADDER.len() + POINTS.len() <= 128);
    }
}
