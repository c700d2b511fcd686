//! The help overlay (`?`): every key, the sources, and the not-medical-advice line.

use crate::tui::ctx::ConflictKind;
use crate::tui::tabs;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

/// Not medical advice: shown in help, README and report footers.
pub const DISCLAIMER: &str = "stridelog is a journal, not medical advice. It helps you notice \
patterns; it cannot diagnose. If you are worried, or pain is severe or getting worse, see a \
doctor or physiotherapist.";

const GLOBAL: &[(&str, &str)] = &[
    (
        "1-4",
        "open a tab (on a Log number field digits type a value)",
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
        "Where the rules come from",
        theme.title,
    )));
    for reference in crate::rules::REFERENCES {
        lines.push(Line::from(format!("  {reference}")));
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

/// Draws the "quit without finishing the edit?" question.
pub fn confirm_quit(area: Rect, buf: &mut Buffer, theme: &Theme) {
    let popup = centered(area, 50, 5);
    Clear.render(popup, buf);
    Paragraph::new(vec![
        Line::from("An edit is not finished and would be lost."),
        Line::from(vec![
            Span::styled("y", theme.key),
            Span::raw(" quit anyway   "),
            Span::styled("n", theme.key),
            Span::raw(" go back"),
        ]),
    ])
    .block(
        Block::bordered()
            .title(" Quit? ")
            .border_style(theme.caution),
    )
    .render(popup, buf);
}

/// Draws the "this day changed (or was deleted) on disk" question.
pub fn conflict(
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
    date: chrono::NaiveDate,
    kind: ConflictKind,
) {
    let popup = centered(area, 64, 8);
    Clear.render(popup, buf);
    let (said, keep, other, title) = match kind {
        ConflictKind::Changed => (
            format!("{date} was changed by another program (an editor or a sync tool)"),
            " keep both: save yours as a copy beside it, load theirs",
            " reload theirs and drop your change",
            " Changed on disk ",
        ),
        ConflictKind::Deleted => (
            format!("{date} was deleted outside stridelog (by hand or a sync tool)"),
            " keep mine: write your version of the day again",
            " leave it deleted and drop your change",
            " Deleted on disk ",
        ),
    };
    Paragraph::new(vec![
        Line::from(said),
        Line::from("since stridelog read it. Your change was NOT saved over it."),
        Line::default(),
        Line::from(vec![Span::styled("k", theme.key), Span::raw(keep)]),
        Line::from(vec![Span::styled("r", theme.key), Span::raw(other)]),
    ])
    .block(Block::bordered().title(title).border_style(theme.caution))
    .render(popup, buf);
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
