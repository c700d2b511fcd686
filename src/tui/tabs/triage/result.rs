//! The result and history parts of the Triage tab, and the side column on wide screens.

use super::Section;
use super::doc::{Doc, bold, sources};
use super::view::TriageView;
use crate::journal::entry::{PainType, Slump, Triage};
use crate::triage::{self, Reply, words};
use crate::tui::theme::Theme;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// How the slump answer reads in the result.
fn slump_text(slump: Option<Reply>) -> &'static str {
    match slump {
        Some(Reply::Yes) => words::SLUMP_POSITIVE,
        Some(Reply::No) => words::SLUMP_NEGATIVE,
        Some(Reply::Skip) => words::SLUMP_SKIPPED,
        None => words::SLUMP_UNANSWERED,
    }
}

/// Nerve pain stands out; the others read as plain headings.
fn type_style(pain: PainType, theme: &Theme) -> Style {
    match pain {
        PainType::Radiculopathy | PainType::Radicular => theme.caution,
        PainType::Referred | PainType::Tendon | PainType::Unsure => theme.title,
    }
}

/// The full names of the kinds of pain, joined.
pub(super) fn type_names(found: &[PainType]) -> String {
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

impl TriageView<'_> {
    /// The red-flag and slump lines of the result.
    pub(super) fn result_head(&self, doc: &mut Doc, compact: bool) {
        let theme = self.theme();
        let answers = &self.state.answers;
        let present = answers.red_flags_present();
        let missing = answers.red_flags_unanswered().len();
        if present.is_empty() {
            let (text, style) = if missing == 0 {
                (words::RED_FLAGS_NONE.to_owned(), theme.ok)
            } else {
                (words::red_flags_to_answer(missing), theme.caution)
            };
            doc.text(&text, style);
        } else {
            for (tier, text) in words::red_flags_found(&present, !compact) {
                doc.text(&text, theme.tier(tier));
            }
        }
        doc.para(
            vec![Span::styled(
                format!(" {}", words::SLUMP_RESULT_LABEL),
                theme.title,
            )],
            slump_text(answers.slump),
            theme.base,
            3,
        );
    }

    pub(super) fn result(&self, doc: &mut Doc) {
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
            &format!(
                "{}{}",
                words::RED_FLAG_SOURCES_LABEL,
                sources(words::RED_FLAG_SOURCES)
            ),
            theme.dim,
        );
    }

    pub(super) fn save_line(&self, doc: &mut Doc) {
        let theme = self.theme();
        let missing = self.state.answers.red_flags_unanswered().len();
        if missing > 0 {
            doc.text(&words::save_needs_red_flags(missing), theme.caution);
            return;
        }
        let saved = self
            .ctx
            .journal()
            .day(self.state.date)
            .and_then(|d| d.triage.as_ref());
        if !self.state.has_unsaved_answers()
            && saved == Some(&triage::to_triage(&self.state.answers))
        {
            doc.text(
                &format!(
                    "{} {}.",
                    words::SAVED_INTO,
                    self.state.date.format(words::DATE_FORMAT)
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
                "{}{}",
                words::SAVES_INTO,
                self.state.date.format(words::DATE_FORMAT)
            )),
        ];
        if replaces {
            spans.push(Span::styled(words::REPLACING, theme.dim));
        }
        spans.push(Span::raw("."));
        doc.lines.push(Line::from(spans));
    }

    pub(super) fn history(&self, doc: &mut Doc, with_intro: bool) {
        let theme = self.theme();
        if with_intro {
            doc.text(words::HISTORY_INTRO, theme.base);
            doc.blank();
        }
        let entries = triage::history(self.ctx.journal(), self.ctx.today(), triage::HISTORY_DAYS);
        if entries.is_empty() {
            doc.text(words::HISTORY_NONE, theme.dim);
            return;
        }
        for entry in entries {
            doc.lines.push(Line::from(vec![
                Span::raw(" "),
                Span::styled(
                    entry.date.format(words::DATE_FORMAT).to_string(),
                    theme.title,
                ),
            ]));
            let (summary, style) = summary(&entry.triage, theme);
            doc.para(vec![Span::raw("   ")], &summary, style, 3);
            let changed = match &entry.changes {
                None => words::HISTORY_FIRST.to_owned(),
                Some(list) if list.is_empty() => words::HISTORY_SAME.to_owned(),
                Some(list) => format!(
                    "{}{}",
                    words::CHANGED,
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
    pub(super) fn side(&self, doc: &mut Doc) {
        let theme = self.theme();
        if self.state.section != Section::Result {
            self.side_result(doc);
        }
        if self.state.section != Section::History {
            doc.lines.push(Line::from(Span::styled(
                format!(" {}", words::recent_triages(triage::HISTORY_DAYS / 7)),
                bold(theme.title),
            )));
            self.history(doc, false);
        }
    }

    pub(super) fn side_result(&self, doc: &mut Doc) {
        let theme = self.theme();
        doc.lines.push(Line::from(Span::styled(
            format!(" {}", words::RESULT_SO_FAR),
            bold(theme.title),
        )));
        self.result_head(doc, true);
        let found = triage::classify(&self.state.answers);
        let kinds = if found.is_empty() {
            words::NOTHING_YET.to_owned()
        } else {
            type_names(&found)
        };
        doc.para(
            vec![Span::styled(format!(" {}", words::POINTS_TO), theme.title)],
            &kinds,
            theme.base,
            3,
        );
        doc.blank();
    }
}
