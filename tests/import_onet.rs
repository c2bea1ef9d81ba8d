//! `skillpath import onet`: made-up O*NET-format fixtures (tests/fixtures/onet, the official
//! headers, a few invented rows) for the mapping, the filters and every kind of error; then the
//! real O*NET 29.2 subset in ../shared/data/onet (or $SKILLPATH_SHARED_DATA/onet), skipped with
//! a note when absent. Whatever is imported must load together with the bundled catalog.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;
use skillpath::catalog::load::{Loaded, load_bundled, load_sources};
use skillpath::catalog::source::{SourceFile, bundled};
use skillpath::catalog::{Catalog, SkillCategory};
use skillpath::import::onet::{
    Import, ImportError, ImportedRole, Options, Selection, SkipReason, TechnologyFilter, import,
    read_release, to_toml,
};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/onet")
        .join(name)
}

fn bundled_catalog() -> Catalog {
    load_bundled().catalog.expect("the bundled catalog loads")
}

fn options(codes: &[&str]) -> Options {
    Options {
        selection: Selection::Codes(codes.iter().map(|c| c.to_string()).collect()),
        ..Options::default()
    }
}

fn import_fixture(options: &Options) -> Import {
    let release = read_release(&fixture("release"), true).expect("the fixture release reads");
    import(&release, &bundled_catalog(), options).expect("the fixture imports")
}

/// skill -> (level, importance)
fn requirements(role: &ImportedRole) -> BTreeMap<&str, (u8, u8)> {
    role.requires
        .iter()
        .map(|r| (r.skill.as_str(), (r.level, r.importance)))
        .collect()
}

/// The bundled catalog with the generated text as one more file.
fn load_with_bundled(generated: &str) -> Loaded {
    let mut sources = bundled();
    sources.push(SourceFile::new("imported/onet.toml", generated));
    load_sources(&sources)
}

#[test]
fn levels_and_importance_follow_the_catalog_mapping_onto_catalog_skills() {
    let import = import_fixture(&options(&["15-2051.01"]));
    let [role] = import.roles.as_slice() else {
        panic!("one role, got {:?}", import.roles);
    };
    assert_eq!(role.id, "onet-15-2051-01");
    assert_eq!(role.title, "Business Intelligence Analysts");
    assert_eq!(role.code, "15-2051.01");
    let expected = BTreeMap::from([
        // IM 4.12 -> 4; LV 4.50 * 5/7 = 3.21 -> 3; catalog skill coded 2.A.2.a
        ("critical-thinking", (3, 4)),
        // IM 3.00 is exactly the default threshold, kept; LV 3.50 * 5/7 = 2.5 rounds up to 3
        ("programming", (3, 3)),
        // Knowledge 2.C.3.a: IM 4.29 -> 4; LV 5.41 * 5/7 = 3.86 -> 4
        ("it-fundamentals", (4, 4)),
        // Knowledge 2.C.4.a is the catalog's `mathematics`
        ("mathematics", (3, 4)),
        // Skills 2.A.1.e Mathematics has no catalog skill: a new one beside it. IM 3.50 rounds
        // up to 4; LV 4.90 * 5/7 = 3.5 rounds up to 4
        ("mathematics-skill", (4, 4)),
        ("reading-comprehension", (3, 4)),
        ("english-language", (3, 4)),
    ]);
    assert_eq!(requirements(role), expected);
    // Most important first, so a reader sees what matters at the top.
    let importances: Vec<u8> = role.requires.iter().map(|r| r.importance).collect();
    assert!(
        importances.windows(2).all(|w| w[0] >= w[1]),
        "{importances:?}"
    );
}

