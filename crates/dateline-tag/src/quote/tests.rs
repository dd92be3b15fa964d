//! Unit tests of quote finding and attribution, with hand-built entities.

use super::*;
use crate::{Label, parse};

mod speakers;

/// Entities for every occurrence of each `(surface, label, canonical)`.
fn ents(text: &str, specs: &[(&str, Label, &str)]) -> Vec<Entity> {
    let mut out = Vec::new();
    for &(surface, label, canonical) in specs {
        for (at, _) in text.match_indices(surface) {
            let before_ok = text[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let after_ok = text[at + surface.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            if before_ok && after_ok {
                out.push(Entity {
                    span: Span::new(at, at + surface.len()),
                    text: surface.to_string(),
                    label,
                    canonical: canonical.to_string(),
                    value: None,
                    sense: None,
                });
            }
        }
    }
    out.sort_by_key(|e| e.span.start);
    out
}

fn run(text: &str, specs: &[(&str, Label, &str)]) -> Vec<Quote> {
    let doc = parse::parse(text);
    let e = ents(&doc.text, specs);
    let quotes = extract(&doc, &e);
    for q in &quotes {
        assert_eq!(&doc.text[q.span.range()], q.text);
    }
    quotes
}

fn find<'a>(quotes: &'a [Quote], start: &str) -> &'a Quote {
    quotes
        .iter()
        .find(|q| q.text.starts_with(start))
        .unwrap_or_else(|| panic!("no quote starting {start:?} in {quotes:#?}"))
}

const P: Label = Label::Person;
const O: Label = Label::Org;

#[test]
fn inverted_attribution_after_the_quote() {
    let q = run(
        "T\n\n“The sanctions are coming back, this is clear,” said Bolton.\n",
        &[("Bolton", P, "John Bolton")],
    );
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].text, "The sanctions are coming back, this is clear,");
    assert_eq!(q[0].speaker.as_deref(), Some("John Bolton"));
    assert_eq!(q[0].cue.as_deref(), Some("said"));
    assert_eq!(q[0].kind, QuoteKind::Statement);
}

#[test]
fn subject_first_after_the_quote() {
    let q = run(
        "T\n\n\"I would,\" White House Press Secretary Sarah Sanders told reporters.\n",
        &[
            ("White House", O, "White House"),
            ("Sarah Sanders", P, "Sarah Huckabee Sanders"),
        ],
    );
    assert_eq!(q[0].speaker.as_deref(), Some("Sarah Huckabee Sanders"));
    assert_eq!(q[0].cue.as_deref(), Some("told"));
}

#[test]
fn speaker_before_the_quote_through_pronoun() {
    let q = run(
        "T\n\nBolton said he told Patrushev: “We are not going to tolerate interference.”\n",
        &[
            ("Bolton", P, "John Bolton"),
            ("Patrushev", P, "Nikolai Patrushev"),
        ],
    );
    assert_eq!(q[0].speaker.as_deref(), Some("John Bolton"));
    assert_eq!(q[0].cue.as_deref(), Some("told"));
    assert_eq!(q[0].kind, QuoteKind::Statement);
}

#[test]
fn phrase_inside_reported_speech() {
    let q = run(
        "T\n\nPress Secretary Dmitry Peskov called allegations of meddling «completely unfounded».\n",
        &[("Dmitry Peskov", P, "Dmitry Peskov")],
    );
    assert_eq!(q[0].text, "completely unfounded");
    assert_eq!(q[0].speaker.as_deref(), Some("Dmitry Peskov"));
    assert_eq!(q[0].cue.as_deref(), Some("called"));
    assert_eq!(q[0].kind, QuoteKind::Phrase);
}

#[test]
fn passive_cue_with_agent() {
    let q = run(
        "T\n\n«The President has made clear», — is spoken in the statement by the press Secretary of the White house Sarah Sanders.\n",
        &[
            ("White house", O, "White House"),
            ("Sarah Sanders", P, "Sarah Huckabee Sanders"),
        ],
    );
    assert_eq!(q[0].speaker.as_deref(), Some("Sarah Huckabee Sanders"));
    assert_eq!(q[0].cue.as_deref(), Some("is spoken in the statement by"));
}

