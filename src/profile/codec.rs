//! Profile <-> TOML text, keeping top-level keys this version does not know.

use std::path::Path;

use crate::profile::model::KNOWN_KEYS;
use crate::profile::{Profile, ProfileError};

/// Parses a profile. `path` is only for messages. Unknown top-level keys are kept in
/// [`Profile::extra`].
pub fn from_toml(path: &Path, text: &str) -> Result<Profile, ProfileError> {
    let parse_error = |error: toml::de::Error| {
        let (line, column) = error
            .span()
            .map_or((1, 1), |span| line_column(text, span.start));
        ProfileError::Parse {
            path: path.to_path_buf(),
            line,
            column,
            message: plain_message(error.message()),
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

/// Parses a profile read as bytes: text that is not UTF-8 is a parse error at the line and
/// column of the first bad byte, like any other mistake in the file.
pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Profile, ProfileError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => from_toml(path, text),
        Err(error) => {
            let offset = error.valid_up_to();
            let valid = String::from_utf8_lossy(&bytes[..offset]);
            let (line, column) = line_column(&valid, offset);
            Err(ProfileError::Parse {
                path: path.to_path_buf(),
                line,
                column,
                message: format!(
                    "not valid UTF-8 (byte 0x{:02X}); profiles must be saved as UTF-8",
                    bytes[offset]
                ),
            })
        }
    }
}

/// The text saved for `profile`, with the unknown top-level keys it was read with.
pub fn to_toml(profile: &Profile) -> Result<String, toml::ser::Error> {
    let mut table = toml::Table::try_from(profile)?;
    for (key, value) in &profile.extra {
        if !KNOWN_KEYS.contains(&key.as_str()) {
            table.insert(key.clone(), value.clone());
        }
    }
    toml::to_string(&table)
}

/// serde's message in the words of a person editing TOML, not of Rust types.
fn plain_message(message: &str) -> String {
    message
        .trim_end()
        .replace("expected i64", "expected a whole number")
        .replace("expected f64", "expected a number")
        .replace("expected a sequence", "expected an array")
        .replace("expected a map", "expected a table")
        .replace("invalid type: map,", "invalid type: a table or date,")
        .replace("invalid type: sequence,", "invalid type: an array,")
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
    fn keys_a_newer_version_wrote_into_a_note_survive_a_save() {
        let text =
            "[[notes]]\ndate = \"2026-03-02\"\ntext = \"call back\"\nfollow_up = \"2026-04-01\"\n";
        let profile = parse(text).unwrap();
        let saved = to_toml(&profile).unwrap();
        assert!(saved.contains("follow_up = \"2026-04-01\""), "{saved}");
        assert_eq!(parse(&saved).unwrap().notes, profile.notes);
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
    fn type_errors_name_toml_types_not_rust_ones() {
        let error = parse("[skills]\nsql = \"fluent\"\n")
            .unwrap_err()
            .to_string();
        assert!(error.contains("expected a whole number"), "{error}");
        let error = parse("skills = [\"sql\"]\n").unwrap_err().to_string();
        assert!(error.contains("an array, expected a table"), "{error}");
    }

    #[test]
    fn bytes_that_are_not_utf8_are_located() {
        let error = from_bytes(
            Path::new("p.toml"),
            b"name = \"a\"\n[skills]\ncaf\xe9 = 2\n",
        )
        .unwrap_err()
        .to_string();
        assert!(
            error.starts_with("p.toml:3:4: invalid profile: not valid UTF-8"),
            "{error}"
        );
        assert!(from_bytes(Path::new("p.toml"), b"name = \"a\"\n").is_ok());
    }

    #[test]
    fn line_column_counts_characters() {
        assert_eq!(line_column("ab\ncé d", 7), (2, 4));
        assert_eq!(line_column("", 0), (1, 1));
    }
}
