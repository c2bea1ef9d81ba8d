//! Importers: turn public occupational data into catalog TOML that `skillpath check` accepts.
//! Pure library code: it reads the files it is given and returns values; the CLI prints them.

pub mod onet;
