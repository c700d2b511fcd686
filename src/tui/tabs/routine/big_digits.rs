//! Large text for the countdown and the side, readable from the floor: the biggest of the
//! `tui-big-text` sizes that fits, or plain bold text on a small screen.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Widget;
use tui_big_text::{BigText, PixelSize};

/// The sizes tried, biggest first, with the cells one glyph takes (width, height).
const SIZES: [(PixelSize, u16, u16); 3] = [
    (PixelSize::Full, 8, 8),
    (PixelSize::HalfHeight, 8, 4),
    (PixelSize::Quadrant, 4, 4),
];

/// The biggest size at which `glyphs` characters fit in `width` x `height`, as
/// (size, glyph width, glyph height).
pub(super) fn fit(glyphs: usize, width: u16, height: u16) -> Option<(PixelSize, u16, u16)> {
    SIZES
        .into_iter()
        .find(|(_, w, h)| *h <= height && glyphs as u16 * w <= width)
}

/// Draws `text` centred in `area`, at `size` when given (see [`fit`]) or else as large as
/// fits; plain text on one line when nothing big fits.
pub(super) fn render(
    text: &str,
    size: Option<(PixelSize, u16, u16)>,
    style: Style,
    align: Alignment,
    area: Rect,
    buf: &mut Buffer,
) {
    let glyphs = text.chars().count();
    if let Some((pixel_size, _, h)) = size.or_else(|| fit(glyphs, area.width, area.height)) {
        let y = area.y + area.height.saturating_sub(h) / 2;
        let row = Rect::new(area.x, y, area.width, h.min(area.height));
        BigText::builder()
            .pixel_size(pixel_size)
            .style(style)
            .alignment(align)
            .lines(vec![Line::from(text.to_owned())])
            .build()
            .render(row, buf);
    } else {
        let y = area.y + area.height.saturating_sub(1) / 2;
        let row = Rect::new(area.x, y, area.width, area.height.min(1));
        Line::from(text.to_owned())
            .style(style.add_modifier(Modifier::BOLD))
            .alignment(align)
            .render(row, buf);
    }
}
