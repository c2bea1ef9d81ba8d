//! Why an O*NET import failed. Every message names the file (and the line, where there is
//! one) in the `file:line: message` form editors and terminals turn into links.

use std::io;

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// A release file is missing or unreadable.
    #[error("cannot read `{file}`: {source}")]
    Read {
        file: String,
        #[source]
        source: io::Error,
    },
    /// A release file is not UTF-8 text.
    #[error("`{file}` is not UTF-8 text (invalid byte at offset {offset})")]
    NotUtf8 { file: String, offset: usize },
    /// The first line is not the header O*NET's text release uses for this file.
    #[error(
        "{file}:1: not the header of O*NET's `{name}`: {detail}\n  \
         help: expected the tab-separated columns: {expected}"
    )]
    WrongHeader {
        file: String,
        name: &'static str,
        detail: String,
        expected: String,
    },
    /// A data row cannot be read (wrong number of columns, a value that is not a number, ...).
    #[error("{file}:{line}: {message}")]
    BadRow {
        file: String,
        line: usize,
        message: String,
    },
    /// An occupation asked for with `--occupation` is not in `Occupation Data.txt`.
    #[error("unknown occupation code `{code}`: it is not in `{file}`{}", did_you_mean(.suggestion))]
    UnknownOccupation {
        code: String,
        file: String,
        suggestion: Option<String>,
    },
    /// A role id the import would write is already a role of the catalog.
    #[error(
        "role `{id}` (O*NET {code}) is already in the catalog at {at}\n  \
         help: the import would duplicate it; import into a catalog without it"
    )]
    RoleIdTaken {
        id: String,
        code: String,
        at: String,
    },
}

fn did_you_mean(suggestion: &Option<String>) -> String {
    suggestion
        .as_ref()
        .map(|s| format!("\n  help: did you mean `{s}`?"))
        .unwrap_or_default()
}
