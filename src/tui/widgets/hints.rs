//! The key-hint line at the bottom of every tab.

use crate::tui::theme::Theme;
use ratatui::text::{Line, Span};

/// `key description` pairs as one line, keys highlighted. `with_global` adds `? help  q quit`
/// (left out while typing into a field, where those keys are just letters).
pub fn line(pairs: &[(&str, &str)], theme: &Theme, with_global: bool) -> Line<'static> {
    let mut spans = vec![Span::raw(" ")];
    let global: &[(&str, &str)] = if with_global { GLOBAL_SHORT } else { &[] };
    for (i, (key, what)) in pairs.iter().chain(global).enumerate() {
        if i > 0 {
            spans.push(Span::styled("  ", theme.dim));
        }
        spans.push(Span::styled((*key).to_owned(), theme.key));
        spans.push(Span::styled(format!(" {what}"), theme.dim));
    }
    Line::from(spans)
}

const GLOBAL_SHORT: &[(&str, &str)] = &[("?", "help"), ("q", "quit")];
