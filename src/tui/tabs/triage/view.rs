//! Draws the Triage tab. Text is wrapped here (not by the paragraph) so the view knows on
//! which line each question starts and can keep the selected one in sight.

use super::{NoteKind, SLUMP_QUESTION_INDEX, Section, TriageState};
use crate::journal::entry::{PainType, Slump, Triage};
use crate::triage::{self, Reply, words};
use crate::tui::ctx::Ctx;
use crate::tui::theme::Theme;
use crate::tui::widgets::banner::{wrap, wrap_hanging};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
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

/// Lines of text, and which lines hold the selected item.
struct Doc {
    width: usize,
    lines: Vec<Line<'static>>,
    focus: Option<(usize, usize)>,
}

impl Doc {
    fn new(width: u16) -> Self {
        Self {
            width: usize::from(width.max(10)),
            lines: Vec::new(),
            focus: None,
        }
    }

    fn blank(&mut self) {
        self.lines.push(Line::default());
    }

    /// A wrapped paragraph: `first` before the first line, `indent` spaces before the others.
    fn para(&mut self, first: Vec<Span<'static>>, text: &str, style: Style, indent: usize) {
        let lead: usize = first.iter().map(Span::width).sum();
        let first_width = self.width.saturating_sub(lead).max(10);
        let rest_width = self.width.saturating_sub(indent).max(10);
        let mut lead = Some(first);
        for piece in wrap_hanging(text, first_width, rest_width) {
            let mut spans = lead
                .take()
                .unwrap_or_else(|| vec![Span::raw(" ".repeat(indent))]);
            spans.push(Span::styled(piece, style));
            self.lines.push(Line::from(spans));
        }
    }

    fn text(&mut self, text: &str, style: Style) {
        self.para(vec![Span::raw(" ")], text, style, 1);
    }

    /// Marks the lines from `start` to now as the selected item.
    fn focus_from(&mut self, start: usize) {
        self.focus = Some((start, self.lines.len()));
    }

    /// The first line to show so the selected item sits in view, near the middle.
    fn offset(&self, height: usize) -> usize {
        let total = self.lines.len();
        if total <= height {
            return 0;
        }
        let Some((start, end)) = self.focus else {
            return 0;
        };
        let len = end - start;
        let centred = start.saturating_sub(height.saturating_sub(len) / 2);
        centred.min(total - height).min(start)
    }
}

fn bold(style: Style) -> Style {
    style.add_modifier(Modifier::BOLD)
}

fn sources(list: &[words::Source]) -> String {
    list.iter().map(|s| s.short).collect::<Vec<_>>().join("; ")
}

fn slump_text(slump: Option<Reply>) -> &'static str {
    match slump {
        Some(Reply::Yes) => words::SLUMP_POSITIVE,
        Some(Reply::No) => words::SLUMP_NEGATIVE,
        Some(Reply::Skip) => words::SLUMP_SKIPPED,
        None => words::SLUMP_UNANSWERED,
    }
}

/// The answer badge in front of a question.
fn badge(reply: Option<Reply>, red_flag: bool, theme: &Theme) -> Span<'static> {
    match (reply, red_flag) {
        (Some(Reply::Yes), true) => Span::styled("[ yes ]", theme.urgent),
        (Some(Reply::No), true) => Span::styled("[ no  ]", theme.ok),
        (Some(Reply::Yes), false) => Span::styled("[ yes ]", theme.caution),
        (Some(Reply::No), false) => Span::styled("[ no  ]", theme.base),
        (Some(Reply::Skip), _) => Span::styled("[skip ]", theme.dim),
        (None, _) => Span::styled("[  ?  ]", theme.dim),
    }
}

