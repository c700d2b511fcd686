//! The Routine tab driven like the event loop drives it: keys, and `Action::Tick` with a fake
//! clock (one base instant plus exact offsets; nothing here reads the clock after the base).

use chrono::{NaiveDate, NaiveTime};
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Modifier;
use std::time::{Duration, Instant};
use stridelog::journal::entry::{DayEntry, RoutineSession, Score};
use stridelog::journal::memory::{MemoryStore, SharedStore};
use stridelog::routine::{Phase, Routine, Side, Step, StepKind};
use stridelog::tui::Tab;
use stridelog::tui::action::Action;
use stridelog::tui::app::{App, Overlay};
use stridelog::tui::tabs::routine::{Effect, RoutineState};
use stridelog::tui::testing::{app, draw, key, screen, type_text};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn noon() -> NaiveTime {
    NaiveTime::from_hms_opt(12, 0, 0).unwrap()
}

/// An app with a fake clock: `at(s)` ticks to `base + s` seconds.
struct Run {
    app: App,
    base: Instant,
    /// The app's store, shared: the test reads what was saved and makes saves fail.
    store: SharedStore,
}

impl Run {
    /// The app on the Routine tab with the built-in routines.
    fn builtins() -> Self {
        Self::on(MemoryStore::new(), None)
    }

    /// The app on the Routine tab; `routines` replaces the built-ins when given.
    fn on(store: MemoryStore, routines: Option<Vec<Routine>>) -> Self {
        let store = SharedStore::with(store);
        let mut app = app(Box::new(store.clone()), today());
        if let Some(routines) = routines {
            app.routine = RoutineState::with_routines(routines, 0, None);
        }
        app.update(stridelog::tui::action::Action::GoTo(
            stridelog::tui::Tab::Routine,
        ));
        assert_eq!(app.tab, Tab::Routine);
        let base = Instant::now();
        let mut run = Self { app, base, store };
        run.at(0.0);
        run
    }

    fn at(&mut self, seconds: f64) {
        self.app
            .update(Action::Tick(self.base + Duration::from_secs_f64(seconds)));
    }

    fn press(&mut self, c: char) {
        self.app.press(key(KeyCode::Char(c)));
    }

    fn code(&mut self, code: KeyCode) {
        self.app.press(key(code));
    }

    fn phase(&self) -> Phase {
        self.app.routine.timer().expect("a routine runs").phase()
    }

    fn step(&self) -> usize {
        self.app
            .routine
            .timer()
            .expect("a routine runs")
            .step_index()
    }

    fn remaining_ms(&self, seconds: f64) -> Option<u128> {
        self.app
            .routine
            .timer()
            .expect("a routine runs")
            .remaining(self.base + Duration::from_secs_f64(seconds))
            .map(|d| d.as_millis())
    }

    fn effects(&mut self) -> Vec<Effect> {
        self.app.take_effects()
    }

    fn screen(&self, w: u16, h: u16) -> String {
        screen(&self.app, w, h)
    }

    /// The day saved in the store, read back from the store (not from the app's memory).
    fn stored_day(&mut self) -> Option<DayEntry> {
        self.store.day(today())
    }
}

fn step(name: &str, kind: StepKind) -> Step {
    Step {
        exercise: name.into(),
        kind,
        cues: vec![format!("Do the {name} well.")],
        mistakes: vec![format!("Rushing the {name}.")],
    }
}

/// Plank 60 s; side plank 20 s a side; 3 sit-ups you tap.
/// With get-ready 5 s and rest 10 s: get ready 0-5, plank 5-65, rest 65-75, left 75-95,
/// switch 95-100, right 100-120, rest 120-130, sit-ups from 130.
fn small() -> Routine {
    Routine {
        id: "small".into(),
        name: "Small".into(),
        purpose: "A test routine.".into(),
        sources: Vec::new(),
        source: String::new(),
        steps: vec![
            step(
                "Plank",
                StepKind::Hold {
                    seconds: 60,
                    per_side: false,
                },
            ),
            step(
                "Side plank",
                StepKind::Hold {
                    seconds: 20,
                    per_side: true,
                },
            ),
            step(
                "Sit-ups",
                StepKind::Reps {
                    count: 3,
                    per_side: false,
                    seconds_per_rep: None,
                },
            ),
        ],
    }
}

