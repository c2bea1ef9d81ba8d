//! Searching a long list off the UI thread, so that a keystroke's frame never waits for it:
//! the frame shows the typed query at once, and the list follows when the answer comes. Each
//! query gets a generation; the thread searches only the newest waiting one, and only the
//! answer to the newest query sent is used.

use std::fmt;
use std::io;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::Duration;

use crate::tui::search::SearchIndex;

type Generation = u64;

/// The UI thread's handle; dropping it ends the thread once its current search is done.
pub struct SearchThread {
    requests: Sender<(Generation, String)>,
    answers: Receiver<(Generation, Vec<usize>)>,
    /// The generation of the newest query, or of the newest change that made answers stale.
    latest: Generation,
}

impl fmt::Debug for SearchThread {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SearchThread")
            .field("latest", &self.latest)
            .finish_non_exhaustive()
    }
}

impl SearchThread {
    pub fn spawn(mut index: SearchIndex) -> io::Result<Self> {
        let (requests, inbox) = mpsc::channel::<(Generation, String)>();
        let (outbox, answers) = mpsc::channel();
        thread::Builder::new()
            .name("skillpath-search".into())
            .spawn(move || {
                while let Ok(mut request) = inbox.recv() {
                    // Letters typed while the last search ran: only the newest query matters.
                    if let Some(newest) = inbox.try_iter().last() {
                        request = newest;
                    }
                    let (generation, query) = request;
                    if outbox.send((generation, index.search(&query))).is_err() {
                        return;
                    }
                }
            })?;
        Ok(Self {
            requests,
            answers,
            latest: 0,
        })
    }

    /// Asks for the matches of `query`; any answer to an earlier query is dropped. Returns
    /// false if the thread is gone.
    pub fn request(&mut self, query: &str) -> bool {
        self.latest += 1;
        self.requests.send((self.latest, query.to_string())).is_ok()
    }

    /// Drops any answer still to come, for a change that made it stale.
    pub fn supersede(&mut self) {
        self.latest += 1;
    }

    /// The answer to the newest query, if it has come.
    pub fn take_answer(&mut self) -> Option<Vec<usize>> {
        let latest = self.latest;
        self.answers
            .try_iter()
            .filter(|(generation, _)| *generation == latest)
            .last()
            .map(|(_, matches)| matches)
    }

    /// Waits up to `timeout` for the answer to the newest query (for tests and benchmarks).
    pub fn wait_answer(&mut self, timeout: Duration) -> Option<Vec<usize>> {
        let deadline = std::time::Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.answers.recv_timeout(left) {
                Ok((generation, matches)) if generation == self.latest => return Some(matches),
                Ok(_) => {}
                Err(_) => return None,
            }
        }
    }
}

/// A list's search, in place or on a thread. Fallible only in starting a thread: a list whose
/// thread cannot start, or has stopped, searches in place.
#[derive(Debug)]
pub enum LiveSearch {
    /// Inside `update`: each message leaves the list complete (tests).
    Inline(SearchIndex),
    /// On a thread, as the app runs: the list follows the query when the answer comes.
    Background(SearchThread),
}

impl LiveSearch {
    /// A search in the same place as `self`, over a new index (the catalog changed).
    pub fn renew(&mut self, index: SearchIndex) {
        *self = match self {
            LiveSearch::Inline(_) => LiveSearch::Inline(index),
            LiveSearch::Background(_) => LiveSearch::background(index),
        };
    }

    /// On a thread, or in place if no thread can start.
    pub fn background(index: SearchIndex) -> Self {
        // The index goes to the thread; building it again is the rare failure's cost.
        let fallback = index.clone();
        SearchThread::spawn(index).map_or(LiveSearch::Inline(fallback), LiveSearch::Background)
    }

    /// The matches of `query` among `len` items if known now; `None` if they are on the way.
    /// `index` rebuilds the index should the thread have stopped.
    pub fn search(
        &mut self,
        query: &str,
        len: usize,
        index: impl FnOnce() -> SearchIndex,
    ) -> Option<Vec<usize>> {
        match self {
            LiveSearch::Inline(inline) => Some(inline.search(query)),
            // A cleared search needs no thread: everything, in order.
            LiveSearch::Background(thread) if query.trim().is_empty() => {
                thread.supersede();
                Some((0..len).collect())
            }
            LiveSearch::Background(thread) => {
                if thread.request(query) {
                    return None;
                }
                let mut inline = index();
                let matches = inline.search(query);
                *self = LiveSearch::Inline(inline);
                Some(matches)
            }
        }
    }

    /// The answer to the newest query, if it has come.
    pub fn take_answer(&mut self) -> Option<Vec<usize>> {
        match self {
            LiveSearch::Background(thread) => thread.take_answer(),
            LiveSearch::Inline(_) => None,
        }
    }

    /// Waits up to `timeout` for the answer to the newest query.
    pub fn wait_answer(&mut self, timeout: Duration) -> Option<Vec<usize>> {
        match self {
            LiveSearch::Background(thread) => thread.wait_answer(timeout),
            LiveSearch::Inline(_) => None,
        }
    }
}
