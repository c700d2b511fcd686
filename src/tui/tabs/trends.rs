//! The Trends tab: is running helping or hurting? The verdict with its plain meaning and every
//! fired rule with its evidence and source; weekly pain lines and distance bars for the last
//! 12, 26 or 52 weeks with a cursor to read one week's numbers; distance per pair of shoes.
//!
//! The verdict comes from `ctx.session.evaluation()` (refreshed after every save); the weekly numbers
//! are summed per frame from at most 52 weeks of the journal, which costs a few microseconds.

mod charts;
mod shoes;
mod verdict;
mod week;
pub(crate) mod wrap;

use crate::rules;
use crate::session::History;
use crate::tui::ctx::Ctx;
use crate::tui::theme::Theme;
use charts::WeekCharts;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
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

    /// Where everything goes in `area`: the same plan for drawing and for scrolling.
    fn plan(&self, area: Rect) -> Plan {
        if area.width >= WIDE {
            self.plan_wide(area)
        } else {
            self.plan_narrow(area)
        }
    }

    /// The reasons' length in rows and the rows they get in `area` (the tab's body), as drawn.
    pub fn reasons_window(&self, area: Rect) -> (usize, usize) {
        let plan = self.plan(area);
        (plan.content.reasons.len(), usize::from(plan.reasons.height))
    }

    /// Narrow screens: everything in one column, the verdict and reasons first.
    fn plan_narrow(&self, area: Rect) -> Plan {
        let content = self.content(area.width, area.width);
        let height = area.height;
        let verdict_h = rows(content.verdict.len()).min(height);
        let mut left = height - verdict_h;
        // The reasons first, at least a few rows of them.
        let reasons_need = rows(content.reasons.len());
        let mut reasons_h = reasons_need.min(REASONS_MIN).min(left.saturating_sub(1));
        left -= (reasons_h + 1).min(left);
        // Then the charts, if they fit at their smallest.
        let detail_h = rows(content.detail.len());
        let charts_fixed = 1 + detail_h;
        let mut charts_h = 0;
        if left >= charts_fixed + CHARTS_MIN {
            charts_h = CHARTS_MIN;
            left -= charts_fixed + CHARTS_MIN;
        }
        // What is left: half to the reasons, half to the charts, then shoes.
        let more = (left / 2 + left % 2).min(reasons_need - reasons_h);
        reasons_h += more;
        left -= more;
        if charts_h > 0 {
            let more = left.min(CHARTS_MAX - charts_h).min(left / 2 + 4);
            charts_h += more;
            left -= more;
        }
        let more = left.min(reasons_need - reasons_h);
        reasons_h += more;
        left -= more;
        let shoes_h = if charts_h > 0 && left >= 2 {
            rows(content.shoes.len()).min(left - 1)
        } else {
            0
        };
        left -= if shoes_h > 0 { shoes_h + 1 } else { 0 };
        if charts_h > 0 {
            charts_h += left.min(CHARTS_MAX - charts_h);
        }
        let [
            verdict,
            reasons_title,
            reasons,
            charts_title,
            charts,
            detail,
            shoes_title,
            shoes,
        ] = Layout::vertical([
            Constraint::Length(verdict_h),
            Constraint::Length(1),
            Constraint::Length(reasons_h),
            Constraint::Length(u16::from(charts_h > 0)),
            Constraint::Length(charts_h),
            Constraint::Length(if charts_h > 0 { detail_h } else { 0 }),
            Constraint::Length(u16::from(shoes_h > 0)),
            Constraint::Length(shoes_h),
        ])
        .areas(area);
        Plan {
            content,
            verdict,
            reasons_title,
            reasons,
            charts: (charts_h > 0).then_some([charts_title, charts, detail]),
            shoes: (shoes_h > 0).then_some([shoes_title, shoes]),
        }
    }

    /// Wide screens: the verdict and reasons on the left, charts and shoes on the right.
    fn plan_wide(&self, area: Rect) -> Plan {
        let [left, _, right] = Layout::horizontal([
            Constraint::Percentage(40),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(area);
        let content = self.content(left.width, right.width);
        let verdict_h = rows(content.verdict.len()).min(left.height);
        let [verdict, reasons_title, reasons] = Layout::vertical([
            Constraint::Length(verdict_h),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(left);
        let detail_h = rows(content.detail.len());
        let room = right.height.saturating_sub(1 + detail_h);
        // The shoes get up to a third of the column; the charts the rest.
        let shoes_h = rows(content.shoes.len()).min(right.height / 3);
        let charts_h = room
            .saturating_sub(if shoes_h > 0 { shoes_h + 1 } else { 0 })
            .clamp(CHARTS_MIN.min(room), CHARTS_MAX);
        let shoes_h = shoes_h.min(room.saturating_sub(charts_h + 1));
        let [charts_title, charts, detail, _, shoes_title, shoes] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(charts_h),
            Constraint::Length(detail_h),
            Constraint::Length(u16::from(shoes_h > 0)),
            Constraint::Length(u16::from(shoes_h > 0)),
            Constraint::Length(shoes_h),
        ])
        .areas(right);
        Plan {
            content,
            verdict,
            reasons_title,
            reasons,
            charts: Some([charts_title, charts, detail]),
            shoes: (shoes_h > 0).then_some([shoes_title, shoes]),
        }
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
                theme,
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

/// Where each part of the tab goes, with what it holds.
struct Plan {
    content: Content,
    verdict: Rect,
    reasons_title: Rect,
    reasons: Rect,
    /// The charts' title, the charts and the selected week's numbers, when they fit.
    charts: Option<[Rect; 3]>,
    /// The shoes' title and list, when they fit.
    shoes: Option<[Rect; 2]>,
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
