//! The year calendar as a grid: one column per week (oldest on the left), one row per weekday,
//! month names above. Each day shows its glyph in its colour (the glyph alone carries the
//! meaning), today is drawn reversed, in brackets when the cells are wide enough, and pointed
//! at.

use crate::insights::calendar::{Calendar, CalendarDay, LEGEND, Mark};
use crate::insights::{Response, calendar::FLAG};
use crate::tui::theme::Theme;
use chrono::{Datelike, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Rows the grid takes: the month names and seven weekdays.
pub const ROWS: u16 = 8;

/// Width of the weekday labels ("Mo ").
const LABEL: u16 = 3;

/// What follows today's cell on its row.
const TODAY_MARK: &str = " ◂ today";

const WEEKDAYS: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];

/// The grid widget.
pub struct CalendarGrid<'a> {
    pub calendar: &'a Calendar,
    pub today: NaiveDate,
    pub theme: &'a Theme,
}

/// The style of a day: its response's colour, a red flag's tier, dim for the rest.
fn style(day: CalendarDay, theme: &Theme) -> Style {
    if let Some(tier) = day.flag {
        return theme.tier(tier);
    }
    match day.mark {
        Mark::Run(Response::Green) => theme.ok,
        Mark::Run(Response::Amber) => theme.caution,
        Mark::Run(Response::Red) => theme.stop,
        Mark::Run(Response::Unknown) | Mark::Rest | Mark::NotLogged => theme.dim,
    }
}

/// The legend: each glyph in its style, then what it means.
pub fn legend(theme: &Theme) -> Line<'static> {
    let mut spans = vec![Span::raw(" ")];
    for (i, (glyph, meaning)) in LEGEND.iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw("  "));
        }
        let sample = CalendarDay {
            date: NaiveDate::MIN,
            mark: match *glyph {
                'o' => Mark::Run(Response::Green),
                '~' => Mark::Run(Response::Amber),
                'X' => Mark::Run(Response::Red),
                '?' => Mark::Run(Response::Unknown),
                _ => Mark::Rest,
            },
            flag: (*glyph == FLAG).then_some(crate::journal::entry::FlagTier::Emergency),
        };
        spans.push(Span::styled(glyph.to_string(), style(sample, theme)));
        spans.push(Span::styled(format!(" {meaning}"), theme.dim));
    }
    Line::from(spans)
}

impl CalendarGrid<'_> {
    /// The Monday of the first week shown and the number of weeks, cut to what fits in
    /// `width` cells of `cell` each (the newest weeks are kept).
    fn weeks(&self, width: u16, cell: u16) -> Option<(NaiveDate, u16)> {
        let first = self.calendar.days.first()?.date;
        let last = self.calendar.days.last()?.date;
        let monday = |d: NaiveDate| crate::rules::weekly::week_start(d);
        let total = ((monday(last) - monday(first)).num_days() / 7 + 1) as u16;
        let room = width.saturating_sub(LABEL + TODAY_MARK.chars().count() as u16) / cell;
        let shown = total.min(room);
        let start = crate::rules::back(monday(last), 7 * u64::from(shown.saturating_sub(1)));
        (shown > 0).then_some((start, shown))
    }
}

impl Widget for CalendarGrid<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height < ROWS || area.width <= LABEL {
            return;
        }
        let theme = self.theme;
        // Two cells a day when all the weeks fit that way, else one.
        let cell = match self.weeks(area.width, 2) {
            Some((_, shown)) if self.weeks(area.width, 1).map(|w| w.1) == Some(shown) => 2,
            _ => 1,
        };
        let Some((start, shown)) = self.weeks(area.width, cell) else {
            return;
        };
        for (row, name) in WEEKDAYS.iter().enumerate() {
            buf.set_string(area.x, area.y + 1 + row as u16, name, theme.dim);
        }
        let mut label_end = 0u16;
        let first_shown = self
            .calendar
            .days
            .iter()
            .find(|d| d.date >= start)
            .map_or(start, |d| d.date);
        for week in 0..shown {
            let monday = start + chrono::Days::new(7 * u64::from(week));
            let x = area.x + LABEL + week * cell;
            for row in 0..7u16 {
                let date = monday + chrono::Days::new(u64::from(row));
                let Some(day) = self.calendar.day(date) else {
                    continue;
                };
                let y = area.y + 1 + row;
                let glyph = day.glyph().to_string();
                let at = x + cell - 1;
                if date == self.today {
                    buf.set_string(at, y, &glyph, style(*day, theme).patch(theme.selected));
                    if cell == 2 {
                        buf.set_string(at - 1, y, "[", theme.base);
                        buf.set_string(at + 1, y, "]", theme.base);
                    }
                    let mark_x = at + 1 + u16::from(cell == 2);
                    let room = (area.x + area.width).saturating_sub(mark_x);
                    buf.set_stringn(mark_x, y, TODAY_MARK, usize::from(room), theme.dim);
                } else {
                    buf.set_string(at, y, &glyph, style(*day, theme));
                }
            }
            // The month's name above the week holding its first day; the first week shown
            // names its month when the next name is far enough away.
            let month_starts = (0..7)
                .map(|d| monday + chrono::Days::new(d))
                .find(|d| d.day() == 1 && self.calendar.day(*d).is_some());
            let next_label_far = || {
                let next_first = first_shown
                    .with_day(1)
                    .and_then(|d| d.checked_add_months(chrono::Months::new(1)));
                next_first.is_some_and(|d| (d - start).num_days() / 7 * i64::from(cell) >= 4)
            };
            let label =
                month_starts.or_else(|| (week == 0 && next_label_far()).then_some(first_shown));
            if let Some(first) = label
                && x >= label_end
            {
                let name = first.format("%b").to_string();
                let room = (area.x + area.width).saturating_sub(x);
                buf.set_stringn(x, area.y, &name, usize::from(room), theme.dim);
                label_end = x + name.len() as u16 + 1;
            }
        }
    }
}
