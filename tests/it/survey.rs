//! `check` walks the journal once: what it finds must be what the three walks of before found
//! (old temp files removed, what others can read, every day file read), on a journal full of
//! odd things.

#![cfg(unix)]

use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;
use std::time::{Duration, SystemTime};
use stridelog::journal::entry::{self, DayEntry, Score};
use stridelog::journal::store::{Scope, read_days};
use stridelog::journal::{survey, tidy};

fn put(root: &Path, rel: &str, text: &str, mode: u32) {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, text).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(mode)).unwrap();
}

fn day(date: &str, worst: u8) -> String {
    let mut day = DayEntry::new(date.parse().unwrap());
    day.worst_pain = Score::new(worst);
    entry::format_day(&day)
}

fn age(root: &Path, rel: &str, by: Duration) {
    let file = fs::File::options()
        .write(true)
        .open(root.join(rel))
        .unwrap();
    file.set_modified(SystemTime::now() - by).unwrap();
}

fn mode(root: &Path, rel: &str, mode: u32) {
    fs::set_permissions(root.join(rel), fs::Permissions::from_mode(mode)).unwrap();
}

/// A journal with a bit of everything `check` reports.
fn odd_journal(root: &Path) {
    for (i, date) in ["2026-01-01", "2026-01-02", "2026-02-10", "2025-12-31"]
        .iter()
        .enumerate()
    {
        let year = &date[..4];
        put(
            root,
            &format!("days/{year}/{date}.ron"),
            &day(date, 3),
            if i % 2 == 0 { 0o600 } else { 0o644 },
        );
    }
    put(root, "days/2026/2026-01-03.ron", "(version: 2,", 0o600);
    put(
        root,
        "days/2026/2026-01-04.ron",
        "(version: 9, date: \"2026-01-04\")",
        0o640,
    );
    put(
        root,
        "days/2026/ 2026-1-5.ron",
        &day("2026-01-05", 4),
        0o600,
    );
    put(root, "days/2026/notes.txt", "mine", 0o644);
    put(root, "days/2026/2026-01-01.conflict-1.ron", "x", 0o644);
    put(root, "days/2026/.stridelog-old111.tmp", "half", 0o600);
    age(
        root,
        "days/2026/.stridelog-old111.tmp",
        Duration::from_secs(3600),
    );
    put(root, "days/2026/.stridelog-new111.tmp", "half", 0o600);
    put(root, "days/.stridelog-old222.tmp", "half", 0o600);
    age(
        root,
        "days/.stridelog-old222.tmp",
        Duration::from_secs(3600),
    );
    put(root, "days/README", "about", 0o644);
    put(
        root,
        "days/old/2020-01-01.ron",
        &day("2020-01-01", 1),
        0o644,
    );
    put(root, "days/old/.stridelog-old333.tmp", "half", 0o600);
    age(
        root,
        "days/old/.stridelog-old333.tmp",
        Duration::from_secs(3600),
    );
    fs::create_dir_all(root.join("days/2026/2026-01-06.ron")).unwrap();
    mode(root, "days/2026/2026-01-06.ron", 0o755);
    symlink("2026-01-02.ron", root.join("days/2026/2026-01-07.ron")).unwrap();
    symlink("nowhere.ron", root.join("days/2026/2026-01-08.ron")).unwrap();
    let ok = std::process::Command::new("mkfifo")
        .arg(root.join("days/2026/2026-01-09.ron"))
        .status()
        .unwrap()
        .success();
    assert!(ok, "mkfifo");
    put(
        root,
        "elsewhere/2019-05-05.ron",
        &day("2019-05-05", 2),
        0o644,
    );
    symlink(root.join("elsewhere"), root.join("days/2019")).unwrap();
    put(root, "days/2018", "a file where a year folder goes", 0o644);
    mode(root, "days/2025", 0o755);
    mode(root, "days", 0o750);
    mode(root, ".", 0o711);
}

#[test]
fn one_walk_finds_what_three_walks_found() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    odd_journal(a.path());
    odd_journal(b.path());
    let now = SystemTime::now();

    let found = survey::survey(a.path(), now).unwrap();

    let removed = tidy::remove_stale_temp_files(b.path(), now, tidy::STALE_AFTER);
    let open = tidy::open_to_others(b.path());
    let loaded = read_days(b.path(), Scope::All).unwrap();

    assert_eq!(found.removed, removed);
    assert_eq!(found.removed.len(), 3);
    assert_eq!(found.open_to_others, open);
    assert!(open.len() >= 6, "{open:?}");
    assert_eq!(found.loaded.journal, loaded.journal);
    assert_eq!(found.loaded.blocked, loaded.blocked);
    assert!(found.loaded.journal.problems.len() >= 4);
    assert!(!a.path().join("days/2026/.stridelog-old111.tmp").exists());
    assert!(a.path().join("days/2026/.stridelog-new111.tmp").exists());
}

#[test]
fn check_says_the_same_as_before_on_an_odd_journal() {
    let dir = tempfile::tempdir().unwrap();
    odd_journal(dir.path());
    let mut out = Vec::new();
    let fine = stridelog::commands::check::run(dir.path(), &mut out).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(!fine);
    let shown = |rel: &str| dir.path().join(rel).display().to_string();
    for line in [
        format!(
            "{}: note: removed, a temp file left by an interrupted save",
            shown("days/2026/.stridelog-old111.tmp")
        ),
        format!(
            "{}: warning: others on this computer can read it (mode 644)",
            shown("days/2026/2026-01-02.ron")
        ),
        format!(
            "{}: warning: others on this computer can read it (mode 711)",
            dir.path().display()
        ),
        format!(
            "{}: is a named pipe (FIFO), not a regular file",
            shown("days/2026/2026-01-09.ron")
        ),
        format!(
            "{}: note: a temp file of a save in progress",
            shown("days/2026/.stridelog-new111.tmp")
        ),
    ] {
        assert!(out.contains(&line), "{line}\n{out}");
    }
}
