//! The routine timer driven by a fake clock: a base `Instant` plus exact durations.

use chrono::NaiveTime;
use std::time::{Duration, Instant};
use stridelog::routine::{Cue, Phase, RepCount, Routine, Side, Step, StepKind, Timer, TimerConfig};

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

fn s(n: u64) -> Duration {
    Duration::from_secs(n)
}

/// One millisecond before `t`.
fn before(t: Instant) -> Instant {
    t.checked_sub(ms(1))
        .expect("the fake clock starts well after the epoch")
}

fn step(name: &str, kind: StepKind) -> Step {
    Step {
        exercise: name.into(),
        kind,
        cues: vec![],
        mistakes: vec![],
    }
}

fn hold(name: &str, seconds: u32) -> Step {
    step(
        name,
        StepKind::Hold {
            seconds,
            per_side: false,
        },
    )
}

fn sided(name: &str, seconds: u32) -> Step {
    step(
        name,
        StepKind::Hold {
            seconds,
            per_side: true,
        },
    )
}

fn routine(steps: Vec<Step>) -> Routine {
    let r = Routine {
        id: "test".into(),
        name: "Test".into(),
        purpose: String::new(),
        sources: Vec::new(),
        source: String::new(),
        steps,
    };
    r.validate().unwrap();
    r
}

fn config(get_ready: u64, rest: u64) -> TimerConfig {
    TimerConfig {
        get_ready: s(get_ready),
        rest_between: s(rest),
    }
}

/// A started timer and its time zero.
fn started(steps: Vec<Step>, cfg: TimerConfig) -> (Timer, Instant) {
    let t0 = Instant::now();
    let mut timer = Timer::new(routine(steps), cfg);
    timer.start(t0);
    (timer, t0)
}

/// Ticks at every `step` from `from` to `to` (inclusive) and gathers the cues.
fn tick_through(timer: &mut Timer, from: Instant, to: Instant, step: Duration) -> Vec<Cue> {
    let mut cues = Vec::new();
    let mut t = from;
    while t < to {
        cues.extend(timer.tick(t));
        t += step;
    }
    cues.extend(timer.tick(to));
    cues
}

/// Irregular gaps of 1 to 997 ms from a small linear congruential generator.
fn irregular(seed: u64) -> impl Iterator<Item = Duration> {
    let mut x = seed;
    std::iter::repeat_with(move || {
        x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        ms((x >> 33) % 997 + 1)
    })
}

#[test]
fn a_60_second_hold_ends_exactly_at_60_seconds_whatever_the_ticks() {
    for seed in [1, 7, 42] {
        let (mut timer, t0) = started(vec![hold("Plank", 60)], config(5, 10));
        let end = t0 + s(65);
        let mut t = t0;
        let mut gaps = irregular(seed);
        let mut pressed = 0;
        while t < before(end) {
            assert!(
                !timer.tick(t).contains(&Cue::StepEnd),
                "ended early at {t:?}"
            );
            // Keys that do nothing here must not move time either.
            timer.tap_rep(t);
            pressed += 1;
            t = (t + gaps.next().unwrap()).min(before(end));
        }
        assert!(pressed > 50);
        assert!(!timer.tick(before(end)).contains(&Cue::StepEnd));
        assert_eq!(timer.phase(), Phase::Active);
        assert_eq!(timer.remaining(before(end)), Some(ms(1)));
        assert_eq!(timer.tick(end), vec![Cue::StepEnd, Cue::Finished]);
        assert_eq!(timer.phase(), Phase::Finished);
        assert_eq!(timer.active_elapsed(end + s(30)), s(60));
    }
}

#[test]
fn one_late_tick_ends_the_hold_at_its_exact_time_too() {
    let (mut timer, t0) = started(vec![hold("Plank", 60)], config(5, 10));
    let cues = timer.tick(t0 + s(500));
    assert_eq!(timer.phase(), Phase::Finished);
    assert_eq!(timer.active_elapsed(t0 + s(500)), s(60));
    assert_eq!(cues.last(), Some(&Cue::Finished));
    assert_eq!(timer.session(NaiveTime::MIN).seconds, 60);
}

