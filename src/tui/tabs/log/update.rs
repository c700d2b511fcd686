//! Applying a [`LogAction`]: moving, editing, saving, undoing. The only place the tab's state
//! (and, through [`Ctx::commit`], the journal) changes.

use super::editor::{Chooser, TextEditor};
use super::form::{self, DayField, Field, Kind, RunField};
use super::{Edit, Input, Item, LogAction, LogState, Mode, Page, Tone, Unsaved, goto};
use crate::journal::DayEntry;
use crate::journal::entry::Run;
use crate::tui::ctx::Ctx;
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
                if let Some(to) = to {
                    self.select(to, ctx);
                }
            }
            A::Today => self.select(ctx.today, ctx),
            A::StartGoto => self.mode = Mode::Goto(TextEditor::new("", false)),
            A::Activate => self.activate(ctx),
            A::Toggle => self.toggle(ctx),
            A::StartTyping(c) => {
                if let Some(field) = self.field() {
                    self.open_editor(field, Some(c), ctx);
                }
            }
            A::SetYesNo(yes) => self.set_yes_no(yes, ctx),
            A::Clear => self.clear_field(ctx),
            A::AddRun => self.add_run(ctx),
            A::DeleteRun => self.ask_delete_run(ctx),
            A::ConfirmDelete(yes) => self.delete_run(yes, ctx),
            A::Undo => self.undo(ctx),
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
        ctx.journal.problem_for(self.selected).map(|p| {
            format!(
                "This day's file could not be used ({}), so it is read-only here.",
                p.path
            )
        })
    }

    /// True (with a message) when editing is not possible now.
    fn refuse_edit(&mut self, ctx: &Ctx) -> bool {
        if let Some(reason) = self.lock_reason(ctx) {
            self.message = Some((Tone::Error, reason));
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

    fn move_cursor(&mut self, step: isize, ctx: &Ctx) {
        self.step_cursor(step, ctx);
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
        if let Page::Run(Some(i)) = self.page
            && i >= runs
        {
            self.page = Page::Day;
        }
    }

    fn activate(&mut self, ctx: &mut Ctx) {
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
    fn run_of(&self, day: &DayEntry) -> Option<Run> {
        match self.page {
            Page::Run(Some(i)) => day.runs.get(i).cloned(),
            Page::Run(None) => Some(self.draft.clone()),
            Page::Day => None,
        }
    }

    /// Opens the editor of `field`; `first` is a digit typed to start with.
    fn open_editor(&mut self, field: Field, first: Option<char>, ctx: &Ctx) {
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
            form::known_shoes(ctx.journal.days.values())
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

    fn close_editor(&mut self) {
        self.mode = Mode::Browse;
        if self.page == Page::Run(None) {
            // The new run was never saved: back to the day.
            self.page = Page::Day;
            self.day_cursor = Item::AddRun;
        }
    }

    fn cancel(&mut self) {
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
            Mode::Goto(_) | Mode::ConfirmDelete(_) | Mode::Browse => self.mode = Mode::Browse,
        }
    }

    fn with_text(&mut self, f: impl FnOnce(&mut TextEditor)) {
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

    fn with_chooser(&mut self, f: impl FnOnce(&mut Chooser)) {
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

    fn suggest(&mut self, step: i8) {
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

    /// A short name for a change: "worst pain on Sun 22 Nov".
    fn what(&self, field: Field) -> String {
        let on = self.selected.format("%a %-d %b");
        match (field, self.page) {
            (Field::Run(f), Page::Run(Some(i))) => {
                format!("run {} {} on {on}", i + 1, f.label().to_lowercase())
            }
            (Field::Run(_), _) => format!("new run on {on}"),
            (Field::Day(f), _) => format!("{} on {on}", f.label().to_lowercase()),
        }
    }

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
                    Input::Text(text) => f.apply_text(&mut run, &text.text(), self.unit)?,
                    Input::Choice(chooser) => f.apply_choice(&mut run, &chooser.chosen()),
                }
                match self.page {
                    Page::Run(Some(i)) => day.runs[i] = run,
                    _ => day.runs.push(run),
                }
            }
        }
        day.validate()
            .map_err(|(field, problem)| format!("{field} {problem}"))?;
        Ok(day)
    }

    /// Saves the field being edited. Bad input or a failed save keeps the editor open with
    /// the message; Enter tries again.
    fn commit_edit(&mut self, then: Then, ctx: &mut Ctx) {
        let Mode::Edit(edit) = &self.mode else {
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
                    Page::Run(Some(i)) => i,
                    _ => day.runs.len() - 1,
                };
                f.display(&day.runs[index], self.unit)
            }
        };
        let changed = day != self.stored_day(ctx);
        if let Err(e) = ctx.commit(day.clone(), what.clone()) {
            self.set_edit_error(format!(
                "{e} · Enter tries again; Ctrl-R reloads the day from disk (your value stays \
                 here); Esc drops the change."
            ));
            return;
        }
        if self.page == Page::Run(None) {
            self.page = Page::Run(Some(day.runs.len() - 1));
            self.draft = Run::default();
        }
        if changed {
            let value = shown.unwrap_or_else(|| "cleared".into());
            let mut short: String = value.chars().take(40).collect();
            if short.len() < value.len() {
                short = short.lines().next().unwrap_or_default().to_owned() + "…";
            }
            let value = short;
            self.message = Some((Tone::Done, format!("Saved {what}: {value}")));
        }
        self.mode = Mode::Browse;
        if let Then::Move(step) = then
            && self.step_cursor(isize::from(step), ctx)
            && let Some(next) = self.field()
        {
            self.open_editor(next, None, ctx);
        }
    }

    fn set_edit_error(&mut self, problem: String) {
        if let Mode::Edit(edit) = &mut self.mode {
            edit.error = Some(problem);
            edit.confirm_drop = false;
        }
    }

    /// Saves a change made without an editor (a flip, a clear, a delete). A failed save is
    /// kept in [`LogState::unsaved`] for `r`.
    fn save_now(&mut self, day: DayEntry, what: String, ctx: &mut Ctx) -> bool {
        match ctx.commit(day.clone(), what.clone()) {
            Ok(()) => {
                self.message = Some((Tone::Done, format!("Saved {what}.")));
                true
            }
            Err(error) => {
                self.message = Some((
                    Tone::Error,
                    "Not saved (see above): r tries again, Ctrl-R reloads from disk, Esc drops \
                     the change."
                        .to_owned(),
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
        match (field, self.page) {
            (Field::Day(f), _) => day_change(f, &mut day),
            (Field::Run(f), Page::Run(Some(i))) if i < day.runs.len() => {
                run_change(f, &mut day.runs[i]);
            }
            _ => return,
        }
        let what = self.what(field);
        self.save_now(day, what, ctx);
    }

    fn toggle(&mut self, ctx: &mut Ctx) {
        if self.field().map(Field::kind) != Some(Kind::YesNo) {
            self.activate(ctx);
            return;
        }
        self.change_field(
            ctx,
            |f, day| match f {
                DayField::Medication => day.pain_medication = !day.pain_medication,
                DayField::SleepDisturbed => day.sleep_disturbed = !day.sleep_disturbed,
                DayField::NormalActivities => {
                    day.normal_activities = match day.normal_activities {
                        None => Some(true),
                        Some(true) => Some(false),
                        Some(false) => None,
                    }
                }
                _ => {}
            },
            |f, run| {
                if f == RunField::GaitChanged {
                    run.gait_changed = !run.gait_changed;
                }
            },
        );
    }

    fn set_yes_no(&mut self, yes: bool, ctx: &mut Ctx) {
        let chosen = [usize::from(!yes)];
        self.change_field(
            ctx,
            |f, day| f.apply_choice(day, &chosen),
            |f, run| f.apply_choice(run, &chosen),
        );
    }

    fn clear_field(&mut self, ctx: &mut Ctx) {
        match (self.page, self.day_cursor) {
            (Page::Day, Item::Run(_)) => {
                self.message = Some((Tone::Info, "d deletes a run (it asks first).".into()));
            }
            (Page::Run(_), _) if self.run_cursor == RunField::Distance => {
                self.message = Some((
                    Tone::Info,
                    "A run always has a distance: Enter to change it, d to delete the run.".into(),
                ));
            }
            _ => self.change_field(ctx, DayField::clear, RunField::clear),
        }
    }

    fn add_run(&mut self, ctx: &mut Ctx) {
        if self.refuse_edit(ctx) {
            return;
        }
        self.page = Page::Run(None);
        self.draft = Run::default();
        self.run_cursor = RunField::Distance;
        self.open_editor(Field::Run(RunField::Distance), None, ctx);
    }

    fn ask_delete_run(&mut self, ctx: &mut Ctx) {
        let ((Page::Run(Some(index)), _) | (Page::Day, Item::Run(index))) =
            (self.page, self.day_cursor)
        else {
            self.message = Some((Tone::Info, "Select a run first, then d deletes it.".into()));
            return;
        };
        if !self.refuse_edit(ctx) {
            self.mode = Mode::ConfirmDelete(index);
        }
    }

    fn delete_run(&mut self, yes: bool, ctx: &mut Ctx) {
        let Mode::ConfirmDelete(index) = self.mode else {
            return;
        };
        self.mode = Mode::Browse;
        if !yes {
            self.message = Some((Tone::Info, "Kept the run.".into()));
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

    fn undo(&mut self, ctx: &mut Ctx) {
        if self.unsaved.is_some() {
            self.refuse_edit(ctx);
            return;
        }
        match ctx.undo() {
            Ok(None) => {
                self.message = Some((Tone::Info, "Nothing to undo in this session.".into()));
            }
            Ok(Some(change)) => {
                if change.before.date == self.selected {
                    self.fix_cursor(ctx);
                } else {
                    self.select(change.before.date, ctx);
                }
                self.message = Some((Tone::Done, format!("Undone: {} (saved).", change.what)));
            }
            Err(e) => {
                self.message = Some((Tone::Error, format!("Undo: {e} · u tries again.")));
            }
        }
    }

    fn retry(&mut self, ctx: &mut Ctx) {
        let Some(unsaved) = self.unsaved.take() else {
            self.message = Some((Tone::Info, "Nothing is waiting to be saved.".into()));
            return;
        };
        self.save_now(unsaved.day, unsaved.what, ctx);
    }

    fn reload(&mut self, ctx: &mut Ctx) {
        if let Err(e) = ctx.reload() {
            self.message = Some((Tone::Error, e));
            return;
        }
        let dropped = self.unsaved.take();
        if let Mode::Edit(edit) = &mut self.mode {
            edit.error = None;
        }
        self.fix_cursor(ctx);
        let editing = matches!(self.mode, Mode::Edit(_));
        self.message = Some(match (dropped, editing) {
            (Some(unsaved), _) => (
                Tone::Info,
                format!(
                    "Reloaded from disk. The change that could not be saved ({}) was made on \
                     the old copy: make it again.",
                    unsaved.what
                ),
            ),
            (None, true) => (
                Tone::Info,
                "Reloaded from disk. Enter saves your value on top of it.".into(),
            ),
            (None, false) => (Tone::Done, "Reloaded the journal from disk.".into()),
        });
    }

    fn back(&mut self) {
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

    fn finish_goto(&mut self, ctx: &Ctx) {
        let Mode::Goto(text) = &self.mode else {
            return;
        };
        match goto::resolve(&text.text(), ctx.today) {
            Ok(date) => {
                self.mode = Mode::Browse;
                self.select(date, ctx);
            }
            Err(problem) => self.message = Some((Tone::Error, problem)),
        }
    }
}
