//! De-duplication (design §3): an activity is already in the journal when a run carries the
//! same `source`; else, on the same day, when both have a start time within two minutes; else,
//! when either has no start time, when the distance is within 1 % and the duration within 60 s.
//! Two runs of the same length on the same day with starts far apart are both kept.

use crate::journal::Journal;
use crate::journal::entry::Run;
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashSet};

/// Starts closer than this (seconds) are the same activity.
pub const SAME_START_S: i64 = 120;

/// Distances closer than this fraction are the same, when a start time is missing.
pub const SAME_DISTANCE_FRACTION: f64 = 0.01;

/// Durations closer than this (seconds) are the same, when a start time is missing.
pub const SAME_DURATION_S: u32 = 60;

/// An activity placed on its local day, ready to become a run.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub date: NaiveDate,
    pub run: Run,
    /// Where it came from, for the output (`export.zip: activities.csv: line 2`).
    pub place: String,
    /// `Strava: Morning Run`, for the output.
    pub label: String,
    /// Where its local time came from.
    pub zone: super::zone::ZoneUsed,
}

/// The new runs for each day, and how many activities were already in the journal.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    pub days: BTreeMap<NaiveDate, Vec<Candidate>>,
    pub duplicates: usize,
}

impl Plan {
    /// How many runs would be added.
    pub fn run_count(&self) -> usize {
        self.days.values().map(Vec::len).sum()
    }
}

/// True when two runs of the same day are the same activity (the `source` check is done
/// journal-wide by [`plan`]; here equal sources also count).
pub fn same_run(a: &Run, b: &Run) -> bool {
    if a.source.is_some() && a.source == b.source {
        return true;
    }
    if let (Some(x), Some(y)) = (a.start, b.start) {
        return (x - y).num_seconds().abs() <= SAME_START_S;
    }
    let longer = a.distance_km.max(b.distance_km);
    let distances_agree =
        (a.distance_km - b.distance_km).abs() <= longer * SAME_DISTANCE_FRACTION + 1e-9;
    let durations_agree = match (a.duration_s, b.duration_s) {
        (Some(x), Some(y)) => x.abs_diff(y) <= SAME_DURATION_S,
        _ => true,
    };
    distances_agree && durations_agree
}

/// Decides which candidates are new runs: one whose `source` is anywhere in the journal (or
/// earlier in the same import), or that matches a run of its day, is counted as a duplicate.
pub fn plan(journal: &Journal, candidates: Vec<Candidate>) -> Plan {
    let mut sources: HashSet<String> = journal
        .days
        .values()
        .flat_map(|day| day.runs.iter().filter_map(|r| r.source.clone()))
        .collect();
    let mut plan = Plan::default();
    for candidate in candidates {
        if let Some(source) = &candidate.run.source
            && !sources.insert(source.clone())
        {
            plan.duplicates += 1;
            continue;
        }
        let existing = journal
            .day(candidate.date)
            .map_or(&[][..], |d| d.runs.as_slice());
        let planned = plan.days.entry(candidate.date).or_default();
        if existing.iter().any(|r| same_run(r, &candidate.run))
            || planned.iter().any(|c| same_run(&c.run, &candidate.run))
        {
            plan.duplicates += 1;
        } else {
            planned.push(candidate);
        }
    }
    plan.days.retain(|_, runs| !runs.is_empty());
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveTime;

    fn run(km: f64, seconds: Option<u32>, start: Option<&str>, source: Option<&str>) -> Run {
        Run {
            distance_km: km,
            duration_s: seconds,
            start: start.map(|s| s.parse::<NaiveTime>().unwrap()),
            source: source.map(str::to_owned),
            ..Run::default()
        }
    }

    #[test]
    fn same_source_is_the_same_run_whatever_else() {
        let a = run(5.0, Some(1800), Some("07:00:00"), Some("strava:1"));
        let b = run(9.0, Some(3000), Some("18:00:00"), Some("strava:1"));
        assert!(same_run(&a, &b));
    }

    #[test]
    fn starts_within_two_minutes_decide_when_both_are_known() {
        let a = run(5.0, Some(1800), Some("07:00:00"), Some("strava:1"));
        let near = run(5.3, Some(1900), Some("07:02:00"), Some("fit:9-1"));
        let far = run(5.0, Some(1800), Some("07:02:01"), Some("fit:9-2"));
        assert!(same_run(&a, &near));
        assert!(
            !same_run(&a, &far),
            "two runs of the same length, starts apart, are both kept"
        );
    }

    #[test]
    fn without_a_start_distance_within_one_percent_and_duration_within_a_minute() {
        let a = run(10.0, Some(3000), None, None);
        assert!(same_run(
            &a,
            &run(10.09, Some(3060), Some("07:00:00"), None)
        ));
        assert!(!same_run(&a, &run(10.11, Some(3000), None, None)));
        assert!(!same_run(&a, &run(10.0, Some(3061), None, None)));
        assert!(same_run(&a, &run(10.0, None, None, None)));
    }
}
