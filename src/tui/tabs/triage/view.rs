//! Draws the Triage tab: the part bar, the "not a diagnosis" line, the open part (with a
//! summary and the history beside it on wide screens) and a footer with the last note.

use super::doc::Doc;
use super::{Section, TriageState};
use crate::triage::{self, words};
use crate::tui::ctx::Ctx;
use crate::tui::theme::Theme;
use crate::tui::widgets::lines::Keep;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

/// Below this inner width the tab is one column; at or above it a summary and the history sit
/// on the right.
const WIDE: u16 = 100;

/// Draws the tab.
pub struct TriageView<'a> {
    pub state: &'a TriageState,
    pub ctx: &'a Ctx,
}

impl TriageView<'_> {
    pub(super) fn theme(&self) -> &'static Theme {
        self.ctx.theme
    }

    /// The red flags answered yes, when the banner above does not show them (the save failed,
    /// or the selected day is not the latest triage), one line per tier with what to do.
    fn local_urgent(&self, width: u16) -> Vec<Line<'static>> {
        let present = self.state.answers.red_flags_present();
        let shown = triage::current_red_flags(self.ctx.journal(), self.ctx.today())
            .is_some_and(|(_, flags)| present.iter().all(|f| flags.contains(f)));
        if present.is_empty() || shown {
            return Vec::new();
        }
        let parts = words::red_flags_found(&present, true);
        crate::tui::widgets::banner::tier_lines(&parts, width, self.theme())
    }

    fn section_bar(&self, width: u16) -> Line<'static> {
        let short = width < 76;
        let theme = self.theme();
        let answers = &self.state.answers;
        let mut spans = vec![Span::raw(" ")];
        for section in Section::ALL {
            let progress = match section {
                Section::RedFlags => format!(
                    " {}/{}",
                    words::RED_FLAG_COUNT - answers.red_flags_unanswered().len(),
                    words::RED_FLAG_COUNT
                ),
                Section::Slump => {
                    if answers.slump.is_some() {
                        " ✓".into()
                    } else {
                        String::new()
                    }
                }
                Section::Signs => format!(" {}/{}", answers.signs.len(), words::SIGNS.len()),
                Section::Result | Section::History => String::new(),
            };
            let style = if section == self.state.section {
                theme.tab_selected
            } else if let (Section::RedFlags, Some(tier)) =
                (section, triage::highest_tier(&answers.red_flags_present()))
            {
                theme.tier(tier)
            } else {
                theme.tab
            };
            spans.push(Span::styled(
                format!(
                    " {}{progress} ",
                    if short {
                        section.short_title()
                    } else {
                        section.title()
                    }
                ),
                style,
            ));
            spans.push(Span::raw(" "));
        }
        Line::from(spans)
    }

    /// The last line: the note about the last action, or what to do next.
    fn footer(&self) -> Line<'static> {
        let theme = self.theme();
        if let Some(note) = &self.state.note {
            return Line::from(Span::styled(
                format!(" {}", note.text),
                note.tone.style(theme),
            ));
        }
        let answers = &self.state.answers;
        let text = match self.state.section {
            Section::RedFlags => {
                let left = answers.red_flags_unanswered().len();
                if left == 0 {
                    words::NEXT_SLUMP.to_owned()
                } else {
                    words::red_flags_answered(words::RED_FLAG_COUNT - left)
                }
            }
            Section::Slump => words::NEXT_SIGNS.to_owned(),
            Section::Signs => words::NEXT_RESULT.to_owned(),
            Section::Result => words::RESULT_FOOTER.to_owned(),
            Section::History => words::NOT_A_DIAGNOSIS.to_owned(),
        };
        Line::from(Span::styled(format!(" {text}"), theme.dim))
    }
}

/// Where each part of the tab goes.
struct Areas {
    bar: Rect,
    note: Rect,
    urgent: Rect,
    main: Rect,
    side: Option<Rect>,
    footer: Rect,
}

impl Areas {
    /// Where each part goes inside the tab's border (`inner`), given the urgent lines shown.
    fn of(inner: Rect, urgent_rows: usize) -> Self {
        let [bar, note, urgent, content, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(u16::try_from(urgent_rows).unwrap_or(u16::MAX)),
            Constraint::Min(0),
            Constraint::Length(1),
        ])
        .areas(inner);
        let (main, side) = if inner.width >= WIDE {
            let [main, side] =
                Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)])
                    .areas(content);
            (main, Some(side))
        } else {
            (content, None)
        };
        Self {
            bar,
            note,
            urgent,
            main,
            side,
            footer,
        }
    }
}

impl TriageView<'_> {
    /// The open part's lines, wrapped to `width`.
    fn main_doc(&self, width: u16) -> Doc {
        let mut doc = Doc::new(width.saturating_sub(1));
        match self.state.section {
            Section::RedFlags => self.red_flags(&mut doc),
            Section::Slump => self.slump(&mut doc),
            Section::Signs => self.signs(&mut doc),
            Section::Result => self.result(&mut doc),
            Section::History => self.history(&mut doc, true),
        }
        doc
    }

    /// The open part's length in rows and the rows it gets when the tab is drawn in `area`
    /// (the same layout as drawing, so scrolling stops where the text ends).
    pub fn scroll_window(&self, area: Rect) -> (usize, usize) {
        let inner = Block::bordered().inner(area);
        let areas = Areas::of(inner, self.local_urgent(inner.width).len());
        let doc = self.main_doc(areas.main.width);
        (doc.lines.len(), usize::from(areas.main.height))
    }
}

impl Widget for TriageView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme();
        let has_triage = self
            .ctx
            .journal()
            .day(self.state.date)
            .is_some_and(|d| d.triage.is_some());
        let title = format!(
            " {} ",
            words::title(
                &self.state.date.format(words::DATE_FORMAT).to_string(),
                self.state.date == self.ctx.today(),
                has_triage && area.width >= 72,
            )
        );
        let block = Block::bordered().title(title).border_style(theme.border);
        let inner = block.inner(area);
        block.render(area, buf);
        let local = self.local_urgent(inner.width);
        let Areas {
            bar,
            note,
            urgent,
            main,
            side,
            footer,
        } = Areas::of(inner, local.len());
        Paragraph::new(local).render(urgent, buf);
        self.section_bar(bar.width).render(bar, buf);
        Line::from(Span::styled(
            format!(" {}", words::NOT_A_DIAGNOSIS),
            theme.caution,
        ))
        .render(note, buf);

        let doc = self.main_doc(main.width);
        let height = usize::from(main.height);
        let offset = if self.state.cursor().is_some() {
            doc.lines.offset(height, Keep::Middle)
        } else {
            let max = doc.lines.len().saturating_sub(height);
            usize::from(self.state.scroll()).min(max)
        };
        let more = offset + height < doc.lines.len();
        doc.lines.render(offset, main, buf, None);
        self.footer().render(footer, buf);
        if more {
            Line::from(Span::styled(format!("{} ", words::MORE_BELOW), theme.key))
                .right_aligned()
                .render(footer, buf);
        }

        if let Some(side) = side {
            let block = Block::new()
                .borders(Borders::LEFT)
                .border_style(theme.border);
            let side_inner = block.inner(side);
            block.render(side, buf);
            let mut doc = Doc::new(side_inner.width.saturating_sub(1));
            self.side(&mut doc);
            doc.lines.render(0, side_inner, buf, None);
        }
    }
}
