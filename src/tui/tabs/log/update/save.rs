//! Saving: building the changed day from an edit, a flip, a clear or a delete, saving it
//! through [`Ctx::commit`], and what happens when that fails (retry, reload, undo).

use super::super::form::{DayField, Field, Kind, RunField};
use super::super::{Edit, Input, Item, LogState, Mode, Page, Tone, Unsaved};
use super::Then;
use crate::journal::DayEntry;
use crate::journal::entry::Run;
use crate::session::Refusal;
use crate::tui::ctx::Ctx;
use crate::tui::keymap::Command;
use crate::tui::widgets::message::Message;

impl LogState {
    /// Applies the edit to a copy of the stored day; the error says what is accepted.
    fn edited_day(&self, edit: &Edit, ctx: &Ctx) -> Result<DayEntry, String> {
        let mut day = self.stored_day(ctx);
        match edit.field {
            Field::Day(f) => match &edit.input {
                Input::Text(text) => f.apply_text(&mut day, &text.text())?,
                Input::Choice(chooser) => f.apply_choice(&mut day, &chooser.chosen()),
            },
            Field::Run(f) => {
                let mut run = self
                    .run_of(&day)
                    .ok_or("this run is no longer there (undone?)")?;
                match &edit.input {
                    Input::Text(text) => {
                        f.apply_text(&mut run, &text.text(), ctx.settings.units)?;
                    }
                    Input::Choice(chooser) => f.apply_choice(&mut run, &chooser.chosen()),
                }
                match self.page {
                    Page::Run(i) => day.runs[i] = run,
                    Page::NewRun(_) | Page::Day => day.runs.push(run),
                }
            }
        }
        day.validate()
            .map_err(|(field, problem)| format!("{field} {problem}"))?;
        Ok(day)
    }

    /// Saves the field being edited. Bad input or a failed save keeps the editor open with
    /// the message; Enter tries again.
    pub(super) fn commit_edit(&mut self, then: Then, ctx: &mut Ctx) {
        let Some(edit) = self.edit() else {
            return;
        };
        let field = edit.field;
        let result = self.edited_day(edit, ctx);
        let day = match result {
            Ok(day) => day,
            Err(problem) => {
                self.set_edit_error(problem);
                return;
            }
        };
        let what = self.what(field);
        let shown = match field {
            Field::Day(f) => f.display(&day),
            Field::Run(f) => {
                let index = match self.page {
                    Page::Run(i) => i,
                    Page::NewRun(_) | Page::Day => day.runs.len() - 1,
                };
                f.display(&day.runs[index], ctx.settings.units)
            }
        };
        let changed = day != self.stored_day(ctx);
        if let Err(e) = ctx.commit(day.clone(), what.clone()) {
            self.set_edit_error(format!(
                "{e} · Enter tries again; Ctrl-L reloads the day from disk (your value stays \
                 here); Esc drops the change."
            ));
            return;
        }
        if matches!(self.page, Page::NewRun(_)) {
            self.page = Page::Run(day.runs.len() - 1);
        }
        if changed {
            let value = shown.map_or_else(|| "cleared".into(), |s| s.to_string());
            let mut short: String = value.chars().take(40).collect();
            if short.len() < value.len() {
                short = short.lines().next().unwrap_or_default().to_owned() + "…";
            }
            let value = short;
            self.message = Some(Message::new(Tone::Done, format!("Saved {what}: {value}")));
        }
        self.mode = Mode::Browse;
        if let Then::Move(step) = then
            && self.step_cursor(isize::from(step), ctx)
            && let Some(next) = self.field()
        {
            self.open_editor(next, ctx);
        }
    }

    /// Shows why the edit was not saved; a question about it is answered by that.
    fn set_edit_error(&mut self, problem: String) {
        self.mode = match std::mem::replace(&mut self.mode, Mode::Browse) {
            Mode::Edit(mut edit) | Mode::ConfirmDrop(mut edit) => {
                edit.error = Some(problem);
                Mode::Edit(edit)
            }
            other => other,
        };
    }

    /// Saves a change made without an editor (a flip, a clear, a delete). A failed save is
    /// kept in [`LogState::unsaved`] for `r`.
    fn save_now(&mut self, day: DayEntry, what: String, ctx: &mut Ctx) -> bool {
        match ctx.commit(day.clone(), what.clone()) {
            Ok(()) => {
                self.message = Some(Message::new(Tone::Done, format!("Saved {what}.")));
                true
            }
            Err(error) => {
                let key = |command| ctx.keys.first_key(command);
                self.message = Some(Message::new(
                    Tone::Error,
                    format!(
                        "Not saved (see above): {} tries again, {} reloads from disk, {} drops \
                         the change.",
                        key(Command::LogRetry),
                        key(Command::LogReload),
                        key(Command::LogBack),
                    ),
                ));
                self.unsaved = Some(Unsaved { day, what, error });
                false
            }
        }
    }

