//! The app: which tab is open, the overlays, and `update`, the one place state changes.

use super::Tab;
use super::action::Action;
use super::ctx::Ctx;
use super::tabs::{log::LogState, routine::RoutineState, trends::TrendsState, triage::TriageState};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use std::time::Duration;

/// What sits on top of the tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help,
    /// "An edit is not saved: quit anyway?"
    ConfirmQuit,
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
}

impl App {
    /// A new app on the Log tab.
    pub fn new(ctx: Ctx) -> Self {
        Self {
            log: LogState::new(&ctx),
            triage: TriageState::new(&ctx),
            routine: RoutineState::new(&ctx),
            trends: TrendsState::new(&ctx),
            ctx,
            tab: Tab::Log,
            overlay: Overlay::None,
            running: true,
        }
    }

    /// True when the open tab is in the middle of typing into a field: keys go to the field.
    fn tab_captures_input(&self) -> bool {
        match self.tab {
            Tab::Log => self.log.captures_input(),
            Tab::Triage => self.triage.captures_input(),
            Tab::Routine => self.routine.captures_input(),
            Tab::Trends => false,
        }
    }

    /// True when quitting now would drop something typed but not committed (or a change
    /// whose save failed and waits for a retry).
    fn has_uncommitted_edit(&self) -> bool {
        self.log.has_uncommitted() || self.triage.captures_input() || self.routine.captures_input()
    }

    /// How often the app needs a [`Action::Tick`] (while a timer runs), or `None` to sleep
    /// until the next key.
    pub fn tick_interval(&self) -> Option<Duration> {
        self.routine.tick_interval()
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
        match self.overlay {
            Overlay::Help => {
                return matches!(
                    key.code,
                    KeyCode::Char('?' | 'q') | KeyCode::Esc | KeyCode::Enter
                )
                .then_some(Action::ToggleHelp);
            }
            Overlay::ConfirmQuit => {
                return match key.code {
                    KeyCode::Char('y' | 'Y') => Some(Action::ConfirmQuit(true)),
                    KeyCode::Char('n' | 'N') | KeyCode::Esc => Some(Action::ConfirmQuit(false)),
                    _ => None,
                };
            }
            Overlay::None => {}
        }
        if !self.tab_captures_input() {
            let global = match key.code {
                KeyCode::Char('q') => Some(Action::Quit),
                KeyCode::Char('?') => Some(Action::ToggleHelp),
                KeyCode::Tab => Some(Action::NextTab),
                KeyCode::BackTab => Some(Action::PrevTab),
                KeyCode::Char(c @ '1'..='4') if !self.tab_uses_digits() => Tab::ALL
                    .get(usize::from(c as u8 - b'1'))
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
        }
    }

    /// True when the open tab gives the digit keys a meaning of its own right now (a pain
    /// score on the Log tab's pain field, say); switch tabs with Tab then.
    fn tab_uses_digits(&self) -> bool {
        match self.tab {
            Tab::Log => self.log.uses_digits(),
            Tab::Triage => self.triage.uses_digits(),
            Tab::Routine => self.routine.uses_digits(),
            Tab::Trends => false,
        }
    }

    /// Applies an action: the only place state changes.
    pub fn update(&mut self, action: Action) {
        match action {
            Action::NextTab => self.tab = self.tab.next(),
            Action::PrevTab => self.tab = self.tab.prev(),
            Action::GoTo(tab) => self.tab = tab,
            Action::ToggleHelp => {
                self.overlay = if self.overlay == Overlay::Help {
                    Overlay::None
                } else {
                    Overlay::Help
                };
            }
            Action::Quit => {
                if self.has_uncommitted_edit() {
                    self.overlay = Overlay::ConfirmQuit;
                } else {
                    self.running = false;
                }
            }
            Action::ConfirmQuit(yes) => {
                self.overlay = Overlay::None;
                if yes {
                    self.running = false;
                }
            }
            Action::Tick(now) => self.routine.tick(now, &mut self.ctx),
            Action::Log(a) => self.log.update(a, &mut self.ctx),
            Action::Triage(a) => self.triage.update(a, &mut self.ctx),
            Action::Routine(a) => self.routine.update(a, &mut self.ctx),
            Action::Trends(a) => self.trends.update(a, &mut self.ctx),
        }
    }

    /// Feeds a key through [`App::action_for`] and [`App::update`] (what the event loop and the
    /// tests do).
    pub fn press(&mut self, key: KeyEvent) {
        if let Some(action) = self.action_for(key) {
            self.update(action);
        }
    }
}
