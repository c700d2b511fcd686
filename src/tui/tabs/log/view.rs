//! The one view of the Log tab: the day list and the selected day's (or run's) form, with
//! the field's hint and inline errors, and the tab's questions in the app's one question
//! dialog. Reads the state and the context only. The
//! list is in [`days`], the form's rows in [`rows`], small drawing helpers in [`draw`].

mod days;
mod draw;
mod rows;

use super::form::{Field, run_summary};
use super::{Item, LogState, Mode, Page};
use crate::journal::DayEntry;
use crate::tui::ctx::Ctx;
use crate::tui::keymap::Command;
use crate::tui::theme::Theme;
use crate::tui::widgets::confirm::Confirm;
use crate::tui::widgets::line::{self, Fill};
use crate::tui::widgets::lines::{Keep, Lines};
use crate::tui::widgets::split::split;
use crate::values::date;
use draw::{editor_lines, wrap_all};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Direction, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};
use std::fmt::Write as _;

/// Draws the tab.
pub struct LogView<'a> {
    pub state: &'a LogState,
    pub ctx: &'a Ctx,
}

impl Widget for LogView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Self { state, ctx } = self;
        let list_width = match area.width {
            110.. => 30,
            76.. => 24,
            _ => 18,
        };
        let [list_area, form_area] = split(
            Direction::Horizontal,
            area,
            [Constraint::Length(list_width), Constraint::Min(0)],
        );
        days::render(state.selected, ctx, list_area, buf);
        FormView { state, ctx }.render(form_area, buf);
        question(state, ctx, area, buf);
    }
}

/// The question the tab is asking, if any, in the app's one question dialog (over the whole
/// tab, where the quit question is drawn too).
fn question(state: &LogState, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let theme = ctx.theme;
    let undo = ctx.keys.first_key(Command::LogUndo);
    let (title, lines, choices): (String, Vec<String>, &[(&str, &str)]) = match &state.mode {
        Mode::ConfirmDelete(i) => {
            let summary = ctx
                .day_or_new(state.selected)
                .runs
                .get(*i)
                .map(|r| run_summary(r, ctx.settings.units))
                .unwrap_or_default();
            (
                format!("Delete run {}?", i + 1),
                vec![
                    format!(
                        "Run {} of {}: {summary}.",
                        i + 1,
                        state.selected.format("%a %-d %b %Y")
                    ),
                    format!("Deleting is saved at once; {undo} (undo) puts the run back."),
                ],
                &[("y", "delete it"), ("n", "keep it")],
            )
        }
        Mode::ConfirmDrop(edit) => (
            "Drop the changes?".to_owned(),
            vec![format!(
                "What you typed in {} is not saved yet.",
                edit.field.label().to_lowercase()
            )],
            &[
                ("y", "drop the changes"),
                ("n", "keep editing"),
                ("Ctrl-S", "save them"),
            ],
        ),
        Mode::ConfirmFuture => (
            "Log into a future day?".to_owned(),
            vec![format!(
                "{} is in the future (today is {}).",
                state.selected.format("%a %-d %b %Y"),
                ctx.today().format("%a %-d %b")
            )],
            &[("y", "yes, log into it"), ("n", "no, leave it")],
        ),
        Mode::Browse | Mode::Edit(_) | Mode::Goto(_) => return,
    };
    Confirm {
        title: &title,
        lines: &lines,
        choices,
        style: theme.caution,
        theme,
    }
    .render(area, buf);
}

/// The form side: title, notices, the rows, the footer.
struct FormView<'a> {
    state: &'a LogState,
    ctx: &'a Ctx,
}

