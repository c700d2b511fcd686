//! The Insights tab: the year calendar, the clear factors in words, the links, and the honest
//! "nothing is clear yet". Journals are generated (`support/journals.rs`) or built in code;
//! today is fixed at Sunday 2026-11-22.

use crate::support::journals::{Plant, generate, today};
use chrono::Days;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::{Color, Modifier};
use stridelog::insights::{FactorValue, Outlook};
use stridelog::journal::entry::{RedFlag, Run, Surface, Triage};
use stridelog::journal::memory::MemoryStore;
use stridelog::journal::{DayEntry, Journal, Score};
use stridelog::tui::Tab;
use stridelog::tui::app::App;
use stridelog::tui::testing::{app, draw, key, screen};

/// Trail runs followed by a clearly worse morning 8 times in 10.
const TRAIL_OFTEN: Plant = Plant::TrailHurts {
    p: 0.8,
    points: 2.0,
};

fn days(journal: Journal) -> Vec<DayEntry> {
    journal.days.into_values().collect()
}

/// An app on these days with the Insights tab open (through its digit key, from the Trends
/// tab: on the Log tab's pain field a digit is a score).
fn insights_tab(days: Vec<DayEntry>) -> App {
    let mut app = app(Box::new(MemoryStore::with_days(days)), today());
    app.update(stridelog::tui::action::Action::GoTo(Tab::Trends));
    app.press(key(KeyCode::Char('5')));
    assert_eq!(app.tab, Tab::Insights);
    app
}

/// A year and a half of notes where trail runs go with worse mornings.
fn clear_journal() -> Vec<DayEntry> {
    days(generate(1, TRAIL_OFTEN, 541, today()))
}

/// Seven weeks of notes with no effect in them: too few to be clear.
fn unclear_journal() -> Vec<DayEntry> {
    days(generate(3, Plant::Nothing, 50, today()))
}

fn assert_plain_words(text: &str) {
    assert!(!text.to_lowercase().contains("cause"), "{text}");
}

#[test]
fn clear_factor_journal_shows_trail_first_in_words() {
    let app = insights_tab(clear_journal());
    let found = &app.ctx.insights().unwrap().insights;
    let first = found.factors.first().unwrap();
    assert!(first.clear);
    assert_eq!(first.value, FactorValue::Surface(Surface::Trail));
    assert_eq!(found.outlook, Outlook::Clear);
    let text = screen(&app, 120, 40);
    let sentence = format!(
        "{} days with a trail run: {} followed by more pain, against",
        first.n, first.non_green
    );
    assert!(text.contains(&sentence), "{text}");
    assert!(!text.contains("Nothing is clear yet"), "{text}");
    assert_plain_words(&text);
    insta::assert_snapshot!("insights_clear_120x40", text);
    insta::assert_snapshot!("insights_clear_80x24", screen(&app, 80, 24));
}

#[test]
fn nothing_clear_says_so_and_how_many_more_run_days_would_help() {
    let app = insights_tab(unclear_journal());
    let found = &app.ctx.insights().unwrap().insights;
    assert!(!found.anything_clear());
    let Outlook::About(n) = found.outlook else {
        panic!("expected an estimate, got {:?}", found.outlook)
    };
    let text = screen(&app, 120, 40);
    assert!(
        text.contains(&format!(
            "Nothing is clear yet: about {n} more run days would help"
        )),
        "{text}"
    );
    assert!(text.contains("No factor is clear yet."), "{text}");
    assert_plain_words(&text);
    insta::assert_snapshot!("insights_unclear_120x40", text);
    insta::assert_snapshot!("insights_unclear_80x24", screen(&app, 80, 24));
}

#[test]
fn empty_journal_asks_for_ten_run_days() {
    let app = insights_tab(Vec::new());
    assert_eq!(
        app.ctx.insights().unwrap().insights.outlook,
        Outlook::TooFew(10)
    );
    let text = screen(&app, 120, 40);
    assert!(
        text.contains("at least 10 more run days with the next morning's pain"),
        "{text}"
    );
    assert!(text.contains("Not medical advice"), "{text}");
    insta::assert_snapshot!("insights_empty_120x40", text);
    insta::assert_snapshot!("insights_empty_80x24", screen(&app, 80, 24));
}

fn run(pain: u8) -> Run {
    Run {
        distance_km: 6.0,
        pain_during: Score::new(pain),
        surface: Some(Surface::Road),
        ..Run::default()
    }
}

/// Yesterday a green run day (mornings 2 then 2), three days ago a red one (run pain 7), five
/// days ago a run with no next morning, a red flag a week ago, and a run today.
fn marked_days() -> Vec<DayEntry> {
    let ago = |n: u64| today() - Days::new(n);
    let mut out = Vec::new();
    for n in 0..=8 {
        let mut day = DayEntry::new(ago(n));
        day.morning_pain = Score::new(2);
        out.push(day);
    }
    out[0].runs.push(run(1));
    out[1].runs.push(run(1));
    out[3].runs.push(run(7));
    out[5].runs.push(run(1));
    out[4].morning_pain = None;
    out[7].triage = Some(Triage {
        red_flags: vec![RedFlag::SaddleNumbness],
        ..Triage::default()
    });
    out
}

/// The row of a weekday's label ("Sa") in the calendar grid.
fn weekday_row(buf: &ratatui::buffer::Buffer, label: &str) -> u16 {
    (0..buf.area.height)
        .find(|&y| format!("{}{}", buf[(0, y)].symbol(), buf[(1, y)].symbol()) == label)
        .expect("weekday label")
}

