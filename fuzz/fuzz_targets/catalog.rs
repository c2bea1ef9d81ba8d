//! Bytes -> catalog loader and validator; a catalog that loads is planned for one role with a
//! 50 ms limit. Any panic (and any catalog returned alongside an error) is a bug.
#![no_main]

use std::time::Duration;

use libfuzzer_sys::fuzz_target;
use skillpath::catalog::load::load_sources;
use skillpath::catalog::source::SourceFile;
use skillpath::plan::{self, Person, PlanRequest};

fuzz_target!(|data: &[u8]| {
    // Non-UTF-8 bytes are refused while reading, before the loader sees them.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let loaded = load_sources(&[SourceFile::new("fuzz.toml", text)]);
    for diagnostic in &loaded.diagnostics {
        let _ = diagnostic.render(true);
    }
    let has_errors = loaded.errors().next().is_some();
    assert_eq!(loaded.catalog.is_some(), !has_errors);
    let Some(catalog) = loaded.catalog else {
        return;
    };
    if catalog.roles.is_empty() {
        return;
    }
    let mut request = PlanRequest::new(0, Person::default());
    request.time_limit = Duration::from_millis(50);
    let _ = plan::plan(&catalog, &request);
});
