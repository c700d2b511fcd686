//! The Trends tab: the verdict and its reasons, weekly charts with a week cursor, shoes.
//! Journals are built in code; today is fixed at Sunday 2026-11-22.

use crate::support::date;
use chrono::{Days, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::{Color, Modifier};
use stridelog::journal::entry::{RedFlag, Run, Triage};
use stridelog::journal::memory::MemoryStore;
use stridelog::journal::settings::Units;
use stridelog::journal::{DayEntry, Score};
use stridelog::rules::Verdict;
use stridelog::tui::app::App;
use stridelog::tui::tabs::trends::WeekRange;
use stridelog::tui::testing::{app, draw, key, screen, text};
use stridelog::tui::theme::THEME;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn ago(n: u64) -> NaiveDate {
    today() - Days::new(n)
}

fn score(n: u8) -> Option<Score> {
    Score::new(n)
}

fn run(km: f64, before: u8, during: u8, after: u8, shoes: &str) -> Run {
    Run {
        distance_km: km,
        pain_before: score(before),
        pain_during: score(during),
        pain_after: score(after),
        shoes: Some(shoes.to_owned()),
        ..Run::default()
    }
}

/// Months of calm history before the last two weeks: worst pain 1-3, morning pain one lower
/// (not recorded every fourth day), runs of 4-8 km every other day, a week off in September,
/// and a long block of older runs in the Pegasus 40 (which ends up past the 700 km limit).
fn history() -> Vec<DayEntry> {
    let mut days = Vec::new();
    for n in 14..=400u64 {
        if n % 6 == 0 || (70..77).contains(&n) {
            continue;
        }
        let mut day = DayEntry::new(ago(n));
        if n <= 160 {
            let worst = 1 + (n % 3) as u8;
            day.worst_pain = score(worst);
            if n % 4 != 0 {
                day.morning_pain = score(worst - 1);
            }
            if n % 2 == 0 {
                let shoes = if n > 80 { "Pegasus 40" } else { "Ghost 15" };
                day.runs.push(run(4.0 + (n % 5) as f64, 1, 2, 2, shoes));
            }
        } else if n % 2 == 0 {
            day.runs.push(run(9.0, 1, 2, 2, "Pegasus 40"));
        }
        days.push(day);
    }
    days
}

/// The last two weeks, calm: worst pain 2, morning pain 1, 6 km runs three times a week, and
/// a red-flag check with nothing found 10 days ago.
fn calm_fortnight() -> Vec<DayEntry> {
    (0..14u64)
        .map(|n| {
            let mut day = DayEntry::new(ago(n));
            day.worst_pain = score(2);
            day.morning_pain = score(1);
            if n == 10 {
                day.triage = Some(Triage::default());
            }
            if [1, 3, 5, 8, 10, 12].contains(&n) {
                day.runs.push(run(6.0, 2, 2, 3, "Ghost 15"));
            }
            day
        })
        .collect()
}

fn journal(recent: Vec<DayEntry>) -> Vec<DayEntry> {
    let mut days = history();
    days.extend(recent);
    days
}

fn ok_days() -> Vec<DayEntry> {
    journal(calm_fortnight())
}

/// Worst pain 4 two days ago, and the last week's runs are a third longer.
fn caution_days() -> Vec<DayEntry> {
    let mut recent = calm_fortnight();
    recent[2].worst_pain = score(4);
    for n in [1, 3, 5] {
        recent[n].runs[0].distance_km = 8.0;
    }
    journal(recent)
}

/// Yesterday's run hurt: 6/10 during, 7/10 after, and worst pain 7.
fn stop_days() -> Vec<DayEntry> {
    let mut recent = calm_fortnight();
    recent[1].worst_pain = score(7);
    recent[1].runs[0].pain_during = score(6);
    recent[1].runs[0].pain_after = score(7);
    journal(recent)
}

/// The caution journal with a red-flag triage yesterday.
fn urgent_days() -> Vec<DayEntry> {
    let mut days = caution_days();
    let yesterday = days.iter_mut().find(|d| d.date == ago(1)).unwrap();
    yesterday.triage = Some(Triage {
        red_flags: vec![RedFlag::BladderOrBowel, RedFlag::SaddleNumbness],
        ..Triage::default()
    });
    days
}

/// An app on these days with the Trends tab open.
fn trends(days: Vec<DayEntry>) -> App {
    let mut app = app(Box::new(MemoryStore::with_days(days)), today());
    app.update(stridelog::tui::action::Action::GoTo(
        stridelog::tui::Tab::Trends,
    ));
    app
}

fn press(app: &mut App, code: KeyCode, times: usize) {
    for _ in 0..times {
        app.press(key(code));
    }
}

#[test]
fn each_journal_gets_the_verdict_it_was_built_for() {
    let cases = [
        (Vec::new(), Verdict::Caution),
        (ok_days(), Verdict::Ok),
        (caution_days(), Verdict::Caution),
        (stop_days(), Verdict::Stop),
        (urgent_days(), Verdict::Urgent),
    ];
    for (days, verdict) in cases {
        let app = trends(days);
        assert_eq!(
            app.ctx.session.evaluation().verdict,
            verdict,
            "{:#?}",
            app.ctx.session.evaluation()
        );
    }
}

#[test]
fn snapshots_of_the_five_verdicts_at_80x24_and_120x40() {
    let cases = [
        ("no_data", Vec::new()),
        ("ok", ok_days()),
        ("caution", caution_days()),
        ("stop", stop_days()),
        ("urgent", urgent_days()),
    ];
    for (name, days) in cases {
        let app = trends(days);
        insta::assert_snapshot!(format!("{name}_80x24"), screen(&app, 80, 24));
        insta::assert_snapshot!(format!("{name}_120x40"), screen(&app, 120, 40));
    }
}

/// The screen's text as one line, runs of spaces collapsed (for sentences that wrap).
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The cell where `needle` starts on screen, searching row by row from the top.
fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    let wanted: Vec<char> = needle.chars().collect();
    let area = buf.area;
    for y in area.top()..area.bottom() {
        let row: Vec<&str> = (area.left()..area.right())
            .map(|x| buf[(x, y)].symbol())
            .collect();
        for start in 0..row.len() {
            let matches = wanted
                .iter()
                .enumerate()
                .all(|(i, c)| row.get(start + i).is_some_and(|s| s.chars().eq([*c])));
            if matches {
                return Some((area.left() + start as u16, y));
            }
        }
    }
    None
}

