//! Applying a [`LogAction`]: moving, editing, saving, undoing. The only place the tab's state
//! (and, through [`Ctx::commit`], the journal) changes.

use super::editor::{Chooser, TextEditor};
use super::form::{DayField, Field, Kind, RunField};
use super::{Edit, Input, Item, LogAction, LogState, Mode, Page, Tone, goto, runs};
use crate::journal::DayEntry;
use crate::journal::entry::Run;
use crate::journal::store::storable;
use crate::tui::ctx::Ctx;
use chrono::{Days, NaiveDate};

/// Where the cursor goes after a field is saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Then {
    Stay,
    Move(i8),
}

impl LogState {
    pub fn update(&mut self, action: LogAction, ctx: &mut Ctx) {
        use LogAction as A;
        self.message = None;
        match action {
            A::Up => self.move_cursor(-1, ctx),
            A::Down => self.move_cursor(1, ctx),
            A::ShiftDay(days) => {
                let to = if days < 0 {
                    self.selected
                        .checked_sub_days(Days::new(u64::from(days.unsigned_abs())))
                } else {
                    self.selected
                        .checked_add_days(Days::new(u64::from(days.unsigned_abs())))
                };
                match to {
                    Some(to) if storable(to) => self.select(to, ctx),
                    _ => {
                        self.message = Some((
                            Tone::Info,
                            "The journal holds days from year 0000 to 9999 only.".into(),
                        ));
                    }
                }
            }
            A::Today => self.select(ctx.today(), ctx),
            A::StartGoto => self.mode = Mode::Goto(TextEditor::new("", false)),
            A::Activate => self.activate(ctx),
            A::Toggle => self.toggle(ctx),
            A::SetYesNo(yes) => self.set_yes_no(yes, ctx),
            A::Clear => self.clear_field(ctx),
            A::AddRun => self.add_run(ctx),
            A::DeleteRun => self.ask_delete_run(ctx),
            A::ConfirmDelete(yes) => self.delete_run(yes, ctx),
            A::ConfirmFuture(yes) => {
                self.mode = Mode::Browse;
                self.message = Some(if yes {
                    self.future_ok = Some(self.selected);
                    (
                        Tone::Info,
                        format!(
                            "{} is in the future; you can log into it now (press the key again).",
                            self.selected.format("%a %-d %b")
                        ),
                    )
                } else {
                    (
                        Tone::Info,
                        "Nothing written; t goes back to today.".to_owned(),
                    )
                });
            }
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
            A::ConfirmDrop(drop) => {
                if drop {
                    self.close_editor();
                    self.message = Some((Tone::Info, "Changes dropped; nothing saved.".into()));
                } else if let Mode::Edit(edit) = &mut self.mode {
                    edit.confirm_drop = false;
                }
            }
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
    pub(super) fn stored_day(&self, ctx: &Ctx) -> DayEntry {
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

    /// True (with a message) when editing is not possible now.
    pub(super) fn refuse_edit(&mut self, ctx: &Ctx) -> bool {
        if let Some(reason) = self.lock_reason(ctx) {
            self.message = Some((Tone::Error, reason));
            return true;
        }
        // A day after today is most likely a slip of the arrow keys: ask once before it is
        // written to.
        if self.selected > ctx.today() && self.future_ok != Some(self.selected) {
            self.mode = Mode::ConfirmFuture;
            return true;
        }
        if let Some(unsaved) = &self.unsaved {
            self.message = Some((
                Tone::Error,
                format!(
                    "A change ({}) is not saved yet: r tries again, Esc drops it.",
                    unsaved.what
                ),
            ));
            return true;
        }
        false
    }

    pub(super) fn items(day: &DayEntry) -> Vec<Item> {
        DayField::ALL
            .iter()
            .map(|f| Item::Field(*f))
            .chain((0..day.runs.len()).map(Item::Run))
            .chain(std::iter::once(Item::AddRun))
            .collect()
    }

    /// Moves the cursor by `step` rows; false at either end.
    pub(super) fn step_cursor(&mut self, step: isize, ctx: &Ctx) -> bool {
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
            Page::Run(_) => {
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

    pub(super) fn move_cursor(&mut self, step: isize, ctx: &Ctx) {
        self.step_cursor(step, ctx);
    }

    /// Shows `date`: the day's form, the cursor kept on the same field where possible.
    pub(super) fn select(&mut self, date: NaiveDate, ctx: &Ctx) {
        self.selected = date;
        self.page = Page::Day;
        self.fix_cursor(ctx);
    }

    /// Keeps the cursor on a row that exists (after a day change, a delete, an undo).
    pub(super) fn fix_cursor(&mut self, ctx: &Ctx) {
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
        if let Page::Run(Some(i)) = self.page
            && i >= runs
        {
            self.page = Page::Day;
        }
    }

    pub(super) fn activate(&mut self, ctx: &mut Ctx) {
        match (self.page, self.day_cursor) {
            (Page::Day, Item::Run(i)) => {
                self.page = Page::Run(Some(i));
                self.run_cursor = RunField::Distance;
            }
            (Page::Day, Item::AddRun) => self.add_run(ctx),
            _ => {
                if let Some(field) = self.field() {
                    self.open_editor(field, None, ctx);
                }
            }
        }
    }

    /// The run the run page shows (the draft for a new run).
    pub(super) fn run_of(&self, day: &DayEntry) -> Option<Run> {
        match self.page {
            Page::Run(Some(i)) => day.runs.get(i).cloned(),
            Page::Run(None) => Some(self.draft.clone()),
            Page::Day => None,
        }
    }

    /// Opens the editor of `field`; `first` is a digit typed to start with.
    pub(super) fn open_editor(&mut self, field: Field, first: Option<char>, ctx: &Ctx) {
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
                        .map(|r| f.edit_text(&r, self.unit))
                        .unwrap_or_default(),
                };
                let multiline = kind == Kind::Text { multiline: true };
                let mut editor = TextEditor::new(&text, multiline);
                if let Some(c) = first {
                    editor.clear();
                    editor.insert(c);
                }
                Input::Text(editor)
            }
        };
        let suggestions = if field == Field::Run(RunField::Shoes) {
            runs::known_shoes(ctx.journal().days.values())
        } else {
            Vec::new()
        };
        self.mode = Mode::Edit(Edit {
            field,
            input,
            error: None,
            confirm_drop: false,
            suggestions,
            suggestion: None,
        });
    }

    pub(super) fn close_editor(&mut self) {
        self.mode = Mode::Browse;
        if self.page == Page::Run(None) {
            // The new run was never saved: back to the day.
            self.page = Page::Day;
            self.day_cursor = Item::AddRun;
        }
    }

    /// After "changed on disk" was answered: the value that could not be saved is either in
    /// the conflict copy or dropped, as the runner chose, so the form shows what is on disk now.
    pub fn settle_after_conflict(&mut self, ctx: &Ctx) {
        if matches!(self.mode, Mode::Edit(_)) {
            self.close_editor();
        }
        self.unsaved = None;
        self.fix_cursor(ctx);
        self.message = ctx.notice.clone().map(|n| (Tone::Info, n));
    }

    pub(super) fn cancel(&mut self) {
        match &mut self.mode {
            Mode::Edit(edit) => {
                if let Input::Text(text) = &edit.input
                    && text.multiline
                    && text.changed()
                {
                    edit.confirm_drop = true;
                    return;
                }
                self.close_editor();
            }
            Mode::Goto(_) | Mode::ConfirmDelete(_) | Mode::ConfirmFuture | Mode::Browse => {
                self.mode = Mode::Browse;
            }
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

    pub(super) fn suggest(&mut self, step: i8) {
        if let Mode::Edit(Edit {
            input: Input::Text(text),
            suggestions,
            suggestion,
            ..
        }) = &mut self.mode
        {
            if suggestions.is_empty() {
                self.message = Some((Tone::Info, "No shoes used before yet: type a name.".into()));
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

    pub(super) fn back(&mut self) {
        if let Some(unsaved) = self.unsaved.take() {
            self.message = Some((
                Tone::Info,
                format!("Dropped the unsaved change ({}).", unsaved.what),
            ));
            return;
        }
        if let Page::Run(index) = self.page {
            self.page = Page::Day;
            self.day_cursor = index.map_or(Item::AddRun, Item::Run);
        }
    }

    pub(super) fn finish_goto(&mut self, ctx: &Ctx) {
        let Mode::Goto(text) = &self.mode else {
            return;
        };
        match goto::resolve(&text.text(), ctx.today()) {
            Ok(date) => {
                self.mode = Mode::Browse;
                self.select(date, ctx);
            }
            Err(problem) => self.message = Some((Tone::Error, problem)),
        }
    }
}
