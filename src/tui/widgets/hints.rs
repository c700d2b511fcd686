//! The key-hint line at the bottom of every tab.

use crate::tui::theme::Theme;
use ratatui::text::{Line, Span};

/// `key description` pairs as one line, keys highlighted.
pub fn line(pairs: &[(&str, &str)], theme: &Theme) -> Line<'static> {
    let mut spans = vec![Span::raw(" ")];
    for (i, (key, what)) in pairs.iter().chain(GLOBAL_SHORT).enumerate() {
        if i > 0 {
            spans.push(Span::styled("  ", theme.dim));
        }
        spans.push(Span::styled((*key).to_owned(), theme.key));
        spans.push(Span::styled(format!(" {what}"), theme.dim));
    }
    Line::from(spans)
}

const GLOBAL_SHORT: &[(&str, &str)] = &[("?", "help"), ("q", "quit")];