#[test]
fn elements_map_through_codes_onet_and_new_skills_carry_the_element_id() {
    let catalog = bundled_catalog();
    let import = import_fixture(&Options::default());
    for role in &import.roles {
        for requirement in &role.requires {
            let code = match catalog.skill(&requirement.skill) {
                Some(index) => catalog.skills[index]
                    .codes
                    .iter()
                    .find(|(scheme, _)| scheme == "onet")
                    .map(|(_, code)| code.clone()),
                None => import
                    .new_skills
                    .iter()
                    .find(|s| s.id == requirement.skill)
                    .map(|s| s.element_id.clone()),
            };
            assert_eq!(
                code.as_deref(),
                Some(requirement.element_id.as_str()),
                "{} in {}",
                requirement.skill,
                role.id
            );
        }
    }
}

#[test]
fn new_skills_are_created_once_with_ids_the_catalog_does_not_use() {
    let catalog = bundled_catalog();
    let import = import_fixture(&options(&["15-2051.01", "15-1212.00"]));
    let ids: Vec<&str> = import.new_skills.iter().map(|s| s.id.as_str()).collect();
    // Reading Comprehension is needed by both roles and created once.
    assert_eq!(
        ids,
        [
            "english-language",
            "mathematics-skill",
            "public-safety-and-security",
            "reading-comprehension"
        ]
    );
    assert!(ids.iter().all(|id| catalog.skill(id).is_none()));
    let category = |id: &str| {
        import
            .new_skills
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.category)
    };
    assert_eq!(
        category("public-safety-and-security"),
        Some(SkillCategory::Industry)
    );
    assert_eq!(
        category("mathematics-skill"),
        Some(SkillCategory::Technical)
    );
    assert_eq!(category("reading-comprehension"), Some(SkillCategory::Soft));
}

#[test]
fn min_importance_moves_the_threshold() {
    let lower = import_fixture(&Options {
        min_importance: 2.5,
        ..options(&["15-2051.01"])
    });
    // Active Listening, IM 2.88, comes in; LV 3.50 -> level 3.
    assert_eq!(
        requirements(&lower.roles[0]).get("active-listening"),
        Some(&(3, 3))
    );

    let higher = import_fixture(&Options {
        min_importance: 4.0,
        ..options(&["15-2051.01"])
    });
    let kept: Vec<&str> = requirements(&higher.roles[0]).into_keys().collect();
    assert_eq!(
        kept,
        [
            "critical-thinking",
            "it-fundamentals",
            "reading-comprehension"
        ]
    );
    assert_eq!(higher.roles[0].dropped.below_min_importance, 5);
}

#[test]
fn suppressed_not_relevant_and_half_rated_elements_never_come_in() {
    // Even at the lowest threshold, O*NET's flags are honoured.
    let import = import_fixture(&Options {
        min_importance: 1.0,
        ..options(&["15-2051.01", "15-1212.00"])
    });
    let analyst = requirements(&import.roles[0]);
    // Social Perceptiveness: its LV row is marked Recommend Suppress.
    assert!(!analyst.contains_key("emotional-intelligence"));
    // Troubleshooting and Medicine and Dentistry: Not Relevant.
    assert!(!analyst.contains_key("troubleshooting"));
    assert!(!analyst.contains_key("medicine-and-dentistry"));
    assert_eq!(import.roles[0].dropped.recommend_suppress, 1);
    assert_eq!(import.roles[0].dropped.not_relevant, 2);
    // Telecommunications has an IM row and no LV row: no level to give it.
    assert!(!requirements(&import.roles[1]).contains_key("networking"));
    assert_eq!(import.roles[1].dropped.incomplete, 1);
}

#[test]
fn technologies_in_demand_become_optional_skills_when_the_catalog_names_them() {
    let default = import_fixture(&options(&["15-2051.01"]));
    assert_eq!(default.roles[0].optional, ["python", "spreadsheets", "sql"]);
    assert_eq!(default.roles[0].unmatched_technologies, ["SAP software"]);

    // Tableau is a Hot Technology but not In Demand for this occupation.
    let hot = import_fixture(&Options {
        technology: TechnologyFilter::Hot,
        ..options(&["15-2051.01"])
    });
    assert_eq!(
        hot.roles[0].optional,
        ["python", "spreadsheets", "sql", "tableau"]
    );

    let none = import_fixture(&Options {
        technology: TechnologyFilter::None,
        ..options(&["15-2051.01"])
    });
    assert!(none.roles[0].optional.is_empty());
}

