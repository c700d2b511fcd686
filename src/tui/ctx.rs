//! What every tab shares: today, the journal, the store, the clock and the save state.

use super::theme::Theme;
use crate::journal::store::{Access, Scope, Store};
use crate::journal::{DayEntry, Journal};
use chrono::{Local, NaiveDate, NaiveDateTime, NaiveTime};

/// Where "now" comes from: the system clock, or a fixed time in tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    System,
    Fixed(NaiveDateTime),
}

/// The outcome of the last save, for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing saved in this session yet.
    Idle,
    Saved(NaiveTime),
    Failed(String),
}

/// One committed change of this session, for undo: the whole day before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// What changed, in words ("worst pain on Sun 22 Nov").
    pub what: String,
    pub before: DayEntry,
    pub after: DayEntry,
}

/// Shared state handed to every tab.
pub struct Ctx {
    pub today: NaiveDate,
    pub journal: Journal,
    pub store: Box<dyn Store>,
    pub clock: Clock,
    pub save_state: SaveState,
    pub theme: &'static Theme,
    pub access: Access,
    /// The data dir as shown in the status line.
    pub location: String,
    /// Changes committed with [`Ctx::commit`], newest last, for [`Ctx::undo`].
    pub history: Vec<Change>,
}

impl Ctx {
    /// Builds the context; reads the store's access and location once.
    pub fn new(
        today: NaiveDate,
        journal: Journal,
        store: Box<dyn Store>,
        clock: Clock,
        theme: &'static Theme,
    ) -> Self {
        let access = store.access();
        let location = store.location();
        Self {
            today,
            journal,
            store,
            clock,
            save_state: SaveState::Idle,
            theme,
            access,
            location,
            history: Vec::new(),
        }
    }

    /// The current local time (fixed in tests).
    pub fn now(&self) -> NaiveDateTime {
        match self.clock {
            Clock::System => Local::now().naive_local(),
            Clock::Fixed(at) => at,
        }
    }

    /// True when this app may not write, with the reason.
    pub fn read_only_reason(&self) -> Option<&str> {
        match &self.access {
            Access::ReadWrite => None,
            Access::ReadOnly(reason) => Some(reason),
        }
    }

    /// The day on `date` as stored, or a fresh empty one.
    pub fn day_or_new(&self, date: NaiveDate) -> DayEntry {
        self.journal
            .day(date)
            .cloned()
            .unwrap_or_else(|| DayEntry::new(date))
    }

    /// Saves a day through the store (atomically). On success the journal holds the new day
    /// and the status line says when; on failure nothing in the journal changes and the
    /// message says why.
    pub fn save_day(&mut self, day: DayEntry) -> Result<(), String> {
        match self.store.save(&day) {
            Ok(()) => {
                self.journal.days.insert(day.date, day);
                self.save_state = SaveState::Saved(self.now().time());
                Ok(())
            }
            Err(e) => {
                let message = e.to_string();
                self.save_state = SaveState::Failed(message.clone());
                Err(message)
            }
        }
    }

    /// Saves a changed day like [`Ctx::save_day`] and remembers the change for [`Ctx::undo`].
    /// A day equal to the stored one is not saved again.
    pub fn commit(&mut self, day: DayEntry, what: impl Into<String>) -> Result<(), String> {
        let before = self.day_or_new(day.date);
        if before == day {
            return Ok(());
        }
        self.save_day(day.clone())?;
        self.history.push(Change {
            what: what.into(),
            before,
            after: day,
        });
        Ok(())
    }

    /// Puts back the day as it was before the last [`Ctx::commit`], and saves it. Returns the
    /// change undone, `Ok(None)` when there is nothing to undo. When the save fails the change
    /// stays undoable. A day changed since by something else is not rolled back (and that
    /// change is forgotten).
    pub fn undo(&mut self) -> Result<Option<Change>, String> {
        let Some(change) = self.history.pop() else {
            return Ok(None);
        };
        if self.journal.day(change.after.date) != Some(&change.after) {
            let message = format!(
                "cannot undo {}: that day was changed since in another way; nothing undone",
                change.what
            );
            return Err(message);
        }
        match self.save_day(change.before.clone()) {
            Ok(()) => Ok(Some(change)),
            Err(e) => {
                self.history.push(change);
                Err(e)
            }
        }
    }

    /// Reads the journal from disk again (the user asked: another program changed a day).
    /// What was typed but not saved lives in the tabs and is not touched.
    pub fn reload(&mut self) -> Result<(), String> {
        let journal = self
            .store
            .load(Scope::All)
            .map_err(|e| format!("could not reload the journal: {e}"))?;
        self.journal = journal;
        Ok(())
    }
}
