//! `catalog::stats` on tests/fixtures/stats, whose every figure is worked out by hand in the
//! README beside it, and on a skill-prerequisite cycle, which has no longest chain.

use std::path::Path;

use skillpath::catalog::load::{load_path, load_sources};
use skillpath::catalog::source::SourceFile;
use skillpath::catalog::stats::{CatalogStats, stats};
use skillpath::catalog::{Catalog, SkillCategory};

fn fixture() -> Catalog {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stats");
    let loaded = load_path(&path);
    loaded
        .catalog
        .unwrap_or_else(|| panic!("the fixture loads: {:?}", loaded.diagnostics))
}

fn ids<'a>(ids: impl IntoIterator<Item = &'a String>) -> Vec<&'a str> {
    ids.into_iter().map(String::as_str).collect()
}

/// (unlocks, chain credentials, chain hours, roles helped) of the credential `id`.
fn per_credential(
    catalog: &Catalog,
    figures: &CatalogStats,
    id: &str,
) -> (usize, usize, f64, Vec<String>) {
    let index = catalog
        .credential(id)
        .unwrap_or_else(|| panic!("no `{id}`"));
    let c = &figures.credentials[index];
    let roles = c
        .helps_roles
        .iter()
        .map(|&r| catalog.roles[r].id.clone())
        .collect();
    (c.unlocks, c.chain_credentials, c.chain_hours, roles)
}

#[test]
fn families_count_skills_credentials_and_reachable_requirements() {
    let figures = stats(&fixture());
    let rows: Vec<(SkillCategory, usize, usize, usize, usize)> = figures
        .families
        .iter()
        .map(|f| {
            (
                f.family,
                f.skills,
                f.credentials,
                f.role_requirements,
                f.reachable_requirements,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (SkillCategory::Technical, 3, 5, 3, 3),
            (SkillCategory::Soft, 2, 4, 1, 1),
            (SkillCategory::Industry, 2, 2, 2, 0),
        ]
    );
}

#[test]
fn providers_are_counted_most_credentials_first() {
    let figures = stats(&fixture());
    let rows: Vec<(&str, usize, f64)> = figures
        .providers
        .iter()
        .map(|p| (p.provider.as_str(), p.credentials, p.hours))
        .collect();
    assert_eq!(
        rows,
        [
            ("Beta Institute", 4, 49.0),
            ("Gamma Online", 4, 55.0),
            ("Alpha Academy", 3, 35.0)
        ]
    );
}

/// (skill, best level available, [(role, level it needs)]).
type UnreachableRow<'a> = (&'a str, u8, Vec<(&'a str, u8)>);

#[test]
fn unreachable_role_skills_come_with_the_best_level_available() {
    let catalog = fixture();
    let figures = stats(&catalog);
    let rows: Vec<UnreachableRow> = figures
        .unreachable
        .iter()
        .map(|u| {
            let needed_by = u
                .needed_by
                .iter()
                .map(|&(r, level)| (catalog.roles[r].id.as_str(), level))
                .collect();
            (
                catalog.skills[u.skill].id.as_str(),
                u.best_available,
                needed_by,
            )
        })
        .collect();
    assert_eq!(rows, [("d", 2, vec![("r1", 5)]), ("z", 0, vec![("r2", 2)])]);
}

#[test]
fn orphans_lead_to_no_role_even_through_other_credentials() {
    let catalog = fixture();
    let figures = stats(&catalog);
    let orphans = ids(figures.orphans.iter().map(|&c| &catalog.credentials[c].id));
    // `prep` helps no role itself but leads to soft-2, which does.
    assert_eq!(orphans, ["orphan-1", "orphan-chain"]);
}

#[test]
fn blocking_and_delay_factors_and_roles_helped_match_the_hand_worked_table() {
    let catalog = fixture();
    let figures = stats(&catalog);
    let expected: [(&str, usize, usize, f64, &[&str]); 11] = [
        ("intro", 4, 4, 100.0, &["r1", "r2"]),
        ("core", 3, 4, 100.0, &["r1", "r2"]),
        ("advanced", 1, 4, 100.0, &["r1"]),
        ("soft-1", 1, 2, 10.0, &["r2"]),
        ("cert", 0, 3, 35.0, &["r2"]),
        ("alt-x", 1, 2, 48.0, &["r1"]),
        ("capstone", 0, 4, 100.0, &["r1"]),
        ("orphan-1", 1, 2, 7.0, &[]),
        ("orphan-chain", 0, 2, 7.0, &[]),
        ("prep", 1, 2, 14.0, &[]),
        ("soft-2", 0, 2, 14.0, &["r2"]),
    ];
    assert_eq!(figures.credentials.len(), expected.len());
    for (id, unlocks, chain, hours, roles) in expected {
        assert_eq!(
            per_credential(&catalog, &figures, id),
            (
                unlocks,
                chain,
                hours,
                roles.iter().map(|r| r.to_string()).collect()
            ),
            "{id}"
        );
    }
}

#[test]
fn a_skill_prerequisite_cycle_is_counted_without_looping() {
    // x needs skill q, which only y grants; y needs skill p, which x and w grant.
    let text = r#"
[[skill]]
id = "p"
name = "P"
[[skill]]
id = "q"
name = "Q"
[[credential]]
id = "w"
title = "W"
provider = "T"
hours = 1
cost = 0
grants = { p = 1 }
[[credential]]
id = "x"
title = "X"
provider = "T"
hours = 2
cost = 0
grants = { p = 1 }
requires_skills = { q = 1 }
[[credential]]
id = "y"
title = "Y"
provider = "T"
hours = 4
cost = 0
grants = { q = 1 }
requires_skills = { p = 1 }
[[role]]
id = "r"
title = "R"
requires = { q = 1 }
"#;
    let loaded = load_sources(&[SourceFile::new("cycle.toml", text)]);
    let catalog = loaded
        .catalog
        .unwrap_or_else(|| panic!("loads: {:?}", loaded.diagnostics));
    let figures = stats(&catalog);
    let row = |id: &str| {
        let (unlocks, chain, hours, _) = per_credential(&catalog, &figures, id);
        (unlocks, chain, hours)
    };
    // Inside the cycle nothing is chained; w -> y is.
    assert_eq!(row("w"), (2, 2, 5.0));
    assert_eq!(row("x"), (1, 1, 2.0));
    assert_eq!(row("y"), (1, 2, 5.0));
    assert!(figures.orphans.is_empty(), "x leads to y, which helps r");
}
