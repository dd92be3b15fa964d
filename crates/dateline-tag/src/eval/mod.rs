//! Gold-data readers and scorers for entity evaluation.
//!
//! Two kinds of gold are supported:
//!
//! - **CoNLL-style sentence sets** (wikigold in IOB1, Universal NER in IOB2,
//!   and the training files in the same layout), read by [`read_conll`] into
//!   [`GoldSentence`]s whose entities are token ranges. Predictions are
//!   compared with [`SpanCounts`]: exact match of token range and label, per
//!   label and micro-averaged over labels, as the CoNLL `conlleval` script
//!   does. The tag decoder accepts IOB1 and IOB2 alike: `B-X` always opens an
//!   entity, `I-X` opens one unless it continues an entity of type `X`.
//! - **Article gold** (the seeds' JSON): [`SeedsGold`], a list of
//!   [`GoldMention`]s per file with byte spans, labels, canonical names, a
//!   boilerplate flag and normalized date values. [`score_article`] compares
//!   predicted [`Entity`]s with one file's gold and returns
//!   [`ArticleCounts`], which add up over files.
//!
//! Gold data is deserialized with serde by the caller (the command line
//! reads JSON); this module does no I/O and never panics on bad input.
//!
//! # Boilerplate convention
//!
//! Gold marks mentions inside photo credits, teasers and footers as
//! boilerplate. The tagger does not tag boilerplate blocks as article
//! content, so boilerplate gold mentions are left out of the gold, and
//! predicted mentions that overlap a boilerplate gold mention or a
//! boilerplate region are ignored (counted neither right nor wrong).

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use crate::{Entity, Label, Span};

mod score;

pub use self::score::*;

/// Errors of the gold readers: the crate's [`Error`](crate::Error) (variant
/// `Line`), under the name it had before the crate had one error type.
pub type EvalError = crate::Error;

/// One gold sentence of a CoNLL-style set.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GoldSentence {
    /// Index of the document the sentence belongs to (documents are
    /// delimited by `-DOCSTART-` or `# newdoc` lines; 0 when there are none).
    pub doc: usize,
    /// The document's id from a `# newdoc id = …` line (empty when absent).
    pub doc_id: String,
    /// The tokens, as written in the file.
    pub tokens: Vec<String>,
    /// The entities, as token ranges with labels (`PER`, `ORG`, `LOC`, `MISC`, …).
    pub entities: Vec<(Range<usize>, String)>,
}

impl GoldSentence {
    /// The sentence as plain text: tokens joined by single spaces, with the
    /// byte range of every token in that text.
    pub fn text(&self) -> (String, Vec<Range<usize>>) {
        let mut text = String::new();
        let mut offsets = Vec::with_capacity(self.tokens.len());
        for (i, t) in self.tokens.iter().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(t);
            offsets.push(start..text.len());
        }
        (text, offsets)
    }
}

/// Decodes a sequence of IOB1 or IOB2 tags into labelled token ranges.
///
/// `B-X` always starts an entity; `I-X` continues the open entity when it has
/// type `X` and starts a new one otherwise; `O` (or anything without a
/// `B-`/`I-` prefix) closes it.
pub fn decode_iob<S: AsRef<str>>(tags: &[S]) -> Vec<(Range<usize>, String)> {
    let mut out: Vec<(Range<usize>, String)> = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (i, tag) in tags.iter().enumerate() {
        let tag = tag.as_ref();
        let (prefix, label) = match tag.split_once('-') {
            Some((p @ ("B" | "I"), l)) if !l.is_empty() => (p, l),
            _ => ("O", ""),
        };
        let continues = prefix == "I" && open.as_ref().is_some_and(|(_, l)| l == label);
        if continues {
            continue;
        }
        if let Some((s, l)) = open.take() {
            out.push((s..i, l));
        }
        if prefix != "O" {
            open = Some((i, label.to_string()));
        }
    }
    if let Some((s, l)) = open {
        out.push((s..tags.len(), l));
    }
    out
}