#[test]
fn unnamed_source_gives_no_speaker() {
    let q = run(
        "T\n\nTrump met them. They discussed prosecution of «those who interfere», the report said.\n",
        &[("Trump", P, "Donald Trump")],
    );
    assert_eq!(q[0].speaker, None);
    assert_eq!(q[0].cue.as_deref(), Some("said"));
    assert_eq!(q[0].kind, QuoteKind::Phrase);
}

#[test]
fn passive_question_has_no_speaker() {
    let q = run(
        "T\n\n\"Yes,\" Trump told CBS.\n\n\"Do you hold him responsible?\" he was asked.\n",
        &[("Trump", P, "Donald Trump"), ("CBS", O, "CBS")],
    );
    assert_eq!(find(&q, "Yes").speaker.as_deref(), Some("Donald Trump"));
    let asked = find(&q, "Do you");
    assert_eq!(asked.speaker, None);
    assert_eq!(asked.cue.as_deref(), Some("was asked"));
}

#[test]
fn organisation_speaker() {
    let q = run(
        "T\n\n\"We are working,\" the White House said.\n",
        &[("White House", O, "White House")],
    );
    assert_eq!(q[0].speaker.as_deref(), Some("White House"));
}

#[test]
fn pronoun_uses_gender_and_skips_quotes() {
    let text = "T\n\nSanders met Trump.\n\n\"Trump is right,\" she said.\n\n\"We act,\" he said.\n";
    let q = run(
        text,
        &[
            ("Sanders", P, "Sarah Huckabee Sanders"),
            ("Trump", P, "Donald Trump"),
        ],
    );
    assert_eq!(
        find(&q, "Trump is").speaker.as_deref(),
        Some("Sarah Huckabee Sanders")
    );
    // The Trump inside the quote is not a candidate; the one outside is.
    assert_eq!(find(&q, "We act").speaker.as_deref(), Some("Donald Trump"));
}

#[test]
fn pronoun_takes_the_most_recent_compatible_person() {
    // A person of unknown gender is compatible with either pronoun.
    let q = run(
        "T\n\nKowalczyk arrived.\n\n\"We act,\" she said.\n",
        &[("Kowalczyk", P, "Kowalczyk")],
    );
    assert_eq!(q[0].speaker.as_deref(), Some("Kowalczyk"));
    assert_eq!(q[0].cue.as_deref(), Some("said"));
}

#[test]
fn definite_role_refers_back() {
    let text = "T\n\nAndrei Krutsky, the special representative for security, spoke. Putin's book sold.\n\n\
                “We have invited them,” the special representative of the president added.\n";
    let q = run(
        text,
        &[
            ("Andrei Krutsky", P, "Andrey Krutskikh"),
            ("Putin", P, "Vladimir Putin"),
        ],
    );
    assert_eq!(q[0].speaker.as_deref(), Some("Andrey Krutskikh"));
    assert_eq!(q[0].cue.as_deref(), Some("added"));
}

#[test]
fn quoting_verb_names_its_object() {
    let q = run(
        "T\n\n“We have repeatedly stated that the vote counts, “- quoted Demers TASS.\n",
        &[("Demers", P, "John Demers"), ("TASS", O, "TASS")],
    );
    assert_eq!(q[0].text, "We have repeatedly stated that the vote counts,");
    assert_eq!(q[0].speaker.as_deref(), Some("John Demers"));
    assert_eq!(q[0].cue.as_deref(), Some("quoted"));
}

#[test]
fn relative_who_after_inverted_cue() {
    let q = run(
        "T\n\n“Coming back,” said Bolton, who explained that the goal was “to put pressure on the regime.”\n",
        &[("Bolton", P, "John Bolton")],
    );
    let phrase = find(&q, "to put");
    assert_eq!(phrase.speaker.as_deref(), Some("John Bolton"));
    assert_eq!(phrase.kind, QuoteKind::Phrase);
    assert_eq!(phrase.cue.as_deref(), Some("explained"));
}

