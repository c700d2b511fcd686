//! Everything that can happen to the app. Keys and ticks become an [`Action`]; only
//! `App::update` changes state.

use super::Tab;
use super::tabs::{
    insights::InsightsAction, log::LogAction, routine::RoutineAction, trends::TrendsAction,
    triage::TriageAction,
};
use super::widgets::settings::SettingsAction;
use crate::journal::store::Loaded;
use crate::session::Resolution;
use std::time::Instant;

/// What the background reading of the older days brought.
#[derive(Debug)]
pub struct HistoryRead {
    /// The days outside the first screen's, or why they could not be read.
    pub older: Result<Loaded, String>,
    /// Something done on the side to tell the runner once (old temp files removed).
    pub notice: Option<String>,
}

#[derive(Debug)]
pub enum Action {
    NextTab,
    PrevTab,
    GoTo(Tab),
    ToggleHelp,
    /// Scroll the help by this many lines (negative: up).
    ScrollHelp(i16),
    /// `q`: quit, or ask first when an edit is not committed.
    Quit,
    /// The answer to "quit without saving the edit?".
    ConfirmQuit(bool),
    /// `,`: open the settings popup.
    OpenSettings,
    Settings(SettingsAction),
    /// The answer to "this day changed (or was deleted) on disk".
    ResolveConflict(Resolution),
    /// The rest of the history, read in the background after the first frame.
    HistoryRead(Box<HistoryRead>),
    /// A read-only app tries again to take the journal over (the other app may have closed).
    RetryWriteAccess,
    /// Time passes (only sent while something runs against the clock).
    Tick(Instant),
    /// The terminal is now this many columns and rows.
    Resize(u16, u16),
    /// The clock has passed midnight: today is this date now.
    NewDay(chrono::NaiveDate),
    Log(LogAction),
    Triage(TriageAction),
    Routine(RoutineAction),
    Trends(TrendsAction),
    Insights(InsightsAction),
}
