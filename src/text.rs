//! Text from files and users on its way to a terminal or a spreadsheet: control characters
//! (an escape sequence in a file name, a note or an activity name could clear or rewrite the
//! screen) are shown escaped, and CSV cells that a spreadsheet would run as a formula are
//! neutralised.

use std::fmt::Write as _;

/// `text` with every control character (C0, DEL, C1) and bidirectional override written
/// visibly, the way Rust writes them (`\n`, `\t`, `\u{1b}`); everything else unchanged.
#[must_use]
pub fn escape_controls(text: &str) -> String {
    if !text.chars().any(needs_escape) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if needs_escape(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

fn needs_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A CSV cell that a spreadsheet would not run as a formula: a text cell starting with `=`,
/// `+`, `-`, `@`, a tab or a carriage return gets a leading `'` (the OWASP advice); control
/// characters are escaped as by [`escape_controls`] except line breaks, which CSV quotes.
#[must_use]
pub fn csv_text(text: &str) -> String {
    let cleaned: String = text
        .split('\n')
        .map(|line| escape_controls(line.strip_suffix('\r').unwrap_or(line)))
        .collect::<Vec<_>>()
        .join("\n");
    if cleaned.starts_with(['=', '+', '-', '@', '\t', '\r']) || text.starts_with(['\t', '\r']) {
        format!("'{cleaned}")
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_visible_and_the_rest_untouched() {
        assert_eq!(escape_controls("ok \"é\" \\"), "ok \"é\" \\");
        assert_eq!(escape_controls("a\u{1b}[2Jb\n"), "a\\u{1b}[2Jb\\n");
        assert_eq!(escape_controls("x\u{202e}y"), "x\\u{202e}y");
        assert_eq!(escape_controls("\u{9b}"), "\\u{9b}");
    }

    #[test]
    fn formulas_are_neutralised_and_line_breaks_kept() {
        assert_eq!(csv_text("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(csv_text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_text("-2+3"), "'-2+3");
        assert_eq!(csv_text("line one\nline two"), "line one\nline two");
        assert_eq!(csv_text("\u{1b}]0;x\u{7}"), "\\u{1b}]0;x\\u{7}");
        assert_eq!(csv_text("Pegasus 40"), "Pegasus 40");
    }
}
