//! The report as Markdown, for a runner to hand to a physiotherapist: the period, the
//! verdict, each rule with its evidence and source, the weekly table, the triage history and
//! the disclaimer.

use super::{DISCLAIMER, ReportData, one_decimal, or_dash};
use crate::journal::entry::{Slump, Triage};
use crate::rules::{format_km, pain_type_words, red_flag_words};
use std::fmt::Write;

/// Keeps text from breaking a table row or starting Markdown emphasis by accident.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '|' | '*' | '_' | '`' | '<' | '>' | '[' | ']' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn triage_row(triage: &Triage) -> [String; 3] {
    let flags = if triage.red_flags.is_empty() {
        "none".to_owned()
    } else {
        let words: Vec<&str> = triage
            .red_flags
            .iter()
            .map(|f| red_flag_words(*f))
            .collect();
        format!("**{}**", words.join(", "))
    };
    let slump = match triage.slump {
        Some(Slump::Positive) => "positive",
        Some(Slump::Negative) => "negative",
        None => "not done",
    };
    let kinds = if triage.classification.is_empty() {
        "-".to_owned()
    } else {
        let words: Vec<&str> = triage
            .classification
            .iter()
            .map(|k| pain_type_words(*k))
            .collect();
        words.join(", ")
    };
    [flags, slump.to_owned(), kinds]
}

pub(super) fn render(data: &ReportData) -> String {
    let mut out = String::new();
    let verdict = data.evaluation.verdict;
    let start = data.period_start();
    let _ = writeln!(out, "# stridelog report");
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "Period: {start} to {} ({} weeks). Pain is on a 0-10 scale; distances are in km.",
        data.today,
        data.weeks.len()
    );
    let _ = writeln!(out);
    let _ = writeln!(out, "## Verdict: {} ({verdict})", verdict.headline());
    let _ = writeln!(out);
    let _ = writeln!(out, "{}", verdict.meaning());
    let _ = writeln!(out);

    let _ = writeln!(out, "## Rules that fired");
    let _ = writeln!(out);
    if data.evaluation.hits.is_empty() {
        let _ = writeln!(out, "None.");
        let _ = writeln!(out);
    }
    for hit in &data.evaluation.hits {
        let _ = writeln!(out, "### {} ({})", hit.id, hit.level);
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", escape(&hit.message));
        let _ = writeln!(out);
        let _ = writeln!(out, "- Evidence: {}", escape(&hit.evidence));
        let _ = writeln!(out, "- Source: {}", escape(&hit.source));
        let _ = writeln!(out);
    }

    if !data.weeks.is_empty() {
        let _ = writeln!(out, "## Weekly summary (Monday to Sunday)");
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "| Week of | Days logged | Runs | Distance (km) | Mean worst pain | \
             Mean morning pain | Highest run pain | Routines |"
        );
        let _ = writeln!(out, "|---|---:|---:|---:|---:|---:|---:|---:|");
        for w in &data.weeks {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {} |",
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
        let _ = writeln!(out);
    }

    super::insights_md::write(&mut out, data);

    let _ = writeln!(out, "## Triage history");
    let _ = writeln!(out);
    let triages: Vec<_> = data
        .journal
        .range(start, data.today)
        .filter_map(|d| d.triage.as_ref().map(|t| (d.date, t)))
        .collect();
    if triages.is_empty() {
        let _ = writeln!(out, "No triage recorded in this period.");
    } else {
        let _ = writeln!(
            out,
            "| Date | Red flags | Slump test | Pain type (self-assessed) |"
        );
        let _ = writeln!(out, "|---|---|---|---|");
        for (date, triage) in triages {
            let [flags, slump, kinds] = triage_row(triage);
            let _ = writeln!(out, "| {date} | {flags} | {slump} | {kinds} |");
        }
    }
    let _ = writeln!(out);

    if !data.journal.problems.is_empty() {
        let _ = writeln!(out, "## Files that could not be read");
        let _ = writeln!(out);
        for problem in &data.journal.problems {
            let _ = writeln!(
                out,
                "- {}: {}",
                escape(&problem.path),
                escape(&problem.error)
            );
        }
        let _ = writeln!(out);
    }

    write_sources(&mut out, data);

    let _ = writeln!(out, "---");
    let _ = writeln!(out);
    let _ = writeln!(out, "*{DISCLAIMER}*");
    out
}

/// The full citations behind the rules that fired, in the order of the sources table.
fn write_sources(out: &mut String, data: &ReportData) {
    let cited: Vec<&crate::sources::Source> = crate::sources::SOURCES
        .iter()
        .filter(|s| {
            data.evaluation
                .hits
                .iter()
                .any(|h| h.sources.contains(&s.id))
        })
        .collect();
    if cited.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Sources");
    let _ = writeln!(out);
    for source in cited {
        let _ = writeln!(out, "- **{}**: {}", source.short, escape(source.full));
    }
    let _ = writeln!(out);
}
