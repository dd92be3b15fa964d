//! What the features know of a token from its sentence and document:
//! sentence position, headline flag, capitalized-run position, document
//! case evidence and the name-like chunk around it. Builds the base
//! [`TokInfo`] of every token; the per-token fields wait for [`complete`](super::complete).

use std::ops::Range;

use super::word::{Cap, IdMap, PAD, cap_class, cues, hash_bytes, is_capitalized};
use super::{TokInfo, kb_code};
use crate::model::clusters::WordClusters;
use crate::words::WordList;
use crate::{KbHint, Token, TokenKind};

/// Hashes the tokens of a document and gathers document-level evidence
/// (the per-token fields are left for [`complete`](super::complete)).
#[cfg(any(feature = "train", test))]
pub(crate) fn tok_infos(
    tokens: &[Token<'_>],
    sentences: &[Range<usize>],
    kb: &[Option<KbHint>],
    clusters: &WordClusters,
) -> Vec<TokInfo> {
    let n = tokens.len();
    let pos = sentence_positions(tokens, sentences);
    let caps: Vec<Cap> = tokens.iter().map(|t| cap_class(t.text)).collect();
    let headline = headline_flags(tokens, sentences, &caps);
    let words: Vec<u64> = tokens
        .iter()
        .map(|t| hash_bytes(1, t.norm.as_bytes()))
        .collect();
    let evidence = case_evidence_counts(tokens, &words, &caps, &pos);
    let mut out = Vec::with_capacity(n);
    push_base_infos(
        &mut out, tokens, kb, &evidence, &words, &caps, &pos, &headline,
    );
    annotate_chunks(&mut out, tokens, &words, &caps, sentences, clusters);
    out
}

/// Appends each token's base info: its word hash, case class, kind,
/// knowledge-base hint, document evidence, capitalized-run position,
/// sentence position and headline flag. The other fields are left for
/// [`complete`](super::complete) and `annotate_chunks`.
#[allow(clippy::too_many_arguments)]
fn push_base_infos(
    out: &mut Vec<TokInfo>,
    tokens: &[Token<'_>],
    kb: &[Option<KbHint>],
    evidence: &IdMap<(u32, u32)>,
    words: &[u64],
    caps: &[Cap],
    pos: &[u8],
    headline: &[bool],
) {
    let n = tokens.len();
    for (i, t) in tokens.iter().enumerate() {
        let cap = caps[i];
        let doc = match evidence.get(&words[i]) {
            Some(&(c, l)) => {
                let own_c =
                    u32::from(is_capitalized(cap) && pos[i] >= 2 && t.kind == TokenKind::Word);
                let own_l = u32::from(cap == Cap::Lower && t.kind == TokenKind::Word);
                u8::from(c > own_c) | (u8::from(l > own_l) << 1)
            }
            None => 0,
        };
        let capd = |j: usize| is_capitalized(caps[j]) && tokens[j].kind == TokenKind::Word;
        let run = if !capd(i) {
            0
        } else {
            let before = i > 0 && capd(i - 1);
            let after = i + 1 < n && capd(i + 1);
            match (before, after) {
                (false, false) => 1,
                (false, true) => 2,
                (true, true) => 3,
                (true, false) => 4,
            }
        };
        out.push(TokInfo {
            word: words[i],
            raw: PAD,
            shape: PAD,
            short: PAD,
            pre: [PAD; 3],
            suf: [PAD; 4],
            cap,
            kind: match t.kind {
                TokenKind::Word => 0,
                TokenKind::Number => 1,
                _ => 2,
            },
            kb: kb_code(kb.get(i).copied().flatten()),
            title: false,
            org_head: false,
            loc_head: false,
            len: 0,
            doc,
            run,
            pos: pos[i],
            headline: headline[i],
            lex: 0,
            chunk_first: PAD,
            chunk_last: PAD,
            chunk: 0,
            clu: [0; 3],
            chunk_clu: [0; 2],
            case: 0,
            freq: 0,
            full: false,
        });
    }
}

/// Document-level evidence, gathered in one pass over the sentences before
/// any is labelled: per normalized word, how often it is written capitalized
/// away from a sentence start and how often lowercase. Its size grows with
/// the document's vocabulary, not its length.
pub(crate) fn doc_evidence(tokens: &[Token<'_>], sentences: &[Range<usize>]) -> IdMap<(u32, u32)> {
    let mut evidence: IdMap<(u32, u32)> = IdMap::default();
    let n = tokens.len();
    for s in sentences {
        let s = s.start.min(n)..s.end.min(n);
        add_sentence_evidence(&mut evidence, &tokens[s], 0);
    }
    evidence
}

/// Adds to [`doc_evidence`]'s counts the tokens `toks` of one sentence,
/// the first being the sentence's token `first` (a long sentence may be
/// given a part at a time): the counts of [`add_case_evidence`], where only
/// the first two tokens of a sentence are at a sentence start.
pub(crate) fn add_sentence_evidence(
    evidence: &mut IdMap<(u32, u32)>,
    toks: &[Token<'_>],
    first: usize,
) {
    for (k, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Word {
            continue;
        }
        let cap = cap_class(t.text);
        let e = evidence
            .entry(hash_bytes(1, t.norm.as_bytes()))
            .or_default();
        if cap == Cap::Lower {
            e.1 += 1;
        } else if is_capitalized(cap) && first + k >= 2 {
            e.0 += 1;
        }
    }
}

/// The token infos of one sentence (`tokens` is the sentence's slice, `kb`
/// its hints), written into `out` (cleared first); document evidence from
/// [`doc_evidence`]. Features read neighbours within the sentence only, so
/// a document is labelled one sentence at a time.
pub(crate) fn sentence_infos(
    tokens: &[Token<'_>],
    kb: &[Option<KbHint>],
    evidence: &IdMap<(u32, u32)>,
    clusters: &WordClusters,
    out: &mut Vec<TokInfo>,
) {
    out.clear();
    let n = tokens.len();
    let all = 0..n;
    let whole = std::slice::from_ref(&all);
    let pos = sentence_positions(tokens, whole);
    let caps: Vec<Cap> = tokens.iter().map(|t| cap_class(t.text)).collect();
    let headline = headline_flags(tokens, whole, &caps);
    let words: Vec<u64> = tokens
        .iter()
        .map(|t| hash_bytes(1, t.norm.as_bytes()))
        .collect();
    push_base_infos(out, tokens, kb, evidence, &words, &caps, &pos, &headline);
    annotate_chunks(out, tokens, &words, &caps, whole, clusters);
}

/// Sentence position of every token: 0 first, 1 second, 2 other, 3 after
/// an opening quote, colon or dash.
fn sentence_positions(tokens: &[Token<'_>], sentences: &[Range<usize>]) -> Vec<u8> {
    let n = tokens.len();
    let mut pos = vec![2u8; n];
    for s in sentences {
        let s = s.start.min(n)..s.end.min(n);
        if let Some(p) = pos.get_mut(s.start) {
            *p = 0;
        }
        if s.len() > 1 {
            pos[s.start + 1] = 1;
        }
    }
    for i in 1..n {
        let prev = tokens[i - 1].text;
        if pos[i] == 2
            && matches!(
                prev,
                "\"" | "“" | "‘" | "'" | ":" | "-" | "–" | "—" | "(" | "«" | "„"
            )
        {
            pos[i] = 3;
        }
    }
    pos
}

/// Per token: its sentence is written in title case or capitals.
fn headline_flags(tokens: &[Token<'_>], sentences: &[Range<usize>], caps: &[Cap]) -> Vec<bool> {
    let n = tokens.len();
    let mut headline = vec![false; n];
    for s in sentences {
        let s = s.start.min(n)..s.end.min(n);
        let (mut words, mut capd) = (0, 0);
        for i in s.clone().skip(1) {
            if tokens[i].kind == TokenKind::Word && tokens[i].text.chars().count() > 3 {
                words += 1;
                capd += usize::from(is_capitalized(caps[i]));
            }
        }
        if words >= 3 && capd * 10 >= words * 8 {
            headline[s].fill(true);
        }
    }
    headline
}

/// Document evidence: per normalized word, how often it is written
/// capitalized away from a sentence start and how often lowercase.
#[cfg(any(feature = "train", test))]
fn case_evidence_counts(
    tokens: &[Token<'_>],
    words: &[u64],
    caps: &[Cap],
    pos: &[u8],
) -> IdMap<(u32, u32)> {
    let mut evidence: IdMap<(u32, u32)> = IdMap::default();
    add_case_evidence(&mut evidence, tokens, words, caps, pos);
    evidence
}

/// Adds the case evidence of `tokens` to the counts.
#[cfg(any(feature = "train", test))]
fn add_case_evidence(
    evidence: &mut IdMap<(u32, u32)>,
    tokens: &[Token<'_>],
    words: &[u64],
    caps: &[Cap],
    pos: &[u8],
) {
    for (i, t) in tokens.iter().enumerate() {
        if t.kind != TokenKind::Word {
            continue;
        }
        let e = evidence.entry(words[i]).or_default();
        if caps[i] == Cap::Lower {
            e.1 += 1;
        } else if is_capitalized(caps[i]) && pos[i] >= 2 {
            e.0 += 1;
        }
    }
}

/// Marks every token of a name-like chunk with the chunk's first and last
/// word, its clusters, its length and the token's place in it.
fn annotate_chunks(
    out: &mut [TokInfo],
    tokens: &[Token<'_>],
    words: &[u64],
    caps: &[Cap],
    sentences: &[Range<usize>],
    clusters: &WordClusters,
) {
    let cues = cues();
    for c in chunk_spans(tokens, caps, sentences) {
        let (a, b) = (c.start, c.end - 1);
        let (mut org, mut loc, mut conn) = (false, false, false);
        for j in c.clone() {
            let cue = cues.get(&words[j]).copied().unwrap_or(0);
            org |= cue & 2 != 0;
            loc |= cue & 4 != 0;
            conn |= !is_capitalized(caps[j]);
        }
        let flags = u64::from(org) | u64::from(loc) << 1 | u64::from(conn) << 2;
        let clu = |j: usize| {
            if tokens[j].kind == TokenKind::Word {
                clusters.class_of(words[j]).prefix(2)
            } else {
                0
            }
        };
        let chunk_clu = [clu(a), clu(b)];
        for j in c.clone() {
            let place: u64 = if a == b {
                4
            } else if j == a {
                1
            } else if j == b {
                3
            } else {
                2
            };
            let o = &mut out[j];
            o.chunk_first = words[a];
            o.chunk_last = words[b];
            o.chunk_clu = chunk_clu;
            o.chunk = (c.len().min(6) as u64) | place << 4 | flags << 8;
        }
    }
}

/// Lowercase words that may join the capitalized words of one name.
pub(in crate::model) static CONNECTORS: WordList =
    WordList::new(include_str!("../../../words/model_connectors.txt"));

/// Token ranges of name-like chunks: runs of capitalized words, possibly
/// joined by connector words, within a sentence.
pub(in crate::model) fn chunk_spans(
    tokens: &[Token<'_>],
    caps: &[Cap],
    sentences: &[Range<usize>],
) -> Vec<Range<usize>> {
    let n = tokens.len();
    let capd = |j: usize| is_capitalized(caps[j]) && tokens[j].kind == TokenKind::Word;
    let mut out = Vec::new();
    for s in sentences {
        let s = s.start.min(n)..s.end.min(n);
        let mut i = s.start;
        while i < s.end {
            if !capd(i) {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i + 1;
            loop {
                if end < s.end && capd(end) {
                    end += 1;
                    continue;
                }
                // Connectors followed by a capitalized word.
                let mut k = end;
                while k < s.end && k - end < 2 && CONNECTORS.contains(tokens[k].norm.as_ref()) {
                    k += 1;
                }
                if k > end && k < s.end && capd(k) {
                    end = k + 1;
                    continue;
                }
                break;
            }
            out.push(start..end);
            i = end;
        }
    }
    out
}

#[cfg(test)]
mod chunk_tests {
    use super::*;
    use crate::Tokenizer;
    use crate::model::features::complete;

    #[test]
    fn chunks_join_capitalized_words_through_connectors() {
        let text = "He served in the Army of the Potomac and later in Boston.";
        let tokens = Tokenizer::new().tokens(text);
        let sentences = std::slice::from_ref(&(0..tokens.len())).to_vec();
        let none = WordClusters::default();
        let mut infos = tok_infos(&tokens, &sentences, &[], &none);
        for i in 0..tokens.len() {
            complete(&mut infos, &tokens, &[], &none, i);
        }
        let at = |w: &str| {
            tokens
                .iter()
                .position(|t| t.text == w)
                .unwrap_or(usize::MAX)
        };
        let (army, of, potomac, and, boston) =
            (at("Army"), at("of"), at("Potomac"), at("and"), at("Boston"));
        assert_eq!(infos[army].chunk_last, infos[potomac].word);
        assert_eq!(infos[of].chunk_first, infos[army].word);
        assert_eq!(infos[potomac].chunk >> 4 & 0xf, 3);
        assert_eq!(infos[army].chunk & 0xf, 4);
        assert_eq!(infos[and].chunk, 0);
        assert_eq!(infos[boston].chunk >> 4 & 0xf, 4);
        // "He" starts the sentence: a chunk of its own, unconnected to "Army".
        assert_eq!(infos[0].chunk_last, infos[0].word);
    }
}
