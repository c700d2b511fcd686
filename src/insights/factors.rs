//! Factors: which values of a run day go with a worse response. For each value of each factor,
//! the share of amber or red days among the classified run days with that value against those
//! without it, a two-sided Fisher exact test, and a Benjamini-Hochberg adjustment across every
//! tested value (design section 10).

use super::CLEAR_Q;
use super::ledger::LedgerEntry;
use super::stats::{Table, benjamini_hochberg, fisher_two_sided};
use crate::journal::entry::Surface;
use crate::journal::{DayEntry, Journal};
use crate::rules::{back, is_spike, longest_before, metres};
use serde::{Serialize, Serializer};
use std::collections::{BTreeMap, BTreeSet};

/// A value needs at least this many classified run days with it, and as many without it, to
/// be tested.
pub const MIN_N: usize = 5;

/// What a run day is compared by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Factor {
    Surface,
    Shoes,
    Distance,
    Spike,
    WeeklyChange,
}

impl Factor {
    /// The name in JSON and in the ordering.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Factor::Surface => "surface",
            Factor::Shoes => "shoes",
            Factor::Distance => "distance",
            Factor::Spike => "spike",
            Factor::WeeklyChange => "weekly-change",
        }
    }
}

/// The band of a day's total distance; each includes its lower bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Band {
    /// [0, 5) km
    Under5,
    /// [5, 10) km
    From5To10,
    /// [10, 15) km
    From10To15,
    /// [15, 21) km
    From15To21,
    /// [21, ∞) km
    From21,
}

impl Band {
    /// The band of a distance in whole metres.
    #[must_use]
    pub fn of_metres(m: u64) -> Self {
        match m {
            0..5_000 => Band::Under5,
            5_000..10_000 => Band::From5To10,
            10_000..15_000 => Band::From10To15,
            15_000..21_000 => Band::From15To21,
            _ => Band::From21,
        }
    }

    /// The design's name: `<5`, `5-10`, `10-15`, `15-21`, `21+`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Band::Under5 => "<5",
            Band::From5To10 => "5-10",
            Band::From10To15 => "10-15",
            Band::From15To21 => "15-21",
            Band::From21 => "21+",
        }
    }
}

/// Whether a run of the day fired the long-run-spike test against its 30 days before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Spike {
    Yes,
    /// No run fired it (including days with no run in the 30 days before: the test needs one).
    No,
}

/// The day's 7-day distance (D−6 ..= D) against the 7 days before (D−13 ..= D−7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum WeeklyChange {
    /// The earlier week has no distance.
    New,
    /// Below −10 %.
    Down,
    /// −10 % to +10 %, both inclusive.
    Flat,
    /// Above +10 % up to +30 %.
    Up,
    /// Above +30 %.
    Jump,
}

impl WeeklyChange {
    /// The change from `before` to `recent` metres, compared exactly in whole metres.
    #[must_use]
    pub fn of(recent: u64, before: u64) -> Self {
        let (r, b) = (u128::from(recent) * 10, u128::from(before));
        if before == 0 {
            WeeklyChange::New
        } else if r < b * 9 {
            WeeklyChange::Down
        } else if r <= b * 11 {
            WeeklyChange::Flat
        } else if r <= b * 13 {
            WeeklyChange::Up
        } else {
            WeeklyChange::Jump
        }
    }

    /// The design's name.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            WeeklyChange::New => "new",
            WeeklyChange::Down => "down",
            WeeklyChange::Flat => "flat",
            WeeklyChange::Up => "up",
            WeeklyChange::Jump => "jump",
        }
    }
}

/// One value of one factor.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FactorValue {
    Surface(Surface),
    Shoes(String),
    Distance(Band),
    Spike(Spike),
    WeeklyChange(WeeklyChange),
}

impl FactorValue {
    /// The factor this is a value of.
    #[must_use]
    pub fn factor(&self) -> Factor {
        match self {
            FactorValue::Surface(_) => Factor::Surface,
            FactorValue::Shoes(_) => Factor::Shoes,
            FactorValue::Distance(_) => Factor::Distance,
            FactorValue::Spike(_) => Factor::Spike,
            FactorValue::WeeklyChange(_) => Factor::WeeklyChange,
        }
    }

    /// The value's name in JSON: the surface as in the day file (`Trail`), the shoes as
    /// written, the band, `yes`/`no`, or the weekly change.
    #[must_use]
    pub fn name(&self) -> String {
        match self {
            FactorValue::Surface(s) => format!("{s:?}"),
            FactorValue::Shoes(name) => name.clone(),
            FactorValue::Distance(band) => band.name().to_owned(),
            FactorValue::Spike(Spike::Yes) => "yes".to_owned(),
            FactorValue::Spike(Spike::No) => "no".to_owned(),
            FactorValue::WeeklyChange(change) => change.name().to_owned(),
        }
    }
}

impl Serialize for FactorValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.name())
    }
}

