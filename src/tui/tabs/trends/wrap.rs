//! Word wrapping of styled text into lines of a given width. The tab wraps its own text (rather
//! than leaving it to `Paragraph`) so that it knows how many rows the text takes: that is what
//! the reasons list scrolls by and what the layout shares out.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// The display width of `text` in terminal cells.
pub fn width(text: &str) -> usize {
    Span::raw(text).width()
}

/// Wraps `pieces` (text with a style each) into lines at most `width` cells wide. The first
/// line starts with `first_indent` spaces, the others with `rest_indent`. Runs of spaces
/// collapse to one; a word longer than a line is cut.
pub fn wrap(
    pieces: &[(&str, Style)],
    width: u16,
    first_indent: u16,
    rest_indent: u16,
) -> Vec<Line<'static>> {
    let width = usize::from(width);
    if width == 0 {
        return Vec::new();
    }
    let mut out = Wrapper {
        width,
        rest_indent: usize::from(rest_indent).min(width / 2),
        lines: Vec::new(),
        spans: Vec::new(),
        run: String::new(),
        run_style: Style::default(),
        used: 0,
        words: 0,
    };
    out.start_line(usize::from(first_indent).min(width / 2));
    for (text, style) in pieces {
        for word in text.split(' ').filter(|w| !w.is_empty()) {
            out.word(word, *style);
        }
    }
    out.finish()
}

struct Wrapper {
    width: usize,
    rest_indent: usize,
    lines: Vec<Line<'static>>,
    /// Finished spans of the current line.
    spans: Vec<Span<'static>>,
    /// Words of the current piece on this line, not yet made a span.
    run: String,
    run_style: Style,
    /// Cells used on the current line.
    used: usize,
    /// Words on the current line.
    words: usize,
}

impl Wrapper {
    fn start_line(&mut self, indent: usize) {
        if indent > 0 {
            self.spans.push(Span::raw(" ".repeat(indent)));
        }
        self.used = indent;
        self.words = 0;
    }

    fn flush_run(&mut self) {
        if !self.run.is_empty() {
            self.spans
                .push(Span::styled(std::mem::take(&mut self.run), self.run_style));
        }
    }

    fn end_line(&mut self) {
        self.flush_run();
        self.lines.push(Line::from(std::mem::take(&mut self.spans)));
        self.start_line(self.rest_indent);
    }

    fn word(&mut self, word: &str, style: Style) {
        let w = width(word);
        let gap = usize::from(self.words > 0);
        if self.used + gap + w > self.width && self.words > 0 {
            self.end_line();
        }
        if self.used + w > self.width {
            // Longer than a whole line: cut it.
            let mut rest = word;
            while !rest.is_empty() {
                let room = self
                    .width
                    .saturating_sub(self.used + usize::from(self.words > 0));
                let (head, tail) = split_at_width(rest, room.max(1));
                self.push(head, style);
                rest = tail;
                if !rest.is_empty() {
                    self.end_line();
                }
            }
            return;
        }
        self.push(word, style);
    }

    fn push(&mut self, word: &str, style: Style) {
        if self.words > 0 {
            if style == self.run_style {
                self.run.push(' ');
            } else {
                self.flush_run();
                self.spans.push(Span::raw(" "));
            }
            self.used += 1;
        } else {
            self.flush_run();
        }
        self.run_style = style;
        self.run.push_str(word);
        self.used += width(word);
        self.words += 1;
    }

    fn finish(mut self) -> Vec<Line<'static>> {
        if self.words > 0 {
            self.flush_run();
            self.lines.push(Line::from(self.spans));
        }
        self.lines
    }
}

/// Splits `text` after at most `cells` cells (at least one character).
fn split_at_width(text: &str, cells: usize) -> (&str, &str) {
    let mut used = 0;
    let mut buf = [0u8; 4];
    for (i, c) in text.char_indices() {
        let w = width(c.encode_utf8(&mut buf));
        if used + w > cells && i > 0 {
            return text.split_at(i);
        }
        used += w;
    }
    (text, "")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(lines: &[Line]) -> Vec<String> {
        lines.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn wraps_at_word_boundaries_with_indents() {
        let lines = wrap(
            &[
                ("Evidence:", Style::new()),
                ("one two three four", Style::new()),
            ],
            14,
            0,
            2,
        );
        assert_eq!(plain(&lines), ["Evidence: one", "  two three", "  four"]);
    }

    #[test]
    fn cuts_words_longer_than_a_line() {
        let lines = wrap(&[("abcdefghij", Style::new())], 4, 0, 0);
        assert_eq!(plain(&lines), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn nothing_to_wrap_gives_no_lines() {
        assert!(wrap(&[("  ", Style::new())], 10, 1, 1).is_empty());
        assert!(wrap(&[("word", Style::new())], 0, 0, 0).is_empty());
    }
}