fn small_run() -> Run {
    Run::on(MemoryStore::new(), Some(vec![small()]))
}

#[test]
fn the_picker_lists_the_builtins_with_steps_and_time() {
    let run = Run::builtins();
    let text = run.screen(80, 24);
    for name in [
        "Runner strength",
        "Gentle recovery",
        "Heat before a run",
        "Core and stretches",
    ] {
        assert!(text.contains(name), "{name} missing:\n{text}");
    }
    assert!(text.contains("11 steps"), "{text}");
    assert!(text.contains("1 step "), "{text}");
    // Heat: 5 s get ready + 15 min.
    assert!(text.contains("15:05"), "{text}");
    // The core set has tapped reps: its time is an estimate.
    assert!(text.contains("about "), "{text}");
}

#[test]
fn a_broken_user_file_is_shown_and_the_builtins_still_listed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("routines.ron"),
        "[(id: \"mine\", name: \"Mine\", steps: [\n  (exercise: \"P\", kind: Hold(seconds: 0))])]",
    )
    .unwrap();
    let mut app = app(Box::new(MemoryStore::new()), today());
    app.ctx.config_dir = Some(dir.path().to_path_buf());
    app.routine = RoutineState::new(&app.ctx);
    app.update(stridelog::tui::action::Action::GoTo(
        stridelog::tui::Tab::Routine,
    ));
    assert_eq!(app.routine.routines().len(), 4);
    let text = screen(&app, 120, 40);
    assert!(text.contains("Runner strength"), "{text}");
    assert!(text.contains("could not be read"), "{text}");
    assert!(text.contains("routines.ron:2:"), "{text}");

    // A good file adds the runner's routine after the built-ins, marked as theirs.
    std::fs::write(
        dir.path().join("routines.ron"),
        "[(id: \"mine\", name: \"My stretches\", steps: [(exercise: \"P\", kind: Hold(seconds: 40))])]",
    )
    .unwrap();
    app.routine = RoutineState::new(&app.ctx);
    assert_eq!(app.routine.routines().len(), 5);
    let text = screen(&app, 80, 24);
    assert!(text.contains("My stretches"), "{text}");
    assert!(text.contains("yours"), "{text}");
    assert!(!text.contains("could not be read"), "{text}");
}

#[test]
fn enter_shows_the_steps_and_esc_goes_back() {
    let mut run = Run::builtins();
    run.code(KeyCode::Down);
    run.code(KeyCode::Enter);
    let text = run.screen(120, 40);
    assert!(text.contains("Gentle recovery · 7 steps"), "{text}");
    assert!(text.contains("Cat / camel"), "{text}");
    assert!(text.contains("6 reps, 6 s each"), "{text}");
    run.code(KeyCode::Down);
    let text = run.screen(120, 40);
    assert!(text.contains("2. Knee rolls"), "{text}");
    run.code(KeyCode::Esc);
    assert!(run.screen(80, 24).contains("▶ Gentle recovery"));
    // `s` from the list starts the selected routine.
    run.press('s');
    assert_eq!(
        run.app.routine.timer().unwrap().routine().id,
        "gentle-recovery"
    );
}

