//! Watching the catalog's files: when the person edits them in their own editor, the catalog
//! is loaded again on a thread of its own and handed to the app as
//! [`Msg::CatalogChanged`]. Only a catalog given as `--catalog PATH` is watched; the bundled
//! one cannot change.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::Duration;

use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use crate::catalog::load;
use crate::catalog::source::{self, SourceFile};
use crate::tui::msg::Msg;
use crate::tui::reload::Reload;

/// Editors save in several steps (write a temporary file, rename it over the old one, touch
/// it): a reload waits until the files have been quiet this long.
pub const DEBOUNCE: Duration = Duration::from_millis(200);

/// Watches for as long as it lives.
pub struct CatalogWatcher {
    // Dropping the watcher closes the channel, which ends the reload thread.
    _watcher: RecommendedWatcher,
}

impl std::fmt::Debug for CatalogWatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CatalogWatcher")
    }
}

impl CatalogWatcher {
    /// Watches `path` (a catalog file or directory) and sends every reload to `inbox`.
    pub fn start(path: &Path, inbox: Sender<Msg>) -> Result<Self, String> {
        let path = path.to_path_buf();
        let relevant = Relevant::for_catalog(&path);
        let (changes, changed) = mpsc::channel();
        let mut watcher = notify::recommended_watcher(move |event: notify::Result<Event>| {
            if event.is_ok_and(|event| relevant.matches(&event)) {
                // The reload thread has gone only when the app is closing.
                let _ = changes.send(());
            }
        })
        .map_err(|e| e.to_string())?;
        // A file is watched through its directory: an editor that saves by renaming a new file
        // over the old one would otherwise leave the watch on a deleted file.
        let (watched, mode) = if path.is_dir() {
            (path.clone(), RecursiveMode::Recursive)
        } else {
            let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
            (
                parent.map_or_else(|| PathBuf::from("."), Path::to_path_buf),
                RecursiveMode::NonRecursive,
            )
        };
        watcher
            .watch(&watched, mode)
            .map_err(|e| format!("cannot watch {}: {e}", watched.display()))?;
        let current = source::read_path(&path).ok();
        thread::Builder::new()
            .name("skillpath-watch".into())
            .spawn(move || reload_on_change(&path, current, &changed, &inbox))
            .map_err(|e| e.to_string())?;
        Ok(Self { _watcher: watcher })
    }
}

/// Which file events concern the catalog.
struct Relevant {
    /// A single catalog file, matched by name; `None` for a directory of `*.toml`.
    file: Option<std::ffi::OsString>,
}

impl Relevant {
    fn for_catalog(path: &Path) -> Self {
        Self {
            file: (!path.is_dir())
                .then(|| path.file_name().map(|n| n.to_os_string()))
                .flatten(),
        }
    }

    fn matches(&self, event: &Event) -> bool {
        // Reading a file (ours included) is not a change.
        if matches!(event.kind, EventKind::Access(_)) {
            return false;
        }
        event.paths.iter().any(|path| match &self.file {
            Some(name) => path.file_name() == Some(name.as_os_str()),
            None => {
                path.extension().is_some_and(|ext| ext == "toml")
                    && !path
                        .file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            }
        })
    }
}

/// Waits for changes, lets them settle, and sends a reload when the files' text changed.
fn reload_on_change(
    path: &Path,
    mut current: Option<Vec<SourceFile>>,
    changed: &Receiver<()>,
    inbox: &Sender<Msg>,
) {
    while changed.recv().is_ok() {
        loop {
            match changed.recv_timeout(DEBOUNCE) {
                Ok(()) => continue,
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        let reload = match source::read_path(path) {
            // Saved without a change (or touched): nothing to reload.
            Ok(sources) if current.as_ref() == Some(&sources) => continue,
            Ok(sources) => {
                let reload = Reload::of(load::load_sources(&sources));
                current = Some(sources);
                reload
            }
            Err(diagnostic) => {
                current = None;
                Reload::Broken(vec![diagnostic])
            }
        };
        if inbox.send(Msg::CatalogChanged(Box::new(reload))).is_err() {
            return;
        }
    }
}
