//! What every tab shares besides the journal: the clock, the theme, the settings, the key
//! list and the message for the runner. The journal itself, its store, the verdict and undo
//! live in the core [`Session`]; the small wrappers here pass it the time.

use super::theme::Theme;
use crate::journal::settings::Settings;
use crate::journal::{DayEntry, Journal};
use crate::session::{Change, Refusal, Resolution, Session, TakeOver};
use chrono::{Local, NaiveDate, NaiveDateTime};
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

/// Shared state handed to every tab.
pub struct Ctx {
    /// The journal open in the app: every save goes through it.
    pub session: Session,
    pub clock: Clock,
    pub today_mode: TodayMode,
    pub theme: &'static Theme,
    pub settings: Settings,
    /// Why the settings cannot be changed here (the file is broken: fix it first), if so.
    pub settings_locked: Option<String>,
    /// Where settings are saved; `None` in tests (settings stay in memory).
    pub config_dir: Option<PathBuf>,
    /// What each key does outside a text field (the defaults, or `keys.ron`).
    pub keys: crate::tui::keymap::Keymap,
    /// A message for the runner that is not about one field (a broken settings file, say).
    pub notice: Option<String>,
    /// The Insights tab's findings and calendar, and the session version they were worked out
    /// at: only once that tab is shown (see [`Ctx::catch_up`]), so the first frame never
    /// waits for them.
    insights: Option<(crate::insights::Year, u64)>,
}

impl Ctx {
    /// Builds the context on `journal`, read from `store`.
    pub fn new(
        today: NaiveDate,
        journal: Journal,
        store: Box<dyn crate::journal::store::Store>,
        clock: Clock,
        theme: &'static Theme,
    ) -> Self {
        let keys = crate::tui::keymap::Keymap::default();
        Self::with_keys(today, journal, store, clock, theme, keys)
    }

    /// Like [`Ctx::new`], with the keymap already known (the runner reads `keys.ron` first,
    /// so the default keymap is not built twice).
    pub fn with_keys(
        today: NaiveDate,
        journal: Journal,
        store: Box<dyn crate::journal::store::Store>,
        clock: Clock,
        theme: &'static Theme,
        keys: crate::tui::keymap::Keymap,
    ) -> Self {
        let session = Session::new(today, journal, store);
        Self {
            session,
            clock,
            today_mode: TodayMode::Fixed,
            theme,
            settings: Settings::default(),
            settings_locked: None,
            config_dir: None,
            keys,
            notice: None,
            insights: None,
        }
    }

    /// Today (the session's).
    pub fn today(&self) -> NaiveDate {
        self.session.today()
    }

    /// The journal as it stands.
    pub fn journal(&self) -> &Journal {
        self.session.journal()
    }

    /// The Insights tab's findings and calendar, once worked out.
    pub fn insights(&self) -> Option<&crate::insights::Year> {
        self.insights.as_ref().map(|(year, _)| year)
    }

    /// Works out again what the session does not keep itself (the Insights tab's findings)
    /// when it is on screen and the journal changed since. Called once after each update, so
    /// drawing only reads.
    pub fn catch_up(&mut self, insights_shown: bool) {
        let version = self.session.version();
        if insights_shown && self.insights.as_ref().is_none_or(|(_, at)| *at != version) {
            let year = crate::insights::Year::new(self.journal(), self.today());
            self.insights = Some((year, version));
        }
    }

    /// The date of the clock when today follows it and it is not today any more (midnight
    /// has passed), else `None`.
    pub fn new_day(&self) -> Option<NaiveDate> {
        let date = self.now().date();
        (self.today_mode == TodayMode::FollowsClock && date != self.today()).then_some(date)
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
        self.session.read_only_reason()
    }

    /// The day on `date` as stored, or a fresh empty one.
    pub fn day_or_new(&self, date: NaiveDate) -> DayEntry {
        self.session.day_or_new(date)
    }

    /// Saves a changed day through the session, undoably ([`Session::commit`]); a notice of
    /// the store's own (files made private) is passed on.
    pub fn commit(&mut self, day: DayEntry, what: impl Into<String>) -> Result<(), String> {
        let result = self.session.commit(day, what, self.now().time());
        self.pass_on_store_notice();
        result
    }

    /// [`Session::undo`] now.
    pub fn undo(&mut self) -> Result<Option<Change>, Refusal> {
        self.session.undo(self.now().time())
    }

    /// [`Session::redo`] now.
    pub fn redo(&mut self) -> Result<Option<Change>, Refusal> {
        self.session.redo(self.now().time())
    }

    /// Settles the conflict as the runner chose and says what happened.
    pub fn resolve_conflict(&mut self, choice: Resolution) {
        if let Some(said) = self.session.resolve_conflict(choice, self.now()) {
            self.notice = Some(said);
        }
    }

    /// A read-only app tries to take the journal over; says so when it could.
    pub fn retry_write_access(&mut self) {
        if let TakeOver::Took(read) = self.session.retry_write_access() {
            self.notice = Some(match read {
                Ok(()) => "The other stridelog has closed: this one can save now (the \
                           journal was read again from disk)."
                    .into(),
                Err(e) => e,
            });
        }
    }

    fn pass_on_store_notice(&mut self) {
        if let Some(notice) = self.session.take_notice() {
            self.notice = Some(notice);
        }
    }
}
