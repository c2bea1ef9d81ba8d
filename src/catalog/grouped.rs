//! Items grouped by a small key in one flat array: who grants each skill, who waits on each
//! candidate, which goals each candidate reaches. Planning builds these on every solve, so a
//! vector per key would be mostly allocation.

/// Group `key`'s items are `items[start[key]..start[key + 1]]`, in the order they were given.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Grouped<T> {
    start: Vec<usize>,
    items: Vec<T>,
}

impl<T: Copy + Default> Grouped<T> {
    /// `pairs` of (key, item) grouped by key, for keys below `keys`. The pairs are walked
    /// twice: once to count each group, once to fill it.
    pub fn build(keys: usize, pairs: impl Iterator<Item = (usize, T)> + Clone) -> Self {
        let mut start = vec![0; keys + 1];
        for (key, _) in pairs.clone() {
            start[key + 1] += 1;
        }
        for key in 0..keys {
            start[key + 1] += start[key];
        }
        let mut fill = start.clone();
        let mut items = vec![T::default(); start[keys]];
        for (key, item) in pairs {
            items[fill[key]] = item;
            fill[key] += 1;
        }
        Grouped { start, items }
    }

    /// The items of `key`.
    pub fn of(&self, key: usize) -> &[T] {
        &self.items[self.start[key]..self.start[key + 1]]
    }

    /// The items of every key, key after key.
    pub fn all(&self) -> &[T] {
        &self.items
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_grouped_by_key_in_the_order_given() {
        let grouped = Grouped::build(3, [(2, 'a'), (0, 'b'), (2, 'c')].into_iter());
        assert_eq!(grouped.of(0), &['b']);
        assert!(grouped.of(1).is_empty());
        assert_eq!(grouped.of(2), &['a', 'c']);
    }
}
