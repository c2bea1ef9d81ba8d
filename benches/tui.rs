//! Keystroke to frame on a 20,000-credential generated catalog: map the key, update (which
//! re-plans when the profile changes) and draw to a test backend. A table of percentiles is
//! printed first, since a p95 is what a person feels; criterion then measures each kind.
//!
//! "(background)" runs the app as the binary does: solves and catalog searches go to other
//! threads (solves are dropped here, since they run on another core) and the frame is drawn at
//! once with the last answer. A search keystroke is timed to its frame; then, untimed, the
//! search thread's answer is awaited, as it has come by the next key of a person typing (a
//! search takes tens of milliseconds, a keystroke a hundred or more). "until the list" times
//! that wait too, and the frame that shows the answer: how long the list takes to follow.
//! "(inline)" searches inside the keystroke, as before the search thread existed.

mod common;

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::percentile;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use skillpath::catalog::synthetic::{Spec, generate};
use skillpath::profile::Profile;
use skillpath::tui::{App, Msg, PickerKind, Screen, Setup, Theme};
use time::{Date, Month};

fn app(catalog: &Arc<skillpath::catalog::Catalog>, background: bool) -> App {
    let catalog = Arc::clone(catalog);
    let mut profile = Profile::new("bench");
    profile.target_role = catalog.roles.first().map(|r| r.id.clone());
    let setup = Setup {
        theme: Theme::new(true),
        today: Date::from_calendar_date(2026, Month::March, 2).expect("a date"),
        profile_names: vec!["bench".into()],
        save_problem: None,
    };
    if background {
        App::in_background(catalog, profile, setup)
    } else {
        App::new(catalog, profile, setup)
    }
}

fn draw(app: &App, terminal: &mut Terminal<TestBackend>) {
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .expect("draws");
}

/// Whether and how a keystroke waits for the search thread's answer.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Settle {
    No,
    /// After the keystroke's frame, outside the time measured.
    Untimed,
    /// Until the frame that shows the answer, inside the time measured.
    Timed,
}

/// One keystroke, as the run loop handles it, then a frame (and the answer, per `settle`).
/// Returns the time measured.
fn keystroke(
    app: &mut App,
    terminal: &mut Terminal<TestBackend>,
    code: KeyCode,
    settle: Settle,
) -> Duration {
    let started = Instant::now();
    if let Some(msg) = app.handle_key(&KeyEvent::new(code, KeyModifiers::NONE)) {
        black_box(app.update(msg));
    }
    black_box(app.take_jobs());
    draw(app, terminal);
    let frame = started.elapsed();
    if settle != Settle::No && app.wait_for_search(Duration::from_secs(5)) {
        draw(app, terminal);
    }
    match settle {
        Settle::Timed => started.elapsed(),
        Settle::No | Settle::Untimed => frame,
    }
}

struct Scenario {
    name: &'static str,
    screen: Screen,
    background: bool,
    settle: Settle,
    /// Keys, cycled; only those marked true are timed (the others set up the next one).
    keys: Vec<(KeyCode, bool)>,
}

/// From an empty search, a first letter: each a fresh search, since the one before was
/// deleted and a different letter shares none of its work.
fn first_letters() -> Vec<(KeyCode, bool)> {
    "aesdpm"
        .chars()
        .flat_map(|c| [(KeyCode::Char(c), true), (KeyCode::Backspace, false)])
        .collect()
}

/// The letters after the first of a few words, then deleting them.
fn next_letters() -> Vec<(KeyCode, bool)> {
    let mut keys = Vec::new();
    for word in ["data", "sql", "cloud", "manage"] {
        for (i, c) in word.chars().enumerate() {
            keys.push((KeyCode::Char(c), i > 0));
        }
        keys.extend(word.chars().map(|_| (KeyCode::Backspace, false)));
    }
    keys
}

