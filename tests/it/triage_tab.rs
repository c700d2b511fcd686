//! The Triage tab driven through the whole app with keys: answers, saving, the red banner on
//! every tab (by colour), the store round trip, and snapshots of each part.

use crate::support::date;
use chrono::NaiveDateTime;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Color;
use stridelog::journal::entry::{DayEntry, PainType, RedFlag, Slump, Triage};
use stridelog::journal::memory::MemoryStore;
use stridelog::journal::store::{FsStore, Scope, Store};
use stridelog::tui::Tab;
use stridelog::tui::app::{App, Overlay};
use stridelog::tui::ctx::{Clock, Ctx};
use stridelog::tui::tabs::triage::Section;
use stridelog::tui::testing::text;
use stridelog::tui::theme::THEME;

const TODAY: &str = "2026-11-22";

fn now() -> NaiveDateTime {
    date(TODAY).and_hms_opt(8, 30, 0).unwrap()
}

fn app_with(store: Box<dyn Store>) -> App {
    let mut store = store;
    let journal = store.load(Scope::All).unwrap();
    App::new(Ctx::new(
        date(TODAY),
        journal,
        store,
        Clock::Fixed(now()),
        &THEME,
    ))
}

fn app(days: Vec<DayEntry>) -> App {
    app_with(Box::new(MemoryStore::with_days(days)))
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// Presses each key: single characters as themselves, and a few names. The digits 1-4 open
/// that tab directly (on the Log tab a digit would type a pain score).
fn press(app: &mut App, keys: &[&str]) {
    for k in keys {
        if let Some(tab) = k
            .parse::<usize>()
            .ok()
            .and_then(|n| Tab::ALL.get(n.wrapping_sub(1)))
        {
            app.update(stridelog::tui::action::Action::GoTo(*tab));
            continue;
        }
        let code = match *k {
            "Enter" => KeyCode::Enter,
            "Up" => KeyCode::Up,
            "Down" => KeyCode::Down,
            "Left" => KeyCode::Left,
            "Right" => KeyCode::Right,
            "Backspace" => KeyCode::Backspace,
            "PageDown" => KeyCode::PageDown,
            s if s.chars().count() == 1 => KeyCode::Char(s.chars().next().unwrap()),
            other => panic!("unknown key {other}"),
        };
        app.press(key(code));
    }
}

fn render(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .unwrap();
    terminal.backend().buffer().clone()
}

fn row_text(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
}

/// The row holding the banner's "RED FLAG" text, if any, and whether its cells are red.
fn banner_row(buf: &Buffer) -> Option<(u16, bool)> {
    (0..buf.area.height).find_map(|y| {
        let row = row_text(buf, y);
        let x = row.find("RED FLAG ·")?;
        let x = row[..x].chars().count() as u16;
        let red = (x..x + 10).all(|x| buf[(x, y)].bg == Color::Red)
            && buf[(0, y)].bg == Color::Red
            && buf[(buf.area.width - 1, y)].bg == Color::Red;
        Some((y, red))
    })
}

const ALL_NO: [&str; 12] = ["n"; 12];

/// Red flags all no, a positive slump test, sharp pain down the leg with numbness.
fn radicular_answers(app: &mut App) {
    press(app, &["2"]);
    press(app, &ALL_NO);
    press(app, &["Enter", "y", "Enter"]);
    // Dull, stays in back, sharp, down the leg, numb, weak, reflex, sit bone, warms up.
    press(app, &["n", "n", "y", "y", "y", "n", "s", "n", "n"]);
}

#[test]
fn a_red_flag_answer_is_saved_at_once_and_shows_in_red_on_every_tab() {
    let mut app = app(vec![]);
    assert!(banner_row(&render(&app, 80, 24)).is_none());
    press(&mut app, &["2", "n", "n", "y"]);
    assert_eq!(app.triage.section, Section::RedFlags);
    let saved = app.ctx.journal().day(date(TODAY)).unwrap().triage.clone();
    assert_eq!(saved.unwrap().red_flags, vec![RedFlag::BothLegs]);
    for tab in ["1", "2", "3", "4"] {
        press(&mut app, &[tab]);
        let buf = render(&app, 80, 24);
        let (y, red) = banner_row(&buf).unwrap_or_else(|| panic!("no banner on tab {tab}"));
        assert_eq!(y, 1, "the banner sits right under the tab bar");
        assert!(red, "banner on tab {tab} is not red:\n{}", text(&buf));
        assert!(
            text(&buf).contains("symptoms in both legs"),
            "{}",
            text(&buf)
        );
        assert!(text(&buf).contains("emergency"), "{}", text(&buf));
    }
    // Also at the smallest size the app draws, and in the too-small notice.
    assert!(banner_row(&render(&app, 60, 18)).unwrap().1);
    assert!(text(&render(&app, 40, 10)).contains("RED FLAG"));
}

#[test]
fn the_banner_survives_a_restart_and_a_later_clean_triage_clears_it() {
    let mut app = app(vec![]);
    // Into 20 Nov: two days back.
    press(&mut app, &["2", "[", "[", "y"]);
    assert_eq!(app.triage.date, date("2026-11-20"));
    let store_text = {
        let day = app.ctx.journal().day(date("2026-11-20")).unwrap();
        day.triage.clone().unwrap()
    };
    assert_eq!(store_text.red_flags, vec![RedFlag::BladderOrBowel]);
    // A fresh app on the same saved data still shows it.
    let days: Vec<DayEntry> = app.ctx.journal().days.values().cloned().collect();
    let mut app = self::app(days);
    assert!(banner_row(&render(&app, 80, 24)).unwrap().1);
    // A clean triage saved on an older day does not clear it.
    press(&mut app, &["2"]);
    press(&mut app, &["["; 12]);
    assert_eq!(app.triage.date, date("2026-11-10"));
    press(&mut app, &ALL_NO);
    press(&mut app, &["Right", "Right", "Right", "Enter"]);
    assert_eq!(
        app.ctx.journal().day(date("2026-11-10")).unwrap().triage,
        Some(Triage::default())
    );
    assert!(banner_row(&render(&app, 80, 24)).unwrap().1);
    // Today's clean triage does.
    press(&mut app, &["t", "Enter"]);
    assert_eq!(
        app.ctx.journal().day(date(TODAY)).unwrap().triage,
        Some(Triage::default())
    );
    let buf = render(&app, 80, 24);
    assert!(banner_row(&buf).is_none(), "{}", text(&buf));
    assert!(!text(&buf).contains("RED FLAG"), "{}", text(&buf));
    assert!((0..80).all(|x| buf[(x, 1)].bg != Color::Red));
}

#[test]
fn saving_needs_every_red_flag_answered() {
    let mut app = app(vec![]);
    press(
        &mut app,
        &["2", "n", "n", "n", "Right", "Right", "Right", "Enter"],
    );
    assert!(
        app.ctx.journal().day(date(TODAY)).is_none(),
        "nothing saved"
    );
    assert_eq!(app.triage.section, Section::RedFlags);
    assert!(
        text(&render(&app, 80, 24))
            .contains("Answer every red-flag question before saving (9 left)")
    );
    // Skip is refused for a red flag.
    press(&mut app, &["s"]);
    assert_eq!(app.triage.answers.red_flags_unanswered().len(), 9);
}

#[test]
fn a_red_flag_saved_at_once_keeps_what_the_day_already_had() {
    let mut day = DayEntry::new(date(TODAY));
    day.worst_pain = stridelog::journal::Score::new(4);
    day.triage = Some(Triage {
        red_flags: vec![],
        slump: Some(Slump::Positive),
        classification: vec![PainType::Radicular],
    });
    let mut app = app(vec![day]);
    press(&mut app, &["2", "Down", "Down", "Down", "Down", "y"]);
    let day = app.ctx.journal().day(date(TODAY)).unwrap();
    assert_eq!(day.worst_pain, stridelog::journal::Score::new(4));
    assert_eq!(
        day.triage,
        Some(Triage {
            red_flags: vec![RedFlag::FootDrop],
            slump: Some(Slump::Positive),
            classification: vec![PainType::Radicular],
        })
    );
}

#[test]
fn quitting_with_unsaved_answers_asks_first() {
    let mut app = app(vec![]);
    press(&mut app, &["2", "n", "q"]);
    assert_eq!(app.overlay, Overlay::ConfirmQuit);
    assert!(app.running);
    // The question says what would be lost.
    let asked = text(&render(&app, 100, 30)).replace('\n', " ");
    assert!(
        asked.contains("Your triage answers are not saved"),
        "{asked}"
    );
    press(&mut app, &["n"]);
    press(
        &mut app,
        &[
            "n", "n", "n", "n", "n", "n", "n", "n", "n", "n", "n", "Right", "Right", "Right",
            "Enter", "q",
        ],
    );
    assert!(!app.running, "saved answers quit without asking");
}

#[test]
fn the_saved_triage_round_trips_through_the_file_store() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = FsStore::open(dir.path()).unwrap();
        let mut app = app_with(Box::new(store));
        radicular_answers(&mut app);
        press(&mut app, &["Enter", "Enter"]);
        assert_eq!(app.tab, Tab::Triage);
        assert!(text(&render(&app, 80, 24)).contains("History (→) shows what changed"));
    }
    let mut store = FsStore::open(dir.path()).unwrap();
    let journal = store.load(Scope::All).unwrap();
    assert!(journal.problems.is_empty(), "{:?}", journal.problems);
    let expected = Triage {
        red_flags: vec![],
        slump: Some(Slump::Positive),
        classification: vec![PainType::Radicular, PainType::Radiculopathy],
    };
    assert_eq!(journal.day(date(TODAY)).unwrap().triage, Some(expected));
    let file = std::fs::read_to_string(dir.path().join("days/2026/2026-11-22.ron")).unwrap();
    assert!(
        file.contains("classification: [Radicular, Radiculopathy]"),
        "{file}"
    );
}

