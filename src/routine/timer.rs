//! The routine timer: a state machine driven by the `now: Instant` the caller passes in. It
//! never reads the clock, so tests drive it with a fake one.
//!
//! Every phase starts at the exact instant the previous one ended (not at the tick that
//! noticed it), and a pause shifts the phase start by exactly the paused time. So a 60 s hold
//! ends at start + 60 s however often, or rarely, [`Timer::tick`] is called.
//!
//! Cues (bell, flash) are queued when they fall due, in time order, and handed out once by the
//! next [`Timer::tick`]; the operations (`skip`, `tap_rep`, …) queue theirs the same way.
//!
//! Design choice: a step done on both sides counts as one step, and it is done only when both
//! sides are done. Going back and doing a step again does not count it twice.

mod query;

use super::def::{Routine, StepKind};
use super::plan::{LeadIn, TimerConfig};
use std::time::{Duration, Instant};

/// Where the timer is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Created, not started yet.
    NotStarted,
    /// The count before a step (before the first step, or one reached by skip/back/restart).
    GetReady,
    /// Exercise time: a hold counting down, paced reps, tapped reps, or a rest step.
    Active,
    /// The count between the first (left) and the second (right) side of a step.
    SideSwitch,
    /// The rest between two steps; [`Timer::step`] is the step coming next.
    Rest,
    /// The last step ended.
    Finished,
    /// Stopped by the runner before the end.
    Stopped,
}

/// Which side of a per-side step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

/// Something the runner should hear or see now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// Exercise time starts (each side of a per-side step starts with one).
    StepStart,
    /// The whole step is done (after its last side).
    StepEnd,
    /// 3, 2, 1: the seconds left in a timed phase (get-ready, switch, rest or exercise).
    Countdown(u8),
    /// A paced repetition begins: 2, 3, … (the first starts with [`Cue::StepStart`]).
    Rep(u32),
    /// The first side is done; get ready for the other side.
    SideSwitch,
    /// The routine ran to its end.
    Finished,
}

/// Repetitions of the current side: how many are done, out of how many.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RepCount {
    pub done: u32,
    pub total: u32,
}

/// A run through one routine. See the module documentation.
#[derive(Debug, Clone)]
pub struct Timer {
    routine: Routine,
    config: TimerConfig,
    phase: Phase,
    step: usize,
    /// 0 for the first (or only) side, 1 for the second.
    side: u32,
    /// When the current phase began, moved later by the length of each pause (`None` until
    /// started: the core never reads the clock, so there is no instant to put here before).
    phase_start: Option<Instant>,
    /// `None` for tapped reps (they end on the last tap).
    phase_len: Option<Duration>,
    paused_at: Option<Instant>,
    taps: u32,
    /// The next countdown number to announce in this phase (0: none left).
    next_countdown: u8,
    /// The next paced repetition to announce.
    next_rep: u32,
    done: Vec<bool>,
    /// Exercise time of the phases already left.
    active_total: Duration,
    /// The latest (unpaused) instant the timer has seen.
    seen: Option<Instant>,
    pending: Vec<Cue>,
}

impl Timer {
    /// A timer for `routine`, not started. Give it a routine that passed
    /// [`Routine::validate`] and has at least one step.
    pub fn new(routine: Routine, config: TimerConfig) -> Self {
        let steps = routine.steps.len();
        Self {
            routine,
            config,
            phase: Phase::NotStarted,
            step: 0,
            side: 0,
            phase_start: None,
            phase_len: None,
            paused_at: None,
            taps: 0,
            next_countdown: 0,
            next_rep: 0,
            done: vec![false; steps],
            active_total: Duration::ZERO,
            seen: None,
            pending: Vec::new(),
        }
    }

    /// Starts the routine at `now` with the get-ready count. Does nothing once started.
    pub fn start(&mut self, now: Instant) {
        self.start_at(now, 0);
    }

    /// Starts the routine at `now` from step `index` (the steps before it are not done), with
    /// its get-ready count. Does nothing once started; an index past the end starts the last.
    pub fn start_at(&mut self, now: Instant, index: usize) {
        if self.phase == Phase::NotStarted && !self.routine.steps.is_empty() {
            self.seen = Some(now);
            self.begin_step(index.min(self.routine.steps.len() - 1), now, false);
        }
    }

    /// Moves time on to `now` and returns the cues that fell due since the last call (and
    /// those queued by operations), each exactly once, oldest first.
    pub fn tick(&mut self, now: Instant) -> Vec<Cue> {
        self.advance(now);
        std::mem::take(&mut self.pending)
    }

