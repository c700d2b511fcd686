//! The form's rows: the day's fields, its runs and the sessions other tabs saved, a run's
//! fields, and a field being edited (with its inline error), as the shared [`Lines`] with the
//! cursor's field marked.

use super::super::form::{DayField, Field, Kind, RunField, Shown, run_summary};
use super::super::{Input, Item, Page};
use super::FormView;
use super::draw::{
    chooser_lines, editor_lines, highlight, labelled, minutes, pain_type, shoes_hint, wrap,
};
use crate::journal::DayEntry;
use crate::journal::entry::{Run, Slump};
use crate::tui::keymap::Command;
use crate::tui::widgets::lines::Lines;
use crate::values;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use std::fmt::Write as _;

impl FormView<'_> {
    /// The day's own fields.
    pub(super) fn field_part(&self, day: &DayEntry, width: u16, height: u16) -> Lines {
        let state = self.state;
        let label_width = Self::label_width(width);
        let mut rows = Lines::default();
        for field in DayField::ALL {
            let focused = state.page == Page::Day && state.day_cursor == Item::Field(field);
            let value = field.display(day);
            self.field_rows(
                &mut rows,
                Field::Day(field),
                value,
                focused,
                label_width,
                width,
                height,
            );
        }
        rows
    }

    /// The day's runs, "add a run", and the sessions other tabs saved.
    pub(super) fn runs_part(
        &self,
        day: &DayEntry,
        width: u16,
        label_width: usize,
        max_lines: usize,
    ) -> Lines {
        let theme = self.theme();
        let state = self.state;
        let mut rows = Lines::default();
        rows.push(Line::styled(
            format!(" Runs ({})", day.runs.len()),
            theme.title,
        ));
        let value_width = (width as usize).saturating_sub(label_width).max(8);
        for (i, run) in day.runs.iter().enumerate() {
            let focused = state.day_cursor == Item::Run(i);
            let label = format!(" {:<w$}", format!("Run {}", i + 1), w = label_width - 1);
            let mut summary = run_summary(run, self.ctx.settings.units);
            if !run.notes.is_empty() && max_lines > 2 {
                summary.push_str(" · ");
                summary.push_str(&run.notes.replace('\n', " "));
            }
            let start = rows.len();
            for line in labelled(&label, &summary, &[], value_width, max_lines, theme) {
                rows.push(highlight(line, focused, theme));
            }
            if focused {
                rows.focus_from(start);
            }
        }
        let focused = state.day_cursor == Item::AddRun;
        if focused {
            rows.focus_from(rows.len());
        }
        rows.push(highlight(
            Line::styled(
                format!(
                    " + Add a run ({})",
                    self.ctx.keys.first_key(Command::LogAddRun)
                ),
                if focused { theme.base } else { theme.dim },
            ),
            focused,
            theme,
        ));
        self.sessions(&mut rows, day, width as usize);
        rows
    }

    /// The routine sessions and the triage saved by their tabs, read-only.
    pub(super) fn sessions(&self, rows: &mut Lines, day: &DayEntry, width: usize) {
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
                if s.steps_done < s.steps_total {
                    text.push_str(" · partial (stopped early)");
                }
                push("   ", &text, theme.base);
            }
        }
        if let Some(triage) = &day.triage {
            push(" ", "Triage (saved by the Triage tab)", theme.title);
            if triage.red_flags.is_empty() {
                push("   ", "red flags: none", theme.base);
            } else {
                let flags: Vec<&str> = triage
                    .red_flags
                    .iter()
                    .map(|f| crate::triage::words::red_flag_label(*f))
                    .collect();
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

    pub(super) fn run_rows(&self, day: &DayEntry, width: u16, height: u16) -> Lines {
        let theme = self.theme();
        let state = self.state;
        let label_width = Self::label_width(width);
        let mut rows = Lines::default();
        let units = self.ctx.settings.units;
        let (run, new) = match &state.page {
            Page::Run(i) => (day.runs.get(*i).cloned().unwrap_or_default(), false),
            Page::NewRun(run) => (run.clone(), true),
            Page::Day => (Run::default(), false),
        };
        if new {
            rows.push(Line::styled(
                " A new run: it is saved as soon as its distance is.",
                theme.dim,
            ));
        }
        for field in RunField::ALL {
            let focused = state.run_cursor == field;
            let value = if new && field == RunField::Distance {
                None
            } else {
                field.display(&run, units)
            };
            self.field_rows(
                &mut rows,
                Field::Run(field),
                value,
                focused,
                label_width,
                width,
                height,
            );
            if field == RunField::Duration {
                let pace = values::format_pace(run.distance_km, run.duration_s, units);
                rows.push(Line::from(vec![
                    Span::styled(format!(" {:<w$}", "Pace", w = label_width - 1), theme.dim),
                    Span::styled(pace.unwrap_or_else(|| "—".into()), theme.dim),
                ]));
            }
        }
        rows.push(Line::default());
        let key = |command| self.ctx.keys.first_key(command);
        rows.push(Line::styled(
            if new {
                format!(
                    " {} cancels the new run (nothing is saved yet)",
                    key(Command::LogBack)
                )
            } else {
                format!(
                    " {} deletes this run (asks first) · {} back to the day",
                    key(Command::LogDeleteRun),
                    key(Command::LogBack)
                )
            },
            theme.dim,
        ));
        rows
    }

    /// The lines of one field, kept in view when it is the focused one; notes get more lines
    /// on a terminal `height` rows tall.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn field_rows(
        &self,
        rows: &mut Lines,
        field: Field,
        value: Option<Shown>,
        focused: bool,
        label_width: usize,
        width: u16,
        height: u16,
    ) {
        let start = rows.len();
        let notes_lines = if height >= 30 { 8 } else { 3 };
        self.field_lines(rows, field, value, focused, label_width, width, notes_lines);
        if focused {
            rows.focus_from(start);
        }
    }

    /// The lines of one field: label and value, or the editor, and an inline error.
    #[allow(clippy::too_many_arguments)]
    fn field_lines(
        &self,
        rows: &mut Lines,
        field: Field,
        value: Option<Shown>,
        focused: bool,
        label_width: usize,
        width: u16,
        notes_lines: usize,
    ) {
        let theme = self.theme();
        let value_width = (width as usize).saturating_sub(label_width).max(8);
        let edit = self
            .state
            .edit()
            .filter(|edit| focused && edit.field == field);
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
                Some(Shown::Score(score)) => {
                    // The bar is drawn from the stored score, never from the text shown.
                    let filled = usize::from(score.get());
                    let spans = vec![
                        Span::raw(" "),
                        Span::styled("■".repeat(filled), theme.chart_worst),
                        Span::styled("·".repeat(10 - filled), theme.dim),
                    ];
                    let text = Shown::Score(score).to_string();
                    let text = format!("{text:<5}");
                    labelled(&label, &text, &spans, value_width, max_lines, theme)
                }
                Some(Shown::Text(text)) => {
                    labelled(&label, &text, &[], value_width, max_lines, theme)
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
        if let Some(error) = &edit.error {
            notes.push((format!("✗ {error}"), theme.error));
        }
        for (text, style) in notes {
            for line in wrap(&text, value_width) {
                rows.push(Line::styled(format!("{indent}{line}"), style));
            }
        }
    }
}