#[test]
fn ticks_walk_through_get_ready_hold_rest_sides_and_taps() {
    let mut run = small_run();
    run.press('s');
    assert_eq!(run.phase(), Phase::GetReady);
    run.at(4.999);
    assert_eq!(run.phase(), Phase::GetReady);
    run.at(5.0);
    assert_eq!((run.phase(), run.step()), (Phase::Active, 0));
    // The 60 s hold ends at 65 s to the millisecond.
    run.at(64.999);
    assert_eq!(run.phase(), Phase::Active);
    assert_eq!(run.remaining_ms(64.999), Some(1));
    run.at(65.0);
    assert_eq!((run.phase(), run.step()), (Phase::Rest, 1));
    run.at(75.0);
    assert_eq!(run.phase(), Phase::Active);
    assert_eq!(run.app.routine.timer().unwrap().side(), Some(Side::Left));
    assert!(run.screen(80, 24).contains("LEFT SIDE"));
    run.at(95.5);
    assert_eq!(run.phase(), Phase::SideSwitch);
    assert_eq!(run.app.routine.timer().unwrap().side(), Some(Side::Right));
    run.at(100.0);
    assert_eq!(run.phase(), Phase::Active);
    run.at(130.0);
    assert_eq!((run.phase(), run.step()), (Phase::Active, 2));
    assert!(run.app.routine.timer().unwrap().awaits_taps());
    // Nothing runs against the clock while waiting for taps: no tick needed.
    run.effects();
    run.at(130.2);
    assert_eq!(run.app.tick_interval(), None);
    // Space counts reps here; the third ends the routine and asks for the pain.
    run.press(' ');
    run.press(' ');
    assert_eq!(
        run.app
            .routine
            .timer()
            .unwrap()
            .reps(run.base)
            .unwrap()
            .done,
        2
    );
    run.press(' ');
    assert!(run.app.routine.asking_pain());
    assert!(run.app.routine.captures_input());
}

#[test]
fn pause_stops_time_exactly_and_keys_in_between_change_nothing() {
    let mut run = small_run();
    run.press('s');
    run.at(29.0);
    run.at(30.0);
    run.press(' ');
    assert!(run.app.routine.timer().unwrap().is_paused());
    assert_eq!(run.app.tick_interval(), None, "paused: no ticks, no CPU");
    for i in 0..50 {
        run.at(30.0 + f64::from(i) * 0.2);
        run.press('b');
    }
    run.at(40.0);
    assert_eq!(run.remaining_ms(40.0), Some(35_000));
    run.press(' ');
    assert!(!run.app.routine.timer().unwrap().is_paused());
    // 10 s paused: the hold now ends at 75 s, exactly.
    run.at(74.999);
    assert_eq!((run.phase(), run.step()), (Phase::Active, 0));
    run.at(75.0);
    assert_eq!((run.phase(), run.step()), (Phase::Rest, 1));
}

#[test]
fn skip_previous_and_restart() {
    let mut run = small_run();
    run.press('s');
    // Skip the get-ready: the plank starts now.
    run.at(1.0);
    run.press('n');
    assert_eq!((run.phase(), run.step()), (Phase::Active, 0));
    assert_eq!(run.remaining_ms(1.0), Some(60_000));
    // Restart the step: its get-ready again.
    run.at(20.0);
    run.press('r');
    assert_eq!((run.phase(), run.step()), (Phase::GetReady, 0));
    run.at(25.0);
    assert_eq!(run.remaining_ms(25.0), Some(60_000));
    // Skip the exercise: on to the next step's get-ready, the plank not counted as done.
    run.press('n');
    assert_eq!((run.phase(), run.step()), (Phase::GetReady, 1));
    assert_eq!(run.app.routine.timer().unwrap().steps_done(), 0);
    // Back to the plank.
    run.at(26.0);
    run.press('p');
    assert_eq!((run.phase(), run.step()), (Phase::GetReady, 0));
}