/// A small journal for reading one week's numbers:
/// - 2-8 Nov: three days, three runs (5.5 + 7.25 + 2 km), worst 3 and 5, morning 2 and 4,
///   pain during 2 and 3 (one run without), the highest run pain 4, one routine session;
/// - 9-15 Nov: one day with only a note (every pain value missing);
/// - 16-22 Nov: nothing.
fn week_days() -> Vec<DayEntry> {
    let mut mon = DayEntry::new(date("2026-11-02"));
    mon.worst_pain = score(3);
    mon.morning_pain = score(2);
    mon.runs.push(run(5.5, 1, 2, 4, "Ghost 15"));
    mon.routines
        .push(stridelog::journal::entry::RoutineSession {
            routine: "runner-strength".into(),
            ..Default::default()
        });
    let mut wed = DayEntry::new(date("2026-11-04"));
    wed.worst_pain = score(5);
    wed.runs.push(run(7.25, 2, 3, 3, "Ghost 15"));
    wed.runs.push(Run {
        distance_km: 2.0,
        ..Run::default()
    });
    let mut sat = DayEntry::new(date("2026-11-07"));
    sat.morning_pain = score(4);
    let mut note = DayEntry::new(date("2026-11-12"));
    note.notes = "Busy week.".into();
    vec![mon, wed, sat, note]
}

