//! Catalog: loading TOML sources, validating them into an indexed [`Catalog`], and the
//! prerequisite graph. Knows nothing of the terminal.

mod model;
pub mod reach;

pub use model::*;