#[test]
fn stop_asks_first_then_pain_then_the_partial_session_is_saved() {
    let mut run = small_run();
    run.press('s');
    run.at(70.0); // the plank is done; resting before the side plank.
    run.code(KeyCode::Esc);
    assert!(run.app.routine.confirming_stop());
    insta::assert_snapshot!("routine_confirm_stop_80x24", run.screen(80, 24));
    // `n` means "go on" here, not skip.
    run.press('n');
    assert!(!run.app.routine.confirming_stop());
    assert_eq!((run.phase(), run.step()), (Phase::Rest, 1));
    run.code(KeyCode::Esc);
    run.press('y');
    assert!(run.app.routine.asking_pain());
    // Digits answer the question instead of switching tabs; `1` then `0` is 10.
    run.press('1');
    assert!(run.app.routine.asking_pain());
    assert_eq!(run.app.tab, Tab::Routine);
    run.press('0');
    assert!(!run.app.routine.asking_pain());
    assert!(run.screen(80, 24).contains("Saved in Sun 22 Nov 2026"));

    let expected = RoutineSession {
        routine: "small".into(),
        started: noon(),
        steps_done: 1,
        steps_total: 3,
        seconds: 60,
        pain_after: Score::new(10),
    };
    let day = run.stored_day().expect("the day was saved");
    assert_eq!(day.routines, vec![expected.clone()]);
    assert_eq!(
        run.app.ctx.journal().day(today()).unwrap().routines,
        vec![expected]
    );
    run.code(KeyCode::Enter);
    assert!(run.app.routine.timer().is_none());
    assert!(run.screen(80, 24).contains("▶ Small"));
}

#[test]
fn a_finished_routine_is_saved_whole_and_added_to_the_days_sessions() {
    let earlier = RoutineSession {
        routine: "core-set".into(),
        started: NaiveTime::from_hms_opt(7, 10, 0).unwrap(),
        steps_done: 5,
        steps_total: 5,
        seconds: 300,
        pain_after: Score::new(2),
    };
    let mut day = DayEntry::new(today());
    day.routines.push(earlier.clone());
    day.notes = "kept".into();
    let mut run = Run::on(MemoryStore::with_days([day]), Some(vec![small()]));
    run.code(KeyCode::Enter);
    run.code(KeyCode::Enter); // start from the step list
    run.at(130.0);
    for _ in 0..3 {
        run.press(' ');
    }
    assert!(run.app.routine.asking_pain());
    run.press('3');
    let day = run.stored_day().unwrap();
    assert_eq!(day.notes, "kept");
    assert_eq!(
        day.routines,
        vec![
            earlier,
            RoutineSession {
                routine: "small".into(),
                started: noon(),
                steps_done: 3,
                steps_total: 3,
                // 60 + 2 * 20 s of holds; the taps came at once.
                seconds: 100,
                pain_after: Score::new(3),
            }
        ]
    );
}

#[test]
fn pain_can_be_skipped_or_given_as_plus_or_a_lone_one() {
    for (keys, pain) in [
        ("s", None),
        ("+", Score::new(10)),
        ("7", Score::new(7)),
        ("1\n", Score::new(1)),
        ("1\x080", Score::new(0)),
    ] {
        let mut run = small_run();
        run.press('s');
        run.at(30.0);
        run.code(KeyCode::Esc);
        run.press('y');
        for c in keys.chars() {
            match c {
                '\n' => run.code(KeyCode::Enter),
                '\x08' => run.code(KeyCode::Backspace),
                c => run.press(c),
            }
        }
        let day = run.stored_day().expect("saved");
        assert_eq!(day.routines.len(), 1, "{keys:?}");
        assert_eq!(day.routines[0].pain_after, pain, "{keys:?}");
        assert_eq!(day.routines[0].seconds, 25, "{keys:?}");
        assert_eq!(day.routines[0].steps_done, 0, "{keys:?}");
    }
}

#[test]
fn stopping_before_any_exercise_records_nothing() {
    let mut run = small_run();
    run.press('s');
    run.at(3.0);
    run.code(KeyCode::Esc);
    run.press('y');
    assert!(!run.app.routine.asking_pain());
    assert!(run.screen(80, 24).contains("Nothing to record"));
    assert_eq!(run.stored_day(), None);
    run.code(KeyCode::Enter);
    assert!(run.screen(80, 24).contains("▶ Small"));
}