#[test]
fn every_cue_comes_once_and_in_order_however_often_tick_is_called() {
    let expected = vec![
        Cue::Countdown(3),
        Cue::Countdown(2),
        Cue::Countdown(1),
        Cue::StepStart,
        Cue::Countdown(3),
        Cue::Countdown(2),
        Cue::Countdown(1),
        Cue::StepEnd,
        Cue::Finished,
    ];
    // Every millisecond (65,001 ticks).
    let (mut timer, t0) = started(vec![hold("Plank", 60)], config(5, 10));
    assert_eq!(tick_through(&mut timer, t0, t0 + s(66), ms(1)), expected);
    // Once, long after.
    let (mut timer, t0) = started(vec![hold("Plank", 60)], config(5, 10));
    assert_eq!(timer.tick(t0 + s(66)), expected);
    assert!(timer.tick(t0 + s(67)).is_empty());
    // The countdown lands on whole seconds before the end.
    let (mut timer, t0) = started(vec![hold("Plank", 60)], config(5, 10));
    assert_eq!(timer.tick(before(t0 + s(2))), vec![]);
    assert_eq!(timer.tick(t0 + s(2)), vec![Cue::Countdown(3)]);
    assert_eq!(
        timer.tick(t0 + s(62)),
        vec![
            Cue::Countdown(2),
            Cue::Countdown(1),
            Cue::StepStart,
            Cue::Countdown(3)
        ]
    );
}

#[test]
fn pause_stops_time_exactly_and_resume_picks_up_where_it_was() {
    let (mut timer, t0) = started(vec![hold("Plank", 60)], config(5, 10));
    timer.tick(t0 + s(5));
    timer.pause(t0 + ms(20_250)); // 15.25 s into the hold
    assert!(timer.is_paused());
    for extra in [1, 100, 5_000] {
        assert!(timer.tick(t0 + s(extra)).is_empty());
        assert_eq!(timer.remaining(t0 + s(extra)), Some(ms(44_750)));
    }
    assert_eq!(timer.phase_ends_at(), None);
    timer.resume(t0 + s(5_000));
    assert!(!timer.is_paused());
    let end = t0 + s(5_000) + ms(44_750);
    assert_eq!(timer.phase_ends_at(), Some(end));
    assert!(!timer.tick(before(end)).contains(&Cue::StepEnd));
    assert!(timer.tick(end).contains(&Cue::StepEnd));
    assert_eq!(timer.active_elapsed(end), s(60));
}

#[test]
fn pause_during_get_ready_delays_the_start_by_the_pause() {
    let (mut timer, t0) = started(vec![hold("Plank", 60)], config(5, 10));
    timer.toggle_pause(t0 + s(1));
    timer.toggle_pause(t0 + s(31));
    assert!(!timer.tick(before(t0 + s(35))).contains(&Cue::StepStart));
    assert_eq!(timer.tick(t0 + s(35)), vec![Cue::StepStart]);
}

#[test]
fn skip_starts_a_waiting_step_now_and_leaves_an_active_one_undone() {
    let steps = vec![hold("A", 30), hold("B", 20), hold("C", 10)];
    let (mut timer, t0) = started(steps, config(5, 10));
    assert_eq!(timer.phase(), Phase::GetReady);
    timer.skip(t0 + s(1));
    assert_eq!(timer.phase(), Phase::Active);
    assert_eq!(timer.tick(t0 + s(1)), vec![Cue::StepStart]);
    assert_eq!(timer.remaining(t0 + s(1)), Some(s(30)));
    // Leave A after 10 s: it is not done; B comes with a get-ready, not a rest.
    timer.skip(t0 + s(11));
    assert_eq!(timer.step_index(), 1);
    assert_eq!(timer.phase(), Phase::GetReady);
    assert_eq!(timer.steps_done(), 0);
    assert_eq!(timer.active_elapsed(t0 + s(11)), s(10));
    // B runs out: a rest, then C; skip C at once; finished.
    timer.tick(t0 + s(36));
    assert_eq!(timer.steps_done(), 1);
    assert_eq!(timer.phase(), Phase::Rest);
    assert_eq!(timer.step().exercise, "C");
    timer.skip(t0 + s(37));
    timer.skip(t0 + s(38));
    assert_eq!(timer.phase(), Phase::Finished);
    assert!(
        timer
            .tick(t0 + s(38))
            .ends_with(&[Cue::StepStart, Cue::Finished])
    );
    assert_eq!(timer.steps_done(), 1);
    assert_eq!(timer.session(NaiveTime::MIN).seconds, 10 + 20 + 1);
}

