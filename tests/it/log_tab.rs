//! The Log tab driven like a user drives it: key events through `App::press`, then the
//! journal, the store and the screen are checked.

use crate::support::date;
use crate::support::log_form::{
    asking_about_the_future, asking_for_a_date, asking_to_drop, browsing, ctrl, edit_error,
    editing, editor_text, go_to_field, go_to_run_field, hints, message, press,
};
use chrono::{NaiveDate, NaiveTime};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use stridelog::journal::entry::{
    self, Character, Location, PainType, RoutineSession, Run, Side, Slump, Surface, Triage,
};
use stridelog::journal::memory::MemoryStore;
use stridelog::journal::store::{FsStore, Scope, Store, day_path};
use stridelog::journal::{DayEntry, Score};
use stridelog::session::SaveState;
use stridelog::tui::Tab;
use stridelog::tui::app::{App, Overlay};
use stridelog::tui::ctx::{Clock, Ctx};
use stridelog::tui::tabs::log::form::{DayField, Field, RunField};
use stridelog::tui::tabs::log::{Item, Page};
use stridelog::tui::testing;
use stridelog::tui::theme::THEME;

// ---------------------------------------------------------------- helpers

fn today() -> NaiveDate {
    date("2026-11-22")
}

use stridelog::journal::memory::SharedStore as Shared;

fn at_7_30() -> Clock {
    Clock::Fixed(today().and_time(NaiveTime::from_hms_opt(7, 30, 0).unwrap()))
}

fn app_on(mut store: impl Store + 'static) -> App {
    let journal = store.load(Scope::All).unwrap();
    App::new(Ctx::new(
        today(),
        journal,
        Box::new(store),
        at_7_30(),
        &THEME,
    ))
}

fn app_with(days: Vec<DayEntry>) -> (App, Shared) {
    let shared = Shared::with(MemoryStore::with_days(days));
    (app_on(shared.clone()), shared)
}

fn shift_tab(app: &mut App) {
    app.press(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT));
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn stored(app: &App, on: NaiveDate) -> DayEntry {
    app.ctx.day_or_new(on)
}

/// The screen's text, rows joined by newlines (none after the last).
fn screen(app: &App, width: u16, height: u16) -> String {
    let mut text = testing::screen(app, width, height);
    text.pop();
    text
}

fn score(n: u8) -> Option<Score> {
    Score::new(n)
}

fn full_day() -> DayEntry {
    let mut day = DayEntry::new(today());
    day.morning_pain = score(2);
    day.worst_pain = score(5);
    day.locations = vec![Location::LowerBack, Location::Buttock, Location::Thigh];
    day.side = Some(Side::Left);
    day.character = vec![Character::Dull, Character::Tingling];
    day.pain_medication = Some(false);
    day.normal_activities = Some(true);
    day.sleep_hours = Some(7.5);
    day.sleep_disturbed = Some(true);
    day.sitting_hours = Some(8.0);
    day.stress = score(4);
    day.heat_minutes = Some(15);
    day.notes = "Calf tingling after 4 km.\nEased with heat.".into();
    day.runs = vec![
        Run {
            distance_km: 6.4,
            duration_s: Some(2280),
            pain_before: score(2),
            pain_during: score(3),
            pain_after: score(4),
            surface: Some(Surface::Trail),
            shoes: Some("Pegasus 40".into()),
            ..Run::default()
        },
        Run {
            distance_km: 3.0,
            duration_s: Some(1140),
            pain_before: score(3),
            pain_during: score(3),
            pain_after: score(3),
            surface: Some(Surface::Road),
            shoes: Some("Kinvara 14".into()),
            notes: "Easy shake-out".into(),
            ..Run::default()
        },
    ];
    day.routines = vec![RoutineSession {
        routine: "runner-strength".into(),
        started: NaiveTime::from_hms_opt(7, 10, 0).unwrap(),
        steps_done: 11,
        steps_total: 11,
        seconds: 960,
        pain_after: score(2),
    }];
    day.triage = Some(Triage {
        red_flags: vec![],
        slump: Some(Slump::Positive),
        classification: vec![PainType::Radicular],
    });
    day
}

// ---------------------------------------------------------------- pain scores

#[test]
fn enter_a_digit_enter_saves_a_pain_score_at_once() {
    let (mut app, store) = app_with(vec![]);
    assert_eq!(app.log.field(), Some(Field::Day(DayField::MorningPain)));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('3'));
    assert!(app.log.captures_input());
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.tab, Tab::Log);
    assert_eq!(stored(&app, today()).morning_pain, score(3));
    assert_eq!(store.day(today()).unwrap().morning_pain, score(3));
    assert_eq!(
        *app.ctx.session.save_state(),
        SaveState::Saved(NaiveTime::from_hms_opt(7, 30, 0).unwrap())
    );
    let text = screen(&app, 80, 24);
    assert!(text.contains("saved 07:30:00"), "{text}");
}

