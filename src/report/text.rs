//! The report as plain text for the terminal.

use super::{DISCLAIMER, ReportData, one_decimal, or_dash};
use crate::rules::format_km;
use std::fmt::Write;

pub(super) fn render(data: &ReportData) -> String {
    let mut out = String::new();
    let verdict = data.evaluation.verdict;
    let _ = writeln!(out, "stridelog report for {}", data.today);
    let _ = writeln!(out);
    let _ = writeln!(out, "Verdict: {} ({verdict})", verdict.headline());
    let _ = writeln!(out, "  {}", verdict.meaning());
    let _ = writeln!(out);

    if data.evaluation.hits.is_empty() {
        let _ = writeln!(out, "No rule fired.");
    } else {
        let _ = writeln!(out, "Why:");
        for hit in &data.evaluation.hits {
            let level = hit.level.as_str().to_uppercase();
            let _ = writeln!(out, "  {level:<7}  {}", hit.id);
            let _ = writeln!(out, "    {}", hit.message);
            let _ = writeln!(out, "    Evidence: {}", hit.evidence);
            let _ = writeln!(out, "    Source: {}", hit.source);
        }
    }

    if !data.weeks.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "Last {} weeks, Monday to Sunday (\"-\" = nothing recorded):",
            data.weeks.len()
        );
        let _ = writeln!(
            out,
            "  Week of     Days  Runs      km  Worst  Morning  Run max  Routines"
        );
        for w in &data.weeks {
            let _ = writeln!(
                out,
                "  {}  {:>4}  {:>4}  {:>6}  {:>5}  {:>7}  {:>7}  {:>8}",
                w.start,
                w.days_logged,
                w.runs,
                format_km(w.distance_km),
                one_decimal(w.mean_worst_pain),
                one_decimal(w.mean_morning_pain),
                or_dash(w.max_run_pain),
                w.routines
            );
        }
    }

    if !data.journal.problems.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "Files that could not be read (everything else is in the report):"
        );
        for problem in &data.journal.problems {
            let _ = writeln!(out, "  {problem}");
        }
    }

    let _ = writeln!(out);
    let _ = writeln!(out, "{DISCLAIMER}");
    out
}
