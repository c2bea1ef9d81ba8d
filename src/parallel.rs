//! Independent pieces of work shared out over the machine's cores: ranking solves every role,
//! loading parses the runs of a large catalog file, a solve searches the independent parts of
//! its task.

use std::cell::Cell;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

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
