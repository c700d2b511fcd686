//! The one plain-text word wrap of the screens, by display width (a wide character such as
//! 日 takes two cells, an accent none), and the one way a line that must be cut is cut: with an
//! ellipsis, never silently mid-word.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The display width of `text` in terminal cells.
pub fn width(text: &str) -> usize {
    text.width()
}

/// Greedy word wrap to `width` cells; a word wider than a line is split over lines (nothing is
/// lost).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    wrap_hanging(text, width, width)
}

/// Greedy word wrap: the first line to `first` cells, the others to `rest`.
pub fn wrap_hanging(text: &str, first: usize, rest: usize) -> Vec<String> {
    let mut limit = first.max(1);
    let rest = rest.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in text.split_whitespace() {
        let mut word = word.to_owned();
        // A word wider than the line: start it on a line of its own and split it there.
        while word.width() > limit {
            if used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
                limit = rest;
                continue;
            }
            let (head, tail) = split_at_width(&word, limit);
            lines.push(head);
            word = tail;
            limit = rest;
        }
        let w = word.width();
        if used > 0 && used + 1 + w > limit {
            lines.push(std::mem::take(&mut line));
            used = 0;
            limit = rest;
        }
        if used > 0 {
            line.push(' ');
            used += 1;
        }
        used += w;
        line.push_str(&word);
    }
    if used > 0 || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` cut to at most `width` cells, ending in `…` when something was cut.
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let (head, _) = split_at_width(text, width - 1);
    format!("{}…", head.trim_end())
}

/// The longest start of `text` at most `cells` wide (at least one character), and the rest.
fn split_at_width(text: &str, cells: usize) -> (String, String) {
    let mut used = 0;
    for (i, c) in text.char_indices() {
        let w = c.width().unwrap_or(0);
        if used + w > cells && i > 0 {
            return (text[..i].to_owned(), text[i..].to_owned());
        }
        used += w;
    }
    (text.to_owned(), String::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_on_words_and_splits_only_what_cannot_fit() {
        assert_eq!(wrap("aa bb cc", 5), vec!["aa bb", "cc"]);
        assert_eq!(wrap("abcdefgh x", 3), vec!["abc", "def", "gh", "x"]);
        assert_eq!(wrap("", 5), vec![""]);
        assert_eq!(
            wrap_hanging("one two three four", 3, 9),
            vec!["one", "two three", "four"]
        );
    }

    #[test]
    fn wide_characters_count_twice() {
        // Each of these takes two cells: four fit in eight.
        assert_eq!(wrap("日本語の 文", 8), vec!["日本語の", "文"]);
        assert!(wrap("日本語の文章です", 6).iter().all(|l| l.width() <= 6));
    }

    #[test]
    fn a_cut_line_says_so() {
        assert_eq!(fit("Runner strength", 9), "Runner s…");
        assert_eq!(fit("short", 9), "short");
        assert_eq!(fit("日本語の", 5), "日本…");
    }
}
