//! The catalog validator as a maintainer sees it: every fixture under tests/fixtures/errors
//! gives exactly the expected diagnostics at the expected file:line:column, a broken catalog
//! reports every problem at once, warnings do not stop loading, and no input panics.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use proptest::prelude::*;
use skillpath::catalog::diagnostic::{Diagnostic, Severity};
use skillpath::catalog::graph::{DotOptions, EdgeKind, prerequisite_graph, to_dot};
use skillpath::catalog::load::{Loaded, load_path, load_sources};
use skillpath::catalog::source::{SourceFile, bundled};

const ERRORS: &str = "tests/fixtures/errors";
const OK: &str = "tests/fixtures/ok";

/// (code, message fragment, "line:column") of one expected diagnostic.
type Expected = (&'static str, &'static str, &'static str);

/// (fixture, every diagnostic the fixture gives).
const EXPECTED: &[(&str, &[Expected])] = &[
    ("syntax.toml", &[("syntax", "invalid basic string", "3:12")]),
    (
        "toml11_multiline_inline_table.toml",
        &[("toml-1.1", "line break inside an inline table", "11:19")],
    ),
    (
        "unknown_key.toml",
        &[("unknown-key", "unknown key `titel`", "7:1")],
    ),
    (
        "missing_key.toml",
        &[("missing-key", "has no `provider`", "5:1")],
    ),
    (
        "wrong_type.toml",
        &[(
            "wrong-type",
            "`hours`: invalid type: string \"twenty\"",
            "9:9",
        )],
    ),
    (
        "table_not_array.toml",
        &[("wrong-type", "`skill` must be an array of tables", "1:2")],
    ),
    (
        "duplicate_id.toml",
        &[("duplicate-id", "duplicate skill id `sql`", "6:6")],
    ),
    (
        "duplicate_id_across_files/b.toml",
        &[(
            "duplicate-id",
            "duplicate credential id `sql-basics`",
            "2:6",
        )],
    ),
    (
        "duplicate_catalog/b.toml",
        &[(
            "duplicate-catalog",
            "`[catalog]` is defined more than once",
            "2:2",
        )],
    ),
    (
        "unknown_skill.toml",
        &[("unknown-skill", "unknown skill `sqll`", "11:12")],
    ),
    (
        "unknown_credential.toml",
        &[(
            "unknown-credential",
            "unknown credential `sql-basic`",
            "20:13",
        )],
    ),
    (
        "unknown_role_skill.toml",
        &[("unknown-skill", "unknown skill `pyton`", "16:14")],
    ),
    (
        "invalid_id.toml",
        &[("invalid-id", "invalid skill id `SQL Basics`", "2:6")],
    ),
    (
        "invalid_level.toml",
        &[
            ("invalid-level", "level 0 of `sql` is outside 1..5", "11:18"),
            ("invalid-level", "level 6 of `sql` is outside 1..5", "19:18"),
            (
                "invalid-level",
                "level -1 of `sql` is outside 1..5",
                "27:18",
            ),
            (
                "invalid-level",
                "level 3.5 of `sql` is not a whole number",
                "35:18",
            ),
            ("invalid-level", "found the string \"three\"", "43:18"),
        ],
    ),
    (
        "invalid_importance.toml",
        &[("invalid-importance", "importance 7", "16:46")],
    ),
    (
        "negative_hours.toml",
        &[("invalid-hours", "`hours` is -5", "9:9")],
    ),
    (
        "invalid_cost.toml",
        &[
            ("invalid-cost", "`cost` is nan", "10:8"),
            ("invalid-hours", "`hours` is infinite", "17:9"),
        ],
    ),
    (
        "cycle.toml",
        &[("cycle", "prerequisite cycle: a -> b -> c -> a", "30:13")],
    ),
    (
        "parent_cycle.toml",
        &[("parent-cycle", "data -> sql -> data", "9:10")],
    ),
    (
        "grants_nothing.toml",
        &[("grants-nothing", "`orientation` grants no skill", "2:6")],
    ),
    (
        "stack_without_parts.toml",
        &[("stack-without-parts", "`sql-cert` is a stack", "9:8")],
    ),
    (
        "parts_without_stack.toml",
        &[("parts-without-stack", "is not a stack", "21:9")],
    ),
    (
        "empty_group.toml",
        &[("empty-group", "empty `requires_any` group", "12:17")],
    ),
    (
        "invalid_currency.toml",
        &[("invalid-currency", "`dollars`", "3:12")],
    ),
    (
        "not_utf8.toml",
        &[("read-error", "not valid UTF-8", "2:10")],
    ),
    (
        "several_errors.toml",
        &[
            ("invalid-hours", "`hours` is -3", "11:9"),
            ("unknown-skill", "unknown skill `sqll`", "13:12"),
            ("invalid-level", "level 6", "22:18"),
            ("cycle", "sql-basics -> sql-advanced -> sql-basics", "23:13"),
            ("unknown-key", "unknown key `colour`", "24:1"),
            ("missing-key", "role `analyst` has no `title`", "26:1"),
        ],
    ),
];

/// Loads a fixture; a fixture inside a folder is loaded with its folder, as `--catalog` would.
fn load_fixture(fixture: &str) -> Loaded {
    let target = match fixture.split_once('/') {
        Some((folder, _)) => format!("{ERRORS}/{folder}"),
        None => format!("{ERRORS}/{fixture}"),
    };
    load_path(Path::new(&target))
}

fn location_in_file(d: &Diagnostic) -> String {
    if d.line == 0 {
        String::new()
    } else {
        format!("{}:{}", d.line, d.column)
    }
}

#[test]
fn each_error_fixture_reports_exactly_its_errors_where_they_are() {
    for &(fixture, expected) in EXPECTED {
        let loaded = load_fixture(fixture);
        assert!(
            loaded.catalog.is_none(),
            "{fixture}: a catalog with errors is never returned"
        );
        let found: Vec<(&str, String, String)> = loaded
            .diagnostics
            .iter()
            .map(|d| (d.code, d.file.clone(), location_in_file(d)))
            .collect();
        let wanted: Vec<(&str, String, String)> = expected
            .iter()
            .map(|&(code, _, at)| (code, format!("{ERRORS}/{fixture}"), at.to_owned()))
            .collect();
        assert_eq!(found, wanted, "{fixture}");
        for (diagnostic, &(_, fragment, _)) in loaded.diagnostics.iter().zip(expected) {
            assert_eq!(diagnostic.severity, Severity::Error, "{fixture}");
            assert!(
                diagnostic.message.contains(fragment),
                "{fixture}: {:?} lacks {fragment:?}",
                diagnostic.message
            );
        }
    }
}

#[test]
fn every_error_fixture_has_expectations_and_is_listed_in_the_readme() {
    let readme = fs::read_to_string(format!("{ERRORS}/README.md")).expect("fixtures README");
    let covered: BTreeSet<&str> = EXPECTED
        .iter()
        .map(|(f, _)| f.split('/').next().unwrap_or(f))
        .collect();
    for entry in fs::read_dir(ERRORS).expect("fixtures dir") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        if name == "README.md" {
            continue;
        }
        assert!(
            covered.contains(name.as_str()),
            "{name} has no expectation in EXPECTED"
        );
        assert!(
            readme.contains(&format!("`{name}")),
            "{name} is not listed in README.md"
        );
    }
}

