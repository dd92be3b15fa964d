//! Integration tests of the public API: Golden Rules sentences, the Unicode
//! word oracle, token and sentence invariants, and the corpus (a sample
//! article, and the Wikinews articles of the data directory when present).

use dateline_tokenize::{Document, Span, TokenKind, Tokenizer, WordStream, normalize, parse};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

use dateline_data::sets;

/// The Wikinews 2019-2021 records (JSON Lines) of the data directory, or no
/// text (with a visible skip line) when the data directory lacks them.
fn wikinews(test: &str) -> String {
    dateline_data::read_for_test(test, &sets::WIKINEWS_2019_2021).unwrap_or_default()
}

const SEED: &str = include_str!("../../../../examples/corpus/seeds/000_61d203704fab0176.txt");

fn sentence_texts(text: &str) -> Vec<&str> {
    Tokenizer::new()
        .sentences(text)
        .into_iter()
        .map(|s| text[s].trim())
        .collect()
}

#[test]
fn golden_rules_pass_at_least_47_of_48() {
    let Some(golden) =
        dateline_data::read_for_test("golden_rules_pass_at_least_47_of_48", &sets::GOLDEN_RULES)
    else {
        return;
    };
    let cases: serde_json::Value = serde_json::from_str(&golden).unwrap();
    let cases = cases.as_array().unwrap();
    assert_eq!(cases.len(), 48);
    let mut failures = Vec::new();
    for case in cases {
        let input = case["input"].as_str().unwrap();
        let expected: Vec<&str> = case["expected"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().trim())
            .collect();
        let got = sentence_texts(input);
        if got != expected {
            failures.push(format!(
                "{input:?}\n  expected {expected:?}\n  got      {got:?}"
            ));
        }
    }
    let passed = cases.len() - failures.len();
    println!("{passed}/48 Golden Rules passed\n{}", failures.join("\n"));
    assert!(
        passed >= 47,
        "{passed}/48 Golden Rules passed; failures:\n{}",
        failures.join("\n")
    );
}

fn oracle(text: &str) -> Vec<(usize, &str)> {
    text.unicode_word_indices().collect()
}

fn plain(text: &str) -> Vec<(usize, &str)> {
    Tokenizer::plain()
        .iter(text)
        .map(|t| (t.span.start, t.text))
        .collect()
}

/// (span, surface, kind, norm) of every plain token.
fn plain_tokens(text: &str) -> Vec<(Span, &str, TokenKind, String)> {
    Tokenizer::plain()
        .tokens(text)
        .into_iter()
        .map(|t| (t.span, t.text, t.kind, t.norm.into_owned()))
        .collect()
}

/// The same from the streaming API, reusing one stream (and its buffer)
/// after a first text so that stale buffer contents would show.
fn streamed(text: &str) -> Vec<(Span, &str, TokenKind, String)> {
    let mut stream = WordStream::new("Warm Up ÉTÉ ВЫБОРЫ");
    while stream.advance() {}
    stream.reset(text);
    let mut out = Vec::new();
    while stream.advance() {
        assert_eq!(&text[stream.span()], stream.text());
        assert_eq!(stream.token().norm, stream.norm());
        out.push((
            stream.span(),
            stream.text(),
            stream.kind(),
            stream.norm().to_string(),
        ));
    }
    assert!(!stream.advance(), "a finished stream stays finished");
    out
}

#[test]
fn word_stream_equals_plain_tokens_on_corpus() {
    let wikinews = wikinews("word_stream_equals_plain_tokens_on_corpus");
    for line in wikinews.lines().chain(std::iter::once(SEED)) {
        assert_eq!(streamed(line), plain_tokens(line));
        let words: Vec<(usize, &str)> = streamed(line)
            .into_iter()
            .map(|w| (w.0.start, w.1))
            .collect();
        assert_eq!(words, oracle(line));
    }
}

