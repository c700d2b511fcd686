//! Bad input through the keyboard, and a disk that refuses to write.
//!
//! Every typed field of the Log tab gets hostile values (huge numbers, `-0`, `1e9`, `NaN`,
//! control characters, ten thousand characters, every script) through `App::press`: nothing
//! panics, a refused value says what is accepted and never reaches the store, and valid exotic
//! text is saved and read back byte for byte. Drawing such content at any size never panics and
//! never sends a control character to the terminal. A read-only data dir, a folder that cannot
//! be created and a full disk keep the typed value on screen with the reason, and the same key
//! saves it once the fault is gone.

use crate::support::date;
use crate::support::log_form::{
    asking_about_the_future, asking_for_a_date, browsing, ctrl, edit_error, editor_text,
    go_to_field, go_to_run_field, hints, message, press,
};
use chrono::NaiveDate;
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::fs;
use std::path::Path;
use stridelog::journal::entry::{self, Run};
use stridelog::journal::memory::MemoryStore;
use stridelog::journal::store::{FsStore, Scope, Store, day_path};
use stridelog::journal::{DayEntry, Score};
use stridelog::session::SaveState;
use stridelog::tui::app::App;
use stridelog::tui::tabs::log::form::{DayField, Field, Kind, RunField};
use stridelog::tui::tabs::log::{Item, Page};
use stridelog::tui::testing::{self, draw};

// ---------------------------------------------------------------- helpers

fn today() -> NaiveDate {
    date("2026-11-22")
}

use stridelog::journal::memory::SharedStore as Shared;

fn app_with(days: Vec<DayEntry>) -> (App, Shared) {
    let shared = Shared::with(MemoryStore::with_days(days));
    (testing::app(Box::new(shared.clone()), today()), shared)
}

/// Types `text` key by key; a newline is the Enter key.
fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        if c == '\n' {
            press(app, KeyCode::Enter);
        } else {
            press(app, KeyCode::Char(c));
        }
    }
}

/// Opens run `index` of the selected day.
fn open_run(app: &mut App, index: usize) {
    go_to_field(app, DayField::MorningPain);
    for _ in 0..DayField::ALL.len() + index {
        press(app, KeyCode::Down);
    }
    assert_eq!(app.log.day_cursor(), Item::Run(index));
    press(app, KeyCode::Enter);
    assert_eq!(app.log.page(), &Page::Run(index));
}

fn screen(app: &App, width: u16, height: u16) -> String {
    testing::text(&checked_draw(app, width, height))
}

/// Sizes from a normal terminal down to a single cell.
const SIZES: &[(u16, u16)] = &[
    (80, 24),
    (120, 40),
    (60, 18),
    (61, 19),
    (200, 18),
    (60, 100),
    (20, 5),
    (1, 1),
    (0, 0),
];

/// Draws at `width` x `height` and checks no cell holds a control character: whatever a
/// file or a key put in a note, the terminal never receives an escape sequence from it.
fn checked_draw(app: &App, width: u16, height: u16) -> Buffer {
    let buf = draw(app, width, height);
    for (i, cell) in buf.content.iter().enumerate() {
        assert!(
            !cell.symbol().contains(char::is_control),
            "control character {:?} drawn at cell {i} ({width}x{height})",
            cell.symbol()
        );
    }
    buf
}