/// One tested factor value (the JSON object of design section 10, in its key order).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FactorResult {
    pub factor: Factor,
    pub value: FactorValue,
    /// Classified run days with the value.
    pub n: usize,
    /// Of those, amber or red.
    pub non_green: usize,
    /// `non_green / n`.
    pub share: f64,
    /// The same share among the classified run days without the value.
    pub share_without: f64,
    /// `share − share_without`.
    pub difference: f64,
    /// Two-sided Fisher exact test.
    pub p: f64,
    /// Benjamini-Hochberg across every tested factor value.
    pub q: f64,
    /// `q` below [`CLEAR_Q`].
    pub clear: bool,
}

/// Counts of one value over the classified run days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counts {
    pub value: FactorValue,
    /// Classified run days with the value, and how many of them were amber or red.
    pub with: (usize, usize),
    /// The same for the days without it.
    pub without: (usize, usize),
}

impl Counts {
    /// The 2×2 table: rows with / without, columns amber-or-red / green.
    #[must_use]
    pub fn table(&self) -> Table {
        let (n, ng) = self.with;
        let (nw, ngw) = self.without;
        Table {
            a: ng as u64,
            b: (n - ng) as u64,
            c: ngw as u64,
            d: (nw - ngw) as u64,
        }
    }

    /// True when both sides have at least [`MIN_N`] days.
    #[must_use]
    pub fn tested(&self) -> bool {
        self.with.0 >= MIN_N && self.without.0 >= MIN_N
    }
}

/// The factors' results and the counts of every value seen (tested or not), for the outlook.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    pub results: Vec<FactorResult>,
    pub tables: Vec<Counts>,
}

/// The values of every factor for one run day: its runs' surfaces and shoes (a set: a day
/// with a trail and a road run counts under both; a run without one adds nothing; shoes are
/// compared as written, and blank names are left out), its distance band, spike and weekly
/// change.
#[must_use]
pub fn values(journal: &Journal, day: &DayEntry) -> Vec<FactorValue> {
    let surfaces: BTreeSet<Surface> = day.runs.iter().filter_map(|r| r.surface).collect();
    let shoes: BTreeSet<&str> = day
        .runs
        .iter()
        .filter_map(|r| r.shoes.as_deref())
        .filter(|s| !s.trim().is_empty())
        .collect();
    let total = day
        .runs
        .iter()
        .map(|r| metres(r.distance_km))
        .fold(0, u64::saturating_add);
    let longest = longest_before(journal, day.date);
    let spike = if day
        .runs
        .iter()
        .any(|r| is_spike(metres(r.distance_km), longest))
    {
        Spike::Yes
    } else {
        Spike::No
    };
    let week = |from: u64, to: u64| -> u64 {
        journal
            .range(back(day.date, from), back(day.date, to))
            .flat_map(|d| &d.runs)
            .map(|r| metres(r.distance_km))
            .fold(0, u64::saturating_add)
    };
    let change = WeeklyChange::of(week(6, 0), week(13, 7));
    let mut out: Vec<FactorValue> = surfaces.into_iter().map(FactorValue::Surface).collect();
    out.extend(shoes.into_iter().map(|s| FactorValue::Shoes(s.to_owned())));
    out.push(FactorValue::Distance(Band::of_metres(total)));
    out.push(FactorValue::Spike(spike));
    out.push(FactorValue::WeeklyChange(change));
    out
}

/// Counts every value over the classified entries of the ledger, tests the values with
/// enough days on both sides, adjusts, and orders them: clear first, then by q, then by
/// factor and value name.
#[must_use]
pub fn analyse(journal: &Journal, ledger: &[LedgerEntry]) -> Analysis {
    let mut counts: BTreeMap<FactorValue, (usize, usize)> = BTreeMap::new();
    let (mut total, mut total_ng) = (0usize, 0usize);
    for entry in ledger.iter().filter(|e| e.response.is_classified()) {
        let Some(day) = journal.day(entry.date) else {
            continue;
        };
        let non_green = usize::from(entry.response.is_non_green());
        total += 1;
        total_ng += non_green;
        for value in values(journal, day) {
            let c = counts.entry(value).or_default();
            c.0 += 1;
            c.1 += non_green;
        }
    }
    let tables: Vec<Counts> = counts
        .into_iter()
        .map(|(value, (n, ng))| Counts {
            value,
            with: (n, ng),
            without: (total - n, total_ng - ng),
        })
        .collect();
    let tested: Vec<&Counts> = tables.iter().filter(|c| c.tested()).collect();
    let p: Vec<f64> = tested.iter().map(|c| fisher_two_sided(c.table())).collect();
    let q = benjamini_hochberg(&p);
    let mut results: Vec<FactorResult> = tested
        .iter()
        .zip(p.iter().zip(&q))
        .map(|(c, (&p, &q))| {
            let (n, ng) = c.with;
            let (nw, ngw) = c.without;
            let share = ng as f64 / n as f64;
            let share_without = ngw as f64 / nw as f64;
            FactorResult {
                factor: c.value.factor(),
                value: c.value.clone(),
                n,
                non_green: ng,
                share,
                share_without,
                difference: share - share_without,
                p,
                q,
                clear: q < CLEAR_Q,
            }
        })
        .collect();
    results.sort_by(|a, b| {
        b.clear
            .cmp(&a.clear)
            .then(a.q.total_cmp(&b.q))
            .then(a.factor.name().cmp(b.factor.name()))
            .then(a.value.name().cmp(&b.value.name()))
    });
    Analysis { results, tables }
}
