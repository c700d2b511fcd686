//! The Log tab: a day's runs and pain in a few keystrokes.
//!
//! A list of days on the left (with a sparkline of worst pain), the selected day's form on the
//! right. Every committed change is saved at once through [`Ctx::commit`]; bad input gets an
//! inline message and is not saved; a failed save keeps what was typed and can be retried.
//! Questions (delete a run, drop changed notes, log into a future day) use the app's one
//! question dialog ([`crate::tui::widgets::confirm`]).
//!
//! By job: this file is the state ([`LogState`], [`Page`], [`Mode`]) and what can happen
//! ([`LogAction`]); [`form`] is the form as data (the fields, their labels, how a stored value
//! is shown and changed) and [`editor`] the text and choice editors, both pure; `keys` turns a
//! key into a [`LogAction`] through the key list; `update` applies it (saving through
//! [`Ctx::commit`], undo and redo, go-to, the rescue on a signal); `view` draws, reading only.
//! Typed values are read by [`crate::values`]; distances are in `ctx.settings.units`. Moving
//! and typing never read the disk; `Ctrl-L` (an explicit reload) is the only read.

pub mod editor;
pub mod form;
mod keys;
mod update;
mod view;

use crate::journal::DayEntry;
use crate::journal::entry::Run;
use crate::tui::ctx::Ctx;
use crate::tui::keymap::Command;
use chrono::NaiveDate;
use editor::{Chooser, TextEditor};
use form::{DayField, Field, RunField};
pub use view::LogView;

/// A row of the day's form that the cursor can be on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Field(DayField),
    /// A run, by index; Enter opens it.
    Run(usize),
    /// "Add a run".
    AddRun,
}

/// Which form is shown: the day's, or one run's.
#[derive(Debug, Clone, PartialEq)]
pub enum Page {
    Day,
    /// A stored run of the day, by index.
    Run(usize),
    /// A run being added: not in the journal until its distance is saved.
    NewRun(Run),
}

/// What is being typed or picked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Text(TextEditor),
    Choice(Chooser),
}

/// A field being edited.
#[derive(Debug, Clone, PartialEq)]
pub struct Edit {
    pub field: Field,
    pub input: Input,
    /// Why the last attempt to save was refused (bad input or a failed save).
    pub error: Option<String>,
    /// Shoes used before, offered with Up/Down while typing shoes.
    pub suggestions: Vec<String>,
    pub suggestion: Option<usize>,
}

/// What the keys do right now.
#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    Browse,
    Edit(Edit),
    /// Typing a date to go to.
    Goto(TextEditor),
    /// Esc on changed notes: "drop the changes?" (the edit waits underneath).
    ConfirmDrop(Edit),
    /// "Delete run N?"
    ConfirmDelete(usize),
    /// "This day is in the future: log into it?"
    ConfirmFuture,
}

impl Edit {
    /// True when the value differs from what the field held.
    pub fn changed(&self) -> bool {
        match &self.input {
            Input::Text(text) => text.changed(),
            Input::Choice(chooser) => chooser.changed(),
        }
    }
}

/// A change whose save failed: kept (and shown) until it is retried or dropped.
#[derive(Debug, Clone, PartialEq)]
pub struct Unsaved {
    pub day: DayEntry,
    pub what: String,
    pub error: String,
}

use crate::tui::widgets::message::Message;
pub use crate::tui::widgets::message::Tone;

/// The tab's state.
#[derive(Debug)]
pub struct LogState {
    selected: NaiveDate,
    page: Page,
    day_cursor: Item,
    run_cursor: RunField,
    mode: Mode,
    unsaved: Option<Unsaved>,
    message: Option<Message>,
    /// A day after today the runner agreed to log into (asked once per day).
    future_ok: Option<NaiveDate>,
}

