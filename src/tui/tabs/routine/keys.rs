//! Which key does what on the Routine tab, and the hint line, in each of its modes.

use super::{Mode, RoutineAction, RoutineState, Stage};
use crate::tui::ctx::Ctx;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

impl RoutineState {
    pub fn map_key(&self, key: KeyEvent, _ctx: &Ctx) -> Option<RoutineAction> {
        use RoutineAction as A;
        let code = key.code;
        let common = match code {
            KeyCode::Char('b') => Some(A::ToggleBell),
            KeyCode::Char('f') => Some(A::ToggleFlash),
            _ => None,
        };
        match &self.mode {
            Mode::Pick | Mode::Detail { .. } => {
                let detail = matches!(self.mode, Mode::Detail { .. });
                match code {
                    KeyCode::Up | KeyCode::Char('k') => Some(A::Up),
                    KeyCode::Down | KeyCode::Char('j') => Some(A::Down),
                    KeyCode::Enter if detail => Some(A::Start),
                    KeyCode::Enter => Some(A::Open),
                    KeyCode::Char('s') => Some(A::Start),
                    KeyCode::Esc | KeyCode::Backspace if detail => Some(A::Back),
                    _ => common,
                }
            }
            Mode::Run(run) if run.confirm_stop => match code {
                KeyCode::Char('y' | 'Y') => Some(A::ConfirmStop(true)),
                KeyCode::Char('n' | 'N') | KeyCode::Esc => Some(A::ConfirmStop(false)),
                _ => None,
            },
            Mode::Run(_) => match code {
                KeyCode::Char(' ') => Some(A::PauseOrTap),
                KeyCode::Char('n') => Some(A::Skip),
                KeyCode::Char('p') => Some(A::Previous),
                KeyCode::Char('r') => Some(A::Restart),
                KeyCode::Esc => Some(A::AskStop),
                _ => common,
            },
            Mode::Finish(f) => match (&f.stage, code) {
                (Stage::AskPain { .. }, KeyCode::Char(c @ '0'..='9')) => {
                    Some(A::Pain(c as u8 - b'0'))
                }
                (Stage::AskPain { .. }, KeyCode::Char('+')) => Some(A::Pain(10)),
                (Stage::AskPain { .. }, KeyCode::Enter) => Some(A::PainEnter),
                (Stage::AskPain { .. }, KeyCode::Backspace) => Some(A::PainClear),
                (Stage::AskPain { .. }, KeyCode::Char('s')) => Some(A::SkipPain),
                (Stage::Failed(_), KeyCode::Char('r')) => Some(A::Retry),
                (Stage::Failed(_), KeyCode::Esc)
                | (Stage::Saved | Stage::Nothing, KeyCode::Enter | KeyCode::Esc) => Some(A::Done),
                _ => None,
            },
        }
    }

    /// The keys shown at the bottom of the screen.
    pub fn hints(&self) -> &'static [(&'static str, &'static str)] {
        match &self.mode {
            Mode::Pick => &[
                ("↑↓", "choose"),
                ("Enter", "steps"),
                ("s", "start"),
                ("b/f", "bell/flash"),
            ],
            Mode::Detail { .. } => &[
                ("↑↓", "step"),
                ("s/Enter", "start"),
                ("Esc", "back"),
                ("b/f", "bell/flash"),
            ],
            Mode::Run(run) if run.confirm_stop => &[("y", "stop and record"), ("n", "go on")],
            Mode::Run(run) if run.timer.awaits_taps() && !run.timer.is_paused() => &[
                ("Space", "rep done"),
                ("n/p", "skip/back"),
                ("r", "restart"),
                ("Esc", "stop"),
                ("b/f", "bell/flash"),
            ],
            Mode::Run(run) if run.timer.is_paused() => &[
                ("Space", "go on"),
                ("n/p", "skip/back"),
                ("r", "restart"),
                ("Esc", "stop"),
                ("b/f", "bell/flash"),
            ],
            Mode::Run(_) => &[
                ("Space", "pause"),
                ("n/p", "skip/back"),
                ("r", "restart"),
                ("Esc", "stop"),
                ("b/f", "bell/flash"),
            ],
            Mode::Finish(f) => match f.stage {
                Stage::AskPain { .. } => &[("0-9", "pain"), ("1 0 or +", "10"), ("s", "skip")],
                Stage::Failed(_) => &[("r", "retry the save"), ("Esc", "drop the session")],
                Stage::Saved | Stage::Nothing => &[("Enter", "back to the routines")],
            },
        }
    }
}
