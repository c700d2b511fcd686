//! The store against a world that does not wait for it: files deleted, replaced, turned into
//! FIFOs, left half-written or readable by others while the journal is open. Real files on disk.

use crate::support::{date, write};
use std::fs;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime};
use stridelog::journal::DayEntry;
use stridelog::journal::store::{FsStore, SaveError, Scope, Store, day_path};

fn day_text(on: &str, notes: &str) -> String {
    format!("(version: 1, date: \"{on}\", notes: \"{notes}\")\n")
}

#[test]
fn a_day_deleted_on_disk_is_a_conflict_and_is_not_written_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = FsStore::open(dir.path()).unwrap();
    store.load(Scope::All).unwrap();
    let mut day = DayEntry::new(date("2026-11-22"));
    day.notes = "first".into();
    store.save(&day).unwrap();
    let path = dir.path().join(day_path(day.date));
    fs::remove_file(&path).unwrap();
    day.notes = "second".into();
    let err = store.save(&day).unwrap_err();
    assert!(matches!(err, SaveError::Deleted { .. }), "{err}");
    assert!(
        err.to_string().contains("deleted outside stridelog"),
        "{err}"
    );
    assert!(!path.exists(), "the deleted day was written back");
}

#[test]
fn the_app_asks_keep_mine_or_leave_deleted() {
    use ratatui::crossterm::event::KeyCode;
    use stridelog::session::ConflictKind;
    use stridelog::tui::testing::{self, key};
    for (answer, kept) in [('k', true), ('r', false)] {
        let dir = tempfile::tempdir().unwrap();
        let today = date("2026-11-22");
        write(dir.path(), &day_path(today), &day_text("2026-11-22", "x"));
        let mut app = testing::app(Box::new(FsStore::open(dir.path()).unwrap()), today);
        let path = dir.path().join(day_path(today));
        fs::remove_file(&path).unwrap();
        app.press(key(KeyCode::Enter));
        app.press(key(KeyCode::Char('4')));
        app.press(key(KeyCode::Enter));
        assert!(app.ctx.session.conflict().is_some(), "no conflict");
        assert_eq!(
            app.ctx.session.conflict().map(|c| c.kind),
            Some(ConflictKind::Deleted)
        );
        assert!(testing::screen(&app, 100, 30).contains("deleted outside stridelog"));
        assert!(!path.exists());
        app.press(key(KeyCode::Char(answer)));
        assert!(app.ctx.session.conflict().is_none());
        assert_eq!(path.exists(), kept, "answer {answer}");
        if kept {
            let text = fs::read_to_string(&path).unwrap();
            assert!(text.contains("morning_pain: Some(4)"), "{text}");
        } else {
            assert!(app.ctx.journal().day(today).is_none());
        }
    }
}

/// 200 replacements of a day by another program (a sync tool renaming its copy into place)
/// while the store saves the same day in a loop: none may be overwritten unseen. The saver
/// appends to what it last read, so a version it saw survives in every later save; the
/// outside writer checks, before each replacement, that its previous version is still there
/// (itself or inside a save made on top of it).
#[test]
fn outside_replacements_during_a_save_loop_are_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    let on = date("2026-11-22");
    let rel = day_path(on);
    write(&root, &rel, &day_text("2026-11-22", "o0"));
    let stop = AtomicBool::new(false);
    let (saved, races, lost) = std::thread::scope(|s| {
        let saver = s.spawn(|| {
            let mut store = FsStore::open(&root).unwrap();
            let mut day = store.load(Scope::All).unwrap().days.remove(&on).unwrap();
            let (mut saves, mut races) = (0, 0);
            while !stop.load(Ordering::SeqCst) {
                day.notes.push_str(" s");
                match store.save(&day) {
                    Ok(()) => saves += 1,
                    Err(SaveError::Changed { .. } | SaveError::Deleted { .. }) => {
                        races += 1;
                        day = store.reload_day(on).unwrap().unwrap();
                    }
                    Err(e) => panic!("{e}"),
                }
                if day.notes.len() > 2000 {
                    day.notes.truncate(2);
                }
            }
            (saves, races)
        });
        let mut lost = 0;
        let mut seed: u64 = 7;
        for n in 1..=200 {
            let now = fs::read_to_string(root.join(&rel)).unwrap();
            let previous = format!("o{}", n - 1);
            if !now.split(['"', ' ']).any(|w| w == previous) {
                lost += 1;
            }
            let tmp = root.join("days/2026/.outside.tmp");
            fs::write(&tmp, day_text("2026-11-22", &format!("o{n}"))).unwrap();
            fs::rename(&tmp, root.join(&rel)).unwrap();
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            std::thread::sleep(Duration::from_micros(300 + (seed >> 33) % 2000));
        }
        stop.store(true, Ordering::SeqCst);
        let (done, races) = saver.join().unwrap();
        (done, races, lost)
    });
    eprintln!("saves {saved}, races detected {races}, outside versions lost {lost}");
    assert!(
        // How many of each depends on how busy the machine is; both must happen.
        saved > 0 && races > 0,
        "the race never happened: {saved} saves, {races} races"
    );
    assert_eq!(
        lost, 0,
        "{lost} of 200 outside versions were overwritten unseen"
    );
}

#[test]
fn conflict_copies_in_the_same_second_never_overwrite_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = FsStore::open(dir.path()).unwrap();
    let mut first = DayEntry::new(date("2026-11-22"));
    first.notes = "first".into();
    let mut second = first.clone();
    second.notes = "second".into();
    let a = store.keep_copy(&first, "20261122-120000").unwrap();
    let b = store.keep_copy(&second, "20261122-120000").unwrap();
    assert_ne!(a, b);
    assert!(b.ends_with(".conflict-20261122-120000-2.ron"), "{b}");
    assert!(
        fs::read_to_string(dir.path().join(a))
            .unwrap()
            .contains("first")
    );
    assert!(
        fs::read_to_string(dir.path().join(b))
            .unwrap()
            .contains("second")
    );
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(ok.success());
}

