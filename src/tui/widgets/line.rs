//! One line of text drawn exactly as ratatui draws it, but quicker when every character is a
//! plain one: one cell wide and never joined to its neighbours (ASCII, Latin-1 letters,
//! dashes and bullets, arrows, box drawing and blocks, check marks). Ratatui splits every text
//! into graphemes and measures each, 400-550 instructions a character; a plain line needs
//! neither, so most of the app's text (labels, dates, numbers) is drawn a cell at a time.
//! Anything else (wide or combining characters, emoji, control characters, a line centred or
//! aligned right) is drawn by ratatui itself. Tests hold both ways to the same cells.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

/// Where a line's own style goes, as the ratatui widget it stands for puts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fill {
    /// Across its whole row, as ratatui's `Line` does.
    Row,
    /// On its characters only, as ratatui's `Paragraph` draws each of its lines.
    Text,
}

/// Characters beyond ASCII that are one cell wide and never join a neighbour into one
/// grapheme (a test checks every one against ratatui's own measure).
const PLAIN: [std::ops::RangeInclusive<char>; 8] = [
    '\u{a0}'..='\u{ac}',
    '\u{ae}'..='\u{ff}',
    '\u{2010}'..='\u{2027}',
    '\u{2190}'..='\u{21ff}',
    '\u{2500}'..='\u{25fc}',
    '\u{25ff}'..='\u{25ff}',
    '\u{2713}'..='\u{2717}',
    '\u{2800}'..='\u{28ff}',
];

/// True for a character that is a grapheme of its own, one cell wide.
fn plain(c: char) -> bool {
    matches!(c, ' '..='~') || (!c.is_ascii() && PLAIN.iter().any(|r| r.contains(&c)))
}

/// Draws `line` in the first row of `area` as `Line::render` (`Fill::Row`) or a `Paragraph` of
/// it without wrapping (`Fill::Text`) would.
pub fn draw(line: &Line, area: Rect, buf: &mut Buffer, fill: Fill) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let left = matches!(line.alignment, None | Some(Alignment::Left));
    let is_plain = left && line.spans.iter().all(|s| s.content.chars().all(plain));
    if !is_plain {
        match fill {
            Fill::Row => line.render(area, buf),
            Fill::Text => Paragraph::new(line.clone()).render(Rect { height: 1, ..area }, buf),
        }
        return;
    }
    if line.spans.iter().all(|s| s.content.is_empty()) {
        return;
    }
    let row = Rect { height: 1, ..area };
    let base = match fill {
        Fill::Row => {
            buf.set_style(row, line.style);
            Style::default()
        }
        Fill::Text => Style::default().patch(line.style),
    };
    let mut x = row.x;
    for span in &line.spans {
        let style = base.patch(span.style);
        for c in span.content.chars() {
            if x >= row.right() {
                return;
            }
            buf[(x, row.y)].set_char(c).set_style(style);
            x += 1;
        }
    }
}

