//! Planted signals and null journals: the insights find an effect that is there and rarely
//! claim one that is not. Journals are generated from a seed (a year ending on a fixed today:
//! runs four days a week on random surfaces, shoes and distances, random daily habits, morning
//! pain that wanders at random) and, for the planted tests, given one effect.
//!
//! The rates over 200 seeds are printed (`cargo test --test insights_signal -- --nocapture`).

use chrono::{Days, NaiveDate};
use stridelog::insights::{self, Factor, FactorValue, LinkFactor, Window};
use stridelog::journal::entry::{Run, Surface};
use stridelog::journal::{DayEntry, Journal, Score};

const SEEDS: u64 = 200;

/// `SplitMix64`: small, fast, the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
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

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// What a generated journal hides.
#[derive(Clone, Copy, PartialEq)]
enum Plant {
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

/// A year and a half of days ending today (the window is the last 365), 90 % of them logged.
fn generate(seed: u64, plant: Plant) -> Journal {
    let mut rng = Rng(seed.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ 0xC0FFEE);
    let first = today() - Days::new(540);
    let mut journal = Journal::default();
    let mut extra = 0.0; // what the planted effect adds to the next morning
    for offset in 0..=540 {
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

fn analyse(journal: &Journal) -> insights::Insights {
    insights::analyse(journal, Window::resolve(None, None, today()), today())
}

fn trail_is_clear(found: &insights::Insights) -> bool {
    found
        .clear_factors()
        .any(|f| f.value == FactorValue::Surface(Surface::Trail) && f.difference > 0.0)
}

/// Trail runs often followed by a clearly worse morning: 8 times in 10, 2-3 points.
const TRAIL_OFTEN: Plant = Plant::TrailHurts {
    p: 0.8,
    points: 2.0,
};

/// A milder effect: 6 times in 10, 1-2 points.
const TRAIL_SOMETIMES: Plant = Plant::TrailHurts {
    p: 0.6,
    points: 1.0,
};

fn detection_rate(plant: Plant) -> (usize, f64) {
    let found = (0..SEEDS)
        .filter(|&seed| trail_is_clear(&analyse(&generate(seed, plant))))
        .count();
    (found, found as f64 / SEEDS as f64)
}

#[test]
fn a_planted_trail_effect_is_found_in_almost_every_journal() {
    let (found, rate) = detection_rate(TRAIL_OFTEN);
    println!("trail often worse: found in {found} of {SEEDS} journals ({rate:.3})");
    assert!(rate >= 0.95, "found in only {found} of {SEEDS}");
    // A milder effect in a year of notes is found less often (the price of few false alarms).
    let (mild, mild_rate) = detection_rate(TRAIL_SOMETIMES);
    println!("trail sometimes worse: found in {mild} of {SEEDS} journals ({mild_rate:.3})");
    assert!(mild < found);
}

#[test]
fn a_planted_trail_effect_is_worded_with_its_numbers() {
    let found = analyse(&generate(1, TRAIL_OFTEN));
    let trail = found
        .clear_factors()
        .find(|f| f.value == FactorValue::Surface(Surface::Trail))
        .expect("trail is clear for seed 1");
    assert_eq!(trail.factor, Factor::Surface);
    let sentence = insights::words::factor_sentence(trail);
    assert!(
        sentence.starts_with(&format!(
            "{} days with a trail run: {} followed by more pain, against ",
            trail.n, trail.non_green
        )),
        "{sentence}"
    );
    assert!(sentence.ends_with("% of your other run days"), "{sentence}");
}

#[test]
fn a_planted_sitting_effect_is_a_clear_link() {
    let found = (0..SEEDS)
        .filter(|&seed| {
            analyse(&generate(seed, Plant::SittingHurts(0.2)))
                .clear_links()
                .any(|l| l.factor == LinkFactor::SittingHours && l.rho > 0.0)
        })
        .count();
    let rate = found as f64 / SEEDS as f64;
    println!("planted sitting link found in {found} of {SEEDS} journals ({rate:.3})");
    assert!(rate >= 0.9, "found in only {found} of {SEEDS}");
}

#[test]
fn journals_without_an_effect_rarely_show_anything_clear() {
    let (mut any_factor, mut any_link, mut clear_values, mut tested_values) = (0, 0, 0, 0);
    let (mut clear_links, mut tested_links, mut anything) = (0, 0, 0);
    for seed in 0..SEEDS {
        let found = analyse(&generate(seed, Plant::Nothing));
        assert!(
            found.factors.len() >= 10,
            "seed {seed}: too few values tested"
        );
        tested_values += found.factors.len();
        clear_values += found.clear_factors().count();
        tested_links += found.links.len();
        clear_links += found.clear_links().count();
        any_factor += usize::from(found.clear_factors().next().is_some());
        any_link += usize::from(found.clear_links().next().is_some());
        anything += usize::from(found.anything_clear());
    }
    let journals = SEEDS as f64;
    println!(
        "null journals: {any_factor} of {SEEDS} with a clear factor ({:.3}), {any_link} with a \
         clear link ({:.3}); {clear_values} of {tested_values} tested values clear ({:.4}), \
         {clear_links} of {tested_links} tested links ({:.4}); {anything} with anything clear",
        any_factor as f64 / journals,
        any_link as f64 / journals,
        clear_values as f64 / tested_values as f64,
        clear_links as f64 / tested_links as f64,
    );
    // Benjamini-Hochberg at 0.10 keeps the chance of any false finding in a journal with no
    // effect at all at or below 10 %; without the adjustment it would be most journals.
    assert!(
        any_factor as f64 / journals <= 0.10,
        "{any_factor} of {SEEDS}"
    );
    assert!(any_link as f64 / journals <= 0.10, "{any_link} of {SEEDS}");
}