/// Runs `f` on a thread; panics if it has not finished after 10 s (it hangs).
fn within_10s<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(10))
        .expect("it hung on a FIFO")
}

#[cfg(unix)]
#[test]
fn a_fifo_named_like_a_day_is_skipped_and_reported_never_read() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    mkfifo(&root.join("days/2026/2026-11-21.ron"));
    write(
        &root,
        &day_path(date("2026-11-20")),
        &day_text("2026-11-20", "fine"),
    );
    fs::create_dir_all(root.join("days/2026/2026-11-22.ron")).unwrap();
    // Read with the whole history and, as the first screen does, by date.
    let first_screen = Scope::Dates {
        from: date("2026-11-01"),
        to: date("2026-11-30"),
    };
    for scope in [Scope::All, first_screen] {
        let journal = within_10s({
            let root = root.clone();
            move || FsStore::open_read_only(&root).load(scope).unwrap()
        });
        assert_eq!(journal.days.len(), 1, "{scope:?}");
        let problem = journal.problem_for(date("2026-11-21")).expect("reported");
        assert!(problem.error.contains("FIFO"), "{}", problem.error);
        let problem = journal.problem_for(date("2026-11-22")).expect("reported");
        assert!(problem.error.contains("a folder"), "{}", problem.error);
    }
    // Never saved over either, and the save does not hang.
    let err = within_10s(move || {
        let mut store = FsStore::open(&root).unwrap();
        store.load(Scope::All).unwrap();
        store
            .save(&DayEntry::new(date("2026-11-21")))
            .unwrap_err()
            .to_string()
    });
    assert!(err.contains("FIFO"), "{err}");
}

#[test]
fn only_our_own_old_temp_files_are_removed() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("days/2026");
    fs::create_dir_all(&folder).unwrap();
    let old = SystemTime::now() - Duration::from_secs(3600);
    let make = |name: &str, when: SystemTime| {
        let file = fs::File::create(folder.join(name)).unwrap();
        file.set_modified(when).unwrap();
    };
    make(".stridelog-ab12Cd.tmp", old);
    make(".stridelog-fresh1.tmp", SystemTime::now());
    make(".other-tool.tmp", old);
    make("notes.tmp", old);
    let mut store = FsStore::open(dir.path()).unwrap();
    assert!(!folder.join(".stridelog-ab12Cd.tmp").exists());
    assert!(
        folder.join(".stridelog-fresh1.tmp").exists(),
        "a save in progress"
    );
    assert!(folder.join(".other-tool.tmp").exists());
    assert!(folder.join("notes.tmp").exists());
    let notice = store.take_notice().expect("said once");
    assert!(notice.contains("removed 1 temp file"), "{notice}");
    assert_eq!(store.take_notice(), None);
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &day_path(date("2026-11-22")),
        &format!("\u{feff}{}", day_text("2026-11-22", "from notepad")),
    );
    let journal = FsStore::open_read_only(dir.path())
        .load(Scope::All)
        .unwrap();
    assert!(journal.problems.is_empty(), "{:?}", journal.problems);
    assert_eq!(journal.days[&date("2026-11-22")].notes, "from notepad");
}

#[test]
fn git_conflict_markers_and_newer_versions_get_messages_that_say_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &day_path(date("2026-11-22")),
        "(\n    version: 1,\n    date: \"2026-11-22\",\n<<<<<<< HEAD\n    worst_pain: Some(4),\n\
         =======\n    worst_pain: Some(6),\n>>>>>>> laptop\n)\n",
    );
    write(
        dir.path(),
        &day_path(date("2026-11-21")),
        "(version: 99, date: \"2026-11-21\")\n",
    );
    let journal = FsStore::open_read_only(dir.path())
        .load(Scope::All)
        .unwrap();
    let markers = &journal.problem_for(date("2026-11-22")).unwrap().error;
    assert!(
        markers.starts_with("4:1: has git merge conflict markers"),
        "{markers}"
    );
    let newer = &journal.problem_for(date("2026-11-21")).unwrap().error;
    assert!(newer.contains("update stridelog"), "{newer}");
}

#[cfg(unix)]
#[test]
fn day_files_others_can_read_are_made_private_on_the_first_save_and_said_once() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    write(
        &root,
        &day_path(date("2026-11-20")),
        &day_text("2026-11-20", "a"),
    );
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let set = |p: &Path, m: u32| fs::set_permissions(p, fs::Permissions::from_mode(m)).unwrap();
    set(&root, 0o755);
    set(&root.join("days"), 0o755);
    set(&root.join("days/2026"), 0o755);
    set(&root.join(day_path(date("2026-11-20"))), 0o644);
    let mut store = FsStore::open(&root).unwrap();
    store.load(Scope::All).unwrap();
    store.save(&DayEntry::new(date("2026-11-22"))).unwrap();
    assert_eq!(mode(&root), 0o700);
    assert_eq!(mode(&root.join("days/2026")), 0o700);
    assert_eq!(mode(&root.join(day_path(date("2026-11-20")))), 0o600);
    let notice = store.take_notice().expect("said");
    assert!(
        notice.contains("made 4 day file(s) or folder(s) private"),
        "{notice}"
    );
    store.save(&DayEntry::new(date("2026-11-21"))).unwrap();
    assert_eq!(store.take_notice(), None, "said only once");
}
