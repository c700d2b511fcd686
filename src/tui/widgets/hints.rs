//! The key-hint line at the bottom of every tab.

use crate::tui::theme::Theme;
use ratatui::text::{Line, Span};

/// Said in place of the hints left out.
const ELLIPSIS: &str = "  …";

/// `key description` pairs as one line of at most `width` columns, keys highlighted, then the
/// `global` ones (help and quit; none while typing into a field, where those keys are just
/// letters), which always fit. Tab hints that do not fit are left out whole, never cut
/// mid-word, and a `…` says the help has more.
pub fn line(
    pairs: &[(String, &'static str)],
    global: &[(String, &'static str)],
    theme: &Theme,
    width: u16,
) -> Line<'static> {
    let piece = |(key, what): &(String, &str)| {
        vec![
            Span::styled(key.clone(), theme.key),
            Span::styled(format!(" {what}"), theme.dim),
        ]
    };
    // A pair takes its text and, after the first, the two spaces before it.
    let text_width = |pair: &(String, &str)| piece(pair).iter().map(Span::width).sum::<usize>();
    let budget = usize::from(width).saturating_sub(1);
    let mut used: usize = global.iter().map(|p| text_width(p) + 2).sum();
    let mut fitting = 0;
    for (i, pair) in pairs.iter().enumerate() {
        let cost = text_width(pair) + if i == 0 { 0 } else { 2 };
        let room = if i + 1 == pairs.len() {
            budget
        } else {
            budget.saturating_sub(ELLIPSIS.chars().count())
        };
        if used + cost > room {
            break;
        }
        used += cost;
        fitting += 1;
    }
    let mut spans = vec![Span::raw(" ")];
    for (i, pair) in pairs[..fitting].iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled("  ", theme.dim));
        }
        spans.extend(piece(pair));
    }
    if fitting < pairs.len() {
        let ellipsis = if fitting == 0 {
            ELLIPSIS.trim_start()
        } else {
            ELLIPSIS
        };
        spans.push(Span::styled(ellipsis.to_owned(), theme.dim));
    }
    for pair in global {
        if spans.len() > 1 {
            spans.push(Span::styled("  ", theme.dim));
        }
        spans.extend(piece(pair));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(line: &Line) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn hints_that_do_not_fit_are_left_out_whole() {
        let pairs: Vec<(String, &str)> =
            [("↑↓", "field"), ("Enter", "edit"), ("u/^R", "undo/redo")]
                .iter()
                .map(|(k, w)| ((*k).to_owned(), *w))
                .collect();
        let theme = &crate::tui::theme::MONO;
        let global = vec![("?".to_owned(), "help"), ("q".to_owned(), "quit")];
        let line = |pairs: &[(String, &'static str)], _: &crate::tui::theme::Theme, _: bool, w| {
            line(pairs, &global, theme, w)
        };
        let wide = text(&line(&pairs, theme, true, 80));
        assert_eq!(
            wide,
            " ↑↓ field  Enter edit  u/^R undo/redo  ? help  q quit"
        );
        assert_eq!(
            text(&line(&pairs, theme, true, 55)),
            wide,
            "exactly as wide as the line"
        );
        let narrow = text(&line(&pairs, theme, true, 40));
        assert_eq!(narrow, " ↑↓ field  Enter edit  …  ? help  q quit");
        let narrower = text(&line(&pairs, theme, true, 28));
        assert_eq!(narrower, " ↑↓ field  …  ? help  q quit");
        assert!(narrower.chars().count() <= 28);
    }
}
