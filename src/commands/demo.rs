//! `stridelog demo DIR`: a realistic made-up journal, the same for the same seed.
//!
//! Runs three to five times a week in build-up and easier weeks, pain that flares and settles,
//! morning pain that follows the previous day's load, a few triages, routine sessions and notes.

use crate::journal::entry::{
    Character, DayEntry, Location, PainType, RoutineSession, Run, Score, Side, Slump, Surface,
    Triage,
};
use crate::journal::store::FsStore;
use chrono::{Datelike, Days, NaiveDate, NaiveTime};
use std::io::{self, Write};
use std::path::Path;

/// A small, fast, seedable generator (`SplitMix64`): the demo must not depend on a crate's
/// changing output.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `0.0..1.0`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const SHOES: [&str; 3] = ["Pegasus 40", "Ghost 15", "Speedgoat 5"];
const NOTES: [&str; 6] = [
    "Easy shakeout, legs felt heavy.",
    "Calf tingling after 4 km, eased on the walk home.",
    "Long day at the desk; back stiff by evening.",
    "Felt good. Kept the cadence up on the hills.",
    "Stretched after work, slept better.",
    "",
];

fn score(value: f64) -> Option<Score> {
    Score::new(value.round().clamp(0.0, 10.0) as u8)
}

/// Makes the journal's days, oldest first.
#[allow(clippy::too_many_lines)] // one day's story, top to bottom; splitting it scatters the state
pub fn generate(today: NaiveDate, days: u32, seed: u64) -> Vec<DayEntry> {
    let mut rng = Rng(seed.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ 0x5EED);
    let first = today - Days::new(u64::from(days.saturating_sub(1)));
    let mut out = Vec::with_capacity(days as usize);
    let mut flare = 0.0_f64; // extra pain from a flare, decays day by day
    let mut yesterday_load = 0.0_f64;
    let mut morning = 2.0_f64;
    for offset in 0..days {
        let date = first + Days::new(u64::from(offset));
        let week = i64::from(offset / 7);
        // Three weeks of build-up, one easier week; a slow base that rises over months.
        let cycle = [1.0, 1.1, 1.2, 0.75][(week % 4) as usize];
        let base_km = 5.0 + ((week as f64) * 0.37).sin().abs() * 3.0;
        if rng.chance(0.012) {
            flare = 3.0 + rng.unit() * 3.0;
        }
        flare *= 0.9;
        morning = (morning * 0.5 + yesterday_load * 0.12 + flare * 0.6 + rng.unit()).min(9.0);
        if !rng.chance(0.88) {
            yesterday_load = 0.0;
            continue; // a day not logged
        }
        let mut day = DayEntry::new(date);
        day.morning_pain = score(morning);
        let weekday = date.weekday().num_days_from_monday();
        let run_day = matches!(weekday, 1 | 3 | 5 | 6) && rng.chance(0.85) && flare < 4.5;
        let mut load = 0.0;
        if run_day {
            let long = weekday == 6;
            let km =
                (base_km * cycle * if long { 1.8 } else { 1.0 } * (0.85 + rng.unit() * 0.3) * 10.0)
                    .round()
                    / 10.0;
            let pace = 330.0 + rng.unit() * 60.0;
            let before = morning * 0.8;
            let during = before + rng.unit() * 2.0 + flare * 0.3;
            let after = during + rng.unit() * 1.5 - 0.5;
            day.runs.push(Run {
                distance_km: km,
                duration_s: Some((km * pace) as u32),
                pain_before: score(before),
                pain_during: score(during),
                pain_after: score(after),
                gait_changed: Some(after > 6.5 && rng.chance(0.5)),
                surface: Some(
                    [
                        Surface::Road,
                        Surface::Trail,
                        Surface::Track,
                        Surface::Grass,
                    ][rng.below(4) as usize],
                ),
                shoes: Some(SHOES[(week as usize / 30 + usize::from(long)) % SHOES.len()].into()),
                notes: if rng.chance(0.2) {
                    NOTES[rng.below(4) as usize].into()
                } else {
                    String::new()
                },
                ..Run::default()
            });
            load = km;
        }
        let worst = morning.max(
            day.runs
                .first()
                .and_then(|r| r.pain_after)
                .map_or(0.0, |p| f64::from(p.get())),
        ) + rng.unit();
        day.worst_pain = score(worst);
        if worst >= 2.0 {
            day.locations = vec![Location::LowerBack, Location::Buttock];
            if worst >= 4.0 {
                day.locations.push(Location::Thigh);
                day.character = vec![Character::Dull, Character::Tingling];
            } else {
                day.character = vec![Character::Dull];
            }
            day.side = Some(Side::Left);
        }
        day.pain_medication = Some(worst >= 6.5);
        day.normal_activities = Some(worst < 6.0);
        day.sleep_hours = Some(((6.0 + rng.unit() * 2.5) * 2.0).round() / 2.0);
        day.sleep_disturbed = Some(worst >= 6.0 && rng.chance(0.6));
        day.sitting_hours = if weekday < 5 {
            Some((6.0 + rng.unit() * 3.0).round())
        } else {
            Some(2.0)
        };
        day.stress = score(3.0 + rng.unit() * 3.0);
        if run_day && rng.chance(0.4) {
            day.heat_minutes = Some(15);
        }
        if run_day && worst >= 4.0 && rng.chance(0.5) {
            day.ice_minutes = Some(10);
        }
        if rng.chance(0.35) {
            let (routine, total, seconds) = if worst >= 4.0 {
                ("gentle-recovery", 7, 420)
            } else {
                ("runner-strength", 11, 960)
            };
            let done = if rng.chance(0.85) {
                total
            } else {
                total - 1 - rng.below(3) as u32
            };
            day.routines.push(RoutineSession {
                routine: routine.into(),
                started: NaiveTime::from_hms_opt(
                    7 + rng.below(12) as u32,
                    5 * rng.below(12) as u32,
                    0,
                )
                .unwrap_or_default(),
                steps_done: done,
                steps_total: total,
                seconds: seconds * done / total,
                pain_after: score(worst * 0.7),
            });
        }
        if flare > 3.0 && rng.chance(0.3) || date.day() == 1 && rng.chance(0.3) {
            let radicular = worst >= 5.0;
            day.triage = Some(Triage {
                red_flags: Vec::new(),
                slump: Some(if radicular {
                    Slump::Positive
                } else {
                    Slump::Negative
                }),
                classification: if radicular {
                    vec![PainType::Referred, PainType::Radicular]
                } else {
                    vec![PainType::Referred]
                },
            });
        }
        if day.notes.is_empty() && rng.chance(0.15) {
            day.notes = NOTES[rng.below(NOTES.len() as u64) as usize].into();
        }
        yesterday_load = load;
        out.push(day);
    }
    out
}

/// Writes the demo journal into `dir`, which must be empty or missing.
pub fn run(
    dir: &Path,
    today: NaiveDate,
    days: u32,
    seed: u64,
    out: &mut impl Write,
) -> io::Result<()> {
    if dir.exists() && std::fs::read_dir(dir)?.next().is_some() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!(
                "{} is not empty: the demo only writes into a new or empty folder",
                dir.display()
            ),
        ));
    }
    let entries = generate(today, days, seed);
    FsStore::write_batch(dir, &entries)?;
    writeln!(
        out,
        "wrote {} days ({} to {today}) into {}\nopen it with: stridelog --data-dir {}",
        entries.len(),
        entries.first().map_or(today, |d| d.date),
        dir.display(),
        dir.display()
    )
}
