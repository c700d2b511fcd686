//! The Trends tab: is running helping or hurting? The verdict with its plain meaning and every
//! fired rule with its evidence and source; weekly pain lines and distance bars for the last
//! 12, 26 or 52 weeks with a cursor to read one week's numbers; distance per pair of shoes.
//!
//! The verdict comes from `ctx.session.evaluation()` (refreshed after every save); the weekly numbers
//! are summed per frame from at most 52 weeks of the journal, which costs a few microseconds.

mod charts;
mod layout;
mod shoes;
mod verdict;
mod week;
pub(crate) mod wrap;

use crate::rules;
use crate::session::History;
use crate::tui::ctx::Ctx;
use crate::tui::theme::Theme;
use charts::WeekCharts;
use layout::Plan;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

/// How many weeks the charts show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WeekRange {
    #[default]
    Twelve,
    TwentySix,
    FiftyTwo,
}

impl WeekRange {
    /// The number of weeks.
    pub fn weeks(self) -> usize {
        match self {
            Self::Twelve => 12,
            Self::TwentySix => 26,
            Self::FiftyTwo => 52,
        }
    }

    /// The next range: 12 → 26 → 52 → 12.
    #[must_use]
    pub fn next(self) -> Self {
        match self {
            Self::Twelve => Self::TwentySix,
            Self::TwentySix => Self::FiftyTwo,
            Self::FiftyTwo => Self::Twelve,
        }
    }
}

/// The tab's state.
#[derive(Debug, Default)]
pub struct TrendsState {
    range: WeekRange,
    /// The selected week, counted back from the week of today (0 = this week).
    weeks_back: usize,
    /// The first row of the reasons shown.
    scroll: usize,
}

/// What can happen on this tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrendsAction {
    /// `w`: 12 → 26 → 52 → 12 weeks.
    CycleRange,
    OlderWeek,
    NewerWeek,
    OldestWeek,
    CurrentWeek,
    /// Scroll the reasons by this many rows (negative: up).
    Scroll(i32),
    /// Scroll the reasons by pages (negative: up).
    ScrollPage(i32),
}

impl TrendsState {
    pub fn new(_ctx: &Ctx) -> Self {
        Self::default()
    }

    /// How many weeks the charts show.
    pub fn range(&self) -> WeekRange {
        self.range
    }

    /// The selected week, counted back from the week of today (0 = this week).
    pub fn weeks_back(&self) -> usize {
        self.weeks_back
    }

    /// The first row of the reasons shown.
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    /// True while typing into a field (keys go to the field, not the app).
    pub fn captures_input(&self) -> bool {
        false
    }

    pub fn map_key(&self, key: KeyEvent, ctx: &Ctx) -> Option<TrendsAction> {
        use crate::tui::keymap::{Command as C, Scope};
        Some(match ctx.keys.command(Scope::Trends, key)? {
            C::TrendsRange => TrendsAction::CycleRange,
            C::TrendsOlder => TrendsAction::OlderWeek,
            C::TrendsNewer => TrendsAction::NewerWeek,
            C::TrendsOldest => TrendsAction::OldestWeek,
            C::TrendsCurrent => TrendsAction::CurrentWeek,
            C::TrendsScrollDown => TrendsAction::Scroll(1),
            C::TrendsScrollUp => TrendsAction::Scroll(-1),
            C::TrendsPageDown => TrendsAction::ScrollPage(1),
            C::TrendsPageUp => TrendsAction::ScrollPage(-1),
            _ => return None,
        })
    }

    /// Applies `action`; `body` is the tab's area on the terminal as last sized, so that
    /// scrolling stops where the drawn reasons end.
    pub fn update(&mut self, action: TrendsAction, ctx: &mut Ctx, body: Rect) {
        let oldest = self.range.weeks() - 1;
        match action {
            TrendsAction::CycleRange => {
                self.range = self.range.next();
                self.weeks_back = self.weeks_back.min(self.range.weeks() - 1);
            }
            TrendsAction::OlderWeek => self.weeks_back = (self.weeks_back + 1).min(oldest),
            TrendsAction::NewerWeek => self.weeks_back = self.weeks_back.saturating_sub(1),
            TrendsAction::OldestWeek => self.weeks_back = oldest,
            TrendsAction::CurrentWeek => self.weeks_back = 0,
            TrendsAction::Scroll(rows) => self.scroll_by(rows, false, ctx, body),
            TrendsAction::ScrollPage(pages) => self.scroll_by(pages, true, ctx, body),
        }
    }

    /// Scrolls the reasons by `steps` rows or pages (negative: up), within the text as it is
    /// drawn in `body`. A page keeps one row of the last in view.
    fn scroll_by(&mut self, steps: i32, pages: bool, ctx: &Ctx, body: Rect) {
        let (lines, shown) = TrendsView { state: self, ctx }.reasons_window(body);
        let rows = if pages {
            shown.saturating_sub(1).max(1)
        } else {
            1
        };
        let max = lines.saturating_sub(shown);
        self.scroll = crate::tui::widgets::scroll::by(self.scroll, max, steps, rows);
    }

    /// The keys shown at the bottom of the screen.
    pub fn hints(&self, ctx: &Ctx) -> Vec<(String, &'static str)> {
        use crate::tui::keymap::{Command as C, hint};
        let k = &ctx.keys;
        vec![
            hint(k, &[C::TrendsOlder, C::TrendsNewer], "week"),
            hint(k, &[C::TrendsRange], "12/26/52 weeks"),
            hint(
                k,
                &[C::TrendsScrollUp, C::TrendsScrollDown],
                "scroll reasons",
            ),
        ]
    }
}

