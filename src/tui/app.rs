//! The app: which tab is open, the overlays, and `update`, the one place state changes.

use super::Tab;
use super::action::{Action, HistoryRead};
use super::ctx::Ctx;
use super::keymap::{Command, Scope};
use super::tabs::routine::{Effect, RoutineState};
use super::tabs::{
    insights::InsightsState, log::LogState, trends::TrendsState, triage::TriageState,
};
use super::widgets::help::Unsaved;
use super::widgets::settings::{self, SettingsAction};
use super::widgets::split::split;
use super::widgets::{banner, help};
use crate::session::Resolution;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::{Constraint, Direction, Rect};
use std::time::Duration;

/// What sits on top of the tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    None,
    /// The help overlay, scrolled down this many lines.
    Help(u16),
    /// "An edit is not saved: quit anyway?"
    ConfirmQuit,
    /// The settings popup, with its selected row.
    Settings(usize),
}

/// The whole app state.
pub struct App {
    pub ctx: Ctx,
    pub tab: Tab,
    pub overlay: Overlay,
    pub running: bool,
    pub log: LogState,
    pub triage: TriageState,
    pub routine: RoutineState,
    pub trends: TrendsState,
    pub insights: InsightsState,
    /// The terminal's size as last reported (columns, rows); `None` until the first report.
    pub size: Option<(u16, u16)>,
}

/// Below this size the layout cannot show a form; a notice is drawn instead.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 18;

impl App {
    /// The rows of the screen: header, banner (`banner` lines), read-only line, notice, the
    /// tab's body, hints and status. `update` uses it too (to know how far the help scrolls).
    pub fn rows(&self, area: Rect, banner: usize) -> [Rect; 7] {
        split(
            Direction::Vertical,
            area,
            [
                Constraint::Length(1),
                Constraint::Length(u16::try_from(banner).unwrap_or(u16::MAX)),
                Constraint::Length(u16::from(self.ctx.read_only_reason().is_some())),
                Constraint::Length(u16::from(self.ctx.notice.is_some())),
                Constraint::Min(0),
                Constraint::Length(1),
                Constraint::Length(1),
            ],
        )
    }

    /// The tab's body on the terminal as last sized (80x24 until the first size is known).
    pub fn body_area(&self) -> Rect {
        let (w, h) = self.size.unwrap_or((80, 24));
        let area = Rect::new(0, 0, w, h);
        let banner = banner::urgent_lines(&self.ctx, w).len();
        self.rows(area, banner)[4]
    }
}

impl App {
    /// A new app on the Log tab.
    pub fn new(ctx: Ctx) -> Self {
        Self {
            log: LogState::new(&ctx),
            triage: TriageState::new(&ctx),
            routine: RoutineState::new(&ctx),
            trends: TrendsState::new(&ctx),
            insights: InsightsState::new(&ctx),
            ctx,
            tab: Tab::Log,
            overlay: Overlay::None,
            running: true,
            size: None,
        }
    }

    /// True when the terminal is below the minimum size: the notice is drawn instead of the
    /// tabs, so keys must not reach a form nobody can see.
    pub fn too_small(&self) -> bool {
        self.size
            .is_some_and(|(w, h)| w < MIN_WIDTH || h < MIN_HEIGHT)
    }

    /// True when the open tab is in the middle of typing into a field: keys go to the field.
    pub fn tab_captures_input(&self) -> bool {
        match self.tab {
            Tab::Log => self.log.captures_input(),
            Tab::Triage => self.triage.captures_input(),
            Tab::Routine => self.routine.captures_input(),
            Tab::Trends | Tab::Insights => false,
        }
    }

    /// True when quitting now would drop something typed but not committed (a change whose
    /// save failed and waits for a retry, unsaved triage answers, a routine session not yet
    /// saved).
    fn has_uncommitted_edit(&self) -> bool {
        self.unsaved().is_some()
    }

    /// What quitting now would lose, the weightiest first, if anything.
    pub fn unsaved(&self) -> Option<Unsaved> {
        if self.routine_would_be_kept() {
            Some(Unsaved::Routine)
        } else if self.log.has_uncommitted() {
            Some(Unsaved::Typing)
        } else if self.triage.captures_input() || self.triage.has_unsaved_answers() {
            Some(Unsaved::TriageAnswers)
        } else {
            None
        }
    }

    /// True when quitting now would stop a routine under way (or one waiting for its pain
    /// score): quitting then keeps it as a partial session.
    pub fn routine_would_be_kept(&self) -> bool {
        self.routine.captures_input() || self.routine.has_unsaved_session()
    }

