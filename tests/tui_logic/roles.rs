//! The Roles screen: searching for a role, making it the target, sorting nearest first.

use super::*;

#[test]
fn a_first_visit_types_straight_into_the_role_search() {
    let mut app = new_person();
    assert_eq!(app.screen, Screen::Roles);
    // `q` is text here, not quit.
    type_text(&mut app, "mach");
    assert!(app.running);
    let catalog = app.catalog_data();
    let titles: Vec<&str> = app
        .roles
        .visible_roles()
        .iter()
        .map(|&r| catalog.roles[r].title.as_str())
        .collect();
    assert_eq!(titles.first(), Some(&"Machine Learning Engineer"));
}

#[test]
fn slash_in_the_open_role_search_is_the_search_key_not_text() {
    let mut app = new_person();
    assert!(app.roles.search.typing, "the app opens on the role search");
    type_text(&mut app, "/mach");
    assert_eq!(app.roles.search.text, "mach");
    assert!(
        !app.roles.visible_roles().is_empty(),
        "\"mach\" matches a role"
    );
    // Past the first character a slash is text, as in "AI/ML".
    type_text(&mut app, "/");
    assert_eq!(app.roles.search.text, "mach/");
}

#[test]
fn enter_makes_the_role_the_target_replans_saves_and_shows_the_pathway() {
    let mut app = new_person();
    type_text(&mut app, "data anal");
    let cmds = press(&mut app, KeyCode::Enter);
    let profile = saved(&cmds).expect("choosing a role saves the profile");
    assert_eq!(profile.target_role.as_deref(), Some("data-analyst"));
    assert_eq!(app.screen, Screen::Pathway);
    assert!(matches!(app.analysis().outcome, Outcome::Planned(_)));
    assert!(!step_ids(&app).is_empty());
    assert!(!app.roles.search.typing, "the search lets go of the keys");
}

#[test]
fn a_role_can_be_found_by_a_skill_it_requires() {
    let mut app = new_person();
    type_text(&mut app, "quantum");
    let catalog = app.catalog_data();
    let first = app
        .roles
        .visible_roles()
        .first()
        .map(|&r| catalog.roles[r].id.clone());
    assert_eq!(first.as_deref(), Some("computational-chemist"));
}

#[test]
fn escape_stops_typing_so_letters_are_commands_again() {
    let mut app = new_person();
    type_text(&mut app, "x");
    press(&mut app, KeyCode::Esc);
    assert!(!app.roles.search.typing);
    press(&mut app, KeyCode::Char('q'));
    assert!(!app.running);
}

#[test]
fn nearest_first_sorts_roles_by_the_least_to_learn() {
    let mut app = tui_fixture::app(tui_fixture::profile());
    app.update(Msg::ShowScreen(Screen::Roles));
    press(&mut app, KeyCode::Char('n'));
    let catalog = app.catalog_data();
    let order: Vec<&str> = app
        .roles
        .visible_roles()
        .iter()
        .map(|&r| catalog.roles[r].id.as_str())
        .collect();
    // The chemist needs a skill no credential teaches: always last.
    assert_eq!(order.last(), Some(&"computational-chemist"));
    assert_eq!(order.len(), 4);
}
