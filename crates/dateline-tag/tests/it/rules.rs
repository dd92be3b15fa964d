//! Per-rule cases kept as data (`tests/rules/cases.txt`, its header says the
//! format): one generic runner tags each case's text and checks the
//! expected entities and that the case's rule shaped the first of them (in
//! the trace of `Tagger::explain`), and a check that every rule id of the
//! tagger has a case.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use dateline_tag::{Explanation, Label, Tagger};

const CASES: &str = include_str!("../rules/cases.txt");

/// Passes that change no mention, so that no trace names them: their cases
/// check the output only.
const UNTRACED: &[&str] = &["casing", "kb-places"];

/// What a case expects.
#[derive(Debug)]
enum Want {
    /// An entity with this text and label.
    Entity(String, Label),
    /// No entity with this text.
    Absent(String),
    /// A candidate with this text was dropped.
    Dropped(String),
}

#[derive(Debug)]
struct Case {
    line: usize,
    rule: String,
    text: String,
    want: Vec<Want>,
    model: bool,
}

fn cases() -> Vec<Case> {
    let mut out = Vec::new();
    for (i, line) in CASES.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split(" | ").map(str::trim).collect();
        assert!(
            (3..=4).contains(&fields.len()),
            "cases.txt:{line_no}: expected `rule | text | entities [| no-model]`"
        );
        let model = match fields.get(3) {
            None => true,
            Some(&"no-model") => false,
            Some(other) => panic!("cases.txt:{line_no}: unknown option {other:?}"),
        };
        let want = fields[2]
            .split(" ; ")
            .map(|item| {
                if let Some(t) = item.strip_prefix('!') {
                    Want::Absent(t.to_string())
                } else if let Some(t) = item.strip_prefix('-') {
                    Want::Dropped(t.to_string())
                } else {
                    let (text, label) = item.rsplit_once('/').unwrap_or_else(|| {
                        panic!("cases.txt:{line_no}: {item:?} is not TEXT/LABEL")
                    });
                    let label = label
                        .parse()
                        .unwrap_or_else(|e| panic!("cases.txt:{line_no}: {e}"));
                    Want::Entity(text.to_string(), label)
                }
            })
            .collect();
        out.push(Case {
            line: line_no,
            rule: fields[0].to_string(),
            text: fields[1].replace("\\n", "\n"),
            want,
            model,
        });
    }
    out
}

/// Whether the trace `rules` names `rule` (or, for a pass, a rule inside it:
/// `cap-runs` for `cap-runs.org`).
fn names(rules: &[&str], rule: &str) -> bool {
    rules.iter().any(|r| {
        *r == rule
            || r.strip_prefix(rule)
                .is_some_and(|rest| rest.starts_with('.'))
    })
}

/// What is wrong with `case` in `x` (empty when nothing).
fn check(case: &Case, x: &Explanation) -> Vec<String> {
    let mut wrong = Vec::new();
    let mut traced = None;
    for want in &case.want {
        match want {
            Want::Entity(text, label) => {
                let found: Vec<_> = x
                    .entities
                    .iter()
                    .filter(|e| &e.entity.text == text && e.entity.label == *label)
                    .collect();
                if found.is_empty() {
                    wrong.push(format!("no entity {text}/{label}"));
                }
                traced.get_or_insert_with(|| found.iter().any(|e| names(&e.rules, &case.rule)));
            }
            Want::Absent(text) => {
                if x.entities.iter().any(|e| &e.entity.text == text) {
                    wrong.push(format!("an entity {text:?}"));
                }
            }
            Want::Dropped(text) => {
                let dropped = x
                    .dropped
                    .iter()
                    .any(|d| &d.text == text && names(&[d.dropped_by], &case.rule));
                if !dropped {
                    wrong.push(format!("{text:?} not dropped by {}", case.rule));
                }
                traced.get_or_insert(dropped);
            }
        }
    }
    if !UNTRACED.contains(&case.rule.as_str()) && traced != Some(true) {
        wrong.push(format!("{} is not in the trace", case.rule));
    }
    wrong
}

fn render(x: &Explanation) -> String {
    let mut out: Vec<String> = x
        .entities
        .iter()
        .map(|e| format!("{}/{} {:?}", e.entity.text, e.entity.label, e.rules))
        .collect();
    out.extend(
        x.dropped
            .iter()
            .map(|d| format!("dropped {:?} by {}", d.text, d.dropped_by)),
    );
    out.join(", ")
}

#[test]
fn every_rule_case_holds() {
    let with_model = Tagger::new();
    let without = Tagger::builder().model(None).build().unwrap();
    let parser = dateline_tag::parse::Parser::new();
    let mut failures = Vec::new();
    for case in cases() {
        let doc = parser.parse("case", &case.text).unwrap();
        let tagger = if case.model { &with_model } else { &without };
        let x = tagger.explain(&doc);
        let wrong = check(&case, &x);
        if !wrong.is_empty() {
            failures.push(format!(
                "cases.txt:{} {}: {}\n    tagged: {}",
                case.line,
                case.rule,
                wrong.join("; "),
                render(&x)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A rule switched off appears in no trace of its cases: every id that can
/// be switched off (all but the required passes) really is.
#[test]
fn a_rule_switched_off_shapes_nothing() {
    let parser = dateline_tag::parse::Parser::new();
    let required: Vec<&str> = Tagger::rules()
        .iter()
        .filter(|r| r.required)
        .map(|r| r.id)
        .collect();
    let mut failures = Vec::new();
    for case in cases() {
        if required.contains(&case.rule.as_str()) {
            continue;
        }
        let mut builder = Tagger::builder().disable(&case.rule);
        if !case.model {
            builder = builder.model(None);
        }
        let tagger = builder.build().unwrap();
        let doc = parser.parse("case", &case.text).unwrap();
        let x = tagger.explain(&doc);
        let shaped = x.entities.iter().any(|e| names(&e.rules, &case.rule))
            || x.dropped
                .iter()
                .any(|d| names(&d.rules, &case.rule) || names(&[d.dropped_by], &case.rule));
        if shaped {
            failures.push(format!(
                "cases.txt:{} {} switched off: {}",
                case.line,
                case.rule,
                render(&x)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_rule_has_a_case() {
    let cases = cases();
    let missing: Vec<&str> = Tagger::rules()
        .iter()
        .map(|r| r.id)
        .filter(|id| !cases.iter().any(|c| c.rule == *id))
        .collect();
    assert!(
        missing.is_empty(),
        "rules without a case in tests/rules/cases.txt: {missing:?}"
    );
    for c in &cases {
        assert!(
            Tagger::rules().iter().any(|r| r.id == c.rule),
            "cases.txt:{}: no rule {:?}",
            c.line,
            c.rule
        );
    }
}
