//! Draws the Log tab: the day list and the selected day's (or run's) form, with the field's
//! hint, inline errors and prompts. Only reads state.

use super::editor::{Chooser, TextEditor};
use super::form::{self, DayField, Field, Kind, RunField};
use super::{Input, Item, LogState, Mode, Page, Tone, days, goto, input};
use crate::journal::DayEntry;
use crate::journal::entry::{PainType, RedFlag, Slump};
use crate::tui::ctx::Ctx;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};
use std::fmt::Write as _;

/// Draws the whole tab into `area`.
pub fn render(state: &LogState, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let list_width = match area.width {
        110.. => 30,
        76.. => 24,
        _ => 18,
    };
    let [list_area, form_area] =
        Layout::horizontal([Constraint::Length(list_width), Constraint::Min(0)]).areas(area);
    days::render(state.selected, ctx, list_area, buf);
    FormView { state, ctx }.render(form_area, buf);
}

struct FormView<'a> {
    state: &'a LogState,
    ctx: &'a Ctx,
}

/// Lines of the form and which of them belong to the cursor's row (if it is in them).
#[derive(Default)]
struct Rows {
    lines: Vec<Line<'static>>,
    focus: Option<(usize, usize)>,
}

impl Rows {
    fn push(&mut self, line: Line<'static>) {
        self.lines.push(line);
    }

    /// Marks the lines pushed since `start` as the cursor's.
    fn focus_from(&mut self, start: usize) {
        self.focus = Some((start, self.lines.len().max(start + 1) - 1));
    }

    /// These lines, then `more`'s.
    fn append(mut self, more: Rows) -> Rows {
        let shift = self.lines.len();
        if let Some((a, b)) = more.focus {
            self.focus = Some((a + shift, b + shift));
        }
        self.lines.extend(more.lines);
        self
    }

