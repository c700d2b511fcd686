//! The help overlay (`?`): every key, the sources, and the not-medical-advice line.

use crate::tui::ctx::ConflictKind;
use crate::tui::tabs;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

const GLOBAL: &[(&str, &str)] = &[
    (
        "1-4",
        "open a tab, from every screen (a field open for typing takes digits as text)",
    ),
    ("Tab / Shift-Tab", "next / previous tab"),
    ("?", "show or hide this help"),
    (",", "settings: units, bell, flash, rest, shoe limit"),
    ("q", "quit (asks first if an edit is not finished)"),
    ("Ctrl-C", "quit"),
];

fn section(title: &str, keys: &[(&str, &str)], theme: &Theme, lines: &mut Vec<Line<'static>>) {
    if keys.is_empty() {
        return;
    }
    lines.push(Line::from(Span::styled(title.to_owned(), theme.title)));
    for (key, what) in keys {
        lines.push(Line::from(vec![
            Span::styled(format!("  {key:<16}"), theme.key),
            Span::raw((*what).to_owned()),
        ]));
    }
    lines.push(Line::default());
}

fn lines(theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![
        Line::from(Span::styled(crate::report::DISCLAIMER, theme.caution)),
        Line::default(),
    ];
    section("Everywhere", GLOBAL, theme, &mut lines);
    section("Log", tabs::log::HELP, theme, &mut lines);
    section("Triage", tabs::triage::HELP, theme, &mut lines);
    section("Routine", tabs::routine::HELP, theme, &mut lines);
    section("Trends", tabs::trends::HELP, theme, &mut lines);
    lines.push(Line::from(Span::styled(
        "Sources: where the rules and guidance come from",
        theme.title,
    )));
    for source in &crate::sources::SOURCES {
        lines.push(Line::from(vec![
            Span::styled(format!("  {}: ", source.short), theme.key),
            Span::raw(source.full),
        ]));
    }
    lines
}

/// How many lines the help holds (before wrapping), for scrolling.
pub fn line_count() -> u16 {
    lines(&crate::tui::theme::MONO).len() as u16
}

/// Draws the help overlay centred in `area`, scrolled down `top` lines.
pub fn render(area: Rect, buf: &mut Buffer, theme: &Theme, top: u16) {
    let popup = centered(area, 76, area.height.saturating_sub(2));
    Clear.render(popup, buf);
    Paragraph::new(lines(theme))
        .wrap(Wrap { trim: false })
        .scroll((top, 0))
        .block(
            Block::bordered()
                .title(" Help · ↑↓ scroll · ? or Esc close ")
                .border_style(theme.border),
        )
        .render(popup, buf);
}

/// Draws the "quit?" question: with a routine under way, quitting keeps it as a partial
/// session; otherwise something typed would be lost.
pub fn confirm_quit(area: Rect, buf: &mut Buffer, theme: &Theme, routine: bool) {
    let (said, yes) = if routine {
        (
            "A routine is under way (its clock is paused). Quitting stops it and keeps what \
             you did as a partial session in today's entry.",
            "stop the routine, keep it, and quit",
        )
    } else {
        (
            "Something is not saved yet and would be lost.",
            "quit anyway",
        )
    };
    super::confirm::Confirm {
        title: "Quit?",
        lines: &[said.to_owned()],
        choices: &[("y", yes), ("n", "go back")],
        style: theme.caution,
        theme,
    }
    .render(area, buf);
}

/// Draws the "this day changed (or was deleted) on disk" question.
pub fn conflict(
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
    date: chrono::NaiveDate,
    kind: ConflictKind,
) {
    let (said, choices, title) = match kind {
        ConflictKind::Changed => (
            format!(
                "{date} was changed by another program (an editor or a sync tool) since \
                 stridelog read it. Your change was NOT saved over it."
            ),
            [super::confirm::KEEP_BOTH, super::confirm::RELOAD_THEIRS],
            "Changed on disk",
        ),
        ConflictKind::Deleted => (
            format!(
                "{date} was deleted outside stridelog (by hand or a sync tool) since stridelog \
                 read it. Your change was NOT written back."
            ),
            [
                ("k", "keep mine: write your version of the day again"),
                ("r", "leave it deleted and drop your change"),
            ],
            "Deleted on disk",
        ),
    };
    super::confirm::Confirm {
        title,
        lines: &[said],
        choices: &choices,
        style: theme.caution,
        theme,
    }
    .render(area, buf);
}

/// A rectangle of at most `width` x `height`, centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [cell] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    cell
}
