//! Draws the whole app: header with tabs, banners, the open tab, key hints and the status
//! line. Rendering only reads state.

use super::Tab;
use super::app::{App, Overlay};
use super::tabs::{
    insights::InsightsView, log::LogView, routine::RoutineView, trends::TrendsView,
    triage::TriageView,
};
use super::theme::Theme;
use super::widgets::{banner, help, hints, settings};
use crate::rules::Verdict;
use crate::session::{History, SaveState};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// Below this size the layout cannot show a form; a notice is drawn instead.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 18;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.ctx.theme;
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            too_small(area, buf, self);
            return;
        }
        let urgent = banner::urgent_lines(&self.ctx, area.width);
        let read_only = self.ctx.read_only_reason();
        let notice = self.ctx.notice.as_deref();
        let [
            header,
            urgent_area,
            read_only_area,
            notice_area,
            body,
            hint_area,
            status_area,
        ] = self.rows(area, urgent.len());
        self.render_header(header, buf);
        if !urgent.is_empty() {
            Paragraph::new(urgent).render(urgent_area, buf);
        }
        if let Some(reason) = read_only {
            Line::from(format!(
                " READ-ONLY: {reason}. Changes cannot be saved in this window."
            ))
            .style(theme.caution)
            .render(read_only_area, buf);
        }
        if let Some(notice) = notice {
            Line::from(format!(" {notice}"))
                .style(theme.caution)
                .render(notice_area, buf);
        }
        match self.tab {
            Tab::Log => LogView {
                state: &self.log,
                ctx: &self.ctx,
            }
            .render(body, buf),
            Tab::Triage => TriageView {
                state: &self.triage,
                ctx: &self.ctx,
            }
            .render(body, buf),
            Tab::Routine => RoutineView {
                state: &self.routine,
                ctx: &self.ctx,
            }
            .render(body, buf),
            Tab::Trends => TrendsView {
                state: &self.trends,
                ctx: &self.ctx,
            }
            .render(body, buf),
            Tab::Insights => InsightsView {
                state: &self.insights,
                ctx: &self.ctx,
            }
            .render(body, buf),
        }
        let tab_hints = match self.tab {
            Tab::Log => self.log.hints(&self.ctx),
            Tab::Triage => self.triage.hints(&self.ctx),
            Tab::Routine => self.routine.hints(&self.ctx),
            Tab::Trends => self.trends.hints(&self.ctx),
            Tab::Insights => self.insights.hints(&self.ctx),
        };
        let global = if self.tab_captures_input() {
            Vec::new()
        } else {
            use super::keymap::{Command, hint};
            vec![
                hint(&self.ctx.keys, &[Command::Help], "help"),
                hint(&self.ctx.keys, &[Command::Quit], "quit"),
            ]
        };
        hints::line(&tab_hints, &global, theme, hint_area.width).render(hint_area, buf);
        self.render_status(status_area, buf);
        match self.overlay {
            Overlay::None => {}
            Overlay::Help(top) => help::render(body, buf, &self.ctx.keys, theme, top),
            Overlay::ConfirmQuit => {
                help::confirm_quit(body, buf, theme, self.routine_would_be_kept());
            }
            Overlay::Settings(selected) => settings::render(body, buf, theme, &self.ctx, selected),
        }
        if let Some(conflict) = self.ctx.session.conflict() {
            help::conflict(body, buf, theme, conflict.ours.date, conflict.kind);
        }
    }
}

impl App {
    /// The rows of the screen: header, banner (`banner` lines), read-only line, notice, the
    /// tab's body, hints and status. `update` uses it too (to know how far the help scrolls).
    pub fn rows(&self, area: Rect, banner: usize) -> [Rect; 7] {
        split(
            Direction::Vertical,
            area,
            [
                Constraint::Length(1),
                Constraint::Length(u16::try_from(banner).unwrap_or(u16::MAX)),
                Constraint::Length(u16::from(self.ctx.read_only_reason().is_some())),
                Constraint::Length(u16::from(self.ctx.notice.is_some())),
                Constraint::Min(0),
                Constraint::Length(1),
                Constraint::Length(1),
            ],
        )
    }