    /// Freezes time at `now`. Nothing happens while paused.
    pub fn pause(&mut self, now: Instant) {
        self.advance(now);
        if self.is_running() && self.paused_at.is_none() {
            self.paused_at = Some(now);
        }
    }

    /// Lets time run again from `now`, exactly where it stopped.
    pub fn resume(&mut self, now: Instant) {
        if let Some(at) = self.paused_at.take() {
            self.phase_start = Some(self.start_of_phase() + now.saturating_duration_since(at));
            self.seen = Some(now);
        }
    }

    /// Pauses when running, resumes when paused.
    pub fn toggle_pause(&mut self, now: Instant) {
        if self.paused_at.is_some() {
            self.resume(now);
        } else {
            self.pause(now);
        }
    }

    /// Moves on: during a get-ready, side switch or rest, starts the exercise now; during the
    /// first side of a per-side step, goes on to the other side; during exercise time
    /// otherwise, leaves the step (not counted as done) for the next one's get-ready, or
    /// finishes after the last step. A paused timer stays paused.
    pub fn skip(&mut self, now: Instant) {
        let Some(t) = self.settle(now) else { return };
        match self.phase {
            Phase::GetReady | Phase::Rest | Phase::SideSwitch => self.enter_active(t),
            Phase::Active if self.side + 1 < self.current_kind().sides() => {
                self.leave_active(t);
                self.side += 1;
                self.pending.push(Cue::SideSwitch);
                match self.config.side_switch() {
                    Some(d) => self.enter(Phase::SideSwitch, t, Some(d)),
                    None => self.enter_active(t),
                }
            }
            Phase::Active => {
                self.leave_active(t);
                if self.step + 1 < self.routine.steps.len() {
                    self.begin_step(self.step + 1, t, false);
                } else {
                    self.finish(t);
                }
            }
            _ => {}
        }
    }

    /// Goes back to the previous step (or the start of the first), from its get-ready.
    pub fn previous(&mut self, now: Instant) {
        if let Some(t) = self.settle(now) {
            self.leave_active(t);
            self.begin_step(self.step.saturating_sub(1), t, false);
        }
    }

    /// Starts the current step again from its get-ready, first side.
    pub fn restart_step(&mut self, now: Instant) {
        if let Some(t) = self.settle(now) {
            self.leave_active(t);
            self.begin_step(self.step, t, false);
        }
    }

    /// Counts one repetition of a tapped step; the last one ends the side. Ignored in any
    /// other phase and while paused (see [`Timer::awaits_taps`]).
    pub fn tap_rep(&mut self, now: Instant) {
        self.advance(now);
        if self.awaits_taps() && self.paused_at.is_none() {
            self.taps += 1;
            if let StepKind::Reps { count, .. } = self.current_kind()
                && self.taps >= count
            {
                self.end_phase(now);
            }
        }
    }

    /// Stops before the end; the session keeps what was done.
    pub fn stop(&mut self, now: Instant) {
        if self.phase == Phase::NotStarted {
            self.phase = Phase::Stopped;
        }
        if let Some(t) = self.settle(now) {
            self.leave_active(t);
            self.phase = Phase::Stopped;
            self.paused_at = None;
        }
    }

    // --- the machine -------------------------------------------------------------------

    /// The start of the current phase. Only called once started.
    fn start_of_phase(&self) -> Instant {
        self.phase_start
            .expect("the timer has a phase start once started")
    }

    fn current_kind(&self) -> StepKind {
        self.routine.steps[self.step].kind
    }

    /// Elapsed time in the current phase at `now` (or at the pause), capped at its length.
    fn phase_elapsed(&self, now: Instant) -> Duration {
        let Some(start) = self.phase_start else {
            return Duration::ZERO;
        };
        let elapsed = self
            .paused_at
            .unwrap_or(now)
            .saturating_duration_since(start);
        self.phase_len.map_or(elapsed, |len| elapsed.min(len))
    }

    fn side_fraction(&self, now: Instant) -> f64 {
        match (self.phase_len, self.current_kind()) {
            (Some(len), _) => self.phase_elapsed(now).as_secs_f64() / len.as_secs_f64(),
            (None, StepKind::Reps { count, .. }) => f64::from(self.taps) / f64::from(count),
            (None, _) => 0.0,
        }
    }