#[test]
fn run_of_quote_paragraphs() {
    let text = "T\n\nEarlier, he faced criticism.\n\n\"Very strong on the fact.\"\n\n\"What they did hear,\" Trump added.\n";
    let q = run(text, &[("Trump", P, "Donald Trump")]);
    assert_eq!(
        find(&q, "Very strong").speaker.as_deref(),
        Some("Donald Trump")
    );
    assert_eq!(find(&q, "Very strong").cue, None);
}

#[test]
fn conflicting_neighbours_give_no_speaker() {
    let text = "T\n\n\"One,\" Trump said.\n\n\"Two.\"\n\n\"Three,\" Sanders said.\n";
    let q = run(
        text,
        &[
            ("Trump", P, "Donald Trump"),
            ("Sanders", P, "Sarah Huckabee Sanders"),
        ],
    );
    assert_eq!(find(&q, "Two").speaker, None);
}

#[test]
fn same_paragraph_continuation() {
    let q = run(
        "T\n\n\"One,\" Trump said. \"Two and three.\"\n",
        &[("Trump", P, "Donald Trump")],
    );
    assert_eq!(find(&q, "Two").speaker.as_deref(), Some("Donald Trump"));
}

#[test]
fn paragraph_reopening_convention() {
    let text = "T\n\nBolton said: \"We will act.\n\n\"And we will win.\"\n\nThe end.\n";
    let q = run(text, &[("Bolton", P, "John Bolton")]);
    assert_eq!(q.len(), 1);
    assert!(q[0].text.starts_with("We will act."));
    assert!(q[0].text.ends_with("And we will win."));
    assert_eq!(q[0].speaker.as_deref(), Some("John Bolton"));
}

#[test]
fn a_long_phrase_to_the_paragraph_end_is_reopened() {
    let text = "T\n\nPompeo said the release \"gives us hope for the success of the talks, which we support.\n\n\"We see hopeful signs.\"\n";
    let q = run(text, &[("Pompeo", P, "Mike Pompeo")]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert!(q[0].text.ends_with("We see hopeful signs."));
    assert_eq!(q[0].speaker.as_deref(), Some("Mike Pompeo"));
}

#[test]
fn unbalanced_mark_stays_in_its_paragraph() {
    let text =
        "T\n\nThe so-called \"dossier was out.\n\n\"Yes,\" Trump said.\n\nMore text \"here.\n";
    let q = run(text, &[("Trump", P, "Donald Trump")]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].text, "Yes,");
}

#[test]
fn apostrophes_are_not_quotes() {
    let q = run(
        "T\n\nRussia’s and Trump’s ‘reset’ failed, the States’ envoy said.\n",
        &[],
    );
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].text, "reset");
}

#[test]
fn nested_marks_stay_inside() {
    let q = run(
        "T\n\n«He called it „a hoax“ and left», Peskov said.\n",
        &[("Peskov", P, "Dmitry Peskov")],
    );
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].text, "He called it „a hoax“ and left");
    assert_eq!(q[0].speaker.as_deref(), Some("Dmitry Peskov"));
}

#[test]
fn scare_quotes_have_no_speaker() {
    let q = run(
        "T\n\nWashington refused, explaining the “sensitivity” of the materials.\n",
        &[("Washington", Label::Gpe, "Washington")],
    );
    assert_eq!(q[0].speaker, None);
    assert_eq!(q[0].kind, QuoteKind::Phrase);
}

#[test]
fn megabyte_of_unmatched_marks() {
    for mark in ["“", "\"", "«", "‘", "» “", "\" "] {
        let text = mark.repeat((1 << 20) / mark.len());
        let doc = parse::parse(text);
        let q = extract(&doc, &[]);
        assert!(
            q.iter()
                .all(|q| doc.text.get(q.span.range()) == Some(q.text.as_str()))
        );
    }
}

