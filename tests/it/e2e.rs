//! End to end: the real binary in a pseudo-terminal.

#![cfg(unix)]

use crate::support::pty::Tui;
use std::fs;

#[test]
fn opens_shows_the_tabs_and_quits_leaving_the_terminal_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(dir.path(), &["--today", "2026-11-22"]);
    tui.wait_for("1 Log");
    tui.wait_for("Sun 22 Nov 2026");
    tui.send("?");
    tui.wait_for("Help");
    tui.send("\x1b");
    tui.send("q");
    assert!(tui.wait_exit());
    assert!(tui.restored_terminal());
}

#[test]
fn a_second_instance_is_read_only_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let first = Tui::start(dir.path(), &["--today", "2026-11-22"]);
    first.wait_for("read-write");
    let mut second = Tui::start(dir.path(), &["--today", "2026-11-22"]);
    second.wait_for("READ-ONLY: another stridelog has this journal open");
    second.send("q");
    assert!(second.wait_exit());
}

#[test]
fn sigterm_exits_cleanly_and_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(dir.path(), &["--today", "2026-11-22"]);
    tui.wait_for("1 Log");
    let status = std::process::Command::new("kill")
        .args(["-TERM", &tui.pid().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    assert!(tui.wait_exit(), "SIGTERM should end the app normally");
    assert!(tui.restored_terminal());
}

#[test]
fn a_corrupt_file_is_reported_and_left_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("days/2026/2026-11-21.ron");
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let bytes = b"(version: 1, date: \"2026-11-21\", worst_pain: Some(99)\x00\xff".to_vec();
    fs::write(&path, &bytes).unwrap();
    let mut tui = Tui::start(dir.path(), &["--today", "2026-11-22"]);
    tui.wait_for("1 file(s) unreadable");
    tui.send("q");
    assert!(tui.wait_exit());
    assert_eq!(fs::read(&path).unwrap(), bytes);
}

fn read_day(dir: &std::path::Path) -> stridelog::journal::DayEntry {
    let text = fs::read_to_string(dir.join("days/2026/2026-11-22.ron")).unwrap();
    stridelog::journal::entry::parse_day(&text, None).unwrap()
}

#[test]
fn log_a_day_with_keys_quit_and_read_the_file_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(dir.path(), &["--today", "2026-11-22"]);
    tui.wait_for("Morning pain");
    tui.send("\r3\r"); // Enter opens the field, then the value
    tui.wait_for("saved");
    tui.send("\x1b[B"); // down: worst pain
    tui.send("\r5\r");
    tui.send("a"); // add a run: distance first
    tui.send("6.4\r");
    tui.wait_for("6.4 km");
    tui.send("\x1b");
    tui.send("q");
    assert!(tui.wait_exit());
    assert!(tui.restored_terminal());
    let day = read_day(dir.path());
    assert_eq!(
        day.morning_pain.map(stridelog::journal::Score::get),
        Some(3)
    );
    assert_eq!(day.worst_pain.map(stridelog::journal::Score::get), Some(5));
    assert_eq!(day.runs.len(), 1);
    assert!((day.runs[0].distance_km - 6.4).abs() < 1e-9);
}

#[test]
fn sigterm_mid_edit_keeps_what_was_committed_and_what_was_typed() {
    let dir = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(dir.path(), &["--today", "2026-11-22"]);
    tui.wait_for("Morning pain");
    tui.send("\r2\r");
    tui.wait_for("saved");
    tui.send("\x1b[B");
    tui.send("\r7"); // typing, not committed: a valid value is saved on the way out
    let status = std::process::Command::new("kill")
        .args(["-TERM", &tui.pid().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    assert!(tui.wait_exit());
    assert!(tui.restored_terminal());
    let day = read_day(dir.path());
    assert_eq!(
        day.morning_pain.map(stridelog::journal::Score::get),
        Some(2)
    );
    assert_eq!(day.worst_pain.map(stridelog::journal::Score::get), Some(7));
}

#[test]
fn digits_on_the_first_screen_switch_tabs_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(dir.path(), &["--today", "2026-11-22"]);
    tui.wait_for("Morning pain");
    // The first screen has a number field selected: 4 must open Trends, not type a pain.
    tui.send("4");
    tui.wait_for("Last 12 weeks");
    tui.send("\t"); // Tab goes on to the next tabs (Insights, Log); it saves nothing
    tui.wait_for("Your last 12 months");
    tui.send("\t");
    tui.wait_for("Morning pain");
    tui.send("q");
    assert!(tui.wait_exit());
    assert!(tui.restored_terminal());
    assert!(
        !dir.path().join("days").exists()
            || fs::read_dir(dir.path().join("days/2026")).map_or(true, |d| d.count() == 0),
        "switching tabs wrote a day file"
    );
}

#[test]
fn the_app_asks_before_creating_a_journal_folder() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("typo");
    let mut tui = Tui::start(&missing, &["--today", "2026-11-22"]);
    tui.wait_for("Start a new one there?");
    tui.send("n\r");
    assert!(tui.wait_exit());
    assert!(
        !missing.exists(),
        "a journal folder was created without asking"
    );
    let mut tui = Tui::start(&missing, &["--today", "2026-11-22"]);
    tui.wait_for("Start a new one there?");
    tui.send("y\r");
    tui.wait_for("Morning pain");
    tui.send("q");
    assert!(tui.wait_exit());
    assert!(missing.is_dir());
}
