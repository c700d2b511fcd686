//! Everything that can happen to the app. Keys and ticks become an [`Action`]; only
//! `App::update` changes state.

use super::Tab;
use super::tabs::{
    insights::InsightsAction, log::LogAction, routine::RoutineAction, trends::TrendsAction,
    triage::TriageAction,
};
use super::widgets::settings::SettingsAction;
use std::time::Instant;

#[derive(Debug, Clone, Copy, PartialEq)]
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
    /// The answer to "this day changed on disk": keep both versions, or reload and drop ours.
    ResolveConflict {
        keep_ours: bool,
    },
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
