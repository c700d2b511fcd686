//! Where each part of the Trends tab goes: one plan, used to draw and to know where the
//! reasons end when scrolling.

use super::{CHARTS_MAX, CHARTS_MIN, Content, REASONS_MIN, TrendsView, WIDE, rows};
use ratatui::layout::{Constraint, Layout, Rect};

/// Where each part of the tab goes, with what it holds.
pub(super) struct Plan {
    pub(super) content: Content,
    pub(super) verdict: Rect,
    pub(super) reasons_title: Rect,
    pub(super) reasons: Rect,
    /// The charts' title, the charts and the selected week's numbers, when they fit.
    pub(super) charts: Option<[Rect; 3]>,
    /// The shoes' title and list, when they fit.
    pub(super) shoes: Option<[Rect; 2]>,
}

impl TrendsView<'_> {
    /// Where everything goes in `area`: the same plan for drawing and for scrolling.
    pub(super) fn plan(&self, area: Rect) -> Plan {
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
}