    /// The tab's body on the terminal as last sized (80x24 until the first size is known).
    pub fn body_area(&self) -> Rect {
        let (w, h) = self.size.unwrap_or((80, 24));
        let area = Rect::new(0, 0, w, h);
        let banner = banner::urgent_lines(&self.ctx, w).len();
        self.rows(area, banner)[4]
    }

    /// The tab bar: every tab always; the app's name and the date only where they fit (the
    /// date shortened first), so no tab is ever cut off on a narrow terminal.
    fn render_header(&self, area: Rect, buf: &mut Buffer) {
        let theme = self.ctx.theme;
        let mut tabs = Vec::new();
        for (i, tab) in Tab::ALL.iter().enumerate() {
            let style = if *tab == self.tab {
                theme.tab_selected
            } else {
                theme.tab
            };
            tabs.push(Span::styled(format!(" {} {} ", i + 1, tab.title()), style));
            tabs.push(Span::raw(" "));
        }
        let tabs_width: usize = tabs.iter().map(Span::width).sum();
        let title = Span::styled(" stridelog ", theme.title);
        let long_date = self.ctx.today().format(" %a %-d %b %Y ").to_string();
        let short_date = self.ctx.today().format(" %-d %b ").to_string();
        let room = usize::from(area.width);
        let fits = |parts: usize| parts <= room;
        let (with_title, date) = if fits(title.width() + 1 + tabs_width + long_date.len()) {
            (true, long_date)
        } else if fits(title.width() + 1 + tabs_width + short_date.len()) {
            (true, short_date)
        } else if fits(1 + tabs_width + short_date.len()) {
            (false, short_date)
        } else {
            (false, String::new())
        };
        let mut spans = if with_title {
            vec![title, Span::raw(" ")]
        } else {
            vec![Span::raw(" ")]
        };
        spans.extend(tabs);
        Line::from(spans).render(area, buf);
        Line::from(date)
            .style(theme.dim)
            .right_aligned()
            .render(area, buf);
    }

    fn render_status(&self, area: Rect, buf: &mut Buffer) {
        let theme = self.ctx.theme;
        let save = match &self.ctx.session.save_state() {
            SaveState::Idle => Span::styled("no changes yet", theme.status),
            SaveState::Saved(at) => {
                Span::styled(format!("saved {}", at.format("%H:%M:%S")), theme.ok)
            }
            SaveState::Failed(_) => Span::styled("NOT SAVED (see message)", theme.error),
        };
        let mode = if self.ctx.read_only_reason().is_some() {
            "read-only"
        } else {
            "read-write"
        };
        let mut spans = vec![
            Span::styled(format!(" {} ", self.ctx.session.location()), theme.status),
            Span::styled(format!("· {mode} · "), theme.status),
            save,
        ];
        let verdict = self.ctx.session.evaluation().verdict;
        spans.push(Span::styled(" · running: ", theme.status));
        spans.push(Span::styled(
            verdict.headline(),
            verdict_style(verdict, theme),
        ));
        if self.ctx.session.history() == History::Loading {
            spans.push(Span::styled(" · reading older years…", theme.dim));
        }
        if !self.ctx.journal().problems.is_empty() {
            spans.push(Span::styled(
                format!(
                    " · {} file(s) unreadable: run `stridelog check`",
                    self.ctx.journal().problems.len()
                ),
                theme.caution,
            ));
        }
        Line::from(spans).style(theme.status).render(area, buf);
    }
}

/// `area` cut as `Layout::new(direction, constraints).areas(area)` cuts it. When every
/// constraint is a `Length` but one `Min` and they fit, that is plain arithmetic (the lengths
/// as given, the `Min` taking the rest), done here without ratatui's constraint solver: its
/// first solve of a layout (the cache is empty at start) cost more than the rest of the first
/// frame's drawing. Anything else goes to the solver.
pub(crate) fn split<const N: usize>(
    direction: Direction,
    area: Rect,
    constraints: [Constraint; N],
) -> [Rect; N] {
    let size = match direction {
        Direction::Vertical => area.height,
        Direction::Horizontal => area.width,
    };
    let mut fill = None;
    let mut fixed: u32 = 0;
    for (i, constraint) in constraints.iter().enumerate() {
        match *constraint {
            Constraint::Length(n) => fixed += u32::from(n),
            Constraint::Min(n) if fill.is_none() => {
                fill = Some(i);
                fixed += u32::from(n);
            }
            _ => return Layout::new(direction, constraints).areas(area),
        }
    }
    let Some(fill) = fill.filter(|_| fixed <= u32::from(size)) else {
        return Layout::new(direction, constraints).areas(area);
    };
    let mut start = 0;
    let sizes = constraints.map(|constraint| match constraint {
        Constraint::Length(n) => n,
        _ => 0,
    });
    let taken: u16 = sizes.iter().sum();
    let mut areas = [Rect::default(); N];
    for (i, rect) in areas.iter_mut().enumerate() {
        let length = if i == fill { size - taken } else { sizes[i] };
        *rect = match direction {
            Direction::Vertical => Rect {
                y: area.y + start,
                height: length,
                ..area
            },
            Direction::Horizontal => Rect {
                x: area.x + start,
                width: length,
                ..area
            },
        };
        start += length;
    }
    areas
}