#[test]
fn the_selected_weeks_numbers_match_the_journal() {
    let mut app = trends(week_days());
    press(&mut app, KeyCode::Left, 2);
    assert_eq!(app.trends.weeks_back(), 2);
    let text = screen(&app, 100, 30);
    assert!(
        text.contains("Week 2–8 Nov 2026: 3 days logged · 3 runs · 14.8 km · 1 routine"),
        "{text}"
    );
    assert!(
        text.contains("Mean pain: worst 4.0 · morning 3.0 · during runs 2.5 · run max 4"),
        "{text}"
    );
}

#[test]
fn missing_values_are_a_dash_never_zero() {
    let mut app = trends(week_days());
    // This week: nothing logged at all.
    let text = screen(&app, 100, 30);
    assert!(
        text.contains("Week 16–22 Nov 2026: nothing logged · runs — · distance —"),
        "{text}"
    );
    // Last week: a day with only a note. No runs is a real 0; the pain is not recorded.
    press(&mut app, KeyCode::Char('h'), 1);
    let text = screen(&app, 100, 30);
    assert!(
        text.contains("Week 9–15 Nov 2026: 1 day logged · 0 runs · 0.0 km · 0 routines"),
        "{text}"
    );
    assert!(
        text.contains("Mean pain: worst — · morning — · during runs — · run max —"),
        "{text}"
    );
    assert!(!text.contains("worst 0.0"), "{text}");
}

#[test]
fn distances_follow_the_units_setting() {
    let mut app = trends(week_days());
    app.ctx.settings.units = Units::Miles;
    press(&mut app, KeyCode::Left, 2);
    let text = screen(&app, 100, 30);
    // 14.75 km = 9.17 mi.
    assert!(text.contains("3 runs · 9.2 mi · 1 routine"), "{text}");
    assert!(!text.contains("14.8 km"), "{text}");
    // The bars' unit, under the scale.
    assert!(text.lines().any(|l| l.starts_with("mi│")), "{text}");
}

#[test]
fn w_cycles_12_26_52_weeks() {
    let mut app = trends(ok_days());
    assert_eq!(app.trends.range(), WeekRange::Twelve);
    assert!(screen(&app, 80, 24).contains("Last 12 weeks"));
    let mut seen = Vec::new();
    for _ in 0..3 {
        app.press(key(KeyCode::Char('w')));
        seen.push(app.trends.range().weeks());
        let text = screen(&app, 80, 24);
        assert!(
            text.contains(&format!("Last {} weeks", app.trends.range().weeks())),
            "{text}"
        );
    }
    assert_eq!(seen, [26, 52, 12]);
}

#[test]
fn the_week_cursor_moves_and_stops_at_both_ends() {
    let mut app = trends(ok_days());
    assert_eq!(app.trends.weeks_back(), 0);
    press(&mut app, KeyCode::Left, 1);
    press(&mut app, KeyCode::Char('h'), 1);
    assert_eq!(app.trends.weeks_back(), 2);
    press(&mut app, KeyCode::Right, 1);
    assert_eq!(app.trends.weeks_back(), 1);
    // The oldest of 12 weeks starts 11 weeks before Monday 16 Nov.
    press(&mut app, KeyCode::Left, 30);
    assert_eq!(app.trends.weeks_back(), 11);
    let text = screen(&app, 80, 24);
    assert!(text.contains("Week 31 Aug – 6 Sep 2026"), "{text}");
    press(&mut app, KeyCode::Char('l'), 30);
    assert_eq!(app.trends.weeks_back(), 0);
    // On 52 weeks the cursor reaches further; back on 12 it is kept inside them.
    press(&mut app, KeyCode::Char('w'), 2);
    press(&mut app, KeyCode::Home, 1);
    assert_eq!(app.trends.weeks_back(), 51);
    app.press(key(KeyCode::Char('w')));
    assert_eq!(app.trends.range(), WeekRange::Twelve);
    assert_eq!(app.trends.weeks_back(), 11);
    press(&mut app, KeyCode::End, 1);
    assert_eq!(app.trends.weeks_back(), 0);
}

