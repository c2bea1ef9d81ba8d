//! Beasley's OR-Library set-cover instances as catalogs: rows are skills needed at level 1,
//! columns are credentials granting the rows they cover, with the column cost as hours. The
//! planner must find and prove each published optimum. Reads ../shared/data/orlib (or
//! $SKILLPATH_SHARED_DATA/orlib) and skips with a note when the data is not there.

use std::path::PathBuf;
use std::time::Duration;

use skillpath::import::orlib::set_cover_catalog;
use skillpath::plan::{Person, PlanRequest, plan};

fn orlib_dir() -> Option<PathBuf> {
    let base = std::env::var_os("SKILLPATH_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data"));
    let dir = base.join("orlib");
    dir.is_dir().then_some(dir)
}

fn assert_proves_optimum(instances: &[(&str, f64)]) {
    let Some(dir) = orlib_dir() else {
        eprintln!(
            "note: OR-Library data not found (../shared/data/orlib or $SKILLPATH_SHARED_DATA); skipping"
        );
        return;
    };
    for &(name, optimum) in instances {
        let text =
            std::fs::read_to_string(dir.join(format!("{name}.txt"))).expect("readable instance");
        let catalog = set_cover_catalog(&text).expect("a valid OR-Library instance");
        let mut request = PlanRequest::new(0, Person::default());
        request.time_limit = Duration::from_secs(120);
        let result = plan(&catalog, &request).expect("plans");
        assert!(
            result.optimal,
            "{name}: not proven optimal (value {}, bound {})",
            result.value, result.lower_bound
        );
        assert_eq!(result.value, optimum, "{name}: wrong optimum");
        assert!(
            result.uncoverable.is_empty() && result.left_open.is_empty(),
            "{name}: rows left uncovered"
        );
        eprintln!(
            "{name}: {} proven in {:.1} ms",
            result.value, result.stats.solve_ms
        );
    }
}

#[test]
fn set_4_published_optima() {
    assert_proves_optimum(&[
        ("scp41", 429.0),
        ("scp42", 512.0),
        ("scp43", 516.0),
        ("scp44", 494.0),
        ("scp45", 512.0),
        ("scp46", 560.0),
        ("scp47", 430.0),
        ("scp48", 492.0),
        ("scp49", 641.0),
        ("scp410", 514.0),
    ]);
}

#[test]
fn set_5_published_optima() {
    assert_proves_optimum(&[
        ("scp51", 253.0),
        ("scp52", 302.0),
        ("scp53", 226.0),
        ("scp54", 242.0),
        ("scp55", 211.0),
        ("scp56", 213.0),
        ("scp57", 293.0),
        ("scp58", 288.0),
        ("scp59", 279.0),
        ("scp510", 265.0),
    ]);
}

#[test]
fn set_6_published_optima() {
    assert_proves_optimum(&[
        ("scp61", 138.0),
        ("scp62", 146.0),
        ("scp63", 145.0),
        ("scp64", 131.0),
        ("scp65", 161.0),
    ]);
}

#[test]
fn set_e_published_optima() {
    assert_proves_optimum(&[
        ("scpe1", 5.0),
        ("scpe2", 5.0),
        ("scpe3", 5.0),
        ("scpe4", 5.0),
        ("scpe5", 5.0),
    ]);
}
