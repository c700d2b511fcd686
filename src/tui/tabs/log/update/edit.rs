//! The field editor: opening it on the stored value, typing and picking, Esc (asking before
//! changed notes are dropped), shoes used before.

use super::super::editor::{Chooser, TextEditor};
use super::super::form::{Field, Kind, RunField, known_shoes};
use super::super::{Edit, Input, Item, LogState, Mode, Page, Tone};
use crate::journal::DayEntry;
use crate::journal::entry::Run;
use crate::tui::ctx::Ctx;
use crate::tui::widgets::message::Message;

impl LogState {
    /// The run the run page shows: a stored one, or the one being added.
    pub(super) fn run_of(&self, day: &DayEntry) -> Option<Run> {
        match &self.page {
            Page::Run(i) => day.runs.get(*i).cloned(),
            Page::NewRun(run) => Some(run.clone()),
            Page::Day => None,
        }
    }

    /// Opens the editor of `field`, starting from the stored value (never from the text on
    /// screen).
    pub(super) fn open_editor(&mut self, field: Field, ctx: &Ctx) {
        if self.refuse_edit(ctx) {
            return;
        }
        let day = self.stored_day(ctx);
        let kind = field.kind();
        let input = match kind {
            Kind::Choice | Kind::YesNo | Kind::Multi => {
                let ticks = match field {
                    Field::Day(f) => f.ticks(&day),
                    Field::Run(f) => self.run_of(&day).map(|r| f.ticks(&r)).unwrap_or_default(),
                };
                Input::Choice(Chooser::new(field.options(), ticks, kind == Kind::Multi))
            }
            _ => {
                let text = match field {
                    Field::Day(f) => f.edit_text(&day),
                    Field::Run(f) => self
                        .run_of(&day)
                        .map(|r| f.edit_text(&r, ctx.settings.units))
                        .unwrap_or_default(),
                };
                let multiline = kind == Kind::Text { multiline: true };
                Input::Text(TextEditor::new(&text, multiline))
            }
        };
        let suggestions = if field == Field::Run(RunField::Shoes) {
            known_shoes(ctx.journal().days.values())
        } else {
            Vec::new()
        };
        self.mode = Mode::Edit(Edit {
            field,
            input,
            error: None,
            suggestions,
            suggestion: None,
        });
    }

    pub(super) fn close_editor(&mut self) {
        self.mode = Mode::Browse;
        if matches!(self.page, Page::NewRun(_)) {
            // The new run was never saved: back to the day.
            self.page = Page::Day;
            self.day_cursor = Item::AddRun;
        }
    }

    /// After "changed on disk" was answered: the value that could not be saved is either in
    /// the conflict copy or dropped, as the runner chose, so the form shows what is on disk now.
    pub fn settle_after_conflict(&mut self, ctx: &Ctx) {
        if self.edit().is_some() {
            self.close_editor();
        }
        self.unsaved = None;
        self.fix_cursor(ctx);
        self.message = ctx.notice.clone().map(|n| Message::new(Tone::Info, n));
    }

    /// Esc: closes the editor, a question or the go-to prompt. Changed notes are not dropped
    /// on one key: the question comes up first.
    pub(super) fn cancel(&mut self) {
        match std::mem::replace(&mut self.mode, Mode::Browse) {
            Mode::Edit(edit) if matches!(&edit.input, Input::Text(text) if text.multiline && text.changed()) =>
            {
                self.mode = Mode::ConfirmDrop(edit);
            }
            Mode::Edit(_) => self.close_editor(),
            // Esc on the question goes on editing, like n.
            Mode::ConfirmDrop(edit) => self.mode = Mode::Edit(edit),
            Mode::Goto(_) | Mode::ConfirmDelete(_) | Mode::ConfirmFuture | Mode::Browse => {}
        }
    }

    /// The answer to "drop the changed notes?": y closes the editor, n goes on editing.
    pub(super) fn answer_drop(&mut self, drop: bool) {
        let Mode::ConfirmDrop(edit) = std::mem::replace(&mut self.mode, Mode::Browse) else {
            return;
        };
        if drop {
            self.close_editor();
            self.message = Some(Message::new(Tone::Info, "Changes dropped; nothing saved."));
        } else {
            self.mode = Mode::Edit(edit);
        }
    }

    pub(super) fn with_text(&mut self, f: impl FnOnce(&mut TextEditor)) {
        match &mut self.mode {
            Mode::Edit(Edit {
                input: Input::Text(text),
                error,
                ..
            }) => {
                f(text);
                *error = None;
            }
            Mode::Goto(text) => f(text),
            _ => {}
        }
    }

    pub(super) fn with_chooser(&mut self, f: impl FnOnce(&mut Chooser)) {
        if let Mode::Edit(Edit {
            input: Input::Choice(chooser),
            error,
            ..
        }) = &mut self.mode
        {
            f(chooser);
            *error = None;
        }
    }

    /// Up/Down in the shoes field: the shoes used before, in turn.
    pub(super) fn suggest(&mut self, step: i8) {
        if let Mode::Edit(Edit {
            input: Input::Text(text),
            suggestions,
            suggestion,
            ..
        }) = &mut self.mode
        {
            if suggestions.is_empty() {
                self.message = Some(Message::new(
                    Tone::Info,
                    "No shoes used before yet: type a name.",
                ));
                return;
            }
            let n = suggestions.len().cast_signed();
            let next = match *suggestion {
                None if step < 0 => n - 1,
                None => 0,
                Some(i) => (i.cast_signed() + isize::from(step)).rem_euclid(n),
            }
            .cast_unsigned();
            *suggestion = Some(next);
            text.set_text(&suggestions[next]);
        }
    }
}
