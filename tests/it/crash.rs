//! Crash safety: the real binary saving in a loop is killed with SIGKILL at random moments,
//! many times; every day file must still parse and hold one whole round's content.

#![cfg(unix)]

use std::process::{Command, Stdio};
use std::time::Duration;
use stridelog::commands::burst::burst_note;
use stridelog::journal::store::{FsStore, Scope, Store};

#[test]
fn sigkill_during_saves_never_leaves_a_torn_day() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    // A small deterministic "random" schedule of kill delays (1-40 ms).
    let mut seed: u64 = 0x5EED;
    for attempt in 0..25 {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let delay = 1 + (seed >> 33) % 40;
        let mut child = Command::new(env!("CARGO_BIN_EXE_stridelog"))
            .args([
                "test-hook",
                "save-burst",
                "--days",
                "4",
                "--today",
                "2026-11-22",
                "--data-dir",
            ])
            .arg(root)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();

        let journal = FsStore::open_read_only(root).load(Scope::All).unwrap();
        assert!(
            journal.problems.is_empty(),
            "attempt {attempt}: {:?}",
            journal.problems
        );
        for day in journal.days.values() {
            let round: u64 = day.notes.split(' ').nth(1).unwrap().parse().unwrap();
            assert_eq!(
                day.notes,
                burst_note(round),
                "attempt {attempt}: {} is torn",
                day.date
            );
        }
        // Temp files a kill leaves behind are never read as days.
        assert!(
            journal.stray_files.iter().all(|f| std::path::Path::new(f)
                .extension()
                .is_some_and(|e| e == "tmp")),
            "{:?}",
            journal.stray_files
        );
    }
    let journal = FsStore::open_read_only(root).load(Scope::All).unwrap();
    assert!(
        !journal.days.is_empty(),
        "the burst saved nothing: the test proved nothing"
    );
}
