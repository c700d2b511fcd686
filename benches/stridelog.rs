//! Benchmarks: reading a journal, the rules, and drawing each tab headless at 200x60.
//! Run with `cargo bench`; `scripts/bench.sh` times the whole binary from outside.

use chrono::NaiveDate;
use std::path::PathBuf;
use std::sync::OnceLock;
use stridelog::commands::demo;
use stridelog::journal::Journal;
use stridelog::journal::memory::MemoryStore;
use stridelog::journal::store::{FsStore, Scope, read_days};
use stridelog::tui::app::App;
use stridelog::tui::testing;

fn main() {
    divan::main();
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// A ten-year demo journal on disk, written once per run.
fn ten_years() -> &'static PathBuf {
    static DIR: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("j");
        FsStore::write_batch(&root, &demo::generate(today(), 3650, 1)).unwrap();
        (dir, root)
    })
    .1
}

fn journal() -> &'static Journal {
    static J: OnceLock<Journal> = OnceLock::new();
    J.get_or_init(|| read_days(ten_years(), Scope::All).unwrap().journal)
}

#[divan::bench]
fn load_all_ten_years() -> usize {
    read_days(ten_years(), Scope::All)
        .unwrap()
        .journal
        .days
        .len()
}

#[divan::bench]
fn load_the_days_of_the_first_frame() -> usize {
    let from = stridelog::tui::runner::first_day(today(), 60);
    read_days(ten_years(), Scope::Dates { from, to: today() })
        .unwrap()
        .journal
        .days
        .len()
}

#[divan::bench]
fn rules_on_ten_years() -> usize {
    stridelog::rules::evaluate(journal(), today()).hits.len()
}

/// The insights of the default window (the last 365 days) on ten years: what `Ctx::refresh`
/// and `stridelog insights` compute.
#[divan::bench]
fn insights_last_year_of_ten() -> usize {
    use stridelog::insights::{Window, analyse};
    analyse(journal(), Window::resolve(None, None, today()), today())
        .factors
        .len()
}

/// The insights of all ten years at once (`--from` ten years back).
#[divan::bench]
fn insights_all_ten_years() -> usize {
    use stridelog::insights::{Window, analyse};
    let from = today() - chrono::Days::new(3649);
    analyse(
        journal(),
        Window::resolve(Some(from), None, today()),
        today(),
    )
    .factors
    .len()
}

#[divan::bench]
fn weekly_summaries_52_weeks() -> usize {
    stridelog::rules::weeks(journal(), today(), 52).len()
}

fn app_on_tab(tab: char) -> App {
    let days = journal().days.values().cloned();
    let mut app = testing::app(Box::new(MemoryStore::with_days(days)), today());
    let index = usize::from(tab as u8 - b'1');
    app.update(stridelog::tui::action::Action::GoTo(
        stridelog::tui::Tab::ALL[index],
    ));
    app
}

#[divan::bench(args = ['1', '2', '3', '4', '5'])]
fn render_tab_200x60(bencher: divan::Bencher, tab: char) {
    let app = app_on_tab(tab);
    bencher.bench_local(|| testing::draw(&app, 200, 60));
}

/// A key on the Log tab (next day, then back) and the frame drawn after it, on ten years.
#[divan::bench]
fn log_keypress_to_frame_200x60(bencher: divan::Bencher) {
    use ratatui::crossterm::event::KeyCode;
    let mut app = app_on_tab('1');
    let mut left = true;
    bencher.bench_local(|| {
        app.press(testing::key(if left {
            KeyCode::Left
        } else {
            KeyCode::Right
        }));
        left = !left;
        testing::draw(&app, 200, 60)
    });
}
