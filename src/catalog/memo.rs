//! Indexes that other modules derive from a catalog and keep with it, built on first use as
//! the catalog's own planning indexes are, without the catalog knowing their types: planning
//! keeps here which credential dominates which for a person who starts with nothing.

use std::any::Any;
use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};

/// At most one value of each type, made by its `Default` on first use and kept as long as the
/// catalog.
#[derive(Default)]
pub(crate) struct Memo {
    kept: Mutex<Vec<Arc<dyn Any + Send + Sync>>>,
}

impl Memo {
    /// The value of type `T` kept here.
    pub fn get<T: Any + Send + Sync + Default>(&self) -> Arc<T> {
        let mut kept = self.kept.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(found) = kept
            .iter()
            .find_map(|value| Arc::clone(value).downcast::<T>().ok())
        {
            return found;
        }
        let made = Arc::new(T::default());
        kept.push(made.clone());
        made
    }
}

/// A clone is another catalog (see its generation), and starts with nothing kept.
impl Clone for Memo {
    fn clone(&self) -> Self {
        Memo::default()
    }
}

impl fmt::Debug for Memo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kept = self.kept.lock().unwrap_or_else(PoisonError::into_inner);
        write!(f, "Memo({} kept)", kept.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[derive(Default)]
    struct Counter(AtomicUsize);

    #[derive(Default)]
    struct Other(AtomicUsize);

    #[test]
    fn one_value_per_type_kept_until_the_memo_is_cloned() {
        let memo = Memo::default();
        memo.get::<Counter>().0.fetch_add(2, Ordering::Relaxed);
        memo.get::<Other>().0.fetch_add(5, Ordering::Relaxed);
        assert_eq!(memo.get::<Counter>().0.load(Ordering::Relaxed), 2);
        assert_eq!(memo.get::<Other>().0.load(Ordering::Relaxed), 5);
        let clone = memo.clone();
        assert_eq!(clone.get::<Counter>().0.load(Ordering::Relaxed), 0);
    }
}
