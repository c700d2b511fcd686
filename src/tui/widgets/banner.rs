//! The red-flag banner: shown on every tab, above everything else, while the latest triage of
//! the last 14 days lists a red flag (design section 4, rule `red-flag`).

use crate::tui::ctx::Ctx;
use chrono::Days;
use ratatui::text::Line;

/// The banner's lines, or none when there is no current red flag.
pub fn urgent_lines(ctx: &Ctx) -> Vec<Line<'static>> {
    let from = ctx.today - Days::new(13);
    let latest = ctx
        .journal
        .range(from, ctx.today)
        .rev()
        .find_map(|day| day.triage.as_ref().map(|t| (day.date, t)));
    match latest {
        Some((date, triage)) if !triage.red_flags.is_empty() => vec![
            Line::from(format!(
                " RED FLAG in your triage of {date}: {} warning sign(s). Get emergency care today \
                 (A&E / emergency department, or call your emergency number).",
                triage.red_flags.len()
            )),
            Line::from(
                " This cannot wait for a routine appointment. Do not run. The banner stays until a newer triage has no red flag.",
            ),
        ],
        _ => Vec::new(),
    }
}
