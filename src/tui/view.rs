//! Draws the whole app: header with tabs, banners, the open tab, key hints and the status
//! line. Rendering only reads state.

use super::Tab;
use super::app::{App, MIN_HEIGHT, MIN_WIDTH, Overlay};
use super::tabs::{
    insights::InsightsView, log::LogView, routine::RoutineView, trends::TrendsView,
    triage::TriageView,
};
use super::widgets::line::{self, Fill};
use super::widgets::{banner, help, hints, settings};
use crate::session::{History, SaveState};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Tabs, Widget, Wrap};

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
        line::draw(
            &hints::line(&tab_hints, &global, theme, hint_area.width),
            hint_area,
            buf,
            Fill::Row,
        );
        self.render_status(status_area, buf);
        match self.overlay {
            Overlay::None => {}
            Overlay::Help(top) => help::render(body, buf, &self.ctx.keys, theme, top),
            Overlay::ConfirmQuit => {
                if let Some(unsaved) = self.unsaved() {
                    help::confirm_quit(body, buf, theme, unsaved);
                }
            }
            Overlay::Settings(selected) => settings::render(body, buf, theme, &self.ctx, selected),
        }
        if let Some(conflict) = self.ctx.session.conflict() {
            help::conflict(body, buf, theme, conflict.ours.date, conflict.kind);
        }
    }
}

impl App {
    /// The tab bar: every tab always; the app's name and the date only where they fit (the
    /// date shortened first), so no tab is ever cut off on a narrow terminal. The titles are
    /// ratatui's `Tabs`: each title carries its own spaces (so they are in the tab's style),
    /// and a plain space follows every title, the last one too (the right padding); the
    /// selected title is the tab style with `tab_selected` laid over it.
    fn render_header(&self, area: Rect, buf: &mut Buffer) {
        let theme = self.ctx.theme;
        let titles: Vec<Line> = Tab::ALL
            .iter()
            .enumerate()
            .map(|(i, tab)| Line::styled(format!(" {} {} ", i + 1, tab.title()), theme.tab))
            .collect();
        let tabs_width: usize = titles.iter().map(|t| t.width() + 1).sum();
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
        let lead = if with_title {
            Line::from(vec![title, Span::raw(" ")])
        } else {
            Line::raw(" ")
        };
        let lead_width = u16::try_from(lead.width()).unwrap_or(u16::MAX);
        line::draw(&lead, area, buf, Fill::Row);
        let selected = Tab::ALL.iter().position(|tab| *tab == self.tab);
        Tabs::new(titles)
            .select(selected)
            .highlight_style(theme.tab_selected)
            .padding("", " ")
            .divider("")
            .render(
                Rect {
                    x: area.x + lead_width.min(area.width),
                    width: area.width.saturating_sub(lead_width),
                    ..area
                },
                buf,
            );
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
        spans.push(Span::styled(verdict.headline(), theme.verdict(verdict)));
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
        line::draw(&Line::from(spans).style(theme.status), area, buf, Fill::Row);
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