/// The words of the form (right of the day list), with the line breaks of wrapping taken out.
fn flat(shown: &str) -> String {
    shown
        .lines()
        .filter_map(|line| line.split_once("││").map(|(_, form)| form))
        .flat_map(|form| form.split(|c: char| c.is_whitespace() || c == '│'))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn draw_everywhere(app: &App) {
    for (w, h) in SIZES {
        checked_draw(app, *w, *h);
    }
}

fn score(n: u8) -> Option<Score> {
    Score::new(n)
}

/// A day with something in every typed field, so a refused value has something to keep.
fn day_with_a_run() -> DayEntry {
    let mut day = DayEntry::new(today());
    day.morning_pain = score(2);
    day.worst_pain = score(4);
    day.stress = score(3);
    day.sleep_hours = Some(7.0 + 20.0 / 60.0);
    day.sitting_hours = Some(8.0);
    day.heat_minutes = Some(10);
    day.ice_minutes = Some(5);
    day.notes = "Calf tingling after 4 km.".into();
    day.runs.push(Run {
        distance_km: 6.456,
        duration_s: Some(2280),
        pain_before: score(2),
        pain_during: score(3),
        pain_after: score(4),
        shoes: Some("Pegasus 40".into()),
        notes: "Hills".into(),
        ..Run::default()
    });
    day
}

// ---------------------------------------------------------------- hostile numbers

/// Values no number field accepts.
fn hostile_numbers() -> Vec<String> {
    let mut all: Vec<String> = [
        "99999999999999999999",
        "18446744073709551616",
        "340282366920938463463374607431768211456",
        "-0",
        "-1",
        "-0.0",
        "1e9",
        "1E9",
        "5e-1",
        "NaN",
        "nan",
        "inf",
        "-inf",
        "Infinity",
        "0x10",
        "+5",
        "5 5",
        "1/2",
        "½",
        "⁵",
        "٣",
        "５",
        "5\u{0}",
        "\u{7}",
        "\u{1b}[2J",
        "1\u{200b}",
        "\u{202e}3",
        "5️⃣",
        "12345678901234567890.5",
        "1..5",
        "..",
        "🏃",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    all.push("9".repeat(10_000));
    all.push("1".repeat(400) + "." + &"5".repeat(400));
    all
}

/// Types `bad` into the open field, presses Enter, checks it was refused with a message saying
/// what is accepted, that nothing was saved and the typed text is still there; then clears
/// the editor for the next try.
fn assert_refused(app: &mut App, store: &Shared, before: &str, bad: &str, accepted: &str) {
    typed(app, bad);
    press(app, KeyCode::Enter);
    let error = edit_error(app).unwrap_or_else(|| {
        panic!(
            "{:?} accepted {bad:?}; hints {}",
            app.log.field(),
            hints(app)
        )
    });
    assert!(
        error.contains(accepted),
        "{:?} {bad:?}: {error}",
        app.log.field()
    );
    assert!(
        error.chars().count() < 200,
        "the message quotes too much: {error}"
    );
    assert_eq!(
        editor_text(app).as_deref(),
        Some(bad),
        "the typed value stays"
    );
    assert_eq!(store.saves(), 0, "{bad:?} was saved");
    assert_eq!(store.text(today()).as_deref(), Some(before), "{bad:?}");
    // The reason is on screen, with what is accepted, whatever was typed.
    let shown = screen(app, 80, 24);
    let flat = flat(&shown);
    assert!(flat.contains("is not accepted"), "{bad:?}\n{shown}");
    assert!(flat.contains(accepted), "{bad:?}: not on screen\n{shown}");
    if bad.len() > 30 {
        // Drawing costs a few milliseconds in debug: every size for the longest values only.
        draw_everywhere(app);
    }
    // Tab does not move past it either.
    let field = app.log.field();
    press(app, KeyCode::Tab);
    assert_eq!(app.log.field(), field);
    assert_eq!(store.saves(), 0);
    ctrl(app, 'u');
}

/// What each number field's message says is accepted.
fn accepted(field: Field) -> &'static str {
    match field {
        Field::Day(DayField::MorningPain | DayField::WorstPain | DayField::Stress)
        | Field::Run(RunField::PainBefore | RunField::PainDuring | RunField::PainAfter) => {
            "a whole number from 0 to 10"
        }
        Field::Day(DayField::SleepHours | DayField::SittingHours) => "hours from 0 to 24",
        Field::Day(DayField::HeatMinutes | DayField::IceMinutes) => "whole minutes from 0 to 1440",
        Field::Run(RunField::Distance) => "more than 0 and at most 300",
        Field::Run(RunField::Duration) => "mm:ss",
        other => panic!("{other:?} is not a number field"),
    }
}

#[test]
fn every_number_field_of_the_day_refuses_hostile_numbers_and_saves_nothing() {
    let day = day_with_a_run();
    let before = entry::format_day(&day);
    for field in DayField::ALL {
        if !field.kind().is_number() {
            continue;
        }
        let (mut app, store) = app_with(vec![day.clone()]);
        go_to_field(&mut app, field);
        press(&mut app, KeyCode::Enter);
        ctrl(&mut app, 'u');
        for bad in hostile_numbers() {
            assert_refused(&mut app, &store, &before, &bad, accepted(Field::Day(field)));
        }
        press(&mut app, KeyCode::Esc);
        assert!(browsing(&app), "{}", hints(&app));
        assert_eq!(app.ctx.day_or_new(today()), day, "{field:?}");
        assert_eq!(store.saves(), 0);
    }
}

#[test]
fn every_number_field_of_a_run_refuses_hostile_numbers_and_saves_nothing() {
    let day = day_with_a_run();
    let before = entry::format_day(&day);
    for field in RunField::ALL {
        if !field.kind().is_number() {
            continue;
        }
        let (mut app, store) = app_with(vec![day.clone()]);
        open_run(&mut app, 0);
        go_to_run_field(&mut app, field);
        press(&mut app, KeyCode::Enter);
        ctrl(&mut app, 'u');
        for bad in hostile_numbers() {
            assert_refused(&mut app, &store, &before, &bad, accepted(Field::Run(field)));
        }
        press(&mut app, KeyCode::Esc);
        assert_eq!(app.ctx.day_or_new(today()), day, "{field:?}");
    }
}

#[test]
fn a_new_run_with_a_hostile_distance_is_never_added() {
    let (mut app, store) = app_with(vec![]);
    press(&mut app, KeyCode::Char('a'));
    assert!(matches!(app.log.page(), Page::NewRun(_)));
    for bad in hostile_numbers()
        .iter()
        .chain(&["0".to_owned(), "0.0".to_owned()])
    {
        typed(&mut app, bad);
        press(&mut app, KeyCode::Enter);
        let error = edit_error(&app).unwrap_or_else(|| panic!("{bad:?} accepted"));
        assert!(error.contains("at most 300"), "{bad:?}: {error}");
        assert!(matches!(app.log.page(), Page::NewRun(_)));
        assert!(store.text(today()).is_none(), "{bad:?} saved a run");
        ctrl(&mut app, 'u');
    }
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.log.page(), &Page::Day);
    assert_eq!(store.saves(), 0);
}

