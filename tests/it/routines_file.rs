//! The built-in routines and the runner's own `routines.ron`.

use std::collections::HashSet;
use std::time::{Duration, Instant};
use stridelog::routine::{
    self, Cue, Phase, Routine, StepKind, Timer, TimerConfig, load_all, load_user, parse_routines,
    validate_list,
};

fn builtin(id: &str) -> Routine {
    routine::find(&routine::builtins(), id)
        .unwrap_or_else(|| panic!("no built-in {id}"))
        .clone()
}

fn kind_of(routine: &Routine, exercise: &str) -> StepKind {
    routine
        .steps
        .iter()
        .find(|s| s.exercise == exercise)
        .unwrap_or_else(|| panic!("{} has no {exercise}", routine.id))
        .kind
}

#[test]
fn every_built_in_routine_parses_and_is_valid() {
    let all = routine::builtins();
    let ids: Vec<&str> = all.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "runner-strength",
            "gentle-recovery",
            "pre-run-heat",
            "core-set"
        ]
    );
    validate_list(&all, &[]).unwrap();
    let names: HashSet<&str> = all.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names.len(), all.len(), "names must be unique");
    for r in &all {
        assert!(!r.purpose.trim().is_empty(), "{} has no purpose", r.id);
        assert!(!r.sources.is_empty(), "{} names no source", r.id);
        for id in &r.sources {
            assert!(
                stridelog::sources::by_id(id).is_some(),
                "{}: {id} is not in the sources table",
                r.id
            );
        }
        assert!(!r.source_text().to_lowercase().contains("seed"), "{}", r.id);
        for step in &r.steps {
            let what = format!("{} / {}", r.id, step.exercise);
            match step.kind {
                StepKind::Reps {
                    count,
                    seconds_per_rep,
                    ..
                } => {
                    assert!(count > 0, "{what}");
                    assert_ne!(seconds_per_rep, Some(0), "{what}");
                }
                StepKind::Hold { seconds, .. } | StepKind::Rest { seconds } => {
                    assert!(seconds > 0, "{what}");
                }
            }
            if !step.kind.is_rest() {
                assert!(!step.cues.is_empty(), "{what} has no cues");
                assert!(!step.mistakes.is_empty(), "{what} has no mistakes to avoid");
            }
        }
    }
}

#[test]
fn built_ins_carry_the_seed_numbers() {
    let strength = builtin("runner-strength");
    assert_eq!(strength.step_count(), 11);
    for step in &strength.steps {
        if let StepKind::Hold { seconds, .. } = step.kind {
            assert!((15..=60).contains(&seconds), "{}", step.exercise);
        }
    }
    for sided in [
        "Piriformis stretch",
        "Figure-four glute stretch",
        "Hip hikes",
        "Side plank",
        "Bird dog",
    ] {
        assert!(kind_of(&strength, sided).per_side(), "{sided}");
    }
    assert!(!kind_of(&strength, "Plank").per_side());
    match kind_of(&strength, "Hip hikes") {
        StepKind::Reps { count, .. } => assert!((10..=15).contains(&count)),
        other => panic!("hip hikes are reps, not {other:?}"),
    }

    let gentle = builtin("gentle-recovery");
    for exercise in [
        "Cat / camel",
        "Knee rolls",
        "Prone extension",
        "Child's pose",
        "Straight-leg-raise mobilisation",
    ] {
        assert!(
            matches!(kind_of(&gentle, exercise), StepKind::Reps { count: 6, .. }),
            "{exercise}"
        );
    }
    assert_eq!(
        gentle
            .steps
            .iter()
            .filter(|s| matches!(s.kind, StepKind::Hold { .. }))
            .count(),
        2,
        "the two resting positions"
    );

    let heat = builtin("pre-run-heat");
    let minutes = heat.exercise_seconds() / 60;
    assert!((10..=20).contains(&minutes), "{minutes} min of heat");

    let core = builtin("core-set");
    for exercise in [
        "Modified sit-ups",
        "Reverse sit-ups",
        "Press-up ab stretch",
        "Hamstring stretch",
        "Piriformis stretch",
    ] {
        kind_of(&core, exercise);
    }
}

#[test]
fn every_built_in_routine_runs_to_the_end_in_its_planned_time() {
    let config = TimerConfig::default();
    for r in routine::builtins() {
        let planned = config.planned(&r);
        let tapped = r.has_tapped_steps();
        let mut timer = Timer::new(r.clone(), config);
        let t0 = Instant::now();
        let mut t = t0;
        timer.start(t);
        while timer.phase() != Phase::Finished {
            t += Duration::from_millis(250);
            if timer.awaits_taps() {
                // Tap at the estimated pace, so the plan's estimate holds too.
                t += Duration::from_millis(2_750);
                timer.tap_rep(t);
            }
            timer.tick(t);
            assert!(
                t - t0 < Duration::from_secs(3 * 3600),
                "{} never ends",
                r.id
            );
        }
        assert_eq!(timer.steps_done() as usize, r.step_count(), "{}", r.id);
        let took = t - t0;
        assert!(
            took >= planned && took < planned + Duration::from_secs(1),
            "{}: took {took:?}, planned {planned:?} (tapped: {tapped})",
            r.id
        );
    }
}

