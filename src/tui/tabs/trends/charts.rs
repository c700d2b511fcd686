//! Weekly charts: pain lines (worst, morning, during runs; 0-10) above distance bars, sharing
//! one column per week so that a week's point sits over its bar, with a guide at the cursor.

use crate::journal::settings::Units;
use crate::rules::WeekSummary;
use crate::tui::theme::Theme;
use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Bar, BarChart, BarGroup, Chart, Dataset, GraphType, Widget};

/// Columns left of the plots: the pain scale ("10") and the axis line.
const GUTTER: u16 = 3;
/// The widest a week's bar gets.
const MAX_BAR: u16 = 7;
/// The guide drawn through the charts at the selected week.
const GUIDE: &str = "┊";

/// A pain series: its name, its style, how it is drawn, its legend glyph and its weekly value.
/// Each line has its own glyph too, so the chart reads without colour (`NO_COLOR`).
type Series = (
    &'static str,
    Style,
    Marker,
    &'static str,
    fn(&WeekSummary) -> Option<f64>,
);

/// A run of weeks with a value, drawn as one line: its style, its marker and its points.
type Segment = (Style, Marker, Vec<(f64, f64)>);

/// The three pain series, in drawing order (the worst pain last, on top).
fn series(theme: &Theme) -> [Series; 3] {
    [
        ("during runs", theme.chart_run, Marker::Block, "█", |w| {
            w.mean_run_pain
        }),
        ("morning", theme.chart_morning, Marker::Dot, "•", |w| {
            w.mean_morning_pain
        }),
        ("worst", theme.chart_worst, Marker::Braille, "⣀", |w| {
            w.mean_worst_pain
        }),
    ]
}

/// The pain legend, for the section title: "⣀ worst • morning █ during runs".
pub fn legend(theme: &Theme) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for (name, style, _, glyph, _) in series(theme).iter().rev() {
        spans.push(Span::styled(*glyph, *style));
        spans.push(Span::styled(format!(" {name} "), theme.dim));
    }
    if let Some(last) = spans.last_mut() {
        last.content = last.content.trim_end().to_owned().into();
    }
    spans
}

/// How the weeks share the plot's width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fit {
    /// The first week shown (later ones are kept when not all fit).
    first: usize,
    bar: u16,
    gap: u16,
}

impl Fit {
    fn new(weeks: usize, width: u16) -> Self {
        let n = u16::try_from(weeks).unwrap_or(u16::MAX).max(1);
        if width >= n.saturating_mul(2) - 1 {
            let bar = ((width + 1) / n - 1).clamp(1, MAX_BAR);
            Self {
                first: 0,
                bar,
                gap: 1,
            }
        } else if width >= n {
            Self {
                first: 0,
                bar: (width / n).clamp(1, MAX_BAR),
                gap: 0,
            }
        } else {
            Self {
                first: weeks - usize::from(width),
                bar: 1,
                gap: 0,
            }
        }
    }

    /// The column (from the plot's left) where week `i` starts, if shown.
    fn column(self, i: usize) -> Option<u16> {
        let k = u16::try_from(i.checked_sub(self.first)?).ok()?;
        Some(k * (self.bar + self.gap))
    }

    /// Columns used by `weeks` weeks.
    fn width(self, weeks: usize) -> u16 {
        let shown = u16::try_from(weeks - self.first).unwrap_or(u16::MAX);
        (shown * (self.bar + self.gap)).saturating_sub(self.gap)
    }
}

/// Pain lines over distance bars for `weeks`, with the guide at `selected`.
pub struct WeekCharts<'a> {
    pub weeks: &'a [WeekSummary],
    pub selected: usize,
    pub units: Units,
    pub theme: &'a Theme,
    /// Today: a week that ends after it is still going, and its bar says so.
    pub today: chrono::NaiveDate,
}

impl Widget for WeekCharts<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if self.weeks.is_empty() || area.width <= GUTTER || area.height < 3 {
            return;
        }
        let fit = Fit::new(self.weeks.len(), area.width - GUTTER);
        let used = fit.width(self.weeks.len());
        let months = u16::from(area.height >= 6);
        let bars_h = ((area.height - months) * 2 / 5).clamp(1, 8);
        let pain_h = area.height - months - bars_h;
        let pain_area = Rect::new(area.x, area.y, GUTTER + used, pain_h);
        let bars_area = Rect::new(area.x, area.y + pain_h, GUTTER + used, bars_h);
        self.render_pain(pain_area, fit, used, buf);
        self.render_bars(bars_area, fit, buf);
        if months == 1 {
            let row = Rect::new(area.x, bars_area.bottom(), area.width, 1);
            self.render_months(row, fit, buf);
        }
        if let Some(col) = fit.column(self.selected) {
            let x = area.x + GUTTER + col + (fit.bar - 1) / 2;
            for y in area.y..bars_area.bottom() {
                let cell = &mut buf[(x, y)];
                if matches!(cell.symbol(), " " | "⠀") {
                    cell.set_symbol(GUIDE).set_style(self.theme.dim);
                }
            }
        }
    }
}

