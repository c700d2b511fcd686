//! The help overlay (`?`): the not-medical-advice line, every key from the key list (so the
//! help cannot drift from what the keys do), the keys of an open field, and the sources.

use super::banner::wrap;
use crate::session::ConflictKind;
use crate::tui::keymap::{Keymap, Scope};
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

/// Keys that are not commands: they only act inside an open field or a list being ticked.
const TYPING: &[(&str, &str)] = &[
    ("Enter / Ctrl-S", "save the field"),
    (
        "Tab / Shift-Tab",
        "save and move to the next / previous field",
    ),
    ("Esc", "cancel (notes ask first when they changed)"),
    ("Ctrl-U", "empty the field"),
    ("notes", "Enter starts a new line; Ctrl-S or Tab saves"),
    ("lists", "← → move · Space ticks · 1-9 picks · Enter saves"),
    (
        "digits",
        "in an open field they are text; elsewhere they open a tab",
    ),
    ("Ctrl-C", "quit, from anywhere"),
];

/// The widest the help gets, border included.
const WIDEST: u16 = 78;

/// The help's text, wrapped to `width` columns, and the line where each tab's keys start.
pub struct HelpText {
    pub lines: Vec<Line<'static>>,
    /// (scope, first line) of each section of keys.
    pub sections: Vec<(Scope, usize)>,
}

/// Where a key's description starts.
const KEY_COLUMN: usize = 18;

fn push_wrapped(
    lines: &mut Vec<Line<'static>>,
    key: &str,
    what: &str,
    width: usize,
    theme: &Theme,
) {
    let rest = width.saturating_sub(KEY_COLUMN + 2).max(10);
    for (i, row) in wrap(what, rest).into_iter().enumerate() {
        let lead = if i == 0 {
            Span::styled(format!("  {key:<KEY_COLUMN$}"), theme.key)
        } else {
            Span::raw(" ".repeat(KEY_COLUMN + 2))
        };
        lines.push(Line::from(vec![lead, Span::raw(row)]));
    }
}

fn push_text(
    lines: &mut Vec<Line<'static>>,
    text: &str,
    width: usize,
    style: ratatui::style::Style,
) {
    lines.extend(
        wrap(text, width.max(10))
            .into_iter()
            .map(|row| Line::from(Span::styled(row, style))),
    );
}

/// The help for `keys`, wrapped to `width` columns (the inside of the popup).
pub fn text(keys: &Keymap, theme: &Theme, width: usize) -> HelpText {
    let mut lines = Vec::new();
    let mut sections = Vec::new();
    push_text(&mut lines, crate::advice::DISCLAIMER, width, theme.caution);
    lines.push(Line::default());
    for scope in Scope::ALL {
        sections.push((scope, lines.len()));
        lines.push(Line::from(Span::styled(scope.title(), theme.title)));
        for binding in keys.of_scope(scope) {
            push_wrapped(
                &mut lines,
                &keys.all_keys(binding),
                binding.help,
                width,
                theme,
            );
        }
        lines.push(Line::default());
    }
    lines.push(Line::from(Span::styled("Typing in a field", theme.title)));
    for (key, what) in TYPING {
        push_wrapped(&mut lines, key, what, width, theme);
    }
    lines.push(Line::default());
    push_text(
        &mut lines,
        "Other keys: write them in keys.ron in your config folder, e.g. \
         {\"log.up\": [\"Up\", \"c\"]} (see the README).",
        width,
        theme.dim,
    );
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        "Sources: where the rules and guidance come from",
        theme.title,
    )));
    for source in &crate::sources::SOURCES {
        push_wrapped(&mut lines, source.short, source.full, width, theme);
    }
    HelpText { lines, sections }
}

/// The popup of the help in `area`.
pub fn popup(area: Rect) -> Rect {
    area.centered(
        Constraint::Length(WIDEST.min(area.width)),
        Constraint::Length(area.height.saturating_sub(2)),
    )
}

/// The furthest the help can scroll in `area` (its last line at the bottom, never blank below).
pub fn max_scroll(keys: &Keymap, area: Rect) -> u16 {
    let inner = popup(area);
    let width = usize::from(inner.width.saturating_sub(2));
    let height = usize::from(inner.height.saturating_sub(2));
    let count = text(keys, &crate::tui::theme::MONO, width).lines.len();
    u16::try_from(count.saturating_sub(height)).unwrap_or(u16::MAX)
}

/// The line where the keys of `scope` start (the help opens there).
pub fn section_start(keys: &Keymap, scope: Scope, area: Rect) -> u16 {
    let width = usize::from(popup(area).width.saturating_sub(2));
    let help = text(keys, &crate::tui::theme::MONO, width);
    let line = help
        .sections
        .iter()
        .find(|(s, _)| *s == scope)
        .map_or(0, |(_, line)| *line);
    u16::try_from(line).unwrap_or(0).min(max_scroll(keys, area))
}

/// Draws the help overlay centred in `area`, scrolled down `top` lines (never past the end).
pub fn render(area: Rect, buf: &mut Buffer, keys: &Keymap, theme: &Theme, top: u16) {
    let popup = popup(area);
    Clear.render(popup, buf);
    let width = usize::from(popup.width.saturating_sub(2));
    let top = top.min(max_scroll(keys, area));
    Paragraph::new(text(keys, theme, width).lines)
        .scroll((top, 0))
        .block(
            Block::bordered()
                .title(" Help · ↑↓ PgUp PgDn Home End scroll · ? or Esc close ")
                .border_style(theme.border),
        )
        .render(popup, buf);
}

/// What quitting now would lose, the weightiest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsaved {
    /// A routine under way (or waiting for its pain score): quitting keeps it as partial.
    Routine,
    /// A value being typed on the Log tab.
    Typing,
    /// Triage answers given and not saved (a red-flag "yes" is saved as it is given).
    TriageAnswers,
}

/// Draws the "quit?" question, saying what would be lost.
pub fn confirm_quit(area: Rect, buf: &mut Buffer, theme: &Theme, unsaved: Unsaved) {
    let (said, yes) = match unsaved {
        Unsaved::Routine => (
            "A routine is under way (its clock is paused). Quitting stops it and keeps what \
             you did as a partial session in today's entry.",
            "stop the routine, keep it, and quit",
        ),
        Unsaved::Typing => (
            "What you are typing on the Log tab is not saved yet and would be lost.",
            "quit anyway",
        ),
        Unsaved::TriageAnswers => (
            "Your triage answers are not saved yet and would be lost (a yes to a warning \
             sign was saved when you gave it). Enter on the Result part saves them.",
            "quit anyway",
        ),
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
            kind.choices(),
            "Changed on disk",
        ),
        ConflictKind::Deleted => (
            format!(
                "{date} was deleted outside stridelog (by hand or a sync tool) since stridelog \
                 read it. Your change was NOT written back."
            ),
            kind.choices(),
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
