//! What the Routine tab's actions and the clock do: pick, start, pause, skip, stop, the cues
//! and the bell, and the session's save at the end.

use super::{
    Effect, FINE_TICK, FLASH, Hold, Mode, RoutineAction, RoutineState, Run, StopQuestion,
    timer_config,
};
use crate::journal::settings::Settings;
use crate::routine::{Cue, Phase, Timer};
use crate::tui::ctx::Ctx;
use chrono::Timelike;
use std::time::{Duration, Instant};

impl RoutineState {
    pub fn update(&mut self, action: RoutineAction, ctx: &mut Ctx) {
        use RoutineAction as A;
        match action {
            A::ToggleBell => ctx.settings.bell = !ctx.settings.bell,
            A::ToggleFlash => {
                ctx.settings.flash = !ctx.settings.flash;
                if !ctx.settings.flash {
                    self.flash_until = None;
                }
            }
            A::Up | A::Down => self.move_selection(action == A::Down),
            A::Open => {
                if !self.routines().is_empty() {
                    self.mode = Mode::Detail { step: 0 };
                }
            }
            A::Back => self.mode = Mode::Pick,
            A::Start => self.start(ctx),
            A::PauseOrTap | A::Skip | A::Previous | A::Restart => self.operate(action, ctx),
            A::AskStop => {
                self.hold_for_question();
                if let Mode::Run(run) = &mut self.mode {
                    run.stop_question = StopQuestion::Open;
                }
            }
            A::ConfirmStop(false) => {
                if let Mode::Run(run) = &mut self.mode {
                    run.stop_question = StopQuestion::Closed;
                }
                self.release_after_question();
            }
            A::ConfirmStop(true) => self.stop(),
            A::Pain(_) | A::PainEnter | A::PainClear | A::SkipPain | A::Retry => {
                self.answer(action, ctx);
            }
            A::Done => {
                if matches!(self.mode, Mode::Finish(_)) {
                    self.mode = Mode::Pick;
                }
            }
        }
    }

    /// How long the event loop may sleep before the next tick, or `None` when nothing runs
    /// against the clock (it then waits for a key). While a timer counts, at most
    /// [`FINE_TICK`], and never past the moment the big countdown changes its number.
    pub fn tick_interval(&self) -> Option<Duration> {
        let flash = self
            .flash_until
            .zip(self.now)
            .map(|(until, now)| until.saturating_duration_since(now));
        let timer = match &self.mode {
            Mode::Run(run) if run.timer.phase() == Phase::NotStarted => Some(Duration::ZERO),
            Mode::Run(run) if run.timer.is_running() && !run.timer.is_paused() => {
                match self.now.and_then(|now| run.timer.remaining(now)) {
                    Some(left) => {
                        let to_next_second = Duration::new(0, left.subsec_nanos());
                        Some(if to_next_second.is_zero() {
                            FINE_TICK
                        } else {
                            to_next_second.min(FINE_TICK)
                        })
                    }
                    // Tapped reps: nothing changes until a key.
                    None => None,
                }
            }
            _ => None,
        };
        match (flash, timer) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// Time passes: the timer catches up to `now`, its cues become a bell and a flash, and a
    /// routine that ran to its end asks "pain now?".
    pub fn tick(&mut self, now: Instant, ctx: &mut Ctx) {
        self.now = Some(now);
        if self.flash_until.is_some_and(|until| now >= until) {
            self.flash_until = None;
        }
        if let Mode::Run(run) = &mut self.mode {
            // A start pressed before any instant was known starts at the first one.
            run.timer.start_at(now, run.first_step);
        }
        self.settle(&ctx.settings);
    }

    // --- the work behind the actions ----------------------------------------------------

    fn move_selection(&mut self, down: bool) {
        let routines = &self.offer().routines;
        let last_routine = routines.len().saturating_sub(1);
        let last_step = routines
            .get(self.selected)
            .map_or(0, |r| r.steps.len().saturating_sub(1));
        match &mut self.mode {
            Mode::Pick => {
                let last = last_routine;
                self.selected = if down {
                    (self.selected + 1).min(last)
                } else {
                    self.selected.saturating_sub(1)
                };
            }
            Mode::Detail { step } => {
                let last = last_step;
                *step = if down {
                    (*step + 1).min(last)
                } else {
                    step.saturating_sub(1)
                };
            }
            Mode::Run(_) | Mode::Finish(_) => {}
        }
    }

    fn start(&mut self, ctx: &mut Ctx) {
        if !matches!(self.mode, Mode::Pick | Mode::Detail { .. }) {
            return;
        }
        let Some(routine) = self.routines().get(self.selected) else {
            return;
        };
        let first_step = match self.mode {
            Mode::Detail { step } => step,
            _ => 0,
        };
        let mut timer = Timer::new(routine.clone(), timer_config(&ctx.settings));
        if let Some(now) = self.now {
            timer.start_at(now, first_step);
        }
        let started = ctx.now().time();
        self.mode = Mode::Run(Box::new(Run {
            timer,
            started: started.with_nanosecond(0).unwrap_or(started),
            first_step,
            stop_question: StopQuestion::Closed,
            held: Hold::Free,
        }));
        self.settle(&ctx.settings);
    }

    fn operate(&mut self, action: RoutineAction, ctx: &mut Ctx) {
        let (Some(now), Mode::Run(run)) = (self.now, &mut self.mode) else {
            return;
        };
        if run.stop_question == StopQuestion::Open {
            return;
        }
        let timer = &mut run.timer;
        match action {
            RoutineAction::PauseOrTap if timer.is_paused() => timer.resume(now),
            RoutineAction::PauseOrTap if timer.awaits_taps() => timer.tap_rep(now),
            RoutineAction::PauseOrTap => timer.pause(now),
            RoutineAction::Skip => timer.skip(now),
            RoutineAction::Previous => timer.previous(now),
            RoutineAction::Restart => timer.restart_step(now),
            _ => {}
        }
        self.settle(&ctx.settings);
    }

    fn stop(&mut self) {
        let Mode::Run(run) = &mut self.mode else {
            return;
        };
        // No instant yet means the timer never started: nothing to record.
        let Some(now) = self.now else {
            self.mode = Mode::Pick;
            return;
        };
        run.timer.stop(now);
        self.finish();
    }

    /// Hands out the timer's due cues (bell, flash) and moves on to "pain now?" once the
    /// routine has ended.
    fn settle(&mut self, settings: &Settings) {
        let Mode::Run(run) = &mut self.mode else {
            return;
        };
        let cues = match self.now {
            Some(now) if run.timer.phase() != Phase::NotStarted => run.timer.tick(now),
            _ => Vec::new(),
        };
        let ended = run.timer.phase() == Phase::Finished;
        self.cue(&cues, settings);
        if ended {
            self.finish();
        }
    }

    fn cue(&mut self, cues: &[Cue], settings: &Settings) {
        if cues.is_empty() {
            return;
        }
        if settings.bell {
            self.effects.push(Effect::Bell);
        }
        if settings.flash
            && let Some(now) = self.now
        {
            self.flash_until = Some(now + FLASH);
        }
    }
}