#[test]
fn numbers_at_the_edges_are_kept_exactly() {
    let (mut app, store) = app_with(vec![]);
    for (field, text, check) in [
        (
            DayField::WorstPain,
            "0010",
            &(|d: &DayEntry| d.worst_pain == score(10)) as &dyn Fn(&DayEntry) -> bool,
        ),
        (DayField::MorningPain, "0", &|d| d.morning_pain == score(0)),
        (DayField::SleepHours, "24", &|d| d.sleep_hours == Some(24.0)),
        (DayField::SittingHours, "0:01", &|d| {
            d.sitting_hours == Some(1.0 / 60.0)
        }),
        (DayField::HeatMinutes, "1440", &|d| {
            d.heat_minutes == Some(1440)
        }),
        (DayField::IceMinutes, "0", &|d| d.ice_minutes == Some(0)),
    ] {
        go_to_field(&mut app, field);
        press(&mut app, KeyCode::Enter);
        ctrl(&mut app, 'u');
        typed(&mut app, text);
        press(&mut app, KeyCode::Enter);
        assert_eq!(edit_error(&app), None, "{field:?} {text}");
        let day = store.day(today()).unwrap();
        assert!(check(&day), "{field:?} {text}: {day:?}");
    }
}

/// Opening a number field and pressing Enter (or Tab through the form) must not round what
/// was stored to the two decimals the editor shows.
#[test]
fn passing_through_a_field_never_rounds_the_stored_value() {
    let day = day_with_a_run();
    let (mut app, store) = app_with(vec![day.clone()]);
    go_to_field(&mut app, DayField::MorningPain);
    press(&mut app, KeyCode::Enter);
    // Tab through every field of the day, then through the run.
    for _ in 0..DayField::ALL.len() {
        press(&mut app, KeyCode::Tab);
    }
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    assert!(browsing(&app), "{}", hints(&app));
    open_run(&mut app, 0);
    press(&mut app, KeyCode::Enter);
    for _ in 0..RunField::ALL.len() {
        press(&mut app, KeyCode::Tab);
    }
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.ctx.day_or_new(today()), day);
    assert!(
        store.day(today()).is_none_or(|d| d == day),
        "a pass through the form changed the file"
    );
    assert_eq!(store.saves(), 0, "nothing changed, nothing to save");
    // Typing the shown value again keeps the stored one too; a new value replaces it.
    go_to_field(&mut app, DayField::SleepHours);
    press(&mut app, KeyCode::Enter);
    assert_eq!(editor_text(&app).as_deref(), Some("7.33"));
    press(&mut app, KeyCode::Backspace);
    typed(&mut app, "3");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.ctx.day_or_new(today()).sleep_hours, day.sleep_hours);
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "7.34");
    press(&mut app, KeyCode::Enter);
    assert_eq!(store.day(today()).unwrap().sleep_hours, Some(7.34));
}

// ---------------------------------------------------------------- exotic text

/// Text a runner may well type: every script, emoji sequences, combining marks, direction
/// marks. Each must be saved and read back byte for byte.
const EXOTIC: &[&str] = &[
    "Calf 🔥 after 4 km 🏃‍♀️ — felt 😖 then 👍",
    "👨‍👩‍👧‍👦 🇳🇱 🏳️‍🌈 ❤️‍🔥 1️⃣ 🏃🏿‍♂️",
    "ألم في الساق اليسرى بعد الجري",
    "כאב בגב התחתון, 5 ק\"מ",
    "e\u{301}te\u{301} cafe\u{301} n\u{303} a\u{20dd} Z\u{335}\u{31b}\u{327}",
    "中文笔记：小腿刺痛。日本語のメモ。한국어 메모",
    "\u{202e}desrever\u{202c} \u{200f}mark\u{200e} \u{2066}iso\u{2069}",
    "Ünïcödé «quotes» „low“ ‘single’ ‹›",
    "\"quotes\" \\backslash\\ r#\"raw\"# /* c */ // d",
    "tab\tinside",
];

