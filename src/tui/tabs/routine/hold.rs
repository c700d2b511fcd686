//! Questions and the routine's clock: while any question is on screen ("stop the routine?",
//! "quit?") the clock stands still, and it runs on when the answer is "go on". Quitting in the
//! middle of a routine keeps what was done as a partial session.

use super::{Hold, Mode, RoutineState, Stage};
use crate::tui::ctx::Ctx;

impl RoutineState {
    /// Pauses a running routine because a question is being asked (a pause the runner chose
    /// is left as it is).
    pub fn hold_for_question(&mut self) {
        let (Some(now), Mode::Run(run)) = (self.now, &mut self.mode) else {
            return;
        };
        if run.timer.is_running() && !run.timer.is_paused() {
            run.timer.pause(now);
            run.held = Hold::ByQuestion;
        }
    }

    /// Lets the clock run again after a question answered "go on", if the question stopped it.
    pub fn release_after_question(&mut self) {
        let (Some(now), Mode::Run(run)) = (self.now, &mut self.mode) else {
            return;
        };
        if run.held == Hold::ByQuestion {
            run.timer.resume(now);
            run.held = Hold::Free;
        }
    }

    /// Quitting during a routine: stops it and saves what was done as a partial session
    /// (without a pain score), or a session waiting for its pain score as it is. Nothing is
    /// saved when no exercise had begun.
    ///
    /// # Errors
    /// The save's message; the session then waits on the Routine tab for a retry.
    pub fn keep_before_quitting(&mut self, ctx: &mut Ctx) -> Result<(), String> {
        if matches!(self.mode, Mode::Run(_)) {
            if let (Some(now), Mode::Run(run)) = (self.now, &mut self.mode) {
                run.timer.stop(now);
            }
            self.finish();
        }
        let Mode::Finish(f) = &mut self.mode else {
            return Ok(());
        };
        if !matches!(f.stage, Stage::AskPain { .. } | Stage::Failed(_)) {
            return Ok(());
        }
        let mut day = ctx.day_or_new(ctx.today());
        day.routines.push(f.session.clone());
        let what = format!("routine {} on {}", f.name, day.date.format("%a %-d %b"));
        match ctx.commit(day, what) {
            Ok(()) => {
                f.stage = Stage::Saved;
                Ok(())
            }
            Err(e) => {
                f.stage = Stage::Failed(e.clone());
                Err(e)
            }
        }
    }
}
