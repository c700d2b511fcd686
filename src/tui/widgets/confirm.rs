//! The one question dialog: a title, a few lines that say what is at stake, and the keys that
//! answer it, drawn the same way for every question the app asks (quit, a day changed on
//! disk, stop a routine; on the Log tab: delete a run, drop changed notes, log into a future
//! day).

use super::banner::wrap;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

/// A question and its answers.
pub struct Confirm<'a> {
    pub title: &'a str,
    /// What the question is about, one paragraph per entry (wrapped to fit).
    pub lines: &'a [String],
    /// Each answer: its key and what it does.
    pub choices: &'a [(&'a str, &'a str)],
    /// The border's style (caution for most questions).
    pub style: Style,
    pub theme: &'a Theme,
}

/// The widest a dialog gets, border included.
const WIDEST: u16 = 66;

impl Widget for Confirm<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let width = WIDEST.min(area.width);
        let inner_width = usize::from(width.saturating_sub(2)).max(10);
        let mut lines: Vec<Line> = Vec::new();
        for paragraph in self.lines {
            lines.extend(wrap(paragraph, inner_width).into_iter().map(Line::from));
        }
        if !self.lines.is_empty() {
            lines.push(Line::default());
        }
        // Keys line up: as wide as the widest (`Ctrl-S`), at least three cells.
        let key_width = self
            .choices
            .iter()
            .map(|(key, _)| key.chars().count())
            .max()
            .unwrap_or(0)
            .max(3);
        for (key, what) in self.choices {
            let lead = format!("{key:<key_width$} ");
            for (i, row) in wrap(what, inner_width.saturating_sub(lead.len()))
                .into_iter()
                .enumerate()
            {
                lines.push(if i == 0 {
                    Line::from(vec![
                        Span::styled(lead.clone(), self.theme.key),
                        Span::raw(row),
                    ])
                } else {
                    Line::from(format!("{}{row}", " ".repeat(lead.len())))
                });
            }
        }
        let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
        let popup = area.centered(
            ratatui::layout::Constraint::Length(width),
            ratatui::layout::Constraint::Length(height.min(area.height)),
        );
        Clear.render(popup, buf);
        Paragraph::new(lines)
            .block(
                Block::bordered()
                    .title(format!(" {} ", self.title))
                    .border_style(self.style),
            )
            .render(popup, buf);
    }
}