fn scenarios() -> Vec<Scenario> {
    let search = |name, background, settle, keys| Scenario {
        name,
        screen: Screen::Catalog,
        background,
        settle,
        keys,
    };
    vec![
        Scenario {
            name: "move on pathway",
            screen: Screen::Pathway,
            background: true,
            settle: Settle::No,
            keys: vec![(KeyCode::Down, true), (KeyCode::Up, true)],
        },
        // `+` then `-` on the gap screen: each changes a level and re-plans.
        Scenario {
            name: "change a level (re-plan inline)",
            screen: Screen::Gap,
            background: false,
            settle: Settle::No,
            keys: vec![(KeyCode::Char('+'), true), (KeyCode::Char('-'), true)],
        },
        Scenario {
            name: "change a level (background)",
            screen: Screen::Gap,
            background: true,
            settle: Settle::No,
            keys: vec![(KeyCode::Char('+'), true), (KeyCode::Char('-'), true)],
        },
        search(
            "search: first letter (background)",
            true,
            Settle::Untimed,
            first_letters(),
        ),
        search(
            "search: next letters (background)",
            true,
            Settle::Untimed,
            next_letters(),
        ),
        search(
            "search: first letter, until the list",
            true,
            Settle::Timed,
            first_letters(),
        ),
        search(
            "search: next letters, until the list",
            true,
            Settle::Timed,
            next_letters(),
        ),
        Scenario {
            name: "picker of credentials: first letter (background)",
            screen: Screen::Profile,
            background: true,
            settle: Settle::Untimed,
            keys: first_letters(),
        },
        Scenario {
            name: "picker of credentials: next letters (background)",
            screen: Screen::Profile,
            background: true,
            settle: Settle::Untimed,
            keys: next_letters(),
        },
        search(
            "search: first letter (inline)",
            false,
            Settle::No,
            first_letters(),
        ),
        search(
            "search: next letters (inline)",
            false,
            Settle::No,
            next_letters(),
        ),
    ]
}

fn prepare(
    catalog: &Arc<skillpath::catalog::Catalog>,
    scenario: &Scenario,
) -> (App, Terminal<TestBackend>) {
    let mut app = app(catalog, scenario.background);
    app.update(Msg::ShowScreen(scenario.screen));
    match scenario.screen {
        Screen::Catalog => drop(app.update(Msg::StartTyping)),
        // "Add a credential you hold": a picker over every credential.
        Screen::Profile => drop(app.update(Msg::OpenPicker(PickerKind::HeldCredential))),
        _ => {}
    }
    let terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
    (app, terminal)
}

fn print_table(catalog: &Arc<skillpath::catalog::Catalog>) {
    println!(
        "{:<50} {:>3}  {:>6}  {:>6}  {:>6}",
        "keystroke to frame, 20,000 credentials, 120x40", "n", "p50 ms", "p95 ms", "max ms"
    );
    for scenario in scenarios() {
        let (mut app, mut terminal) = prepare(catalog, &scenario);
        let mut times = Vec::new();
        let mut i = 0;
        while times.len() < 200 {
            let (code, timed) = scenario.keys[i % scenario.keys.len()];
            let took = keystroke(&mut app, &mut terminal, code, scenario.settle);
            if timed {
                times.push(took.as_secs_f64() * 1e3);
            }
            i += 1;
        }
        times.sort_by(f64::total_cmp);
        println!(
            "{:<50} {:>3}  {:>6.2}  {:>6.2}  {:>6.2}",
            scenario.name,
            times.len(),
            percentile(&times, 0.5),
            percentile(&times, 0.95),
            times[times.len() - 1]
        );
    }
}

fn bench(c: &mut Criterion) {
    let catalog = Arc::new(generate(&Spec::sized(20_000, 4, 20, 1)));
    print_table(&catalog);
    let mut group = c.benchmark_group("keystroke_to_frame_20k");
    group.sample_size(20);
    for scenario in scenarios() {
        let (mut app, mut terminal) = prepare(&catalog, &scenario);
        let mut i = 0;
        group.bench_function(scenario.name, |b| {
            b.iter(|| {
                let (code, _) = scenario.keys[i % scenario.keys.len()];
                black_box(keystroke(&mut app, &mut terminal, code, scenario.settle));
                i += 1;
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