#[test]
fn parenthetical_participle_is_skipped() {
    let q = run(
        "T\n\nSteve Peers of the University of Essex, speaking to BBC, said, \"If there is a court order, it applies.\"\n",
        &[
            ("Steve Peers", P, "Steve Peers"),
            ("University of Essex", O, "University of Essex"),
            ("BBC", O, "BBC"),
        ],
    );
    assert_eq!(q[0].speaker.as_deref(), Some("Steve Peers"));
}

#[test]
fn relative_clause_subject_is_not_its_object() {
    let q = run(
        "T\n\nThe government statement, which was posted on Twitter, announced the death \"with great sorrow.\"\n",
        &[("Twitter", O, "Twitter")],
    );
    assert_eq!(q[0].speaker, None);
    assert_eq!(q[0].cue.as_deref(), Some("announced"));
}

#[test]
fn apposition_before_role() {
    let q = run(
        "T\n\nErwin Chemerinsky, Dean of UC Berkeley School of Law called it \"a truly silly argument.\"\n",
        &[
            ("Erwin Chemerinsky", P, "Erwin Chemerinsky"),
            ("UC Berkeley School of Law", O, "UC Berkeley School of Law"),
        ],
    );
    assert_eq!(q[0].speaker.as_deref(), Some("Erwin Chemerinsky"));
    assert_eq!(q[0].kind, QuoteKind::Phrase);
}

#[test]
fn role_in_the_same_sentence_is_not_its_own_antecedent() {
    let q = run(
        "T\n\nIn an interview with Trump, the minister said: \"We disagree.\"\n",
        &[("Trump", P, "Donald Trump")],
    );
    assert_eq!(q[0].speaker, None);
}

#[test]
fn coordinated_cue_shares_the_subject() {
    let q = run(
        "T\n\nThe manager, David Clay, called it \"a retrograde step\" and said \"an area like this cannot afford it.\"\n",
        &[("David Clay", P, "David Clay")],
    );
    assert_eq!(
        find(&q, "a retrograde").speaker.as_deref(),
        Some("David Clay")
    );
    assert_eq!(find(&q, "an area").speaker.as_deref(), Some("David Clay"));
}

#[test]
fn participle_cue_takes_the_main_subject() {
    let q = run(
        "T\n\nGeorge Katrougalos stressed the role of UNESCO, saying \"It is a temple,\" as quoted by Greek Reporter.\n",
        &[
            ("George Katrougalos", P, "George Katrougalos"),
            ("UNESCO", O, "UNESCO"),
            ("Greek Reporter", O, "Greek Reporter"),
        ],
    );
    assert_eq!(q[0].speaker.as_deref(), Some("George Katrougalos"));
    assert_eq!(q[0].cue.as_deref(), Some("saying"));
}

#[test]
fn unnamed_source_before_stops_paragraph_inheritance() {
    let q = run(
        "T\n\n\"I did not expect this,\" said the winner. \"But I felt good.\" Later Radcliffe said \"Great,\" too.\n",
        &[("Radcliffe", P, "Paula Radcliffe")],
    );
    assert_eq!(find(&q, "But I felt").speaker, None);
}

#[test]
fn attribution_closing_the_sentence() {
    let q = run(
        "T\n\nKotzias met reporters.\n\nThe border is the \"main difference\" between the two, he added.\n",
        &[("Kotzias", P, "Nikos Kotzias")],
    );
    assert_eq!(
        q[0].speaker.as_deref(),
        Some("Nikos Kotzias"),
        "the only person"
    );
    assert_eq!(q[0].cue.as_deref(), Some("added"));
    let q = run(
        "T\n\nMr. Kotzias met reporters.\n\nThe border is the \"main difference\" between the two, he added.\n",
        &[("Kotzias", P, "Nikos Kotzias")],
    );
    assert_eq!(q[0].speaker.as_deref(), Some("Nikos Kotzias"));
}