#[test]
fn exotic_day_notes_are_saved_and_read_back_byte_identical() {
    for text in EXOTIC {
        let (mut app, store) = app_with(vec![]);
        go_to_field(&mut app, DayField::Notes);
        press(&mut app, KeyCode::Enter);
        let with_lines = format!("{text}\n{text}");
        typed(&mut app, &with_lines);
        draw_everywhere(&app);
        ctrl(&mut app, 's');
        assert!(browsing(&app), "{text:?}: {}", hints(&app));
        assert_eq!(store.day(today()).unwrap().notes, with_lines);
        assert_eq!(app.ctx.day_or_new(today()).notes, with_lines);
        draw_everywhere(&app);
        // Opened again, the editor holds exactly the same text.
        press(&mut app, KeyCode::Enter);
        assert_eq!(editor_text(&app).as_deref(), Some(with_lines.as_str()));
        press(&mut app, KeyCode::Esc);
    }
}

#[test]
fn exotic_shoes_and_run_notes_are_saved_and_read_back_byte_identical() {
    for text in EXOTIC {
        let (mut app, store) = app_with(vec![day_with_a_run()]);
        open_run(&mut app, 0);
        go_to_run_field(&mut app, RunField::Shoes);
        press(&mut app, KeyCode::Enter);
        ctrl(&mut app, 'u');
        typed(&mut app, text);
        draw_everywhere(&app);
        press(&mut app, KeyCode::Tab);
        assert_eq!(edit_error(&app), None);
        assert_eq!(
            store.day(today()).unwrap().runs[0].shoes.as_deref(),
            Some(*text)
        );
        assert_eq!(app.log.field(), Some(Field::Run(RunField::Notes)));
        ctrl(&mut app, 'u');
        typed(&mut app, text);
        ctrl(&mut app, 's');
        assert_eq!(store.day(today()).unwrap().runs[0].notes, *text);
        draw_everywhere(&app);
        // The shoe is offered again on another day, spelled the same.
        press(&mut app, KeyCode::Esc);
        press(&mut app, KeyCode::Left);
        press(&mut app, KeyCode::Char('a'));
        typed(&mut app, "5");
        press(&mut app, KeyCode::Tab);
        go_to_run_field(&mut app, RunField::Shoes);
        press(&mut app, KeyCode::Enter);
        press(&mut app, KeyCode::Down);
        assert_eq!(editor_text(&app).as_deref(), Some(*text));
        press(&mut app, KeyCode::Enter);
        assert_eq!(
            store.day(date("2026-11-21")).unwrap().runs[0]
                .shoes
                .as_deref(),
            Some(*text)
        );
    }
}

#[test]
fn exotic_text_reaches_the_disk_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = testing::app(Box::new(FsStore::open(dir.path()).unwrap()), today());
    let notes = EXOTIC.join("\n");
    go_to_field(&mut app, DayField::Notes);
    press(&mut app, KeyCode::Enter);
    typed(&mut app, &notes);
    ctrl(&mut app, 's');
    assert!(browsing(&app), "{}", hints(&app));
    let text = fs::read_to_string(dir.path().join(day_path(today()))).unwrap();
    assert_eq!(entry::parse_day(&text, Some(today())).unwrap().notes, notes);
    let journal = FsStore::open_read_only(dir.path())
        .load(Scope::All)
        .unwrap();
    assert_eq!(journal.day(today()).unwrap().notes, notes);
}

/// Control characters cannot come from a real keyboard (the terminal turns them into keys),
/// but a hand-edited file holds them. Typed here, they are kept as typed (the file format
/// escapes them) and never drawn.
#[test]
fn control_characters_in_text_are_kept_and_never_drawn() {
    let nasty = "a\u{0}b\u{7}c\u{8}d\u{1b}[2J\u{1b}]0;pwned\u{7}e\u{7f}f\u{9b}31mg\rh";
    let (mut app, store) = app_with(vec![day_with_a_run()]);
    go_to_field(&mut app, DayField::Notes);
    press(&mut app, KeyCode::Enter);
    ctrl(&mut app, 'u');
    typed(&mut app, nasty);
    draw_everywhere(&app);
    ctrl(&mut app, 's');
    assert_eq!(store.day(today()).unwrap().notes, nasty);
    draw_everywhere(&app);
    open_run(&mut app, 0);
    go_to_run_field(&mut app, RunField::Shoes);
    press(&mut app, KeyCode::Enter);
    ctrl(&mut app, 'u');
    typed(&mut app, nasty);
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        store.day(today()).unwrap().runs[0].shoes.as_deref(),
        Some(nasty)
    );
    draw_everywhere(&app);
    // Every tab shows the day (trends list the shoes) without drawing a control character.
    press(&mut app, KeyCode::Esc);
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
        draw_everywhere(&app);
    }
}

