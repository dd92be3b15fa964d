//! Name shapes the earlier passes read wrongly: a place written right
//! before a person's name and taken with it ("the ambassador to Britain Liu
//! Xiaming"), and a company's one-word name taken for a person: written
//! with a capital inside ("WeWork"), or short for its full name written
//! elsewhere ("Acme" after "Acme Corporation").

use super::*;
use crate::words::WordList;

/// Particles that open a person's name written with a capital inside it
/// ("McDonald", "DeSantis", "LeBron", "VanDerBeek").
static INNER_CAPITAL_PARTICLES: WordList = WordList::new(include_str!(
    "../../words/shapes_inner_capital_particles.txt"
));

/// Legal forms ending a company's name ("Acme Corporation", "Northwind Ltd").
static COMPANY_FORMS: WordList =
    WordList::new(include_str!("../../words/shapes_company_forms.txt"));

impl<'k, 'a> Doc<'k, 'a> {
    /// Pass `name-shapes`.
    pub(super) fn name_shapes(&mut self) {
        if self.on(Point::ShapesPlacePerson) {
            self.place_person_splits();
        }
        if self.on(Point::ShapesCamelCase) {
            self.camel_case_companies();
        }
        if self.on(Point::ShapesCompanyShortName) {
            self.company_short_names();
        }
    }

    /// "Acme Corporation said … Acme said": one word that opens a
    /// company's name written in full in the article, ending in a legal
    /// form ("Corporation", "Inc", "Group"), is the company, not a person,
    /// unless it is a known given name or another person's surname.
    fn company_short_names(&mut self) {
        let mut heads: HashSet<&str> = HashSet::default();
        let mut surnames: HashSet<&str> = HashSet::default();
        for m in &self.mentions {
            let last = self.toks[m.toks.end - 1].norm.as_ref();
            if m.label == Label::Org
                && m.toks.len() >= 2
                && COMPANY_FORMS.contains(last.trim_end_matches('.'))
            {
                heads.insert(self.toks[m.toks.start].norm.as_ref());
            }
            if m.label == Label::Person && m.toks.len() >= 2 {
                surnames.insert(last);
            }
        }
        if heads.is_empty() {
            return;
        }
        let short: Vec<usize> = (0..self.mentions.len())
            .filter(|&mi| {
                let m = &self.mentions[mi];
                let n = self.toks[m.toks.start].norm.as_ref();
                m.label == Label::Person
                    && m.source != Source::Kb
                    && m.toks.len() == 1
                    && heads.contains(n)
                    && !surnames.contains(n)
                    && !self.lex.first_names.contains(n)
            })
            .collect();
        for mi in short {
            self.mentions[mi].label = Label::Org;
            self.mark(mi, Point::ShapesCompanyShortName);
        }
    }

    /// "the ambassador to Britain Liu Xiaming": a name found by rule or by
    /// the model, opening with a knowledge-base place and going on with two or three
    /// capitalized words that name a person (a known given name opens them,
    /// or one of them is a person's name elsewhere in the article), is the
    /// place and the person.
    fn place_person_splits(&mut self) {
        // Per word: how many person mentions hold it.
        let mut person_words: HashMap<&str, usize> = HashMap::default();
        for m in &self.mentions {
            if m.label == Label::Person {
                for k in m.toks.clone() {
                    *person_words.entry(self.toks[k].norm.as_ref()).or_default() += 1;
                }
            }
        }
        let mut splits: Vec<(usize, usize, Vec<u32>)> = Vec::new();
        for (mi, m) in self.mentions.iter().enumerate() {
            if m.source == Source::Kb || m.toks.len() < 3 {
                continue;
            }
            let s = m.toks.start;
            // "Georgia Ann Smith": a place that is also a given name may
            // open the person's own name.
            if self.lex.first_names.contains(self.toks[s].norm.as_ref()) {
                continue;
            }
            let Some(found) = self.kb.longest(&self.toks, s, &|_| true) else {
                continue;
            };
            let cut = s + found.len;
            let is_place = found
                .entries
                .first()
                .and_then(|&e| self.kb.entry(e as usize))
                .is_some_and(|e| e.label == Label::Gpe);
            if !is_place || cut >= m.toks.end || !(2..=3).contains(&(m.toks.end - cut)) {
                continue;
            }
            let name_word = |k: usize| {
                let t = &self.toks[k];
                t.is_word()
                    && t.cap
                    && !t.upper
                    && !self.lex.common.contains(t.norm.as_ref())
                    && self.head_kind(&t.norm).is_none()
            };
            // A person mention's own words count once already.
            let own = usize::from(m.label == Label::Person);
            let elsewhere = |k: usize| {
                person_words
                    .get(self.toks[k].norm.as_ref())
                    .is_some_and(|&n| n > own)
            };
            let person = (cut..m.toks.end).all(name_word)
                && (self.lex.first_names.contains(self.toks[cut].norm.as_ref())
                    || (cut..m.toks.end).any(elsewhere));
            if person {
                splits.push((mi, cut, found.entries));
            }
        }
        for (mi, cut, entries) in splits {
            let end = self.mentions[mi].toks.end;
            let m = &mut self.mentions[mi];
            m.toks.end = cut;
            m.label = Label::Gpe;
            m.cands = entries;
            m.source = Source::Kb;
            self.mark(mi, Point::ShapesPlacePerson);
            let mut person = Mention::new(cut..end, Label::Person, Vec::new(), Source::Rule);
            person.rules = self.made_by(Point::ShapesPlacePerson);
            self.mentions.push(person);
        }
    }

    /// "WeWork", "YouTube", "PayPal": one word joining a common English word
    /// and a capitalized one is a company's name, not a person's (a name
    /// particle such as "Mc" or "De" before the capital makes a surname).
    fn camel_case_companies(&mut self) {
        for mi in 0..self.mentions.len() {
            let m = &self.mentions[mi];
            if m.label != Label::Person || m.source == Source::Kb || m.toks.len() != 1 {
                continue;
            }
            if camel_case_company(self.lex, self.toks[m.toks.start].text) {
                self.mentions[mi].label = Label::Org;
                self.mark(mi, Point::ShapesCamelCase);
            }
        }
    }
}

/// Whether `word` joins a common English word and a capitalized word
/// ("WeWork", "PayPal"), with no name particle before the capital.
fn camel_case_company(lex: &Lexicon, word: &str) -> bool {
    let mut chars = word.char_indices();
    if !chars.next().is_some_and(|(_, c)| c.is_uppercase()) {
        return false;
    }
    let mut prev_lower = false;
    for (i, c) in chars {
        if c.is_uppercase() && prev_lower {
            let (head, rest) = word.split_at(i);
            let head = head.to_lowercase();
            return head.chars().count() >= 2
                && rest.chars().skip(1).filter(|c| c.is_lowercase()).count() >= 2
                && rest.chars().skip(1).all(char::is_lowercase)
                && lex.common.contains(head.as_str())
                && !INNER_CAPITAL_PARTICLES.contains(&head);
        }
        if !c.is_alphabetic() {
            return false;
        }
        prev_lower = c.is_lowercase();
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn camel_case_names_a_company_unless_a_particle_opens_it() {
        let lex = Lexicon::get();
        assert!(camel_case_company(lex, "WeWork"));
        assert!(camel_case_company(lex, "PayPal"));
        for name in [
            "McDonald", "DeSantis", "LeBron", "Smith", "SpaceX", "iPhone",
        ] {
            assert!(!camel_case_company(lex, name), "{name}");
        }
    }
}