#[test]
fn previous_goes_back_one_step_and_never_counts_a_step_twice() {
    let steps = vec![hold("A", 10), hold("B", 10)];
    let (mut timer, t0) = started(steps, config(5, 10));
    timer.tick(t0 + s(15)); // A done, rest before B
    assert_eq!((timer.phase(), timer.step_index()), (Phase::Rest, 1));
    timer.previous(t0 + s(16));
    assert_eq!((timer.phase(), timer.step_index()), (Phase::GetReady, 0));
    assert_eq!(timer.remaining(t0 + s(16)), Some(s(5)));
    timer.tick(t0 + s(31)); // A again: 5 + 10
    assert_eq!(timer.steps_done(), 1);
    assert_eq!(timer.step_index(), 1);
    // Back from the first step restarts it.
    timer.previous(t0 + s(32));
    timer.previous(t0 + s(33));
    assert_eq!((timer.phase(), timer.step_index()), (Phase::GetReady, 0));
}

#[test]
fn restart_step_starts_the_hold_again_from_its_get_ready() {
    let (mut timer, t0) = started(vec![hold("A", 30), hold("B", 30)], config(5, 10));
    timer.tick(t0 + s(25)); // 20 s into A
    timer.restart_step(t0 + s(25));
    assert_eq!((timer.phase(), timer.step_index()), (Phase::GetReady, 0));
    timer.tick(t0 + s(30));
    assert_eq!(timer.phase(), Phase::Active);
    assert_eq!(timer.remaining(t0 + s(30)), Some(s(30)));
    assert_eq!(timer.active_elapsed(t0 + s(30)), s(20));
    assert!(timer.tick(t0 + s(60)).contains(&Cue::StepEnd));
    assert_eq!(timer.active_elapsed(t0 + s(60)), s(50));
}

#[test]
fn a_per_side_hold_does_left_switch_right_and_counts_once() {
    let (mut timer, t0) = started(vec![sided("Side plank", 30)], config(5, 10));
    assert_eq!(timer.side(), Some(Side::Left));
    timer.tick(t0 + s(5));
    assert_eq!(
        (timer.phase(), timer.side()),
        (Phase::Active, Some(Side::Left))
    );
    assert!((timer.step_progress(t0 + s(20)) - 0.25).abs() < 1e-9);
    let cues = timer.tick(t0 + s(35));
    assert!(cues.ends_with(&[Cue::SideSwitch]), "{cues:?}");
    assert!(!cues.contains(&Cue::StepEnd));
    assert_eq!(
        (timer.phase(), timer.side()),
        (Phase::SideSwitch, Some(Side::Right))
    );
    assert_eq!(timer.steps_done(), 0);
    assert_eq!(timer.remaining(t0 + s(35)), Some(s(5)));
    assert_eq!(
        timer.tick(t0 + s(40)),
        vec![
            Cue::Countdown(3),
            Cue::Countdown(2),
            Cue::Countdown(1),
            Cue::StepStart
        ]
    );
    assert_eq!(timer.side(), Some(Side::Right));
    assert!((timer.step_progress(t0 + s(55)) - 0.75).abs() < 1e-9);
    assert!(!timer.tick(before(t0 + s(70))).contains(&Cue::StepEnd));
    assert!(timer.tick(t0 + s(70)).contains(&Cue::StepEnd));
    assert_eq!(timer.steps_done(), 1);
    assert_eq!(timer.active_elapsed(t0 + s(70)), s(60));
}

#[test]
fn skipping_after_one_side_leaves_the_step_undone() {
    let (mut timer, t0) = started(vec![sided("A", 10), hold("B", 10)], config(5, 10));
    timer.tick(t0 + s(15)); // left done, switching
    assert_eq!(timer.phase(), Phase::SideSwitch);
    timer.skip(t0 + s(16)); // start right now
    assert_eq!(timer.side(), Some(Side::Right));
    timer.skip(t0 + s(17)); // leave the step
    assert_eq!(timer.step_index(), 1);
    assert_eq!(timer.steps_done(), 0);
}