/// The right-most cell of `glyph` on `row`, with its colour.
fn find_cell(buf: &ratatui::buffer::Buffer, row: u16, glyph: &str) -> Option<(u16, Color)> {
    (0..buf.area.width)
        .rev()
        .find(|&x| buf[(x, row)].symbol() == glyph)
        .map(|x| (x, buf[(x, row)].fg))
}

#[test]
fn calendar_marks_responses_with_glyphs_and_colours_and_outlines_today() {
    let app = insights_tab(marked_days());
    let buf = draw(&app, 120, 40);
    let text = screen(&app, 120, 40);
    // Today is a Sunday: the last column holds this week.
    let labels = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
    let row = |weekday: usize| weekday_row(&buf, labels[weekday]);
    // Saturday (yesterday): green "o".
    assert_eq!(
        find_cell(&buf, row(5), "o").map(|c| c.1),
        Some(Color::Green)
    );
    // Thursday (three days ago): red "X".
    assert_eq!(
        find_cell(&buf, row(3), "X").map(|c| c.1),
        Some(Color::LightRed)
    );
    // Tuesday (five days ago): the next morning is missing: a dim "?".
    assert_eq!(
        find_cell(&buf, row(1), "?").map(|c| c.1),
        Some(Color::DarkGray)
    );
    // Sunday a week ago: the red flag "!".
    let (x, _) = find_cell(&buf, row(6), "!").expect("red flag marked");
    assert_eq!(buf[(x, row(6))].bg, Color::Red);
    // Today (Sunday, a run not yet followed by a morning): reversed, bracketed, pointed at.
    let (x, _) = find_cell(&buf, row(6), "?").expect("today's run");
    assert!(buf[(x, row(6))].modifier.contains(Modifier::REVERSED));
    assert_eq!(buf[(x - 1, row(6))].symbol(), "[");
    assert_eq!(buf[(x + 1, row(6))].symbol(), "]");
    assert!(text.contains("◂ today"), "{text}");
    // The legend says what each glyph means, so colour never carries it alone.
    for words in [
        "o fine",
        "~ some more pain",
        "X more pain",
        "! red flag",
        "· no run",
    ] {
        assert!(text.contains(words), "{words}: {text}");
    }
}

#[test]
fn findings_are_computed_when_the_journal_changes() {
    let mut app = insights_tab(marked_days());
    // Yesterday, three and five days ago (today's run waits for its next morning).
    assert_eq!(app.ctx.insights().unwrap().insights.ledger.len(), 3);
    let mut day = DayEntry::new(today() - Days::new(2));
    day.morning_pain = Score::new(2);
    day.runs.push(run(4));
    app.ctx.commit(day, "a run").unwrap();
    // Derived views catch up at the end of every update, as the event loop runs it.
    app.ctx.catch_up(true);
    let ledger = &app.ctx.insights().unwrap().insights.ledger;
    assert_eq!(ledger.len(), 4);
    let added = ledger.iter().find(|e| e.date == today() - Days::new(2));
    assert_eq!(
        added.map(|e| e.response),
        Some(stridelog::insights::Response::Amber)
    );
}

#[test]
fn tab_keys_switch_to_and_from_insights_and_scroll_stops_at_the_end() {
    let mut app = insights_tab(clear_journal());
    app.press(key(KeyCode::Tab));
    assert_eq!(app.tab, Tab::Log);
    app.press(key(KeyCode::BackTab));
    assert_eq!(app.tab, Tab::Insights);
    app.press(key(KeyCode::Char('4')));
    assert_eq!(app.tab, Tab::Trends);
    app.press(key(KeyCode::Tab));
    assert_eq!(app.tab, Tab::Insights);
    let top = screen(&app, 80, 24);
    for _ in 0..500 {
        app.press(key(KeyCode::Char('j')));
    }
    let bottom = screen(&app, 80, 24);
    assert_ne!(top, bottom);
    let scrolled = app.insights.scroll();
    assert!(scrolled > 0 && scrolled < 500, "{scrolled}");
    // The end of the findings: the caveat; the disclaimer is in view all along.
    assert!(bottom.contains("what brings it on"), "{bottom}");
    assert!(top.contains("Not medical advice"), "{top}");
    assert!(bottom.contains("Not medical advice"), "{bottom}");
    app.press(key(KeyCode::Home));
    assert_eq!(app.insights.scroll(), 0);
    assert_eq!(screen(&app, 80, 24), top);
}

#[test]
fn the_year_is_worked_out_only_once_the_tab_is_shown() {
    let store = MemoryStore::with_days(marked_days());
    let mut app = app(Box::new(store), today());
    // The first frame (the Log tab) does not wait for the analysis.
    assert!(app.ctx.insights().is_none());
    app.press(key(KeyCode::Char('4')));
    assert!(app.ctx.insights().is_none(), "Trends does not need it");
    app.press(key(KeyCode::Char('5')));
    assert_eq!(app.ctx.insights().unwrap().insights.ledger.len(), 3);
    // A change made elsewhere is in it when the tab is shown again.
    app.press(key(KeyCode::Char('1')));
    let mut day = DayEntry::new(today() - Days::new(2));
    day.morning_pain = Score::new(2);
    day.runs.push(run(4));
    app.ctx.commit(day, "a run").unwrap();
    app.press(key(KeyCode::Char('5')));
    assert_eq!(app.ctx.insights().unwrap().insights.ledger.len(), 4);
    assert!(
        screen(&app, 100, 30).contains("4 run days"),
        "{}",
        screen(&app, 100, 30)
    );
}
