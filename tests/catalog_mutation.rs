//! Half-edited catalogs: valid fixture catalogs (and the bundled one) with one random edit of
//! the kind a maintainer makes by accident (a line deleted, duplicated or swapped, a number
//! changed, the file cut short, an id replaced) must give diagnostics or a valid plan, never a
//! panic.

use std::path::Path;
use std::time::Duration;

use proptest::prelude::*;
use skillpath::catalog::Catalog;
use skillpath::catalog::load::load_sources;
use skillpath::catalog::reach::Reach;
use skillpath::catalog::source::{self, SourceFile};
use skillpath::plan::{self, Person, PlanRequest};

/// Each fixture catalog as its files, loaded once.
fn fixtures() -> &'static [Vec<SourceFile>] {
    static FIXTURES: std::sync::OnceLock<Vec<Vec<SourceFile>>> = std::sync::OnceLock::new();
    FIXTURES.get_or_init(|| {
        let read = |path: &str| source::read_path(Path::new(path)).expect("fixture reads");
        vec![
            read("tests/fixtures/ok"),
            read("tests/fixtures/advisor/catalog.toml"),
            read("tests/fixtures/stats/catalog.toml"),
            source::bundled(),
        ]
    })
}

#[derive(Debug, Clone)]
enum Edit {
    DeleteLine(usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    /// The n-th number in the file becomes this text.
    ChangeNumber(usize, &'static str),
    /// Cut at this byte (moved back to a character boundary).
    Truncate(usize),
    /// The n-th quoted string that looks like an id becomes this text.
    ReplaceId(usize, &'static str),
}

fn edit() -> impl Strategy<Value = Edit> {
    let numbers = prop::sample::select(vec![
        "0",
        "-1",
        "6",
        "3.5",
        "1e308",
        "nan",
        "-inf",
        "99999999999",
        "\"3\"",
        "",
    ]);
    let ids = prop::sample::select(vec![
        "sql",
        "",
        "SQL Basics",
        "d\u{430}ta",
        "x",
        "a-b-c",
        "spreadsheets-101",
        "\u{200b}",
    ]);
    prop_oneof![
        any::<usize>().prop_map(Edit::DeleteLine),
        any::<usize>().prop_map(Edit::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::SwapLines(a, b)),
        (any::<usize>(), numbers).prop_map(|(n, to)| Edit::ChangeNumber(n, to)),
        any::<usize>().prop_map(Edit::Truncate),
        (any::<usize>(), ids).prop_map(|(n, to)| Edit::ReplaceId(n, to)),
    ]
}

fn apply(text: &str, edit: &Edit) -> String {
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    if lines.is_empty() {
        return text.to_owned();
    }
    let pick = |i: usize| i % lines.len();
    match *edit {
        Edit::DeleteLine(i) => {
            lines.remove(pick(i));
        }
        Edit::DuplicateLine(i) => {
            let i = pick(i);
            lines.insert(i, lines[i]);
        }
        Edit::SwapLines(a, b) => {
            let (a, b) = (pick(a), pick(b));
            lines.swap(a, b);
        }
        Edit::ChangeNumber(n, to) => return replace_nth(text, n, to, is_number_start),
        Edit::Truncate(at) => {
            let mut at = at % (text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            return text[..at].to_owned();
        }
        Edit::ReplaceId(n, to) => return replace_nth_id(text, n, to),
    }
    lines.concat()
}

fn is_number_start(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    bytes[at].is_ascii_digit() && (at == 0 || b" =[{,".contains(&bytes[at - 1]))
}

/// Replaces the n-th (mod the count) number, from where `starts` says one begins up to the
/// next delimiter.
fn replace_nth(text: &str, n: usize, to: &str, starts: fn(&str, usize) -> bool) -> String {
    let found: Vec<usize> = (0..text.len()).filter(|&i| starts(text, i)).collect();
    let Some(&start) = found.get(n % found.len().max(1)) else {
        return text.to_owned();
    };
    let end = text[start..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '_' || c == '-'))
        .map_or(text.len(), |len| start + len);
    format!("{}{to}{}", &text[..start], &text[end..])
}

/// Replaces the contents of the n-th (mod the count) `"..."` holding an id-like word.
fn replace_nth_id(text: &str, n: usize, to: &str) -> String {
    let quoted: Vec<(usize, usize)> = text
        .match_indices('"')
        .map(|(i, _)| i)
        .collect::<Vec<_>>()
        .chunks_exact(2)
        .map(|pair| (pair[0] + 1, pair[1]))
        .filter(|&(a, b)| {
            text[a..b]
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
        .collect();
    let Some(&(start, end)) = quoted.get(n % quoted.len().max(1)) else {
        return text.to_owned();
    };
    format!("{}{to}{}", &text[..start], &text[end..])
}

/// Plans the role with a short time limit and checks the plan as a person would follow it:
/// every step allowed when it comes, and every coverable gap skill closed at the end.
fn plan_is_valid(catalog: &Catalog, role: usize) -> Result<(), String> {
    let mut request = PlanRequest::new(role, Person::default());
    request.time_limit = Duration::from_millis(20);
    let plan = plan::plan(catalog, &request).map_err(|e| e.to_string())?;
    let mut state = Reach::start(catalog, &[], []);
    for step in &plan.steps {
        let id = &catalog.credentials[step.credential].id;
        if !state.allows(catalog, step.credential) {
            return Err(format!("step `{id}` is taken before its prerequisites"));
        }
        state.take(catalog, step.credential);
    }
    for gap in &plan.gap {
        let uncoverable = plan.uncoverable.iter().any(|u| u.skill == gap.skill);
        if !uncoverable && state.levels[gap.skill] < gap.need {
            let skill = &catalog.skills[gap.skill].id;
            return Err(format!(
                "the plan leaves `{skill}` below level {}",
                gap.need
            ));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn an_edited_catalog_gives_diagnostics_or_a_valid_plan(
        fixture in any::<usize>(),
        file in any::<usize>(),
        role in any::<usize>(),
        edit in edit(),
    ) {
        let fixtures = fixtures();
        let mut sources = fixtures[fixture % fixtures.len()].clone();
        let file = file % sources.len();
        sources[file].text = apply(&sources[file].text, &edit);

        let loaded = load_sources(&sources);
        for diagnostic in &loaded.diagnostics {
            // Every problem is located: a file of the catalog, a line and a column.
            prop_assert!(sources.iter().any(|s| s.path == diagnostic.file), "{:?}", diagnostic);
            prop_assert!(diagnostic.line >= 1 && diagnostic.column >= 1, "{:?}", diagnostic);
            let _ = diagnostic.render(false);
        }
        let has_errors = loaded.errors().next().is_some();
        prop_assert_eq!(loaded.catalog.is_some(), !has_errors);
        if let Some(catalog) = &loaded.catalog
            && !catalog.roles.is_empty()
        {
            let role = role % catalog.roles.len();
            let checked = plan_is_valid(catalog, role);
            prop_assert!(checked.is_ok(), "{:?} in {}: {:?}", edit, sources[file].path, checked);
        }
    }
}

#[test]
fn the_edits_change_the_text_as_described() {
    let text = "a = 1\nb = \"sql-basics\"\nc = [2, 30]\n";
    assert_eq!(apply(text, &Edit::DeleteLine(1)), "a = 1\nc = [2, 30]\n");
    assert_eq!(
        apply(text, &Edit::SwapLines(0, 2)),
        "c = [2, 30]\nb = \"sql-basics\"\na = 1\n"
    );
    assert_eq!(
        apply(text, &Edit::ChangeNumber(2, "nan")),
        "a = 1\nb = \"sql-basics\"\nc = [2, nan]\n"
    );
    assert_eq!(
        apply(text, &Edit::ReplaceId(0, "x")),
        "a = 1\nb = \"x\"\nc = [2, 30]\n"
    );
    assert_eq!(apply(text, &Edit::Truncate(7)), "a = 1\nb");
}
