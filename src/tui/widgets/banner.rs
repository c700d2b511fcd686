//! The red-flag banner: shown on every tab, above everything else, while the latest triage
//! (however old) lists a red flag (design section 4, rules `red-flag` and `serious-signs`):
//! red for an emergency sign, yellow for a sign that needs a doctor within days, one line each
//! when both are present. Driven by saved data only, so it survives a restart and clears only
//! when a newer triage answers no.

use crate::triage::{self, words};
use crate::tui::ctx::Ctx;
use ratatui::text::Line;

/// The banner's lines wrapped to `width` columns, each styled by its tier, or none when no red
/// flag stands.
pub fn urgent_lines(ctx: &Ctx, width: u16) -> Vec<Line<'static>> {
    let Some((date, flags)) = triage::current_red_flags(ctx.journal(), ctx.today()) else {
        return Vec::new();
    };
    let parts = words::banner(&date.format(words::BANNER_DATE_FORMAT).to_string(), flags);
    tier_lines(&parts, width, ctx.theme)
}

/// Tier texts wrapped to `width` columns, each line padded to the width and styled by its tier.
pub fn tier_lines(
    parts: &[(crate::journal::entry::FlagTier, String)],
    width: u16,
    theme: &crate::tui::theme::Theme,
) -> Vec<Line<'static>> {
    let inner = usize::from(width.max(20)) - 2;
    parts
        .iter()
        .flat_map(|(tier, text)| {
            let style = theme.tier(*tier);
            wrap(text, inner)
                .into_iter()
                .map(move |line| Line::from(format!(" {line:<inner$} ")).style(style))
        })
        .collect()
}

pub use super::wrap::{wrap, wrap_hanging};