/// Reads a CoNLL-style NER file.
///
/// Two layouts are accepted, line by line:
/// - `token TAG` (whitespace-separated, tag last), as in wikigold, with
///   `-DOCSTART-` lines between documents;
/// - `N<TAB>token<TAB>TAG[<TAB>…]` (token lines start with a number), as in
///   Universal NER, with `# …` comment lines and `# newdoc` lines between
///   documents.
///
/// Blank lines end sentences.
///
/// # Errors
/// A token line without a tag.
pub fn read_conll(text: &str) -> Result<Vec<GoldSentence>, EvalError> {
    let mut out = Vec::new();
    let mut doc = 0usize;
    let mut seen_doc_marker = false;
    let mut doc_ids: Vec<(usize, String)> = Vec::new();
    let mut tokens: Vec<String> = Vec::new();
    let mut tags: Vec<String> = Vec::new();
    let flush =
        |tokens: &mut Vec<String>, tags: &mut Vec<String>, out: &mut Vec<GoldSentence>, doc| {
            if !tokens.is_empty() {
                let entities = decode_iob(tags);
                out.push(GoldSentence {
                    doc,
                    doc_id: String::new(),
                    tokens: std::mem::take(tokens),
                    entities,
                });
                tags.clear();
            }
        };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            flush(&mut tokens, &mut tags, &mut out, doc);
            continue;
        }
        if line.contains('\t') && line.starts_with(|c: char| c.is_ascii_digit()) {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 3 {
                return Err(EvalError::Line {
                    line: n + 1,
                    message: "expected number, token and tag".into(),
                });
            }
            tokens.push(cols[1].to_string());
            tags.push(cols[2].trim().to_string());
            continue;
        }
        if line.starts_with('#') && !line.contains('\t') {
            let is_doc = line
                .trim_start_matches('#')
                .trim_start()
                .starts_with("newdoc");
            if is_doc {
                flush(&mut tokens, &mut tags, &mut out, doc);
                if seen_doc_marker {
                    doc += 1;
                }
                seen_doc_marker = true;
                if let Some((_, id)) = line.split_once('=') {
                    doc_ids.push((doc, id.trim().to_string()));
                }
                continue;
            }
            // Another comment; a `# TAG` token line of the space layout has
            // exactly two fields and a tag-like last field.
            let fields: Vec<&str> = line.split_whitespace().collect();
            if !(fields.len() == 2 && is_tag(fields[1])) {
                continue;
            }
        }
        let mut fields = line.split_whitespace();
        let first = fields.next().unwrap_or_default();
        if first == "-DOCSTART-" {
            flush(&mut tokens, &mut tags, &mut out, doc);
            if seen_doc_marker {
                doc += 1;
            }
            seen_doc_marker = true;
            continue;
        }
        match line.split_whitespace().last() {
            Some(tag) if line.split_whitespace().count() >= 2 => {
                tokens.push(first.to_string());
                tags.push(tag.to_string());
            }
            _ => {
                return Err(EvalError::Line {
                    line: n + 1,
                    message: format!("token without a tag: {line:?}"),
                });
            }
        }
    }
    flush(&mut tokens, &mut tags, &mut out, doc);
    for s in &mut out {
        if let Some((_, id)) = doc_ids.iter().find(|(d, _)| *d == s.doc) {
            s.doc_id.clone_from(id);
        }
    }
    Ok(out)
}

fn is_tag(s: &str) -> bool {
    s == "O" || s.starts_with("B-") || s.starts_with("I-")
}

/// The sentences of one gold document as one text: each sentence's tokens
/// joined by single spaces, sentences separated by a newline. Returns the
/// text and, per sentence, the byte range of every token in it.
pub fn document_text(sentences: &[GoldSentence]) -> (String, Vec<Vec<Range<usize>>>) {
    let mut text = String::new();
    let mut all = Vec::with_capacity(sentences.len());
    for s in sentences {
        if !text.is_empty() {
            text.push('\n');
        }
        let base = text.len();
        let (t, offsets) = s.text();
        text.push_str(&t);
        all.push(
            offsets
                .into_iter()
                .map(|o| o.start + base..o.end + base)
                .collect(),
        );
    }
    (text, all)
}

