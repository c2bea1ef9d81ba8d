//! Screen logic without a terminal: feed keys and messages, check the state and the commands
//! the app hands back.

mod tui_fixture;

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

#[test]
fn excluding_the_selected_step_replans_without_it() {
    let mut app = tui_fixture::app(tui_fixture::profile());
    app.update(Msg::ShowScreen(Screen::Pathway));
    let first = step_ids(&app)[0].clone();
    let cmds = press(&mut app, KeyCode::Char('x'));
    let profile = saved(&cmds).expect("an exclusion is saved");
    assert!(profile.exclude.contains(&first));
    assert!(!step_ids(&app).contains(&first));
}

#[test]
fn excluding_a_provider_drops_all_its_credentials() {
    let mut app = tui_fixture::app(tui_fixture::profile());
    app.update(Msg::ShowScreen(Screen::Pathway));
    // Select "Python Basics" (DataCo Academy), then exclude its provider.
    let provider = |app: &App| {
        app.pathway.selected_step().map(|s| {
            app.catalog_data().credentials[s.credential]
                .provider
                .clone()
        })
    };
    for _ in 0..10 {
        if provider(&app).as_deref() == Some("DataCo Academy") {
            break;
        }
        press(&mut app, KeyCode::Down);
    }
    assert_eq!(provider(&app).as_deref(), Some("DataCo Academy"));
    let cmds = press(&mut app, KeyCode::Char('X'));
    assert!(saved(&cmds).is_some_and(|p| p.exclude_providers.contains("DataCo Academy")));
    let catalog = app.catalog_data();
    let plan = app
        .analysis()
        .plan()
        .expect("still plannable without DataCo");
    assert!(
        plan.steps
            .iter()
            .all(|s| catalog.credentials[s.credential].provider != "DataCo Academy")
    );
}

#[test]
fn the_objective_cycles_and_the_plan_follows() {
    let mut app = tui_fixture::app(tui_fixture::profile());
    app.update(Msg::ShowScreen(Screen::Pathway));
    let cmds = press(&mut app, KeyCode::Char('o'));
    assert_eq!(saved(&cmds).map(|p| p.objective), Some(Objective::Cost));
    assert_eq!(
        app.analysis().plan().map(|p| p.objective),
        Some(Objective::Cost)
    );
}

#[test]
fn export_hands_back_markdown_and_json_of_the_plan() {
    let mut app = tui_fixture::app(tui_fixture::profile());
    app.update(Msg::ShowScreen(Screen::Pathway));
    let cmds = press(&mut app, KeyCode::Char('e'));
    let Some(Cmd::Export(export)) = cmds.first() else {
        panic!("e exports, got {cmds:?}");
    };
    assert_eq!(export.stem, "skillpath-ana-data-analyst");
    assert!(export.markdown.contains("# Pathway to Data Analyst"));
    assert!(export.markdown.contains("week 1 starts 2026-03-02"));
    let json: serde_json::Value = serde_json::from_str(&export.json).expect("valid JSON");
    assert_eq!(json["role"], "data-analyst");
    assert_eq!(
        json["steps"].as_array().map(Vec::len),
        Some(step_ids(&app).len())
    );
}

#[test]
fn export_without_a_target_explains_instead() {
    let mut app = new_person();
    let cmd = app.update(Msg::ExportPlan);
    assert_eq!(cmd, None);
    let status = app.status.as_ref().expect("a status message");
    assert!(
        status.error && status.text.contains("choose a target role"),
        "{status:?}"
    );
}

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
fn effects_save_load_and_export_through_the_store() {
    let home = tempfile::tempdir().expect("a temporary directory");
    let store = ProfileStore::at(home.path());
    let mut effects = Effects::new(store, home.path().join("out"));

    let profile = tui_fixture::profile();
    assert_eq!(
        effects.perform(Cmd::SaveProfile(Box::new(profile.clone()))),
        None
    );
    assert_eq!(effects.store().last_used().as_deref(), Some("ana"));
    assert_eq!(
        effects.perform(Cmd::LoadProfile("ana".into())),
        Some(Msg::ProfileLoaded(Box::new(profile)))
    );

    let corrupt = effects.store().path_of("broken");
    std::fs::write(&corrupt, "name = = \"x\"\n").expect("write a corrupt profile");
    let Some(Msg::NotifyError(error)) = effects.perform(Cmd::LoadProfile("broken".into())) else {
        panic!("a corrupt profile is an error");
    };
    assert!(error.contains("broken.toml"), "{error}");
    let save = effects.perform(Cmd::SaveProfile(Box::new(Profile::new("broken"))));
    assert!(matches!(save, Some(Msg::SaveFailed(_))));
    assert_eq!(
        std::fs::read_to_string(&corrupt).expect("still there"),
        "name = = \"x\"\n"
    );

    let mut app = tui_fixture::app(tui_fixture::profile());
    let Some(Cmd::Export(export)) = app.update(Msg::ExportPlan) else {
        panic!("a plan to export");
    };
    let Some(Msg::Notify(text)) = effects.perform(Cmd::Export(export)) else {
        panic!("the export succeeds");
    };
    let markdown = home.path().join("out/skillpath-ana-data-analyst.md");
    assert!(text.contains(&markdown.display().to_string()), "{text}");
    assert!(markdown.is_file());
    assert!(
        home.path()
            .join("out/skillpath-ana-data-analyst.json")
            .is_file()
    );
}

#[test]
fn an_unreadable_profile_opens_empty_with_the_reason() {
    let home = tempfile::tempdir().expect("a temporary directory");
    let store = ProfileStore::at(home.path());
    let path = store.path_of("ana");
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("create profiles dir");
    std::fs::write(&path, "[skills]\nsql = 9\n").expect("write");
    let (profile, problem) = skillpath::tui::open_profile(&store, "ana").expect("opens");
    assert_eq!(profile, Profile::new("ana"));
    let problem = problem.expect("the reason is kept");
    assert!(
        problem.contains("ana.toml") && problem.contains("not saved"),
        "{problem}"
    );

    let (_, problem) = skillpath::tui::open_profile(&store, "nobody").expect("a new profile");
    assert_eq!(problem, None);
    assert!(skillpath::tui::open_profile(&store, "../etc").is_err());
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