impl FormView<'_> {
    fn theme(&self) -> &'static Theme {
        self.ctx.theme
    }

    /// The day to show: a change that failed to save is shown in place of the stored day.
    fn day(&self) -> DayEntry {
        match &self.state.unsaved {
            Some(u) if u.day.date == self.state.selected => u.day.clone(),
            _ => self.ctx.day_or_new(self.state.selected),
        }
    }

    fn label_width(width: u16) -> usize {
        if width >= 80 { 22 } else { 20 }
    }

    fn title(&self, day: &DayEntry) -> Line<'static> {
        let theme = self.theme();
        let date = self.state.selected;
        let mut text = format!(" {} ", date.format("%a %-d %b %Y"));
        let when = if date == self.ctx.today() {
            Some("today")
        } else if date == self.ctx.today().pred_opt().unwrap_or(date) {
            Some("yesterday")
        } else if date > self.ctx.today() {
            Some("ahead of today")
        } else {
            None
        };
        if let Some(when) = when {
            let _ = write!(text, "· {when} ");
        }
        let status = if self.ctx.journal().problem_for(date).is_some() {
            "· unreadable file: read-only "
        } else if self.ctx.read_only_reason().is_some() {
            "· read-only "
        } else if self.ctx.journal().day(date).is_none_or(DayEntry::is_empty) && day.is_empty() {
            "· nothing logged yet "
        } else {
            ""
        };
        text.push_str(status);
        match self.state.page {
            Page::Day => {}
            Page::Run(i) => {
                let _ = write!(text, "· run {} of {} ", i + 1, day.runs.len());
            }
            Page::NewRun(_) => text.push_str("· new run "),
        }
        Line::from(text).style(theme.title)
    }

    /// Notices above the form: an unreadable file, a change that could not be saved.
    fn notices(&self, width: u16) -> Vec<Line<'static>> {
        let theme = self.theme();
        let mut lines = Vec::new();
        if let Some(problem) = self.ctx.journal().problem_for(self.state.selected) {
            if problem.is_newer_version() {
                lines.push(Line::styled(
                    "Written by a newer stridelog: shown read-only. Update stridelog to edit it.",
                    theme.caution,
                ));
            } else {
                lines.push(Line::styled(
                    "This day's file could not be read. It is read-only here and is never \
                     overwritten:",
                    theme.error,
                ));
            }
            lines.push(Line::from(format!("{}: {}", problem.path, problem.error)));
            lines.push(Line::styled(
                "Fix it in a text editor (`stridelog check` lists every problem), then restart.",
                theme.dim,
            ));
        }
        if let Some(unsaved) = &self.state.unsaved {
            let key = |command| self.ctx.keys.first_key(command);
            lines.push(Line::styled(
                format!(
                    "NOT SAVED: {}. {} · {} tries again, {} reloads, {} drops it.",
                    unsaved.what,
                    unsaved.error,
                    key(Command::LogRetry),
                    key(Command::LogReload),
                    key(Command::LogBack),
                ),
                theme.error,
            ));
        }
        wrap_all(lines, width)
    }

    /// The lines at the bottom: the field's meaning (or the go-to prompt), the last message.
    fn footer(&self, width: u16) -> Vec<Line<'static>> {
        let theme = self.theme();
        let state = self.state;
        let mut lines = Vec::new();
        // A go-to date that was refused is already said under the prompt: not twice.
        let mut said: Option<String> = None;
        match &state.mode {
            Mode::Goto(text) => {
                let mut spans = vec![Span::styled("Go to: ", theme.key)];
                spans.extend(editor_lines(text, 20, theme).into_iter().flatten());
                lines.push(Line::from(spans));
                lines.push(match date::resolve(&text.text(), self.ctx.today()) {
                    Ok(date) => Line::styled(
                        format!("→ {}   Enter to go there", date.format("%A %-d %B %Y")),
                        theme.ok,
                    ),
                    Err(_) if text.text().trim().is_empty() => {
                        Line::styled(date::ACCEPTED.to_owned(), theme.dim)
                    }
                    Err(problem) => {
                        said = Some(problem.clone());
                        Line::styled(problem, theme.error)
                    }
                });
            }
            _ if self
                .ctx
                .journal()
                .problem_for(state.selected)
                .is_some_and(|p| !p.is_newer_version()) =>
            {
                let key = |command| self.ctx.keys.first_key(command);
                lines.push(Line::styled(
                    format!(
                        "Nothing on this day can be changed until its file is fixed. {} {} other \
                         days, {} today.",
                        key(Command::LogPrevDay),
                        key(Command::LogNextDay),
                        key(Command::LogToday),
                    ),
                    theme.dim,
                ));
            }
            _ => {
                let hint = match (&state.page, state.day_cursor) {
                    (Page::Day, Item::Run(_)) => format!(
                        "A run of this day: {} opens it to see or change every detail, {} \
                         deletes it.",
                        self.ctx.keys.first_key(Command::LogEdit),
                        self.ctx.keys.first_key(Command::LogDeleteRun),
                    ),
                    (Page::Day, Item::AddRun) => {
                        "Add a run: distance, time, pain before/during/after, gait, surface, shoes."
                            .to_owned()
                    }
                    _ => state.field().map_or("", Field::hint).to_owned(),
                };
                lines.push(Line::styled(hint, theme.dim));
            }
        }
        if let Some(message) = &state.message
            && said.as_deref() != Some(message.text.as_str())
        {
            lines.push(Line::styled(
                message.text.clone(),
                message.tone.style(theme),
            ));
        }
        wrap_all(lines, width)
    }
}

