//! The Insights tab: what goes with your pain. A year calendar of run days by response (green,
//! amber, red; unknown dimmed; red flags marked; today outlined), then the clear factors in
//! plain words with their numbers, the links between daily habits and the next morning, and
//! an honest "nothing is clear yet" with how many more run days would help.
//!
//! Everything shown is computed by `insights::Year::new` after an update that changed the
//! journal (`Ctx::catch_up`), never per frame: drawing only lays out and wraps.

mod calendar;
mod findings;

use crate::advice::DISCLAIMER;
use crate::insights::Insights;
use crate::session::History;
use crate::tui::ctx::Ctx;
use crate::tui::tabs::trends::wrap::wrap;
use calendar::CalendarGrid;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

/// The tab's state: how far the findings are scrolled.
#[derive(Debug, Default)]
pub struct InsightsState {
    scroll: usize,
}

/// What can happen on this tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InsightsAction {
    /// Scroll the findings by this many rows (negative: up).
    Scroll(i32),
    /// Scroll by pages (negative: up).
    ScrollPage(i32),
    Top,
}

impl InsightsState {
    pub fn new(_ctx: &Ctx) -> Self {
        Self::default()
    }

    /// The first row of the findings shown.
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    /// The action of a key, through the key list (`keymap.rs`, scope `insights`).
    pub fn map_key(&self, key: KeyEvent, ctx: &Ctx) -> Option<InsightsAction> {
        use crate::tui::keymap::{Command as C, Scope};
        Some(match ctx.keys.command(Scope::Insights, key)? {
            C::InsightsScrollDown => InsightsAction::Scroll(1),
            C::InsightsScrollUp => InsightsAction::Scroll(-1),
            C::InsightsPageDown => InsightsAction::ScrollPage(1),
            C::InsightsPageUp => InsightsAction::ScrollPage(-1),
            C::InsightsTop => InsightsAction::Top,
            _ => return None,
        })
    }

    /// Applies `action`; `body` is the tab's area on the terminal as last sized, so that
    /// scrolling stops where the drawn findings end.
    pub fn update(&mut self, action: InsightsAction, ctx: &mut Ctx, body: Rect) {
        match action {
            InsightsAction::Scroll(rows) => self.scroll_by(rows, false, ctx, body),
            InsightsAction::ScrollPage(pages) => self.scroll_by(pages, true, ctx, body),
            InsightsAction::Top => self.scroll = 0,
        }
    }

    /// Scrolls by `steps` rows or pages (a page keeps one row of the last in view).
    fn scroll_by(&mut self, steps: i32, pages: bool, ctx: &Ctx, body: Rect) {
        let plan = InsightsView { state: self, ctx }.plan(body);
        let shown = usize::from(plan.findings.height);
        let rows = if pages {
            shown.saturating_sub(1).max(1)
        } else {
            1
        };
        let max = plan.lines.len().saturating_sub(shown);
        self.scroll = crate::tui::widgets::scroll::by(self.scroll, max, steps, rows);
    }

    /// The keys shown at the bottom of the screen.
    pub fn hints(&self, ctx: &Ctx) -> Vec<(String, &'static str)> {
        use crate::tui::keymap::{Command as C, hint};
        let k = &ctx.keys;
        vec![
            hint(
                k,
                &[C::InsightsScrollUp, C::InsightsScrollDown],
                "scroll findings",
            ),
            hint(k, &[C::InsightsPageUp, C::InsightsPageDown], "page"),
        ]
    }
}

/// Rows the findings keep before the disclaimer gives up its own place.
const FINDINGS_MIN: u16 = 5;

/// Draws the tab.
pub struct InsightsView<'a> {
    pub state: &'a InsightsState,
    pub ctx: &'a Ctx,
}

impl InsightsView<'_> {
    fn calendar_title(&self, found: &Insights) -> Line<'static> {
        let theme = self.ctx.theme;
        let mut spans = vec![
            Span::styled("─ ", theme.border),
            Span::styled("Your last 12 months", theme.title),
            Span::styled(
                format!(
                    ": {} run days, {} with a known response ",
                    found.ledger.len(),
                    found.classified
                ),
                theme.dim,
            ),
        ];
        if self.ctx.session.history() == History::Loading {
            spans.push(Span::styled("(still reading older years…) ", theme.dim));
        }
        Line::from(spans)
    }

    /// Where everything goes in `area`, and the findings' lines: the same plan for drawing
    /// and for scrolling.
    fn plan(&self, area: Rect) -> Plan {
        let theme = self.ctx.theme;
        // The not-medical-advice line stays in view under the findings while they keep a few
        // rows (banners take room); else it ends the findings.
        let mut disclaimer = wrap(&[(DISCLAIMER, theme.dim)], area.width, 1, 1);
        let fixed = 1 + calendar::ROWS + 1 + disclaimer.len() as u16;
        let in_findings = area.height < fixed + FINDINGS_MIN;
        if in_findings {
            disclaimer.clear();
        }
        let [title, grid, legend, findings, disclaimer_area] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(calendar::ROWS),
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(disclaimer.len() as u16),
        ])
        .areas(area);
        // The findings leave a column for the scrollbar.
        let width = findings.width.saturating_sub(1);
        let mut lines = self
            .ctx
            .insights()
            .map(|year| findings::lines(&year.insights, theme, width))
            .unwrap_or_default();
        if in_findings {
            lines.extend(wrap(&[(DISCLAIMER, theme.dim)], width, 1, 1));
        }
        Plan {
            title,
            grid,
            legend,
            findings,
            lines,
            disclaimer: (disclaimer_area, disclaimer),
        }
    }
}

/// Where each part of the tab goes, with the findings' lines.
struct Plan {
    title: Rect,
    grid: Rect,
    legend: Rect,
    findings: Rect,
    lines: Vec<Line<'static>>,
    disclaimer: (Rect, Vec<Line<'static>>),
}

impl Widget for InsightsView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        let theme = self.ctx.theme;
        let Some(year) = self.ctx.insights() else {
            // Worked out after any key that shows this tab: only a test drawing it without
            // an update sees this.
            Line::styled("Working out your year…", theme.dim).render(area, buf);
            return;
        };
        let plan = self.plan(area);
        self.calendar_title(&year.insights).render(plan.title, buf);
        CalendarGrid {
            calendar: &year.calendar,
            today: self.ctx.today(),
            theme,
        }
        .render(plan.grid, buf);
        calendar::legend(theme).render(plan.legend, buf);
        if plan.findings.height > 0 {
            crate::tui::widgets::scroll::draw(
                &plan.lines,
                self.state.scroll,
                plan.findings,
                buf,
                Some(theme),
            );
        }
        let (disclaimer_area, disclaimer) = plan.disclaimer;
        Paragraph::new(disclaimer).render(disclaimer_area, buf);
    }
}
