//! Screen logic without a terminal: feed keys and messages, check the state and the commands
//! the app hands back.

#[path = "../tui_fixture.rs"]
mod tui_fixture;

mod effects;
mod navigation;
mod pathway;
mod profile;
mod profiles;
mod roles;

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;
use skillpath::plan::Objective;
use skillpath::profile::{Profile, ProfileStore};
use skillpath::tui::{App, Cmd, Effects, Msg, Outcome, Screen};

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// Presses a key as the run loop would: map it, update, and collect the commands.
fn press(app: &mut App, code: KeyCode) -> Vec<Cmd> {
    let mut cmds = Vec::new();
    if let Some(msg) = app.handle_key(&key(code)) {
        cmds.extend(app.update(msg));
    }
    cmds
}

fn type_text(app: &mut App, text: &str) -> Vec<Cmd> {
    text.chars()
        .flat_map(|c| press(app, KeyCode::Char(c)))
        .collect()
}

fn saved(cmds: &[Cmd]) -> Option<&Profile> {
    cmds.iter().rev().find_map(|cmd| match cmd {
        Cmd::SaveProfile(profile) => Some(profile.as_ref()),
        _ => None,
    })
}

fn step_ids(app: &App) -> Vec<String> {
    let catalog = app.catalog_data();
    app.analysis()
        .plan()
        .map(|plan| {
            plan.steps
                .iter()
                .map(|s| catalog.credentials[s.credential].id.clone())
                .collect()
        })
        .unwrap_or_default()
}

fn new_person() -> App {
    tui_fixture::app(Profile::new("newcomer"))
}