#[test]
fn ten_thousand_characters_in_notes_and_shoes_are_saved_whole() {
    let long_line: String = "sciatica🏃".chars().cycle().take(10_000).collect();
    let long_words = "word ".repeat(2_000).trim_end().to_owned();
    let (mut app, store) = app_with(vec![day_with_a_run()]);
    go_to_field(&mut app, DayField::Notes);
    press(&mut app, KeyCode::Enter);
    ctrl(&mut app, 'u');
    typed(&mut app, &long_line);
    draw_everywhere(&app);
    // The cursor in the middle of a long line, then at the start.
    for _ in 0..5_000 {
        press(&mut app, KeyCode::Left);
    }
    draw_everywhere(&app);
    press(&mut app, KeyCode::Home);
    draw_everywhere(&app);
    ctrl(&mut app, 's');
    assert_eq!(store.day(today()).unwrap().notes, long_line);
    let shown = message(&app);
    assert!(shown.chars().count() < 120, "{shown}");
    draw_everywhere(&app);

    open_run(&mut app, 0);
    go_to_run_field(&mut app, RunField::Shoes);
    press(&mut app, KeyCode::Enter);
    ctrl(&mut app, 'u');
    typed(&mut app, &long_line);
    draw_everywhere(&app);
    press(&mut app, KeyCode::Home);
    draw_everywhere(&app);
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        store.day(today()).unwrap().runs[0].shoes.as_deref(),
        Some(long_line.as_str())
    );
    go_to_run_field(&mut app, RunField::Notes);
    press(&mut app, KeyCode::Enter);
    ctrl(&mut app, 'u');
    typed(&mut app, &long_words);
    draw_everywhere(&app);
    ctrl(&mut app, 's');
    assert_eq!(store.day(today()).unwrap().runs[0].notes, long_words);
    draw_everywhere(&app);
    press(&mut app, KeyCode::Esc);
    draw_everywhere(&app);
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
        draw_everywhere(&app);
    }
}

// ---------------------------------------------------------------- go to a date

#[test]
fn go_to_refuses_dates_the_journal_cannot_hold_and_junk_never_panics() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = testing::app(Box::new(FsStore::open(dir.path()).unwrap()), today());
    let junk = "x".repeat(10_000);
    for target in [
        "+10000-01-01",
        "-0001-06-01",
        "+262143-12-31",
        "-262144-01-01",
        "-262143-03-01",
        "99999999999999999999 days ago",
        "18446744073709551615 weeks ago",
        "-99999999999999999999",
        "-36601",
        "2026-02-30",
        "2026-13-01",
        "\u{1b}[2J",
        "🏃 days ago",
        junk.as_str(),
    ] {
        press(&mut app, KeyCode::Char('t'));
        press(&mut app, KeyCode::Char('g'));
        typed(&mut app, target);
        draw_everywhere(&app);
        press(&mut app, KeyCode::Enter);
        assert!(
            asking_for_a_date(&app),
            "{target:?} went to {}",
            app.log.selected()
        );
        let said = message(&app);
        assert!(said.contains("2026-11-20"), "{target:?}: {said}");
        assert!(said.chars().count() < 200, "{said}");
        let shown = screen(&app, 80, 24);
        assert!(
            flat(&shown).contains("try 2026-11-20"),
            "{target:?}: the examples are on screen\n{shown}"
        );
        press(&mut app, KeyCode::Esc);
        assert_eq!(app.log.selected(), today());
    }
    // The last and first days the journal holds can be reached and written, and read back.
    for (target, step) in [
        ("9999-12-31", KeyCode::Right),
        ("0000-01-01", KeyCode::Left),
    ] {
        press(&mut app, KeyCode::Char('g'));
        typed(&mut app, target);
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.log.selected(), date(target));
        press(&mut app, step);
        assert_eq!(app.log.selected(), date(target), "moved past {target}");
        assert!(message(&app).contains("0000 to 9999"), "{}", message(&app));
        draw_everywhere(&app);
        press(&mut app, KeyCode::Enter);
        if asking_about_the_future(&app) {
            // 9999-12-31 is after today: it asks first.
            press(&mut app, KeyCode::Char('y'));
            press(&mut app, KeyCode::Enter);
        }
        press(&mut app, KeyCode::Char('7'));
        press(&mut app, KeyCode::Enter);
        assert_eq!(edit_error(&app), None);
    }
    let journal = FsStore::open_read_only(dir.path())
        .load(Scope::All)
        .unwrap();
    assert!(journal.stray_files.is_empty(), "{:?}", journal.stray_files);
    let dates: Vec<NaiveDate> = journal.days.keys().copied().collect();
    assert_eq!(dates, vec![date("0000-01-01"), date("9999-12-31")]);
}

#[test]
fn the_store_refuses_a_day_it_could_not_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = FsStore::open(dir.path()).unwrap();
    store.load(Scope::All).unwrap();
    for far in ["+10000-01-01", "-0001-12-31"] {
        let day = DayEntry::new(NaiveDate::parse_from_str(far, "%Y-%m-%d").unwrap());
        let error = store.save(&day).unwrap_err().to_string();
        assert!(error.contains("0000 to 9999"), "{error}");
        assert!(store.keep_copy(&day, "x").is_err());
        assert!(MemoryStore::new().save(&day).is_err());
    }
    assert!(!dir.path().join("days").exists());
}