#[test]
fn ten_is_typed_as_one_zero_and_tab_moves_on_editing() {
    let (mut app, store) = app_with(vec![]);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Tab);
    // Tab saved the morning pain and opened the worst pain.
    assert_eq!(store.day(today()).unwrap().morning_pain, score(2));
    assert_eq!(app.log.field(), Some(Field::Day(DayField::WorstPain)));
    assert_eq!(editor_text(&app).as_deref(), Some(""));
    typed(&mut app, "10");
    press(&mut app, KeyCode::Tab);
    assert_eq!(store.day(today()).unwrap().worst_pain, score(10));
    // Shift-Tab goes back, and typing over an existing value replaces it.
    assert_eq!(app.log.field(), Some(Field::Day(DayField::Locations)));
    press(&mut app, KeyCode::Esc);
    go_to_field(&mut app, DayField::WorstPain);
    press(&mut app, KeyCode::Enter);
    assert_eq!(editor_text(&app).as_deref(), Some("10"));
    typed(&mut app, "7");
    shift_tab(&mut app);
    assert_eq!(store.day(today()).unwrap().worst_pain, score(7));
    assert_eq!(app.log.field(), Some(Field::Day(DayField::MorningPain)));
}

#[test]
fn stress_and_numbers_and_clearing() {
    let (mut app, store) = app_with(vec![]);
    go_to_field(&mut app, DayField::SleepHours);
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "7:30");
    press(&mut app, KeyCode::Tab); // on to "sleep disturbed" (a yes/no chooser)
    press(&mut app, KeyCode::Esc);
    go_to_field(&mut app, DayField::SittingHours);
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "8,5");
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.log.field(), Some(Field::Day(DayField::Stress)));
    typed(&mut app, "4");
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "15");
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "10");
    press(&mut app, KeyCode::Enter);
    let day = store.day(today()).unwrap();
    assert_eq!(day.sleep_hours, Some(7.5));
    assert_eq!(day.sitting_hours, Some(8.5));
    assert_eq!(day.stress, score(4));
    assert_eq!(day.heat_minutes, Some(15));
    assert_eq!(day.ice_minutes, Some(10));
    // Delete clears a field (and saves).
    press(&mut app, KeyCode::Delete);
    assert_eq!(store.day(today()).unwrap().ice_minutes, None);
    // Emptying the editor clears too.
    go_to_field(&mut app, DayField::Stress);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Enter);
    assert_eq!(store.day(today()).unwrap().stress, None);
}

// ---------------------------------------------------------------- choices

#[test]
fn multi_select_single_choice_and_yes_no_fields() {
    let (mut app, store) = app_with(vec![]);
    go_to_field(&mut app, DayField::Locations);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char(' ')); // lower back
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Char(' ')); // hip
    press(&mut app, KeyCode::Char('6')); // foot, by number
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        store.day(today()).unwrap().locations,
        vec![Location::LowerBack, Location::Hip, Location::Foot]
    );

    go_to_field(&mut app, DayField::Side);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('2')); // right
    press(&mut app, KeyCode::Tab); // save, on to "feels like"
    assert_eq!(store.day(today()).unwrap().side, Some(Side::Right));
    press(&mut app, KeyCode::Char('5'));
    press(&mut app, KeyCode::Char('6'));
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        store.day(today()).unwrap().character,
        vec![Character::Tingling, Character::Numbness]
    );

    go_to_field(&mut app, DayField::Medication);
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(store.day(today()).unwrap().pain_medication, Some(true));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(store.day(today()).unwrap().pain_medication, Some(false));
    press(&mut app, KeyCode::Delete);
    assert_eq!(
        store.day(today()).unwrap().pain_medication,
        None,
        "Delete clears an answer back to unanswered, not to no"
    );

    go_to_field(&mut app, DayField::NormalActivities);
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(store.day(today()).unwrap().normal_activities, Some(true));
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(store.day(today()).unwrap().normal_activities, Some(false));
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(store.day(today()).unwrap().normal_activities, None);

    go_to_field(&mut app, DayField::SleepDisturbed);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('y'));
    press(&mut app, KeyCode::Enter);
    assert_eq!(store.day(today()).unwrap().sleep_disturbed, Some(true));

    // Esc in a chooser changes nothing.
    let saves = store.saves();
    go_to_field(&mut app, DayField::Locations);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Esc);
    assert_eq!(store.saves(), saves);
    assert_eq!(
        stored(&app, today()).locations,
        vec![Location::LowerBack, Location::Hip, Location::Foot]
    );
}

