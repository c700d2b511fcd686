//! The findings as wrapped lines: the clear factors first with their numbers, what more days
//! would do when nothing is clear, the links with the next morning, the values tested and not
//! clear, then the caveat. (The disclaimer stays in view below them: see the tab.)

use crate::insights::words::{
    CAVEAT, MORE_PAIN, factor_numbers, factor_sentence, link_numbers, link_sentence,
    outlook_sentence,
};
use crate::insights::{Insights, links::MIN_PAIRS};
use crate::tui::tabs::trends::wrap::wrap;
use crate::tui::theme::Theme;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

fn heading(text: &str, theme: &Theme) -> Line<'static> {
    Line::from(Span::styled(format!(" {text}"), theme.title))
}

/// A bullet line: the marker, the sentence, then the numbers dimmed.
fn bullet(
    marker: &str,
    marker_style: Style,
    sentence: &str,
    numbers: &str,
    style: Style,
    theme: &Theme,
    width: u16,
) -> Vec<Line<'static>> {
    let sentence = format!("{sentence} ");
    wrap(
        &[
            (marker, marker_style),
            (&sentence, style),
            (numbers, theme.dim),
        ],
        width,
        1,
        3,
    )
}

/// Every line of the findings, wrapped to `width`.
pub fn lines(insights: &Insights, theme: &Theme, width: u16) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    out.push(heading("What goes with more pain, or less", theme));
    let clear: Vec<_> = insights.clear_factors().collect();
    for f in &clear {
        // Colour repeats what the arrow says: ▲ more pain, ▼ less.
        let (marker, style) = if f.difference > 0.0 {
            ("▲", theme.caution)
        } else {
            ("▼", theme.ok)
        };
        out.extend(bullet(
            marker,
            style,
            &factor_sentence(f),
            &factor_numbers(f),
            theme.base,
            theme,
            width,
        ));
    }
    if clear.is_empty() {
        out.extend(wrap(&[("No factor is clear yet.", theme.dim)], width, 3, 3));
    }
    if let Some(sentence) = outlook_sentence(insights.outlook) {
        out.extend(wrap(&[(&sentence, theme.caution)], width, 1, 1));
    }
    out.extend(wrap(&[(MORE_PAIN, theme.dim)], width, 1, 1));
    out.push(Line::default());

    out.push(heading("Daily habits and the next morning's pain", theme));
    if insights.links.is_empty() {
        let text = format!(
            "Nothing to compare yet: each needs {MIN_PAIRS} days with a value and the next \
             morning's pain."
        );
        out.extend(wrap(&[(&text, theme.dim)], width, 3, 3));
    }
    for link in &insights.links {
        let (marker, style) = if link.clear {
            ("●", theme.base)
        } else {
            ("○", theme.dim)
        };
        out.extend(bullet(
            marker,
            style,
            &link_sentence(link),
            &link_numbers(link),
            style,
            theme,
            width,
        ));
    }
    out.push(Line::default());

    let unclear: Vec<_> = insights.factors.iter().filter(|f| !f.clear).collect();
    if !unclear.is_empty() {
        out.push(heading("Tested, not clear (could be chance)", theme));
        for f in unclear {
            out.extend(bullet(
                "○",
                theme.dim,
                &factor_sentence(f),
                &factor_numbers(f),
                theme.dim,
                theme,
                width,
            ));
        }
        out.push(Line::default());
    }
    out.extend(wrap(&[(CAVEAT, theme.base)], width, 1, 1));
    out
}
