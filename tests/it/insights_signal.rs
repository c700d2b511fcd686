//! Planted signals and null journals: the insights find an effect that is there and rarely
//! claim one that is not. Journals are generated from a seed (`support/journals.rs`) and, for
//! the planted tests, given one effect.
//!
//! The rates over 200 seeds are printed (`cargo test --test it insights_signal -- --nocapture`).

use crate::support::journals::{Plant, generate, today};
use stridelog::insights::{self, Factor, FactorValue, LinkFactor, Window};
use stridelog::journal::Journal;
use stridelog::journal::entry::Surface;

const SEEDS: u64 = 200;

/// A year and a half, so that the 365-day window has its look-back.
const DAYS: u64 = 541;

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
        .filter(|&seed| trail_is_clear(&analyse(&generate(seed, plant, DAYS, today()))))
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
    let found = analyse(&generate(1, TRAIL_OFTEN, DAYS, today()));
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
            analyse(&generate(seed, Plant::SittingHurts(0.2), DAYS, today()))
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
        let found = analyse(&generate(seed, Plant::Nothing, DAYS, today()));
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