#[test]
fn a_missing_user_file_gives_no_routines_and_no_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("routines.ron");
    assert_eq!(load_user(&path), Ok(vec![]));
    let (all, error) = load_all(&path);
    assert_eq!(all, routine::builtins());
    assert_eq!(error, None);
}

#[test]
fn a_user_file_adds_routines_after_the_built_ins() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("routines.ron");
    std::fs::write(
        &path,
        r#"[
    (
        id: "desk-break",
        name: "Desk break",
        steps: [
            (exercise: "Piriformis stretch", kind: Hold(seconds: 30, per_side: true)),
            (exercise: "Walk around", kind: Rest(seconds: 120)),
            (exercise: "Bridge", kind: Reps(count: 10, seconds_per_rep: 3),
             cues: ["Squeeze the glutes at the top."]),
        ],
    ),
]
"#,
    )
    .unwrap();
    let mine = load_user(&path).unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].steps[1].kind, StepKind::Rest { seconds: 120 });
    let (all, error) = load_all(&path);
    assert_eq!(error, None);
    assert_eq!(all.len(), routine::builtins().len() + 1);
    assert_eq!(all.last().unwrap().id, "desk-break");
}

#[test]
fn a_broken_user_file_is_reported_with_path_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("routines.ron");
    std::fs::write(
        &path,
        "[\n    (\n        id: \"mine\", name: \"Mine\",\n        steps: [(exercise: \"Plank\", kind: Hold(seconds: 0))],\n    ),\n]\n",
    )
    .unwrap();
    let error = load_user(&path).unwrap_err();
    let prefix = format!("{}:4:", path.display());
    assert!(error.starts_with(&prefix), "{error}");
    assert!(error.contains("seconds"), "{error}");
    assert!(error.contains("at least 1 second"), "{error}");
    // The built-ins still come back, with the error beside them.
    let (all, shown) = load_all(&path);
    assert_eq!(all, routine::builtins());
    assert_eq!(shown, Some(error));

    std::fs::write(&path, "[(id: \"x\", name: \"X\", steps: [], colour: 3)]").unwrap();
    let error = load_user(&path).unwrap_err();
    assert!(
        error.starts_with(&format!("{}:1:", path.display())),
        "{error}"
    );

    std::fs::write(
        &path,
        "[(id: \"x\", name: \"X\", steps: [(exercise: \"P\", kind: Stand(seconds: 3))])]",
    )
    .unwrap();
    let error = load_user(&path).unwrap_err();
    assert!(error.contains("Stand"), "{error}");

    std::fs::write(
        &path,
        "[(id: \"x\", name: \"X\", steps: [(exercise: \"P\", kind: Hold(seconds: 3))])] junk",
    )
    .unwrap();
    let error = load_user(&path).unwrap_err();
    assert!(error.contains("after the list of routines"), "{error}");
}

#[test]
fn a_user_routine_may_not_take_a_built_in_id() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("routines.ron");
    std::fs::write(
        &path,
        "[(id: \"runner-strength\", name: \"Mine\", steps: [(exercise: \"Plank\", kind: Hold(seconds: 30))])]",
    )
    .unwrap();
    let error = load_user(&path).unwrap_err();
    assert!(
        error.starts_with(&format!("{}:1:7: [0] id:", path.display())),
        "{error}"
    );
    assert!(error.contains("built-in"), "{error}");
}

#[test]
fn routines_written_back_as_ron_read_the_same() {
    let all = routine::builtins();
    let config = ron::ser::PrettyConfig::new().struct_names(false);
    let text = ron::ser::to_string_pretty(&all, config).unwrap();
    assert!(!text.contains("Routine("), "{text}");
    assert_eq!(parse_routines(&text, &[]).unwrap(), all);
}

#[test]
fn planned_length_of_a_built_in_routine() {
    // 11 steps, 5 of them per side: exercise, get-ready, rests between and side switches.
    let r = builtin("runner-strength");
    let exercise = 30 * 2 + 30 * 2 + 36 * 2 + 30 + 45 + 30 * 2 + 20 + 20 + 15 + 30 + 30 * 2;
    assert_eq!(r.exercise_seconds(), exercise);
    assert_eq!(
        r.planned_seconds(&TimerConfig::default()),
        exercise + 5 + 10 * 10 + 5 * 5
    );
    // The timer's cues for a single heat step: start, the last three seconds, end.
    let heat = builtin("pre-run-heat");
    let mut timer = Timer::new(
        heat,
        TimerConfig {
            get_ready: Duration::ZERO,
            rest_between: Duration::ZERO,
        },
    );
    let t0 = Instant::now();
    timer.start(t0);
    assert_eq!(
        timer.tick(t0 + Duration::from_secs(900)),
        [
            Cue::StepStart,
            Cue::Countdown(3),
            Cue::Countdown(2),
            Cue::Countdown(1),
            Cue::StepEnd,
            Cue::Finished
        ]
    );
}
