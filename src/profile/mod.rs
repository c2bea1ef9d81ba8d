//! Saved profiles: a person's skills, credentials and planning preferences, shared by the CLI
//! and the TUI. Stored as TOML under `$SKILLPATH_HOME` or the platform data directory.
//!
//! Compatibility: top-level keys written by a newer version are kept and written back on save;
//! unknown keys inside a note are ignored.

mod atomic;
mod codec;
mod error;
mod model;
mod name;
mod resolve;
mod store;

pub use codec::{from_bytes, from_toml, to_toml};
pub use error::ProfileError;
pub use model::{DEFAULT_HOURS_PER_WEEK, Note, Profile};
pub use name::validate_name;
pub use resolve::Resolved;
pub use store::{HOME_ENV, ProfileStore, load_file};

#[cfg(test)]
mod tests;
