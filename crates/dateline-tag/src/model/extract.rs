//! The features of one token: what it and its neighbours are
//! (label-independent, computed once) and the previous labels.

use super::features::*;

/// Boundary token used beyond the ends of the document.
const EDGE: TokInfo = TokInfo {
    word: 0x4544_4745,
    raw: 0x4544_4745,
    shape: 0x4544_4745,
    short: 0x4544_4745,
    pre: [PAD; 3],
    suf: [PAD; 4],
    cap: Cap::NoLetter,
    kind: 3,
    kb: 0,
    title: false,
    org_head: false,
    loc_head: false,
    len: 0,
    doc: 0,
    run: 0,
    pos: 2,
    headline: false,
    lex: 0,
    chunk_first: PAD,
    chunk_last: PAD,
    chunk: 0,
    clu: [0x4544_4745; 3],
    chunk_clu: [0; 2],
    case: 0,
    freq: 0,
    full: true,
};

/// Pushes the label-independent features of token `i` into `out`.
pub(crate) fn static_features(toks: &[TokInfo], i: usize, out: &mut Vec<u64>) {
    let at = |k: isize| -> &TokInfo {
        let j = i as isize + k;
        if j < 0 {
            &EDGE
        } else {
            toks.get(j as usize).unwrap_or(&EDGE)
        }
    };
    let t = at(0);
    let (p1, p2, n1, n2) = (at(-1), at(-2), at(1), at(2));
    word_features(t, [p1, p2, n1, n2], out);
    cue_features(t, [p1, p2, n1, n2], out);
}

/// Pushes feature `template` with value `v`.
fn push(out: &mut Vec<u64>, template: u64, v: u64) {
    out.push(mix(template.wrapping_mul(0x1000_0001), v));
}

/// The token's own word, shape, affix, case and position features, and its
/// neighbours' words and shapes (`near`: the tokens one and two before,
/// one and two after).
fn word_features(t: &TokInfo, near: [&TokInfo; 4], out: &mut Vec<u64>) {
    let [p1, p2, n1, n2] = near;
    let cap = t.cap as u64;
    let mut f = |template: u64, v: u64| push(out, template, v);
    f(1, 0);
    f(2, t.word);
    f(3, t.raw);
    f(4, t.shape);
    f(5, t.short);
    for (k, &p) in t.pre.iter().enumerate() {
        f(6 + k as u64, p);
    }
    for (k, &s) in t.suf.iter().enumerate() {
        f(10 + k as u64, s);
    }
    f(15, mix(cap, u64::from(t.pos) | u64::from(t.headline) << 4));
    f(14, mix(t.word, cap | u64::from(t.headline) << 4));
    f(
        13,
        u64::from(t.lex) | cap << 4 | u64::from(t.pos.min(2)) << 8 | u64::from(t.headline) << 12,
    );
    f(
        12,
        u64::from(p1.lex) | u64::from(t.lex) << 4 | u64::from(n1.lex) << 8 | cap << 12,
    );
    f(16, mix(t.word, cap));
    f(17, u64::from(t.len) | (u64::from(t.kind) << 8));
    f(
        18,
        mix(u64::from(t.doc), cap) ^ (u64::from(t.pos == 0) << 40),
    );
    f(19, mix(u64::from(t.run), cap));
    f(
        20,
        mix(
            u64::from(t.run),
            u64::from(p1.title) | u64::from(n1.org_head) << 1 | u64::from(n1.loc_head) << 2,
        ),
    );
    // Neighbours.
    f(21, p1.word);
    f(22, n1.word);
    f(23, p2.word);
    f(24, n2.word);
    f(25, p1.short);
    f(26, n1.short);
    f(27, mix(p1.short, t.short));
    f(28, mix(t.short, n1.short));
    f(29, mix(mix(p1.short, t.short), n1.short));
    f(30, mix(p1.word, t.word));
    f(31, mix(t.word, n1.word));
    f(32, mix(p1.word, cap));
    f(33, mix(n1.word, cap));
    f(34, p1.suf[2]);
    f(35, n1.suf[2]);
    f(36, mix(p1.cap as u64, n1.cap as u64) ^ cap << 16);
}

/// Title, head-word and knowledge-base cues, document evidence, the
/// name-like chunk, word clusters and corpus case statistics.
fn cue_features(t: &TokInfo, near: [&TokInfo; 4], out: &mut Vec<u64>) {
    let [p1, p2, n1, n2] = near;
    let cap = t.cap as u64;
    let mut f = |template: u64, v: u64| push(out, template, v);
    // Cues.
    f(
        37,
        u64::from(p1.title) | u64::from(p2.title) << 1 | cap << 4,
    );
    f(
        38,
        u64::from(t.org_head)
            | u64::from(n1.org_head) << 1
            | u64::from(n2.org_head) << 2
            | cap << 4,
    );
    f(
        39,
        u64::from(t.loc_head)
            | u64::from(n1.loc_head) << 1
            | u64::from(p1.loc_head) << 2
            | cap << 4,
    );
    // Knowledge base.
    f(40, u64::from(t.kb));
    f(41, mix(u64::from(t.kb), cap));
    f(42, u64::from(p1.kb) | u64::from(n1.kb) << 8);
    f(43, mix(u64::from(t.kb), t.word));
    // Document evidence with neighbours.
    f(
        44,
        mix(u64::from(t.doc), u64::from(p1.doc) | u64::from(n1.doc) << 4) ^ cap << 32,
    );
    f(45, mix(u64::from(t.doc), t.word));
    // The name-like chunk: its head (last) word, first word and shape.
    if t.chunk != 0 {
        f(46, mix(t.chunk_last, t.chunk >> 4 & 0xf));
        f(47, mix(t.chunk_first, t.chunk >> 4 & 0xf));
        f(48, t.chunk);
        f(49, mix(t.chunk_last, t.word));
        f(58, mix(t.chunk_clu[1], t.chunk >> 4 & 0xf));
        f(59, mix(t.chunk_clu[0], t.chunk >> 4 & 0xf));
    }
    // Word clusters and corpus case statistics.
    f(50, t.clu[0]);
    f(51, t.clu[1]);
    f(52, t.clu[2]);
    f(53, mix(t.clu[1], cap | u64::from(t.pos.min(2)) << 4));
    f(54, mix(p1.clu[1], cap));
    f(55, mix(n1.clu[1], cap));
    f(
        56,
        u64::from(t.case)
            | cap << 4
            | u64::from(t.pos.min(2)) << 8
            | u64::from(t.headline) << 12
            | u64::from(t.freq) << 16,
    );
    f(
        57,
        u64::from(p1.case) | u64::from(t.case) << 4 | u64::from(n1.case) << 8 | cap << 12,
    );
}

/// Pushes the features that depend on the previous labels.
pub(crate) fn label_features(toks: &[TokInfo], i: usize, y1: usize, y2: usize, out: &mut Vec<u64>) {
    let t = &toks[i];
    let y = (y1 as u64) | (y2 as u64) << 8;
    let mut f = |template: u64, v: u64| push(out, template, v);
    f(60, y1 as u64);
    f(61, y);
    f(62, mix(y1 as u64, t.word));
    f(63, mix(y1 as u64, t.short));
    f(64, mix(y1 as u64, t.cap as u64 | u64::from(t.kb) << 8));
    f(65, mix(y1 as u64, t.clu[1]));
}