impl WeekCharts<'_> {
    fn render_pain(&self, area: Rect, fit: Fit, used: u16, buf: &mut Buffer) {
        let theme = self.theme;
        // One braille dot column is half a cell: x is counted in dot columns.
        let x_of = |i: usize| fit.column(i).map(|c| f64::from(2 * c + fit.bar - 1));
        let mut segments: Vec<Segment> = Vec::new();
        for (_, style, marker, _, value) in series(theme) {
            let mut current: Vec<(f64, f64)> = Vec::new();
            for (i, week) in self.weeks.iter().enumerate() {
                match (x_of(i), value(week)) {
                    (Some(x), Some(v)) => current.push((x, v)),
                    _ => {
                        if !current.is_empty() {
                            segments.push((style, marker, std::mem::take(&mut current)));
                        }
                    }
                }
            }
            if !current.is_empty() {
                segments.push((style, marker, current));
            }
        }
        let datasets: Vec<Dataset> = segments
            .iter()
            .map(|(style, marker, points)| {
                Dataset::default()
                    .marker(*marker)
                    .graph_type(GraphType::Line)
                    .style(*style)
                    .data(points)
            })
            .collect();
        let nothing = datasets.is_empty();
        Chart::new(datasets)
            .legend_position(None)
            .x_axis(Axis::default().bounds([0.0, f64::from((2 * used).max(2) - 1)]))
            .y_axis(
                Axis::default()
                    .bounds([0.0, 10.0])
                    .labels(["0", "5", "10"])
                    .labels_alignment(Alignment::Right)
                    .style(theme.border),
            )
            .render(area, buf);
        if nothing && area.height > 1 {
            let plot = Rect::new(
                area.x + GUTTER,
                area.y + area.height / 2,
                area.width - GUTTER,
                1,
            );
            Line::from("no pain recorded in these weeks")
                .style(theme.dim)
                .centered()
                .render(plot, buf);
        }
    }

    fn render_bars(&self, area: Rect, fit: Fit, buf: &mut Buffer) {
        let theme = self.theme;
        let values: Vec<u64> = self
            .weeks
            .iter()
            .map(|w| (self.units.from_km(w.distance_km) * 10.0).round() as u64)
            .collect();
        let max = values[fit.first..].iter().copied().max().unwrap_or(0);
        let bars: Vec<Bar> = values
            .iter()
            .enumerate()
            .skip(fit.first)
            .map(|(i, tenths)| {
                let partial = self.weeks[i].end > self.today;
                let whole = ((*tenths + 5) / 10).to_string();
                // The week still going: its number ends in "…" and the bar is dimmed, so it is
                // not read as a low week.
                let text = match (fit.bar >= 3 && *tenths > 0, partial) {
                    (true, true) => format!("{whole}…"),
                    (true, false) => whole,
                    (false, _) => String::new(),
                };
                let style = match (i == self.selected, partial) {
                    (true, _) => theme.key,
                    (false, true) => theme.bar.add_modifier(Modifier::DIM),
                    (false, false) => theme.bar,
                };
                Bar::new(*tenths).text_value(text).style(style)
            })
            .collect();
        let plot = Rect::new(area.x + GUTTER, area.y, area.width - GUTTER, area.height);
        BarChart::default()
            .data(BarGroup::default().bars(&bars))
            .bar_width(fit.bar)
            .bar_gap(fit.gap)
            .max(max.max(1))
            .bar_style(theme.bar)
            .value_style(theme.bar.add_modifier(Modifier::REVERSED))
            .render(plot, buf);
        // The scale: the tallest week at the top, the unit at the bottom, and the axis.
        for y in area.top()..area.bottom() {
            buf[(area.x + GUTTER - 1, y)]
                .set_symbol("│")
                .set_style(theme.border);
        }
        let label = Rect::new(area.x, area.bottom() - 1, GUTTER - 1, 1);
        Line::from(self.units.label())
            .style(theme.dim)
            .right_aligned()
            .render(label, buf);
        let top = ((max + 5) / 10).to_string();
        if area.height > 1 && max > 0 && top.len() < usize::from(GUTTER) {
            let label = Rect::new(area.x, area.y, GUTTER - 1, 1);
            Line::from(top)
                .style(theme.dim)
                .right_aligned()
                .render(label, buf);
        }
        if max == 0 && area.height > 0 && plot.width > 0 {
            let row = Rect::new(plot.x, area.bottom() - 1, plot.width, 1);
            Line::from("no runs in these weeks")
                .style(theme.dim)
                .centered()
                .render(row, buf);
        }
    }

    /// Month names under the first week of each month, where they fit.
    fn render_months(&self, area: Rect, fit: Fit, buf: &mut Buffer) {
        let mut free_from = 0u16;
        let mut previous = None;
        for (i, week) in self.weeks.iter().enumerate() {
            let Some(col) = fit.column(i) else { continue };
            let month = week.start.month();
            if previous != Some(month) {
                let name = week.start.format("%b").to_string();
                let x = GUTTER + col;
                let w = name.len() as u16;
                if x >= free_from && x + w <= area.width {
                    buf.set_string(area.x + x, area.y, &name, self.theme.dim);
                    free_from = x + w + 1;
                }
            }
            previous = Some(month);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Fit;

    #[test]
    fn weeks_share_the_width_with_gaps_when_they_can() {
        // 12 weeks in 75 columns: bars of 5 with a gap of 1 (71 columns).
        let fit = Fit::new(12, 75);
        assert_eq!((fit.first, fit.bar, fit.gap), (0, 5, 1));
        assert_eq!(fit.width(12), 71);
        // 52 weeks in 75 columns: bars of 1 without a gap.
        let fit = Fit::new(52, 75);
        assert_eq!((fit.first, fit.bar, fit.gap), (0, 1, 0));
        assert_eq!(fit.column(51), Some(51));
        // 52 weeks in 40 columns: only the last 40 are shown.
        let fit = Fit::new(52, 40);
        assert_eq!(fit.first, 12);
        assert_eq!(fit.column(11), None);
        assert_eq!(fit.width(52), 40);
    }
}