    /// Draws the lines in `area`, scrolled to show the cursor's.
    fn render(self, area: Rect, buf: &mut Buffer) {
        let offset = self.focus.map_or(0, |focus| {
            scroll_offset(focus, self.lines.len(), area.height)
        });
        Paragraph::new(self.lines)
            .scroll((offset, 0))
            .render(area, buf);
    }
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
        let when = if date == self.ctx.today {
            Some("today")
        } else if date == self.ctx.today.pred_opt().unwrap_or(date) {
            Some("yesterday")
        } else if date > self.ctx.today {
            Some("ahead of today")
        } else {
            None
        };
        if let Some(when) = when {
            let _ = write!(text, "· {when} ");
        }
        let status = if self.ctx.journal.problem_for(date).is_some() {
            "· unreadable file: read-only "
        } else if self.ctx.read_only_reason().is_some() {
            "· read-only "
        } else if self.ctx.journal.day(date).is_none_or(DayEntry::is_empty) && day.is_empty() {
            "· nothing logged yet "
        } else {
            ""
        };
        text.push_str(status);
        if let Page::Run(index) = self.state.page {
            match index {
                Some(i) => {
                    let _ = write!(text, "· run {} of {} ", i + 1, day.runs.len());
                }
                None => text.push_str("· new run "),
            }
        }
        Line::from(text).style(theme.title)
    }

    /// Notices above the form: an unreadable file, a change that could not be saved.
    fn notices(&self, width: u16) -> Vec<Line<'static>> {
        let theme = self.theme();
        let mut lines = Vec::new();
        if let Some(problem) = self.ctx.journal.problem_for(self.state.selected) {
            if problem.newer_version {
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
            lines.push(Line::styled(
                format!(
                    "NOT SAVED: {}. {} · r tries again, Ctrl-R reloads, Esc drops it.",
                    unsaved.what, unsaved.error
                ),
                theme.error,
            ));
        }
        wrap_all(lines, width)
    }

    /// The day's own fields.
    fn field_part(&self, day: &DayEntry, width: u16, height: u16) -> Rows {
        let state = self.state;
        let label_width = Self::label_width(width);
        let mut rows = Rows::default();
        let notes_lines = if height >= 30 { 8 } else { 3 };
        for field in DayField::ALL {
            let start = rows.lines.len();
            let focused = state.page == Page::Day && state.day_cursor == Item::Field(field);
            let value = field.display(day);
            self.field_rows(
                &mut rows,
                Field::Day(field),
                value,
                focused,
                label_width,
                width,
                notes_lines,
            );
            if focused {
                rows.focus_from(start);
            }
        }
        rows
    }

    /// The day's runs, "add a run", and the sessions other tabs saved.
    fn runs_part(&self, day: &DayEntry, width: u16, label_width: usize, max_lines: usize) -> Rows {
        let theme = self.theme();
        let state = self.state;
        let mut rows = Rows::default();
        rows.push(Line::styled(
            format!(" Runs ({})", day.runs.len()),
            theme.title,
        ));
        let value_width = (width as usize).saturating_sub(label_width).max(8);
        for (i, run) in day.runs.iter().enumerate() {
            let focused = state.day_cursor == Item::Run(i);
            let label = format!(" {:<w$}", format!("Run {}", i + 1), w = label_width - 1);
            let mut summary = form::run_summary(run, state.unit);
            if !run.notes.is_empty() && max_lines > 2 {
                summary.push_str(" · ");
                summary.push_str(&run.notes.replace('\n', " "));
            }
            let start = rows.lines.len();
            for line in labelled(&label, &summary, &[], value_width, max_lines, theme) {
                rows.push(highlight(line, focused, theme));
            }
            if focused {
                rows.focus_from(start);
            }
        }
        let focused = state.day_cursor == Item::AddRun;
        if focused {
            rows.focus_from(rows.lines.len());
        }
        rows.push(highlight(
            Line::styled(
                " + Add a run (a)",
                if focused { theme.base } else { theme.dim },
            ),
            focused,
            theme,
        ));
        self.sessions(&mut rows, day, width as usize);
        rows
    }

    /// The routine sessions and the triage saved by their tabs, read-only.
    fn sessions(&self, rows: &mut Rows, day: &DayEntry, width: usize) {
        let theme = self.theme();
        let mut push = |indent: &str, text: &str, style: Style| {
            for line in wrap(text, width.saturating_sub(indent.len())) {
                rows.push(Line::styled(format!("{indent}{line}"), style));
            }
        };
        if day.routines.is_empty() && day.triage.is_none() {
            push(
                " ",
                "Routines, triage: none saved (their tabs save them here)",
                theme.dim,
            );
            return;
        }
        if !day.routines.is_empty() {
            push(" ", "Routines (saved by the Routine tab)", theme.title);
            for s in &day.routines {
                let mut text = format!(
                    "{} {} · {}/{} steps · {}",
                    s.started.format("%H:%M"),
                    s.routine,
                    s.steps_done,
                    s.steps_total,
                    minutes(s.seconds)
                );
                if let Some(p) = s.pain_after {
                    let _ = write!(text, " · pain after {p}/10");
                }
                push("   ", &text, theme.base);
            }
        }
        if let Some(triage) = &day.triage {
            push(" ", "Triage (saved by the Triage tab)", theme.title);
            if triage.red_flags.is_empty() {
                push("   ", "red flags: none", theme.base);
            } else {
                let flags: Vec<&str> = triage.red_flags.iter().map(|f| red_flag(*f)).collect();
                push(
                    "   ",
                    &format!("RED FLAGS: {}", flags.join(", ")),
                    theme.error,
                );
            }
            let slump = match triage.slump {
                Some(Slump::Positive) => "positive",
                Some(Slump::Negative) => "negative",
                None => "not done",
            };
            let kinds: Vec<&str> = triage
                .classification
                .iter()
                .map(|k| pain_type(*k))
                .collect();
            let kinds = if kinds.is_empty() {
                "no pain type".to_owned()
            } else {
                kinds.join(", ")
            };
            push("   ", &format!("slump test: {slump} · {kinds}"), theme.base);
        }
    }

    fn run_rows(&self, day: &DayEntry, width: u16, height: u16) -> Rows {
        let theme = self.theme();
        let state = self.state;
        let label_width = Self::label_width(width);
        let mut rows = Rows::default();
        let run = match state.page {
            Page::Run(Some(i)) => day.runs.get(i).cloned().unwrap_or_default(),
            _ => state.draft.clone(),
        };
        if state.page == Page::Run(None) {
            rows.push(Line::styled(
                " A new run: it is saved as soon as its distance is.",
                theme.dim,
            ));
        }
        let notes_lines = if height >= 30 { 8 } else { 3 };
        for field in RunField::ALL {
            let start = rows.lines.len();
            let focused = state.run_cursor == field;
            let value = if state.page == Page::Run(None) && field == RunField::Distance {
                None
            } else {
                field.display(&run, state.unit)
            };
            self.field_rows(
                &mut rows,
                Field::Run(field),
                value,
                focused,
                label_width,
                width,
                notes_lines,
            );
            if focused {
                rows.focus_from(start);
            }
            if field == RunField::Duration {
                let pace = input::format_pace(run.distance_km, run.duration_s, state.unit);
                rows.push(Line::from(vec![
                    Span::styled(format!(" {:<w$}", "Pace", w = label_width - 1), theme.dim),
                    Span::styled(pace.unwrap_or_else(|| "—".into()), theme.dim),
                ]));
            }
        }
        rows.push(Line::default());
        rows.push(Line::styled(
            if state.page == Page::Run(None) {
                " Esc cancels the new run (nothing is saved yet)"
            } else {
                " d deletes this run (asks first) · Esc back to the day"
            },
            theme.dim,
        ));
        rows
    }

    /// The lines of one field: label and value, or the editor, and an inline error.
    #[allow(clippy::too_many_arguments)]
    fn field_rows(
        &self,
        rows: &mut Rows,
        field: Field,
        value: Option<String>,
        focused: bool,
        label_width: usize,
        width: u16,
        notes_lines: usize,
    ) {
        let theme = self.theme();
        let value_width = (width as usize).saturating_sub(label_width).max(8);
        let edit = match &self.state.mode {
            Mode::Edit(edit) if focused && edit.field == field => Some(edit),
            _ => None,
        };
        let label = format!(" {:<w$}", field.label(), w = label_width - 1);
        let indent = " ".repeat(label_width);
        let Some(edit) = edit else {
            let max_lines = if matches!(field.kind(), Kind::Text { multiline: true }) {
                notes_lines
            } else {
                2
            };
            let lines = match value {
                None => vec![Line::from(vec![
                    Span::raw(label),
                    Span::styled("—", theme.dim),
                ])],
                Some(value) => {
                    let mut spans = Vec::new();
                    if field.kind() == Kind::Score
                        && let Some(score) = score_of(&value)
                    {
                        spans.push(Span::raw(" "));
                        spans.push(Span::styled("■".repeat(score), theme.chart_worst));
                        spans.push(Span::styled("·".repeat(10 - score), theme.dim));
                    }
                    let value = if field.kind() == Kind::Score {
                        format!("{value:<5}")
                    } else {
                        value
                    };
                    labelled(&label, &value, &spans, value_width, max_lines, theme)
                }
            };
            for line in lines {
                rows.push(highlight(line, focused, theme));
            }
            return;
        };
        let label_span = Span::styled(label, theme.editing);
        match &edit.input {
            Input::Text(text) => {
                let (lines, _) = text.lines_and_cursor();
                let drawn = editor_lines(text, value_width, theme);
                for (i, spans) in drawn.into_iter().enumerate() {
                    let head = if i == 0 {
                        label_span.clone()
                    } else {
                        Span::raw(indent.clone())
                    };
                    let mut all = vec![head];
                    all.extend(spans);
                    rows.push(Line::from(all));
                }
                if text.multiline && lines.len() == 1 && text.text().is_empty() {
                    rows.push(Line::styled(
                        format!("{indent}Enter: new line · Ctrl-S or Tab: save"),
                        theme.dim,
                    ));
                }
            }
            Input::Choice(chooser) => {
                for (i, spans) in chooser_lines(chooser, value_width, theme)
                    .into_iter()
                    .enumerate()
                {
                    let head = if i == 0 {
                        label_span.clone()
                    } else {
                        Span::raw(indent.clone())
                    };
                    let mut all = vec![head];
                    all.extend(spans);
                    rows.push(Line::from(all));
                }
            }
        }
        let mut notes = Vec::new();
        if let Some(shoe_hint) = shoes_hint(edit) {
            notes.push((shoe_hint, theme.dim));
        }
        if edit.confirm_drop {
            notes.push((
                "Drop the changes? y drops them · n keeps editing · Ctrl-S saves".to_owned(),
                theme.caution,
            ));
        }
        if let Some(error) = &edit.error {
            notes.push((format!("✗ {error}"), theme.error));
        }
        for (text, style) in notes {
            for line in wrap(&text, value_width) {
                rows.push(Line::styled(format!("{indent}{line}"), style));
            }
        }
    }

    /// The lines at the bottom: the field's meaning, a prompt, the last message.
    fn footer(&self, width: u16) -> Vec<Line<'static>> {
        let theme = self.theme();
        let state = self.state;
        let mut lines = Vec::new();
        match &state.mode {
            Mode::Goto(text) => {
                let mut spans = vec![Span::styled("Go to: ", theme.key)];
                spans.extend(editor_lines(text, 20, theme).into_iter().flatten());
                lines.push(Line::from(spans));
                lines.push(match goto::resolve(&text.text(), self.ctx.today) {
                    Ok(date) => Line::styled(
                        format!("→ {}   Enter to go there", date.format("%A %-d %B %Y")),
                        theme.ok,
                    ),
                    Err(_) if text.text().trim().is_empty() => {
                        Line::styled(goto::ACCEPTED.to_owned(), theme.dim)
                    }
                    Err(problem) => Line::styled(problem, theme.error),
                });
            }
            Mode::ConfirmDelete(i) => {
                let day = self.day();
                let summary = day
                    .runs
                    .get(*i)
                    .map(|r| form::run_summary(r, state.unit))
                    .unwrap_or_default();
                lines.push(Line::styled(
                    format!("Delete run {} ({summary})?", i + 1),
                    theme.caution,
                ));
                lines.push(Line::from(vec![
                    Span::styled("y", theme.key),
                    Span::raw(" delete   "),
                    Span::styled("n", theme.key),
                    Span::raw(" keep it"),
                ]));
            }
            _ if self
                .ctx
                .journal
                .problem_for(state.selected)
                .is_some_and(|p| !p.newer_version) =>
            {
                lines.push(Line::styled(
                    "Nothing on this day can be changed until its file is fixed. ← → other days, \
                     t today.",
                    theme.dim,
                ));
            }
            _ => {
                let hint = match (state.page, state.day_cursor) {
                    (Page::Day, Item::Run(_)) => {
                        "A run of this day: Enter opens it to see or change every detail, d deletes it."
                    }
                    (Page::Day, Item::AddRun) => {
                        "Add a run: distance, time, pain before/during/after, gait, surface, shoes."
                    }
                    _ => state.field().map_or("", Field::hint),
                };
                lines.push(Line::styled(hint.to_owned(), theme.dim));
            }
        }
        if let Some((tone, message)) = &state.message {
            let style = match tone {
                Tone::Info => theme.info,
                Tone::Done => theme.ok,
                Tone::Error => theme.error,
            };
            lines.push(Line::styled(message.clone(), style));
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
        let [notice_area, form_area, _, footer_area] = Layout::vertical([
            Constraint::Length(notices.len() as u16),
            Constraint::Min(3),
            Constraint::Length(1),
            Constraint::Length((footer.len() as u16).min(inner.height / 3).max(2)),
        ])
        .areas(inner);
        let pad = |area: Rect| Rect {
            x: area.x + 1,
            width: area.width.saturating_sub(1),
            ..area
        };
        Paragraph::new(notices).render(pad(notice_area), buf);
        let unreadable = self
            .ctx
            .journal
            .problem_for(self.state.selected)
            .is_some_and(|p| !p.newer_version);
        if !unreadable {
            match self.state.page {
                Page::Run(_) => self
                    .run_rows(&day, form_area.width, inner.height)
                    .render(form_area, buf),
                // Wide: the day's fields on the left, its runs and sessions on the right.
                Page::Day if form_area.width >= 86 => {
                    let [left, _, right] = Layout::horizontal([
                        Constraint::Length(48),
                        Constraint::Length(1),
                        Constraint::Min(0),
                    ])
                    .areas(form_area);
                    self.field_part(&day, left.width, inner.height)
                        .render(left, buf);
                    self.runs_part(&day, right.width, 8, 4).render(right, buf);
                }
                Page::Day => {
                    let label_width = Self::label_width(form_area.width);
                    self.field_part(&day, form_area.width, inner.height)
                        .append(self.runs_part(&day, form_area.width, label_width, 2))
                        .render(form_area, buf);
                }
            }
        }
        // A thin rule between form and footer.
        let rule = Rect {
            y: footer_area.y.saturating_sub(1),
            height: 1,
            ..footer_area
        };
        Line::styled("─".repeat(rule.width as usize), theme.border).render(rule, buf);
        Paragraph::new(footer)
            .wrap(Wrap { trim: false })
            .render(pad(footer_area), buf);
    }
}