// ---------------------------------------------------------------- a monkey at the keyboard

/// A key a user (or a cat) might press.
fn any_key() -> impl Strategy<Value = KeyEvent> {
    let plain = |code| KeyEvent::new(code, KeyModifiers::NONE);
    prop_oneof![
        4 => prop::sample::select(vec![
            '0', '1', '5', '9', '-', '.', ',', ':', 'e', 'a', 'd', 'u', 'r', 'g', 't', 'y', 'n',
            'x', ' ', 'h', 'l', 'j', 'k', '?', '🏃', 'é', '\u{301}', 'ا', '\u{1b}', '\u{0}',
            '\u{7}', '\u{202e}', '中',
        ])
        .prop_map(move |c| plain(KeyCode::Char(c))),
        4 => prop::sample::select(vec![
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Backspace,
            KeyCode::Delete,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::PageUp,
            KeyCode::PageDown,
        ])
        .prop_map(plain),
        1 => prop::sample::select(vec!['s', 'u', 'r'])
            .prop_map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Random keys on a journal with content, a save failing now and then: nothing panics,
    /// every file in the store stays valid, and what the app shows as stored is what the
    /// store holds.
    #[test]
    fn random_keys_never_panic_or_lose_sync_with_the_store(
        keys in prop::collection::vec(any_key(), 1..150),
        // The disk fails for stretches of ten keys now and then.
        failing in prop::collection::vec(prop::bool::weighted(0.25), 15),
        size in prop::sample::select(SIZES.to_vec()),
    ) {
        let mut older = day_with_a_run();
        older.date = date("2026-11-20");
        let (mut app, store) = app_with(vec![day_with_a_run(), older]);
        for (i, key) in keys.iter().enumerate() {
            store.fail(failing[i / 10].then_some("No space left on device"));
            app.press(*key);
            if i % 10 == 0 {
                checked_draw(&app, size.0, size.1);
            }
        }
        store.fail(None);
        checked_draw(&app, size.0, size.1);
        checked_draw(&app, 80, 24);
        let files = store.0.borrow().files.clone();
        for (on, text) in &files {
            let day = entry::parse_day(text, Some(*on))
                .map_err(|e| TestCaseError::fail(format!("{on}: {e}\n{text}")))?;
            prop_assert_eq!(app.ctx.journal().day(*on), Some(&day), "{}", on);
        }
        for on in app.ctx.journal().days.keys() {
            prop_assert!(files.contains_key(on), "{on} shown as stored but not in the store");
        }
    }
}

// ---------------------------------------------------------------- the disk says no

/// What a failed save must look like, for a value typed into a one-line field: the editor
/// still open with the typed text, the reason, a way to retry, `NOT SAVED` on screen.
fn assert_kept_with_reason(app: &App, typed_value: &str, reason: &str) {
    let error = edit_error(app).expect("the failure is shown at the field");
    assert!(error.contains(reason), "{error}");
    assert!(error.contains("tries again"), "{error}");
    assert_eq!(editor_text(app).as_deref(), Some(typed_value));
    assert!(matches!(app.ctx.session.save_state(), SaveState::Failed(_)));
    let shown = screen(app, 80, 24);
    assert!(shown.contains("NOT SAVED"), "{shown}");
    let flat = flat(&shown);
    let visible_value: String = typed_value.chars().take(20).collect();
    assert!(
        flat.contains(visible_value.split_whitespace().next().unwrap_or("")),
        "the typed value is on screen\n{shown}"
    );
    draw_everywhere(app);
}

/// One session against a failing store: a pain score, notes with emoji, a new run and a
/// flip, each kept while the fault lasts and saved by the retry key once it is gone.
fn survive_failing_saves(
    app: &mut App,
    reason: &str,
    set_fault: &dyn Fn(bool),
    stored: &dyn Fn() -> Option<DayEntry>,
) {
    // The store is read only while the fault is off (a folder in the way stops reads too).
    let before = stored();
    set_fault(true);
    // A score.
    go_to_field(app, DayField::WorstPain);
    press(app, KeyCode::Enter);
    typed(app, "6");
    press(app, KeyCode::Enter);
    assert_kept_with_reason(app, "6", reason);
    press(app, KeyCode::Enter);
    assert_kept_with_reason(app, "6", reason);
    set_fault(false);
    assert_eq!(stored(), before, "nothing written while failing");
    press(app, KeyCode::Enter);
    assert!(browsing(app), "{}", hints(app));
    assert_eq!(stored().unwrap().worst_pain, score(6));
    assert!(matches!(app.ctx.session.save_state(), SaveState::Saved(_)));

    // Notes: the editor stays open with every line; Ctrl-S retries.
    let notes = "Tingling 🏃‍♀️ after hills\nألم أقل في المساء";
    set_fault(true);
    go_to_field(app, DayField::Notes);
    press(app, KeyCode::Enter);
    ctrl(app, 'u');
    typed(app, notes);
    ctrl(app, 's');
    let error = edit_error(app).expect("the failure is shown");
    assert!(error.contains(reason), "{error}");
    assert_eq!(editor_text(app).as_deref(), Some(notes));
    assert!(screen(app, 120, 40).contains("Tingling"));
    draw_everywhere(app);
    set_fault(false);
    assert_ne!(stored().unwrap().notes, notes);
    ctrl(app, 's');
    assert!(browsing(app), "{}", hints(app));
    assert_eq!(stored().unwrap().notes, notes);

    // A new run: the distance stays typed, no run is added until it is saved.
    let runs = stored().unwrap().runs.len();
    set_fault(true);
    press(app, KeyCode::Char('a'));
    typed(app, "12.5");
    press(app, KeyCode::Enter);
    assert_kept_with_reason(app, "12.5", reason);
    assert!(matches!(app.log.page(), Page::NewRun(_)));
    set_fault(false);
    assert_eq!(stored().unwrap().runs.len(), runs);
    press(app, KeyCode::Enter);
    assert_eq!(app.log.page(), &Page::Run(runs));
    assert!((stored().unwrap().runs[runs].distance_km - 12.5).abs() < 1e-9);
    press(app, KeyCode::Esc);

    // A flip: kept as unsaved, shown, `r` retries.
    let medication = stored().unwrap().pain_medication;
    set_fault(true);
    go_to_field(app, DayField::Medication);
    press(app, KeyCode::Char(' '));
    let unsaved = app.log.unsaved().expect("kept for a retry");
    assert!(unsaved.error.contains(reason), "{}", unsaved.error);
    assert!(message(app).contains("r tries again"), "{}", message(app));
    assert!(screen(app, 80, 24).contains("NOT SAVED"));
    draw_everywhere(app);
    press(app, KeyCode::Char('r'));
    assert!(app.log.unsaved().is_some(), "still failing, still kept");
    set_fault(false);
    assert_eq!(stored().unwrap().pain_medication, medication);
    press(app, KeyCode::Char('r'));
    assert!(app.log.unsaved().is_none());
    // Space cycles unanswered → yes → no → unanswered.
    let next = match medication {
        None => Some(true),
        Some(true) => Some(false),
        Some(false) => None,
    };
    assert_eq!(stored().unwrap().pain_medication, next);
}

#[test]
fn a_full_disk_keeps_every_typed_value_and_retry_saves_it() {
    let (mut app, store) = app_with(vec![day_with_a_run()]);
    let fault = |on: bool| store.fail(on.then_some("No space left on device"));
    survive_failing_saves(&mut app, "No space left on device", &fault, &|| {
        store.day(today())
    });
}

/// True when `dir` refuses new files (false as root, who may write anywhere).
fn refuses_writes(dir: &Path) -> bool {
    let probe = dir.join(".probe");
    match fs::File::create(&probe) {
        Ok(_) => {
            let _ = fs::remove_file(&probe);
            false
        }
        Err(_) => true,
    }
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

/// Makes folders writable again when dropped, so a failing test still cleans up its temp dir.
#[cfg(unix)]
struct Writable<'a>(&'a [&'a Path]);

#[cfg(unix)]
impl Drop for Writable<'_> {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        for path in self.0 {
            let _ = fs::set_permissions(path, fs::Permissions::from_mode(0o700));
        }
    }
}

