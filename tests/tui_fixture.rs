//! A small catalog and profile for the TUI tests, written out here so the snapshots do not
//! move when other fixtures or the bundled catalog change. Included by the `tui_*` tests with
//! `mod tui_fixture;`; on its own it is an empty test crate.
#![allow(dead_code)]

use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use skillpath::catalog::Catalog;
use skillpath::catalog::load::load_sources;
use skillpath::catalog::source::SourceFile;
use skillpath::profile::Profile;
use skillpath::tui::{App, Setup, Theme};
use time::{Date, Month};

pub const CATALOG: &str = r#"
[catalog]
name = "TUI test catalog"
currency = "USD"

[[skill]]
id = "sql"
name = "SQL"
aliases = ["structured query language"]

[[skill]]
id = "statistics"
name = "Statistics"

[[skill]]
id = "spreadsheets"
name = "Spreadsheets"
aliases = ["excel"]

[[skill]]
id = "data-visualization"
name = "Data visualization"
aliases = ["dataviz", "charts"]

[[skill]]
id = "python"
name = "Python"

[[skill]]
id = "communication"
name = "Communication"
category = "soft"

[[skill]]
id = "machine-learning"
name = "Machine learning"

[[skill]]
id = "quantum-chemistry"
name = "Quantum chemistry"

[[credential]]
id = "spreadsheets-101"
title = "Spreadsheets 101"
provider = "Open Learning"
hours = 8
cost = 0
grants = { spreadsheets = 2 }

[[credential]]
id = "sql-basics"
title = "SQL for Data Analysis"
provider = "Example University"
hours = 20
cost = 49
url = "https://example.org/sql-basics"
grants = { sql = 2 }

[[credential]]
id = "sql-advanced"
title = "Advanced SQL"
provider = "Example University"
hours = 24
cost = 99
requires = ["sql-basics"]
grants = { sql = 3 }

[[credential]]
id = "stats-intro"
title = "Intro to Statistics"
provider = "Open Learning"
hours = 30
cost = 0
grants = { statistics = 2 }

[[credential]]
id = "stats-applied"
title = "Applied Statistics"
provider = "DataCo Academy"
hours = 25
cost = 150
requires_any = [["stats-intro", "python-basics"]]
grants = { statistics = 3 }

[[credential]]
id = "python-basics"
title = "Python Basics"
provider = "DataCo Academy"
hours = 15
cost = 39
grants = { python = 2, statistics = 1 }

[[credential]]
id = "viz-essentials"
title = "Data Visualization Essentials"
provider = "Open Learning"
hours = 12
cost = 0
requires_skills = { spreadsheets = 1 }
grants = { data-visualization = 2 }

[[credential]]
id = "analytics-cert"
title = "Data Analytics Certificate"
provider = "Example University"
kind = "stack"
hours = 10
cost = 120
parts = ["sql-advanced", "viz-essentials"]
grants = { data-visualization = 3, communication = 2 }

[[credential]]
id = "ml-foundations"
title = "Machine Learning Foundations"
provider = "DataCo Academy"
hours = 40
cost = 300
requires = ["python-basics"]
grants = { machine-learning = 3 }

[[role]]
id = "data-analyst"
title = "Data Analyst"
description = "Turns data into decisions."
requires = { sql = 3, statistics = 3, data-visualization = { level = 3, importance = 5 } }
optional = { python = 2 }

[[role]]
id = "reporting-analyst"
title = "Reporting Analyst"
description = "Builds the reports a business runs on."
requires = { spreadsheets = 2, data-visualization = 2, communication = { level = 2, importance = 4 } }

[[role]]
id = "ml-engineer"
title = "Machine Learning Engineer"
requires = { python = 2, machine-learning = 3, statistics = { level = 3, importance = 4 } }

[[role]]
id = "computational-chemist"
title = "Computational Chemist"
requires = { quantum-chemistry = 4, python = 2 }
"#;

pub fn catalog() -> Arc<Catalog> {
    let loaded = load_sources(&[SourceFile::new("tui-fixture.toml", CATALOG)]);
    let errors: Vec<String> = loaded.errors().map(|d| d.render(false)).collect();
    match loaded.catalog {
        Some(catalog) => Arc::new(catalog),
        None => panic!("the TUI fixture catalog must load:\n{}", errors.join("\n")),
    }
}

/// Ana knows some SQL and spreadsheets, holds Spreadsheets 101, and aims at Data Analyst.
pub fn profile() -> Profile {
    let mut profile = Profile::new("ana");
    profile.target_role = Some("data-analyst".into());
    profile.skills.insert("sql".into(), 1);
    profile.skills.insert("statistics".into(), 1);
    profile.done.insert("spreadsheets-101".into());
    profile.hours_per_week = 6.0;
    profile
}

pub fn today() -> Date {
    Date::from_calendar_date(2026, Month::March, 2).expect("a valid date")
}

pub fn setup(color: bool) -> Setup {
    Setup {
        theme: Theme::new(color),
        today: today(),
        profile_names: vec!["ana".into(), "ben".into()],
        save_problem: None,
    }
}

pub fn app(profile: Profile) -> App {
    App::new(catalog(), profile, setup(false))
}

/// The app as `skillpath` runs it: solves wait in [`App::take_jobs`] for a worker.
pub fn background_app(profile: Profile) -> App {
    App::in_background(catalog(), profile, setup(false))
}

/// The app drawn on a test terminal, as text, one line per row.
pub fn screen_text(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .expect("drawing never fails on a test backend");
    let buffer = terminal.backend().buffer();
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
