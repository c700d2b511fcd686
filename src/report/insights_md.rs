//! The report's "What goes with your pain" section for a physiotherapist: the clear findings
//! only, in words with their numbers (or the honest "nothing is clear yet"), and the year as a
//! text calendar, one row per month, one character per day.

use super::ReportData;
use super::markdown::escape;
use crate::insights::calendar::{Calendar, CalendarDay, LEGEND};
use crate::insights::words::{
    CAVEAT, MORE_PAIN, factor_numbers, factor_sentence, link_numbers, link_sentence,
    outlook_sentence,
};
use crate::insights::{self, Insights};
use chrono::{Datelike, NaiveDate};
use std::fmt::Write;

/// Where the day-of-month columns start in the calendar ("Nov 2025  " is 10 wide).
const LABEL: usize = 10;

/// Writes the section over the 365 days ending on the report's `today`.
pub(super) fn write(out: &mut String, data: &ReportData) {
    let insights::Year {
        insights: found,
        calendar,
    } = insights::Year::new(data.journal, data.today);
    let window = found.window;
    let _ = writeln!(out, "## What goes with your pain");
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "From {} to {}: {} run days, {} of them with a known response (the next morning's \
         pain logged, or a run that hurt). Only clear findings are listed (Benjamini-Hochberg \
         q below 0.10).",
        window.from,
        window.to,
        found.ledger.len(),
        found.classified
    );
    let _ = writeln!(out);
    write_findings(out, &found);
    let _ = writeln!(out, "{MORE_PAIN} {CAVEAT}");
    let _ = writeln!(out);
    let _ = writeln!(out, "### The year, day by day");
    let _ = writeln!(out);
    let _ = writeln!(out, "```text");
    out.push_str(&calendar_text(&calendar));
    let _ = writeln!(out, "```");
    let legend: Vec<String> = LEGEND
        .iter()
        .map(|(glyph, meaning)| format!("`{glyph}` {meaning}"))
        .collect();
    let _ = writeln!(out);
    let _ = writeln!(out, "{}; blank: nothing logged.", legend.join(", "));
    let _ = writeln!(out);
}

fn write_findings(out: &mut String, found: &Insights) {
    let factors: Vec<_> = found.clear_factors().collect();
    let links: Vec<_> = found.clear_links().collect();
    for f in &factors {
        let line = format!("{} {}", factor_sentence(f), factor_numbers(f));
        let _ = writeln!(out, "- {}.", escape(&line));
    }
    for l in &links {
        let line = format!("{} {}", link_sentence(l), link_numbers(l));
        let _ = writeln!(out, "- {}.", escape(&line));
    }
    if let Some(sentence) = outlook_sentence(found.outlook) {
        let _ = writeln!(out, "{}", escape(&sentence));
    }
    let _ = writeln!(out);
}

/// The calendar as text: a header of day numbers, then one row per month ("Nov 2025  " and a
/// character per day, blank before the window and after today), trailing spaces trimmed.
fn calendar_text(calendar: &Calendar) -> String {
    let mut text = String::new();
    let mut header = " ".repeat(LABEL);
    for day in [1, 10, 20, 30] {
        while header.len() < LABEL + day - 1 {
            header.push(' ');
        }
        header.push_str(&day.to_string());
    }
    text.push_str(&header);
    text.push('\n');
    let (Some(first), Some(last)) = (calendar.days.first(), calendar.days.last()) else {
        return text;
    };
    let mut month = first.date.with_day(1).unwrap_or(first.date);
    while month <= last.date {
        let mut row = format!("{:<LABEL$}", month.format("%b %Y").to_string());
        let mut date = month;
        while date.month() == month.month() {
            row.push(calendar.day(date).map_or(' ', CalendarDay::glyph));
            let Some(next) = date.succ_opt() else { break };
            date = next;
        }
        text.push_str(row.trim_end());
        text.push('\n');
        month = next_month(month).unwrap_or(NaiveDate::MAX);
    }
    text
}

fn next_month(first: NaiveDate) -> Option<NaiveDate> {
    first.checked_add_months(chrono::Months::new(1))
}
