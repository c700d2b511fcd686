//! The note of the days holding a triage (`.latest-triage.<host>.ron`): a first screen whose days
//! hold none reads the latest triage's day from it instead of searching every older day, for
//! as long as the folders it needs are the ones it was written against; what it cannot see
//! (a file edited in place) is caught by the full read that follows the first frame, which
//! writes the note again.

use crate::support::{self, date, save_day, triage_day};
use chrono::{Datelike, Days, NaiveDate};
use std::fs;
use std::path::Path;
use std::time::Duration;
use stridelog::journal::entry::{self, DayEntry, RedFlag, Score};
use stridelog::journal::store::{FsStore, Store as _, day_path, note_path, read_history};
use stridelog::journal::{Journal, load_first_screen};
use stridelog::rules::{Verdict, evaluate};

/// Three years, a day in two; a red flag 700 days before `today`; no triage since.
fn journal() -> (tempfile::TempDir, NaiveDate, NaiveDate) {
    let dir = tempfile::tempdir().unwrap();
    let today = date("2026-06-30");
    for back in (1..1100).step_by(2) {
        let mut day = DayEntry::new(today - Days::new(back));
        day.worst_pain = Score::new(3);
        save_day(dir.path(), &day);
    }
    save_day(
        dir.path(),
        &triage_day(today - Days::new(700), vec![RedFlag::SaddleNumbness]),
    );
    (dir, today, today - Days::new(41))
}

/// Waits past the clock tick of the last change to a folder (a few milliseconds on kernels
/// before 6.13), as any real change after the note would be.
fn next_tick() {
    std::thread::sleep(Duration::from_millis(20));
}

fn first_screen(root: &Path, from: NaiveDate, today: NaiveDate) -> Journal {
    load_first_screen(&mut FsStore::open_read_only(root), from, today).unwrap()
}

/// Replaces a file's bytes where it is (same file, no new name in the folder): what an
/// editor that writes in place does, which no folder's change time shows.
fn edit_in_place(root: &Path, day: &DayEntry) {
    let path = root.join(day_path(day.date));
    assert!(path.exists(), "an edit in place of a day that is there");
    fs::write(path, entry::format_day(day)).unwrap();
}

#[test]
fn the_full_read_writes_the_note_and_the_first_screen_reads_the_old_red_flag_from_it() {
    let (dir, today, from) = journal();
    let root = dir.path();
    read_history(root, from, today, true).unwrap();
    let note = fs::read_to_string(note_path(root)).unwrap();
    let red_flag_day = today - Days::new(700);
    let line = note
        .lines()
        .find(|l| l.starts_with(&red_flag_day.year().to_string()))
        .unwrap();
    assert!(
        line.ends_with(&format!(" {}", red_flag_day.ordinal())),
        "{note}"
    );

    let journal = first_screen(root, from, today);
    assert!(journal.days[&red_flag_day].triage.is_some());
    assert_eq!(evaluate(&journal, today).verdict, Verdict::Urgent);

    // The note is what was used: a triage added in place since, which no folder shows, is
    // not seen by the first screen...
    let answered_no = today - Days::new(301);
    edit_in_place(root, &triage_day(answered_no, Vec::new()));
    let journal = first_screen(root, from, today);
    assert_eq!(evaluate(&journal, today).verdict, Verdict::Urgent);
    // ...but by the full read right after the first frame, which writes the note again.
    let later = read_history(root, from, today, true).unwrap();
    assert!(later.journal.days[&answered_no].triage.is_some());
    let journal = first_screen(root, from, today);
    assert!(journal.days.contains_key(&answered_no));
    assert_ne!(evaluate(&journal, today).verdict, Verdict::Urgent);
}

/// Shows that the first screen answers from the note: a day edited in place, which no folder
/// shows, to hold a triage that answers no is not seen (the red flag stays).
fn assert_note_in_use(root: &Path, from: NaiveDate, today: NaiveDate) {
    let probe = today - Days::new(45);
    assert!(probe < from);
    let path = root.join(day_path(probe));
    let kept = fs::read_to_string(&path).unwrap();
    edit_in_place(root, &triage_day(probe, Vec::new()));
    assert_eq!(
        evaluate(&first_screen(root, from, today), today).verdict,
        Verdict::Urgent,
        "the note was used"
    );
    fs::write(path, kept).unwrap();
}

#[test]
fn a_day_synced_in_after_the_note_is_found_by_searching() {
    let (dir, today, from) = journal();
    let root = dir.path();
    read_history(root, from, today, true).unwrap();
    assert_note_in_use(root, from, today);
    next_tick();
    // A sync tool writes a new name and renames it into place.
    let synced = today - Days::new(300);
    let temp = root.join("days/2025/.syncthing.tmp");
    fs::write(&temp, entry::format_day(&triage_day(synced, Vec::new()))).unwrap();
    fs::rename(&temp, root.join(day_path(synced))).unwrap();
    let journal = first_screen(root, from, today);
    assert!(journal.days.contains_key(&synced));
    assert_ne!(evaluate(&journal, today).verdict, Verdict::Urgent);
}

