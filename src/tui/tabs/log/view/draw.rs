//! Small drawing helpers of the Log tab: wrapping, labelled values, the text editor and the
//! chooser as spans, scrolling, and the words for stored enums.

use super::super::Edit;
use super::super::editor::{Chooser, TextEditor};
use super::super::form::{Field, RunField};
use crate::journal::entry::PainType;
use crate::tui::theme::Theme;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

pub(super) fn highlight(line: Line<'static>, focused: bool, theme: &Theme) -> Line<'static> {
    if focused {
        line.style(Style::default().patch(theme.selected))
    } else {
        line
    }
}

/// A label and a value wrapped to `width` over at most `max_lines` lines (`…` when cut);
/// `extra` follows the value's first line.
pub(super) fn labelled(
    label: &str,
    value: &str,
    extra: &[Span<'static>],
    width: usize,
    max_lines: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let indent = " ".repeat(label.chars().count());
    // Only what can be shown is wrapped: a note of megabytes costs no more than a short one,
    // at every frame.
    let room = (max_lines.max(1) + 1) * (width.max(1) + 1);
    let mut wrapped: Vec<String> = Vec::new();
    let mut cut = false;
    for line in value.lines() {
        if wrapped.len() > max_lines {
            cut = true;
            break;
        }
        let shown = match line.char_indices().nth(room) {
            Some((end, _)) => {
                cut = true;
                &line[..end]
            }
            None => line,
        };
        wrapped.extend(wrap(shown, width));
    }
    if wrapped.is_empty() {
        wrapped.push(String::new());
    }
    let cut = cut || wrapped.len() > max_lines;
    wrapped.truncate(max_lines.max(1));
    let mut lines = Vec::new();
    for (i, text) in wrapped.into_iter().enumerate() {
        let head = if i == 0 {
            label.to_owned()
        } else {
            indent.clone()
        };
        let mut spans = vec![Span::raw(head), Span::raw(text)];
        if i == 0 {
            spans.extend(extra.iter().cloned());
        }
        lines.push(Line::from(spans));
    }
    if cut && let Some(last) = lines.last_mut() {
        last.spans.push(Span::styled(" …", theme.dim));
    }
    lines
}

/// The editor's text as lines of spans, the cursor drawn as a reversed cell. A one-line
/// field scrolls sideways to keep the cursor in view; notes wrap.
pub(super) fn editor_lines(
    text: &TextEditor,
    width: usize,
    theme: &Theme,
) -> Vec<Vec<Span<'static>>> {
    let (lines, (cursor_line, cursor_col)) = text.lines_and_cursor();
    let room = width.max(4) - 1;
    let mut rows = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let chars: Vec<char> = line.chars().collect();
        let cursor = (i == cursor_line).then_some(cursor_col);
        if !text.multiline {
            let skip = cursor.map_or(0, |c| (c + 1).saturating_sub(room));
            let visible: Vec<char> = chars.iter().skip(skip).take(room).copied().collect();
            rows.push(editor_row(
                &visible,
                cursor.map(|c| c - skip),
                text.fresh(),
                theme,
            ));
            continue;
        }
        let pieces = chars.len() / room + 1;
        for piece in 0..pieces {
            let from = piece * room;
            let visible = &chars[from.min(chars.len())..(from + room).min(chars.len())];
            let here = cursor.filter(|c| c / room == piece).map(|c| c % room);
            if visible.is_empty() && here.is_none() && piece > 0 {
                continue;
            }
            rows.push(editor_row(visible, here, false, theme));
        }
    }
    rows
}

/// One row of an editor; `cursor` is the column of the cursor when it is on this row.
pub(super) fn editor_row(
    visible: &[char],
    cursor: Option<usize>,
    fresh: bool,
    theme: &Theme,
) -> Vec<Span<'static>> {
    let Some(c) = cursor else {
        return vec![Span::styled(
            visible.iter().collect::<String>(),
            theme.editing,
        )];
    };
    let before: String = visible.iter().take(c).collect();
    let at: String = visible.get(c).map_or(" ".into(), char::to_string);
    let after: String = visible.iter().skip(c + 1).collect();
    let before_style = if fresh {
        theme.selected.patch(theme.editing)
    } else {
        theme.editing
    };
    vec![
        Span::styled(before, before_style),
        Span::styled(at, theme.selected.patch(theme.key)),
        Span::styled(after, theme.editing),
    ]
}

/// The chooser's options, `[x] lower back  [ ] buttock …` (or `(•) left …`), wrapped.
pub(super) fn chooser_lines(
    chooser: &Chooser,
    width: usize,
    theme: &Theme,
) -> Vec<Vec<Span<'static>>> {
    let mut lines: Vec<Vec<Span<'static>>> = vec![Vec::new()];
    let mut used = 0;
    for (i, option) in chooser.options.iter().enumerate() {
        let mark = match (chooser.multi, chooser.ticked[i]) {
            (true, true) => "[x]",
            (true, false) => "[ ]",
            (false, true) => "(•)",
            (false, false) => "( )",
        };
        let text = format!("{mark} {option}");
        let len = text.chars().count() + 2;
        if used > 0 && used + len > width {
            lines.push(Vec::new());
            used = 0;
        }
        let style = if i == chooser.at {
            theme.selected.patch(theme.key)
        } else if chooser.ticked[i] {
            theme.editing
        } else {
            theme.base
        };
        let line = lines.last_mut().expect("one line at least");
        line.push(Span::styled(text, style));
        line.push(Span::raw("  "));
        used += len;
    }
    lines
}

pub(super) fn shoes_hint(edit: &Edit) -> Option<String> {
    if edit.field != Field::Run(RunField::Shoes) || edit.suggestions.is_empty() {
        return None;
    }
    let names: Vec<&str> = edit
        .suggestions
        .iter()
        .take(4)
        .map(String::as_str)
        .collect();
    let more = if edit.suggestions.len() > 4 {
        ", …"
    } else {
        ""
    };
    Some(format!("↑↓ used before: {}{more}", names.join(", ")))
}

/// Splits `text` into lines of at most `width` cells (at least 8), at spaces where possible:
/// the screens' one wrap.
/// A line that fits is kept as it is (the form lines up values with spaces).
pub(super) fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(8);
    if crate::tui::widgets::wrap::width(text) <= width {
        return vec![text.to_owned()];
    }
    crate::tui::widgets::wrap::wrap(text, width)
}

/// Wraps every line to `width`, keeping each line's style.
pub(super) fn wrap_all(lines: Vec<Line<'static>>, width: u16) -> Vec<Line<'static>> {
    lines
        .into_iter()
        .flat_map(|line| {
            let style = line.style;
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            if line.spans.len() > 1 || line.width() <= width as usize {
                vec![line]
            } else {
                wrap(&text, width as usize)
                    .into_iter()
                    .map(|l| Line::styled(l, style))
                    .collect()
            }
        })
        .collect()
}

pub(super) fn minutes(seconds: u32) -> String {
    if seconds < 60 {
        format!("{seconds} s")
    } else {
        format!("{} min", (seconds + 30) / 60)
    }
}

pub(super) fn pain_type(kind: PainType) -> &'static str {
    match kind {
        PainType::Referred => "referred pain",
        PainType::Radicular => "radicular pain",
        PainType::Radiculopathy => "radiculopathy",
        PainType::Tendon => "tendon pain",
        PainType::Unsure => "unsure",
    }
}
