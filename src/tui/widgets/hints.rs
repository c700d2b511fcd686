//! The key-hint line at the bottom of every tab.

use crate::tui::theme::Theme;
use ratatui::text::{Line, Span};

/// `key description` pairs as one line of at most `width` columns, keys highlighted.
/// `with_global` adds `? help  q quit` (left out while typing into a field, where those keys are
/// just letters); those two always fit. Tab hints that do not fit are left out whole, never cut
/// mid-word, and a `…` says the help has more.
pub fn line(pairs: &[(&str, &str)], theme: &Theme, with_global: bool, width: u16) -> Line<'static> {
    let global: &[(&str, &str)] = if with_global { GLOBAL_SHORT } else { &[] };
    let piece = |(key, what): &(&str, &str)| {
        vec![
            Span::styled((*key).to_owned(), theme.key),
            Span::styled(format!(" {what}"), theme.dim),
        ]
    };
    // Each pair takes its text and the two spaces before it.
    const ELLIPSIS: &str = "  …";
    let cost = |pair: &(&str, &str)| piece(pair).iter().map(Span::width).sum::<usize>() + 2;
    let budget = usize::from(width).saturating_sub(1);
    let mut used: usize = global.iter().map(cost).sum();
    let mut fitting = 0;
    for (i, pair) in pairs.iter().enumerate() {
        let last = i + 1 == pairs.len();
        let room = if last {
            budget
        } else {
            budget.saturating_sub(ELLIPSIS.chars().count())
        };
        if used + cost(pair) > room {
            break;
        }
        used += cost(pair);
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

const GLOBAL_SHORT: &[(&str, &str)] = &[("?", "help"), ("q", "quit")];

#[cfg(test)]
mod tests {
    use super::*;

    fn text(line: &Line) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn hints_that_do_not_fit_are_left_out_whole() {
        let pairs = [("↑↓", "field"), ("Enter", "edit"), ("u/^R", "undo/redo")];
        let theme = &crate::tui::theme::MONO;
        let wide = text(&line(&pairs, theme, true, 80));
        assert_eq!(
            wide,
            " ↑↓ field  Enter edit  u/^R undo/redo  ? help  q quit"
        );
        let narrow = text(&line(&pairs, theme, true, 42));
        assert_eq!(narrow, " ↑↓ field  Enter edit  …  ? help  q quit");
        let narrower = text(&line(&pairs, theme, true, 30));
        assert_eq!(narrower, " ↑↓ field  …  ? help  q quit");
        assert!(narrower.chars().count() <= 30);
    }
}