/// Hand-picked word-boundary cases: emoji sequences, CRLF, Hebrew, Thai, CJK,
/// Katakana, apostrophes, numbers with separators, regional indicators,
/// combining marks next to ASCII.
#[test]
fn plain_words_match_unicode_on_tricky_cases() {
    let cases = [
        "👩\u{200D}❤\u{FE0F}\u{200D}👨 and 👍🏽 ok",
        "🇺🇸🇬🇧🇫 flags a🇺🇸b",
        "one\r\ntwo\r\rthree\n\n",
        "\u{05E9}\u{05DC}\u{05D5}\u{05DD} \u{05E6}\u{05D4}\"\u{05DC} \u{05D2}'\u{05D5}",
        "ภาษาไทย ๑๒๓",
        "हिन्दी में १२३ शब्द। क़ ॐ _ा a्b ा",
        "日本語のテキスト、カタカナ・ワード。漢字",
        "ｶﾀｶﾅ アイウ_エオ",
        "it's it’s don’t rock'n'roll 'quoted' O'Neil",
        "1,000,000 3.14 1.2.3 12;34 1'000 1:2 a:b .5 5. ,5",
        "e.g. U.S.A. a.b.c. x..y",
        "naïve cafe\u{301} \u{301}start end\u{301}",
        "a\u{200B}b a\u{00AD}b a\u{2060}b",
        "tab\tsep  double   triple",
        "x\u{0903} \u{0903}y",
        "ＡＢＣ１２３ ａｂｃ",
        "Ω≈ç√ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
        "__init__ _x x_ 9_9",
        "a'\u{0301}b a.\u{0301}b 1,\u{0301}2",
    ];
    for case in cases {
        assert_eq!(plain(case), oracle(case), "{case:?}");
    }
}

#[test]
fn plain_words_match_unicode_on_corpus() {
    let wikinews = wikinews("plain_words_match_unicode_on_corpus");
    for line in wikinews.lines().chain(std::iter::once(SEED)) {
        assert_eq!(plain(line), oracle(line));
    }
}

fn check_tokens(text: &str, tokenizer: &Tokenizer) {
    let mut prev_end = 0;
    for t in tokenizer.iter(text) {
        let Span { start, end } = t.span;
        assert!(start < end && end <= text.len(), "{t:?}");
        assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        assert!(start >= prev_end, "overlap at {t:?}");
        assert_eq!(&text[t.span], t.text);
        assert!(!t.text.trim().is_empty());
        prev_end = end;
    }
}

fn check_sentences(text: &str) {
    let analysis = Tokenizer::new().analyze_text(text);
    let mut prev_end = 0;
    let mut covered = 0;
    for (s, tokens) in analysis.iter() {
        assert!(s.span.start >= prev_end && s.span.start < s.span.end && s.span.end <= text.len());
        assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
        let st = &text[s.span];
        assert_eq!(st, st.trim());
        // Only white space between sentences.
        assert!(
            text[prev_end..s.span.start].trim().is_empty(),
            "gap {:?}",
            &text[prev_end..s.span.start]
        );
        for t in tokens {
            assert!(s.span.contains(t.span));
        }
        covered += tokens.len();
        prev_end = s.span.end;
    }
    assert!(text[prev_end..].trim().is_empty());
    assert_eq!(covered, analysis.tokens.len());
}

#[test]
fn corpus_invariants() {
    let wikinews = wikinews("corpus_invariants");
    let news = Tokenizer::new().with_stems(true);
    for line in wikinews.lines().take(80).chain(std::iter::once(SEED)) {
        check_tokens(line, &news);
        check_sentences(line);
    }
}

#[test]
fn document_sentences_never_cross_blocks() {
    let doc: Document = parse::parse(SEED);
    let analysis = Tokenizer::new().with_stems(true).analyze(&doc);
    assert!(!analysis.sentences.is_empty());
    for s in &analysis.sentences {
        assert!(doc.blocks[s.block].span.contains(s.span));
        for t in s.tokens_in(&analysis) {
            assert!(s.span.contains(t.span));
            assert!(t.stem.is_some());
        }
    }
    let texts: Vec<&str> = analysis.tokens.iter().map(|t| t.text).collect();
    for glue in [
        ["Vucci", "Президент"],
        ["photo", "Trump"],
        ["elections", "©"],
    ] {
        assert!(texts.windows(2).any(|w| w == glue), "{glue:?} not split");
    }
}

#[test]
fn norms_used_by_the_tagger() {
    let t = Tokenizer::new();
    let tokens = t.tokens("Pátrushev told США about the U.S. President’s plan");
    let norms: Vec<&str> = tokens.iter().map(|t| t.norm.as_ref()).collect();
    assert_eq!(
        norms,
        [
            "patrushev",
            "told",
            "сша",
            "about",
            "the",
            "u.s.",
            "president",
            "'s",
            "plan"
        ]
    );
    assert_eq!(tokens[5].kind, TokenKind::Abbreviation);
    assert_eq!(tokens[7].kind, TokenKind::Clitic);
}

#[test]
fn stems_by_script() {
    let t = Tokenizer::new().with_stems(true);
    let tokens = t.tokens("elections выборах 東京");
    let stems: Vec<&str> = tokens.iter().map(|t| t.stem_or_norm()).collect();
    assert_eq!(stems, ["elect", "выбор", "東", "京"]);
}

