//! Hot reload without a terminal: a catalog edit arrives as `Msg::CatalogChanged`. A good
//! edit replaces the catalog and re-plans the same profile; a broken one shows its diagnostics
//! and keeps the last good catalog and the plan. The watcher itself is tested on real files.

mod tui_fixture;

use std::sync::mpsc;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use skillpath::catalog::load::load_sources;
use skillpath::catalog::source::SourceFile;
use skillpath::tui::{App, CatalogWatcher, Msg, Reload};

fn reload(text: &str) -> Msg {
    let loaded = load_sources(&[SourceFile::new("tui-fixture.toml", text)]);
    Msg::CatalogChanged(Box::new(Reload::of(loaded)))
}

fn press(app: &mut App, code: KeyCode) {
    if let Some(msg) = app.handle_key(&KeyEvent::new(code, KeyModifiers::NONE)) {
        app.update(msg);
    }
}

fn hours_of_plan(app: &App) -> f64 {
    app.analysis().plan().map_or(f64::NAN, |p| p.totals.hours)
}

/// The fixture with Advanced SQL made shorter.
fn shorter_advanced_sql() -> String {
    let edited = tui_fixture::CATALOG.replace("hours = 24\ncost = 99", "hours = 4\ncost = 99");
    assert_ne!(
        edited,
        tui_fixture::CATALOG,
        "the edit applies to the fixture"
    );
    edited
}

/// The fixture with a typo in a prerequisite.
fn broken() -> String {
    tui_fixture::CATALOG.replace(
        r#"requires = ["sql-basics"]"#,
        r#"requires = ["sql-basic"]"#,
    )
}

#[test]
fn a_valid_edit_replaces_the_catalog_and_replans_the_same_profile() {
    let mut app = tui_fixture::app(tui_fixture::profile());
    let before = hours_of_plan(&app);
    app.update(reload(&shorter_advanced_sql()));

    assert_eq!(app.current_profile(), &tui_fixture::profile());
    let catalog = app.catalog_data();
    let advanced = catalog.credential("sql-advanced").expect("still there");
    assert_eq!(catalog.credentials[advanced].hours, 4.0);
    assert_eq!(hours_of_plan(&app), before - 20.0);
    assert!(app.diagnostics.is_none());
    let status = app.status.as_ref().expect("a status line");
    assert!(
        !status.error && status.text.contains("Catalog reloaded"),
        "{status:?}"
    );
}

#[test]
fn a_broken_edit_shows_its_diagnostics_and_keeps_the_last_good_catalog_and_plan() {
    let mut app = tui_fixture::app(tui_fixture::profile());
    let plan = app.analysis().plan().cloned();
    let credentials = app.catalog_data().credentials.len();

    app.update(reload(&broken()));
    assert_eq!(app.catalog_data().credentials.len(), credentials);
    assert_eq!(app.analysis().plan().cloned(), plan, "the plan is kept");
    let overlay = app.diagnostics.as_ref().expect("the diagnostics are shown");
    assert_eq!(overlay.errors, 1);
    let text = overlay.lines.join("\n");
    assert!(text.contains("sql-basic"), "{text}");
    assert!(
        text.contains("tui-fixture.toml:"),
        "points at the file: {text}"
    );
    assert!(app.status.as_ref().is_some_and(|s| s.error));

    let screen = tui_fixture::screen_text(&app, 100, 30);
    assert!(screen.contains("still using the last good one"), "{screen}");
    assert!(screen.contains("sql-basic"), "{screen}");

    // Keys scroll the overlay and do nothing else; q is not quit here, Esc closes.
    press(&mut app, KeyCode::Down);
    assert_eq!(app.diagnostics.as_ref().map(|o| o.scroll), Some(1));
    press(&mut app, KeyCode::Char('x'));
    press(&mut app, KeyCode::Char('q'));
    assert!(app.running);
    assert!(app.current_profile().exclude.is_empty());
    press(&mut app, KeyCode::Esc);
    assert!(app.diagnostics.is_none());
    assert_eq!(app.analysis().plan().cloned(), plan);
}

#[test]
fn fixing_a_broken_edit_closes_the_diagnostics_and_applies_the_fix() {
    let mut app = tui_fixture::app(tui_fixture::profile());
    app.update(reload(&broken()));
    assert!(app.diagnostics.is_some());
    app.update(reload(&shorter_advanced_sql()));
    assert!(app.diagnostics.is_none());
    let catalog = app.catalog_data();
    let advanced = catalog.credential("sql-advanced").expect("still there");
    assert_eq!(catalog.credentials[advanced].hours, 4.0);
}

#[test]
fn a_target_role_removed_by_an_edit_comes_back_when_restored() {
    let mut app = tui_fixture::app(tui_fixture::profile());
    let start = tui_fixture::CATALOG
        .find("[[role]]\nid = \"data-analyst\"")
        .expect("the role");
    let end = start
        + tui_fixture::CATALOG[start..]
            .find("[[role]]\nid = \"reporting-analyst\"")
            .expect("the next role");
    let without = format!(
        "{}{}",
        &tui_fixture::CATALOG[..start],
        &tui_fixture::CATALOG[end..]
    );
    app.update(reload(&without));
    assert_eq!(app.analysis().role(), None);
    assert_eq!(
        app.current_profile().target_role.as_deref(),
        Some("data-analyst"),
        "the profile still names it"
    );
    app.update(reload(tui_fixture::CATALOG));
    assert!(app.analysis().plan().is_some());
}

/// Waits for the watcher's next message.
fn next_reload(inbox: &mpsc::Receiver<Msg>) -> Reload {
    let deadline = Instant::now() + Duration::from_secs(10);
    let left = deadline.saturating_duration_since(Instant::now());
    match inbox.recv_timeout(left) {
        Ok(Msg::CatalogChanged(reload)) => *reload,
        other => panic!("expected a reload, got {other:?}"),
    }
}

#[test]
fn the_watcher_reloads_a_saved_file_once_it_settles() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("catalog.toml");
    std::fs::write(&path, tui_fixture::CATALOG).expect("write the catalog");
    let (inbox, messages) = mpsc::channel();
    let _watcher = CatalogWatcher::start(&path, inbox).expect("watching starts");

    // Several writes in quick succession make one reload.
    std::fs::write(&path, broken()).expect("write");
    std::fs::write(&path, shorter_advanced_sql()).expect("write");
    let Reload::Loaded { catalog, .. } = next_reload(&messages) else {
        panic!("the last write loads");
    };
    let advanced = catalog.credential("sql-advanced").expect("there");
    assert_eq!(catalog.credentials[advanced].hours, 4.0);

    // An editor that saves by renaming a new file over the old one.
    let temporary = dir.path().join(".catalog.toml.swp");
    std::fs::write(&temporary, broken()).expect("write");
    std::fs::rename(&temporary, &path).expect("rename");
    assert!(matches!(next_reload(&messages), Reload::Broken(_)));
    assert!(
        messages.recv_timeout(Duration::from_millis(600)).is_err(),
        "one save, one reload"
    );
}