/// The first visible line: enough to show the cursor's lines, and no more scrolled than
/// needed (so short forms never scroll).
fn scroll_offset(focus: (usize, usize), total: usize, height: u16) -> u16 {
    let height = usize::from(height.max(1));
    if total <= height {
        return 0;
    }
    let (start, end) = focus;
    let offset = (end + 1).saturating_sub(height);
    if end + 1 - start > height {
        // Taller than the view (long notes being typed): show the end, where the cursor is.
        offset as u16
    } else {
        offset.min(start) as u16
    }
}

fn highlight(line: Line<'static>, focused: bool, theme: &Theme) -> Line<'static> {
    if focused {
        line.style(Style::default().patch(theme.selected))
    } else {
        line
    }
}

/// A label and a value wrapped to `width` over at most `max_lines` lines (`…` when cut);
/// `extra` follows the value's first line.
fn labelled(
    label: &str,
    value: &str,
    extra: &[Span<'static>],
    width: usize,
    max_lines: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let indent = " ".repeat(label.chars().count());
    let mut wrapped: Vec<String> = value.lines().flat_map(|l| wrap(l, width)).collect();
    if wrapped.is_empty() {
        wrapped.push(String::new());
    }
    let cut = wrapped.len() > max_lines;
    wrapped.truncate(max_lines.max(1));
    let mut lines = Vec::new();
    for (i, text) in wrapped.into_iter().enumerate() {
        let head = if i == 0 {
            label.to_owned()
        } else {
            indent.clone()
        };
        let mut spans = vec![Span::raw(head), Span::raw(text)];
        if i == 0 {
            spans.extend(extra.iter().cloned());
        }
        lines.push(Line::from(spans));
    }
    if cut && let Some(last) = lines.last_mut() {
        last.spans.push(Span::styled(" …", theme.dim));
    }
    lines
}

/// The score in a shown value like `5/10`.
fn score_of(value: &str) -> Option<usize> {
    value
        .split('/')
        .next()?
        .parse::<usize>()
        .ok()
        .filter(|s| *s <= 10)
}

/// The editor's text as lines of spans, the cursor drawn as a reversed cell. A one-line
/// field scrolls sideways to keep the cursor in view; notes wrap.
fn editor_lines(text: &TextEditor, width: usize, theme: &Theme) -> Vec<Vec<Span<'static>>> {
    let (lines, (cursor_line, cursor_col)) = text.lines_and_cursor();
    let room = width.max(4) - 1;
    let mut rows = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let chars: Vec<char> = line.chars().collect();
        let cursor = (i == cursor_line).then_some(cursor_col);
        if !text.multiline {
            let skip = cursor.map_or(0, |c| (c + 1).saturating_sub(room));
            let visible: Vec<char> = chars.iter().skip(skip).take(room).copied().collect();
            rows.push(editor_row(
                &visible,
                cursor.map(|c| c - skip),
                text.fresh(),
                theme,
            ));
            continue;
        }
        let pieces = chars.len() / room + 1;
        for piece in 0..pieces {
            let from = piece * room;
            let visible = &chars[from.min(chars.len())..(from + room).min(chars.len())];
            let here = cursor.filter(|c| c / room == piece).map(|c| c % room);
            if visible.is_empty() && here.is_none() && piece > 0 {
                continue;
            }
            rows.push(editor_row(visible, here, false, theme));
        }
    }
    rows
}