#[test]
fn notes_take_several_lines_and_esc_asks_before_dropping() {
    let (mut app, store) = app_with(vec![]);
    go_to_field(&mut app, DayField::Notes);
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "Sore after hills");
    press(&mut app, KeyCode::Enter); // a new line, not a save
    assert!(store.day(today()).is_none());
    typed(&mut app, "better by evening");
    ctrl(&mut app, 's');
    assert_eq!(
        store.day(today()).unwrap().notes,
        "Sore after hills\nbetter by evening"
    );
    // Changed notes: Esc asks; n keeps editing; Esc then y drops.
    press(&mut app, KeyCode::Enter);
    typed(&mut app, " (q typed, no quit)");
    assert!(app.running);
    press(&mut app, KeyCode::Esc);
    assert!(asking_to_drop(&app), "{}", hints(&app));
    press(&mut app, KeyCode::Char('n'));
    assert!(editing(&app), "{}", hints(&app));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('y'));
    assert!(browsing(&app), "{}", hints(&app));
    assert_eq!(
        store.day(today()).unwrap().notes,
        "Sore after hills\nbetter by evening"
    );
    // A stray Delete does not wipe the notes; Ctrl-U in the editor does, on purpose.
    press(&mut app, KeyCode::Delete);
    assert!(message(&app).contains("Ctrl-U"));
    assert_eq!(
        store.day(today()).unwrap().notes,
        "Sore after hills\nbetter by evening"
    );
    press(&mut app, KeyCode::Enter);
    ctrl(&mut app, 'u');
    ctrl(&mut app, 's');
    assert_eq!(store.day(today()).unwrap().notes, "");
}

// ---------------------------------------------------------------- bad input

/// Types `text` into `field` and presses Enter; checks nothing was saved, the old value is
/// still there, the editor keeps the text and says what is accepted.
fn refused(field: DayField, text: &str, accepted: &str) {
    let mut day = DayEntry::new(today());
    day.worst_pain = score(4);
    day.morning_pain = score(2);
    day.sleep_hours = Some(7.0);
    day.heat_minutes = Some(10);
    let (mut app, store) = app_with(vec![day.clone()]);
    go_to_field(&mut app, field);
    press(&mut app, KeyCode::Enter);
    typed(&mut app, text);
    press(&mut app, KeyCode::Enter);
    let error = edit_error(&app).unwrap_or_else(|| panic!("{field:?} {text:?} was accepted"));
    assert!(error.contains(accepted), "{field:?} {text:?}: {error}");
    assert_eq!(
        editor_text(&app).as_deref(),
        Some(text),
        "typed value stays"
    );
    assert_eq!(store.saves(), 0, "{field:?} {text:?} saved");
    assert_eq!(store.day(today()).unwrap(), day);
    assert_eq!(stored(&app, today()), day);
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("is not accepted"), "{shown}");
    // Tab does not move past a refused value either.
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.log.field(), Some(Field::Day(field)));
    assert_eq!(store.saves(), 0);
    // Esc drops it; the old value is shown again.
    press(&mut app, KeyCode::Esc);
    assert!(browsing(&app), "{}", hints(&app));
    assert_eq!(stored(&app, today()), day);
}

#[test]
fn pain_above_ten_is_refused() {
    refused(DayField::WorstPain, "11", "0 to 10");
    refused(DayField::MorningPain, "-1", "0 to 10");
    refused(DayField::Stress, "abc", "0 to 10");
}

#[test]
fn hours_above_a_day_and_negative_minutes_are_refused() {
    refused(DayField::SleepHours, "25", "0 to 24");
    refused(DayField::SittingHours, "-2", "0 to 24");
    refused(DayField::HeatMinutes, "-5", "0 to 1440");
    refused(DayField::IceMinutes, "2000", "0 to 1440");
}

// ---------------------------------------------------------------- runs

#[test]
fn adding_a_run_with_every_field() {
    let mut before = DayEntry::new(date("2026-11-20"));
    before.runs.push(Run {
        distance_km: 5.0,
        shoes: Some("Pegasus 40".into()),
        ..Run::default()
    });
    let (mut app, store) = app_with(vec![before]);
    press(&mut app, KeyCode::Char('a'));
    assert!(matches!(app.log.page(), Page::NewRun(_)));
    assert_eq!(app.log.field(), Some(Field::Run(RunField::Distance)));
    // Bad distances: nothing saved, no run added.
    for bad in ["abc", "400", "-3", "0"] {
        typed(&mut app, bad);
        press(&mut app, KeyCode::Enter);
        let error = edit_error(&app).unwrap_or_else(|| panic!("{bad} accepted"));
        assert!(error.contains("at most 300"), "{bad}: {error}");
        assert!(store.day(today()).is_none(), "{bad} saved");
        ctrl(&mut app, 'u');
    }
    typed(&mut app, "6.4");
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.log.page(), &Page::Run(0));
    assert!((store.day(today()).unwrap().runs[0].distance_km - 6.4).abs() < 1e-9);
    // Time: 75:99 refused, the run keeps no time.
    typed(&mut app, "75:99");
    press(&mut app, KeyCode::Tab);
    assert!(edit_error(&app).unwrap().contains("mm:ss"));
    assert_eq!(store.day(today()).unwrap().runs[0].duration_s, None);
    ctrl(&mut app, 'u');
    typed(&mut app, "38:00");
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "2");
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "3");
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "4");
    press(&mut app, KeyCode::Tab);
    // Gait changed: a yes/no chooser.
    press(&mut app, KeyCode::Char('y'));
    press(&mut app, KeyCode::Tab);
    // Surface: trail is the third option.
    press(&mut app, KeyCode::Char('3'));
    press(&mut app, KeyCode::Tab);
    // Shoes: Down offers the shoes used before.
    assert_eq!(app.log.field(), Some(Field::Run(RunField::Shoes)));
    press(&mut app, KeyCode::Down);
    assert_eq!(editor_text(&app).as_deref(), Some("Pegasus 40"));
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "Calf tight at 4 km");
    ctrl(&mut app, 's');
    let run = store.day(today()).unwrap().runs[0].clone();
    assert_eq!(
        run,
        Run {
            distance_km: 6.4,
            duration_s: Some(2280),
            pain_before: score(2),
            pain_during: score(3),
            pain_after: score(4),
            gait_changed: Some(true),
            surface: Some(Surface::Trail),
            shoes: Some("Pegasus 40".into()),
            notes: "Calf tight at 4 km".into(),
            ..Run::default()
        }
    );
    let text = screen(&app, 80, 24);
    assert!(text.contains("5:56 /km"), "pace shown:\n{text}");
    // Esc goes back to the day; the run is listed.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.log.page(), &Page::Day);
    assert_eq!(app.log.day_cursor(), Item::Run(0));
}