#[test]
fn a_failed_save_shows_the_error_and_r_retries() {
    let mut store = MemoryStore::new();
    store.fail_saves = Some("disk full".into());
    let mut run = Run::on(store, Some(vec![small()]));
    run.press('s');
    run.at(30.0);
    run.code(KeyCode::Esc);
    run.press('y');
    run.press('4');
    assert!(run.app.routine.save_error().unwrap().contains("disk full"));
    let text = run.screen(80, 24);
    assert!(text.contains("NOT SAVED"), "{text}");
    assert!(text.contains("disk full"), "{text}");
    // Quitting now would lose the session: the app asks first.
    run.press('q');
    assert_eq!(run.app.overlay, Overlay::ConfirmQuit);
    run.press('n');
    // The disk has room again.
    run.store.fail(None);
    run.press('r');
    assert_eq!(run.app.routine.save_error(), None);
    let day = run.stored_day().unwrap();
    assert_eq!(day.routines.len(), 1);
    assert_eq!(day.routines[0].pain_after, Score::new(4));
}

#[test]
fn the_bell_rings_only_when_on_and_the_flash_inverts_the_countdown() {
    let mut run = small_run();
    assert!(run.app.ctx.settings.bell && run.app.ctx.settings.flash);
    run.press('s');
    run.effects();
    // The get-ready's 3, 2, 1 and the start of the hold each ring once.
    run.at(2.0);
    assert_eq!(run.effects(), vec![Effect::Bell]);
    assert!(run.app.routine.flashing());
    let buf = draw(&run.app, 80, 24);
    let inverted = (0..80u16)
        .flat_map(|x| (0..24u16).map(move |y| (x, y)))
        .filter(|&(x, y)| buf[(x, y)].modifier.contains(Modifier::REVERSED))
        .count();
    assert!(
        inverted > 200,
        "the countdown is inverted: {inverted} cells"
    );
    run.at(2.1);
    assert!(run.app.routine.flashing());
    run.at(2.15);
    assert!(!run.app.routine.flashing(), "the flash lasts 150 ms");
    run.at(2.5);
    assert_eq!(run.effects(), vec![]);
    run.at(3.0);
    assert_eq!(run.effects(), vec![Effect::Bell]);

    // `b` turns the bell off for this session: cues then only flash.
    run.press('b');
    assert!(!run.app.ctx.settings.bell);
    assert!(run.screen(80, 24).contains("bell off · flash on"));
    run.at(4.0);
    run.at(5.0);
    assert_eq!(run.effects(), vec![]);
    assert!(run.app.routine.flashing());
    // `f` turns the flash off too; the countdown to the end of the plank stays silent.
    run.press('f');
    assert!(!run.app.routine.flashing());
    run.at(62.0);
    run.at(63.0);
    assert!(!run.app.routine.flashing());
    assert_eq!(run.effects(), vec![]);
    // And back on.
    run.press('b');
    run.at(64.0);
    assert_eq!(run.effects(), vec![Effect::Bell]);
    assert!(!run.app.routine.flashing());
}

#[test]
fn the_tick_is_fine_while_counting_and_lands_on_each_second() {
    let mut run = small_run();
    assert_eq!(run.app.tick_interval(), None, "idle: no ticks");
    run.press('s');
    run.at(10.0);
    run.effects();
    assert_eq!(run.app.tick_interval(), Some(Duration::from_millis(100)));
    run.at(10.97);
    let next = run.app.tick_interval().unwrap();
    assert!(
        next <= Duration::from_millis(30) && next >= Duration::from_millis(29),
        "{next:?}"
    );
    // The flash's end is a redraw too.
    run.at(62.0);
    assert!(run.app.routine.flashing());
    run.at(62.02);
    assert!(run.app.tick_interval().unwrap() <= Duration::from_millis(100));
}

