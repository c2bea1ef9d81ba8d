//! Requests to stop from outside (SIGTERM, SIGINT, SIGQUIT, and SIGHUP when the terminal
//! closes) become a flag the event loop checks, so the app ends as on a quit: a last save, and
//! the terminal restored. A second signal while it ends exits at once, in case ending is what
//! is stuck.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::Duration;

use signal_hook::SigId;
use signal_hook::consts::TERM_SIGNALS;
use signal_hook::flag;
use signal_hook::low_level::unregister;

/// The exit status of a second signal: the app was stopped without its last save.
const FORCED_EXIT: i32 = 1;

/// How often the watchdog looks, and how long the event loop may stay inside one wait for the
/// terminal after a stop signal before the process ends without it. A wait lasts 16 ms while
/// the terminal is there.
const WATCH_EVERY: Duration = Duration::from_millis(100);
const STUCK_AFTER: Duration = Duration::from_secs(1);

/// Registered for as long as it lives.
pub struct StopSignals {
    received: Arc<AtomicBool>,
    registrations: Vec<SigId>,
}

impl StopSignals {
    pub fn register() -> io::Result<Self> {
        let received = Arc::new(AtomicBool::new(false));
        let mut registrations = Vec::new();
        let signals = TERM_SIGNALS.iter().copied().chain(hang_up());
        for signal in signals {
            // The forced exit goes first: it must see the flag as it was before this signal.
            registrations.push(flag::register_conditional_shutdown(
                signal,
                FORCED_EXIT,
                Arc::clone(&received),
            )?);
            registrations.push(flag::register(signal, Arc::clone(&received))?);
        }
        Ok(Self {
            received,
            registrations,
        })
    }

    /// Whether the app has been asked to stop.
    pub fn received(&self) -> bool {
        self.received.load(Ordering::Relaxed)
    }

    /// Ends the process when a stop signal has come but the event loop stays inside a wait for
    /// the terminal (`waiting`). Once the terminal is gone (its window closed, which also sends
    /// SIGHUP), crossterm 0.29 never returns from that wait: its read of the closed terminal
    /// fails or reads nothing, and it retries at once, forever, at full CPU. Every change is
    /// saved as it is made and there is no terminal left to restore, so exiting loses nothing.
    pub fn watch(&self, waiting: Arc<AtomicBool>) -> io::Result<Watchdog> {
        let received = Arc::clone(&self.received);
        let done = Arc::new(AtomicBool::new(false));
        let finished = Arc::clone(&done);
        thread::Builder::new()
            .name("skillpath-watchdog".into())
            .spawn(move || {
                let mut stuck = Duration::ZERO;
                while !finished.load(Ordering::Relaxed) {
                    thread::sleep(WATCH_EVERY);
                    if received.load(Ordering::Relaxed) && waiting.load(Ordering::Relaxed) {
                        stuck += WATCH_EVERY;
                        if stuck >= STUCK_AFTER {
                            std::process::exit(FORCED_EXIT);
                        }
                    } else {
                        stuck = Duration::ZERO;
                    }
                }
            })?;
        Ok(Watchdog { done })
    }
}

/// Stops the watchdog of [`StopSignals::watch`] when dropped, at its next look.
pub struct Watchdog {
    done: Arc<AtomicBool>,
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        self.done.store(true, Ordering::Relaxed);
    }
}

impl Drop for StopSignals {
    fn drop(&mut self) {
        for id in self.registrations.drain(..) {
            unregister(id);
        }
    }
}

#[cfg(unix)]
fn hang_up() -> Option<i32> {
    Some(signal_hook::consts::SIGHUP)
}

#[cfg(not(unix))]
fn hang_up() -> Option<i32> {
    None
}
