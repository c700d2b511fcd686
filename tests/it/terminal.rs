//! The app and its terminal, end to end in a pseudo-terminal: a closed terminal ends the app
//! at once and frees the journal; every signal restores the terminal and keeps what was typed;
//! a read-only app takes the journal over when the other one closes.

#![cfg(unix)]

use crate::support::pty::Tui;
use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};
use stridelog::journal::DayEntry;
use stridelog::journal::store::{Access, FsStore, Store};

const TODAY: &[&str] = &["--today", "2026-11-22"];

fn read_day(dir: &Path) -> Option<DayEntry> {
    let text = fs::read_to_string(dir.join("days/2026/2026-11-22.ron")).ok()?;
    Some(stridelog::journal::entry::parse_day(&text, None).unwrap())
}

/// Waits up to `limit` for the app to end; returns how long it took.
fn time_to_exit(tui: &mut Tui, limit: Duration) -> Option<Duration> {
    let start = Instant::now();
    while start.elapsed() < limit {
        if tui.exited().is_some() {
            return Some(start.elapsed());
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    None
}

#[test]
fn closing_the_terminal_ends_the_app_within_a_second_and_frees_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(dir.path(), TODAY);
    tui.wait_for("read-write");
    tui.hang_up("?");
    let took = time_to_exit(&mut tui, Duration::from_secs(5));
    let took = took.expect("the app still runs 5 s after its terminal was closed");
    eprintln!("exit after the terminal closed: {took:?}");
    assert!(took <= Duration::from_secs(1), "took {took:?}");
    let store = FsStore::open(dir.path()).unwrap();
    assert_eq!(store.access(), Access::ReadWrite, "the lock is still held");
}

#[test]
fn closing_the_terminal_mid_edit_saves_a_valid_value() {
    let dir = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(dir.path(), TODAY);
    tui.wait_for("Morning pain");
    tui.send("\x1b[B");
    tui.send("\r6"); // worst pain, typed, no Enter
    tui.hang_up("\x1b[D"); // the cursor key moves inside the field: a redraw, nothing saved
    time_to_exit(&mut tui, Duration::from_secs(5)).expect("the app ended");
    let day = read_day(dir.path()).expect("the typed value was saved");
    assert_eq!(day.worst_pain.map(stridelog::journal::Score::get), Some(6));
}

#[test]
fn a_second_app_names_the_holder_and_becomes_writable_when_it_closes() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = Tui::start(dir.path(), TODAY);
    first.wait_for("read-write");
    let mut second = Tui::start(dir.path(), TODAY);
    second.wait_for(&format!(
        "READ-ONLY: another stridelog has this journal open (PID {}, since",
        first.pid()
    ));
    first.send("q");
    assert!(first.wait_exit());
    let start = Instant::now();
    second.wait_for("read-write");
    assert!(start.elapsed() < Duration::from_secs(5));
    second.wait_for("this one can save now");
    second.send("\r4\r");
    second.wait_for("Saved");
    second.send("q");
    assert!(second.wait_exit());
    let day = read_day(dir.path()).expect("the second app saved");
    assert_eq!(
        day.morning_pain.map(stridelog::journal::Score::get),
        Some(4)
    );
}

#[test]
fn sigint_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(dir.path(), TODAY);
    tui.wait_for("read-write");
    tui.signal("INT");
    tui.wait_exit();
    assert!(tui.restored_terminal());
}

#[test]
fn sigterm_while_typing_saves_a_valid_value_and_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(dir.path(), TODAY);
    tui.wait_for("Morning pain");
    tui.send("\x1b[B");
    tui.send("\r7");
    tui.signal("TERM");
    assert!(tui.wait_exit());
    assert!(tui.restored_terminal());
    let day = read_day(dir.path()).expect("saved");
    assert_eq!(day.worst_pain.map(stridelog::journal::Score::get), Some(7));
}

#[test]
fn sighup_while_typing_a_bad_value_keeps_it_for_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(dir.path(), TODAY);
    tui.wait_for("Morning pain");
    tui.send("\x1b[B");
    tui.send("\r12"); // not a pain score: cannot be saved
    tui.signal("HUP");
    tui.wait_exit();
    assert!(tui.restored_terminal());
    assert!(read_day(dir.path()).is_none(), "a bad value was saved");
    assert!(dir.path().join("recovery.ron").is_file());

    let mut next = Tui::start(dir.path(), TODAY);
    next.wait_for("Recovered what you were typing");
    next.send("\x7f"); // Backspace: 12 -> 1
    next.send("\r");
    next.wait_for("Saved");
    next.send("q");
    assert!(next.wait_exit());
    let day = read_day(dir.path()).expect("saved");
    assert_eq!(day.worst_pain.map(stridelog::journal::Score::get), Some(1));
    assert!(!dir.path().join("recovery.ron").exists());
}

#[test]
fn today_follows_the_clock_past_midnight() {
    let dir = tempfile::tempdir().unwrap();
    // A fake clock two seconds before midnight, running on from there.
    let mut tui = Tui::start(dir.path(), &["--now", "2026-11-22T23:59:58"]);
    tui.wait_for("Sun 22 Nov 2026");
    tui.wait_for("Mon 23 Nov 2026");
    tui.wait_for("It is Mon 23 Nov now");
    tui.send("\r3\r");
    tui.wait_for("Saved");
    tui.send("q");
    assert!(tui.wait_exit());
    assert!(!dir.path().join("days/2026/2026-11-22.ron").exists());
    let text = fs::read_to_string(dir.path().join("days/2026/2026-11-23.ron")).unwrap();
    let day = stridelog::journal::entry::parse_day(&text, None).unwrap();
    assert_eq!(
        day.morning_pain.map(stridelog::journal::Score::get),
        Some(3)
    );
}

/// CPU seconds used so far by process `pid` (Linux).
#[cfg(target_os = "linux")]
fn cpu_seconds(pid: u32) -> f64 {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let fields: Vec<&str> = stat
        .rsplit(')')
        .next()
        .unwrap()
        .split_whitespace()
        .collect();
    let ticks: u64 = fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap();
    ticks as f64 / 100.0 // USER_HZ is 100 on Linux
}

#[cfg(target_os = "linux")]
#[test]
fn an_idle_app_with_a_5_mb_note_uses_no_cpu() {
    let dir = tempfile::tempdir().unwrap();
    let note = "calf tingling after 4 km, easier on grass. ".repeat(5 * 1024 * 1024 / 43);
    let path = dir.path().join("days/2026/2026-11-22.ron");
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(
        &path,
        format!("(version: 1, date: \"2026-11-22\", notes: \"{note}\")"),
    )
    .unwrap();
    let mut tui = Tui::start(dir.path(), TODAY);
    tui.wait_for("read-write");
    tui.send(&"j".repeat(13)); // down to the notes
    std::thread::sleep(Duration::from_secs(1));
    let before = cpu_seconds(tui.pid());
    std::thread::sleep(Duration::from_secs(3));
    let used = cpu_seconds(tui.pid()) - before;
    eprintln!("idle CPU with a 5 MB note: {:.1} %", used / 3.0 * 100.0);
    assert!(used < 0.06, "an idle app used {used:.2} s of CPU in 3 s");
    tui.send("q");
    assert!(tui.wait_exit());
}
