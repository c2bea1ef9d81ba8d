//! Switching between profiles, and never saving over one that could not be read.

use super::*;

#[test]
fn profiles_switch_and_new_ones_are_created_by_name() {
    let mut app = tui_fixture::app(tui_fixture::profile());
    app.update(Msg::ShowScreen(Screen::Profile));
    press(&mut app, KeyCode::Char('p'));
    type_text(&mut app, "ben");
    let cmds = press(&mut app, KeyCode::Enter);
    assert_eq!(cmds, vec![Cmd::LoadProfile("ben".into())]);

    app.update(Msg::OpenInput(skillpath::tui::InputKind::NewProfile));
    type_text(&mut app, "client 7");
    assert!(
        press(&mut app, KeyCode::Enter).is_empty(),
        "a space is not allowed in a name"
    );
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "-7");
    let cmds = press(&mut app, KeyCode::Enter);
    let profile = saved(&cmds).expect("the new profile is saved");
    assert_eq!(profile.name, "client-7");
    assert!(profile.skills.is_empty());
    assert_eq!(app.current_profile().name, "client-7");
}

#[test]
fn a_profile_that_could_not_be_read_is_never_saved_over() {
    let mut setup = tui_fixture::setup(false);
    setup.save_problem = Some("ana.toml:3:1: invalid profile".into());
    let mut app = App::new(tui_fixture::catalog(), Profile::new("ana"), setup);
    // The panel naming the broken file comes first; Esc carries on.
    assert!(app.broken_profile.is_some());
    app.update(Msg::Cancel);
    let cmd = app.update(Msg::SetSkillLevel {
        skill: "sql".into(),
        level: 2,
    });
    assert_eq!(cmd, None, "no save while the file on disk is unreadable");
    assert_eq!(
        app.current_profile().skills.get("sql"),
        Some(&2),
        "still re-plans"
    );
    // Starting a new profile lifts the block.
    let cmd = app.update(Msg::CreateProfile("ana-2".into()));
    assert!(matches!(cmd, Some(Cmd::SaveProfile(_))));
}
