//! Property tests: any string parses without panicking into blocks that are
//! trimmed, ordered, disjoint, on char boundaries and cover every non-blank
//! line.

use proptest::prelude::*;

use crate::check_invariants;

/// Lines that look like parts of scraped articles, to reach the rules.
fn article_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("Home News Politics Trump meets Putin in Helsinki".to_string()),
        Just("Trump meets Putin in Helsinki | SITE".to_string()),
        Just("Trump meets Putin in Helsinki".to_string()),
        Just("Trump meets Putin".to_string()),
        Just("date 2018-07-19 The summit began on Monday.".to_string()),
        Just("Friday, January 4, 2019".to_string()),
        Just("Published: 2019-04-18 14:02".to_string()),
        Just("24.05.2019".to_string()),
        Just("WASHINGTON (Reuters) - The president said.".to_string()),
        Just("© AP Photo / Evan Vucci".to_string()),
        Just("You may also like".to_string()),
        Just("Leave a Reply".to_string()),
        Just("Load More In Politics".to_string()),
        Just("The special prosecutor considered that the summary…".to_string()),
        Just("The two leaders met for five hours in Geneva and agreed to meet again next year, officials said.".to_string()),
        "[A-Za-z ,.:|»©…\u{a0}\u{2019}0-9-]{0,60}",
        any::<String>(),
    ]
}

fn article() -> impl Strategy<Value = String> {
    (prop::collection::vec(
        (article_line(), prop_oneof!["\n", "\n\n", "\r\n", " \n \n"]),
        0..14,
    ))
    .prop_map(|parts| parts.into_iter().map(|(l, sep)| l + &sep).collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_string_parses(text in any::<String>()) {
        let doc = dateline_parse::parse(text.clone());
        prop_assert_eq!(&doc.text, &text);
        check_invariants(&doc);
    }

    #[test]
    fn article_like_text_parses(text in article()) {
        let doc = dateline_parse::parse(text);
        check_invariants(&doc);
        if let Some(t) = &doc.title {
            prop_assert!(doc.text.contains(t.as_str()));
        }
    }

    #[test]
    fn records_parse(text in article(), title in "[A-Za-z ]{0,30}") {
        let line = serde_json::json!({"id": "p", "title": title, "text": text}).to_string();
        let docs = dateline_parse::read_jsonl(line.as_bytes(), "p.jsonl", &Default::default());
        prop_assert_eq!(docs.len(), 1);
        let doc = docs.into_iter().next().unwrap().unwrap();
        check_invariants(&doc);
    }

    #[test]
    fn arbitrary_bytes_as_jsonl_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        for r in dateline_parse::read_jsonl(&bytes[..], "b.jsonl", &Default::default()) {
            match r {
                Ok(doc) => check_invariants(&doc),
                Err(e) => prop_assert!(e.to_string().starts_with("b.jsonl:")),
            }
        }
    }
}
