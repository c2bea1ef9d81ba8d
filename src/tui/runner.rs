//! The event loop: draw, wait for a key, a click or an answer from the background planner,
//! map it to a message, update, perform the command. Solves run on the worker's threads, so
//! waiting polls the terminal with a short timeout and then takes whatever the worker sent.
//! A request to stop from outside (SIGTERM) ends the loop as a quit does.

use std::io;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};
use ratatui::layout::Rect;

use crate::tui::app::App;
use crate::tui::effects::Effects;
use crate::tui::msg::Msg;
use crate::tui::signals::StopSignals;
use crate::tui::watch::CatalogWatcher;
use crate::tui::worker::Worker;

/// How long to wait for a terminal event before looking for the worker's answers: short
/// enough that a plan shows within a frame or two of being solved.
const POLL_INTERVAL: Duration = Duration::from_millis(16);

/// Test hook, for the pseudo-terminal tests only: when set, the first key press panics, so
/// that they can see the terminal restored and the message printed after a panic.
pub const TEST_PANIC_ENV: &str = "SKILLPATH_TEST_PANIC";

impl App {
    /// Runs until the person quits or a stop signal arrives. `watch` is the catalog file or
    /// directory to reload when it changes (`None` for the bundled catalog). Returns what the
    /// person must read once the terminal is back: why their last changes are not saved.
    pub fn run(
        &mut self,
        terminal: &mut DefaultTerminal,
        effects: &mut Effects,
        watch: Option<&Path>,
        stop: &StopSignals,
    ) -> io::Result<Option<String>> {
        let (inbox_sender, inbox) = mpsc::channel();
        let worker = Worker::spawn(inbox_sender.clone())?;
        let _watcher = watch.and_then(|path| match CatalogWatcher::start(path, inbox_sender) {
            Ok(watcher) => Some(watcher),
            Err(error) => {
                self.update(Msg::NotifyError(format!(
                    "Catalog edits will not reload by themselves: {error}"
                )));
                None
            }
        });
        let waiting = Arc::new(AtomicBool::new(false));
        let _watchdog = stop.watch(Arc::clone(&waiting))?;
        let panic_on_key = std::env::var_os(TEST_PANIC_ENV).is_some();
        let mut redraw = true;
        while self.running && !stop.received() {
            for job in self.take_jobs() {
                if !worker.submit(job) {
                    self.update(Msg::NotifyError(
                        "The planner stopped; plans no longer update. Restart skillpath.".into(),
                    ));
                }
            }
            if redraw {
                terminal.draw(|frame| frame.render_widget(&*self, frame.area()))?;
            }
            waiting.store(true, Ordering::Relaxed);
            let waited = self.wait(terminal, &inbox, panic_on_key);
            waiting.store(false, Ordering::Relaxed);
            let (messages, terminal_event) = waited?;
            // Any terminal event redraws: a resize has no message but needs a new frame.
            redraw = terminal_event || !messages.is_empty();
            redraw |= self.take_search_answers();
            for msg in messages {
                self.dispatch(msg, effects);
            }
        }
        Ok(self.finish(effects))
    }

    /// The last save, if the one before failed; and why changes are lost, if they are.
    fn finish(&mut self, effects: &mut Effects) -> Option<String> {
        if let Some(save) = self.pending_save()
            && let Some(failed) = effects.perform(save)
        {
            self.update(failed);
        }
        self.unsaved
            .as_ref()
            .map(|reason| format!("your latest changes were not saved: {reason}"))
    }

    /// The message of the next terminal event, if one comes within the poll interval, then
    /// everything the worker has sent; and whether a terminal event came.
    fn wait(
        &self,
        terminal: &DefaultTerminal,
        inbox: &Receiver<Msg>,
        panic_on_key: bool,
    ) -> io::Result<(Vec<Msg>, bool)> {
        let mut messages = Vec::new();
        let terminal_event = match event::poll(POLL_INTERVAL) {
            Ok(ready) => ready,
            // A signal arrived while waiting: the loop looks at it next.
            Err(error) if error.kind() == io::ErrorKind::Interrupted => false,
            Err(error) => return Err(error),
        };
        if terminal_event {
            let event = event::read()?;
            if panic_on_key && matches!(event, Event::Key(_)) {
                panic!("{TEST_PANIC_ENV} is set: a deliberate panic on the first key");
            }
            let size = terminal.size()?;
            let area = Rect::new(0, 0, size.width, size.height);
            messages.extend(self.handle_event(&event, area));
        }
        messages.extend(inbox.try_iter());
        Ok((messages, terminal_event))
    }

    /// Updates with `msg` and performs the commands that follow from it.
    fn dispatch(&mut self, msg: Msg, effects: &mut Effects) {
        let mut next = Some(msg);
        while let Some(msg) = next.take() {
            next = self.update(msg).and_then(|cmd| effects.perform(cmd));
        }
    }
}
