//! Requests to stop from outside (SIGTERM, SIGINT, SIGQUIT, and SIGHUP when the terminal
//! closes) become a flag the event loop checks, so the app ends as on a quit: a last save, and
//! the terminal restored. A second signal while it ends exits at once, in case ending is what
//! is stuck.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use signal_hook::SigId;
use signal_hook::consts::TERM_SIGNALS;
use signal_hook::flag;
use signal_hook::low_level::unregister;

/// The exit status of a second signal: the app was stopped without its last save.
const FORCED_EXIT: i32 = 1;

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