#[test]
fn a_new_run_cancelled_before_its_distance_saves_nothing() {
    let (mut app, store) = app_with(vec![]);
    press(&mut app, KeyCode::Char('a'));
    typed(&mut app, "5");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.log.page(), &Page::Day);
    assert_eq!(store.saves(), 0);
    assert!(stored(&app, today()).runs.is_empty());
}

#[test]
fn editing_and_deleting_a_run_with_confirmation() {
    let (mut app, store) = app_with(vec![full_day()]);
    // Down to the second run and open it.
    for _ in 0..=DayField::ALL.len() {
        press(&mut app, KeyCode::Down);
    }
    assert_eq!(app.log.day_cursor(), Item::Run(1));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.log.page(), &Page::Run(1));
    go_to_run_field(&mut app, RunField::Duration);
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "1:05:00");
    press(&mut app, KeyCode::Enter);
    assert_eq!(store.day(today()).unwrap().runs[1].duration_s, Some(3900));
    // Delete: n keeps it.
    press(&mut app, KeyCode::Char('d'));
    assert!(hints(&app).contains("y delete"), "{}", hints(&app));
    assert!(screen(&app, 80, 24).contains("Delete run 2"));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(store.day(today()).unwrap().runs.len(), 2);
    // y deletes it, and only it.
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('y'));
    let runs = store.day(today()).unwrap().runs;
    assert_eq!(runs.len(), 1);
    assert!((runs[0].distance_km - 6.4).abs() < 1e-9);
    assert_eq!(app.log.page(), &Page::Day);
    assert_eq!(app.log.day_cursor(), Item::Run(0));
}

// ---------------------------------------------------------------- undo

#[test]
fn undo_puts_back_the_last_change_and_saves_it() {
    let mut day = DayEntry::new(today());
    day.worst_pain = score(4);
    let (mut app, store) = app_with(vec![day]);
    go_to_field(&mut app, DayField::WorstPain);
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "8");
    press(&mut app, KeyCode::Enter);
    go_to_field(&mut app, DayField::Medication);
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(store.saves(), 2);
    // An undo whose save fails changes nothing and can be tried again.
    store.fail(Some("disk full"));
    press(&mut app, KeyCode::Char('u'));
    assert!(message(&app).contains("u tries again"), "{}", message(&app));
    assert_eq!(stored(&app, today()).pain_medication, Some(true));
    store.fail(None);
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(store.saves(), 3, "the undo is saved too");
    let on_disk = store.day(today()).unwrap();
    assert_eq!(on_disk.pain_medication, None, "back to unanswered");
    assert_eq!(on_disk.worst_pain, score(8));
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(store.day(today()).unwrap().worst_pain, score(4));
    assert!(message(&app).contains("worst pain"), "{}", message(&app));
    press(&mut app, KeyCode::Char('u'));
    assert!(message(&app).contains("Nothing to undo"));
    assert_eq!(store.saves(), 4);
}

#[test]
fn undo_from_another_day_goes_back_to_that_day() {
    let (mut app, store) = app_with(vec![]);
    press(&mut app, KeyCode::Char('a'));
    typed(&mut app, "5");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Left);
    assert_eq!(app.log.selected(), date("2026-11-21"));
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(app.log.selected(), today());
    assert!(store.day(today()).unwrap().runs.is_empty());
}

// ---------------------------------------------------------------- failed saves

