//! One scrolling list of lines, some of them the selected item's (the form's field under the
//! cursor, the question being answered): built line by line, kept in view by an offset worked
//! out from the selected item, and drawn from that offset.

use super::scroll;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use std::ops::Range;

/// How the selected item is kept in view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keep {
    /// Scrolled no more than needed to show the item's last line, so a list that fits never
    /// scrolls; an item taller than the view shows its end (where a cursor typing is).
    End,
    /// The item near the middle of the view, its first line always shown.
    Middle,
}

/// Lines, and which of them belong to the selected item (if it is among them).
#[derive(Default, Debug)]
pub struct Lines {
    lines: Vec<Line<'static>>,
    focus: Option<Range<usize>>,
}

impl Lines {
    pub fn push(&mut self, line: Line<'static>) {
        self.lines.push(line);
    }

    /// How many lines there are.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Marks the lines pushed since `start` as the selected item's (the next line to be
    /// pushed, when none has been yet).
    pub fn focus_from(&mut self, start: usize) {
        self.focus = Some(start..self.lines.len().max(start + 1));
    }

    /// The selected item's lines, if it is among them.
    pub fn focus(&self) -> Option<Range<usize>> {
        self.focus.clone()
    }

    /// These lines, then `more`'s (the selected item is `more`'s, if it has one).
    #[must_use]
    pub fn append(mut self, more: Lines) -> Lines {
        let shift = self.lines.len();
        if let Some(focus) = more.focus {
            self.focus = Some(focus.start + shift..focus.end + shift);
        }
        self.lines.extend(more.lines);
        self
    }

    /// The first line to show in `height` rows so the selected item is in view, never past
    /// the end; 0 when everything fits or nothing is selected.
    pub fn offset(&self, height: usize, keep: Keep) -> usize {
        let height = match keep {
            Keep::End => height.max(1),
            Keep::Middle => height,
        };
        let total = self.lines.len();
        let Some(Range { start, end }) = self.focus.clone() else {
            return 0;
        };
        if total <= height {
            return 0;
        }
        let len = end - start;
        match keep {
            Keep::End if len > height => end - height,
            Keep::End => end.saturating_sub(height).min(start),
            Keep::Middle => {
                let centred = start.saturating_sub(height.saturating_sub(len) / 2);
                centred.min(total - height).min(start)
            }
        }
    }

    /// Draws the lines from line `top` (never past the end) in `area`; with a theme, a
    /// scrollbar when they do not all fit.
    pub fn render(&self, top: usize, area: Rect, buf: &mut Buffer, bar: Option<&Theme>) {
        scroll::draw(&self.lines, top, area, buf, bar);
    }
}

#[cfg(test)]
mod tests {
    use super::{Keep, Lines};
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::text::Line;

    /// `items` items of `each` lines, the item `selected` marked.
    fn list(items: usize, each: usize, selected: usize) -> Lines {
        let mut lines = Lines::default();
        for item in 0..items {
            let start = lines.len();
            for row in 0..each {
                lines.push(Line::from(format!("{item}.{row}")));
            }
            if item == selected {
                lines.focus_from(start);
            }
        }
        lines
    }

    /// The rows shown of the selected item at `offset` in a view of `height`.
    fn in_view(lines: &Lines, offset: usize, height: usize) -> bool {
        let focus = lines.focus().unwrap();
        offset <= focus.start && focus.end <= offset + height
    }

    #[test]
    fn the_offset_follows_the_cursor_down_then_up() {
        for keep in [Keep::End, Keep::Middle] {
            let mut last = 0;
            for selected in 0..20 {
                let lines = list(20, 2, selected);
                let offset = lines.offset(7, keep);
                assert!(in_view(&lines, offset, 7), "{keep:?} down to {selected}");
                assert!(offset >= last, "{keep:?}: moving down never scrolls up");
                last = offset;
            }
            assert!(last > 0, "{keep:?}: the end of a long list scrolls");
            for selected in (0..20).rev() {
                let lines = list(20, 2, selected);
                let offset = lines.offset(7, keep);
                assert!(in_view(&lines, offset, 7), "{keep:?} up to {selected}");
                assert!(offset <= last, "{keep:?}: moving up never scrolls down");
                last = offset;
            }
            assert_eq!(last, 0, "{keep:?}: back at the top");
        }
    }

    #[test]
    fn the_offset_never_goes_past_the_end() {
        for keep in [Keep::End, Keep::Middle] {
            for height in 1..12 {
                for selected in 0..10 {
                    let lines = list(10, 1, selected);
                    let offset = lines.offset(height, keep);
                    assert!(
                        offset + height.min(10) <= 10,
                        "{keep:?} height {height} item {selected}: offset {offset}"
                    );
                }
            }
            assert_eq!(
                list(3, 2, 2).offset(6, keep),
                0,
                "{keep:?}: what fits never scrolls"
            );
            assert_eq!(list(3, 2, 2).offset(40, keep), 0);
        }
    }

    #[test]
    fn an_items_rows_are_kept_together() {
        // Items of three rows in a view of four: each one whole, whatever the direction.
        for keep in [Keep::End, Keep::Middle] {
            for selected in 0..8 {
                let lines = list(8, 3, selected);
                assert!(
                    in_view(&lines, lines.offset(4, keep), 4),
                    "{keep:?} {selected}"
                );
            }
        }
        // Taller than the view: the end (typing) or the start (reading) is shown.
        let tall = list(3, 6, 1);
        assert_eq!(tall.offset(4, Keep::End), 12 - 4);
        assert_eq!(tall.offset(4, Keep::Middle), 6);
    }

    #[test]
    fn the_focus_is_kept_when_lists_are_joined() {
        let joined = list(2, 1, 9).append(list(3, 2, 1));
        assert_eq!(joined.len(), 8);
        assert_eq!(joined.focus(), Some(4..6));
        let empty_item = {
            let mut lines = list(2, 1, 9);
            lines.focus_from(2);
            lines.push(Line::from("next"));
            lines
        };
        assert_eq!(empty_item.focus(), Some(2..3), "the next line pushed");
    }

    #[test]
    fn draws_from_the_offset_with_a_bar_only_when_asked() {
        let lines = list(10, 1, 5);
        let area = Rect::new(0, 0, 6, 3);
        let mut plain = Buffer::empty(area);
        lines.render(lines.offset(3, Keep::End), area, &mut plain, None);
        assert_eq!(plain[(0, 0)].symbol(), "3");
        assert_eq!(plain[(0, 2)].symbol(), "5");
        assert_eq!(plain[(5, 0)].symbol(), " ");
        let mut barred = Buffer::empty(area);
        lines.render(99, area, &mut barred, Some(&crate::tui::theme::THEME));
        assert_eq!(barred[(0, 2)].symbol(), "9", "never past the end");
        assert_ne!(barred[(5, 0)].symbol(), " ", "a scrollbar");
    }
}
