//! The Compare screen and the handover report, through keys and the planner's answers: roles
//! side by side, the target's fastest / cheapest / fewest pathways, and a report written
//! without the advisor's notes.

mod tui_fixture;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use skillpath::profile::{Note, ProfileStore};
use skillpath::tui::{App, Cmd, Effects, Job, Msg, Screen, Task, solve_now};

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

/// Solves every job the app asked for, as the worker would, in order.
fn settle(app: &mut App) -> Vec<Cmd> {
    let mut cmds = Vec::new();
    loop {
        let jobs = app.take_jobs();
        if jobs.is_empty() {
            return cmds;
        }
        for job in jobs {
            cmds.extend(app.update(Msg::PlanReady(Box::new(solve_now(&job)))));
        }
    }
}

fn on_compare() -> App {
    let mut app = tui_fixture::background_app(tui_fixture::profile());
    settle(&mut app);
    press(&mut app, KeyCode::Char('7'));
    assert_eq!(app.screen, Screen::Compare);
    app
}

fn compared_roles(job: &Job, app: &App) -> Vec<String> {
    let Task::CompareRoles { roles, .. } = &job.task else {
        panic!("a comparison of roles, got {job:?}");
    };
    roles
        .iter()
        .map(|&r| app.catalog_data().roles[r].id.clone())
        .collect()
}

#[test]
fn comparisons_are_solved_only_for_a_person_looking_at_them() {
    let mut app = tui_fixture::background_app(tui_fixture::profile());
    settle(&mut app);
    assert!(app.take_jobs().is_empty());
    press(&mut app, KeyCode::Char('7'));
    let jobs = app.take_jobs();
    assert_eq!(jobs.len(), 1);
    assert_eq!(compared_roles(&jobs[0], &app), ["data-analyst"]);
    let screen = tui_fixture::screen_text(&app, 100, 30);
    assert!(screen.contains("Comparing…"), "{screen}");
}

#[test]
fn a_role_added_by_search_is_compared_beside_the_target() {
    let mut app = on_compare();
    let alone = app.take_jobs();
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "reporting");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.compare.others, ["reporting-analyst"]);
    let jobs = app.take_jobs();
    assert_eq!(
        compared_roles(&jobs[0], &app),
        ["data-analyst", "reporting-analyst"]
    );

    // The answer for the target alone comes late: it is not what the screen shows now.
    app.update(Msg::PlanReady(Box::new(solve_now(&alone[0]))));
    let screen = tui_fixture::screen_text(&app, 120, 36);
    assert!(screen.contains("Comparing…"), "{screen}");

    app.update(Msg::PlanReady(Box::new(solve_now(&jobs[0]))));
    let screen = tui_fixture::screen_text(&app, 120, 36);
    assert!(screen.contains("★ Data Analyst"), "{screen}");
    assert!(screen.contains("Reporting Analyst"), "{screen}");
    assert!(screen.contains("Fit now"), "{screen}");
    // Both pathways need the visualization course.
    assert!(
        screen.contains("Data Visualization Essentials  on Data Analyst, Reporting Analyst"),
        "{screen}"
    );

    // The new column is selected: d removes it; the target cannot be removed.
    press(&mut app, KeyCode::Char('d'));
    assert!(app.compare.others.is_empty());
    press(&mut app, KeyCode::Char('d'));
    assert!(app.status.as_ref().is_some_and(|s| s.error));
}

#[test]
fn t_shows_the_fastest_cheapest_and_fewest_pathways_of_the_target() {
    let mut app = on_compare();
    settle(&mut app);
    press(&mut app, KeyCode::Char('t'));
    let jobs = app.take_jobs();
    assert!(matches!(jobs[0].task, Task::Tradeoff(_)), "{jobs:?}");
    app.update(Msg::PlanReady(Box::new(solve_now(&jobs[0]))));
    let screen = tui_fixture::screen_text(&app, 120, 36);
    for column in ["Fastest", "Cheapest", "Fewest credentials"] {
        assert!(screen.contains(column), "{screen}");
    }
    // The cheapest pathway costs no more than the fastest.
    let tradeoff = match &app.compare.tradeoff {
        skillpath::tui::screens::compare::Slot::Ready(Ok(tradeoff)) => tradeoff,
        other => panic!("a trade-off, got {other:?}"),
    };
    assert!(tradeoff.cheapest.totals.cost <= tradeoff.fastest.totals.cost);
    assert!(tradeoff.fastest.totals.hours <= tradeoff.cheapest.totals.hours);
}

#[test]
fn a_profile_change_asks_for_the_comparison_again() {
    let mut app = on_compare();
    settle(&mut app);
    app.update(Msg::SetSkillLevel {
        skill: "statistics".into(),
        level: 3,
    });
    let kinds: Vec<bool> = app
        .take_jobs()
        .iter()
        .map(|j| matches!(j.task, Task::CompareRoles { .. }))
        .collect();
    assert!(kinds.contains(&true), "{kinds:?}");
}

#[test]
fn r_writes_the_handover_report_without_the_advisors_notes() {
    let mut profile = tui_fixture::profile();
    profile
        .notes
        .push(Note::new("2026-02-20", "Client is anxious about cost"));
    let mut app = tui_fixture::background_app(profile);
    app.update(Msg::ShowScreen(Screen::Pathway));
    assert!(press(&mut app, KeyCode::Char('r')).is_empty());
    assert!(
        app.status.as_ref().is_some_and(|s| s.error),
        "no report while planning"
    );
    settle(&mut app);

    assert!(press(&mut app, KeyCode::Char('r')).is_empty());
    let cmds = settle(&mut app);
    let Some(Cmd::WriteReport(report)) = cmds.first() else {
        panic!("the report is written once its alternatives are known: {cmds:?}");
    };
    assert_eq!(report.stem, "skillpath-report-ana-data-analyst");
    assert!(
        report.markdown.contains("Data Analyst"),
        "{}",
        report.markdown
    );
    assert!(report.html.starts_with("<!DOCTYPE html>"));
    for text in [&report.markdown, &report.html] {
        assert!(!text.contains("anxious"), "a note leaks:\n{text}");
    }

    let home = tempfile::tempdir().expect("a temporary directory");
    let mut effects = Effects::new(ProfileStore::at(home.path()), home.path().join("out"));
    let Some(Msg::Notify(text)) = effects.perform(cmds[0].clone()) else {
        panic!("the report is written");
    };
    let html = home
        .path()
        .join("out/skillpath-report-ana-data-analyst.html");
    assert!(text.contains(&html.display().to_string()), "{text}");
    assert!(html.is_file());
    assert!(
        home.path()
            .join("out/skillpath-report-ana-data-analyst.md")
            .is_file()
    );
}