#[test]
fn paced_reps_count_by_tempo_and_cue_each_repetition() {
    let kind = StepKind::Reps {
        count: 4,
        per_side: false,
        seconds_per_rep: Some(3),
    };
    let (mut timer, t0) = started(vec![step("Hip hikes", kind)], config(5, 10));
    timer.tick(t0 + s(5));
    assert_eq!(timer.remaining(t0 + s(5)), Some(s(12)));
    assert_eq!(timer.reps(t0 + s(5)), Some(RepCount { done: 0, total: 4 }));
    assert_eq!(
        timer.reps(t0 + ms(10_999)),
        Some(RepCount { done: 1, total: 4 })
    );
    assert_eq!(timer.reps(t0 + s(11)), Some(RepCount { done: 2, total: 4 }));
    assert_eq!(timer.tick(t0 + s(8)), vec![Cue::Rep(2)]);
    let cues = tick_through(&mut timer, t0 + s(8), t0 + s(17), ms(100));
    assert_eq!(
        cues,
        vec![
            Cue::Rep(3),
            Cue::Countdown(3),
            Cue::Rep(4),
            Cue::Countdown(2),
            Cue::Countdown(1),
            Cue::StepEnd,
            Cue::Finished,
        ]
    );
}

#[test]
fn tapped_reps_wait_for_taps_not_the_clock() {
    let kind = StepKind::Reps {
        count: 3,
        per_side: true,
        seconds_per_rep: None,
    };
    let (mut timer, t0) = started(vec![step("Sit-ups", kind)], config(5, 10));
    timer.tap_rep(t0 + s(1)); // during get-ready: ignored
    timer.tick(t0 + s(5));
    assert!(timer.awaits_taps());
    assert_eq!(timer.remaining(t0 + s(5)), None);
    assert_eq!(timer.phase_ends_at(), None);
    assert!(timer.tick(t0 + s(5_000)).is_empty());
    assert_eq!(timer.phase(), Phase::Active);
    assert_eq!(
        timer.reps(t0 + s(5_000)),
        Some(RepCount { done: 0, total: 3 })
    );
    timer.tap_rep(t0 + s(5_001));
    timer.pause(t0 + s(5_002));
    timer.tap_rep(t0 + s(5_003)); // paused: ignored
    timer.resume(t0 + s(5_004));
    timer.tap_rep(t0 + s(5_005));
    assert_eq!(
        timer.reps(t0 + s(5_005)),
        Some(RepCount { done: 2, total: 3 })
    );
    assert!((timer.step_progress(t0 + s(5_005)) - 2.0 / 6.0).abs() < 1e-9);
    timer.tap_rep(t0 + s(5_006));
    assert_eq!(timer.tick(t0 + s(5_006)), vec![Cue::SideSwitch]);
    assert_eq!(
        (timer.phase(), timer.side()),
        (Phase::SideSwitch, Some(Side::Right))
    );
    timer.tick(t0 + s(5_011));
    for i in 0..3 {
        timer.tap_rep(t0 + s(5_020 + i));
    }
    assert_eq!(timer.phase(), Phase::Finished);
    assert_eq!(timer.steps_done(), 1);
    // Left side 5001 s minus the 2 s pause, right side 11 s.
    assert_eq!(timer.active_elapsed(t0 + s(6_000)), s(4_999 + 11));
}

#[test]
fn steps_are_joined_by_rests_and_rest_steps_stand_alone() {
    let steps = vec![
        hold("A", 10),
        hold("B", 10),
        step("Breathe", StepKind::Rest { seconds: 20 }),
        hold("C", 10),
    ];
    let (mut timer, t0) = started(steps, config(5, 10));
    assert_eq!(timer.tick(t0 + s(15)).last(), Some(&Cue::StepEnd));
    assert_eq!((timer.phase(), timer.step_index()), (Phase::Rest, 1));
    assert_eq!(timer.remaining(t0 + s(15)), Some(s(10)));
    assert_eq!(
        timer.next_step().map(|s| s.exercise.as_str()),
        Some("Breathe")
    );
    // The rest leads straight into B.
    assert!(!timer.tick(before(t0 + s(25))).contains(&Cue::StepStart));
    assert_eq!(timer.tick(t0 + s(25)), vec![Cue::StepStart]);
    // B ends: the rest step starts at once, no rest before it.
    assert_eq!(
        timer.tick(t0 + s(35)),
        vec![
            Cue::Countdown(3),
            Cue::Countdown(2),
            Cue::Countdown(1),
            Cue::StepEnd,
            Cue::StepStart
        ]
    );
    assert_eq!((timer.phase(), timer.step_index()), (Phase::Active, 2));
    // After a rest step, a get-ready (not another rest).
    timer.tick(t0 + s(55));
    assert_eq!((timer.phase(), timer.step_index()), (Phase::GetReady, 3));
    assert_eq!(timer.remaining(t0 + s(55)), Some(s(5)));
    timer.tick(t0 + s(70));
    assert_eq!(timer.phase(), Phase::Finished);
    assert_eq!(timer.steps_done(), 4);
}

