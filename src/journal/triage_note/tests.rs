use super::*;

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Waits past the clock tick of the last change: on kernels before 6.13 a folder's change
/// time moves in ticks of a few milliseconds, so two changes in one tick look like one.
fn next_tick() {
    std::thread::sleep(Duration::from_millis(20));
}

fn journal_with_years(years: &[i32]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for year in years {
        fs::create_dir_all(dir.path().join(format!("days/{year}"))).unwrap();
    }
    dir
}

/// The folders as noted a minute from now: their change times are then old enough to be
/// trusted by stamp alone.
fn marks_later(root: &Path) -> Marks {
    Marks::take_at(root, SystemTime::now() + Duration::from_secs(60)).unwrap()
}

fn trusts(root: &Path) -> Vec<char> {
    let note = Note::read(root).unwrap();
    std::iter::once(note.days.trust)
        .chain(note.years.iter().map(|y| y.mark.trust))
        .map(Trust::letter)
        .collect()
}

#[test]
fn a_note_holds_until_a_year_folder_it_needs_changes() {
    let now: fn(&Path) -> Marks = |root| Marks::take(root).unwrap();
    for marks in [now, marks_later] {
        let dir = journal_with_years(&[2024, 2025, 2026]);
        let root = dir.path();
        let noted = [date("2024-07-07"), date("2025-03-01"), date("2026-05-05")];
        write(root, &noted, &[], marks(root)).unwrap();
        assert_eq!(
            latest_before(root, date("2026-06-01")),
            Noted::Triage(date("2026-05-05"))
        );
        assert_eq!(
            latest_before(root, date("2026-05-05")),
            Noted::Triage(date("2025-03-01"))
        );
        assert_eq!(
            latest_before(root, date("2025-03-01")),
            Noted::Triage(date("2024-07-07"))
        );
        assert_eq!(latest_before(root, date("2024-07-07")), Noted::NoTriage);
        // An older year folder changing does not matter to the days after it.
        next_tick();
        fs::write(root.join("days/2024/2024-05-05.ron"), "").unwrap();
        assert_eq!(
            latest_before(root, date("2026-01-01")),
            Noted::Triage(date("2025-03-01"))
        );
        assert_eq!(latest_before(root, date("2025-01-01")), Noted::Unknown);
        // A file arriving in a later year does (a synced day may hold a newer triage).
        next_tick();
        fs::write(root.join("days/2026/2026-01-02.ron"), "").unwrap();
        assert_eq!(latest_before(root, date("2026-06-01")), Noted::Unknown);
        assert_eq!(
            latest_before(root, date("2025-12-31")),
            Noted::Triage(date("2025-03-01"))
        );
    }
}

#[test]
fn folders_changed_just_before_the_note_are_checked_by_their_names_too() {
    let dir = journal_with_years(&[2025]);
    let root = dir.path();
    fs::write(root.join("days/2025/2025-01-01.ron"), "").unwrap();
    write(root, &[], &[], Marks::take(root).unwrap()).unwrap();
    assert_eq!(trusts(root), ['n', 'n'], "changed seconds ago");
    write(root, &[], &[], marks_later(root)).unwrap();
    assert_eq!(trusts(root), ['s', 's']);

    // A change the change time would not show (one in the same tick as the last, on a coarse
    // clock) is seen in the names: the note says what the folder held, not what it holds.
    let mut note = Note::read(root).unwrap();
    note.years[0].mark.trust = Trust::Names;
    note.years[0].mark.names ^= 1;
    note.write(root).unwrap();
    assert_eq!(latest_before(root, date("2026-01-01")), Noted::Unknown);
    note.years[0].mark.names ^= 1;
    note.write(root).unwrap();
    assert_eq!(latest_before(root, date("2026-01-01")), Noted::NoTriage);
    // Trusted by stamp alone, the same note would not have looked.
    note.years[0].mark.trust = Trust::Stamp;
    note.years[0].mark.names ^= 1;
    note.write(root).unwrap();
    assert_eq!(latest_before(root, date("2026-01-01")), Noted::NoTriage);
}

#[test]
fn a_new_year_folder_makes_the_note_stale() {
    let dir = journal_with_years(&[2024, 2025]);
    let root = dir.path();
    write(root, &[], &[], Marks::take(root).unwrap()).unwrap();
    assert_eq!(latest_before(root, date("2026-01-01")), Noted::NoTriage);
    next_tick();
    fs::create_dir(root.join("days/2023")).unwrap();
    assert_eq!(latest_before(root, date("2026-01-01")), Noted::Unknown);
}

#[test]
fn years_with_unreadable_days_links_or_no_folder_are_never_vouched_for() {
    let dir = journal_with_years(&[2024, 2025, 2026]);
    let root = dir.path();
    write(root, &[date("2024-02-02")], &[2025], marks_later(root)).unwrap();
    assert_eq!(trusts(root), ['s', 's', 'x', 's']);
    assert_eq!(latest_before(root, date("2026-01-01")), Noted::Unknown);
    assert_eq!(
        latest_before(root, date("2025-01-01")),
        Noted::Triage(date("2024-02-02"))
    );
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("/nowhere", root.join("days/2026/2026-01-01.ron")).unwrap();
        write(root, &[], &[], marks_later(root)).unwrap();
        assert_eq!(trusts(root), ['s', 'x', 's', 's']);
        // A year folder that is a link to nothing now (a drive not mounted).
        std::os::unix::fs::symlink("/nowhere", root.join("days/2019")).unwrap();
        write(root, &[], &[], marks_later(root)).unwrap();
        assert_eq!(trusts(root)[0], 'x');
        assert_eq!(latest_before(root, date("2020-01-01")), Noted::Unknown);
    }
}