#[test]
fn occupations_without_ratings_or_with_nothing_kept_are_skipped_not_imported_empty() {
    let import = import_fixture(&Options::default());
    let ids: Vec<&str> = import.roles.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["onet-15-1212-00", "onet-15-2051-01"]);
    let skipped: Vec<(&str, SkipReason)> = import
        .skipped
        .iter()
        .map(|s| (s.code.as_str(), s.reason))
        .collect();
    assert_eq!(
        skipped,
        [
            ("13-2099.04", SkipReason::NothingKept),
            ("15-2051.00", SkipReason::NotRated)
        ]
    );
    let text = to_toml(&import);
    assert!(text.contains("#     15-2051.00 Data Scientists"), "{text}");
}

#[test]
fn the_output_loads_with_the_bundled_catalog_without_errors() {
    for technology in [
        TechnologyFilter::InDemand,
        TechnologyFilter::Hot,
        TechnologyFilter::None,
    ] {
        let import = import_fixture(&Options {
            min_importance: 1.0,
            technology,
            ..Options::default()
        });
        let text = to_toml(&import);
        let loaded = load_with_bundled(&text);
        let errors: Vec<String> = loaded.errors().map(|d| d.render(false)).collect();
        assert!(errors.is_empty(), "{}\n{text}", errors.join("\n"));
        // The only warnings are imported requirements no credential teaches yet (new skills
        // have no credential): nothing unused, nothing malformed.
        for warning in loaded.warnings() {
            assert_eq!(
                warning.code,
                "unreachable-level",
                "{}",
                warning.render(false)
            );
            assert!(warning.message.contains("`onet-"), "{}", warning.message);
        }
        let catalog = loaded.catalog.expect("no errors, so a catalog");
        let role = &catalog.roles[catalog.role("onet-15-2051-01").expect("imported role")];
        let critical_thinking = catalog.skill("critical-thinking").expect("catalog skill");
        assert!(
            role.requires
                .iter()
                .any(|r| r.skill == critical_thinking && r.level == 3 && r.importance == 4)
        );
        assert_eq!(role.codes, [("onet".to_owned(), "15-2051.01".to_owned())]);
    }
}

#[test]
fn importing_an_occupation_the_catalog_already_has_is_refused() {
    let first = to_toml(&import_fixture(&options(&["15-2051.01"])));
    let catalog = load_with_bundled(&first).catalog.expect("loads");
    let release = read_release(&fixture("release"), true).unwrap();
    let error = import(&release, &catalog, &options(&["15-2051.01"])).unwrap_err();
    assert!(matches!(error, ImportError::RoleIdTaken { .. }));
    assert!(error.to_string().contains("imported/onet.toml:"), "{error}");
}

#[test]
fn an_unknown_occupation_code_names_the_file_and_suggests_the_nearest() {
    let release = read_release(&fixture("release"), true).unwrap();
    let error = import(&release, &bundled_catalog(), &options(&["15-2051.1"])).unwrap_err();
    let message = error.to_string();
    assert!(
        message.contains("unknown occupation code `15-2051.1`"),
        "{message}"
    );
    assert!(message.contains("release/Occupation Data.txt"), "{message}");
    assert!(message.contains("did you mean `15-2051.01`?"), "{message}");
}

#[test]
fn read_errors_name_the_file_and_line() {
    let missing = read_release(&fixture("no-technology"), true).unwrap_err();
    assert!(matches!(missing, ImportError::Read { .. }));
    assert!(
        missing
            .to_string()
            .contains("no-technology/Technology Skills.txt")
    );
    // Without technologies, the file is not needed.
    assert!(read_release(&fixture("no-technology"), false).is_ok());

    let header = read_release(&fixture("wrong-header"), true)
        .unwrap_err()
        .to_string();
    assert!(header.contains("wrong-header/Skills.txt:1: "), "{header}");
    assert!(
        header.contains("column 5 is `Value`, expected `Data Value`"),
        "{header}"
    );

    let row = read_release(&fixture("bad-row"), true)
        .unwrap_err()
        .to_string();
    assert!(row.contains("bad-row/Skills.txt:4: "), "{row}");
    assert!(row.contains("`Data Value` is `high`"), "{row}");
}

