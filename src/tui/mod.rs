//! The terminal app. `skillpath` with no command opens it on the bundled catalog (or
//! `--catalog PATH`) and the last used profile (or `--profile NAME`).
//!
//! Shape: [`App`] holds the state; keys become a [`Msg`] through pure `handle_key`
//! functions; [`App::update`] applies it and returns a [`Cmd`] for side effects, which
//! [`Effects`] performs; every screen draws itself read-only. The `session` module owns the
//! terminal and restores it on a quit, Ctrl-C, SIGTERM or a panic.

mod analysis;
mod app;
mod broken_profile;
mod chrome;
mod context;
mod edit;
mod effects;
mod export;
mod format;
mod global_keys;
mod keymap;
mod list;
mod msg;
mod picker;
mod planner;
mod reload;
mod runner;
pub mod screens;
mod search;
mod search_thread;
mod session;
mod signals;
mod theme;
mod timeline;
mod watch;
mod widgets;
mod worker;

pub use analysis::{Analysis, Outcome, Progress};
pub use app::{App, Setup, Status};
pub use broken_profile::BrokenProfile;
pub use chrome::{MIN_HEIGHT, MIN_WIDTH};
pub use effects::Effects;
pub use msg::{Cmd, Export, InputKind, Msg, PickerKind, ReportFiles};
pub use planner::{Answer, Job, Solved, Task, solve_now};
pub use reload::{DiagnosticsOverlay, Reload};
pub use runner::TEST_PANIC_ENV;
pub use screens::Screen;
pub use theme::Theme;
pub use watch::CatalogWatcher;
pub use worker::Worker;

use std::path::PathBuf;
use std::sync::Arc;

use crate::catalog::load;
use crate::profile::{Profile, ProfileError, ProfileStore};

/// How `skillpath` (no command) was started.
#[derive(Debug, Clone, Default)]
pub struct TuiOptions {
    /// A catalog file or directory; the bundled catalog when `None`.
    pub catalog: Option<PathBuf>,
    /// A saved profile's name; the last used one (or `default`) when `None`.
    pub profile: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    /// The catalog has errors; the rendered diagnostics follow.
    #[error("the catalog has errors:\n{0}")]
    Catalog(String),
    #[error(transparent)]
    Profile(#[from] ProfileError),
    #[error("terminal error: {0}")]
    Io(#[from] std::io::Error),
}

/// The profile opened when none is named and none was used before.
pub const DEFAULT_PROFILE: &str = "default";

/// Runs the TUI until the person quits.
pub fn run(options: TuiOptions) -> Result<(), TuiError> {
    let loaded = match &options.catalog {
        Some(path) => load::load_path(path),
        None => load::load_bundled(),
    };
    let Some(catalog) = loaded.catalog else {
        let color = Theme::from_env().color;
        let rendered: Vec<String> = loaded.diagnostics.iter().map(|d| d.render(color)).collect();
        return Err(TuiError::Catalog(rendered.join("\n")));
    };
    let store = ProfileStore::open_default()?;
    let profile_names = store.list().unwrap_or_default();
    let name = options
        .profile
        .or_else(|| store.last_used())
        .unwrap_or_else(|| DEFAULT_PROFILE.to_string());
    let (profile, save_problem) = open_profile(&store, &name)?;

    let setup = Setup {
        theme: Theme::from_env(),
        today: time::OffsetDateTime::now_utc().date(),
        profile_names,
        save_problem,
    };
    let mut app = App::in_background(Arc::new(catalog), profile, setup);
    let export_dir = std::env::current_dir().unwrap_or_else(|_| store.dir().join("exports"));
    let mut effects = Effects::new(store, export_dir);
    let watch = options.catalog.as_deref();
    let stop = signals::StopSignals::register()?;
    let mut session = session::Session::start()?;
    let lost = app.run(session.terminal(), &mut effects, watch, &stop)?;
    // Printed once the terminal is back, where the person can read it.
    drop(session);
    if let Some(lost) = lost {
        eprintln!("warning: {lost}");
    }
    Ok(())
}

/// The named profile; a new one if there is none by that name. A profile that cannot be read
/// opens empty with the reason, and is never written over.
pub fn open_profile(
    store: &ProfileStore,
    name: &str,
) -> Result<(Profile, Option<String>), TuiError> {
    match store.load(name) {
        Ok(profile) => Ok((profile, None)),
        Err(ProfileError::NotFound { .. }) => Ok((Profile::new(name), None)),
        Err(error @ ProfileError::InvalidName { .. }) => Err(error.into()),
        Err(error) => Ok((
            Profile::new(name),
            Some(format!(
                "{error}. The file is left as it was and changes here are not saved."
            )),
        )),
    }
}

/// Runs the TUI for the binary: errors go to stderr, and the exit code follows cli.md (1 for
/// an invalid catalog or profile).
pub fn launch(options: TuiOptions) -> std::process::ExitCode {
    match run(options) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            std::process::ExitCode::from(1)
        }
    }
}