#[test]
fn apposition_names_the_speaker_before_a_role() {
    let text = "T\n\nNarendra Modi spoke first.\n\nSatyendra Jain, the city's home minister, said \"Buildings can only be four floors high.\"\n";
    let q = run(
        text,
        &[
            ("Narendra Modi", P, "Narendra Modi"),
            ("Satyendra Jain", P, "Satyendra Jain"),
        ],
    );
    assert_eq!(q[0].speaker.as_deref(), Some("Satyendra Jain"));
}

#[test]
fn subject_after_comma_is_not_inverted() {
    let text = "T\n\nAlberto Fernández spoke.\n\nThe director, Mariela Belski, said the president had \"heard the demands\".\n";
    let q = run(
        text,
        &[
            ("Alberto Fernández", P, "Alberto Fernández"),
            ("Mariela Belski", P, "Mariela Belski"),
        ],
    );
    assert_eq!(q[0].speaker.as_deref(), Some("Mariela Belski"));
}

#[test]
fn participle_after_the_quote_is_not_an_inverted_cue() {
    let q = run(
        "T\n\nEbrard said, \"This is the first case\", adding, \"For Mexico, he is a terrorist\".\n",
        &[("Ebrard", P, "Marcelo Ebrard")],
    );
    assert_eq!(
        find(&q, "This is").speaker.as_deref(),
        Some("Marcelo Ebrard")
    );
    assert_eq!(
        find(&q, "For Mexico").speaker.as_deref(),
        Some("Marcelo Ebrard")
    );
    assert_eq!(find(&q, "For Mexico").cue.as_deref(), Some("adding"));
}

#[test]
fn participle_with_agent_before_the_quote() {
    let q = run(
        "T\n\nAs stated by Peskov, «the decision is not final».\n",
        &[("Peskov", P, "Dmitry Peskov")],
    );
    assert_eq!(q[0].speaker.as_deref(), Some("Dmitry Peskov"));
    assert_eq!(q[0].cue.as_deref(), Some("stated by"));
}

#[test]
fn translated_inverted_cue_with_outlet() {
    let q = run(
        "T\n\n«We see no reason for concern», — told RIA Novosti Peskov.\n",
        &[
            ("RIA Novosti", O, "RIA Novosti"),
            ("Peskov", P, "Dmitry Peskov"),
        ],
    );
    assert_eq!(q[0].speaker.as_deref(), Some("Dmitry Peskov"));
    assert_eq!(q[0].cue.as_deref(), Some("told"));
}

#[test]
fn role_after_leading_as() {
    let text = "T\n\nDmitry Peskov spoke on Monday.\n\nAs the press secretary noted, «there is no evidence».\n";
    let q = run(text, &[("Dmitry Peskov", P, "Dmitry Peskov")]);
    assert_eq!(q[0].speaker.as_deref(), Some("Dmitry Peskov"));
    assert_eq!(q[0].cue.as_deref(), Some("noted"));
}

#[test]
fn quote_paragraph_after_an_attributed_statement() {
    let text = "T\n\nThe leader said Kiev was slow. \"We see no progress,\" Putin said.\n\n\"This is unacceptable.\"\n\nThe talks ended.\n";
    let q = run(text, &[("Putin", P, "Vladimir Putin")]);
    assert_eq!(
        find(&q, "This is").speaker.as_deref(),
        Some("Vladimir Putin")
    );
    // Narrative after the attribution breaks the run.
    let text = "T\n\n\"We see no progress,\" Putin said. Then Merkel spoke about trade. Talks ended.\n\n\"This is unacceptable.\"\n";
    let q = run(
        text,
        &[
            ("Putin", P, "Vladimir Putin"),
            ("Merkel", P, "Angela Merkel"),
        ],
    );
    assert_eq!(find(&q, "This is").speaker, None);
}

#[test]
fn untagged_name_before_a_role_is_not_replaced() {
    let text = "T\n\nNarendra Modi spoke first.\n\nSatyendra Jain, the city's home minister, said \"Buildings can only be four floors high.\"\n";
    let q = run(text, &[("Narendra Modi", P, "Narendra Modi")]);
    assert_eq!(q[0].speaker, None);
    assert_eq!(q[0].cue.as_deref(), Some("said"));
}