/// A journal with three earlier triages for the history.
fn with_history() -> Vec<DayEntry> {
    let t = |red_flags, slump, classification| Triage {
        red_flags,
        slump,
        classification,
    };
    let mut days = Vec::new();
    for (d, triage) in [
        (
            "2026-10-04",
            t(vec![], Some(Slump::Negative), vec![PainType::Referred]),
        ),
        (
            "2026-10-25",
            t(
                vec![],
                Some(Slump::Positive),
                vec![PainType::Referred, PainType::Radicular],
            ),
        ),
        (
            "2026-11-08",
            t(
                vec![RedFlag::BothLegs],
                Some(Slump::Positive),
                vec![PainType::Radicular, PainType::Radiculopathy],
            ),
        ),
        (
            "2026-11-15",
            t(
                vec![],
                Some(Slump::Positive),
                vec![PainType::Radicular, PainType::Radiculopathy],
            ),
        ),
    ] {
        let mut day = DayEntry::new(date(d));
        day.triage = Some(triage);
        days.push(day);
    }
    days
}

#[test]
fn snapshot_red_flags_80x24() {
    let mut app = app(vec![]);
    press(&mut app, &["2"]);
    insta::assert_snapshot!("red_flags_80x24", text(&render(&app, 80, 24)));
}

