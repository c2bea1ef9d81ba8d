//! Catalog: loading TOML sources, validating them into an indexed [`Catalog`], and the
//! prerequisite graph. Knows nothing of the terminal.

mod decode_parts;
pub mod diagnostic;
mod flat;
pub mod format;
mod format_comments;
pub mod granting;
pub mod graph;
pub(crate) mod grouped;
pub mod load;
mod memo;
mod model;
pub mod needs;
pub mod raw;
mod raw_level;
pub mod reach;
pub mod schema;
mod sections;
pub mod source;
pub mod stats;
pub mod suggest;
pub mod synthetic;
pub mod synthetic_toml;
mod toml11_scan;
mod validate;
mod validate_credential;
mod validate_cycles;
mod validate_ids;
mod validate_lookalike;
mod validate_model;
mod validate_role;
mod validate_shape;
mod validate_syntax;
mod validate_values;
mod validate_warnings;

pub use model::*;
