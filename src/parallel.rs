//! Independent pieces of work shared out over the machine's cores: ranking solves every role,
//! loading parses the runs of a large catalog file, a solve searches the independent parts of
//! its task, and its bound's ascent goes on while a small search looks for a better plan.

use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::thread::JoinHandle;

/// `f` of every index below `count`, in index order. The calling thread and one more per
/// further core take the next index left until none is; a thread the system will not start
/// only leaves more for the others.
///
/// Work shared out from inside such work (the parts of one role's solve while ranking every
/// role) stays on its thread: the cores are busy already.
pub(crate) fn in_parallel<T: Send>(count: usize, f: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let helpers = cores().min(count).saturating_sub(1);
    if helpers == 0 || SHARING.get() {
        return (0..count).map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let _sharing = Sharing::begin();
        let mut mine = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= count {
                return mine;
            }
            mine.push((i, f(i)));
        }
    };
    let mut done: Vec<(usize, T)> = std::thread::scope(|scope| {
        let started: Vec<_> = (0..helpers)
            .filter_map(|_| std::thread::Builder::new().spawn_scoped(scope, work).ok())
            .collect();
        let mut done = work();
        for helper in started {
            let theirs = helper
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            done.extend(theirs);
        }
        done
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, value)| value).collect()
}

/// Work begun on another core while the calling thread goes on, its answer collected later
/// with [`Background::finish`]. Where no core is free for it (one core, work already shared
/// out, or a thread the system will not start), it is done on the spot instead, so the answer
/// is the same either way. Dropped unfinished, the work runs on to its end unseen.
pub(crate) struct Background<T>(Started<T>);

enum Started<T> {
    Running(JoinHandle<T>),
    Done(T),
}

/// Work waiting for a thread to take it.
type Slot<T> = Arc<Mutex<Option<Box<dyn FnOnce() -> T + Send>>>>;

impl<T: Send + 'static> Background<T> {
    pub fn start(work: impl FnOnce() -> T + Send + 'static) -> Self {
        if cores() < 2 || SHARING.get() {
            return Background(Started::Done(work()));
        }
        // Shared with the thread, so that the work is still here if the thread never starts.
        let slot: Slot<T> = Arc::new(Mutex::new(Some(Box::new(work))));
        let theirs = Arc::clone(&slot);
        let spawned = std::thread::Builder::new().spawn(move || {
            let _sharing = Sharing::begin();
            run_from(&theirs)
        });
        Background(match spawned {
            Ok(handle) => Started::Running(handle),
            Err(_) => Started::Done(run_from(&slot)),
        })
    }

    /// The work's answer, waiting for it if it is still running.
    pub fn finish(self) -> T {
        match self.0 {
            Started::Done(answer) => answer,
            Started::Running(handle) => handle
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
        }
    }
}

/// Runs the work in `slot`, which is there: it is taken once, by the thread or, when the
/// thread did not start, by the caller.
fn run_from<T>(slot: &Slot<T>) -> T {
    let work = slot
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .take()
        .expect("background work is taken once");
    work()
}

thread_local! {
    /// Whether this thread is doing work that [`in_parallel`] shares out.
    static SHARING: Cell<bool> = const { Cell::new(false) };
}

/// Marks this thread as doing shared work until dropped, even when the work panics.
struct Sharing {
    outer: bool,
}

impl Sharing {
    fn begin() -> Self {
        Sharing {
            outer: SHARING.replace(true),
        }
    }
}

impl Drop for Sharing {
    fn drop(&mut self) {
        SHARING.set(self.outer);
    }
}

/// The cores this process may use (asked once: the answer reads the system's limits).
pub(crate) fn cores() -> usize {
    static CORES: OnceLock<usize> = OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_index_once_in_order() {
        let squares = in_parallel(1_000, |i| i * i);
        assert_eq!(squares, (0..1_000).map(|i| i * i).collect::<Vec<_>>());
        assert!(in_parallel(0, |i| i).is_empty());
    }

    #[test]
    fn background_work_answers_on_another_core_when_there_is_one() {
        let caller = std::thread::current().id();
        let work = Background::start(|| ((1..=100u64).sum::<u64>(), std::thread::current().id()));
        let (sum, worker) = work.finish();
        assert_eq!(sum, 5_050);
        assert_eq!(worker != caller, cores() > 1);
    }

    #[test]
    fn background_work_begun_from_shared_work_is_done_on_the_spot() {
        let same = in_parallel(2, |_| {
            let caller = std::thread::current().id();
            Background::start(move || std::thread::current().id() == caller).finish()
        });
        assert_eq!(same, vec![true, true]);
    }

    #[test]
    fn work_shared_out_from_shared_work_stays_on_its_thread() {
        let threads = in_parallel(4, |_| {
            let outer = std::thread::current().id();
            in_parallel(8, |_| std::thread::current().id())
                .into_iter()
                .all(|inner| inner == outer)
        });
        assert!(threads.into_iter().all(|same| same));
        // and the calling thread shares out again once its shared work is done
        assert!(!SHARING.get());
    }
}
