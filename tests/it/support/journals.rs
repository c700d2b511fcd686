//! Generated journals for the insights tests: a seed gives the same journal on every machine.
//! Runs four days in seven on random surfaces, shoes and distances; random daily habits;
//! morning pain that wanders at random; 90 % of days logged. A [`Plant`] hides one effect.

use chrono::{Days, NaiveDate};
use stridelog::journal::entry::{Run, Surface};
use stridelog::journal::{DayEntry, Journal, Score};

/// `SplitMix64`: small, fast, the same on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Sunday 22 November 2026.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// What a generated journal hides.
#[derive(Clone, Copy, PartialEq)]
pub enum Plant {
    Nothing,
    /// After a trail run, the next morning is `points` to `points + 1` worse with probability
    /// `p`.
    TrailHurts {
        p: f64,
        points: f64,
    },
    /// Each hour of sitting adds this much to the next morning's pain.
    SittingHurts(f64),
}

const SURFACES: [Surface; 5] = [
    Surface::Road,
    Surface::Track,
    Surface::Trail,
    Surface::Grass,
    Surface::Treadmill,
];
const SHOES: [&str; 3] = ["Pegasus 40", "Ghost 15", "Speedgoat 5"];

fn score(value: f64) -> Option<Score> {
    Score::new(value.round().clamp(0.0, 10.0) as u8)
}

/// `days` days ending `today`, 90 % of them logged.
pub fn generate(seed: u64, plant: Plant, days: u64, today: NaiveDate) -> Journal {
    let mut rng = Rng(seed.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ 0x00C0_FFEE);
    let first = today - Days::new(days - 1);
    let mut journal = Journal::default();
    let mut extra = 0.0; // what the planted effect adds to the next morning
    for offset in 0..days {
        let date = first + Days::new(offset);
        let morning = 1.0 + rng.unit() * 3.0 + extra;
        extra = 0.0;
        if !rng.chance(0.9) {
            continue;
        }
        let mut day = DayEntry::new(date);
        day.morning_pain = score(morning);
        let sitting = (rng.unit() * 10.0).round();
        day.sitting_hours = Some(sitting);
        day.sleep_hours = Some(5.0 + (rng.unit() * 8.0).round() / 2.0);
        day.stress = score(rng.unit() * 8.0);
        day.heat_minutes = Some(rng.below(4) as u32 * 10);
        day.ice_minutes = Some(rng.below(3) as u32 * 5);
        if rng.chance(4.0 / 7.0) {
            let surface = SURFACES[rng.below(5) as usize];
            day.runs.push(Run {
                distance_km: 3.0 + (rng.unit() * 200.0).round() / 10.0,
                pain_during: score(rng.unit() * 3.4),
                pain_after: score(rng.unit() * 3.4),
                gait_changed: Some(false),
                surface: Some(surface),
                shoes: Some(SHOES[rng.below(3) as usize].to_owned()),
                ..Run::default()
            });
            if let Plant::TrailHurts { p, points } = plant
                && surface == Surface::Trail
                && rng.chance(p)
            {
                extra = points + rng.below(2) as f64;
            }
        }
        if let Plant::SittingHurts(per_hour) = plant {
            extra += sitting * per_hour;
        }
        journal.days.insert(date, day);
    }
    journal
}
