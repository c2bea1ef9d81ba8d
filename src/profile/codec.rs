//! Profile <-> TOML text, keeping top-level keys this version does not know.

use std::path::Path;

use crate::profile::model::KNOWN_KEYS;
use crate::profile::{Profile, ProfileError};

/// Parses a profile. `path` is only for messages.
pub(crate) fn from_toml(path: &Path, text: &str) -> Result<Profile, ProfileError> {
    let parse_error = |error: toml::de::Error| {
        let (line, column) = error
            .span()
            .map_or((1, 1), |span| line_column(text, span.start));
        ProfileError::Parse {
            path: path.to_path_buf(),
            line,
            column,
            message: error.message().trim_end().to_string(),
        }
    };
    let mut profile: Profile = toml::from_str(text).map_err(parse_error)?;
    let table: toml::Table = text.parse().map_err(parse_error)?;
    profile.extra = table
        .into_iter()
        .filter(|(key, _)| !KNOWN_KEYS.contains(&key.as_str()))
        .collect();
    Ok(profile)
}

pub(crate) fn to_toml(profile: &Profile) -> Result<String, toml::ser::Error> {
    let mut table = toml::Table::try_from(profile)?;
    for (key, value) in &profile.extra {
        if !KNOWN_KEYS.contains(&key.as_str()) {
            table.insert(key.clone(), value.clone());
        }
    }
    toml::to_string(&table)
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Objective;

    fn parse(text: &str) -> Result<Profile, ProfileError> {
        from_toml(Path::new("p.toml"), text)
    }

    #[test]
    fn round_trips_every_field_and_unknown_keys() {
        let text = r#"
name = "ana"
target_role = "data-analyst"
hours_per_week = 8.0
objective = "cost"
budget_cost = 300.0
done = ["sql-basics"]
exclude = ["x"]
exclude_providers = ["Acme"]
future_key = "from a newer version"

[skills]
sql = 2

[future_table]
a = 1

[[notes]]
date = "2026-01-05"
text = "wants remote work"
"#;
        let profile = parse(text).expect("parses");
        assert_eq!(profile.objective, Objective::Cost);
        assert_eq!(profile.skills.get("sql"), Some(&2));
        assert_eq!(profile.hours_per_week, 8.0);
        assert_eq!(profile.notes.len(), 1);
        assert_eq!(profile.extra.len(), 2);

        let written = to_toml(&profile).expect("serializes");
        let again = parse(&written).expect("re-parses");
        assert_eq!(again, profile);
        assert!(written.contains("future_key = \"from a newer version\""));
    }

    #[test]
    fn an_empty_file_is_a_default_profile() {
        let profile = parse("").expect("parses");
        assert_eq!(profile.hours_per_week, 5.0);
        assert_eq!(profile.objective, Objective::Hours);
        assert!(profile.skills.is_empty());
    }

    #[test]
    fn a_level_out_of_range_points_at_its_line() {
        let error = parse("name = \"a\"\n[skills]\nsql = 9\n").unwrap_err();
        let ProfileError::Parse { line, message, .. } = &error else {
            panic!("expected a parse error, got {error:?}");
        };
        assert_eq!(*line, 3, "{error}");
        assert!(message.contains("outside 1..5"), "{message}");
    }

    #[test]
    fn syntax_errors_give_line_and_column() {
        let error = parse("name = \"a\"\nhours_per_week = = 3\n").unwrap_err();
        let text = error.to_string();
        assert!(text.starts_with("p.toml:2:"), "{text}");
    }

    #[test]
    fn bad_objective_and_hours_are_rejected() {
        assert!(parse("objective = \"fastest\"").is_err());
        assert!(parse("hours_per_week = 0").is_err());
        assert!(parse("budget_cost = -1").is_err());
    }

    #[test]
    fn line_column_counts_characters() {
        assert_eq!(line_column("ab\ncé d", 7), (2, 4));
        assert_eq!(line_column("", 0), (1, 1));
    }
}
