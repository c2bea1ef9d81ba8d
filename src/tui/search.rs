//! Fuzzy search, shared by every list that can be filtered by typing.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use ratatui::crossterm::event::KeyEvent;

use crate::tui::keymap::typed_char;

/// Matches scoring below the best one divided by this are dropped.
const WEAK_MATCH_DIVISOR: i64 = 4;

/// Indices of the items that match `query`, best match first; every item in its own order
/// when the query is blank. `fields(i)` gives the texts item `i` can be found by, each with a
/// weight that multiplies its score (so a match in a title can outrank one in a skill name).
pub fn fuzzy_filter<'a, F, I>(query: &str, len: usize, fields: F) -> Vec<usize>
where
    F: Fn(usize) -> I,
    I: IntoIterator<Item = (&'a str, i64)>,
{
    let query = query.trim();
    if query.is_empty() {
        return (0..len).collect();
    }
    strong(score(query, 0..len, fields))
}

/// Every candidate that matches, with its best weighted score, best first.
fn score<'a, F, I>(
    query: &str,
    candidates: impl Iterator<Item = usize>,
    fields: F,
) -> Vec<(i64, usize)>
where
    F: Fn(usize) -> I,
    I: IntoIterator<Item = (&'a str, i64)>,
{
    let matcher = SkimMatcherV2::default().smart_case();
    let mut scored: Vec<(i64, usize)> = candidates
        .filter_map(|i| {
            fields(i)
                .into_iter()
                .filter_map(|(field, weight)| {
                    matcher
                        .fuzzy_match(field, query)
                        .map(|score| score.saturating_mul(weight))
                })
                .max()
                .map(|score| (score, i))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored
}

/// The matches worth showing. Letters scattered far apart match almost anything; next to a
/// strong match they are noise that buries what the person meant.
fn strong(scored: Vec<(i64, usize)>) -> Vec<usize> {
    let cutoff = scored
        .first()
        .map_or(0, |(best, _)| best / WEAK_MATCH_DIVISOR);
    scored
        .into_iter()
        .filter(|(score, _)| *score >= cutoff)
        .map(|(_, i)| i)
        .collect()
}

/// A text an item can be found by.
#[derive(Debug, Clone, PartialEq)]
struct Field {
    text: String,
    /// `text` with ASCII letters lowercased, as the matcher compares them ignoring case.
    folded: String,
    weight: i64,
}

/// Search over a long list (thousands of credentials) as a person types. A longer query can
/// only match items the shorter one matched (matching is by subsequence), so each letter
/// rescans just those; Backspace returns to an answer already computed. A cheap subsequence
/// test on the lowercased texts skips the full scorer for items that cannot match.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchIndex {
    fields: Vec<Vec<Field>>,
    /// The queries typed so far, each extending the one before, with everything it matched
    /// (before the weak-match cutoff, which depends on the best score).
    history: Vec<(String, Vec<(i64, usize)>)>,
}

impl SearchIndex {
    /// `fields[i]`: the texts item `i` can be found by, with their weights.
    pub fn new(fields: Vec<Vec<(String, i64)>>) -> Self {
        let fields = fields
            .into_iter()
            .map(|item| {
                item.into_iter()
                    .map(|(text, weight)| Field {
                        folded: text.to_ascii_lowercase(),
                        text,
                        weight,
                    })
                    .collect()
            })
            .collect();
        Self {
            fields,
            history: Vec::new(),
        }
    }

    /// Same answer as [`fuzzy_filter`] over these fields.
    pub fn search(&mut self, query: &str) -> Vec<usize> {
        let query = query.trim();
        if query.is_empty() {
            // The history stays: typing the same first letters again reuses it.
            return (0..self.fields.len()).collect();
        }
        while self
            .history
            .last()
            .is_some_and(|(previous, _)| !query.starts_with(previous.as_str()))
        {
            self.history.pop();
        }
        let scored = match self.history.last() {
            Some((previous, matched)) if previous == query => matched.clone(),
            Some((_, matched)) => self.score(query, matched.iter().map(|&(_, i)| i)),
            None => self.score(query, 0..self.fields.len()),
        };
        if self
            .history
            .last()
            .is_none_or(|(previous, _)| previous != query)
        {
            self.history.push((query.to_string(), scored.clone()));
        }
        strong(scored)
    }

    fn score(&self, query: &str, candidates: impl Iterator<Item = usize>) -> Vec<(i64, usize)> {
        // The matcher ignores case only for a query without capitals, and then only ASCII
        // case: exactly what the folded texts allow the quick test to check.
        let ignores_case = !query.chars().any(char::is_uppercase);
        let fields = &self.fields;
        let field_of = |i: usize| {
            fields[i]
                .iter()
                .filter(move |f| !ignores_case || is_subsequence(query, &f.folded))
                .map(|f| (f.text.as_str(), f.weight))
        };
        score(query, candidates, field_of)
    }
}

/// Whether the characters of `query` appear in `text` in order.
fn is_subsequence(query: &str, text: &str) -> bool {
    let mut rest = text;
    query.chars().all(|c| match rest.find(c) {
        Some(at) => {
            rest = &rest[at + c.len_utf8()..];
            true
        }
        None => false,
    })
}

/// A one-line text field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextField {
    pub text: String,
    /// Whether keys go into the field.
    pub typing: bool,
}

impl TextField {
    /// The character `key` types into the field. A `/` that would begin it is the search key
    /// pressed again, not text: the field is often open already (the app opens on the role
    /// search), and a person who reaches for `/` first should not search for "/".
    pub fn typed(&self, key: &KeyEvent) -> Option<char> {
        typed_char(key).filter(|&c| c != '/' || !self.text.is_empty())
    }

    pub fn push(&mut self, c: char) {
        self.text.push(c);
    }

    pub fn pop(&mut self) {
        self.text.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROLES: [&str; 3] = ["Data Analyst", "Nurse", "Database Administrator"];

    #[test]
    fn the_index_answers_like_a_fresh_search_while_typing_and_deleting() {
        let names = [
            "Data Analyst",
            "Nurse",
            "Database Administrator",
            "Data Engineer",
            "Dancer",
            "Éclair Zoë",
        ];
        let mut index = SearchIndex::new(names.iter().map(|n| vec![(n.to_string(), 1)]).collect());
        for query in [
            "d", "da", "dat", "data", "data e", "dat", "d", "", "nu", "n", "dan", "DA", "Dat",
            "dA", "é", "É", "ë", "cz",
        ] {
            let fresh = fuzzy_filter(query, names.len(), |i| [(names[i], 1)]);
            assert_eq!(index.search(query), fresh, "{query:?}");
        }
    }

    #[test]
    fn blank_query_keeps_everything_in_order() {
        assert_eq!(fuzzy_filter("  ", 3, |i| [(ROLES[i], 1)]), vec![0, 1, 2]);
    }

    #[test]
    fn finds_by_part_of_a_name_ignoring_case() {
        let found = fuzzy_filter("data", 3, |i| [(ROLES[i], 1)]);
        assert_eq!(found.len(), 2);
        assert!(!found.contains(&1));
        assert_eq!(fuzzy_filter("nurs", 3, |i| [(ROLES[i], 1)]), vec![1]);
    }

    #[test]
    fn matches_any_field_and_weights_rank_them() {
        let aliases = ["", "nursing care", "data"];
        let fields = |i: usize| [(ROLES[i], 3), (aliases[i], 1)];
        assert_eq!(fuzzy_filter("care", 3, fields), vec![1]);
        // "Data Analyst" matches in its title, the third only in a lighter field.
        assert_eq!(fuzzy_filter("data", 3, fields).first(), Some(&0));
    }
}