#[test]
fn suggestions_name_the_intended_id_or_key() {
    let help = |fixture: &str| load_fixture(fixture).diagnostics[0].help.clone();
    assert_eq!(
        help("unknown_skill.toml").as_deref(),
        Some("did you mean `sql`?")
    );
    assert_eq!(
        help("unknown_credential.toml").as_deref(),
        Some("did you mean `sql-basics`?")
    );
    assert_eq!(
        help("unknown_role_skill.toml").as_deref(),
        Some("did you mean `python`?")
    );
    assert_eq!(
        help("unknown_key.toml").as_deref(),
        Some("did you mean `title`?")
    );
}

#[test]
fn duplicates_say_where_the_first_one_is() {
    let loaded = load_fixture("duplicate_id_across_files/b.toml");
    assert_eq!(
        loaded.diagnostics[0].help.as_deref(),
        Some("first defined at tests/fixtures/errors/duplicate_id_across_files/a.toml:6:6")
    );
}

#[test]
fn a_rendered_diagnostic_shows_the_line_and_a_caret_under_the_problem() {
    let loaded = load_fixture("unknown_skill.toml");
    let rendered = loaded.diagnostics[0].render(false);
    assert_eq!(
        rendered,
        "error[unknown-skill]: unknown skill `sqll` in `grants` of credential `sql-basics`\n  \
         --> tests/fixtures/errors/unknown_skill.toml:11:12\n   \
         |\n\
         11 | grants = { sqll = 2 }\n   \
         |            ^^^^\n   \
         = help: did you mean `sql`?\n"
    );
}

