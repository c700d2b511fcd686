//! What every tab shares: today, the journal, the store, the clock and the save state.

use super::theme::Theme;
use crate::journal::settings::Settings;
use crate::journal::store::{Access, SaveError, Scope, Store};
use crate::journal::{DayEntry, Journal};
use crate::rules::{self, Evaluation};
use chrono::{Local, NaiveDate, NaiveDateTime, NaiveTime};
use std::path::PathBuf;

/// Where "now" comes from: the system clock, or a fixed time in tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    System,
    Fixed(NaiveDateTime),
    /// A clock set to `start` at the instant `since`, running on from there (tests of
    /// midnight in a real terminal).
    Running {
        start: NaiveDateTime,
        since: std::time::Instant,
    },
}

/// Whether "today" stays what it was at the start (`--today`, tests) or follows the clock
/// (an app left open past midnight moves on to the new day).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TodayMode {
    Fixed,
    FollowsClock,
}

/// The outcome of the last save, for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing saved in this session yet.
    Idle,
    Saved(NaiveTime),
    Failed(String),
}

/// What happened to a day's file on disk while the app had it open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictKind {
    /// Another program rewrote it.
    Changed,
    /// Another program (or the runner, by hand) deleted it.
    Deleted,
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
    /// True while older years are still being read in the background.
    pub history_loading: bool,
    pub settings: Settings,
    /// What each key does outside a text field (the defaults, or `keys.ron`).
    pub keys: crate::tui::keymap::Keymap,
    /// Where settings are saved; `None` in tests (settings stay in memory).
    pub config_dir: Option<PathBuf>,
    /// A message for the runner that is not about one field (a broken settings file, say).
    pub notice: Option<String>,
    /// The rules' verdict on the journal as it stands, refreshed after every change.
    pub evaluation: Evaluation,
    /// Distance per pair of shoes over the whole journal, refreshed with the verdict (it walks
    /// every day, so it is kept out of the draw path).
    pub shoe_distances: Vec<(String, f64)>,
    /// The Insights tab's findings and calendar, refreshed with the verdict.
    pub insights: super::tabs::insights::Computed,
    /// Why the settings cannot be changed here (the file is broken: fix it first), if so.
    pub settings_locked: Option<String>,
    /// A day whose save was refused because its file changed on disk: the runner chooses
    /// between reloading and keeping both.
    pub conflict: Option<DayEntry>,
    /// What the conflict is about (meaningful while `conflict` is set).
    pub conflict_kind: ConflictKind,
    /// Changes committed with [`Ctx::commit`], newest last, for [`Ctx::undo`].
    pub history: Vec<Change>,
    /// Changes undone, newest last, for [`Ctx::redo`]; a new commit empties it.
    pub redo: Vec<Change>,
    pub today_mode: TodayMode,
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
        let evaluation = rules::evaluate(&journal, today);
        let shoe_distances = rules::shoe_distances(&journal);
        let insights = super::tabs::insights::Computed::new(&journal, today);
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
            history_loading: false,
            settings: Settings::default(),
            keys: crate::tui::keymap::Keymap::default(),
            config_dir: None,
            notice: None,
            evaluation,
            shoe_distances,
            insights,
            conflict: None,
            conflict_kind: ConflictKind::Changed,
            settings_locked: None,
            history: Vec::new(),
            redo: Vec::new(),
            today_mode: TodayMode::Fixed,
        }
    }

    /// Takes in the older years read in the background.
    pub fn adopt_history(&mut self, older: crate::journal::store::Loaded) {
        let older = self.store.adopt(older);
        self.journal.merge(older);
        self.history_loading = false;
        self.refresh();
    }

    /// Settles a conflict: `keep_ours` first saves the runner's version as a conflict copy
    /// beside the day; either way the day is then reloaded from disk.
    pub fn resolve_conflict(&mut self, keep_ours: bool) {
        let Some(ours) = self.conflict.take() else {
            return;
        };
        if self.conflict_kind == ConflictKind::Deleted {
            self.resolve_deleted(ours, keep_ours);
            return;
        }
        let stamp = self.now().format("%Y%m%d-%H%M%S").to_string();
        let kept = if keep_ours {
            match self.store.keep_copy(&ours, &stamp) {
                Ok(path) => Some(path),
                Err(e) => {
                    self.save_state = SaveState::Failed(e.to_string());
                    self.conflict = Some(ours);
                    return;
                }
            }
        } else {
            None
        };
        match self.store.reload_day(ours.date) {
            Ok(Some(theirs)) => {
                self.journal.days.insert(ours.date, theirs);
            }
            Ok(None) => {
                self.journal.days.remove(&ours.date);
            }
            Err(problem) => {
                self.journal.days.remove(&ours.date);
                self.save_state = SaveState::Failed(problem);
            }
        }
        self.journal.problems.retain(|p| p.date != Some(ours.date));
        self.notice = Some(match kept {
            Some(path) => format!(
                "{} reloaded from disk; your version is kept in {path} (merge by hand)",
                ours.date
            ),
            None => format!("{} reloaded from disk; your change was dropped", ours.date),
        });
        self.refresh();
    }

    /// A read-only app (another stridelog had the journal open) tries to take it over. True
    /// when something changed to show: it can now save (the journal was read again first, as
    /// the other one may have changed it), or the holder changed.
    pub fn retry_write_access(&mut self) -> bool {
        let took = self.store.retry_lock();
        let access = self.store.access();
        if !took {
            let changed = access != self.access;
            self.access = access;
            return changed;
        }
        self.access = access;
        self.notice = Some(match self.reload() {
            Ok(()) => "The other stridelog has closed: this one can save now (the journal \
                       was read again from disk)."
                .into(),
            Err(e) => e,
        });
        true
    }

    /// A day deleted on disk: save ours again, or leave it deleted (and drop it here too).
    fn resolve_deleted(&mut self, ours: DayEntry, keep_ours: bool) {
        let date = ours.date;
        match self.store.reload_day(date) {
            // Still gone: the store forgot the old file, so ours can be written.
            Ok(None) if keep_ours => {
                self.notice = Some(match self.save_day(ours) {
                    Ok(()) => format!("{date}: your version was saved again"),
                    Err(e) => e,
                });
            }
            Ok(None) => {
                self.journal.days.remove(&date);
                self.notice = Some(format!("{date} left deleted; your change was dropped"));
            }
            // It came back meanwhile: now it is a change on disk like any other.
            Ok(Some(theirs)) => {
                self.journal.days.insert(date, theirs);
                self.conflict = Some(ours);
                self.conflict_kind = ConflictKind::Changed;
            }
            Err(problem) => {
                self.journal.days.remove(&date);
                self.save_state = SaveState::Failed(problem);
            }
        }
        self.refresh();
    }

    /// The date of the clock when today follows it and it is not `today` any more (midnight
    /// has passed), else `None`.
    pub fn new_day(&self) -> Option<NaiveDate> {
        let date = self.now().date();
        (self.today_mode == TodayMode::FollowsClock && date != self.today).then_some(date)
    }

    /// Recomputes what is derived from the journal (the rules' verdict, shoe totals).
    pub fn refresh(&mut self) {
        self.evaluation = rules::evaluate_in(&self.journal, self.today, self.settings.units);
        self.shoe_distances = rules::shoe_distances(&self.journal);
        self.insights = super::tabs::insights::Computed::new(&self.journal, self.today);
    }

    /// The current local time (fixed in tests).
    pub fn now(&self) -> NaiveDateTime {
        Self::now_of(self.clock)
    }

    /// The time of `clock` now.
    pub fn now_of(clock: Clock) -> NaiveDateTime {
        match clock {
            Clock::System => Local::now().naive_local(),
            Clock::Fixed(at) => at,
            Clock::Running { start, since } => {
                start + chrono::TimeDelta::from_std(since.elapsed()).unwrap_or_default()
            }
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
                if let Some(notice) = self.store.take_notice() {
                    self.notice = Some(notice);
                }
                self.refresh();
                self.save_state = SaveState::Saved(self.now().time());
                Ok(())
            }
            Err(e) => {
                let message = match &e {
                    SaveError::Changed { path } => {
                        self.conflict = Some(day);
                        self.conflict_kind = ConflictKind::Changed;
                        // The same choices, in the same words, as the question on screen.
                        let (keep, reload) = (
                            crate::tui::widgets::confirm::KEEP_BOTH,
                            crate::tui::widgets::confirm::RELOAD_THEIRS,
                        );
                        format!(
                            "not saved: {path} was changed by another program since stridelog \
                             read it. {} {}; {} {}",
                            keep.0, keep.1, reload.0, reload.1
                        )
                    }
                    SaveError::Deleted { .. } => {
                        self.conflict = Some(day);
                        self.conflict_kind = ConflictKind::Deleted;
                        e.to_string()
                    }
                    _ => e.to_string(),
                };
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
        self.redo.clear();
        Ok(())
    }

    /// Makes the last undone change again, and saves it. Returns the change redone,
    /// `Ok(None)` when there is nothing to redo. Like undo, a day changed since in another way
    /// is not touched.
    pub fn redo(&mut self) -> Result<Option<Change>, String> {
        let Some(change) = self.redo.pop() else {
            return Ok(None);
        };
        if self.day_or_new(change.before.date) != change.before {
            return Err(format!(
                "cannot redo {}: that day was changed since in another way; nothing redone",
                change.what
            ));
        }
        match self.save_day(change.after.clone()) {
            Ok(()) => {
                self.history.push(change.clone());
                Ok(Some(change))
            }
            Err(e) => {
                self.redo.push(change);
                Err(e)
            }
        }
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
            Ok(()) => {
                self.redo.push(change.clone());
                Ok(Some(change))
            }
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
        self.refresh();
        Ok(())
    }
}
