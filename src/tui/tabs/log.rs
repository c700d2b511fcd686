//! The Log tab: a day's runs and pain in a few keystrokes.
//!
//! A list of days on the left (with a sparkline of worst pain), the selected day's form on the
//! right. Every committed change is saved at once through [`Ctx::commit`]; bad input gets an
//! inline message and is not saved; a failed save keeps what was typed and can be retried.
//!
//! Pure modules, no ratatui: [`input`] (typed values, the km/mi conversion), [`goto`]
//! (relative dates), [`form`] and [`runs`] (the fields), [`editor`] (text and choices). This
//! file holds the state; `keys` maps keys to [`LogAction`]s, `update` and `save` apply them,
//! `view`, `rows`, `days` and `draw` render. Moving and typing never read the disk;
//! `Ctrl-L` (an explicit reload) is the only read.

mod days;
mod draw;
pub mod editor;
pub mod form;
pub mod goto;
pub mod input;
mod keys;
mod rescue;
mod rows;
pub mod runs;
mod save;
mod update;
mod view;

use crate::journal::DayEntry;
use crate::journal::entry::Run;
use crate::tui::ctx::Ctx;
use chrono::NaiveDate;
use editor::{Chooser, TextEditor};
use form::{DayField, Field, RunField};
use input::DistanceUnit;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Day,
    /// A run of the day; `None` is a new run, saved once its distance is entered.
    Run(Option<usize>),
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
    /// Esc on changed notes: asking before dropping them.
    pub confirm_drop: bool,
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
    /// "Delete run N?"
    ConfirmDelete(usize),
    /// "This day is in the future: log into it?"
    ConfirmFuture,
}

/// A change whose save failed: kept (and shown) until it is retried or dropped.
#[derive(Debug, Clone, PartialEq)]
pub struct Unsaved {
    pub day: DayEntry,
    pub what: String,
    pub error: String,
}

/// How a message reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Done,
    Error,
}

/// The tab's state.
#[derive(Debug)]
pub struct LogState {
    selected: NaiveDate,
    page: Page,
    day_cursor: Item,
    run_cursor: RunField,
    mode: Mode,
    /// The new run being entered (before its distance is saved).
    draft: Run,
    unsaved: Option<Unsaved>,
    message: Option<(Tone, String)>,
    unit: DistanceUnit,
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
            (
                Tone::Info,
                "Nothing logged today yet: press Enter, type your morning pain (0-10), Enter."
                    .into(),
            )
        });
        Self {
            selected: ctx.today(),
            page: Page::Day,
            day_cursor: Item::Field(DayField::MorningPain),
            run_cursor: RunField::Distance,
            mode: Mode::Browse,
            draft: Run::default(),
            unsaved: None,
            message,
            unit: ctx.settings.units,
            future_ok: None,
        }
    }

    /// The day shown.
    pub fn selected(&self) -> NaiveDate {
        self.selected
    }

    pub fn page(&self) -> Page {
        self.page
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
            Page::Run(_) => Some(Field::Run(self.run_cursor)),
        }
    }

    /// The last message (what was saved, what was refused).
    pub fn message(&self) -> Option<(Tone, &str)> {
        self.message.as_ref().map(|(t, m)| (*t, m.as_str()))
    }

    /// A change that could not be saved, kept for a retry.
    pub fn unsaved(&self) -> Option<&Unsaved> {
        self.unsaved.as_ref()
    }

    /// True when quitting now would lose something: a field being edited with changes, or
    /// a change whose save failed and has not been retried or dropped.
    pub fn has_uncommitted(&self) -> bool {
        let typing = match &self.mode {
            Mode::Edit(edit) => match &edit.input {
                Input::Text(text) => text.changed(),
                Input::Choice(chooser) => chooser.changed(),
            },
            _ => false,
        };
        typing || self.unsaved.is_some()
    }

    /// The unit distances are typed and shown in.
    pub fn unit(&self) -> DistanceUnit {
        self.unit
    }

    /// Shows and takes distances in `unit` from now on (settings).
    pub fn set_unit(&mut self, unit: DistanceUnit) {
        self.unit = unit;
    }

    /// Midnight has passed (`old` was today): a form that showed today, and is not being
    /// typed into, moves on to the new today.
    pub fn follow_today(&mut self, old: NaiveDate, ctx: &Ctx) {
        if self.selected == old && matches!(self.mode, Mode::Browse) {
            self.select(ctx.today(), ctx);
            self.message = Some((
                Tone::Info,
                format!(
                    "It is {} now: the form shows the new day.",
                    ctx.today().format("%a %-d %b")
                ),
            ));
        }
    }

    /// True while typing into a field (keys go to the field, not the app).
    pub fn captures_input(&self) -> bool {
        !matches!(self.mode, Mode::Browse)
    }
}

/// Draws the tab.
pub struct LogView<'a> {
    pub state: &'a LogState,
    pub ctx: &'a Ctx,
}

impl Widget for LogView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        view::render(self.state, self.ctx, area, buf);
    }
}
