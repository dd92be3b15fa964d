//! Unit tests of the scanner and its rules.

use super::*;
use crate::Label;

fn scan(text: &str, r: Option<&str>) -> Vec<(String, Label, Option<String>)> {
    let mut s = Scanner::new(r.map(|r| r.parse().unwrap()));
    s.scan(text, 0)
        .into_iter()
        .map(|f| (text[f.span.range()].to_string(), f.label, f.value))
        .collect()
}

#[test]
fn dates() {
    let r = Some("2018-07-19");
    assert_eq!(
        scan("On Monday, Trump met Putin", r)[0],
        ("Monday".into(), Label::Date, Some("2018-07-16".into()))
    );
    assert_eq!(
        scan("held a Friday meeting", None)[0].2.as_deref(),
        Some("XXXX-WXX-5")
    );
    assert_eq!(
        scan("on Monday, October 19, US", Some("2020-10-20"))[0].0,
        "Monday, October 19"
    );
    assert_eq!(
        scan("In May 2017 Trump", None)[0],
        ("May 2017".into(), Label::Date, Some("2017-05".into()))
    );
    assert_eq!(
        scan("in mid-July in Helsinki", r)[0],
        ("mid-July".into(), Label::Date, Some("2018-07".into()))
    );
    assert_eq!(scan("next November", r)[0].2.as_deref(), Some("2018-11"));
    assert_eq!(
        scan("in April last year", Some("2020-02-24"))[0],
        (
            "April last year".into(),
            Label::Date,
            Some("2019-04".into())
        )
    );
    assert_eq!(
        scan("the 2016 elections", None)[0].2.as_deref(),
        Some("2016")
    );
    assert_eq!(
        scan("date 2018-07-19 US", None)[0].2.as_deref(),
        Some("2018-07-19")
    );
    assert_eq!(scan("earlier this month", r)[0].0, "earlier this month");
    assert!(scan("You may go", r).is_empty());
    // A bare month before a capitalised word is a given name …
    assert!(scan("said Jan Fredriks of Northwind", r).is_empty());
    assert!(scan("April Ryan asked", r).is_empty());
    // … unless a preposition makes it a month.
    assert_eq!(scan("In January Trump said", r)[0].0, "January");
    assert_eq!(
        scan("on Tuesday and a day earlier", r)[1].2.as_deref(),
        Some("2018-07-16")
    );
}

#[test]
fn amounts() {
    assert_eq!(
        scan("$380 million for", None)[0],
        (
            "$380 million".into(),
            Label::Money,
            Some("USD 380000000".into())
        )
    );
    assert_eq!(scan("for $5,000", None)[0].2.as_deref(), Some("USD 5000"));
    assert_eq!(
        scan("90 per cent of", None)[0],
        ("90 per cent".into(), Label::Percent, Some("90".into()))
    );
    assert_eq!(scan("rose 4.5% on", None)[0].2.as_deref(), Some("4.5"));
    assert_eq!(
        scan("at 10:30 a.m. GMT", None)[0],
        ("10:30 a.m. GMT".into(), Label::Time, Some("T10:30".into()))
    );
    assert_eq!(
        scan("5 billion euros", None)[0].2.as_deref(),
        Some("EUR 5000000000")
    );
}

#[test]
fn reference_inference() {
    assert_eq!(
        infer_reference("x date 2018-07-19 US"),
        "2018-07-19".parse().ok()
    );
    assert_eq!(
        infer_reference("In 2016 and 2018. On Monday, October 19, he said"),
        "2020-10-19".parse().ok()
    );
}