/// What can happen on this tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogAction {
    Up,
    Down,
    /// Move the selected day by this many days.
    ShiftDay(i32),
    Today,
    StartGoto,
    /// Enter: edit the field, open the run, add a run.
    Activate,
    /// Space: flip a yes/no, otherwise like Enter.
    Toggle,
    SetYesNo(bool),
    /// Delete / Backspace: empty the field.
    Clear,
    AddRun,
    DeleteRun,
    /// The answer to "delete the run?".
    ConfirmDelete(bool),
    /// The answer to "log into a day in the future?".
    ConfirmFuture(bool),
    Undo,
    /// Ctrl-R: make the last undone change again.
    Redo,
    Retry,
    /// Ctrl-L: read the journal from disk again.
    Reload,
    /// Esc when not editing.
    Back,
    // While editing or typing a date:
    Insert(char),
    Newline,
    Backspace,
    DeleteChar,
    CursorLeft,
    CursorRight,
    Home,
    End,
    LineUp,
    LineDown,
    ClearText,
    /// Enter (one-line) or Ctrl-S: save the field.
    Commit,
    /// Tab / Shift-Tab: save and move by one field.
    CommitMove(i8),
    /// Esc while editing.
    Cancel,
    /// The answer to "drop the changed notes?".
    ConfirmDrop(bool),
    ChoiceMove(i8),
    ChoiceToggle,
    ChoiceNumber(u8),
    /// Up/Down in the shoes field: the shoes used before.
    Suggest(i8),
}

impl LogState {
    pub fn new(ctx: &Ctx) -> Self {
        let fresh_day = ctx
            .journal()
            .day(ctx.today())
            .is_none_or(DayEntry::is_empty)
            && ctx.journal().problem_for(ctx.today()).is_none()
            && ctx.read_only_reason().is_none();
        let message = fresh_day.then(|| {
            let edit = ctx.keys.first_key(Command::LogEdit);
            Message::new(
                Tone::Info,
                format!(
                    "Nothing logged today yet: press {edit}, type your morning pain (0-10), \
                     Enter."
                ),
            )
        });
        Self {
            selected: ctx.today(),
            page: Page::Day,
            day_cursor: Item::Field(DayField::MorningPain),
            run_cursor: RunField::Distance,
            mode: Mode::Browse,
            unsaved: None,
            message,
            future_ok: None,
        }
    }

    /// The day shown.
    pub fn selected(&self) -> NaiveDate {
        self.selected
    }

    pub fn page(&self) -> &Page {
        &self.page
    }

    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    /// The row under the cursor on the day's form.
    pub fn day_cursor(&self) -> Item {
        self.day_cursor
    }

    /// The field under the cursor, if the cursor is on a field.
    pub fn field(&self) -> Option<Field> {
        match self.page {
            Page::Day => match self.day_cursor {
                Item::Field(f) => Some(Field::Day(f)),
                Item::Run(_) | Item::AddRun => None,
            },
            Page::Run(_) | Page::NewRun(_) => Some(Field::Run(self.run_cursor)),
        }
    }

    /// The last message (what was saved, what was refused).
    pub fn message(&self) -> Option<(Tone, &str)> {
        self.message.as_ref().map(|m| (m.tone, m.text.as_str()))
    }

    /// A change that could not be saved, kept for a retry.
    pub fn unsaved(&self) -> Option<&Unsaved> {
        self.unsaved.as_ref()
    }

    /// True when quitting now would lose something: a field being edited with changes, or
    /// a change whose save failed and has not been retried or dropped.
    pub fn has_uncommitted(&self) -> bool {
        self.edit().is_some_and(Edit::changed) || self.unsaved.is_some()
    }

    /// The field being edited, also while asked whether to drop its changes.
    pub fn edit(&self) -> Option<&Edit> {
        match &self.mode {
            Mode::Edit(edit) | Mode::ConfirmDrop(edit) => Some(edit),
            _ => None,
        }
    }

    /// True while typing into a field (keys go to the field, not the app).
    pub fn captures_input(&self) -> bool {
        !matches!(self.mode, Mode::Browse)
    }
}
