//! Lagged links: does a day's value go with the next morning's pain? Spearman's rho over every
//! day of the window whose next morning has `morning_pain`, with a Fisher-z interval and a
//! Benjamini-Hochberg adjustment across the links tested (design section 10).

use super::stats::{benjamini_hochberg, rho_interval, spearman};
use super::{CLEAR_Q, Window};
use crate::journal::{DayEntry, Journal, Score};
use chrono::NaiveDate;
use serde::Serialize;

/// A link needs at least this many pairs (and some variation in both lists) to be tested.
pub const MIN_PAIRS: usize = 10;

/// The day values linked to the next morning's pain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkFactor {
    SittingHours,
    SleepHours,
    Stress,
    HeatMinutes,
    IceMinutes,
    DistanceKm,
}

impl LinkFactor {
    pub const ALL: [LinkFactor; 6] = [
        LinkFactor::SittingHours,
        LinkFactor::SleepHours,
        LinkFactor::Stress,
        LinkFactor::HeatMinutes,
        LinkFactor::IceMinutes,
        LinkFactor::DistanceKm,
    ];

    /// The name in JSON (the day-file field, or `distance_km`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            LinkFactor::SittingHours => "sitting_hours",
            LinkFactor::SleepHours => "sleep_hours",
            LinkFactor::Stress => "stress",
            LinkFactor::HeatMinutes => "heat_minutes",
            LinkFactor::IceMinutes => "ice_minutes",
            LinkFactor::DistanceKm => "distance_km",
        }
    }

    /// The day's value, if recorded. Distance is the day's runs summed, 0 on a logged day
    /// without runs. Sleep is the `sleep_hours` logged on the day itself, whichever night the
    /// runner meant by it.
    #[must_use]
    pub fn value(self, day: &DayEntry) -> Option<f64> {
        match self {
            LinkFactor::SittingHours => day.sitting_hours,
            LinkFactor::SleepHours => day.sleep_hours,
            LinkFactor::Stress => day.stress.map(|s| f64::from(s.get())),
            LinkFactor::HeatMinutes => day.heat_minutes.map(f64::from),
            LinkFactor::IceMinutes => day.ice_minutes.map(f64::from),
            LinkFactor::DistanceKm => Some(day.distance_km()),
        }
    }
}

/// One tested link (the JSON object of design section 10, in its key order; `p` and `q` are
/// written too).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Link {
    pub factor: LinkFactor,
    /// Pairs (day value, next morning's pain).
    pub n: usize,
    pub rho: f64,
    /// The 95 % interval of rho.
    pub low: f64,
    pub high: f64,
    pub p: f64,
    /// Benjamini-Hochberg across the links tested.
    pub q: f64,
    pub clear: bool,
}

/// The pairs of one link factor over the window.
#[must_use]
pub fn pairs(
    journal: &Journal,
    window: Window,
    today: NaiveDate,
    factor: LinkFactor,
) -> (Vec<f64>, Vec<f64>) {
    let (mut xs, mut ys) = (Vec::new(), Vec::new());
    let Some(last) = window.last_day(today) else {
        return (xs, ys);
    };
    for day in journal.range(window.from, last) {
        let next = day.date.succ_opt().and_then(|d| journal.day(d));
        let Some(after) = next.and_then(|d| d.morning_pain).map(Score::get) else {
            continue;
        };
        if let Some(x) = factor.value(day) {
            xs.push(x);
            ys.push(f64::from(after));
        }
    }
    (xs, ys)
}

/// Every link with at least [`MIN_PAIRS`] pairs and variation in both lists, adjusted and
/// ordered: clear first, then by q, then by name.
#[must_use]
pub fn analyse(journal: &Journal, window: Window, today: NaiveDate) -> Vec<Link> {
    let mut tested = Vec::new();
    for factor in LinkFactor::ALL {
        let (xs, ys) = pairs(journal, window, today, factor);
        if xs.len() < MIN_PAIRS {
            continue;
        }
        let Some(interval) = spearman(&xs, &ys).and_then(|rho| rho_interval(rho, xs.len())) else {
            continue;
        };
        tested.push((factor, xs.len(), interval));
    }
    let p: Vec<f64> = tested.iter().map(|(_, _, i)| i.p).collect();
    let q = benjamini_hochberg(&p);
    let mut links: Vec<Link> = tested
        .into_iter()
        .zip(q)
        .map(|((factor, n, i), q)| Link {
            factor,
            n,
            rho: i.rho,
            low: i.low,
            high: i.high,
            p: i.p,
            q,
            clear: q < CLEAR_Q,
        })
        .collect();
    links.sort_by(|a, b| {
        b.clear
            .cmp(&a.clear)
            .then(a.q.total_cmp(&b.q))
            .then(a.factor.name().cmp(b.factor.name()))
    });
    links
}
