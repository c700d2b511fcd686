//! The session against an in-memory store: every save is undoable, refusals say why, a
//! conflict waits for the runner's choice.

use super::*;
use crate::journal::entry::{RedFlag, Score, Triage};
use crate::journal::memory::{MemoryStore, SharedStore};
use crate::rules::Verdict;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).expect("a date")
}

fn noon() -> NaiveTime {
    NaiveTime::from_hms_opt(12, 0, 0).expect("a time")
}

fn open(store: &SharedStore) -> Session {
    let mut store = store.clone();
    let journal = store.load(Scope::All).expect("loads");
    Session::new(today(), journal, Box::new(store))
}

fn with_pain(score: u8) -> DayEntry {
    let mut day = DayEntry::new(today());
    day.worst_pain = Score::new(score);
    day
}

#[test]
fn a_commit_saves_and_undo_then_redo_put_each_version_back_on_disk() {
    let store = SharedStore::default();
    let mut session = open(&store);
    session.commit(with_pain(3), "worst pain", noon()).unwrap();
    assert_eq!(store.day(today()).unwrap().worst_pain, Score::new(3));
    assert_eq!(session.save_state(), &SaveState::Saved(noon()));
    assert_eq!(session.undo_depth(), (1, 0));

    let undone = session.undo(noon()).unwrap().unwrap();
    assert_eq!(undone.what, "worst pain");
    assert_eq!(store.day(today()).unwrap().worst_pain, None);
    assert_eq!(session.journal().day(today()).unwrap().worst_pain, None);

    session.redo(noon()).unwrap().unwrap();
    assert_eq!(store.day(today()).unwrap().worst_pain, Score::new(3));
    assert_eq!(session.undo(noon()).unwrap().unwrap().what, "worst pain");
    assert_eq!(session.undo(noon()), Ok(None), "only one change was made");
}

#[test]
fn an_unchanged_day_is_not_saved_and_not_recorded() {
    let store = SharedStore::default();
    let mut session = open(&store);
    session
        .commit(DayEntry::new(today()), "nothing", noon())
        .unwrap();
    assert_eq!(store.saves(), 0);
    assert_eq!(session.undo_depth(), (0, 0));
}

#[test]
fn a_new_change_forgets_what_was_undone() {
    let store = SharedStore::default();
    let mut session = open(&store);
    session.commit(with_pain(3), "first", noon()).unwrap();
    session.undo(noon()).unwrap();
    session.commit(with_pain(5), "second", noon()).unwrap();
    assert_eq!(session.redo(noon()), Ok(None));
}

#[test]
fn a_failed_undo_keeps_the_change_and_a_stale_one_forgets_it() {
    let store = SharedStore::default();
    let mut session = open(&store);
    session.commit(with_pain(3), "worst pain", noon()).unwrap();
    store.fail(Some("disk full"));
    let refused = session.undo(noon()).unwrap_err();
    assert!(matches!(refused, Refusal::NotSaved(_)), "{refused:?}");
    assert!(refused.message().contains("disk full"));
    assert_eq!(session.undo_depth(), (1, 0), "still undoable");
    store.fail(None);

    // Another program rewrites the day and the runner reloads: undo must not roll it back.
    store
        .0
        .borrow_mut()
        .files
        .insert(today(), crate::journal::entry::format_day(&with_pain(6)));
    session.reload().unwrap();
    let refused = session.undo(noon()).unwrap_err();
    assert!(matches!(refused, Refusal::Stale(_)), "{refused:?}");
    assert_eq!(session.undo_depth(), (0, 0), "a stale change is forgotten");
    assert_eq!(store.day(today()).unwrap().worst_pain, Score::new(6));
}

#[test]
fn a_red_flag_commit_changes_the_verdict_and_undo_takes_it_back() {
    let store = SharedStore::default();
    let mut session = open(&store);
    let version = session.version();
    let mut day = DayEntry::new(today());
    day.triage = Some(Triage {
        red_flags: vec![RedFlag::Fever],
        ..Triage::default()
    });
    session.commit(day, "red flag answer", noon()).unwrap();
    assert_eq!(session.evaluation().verdict, Verdict::Urgent);
    assert!(session.version() > version);
    session.undo(noon()).unwrap();
    assert_ne!(session.evaluation().verdict, Verdict::Urgent);
}

#[test]
fn a_day_changed_on_disk_waits_for_the_runner_and_keep_both_keeps_a_copy() {
    let mut theirs = DayEntry::new(today());
    theirs.notes = "theirs".into();
    let mut memory = MemoryStore::with_days([DayEntry::new(today())]);
    memory.change_on_disk(&theirs);
    let store = SharedStore::with(memory);
    let mut session = open(&store);
    let message = session
        .commit(with_pain(4), "worst pain", noon())
        .unwrap_err();
    assert!(message.contains(conflict::KEEP_BOTH.1), "{message}");
    let waiting = session.conflict().unwrap();
    assert_eq!(waiting.kind, ConflictKind::Changed);
    assert_eq!(waiting.ours.worst_pain, Score::new(4));
    assert_eq!(session.undo_depth(), (0, 0), "nothing was saved");

    let said = session
        .resolve_conflict(Resolution::KeepMine, today().and_time(noon()))
        .unwrap();
    assert!(said.contains("conflict-20261122-120000"), "{said}");
    assert!(session.conflict().is_none());
    assert_eq!(session.journal().day(today()).unwrap().notes, "theirs");
    assert_eq!(store.0.borrow().copies.len(), 1);
}

#[test]
fn units_change_the_evidence_not_the_verdict() {
    let store = SharedStore::default();
    let mut session = open(&store);
    let version = session.version();
    session.set_units(Units::Km);
    assert_eq!(
        session.version(),
        version,
        "the same unit recomputes nothing"
    );
    session.set_units(Units::Miles);
    assert!(session.version() > version);
}