impl TriageView<'_> {
    fn theme(&self) -> &'static Theme {
        self.ctx.theme
    }

    /// One question: cursor mark, badge, the words; its hint under it when selected.
    fn question(
        &self,
        doc: &mut Doc,
        reply: Option<Reply>,
        red_flag: bool,
        q: &str,
        hint: &str,
        selected: bool,
    ) {
        let theme = self.theme();
        let start = doc.lines.len();
        let mark = if selected {
            Span::styled(" ▶ ", theme.key)
        } else {
            Span::raw("   ")
        };
        let style = if selected {
            bold(theme.base)
        } else {
            theme.base
        };
        doc.para(
            vec![mark, badge(reply, red_flag, theme), Span::raw(" ")],
            q,
            style,
            11,
        );
        if selected && !hint.is_empty() {
            doc.para(vec![Span::raw(" ".repeat(11))], hint, theme.dim, 11);
        }
        if selected {
            doc.focus_from(start);
        }
    }

    fn red_flags(&self, doc: &mut Doc) {
        let theme = self.theme();
        let answers = &self.state.answers;
        doc.text(words::RED_FLAG_INTRO, theme.base);
        doc.blank();
        let cursor = self.state.cursor().unwrap_or(0);
        for (i, text) in words::RED_FLAGS.iter().enumerate() {
            let reply = answers
                .red_flag(text.flag)
                .map(|yes| if yes { Reply::Yes } else { Reply::No });
            self.question(doc, reply, true, text.question, text.hint, i == cursor);
        }
        doc.blank();
        doc.text(
            &format!("Sources: {}", sources(words::RED_FLAG_SOURCES)),
            theme.dim,
        );
    }

    fn slump(&self, doc: &mut Doc) {
        let theme = self.theme();
        doc.text(words::SLUMP_INTRO, theme.base);
        doc.blank();
        let cursor = self.state.cursor().unwrap_or(0);
        for (i, step) in words::SLUMP_STEPS.iter().enumerate() {
            let start = doc.lines.len();
            let selected = i == cursor;
            let mark = if selected {
                Span::styled(" ▶ ", theme.key)
            } else {
                Span::raw("   ")
            };
            let style = if selected {
                bold(theme.base)
            } else {
                theme.base
            };
            doc.para(
                vec![mark, Span::styled(format!("{}. ", i + 1), theme.key)],
                step,
                style,
                6,
            );
            if selected {
                doc.focus_from(start);
            }
        }
        doc.blank();
        let start = doc.lines.len();
        self.question(
            doc,
            self.state.answers.slump,
            false,
            words::SLUMP_QUESTION,
            words::SLUMP_KEYS,
            cursor == SLUMP_QUESTION_INDEX,
        );
        if cursor != SLUMP_QUESTION_INDEX {
            doc.para(
                vec![Span::raw(" ".repeat(11))],
                words::SLUMP_KEYS,
                theme.dim,
                11,
            );
        }
        doc.blank();
        doc.text(words::SLUMP_INFO, theme.caution);
        doc.text(
            &format!("Sources: {}", sources(words::SLUMP_SOURCES)),
            theme.dim,
        );
        if cursor == SLUMP_QUESTION_INDEX {
            // Keep the question and the information note in view together.
            doc.focus_from(start);
        }
    }

    fn signs(&self, doc: &mut Doc) {
        let theme = self.theme();
        doc.text(words::SIGNS_INTRO, theme.base);
        doc.blank();
        let cursor = self.state.cursor().unwrap_or(0);
        for (i, text) in words::SIGNS.iter().enumerate() {
            let reply = self.state.answers.sign(text.sign);
            self.question(doc, reply, false, text.question, text.hint, i == cursor);
        }
        doc.blank();
        let found = triage::classify(&self.state.answers);
        let so_far = if found.is_empty() {
            "nothing yet".to_owned()
        } else {
            type_names(&found)
        };
        doc.para(
            vec![Span::styled(" So far: ", theme.title)],
            &so_far,
            theme.base,
            10,
        );
    }

    /// The red-flag and slump lines of the result.
    fn result_head(&self, doc: &mut Doc, compact: bool) {
        let theme = self.theme();
        let answers = &self.state.answers;
        let present = answers.red_flags_present();
        let missing = answers.red_flags_unanswered().len();
        if present.is_empty() {
            let (text, style) = if missing == 0 {
                ("Red flags: none of the eight.".to_owned(), theme.ok)
            } else {
                (
                    format!("Red flags: {missing} of 8 questions still to answer."),
                    theme.caution,
                )
            };
            doc.text(&text, style);
        } else {
            let labels: Vec<&str> = present.iter().map(|f| words::red_flag_label(*f)).collect();
            let text = if compact {
                format!("RED FLAGS: {}.", labels.join(", "))
            } else {
                format!(
                    "RED FLAGS: {}. {} {}",
                    labels.join(", "),
                    words::RED_FLAG_ACTION,
                    words::RED_FLAG_ACTION_MORE
                )
            };
            doc.text(&text, theme.urgent);
        }
        doc.para(
            vec![Span::styled(" Slump self-test: ", theme.title)],
            slump_text(answers.slump),
            theme.base,
            3,
        );
    }

    fn result(&self, doc: &mut Doc) {
        let theme = self.theme();
        self.result_head(doc, false);
        doc.blank();
        let found = triage::classify(&self.state.answers);
        doc.text(words::RESULT_POINTS_TO, theme.title);
        if found.is_empty() {
            doc.para(
                vec![Span::raw("   ")],
                words::RESULT_NOTHING_YET,
                theme.dim,
                3,
            );
        }
        for pain in &found {
            let text = words::pain_type(*pain);
            doc.para(
                vec![Span::styled(" ■ ", type_style(*pain, theme))],
                text.name,
                bold(type_style(*pain, theme)),
                3,
            );
            doc.para(vec![Span::raw("   ")], text.means, theme.base, 3);
            doc.para(
                vec![
                    Span::raw("   "),
                    Span::styled(words::RESULT_WHAT_HELPS, theme.title),
                ],
                text.guidance,
                theme.base,
                3,
            );
            doc.para(
                vec![Span::raw("   ")],
                &format!("{}{}", words::RESULT_SOURCE, sources(text.sources)),
                theme.dim,
                3,
            );
        }
        doc.blank();
        self.save_line(doc);
        doc.text(
            &format!("Red-flag sources: {}", sources(words::RED_FLAG_SOURCES)),
            theme.dim,
        );
    }

    fn save_line(&self, doc: &mut Doc) {
        let theme = self.theme();
        let missing = self.state.answers.red_flags_unanswered().len();
        if missing > 0 {
            doc.text(
                &format!(
                    "{} ({missing} left): they decide whether this is urgent.",
                    words::SAVE_NEEDS_RED_FLAGS
                ),
                theme.caution,
            );
            return;
        }
        let saved = self
            .ctx
            .journal
            .day(self.state.date)
            .and_then(|d| d.triage.as_ref());
        if !self.state.has_unsaved_answers()
            && saved == Some(&triage::to_triage(&self.state.answers))
        {
            doc.text(
                &format!(
                    "{} {}.",
                    words::SAVED_INTO,
                    self.state.date.format("%a %-d %b %Y")
                ),
                theme.ok,
            );
            return;
        }
        let replaces = saved.is_some();
        let mut spans = vec![
            Span::raw(" "),
            Span::styled("Enter", theme.key),
            Span::raw(format!(
                " saves this into {}",
                self.state.date.format("%a %-d %b %Y")
            )),
        ];
        if replaces {
            spans.push(Span::styled(
                " (replacing the triage saved there)",
                theme.dim,
            ));
        }
        spans.push(Span::raw("."));
        doc.lines.push(Line::from(spans));
    }

    fn history(&self, doc: &mut Doc, with_intro: bool) {
        let theme = self.theme();
        if with_intro {
            doc.text(words::HISTORY_INTRO, theme.base);
            doc.blank();
        }
        let entries = triage::history(&self.ctx.journal, self.ctx.today, triage::HISTORY_DAYS);
        if entries.is_empty() {
            doc.text(words::HISTORY_NONE, theme.dim);
            return;
        }
        for entry in entries {
            doc.lines.push(Line::from(vec![
                Span::raw(" "),
                Span::styled(entry.date.format("%a %-d %b %Y").to_string(), theme.title),
            ]));
            let (summary, style) = summary(&entry.triage, theme);
            doc.para(vec![Span::raw("   ")], &summary, style, 3);
            let changed = match &entry.changes {
                None => words::HISTORY_FIRST.to_owned(),
                Some(list) if list.is_empty() => words::HISTORY_SAME.to_owned(),
                Some(list) => format!(
                    "changed: {}",
                    list.iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
            };
            doc.para(vec![Span::raw("   ")], &changed, theme.dim, 5);
        }
    }

    /// The right-hand column when there is room: the result so far and the history.
    fn side(&self, doc: &mut Doc) {
        let theme = self.theme();
        if self.state.section != Section::Result {
            self.side_result(doc);
        }
        if self.state.section != Section::History {
            doc.lines.push(Line::from(Span::styled(
                format!(" Recent triages ({} weeks)", triage::HISTORY_DAYS / 7),
                bold(theme.title),
            )));
            self.history(doc, false);
        }
    }

    fn side_result(&self, doc: &mut Doc) {
        let theme = self.theme();
        doc.lines.push(Line::from(Span::styled(
            " Result so far",
            bold(theme.title),
        )));
        self.result_head(doc, true);
        let found = triage::classify(&self.state.answers);
        let kinds = if found.is_empty() {
            "nothing yet".to_owned()
        } else {
            type_names(&found)
        };
        doc.para(
            vec![Span::styled(" Points to: ", theme.title)],
            &kinds,
            theme.base,
            3,
        );
        doc.blank();
    }

    /// The red flags answered yes, when the red banner above does not show them (the save
    /// failed, or the selected day does not count as the latest triage of the last 14 days).
    fn local_urgent(&self, width: u16) -> Vec<Line<'static>> {
        let present = self.state.answers.red_flags_present();
        let shown = triage::current_red_flags(&self.ctx.journal, self.ctx.today)
            .is_some_and(|(_, flags)| present.iter().all(|f| flags.contains(f)));
        if present.is_empty() || shown {
            return Vec::new();
        }
        let labels: Vec<&str> = present.iter().map(|f| words::red_flag_label(*f)).collect();
        let text = format!(
            "RED FLAG in your answers: {}. {} {}",
            labels.join(", "),
            words::RED_FLAG_ACTION,
            words::RED_FLAG_ACTION_MORE
        );
        wrap(&text, usize::from(width.max(12)) - 2)
            .into_iter()
            .map(|line| Line::from(format!(" {line}")))
            .collect()
    }

    fn section_bar(&self) -> Line<'static> {
        let theme = self.theme();
        let answers = &self.state.answers;
        let mut spans = vec![Span::raw(" ")];
        for section in Section::ALL {
            let progress = match section {
                Section::RedFlags => format!(" {}/8", 8 - answers.red_flags_unanswered().len()),
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
            } else if section == Section::RedFlags && !answers.red_flags_present().is_empty() {
                theme.urgent
            } else {
                theme.tab
            };
            spans.push(Span::styled(
                format!(" {}{progress} ", section.title()),
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
            let style = match note.kind {
                NoteKind::Info => theme.info,
                NoteKind::Saved => theme.ok,
                NoteKind::Error => theme.error,
                NoteKind::Urgent => theme.urgent,
            };
            return Line::from(Span::styled(format!(" {}", note.text), style));
        }
        let answers = &self.state.answers;
        let text = match self.state.section {
            Section::RedFlags => {
                let left = answers.red_flags_unanswered().len();
                if left == 0 {
                    "Enter: on to the slump test.".to_owned()
                } else {
                    format!("{} of 8 answered. y yes · n no", 8 - left)
                }
            }
            Section::Slump => "Enter: on to the pain questions.".to_owned(),
            Section::Signs => "Enter: see the result.".to_owned(),
            Section::Result => "Enter saves; the History part shows earlier triages.".to_owned(),
            Section::History => words::NOT_A_DIAGNOSIS.to_owned(),
        };
        Line::from(Span::styled(format!(" {text}"), theme.dim))
    }
}

