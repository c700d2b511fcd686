//! Text laid out by hand for the Triage tab: wrapped here (not by the paragraph) so the view
//! knows on which line each question starts and can keep the selected one in sight (the
//! shared [`Lines`] does the keeping and the drawing).

use crate::tui::widgets::banner::wrap_hanging;
use crate::tui::widgets::lines::Lines;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

/// Text wrapped to a width, in lines that know the selected item's.
pub(super) struct Doc {
    width: usize,
    pub(super) lines: Lines,
}

impl Doc {
    pub(super) fn new(width: u16) -> Self {
        Self {
            width: usize::from(width.max(10)),
            lines: Lines::default(),
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
}

pub(super) fn bold(style: Style) -> Style {
    style.add_modifier(Modifier::BOLD)
}

pub(super) fn sources(ids: &[&str]) -> String {
    crate::sources::short_list(ids)
}
