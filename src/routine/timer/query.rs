//! What the running view reads from the timer: phase, step, side, time left, repetitions,
//! progress, and the session to record. Nothing here changes the timer.

use super::{Phase, RepCount, Side, Timer};
use crate::journal::entry::RoutineSession;
use crate::routine::def::{Routine, Step, StepKind};
use crate::routine::plan::TimerConfig;
use chrono::NaiveTime;
use std::time::{Duration, Instant};

impl Timer {
    pub fn phase(&self) -> Phase {
        self.phase
    }

    pub fn is_paused(&self) -> bool {
        self.paused_at.is_some()
    }

    /// True between start and finish or stop.
    pub fn is_running(&self) -> bool {
        !matches!(
            self.phase,
            Phase::NotStarted | Phase::Finished | Phase::Stopped
        )
    }

    /// True when the current phase waits for taps (space) rather than the clock.
    pub fn awaits_taps(&self) -> bool {
        self.phase == Phase::Active && self.current_kind().is_tapped()
    }

    pub fn routine(&self) -> &Routine {
        &self.routine
    }

    pub fn config(&self) -> &TimerConfig {
        &self.config
    }

    /// Index of the current step; during a get-ready or rest, the step about to start.
    pub fn step_index(&self) -> usize {
        self.step
    }

    /// The current step (see [`Timer::step_index`]).
    pub fn step(&self) -> &Step {
        &self.routine.steps[self.step]
    }

    /// The step after the current one, if any.
    pub fn next_step(&self) -> Option<&Step> {
        self.routine.steps.get(self.step + 1)
    }

    /// True when the current step's other side is still to come (the next thing is the same
    /// exercise on the right).
    pub fn other_side_next(&self) -> bool {
        self.is_running() && self.current_kind().per_side() && self.side == 0
    }

    /// The side being done (or coming up), `None` for a step without sides or once ended.
    pub fn side(&self) -> Option<Side> {
        if !self.is_running() || !self.current_kind().per_side() {
            None
        } else if self.side == 0 {
            Some(Side::Left)
        } else {
            Some(Side::Right)
        }
    }

    /// What is left of the current phase; `None` when it has no fixed length (tapped reps)
    /// or the timer is not running.
    pub fn remaining(&self, now: Instant) -> Option<Duration> {
        let len = self.phase_len.filter(|_| self.is_running())?;
        Some(len.saturating_sub(self.phase_elapsed(now)))
    }

    /// When the current phase will end if nothing is pressed; `None` while paused, for tapped
    /// reps, or when not running. Handy to time the next redraw.
    pub fn phase_ends_at(&self) -> Option<Instant> {
        if self.paused_at.is_some() || !self.is_running() {
            return None;
        }
        Some(self.start_of_phase() + self.phase_len?)
    }

    /// Repetitions of the current side, for a reps step in exercise time: tapped ones, or
    /// paced ones completed so far.
    pub fn reps(&self, now: Instant) -> Option<RepCount> {
        if self.phase != Phase::Active {
            return None;
        }
        match self.current_kind() {
            StepKind::Reps {
                count,
                seconds_per_rep,
                ..
            } => {
                let done = match seconds_per_rep {
                    None => self.taps,
                    Some(pace) => {
                        let whole = self.phase_elapsed(now).as_millis() / (u128::from(pace) * 1000);
                        u32::try_from(whole).unwrap_or(count).min(count)
                    }
                };
                Some(RepCount { done, total: count })
            }
            _ => None,
        }
    }

    /// How far through the current step, 0.0 to 1.0, both sides together.
    pub fn step_progress(&self, now: Instant) -> f64 {
        match self.phase {
            Phase::NotStarted => 0.0,
            Phase::Finished => 1.0,
            Phase::Stopped => {
                f64::from(u8::from(self.done.get(self.step).copied().unwrap_or(false)))
            }
            Phase::GetReady | Phase::Rest | Phase::SideSwitch | Phase::Active => {
                let sides = f64::from(self.current_kind().sides());
                let within = if self.phase == Phase::Active {
                    self.side_fraction(now)
                } else {
                    0.0
                };
                (f64::from(self.side) + within) / sides
            }
        }
    }

    /// How far through the routine, 0.0 to 1.0, each step weighing the same.
    pub fn routine_progress(&self, now: Instant) -> f64 {
        let total = self.routine.steps.len().max(1) as f64;
        match self.phase {
            Phase::NotStarted => 0.0,
            Phase::Finished => 1.0,
            Phase::Stopped => f64::from(self.steps_done()) / total,
            _ => (self.step as f64 + self.step_progress(now)) / total,
        }
    }

    /// Steps done in full (both sides for a per-side step).
    pub fn steps_done(&self) -> u32 {
        self.done.iter().filter(|d| **d).count() as u32
    }

    pub fn steps_total(&self) -> u32 {
        self.routine.steps.len() as u32
    }

    /// Exercise time so far (pauses, get-ready counts, switches and rests excluded).
    pub fn active_elapsed(&self, now: Instant) -> Duration {
        let current = if self.phase == Phase::Active {
            self.phase_elapsed(now)
        } else {
            Duration::ZERO
        };
        self.active_total + current
    }

    /// The session to record, as of the last instant the timer saw (call it after `stop`, or
    /// once finished). `seconds` is the exercise time, rounded to the nearest second;
    /// `pain_after` is left for the runner to fill in.
    pub fn session(&self, started: NaiveTime) -> RoutineSession {
        let active = self.seen.map_or(Duration::ZERO, |s| self.active_elapsed(s));
        RoutineSession {
            routine: self.routine.id.clone(),
            started,
            steps_done: self.steps_done(),
            steps_total: self.steps_total(),
            seconds: u32::try_from((active.as_millis() + 500) / 1000).unwrap_or(u32::MAX),
            pain_after: None,
        }
    }
}