// The command line.

fn skillpath() -> Command {
    let mut cmd = cargo_bin_cmd!("skillpath");
    cmd.env("NO_COLOR", "1")
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

const RELEASE: &str = "tests/fixtures/onet/release";

#[test]
fn cli_prints_toml_on_stdout_and_what_it_did_on_stderr() {
    let output = skillpath()
        .args([
            "import",
            "onet",
            RELEASE,
            "--occupation",
            "15-2051.01,15-2051.00",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains("imported 1 role and 3 new skills"))
        .stderr(predicate::str::contains(
            "note: skipped 15-2051.00 Data Scientists: O*NET has no Skills or Knowledge ratings",
        ))
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(output).expect("UTF-8");
    assert!(
        text.contains("[[role]]\nid = \"onet-15-2051-01\""),
        "{text}"
    );
    assert!(text.contains("Made-up O*NET-format fixture"), "{text}");
    assert!(load_with_bundled(&text).errors().next().is_none());
}

#[test]
fn cli_writes_the_out_file_that_check_accepts_with_the_catalog() {
    let dir = tempfile::tempdir().unwrap();
    let catalog_dir = dir.path().join("catalog");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog"),
        &catalog_dir,
    );
    let out = catalog_dir.join("onet.toml");
    skillpath()
        .args(["import", "onet", RELEASE, "--all", "--out"])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    assert!(
        fs::read_to_string(&out)
            .unwrap()
            .contains("onet-15-1212-00")
    );
    skillpath()
        .arg("check")
        .arg("--catalog")
        .arg(&catalog_dir)
        .assert()
        .success()
        .stderr(predicate::str::contains("0 errors"));
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            fs::copy(&path, &target).unwrap();
        }
    }
}

#[test]
fn cli_errors_exit_1_and_name_the_file_and_line() {
    let cases: [(&[&str], &str); 5] = [
        (
            &["tests/fixtures/onet/no-technology", "--all"],
            "cannot read `tests/fixtures/onet/no-technology/Technology Skills.txt`",
        ),
        (
            &["tests/fixtures/onet/wrong-header", "--all"],
            "tests/fixtures/onet/wrong-header/Skills.txt:1: not the header of O*NET's `Skills.txt`",
        ),
        (
            &["tests/fixtures/onet/bad-row", "--all"],
            "tests/fixtures/onet/bad-row/Skills.txt:4: `Data Value` is `high`",
        ),
        (
            &[RELEASE, "--occupation", "15-9999.00"],
            "unknown occupation code `15-9999.00`: it is not in `tests/fixtures/onet/release/Occupation Data.txt`",
        ),
        (
            &["tests/fixtures/onet/does-not-exist", "--all"],
            "cannot read `tests/fixtures/onet/does-not-exist/Occupation Data.txt`",
        ),
    ];
    for (args, message) in cases {
        skillpath()
            .args(["import", "onet"])
            .args(args)
            .assert()
            .code(1)
            .stdout("")
            .stderr(predicate::str::contains(message));
    }
    skillpath()
        .args([
            "import",
            "onet",
            "tests/fixtures/onet/no-technology",
            "--all",
        ])
        .args(["--technology", "none"])
        .assert()
        .success();
}

#[test]
fn cli_usage_errors_exit_2() {
    for args in [
        &[RELEASE][..],
        &[RELEASE, "--all", "--occupation", "15-2051.01"],
        &[RELEASE, "--all", "--min-importance", "6"],
        &[RELEASE, "--all", "--technology", "some"],
    ] {
        skillpath()
            .args(["import", "onet"])
            .args(args)
            .assert()
            .code(2);
    }
}

