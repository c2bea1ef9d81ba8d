//! Independent pieces of work shared out over the machine's cores: ranking solves every role,
//! loading parses the runs of a large catalog file.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// `f` of every index below `count`, in index order. The calling thread and one more per
/// further core take the next index left until none is; a thread the system will not start
/// only leaves more for the others.
pub(crate) fn in_parallel<T: Send>(count: usize, f: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let helpers = cores().min(count).saturating_sub(1);
    if helpers == 0 {
        return (0..count).map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
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
}