#[test]
fn no_rest_length_means_a_get_ready_between_steps() {
    let (mut timer, t0) = started(vec![hold("A", 10), hold("B", 10)], config(5, 0));
    timer.tick(t0 + s(15));
    assert_eq!((timer.phase(), timer.step_index()), (Phase::GetReady, 1));
    let (mut timer, t0) = started(vec![hold("A", 10), hold("B", 10)], config(0, 0));
    assert_eq!(timer.phase(), Phase::Active);
    assert_eq!(
        timer.tick(t0 + s(10)),
        vec![
            Cue::StepStart,
            Cue::Countdown(3),
            Cue::Countdown(2),
            Cue::Countdown(1),
            Cue::StepEnd,
            Cue::StepStart
        ]
    );
}

#[test]
fn a_routine_run_to_the_end_takes_its_planned_time_and_records_a_full_session() {
    let steps = vec![
        sided("Piriformis stretch", 30),
        step(
            "Hip hikes",
            StepKind::Reps {
                count: 12,
                per_side: true,
                seconds_per_rep: Some(3),
            },
        ),
        hold("Plank", 45),
    ];
    let cfg = config(5, 10);
    let planned = cfg.planned(&routine(steps.clone()));
    let (mut timer, t0) = started(steps, cfg);
    let mut t = t0;
    let mut finished_at = None;
    for gap in irregular(3) {
        t += gap;
        if timer.tick(t).contains(&Cue::Finished) {
            finished_at = Some(t);
            break;
        }
    }
    assert!(finished_at.unwrap() - t0 >= planned);
    assert!(finished_at.unwrap() - t0 < planned + s(1));
    assert!((timer.routine_progress(t) - 1.0).abs() < 1e-9);
    let started_at = NaiveTime::from_hms_opt(7, 10, 0).unwrap();
    let session = timer.session(started_at);
    assert_eq!(session.routine, "test");
    assert_eq!(session.started, started_at);
    assert_eq!((session.steps_done, session.steps_total), (3, 3));
    assert_eq!(session.seconds, 60 + 72 + 45);
    assert_eq!(session.pain_after, None);
}

#[test]
fn a_stopped_routine_gives_a_partial_session() {
    let steps = vec![hold("A", 20), sided("B", 30), hold("C", 20)];
    let (mut timer, t0) = started(steps, config(5, 10));
    timer.tick(t0 + s(25)); // A done
    timer.tick(t0 + s(50)); // B left side, 15 s in
    assert!((timer.routine_progress(t0 + s(50)) - (1.0 + 0.25) / 3.0).abs() < 1e-9);
    timer.stop(t0 + ms(50_400));
    assert_eq!(timer.phase(), Phase::Stopped);
    assert!(!timer.is_running());
    assert!(timer.tick(t0 + s(500)).is_empty());
    timer.skip(t0 + s(501));
    timer.tap_rep(t0 + s(502));
    assert_eq!(timer.phase(), Phase::Stopped);
    let session = timer.session(NaiveTime::MIN);
    assert_eq!((session.steps_done, session.steps_total), (1, 3));
    assert_eq!(session.seconds, 35); // 20 + 15.4, rounded
    assert_eq!(timer.active_elapsed(t0 + s(900)), ms(35_400));
}

#[test]
fn stopping_while_paused_counts_only_the_time_before_the_pause() {
    let (mut timer, t0) = started(vec![hold("A", 60)], config(5, 10));
    timer.pause(t0 + s(15));
    timer.stop(t0 + s(400));
    let session = timer.session(NaiveTime::MIN);
    assert_eq!((session.steps_done, session.seconds), (0, 10));
}

#[test]
fn a_timer_not_started_does_nothing() {
    let t0 = Instant::now();
    let mut timer = Timer::new(routine(vec![hold("A", 10)]), TimerConfig::default());
    assert_eq!(timer.phase(), Phase::NotStarted);
    assert!(timer.tick(t0 + s(100)).is_empty());
    timer.skip(t0);
    timer.pause(t0);
    assert_eq!(timer.phase(), Phase::NotStarted);
    assert_eq!(timer.remaining(t0), None);
    assert_eq!(timer.session(NaiveTime::MIN).seconds, 0);
    timer.start(t0);
    timer.start(t0 + s(3)); // a second start changes nothing
    assert_eq!(timer.remaining(t0 + s(3)), Some(s(2)));
}