/// The colour of a verdict: red for urgent and stop, yellow for caution, green for ok.
pub fn verdict_style(verdict: Verdict, theme: &Theme) -> Style {
    match verdict {
        Verdict::Urgent => theme.urgent,
        Verdict::Doctor => theme.doctor,
        Verdict::Stop => theme.stop,
        Verdict::Caution => theme.caution,
        Verdict::Ok => theme.ok,
        Verdict::Unknown => theme.dim,
    }
}

fn too_small(area: Rect, buf: &mut Buffer, app: &App) {
    let text = format!(
        "Terminal too small: {}x{}. stridelog needs at least {MIN_WIDTH}x{MIN_HEIGHT}. \
         Make the window bigger (q quits).",
        area.width, area.height
    );
    let mut lines = banner::urgent_lines(&app.ctx, area.width);
    lines.push(Line::from(text));
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

#[cfg(test)]
mod tests {
    use super::split;
    use proptest::prelude::*;
    use ratatui::layout::{Constraint, Direction, Layout, Rect};

    fn constraint() -> impl Strategy<Value = Constraint> {
        prop_oneof![
            4 => (0u16..40).prop_map(Constraint::Length),
            1 => (0u16..40).prop_map(Constraint::Min),
            1 => (0u16..100).prop_map(Constraint::Percentage),
        ]
    }

    fn same_as_layout<const N: usize>(direction: Direction, area: Rect, c: [Constraint; N]) {
        assert_eq!(
            split(direction, area, c),
            Layout::new(direction, c).areas(area),
            "{direction:?} {area:?} {c:?}"
        );
    }

    #[test]
    fn cuts_the_app_and_log_tab_shapes_as_the_solver_does() {
        use Constraint::{Length as L, Min as M};
        for (w, h) in [
            (0, 0),
            (1, 1),
            (60, 18),
            (80, 24),
            (85, 30),
            (86, 40),
            (200, 60),
        ] {
            for (x, y) in [(0, 0), (3, 2)] {
                let area = Rect::new(x, y, w, h);
                for banner in [0, 1, 5, 30] {
                    for (ro, notice) in [(0, 0), (1, 0), (0, 1), (1, 1)] {
                        let rows = [L(1), L(banner), L(ro), L(notice), M(0), L(1), L(1)];
                        same_as_layout(Direction::Vertical, area, rows);
                    }
                }
                for list in [18, 24, 30] {
                    same_as_layout(Direction::Horizontal, area, [L(list), M(0)]);
                }
                same_as_layout(Direction::Horizontal, area, [L(48), L(1), M(0)]);
                for spark in [2, 3] {
                    same_as_layout(Direction::Vertical, area, [L(spark), L(1), M(0)]);
                }
                for notices in [0, 1, 4, 12] {
                    for footer in [0, 2, 3, 9] {
                        let form = [L(notices), M(3), L(1), L(footer)];
                        same_as_layout(Direction::Vertical, area, form);
                    }
                }
            }
        }
    }

    proptest! {
        #[test]
        fn cuts_as_the_solver_does(
            c in prop::array::uniform4(constraint()),
            (x, y, w, h) in (0u16..50, 0u16..50, 0u16..120, 0u16..120),
            vertical in any::<bool>(),
        ) {
            let direction = if vertical { Direction::Vertical } else { Direction::Horizontal };
            same_as_layout(direction, Rect::new(x, y, w, h), c);
        }
    }
}