#[test]
fn snapshot_red_flag_yes_80x24() {
    let mut app = app(vec![]);
    press(&mut app, &["2", "n", "y"]);
    insta::assert_snapshot!("red_flag_yes_80x24", text(&render(&app, 80, 24)));
}

#[test]
fn snapshot_slump_80x24() {
    let mut app = app(vec![]);
    press(&mut app, &["2"]);
    press(&mut app, &ALL_NO);
    press(&mut app, &["Enter", "Down", "Down", "Down"]);
    insta::assert_snapshot!("slump_steps_80x24", text(&render(&app, 80, 24)));
    press(&mut app, &["y"]);
    insta::assert_snapshot!("slump_answered_80x24", text(&render(&app, 80, 24)));
}

#[test]
fn snapshot_pain_character_80x24() {
    let mut app = app(vec![]);
    radicular_answers(&mut app);
    press(&mut app, &["Up", "Up", "Up", "Up"]);
    insta::assert_snapshot!("pain_character_80x24", text(&render(&app, 80, 24)));
}

#[test]
fn snapshot_result_80x24() {
    let mut app = app(vec![]);
    radicular_answers(&mut app);
    press(&mut app, &["Enter"]);
    assert_eq!(app.triage.section, Section::Result);
    insta::assert_snapshot!("result_top_80x24", text(&render(&app, 80, 24)));
    press(&mut app, &["PageDown", "PageDown"]);
    insta::assert_snapshot!("result_end_80x24", text(&render(&app, 80, 24)));
    press(&mut app, &["Enter"]);
    insta::assert_snapshot!("result_saved_80x24", text(&render(&app, 80, 24)));
}

