//! The event loop: draw, wait for a key, a click or an answer from the background planner,
//! map it to a message, update, perform the command. Solves run on the worker's threads, so
//! waiting polls the terminal with a short timeout and then takes whatever the worker sent.

use std::io::{self, Write};
use std::path::Path;
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::layout::Rect;

use crate::tui::app::App;
use crate::tui::effects::Effects;
use crate::tui::msg::Msg;
use crate::tui::watch::CatalogWatcher;
use crate::tui::worker::Worker;

/// How long to wait for a terminal event before looking for the worker's answers: short
/// enough that a plan shows within a frame or two of being solved.
const POLL_INTERVAL: Duration = Duration::from_millis(16);

/// Mouse reporting for as long as it lives; dropped on return and on panic.
struct MouseCapture;

impl MouseCapture {
    fn enable() -> io::Result<Self> {
        execute!(io::stdout(), EnableMouseCapture)?;
        Ok(Self)
    }
}

impl Drop for MouseCapture {
    fn drop(&mut self) {
        // Nothing more can be done if the terminal is gone.
        let _ = execute!(io::stdout(), DisableMouseCapture);
        let _ = io::stdout().flush();
    }
}

impl App {
    /// Runs until the person quits. `watch` is the catalog file or directory to reload when
    /// it changes (`None` for the bundled catalog).
    pub fn run(
        &mut self,
        terminal: &mut DefaultTerminal,
        effects: &mut Effects,
        watch: Option<&Path>,
    ) -> io::Result<()> {
        let _mouse = MouseCapture::enable()?;
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
        let mut redraw = true;
        while self.running {
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
            let (messages, terminal_event) = self.wait(terminal, &inbox)?;
            // Any terminal event redraws: a resize has no message but needs a new frame.
            redraw = terminal_event || !messages.is_empty();
            for msg in messages {
                self.dispatch(msg, effects);
            }
        }
        Ok(())
    }

    /// The message of the next terminal event, if one comes within the poll interval, then
    /// everything the worker has sent; and whether a terminal event came.
    fn wait(
        &self,
        terminal: &DefaultTerminal,
        inbox: &Receiver<Msg>,
    ) -> io::Result<(Vec<Msg>, bool)> {
        let mut messages = Vec::new();
        let terminal_event = event::poll(POLL_INTERVAL)?;
        if terminal_event {
            let event = event::read()?;
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
