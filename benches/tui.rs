//! Keystroke to frame on a 20,000-credential generated catalog: map the key, update (which
//! re-plans when the profile changes) and draw to a test backend. A table of percentiles is
//! printed first, since a p95 is what a person feels; criterion then measures each kind.
//! "(background)" runs the app as the binary does: the solve goes to a worker thread (here
//! dropped, since it runs on another core) and the frame is drawn at once with the last plan.

use std::hint::black_box;
use std::sync::Arc;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use skillpath::catalog::synthetic::{Spec, generate};
use skillpath::profile::Profile;
use skillpath::tui::{App, Msg, Screen, Setup, Theme};
use time::{Date, Month};

fn app(background: bool) -> App {
    let catalog = Arc::new(generate(&Spec::sized(20_000, 4, 20, 1)));
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

/// One keystroke, as the run loop handles it, then a frame.
fn keystroke(app: &mut App, terminal: &mut Terminal<TestBackend>, code: KeyCode) {
    if let Some(msg) = app.handle_key(&KeyEvent::new(code, KeyModifiers::NONE)) {
        black_box(app.update(msg));
    }
    black_box(app.take_jobs());
    terminal
        .draw(|frame| frame.render_widget(&*app, frame.area()))
        .expect("draws");
}

/// Keys for one kind of keystroke, cycling so the state keeps changing.
fn scenario(name: &str) -> (Screen, Vec<KeyCode>) {
    match name {
        "move on pathway" => (Screen::Pathway, vec![KeyCode::Down, KeyCode::Up]),
        "type in catalog search" => (
            Screen::Catalog,
            vec![
                KeyCode::Char('s'),
                KeyCode::Char('k'),
                KeyCode::Backspace,
                KeyCode::Backspace,
            ],
        ),
        // `+` then `-` on the gap screen: each changes a level and re-plans.
        _ => (Screen::Gap, vec![KeyCode::Char('+'), KeyCode::Char('-')]),
    }
}

const SCENARIOS: [&str; 4] = [
    "move on pathway",
    "type in catalog search",
    "change a level (re-plan)",
    "change a level (background)",
];

fn prepare(name: &str) -> (App, Terminal<TestBackend>, Vec<KeyCode>) {
    let mut app = app(name.ends_with("(background)"));
    let (screen, keys) = scenario(name);
    app.update(Msg::ShowScreen(screen));
    if screen == Screen::Catalog {
        app.update(Msg::StartTyping);
    }
    let terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
    (app, terminal, keys)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn print_table() {
    println!("keystroke to frame, 20,000 credentials, 120x40   n   p50 ms  p95 ms  max ms");
    for name in SCENARIOS {
        let (mut app, mut terminal, keys) = prepare(name);
        let mut times = Vec::new();
        for i in 0..200 {
            let started = Instant::now();
            keystroke(&mut app, &mut terminal, keys[i % keys.len()]);
            times.push(started.elapsed().as_secs_f64() * 1e3);
        }
        times.sort_by(f64::total_cmp);
        println!(
            "{name:<47} {:>3}  {:>6.2}  {:>6.2}  {:>6.2}",
            times.len(),
            percentile(&times, 0.5),
            percentile(&times, 0.95),
            times[times.len() - 1]
        );
    }
}

fn bench(c: &mut Criterion) {
    print_table();
    let mut group = c.benchmark_group("keystroke_to_frame_20k");
    group.sample_size(20);
    for name in SCENARIOS {
        let (mut app, mut terminal, keys) = prepare(name);
        let mut i = 0;
        group.bench_function(name, |b| {
            b.iter(|| {
                keystroke(&mut app, &mut terminal, keys[i % keys.len()]);
                i += 1;
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
