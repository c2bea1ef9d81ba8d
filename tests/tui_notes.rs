//! Advisor notes on the Profile screen: added with today's date, deleted, saved with the
//! profile, and never part of anything exported for the client.

mod tui_fixture;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use skillpath::profile::{Note, Profile};
use skillpath::tui::{App, Cmd, Msg, Screen};

const PRIVATE: &str = "Client is anxious about cost; said salary is 41k";

fn press(app: &mut App, code: KeyCode) -> Vec<Cmd> {
    let mut cmds = Vec::new();
    if let Some(msg) = app.handle_key(&KeyEvent::new(code, KeyModifiers::NONE)) {
        cmds.extend(app.update(msg));
    }
    cmds
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn saved(cmds: &[Cmd]) -> Option<&Profile> {
    cmds.iter().find_map(|cmd| match cmd {
        Cmd::SaveProfile(profile) => Some(profile.as_ref()),
        _ => None,
    })
}

fn with_note() -> Profile {
    let mut profile = tui_fixture::profile();
    profile.notes.push(Note::new("2026-02-20", PRIVATE));
    profile
}

#[test]
fn n_adds_a_note_dated_today_and_saves_it_without_replanning() {
    let mut app = tui_fixture::background_app(tui_fixture::profile());
    app.take_jobs();
    app.update(Msg::ShowScreen(Screen::Profile));
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "  ");
    assert!(
        press(&mut app, KeyCode::Enter).is_empty(),
        "an empty note is refused"
    );
    type_text(&mut app, "prefers evening classes");
    let cmds = press(&mut app, KeyCode::Enter);
    let profile = saved(&cmds).expect("the note is saved with the profile");
    assert_eq!(
        profile.notes,
        vec![Note::new("2026-03-02", "prefers evening classes")]
    );
    assert!(app.take_jobs().is_empty(), "a note does not re-plan");
    assert_eq!(
        app.profile.selected_note().map(|n| n.text.as_str()),
        Some("prefers evening classes"),
        "the cursor is on the new note"
    );
    let screen = tui_fixture::screen_text(&app, 100, 36);
    assert!(screen.contains("Advisor notes (private)"), "{screen}");
    assert!(screen.contains("2026-03-02"), "{screen}");
}

#[test]
fn d_on_a_note_deletes_it() {
    let mut app = tui_fixture::app(with_note());
    app.update(Msg::ShowScreen(Screen::Profile));
    press(&mut app, KeyCode::End);
    assert_eq!(
        app.profile.selected_note().map(|n| n.text.as_str()),
        Some(PRIVATE)
    );
    let screen = tui_fixture::screen_text(&app, 120, 36);
    assert!(screen.contains("Note of 2026-02-20 (private)"), "{screen}");
    let cmds = press(&mut app, KeyCode::Char('d'));
    assert!(saved(&cmds).is_some_and(|p| p.notes.is_empty()));
    assert!(app.current_profile().notes.is_empty());
}

#[test]
fn no_export_contains_a_note() {
    let mut app = tui_fixture::app(with_note());
    let Some(Cmd::Export(export)) = app.update(Msg::ExportPlan) else {
        panic!("a plan to export");
    };
    for (format, text) in [("Markdown", &export.markdown), ("JSON", &export.json)] {
        assert!(!text.is_empty());
        assert!(!text.contains("anxious"), "{format} leaks a note:\n{text}");
        assert!(
            !text.contains("2026-02-20"),
            "{format} leaks a note's date:\n{text}"
        );
    }
}
