//! Independent pieces of work shared out over the machine's cores: ranking solves every role,
//! loading parses the runs of a large catalog file, a solve searches the independent parts of
//! its task, and its ascent goes on while a small exact search looks for a better plan.

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

/// Work begun by [`beside`], its result had by [`Beside::join`].
pub(crate) enum Beside<T> {
    Done(T),
    Running(JoinHandle<T>),
}

/// Begins `work` on a core of its own, so that the caller can go on with its own, when the
/// machine has a spare core and the caller is not itself shared work; otherwise does it now.
/// The caller takes the result at a point of its own choosing in both cases, so what it
/// computes does not depend on which it was.
pub(crate) fn beside<T, F>(work: F) -> Beside<T>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    // Held where a thread the system will not start leaves it, to be done here instead.
    let work = Arc::new(Mutex::new(Some(work)));
    if cores() > 1 && !SHARING.get() {
        let theirs = Arc::clone(&work);
        let started = std::thread::Builder::new().spawn(move || {
            let _sharing = Sharing::begin();
            let work = take(&theirs).expect("begun once");
            work()
        });
        if let Ok(handle) = started {
            return Beside::Running(handle);
        }
    }
    let work = take(&work).expect("not begun on a thread that was not started");
    Beside::Done(work())
}

fn take<F>(work: &Mutex<Option<F>>) -> Option<F> {
    work.lock().unwrap_or_else(PoisonError::into_inner).take()
}

impl<T> Beside<T> {
    /// The work's result, once it is done; a panic in it is resumed here.
    pub fn join(self) -> T {
        match self {
            Beside::Done(result) => result,
            Beside::Running(handle) => handle
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
        }
    }
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
    fn work_beside_gives_its_result_on_another_thread_unless_shared_out_already() {
        let caller = std::thread::current().id();
        let elsewhere = beside(move || std::thread::current().id() != caller).join();
        assert_eq!(elsewhere, cores() > 1);
        let from_shared_work = in_parallel(2, |_| {
            let outer = std::thread::current().id();
            beside(move || std::thread::current().id() == outer).join()
        });
        assert_eq!(from_shared_work, vec![true, true]);
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
