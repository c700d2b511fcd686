//! The verdict with its plain meaning, and every fired rule with its evidence and source.

use super::wrap::wrap;
use crate::journal::Journal;
use crate::rules::{Evaluation, Level, RuleHit, Verdict, back};
use crate::tui::theme::Theme;
use chrono::NaiveDate;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// How many of the last 7 days need a worst pain for a verdict (design section 4, `ok-to-run`).
pub const DAYS_NEEDED: usize = 3;

/// The verdict as a coloured headline, then its meaning; for "Log a few more days", what is
/// still missing.
pub fn verdict_lines(
    evaluation: &Evaluation,
    journal: &Journal,
    today: NaiveDate,
    theme: &Theme,
    width: u16,
) -> Vec<Line<'static>> {
    let verdict = evaluation.verdict;
    let style = theme.verdict(verdict);
    let mut lines = vec![Line::from(vec![
        Span::raw(" "),
        Span::styled(format!(" {} ", verdict.headline()), style),
    ])];
    lines.extend(wrap(&[(verdict.meaning(), theme.base)], width, 1, 1));
    if verdict == Verdict::Unknown {
        let recorded = worst_pain_days(journal, today);
        let missing = DAYS_NEEDED.saturating_sub(recorded);
        let text = if missing > 0 {
            format!(
                "Worst pain is recorded on {recorded} of the last 7 days ({} to {}): \
                 {missing} more needed.",
                back(today, 6).format("%a %-d %b"),
                today.format("%a %-d %b")
            )
        } else {
            "Keep logging your worst pain each day.".to_owned()
        };
        lines.extend(wrap(&[(&text, theme.caution)], width, 1, 1));
    }
    lines
}

/// Days of the last 7 (ending today) with a worst pain recorded.
pub fn worst_pain_days(journal: &Journal, today: NaiveDate) -> usize {
    journal
        .range(back(today, 6), today)
        .filter(|d| d.worst_pain.is_some())
        .count()
}

/// The style of a rule's level tag.
pub fn level_style(level: Level, theme: &Theme) -> Style {
    match level {
        Level::Urgent => theme.urgent,
        Level::Doctor => theme.doctor,
        Level::Stop => theme.stop,
        Level::Caution => theme.caution,
        Level::Ok => theme.ok,
        Level::Info => theme.info,
    }
}

/// Every fired rule, most serious first: level and message, then the evidence, then the source.
pub fn rule_lines(evaluation: &Evaluation, theme: &Theme, width: u16) -> Vec<Line<'static>> {
    if evaluation.hits.is_empty() {
        return wrap(&[("No rule has fired yet.", theme.dim)], width, 1, 1);
    }
    let mut lines = Vec::new();
    for hit in &evaluation.hits {
        lines.extend(hit_lines(hit, theme, width));
    }
    lines
}

fn hit_lines(hit: &RuleHit, theme: &Theme, width: u16) -> Vec<Line<'static>> {
    let tag = hit.level.as_str().to_uppercase();
    let mut lines = wrap(
        &[
            (&tag, level_style(hit.level, theme)),
            (&hit.message, theme.base),
        ],
        width,
        1,
        3,
    );
    lines.extend(wrap(
        &[("Evidence:", theme.dim), (&hit.evidence, theme.base)],
        width,
        3,
        5,
    ));
    let rule = format!("(rule {})", hit.id);
    lines.extend(wrap(
        &[
            ("Source:", theme.dim),
            (hit.source.as_str(), theme.dim),
            (&rule, theme.dim),
        ],
        width,
        3,
        5,
    ));
    lines
}
