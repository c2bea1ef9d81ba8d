//! Bytes -> profile parser, bytes that are not UTF-8 included. A profile that parses must save
//! to text that parses to the same profile (nothing a person wrote is lost on save); anything
//! else must be an error, never a panic.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use skillpath::profile::{from_bytes, from_toml, to_toml};

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.toml");
    let Ok(profile) = from_bytes(path, data) else {
        return;
    };
    let written = to_toml(&profile).expect("a parsed profile serializes");
    let again = from_toml(path, &written).expect("a saved profile parses again");
    // Compared through Debug, where a NaN kept in an unknown key equals itself.
    assert_eq!(
        format!("{again:?}"),
        format!("{profile:?}"),
        "saving changed the profile:\n{written}"
    );
});
