//! Quoted work titles, known throughout the article once cued.

use super::*;
use crate::words::WordList;

/// Words for a work that cue a quoted title.
static WORKS: WordList = WordList::new(include_str!("../../words/works.txt"));

/// "the nickname "Red"": words before a quoted name.
static NICKNAME_WORDS: WordList =
    WordList::new(include_str!("../../words/titles_nickname_words.txt"));

/// Speech verbs before a quotation (apart from the quotation list; see the
/// file's header).
static SPEECH_WORDS: WordList = WordList::new(include_str!("../../words/titles_speech_words.txt"));

/// Lowercase words inside a quoted title.
static LOWERCASE_WORDS: WordList =
    WordList::new(include_str!("../../words/titles_lowercase_words.txt"));

impl<'k, 'a> Doc<'k, 'a> {
    /// A title-cased phrase in quotation marks after a word for a work
    /// ("the single "Anarchy in Tokyo"", "the film "The Kill"") names that
    /// work, whatever names it contains.
    pub(super) fn quoted_titles(&mut self) {
        // Titles found so far, by their words: a title named once after a
        // cue ("the single "From Yesterday"") is a title wherever the
        // article quotes it again, and it cues a list it stands in.
        let mut known: HashSet<Vec<String>> = HashSet::default();
        let mut works_named = false;
        for pass in 0..2 {
            // The second pass differs only through titles the first found.
            if pass == 1 && known.is_empty() {
                break;
            }
            works_named |= !known.is_empty();
            for si in 0..self.sents.len() {
                if !self.title_case[si] {
                    let r = self.sents[si].clone();
                    self.quoted_titles_in(r, pass, works_named, &mut known);
                }
            }
        }
        self.unquoted_titles(known);
    }

    /// The quoted titles of sentence `r` in pass `pass` (the second pass
    /// also takes titles the first found, and, where the article names
    /// works, plain title-case phrases).
    fn quoted_titles_in(
        &mut self,
        r: Range<usize>,
        pass: usize,
        works_named: bool,
        known: &mut HashSet<Vec<String>>,
    ) {
        let is_work =
            |n: &str| WORKS.contains(n) || n.strip_suffix('s').is_some_and(|sg| WORKS.contains(sg));
        let mut q = r.start;
        // End of the last title found in this sentence: a list of titles
        // ("A Beautiful Lie", "The Fantasy" and "The Story") shares one cue.
        let mut last_title: Option<usize> = None;
        while q + 2 < r.end {
            if !opens_quote(self.toks[q].text) {
                q += 1;
                continue;
            }
            let Some(c) = (q + 2..r.end.min(q + 12)).find(|&k| closes_quote(self.toks[k].text))
            else {
                q += 1;
                continue;
            };
            let inside = q + 1..c;
            let key: Vec<String> = inside
                .clone()
                .map(|k| self.toks[k].text.to_string())
                .collect();
            let listed = self.on(Point::TitlesList)
                && last_title.is_some_and(|end| {
                    (end..q).all(|k| matches!(self.toks[k].norm.as_ref(), "," | "and" | "or" | "/"))
                        && q - end <= 2
                });
            // A work word or a known title is cue enough even for a
            // title with a date word ("From Yesterday").
            let known_title = pass == 1 && self.on(Point::TitlesKnown) && known.contains(&key);
            let work = self.on(Point::TitlesWork)
                && (q.saturating_sub(3).max(r.start)..q)
                    .any(|k| is_work(self.toks[k].norm.as_ref()));
            let strong = known_title || work;
            let plain = || {
                pass == 1
                    && works_named
                    && self.on(Point::TitlesPlain)
                    && self.plain_title(q, c, &r)
            };
            let cue = listed || strong || plain();
            let words: Vec<&Tok<'_>> = self.toks[inside.clone()]
                .iter()
                .filter(|t| t.is_word())
                .collect();
            let titled = words.first().is_some_and(|t| t.cap || t.upper)
                && words
                    .iter()
                    .filter(|t| t.text.chars().count() >= 4)
                    .all(|t| t.cap || t.upper);
            let clear = strong || inside.clone().all(|k| !self.temporal_tok[k]);
            // The mentions are looked through only for a cued title, so that
            // the pass stays linear in an article full of quotations.
            let straddles = || {
                self.mentions.iter().any(|m| {
                    m.toks.start < inside.end
                        && m.toks.end > inside.start
                        && (m.toks.start < inside.start || m.toks.end > inside.end)
                })
            };
            if cue && titled && clear && !words.is_empty() && !straddles() {
                let done = self.mentions.iter().any(|m| {
                    m.toks == inside && m.label == Label::Misc && m.source == Source::Rule
                });
                if !done {
                    let point = if work {
                        Point::TitlesWork
                    } else if known_title {
                        Point::TitlesKnown
                    } else if listed {
                        Point::TitlesList
                    } else {
                        Point::TitlesPlain
                    };
                    self.claim_title(inside.clone(), point);
                }
                known.insert(key);
                last_title = Some(c + 1);
            }
            q = c + 1;
        }
    }

