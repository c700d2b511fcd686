//! The fields of a day, a run, a routine session and a triage, read by the quick reader's
//! cursor (`quickparse.rs` holds the cursor's reading of single values).

use super::names::{CHARACTERS, LOCATIONS, PAIN_TYPES, RED_FLAGS, SIDES, SLUMPS, SURFACES};
use super::{Cursor, Seen};
use crate::journal::entry::{DayEntry, FORMAT_VERSION, RoutineSession, Run, Triage};
use chrono::NaiveDate;

impl Cursor<'_> {
    pub(super) fn day(&mut self, date: NaiveDate) -> Option<DayEntry> {
        let mut day = DayEntry::new(date);
        let mut seen = Seen::default();
        self.fields(|p, name| {
            // Each field's bit in `seen`; `version` and `date` are bits 0 and 1.
            let bit = match name {
                b"version" => {
                    day.version = p.u32()?;
                    0
                }
                b"date" => {
                    p.date_is(date)?;
                    1
                }
                b"morning_pain" => {
                    day.morning_pain = p.option(Self::score)?;
                    2
                }
                b"worst_pain" => {
                    day.worst_pain = p.option(Self::score)?;
                    3
                }
                b"locations" => {
                    day.locations = p.seq(|p| p.variant(LOCATIONS))?;
                    4
                }
                b"side" => {
                    day.side = p.option(|p| p.variant(SIDES))?;
                    5
                }
                b"character" => {
                    day.character = p.seq(|p| p.variant(CHARACTERS))?;
                    6
                }
                b"runs" => {
                    day.runs = p.seq(Self::run)?;
                    7
                }
                b"pain_medication" => {
                    day.pain_medication = p.option(Self::boolean)?;
                    8
                }
                b"normal_activities" => {
                    day.normal_activities = p.option(Self::boolean)?;
                    9
                }
                b"sleep_hours" => {
                    day.sleep_hours = p.option(Self::float)?;
                    10
                }
                b"sleep_disturbed" => {
                    day.sleep_disturbed = p.option(Self::boolean)?;
                    11
                }
                b"sitting_hours" => {
                    day.sitting_hours = p.option(Self::float)?;
                    12
                }
                b"stress" => {
                    day.stress = p.option(Self::score)?;
                    13
                }
                b"heat_minutes" => {
                    day.heat_minutes = p.option(Self::u32)?;
                    14
                }
                b"ice_minutes" => {
                    day.ice_minutes = p.option(Self::u32)?;
                    15
                }
                b"routines" => {
                    day.routines = p.seq(Self::routine)?;
                    16
                }
                b"triage" => {
                    day.triage = p.option(Self::triage)?;
                    17
                }
                b"notes" => {
                    day.notes = p.string()?;
                    18
                }
                _ => return None,
            };
            seen.first(bit)
        })?;
        // `version` and `date` have no default; a newer format is for ron to judge.
        let required = seen.0 & 0b11 == 0b11;
        (required && (1..=FORMAT_VERSION).contains(&day.version)).then_some(day)
    }

    fn run(&mut self) -> Option<Run> {
        let mut run = Run::default();
        let mut seen = Seen::default();
        self.fields(|p, name| {
            let bit = match name {
                b"distance_km" => {
                    run.distance_km = p.float()?;
                    0
                }
                b"duration_s" => {
                    run.duration_s = p.option(Self::u32)?;
                    1
                }
                b"pain_before" => {
                    run.pain_before = p.option(Self::score)?;
                    2
                }
                b"pain_during" => {
                    run.pain_during = p.option(Self::score)?;
                    3
                }
                b"pain_after" => {
                    run.pain_after = p.option(Self::score)?;
                    4
                }
                b"gait_changed" => {
                    run.gait_changed = p.option(Self::boolean)?;
                    5
                }
                b"surface" => {
                    run.surface = p.option(|p| p.variant(SURFACES))?;
                    6
                }
                b"shoes" => {
                    run.shoes = p.option(Self::string)?;
                    7
                }
                b"notes" => {
                    run.notes = p.string()?;
                    8
                }
                b"start" => {
                    run.start = p.option(Self::time)?;
                    9
                }
                b"name" => {
                    run.name = p.option(Self::string)?;
                    10
                }
                b"source" => {
                    run.source = p.option(Self::string)?;
                    11
                }
                _ => return None,
            };
            seen.first(bit)
        })?;
        Some(run)
    }

    fn routine(&mut self) -> Option<RoutineSession> {
        let mut session = RoutineSession::default();
        let mut seen = Seen::default();
        self.fields(|p, name| {
            let bit = match name {
                b"routine" => {
                    session.routine = p.string()?;
                    0
                }
                b"started" => {
                    session.started = p.time()?;
                    1
                }
                b"steps_done" => {
                    session.steps_done = p.u32()?;
                    2
                }
                b"steps_total" => {
                    session.steps_total = p.u32()?;
                    3
                }
                b"seconds" => {
                    session.seconds = p.u32()?;
                    4
                }
                b"pain_after" => {
                    session.pain_after = p.option(Self::score)?;
                    5
                }
                _ => return None,
            };
            seen.first(bit)
        })?;
        Some(session)
    }

    fn triage(&mut self) -> Option<Triage> {
        let mut triage = Triage::default();
        let mut seen = Seen::default();
        self.fields(|p, name| {
            let bit = match name {
                b"red_flags" => {
                    triage.red_flags = p.seq(|p| p.variant(RED_FLAGS))?;
                    0
                }
                b"slump" => {
                    triage.slump = p.option(|p| p.variant(SLUMPS))?;
                    1
                }
                b"classification" => {
                    triage.classification = p.seq(|p| p.variant(PAIN_TYPES))?;
                    2
                }
                _ => return None,
            };
            seen.first(bit)
        })?;
        Some(triage)
    }
}