impl Widget for FormView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme();
        let day = self.day();
        let locked = self.state.lock_reason(self.ctx).is_some();
        let block = Block::bordered()
            .title(self.title(&day))
            .border_style(if locked { theme.caution } else { theme.border });
        let inner = block.inner(area);
        block.render(area, buf);
        let notices = self.notices(inner.width.saturating_sub(1));
        let footer = self.footer(inner.width.saturating_sub(1));
        let [notice_area, form_area, _, footer_area] = split(
            Direction::Vertical,
            inner,
            [
                Constraint::Length(notices.len() as u16),
                Constraint::Min(3),
                Constraint::Length(1),
                Constraint::Length((footer.len() as u16).min(inner.height / 3).max(2)),
            ],
        );
        let pad = |area: Rect| Rect {
            x: area.x + 1,
            width: area.width.saturating_sub(1),
            ..area
        };
        line::draw_lines(&notices, pad(notice_area), buf);
        let unreadable = self
            .ctx
            .journal()
            .problem_for(self.state.selected)
            .is_some_and(|p| !p.is_newer_version());
        if !unreadable {
            match self.state.page {
                Page::Run(_) | Page::NewRun(_) => {
                    show(
                        &self.run_rows(&day, form_area.width, inner.height),
                        form_area,
                        buf,
                    );
                }
                // Wide: the day's fields on the left, its runs and sessions on the right.
                Page::Day if form_area.width >= 86 => {
                    let [left, _, right] = split(
                        Direction::Horizontal,
                        form_area,
                        [
                            Constraint::Length(48),
                            Constraint::Length(1),
                            Constraint::Min(0),
                        ],
                    );
                    show(&self.field_part(&day, left.width, inner.height), left, buf);
                    show(&self.runs_part(&day, right.width, 8, 4), right, buf);
                }
                Page::Day => {
                    let label_width = Self::label_width(form_area.width);
                    let rows = self
                        .field_part(&day, form_area.width, inner.height)
                        .append(self.runs_part(&day, form_area.width, label_width, 2));
                    show(&rows, form_area, buf);
                }
            }
        }
        // A thin rule between form and footer.
        let rule = Rect {
            y: footer_area.y.saturating_sub(1),
            height: 1,
            ..footer_area
        };
        line::draw(
            &Line::styled("─".repeat(rule.width as usize), theme.border),
            rule,
            buf,
            Fill::Row,
        );
        Paragraph::new(footer)
            .wrap(Wrap { trim: false })
            .render(pad(footer_area), buf);
    }
}

/// Draws the form's rows in `area`, scrolled just enough to show the cursor's.
fn show(rows: &Lines, area: Rect, buf: &mut Buffer) {
    rows.render(
        rows.offset(usize::from(area.height), Keep::End),
        area,
        buf,
        None,
    );
}