    /// Applies `change` to the current field of a copy of the day and saves it.
    fn change_field(
        &mut self,
        ctx: &mut Ctx,
        day_change: impl FnOnce(DayField, &mut DayEntry),
        run_change: impl FnOnce(RunField, &mut Run),
    ) {
        if self.refuse_edit(ctx) {
            return;
        }
        let Some(field) = self.field() else {
            return;
        };
        let mut day = self.stored_day(ctx);
        match (field, &self.page) {
            (Field::Day(f), _) => day_change(f, &mut day),
            (Field::Run(f), &Page::Run(i)) if i < day.runs.len() => {
                run_change(f, &mut day.runs[i]);
            }
            _ => return,
        }
        let what = self.what(field);
        self.save_now(day, what, ctx);
    }

    pub(super) fn toggle(&mut self, ctx: &mut Ctx) {
        if self.field().map(Field::kind) != Some(Kind::YesNo) {
            self.activate(ctx);
            return;
        }
        self.change_field(
            ctx,
            |f, day| match f {
                DayField::Medication => cycle(&mut day.pain_medication),
                DayField::SleepDisturbed => cycle(&mut day.sleep_disturbed),
                DayField::NormalActivities => cycle(&mut day.normal_activities),
                _ => {}
            },
            |f, run| {
                if f == RunField::GaitChanged {
                    cycle(&mut run.gait_changed);
                }
            },
        );
    }

    pub(super) fn set_yes_no(&mut self, yes: bool, ctx: &mut Ctx) {
        let chosen = [usize::from(!yes)];
        self.change_field(
            ctx,
            |f, day| f.apply_choice(day, &chosen),
            |f, run| f.apply_choice(run, &chosen),
        );
    }

    pub(super) fn clear_field(&mut self, ctx: &mut Ctx) {
        match (&self.page, self.day_cursor) {
            (Page::Day, Item::Run(_)) => {
                let delete = ctx.keys.first_key(Command::LogDeleteRun);
                self.message = Some(Message::new(
                    Tone::Info,
                    format!("{delete} deletes a run (it asks first)."),
                ));
            }
            (Page::Run(_) | Page::NewRun(_), _) if self.run_cursor == RunField::Distance => {
                let key = |command| ctx.keys.first_key(command);
                self.message = Some(Message::new(
                    Tone::Info,
                    format!(
                        "A run always has a distance: {} to change it, {} to delete the run.",
                        key(Command::LogEdit),
                        key(Command::LogDeleteRun)
                    ),
                ));
            }
            // One stray key must not wipe a page of notes.
            _ if self.field().map(Field::kind) == Some(Kind::Text { multiline: true }) => {
                self.message = Some(Message::new(
                    Tone::Info,
                    "Notes are not cleared with one key: Enter, then Ctrl-U empties them, \
                     Ctrl-S saves.",
                ));
            }
            _ => self.change_field(ctx, DayField::clear, RunField::clear),
        }
    }

    pub(super) fn add_run(&mut self, ctx: &mut Ctx) {
        if self.refuse_edit(ctx) {
            return;
        }
        self.page = Page::NewRun(Run::default());
        self.run_cursor = RunField::Distance;
        self.open_editor(Field::Run(RunField::Distance), ctx);
    }

    pub(super) fn ask_delete_run(&mut self, ctx: &mut Ctx) {
        let ((&Page::Run(index), _) | (Page::Day, Item::Run(index))) =
            (&self.page, self.day_cursor)
        else {
            self.message = Some(Message::new(
                Tone::Info,
                "Select a run first, then d deletes it.",
            ));
            return;
        };
        if !self.refuse_edit(ctx) {
            self.mode = Mode::ConfirmDelete(index);
        }
    }

