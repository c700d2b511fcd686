//! Applying a [`LogAction`]: the only place the tab's state (and, through [`Ctx::commit`], the
//! journal) changes. Moving and going to a date are here; the editor in [`edit`], saving,
//! undo, redo, retry and reload in [`save`], keeping what was typed on a signal in [`rescue`].

mod edit;
mod rescue;
mod save;

use super::editor::{Chooser, TextEditor};
use super::form::{DayField, RunField};
use super::{Item, LogAction, LogState, Mode, Page, Tone};
use crate::journal::DayEntry;
use crate::journal::store::storable;
use crate::tui::ctx::Ctx;
use crate::tui::keymap::Command;
use crate::tui::widgets::message::Message;
use crate::values::date;
use chrono::{Days, NaiveDate};

/// Where the cursor goes after a field is saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Then {
    Stay,
    Move(i8),
}

impl LogState {
    pub fn update(&mut self, action: LogAction, ctx: &mut Ctx) {
        use LogAction as A;
        self.message = None;
        match action {
            A::Up => {
                self.step_cursor(-1, ctx);
            }
            A::Down => {
                self.step_cursor(1, ctx);
            }
            A::ShiftDay(days) => self.shift_day(days, ctx),
            A::Today => self.select(ctx.today(), ctx),
            A::StartGoto => self.mode = Mode::Goto(TextEditor::new("", false)),
            A::Activate => self.activate(ctx),
            A::Toggle => self.toggle(ctx),
            A::SetYesNo(yes) => self.set_yes_no(yes, ctx),
            A::Clear => self.clear_field(ctx),
            A::AddRun => self.add_run(ctx),
            A::DeleteRun => self.ask_delete_run(ctx),
            A::ConfirmDelete(yes) => self.delete_run(yes, ctx),
            A::ConfirmFuture(yes) => self.answer_future(yes),
            A::Undo => self.undo(ctx),
            A::Redo => self.redo(ctx),
            A::Retry => self.retry(ctx),
            A::Reload => self.reload(ctx),
            A::Back => self.back(),
            A::Commit => match self.mode {
                Mode::Goto(_) => self.finish_goto(ctx),
                _ => self.commit_edit(Then::Stay, ctx),
            },
            A::CommitMove(step) => self.commit_edit(Then::Move(step), ctx),
            A::Cancel => self.cancel(),
            A::ConfirmDrop(drop) => self.answer_drop(drop),
            A::ChoiceMove(step) => self.with_chooser(|c| c.move_by(isize::from(step))),
            A::ChoiceToggle => self.with_chooser(Chooser::toggle),
            A::ChoiceNumber(n) => self.with_chooser(|c| c.number(usize::from(n))),
            A::Suggest(step) => self.suggest(step),
            A::Insert(c) => self.with_text(|t| t.insert(c)),
            A::Newline => self.with_text(|t| t.insert('\n')),
            A::Backspace => self.with_text(TextEditor::backspace),
            A::DeleteChar => self.with_text(TextEditor::delete),
            A::CursorLeft => self.with_text(TextEditor::left),
            A::CursorRight => self.with_text(TextEditor::right),
            A::Home => self.with_text(TextEditor::home),
            A::End => self.with_text(TextEditor::end),
            A::LineUp => self.with_text(TextEditor::up),
            A::LineDown => self.with_text(TextEditor::down),
            A::ClearText => self.with_text(TextEditor::clear),
        }
    }

    /// The day as stored (or a new empty one): what edits start from.
    fn stored_day(&self, ctx: &Ctx) -> DayEntry {
        ctx.day_or_new(self.selected)
    }

    /// Why the selected day cannot be changed, if it cannot.
    pub fn lock_reason(&self, ctx: &Ctx) -> Option<String> {
        if let Some(reason) = ctx.read_only_reason() {
            return Some(format!(
                "Read-only: {reason}. Nothing can be changed in this window."
            ));
        }
        ctx.journal().problem_for(self.selected).map(|p| {
            format!(
                "This day's file could not be used ({}), so it is read-only here.",
                p.path
            )
        })
    }

    /// True (with a message, or the question about a future day) when editing is not
    /// possible now.
    fn refuse_edit(&mut self, ctx: &Ctx) -> bool {
        if let Some(reason) = self.lock_reason(ctx) {
            self.message = Some(Message::new(Tone::Error, reason));
            return true;
        }
        // A day after today is most likely a slip of the arrow keys: ask once before it is
        // written to.
        if self.selected > ctx.today() && self.future_ok != Some(self.selected) {
            self.mode = Mode::ConfirmFuture;
            return true;
        }
        if let Some(unsaved) = &self.unsaved {
            self.message = Some(Message::new(
                Tone::Error,
                format!(
                    "A change ({}) is not saved yet: {} tries again, {} drops it.",
                    unsaved.what,
                    ctx.keys.first_key(Command::LogRetry),
                    ctx.keys.first_key(Command::LogBack),
                ),
            ));
            return true;
        }
        false
    }