fn load_text(text: &str) -> Loaded {
    load_sources(&[SourceFile::new("inline.toml", text)])
}

#[test]
fn the_ok_fixture_loads_cleanly_with_origins() {
    let loaded = load_path(Path::new(OK));
    assert_eq!(loaded.diagnostics, Vec::<Diagnostic>::new());
    let catalog = loaded.catalog.expect("the ok fixture is valid");
    assert_eq!(catalog.meta.name, "Test fixture catalog");
    assert_eq!(
        (
            catalog.skills.len(),
            catalog.credentials.len(),
            catalog.roles.len()
        ),
        (7, 8, 2)
    );
    let sql = catalog.skill("sql").expect("sql");
    let origin = &catalog.skill_origins[sql];
    assert_eq!(
        (origin.file.as_str(), origin.line, origin.column),
        ("tests/fixtures/ok/skills.toml", 6, 6)
    );
    let stats = catalog
        .credential("stats-foundations")
        .expect("any-of credential");
    assert_eq!(catalog.credentials[stats].requires_any.len(), 1);
    let advanced = catalog
        .credential("sql-advanced")
        .expect("skill prerequisite");
    assert_eq!(catalog.credentials[advanced].requires_skills.len(), 1);
    let cert = catalog.credential("data-analytics-cert").expect("stack");
    assert_eq!(catalog.credentials[cert].parts.len(), 3);
    let analyst = catalog.role("data-analyst").expect("role");
    let importances: Vec<u8> = catalog.roles[analyst]
        .requires
        .iter()
        .map(|r| r.importance)
        .collect();
    assert!(
        importances.contains(&5) && importances.contains(&3),
        "{importances:?}"
    );
}

#[test]
fn warnings_do_not_stop_loading() {
    let loaded = load_text(
        r#"
[[skill]]
id = "sql"
name = "SQL"

[[skill]]
id = "cobol"
name = "COBOL"

[[skill]]
id = "ethics"
name = "Ethics"

[[credential]]
id = "sql-basics"
title = "SQL Basics"
provider = "Example"
hours = 20
cost = 49
grants = { sql = 2 }

[[credential]]
id = "sql-guru"
title = "SQL Guru"
provider = "Example"
hours = 40
cost = 400
grants = { sql = 5 }
requires_skills = { ethics = 1 }

[[role]]
id = "dba"
title = "Database Administrator"
requires = { sql = 4 }
"#,
    );
    let found: Vec<(Severity, &str, String)> = loaded
        .diagnostics
        .iter()
        .map(|d| (d.severity, d.code, location_in_file(d)))
        .collect();
    assert_eq!(
        found,
        vec![
            (Severity::Warning, "unused-skill", "7:6".to_owned()),
            (
                Severity::Warning,
                "untakeable-credential",
                "23:6".to_owned()
            ),
            (Severity::Warning, "unreachable-level", "34:14".to_owned()),
        ]
    );
    assert!(
        loaded.diagnostics[1]
            .help
            .as_deref()
            .is_some_and(|h| h.contains("`ethics` at level 1"))
    );
    assert!(loaded.diagnostics[2].message.contains("at most level 2"));
    assert!(loaded.catalog.is_some());
}

