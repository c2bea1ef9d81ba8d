//! The event loop: draw, read one event, map it to a message, update, perform the command.
//! Synchronous and without a tick: all data is local, so nothing changes between keys.

use std::io::{self, Write};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::layout::Rect;

use crate::tui::app::App;
use crate::tui::effects::Effects;

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
    pub fn run(&mut self, terminal: &mut DefaultTerminal, effects: &mut Effects) -> io::Result<()> {
        let _mouse = MouseCapture::enable()?;
        while self.running {
            terminal.draw(|frame| frame.render_widget(&*self, frame.area()))?;
            let event = event::read()?;
            let size = terminal.size()?;
            let area = Rect::new(0, 0, size.width, size.height);
            let mut next = self.handle_event(&event, area);
            while let Some(msg) = next.take() {
                next = self.update(msg).and_then(|cmd| effects.perform(cmd));
            }
        }
        Ok(())
    }
}