    /// Catches up to `now` and returns the instant operations act at (the pause instant when
    /// paused), or `None` when the timer is not running.
    fn settle(&mut self, now: Instant) -> Option<Instant> {
        self.advance(now);
        self.is_running().then(|| self.paused_at.unwrap_or(now))
    }

    /// Queues every cue and ends every phase due up to `now`, in time order.
    fn advance(&mut self, now: Instant) {
        if !self.is_running() || self.paused_at.is_some() {
            return;
        }
        self.seen = Some(self.seen.map_or(now, |s| s.max(now)));
        while self.is_running() {
            let Some(len) = self.phase_len else { break };
            let start = self.start_of_phase();
            let end = start + len;
            // `enter` only sets countdowns shorter than the phase.
            let countdown = (self.next_countdown > 0)
                .then(|| len.checked_sub(Duration::from_secs(u64::from(self.next_countdown))))
                .flatten()
                .map(|lead| start + lead);
            let rep = self.next_rep_at();
            let earliest = [countdown, rep].into_iter().flatten().min();
            match earliest {
                Some(at) if at <= now && at < end => {
                    if countdown == Some(at) {
                        self.pending.push(Cue::Countdown(self.next_countdown));
                        self.next_countdown -= 1;
                    } else {
                        self.pending.push(Cue::Rep(self.next_rep));
                        self.next_rep += 1;
                    }
                }
                _ if end <= now => self.end_phase(end),
                _ => break,
            }
        }
    }

    fn next_rep_at(&self) -> Option<Instant> {
        match self.current_kind() {
            StepKind::Reps {
                count,
                seconds_per_rep: Some(pace),
                ..
            } if self.phase == Phase::Active && self.next_rep <= count => Some(
                self.start_of_phase()
                    + Duration::from_secs(u64::from(pace) * u64::from(self.next_rep - 1)),
            ),
            _ => None,
        }
    }

    fn enter(&mut self, phase: Phase, at: Instant, len: Option<Duration>) {
        self.phase = phase;
        self.phase_start = Some(at);
        self.phase_len = len;
        self.next_countdown = len.map_or(0, |len| {
            (1..=3u8)
                .rev()
                .find(|n| Duration::from_secs(u64::from(*n)) < len)
                .unwrap_or(0)
        });
        self.next_rep = 2;
    }

    fn enter_active(&mut self, at: Instant) {
        let len = self
            .current_kind()
            .side_seconds()
            .map(|s| Duration::from_secs(u64::from(s)));
        self.taps = 0;
        self.enter(Phase::Active, at, len);
        self.pending.push(Cue::StepStart);
    }

    /// Goes to step `index`, first side, through its lead-in.
    fn begin_step(&mut self, index: usize, at: Instant, flowing: bool) {
        self.step = index;
        self.side = 0;
        let kinds: Vec<StepKind> = self.routine.steps.iter().map(|s| s.kind).collect();
        match self.config.lead_in(&kinds, index, flowing) {
            LeadIn::None => self.enter_active(at),
            LeadIn::GetReady(d) => self.enter(Phase::GetReady, at, Some(d)),
            LeadIn::Rest(d) => self.enter(Phase::Rest, at, Some(d)),
        }
    }

    /// Adds the exercise time of an Active phase left early at `at`; the caller then moves
    /// to another phase at once.
    fn leave_active(&mut self, at: Instant) {
        if self.phase == Phase::Active {
            self.active_total += self.phase_elapsed(at);
        }
    }

    /// The current phase ended on its own (time ran out, or the last tap) at `at`.
    fn end_phase(&mut self, at: Instant) {
        match self.phase {
            Phase::GetReady | Phase::Rest | Phase::SideSwitch => self.enter_active(at),
            Phase::Active => {
                self.active_total += at.saturating_duration_since(self.start_of_phase());
                if self.side + 1 < self.current_kind().sides() {
                    self.side += 1;
                    self.pending.push(Cue::SideSwitch);
                    match self.config.side_switch() {
                        Some(d) => self.enter(Phase::SideSwitch, at, Some(d)),
                        None => self.enter_active(at),
                    }
                } else {
                    self.done[self.step] = true;
                    self.pending.push(Cue::StepEnd);
                    if self.step + 1 < self.routine.steps.len() {
                        self.begin_step(self.step + 1, at, true);
                    } else {
                        self.finish(at);
                    }
                }
            }
            Phase::NotStarted | Phase::Finished | Phase::Stopped => {}
        }
    }

    fn finish(&mut self, at: Instant) {
        self.enter(Phase::Finished, at, None);
        self.paused_at = None;
        self.pending.push(Cue::Finished);
    }
}