#[test]
fn a_credential_requiring_itself_is_a_cycle_of_one() {
    let loaded = load_text(
        "[[skill]]\nid = 's'\nname = 'S'\n[[credential]]\nid = 'a'\ntitle = 'A'\n\
         provider = 'P'\nhours = 1\ncost = 0\ngrants = { s = 1 }\nrequires = ['a']\n",
    );
    let cycle = &loaded.diagnostics[0];
    assert_eq!(
        (cycle.code, cycle.message.as_str()),
        ("cycle", "prerequisite cycle: a -> a")
    );
    assert_eq!(location_in_file(cycle), "11:13");
}

#[test]
fn toml_1_1_only_forms_are_rejected() {
    for text in ["t = { a = 1, }\n", "s = \"\\e[1m\"\n", "t = 07:30\n"] {
        let loaded = load_text(text);
        let codes: Vec<&str> = loaded.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["toml-1.1"], "{text:?}");
    }
}

#[test]
fn a_syntax_error_in_one_file_does_not_make_references_to_it_unknown() {
    let sources = [
        SourceFile::new("a.toml", "[[skill]]\nid = 'sql'\nname = 'SQL\n"),
        SourceFile::new(
            "b.toml",
            "[[credential]]\nid = 'c'\ntitle = 'C'\nprovider = 'P'\nhours = 1\ncost = 0\n\
             grants = { sql = 2 }\n",
        ),
    ];
    let loaded = load_sources(&sources);
    let codes: Vec<&str> = loaded.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["syntax"]);
}

#[test]
fn diagnostics_are_sorted_by_file_line_and_column() {
    let loaded = load_fixture("several_errors.toml");
    let positions: Vec<(usize, usize)> = loaded
        .diagnostics
        .iter()
        .map(|d| (d.line, d.column))
        .collect();
    let mut sorted = positions.clone();
    sorted.sort();
    assert_eq!(positions, sorted);
}

#[test]
fn hostile_inputs_give_diagnostics_not_panics() {
    let deep_array = format!("a = {}{}\n", "[".repeat(5000), "]".repeat(5000));
    let deep_tables = format!("a = {}1{}\n", "{ b = ".repeat(5000), " }".repeat(5000));
    let long_header = format!("[{}]\n", vec!["x"; 5000].join("."));
    let cases = [
        "",
        "# only a comment\n",
        "\u{feff}",
        "[[credential]]\nid = 'a'\nhours = 99999999999999999999999\n",
        "[[credential]]\nid = 'a'\nhours = 1e400\ncost = -1e400\n",
        "[[role]]\nid = 'r'\ntitle = 'R'\nrequires = { x = 9223372036854775807 }\n",
        "[[role]]\nid = 'r'\ntitle = 'R'\nrequires = { x = { level = [] } }\n",
        "[[skill]]\nid = 1979-05-27\n",
        "skill = [1, 2]\n",
        "[[credential]]\nrequires_any = [1]\nparts = 'x'\n",
        "\u{0}\u{1}==[[]]{}",
        &deep_array,
        &deep_tables,
        &long_header,
    ];
    for text in cases {
        let loaded = load_text(text);
        for d in &loaded.diagnostics {
            let _ = d.render(true);
        }
    }
    let empty = load_text("");
    assert!(empty.catalog.is_none(), "an empty catalog is an error");
    assert_eq!(empty.diagnostics[0].code, "empty-catalog");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        let loaded = load_text(&text);
        prop_assert_eq!(loaded.catalog.is_none(), loaded.errors().next().is_some());
    }

    #[test]
    fn damaged_fixtures_never_panic(
        cut in 0usize..2000,
        insert in "[\\[\\]{}=\"',.\\n a-z0-9-]{0,6}",
    ) {
        let text = fs::read_to_string(format!("{OK}/credentials.toml")).expect("fixture");
        let mut at = cut.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let damaged = format!("{}{insert}{}", &text[..at], &text[(at + 3).min(text.len())..]);
        let loaded = load_text(&damaged);
        prop_assert_eq!(loaded.catalog.is_none(), loaded.errors().next().is_some());
    }
}

