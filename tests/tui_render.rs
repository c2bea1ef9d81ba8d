//! Rendering: one snapshot per screen at 80x24 and at 120x36, buffers with their styles where
//! colour carries the meaning, and no panic at tiny sizes.

mod tui_fixture;

use insta::{assert_debug_snapshot, assert_snapshot};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::widgets::Widget;
use skillpath::profile::Profile;
use skillpath::tui::{App, Msg, Screen};

fn draw(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .expect("drawing never fails on a test backend");
    terminal.backend().buffer().clone()
}

fn text(buffer: &Buffer) -> String {
    let area = buffer.area;
    (area.top()..area.bottom())
        .map(|y| {
            let line: String = (area.left()..area.right())
                .map(|x| buffer[(x, y)].symbol())
                .collect();
            line.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A region of a drawn buffer, styles included, for debug snapshots.
fn region(buffer: &Buffer, area: Rect) -> Buffer {
    let mut out = Buffer::empty(area);
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            out[(x, y)] = buffer[(x, y)].clone();
        }
    }
    out
}

fn on(screen: Screen) -> App {
    let mut app = tui_fixture::app(tui_fixture::profile());
    app.update(Msg::ShowScreen(screen));
    app
}

#[test]
fn every_screen_at_80_by_24() {
    for screen in Screen::ALL {
        let name = format!("80x24_{}", screen.title().to_lowercase());
        assert_snapshot!(name, text(&draw(&on(screen), 80, 24)));
    }
}

#[test]
fn every_screen_at_120_by_36() {
    for screen in Screen::ALL {
        let name = format!("120x36_{}", screen.title().to_lowercase());
        assert_snapshot!(name, text(&draw(&on(screen), 120, 36)));
    }
}

#[test]
fn a_first_visit_shows_the_search_and_a_welcome() {
    let app = tui_fixture::app(Profile::new("newcomer"));
    let screen = text(&draw(&app, 80, 24));
    assert!(screen.contains("Search: ▏"), "{screen}");
    assert!(screen.contains("Type part of a role's name"), "{screen}");
    assert_snapshot!("first_visit", screen);
}

#[test]
fn screens_without_a_target_say_how_to_choose_one() {
    let mut app = tui_fixture::app(Profile::new("newcomer"));
    for screen in [Screen::Gap, Screen::Pathway, Screen::Graph] {
        app.update(Msg::ShowScreen(screen));
        let drawn = text(&draw(&app, 80, 24));
        assert!(
            drawn.contains("press 1") || drawn.contains("Press 1"),
            "{drawn}"
        );
    }
}

#[test]
fn an_uncoverable_skill_is_marked_on_gap_and_pathway() {
    let mut profile = tui_fixture::profile();
    profile.target_role = Some("computational-chemist".into());
    let mut app = tui_fixture::app(profile);
    app.update(Msg::ShowScreen(Screen::Gap));
    let gap = text(&draw(&app, 80, 24));
    assert!(gap.contains("✗ uncoverable (best 0)"), "{gap}");
    app.update(Msg::ShowScreen(Screen::Pathway));
    let pathway = text(&draw(&app, 80, 24));
    assert!(
        pathway.contains("No credential closes: Quantum chemistry (needs 4, best 0)"),
        "{pathway}"
    );
}

#[test]
fn the_help_overlay_lists_the_screens_keys_and_the_global_ones() {
    let mut app = on(Screen::Pathway);
    app.update(Msg::ToggleHelp);
    let screen = text(&draw(&app, 100, 40));
    for description in [
        "exclude the selected credential and re-plan",
        "export this plan as Markdown and JSON",
        "go to a screen by its number in the tab bar",
        "quit (your profile is already saved)",
    ] {
        assert!(
            screen.contains(description),
            "{description} missing:\n{screen}"
        );
    }
    assert_snapshot!("help_pathway", screen);
}

#[test]
fn the_profile_pickers_draw_over_the_screen() {
    let mut app = on(Screen::Profile);
    app.update(Msg::OpenPicker(skillpath::tui::PickerKind::Skill));
    app.update(Msg::Type('d'));
    app.update(Msg::Type('a'));
    assert_snapshot!("profile_skill_picker", text(&draw(&app, 80, 24)));
}

#[test]
fn a_terminal_too_small_gets_a_message_not_a_broken_layout() {
    let app = on(Screen::Pathway);
    let screen = text(&draw(&app, 40, 10));
    assert!(screen.contains("Terminal too small"), "{screen}");
    assert!(screen.contains("40×10"), "{screen}");
}

#[test]
fn no_panic_at_tiny_sizes() {
    for screen in Screen::ALL {
        let mut app = on(screen);
        for (width, height) in [(0, 0), (1, 1), (20, 5), (60, 15), (61, 16)] {
            draw(&app, width, height);
            app.update(Msg::ToggleHelp);
            draw(&app, width, height);
            app.update(Msg::ToggleHelp);
        }
    }
}

#[test]
fn gap_bars_carry_colour() {
    let mut app = App::new(
        tui_fixture::catalog(),
        tui_fixture::profile(),
        tui_fixture::setup(true),
    );
    app.update(Msg::ShowScreen(Screen::Gap));
    let buffer = draw(&app, 80, 24);
    // The header row and the three skill rows of the table.
    assert_debug_snapshot!("gap_bars_colour", region(&buffer, Rect::new(1, 4, 50, 4)));
}

#[test]
fn the_selected_role_is_highlighted() {
    let mut app = App::new(
        tui_fixture::catalog(),
        tui_fixture::profile(),
        tui_fixture::setup(true),
    );
    app.update(Msg::ShowScreen(Screen::Roles));
    app.update(Msg::SelectNext);
    let buffer = draw(&app, 80, 24);
    assert_debug_snapshot!(
        "roles_selection_colour",
        region(&buffer, Rect::new(1, 4, 30, 3))
    );
}

#[test]
fn no_color_draws_without_colours() {
    for screen in Screen::ALL {
        let buffer = draw(&on(screen), 80, 24);
        for cell in buffer.content() {
            assert_eq!(
                (cell.fg, cell.bg),
                (Color::Reset, Color::Reset),
                "{screen:?}"
            );
        }
    }
}

#[test]
fn the_widget_renders_into_any_buffer_area() {
    // Rendering at an offset (as inside a larger frame) must stay inside its area.
    let app = on(Screen::Roles);
    let mut buffer = Buffer::empty(Rect::new(0, 0, 100, 30));
    (&app).render(Rect::new(10, 3, 80, 24), &mut buffer);
    assert_eq!(buffer[(5, 5)].symbol(), " ");
}
