//! Moving between screens: tabs, numbers, help, clicks, the catalog search, the gap screen's
//! keys, and which messages outlive a screen change.

use super::*;

#[test]
fn tab_and_numbers_move_between_screens() {
    let mut app = tui_fixture::app(tui_fixture::profile());
    assert_eq!(
        app.screen,
        Screen::Pathway,
        "a returning person lands on their pathway"
    );
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.screen, Screen::Graph);
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.screen, Screen::Gap);
    press(&mut app, KeyCode::Char('6'));
    assert_eq!(app.screen, Screen::Catalog);
}

#[test]
fn help_opens_and_any_closing_key_closes_it() {
    let mut app = tui_fixture::app(tui_fixture::profile());
    press(&mut app, KeyCode::Char('?'));
    assert!(app.help_open);
    // Keys do nothing else while help is open.
    press(&mut app, KeyCode::Char('x'));
    assert!(app.current_profile().exclude.is_empty());
    press(&mut app, KeyCode::Esc);
    assert!(!app.help_open);
}

#[test]
fn clicking_a_tab_or_a_row_selects_it() {
    let app = tui_fixture::app(tui_fixture::profile());
    let area = Rect::new(0, 0, 80, 24);
    let click = |column, row| {
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    // " 1 Roles " then " 2 Profile " then " 3 Gap ".
    assert_eq!(
        app.handle_event(&click(23, 0), area),
        Some(Msg::ShowScreen(Screen::Gap))
    );

    let mut app = app;
    app.update(Msg::ShowScreen(Screen::Roles));
    // Roles panel: border at row 1, search at 2, blank at 3, first role at 4.
    assert_eq!(app.handle_event(&click(5, 5), area), Some(Msg::Select(1)));
    let scroll = Event::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 5,
        row: 5,
        modifiers: KeyModifiers::NONE,
    });
    assert_eq!(app.handle_event(&scroll, area), Some(Msg::SelectNext));
}

#[test]
fn catalog_search_finds_credentials_and_h_marks_one_held() {
    let mut app = tui_fixture::app(tui_fixture::profile());
    press(&mut app, KeyCode::Char('6'));
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "advanced sql");
    press(&mut app, KeyCode::Enter);
    let cmds = press(&mut app, KeyCode::Char('h'));
    assert!(saved(&cmds).is_some_and(|p| p.done.contains("sql-advanced")));
}

#[test]
fn plus_on_the_gap_screen_raises_the_selected_skill() {
    let mut app = tui_fixture::app(tui_fixture::profile());
    press(&mut app, KeyCode::Char('3'));
    // First requirement of Data Analyst in skill order is SQL (held at 1).
    let cmds = press(&mut app, KeyCode::Char('+'));
    assert_eq!(saved(&cmds).and_then(|p| p.skills.get("sql")), Some(&2));
    press(&mut app, KeyCode::Char('-'));
    let cmds = press(&mut app, KeyCode::Char('-'));
    assert!(saved(&cmds).is_some_and(|p| !p.skills.contains_key("sql")));
}

#[test]
fn a_hint_goes_with_its_screen_but_an_error_stays() {
    let mut app = new_person();
    type_text(&mut app, "data anal");
    press(&mut app, KeyCode::Enter);
    assert!(
        app.status
            .as_ref()
            .is_some_and(|s| s.text.contains("Press 2"))
    );
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(app.status, None);

    app.update(Msg::NotifyError("Not saved: disk full".into()));
    press(&mut app, KeyCode::Tab);
    assert!(app.status.as_ref().is_some_and(|s| s.error));
}
