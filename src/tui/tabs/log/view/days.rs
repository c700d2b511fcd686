//! The day list: newest first, logged days marked, worst pain as a sparkline and per row.
//! Reads only `ctx.journal()` (a few map lookups per visible row).

use crate::tui::ctx::Ctx;
use crate::tui::widgets::line::{self, Fill};
use crate::tui::widgets::split::split;
use chrono::{Days, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Direction, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

/// Eighth blocks for a 0-10 score in one cell.
const BLOCKS: [char; 9] = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// A score 0-10 as one block character (0 is the lowest visible block).
pub fn block_for(score: u8) -> char {
    BLOCKS[usize::from((score.min(10) * 7 + 5) / 10 + 1)]
}

/// One sparkline column, bottom cell first: a score fills `rows` cells in eighths (0 still
/// shows the lowest block, so "no pain" differs from "not logged", which is a dot).
pub fn spark_column(score: Option<u8>, rows: u16) -> Vec<char> {
    let Some(score) = score else {
        let mut column = vec![' '; usize::from(rows)];
        if let Some(bottom) = column.first_mut() {
            *bottom = '·';
        }
        return column;
    };
    let eighths = (u32::from(score.min(10)) * u32::from(rows) * 8 + 5) / 10;
    let eighths = eighths.max(1);
    (0..u32::from(rows))
        .map(|row| BLOCKS[eighths.saturating_sub(row * 8).min(8) as usize])
        .collect()
}

/// The newest date of the list: today (or the selected day after it) while the selection is
/// in view, otherwise the selection sits in the middle.
pub fn list_top(selected: NaiveDate, today: NaiveDate, rows: u16) -> NaiveDate {
    let rows = u64::from(rows.max(1));
    if selected >= today {
        return selected;
    }
    let back = (today - selected).num_days().unsigned_abs();
    if back < rows {
        today
    } else {
        selected + Days::new(rows / 2)
    }
}

/// Draws the list in `area` (with its border).
pub fn render(selected: NaiveDate, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let theme = ctx.theme;
    let block = Block::bordered().title(" Days ").border_style(theme.border);
    let inner = block.inner(area);
    block.render(area, buf);
    let spark_rows = if inner.height >= 30 { 3 } else { 2 };
    let [spark_area, label_area, list_area] = split(
        Direction::Vertical,
        inner,
        [
            Constraint::Length(spark_rows),
            Constraint::Length(1),
            Constraint::Min(0),
        ],
    );
    let top = list_top(selected, ctx.today(), list_area.height);

    // The sparkline: one column per day, ending with the list's newest day.
    let width = u64::from(spark_area.width);
    let first = top - Days::new(width.saturating_sub(1));
    for (x, date) in first
        .iter_days()
        .take(spark_area.width as usize)
        .enumerate()
    {
        let pain = ctx.journal().day(date).and_then(|d| d.worst_pain);
        let style = if date == selected {
            theme.key
        } else {
            theme.chart_worst
        };
        let column = spark_column(pain.map(crate::journal::Score::get), spark_area.height);
        for (row, symbol) in column.iter().enumerate() {
            let y = spark_area.bottom() - 1 - row as u16;
            let cell_style = if pain.is_some() { style } else { theme.dim };
            buf[(spark_area.x + x as u16, y)]
                .set_char(*symbol)
                .set_style(cell_style);
        }
    }
    let label = if width >= 19 {
        format!("worst pain, {width} days")
    } else {
        "worst pain".to_owned()
    };
    line::draw(
        &Line::from(label).style(theme.dim),
        label_area,
        buf,
        Fill::Row,
    );

    for (row, date) in top
        .iter_days()
        .rev()
        .take(list_area.height as usize)
        .enumerate()
    {
        let area = Rect {
            y: list_area.y + row as u16,
            height: 1,
            ..list_area
        };
        line::draw(
            &row_line(date, selected, ctx, area.width),
            area,
            buf,
            Fill::Row,
        );
    }
}

/// One day: `● Sun 22 Nov  5▅ 6.4k`.
fn row_line(date: NaiveDate, selected: NaiveDate, ctx: &Ctx, width: u16) -> Line<'static> {
    let theme = ctx.theme;
    let day = ctx.journal().day(date).filter(|d| !d.is_empty());
    let problem = ctx.journal().problem_for(date).is_some();
    let (marker, marker_style) = if problem {
        ("!", theme.error)
    } else if day.is_some() {
        ("●", theme.ok)
    } else {
        ("·", theme.dim)
    };
    let date_style = match date.cmp(&ctx.today()) {
        std::cmp::Ordering::Equal => theme.title,
        std::cmp::Ordering::Greater => theme.dim,
        std::cmp::Ordering::Less => theme.base,
    };
    let mut spans = vec![
        Span::styled(format!("{marker} "), marker_style),
        Span::styled(date.format("%a %e %b").to_string(), date_style),
    ];
    if let Some(day) = day {
        match day.worst_pain {
            Some(p) => {
                spans.push(Span::raw(format!(" {:>2}", p.get())));
                spans.push(Span::styled(
                    block_for(p.get()).to_string(),
                    theme.chart_worst,
                ));
            }
            None => spans.push(Span::raw("    ")),
        }
        if !day.runs.is_empty() && width >= 22 {
            spans.push(Span::styled(
                format!(
                    " {:.1}{}",
                    ctx.settings.units.from_km(day.distance_km()),
                    &ctx.settings.units.label()[..1]
                ),
                theme.chart_run,
            ));
        }
    }
    let line = Line::from(spans);
    if date == selected {
        line.style(Style::default().patch(theme.selected))
    } else {
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn spark_columns_fill_from_the_bottom() {
        assert_eq!(spark_column(None, 2), vec!['·', ' ']);
        assert_eq!(spark_column(Some(0), 2), vec!['▁', ' ']);
        assert_eq!(spark_column(Some(5), 2), vec!['█', ' ']);
        assert_eq!(spark_column(Some(10), 2), vec!['█', '█']);
        assert_eq!(spark_column(Some(6), 2), vec!['█', '▂']);
    }

    #[test]
    fn blocks_rise_with_pain() {
        assert_eq!(block_for(0), '▁');
        assert_eq!(block_for(10), '█');
        assert!(block_for(5) > block_for(2));
    }

    #[test]
    fn list_keeps_today_on_top_until_the_selection_leaves_the_view() {
        let today = d("2026-11-22");
        assert_eq!(list_top(today, today, 10), today);
        assert_eq!(list_top(d("2026-11-13"), today, 10), today);
        assert_eq!(list_top(d("2026-11-12"), today, 10), d("2026-11-17"));
        assert_eq!(list_top(d("2026-11-25"), today, 10), d("2026-11-25"));
    }
}
