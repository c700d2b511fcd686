//! The JSON report, exactly as design section 5: keys in the documented order (serde writes
//! fields in declaration order), `null` for a mean or maximum with no data.

use super::ReportData;
use crate::rules::{RuleHit, Verdict, WeekSummary};
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Serialize)]
struct Report<'a> {
    today: NaiveDate,
    rules_version: u32,
    verdict: Verdict,
    verdict_text: &'static str,
    rules: &'a [RuleHit],
    weeks: Vec<Week>,
    problems: Vec<Problem<'a>>,
    disclaimer: &'static str,
}

#[derive(Serialize)]
struct Week {
    start: NaiveDate,
    end: NaiveDate,
    days_logged: usize,
    runs: usize,
    distance_km: f64,
    mean_worst_pain: Option<f64>,
    mean_morning_pain: Option<f64>,
    max_run_pain: Option<u8>,
    routines: usize,
}

#[derive(Serialize)]
struct Problem<'a> {
    path: &'a str,
    error: &'a str,
}

fn round(value: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (value * scale).round() / scale
}

impl From<&WeekSummary> for Week {
    fn from(w: &WeekSummary) -> Self {
        Self {
            start: w.start,
            end: w.end,
            days_logged: w.days_logged,
            runs: w.runs,
            distance_km: round(w.distance_km, 2),
            mean_worst_pain: w.mean_worst_pain.map(|m| round(m, 1)),
            mean_morning_pain: w.mean_morning_pain.map(|m| round(m, 1)),
            max_run_pain: w.max_run_pain,
            routines: w.routines,
        }
    }
}

pub(super) fn render(data: &ReportData) -> String {
    let report = Report {
        today: data.today,
        rules_version: crate::rules::RULES_VERSION,
        verdict: data.evaluation.verdict,
        verdict_text: data.evaluation.verdict.headline(),
        rules: &data.evaluation.hits,
        weeks: data.weeks.iter().map(Week::from).collect(),
        problems: data
            .journal
            .problems
            .iter()
            .map(|p| Problem {
                path: &p.path,
                error: &p.error,
            })
            .collect(),
        disclaimer: crate::advice::DISCLAIMER,
    };
    let mut text =
        serde_json::to_string_pretty(&report).expect("a report always serialises to JSON");
    text.push('\n');
    text
}