/// One row of an editor; `cursor` is the column of the cursor when it is on this row.
fn editor_row(
    visible: &[char],
    cursor: Option<usize>,
    fresh: bool,
    theme: &Theme,
) -> Vec<Span<'static>> {
    let Some(c) = cursor else {
        return vec![Span::styled(
            visible.iter().collect::<String>(),
            theme.editing,
        )];
    };
    let before: String = visible.iter().take(c).collect();
    let at: String = visible.get(c).map_or(" ".into(), char::to_string);
    let after: String = visible.iter().skip(c + 1).collect();
    let before_style = if fresh {
        theme.selected.patch(theme.editing)
    } else {
        theme.editing
    };
    vec![
        Span::styled(before, before_style),
        Span::styled(at, theme.selected.patch(theme.key)),
        Span::styled(after, theme.editing),
    ]
}

/// The chooser's options, `[x] lower back  [ ] buttock …` (or `(•) left …`), wrapped.
fn chooser_lines(chooser: &Chooser, width: usize, theme: &Theme) -> Vec<Vec<Span<'static>>> {
    let mut lines: Vec<Vec<Span<'static>>> = vec![Vec::new()];
    let mut used = 0;
    for (i, option) in chooser.options.iter().enumerate() {
        let mark = match (chooser.multi, chooser.ticked[i]) {
            (true, true) => "[x]",
            (true, false) => "[ ]",
            (false, true) => "(•)",
            (false, false) => "( )",
        };
        let text = format!("{mark} {option}");
        let len = text.chars().count() + 2;
        if used > 0 && used + len > width {
            lines.push(Vec::new());
            used = 0;
        }
        let style = if i == chooser.at {
            theme.selected.patch(theme.key)
        } else if chooser.ticked[i] {
            theme.editing
        } else {
            theme.base
        };
        let line = lines.last_mut().expect("one line at least");
        line.push(Span::styled(text, style));
        line.push(Span::raw("  "));
        used += len;
    }
    lines
}