    /// How often the app needs a [`Action::Tick`] (while a timer runs), or `None` to sleep
    /// until the next key.
    pub fn tick_interval(&self) -> Option<Duration> {
        self.routine.tick_interval()
    }

    /// What the event loop must do outside the screen (ring the bell), queued since the last
    /// call.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        self.routine.take_effects()
    }

    /// Turns a key into an action. Keys that mean nothing here give `None`.
    pub fn action_for(&self, key: KeyEvent) -> Option<Action> {
        if key.kind != KeyEventKind::Press {
            return None;
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl && key.code == KeyCode::Char('c') {
            return Some(Action::Quit);
        }
        if self.too_small() {
            // Only leaving works behind the "terminal too small" notice.
            return match key.code {
                KeyCode::Char('q') if !self.tab_captures_input() => Some(Action::Quit),
                _ => None,
            };
        }
        if self.ctx.session.conflict().is_some() {
            // Plain k or r only: Ctrl-R (redo) must never be read as "reload theirs".
            let plain = !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
            return match key.code {
                KeyCode::Char('k') if plain => Some(Action::ResolveConflict(Resolution::KeepMine)),
                KeyCode::Char('r') if plain => {
                    Some(Action::ResolveConflict(Resolution::TakeTheirs))
                }
                _ => None,
            };
        }
        match self.overlay {
            Overlay::Help(_) => {
                return match key.code {
                    KeyCode::Char('?' | 'q') | KeyCode::Esc | KeyCode::Enter => {
                        Some(Action::ToggleHelp)
                    }
                    KeyCode::Down | KeyCode::Char('j') => Some(Action::ScrollHelp(1)),
                    KeyCode::Up | KeyCode::Char('k') => Some(Action::ScrollHelp(-1)),
                    KeyCode::PageDown | KeyCode::Char(' ') => Some(Action::ScrollHelp(10)),
                    KeyCode::PageUp => Some(Action::ScrollHelp(-10)),
                    KeyCode::Home => Some(Action::ScrollHelp(i16::MIN)),
                    KeyCode::End => Some(Action::ScrollHelp(i16::MAX)),
                    _ => None,
                };
            }
            Overlay::ConfirmQuit => {
                return match key.code {
                    KeyCode::Char('y' | 'Y') => Some(Action::ConfirmQuit(true)),
                    KeyCode::Char('n' | 'N') | KeyCode::Esc => Some(Action::ConfirmQuit(false)),
                    _ => None,
                };
            }
            Overlay::Settings(_) => {
                return match key.code {
                    KeyCode::Up | KeyCode::Char('k') => Some(Action::Settings(SettingsAction::Up)),
                    KeyCode::Down | KeyCode::Char('j') => {
                        Some(Action::Settings(SettingsAction::Down))
                    }
                    KeyCode::Right | KeyCode::Enter | KeyCode::Char('l' | ' ' | '+') => {
                        Some(Action::Settings(SettingsAction::Increase))
                    }
                    KeyCode::Left | KeyCode::Char('h' | '-') => {
                        Some(Action::Settings(SettingsAction::Decrease))
                    }
                    KeyCode::Esc | KeyCode::Char(',' | 'q') => {
                        Some(Action::Settings(SettingsAction::Close))
                    }
                    _ => None,
                };
            }
            Overlay::None => {}
        }
        if !self.tab_captures_input() {
            let global = match self.ctx.keys.global(key) {
                Some(Command::Quit) => Some(Action::Quit),
                Some(Command::Help) => Some(Action::ToggleHelp),
                Some(Command::Settings) => Some(Action::OpenSettings),
                Some(Command::NextTab) => Some(Action::NextTab),
                Some(Command::PrevTab) => Some(Action::PrevTab),
                Some(Command::Tab(n)) => Tab::ALL
                    .get(usize::from(n).wrapping_sub(1))
                    .copied()
                    .map(Action::GoTo),
                _ => None,
            };
            if global.is_some() {
                return global;
            }
        }
        match self.tab {
            Tab::Log => self.log.map_key(key, &self.ctx).map(Action::Log),
            Tab::Triage => self.triage.map_key(key, &self.ctx).map(Action::Triage),
            Tab::Routine => self.routine.map_key(key, &self.ctx).map(Action::Routine),
            Tab::Trends => self.trends.map_key(key, &self.ctx).map(Action::Trends),
            Tab::Insights => self.insights.map_key(key, &self.ctx).map(Action::Insights),
        }
    }

    /// Applies an action: the only place state changes.
    pub fn update(&mut self, action: Action) {
        match action {
            Action::NextTab => self.tab = self.tab.next(),
            Action::PrevTab => self.tab = self.tab.prev(),
            Action::GoTo(tab) => self.tab = tab,
            Action::ToggleHelp => {
                self.overlay = if matches!(self.overlay, Overlay::Help(_)) {
                    Overlay::None
                } else {
                    // Open at the keys of the tab in use.
                    let scope = match self.tab {
                        Tab::Log => Scope::Log,
                        Tab::Triage => Scope::Triage,
                        Tab::Routine if self.routine.timer().is_some() => Scope::RoutineRun,
                        Tab::Routine => Scope::RoutineList,
                        Tab::Trends => Scope::Trends,
                        Tab::Insights => Scope::Insights,
                    };
                    Overlay::Help(help::section_start(&self.ctx.keys, scope, self.body_area()))
                };
            }
            Action::ScrollHelp(by) => {
                if let Overlay::Help(top) = self.overlay {
                    let max = help::max_scroll(&self.ctx.keys, self.body_area());
                    self.overlay = Overlay::Help(top.min(max).saturating_add_signed(by).min(max));
                }
            }
            Action::Quit => {
                if self.has_uncommitted_edit() {
                    self.overlay = Overlay::ConfirmQuit;
                    self.routine.hold_for_question();
                } else {
                    self.running = false;
                }
            }
            Action::ConfirmQuit(yes) => {
                self.overlay = Overlay::None;
                if !yes {
                    self.routine.release_after_question();
                } else if self.routine_would_be_kept() {
                    match self.routine.keep_before_quitting(&mut self.ctx) {
                        Ok(()) => self.running = false,
                        // Not saved: stay, and show the session with its retry.
                        Err(_) => self.tab = Tab::Routine,
                    }
                } else {
                    self.running = false;
                }
            }
            Action::OpenSettings => self.overlay = Overlay::Settings(0),
            Action::Settings(a) => {
                if let Overlay::Settings(selected) = self.overlay {
                    self.overlay = settings::update(selected, a, &mut self.ctx)
                        .map_or(Overlay::None, Overlay::Settings);
                    // The rules' evidence follows the unit too.
                    self.ctx.session.set_units(self.ctx.settings.units);
                }
            }
            Action::ResolveConflict(choice) => {
                self.ctx.resolve_conflict(choice);
                if self.ctx.session.conflict().is_none() {
                    self.log.settle_after_conflict(&self.ctx);
                    // Said once, on the Log tab: not left on every tab afterwards.
                    self.ctx.notice = None;
                }
            }
            Action::Tick(now) => self.routine.tick(now, &mut self.ctx),
            Action::Resize(w, h) => self.size = Some((w, h)),
            Action::NewDay(date) => {
                let old = self.ctx.today();
                self.ctx.session.set_today(date);
                self.log.follow_today(old, &self.ctx);
                if self.triage.date == old && !self.triage.captures_input() {
                    self.triage.date = date;
                }
            }
            Action::Log(a) => self.log.update(a, &mut self.ctx),
            Action::Triage(a) => {
                let body = self.body_area();
                self.triage.update(a, &mut self.ctx, body);
            }
            Action::Routine(a) => self.routine.update(a, &mut self.ctx),
            Action::Trends(a) => {
                let body = self.body_area();
                self.trends.update(a, &mut self.ctx, body);
            }
            Action::Insights(a) => {
                let body = self.body_area();
                self.insights.update(a, &mut self.ctx, body);
            }
            Action::HistoryRead(read) => self.adopt_history(*read),
            Action::RetryWriteAccess => {
                self.ctx.retry_write_access();
            }
        }
        self.ctx.catch_up(self.tab == Tab::Insights);
    }

    /// Takes in the older days read in the background; says once if they could not be read.
    fn adopt_history(&mut self, read: HistoryRead) {
        let HistoryRead { older, notice } = read;
        let trouble = older
            .as_ref()
            .err()
            .map(|e| format!("Older days could not be read ({e}); only recent days are shown."));
        let unread = older
            .as_ref()
            .ok()
            .and_then(|older| older.journal.unread_files_notice());
        self.ctx.session.adopt_history(older.ok());
        if let Some(said) = trouble.or(notice).or(unread)
            && self.ctx.notice.is_none()
        {
            self.ctx.notice = Some(said);
        }
    }

    /// The app is being stopped from outside: saves what was typed if it is valid, and
    /// returns what could not be saved (for the recovery file).
    pub fn rescue(&mut self) -> Option<crate::journal::recovery::Recovery> {
        self.log.rescue(&mut self.ctx)
    }

    /// Feeds a key through [`App::action_for`] and [`App::update`] (what the event loop and the
    /// tests do).
    pub fn press(&mut self, key: KeyEvent) {
        if let Some(action) = self.action_for(key) {
            self.update(action);
        }
    }
}