#[test]
fn the_cursor_guide_sits_over_the_selected_weeks_bar() {
    let mut app = trends(ok_days());
    press(&mut app, KeyCode::Left, 3);
    let buf = draw(&app, 80, 24);
    // The selected bar is drawn in the key colour, every other bar in the bar colour.
    let bar_cells: Vec<(u16, u16)> = (0..80)
        .flat_map(|x| (0..24).map(move |y| (x, y)))
        .filter(|p| ["█", "▇", "▆", "▅", "▄", "▃", "▂", "▁"].contains(&buf[*p].symbol()))
        .collect();
    let selected: Vec<u16> = bar_cells
        .iter()
        .filter(|p| buf[**p].fg == THEME.key.fg.unwrap())
        .map(|p| p.0)
        .collect();
    assert!(!selected.is_empty(), "{}", text(&buf));
    // …and the guide runs down that week's column.
    let (min, max) = (
        *selected.iter().min().unwrap(),
        *selected.iter().max().unwrap(),
    );
    let guide: Vec<u16> = (0..80)
        .filter(|x| (0..24).any(|y| buf[(*x, y)].symbol() == "┊"))
        .collect();
    assert_eq!(guide.len(), 1, "{}", text(&buf));
    assert!((min..=max).contains(&guide[0]), "{}", text(&buf));
}

#[test]
fn the_verdict_is_drawn_in_its_colour() {
    let app = trends(stop_days());
    let buf = draw(&app, 80, 24);
    let (x, y) = find(&buf, "Rest from running").unwrap();
    assert!(y < 5, "the verdict comes first: row {y}\n{}", text(&buf));
    let cell = &buf[(x, y)];
    assert_eq!(cell.fg, THEME.stop.fg.unwrap());
    assert!(cell.modifier.contains(Modifier::BOLD));
    // The first reason is a stop rule, tagged in the same colour.
    let (x, y) = find(&buf, "STOP").unwrap();
    assert_eq!(buf[(x, y)].fg, THEME.stop.fg.unwrap());

    let app = trends(urgent_days());
    let buf = draw(&app, 80, 24);
    let (x, y) = find(&buf, "Get emergency care now").unwrap();
    assert!(
        y < 6,
        "the urgent verdict comes first: row {y}\n{}",
        text(&buf)
    );
    let cell = &buf[(x, y)];
    assert_eq!((cell.fg, cell.bg), (Color::White, Color::Red));
    let (x, y) = find(&buf, "URGENT").unwrap();
    assert_eq!(buf[(x, y)].bg, THEME.urgent.bg.unwrap());
    // The urgent rule is the first reason, before the cautions.
    assert!(y < find(&buf, "CAUTION").unwrap().1, "{}", text(&buf));
}

#[test]
fn not_enough_data_says_what_is_needed() {
    let mut day = DayEntry::new(ago(2));
    day.worst_pain = score(2);
    day.triage = Some(Triage::default());
    let app = trends(vec![day]);
    assert_eq!(app.ctx.session.evaluation().verdict, Verdict::Unknown);
    let text = flat(&screen(&app, 80, 24));
    assert!(text.contains("Log a few more days"), "{text}");
    assert!(
        text.contains("Worst pain is recorded on 1 of the last 7 days"),
        "{text}"
    );
    assert!(text.contains("2 more needed"), "{text}");
}

#[test]
fn the_reasons_scroll_and_stop_at_the_end() {
    let mut app = trends(stop_days());
    let first = screen(&app, 80, 24);
    let last_id = app.ctx.session.evaluation().hits.last().unwrap().id;
    assert!(!first.contains(last_id), "{first}");
    press(&mut app, KeyCode::Char('j'), 1);
    assert_eq!(app.trends.scroll(), 1);
    assert_ne!(screen(&app, 80, 24), first);
    press(&mut app, KeyCode::Down, 200);
    let end = app.trends.scroll();
    assert!(end > 1 && end < 200, "scroll stops at the end: {end}");
    let text = screen(&app, 80, 24);
    assert!(text.contains(last_id), "{text}");
    press(&mut app, KeyCode::PageUp, 1);
    assert!(app.trends.scroll() < end);
    press(&mut app, KeyCode::Char('k'), 200);
    assert_eq!(app.trends.scroll(), 0);
    assert_eq!(screen(&app, 80, 24), first);
}