/// Draws `lines` from the top of `area`, one a row, as a `Paragraph` of them without wrapping
/// would.
pub fn draw_lines(lines: &[Line], area: Rect, buf: &mut Buffer) {
    for (y, line) in (area.y..area.bottom()).zip(lines) {
        draw(
            line,
            Rect {
                y,
                height: 1,
                ..area
            },
            buf,
            Fill::Text,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::{Fill, PLAIN, draw, plain};
    use ratatui::buffer::Buffer;
    use ratatui::layout::{Alignment, Rect};
    use ratatui::style::{Color, Modifier, Style};
    use ratatui::text::{Line, Span};
    use ratatui::widgets::{Paragraph, Widget};

    /// Every plain character is one cell wide and stays a grapheme of its own between others.
    #[test]
    fn plain_characters_are_one_cell_and_never_join() {
        let chars = (' '..='~').chain(PLAIN.iter().flat_map(Clone::clone));
        for c in chars {
            assert!(plain(c));
            let span = Span::raw(format!("a{c}{c}a"));
            assert_eq!(span.width(), 4, "{c:?} U+{:04X}", u32::from(c));
            let graphemes = span.styled_graphemes(Style::default()).count();
            assert_eq!(graphemes, 4, "{c:?} U+{:04X}", u32::from(c));
        }
        for c in [
            '\u{ad}', '\u{301}', '\u{200d}', '\u{fe0f}', '日', '\t', '\u{25fd}',
        ] {
            assert!(!plain(c), "{c:?}");
        }
    }

    /// A pseudo-random line: plain and other characters, styles on the line and its spans,
    /// now and then an alignment.
    /// Numbers below the one asked for (1 at least), the same for a seed on every machine.
    fn numbers(mut seed: u64) -> impl FnMut(u64) -> u64 {
        move |below| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) % below.max(1)
        }
    }

    fn random_line(next: &mut impl FnMut(u64) -> u64) -> Line<'static> {
        let pieces = [
            "Morning pain",
            " 5",
            "▅",
            "·",
            "— ",
            "é",
            "←→",
            "■■■···",
            "日本",
            "e\u{301}",
            "\t",
            "",
            "✓ ok",
            "│",
            "3.5k",
            "🏃",
            " ",
        ];
        let colors = [
            Color::Reset,
            Color::Red,
            Color::Indexed(8),
            Color::Rgb(1, 2, 3),
        ];
        let style = |n: u64| {
            let mut style = Style::new();
            if n.is_multiple_of(3) {
                style = style.fg(colors[usize::try_from(n / 3 % 4).unwrap()]);
            }
            if n.is_multiple_of(5) {
                style = style.bg(colors[usize::try_from(n / 5 % 4).unwrap()]);
            }
            if n.is_multiple_of(7) {
                style = style.add_modifier(Modifier::BOLD);
            }
            if n.is_multiple_of(11) {
                style = style.remove_modifier(Modifier::DIM);
            }
            style
        };
        let spans: Vec<Span> = (0..next(5))
            .map(|_| {
                let text: String = (0..next(4))
                    .map(|_| pieces[usize::try_from(next(pieces.len() as u64)).unwrap()])
                    .collect();
                Span::styled(text, style(next(1000)))
            })
            .collect();
        let line = Line::from(spans).style(style(next(1000)));
        match next(8) {
            0 => line.alignment(Alignment::Center),
            1 => line.alignment(Alignment::Right),
            2 => line.alignment(Alignment::Left),
            _ => line,
        }
    }

    /// The same cells, styles included, as ratatui's `Line` and `Paragraph`, over a row that
    /// already holds something, in areas wide and narrow (lines cut at the edge).
    #[test]
    fn draws_the_cells_ratatui_draws() {
        let mut next = numbers(7u64);
        let mut plain_lines = 0;
        for round in 0..3000 {
            let line = random_line(&mut next);
            let width = u16::try_from(next(40)).unwrap();
            let area = Rect::new(u16::try_from(next(3)).unwrap(), 1, width, 1);
            let mut before = Buffer::empty(Rect::new(0, 0, 45, 3));
            before.set_string(0, 1, "x".repeat(45), Style::new().fg(Color::Green));
            for fill in [Fill::Row, Fill::Text] {
                let mut theirs = before.clone();
                match fill {
                    Fill::Row => line.clone().render(area, &mut theirs),
                    Fill::Text => Paragraph::new(line.clone()).render(area, &mut theirs),
                }
                let mut ours = before.clone();
                draw(&line, area, &mut ours, fill);
                assert_eq!(
                    ours, theirs,
                    "round {round}, {fill:?}, width {width}: {line:?}"
                );
            }
            if line.spans.iter().all(|s| s.content.chars().all(plain)) {
                plain_lines += 1;
            }
        }
        assert!(plain_lines > 500, "the quick way was tried: {plain_lines}");
    }

    /// Several lines in an area shorter than them: what a `Paragraph` of them draws.
    #[test]
    fn lines_are_drawn_as_a_paragraph_draws_them() {
        let mut next = numbers(11u64);
        for round in 0..300 {
            let lines: Vec<Line> = (0..next(9)).map(|_| random_line(&mut next)).collect();
            let area = Rect::new(1, 1, u16::try_from(next(30)).unwrap(), 5);
            let mut theirs = Buffer::empty(Rect::new(0, 0, 35, 8));
            Paragraph::new(lines.clone()).render(area, &mut theirs);
            let mut ours = Buffer::empty(Rect::new(0, 0, 35, 8));
            super::draw_lines(&lines, area, &mut ours);
            assert_eq!(ours, theirs, "round {round}: {lines:?}");
        }
    }
}
