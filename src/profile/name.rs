//! Profile names become file names, so they are kept to a safe, portable alphabet.

use crate::profile::ProfileError;

const MAX_LEN: usize = 64;

/// Accepts letters, digits, '-' and '_' (1 to 64 of them), so a name can never climb out of
/// the profiles directory or clash with the store's own files.
pub fn validate_name(name: &str) -> Result<(), ProfileError> {
    let reason = if name.is_empty() {
        Some("it is empty")
    } else if name.chars().count() > MAX_LEN {
        Some("it is longer than 64 characters")
    } else if !name
        .chars()
        .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
    {
        Some("use only letters, digits, '-' and '_'")
    } else {
        None
    };
    match reason {
        Some(reason) => Err(ProfileError::InvalidName {
            name: name.to_string(),
            reason,
        }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_plain_names() {
        for name in ["ana", "client-07", "Zoë_M", "x"] {
            assert!(validate_name(name).is_ok(), "{name}");
        }
    }

    #[test]
    fn rejects_names_that_are_not_plain_file_stems() {
        for name in [
            "",
            "../etc",
            "a/b",
            "a\\b",
            "a.toml",
            "two words",
            ".hidden",
        ] {
            assert!(validate_name(name).is_err(), "{name:?}");
        }
        assert!(validate_name(&"a".repeat(65)).is_err());
    }
}