#[test]
fn the_bundled_catalog_is_listed_under_catalog_in_sorted_order() {
    let files = bundled();
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let mut sorted = paths.clone();
    sorted.sort_unstable();
    assert_eq!(paths, sorted);
    assert!(
        paths
            .iter()
            .all(|p| p.starts_with("catalog/") && p.ends_with(".toml"))
    );
}

#[test]
fn the_graph_has_an_edge_per_prerequisite_and_draws_stacks_as_clusters() {
    let catalog = load_path(Path::new(OK)).catalog.expect("valid");
    let graph = prerequisite_graph(&catalog);
    let count = |kind: EdgeKind| graph.edge_weights().filter(|&&k| k == kind).count();
    assert_eq!(
        (
            count(EdgeKind::Requires),
            count(EdgeKind::Part),
            count(EdgeKind::AnyOf)
        ),
        (2, 3, 2)
    );

    let held = catalog.credential("sql-basics").expect("held");
    let options = DotOptions {
        subset: None,
        held: [held].into(),
        title: "Fixture".to_owned(),
    };
    let dot = to_dot(&catalog, &options);
    assert_eq!(dot, to_dot(&catalog, &options), "deterministic");
    assert!(dot.starts_with("digraph \"Fixture\" {"));
    assert!(dot.contains("subgraph \"cluster_data-analytics-cert\""));
    assert!(dot.contains("\"spreadsheets-101\" -> \"sql-basics\";"));
    assert!(
        dot.contains("\"r-basics\" -> \"stats-foundations\" [style=dashed, label=\"any of\"];")
    );
    let held_line = dot
        .lines()
        .find(|l| l.trim_start().starts_with("\"sql-basics\" ["))
        .expect("node");
    assert!(held_line.contains("dashed"), "{held_line}");

    let subset = DotOptions {
        subset: Some(vec![held]),
        ..DotOptions::default()
    };
    assert!(
        !to_dot(&catalog, &subset).contains("->"),
        "edges leave the subset out"
    );
}

#[test]
fn role_requirements_and_kinds_get_precise_messages() {
    let loaded = load_text(
        "[[skill]]\nid = 'sql'\nname = 'SQL'\n\
         [[credential]]\nid = 'c'\ntitle = 'C'\nprovider = 'P'\nkind = 'corse'\n\
         hours = 1\ncost = 0\ngrants = { sql = 3.0 }\n\
         [[role]]\nid = 'r'\ntitle = 'R'\n\
         requires = { sql = { importance = 'high' } }\noptional = { sql = { level = 2, weight = 1 } }\n",
    );
    let found: Vec<(&str, String, &str)> = loaded
        .diagnostics
        .iter()
        .map(|d| (d.code, location_in_file(d), d.message.as_str()))
        .collect();
    assert_eq!(
        loaded.diagnostics[0].help.as_deref(),
        Some("did you mean `course`?")
    );
    assert_eq!(
        found,
        vec![
            (
                "wrong-type",
                "8:8".to_owned(),
                "`kind`: unknown variant `corse`, expected one of `badge`, `course`, \
                 `certificate`, `exam`, `stack`"
            ),
            (
                "invalid-level",
                "11:18".to_owned(),
                "level 3.0 of `sql` must be written as a whole number, `3`"
            ),
            (
                "missing-key",
                "15:20".to_owned(),
                "requirement `sql` in `requires` of role `r` has no `level`"
            ),
            (
                "invalid-importance",
                "15:35".to_owned(),
                "importance of `sql` must be a whole number 1..5, found the string \"high\""
            ),
            (
                "wrong-type",
                "16:20".to_owned(),
                "`optional`: unknown field `weight`, expected `level` or `importance`"
            ),
        ]
    );
}

#[test]
fn missing_keys_of_one_item_are_listed_together() {
    let loaded = load_text(
        "[[skill]]\nid = 's'\nname = 'S'\n[[credential]]\nid = 'a'\nhours = 2\ngrants = { s = 1 }\n",
    );
    let messages: Vec<&str> = loaded
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        messages,
        ["credential `a` has no `title`, `provider` or `cost`"]
    );
    assert_eq!(location_in_file(&loaded.diagnostics[0]), "4:1");
}