#[test]
fn a_failed_save_keeps_the_typed_value_and_enter_retries() {
    let mut day = DayEntry::new(today());
    day.worst_pain = score(3);
    let (mut app, store) = app_with(vec![day]);
    store.fail(Some("disk full"));
    go_to_field(&mut app, DayField::WorstPain);
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "6");
    press(&mut app, KeyCode::Enter);
    let error = edit_error(&app).expect("the failure is shown");
    assert!(error.contains("disk full"), "{error}");
    assert!(error.contains("Enter tries again"), "{error}");
    assert_eq!(editor_text(&app).as_deref(), Some("6"), "typed value kept");
    assert_eq!(stored(&app, today()).worst_pain, score(3));
    assert!(matches!(app.ctx.session.save_state(), SaveState::Failed(_)));
    assert!(screen(&app, 80, 24).contains("NOT SAVED"));
    // Still failing: still kept.
    press(&mut app, KeyCode::Enter);
    assert_eq!(editor_text(&app).as_deref(), Some("6"));
    store.fail(None);
    press(&mut app, KeyCode::Enter);
    assert!(browsing(&app), "{}", hints(&app));
    assert_eq!(store.day(today()).unwrap().worst_pain, score(6));
    assert!(matches!(app.ctx.session.save_state(), SaveState::Saved(_)));
}

#[test]
fn a_failed_flip_is_kept_on_screen_and_r_retries() {
    let (mut app, store) = app_with(vec![DayEntry::new(today())]);
    store.fail(Some("read-only file system"));
    go_to_field(&mut app, DayField::Medication);
    press(&mut app, KeyCode::Char(' '));
    let unsaved = app.log.unsaved().expect("kept for a retry");
    assert_eq!(unsaved.day.pain_medication, Some(true));
    assert!(unsaved.error.contains("read-only file system"));
    assert_eq!(stored(&app, today()).pain_medication, None);
    assert!(message(&app).contains("r tries again"));
    // The form shows the value that is waiting, and other edits wait for it.
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("NOT SAVED"), "{shown}");
    press(&mut app, KeyCode::Char('y'));
    assert!(message(&app).contains("not saved yet"));
    // Quitting now asks first.
    press(&mut app, KeyCode::Char('q'));
    assert_eq!(app.overlay, Overlay::ConfirmQuit);
    press(&mut app, KeyCode::Char('n'));
    store.fail(None);
    press(&mut app, KeyCode::Char('r'));
    assert!(app.log.unsaved().is_none());
    assert_eq!(store.day(today()).unwrap().pain_medication, Some(true));
}

/// With the keys remapped, every sentence about a failed save names the new keys.
#[test]
fn a_failed_save_names_remapped_keys() {
    let (mut app, store) = app_with(vec![DayEntry::new(today())]);
    app.ctx.keys = stridelog::tui::keys_file::parse(
        r#"{"log.retry": ["x"], "log.reload": ["F5"], "log.back": ["F9"]}"#,
    )
    .unwrap();
    store.fail(Some("read-only file system"));
    go_to_field(&mut app, DayField::Medication);
    press(&mut app, KeyCode::Char(' '));
    assert!(
        message(&app).contains("x tries again, F5 reloads from disk, F9 drops"),
        "{}",
        message(&app)
    );
    let shown = screen(&app, 100, 30);
    assert!(!shown.contains("r tries again"), "{shown}");
    assert!(shown.contains("x tries again, F5 reloads"), "{shown}");
    press(&mut app, KeyCode::Char('y'));
    assert!(
        message(&app).contains("not saved yet: x tries again, F9 drops it"),
        "{}",
        message(&app)
    );
    store.fail(None);
    press(&mut app, KeyCode::Char('x'));
    assert!(app.log.unsaved().is_none());
}

#[test]
fn a_read_only_journal_cannot_be_changed_and_says_why() {
    let mut memory = MemoryStore::with_days(vec![full_day()]);
    memory.read_only = Some("another stridelog has this journal open".into());
    let store = Shared::with(memory);
    let mut app = app_on(store.clone());
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('a'));
    press(&mut app, KeyCode::Delete);
    assert!(browsing(&app), "{}", hints(&app));
    assert!(
        message(&app).contains("another stridelog"),
        "{}",
        message(&app)
    );
    assert_eq!(store.saves(), 0);
    assert_eq!(stored(&app, today()), full_day());
    // Still browsable.
    press(&mut app, KeyCode::Left);
    assert_eq!(app.log.selected(), date("2026-11-21"));
}

fn broken_store() -> Shared {
    let mut memory = MemoryStore::with_days(vec![DayEntry::new(date("2026-11-21"))]);
    memory.files.insert(
        today(),
        "(\n    version: 1,\n    date: \"2026-11-22\",\n    worst_pain: Some(11),\n)\n".into(),
    );
    Shared::with(memory)
}

#[test]
fn a_day_that_failed_to_load_shows_its_error_and_stays_read_only() {
    let store = broken_store();
    let mut app = app_on(store.clone());
    assert!(app.ctx.journal().problem_for(today()).is_some());
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("could not be read"), "{shown}");
    assert!(shown.contains("worst_pain"), "{shown}");
    press(&mut app, KeyCode::Enter);
    assert!(browsing(&app), "no editor opens on it: {}", hints(&app));
    press(&mut app, KeyCode::Char('a'));
    assert!(browsing(&app), "{}", hints(&app));
    assert!(message(&app).contains("read-only"), "{}", message(&app));
    assert_eq!(store.saves(), 0);
    // The day before is fine.
    press(&mut app, KeyCode::Char('h'));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('3'));
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        store.day(date("2026-11-21")).unwrap().morning_pain,
        score(3)
    );
}