fn shoes_hint(edit: &super::Edit) -> Option<String> {
    if edit.field != Field::Run(RunField::Shoes) || edit.suggestions.is_empty() {
        return None;
    }
    let names: Vec<&str> = edit
        .suggestions
        .iter()
        .take(4)
        .map(String::as_str)
        .collect();
    let more = if edit.suggestions.len() > 4 {
        ", …"
    } else {
        ""
    };
    Some(format!("↑↓ used before: {}{more}", names.join(", ")))
}

/// Splits `text` into lines of at most `width` characters, at spaces where possible.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(8);
    let mut lines = Vec::new();
    let mut line = String::new();
    for long_word in text.split(' ') {
        let chars: Vec<char> = long_word.chars().collect();
        for piece in chars.chunks(width) {
            let word: String = piece.iter().collect();
            push_word(&mut lines, &mut line, &word, width);
        }
        if chars.is_empty() {
            push_word(&mut lines, &mut line, "", width);
        }
    }
    lines.push(line);
    lines
}

fn push_word(lines: &mut Vec<String>, line: &mut String, word: &str, width: usize) {
    {
        let needed = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if !line.is_empty() && needed > width {
            lines.push(std::mem::take(line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
}

/// Wraps every line to `width`, keeping each line's style.
fn wrap_all(lines: Vec<Line<'static>>, width: u16) -> Vec<Line<'static>> {
    lines
        .into_iter()
        .flat_map(|line| {
            let style = line.style;
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            if line.spans.len() > 1 || text.chars().count() <= width as usize {
                vec![line]
            } else {
                wrap(&text, width as usize)
                    .into_iter()
                    .map(|l| Line::styled(l, style))
                    .collect()
            }
        })
        .collect()
}

fn minutes(seconds: u32) -> String {
    if seconds < 60 {
        format!("{seconds} s")
    } else {
        format!("{} min", (seconds + 30) / 60)
    }
}

fn red_flag(flag: RedFlag) -> &'static str {
    match flag {
        RedFlag::BladderOrBowel => "bladder or bowel change",
        RedFlag::SaddleNumbness => "saddle numbness",
        RedFlag::BothLegs => "both legs",
        RedFlag::ProgressiveWeakness => "progressive weakness",
        RedFlag::FootDrop => "foot drop",
        RedFlag::SexualDysfunction => "sexual dysfunction",
        RedFlag::FeverOrWeightLoss => "fever or weight loss",
        RedFlag::MajorTrauma => "major trauma",
    }
}

fn pain_type(kind: PainType) -> &'static str {
    match kind {
        PainType::Referred => "referred pain",
        PainType::Radicular => "radicular pain",
        PainType::Radiculopathy => "radiculopathy",
        PainType::Tendon => "tendon pain",
        PainType::Unsure => "unsure",
    }
}
