//! Catalog search as the app runs it, on a thread of its own: the frame shows what was typed
//! at once, the list says it is searching, then shows exactly what a search in place finds.

mod tui_fixture;

use std::sync::Arc;
use std::time::Duration;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use skillpath::catalog::synthetic::{Spec, generate};
use skillpath::profile::Profile;
use skillpath::tui::{App, Msg, PickerKind, Screen};

fn apps() -> (App, App) {
    let catalog = Arc::new(generate(&Spec::sized(2_000, 3, 10, 7)));
    let setup = tui_fixture::setup(false);
    let profile = Profile::new("ana");
    let mut inline = App::new(Arc::clone(&catalog), profile.clone(), setup.clone());
    let mut background = App::in_background(catalog, profile, setup);
    for app in [&mut inline, &mut background] {
        app.update(Msg::ShowScreen(Screen::Catalog));
        app.update(Msg::StartTyping);
    }
    (inline, background)
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        let msg = app.handle_key(&key).expect("a letter is typed");
        app.update(msg);
    }
}

fn screen(app: &App) -> String {
    tui_fixture::screen_text(app, 120, 30)
}

#[test]
fn the_typed_query_shows_at_once_and_the_list_follows_with_the_same_matches() {
    let (mut inline, mut background) = apps();
    type_text(&mut inline, "data");
    type_text(&mut background, "data");

    let typed = screen(&background);
    assert!(typed.contains("Search: data"), "{typed}");
    assert!(
        background.catalog.searching,
        "waiting for the search thread"
    );
    assert!(typed.contains("searching…"), "{typed}");

    assert!(
        background.wait_for_search(Duration::from_secs(10)),
        "the answer comes"
    );
    assert!(!background.catalog.searching);
    let found = screen(&background);
    assert_eq!(found, screen(&inline), "the same list as a search in place");
    assert!(!found.contains("searching…"));
}

#[test]
fn only_the_newest_query_is_answered() {
    let (mut inline, mut background) = apps();
    type_text(&mut background, "sq");
    // Deleting and typing on before the first answer is taken: that answer is stale.
    for code in [KeyCode::Backspace, KeyCode::Backspace] {
        let msg = background
            .handle_key(&KeyEvent::new(code, KeyModifiers::NONE))
            .expect("Backspace deletes");
        background.update(msg);
    }
    type_text(&mut background, "cloud");
    type_text(&mut inline, "cloud");
    assert!(background.wait_for_search(Duration::from_secs(10)));
    // A stale answer arriving late changes nothing.
    std::thread::sleep(Duration::from_millis(50));
    assert!(!background.take_search_answers());
    assert_eq!(screen(&background), screen(&inline));
}

#[test]
fn clearing_the_search_shows_everything_at_once() {
    let (inline, mut background) = apps();
    type_text(&mut background, "d");
    background.update(Msg::Cancel);
    assert!(!background.catalog.searching, "no wait for an empty query");
    assert_eq!(screen(&background), screen(&inline));
}

#[test]
fn a_long_picker_searches_on_its_thread_too() {
    let (mut inline, mut background) = apps();
    for app in [&mut inline, &mut background] {
        app.update(Msg::ShowScreen(Screen::Profile));
        app.update(Msg::OpenPicker(PickerKind::HeldCredential));
        type_text(app, "data");
    }
    let typed = screen(&background);
    assert!(typed.contains("searching…"), "{typed}");
    assert!(background.wait_for_search(Duration::from_secs(10)));
    assert_eq!(screen(&background), screen(&inline));
}