/// The data dir turns read-only under a running app (a remount after a disk error, a
/// permission change): the typed values stay and the retry works once it is writable again.
/// It needs a user whom permissions stop: root may write anywhere, so as root it says on the
/// terminal that it was skipped, and why, and checks nothing (the same session against a save
/// refused with the same error is the next test, which runs for everyone).
#[cfg(unix)]
#[test]
fn a_read_only_data_dir_keeps_every_typed_value_and_retry_saves_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    let mut store = FsStore::open(&root).unwrap();
    store.save(&day_with_a_run()).unwrap();
    drop(store);
    let year_dir = root.join(day_path(today()));
    let year_dir = year_dir.parent().unwrap().to_path_buf();
    let mut app = testing::app(Box::new(FsStore::open(&root).unwrap()), today());
    let read = || {
        FsStore::open_read_only(&root)
            .load(Scope::All)
            .unwrap()
            .day(today())
            .cloned()
    };
    let folders = [year_dir.as_path(), root.as_path()];
    let _writable = Writable(&folders);
    set_mode(&year_dir, 0o500);
    set_mode(&root, 0o500);
    let fs_refuses = refuses_writes(&year_dir);
    set_mode(&year_dir, 0o700);
    set_mode(&root, 0o700);
    if !fs_refuses {
        // Straight to the terminal: the test harness keeps `eprintln!` of passing tests to
        // itself, and a skip nobody sees is a silent one.
        use std::io::Write as _;
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED a_read_only_data_dir_keeps_every_typed_value_and_retry_saves_it: needs a \
             non-root user; root can write anywhere, so the folder cannot be made read-only"
        );
        return;
    }
    let fault = |on: bool| {
        let mode = if on { 0o500 } else { 0o700 };
        set_mode(&year_dir, mode);
        set_mode(&root, mode);
    };
    survive_failing_saves(&mut app, "Permission denied", &fault, &read);
}