    /// Whether the quoted phrase between the marks at `q` and `c` reads as a
    /// title: not a nickname inside a name, a name given as such, a given
    /// name alone, quoted speech or a quoted sentence.
    fn plain_title(&self, q: usize, c: usize, r: &Range<usize>) -> bool {
        let inside = q + 1..c;
        // In an article that names works ("the single "From
        // Yesterday""), other quoted title-case phrases are
        // works too (""Fallen" was previously called "Jupiter"").
        // Not a nickname inside a name (William "Buckshot" May),
        // a name given as such (the name "Dorothea"), nor a
        // given name alone.
        let nickname = q > r.start
            && self.toks[q - 1].is_word()
            && (self.toks[q - 1].cap || NICKNAME_WORDS.contains(self.toks[q - 1].norm.as_ref()));
        let given = c == q + 2
            && self
                .lex
                .first_names
                .contains(self.toks[q + 1].norm.as_ref());
        // Quoted speech ("she said "Tokyo is far"") is no
        // title: no speech verb before it, and every word
        // capitalized but the short function words.
        let speech = (q.saturating_sub(2).max(r.start)..q)
            .any(|k| SPEECH_WORDS.contains(self.toks[k].norm.as_ref()));
        let strict = self.toks[inside.clone()]
            .iter()
            .all(|t| !t.is_word() || t.cap || t.upper || LOWERCASE_WORDS.contains(t.norm.as_ref()));
        // A quoted sentence ("Hello, I'm Mario.") is speech.
        let sentence_like = self.toks[inside.clone()]
            .iter()
            .any(|t| matches!(t.text, "," | "." | "!" | "?" | ";"))
            || !self.toks[inside.start].is_word()
            || !self.toks[inside.end - 1].is_word();
        strict && !speech && !sentence_like && !nickname && !given
    }

    /// The same titles unquoted elsewhere in the article.
    fn unquoted_titles(&mut self, known: HashSet<Vec<String>>) {
        if !self.on(Point::TitlesUnquoted) {
            return;
        }
        // The same title unquoted elsewhere in the article ("the next single
        // from A Beautiful Lie"): titles of two or more words, written the
        // same way, where nothing else was found.
        let titles: Vec<Vec<String>> = known
            .into_iter()
            .filter(|k| k.len() >= 2 && k[0].chars().next().is_some_and(char::is_alphanumeric))
            .collect();
        for title in &titles {
            self.each_occurrence(title, |d, here| {
                // Date words inside give way, as they did in the quoted title.
                let untagged = !d
                    .mentions
                    .iter()
                    .any(|m| m.toks.start < here.end && m.toks.end > here.start);
                let found = untagged
                    && !here.clone().all(|x| d.temporal_tok[x])
                    && d.same_sentence(here.start, here.end - 1)
                    && d.sentence_of(here.start)
                        .is_some_and(|si| !d.title_case[si]);
                if found {
                    d.claim_title(here, Point::TitlesUnquoted);
                }
                found
            });
        }
    }

    /// Calls `claim` at each place, in order, where the tokens are written
    /// `words`; where it returns true (it claimed them) the search goes on
    /// after them.
    pub(super) fn each_occurrence(
        &mut self,
        words: &[String],
        mut claim: impl FnMut(&mut Self, Range<usize>) -> bool,
    ) {
        let n = words.len();
        if n == 0 {
            return;
        }
        let starts = self.written_at(&words[0]);
        let mut next = 0;
        for k in starts {
            let k = k as usize;
            if k < next || k + n > self.toks.len() {
                continue;
            }
            let here = k..k + n;
            if here.clone().zip(words).all(|(x, w)| self.toks[x].text == w) && claim(self, here) {
                next = k + n;
            }
        }
    }

    /// Makes the tokens `r` one title (MISC), found by the decision point
    /// `p`: mentions and dates inside it give way.
    pub(super) fn claim_title(&mut self, r: Range<usize>, p: Point) {
        let span = Span::new(self.toks[r.start].span.start, self.toks[r.end - 1].span.end);
        self.drop_temporal(|f| f.span.overlaps(span), p.id());
        self.claim_by(r, Label::Misc, p);
    }
}