#[test]
fn shoes_past_the_limit_get_a_note() {
    let mut app = trends(ok_days());
    let text = screen(&app, 120, 40);
    let totals = stridelog::rules::shoe_distances(app.ctx.journal());
    let (name, km) = &totals[0];
    assert_eq!(name, "Pegasus 40");
    assert!(*km > 700.0);
    assert!(
        text.contains(&format!("Pegasus 40: {km:.0} km — past your 700 km limit")),
        "{text}"
    );
    let ghost = totals[1].1;
    assert!(
        text.contains(&format!("Ghost 15: {ghost:.0} km\n")),
        "{text}"
    );
    app.ctx.settings.units = Units::Miles;
    app.ctx.settings.shoe_limit_km = 800.0;
    let text = screen(&app, 120, 40);
    assert!(text.contains("past your 497 mi limit"), "{text}");
}

#[test]
fn every_size_draws_and_the_verdict_stays_visible() {
    for days in [Vec::new(), urgent_days()] {
        let mut app = trends(days);
        for _ in 0..3 {
            for (width, height) in [(60, 18), (80, 24), (100, 30), (120, 40), (200, 60)] {
                let text = screen(&app, width, height);
                let headline = app.ctx.session.evaluation().verdict.headline();
                // Right under the header and the red-flag banner (which may take several
                // lines on a narrow terminal).
                let banner = stridelog::tui::widgets::banner::urgent_lines(&app.ctx, width).len();
                let row = text.lines().position(|l| l.contains(headline));
                assert!(
                    row.is_some_and(|r| r <= banner + 6),
                    "{width}x{height}\n{text}"
                );
            }
            app.press(key(KeyCode::Char('w')));
        }
    }
}

#[test]
fn scrolling_up_after_the_window_grew_moves_at_once() {
    let mut app = trends(stop_days());
    // The end of the reasons at 80x40 (more rows shown: less to scroll). The terminal's size
    // reaches the app as an action, as the event loop sends it.
    app.update(stridelog::tui::action::Action::Resize(80, 40));
    press(&mut app, KeyCode::Char('j'), 200);
    let end_tall = app.trends.scroll();
    press(&mut app, KeyCode::Char('k'), 200);
    // Scrolled to the end at 80x24, then the window grows.
    app.update(stridelog::tui::action::Action::Resize(80, 24));
    press(&mut app, KeyCode::Char('j'), 200);
    let end_small = app.trends.scroll();
    assert!(end_small > end_tall + 1, "{end_small} vs {end_tall}");
    app.update(stridelog::tui::action::Action::Resize(80, 40));
    // One key up moves the text at once.
    press(&mut app, KeyCode::Char('k'), 1);
    assert_eq!(app.trends.scroll(), end_tall.saturating_sub(1));
}

#[test]
fn the_week_still_going_is_marked_and_the_lines_differ_without_colour() {
    // Wednesday: the week of 16-22 Nov has four days to go.
    let wednesday = date("2026-11-18");
    let mut days = journal(calm_fortnight());
    days.retain(|d| d.date <= wednesday);
    let mut app = app(Box::new(MemoryStore::with_days(days)), wednesday);
    app.update(stridelog::tui::action::Action::GoTo(
        stridelog::tui::Tab::Trends,
    ));
    let text = screen(&app, 120, 40);
    let bar_labels = text
        .lines()
        .find_map(|l| l.split_once("km│").map(|(_, bars)| bars))
        .unwrap_or_else(|| panic!("{text}"));
    let last_bar = bar_labels.split_whitespace().last().unwrap();
    assert!(last_bar.contains('…'), "the week still going: {bar_labels}");
    assert_eq!(
        bar_labels.matches('…').count(),
        1,
        "only this week: {bar_labels}"
    );
    // The legend tells the lines apart by glyph, not only by colour.
    assert!(text.contains("⣀ worst • morning █ during runs"), "{text}");
}