fn type_style(pain: PainType, theme: &Theme) -> Style {
    match pain {
        PainType::Radiculopathy | PainType::Radicular => theme.caution,
        PainType::Referred | PainType::Tendon | PainType::Unsure => theme.title,
    }
}

fn type_names(found: &[PainType]) -> String {
    found
        .iter()
        .map(|p| words::pain_type(*p).name)
        .collect::<Vec<_>>()
        .join("; ")
}

/// One line about a saved triage, and its style (urgent when it has red flags).
fn summary(t: &Triage, theme: &Theme) -> (String, Style) {
    let flags = if t.red_flags.is_empty() {
        words::HISTORY_NO_FLAGS.to_owned()
    } else {
        let labels: Vec<&str> = t
            .red_flags
            .iter()
            .map(|f| words::red_flag_label(*f))
            .collect();
        format!("{}{}", words::HISTORY_RED_FLAGS, labels.join(", "))
    };
    let slump = match t.slump {
        Some(Slump::Positive) => words::SLUMP_WORD_POSITIVE,
        Some(Slump::Negative) => words::SLUMP_WORD_NEGATIVE,
        None => words::SLUMP_WORD_NONE,
    };
    let kinds = if t.classification.is_empty() {
        words::HISTORY_NO_TYPES.to_owned()
    } else {
        t.classification
            .iter()
            .map(|p| words::pain_type_short(*p))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let style = if t.red_flags.is_empty() {
        theme.base
    } else {
        theme.stop
    };
    (
        format!("{flags} · {}{slump} · {kinds}", words::HISTORY_SLUMP),
        style,
    )
}

/// Draws `doc` in `area`, scrolled to `offset`.
fn draw(doc: Doc, offset: usize, area: Rect, buf: &mut Buffer) {
    Paragraph::new(doc.lines)
        .scroll((u16::try_from(offset).unwrap_or(u16::MAX), 0))
        .render(area, buf);
}

impl Widget for TriageView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme();
        let mut title = format!(
            " Triage · saves into {}",
            self.state.date.format("%a %-d %b %Y")
        );
        if self.state.date == self.ctx.today {
            title.push_str(" (today)");
        }
        if self
            .ctx
            .journal
            .day(self.state.date)
            .is_some_and(|d| d.triage.is_some())
        {
            title.push_str(" · has a triage");
        }
        title.push(' ');
        let block = Block::bordered().title(title).border_style(theme.border);
        let inner = block.inner(area);
        block.render(area, buf);
        let local = self.local_urgent(inner.width);
        let [bar, note, urgent, content, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(u16::try_from(local.len()).unwrap_or(u16::MAX)),
            Constraint::Min(0),
            Constraint::Length(1),
        ])
        .areas(inner);
        Paragraph::new(local)
            .style(theme.urgent)
            .render(urgent, buf);
        self.section_bar().render(bar, buf);
        Line::from(Span::styled(
            format!(" {}", words::NOT_A_DIAGNOSIS),
            theme.caution,
        ))
        .render(note, buf);

        let (main, side) = if inner.width >= WIDE {
            let [main, side] =
                Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)])
                    .areas(content);
            (main, Some(side))
        } else {
            (content, None)
        };
        let mut doc = Doc::new(main.width.saturating_sub(1));
        match self.state.section {
            Section::RedFlags => self.red_flags(&mut doc),
            Section::Slump => self.slump(&mut doc),
            Section::Signs => self.signs(&mut doc),
            Section::Result => self.result(&mut doc),
            Section::History => self.history(&mut doc, true),
        }
        let height = usize::from(main.height);
        let offset = if self.state.cursor().is_some() {
            doc.offset(height)
        } else {
            let max = doc.lines.len().saturating_sub(height);
            self.state
                .set_max_scroll(u16::try_from(max).unwrap_or(u16::MAX));
            usize::from(self.state.scroll()).min(max)
        };
        let more = offset + height < doc.lines.len();
        draw(doc, offset, main, buf);
        self.footer().render(footer, buf);
        if more {
            Line::from(Span::styled("↓ more ", theme.key))
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
            draw(doc, 0, side_inner, buf);
        }
    }
}
