//! Planning in the background: the app hands solves out as jobs and takes the answers back.
//! A stale answer (asked for a profile since changed) is dropped, a quick unproven plan shows
//! until the proof arrives, and the real worker answers on its own threads.

mod tui_fixture;

use std::sync::mpsc;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use skillpath::profile::Profile;
use skillpath::tui::{
    Answer, App, Job, Msg, Outcome, Progress, Screen, Solved, Task, Worker, solve_now,
};

/// Solves `job` as the worker would, to the end, and hands back the message.
fn answer(job: &Job) -> Msg {
    Msg::PlanReady(Box::new(solve_now(job)))
}

fn only_job(app: &mut App) -> Job {
    let mut jobs = app.take_jobs();
    assert_eq!(jobs.len(), 1, "{jobs:?}");
    jobs.remove(0)
}

fn press(app: &mut App, code: KeyCode) {
    if let Some(msg) = app.handle_key(&KeyEvent::new(code, KeyModifiers::NONE)) {
        app.update(msg);
    }
}

#[test]
fn the_plan_is_asked_for_and_shown_when_it_arrives() {
    let mut app = tui_fixture::background_app(tui_fixture::profile());
    assert_eq!(app.analysis().outcome, Outcome::Planning);
    let screen = tui_fixture::screen_text(&app, 120, 36);
    assert!(screen.contains("Planning…"), "{screen}");
    assert!(
        screen.contains("ana → Data Analyst · planning…"),
        "the tab bar says so too:\n{screen}"
    );

    let job = only_job(&mut app);
    let Task::Target(request) = &job.task else {
        panic!("the target's plan first, got {job:?}");
    };
    assert_eq!(
        app.catalog_data().roles[request.role].id,
        "data-analyst".to_string()
    );
    app.update(answer(&job));
    assert!(matches!(app.analysis().outcome, Outcome::Planned(_)));
    assert_eq!(app.analysis().progress, Progress::Settled);
    assert!(!app.planning());
    let screen = tui_fixture::screen_text(&app, 80, 24);
    assert!(screen.contains("optimal (proven)"), "{screen}");
}

#[test]
fn a_stale_answer_is_dropped_and_the_old_plan_waits_marked_replanning() {
    let mut app = tui_fixture::background_app(tui_fixture::profile());
    let first = only_job(&mut app);
    app.update(answer(&first));
    let before = app.analysis().plan().cloned().expect("a plan");

    // Statistics to 3: the statistics courses leave the plan once it is re-solved.
    app.update(Msg::SetSkillLevel {
        skill: "statistics".into(),
        level: 3,
    });
    let second = only_job(&mut app);
    assert!(second.generation > first.generation);
    assert_eq!(app.analysis().progress, Progress::Replanning);
    assert_eq!(
        app.analysis().plan(),
        Some(&before),
        "the old plan stays meanwhile"
    );
    let screen = tui_fixture::screen_text(&app, 80, 24);
    assert!(screen.contains("re-planning…"), "{screen}");

    // The answer to the first job arrives late: it is for a profile no longer current.
    app.update(answer(&first));
    assert_eq!(app.analysis().progress, Progress::Replanning);

    app.update(answer(&second));
    assert_eq!(app.analysis().progress, Progress::Settled);
    let after = app.analysis().plan().expect("a new plan");
    assert!(after.totals.hours < before.totals.hours);
}

#[test]
fn a_quick_unproven_plan_shows_its_bound_until_the_proof_arrives() {
    let mut app = tui_fixture::background_app(tui_fixture::profile());
    let job = only_job(&mut app);
    let proven = solve_now(&job);
    let Answer::Target { plan: Ok(plan), .. } = &proven.answer else {
        panic!("a plan, got {proven:?}");
    };
    let mut best_so_far = plan.clone();
    best_so_far.optimal = false;
    best_so_far.lower_bound = plan.value - 10.0;
    let quick = Solved {
        generation: job.generation,
        answer: Answer::Target {
            plan: Ok(best_so_far),
            proving: true,
        },
    };

    app.update(Msg::PlanReady(Box::new(quick.clone())));
    assert_eq!(app.analysis().progress, Progress::Proving);
    assert!(app.planning());
    let screen = tui_fixture::screen_text(&app, 120, 36);
    let bound = format!("best so far, bound {:.1} · proving…", plan.value - 10.0);
    assert!(screen.contains(&bound), "{screen}");

    app.update(Msg::PlanReady(Box::new(proven)));
    assert_eq!(app.analysis().progress, Progress::Settled);
    assert!(app.analysis().plan().is_some_and(|p| p.optimal));

    // A quick answer that arrives after the proof never replaces it.
    app.update(Msg::PlanReady(Box::new(quick)));
    assert!(app.analysis().plan().is_some_and(|p| p.optimal));
}

#[test]
fn roles_asks_for_each_preview_once_and_shows_it() {
    let mut app = tui_fixture::background_app(Profile::new("newcomer"));
    let first = only_job(&mut app);
    assert!(matches!(first.task, Task::Preview(_)), "{first:?}");
    app.update(answer(&first));
    press(&mut app, KeyCode::Down);
    let job = only_job(&mut app);
    let Task::Preview(request) = &job.task else {
        panic!("a preview, got {job:?}");
    };
    let role = request.role;
    assert_eq!(app.roles.selected_role(), Some(role));
    let screen = tui_fixture::screen_text(&app, 100, 30);
    assert!(screen.contains("planning…"), "{screen}");

    app.update(answer(&job));
    let screen = tui_fixture::screen_text(&app, 100, 30);
    assert!(!screen.contains("planning…"), "{screen}");
    assert!(screen.contains("credentials"), "{screen}");

    // Back and forth: both previews are known now.
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Down);
    assert!(app.take_jobs().is_empty());
}

#[test]
fn nearest_first_waits_for_the_ranking_without_blocking() {
    let mut app = tui_fixture::background_app(tui_fixture::profile());
    app.take_jobs();
    app.update(Msg::ShowScreen(Screen::Roles));
    press(&mut app, KeyCode::Char('n'));
    let job = only_job(&mut app);
    assert!(matches!(job.task, Task::Rank(_)), "{job:?}");
    assert!(!app.roles.ranked());
    let screen = tui_fixture::screen_text(&app, 80, 24);
    assert!(screen.contains("ranking…"), "{screen}");

    app.update(answer(&job));
    assert!(app.roles.ranked());
    let catalog = app.catalog_data();
    let last = app
        .roles
        .visible_roles()
        .last()
        .map(|&r| catalog.roles[r].id.as_str());
    assert_eq!(last, Some("computational-chemist"));
}

#[test]
fn the_worker_answers_on_its_own_threads() {
    let (inbox, answers) = mpsc::channel();
    let worker = Worker::spawn(inbox).expect("threads start");
    let mut app = tui_fixture::background_app(tui_fixture::profile());
    for job in app.take_jobs() {
        assert!(worker.submit(job));
    }
    let deadline = Instant::now() + Duration::from_secs(10);
    while app.planning() {
        let left = deadline.saturating_duration_since(Instant::now());
        let msg = answers
            .recv_timeout(left)
            .expect("an answer within the time limit");
        assert!(matches!(msg, Msg::PlanReady(_)), "{msg:?}");
        app.update(msg);
    }
    assert!(app.analysis().plan().is_some_and(|p| p.optimal));
}
