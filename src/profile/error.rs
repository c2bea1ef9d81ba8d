//! What can go wrong with a profile. Every message names the file; parse errors also give the
//! line and column, so a person can open the file and fix it.

use std::io;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error("invalid profile name `{name}`: {reason}")]
    InvalidName { name: String, reason: &'static str },

    #[error("no profile `{name}` (looked for {})", path.display())]
    NotFound { name: String, path: PathBuf },

    #[error("cannot read profile {}: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },

    #[error("{}:{line}:{column}: invalid profile: {message}", path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },

    #[error("cannot save profile {}: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },

    /// A save failed before it replaced anything: says so, and where the earlier version is.
    #[error(
        "profile not saved: cannot write {}: {source}. {}",
        path.display(),
        previous_note(path, *kept)
    )]
    NotSaved {
        path: PathBuf,
        source: io::Error,
        /// Whether an earlier version was there, untouched.
        kept: bool,
    },

    #[error("cannot save profile {}: {message}", path.display())]
    Serialize { path: PathBuf, message: String },

    /// A file that did not parse is kept as it was: it may hold a person's only copy of their
    /// data, and the fix is theirs to make.
    #[error(
        "refusing to overwrite {}: the file there does not parse; fix or move it first",
        path.display()
    )]
    WouldOverwriteCorrupt { path: PathBuf },

    #[error("no data directory on this platform: set SKILLPATH_HOME to a directory")]
    NoDataDir,
}

fn previous_note(path: &std::path::Path, kept: bool) -> String {
    if kept {
        format!("The previous version is intact at {}", path.display())
    } else {
        "There was no earlier version to keep".to_string()
    }
}