fn tricky_string() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a", "Z", "é", "e\u{301}", "1", "9", "_", ".", ",", ";", ":", "'", "’", "\"", " ", "  ",
        "\t", "\n", "\r\n", "\r", "-", "$", "%", "@", "#", "/", "…", "!", "?", "(", ")", "«", "»",
        "\u{200D}", "\u{FE0F}", "👍", "🏽", "🇺", "🇸", "\u{05D0}", "\u{05D1}", "ก", "日", "カ", "ｶ",
        "Д", "д", "\u{0903}", "\u{00AD}", "\u{200B}", "\u{2060}", "١", "１", "U.S.", "Mr.", "www.",
        "http://", "x@y.com", "'s", "©", "\u{A0}", "“", "”", "—", "–", "€", "•", "ñ", "Ǽ", "ё",
        "\u{483}", "×", "‘", "§", "°", "«", "क", "ा", "्", "०", "।", "\u{93C}", "\u{951}", "ॐ",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn plain_words_equal_unicode_word_indices(s in tricky_string()) {
        prop_assert_eq!(plain(&s), oracle(&s));
    }

    #[test]
    fn plain_words_equal_unicode_word_indices_any(s in "\\PC*") {
        prop_assert_eq!(plain(&s), oracle(&s));
    }

    #[test]
    fn token_table_equals_analysis(s in tricky_string()) {
        for tokenizer in [Tokenizer::new(), Tokenizer::plain()] {
            let doc = dateline_tokenize::parse::parse(&s);
            let analysis = tokenizer.analyze(&doc);
            let table = tokenizer.table(&doc);
            prop_assert_eq!(table.sentences(), &analysis.sentences[..]);
            prop_assert_eq!(table.len(), analysis.tokens.len());
            for (i, t) in analysis.tokens.iter().enumerate() {
                prop_assert_eq!(table.get(i), Some(t.clone()));
                prop_assert_eq!(table.norm(i), t.norm.as_ref());
            }
        }
    }

    #[test]
    fn word_stream_equals_plain_tokens(s in tricky_string()) {
        prop_assert_eq!(streamed(&s), plain_tokens(&s));
    }

    #[test]
    fn word_stream_equals_plain_tokens_any(s in "\\PC*") {
        prop_assert_eq!(streamed(&s), plain_tokens(&s));
    }

    #[test]
    fn tokens_are_well_formed(s in tricky_string()) {
        check_tokens(&s, &Tokenizer::new().with_stems(true));
        check_tokens(&s, &Tokenizer::plain());
    }

    #[test]
    fn tokens_are_well_formed_any(s in "\\PC*") {
        check_tokens(&s, &Tokenizer::new().with_stems(true));
    }

    #[test]
    fn sentences_are_well_formed(s in tricky_string()) {
        check_sentences(&s);
    }

    #[test]
    fn sentences_are_well_formed_any(s in "\\PC*") {
        check_sentences(&s);
    }

    #[test]
    fn normalize_is_idempotent_and_lowercase(s in "\\PC*") {
        let n = normalize(&s);
        prop_assert_eq!(normalize(&n), n.clone());
        prop_assert!(!n.chars().any(|c| c.is_ascii_uppercase()));
    }

    #[test]
    fn documents_analyze_within_blocks(s in "[A-Za-z .,!?\n]{0,200}") {
        let doc = parse::parse(&s);
        let analysis = Tokenizer::new().analyze(&doc);
        for sentence in &analysis.sentences {
            prop_assert!(doc.blocks[sentence.block].span.contains(sentence.span));
        }
    }
}

/// A whole document's tokens as a table take a fraction of the memory of
/// the same tokens as `Token` values.
#[test]
fn token_table_is_compact() {
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/corpus/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(seeds)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let text: String = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect::<Vec<_>>()
        .join("\n\n");
    let doc = dateline_tokenize::parse::parse(&text);
    let tokenizer = Tokenizer::new();
    let analysis = tokenizer.analyze(&doc);
    let table = tokenizer.table(&doc);
    let tokens = analysis.tokens.len() * std::mem::size_of::<dateline_tokenize::Token<'_>>();
    let per_byte = table.heap_bytes() as f64 / text.len() as f64;
    eprintln!(
        "token table: {} bytes ({per_byte:.1} a byte of text), tokens: {tokens} bytes",
        table.heap_bytes()
    );
    assert!(table.heap_bytes() * 4 < tokens);
    assert!(per_byte < 5.0);
}
