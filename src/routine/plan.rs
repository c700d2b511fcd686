//! The shape of a run through a routine: which waiting phase comes before each step, and the
//! planned length of the whole routine. The timer and the picker both use these rules, so the
//! time shown in the picker is the time the timer takes.

use super::def::{Routine, StepKind};
use std::time::Duration;

/// The assumed pace of a tapped repetition when estimating a routine's length.
pub const TAPPED_REP_ESTIMATE: Duration = Duration::from_secs(3);

/// The timer's settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimerConfig {
    /// The count before the first step, before the second side of a step, and before a step
    /// reached by skip, back or restart. Zero starts at once.
    pub get_ready: Duration,
    /// The rest between two steps (it replaces the get-ready count there). Zero leaves no rest;
    /// the get-ready count is used instead.
    pub rest_between: Duration,
}

impl Default for TimerConfig {
    fn default() -> Self {
        Self {
            get_ready: Duration::from_secs(5),
            rest_between: Duration::from_secs(10),
        }
    }
}

/// A waiting phase before a step's exercise time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LeadIn {
    /// Start the exercise at once.
    None,
    GetReady(Duration),
    Rest(Duration),
}

impl TimerConfig {
    /// What comes before step `index` of `steps` (kinds in order). `flowing` is true when the
    /// previous step has just ended on its own; false for the first step and for a step
    /// reached by skip, back or restart.
    pub(crate) fn lead_in(&self, kinds: &[StepKind], index: usize, flowing: bool) -> LeadIn {
        let here = kinds[index];
        if here.is_rest() {
            return LeadIn::None;
        }
        let after_rest_step = index > 0 && kinds[index - 1].is_rest();
        if flowing && index > 0 && !after_rest_step && !self.rest_between.is_zero() {
            LeadIn::Rest(self.rest_between)
        } else if self.get_ready.is_zero() {
            LeadIn::None
        } else {
            LeadIn::GetReady(self.get_ready)
        }
    }

    /// The wait between the first and second side of a step.
    pub(crate) fn side_switch(&self) -> Option<Duration> {
        (!self.get_ready.is_zero()).then_some(self.get_ready)
    }

    /// How long a run straight through `routine` takes with these settings: every get-ready,
    /// side switch and rest included. Tapped repetitions are counted at
    /// [`TAPPED_REP_ESTIMATE`] each (see [`Routine::has_tapped_steps`]).
    pub fn planned(&self, routine: &Routine) -> Duration {
        let kinds: Vec<StepKind> = routine.steps.iter().map(|s| s.kind).collect();
        let mut total = Duration::ZERO;
        for (i, kind) in kinds.iter().enumerate() {
            total += match self.lead_in(&kinds, i, i > 0) {
                LeadIn::None => Duration::ZERO,
                LeadIn::GetReady(d) | LeadIn::Rest(d) => d,
            };
            let side = match (kind.side_seconds(), kind) {
                (Some(s), _) => Duration::from_secs(u64::from(s)),
                (None, StepKind::Reps { count, .. }) => TAPPED_REP_ESTIMATE * *count,
                (None, _) => Duration::ZERO,
            };
            total += side * kind.sides();
            if kind.per_side() {
                total += self.side_switch().unwrap_or_default();
            }
        }
        total
    }
}

impl Routine {
    /// The planned length in whole seconds (rounded up) with `config`; see
    /// [`TimerConfig::planned`].
    pub fn planned_seconds(&self, config: &TimerConfig) -> u64 {
        let d = config.planned(self);
        d.as_secs() + u64::from(d.subsec_nanos() > 0)
    }

    /// The exercise time alone, in seconds: holds, paced reps and rest steps, without any
    /// get-ready, side switch or rest between steps, and without tapped reps.
    pub fn exercise_seconds(&self) -> u64 {
        self.steps
            .iter()
            .filter_map(|s| {
                s.kind
                    .side_seconds()
                    .map(|sec| u64::from(sec) * u64::from(s.kind.sides()))
            })
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routine::def::Step;

    fn step(kind: StepKind) -> Step {
        Step {
            exercise: "x".into(),
            kind,
            cues: vec![],
            mistakes: vec![],
        }
    }

    #[test]
    fn planned_counts_get_ready_sides_and_rests() {
        let routine = Routine {
            id: "t".into(),
            name: "T".into(),
            purpose: String::new(),
            sources: Vec::new(),
            source: String::new(),
            steps: vec![
                step(StepKind::Hold {
                    seconds: 30,
                    per_side: true,
                }),
                step(StepKind::Reps {
                    count: 10,
                    per_side: false,
                    seconds_per_rep: Some(2),
                }),
                step(StepKind::Rest { seconds: 20 }),
                step(StepKind::Reps {
                    count: 4,
                    per_side: false,
                    seconds_per_rep: None,
                }),
            ],
        };
        let config = TimerConfig::default();
        // 5 get-ready + 30 + 5 switch + 30, 10 rest + 20, 20 rest step, 5 get-ready + 4 * 3.
        assert_eq!(routine.planned_seconds(&config), 5 + 65 + 30 + 20 + 17);
        assert_eq!(routine.exercise_seconds(), 60 + 20 + 20);
        let bare = TimerConfig {
            get_ready: Duration::ZERO,
            rest_between: Duration::ZERO,
        };
        assert_eq!(routine.planned_seconds(&bare), 60 + 20 + 20 + 12);
    }
}