// ---------------------------------------------------------------- days and go-to

#[test]
fn moving_between_days_and_going_to_a_typed_date() {
    let (mut app, _) = app_with(vec![]);
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Char('h'));
    assert_eq!(app.log.selected(), date("2026-11-20"));
    press(&mut app, KeyCode::Char('l'));
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Right);
    assert_eq!(
        app.log.selected(),
        date("2026-11-23"),
        "future days can be viewed"
    );
    press(&mut app, KeyCode::Char('t'));
    assert_eq!(app.log.selected(), today());
    press(&mut app, KeyCode::PageUp);
    assert_eq!(app.log.selected(), date("2026-11-15"));

    press(&mut app, KeyCode::Char('g'));
    typed(&mut app, "3 days ago");
    // The resolved date is shown before it is used.
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("Thursday 19 November 2026"), "{shown}");
    assert_eq!(app.log.selected(), date("2026-11-15"));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.log.selected(), date("2026-11-19"));

    press(&mut app, KeyCode::Char('g'));
    typed(&mut app, "someday");
    press(&mut app, KeyCode::Enter);
    assert!(asking_for_a_date(&app), "stays open: {}", hints(&app));
    assert!(message(&app).contains("last monday"));
    for _ in 0.."someday".len() {
        press(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, "last monday");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.log.selected(), date("2026-11-16"));
    press(&mut app, KeyCode::Char('g'));
    typed(&mut app, "2026-02-03");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.log.selected(), date("2026-11-16"), "Esc goes nowhere");
}

#[test]
fn tab_and_digits_switch_tabs_only_when_not_typing() {
    let (mut app, store) = app_with(vec![]);
    // On the first screen, with a number field selected, a digit switches tabs and changes
    // nothing in the journal.
    assert_eq!(app.log.field(), Some(Field::Day(DayField::MorningPain)));
    press(&mut app, KeyCode::Char('4'));
    assert_eq!(app.tab, Tab::Trends);
    press(&mut app, KeyCode::Tab);
    assert_eq!(store.saves(), 0, "switching tabs saved nothing");
    assert!(store.day(today()).is_none());
    press(&mut app, KeyCode::Char('1'));
    go_to_field(&mut app, DayField::Locations);
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(app.tab, Tab::Triage);
    press(&mut app, KeyCode::Char('1'));
    assert_eq!(app.tab, Tab::Log);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.tab, Tab::Triage);
    press(&mut app, KeyCode::BackTab);
    go_to_field(&mut app, DayField::MorningPain);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(app.tab, Tab::Log, "a digit in an open field is text");
    press(&mut app, KeyCode::Tab);
    assert_eq!(
        app.tab,
        Tab::Log,
        "Tab while typing moves to the next field"
    );
    press(&mut app, KeyCode::Char('q'));
    assert!(app.running, "q while typing is a letter");
    ctrl(&mut app, 'c');
    assert_eq!(
        app.overlay,
        Overlay::ConfirmQuit,
        "an open edit asks before quitting"
    );
    press(&mut app, KeyCode::Char('n'));
    assert!(app.running);
    // With nothing typed, Ctrl-C just quits.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Enter);
    assert!(app.log.captures_input());
    ctrl(&mut app, 'c');
    assert!(!app.running, "nothing to lose: no question");
}

#[test]
fn routines_and_triage_are_shown_read_only() {
    let (app, _) = app_with(vec![full_day()]);
    let shown = screen(&app, 120, 40);
    assert!(shown.contains("runner-strength"), "{shown}");
    assert!(shown.contains("11/11 steps"), "{shown}");
    assert!(shown.contains("slump test: positive"), "{shown}");
    assert!(shown.contains("radicular"), "{shown}");
}

// ---------------------------------------------------------------- the real disk

