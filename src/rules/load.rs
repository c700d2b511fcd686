//! Rules about running load: how runs felt (gait, pain during, after and the next morning)
//! and how much was run (a single long run, week against week).
//!
//! Distances are compared in whole metres so that thresholds such as 1.1 × and 1.3 × are
//! exact: a run of 6.6 km after a longest run of 6.0 km is a ratio of exactly 1.10.

use super::{Ctx, RuleHit, metres};
use crate::journal::entry::Run;
use crate::journal::{DayEntry, Journal, Score};
use chrono::NaiveDate;

/// Every run of the last 7 days with its day, oldest first.
fn recent_runs<'a>(ctx: &'a Ctx) -> impl Iterator<Item = (&'a DayEntry, &'a Run)> + 'a {
    ctx.last(7).flat_map(|d| d.runs.iter().map(move |r| (d, r)))
}

fn run_label(ctx: &Ctx, day: &DayEntry, run: &Run) -> String {
    format!("{}: {} run", day.date, ctx.distance(run.distance_km))
}

fn hit_if_any(id: &'static str, message: &str, evidence: &[String]) -> Option<RuleHit> {
    (!evidence.is_empty()).then(|| RuleHit::new(id, message, evidence.join("; ")))
}

pub(super) fn gait_change(ctx: &Ctx) -> Option<RuleHit> {
    let evidence: Vec<String> = recent_runs(ctx)
        .filter(|(_, r)| r.gait_changed == Some(true))
        .map(|(d, r)| format!("{}, running style changed", run_label(ctx, d, r)))
        .collect();
    hit_if_any(
        "gait-change",
        "You had to change how you run to cope with the pain: stop running until you can run \
         normally again.",
        &evidence,
    )
}

pub(super) fn run_pain_high(ctx: &Ctx) -> Option<RuleHit> {
    let high = |p: Option<Score>| p.is_some_and(|p| p.get() > 5);
    let evidence: Vec<String> = recent_runs(ctx)
        .filter(|(_, r)| high(r.pain_during) || high(r.pain_after))
        .map(|(d, r)| {
            let mut parts = vec![run_label(ctx, d, r)];
            if let Some(p) = r.pain_during {
                parts.push(format!("pain during {p}/10"));
            }
            if let Some(p) = r.pain_after {
                parts.push(format!("after {p}/10"));
            }
            parts.join(", ")
        })
        .collect();
    hit_if_any(
        "run-pain-high",
        "Pain went above 5/10 during or after a run: that is more than your back tolerates \
         for now, so rest from running.",
        &evidence,
    )
}

pub(super) fn run_pain_rising(ctx: &Ctx) -> Option<RuleHit> {
    let evidence: Vec<String> = recent_runs(ctx)
        .filter_map(|(d, r)| {
            let (before, after) = (r.pain_before?.get(), r.pain_after?.get());
            (after >= before + 2).then(|| {
                format!(
                    "{}, pain {before}/10 before and {after}/10 after (+{})",
                    run_label(ctx, d, r),
                    after - before
                )
            })
        })
        .collect();
    hit_if_any(
        "run-pain-rising",
        "Pain rose by 2 points or more from before to after a run: make the next runs shorter \
         or easier.",
        &evidence,
    )
}

pub(super) fn morning_after(ctx: &Ctx) -> Option<RuleHit> {
    let evidence: Vec<String> = ctx
        .last(7)
        .filter(|d| !d.runs.is_empty())
        .filter_map(|d| {
            let morning = d.morning_pain?;
            let next = ctx.next_day(d.date)?;
            let next_morning = next.morning_pain?;
            (next_morning > morning).then(|| {
                format!(
                    "ran {} on {}: morning pain {morning}/10 that day, {next_morning}/10 on {}",
                    ctx.distance(d.distance_km()),
                    d.date,
                    next.date
                )
            })
        })
        .collect();
    hit_if_any(
        "morning-after",
        "Pain was higher the morning after a run than the morning before: the load did not \
         settle overnight.",
        &evidence,
    )
}

/// The longest single run on the 30 days before `date` (`date-30 ..= date-1`), in metres; 0
/// when there is none. Runs earlier on the same day do not count.
pub(crate) fn longest_before(journal: &Journal, date: NaiveDate) -> u64 {
    let Some(to) = date.pred_opt() else {
        return 0;
    };
    journal
        .range(super::back(date, 30), to)
        .flat_map(|d| &d.runs)
        .map(|r| metres(r.distance_km))
        .max()
        .unwrap_or(0)
}

/// The long-run-spike test: a run of `length` metres is more than 1.1 × the `longest` run of
/// the 30 days before (which must exist: `longest` > 0).
pub(crate) fn is_spike(length: u64, longest: u64) -> bool {
    longest > 0 && u128::from(length) * 10 > u128::from(longest) * 11
}

pub(super) fn long_run_spike(ctx: &Ctx) -> Option<RuleHit> {
    let mut evidence = Vec::new();
    for day in ctx.last(7) {
        let longest = longest_before(ctx.journal, day.date);
        for run in &day.runs {
            let length = metres(run.distance_km);
            if is_spike(length, longest) {
                evidence.push(format!(
                    "{}: {} vs longest {} in the 30 days before (×{:.2})",
                    day.date,
                    ctx.distance(run.distance_km),
                    ctx.distance(longest as f64 / 1000.0),
                    length as f64 / longest as f64
                ));
            }
        }
    }
    hit_if_any(
        "long-run-spike",
        "A run was more than 10 % longer than your longest in the month before it: build up \
         distance in smaller steps.",
        &evidence,
    )
}

/// `weekly-jump` or `weekly-over-10`.
pub(super) fn weekly(ctx: &Ctx) -> Option<RuleHit> {
    let total = |days: &mut dyn Iterator<Item = &DayEntry>| -> u64 {
        days.flat_map(|d| &d.runs)
            .map(|r| metres(r.distance_km))
            .fold(0, u64::saturating_add)
    };
    let recent = total(&mut ctx.last(7));
    let before = total(&mut ctx.window(13, 7));
    if before == 0 {
        return None;
    }
    let evidence = format!(
        "{} from {} to {} vs {} from {} to {} (×{:.2})",
        ctx.distance(recent as f64 / 1000.0),
        ctx.ago(6),
        ctx.today,
        ctx.distance(before as f64 / 1000.0),
        ctx.ago(13),
        ctx.ago(7),
        recent as f64 / before as f64
    );
    let (r, b) = (u128::from(recent), u128::from(before));
    if r * 10 > b * 13 {
        Some(RuleHit::new(
            "weekly-jump",
            "You ran more than 30 % further than in the 7 days before. For your information: \
             studies found no clear link between weekly jumps and injury; a single much longer \
             run matters more.",
            evidence,
        ))
    } else if r * 10 > b * 11 {
        Some(RuleHit::new(
            "weekly-over-10",
            "You ran 10-30 % further than in the 7 days before (the 10 % rule is only a rule \
             of thumb).",
            evidence,
        ))
    } else {
        None
    }
}