#[test]
fn snapshot_history_80x24() {
    let mut app = app(with_history());
    press(&mut app, &["2", "Left", "Right", "Right", "Right", "Right"]);
    assert_eq!(app.triage.section, Section::History);
    insta::assert_snapshot!("history_80x24", text(&render(&app, 80, 24)));
}

#[test]
fn snapshot_whole_tab_120x40() {
    let mut app = app(with_history());
    press(&mut app, &["2"]);
    insta::assert_snapshot!("red_flags_120x40", text(&render(&app, 120, 40)));
    radicular_answers(&mut app);
    press(&mut app, &["Enter"]);
    insta::assert_snapshot!("result_120x40", text(&render(&app, 120, 40)));
}

#[test]
fn a_red_flag_that_cannot_be_saved_still_shows_in_red_on_the_tab() {
    let mut store = MemoryStore::new();
    store.read_only = Some("opened for reading only".into());
    let mut app = app_with(Box::new(store));
    press(&mut app, &["2", "n", "n", "n", "n", "y"]);
    assert!(app.ctx.journal().day(date(TODAY)).is_none());
    let buf = render(&app, 80, 24);
    let screen = text(&buf);
    assert!(screen.contains("Not saved:"), "{screen}");
    let y = (0..24)
        .find(|y| row_text(&buf, *y).contains("EMERGENCY RED FLAG: foot drop"))
        .unwrap_or_else(|| panic!("no local warning:\n{screen}"));
    assert_eq!(buf[(2, y)].bg, Color::Red, "{screen}");
    assert!(screen.contains("emergency"), "{screen}");
}

#[test]
fn a_doctor_tier_yes_is_saved_at_once_and_says_see_a_doctor_not_emergency() {
    let mut app = app(vec![]);
    // Eight emergency questions no, then "weight loss without trying" yes.
    press(&mut app, &["2"]);
    press(&mut app, &["n"; 8]);
    press(&mut app, &["y"]);
    let saved = app.ctx.journal().day(date(TODAY)).unwrap().triage.clone();
    assert_eq!(saved.unwrap().red_flags, vec![RedFlag::WeightLoss]);
    let buf = render(&app, 100, 30);
    let screen = text(&buf);
    assert!(screen.contains("SEE A DOCTOR"), "{screen}");
    assert!(!screen.contains("EMERGENCY RED FLAG"), "{screen}");
    assert!(screen.contains("Book a doctor"), "{screen}");
    let y = (0..30)
        .find(|y| row_text(&buf, *y).contains("SEE A DOCTOR"))
        .unwrap();
    assert_eq!(buf[(2, y)].bg, Color::Yellow, "{screen}");
    // Every question of version 2 is asked, in two tiers.
    assert!(screen.contains("Serious signs"), "{screen}");
}

#[test]
fn a_triage_answer_is_undone_from_the_log_tab_like_any_other_change() {
    let mut app = app(vec![]);
    press(&mut app, &["2", "n", "n", "y"]);
    assert!(banner_row(&render(&app, 80, 24)).is_some());
    // On the Log tab, u takes the answer back (saved), and the banner goes with it.
    press(&mut app, &["1", "u"]);
    let screen = text(&render(&app, 100, 30));
    assert!(
        screen.contains("Undone: red flag answer on Sun 22 Nov"),
        "{screen}"
    );
    assert!(banner_row(&render(&app, 80, 24)).is_none(), "{screen}");
    let day = app
        .ctx
        .journal()
        .day(date(TODAY))
        .cloned()
        .unwrap_or_else(|| DayEntry::new(date(TODAY)));
    assert!(day.triage.is_none_or(|t| t.red_flags.is_empty()));
    // And Ctrl-R puts it back.
    app.press(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL));
    assert!(banner_row(&render(&app, 80, 24)).is_some());
}
