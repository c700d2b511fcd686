//! Scrolling a list or a text by steps of some rows, within its length, and drawing the part
//! in view with its scrollbar.

use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget};

/// Draws `lines` from line `top` (never past the end) in `area`; with a theme, a scrollbar when
/// they do not all fit.
pub fn draw(
    lines: &[Line<'static>],
    top: usize,
    area: Rect,
    buf: &mut Buffer,
    bar: Option<&Theme>,
) {
    let rows = usize::from(area.height);
    let max = lines.len().saturating_sub(rows);
    let top = top.min(max);
    super::line::draw_lines(&lines[top.min(lines.len())..], area, buf);
    if let Some(theme) = bar
        && max > 0
    {
        let mut state = ScrollbarState::new(max + 1).position(top);
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .track_symbol(Some("│"))
            .thumb_symbol("┃")
            .track_style(theme.border)
            .thumb_style(theme.dim)
            .render(area, buf, &mut state);
    }
}

/// The new top line after moving `steps` steps of `rows` rows (negative: up) from `top`, never
/// past `max`. Starts from what is on screen: a taller window may already show the end.
pub fn by(top: usize, max: usize, steps: i32, rows: usize) -> usize {
    let moved = (steps.unsigned_abs() as usize).saturating_mul(rows);
    let from = top.min(max);
    if steps < 0 {
        from.saturating_sub(moved)
    } else {
        from.saturating_add(moved).min(max)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn stays_within_the_text() {
        assert_eq!(super::by(0, 10, 1, 3), 3);
        assert_eq!(super::by(9, 10, 1, 3), 10);
        assert_eq!(super::by(25, 10, -1, 3), 7, "from what is on screen");
        assert_eq!(super::by(2, 10, -1, 3), 0);
    }
}