#[test]
fn routine_snapshots() {
    let mut run = Run::builtins();
    insta::assert_snapshot!("routine_picker_80x24", run.screen(80, 24));
    insta::assert_snapshot!("routine_picker_120x40", run.screen(120, 40));
    run.code(KeyCode::Enter);
    insta::assert_snapshot!("routine_detail_80x24", run.screen(80, 24));
    insta::assert_snapshot!("routine_detail_120x40", run.screen(120, 40));
    // Runner strength: get ready 0-5, piriformis left 5-35, switch 35-40, right 40-70.
    run.press('s');
    run.at(2.5);
    insta::assert_snapshot!("routine_get_ready_80x24", run.screen(80, 24));
    run.at(17.6);
    insta::assert_snapshot!("routine_hold_80x24", run.screen(80, 24));
    insta::assert_snapshot!("routine_hold_120x40", run.screen(120, 40));
    run.at(36.0);
    insta::assert_snapshot!("routine_side_switch_80x24", run.screen(80, 24));
    insta::assert_snapshot!("routine_side_switch_120x40", run.screen(120, 40));
    // Figure-four (right side) ends at 5 + 65 + 10 + 65 = 145: then rest before hip hikes.
    run.at(148.0);
    insta::assert_snapshot!("routine_rest_80x24", run.screen(80, 24));
    insta::assert_snapshot!("routine_rest_120x40", run.screen(120, 40));
    // Hip hikes, paced reps (12 x 3 s): the rest ends at 155, left side 155-191.
    run.at(163.5);
    insta::assert_snapshot!("routine_reps_80x24", run.screen(80, 24));
    run.press(' ');
    insta::assert_snapshot!("routine_paused_80x24", run.screen(80, 24));
    insta::assert_snapshot!("routine_paused_120x40", run.screen(120, 40));
    run.code(KeyCode::Esc);
    run.press('y');
    insta::assert_snapshot!("routine_finish_80x24", run.screen(80, 24));
    insta::assert_snapshot!("routine_finish_120x40", run.screen(120, 40));
    type_text(&mut run.app, "1");
    insta::assert_snapshot!("routine_finish_one_80x24", run.screen(80, 24));
    run.press('0');
    insta::assert_snapshot!("routine_saved_80x24", run.screen(80, 24));
}

#[test]
fn small_screens_fall_back_to_plain_digits_and_nothing_panics() {
    let mut run = Run::builtins();
    run.press('s');
    run.at(20.0);
    for (w, h) in [(60, 18), (61, 19), (80, 24), (200, 60), (20, 5), (0, 0)] {
        let _ = draw(&run.app, w, h);
    }
    let text = run.screen(60, 18);
    assert!(text.contains("Piriformis stretch"), "{text}");
    assert!(
        text.contains("█") || text.contains("▀"),
        "big digits at 60x18:\n{text}"
    );

    // Two banner lines at the smallest size leave no room for big digits: plain ones.
    let mut store = MemoryStore::new();
    store.read_only = Some("another stridelog has it open".into());
    let mut run = Run::on(store, None);
    run.app.ctx.notice = Some("a notice".into());
    run.press('s');
    run.at(20.0);
    let text = run.screen(60, 18);
    assert!(text.contains("LEFT SIDE"), "{text}");
    assert!(
        text.lines()
            .any(|l| l.trim_matches(|c| c == '│' || c == ' ') == "15"),
        "15 s left as plain text:\n{text}"
    );
}

