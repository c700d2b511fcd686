//! Which key does what on the Routine tab, and the hint line, in each of its modes.

use super::{Mode, RoutineAction, RoutineState, Stage, StopQuestion};
use crate::tui::ctx::Ctx;
use crate::tui::keymap::{Command as C, Scope, hint};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

impl RoutineState {
    pub fn map_key(&self, key: KeyEvent, ctx: &Ctx) -> Option<RoutineAction> {
        use RoutineAction as A;
        let code = key.code;
        match &self.mode {
            Mode::Pick | Mode::Detail { .. } => {
                let detail = matches!(self.mode, Mode::Detail { .. });
                match ctx.keys.command(Scope::RoutineList, key)? {
                    C::RoutineUp => Some(A::Up),
                    C::RoutineDown => Some(A::Down),
                    C::RoutineOpen if detail => Some(A::Start),
                    C::RoutineOpen => Some(A::Open),
                    C::RoutineStart => Some(A::Start),
                    C::RoutineBack if detail => Some(A::Back),
                    C::RoutineBell => Some(A::ToggleBell),
                    C::RoutineFlash => Some(A::ToggleFlash),
                    _ => None,
                }
            }
            // A question: its answers are the dialog's own keys.
            Mode::Run(run) if run.stop_question == StopQuestion::Open => match code {
                KeyCode::Char('y' | 'Y') => Some(A::ConfirmStop(true)),
                KeyCode::Char('n' | 'N') | KeyCode::Esc => Some(A::ConfirmStop(false)),
                _ => None,
            },
            Mode::Run(_) => match ctx
                .keys
                .command(Scope::RoutineRun, key)
                .or_else(|| ctx.keys.command(Scope::RoutineList, key))?
            {
                C::RoutinePause => Some(A::PauseOrTap),
                C::RoutineSkip => Some(A::Skip),
                C::RoutinePrevious => Some(A::Previous),
                C::RoutineRestart => Some(A::Restart),
                C::RoutineStop => Some(A::AskStop),
                C::RoutineBell => Some(A::ToggleBell),
                C::RoutineFlash => Some(A::ToggleFlash),
                _ => None,
            },
            // "Pain now?" is a field open for typing: its keys are what they say.
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

    /// The keys shown at the bottom of the screen, from the key list.
    pub fn hints(&self, ctx: &Ctx) -> Vec<(String, &'static str)> {
        let k = &ctx.keys;
        let fixed = |list: &[(&str, &'static str)]| -> Vec<(String, &'static str)> {
            list.iter()
                .map(|(key, w)| ((*key).to_owned(), *w))
                .collect()
        };
        let running = |pause: &'static str| {
            vec![
                hint(k, &[C::RoutinePause], pause),
                hint(k, &[C::RoutineSkip, C::RoutinePrevious], "skip/back"),
                hint(k, &[C::RoutineRestart], "restart"),
                hint(k, &[C::RoutineStop], "stop"),
                hint(k, &[C::RoutineBell, C::RoutineFlash], "bell/flash"),
            ]
        };
        match &self.mode {
            Mode::Pick => vec![
                hint(k, &[C::RoutineUp, C::RoutineDown], "choose"),
                hint(k, &[C::RoutineOpen], "steps"),
                hint(k, &[C::RoutineStart], "start"),
                hint(k, &[C::RoutineBell, C::RoutineFlash], "bell/flash"),
            ],
            Mode::Detail { .. } => vec![
                hint(k, &[C::RoutineUp, C::RoutineDown], "step"),
                hint(k, &[C::RoutineStart, C::RoutineOpen], "start"),
                hint(k, &[C::RoutineBack], "back"),
                hint(k, &[C::RoutineBell, C::RoutineFlash], "bell/flash"),
            ],
            Mode::Run(run) if run.stop_question == StopQuestion::Open => {
                fixed(&[("y", "stop and record"), ("n", "go on")])
            }
            Mode::Run(run) if run.timer.awaits_taps() && !run.timer.is_paused() => {
                running("rep done")
            }
            Mode::Run(run) if run.timer.is_paused() => running("go on"),
            Mode::Run(_) => running("pause"),
            Mode::Finish(f) => fixed(match f.stage {
                Stage::AskPain { .. } => &[("0-9", "pain"), ("1 0 or +", "10"), ("s", "skip")],
                Stage::Failed(_) => &[("r", "retry the save"), ("Esc", "drop the session")],
                Stage::Saved | Stage::Nothing => &[("Enter", "back to the routines")],
            }),
        }
    }
}