#[test]
fn cue_in_an_opening_subordinate_clause_does_not_attribute() {
    let q = run(
        "T\n\nWhen Trump tweeted that mail-in ballots are a fraud, Twitter placed a disclaimer \"fact checking\" the tweet.\n",
        &[("Trump", P, "Donald Trump"), ("Twitter", O, "Twitter")],
    );
    assert_eq!(q[0].speaker, None);
    assert_eq!(q[0].cue, None);
}

#[test]
fn as_reported_by_names_the_outlet_not_the_speaker() {
    let q = run(
        "T\n\nPresident Erdogan said — as reported by Hurriyet Daily News — \"It will no longer be called a museum.\"\n",
        &[
            ("Erdogan", P, "Recep Tayyip Erdoğan"),
            ("Hurriyet Daily News", O, "Hurriyet Daily News"),
        ],
    );
    assert_eq!(q[0].speaker.as_deref(), Some("Recep Tayyip Erdoğan"));
}

#[test]
fn role_with_complement_may_be_someone_new() {
    let text = "T\n\nThe court heard Quirin on Monday.\n\nThe head of the internal investigators told the court \"Basic investigations weren't done.\"\n";
    let q = run(text, &[("Quirin", P, "Quirin")]);
    assert_eq!(q[0].speaker, None);
}

#[test]
fn opening_subordinate_clause_before_the_speaker() {
    let q = run(
        "T\n\nAfter the meeting in Geneva, Peskov said, \"We see no progress.\"\n",
        &[
            ("Peskov", P, "Dmitry Peskov"),
            ("Geneva", Label::Gpe, "Geneva"),
        ],
    );
    assert_eq!(q[0].speaker.as_deref(), Some("Dmitry Peskov"));
}

#[test]
fn mid_sentence_statement_does_not_inherit() {
    let text = "T\n\n\"We will win,\" Biden said. West held a rally, screaming \"I almost lost it all!\" on stage.\n";
    let q = run(
        text,
        &[("Biden", P, "Joe Biden"), ("West", P, "Kanye West")],
    );
    assert_eq!(find(&q, "I almost").speaker, None);
}

#[test]
fn gendered_title_anywhere_gives_gender() {
    let text = "T\n\nSpokeswoman McEnany spoke first. Then McEnany met Trump.\n\n\"We are ready,\" she said.\n";
    let q = run(
        text,
        &[
            ("McEnany", P, "Kayleigh McEnany"),
            ("Trump", P, "Donald Trump"),
        ],
    );
    assert_eq!(q[0].speaker.as_deref(), Some("Kayleigh McEnany"));
    let text = "T\n\nMcEnany spoke first. Then McEnany met Trump.\n\n\"We are ready,\" she said.\n";
    let q = run(
        text,
        &[("McEnany", P, "K. McEnany"), ("Trump", P, "Donald Trump")],
    );
    // Trump is known to be a man; McEnany, of unknown gender, is compatible.
    assert_eq!(q[0].speaker.as_deref(), Some("K. McEnany"));
}

#[test]
fn naming_participle_is_not_speech() {
    let q = run(
        "T\n\nGuy found a pattern called a \"glider\" in the Game of Life.\n",
        &[("Guy", P, "Richard K. Guy")],
    );
    assert_eq!(q[0].speaker, None);
    assert_eq!(q[0].cue, None);
    let q = run(
        "T\n\nGuy called it a \"glider\" at once.\n",
        &[("Guy", P, "Richard K. Guy")],
    );
    assert_eq!(q[0].speaker.as_deref(), Some("Richard K. Guy"));
}

#[test]
fn according_to_then_main_clause_is_no_apposition() {
    let q = run(
        "T\n\nAccording to police and county officials, Zhukovskyy was driving \"erratically and across the line\".\n",
        &[("Zhukovskyy", P, "Volodymyr Zhukovskyy")],
    );
    assert_eq!(q[0].speaker, None);
    assert_eq!(q[0].cue.as_deref(), Some("According to"));
}
