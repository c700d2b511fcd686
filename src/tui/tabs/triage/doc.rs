//! Text laid out by hand for the Triage tab: wrapped here (not by the paragraph) so the view
//! knows on which line each question starts and can keep the selected one in sight.

use crate::tui::widgets::banner::wrap_hanging;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

/// Lines of text, and which lines hold the selected item.
pub(super) struct Doc {
    width: usize,
    pub(super) lines: Vec<Line<'static>>,
    focus: Option<(usize, usize)>,
}

impl Doc {
    pub(super) fn new(width: u16) -> Self {
        Self {
            width: usize::from(width.max(10)),
            lines: Vec::new(),
            focus: None,
        }
    }

    pub(super) fn blank(&mut self) {
        self.lines.push(Line::default());
    }

    /// A wrapped paragraph: `first` before the first line, `indent` spaces before the others.
    pub(super) fn para(
        &mut self,
        first: Vec<Span<'static>>,
        text: &str,
        style: Style,
        indent: usize,
    ) {
        let lead: usize = first.iter().map(Span::width).sum();
        let first_width = self.width.saturating_sub(lead).max(10);
        let rest_width = self.width.saturating_sub(indent).max(10);
        let mut lead = Some(first);
        for piece in wrap_hanging(text, first_width, rest_width) {
            let mut spans = lead
                .take()
                .unwrap_or_else(|| vec![Span::raw(" ".repeat(indent))]);
            spans.push(Span::styled(piece, style));
            self.lines.push(Line::from(spans));
        }
    }

    pub(super) fn text(&mut self, text: &str, style: Style) {
        self.para(vec![Span::raw(" ")], text, style, 1);
    }

    /// Marks the lines from `start` to now as the selected item.
    pub(super) fn focus_from(&mut self, start: usize) {
        self.focus = Some((start, self.lines.len()));
    }

    /// The first line to show so the selected item sits in view, near the middle.
    pub(super) fn offset(&self, height: usize) -> usize {
        let total = self.lines.len();
        if total <= height {
            return 0;
        }
        let Some((start, end)) = self.focus else {
            return 0;
        };
        let len = end - start;
        let centred = start.saturating_sub(height.saturating_sub(len) / 2);
        centred.min(total - height).min(start)
    }
}

pub(super) fn bold(style: Style) -> Style {
    style.add_modifier(Modifier::BOLD)
}

pub(super) fn sources(ids: &[&str]) -> String {
    crate::sources::short_list(ids)
}

/// Draws `doc` in `area`, scrolled to `offset`.
pub(super) fn draw(doc: Doc, offset: usize, area: Rect, buf: &mut Buffer) {
    Paragraph::new(doc.lines)
        .scroll((u16::try_from(offset).unwrap_or(u16::MAX), 0))
        .render(area, buf);
}
