//! Fuzzy search, shared by every list that can be filtered by typing.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

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
    let matcher = SkimMatcherV2::default().smart_case();
    let mut scored: Vec<(i64, usize)> = (0..len)
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
    // Letters scattered far apart match almost anything; next to a strong match they are
    // noise that buries what the person meant.
    let cutoff = scored
        .first()
        .map_or(0, |(best, _)| best / WEAK_MATCH_DIVISOR);
    scored
        .into_iter()
        .filter(|(score, _)| *score >= cutoff)
        .map(|(_, i)| i)
        .collect()
}

/// A one-line text field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextField {
    pub text: String,
    /// Whether keys go into the field.
    pub typing: bool,
}

impl TextField {
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