/// Draws the tab.
pub struct TrendsView<'a> {
    pub state: &'a TrendsState,
    pub ctx: &'a Ctx,
}

/// From this width on, the reasons and the charts sit side by side.
const WIDE: u16 = 110;
/// Rows of the charts (pain lines, bars, months) at the least and the most.
const CHARTS_MIN: u16 = 7;
const CHARTS_MAX: u16 = 40;
/// Rows of reasons kept visible before the charts get any room.
const REASONS_MIN: u16 = 6;

/// Everything the tab shows, as lines where the layout needs their count.
struct Content {
    verdict: Vec<Line<'static>>,
    reasons: Vec<Line<'static>>,
    detail: Vec<Line<'static>>,
    shoes: Vec<Line<'static>>,
    weeks: Vec<rules::WeekSummary>,
}

impl TrendsView<'_> {
    fn content(&self, left_width: u16, right_width: u16) -> Content {
        let ctx = self.ctx;
        let theme = ctx.theme;
        let weeks = rules::weeks(ctx.journal(), ctx.today(), self.state.range.weeks());
        let selected = self.selected(weeks.len());
        // The reasons leave a column for the scrollbar.
        let reasons_width = left_width.saturating_sub(1);
        Content {
            verdict: verdict::verdict_lines(
                ctx.session.evaluation(),
                ctx.journal(),
                ctx.today(),
                theme,
                left_width,
            ),
            reasons: verdict::rule_lines(ctx.session.evaluation(), theme, reasons_width),
            detail: weeks.get(selected).map_or_else(Vec::new, |w| {
                week::detail_lines(w, ctx.today(), ctx.settings.units, theme, right_width)
            }),
            shoes: shoes::shoe_lines(
                ctx.session.shoe_distances(),
                &ctx.settings,
                theme,
                right_width,
            ),
            weeks,
        }
    }

    /// The index of the selected week in a list of `n` weeks, oldest first.
    fn selected(&self, n: usize) -> usize {
        n.saturating_sub(1).saturating_sub(self.state.weeks_back)
    }

    fn reasons_title(&self, count: usize) -> Vec<Span<'static>> {
        let theme = self.ctx.theme;
        let text = match count {
            0 => "Why".to_owned(),
            1 => "Why: 1 rule fired".to_owned(),
            n => format!("Why: {n} rules fired"),
        };
        vec![Span::styled(text, theme.title)]
    }

    fn charts_title(&self) -> Vec<Span<'static>> {
        let theme = self.ctx.theme;
        let mut spans = vec![
            Span::styled(
                format!("Last {} weeks", self.state.range.weeks()),
                theme.title,
            ),
            Span::styled(" (w) · pain ", theme.dim),
        ];
        spans.extend(charts::legend(theme));
        spans
    }

    fn shoes_title(&self) -> Vec<Span<'static>> {
        let theme = self.ctx.theme;
        let mut spans = vec![Span::styled("Shoes", theme.title)];
        if self.ctx.session.history() == History::Loading {
            spans.push(Span::styled(" (still reading older years…)", theme.dim));
        }
        spans
    }

    fn render_charts(&self, weeks: &[rules::WeekSummary], area: Rect, buf: &mut Buffer) {
        WeekCharts {
            weeks,
            selected: self.selected(weeks.len()),
            units: self.ctx.settings.units,
            theme: self.ctx.theme,
            today: self.ctx.today(),
        }
        .render(area, buf);
    }

    fn draw(&self, plan: Plan, buf: &mut Buffer) {
        let theme = self.ctx.theme;
        let Plan { content, .. } = plan;
        Paragraph::new(content.verdict).render(plan.verdict, buf);
        section(
            self.reasons_title(self.ctx.session.evaluation().hits.len()),
            theme,
        )
        .render(plan.reasons_title, buf);
        if plan.reasons.height > 0 {
            crate::tui::widgets::scroll::draw(
                &content.reasons,
                self.state.scroll,
                plan.reasons,
                buf,
                Some(theme),
            );
        }
        if let Some([title, charts, detail]) = plan.charts {
            section(self.charts_title(), theme).render(title, buf);
            self.render_charts(&content.weeks, charts, buf);
            Paragraph::new(content.detail).render(detail, buf);
        }
        if let Some([title, shoes]) = plan.shoes {
            section(self.shoes_title(), theme).render(title, buf);
            Paragraph::new(content.shoes).render(shoes, buf);
        }
    }
}

/// A count of lines as rows.
fn rows(lines: usize) -> u16 {
    u16::try_from(lines).unwrap_or(u16::MAX)
}

/// A section heading: "─ Title ─────────" across the width.
fn section(title: Vec<Span<'static>>, theme: &Theme) -> SectionLine {
    SectionLine {
        title,
        style: theme.border,
    }
}

struct SectionLine {
    title: Vec<Span<'static>>,
    style: ratatui::style::Style,
}

impl Widget for SectionLine {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height == 0 {
            return;
        }
        let rule = "─".repeat(usize::from(area.width));
        buf.set_stringn(area.x, area.y, &rule, usize::from(area.width), self.style);
        let mut spans = vec![Span::styled("─ ", self.style)];
        spans.extend(self.title);
        spans.push(Span::styled(" ", self.style));
        Line::from(spans).render(area, buf);
    }
}

impl Widget for TrendsView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        self.draw(self.plan(area), buf);
    }
}