    pub(super) fn delete_run(&mut self, yes: bool, ctx: &mut Ctx) {
        let Mode::ConfirmDelete(index) = self.mode else {
            return;
        };
        self.mode = Mode::Browse;
        if !yes {
            self.message = Some(Message::new(Tone::Info, "Kept the run."));
            return;
        }
        let mut day = self.stored_day(ctx);
        if index >= day.runs.len() {
            return;
        }
        day.runs.remove(index);
        let what = format!(
            "deleted run {} on {}",
            index + 1,
            self.selected.format("%a %-d %b")
        );
        if self.save_now(day, what, ctx) {
            self.page = Page::Day;
            self.day_cursor = Item::Run(index);
            self.fix_cursor(ctx);
        }
    }

    pub(super) fn undo(&mut self, ctx: &mut Ctx) {
        if self.unsaved.is_some() {
            self.refuse_edit(ctx);
            return;
        }
        match ctx.undo() {
            Ok(None) => {
                self.message = Some(Message::new(Tone::Info, "Nothing to undo in this session."));
            }
            Ok(Some(change)) => {
                if change.before.date == self.selected {
                    self.fix_cursor(ctx);
                } else {
                    self.select(change.before.date, ctx);
                }
                self.message = Some(Message::new(
                    Tone::Done,
                    format!("Undone: {} (saved).", change.what),
                ));
            }
            Err(refusal) => {
                // A failed save keeps the change undoable; a stale one is dropped.
                let again = match refusal {
                    Refusal::NotSaved(_) => {
                        format!(" · {} tries again.", ctx.keys.first_key(Command::LogUndo))
                    }
                    Refusal::Stale(_) => String::new(),
                };
                self.message = Some(Message::new(
                    Tone::Error,
                    format!("Undo: {}{again}", refusal.message()),
                ));
            }
        }
    }

    pub(super) fn redo(&mut self, ctx: &mut Ctx) {
        if self.unsaved.is_some() {
            self.refuse_edit(ctx);
            return;
        }
        match ctx.redo() {
            Ok(None) => {
                self.message = Some(Message::new(Tone::Info, "Nothing to redo."));
            }
            Ok(Some(change)) => {
                if change.after.date == self.selected {
                    self.fix_cursor(ctx);
                } else {
                    self.select(change.after.date, ctx);
                }
                self.message = Some(Message::new(
                    Tone::Done,
                    format!("Redone: {} (saved).", change.what),
                ));
            }
            Err(refusal) => {
                let again = match refusal {
                    Refusal::NotSaved(_) => {
                        format!(" · {} tries again.", ctx.keys.first_key(Command::LogRedo))
                    }
                    Refusal::Stale(_) => String::new(),
                };
                self.message = Some(Message::new(
                    Tone::Error,
                    format!("Redo: {}{again}", refusal.message()),
                ));
            }
        }
    }

    pub(super) fn retry(&mut self, ctx: &mut Ctx) {
        let Some(unsaved) = self.unsaved.take() else {
            self.message = Some(Message::new(Tone::Info, "Nothing is waiting to be saved."));
            return;
        };
        self.save_now(unsaved.day, unsaved.what, ctx);
    }

    pub(super) fn reload(&mut self, ctx: &mut Ctx) {
        if let Err(e) = ctx.session.reload() {
            self.message = Some(Message::new(Tone::Error, e));
            return;
        }
        let dropped = self.unsaved.take();
        if let Mode::Edit(edit) = &mut self.mode {
            edit.error = None;
        }
        self.fix_cursor(ctx);
        let editing = matches!(self.mode, Mode::Edit(_));
        self.message = Some(match (dropped, editing) {
            (Some(unsaved), _) => Message::new(
                Tone::Info,
                format!(
                    "Reloaded from disk. The change that could not be saved ({}) was made on \
                     the old copy: make it again.",
                    unsaved.what
                ),
            ),
            (None, true) => Message::new(
                Tone::Info,
                "Reloaded from disk. Enter saves your value on top of it.",
            ),
            (None, false) => Message::new(Tone::Done, "Reloaded the journal from disk."),
        });
    }

    /// A short name for a change: "worst pain on Sun 22 Nov".
    pub(super) fn what(&self, field: Field) -> String {
        let on = self.selected.format("%a %-d %b");
        match (field, &self.page) {
            (Field::Run(f), Page::Run(i)) => {
                format!("run {} {} on {on}", i + 1, f.label().to_lowercase())
            }
            (Field::Run(_), _) => format!("new run on {on}"),
            (Field::Day(f), _) => format!("{} on {on}", f.label().to_lowercase()),
        }
    }
}

/// Space on a yes/no field: not answered → yes → no → not answered.
fn cycle(answer: &mut Option<bool>) {
    *answer = match *answer {
        None => Some(true),
        Some(true) => Some(false),
        Some(false) => None,
    };
}
