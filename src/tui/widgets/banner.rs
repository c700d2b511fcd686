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
    let Some((date, flags)) = triage::current_red_flags(&ctx.journal, ctx.today) else {
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

/// Greedy word wrap to `width` columns; a word longer than the width is cut.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    wrap_hanging(text, width, width)
}

/// Greedy word wrap: the first line to `first` columns, the others to `rest`.
pub fn wrap_hanging(text: &str, first: usize, rest: usize) -> Vec<String> {
    let mut width = first.max(1);
    let rest = rest.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut len = 0;
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > width {
            if len > 0 {
                lines.push(std::mem::take(&mut line));
                len = 0;
                width = rest;
                continue;
            }
            let tail = word.split_off(width);
            lines.push(word.into_iter().collect());
            word = tail;
            width = rest;
        }
        if len > 0 && len + 1 + word.len() > width {
            lines.push(std::mem::take(&mut line));
            len = 0;
            width = rest;
        }
        if len > 0 {
            line.push(' ');
            len += 1;
        }
        len += word.len();
        line.extend(word);
    }
    if len > 0 || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_on_words_and_cuts_long_ones() {
        assert_eq!(wrap("aa bb cc", 5), vec!["aa bb", "cc"]);
        assert_eq!(wrap("abcdefgh x", 3), vec!["abc", "def", "gh", "x"]);
        assert_eq!(wrap("", 5), vec![""]);
        assert_eq!(
            super::wrap_hanging("one two three four", 3, 9),
            vec!["one", "two three", "four"]
        );
    }
}
