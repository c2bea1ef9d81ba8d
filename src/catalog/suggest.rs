//! "Did you mean" suggestions for ids and keys that are not known.
//!
//! Two kinds of slip are common: typos (`sqll` for `sql`), which edit distance catches, and
//! abbreviations or partial ids (`python` for `python-basics`), which fuzzy subsequence
//! matching catches. Typos are preferred because they are the likelier intent.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// The closest candidate to `query`, or `None` when nothing is close enough to be helpful.
/// Deterministic: ties go to the shorter, then alphabetically first, candidate.
pub fn did_you_mean<'a>(
    query: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let query_lower = query.to_lowercase();
    let candidates: Vec<&str> = candidates.into_iter().collect();
    closest_by_edits(&query_lower, &candidates)
        .or_else(|| closest_by_fuzzy(&query_lower, &candidates))
        .map(str::to_owned)
}

/// The candidate within a few edits, allowing more edits for longer words.
fn closest_by_edits<'a>(query: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let allowed = (query.chars().count() / 3).max(1);
    candidates
        .iter()
        .map(|&c| (strsim::damerau_levenshtein(query, &c.to_lowercase()), c))
        .filter(|&(distance, _)| distance <= allowed)
        .min_by_key(|&(distance, c)| (distance, c.len(), c))
        .map(|(_, c)| c)
}

/// The candidate that contains the query's letters in order with the best score. Very short
/// queries match nearly everything, so they get no fuzzy suggestion.
fn closest_by_fuzzy<'a>(query: &str, candidates: &[&'a str]) -> Option<&'a str> {
    const MIN_QUERY_CHARS: usize = 3;
    // Letters found in runs, as a partial id has them (`cleaning`, `manager`), score above 20
    // each; letters scattered over a long id (`nope` in `education-technology-specialist`,
    // `test`, `foo`) about 15 or less, and such a suggestion only puzzles.
    const MIN_SCORE_PER_CHAR: i64 = 18;
    let chars = query.chars().count();
    if chars < MIN_QUERY_CHARS {
        return None;
    }
    let least = MIN_SCORE_PER_CHAR * chars as i64;
    let matcher = SkimMatcherV2::default();
    candidates
        .iter()
        .filter_map(|&c| matcher.fuzzy_match(c, query).map(|score| (score, c)))
        .filter(|&(score, _)| score >= least)
        .max_by(|(sa, a), (sb, b)| {
            sa.cmp(sb)
                .then_with(|| b.len().cmp(&a.len()))
                .then_with(|| b.cmp(a))
        })
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SKILLS: [&str; 5] = [
        "sql",
        "python",
        "statistics",
        "data-cleaning",
        "spreadsheets",
    ];

    #[test]
    fn suggests_the_id_a_typo_was_meant_to_be() {
        assert_eq!(did_you_mean("sqll", SKILLS).as_deref(), Some("sql"));
        assert_eq!(did_you_mean("pyhton", SKILLS).as_deref(), Some("python"));
        assert_eq!(did_you_mean("SQL", SKILLS).as_deref(), Some("sql"));
    }

    #[test]
    fn suggests_the_full_id_for_a_partial_one() {
        assert_eq!(
            did_you_mean("cleaning", SKILLS).as_deref(),
            Some("data-cleaning")
        );
    }

    #[test]
    fn suggests_nothing_when_nothing_is_close() {
        assert_eq!(did_you_mean("underwater-welding", SKILLS), None);
        assert_eq!(did_you_mean("zz", SKILLS), None);
        assert_eq!(did_you_mean("sql", []), None);
    }

    #[test]
    fn suggests_nothing_for_letters_scattered_over_a_long_id() {
        let roles = ["education-technology-specialist", "project-manager"];
        assert_eq!(did_you_mean("nope", roles), None);
        assert_eq!(did_you_mean("test", roles), None);
        assert_eq!(
            did_you_mean("manager", roles).as_deref(),
            Some("project-manager")
        );
    }
}
