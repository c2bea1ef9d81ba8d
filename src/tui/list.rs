//! Scrolling that depends only on the selection, so rendering stays read-only and a click can
//! be mapped back to the row it hit.

use ratatui::layout::Rect;

/// The first visible row: the selection stays in view with a few rows of context around it.
pub fn scroll_offset(selected: usize, len: usize, height: usize) -> usize {
    if height == 0 || len <= height {
        return 0;
    }
    let context = (height / 3).min(3);
    let max_offset = len - height;
    let wanted = selected.saturating_sub(height - 1 - context);
    wanted.min(max_offset)
}

/// The item under terminal row `row` in a list drawn in `area` (no border) with
/// `selected` selected, if any.
pub fn item_at(area: Rect, selected: usize, len: usize, row: u16) -> Option<usize> {
    if row < area.y || row >= area.bottom() {
        return None;
    }
    let offset = scroll_offset(selected, len, usize::from(area.height));
    let index = offset + usize::from(row - area.y);
    (index < len).then_some(index)
}

/// Moves a selection by `delta`, clamped to the list.
pub fn step(selected: usize, len: usize, delta: isize) -> usize {
    if len == 0 {
        return 0;
    }
    selected.saturating_add_signed(delta).min(len - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lists_never_scroll() {
        assert_eq!(scroll_offset(4, 5, 10), 0);
    }

    #[test]
    fn the_selection_stays_visible_with_context() {
        for selected in 0..100 {
            let offset = scroll_offset(selected, 100, 10);
            assert!(offset <= selected && selected < offset + 10, "{selected}");
            assert!(offset <= 90);
        }
        assert_eq!(scroll_offset(99, 100, 10), 90);
    }

    #[test]
    fn clicks_map_to_the_visible_item() {
        let area = Rect::new(0, 5, 20, 4);
        assert_eq!(item_at(area, 0, 10, 5), Some(0));
        assert_eq!(item_at(area, 0, 10, 8), Some(3));
        assert_eq!(item_at(area, 0, 2, 8), None);
        assert_eq!(item_at(area, 0, 10, 4), None);
    }

    #[test]
    fn steps_clamp_to_the_ends() {
        assert_eq!(step(0, 5, -1), 0);
        assert_eq!(step(3, 5, 10), 4);
        assert_eq!(step(0, 0, 1), 0);
    }
}