#[test]
fn a_note_whose_day_lost_its_triage_is_not_trusted() {
    let (dir, today, from) = journal();
    let root = dir.path();
    let older = today - Days::new(900);
    save_day(root, &triage_day(older, vec![RedFlag::FootDrop]));
    read_history(root, from, today, true).unwrap();
    assert_note_in_use(root, from, today);
    // The noted day edited in place: its red flag answered no by taking the triage away.
    let red_flag_day = today - Days::new(700);
    edit_in_place(root, &DayEntry::new(red_flag_day));
    let journal = first_screen(root, from, today);
    assert!(journal.days.contains_key(&older), "found by searching");
    assert!(!journal.days.contains_key(&red_flag_day));
}

#[test]
fn a_journal_with_no_triage_is_noted_as_such_until_a_folder_changes() {
    let (dir, today, from) = journal();
    let root = dir.path();
    let red_flag_day = today - Days::new(700);
    save_day(root, &DayEntry::new(red_flag_day));
    read_history(root, from, today, true).unwrap();
    // In place, the note cannot see it (the full read will).
    edit_in_place(root, &triage_day(red_flag_day, vec![RedFlag::BothLegs]));
    assert_ne!(
        evaluate(&first_screen(root, from, today), today).verdict,
        Verdict::Urgent
    );
    // A new file in that year's folder makes the note stale: the search finds the red flag.
    next_tick();
    save_day(root, &DayEntry::new(red_flag_day - Days::new(2)));
    assert_eq!(
        evaluate(&first_screen(root, from, today), today).verdict,
        Verdict::Urgent
    );
}

#[test]
fn the_apps_own_saves_keep_the_note_and_a_reader_never_writes_it() {
    let (dir, today, from) = journal();
    let root = dir.path();
    read_history(root, from, today, false).unwrap();
    assert!(!note_path(root).exists(), "only the lock holder notes");
    let mut store = FsStore::open(root).unwrap();
    // A first save makes the folders private (a change of theirs the note need not see).
    store.save(&DayEntry::new(today - Days::new(2))).unwrap();
    read_history(root, from, today, true).unwrap();

    let newer = today - Days::new(200);
    store
        .save(&triage_day(newer, vec![RedFlag::FootDrop]))
        .unwrap();
    let note = fs::read_to_string(note_path(root)).unwrap();
    assert!(
        note.lines()
            .any(|l| l.starts_with(&newer.year().to_string())
                && l.split(' ')
                    .skip(5)
                    .any(|d| d == newer.ordinal().to_string())),
        "{note}"
    );
    // Still trusted after the save (the in-place edit shows which answer the note gives).
    edit_in_place(root, &triage_day(today - Days::new(101), Vec::new()));
    let journal = first_screen(root, from, today);
    assert!(journal.days[&newer].triage.is_some());
    assert_eq!(evaluate(&journal, today).verdict, Verdict::Urgent);
    drop(store);
}

#[cfg(unix)]
#[test]
fn the_app_writes_the_note_after_its_first_frame() {
    let (dir, today, _) = journal();
    let mut tui = support::pty::Tui::start(dir.path(), &["--today", &today.to_string()]);
    tui.wait_for("1 Log");
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while !note_path(dir.path()).exists() && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    tui.send("q");
    assert!(tui.wait_exit());
    let note = fs::read_to_string(note_path(dir.path())).unwrap();
    assert!(note.starts_with("stridelog triage note 2\n"), "{note}");
    assert!(note.lines().last().unwrap().starts_with("end "), "{note}");
}

#[test]
fn a_year_with_a_day_the_full_read_could_not_read_is_searched() {
    let (dir, today, from) = journal();
    let root = dir.path();
    // Half written (a sync in progress) when the full read ran: it may hold a triage.
    let half = today - Days::new(401);
    edit_in_place(root, &triage_day(half, vec![RedFlag::FootDrop]));
    let whole = fs::read_to_string(root.join(day_path(half))).unwrap();
    fs::write(root.join(day_path(half)), &whole[..whole.len() / 2]).unwrap();
    read_history(root, from, today, true).unwrap();
    // Finished in place later: the first screen searches that year and finds the red flag.
    fs::write(root.join(day_path(half)), &whole).unwrap();
    let journal = first_screen(root, from, today);
    assert!(journal.days[&half].triage.is_some());
    assert_eq!(evaluate(&journal, today).verdict, Verdict::Urgent);
}
