//! The terminal while the app runs: raw mode, the alternate screen and mouse reporting, put
//! back however the app ends. A quit, Ctrl-C or SIGTERM ends the event loop and the session
//! is dropped; a panic on the app's thread restores the terminal in the panic hook, before
//! the message is printed, so that the message lands on the person's own screen.
//!
//! A panic on another thread (a solver bug on a planner thread) leaves the app running, so its
//! message is kept and printed once the terminal is restored, instead of over the screen.

use std::cell::Cell;
use std::io::{self, Write};
use std::panic::{self, PanicHookInfo};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, Once, PoisonError};

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::{DefaultTerminal, Terminal};

/// Whether the terminal is in the app's modes: restoring happens once, whoever gets there
/// first (the panic hook or the drop).
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Panic messages from other threads, printed after the terminal is restored.
static DEFERRED_PANICS: Mutex<Vec<String>> = Mutex::new(Vec::new());

thread_local! {
    /// Set on the thread that started the session: only its panic ends the app.
    static OWNS_TERMINAL: Cell<bool> = const { Cell::new(false) };
}

/// The app's terminal; restored when dropped.
pub struct Session {
    terminal: DefaultTerminal,
}

impl Session {
    /// Takes over the terminal. On failure it is left as it was found.
    pub fn start() -> io::Result<Self> {
        install_panic_hook();
        OWNS_TERMINAL.with(|owns| owns.set(true));
        ACTIVE.store(true, Ordering::SeqCst);
        let started = enable_raw_mode()
            .and_then(|()| execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture))
            .and_then(|()| Terminal::new(CrosstermBackend::new(io::stdout())));
        match started {
            Ok(terminal) => Ok(Self { terminal }),
            Err(error) => {
                restore();
                Err(error)
            }
        }
    }

    pub fn terminal(&mut self) -> &mut DefaultTerminal {
        &mut self.terminal
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
        OWNS_TERMINAL.with(|owns| owns.set(false));
    }
}

/// Puts the terminal back as the shell expects it, if the app still has it; then prints the
/// panic messages of other threads.
fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    // Nothing more can be done if the terminal is gone, so errors are ignored. Raw mode goes
    // first: it has the widest effect on what the person sees next.
    let _ = disable_raw_mode();
    let mut stdout = io::stdout();
    let _ = execute!(stdout, DisableMouseCapture, Show, LeaveAlternateScreen);
    let _ = stdout.flush();
    let deferred = std::mem::take(
        &mut *DEFERRED_PANICS
            .lock()
            .unwrap_or_else(PoisonError::into_inner),
    );
    for message in deferred {
        eprintln!("{message}");
    }
}

fn install_panic_hook() {
    static INSTALLED: Once = Once::new();
    INSTALLED.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            let owns_terminal = OWNS_TERMINAL.with(Cell::get);
            if ACTIVE.load(Ordering::SeqCst) && !owns_terminal {
                DEFERRED_PANICS
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .push(describe(info));
                return;
            }
            restore();
            previous(info);
        }));
    });
}

/// A panic as the standard hook words it (without the backtrace).
fn describe(info: &PanicHookInfo<'_>) -> String {
    let thread = std::thread::current();
    let name = thread.name().unwrap_or("<unnamed>");
    format!("thread '{name}' {info}")
}
