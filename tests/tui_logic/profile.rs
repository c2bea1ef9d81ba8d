//! The Profile screen: skills and levels, pickers, hours per week.

use super::*;

#[test]
fn adding_a_skill_by_an_alias_and_raising_levels_replans() {
    let mut app = tui_fixture::app(tui_fixture::profile());
    app.update(Msg::ShowScreen(Screen::Profile));

    press(&mut app, KeyCode::Char('a'));
    assert!(app.profile.modal.is_some(), "a opens the skill search");
    type_text(&mut app, "excel");
    let cmds = press(&mut app, KeyCode::Enter);
    assert_eq!(
        saved(&cmds).and_then(|p| p.skills.get("spreadsheets")),
        Some(&1)
    );
    assert!(app.profile.modal.is_none());

    // The cursor follows the new skill, so + raises it.
    let cmds = press(&mut app, KeyCode::Char('+'));
    assert_eq!(
        saved(&cmds).and_then(|p| p.skills.get("spreadsheets")),
        Some(&2)
    );

    // Statistics 1 -> 3 closes that gap: its two courses leave the plan.
    assert!(step_ids(&app).contains(&"stats-applied".to_string()));
    let statistics = Some(skillpath::tui::screens::profile::Row::Skill(
        "statistics".into(),
    ));
    for _ in 0..10 {
        if app.profile.selected_row() == statistics {
            break;
        }
        press(&mut app, KeyCode::Down);
    }
    assert_eq!(app.profile.selected_row(), statistics);
    press(&mut app, KeyCode::Char('+'));
    let cmds = press(&mut app, KeyCode::Char('+'));
    assert_eq!(
        saved(&cmds).and_then(|p| p.skills.get("statistics")),
        Some(&3)
    );
    let steps = step_ids(&app);
    assert!(!steps.contains(&"stats-applied".to_string()), "{steps:?}");
    assert!(!steps.contains(&"python-basics".to_string()), "{steps:?}");
    // Levels stop at 5 and at 1.
    for _ in 0..5 {
        press(&mut app, KeyCode::Char('+'));
    }
    assert_eq!(app.current_profile().skills.get("statistics"), Some(&5));
}

#[test]
fn a_new_skill_starts_at_level_one() {
    let mut app = tui_fixture::app(tui_fixture::profile());
    app.update(Msg::ShowScreen(Screen::Profile));
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "pyth");
    let cmds = press(&mut app, KeyCode::Enter);
    assert_eq!(saved(&cmds).and_then(|p| p.skills.get("python")), Some(&1));
}

#[test]
fn escape_closes_a_picker_without_changing_anything() {
    let mut app = tui_fixture::app(tui_fixture::profile());
    app.update(Msg::ShowScreen(Screen::Profile));
    press(&mut app, KeyCode::Char('c'));
    type_text(&mut app, "adv");
    let cmds = press(&mut app, KeyCode::Esc);
    assert!(cmds.is_empty());
    assert!(app.profile.modal.is_none());
    assert_eq!(app.current_profile(), &tui_fixture::profile());
}

#[test]
fn hours_per_week_are_typed_and_checked() {
    let mut app = tui_fixture::app(tui_fixture::profile());
    app.update(Msg::ShowScreen(Screen::Profile));
    app.update(Msg::OpenInput(skillpath::tui::InputKind::HoursPerWeek));
    type_text(&mut app, "lots");
    let cmds = press(&mut app, KeyCode::Enter);
    assert!(cmds.is_empty(), "nonsense is not saved");
    assert!(
        app.profile.modal.is_some(),
        "the box stays open with the reason"
    );

    for _ in 0..4 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "12");
    let cmds = press(&mut app, KeyCode::Enter);
    assert_eq!(saved(&cmds).map(|p| p.hours_per_week), Some(12.0));
    let weeks = app.analysis().plan().map(|p| p.totals.weeks);
    assert!(
        weeks.is_some_and(|w| w < 18),
        "more hours a week, fewer weeks: {weeks:?}"
    );
}
