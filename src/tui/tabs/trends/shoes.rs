//! Distance run in each pair of shoes, with a note on shoes past the runner's limit.

use super::wrap::wrap;
use crate::journal::settings::Settings;
use crate::tui::theme::Theme;
use ratatui::text::Line;

/// A whole number of the runner's unit: "742 km".
fn whole(km: f64, settings: &Settings) -> String {
    format!(
        "{:.0} {}",
        settings.units.from_km(km),
        settings.units.label()
    )
}

/// One line (more when the note wraps) per pair of shoes, longest distance first.
/// `totals` comes from [`crate::rules::shoe_distances`].
pub fn shoe_lines(
    totals: &[(String, f64)],
    settings: &Settings,
    theme: &Theme,
    width: u16,
) -> Vec<Line<'static>> {
    if totals.is_empty() {
        return wrap(
            &[(
                "No shoes named on any run yet (add them to a run on the Log tab).",
                theme.dim,
            )],
            width,
            1,
            1,
        );
    }
    let mut lines = Vec::new();
    for (name, km) in totals {
        let label = format!("{name}:");
        let distance = whole(*km, settings);
        if *km > settings.shoe_limit_km {
            let note = format!(
                "— past your {} limit: worn shoes absorb less; consider rotating in a new pair \
                 (Movaia)",
                whole(settings.shoe_limit_km, settings)
            );
            lines.extend(wrap(
                &[
                    (&label, theme.base),
                    (&distance, theme.caution),
                    (&note, theme.caution),
                ],
                width,
                1,
                3,
            ));
        } else {
            lines.extend(wrap(
                &[(&label, theme.base), (&distance, theme.base)],
                width,
                1,
                3,
            ));
        }
    }
    lines
}