// The real O*NET 29.2 subset.

fn shared_onet() -> Option<PathBuf> {
    let base = std::env::var_os("SKILLPATH_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data"));
    let dir = base.join("onet");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "note: O*NET data not found (../shared/data/onet or $SKILLPATH_SHARED_DATA); skipping"
        );
        None
    }
}

#[test]
fn the_real_release_imports_every_rated_occupation_and_loads_with_the_catalog() {
    let Some(dir) = shared_onet() else { return };
    let release = read_release(&dir, true).expect("the O*NET subset reads");
    assert_eq!(release.version.as_deref(), Some("O*NET 29.2 Database"));
    assert_eq!(release.occupations.len(), 66);
    let import = import(&release, &bundled_catalog(), &Options::default()).expect("imports");
    // 66 occupations, 16 of them without ratings in 29.2 (the data's README lists them).
    assert_eq!(import.roles.len(), 50);
    let not_rated: Vec<&str> = import
        .skipped
        .iter()
        .filter(|s| s.reason == SkipReason::NotRated)
        .map(|s| s.code.as_str())
        .collect();
    assert_eq!(not_rated.len(), 16);
    for code in ["15-2051.00", "15-1252.00", "13-1082.00", "29-9021.00"] {
        assert!(not_rated.contains(&code), "{code}");
    }
    assert!(import.roles.iter().all(|r| !r.requires.is_empty()));

    let text = to_toml(&import);
    let loaded = load_with_bundled(&text);
    let errors: Vec<String> = loaded.errors().map(|d| d.render(false)).collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert!(loaded.warnings().all(|w| w.code == "unreachable-level"));
}

/// (IM, LV) of one element for one occupation, read straight from the file, not through the
/// importer, so the test checks the importer against the data.
fn raw_rating(dir: &Path, file: &str, code: &str, element: &str) -> (f64, f64) {
    let text = fs::read_to_string(dir.join(file)).unwrap();
    let value = |scale: &str| {
        text.lines()
            .map(|line| line.split('\t').collect::<Vec<_>>())
            .find(|f| f[0] == code && f[1] == element && f[3] == scale)
            .map(|f| f[4].parse::<f64>().unwrap())
            .unwrap_or_else(|| panic!("{code} {element} {scale} in {file}"))
    };
    (value("IM"), value("LV"))
}

#[test]
fn real_ratings_map_as_documented() {
    let Some(dir) = shared_onet() else { return };
    let release = read_release(&dir, true).unwrap();
    let import = import(
        &release,
        &bundled_catalog(),
        &options(&["15-2051.01", "15-1212.00"]),
    )
    .unwrap();
    let cases = [
        ("15-2051.01", "Skills.txt", "2.A.2.a", "critical-thinking"),
        ("15-2051.01", "Knowledge.txt", "2.C.3.a", "it-fundamentals"),
        ("15-1212.00", "Skills.txt", "2.A.2.a", "critical-thinking"),
        ("15-1212.00", "Knowledge.txt", "2.C.3.a", "it-fundamentals"),
    ];
    for (code, file, element, skill) in cases {
        let (im, lv) = raw_rating(&dir, file, code, element);
        assert!(im >= 3.0, "the test expects an element above the threshold");
        let role = import.roles.iter().find(|r| r.code == code).unwrap();
        let expected_level = ((lv * 5.0 / 7.0).round() as u8).clamp(1, 5);
        let expected_importance = (im.round() as u8).clamp(1, 5);
        assert_eq!(
            requirements(role).get(skill),
            Some(&(expected_level, expected_importance)),
            "{code} {element}: IM {im}, LV {lv}"
        );
    }
    // Business intelligence analysts use Python and SQL, In Demand in O*NET 29.2.
    let analyst = import
        .roles
        .iter()
        .find(|r| r.code == "15-2051.01")
        .unwrap();
    assert!(analyst.optional.iter().any(|s| s == "python"));
    assert!(analyst.optional.iter().any(|s| s == "sql"));
}