#[test]
fn the_clock_stands_still_while_a_question_is_asked() {
    let mut run = small_run();
    run.press('s');
    run.at(30.0); // 35 s of the plank left
    run.code(KeyCode::Esc);
    assert!(run.app.routine.confirming_stop());
    run.at(50.0);
    assert_eq!(
        run.remaining_ms(50.0),
        Some(35_000),
        "time passed under the question"
    );
    run.press('n');
    run.at(60.0);
    assert_eq!(
        run.remaining_ms(60.0),
        Some(25_000),
        "the clock runs on after 'go on'"
    );
    // The quit question holds it too.
    run.press('q');
    assert_eq!(run.app.overlay, Overlay::ConfirmQuit);
    run.at(90.0);
    assert_eq!(run.remaining_ms(90.0), Some(25_000));
    run.press('n');
    assert!(run.app.running);
    run.at(95.0);
    assert_eq!(run.remaining_ms(95.0), Some(20_000));
    // A pause the runner chose is not undone by answering a question.
    run.press(' ');
    run.code(KeyCode::Esc);
    run.press('n');
    run.at(120.0);
    assert_eq!(run.remaining_ms(120.0), Some(20_000));
}

#[test]
fn quitting_during_a_routine_asks_then_keeps_it_as_a_partial_session() {
    let mut run = small_run();
    run.press('s');
    run.at(70.0); // the plank is done; resting before the side plank
    run.press('q');
    assert_eq!(run.app.overlay, Overlay::ConfirmQuit);
    assert!(
        run.screen(80, 24).contains("partial session"),
        "{}",
        run.screen(80, 24)
    );
    run.press('y');
    assert!(!run.app.running);
    let day = run.stored_day().expect("the partial session was saved");
    assert_eq!(
        day.routines,
        vec![RoutineSession {
            routine: "small".into(),
            started: noon(),
            steps_done: 1,
            steps_total: 3,
            seconds: 60,
            pain_after: None,
        }]
    );
}

#[test]
fn stopping_before_the_first_exercise_does_not_promise_a_partial_session() {
    let mut run = small_run();
    run.press('s');
    run.at(2.0); // still in the get-ready count
    run.code(KeyCode::Esc);
    let asked = run.screen(80, 24);
    assert!(!asked.contains("partial"), "{asked}");
    assert!(asked.contains("nothing would be recorded"), "{asked}");
    run.press('y');
    let after = run.screen(80, 24);
    assert!(!after.contains("partial"), "{after}");
    assert!(after.contains("Nothing to record"), "{after}");
    assert!(run.stored_day().is_none());
}

#[test]
fn a_routine_starts_from_the_step_selected_in_the_list() {
    let mut run = small_run();
    run.code(KeyCode::Enter); // the step list
    run.code(KeyCode::Down);
    run.code(KeyCode::Down); // sit-ups
    run.press('s');
    run.at(1.0);
    assert_eq!(run.step(), 2, "started at the selected step");
    assert!(run.screen(80, 24).contains("Sit-ups"));
}

#[test]
fn n_on_the_first_side_skips_the_side_not_the_step() {
    let mut run = small_run();
    run.press('s');
    run.at(80.0); // side plank, left side (75-95)
    assert_eq!(run.app.routine.timer().unwrap().side(), Some(Side::Left));
    assert!(
        run.screen(80, 24).contains("Next: Side plank, right side"),
        "{}",
        run.screen(80, 24)
    );
    run.press('n');
    run.at(81.0);
    assert_eq!(run.step(), 1, "still the side plank");
    assert_eq!(run.app.routine.timer().unwrap().side(), Some(Side::Right));
    assert!(run.screen(80, 24).contains("Next: Sit-ups"));
    // On the second side, n leaves the step.
    run.at(90.0);
    run.press('n');
    run.at(91.0);
    assert_eq!(run.step(), 2);
}

#[test]
fn a_partial_session_is_marked_partial_on_the_log_tab() {
    let mut run = small_run();
    run.press('s');
    run.at(70.0);
    run.code(KeyCode::Esc);
    run.press('y');
    run.press('s'); // no pain score
    run.app.update(Action::GoTo(Tab::Log));
    let log = run.screen(100, 30);
    assert!(log.contains("1/3 steps"), "{log}");
    assert!(log.contains("partial"), "{log}");
}