#[test]
fn a_committed_edit_reaches_the_disk_and_a_refused_one_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on(FsStore::open(dir.path()).unwrap());
    let path = dir.path().join(day_path(today()));
    // Refused: no file is created.
    go_to_field(&mut app, DayField::WorstPain);
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "11");
    press(&mut app, KeyCode::Enter);
    assert!(edit_error(&app).is_some());
    assert!(!path.exists(), "a refused value reached the disk");
    // Accepted: the file holds it.
    ctrl(&mut app, 'u');
    typed(&mut app, "6");
    press(&mut app, KeyCode::Enter);
    let text = std::fs::read_to_string(&path).unwrap();
    let day = entry::parse_day(&text, Some(today())).unwrap();
    assert_eq!(day.worst_pain, score(6));
    // A later refused value leaves the file as it was.
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "-1");
    press(&mut app, KeyCode::Enter);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    // A file changed by another program is not overwritten; the typed value stays.
    press(&mut app, KeyCode::Esc);
    let elsewhere = text.replace("notes: \"\"", "notes: \"written elsewhere\"");
    assert_ne!(elsewhere, text);
    std::fs::write(&path, &elsewhere).unwrap();
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "9");
    press(&mut app, KeyCode::Enter);
    let error = edit_error(&app).unwrap();
    assert!(error.contains("changed by another program"), "{error}");
    assert_eq!(editor_text(&app).as_deref(), Some("9"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), elsewhere);
    // The question names the same choices as the message under it; Ctrl-R (redo) is not
    // read as "r".
    assert!(app.ctx.session.conflict().is_some());
    let asked = screen(&app, 80, 24);
    assert!(asked.contains("k   keep both"), "{asked}");
    assert!(asked.contains("r   reload theirs"), "{asked}");
    ctrl(&mut app, 'r');
    assert!(
        app.ctx.session.conflict().is_some(),
        "Ctrl-R answered the question"
    );
    // r: reload theirs; the form shows the file as it is now, the typed 9 is dropped.
    press(&mut app, KeyCode::Char('r'));
    assert!(app.ctx.session.conflict().is_none());
    assert!(browsing(&app), "{}", hints(&app));
    assert!(
        message(&app).contains("reloaded from disk"),
        "{}",
        message(&app)
    );
    assert_eq!(stored(&app, today()).notes, "written elsewhere");
    press(&mut app, KeyCode::Char('2'));
    assert!(
        !screen(&app, 80, 24).contains("reloaded from disk"),
        "the notice is not left on every tab"
    );
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "9");
    press(&mut app, KeyCode::Enter);
    let day = entry::parse_day(&std::fs::read_to_string(&path).unwrap(), None).unwrap();
    assert_eq!(day.worst_pain, score(9));
    assert_eq!(
        day.notes, "written elsewhere",
        "the other program's change is kept"
    );
}

// ---------------------------------------------------------------- snapshots

fn snap(app: &App, name: &str) {
    insta::assert_snapshot!(format!("{name}_80x24"), screen(app, 80, 24));
    insta::assert_snapshot!(format!("{name}_120x40"), screen(app, 120, 40));
}

#[test]
fn snapshot_empty_day() {
    let (app, _) = app_with(vec![]);
    snap(&app, "log_empty_day");
}

#[test]
fn snapshot_full_day_with_two_runs() {
    let mut earlier = DayEntry::new(date("2026-11-19"));
    earlier.worst_pain = score(6);
    earlier.runs.push(Run {
        distance_km: 8.0,
        ..Run::default()
    });
    let mut older = DayEntry::new(date("2026-11-17"));
    older.worst_pain = score(3);
    let (app, _) = app_with(vec![full_day(), earlier, older]);
    snap(&app, "log_full_day");
}

#[test]
fn snapshot_editing_a_field() {
    let (mut app, _) = app_with(vec![full_day()]);
    go_to_field(&mut app, DayField::Locations);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Right);
    snap(&app, "log_editing_locations");
}

#[test]
fn snapshot_inline_error() {
    let (mut app, _) = app_with(vec![full_day()]);
    go_to_field(&mut app, DayField::WorstPain);
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "11");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.log.message().map(|(t, _)| t),
        None,
        "the error is inline, not a message"
    );
    snap(&app, "log_inline_error");
}

#[test]
fn snapshot_read_only_day_with_a_load_error() {
    let app = app_on(broken_store());
    snap(&app, "log_load_error");
}

#[test]
fn deleting_a_run_asks_in_the_question_dialog() {
    let (mut app, store) = app_with(vec![full_day()]);
    for _ in 0..=DayField::ALL.len() {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Char('d'));
    assert!(
        screen(&app, 120, 40).contains("Delete run 2?"),
        "{}",
        hints(&app)
    );
    snap(&app, "log_confirm_delete_run");
    // n keeps it: nothing saved.
    press(&mut app, KeyCode::Char('n'));
    assert!(browsing(&app), "{}", hints(&app));
    assert!(message(&app).contains("Kept the run"), "{}", message(&app));
    assert_eq!(store.saves(), 0);
    assert_eq!(stored(&app, today()).runs.len(), 2);
    // Esc is a no too.
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Esc);
    assert_eq!(store.saves(), 0);
    // y deletes it and saves at once; u puts it back.
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('y'));
    assert!(browsing(&app), "{}", hints(&app));
    assert_eq!(store.day(today()).unwrap().runs.len(), 1);
    assert!(!screen(&app, 80, 24).contains("Delete run"));
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(store.day(today()).unwrap().runs, full_day().runs);
}

#[test]
fn dropping_changed_notes_asks_in_the_question_dialog() {
    let (mut app, store) = app_with(vec![full_day()]);
    go_to_field(&mut app, DayField::Notes);
    press(&mut app, KeyCode::Enter);
    typed(&mut app, " Better.");
    press(&mut app, KeyCode::Esc);
    assert!(asking_to_drop(&app), "{}", hints(&app));
    snap(&app, "log_confirm_drop_notes");
    // n (or Esc) goes on editing with the text kept.
    press(&mut app, KeyCode::Char('n'));
    assert!(editor_text(&app).unwrap().ends_with("heat. Better."));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    assert!(editing(&app), "{}", hints(&app));
    // Ctrl-S on the question saves.
    press(&mut app, KeyCode::Esc);
    ctrl(&mut app, 's');
    assert!(browsing(&app), "{}", hints(&app));
    assert!(store.day(today()).unwrap().notes.ends_with("heat. Better."));
}

