//! Importers: turn public occupational data into catalog TOML that `skillpath check` accepts,
//! and OR-Library set-cover instances into catalogs for the planner's benchmarks.
//! Pure library code: it reads the files it is given and returns values; the CLI prints them.

pub mod onet;
pub mod orlib;