#[test]
fn a_broken_edited_or_foreign_note_is_not_used() {
    let dir = journal_with_years(&[2024, 2025]);
    let root = dir.path();
    write(
        root,
        &[date("2025-02-02"), date("2024-02-02")],
        &[],
        Marks::take(root).unwrap(),
    )
    .unwrap();
    let text = fs::read_to_string(note_path(root)).unwrap();
    assert_eq!(
        latest_before(root, date("2026-01-01")),
        Noted::Triage(date("2025-02-02"))
    );
    let line_2025 = text.lines().find(|l| l.starts_with("2025 ")).unwrap();
    for broken in [
        String::new(),
        text[..text.len() - 4].to_owned(),
        text.replace(HEADER, "stridelog triage note 1"),
        text.replace(HEADER, &format!("{HEADER}0")),
        // Edited by hand: a day taken out, a year taken out (the check at the end no longer
        // matches).
        text.replace(" 33\n", "\n"),
        text.replace(&format!("{line_2025}\n"), ""),
        text.replace(" 33\n", " 367\n"),
    ] {
        fs::write(note_path(root), &broken).unwrap();
        assert_eq!(
            latest_before(root, date("2026-01-01")),
            Noted::Unknown,
            "{broken}"
        );
    }
    // Years out of order, even with a check that matches.
    let mut note = Note::read_unchecked(&text).unwrap();
    note.years.reverse();
    note.write(root).unwrap();
    assert_eq!(latest_before(root, date("2026-01-01")), Noted::Unknown);
}

/// What a save does to the folder: a new file (or one put in place of the old by a rename).
fn save(root: &Path, day: &str, triage: bool) {
    let before = BeforeSave::take(root, date(day));
    let path = root.join(super::super::scope::day_path(date(day)));
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let temp = path.with_extension("tmp");
    fs::write(&temp, "").unwrap();
    fs::rename(&temp, &path).unwrap();
    before.after(root, triage);
}

#[test]
fn our_own_saves_keep_the_note_up_to_date() {
    let dir = journal_with_years(&[2025, 2026]);
    let root = dir.path();
    write(root, &[date("2025-03-01")], &[], Marks::take(root).unwrap()).unwrap();
    save(root, "2026-02-01", false);
    assert_eq!(
        latest_before(root, date("2026-06-01")),
        Noted::Triage(date("2025-03-01"))
    );
    save(root, "2026-02-02", true);
    assert_eq!(
        latest_before(root, date("2026-06-01")),
        Noted::Triage(date("2026-02-02"))
    );
    // The same day saved again (its file replaced).
    save(root, "2026-02-02", true);
    assert_eq!(
        latest_before(root, date("2026-06-01")),
        Noted::Triage(date("2026-02-02"))
    );
    // Taking a triage away.
    save(root, "2026-02-02", false);
    assert_eq!(
        latest_before(root, date("2026-06-01")),
        Noted::Triage(date("2025-03-01"))
    );
    // A year folder made by a save leaves the note stale.
    save(root, "2027-01-01", true);
    assert_eq!(latest_before(root, date("2027-06-01")), Noted::Unknown);
}

#[test]
fn another_programs_file_during_our_save_is_not_taken_in() {
    let dir = journal_with_years(&[2025, 2026]);
    let root = dir.path();
    write(root, &[date("2025-03-01")], &[], Marks::take(root).unwrap()).unwrap();
    let before = BeforeSave::take(root, date("2026-02-01"));
    fs::write(root.join("days/2026/2026-02-01.ron"), "").unwrap();
    // A synced day lands while ours is being written.
    fs::write(root.join("days/2026/2026-01-09.ron"), "").unwrap();
    before.after(root, false);
    assert_eq!(latest_before(root, date("2026-06-01")), Noted::Unknown);
    assert_eq!(
        latest_before(root, date("2026-01-01")),
        Noted::Triage(date("2025-03-01"))
    );
}

#[test]
fn the_full_read_removes_old_temp_files_of_notes_cut_short() {
    let dir = journal_with_years(&[2025]);
    let root = dir.path();
    let old = root.join(".latest-triage.a1b2c3.tmp");
    let new = root.join(".latest-triage.d4e5f6.tmp");
    let other = root.join(".latest-triage.notes.txt");
    for path in [&old, &new, &other] {
        fs::write(path, "").unwrap();
    }
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    for path in [&old, &other] {
        fs::File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_modified(hour_ago)
            .unwrap();
    }
    write(root, &[], &[], Marks::take(root).unwrap()).unwrap();
    assert!(!old.exists(), "an old temp file of ours");
    assert!(new.exists(), "perhaps being written right now");
    assert!(other.exists(), "not ours");
    assert!(note_path(root).exists());
}
