//! Syntax of other query languages, and impossible ranges, are errors that
//! say so, instead of queries that silently match nothing.

use dateline_query::parse_query;

fn expected(q: &str) -> String {
    match parse_query(q) {
        Err(e) => e.to_string(),
        Ok(parsed) => panic!("{q:?} parsed as {parsed:?}"),
    }
}

#[test]
fn a_second_prefix_is_an_error() {
    let e = expected("--bolton");
    assert!(e.starts_with("at position 2: expected"), "{e}");
    assert!(e.contains("escape it"), "{e}");
    assert!(expected("+-bolton").contains("after one '+' or '-'"));
    assert!(expected("-+bolton").contains("after one '+' or '-'"));
    // Escaped, the word may start with the sign.
    assert!(parse_query("-\\-bolton").is_ok());
    assert!(parse_query("vice-president -bolton").is_ok());
}

#[test]
fn wildcards_and_fuzzy_terms_are_unsupported() {
    for q in ["bol*", "*", "person:bol*", "a AND *x", "title:b*lton"] {
        let e = expected(q);
        assert!(e.contains("wildcards ('*') are not supported"), "{q}: {e}");
    }
    for q in ["bolton~2", "bolton~", "person:bolton~1"] {
        let e = expected(q);
        assert!(
            e.contains("fuzzy terms ('~') are not supported"),
            "{q}: {e}"
        );
    }
    let e = expected("bol*");
    assert!(e.starts_with("at position 4:"), "{e}");
    // Phrases keep their slop; escaped characters are plain text; an open
    // date range bound is still '*'.
    assert!(parse_query("\"john bolton\"~2").is_ok());
    assert!(parse_query("a\\*b c\\~d").is_ok());
    assert!(parse_query("date:[* TO 2019]").is_ok());
    let q = parse_query("a\\*b").unwrap();
    assert_eq!(parse_query(&q.to_string()).unwrap(), q);
}

#[test]
fn a_date_range_ending_before_it_starts_is_an_error() {
    let e = expected("date:[2019 TO 2018]");
    assert!(
        e.contains("start is not after its end (2019 is after 2018)"),
        "{e}"
    );
    assert!(expected("date:[2019-02 TO 2019-01-31]").contains("is after"));
    for ok in [
        "date:[2018 TO 2019]",
        "date:[2019 TO 2019]",
        "date:[2019-06 TO 2019]",
        "date:[2019 TO 2019-01]",
        "date:[2019-01-31 TO 2019-01]",
    ] {
        assert!(parse_query(ok).is_ok(), "{ok}");
    }
}

#[test]
fn an_index_header_with_unknown_flags_is_rejected() {
    let index = dateline_query::Index::new();
    let mut bytes = index.to_bytes();
    assert!(dateline_query::Index::from_bytes(&bytes).is_ok());
    bytes[12] = 1;
    let e = dateline_query::Index::from_bytes(&bytes).unwrap_err();
    assert!(e.to_string().contains("unknown header flags 0x1"), "{e}");
}