/// A document over `text` with one paragraph block per span in `blocks`, as
/// [`document_text`] lays out a gold document.
pub fn paragraphs_document(text: &str, blocks: &[Span]) -> crate::Document {
    let mut doc = crate::tagging::plain_document(text);
    doc.blocks = blocks
        .iter()
        .map(|&span| crate::Block {
            kind: crate::BlockKind::Paragraph,
            span,
            reason: None,
            source: None,
        })
        .collect();
    doc
}

/// Maps a tagger label to the coarse CoNLL label set (`PER`, `ORG`, `LOC`,
/// `MISC`); value-like labels (dates, amounts) map to `None`.
pub fn coarse_label(label: Label) -> Option<&'static str> {
    match label {
        Label::Person => Some("PER"),
        Label::Org => Some("ORG"),
        Label::Gpe | Label::Loc | Label::Fac => Some("LOC"),
        Label::Norp | Label::Event | Label::Misc => Some("MISC"),
        _ => None,
    }
}

/// The annotation scheme of a gold set, which decides how a GPE mention is
/// scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// CoNLL-2003 (wikigold): country and city names are LOC wherever they
    /// stand, except as the name of a sports team ([`crate::Sense::Team`]),
    /// which is ORG.
    Conll,
    /// Universal NER: a GPE is LOC as a place and ORG when it names the state
    /// or team acting ([`crate::Sense::Agent`], [`crate::Sense::Team`]);
    /// there is no MISC.
    Uner,
}

/// Maps a tagged entity to the coarse label of `scheme`: as
/// [`coarse_label`], except that under [`Scheme::Conll`] a date that is a
/// holiday's name ("Thanksgiving", "Armistice Day") is MISC and a GPE read as
/// a sports team is ORG, as CoNLL annotates them, and under
/// [`Scheme::Uner`] a GPE in the [`crate::Sense::Agent`] or
/// [`crate::Sense::Team`] reading is ORG and MISC is dropped.
pub fn scheme_label(scheme: Scheme, e: &Entity) -> Option<&'static str> {
    match scheme {
        Scheme::Conll if e.label == Label::Date && crate::temporal::is_holiday(&e.text) => {
            Some("MISC")
        }
        // CoNLL tags a team named after its place ORG, the place and the
        // state acting LOC.
        Scheme::Conll if e.label == Label::Gpe && e.sense == Some(crate::Sense::Team) => {
            Some("ORG")
        }
        Scheme::Conll => coarse_label(e.label),
        Scheme::Uner => match (e.label, e.sense) {
            (Label::Gpe, Some(crate::Sense::Agent | crate::Sense::Team)) => Some("ORG"),
            (l, _) => coarse_label(l).filter(|l| *l != "MISC"),
        },
    }
}

