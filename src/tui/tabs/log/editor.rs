//! The two ways of changing a field: typing text ([`TextEditor`]) and picking from a list
//! ([`Chooser`]). Pure state, no ratatui; the view draws them.

/// A small text editor: one line, or several for notes. The cursor is a char index.
///
/// A one-line editor opened on a value starts "fresh": the first character typed replaces the
/// value (as in a spreadsheet), while a cursor key or Backspace starts editing it instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextEditor {
    chars: Vec<char>,
    cursor: usize,
    pub multiline: bool,
    fresh: bool,
    /// The text when editing started, to tell whether anything changed.
    original: String,
}

impl TextEditor {
    /// An editor holding `text`, cursor at the end.
    pub fn new(text: &str, multiline: bool) -> Self {
        let chars: Vec<char> = text.chars().collect();
        Self {
            cursor: chars.len(),
            fresh: !multiline && !chars.is_empty(),
            chars,
            multiline,
            original: text.to_owned(),
        }
    }

    /// True while the next character typed replaces the whole value.
    pub fn fresh(&self) -> bool {
        self.fresh
    }

    /// The text typed so far.
    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    /// True when the text differs from what the field held.
    pub fn changed(&self) -> bool {
        self.text() != self.original
    }

    /// The cursor as a char index into [`TextEditor::text`].
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Replaces the whole text (picking a suggestion).
    pub fn set_text(&mut self, text: &str) {
        self.chars = text.chars().collect();
        self.cursor = self.chars.len();
        self.fresh = false;
    }

    pub fn insert(&mut self, c: char) {
        if c == '\n' && !self.multiline {
            return;
        }
        if std::mem::take(&mut self.fresh) {
            self.clear();
        }
        self.chars.insert(self.cursor, c);
        self.cursor += 1;
    }

    pub fn backspace(&mut self) {
        self.fresh = false;
        if self.cursor > 0 {
            self.cursor -= 1;
            self.chars.remove(self.cursor);
        }
    }

    pub fn delete(&mut self) {
        self.fresh = false;
        if self.cursor < self.chars.len() {
            self.chars.remove(self.cursor);
        }
    }

    pub fn left(&mut self) {
        self.fresh = false;
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.fresh = false;
        self.cursor = (self.cursor + 1).min(self.chars.len());
    }

    /// Start of the current line.
    pub fn home(&mut self) {
        self.fresh = false;
        self.cursor = self.line_start(self.cursor);
    }

    /// End of the current line.
    pub fn end(&mut self) {
        self.fresh = false;
        self.cursor = self.line_end(self.cursor);
    }

    /// Empties the field (Ctrl-U).
    pub fn clear(&mut self) {
        self.fresh = false;
        self.chars.clear();
        self.cursor = 0;
    }

    /// One line up, keeping the column where possible.
    pub fn up(&mut self) {
        let start = self.line_start(self.cursor);
        if start == 0 {
            self.cursor = 0;
            return;
        }
        let column = self.cursor - start;
        let prev_start = self.line_start(start - 1);
        self.cursor = (prev_start + column).min(start - 1);
    }

    /// One line down, keeping the column where possible.
    pub fn down(&mut self) {
        let start = self.line_start(self.cursor);
        let end = self.line_end(self.cursor);
        if end == self.chars.len() {
            self.cursor = end;
            return;
        }
        let column = self.cursor - start;
        let next_start = end + 1;
        self.cursor = (next_start + column).min(self.line_end(next_start));
    }

    fn line_start(&self, at: usize) -> usize {
        self.chars[..at]
            .iter()
            .rposition(|c| *c == '\n')
            .map_or(0, |i| i + 1)
    }

    fn line_end(&self, at: usize) -> usize {
        self.chars[at..]
            .iter()
            .position(|c| *c == '\n')
            .map_or(self.chars.len(), |i| at + i)
    }

    /// The lines of the text, and the cursor as (line, column), for drawing.
    pub fn lines_and_cursor(&self) -> (Vec<String>, (usize, usize)) {
        let text = self.text();
        let lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
        let before = &self.chars[..self.cursor];
        let line = before.iter().filter(|c| **c == '\n').count();
        let column = self.cursor - self.line_start(self.cursor);
        (lines, (line, column))
    }
}