#[test]
fn a_future_day_asks_in_the_question_dialog() {
    let (mut app, store) = app_with(vec![]);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Enter);
    assert!(asking_about_the_future(&app), "{}", hints(&app));
    snap(&app, "log_confirm_future_day");
    press(&mut app, KeyCode::Esc);
    assert!(browsing(&app), "{}", hints(&app));
    assert_eq!(store.saves(), 0);
}

/// The app reads every typed value of the shared table as the shell and the core do.
#[test]
fn the_shared_value_table_holds_for_the_app() {
    use crate::support::values_table::{Expect, Kind, TABLE, same};
    for (kind, typed_text, expect) in TABLE {
        let mut with_run = DayEntry::new(today());
        with_run.runs.push(Run {
            distance_km: 5.0,
            ..Run::default()
        });
        let (mut app, store) = app_with(vec![with_run]);
        match kind {
            Kind::Score => go_to_field(&mut app, DayField::WorstPain),
            Kind::Hours => go_to_field(&mut app, DayField::SleepHours),
            Kind::Distance | Kind::Duration => {
                press(&mut app, KeyCode::Char('a'));
                if *kind == Kind::Duration {
                    // Tab saves the distance and opens the run's time.
                    typed(&mut app, "5");
                    press(&mut app, KeyCode::Tab);
                    assert_eq!(app.log.field(), Some(Field::Run(RunField::Duration)));
                }
            }
        }
        if matches!(kind, Kind::Score | Kind::Hours) {
            press(&mut app, KeyCode::Enter);
        }
        ctrl(&mut app, 'u');
        typed(&mut app, typed_text);
        press(&mut app, KeyCode::Enter);
        let day = store.day(today()).unwrap_or_else(|| DayEntry::new(today()));
        let got = match kind {
            Kind::Score => day.worst_pain.map(|s| f64::from(s.get())),
            Kind::Hours => day.sleep_hours,
            Kind::Distance => day.runs.get(1).map(|r| r.distance_km),
            Kind::Duration => day.runs.get(1).and_then(|r| r.duration_s).map(f64::from),
        };
        match expect {
            Expect::Stored(want) => assert!(
                got.is_some_and(|g| same(g, *want)),
                "{kind:?} {typed_text:?}: stored {got:?}, error {:?}",
                edit_error(&app)
            ),
            Expect::Refused => {
                assert_eq!(got, None, "{kind:?} {typed_text:?} was stored");
                assert!(
                    edit_error(&app).is_some(),
                    "{kind:?} {typed_text:?}: no message"
                );
            }
        }
    }
}

#[test]
fn ctrl_r_redoes_what_u_undid_and_a_new_change_ends_the_redo() {
    let (mut app, store) = app_with(vec![]);
    go_to_field(&mut app, DayField::WorstPain);
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "6");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(store.day(today()).map(|d| d.worst_pain), Some(None));
    ctrl(&mut app, 'r');
    assert_eq!(
        store.day(today()).unwrap().worst_pain,
        score(6),
        "redone and saved"
    );
    assert!(message(&app).contains("Redone"), "{}", message(&app));
    press(&mut app, KeyCode::Char('u'));
    go_to_field(&mut app, DayField::Stress);
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "3");
    press(&mut app, KeyCode::Enter);
    ctrl(&mut app, 'r');
    assert!(
        message(&app).contains("Nothing to redo"),
        "{}",
        message(&app)
    );
    assert_eq!(store.day(today()).unwrap().worst_pain, None);
}

#[test]
fn a_day_in_the_future_asks_before_anything_is_written_to_it() {
    let (mut app, store) = app_with(vec![]);
    press(&mut app, KeyCode::Right); // tomorrow
    let tomorrow = today().succ_opt().unwrap();
    assert_eq!(app.log.selected(), tomorrow);
    press(&mut app, KeyCode::Enter);
    assert!(asking_about_the_future(&app), "{}", hints(&app));
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("is in the future"), "{shown}");
    press(&mut app, KeyCode::Char('n'));
    assert!(browsing(&app), "{}", hints(&app));
    press(&mut app, KeyCode::Char('a'));
    assert!(
        asking_about_the_future(&app),
        "asked again: {}",
        hints(&app)
    );
    press(&mut app, KeyCode::Char('y'));
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "3");
    press(&mut app, KeyCode::Enter);
    assert_eq!(store.day(tomorrow).unwrap().morning_pain, score(3));
    assert!(store.day(today()).is_none());
}

#[test]
fn a_refused_go_to_date_is_said_once() {
    let (mut app, _) = app_with(vec![full_day()]);
    press(&mut app, KeyCode::Char('g'));
    typed(&mut app, "zzz");
    press(&mut app, KeyCode::Enter);
    assert!(message(&app).contains("not a date"), "{}", message(&app));
    let shown = screen(&app, 100, 30);
    assert_eq!(shown.matches("\"zzz\" is not a date").count(), 1, "{shown}");
}