/// Converts byte spans of predictions over a sentence's text into token
/// ranges. A span that cuts a token is extended to the whole token; a span
/// that covers no token is dropped.
pub fn spans_to_tokens(
    offsets: &[Range<usize>],
    spans: &[(Span, String)],
) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    for (span, label) in spans {
        let first = offsets
            .iter()
            .position(|o| o.end > span.start && o.start < span.end);
        let last = offsets
            .iter()
            .rposition(|o| o.end > span.start && o.start < span.end);
        if let (Some(a), Some(b)) = (first, last) {
            out.push((a..b + 1, label.clone()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob1_and_iob2_decode_alike() {
        let iob1 = ["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"];
        assert_eq!(
            decode_iob(&iob1),
            vec![
                (0..2, "PER".into()),
                (3..4, "LOC".into()),
                (4..5, "LOC".into()),
                (5..6, "ORG".into())
            ]
        );
        let iob2 = ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "B-ORG"];
        assert_eq!(decode_iob(&iob1), decode_iob(&iob2));
        assert_eq!(
            decode_iob(&["O", "X", "B-", "I-MISC"]),
            vec![(3..4, "MISC".into())]
        );
    }

    #[test]
    fn reads_both_layouts() {
        let wiki = "-DOCSTART- O\n\nThe I-ORG\nMad I-ORG\nplay O\n. O\n\n-DOCSTART- O\n\n# O\nOslo I-LOC\n";
        let s = read_conll(wiki).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].doc, 0);
        assert_eq!(s[0].entities, vec![(0..2, "ORG".into())]);
        assert_eq!(s[1].doc, 1);
        assert_eq!(s[1].tokens, vec!["#", "Oslo"]);
        let uner = "# newdoc id = a\n# sent_id = 1\n# text = Hi Bo\n1\tHi\tO\t-\n2\tBo\tB-PER\t-\n\n\
                    # newdoc id = b\n1\tParis\tB-LOC\n";
        let s = read_conll(uner).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!((s[0].doc, s[1].doc), (0, 1));
        assert_eq!((s[0].doc_id.as_str(), s[1].doc_id.as_str()), ("a", "b"));
        assert_eq!(s[0].entities, vec![(1..2, "PER".into())]);
        assert_eq!(s[0].text().0, "Hi Bo");
        assert_eq!(s[0].text().1, vec![0..2, 3..5]);
    }

    #[test]
    fn bad_line_is_an_error() {
        let err = read_conll("ok O\nlonely\n").unwrap_err();
        assert_eq!(err.to_string(), "line 2: token without a tag: \"lonely\"");
        assert!(read_conll("1\tx\n").is_err());
    }

    #[test]
    fn spans_extend_to_whole_tokens() {
        let offs = vec![0..3, 4..9, 10..12];
        let spans = vec![
            (Span::new(5, 8), "PER".to_string()),
            (Span::new(2, 11), "LOC".into()),
            (Span::new(3, 4), "X".into()),
        ];
        assert_eq!(
            spans_to_tokens(&offs, &spans),
            vec![(1..2, "PER".into()), (0..3, "LOC".into())]
        );
    }

    #[test]
    fn exact_match_prf() {
        let mut c = SpanCounts::new();
        let gold = vec![(0..2, "PER".to_string()), (3..4, "LOC".to_string())];
        let pred = vec![
            (0..2, "PER".to_string()),
            (3..5, "LOC".to_string()),
            (6..7, "ORG".to_string()),
        ];
        c.add_ranges(&gold, &pred);
        assert_eq!(
            c.per_label["PER"],
            Prf {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
        assert_eq!(
            c.per_label["LOC"],
            Prf {
                tp: 0,
                fp: 1,
                fn_: 1
            }
        );
        assert_eq!(
            c.per_label["ORG"],
            Prf {
                tp: 0,
                fp: 1,
                fn_: 0
            }
        );
        let all = c.overall();
        assert_eq!(
            all,
            Prf {
                tp: 1,
                fp: 2,
                fn_: 1
            }
        );
        assert!((all.precision() - 1.0 / 3.0).abs() < 1e-9);
        assert!((all.recall() - 0.5).abs() < 1e-9);
        assert!((all.f1() - 0.4).abs() < 1e-9);
        assert_eq!(Prf::default().f1(), 0.0);
        assert_eq!(
            Prf {
                tp: 0,
                fp: 1,
                fn_: 1
            }
            .f1(),
            0.0
        );
    }

    fn gm(
        s: usize,
        e: usize,
        text: &str,
        label: &str,
        canon: &str,
        bp: bool,
        value: Option<&str>,
    ) -> GoldMention {
        GoldMention {
            byte_start: s,
            byte_end: e,
            text: text.into(),
            label: label.into(),
            canonical: canon.into(),
            boilerplate: bp,
            value: value.map(Into::into),
        }
    }

    fn ent(s: usize, e: usize, label: Label, canon: &str, value: Option<&str>) -> Entity {
        Entity {
            span: Span::new(s, e),
            text: String::new(),
            label,
            canonical: canon.into(),
            value: value.map(Into::into),
            sense: None,
        }
    }

    #[test]
    fn article_scores() {
        //          0         1         2         3         4
        //          0123456789012345678901234567890123456789012345
        let text = "Photo: AP. Donald trump met Putin on Friday. Trump";
        let gold = SeedsFile {
            entities: vec![
                gm(7, 9, "AP", "ORG", "Associated Press", true, None),
                gm(
                    11,
                    23,
                    "Donald trump",
                    "PERSON",
                    "Donald Trump",
                    false,
                    None,
                ),
                gm(28, 33, "Putin", "PERSON", "Vladimir Putin", false, None),
                gm(
                    37,
                    43,
                    "Friday",
                    "DATE",
                    "Friday",
                    false,
                    Some("2018-07-20"),
                ),
                gm(45, 50, "Trump", "PERSON", "Donald Trump", false, None),
            ],
            boilerplate_regions: vec![(0, 10)],
        };
        let pred = vec![
            ent(0, 5, Label::Org, "Photo", None), // inside boilerplate: ignored
            ent(11, 17, Label::Person, "Donald", None),
            ent(28, 33, Label::Person, "Putin", None),
            ent(37, 43, Label::Date, "Friday", Some("2018-07-20")),
            ent(45, 50, Label::Person, "donald trump", None),
        ];
        let c = score_article(text, &gold, &pred);
        let all = c.mentions.overall();
        assert_eq!(
            all,
            Prf {
                tp: 3,
                fp: 1,
                fn_: 1
            }
        );
        assert_eq!((c.entities_gold, c.entities_found), (3, 2));
        assert_eq!(
            c.entities_missed,
            vec![("Vladimir Putin".to_string(), "PERSON".to_string())]
        );
        assert_eq!((c.span_matched, c.canonical_right), (2, 1));
        assert_eq!((c.dates_with_value, c.dates_right), (1, 1));
        let mut sum = ArticleCounts::default();
        sum.merge(&c);
        sum.merge(&c);
        assert_eq!(sum.entities_gold, 6);
        assert!((sum.entity_recall() - 2.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn coarse_labels() {
        assert_eq!(coarse_label(Label::Gpe), Some("LOC"));
        assert_eq!(coarse_label(Label::Norp), Some("MISC"));
        assert_eq!(coarse_label(Label::Date), None);
        assert_eq!(char_to_byte("éa", 1), 2);
        assert_eq!(char_to_byte("éa", 9), 3);
    }

    #[test]
    fn holidays_are_misc_under_conll() {
        let tagger = crate::Tagger::new().with_model(false);
        let ents = tagger.entities_text("Armistice Day fell on a Sunday; Thanksgiving came later.");
        let conll = |text: &str| {
            let e = ents.iter().find(|e| e.text == text).expect(text);
            (
                e.label,
                scheme_label(Scheme::Conll, e),
                scheme_label(Scheme::Uner, e),
            )
        };
        assert_eq!(conll("Armistice Day"), (Label::Date, Some("MISC"), None));
        assert_eq!(conll("Thanksgiving"), (Label::Date, Some("MISC"), None));
        assert_eq!(conll("Sunday"), (Label::Date, None, None));
    }

    #[test]
    fn teams_are_org_under_both_schemes() {
        let tagger = crate::Tagger::new().with_model(false);
        let ents = tagger.entities_text("He played 26 games for Lausanne. He lived in Lausanne.");
        let labels: Vec<_> = ents
            .iter()
            .filter(|e| e.text == "Lausanne")
            .map(|e| {
                (
                    scheme_label(Scheme::Conll, e),
                    scheme_label(Scheme::Uner, e),
                )
            })
            .collect();
        assert_eq!(
            labels,
            vec![(Some("ORG"), Some("ORG")), (Some("LOC"), Some("LOC"))],
            "{ents:?}"
        );
    }
}