/// A save refused with "Permission denied" (as from a folder turned read-only): the typed
/// values stay and the retry works once saves go through again.
#[test]
fn a_save_refused_for_permission_keeps_every_typed_value_and_retry_saves_it() {
    let (mut app, store) = app_with(vec![day_with_a_run()]);
    let fault = |on: bool| store.fail(on.then_some("Permission denied (os error 13)"));
    survive_failing_saves(&mut app, "Permission denied", &fault, &|| {
        store.day(today())
    });
}

/// Opened read-only from the start, nothing can be typed and the reason is shown.
#[test]
fn a_journal_opened_read_only_takes_no_typing_and_says_why() {
    let mut memory = MemoryStore::with_days(vec![day_with_a_run()]);
    memory.read_only = Some("the journal folder is read-only".into());
    let store = Shared::with(memory);
    let mut app = testing::app(Box::new(store.clone()), today());
    go_to_field(&mut app, DayField::WorstPain);
    press(&mut app, KeyCode::Enter);
    assert!(browsing(&app), "{}", hints(&app));
    assert!(
        message(&app).contains("the journal folder is read-only"),
        "{}",
        message(&app)
    );
    assert!(screen(&app, 80, 24).contains("read-only"));
    assert_eq!(store.saves(), 0);
}

/// The folder a day goes into cannot be created (the data dir was removed and something else
/// now sits at its path): the value stays with the reason, and the retry works once the path
/// is a folder again.
#[test]
fn a_missing_parent_folder_keeps_every_typed_value_and_retry_saves_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    let mut store = FsStore::open(&root).unwrap();
    store.save(&day_with_a_run()).unwrap();
    drop(store);
    let mut app = testing::app(Box::new(FsStore::open(&root).unwrap()), today());
    let days = root.join("days");
    let aside = dir.path().join("days-aside");
    let fault = |on: bool| {
        if on {
            fs::rename(&days, &aside).unwrap();
            fs::write(&days, "not a folder").unwrap();
        } else {
            fs::remove_file(&days).unwrap();
            fs::rename(&aside, &days).unwrap();
        }
    };
    let read = || {
        FsStore::open_read_only(&root)
            .load(Scope::All)
            .unwrap()
            .day(today())
            .cloned()
    };
    // The message is the system's ("Not a directory" on Linux).
    let reason = {
        fault(true);
        let error = fs::read(root.join(day_path(today()))).unwrap_err();
        fault(false);
        error
            .to_string()
            .split(" (os error")
            .next()
            .unwrap()
            .to_owned()
    };
    survive_failing_saves(&mut app, &reason, &fault, &read);
}

/// The whole data dir vanishes under the app (deleted, or a sync folder moved): the next
/// save asks first (the day was deleted outside stridelog); "keep mine" puts the folders back
/// and writes the day whole, with everything it held.
#[test]
fn a_vanished_data_dir_is_recreated_by_the_next_save_with_the_whole_day() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("a").join("journal");
    let mut app = testing::app(Box::new(FsStore::open(&root).unwrap()), today());
    go_to_field(&mut app, DayField::WorstPain);
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "3");
    press(&mut app, KeyCode::Enter);
    fs::remove_dir_all(dir.path().join("a")).unwrap();
    go_to_field(&mut app, DayField::MorningPain);
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "2");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.ctx.session.conflict().map(|c| c.kind),
        Some(stridelog::session::ConflictKind::Deleted)
    );
    assert!(!root.exists(), "written back without asking");
    press(&mut app, KeyCode::Char('k'));
    let day = FsStore::open_read_only(&root)
        .load(Scope::All)
        .unwrap()
        .day(today())
        .cloned()
        .unwrap();
    assert_eq!((day.morning_pain, day.worst_pain), (score(2), score(3)));
}

#[test]
fn kinds_of_fields_are_all_covered() {
    // If a field is added, the lists above must learn about it.
    let typed_day = DayField::ALL
        .iter()
        .filter(|f| f.kind().is_number())
        .count();
    let typed_run = RunField::ALL
        .iter()
        .filter(|f| f.kind().is_number())
        .count();
    assert_eq!((typed_day, typed_run), (7, 5));
    let text_fields: Vec<Field> = DayField::ALL
        .iter()
        .map(|f| Field::Day(*f))
        .chain(RunField::ALL.iter().map(|f| Field::Run(*f)))
        .filter(|f| matches!(f.kind(), Kind::Text { .. }))
        .collect();
    assert_eq!(
        text_fields,
        vec![
            Field::Day(DayField::Notes),
            Field::Run(RunField::Shoes),
            Field::Run(RunField::Notes)
        ]
    );
}