/// Picking one option (side, surface, yes/no) or several (locations, character).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chooser {
    pub options: &'static [&'static str],
    /// Which options are ticked; exactly one for a single choice.
    pub ticked: Vec<bool>,
    /// The highlighted option.
    pub at: usize,
    pub multi: bool,
    original: Vec<bool>,
}

impl Chooser {
    /// A chooser over `options` with `ticked` options set; the highlight starts on the first
    /// ticked one.
    pub fn new(options: &'static [&'static str], ticked: Vec<bool>, multi: bool) -> Self {
        let at = ticked.iter().position(|t| *t).unwrap_or(0);
        Self {
            options,
            original: ticked.clone(),
            ticked,
            at,
            multi,
        }
    }

    /// True when the ticks differ from what the field held.
    pub fn changed(&self) -> bool {
        self.ticked != self.original
    }

    /// Moves the highlight; a single choice follows it.
    pub fn move_by(&mut self, step: isize) {
        let n = self.options.len().cast_signed();
        self.at = (self.at.cast_signed() + step).rem_euclid(n).cast_unsigned();
        if !self.multi {
            self.pick(self.at);
        }
    }

    /// Space: ticks or unticks the highlighted option (a single choice just picks it).
    pub fn toggle(&mut self) {
        if self.multi {
            self.ticked[self.at] = !self.ticked[self.at];
        } else {
            self.pick(self.at);
        }
    }

    /// A digit: option `n` (1-based) is highlighted and toggled or picked.
    pub fn number(&mut self, n: usize) {
        if (1..=self.options.len()).contains(&n) {
            self.at = n - 1;
            self.toggle();
        }
    }

    fn pick(&mut self, i: usize) {
        self.ticked.iter_mut().for_each(|t| *t = false);
        self.ticked[i] = true;
    }

    /// The ticked options' indices.
    pub fn chosen(&self) -> Vec<usize> {
        (0..self.ticked.len()).filter(|i| self.ticked[*i]).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_and_moving_in_one_line() {
        let mut e = TextEditor::new("6.", false);
        e.end();
        e.insert('4');
        assert_eq!(e.text(), "6.4");
        e.home();
        e.insert('1');
        assert_eq!(e.text(), "16.4");
        e.delete();
        e.end();
        e.backspace();
        assert_eq!(e.text(), "1.");
        e.insert('\n');
        assert_eq!(e.text(), "1.", "no newline in a one-line field");
        assert!(e.changed());
    }

    #[test]
    fn typing_over_a_value_replaces_it_but_editing_keys_keep_it() {
        let mut e = TextEditor::new("4", false);
        assert!(e.fresh());
        e.insert('1');
        e.insert('0');
        assert_eq!(e.text(), "10");
        let mut e = TextEditor::new("38:00", false);
        e.backspace();
        e.insert('5');
        assert_eq!(e.text(), "38:05");
        let mut notes = TextEditor::new("long notes", true);
        notes.insert('!');
        assert_eq!(
            notes.text(),
            "long notes!",
            "notes are never replaced by one key"
        );
    }

    #[test]
    fn lines_up_and_down_keep_the_column() {
        let mut e = TextEditor::new("abcdef\nxy\nlonger line", true);
        e.up();
        assert_eq!(e.lines_and_cursor().1, (1, 2));
        e.up();
        assert_eq!(e.lines_and_cursor().1, (0, 2));
        e.end();
        e.down();
        assert_eq!(e.lines_and_cursor().1, (1, 2));
        e.down();
        e.down();
        assert_eq!(e.cursor(), e.text().chars().count());
        e.insert('\n');
        assert_eq!(e.lines_and_cursor().0.len(), 4);
    }

    #[test]
    fn single_and_multi_choice() {
        const OPTS: &[&str] = &["a", "b", "c"];
        let mut single = Chooser::new(OPTS, vec![false, true, false], false);
        assert_eq!(single.at, 1);
        single.move_by(1);
        assert_eq!(single.chosen(), vec![2]);
        single.move_by(1);
        assert_eq!(single.chosen(), vec![0]);
        let mut multi = Chooser::new(OPTS, vec![false; 3], true);
        multi.toggle();
        multi.number(3);
        assert_eq!(multi.chosen(), vec![0, 2]);
        multi.number(1);
        assert_eq!(multi.chosen(), vec![2]);
        assert!(multi.changed());
    }
}