    /// The answer to "log into a day in the future?".
    fn answer_future(&mut self, yes: bool) {
        self.mode = Mode::Browse;
        self.message = Some(if yes {
            self.future_ok = Some(self.selected);
            Message::new(
                Tone::Info,
                format!(
                    "{} is in the future; you can log into it now (press the key again).",
                    self.selected.format("%a %-d %b")
                ),
            )
        } else {
            Message::new(Tone::Info, "Nothing written; t goes back to today.")
        });
    }

    /// The rows of the day's form the cursor can be on.
    fn items(day: &DayEntry) -> Vec<Item> {
        DayField::ALL
            .iter()
            .map(|f| Item::Field(*f))
            .chain((0..day.runs.len()).map(Item::Run))
            .chain(std::iter::once(Item::AddRun))
            .collect()
    }

    /// Moves the cursor by `step` rows; false at either end.
    fn step_cursor(&mut self, step: isize, ctx: &Ctx) -> bool {
        match self.page {
            Page::Day => {
                let items = Self::items(&self.stored_day(ctx));
                let at = items
                    .iter()
                    .position(|i| *i == self.day_cursor)
                    .unwrap_or(0);
                match at.checked_add_signed(step).and_then(|i| items.get(i)) {
                    Some(item) => {
                        self.day_cursor = *item;
                        true
                    }
                    None => false,
                }
            }
            Page::Run(_) | Page::NewRun(_) => {
                let all = RunField::ALL;
                let at = all.iter().position(|f| *f == self.run_cursor).unwrap_or(0);
                match at.checked_add_signed(step).and_then(|i| all.get(i)) {
                    Some(field) => {
                        self.run_cursor = *field;
                        true
                    }
                    None => false,
                }
            }
        }
    }

    /// Moves the selected day by `days`, within the years the journal can hold.
    fn shift_day(&mut self, days: i32, ctx: &Ctx) {
        let by = Days::new(u64::from(days.unsigned_abs()));
        let to = if days < 0 {
            self.selected.checked_sub_days(by)
        } else {
            self.selected.checked_add_days(by)
        };
        match to {
            Some(to) if storable(to) => self.select(to, ctx),
            _ => {
                self.message = Some(Message::new(
                    Tone::Info,
                    "The journal holds days from year 0000 to 9999 only.",
                ));
            }
        }
    }

    /// Shows `date`: the day's form, the cursor kept on the same field where possible.
    fn select(&mut self, date: NaiveDate, ctx: &Ctx) {
        self.selected = date;
        self.page = Page::Day;
        self.fix_cursor(ctx);
    }

    /// Keeps the cursor on a row that exists (after a day change, a delete, an undo).
    fn fix_cursor(&mut self, ctx: &Ctx) {
        let runs = self.stored_day(ctx).runs.len();
        if let Item::Run(i) = self.day_cursor
            && i >= runs
        {
            self.day_cursor = if runs == 0 {
                Item::AddRun
            } else {
                Item::Run(runs - 1)
            };
        }
        if let Page::Run(i) = self.page
            && i >= runs
        {
            self.page = Page::Day;
        }
    }

    /// Enter: opens the run under the cursor, adds a run, or edits the field.
    fn activate(&mut self, ctx: &mut Ctx) {
        match (&self.page, self.day_cursor) {
            (Page::Day, Item::Run(i)) => {
                self.page = Page::Run(i);
                self.run_cursor = RunField::Distance;
            }
            (Page::Day, Item::AddRun) => self.add_run(ctx),
            _ => {
                if let Some(field) = self.field() {
                    self.open_editor(field, ctx);
                }
            }
        }
    }

    /// Esc when not editing: drops a change that failed to save, or leaves the run.
    fn back(&mut self) {
        if let Some(unsaved) = self.unsaved.take() {
            self.message = Some(Message::new(
                Tone::Info,
                format!("Dropped the unsaved change ({}).", unsaved.what),
            ));
            return;
        }
        match self.page {
            Page::Day => {}
            Page::Run(i) => self.day_cursor = Item::Run(i),
            Page::NewRun(_) => self.day_cursor = Item::AddRun,
        }
        self.page = Page::Day;
    }

    fn finish_goto(&mut self, ctx: &Ctx) {
        let Mode::Goto(text) = &self.mode else {
            return;
        };
        match date::resolve(&text.text(), ctx.today()) {
            Ok(date) => {
                self.mode = Mode::Browse;
                self.select(date, ctx);
            }
            Err(problem) => self.message = Some(Message::new(Tone::Error, problem)),
        }
    }

    /// Midnight has passed (`old` was today): a form that showed today, and is not being
    /// typed into, moves on to the new today.
    pub fn follow_today(&mut self, old: NaiveDate, ctx: &Ctx) {
        if self.selected == old && matches!(self.mode, Mode::Browse) {
            self.select(ctx.today(), ctx);
            self.message = Some(Message::new(
                Tone::Info,
                format!(
                    "It is {} now: the form shows the new day.",
                    ctx.today().format("%a %-d %b")
                ),
            ));
        }
    }
}
