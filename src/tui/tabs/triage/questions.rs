//! The three question parts of the Triage tab: red flags, the slump test, pain character.

use super::SLUMP_QUESTION_INDEX;
use super::doc::{Doc, bold, sources};
use super::result::type_names;
use super::view::TriageView;
use crate::journal::entry::FlagTier;
use crate::triage::{self, Reply, words};
use crate::tui::theme::Theme;
use ratatui::text::Span;

/// The answer badge in front of a question; a red-flag "yes" takes its tier's style.
fn badge(reply: Option<Reply>, red_flag: Option<FlagTier>, theme: &Theme) -> Span<'static> {
    match (reply, red_flag) {
        (Some(Reply::Yes), Some(tier)) => Span::styled("[ yes ]", theme.tier(tier)),
        (Some(Reply::No), Some(_)) => Span::styled("[ no  ]", theme.ok),
        (Some(Reply::Yes), None) => Span::styled("[ yes ]", theme.caution),
        (Some(Reply::No), None) => Span::styled("[ no  ]", theme.base),
        (Some(Reply::Skip), _) => Span::styled("[skip ]", theme.dim),
        (None, _) => Span::styled("[  ?  ]", theme.dim),
    }
}

impl TriageView<'_> {
    /// One question: cursor mark, badge, the words; its hint under it when selected.
    pub(super) fn question(
        &self,
        doc: &mut Doc,
        reply: Option<Reply>,
        red_flag: Option<FlagTier>,
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
            doc.lines.focus_from(start);
        }
    }

    pub(super) fn red_flags(&self, doc: &mut Doc) {
        let theme = self.theme();
        let answers = &self.state.answers;
        doc.text(words::RED_FLAG_INTRO, theme.base);
        doc.blank();
        let cursor = self.state.cursor().unwrap_or(0);
        let mut tier_shown = None;
        for (i, text) in words::RED_FLAGS.iter().enumerate() {
            let tier = text.flag.tier();
            if tier_shown != Some(tier) {
                if tier_shown.is_some() {
                    doc.blank();
                }
                let heading = match tier {
                    FlagTier::Emergency => words::TIER_EMERGENCY_HEADING,
                    FlagTier::Doctor => words::TIER_DOCTOR_HEADING,
                };
                doc.text(heading, theme.title);
                tier_shown = Some(tier);
            }
            let reply = answers
                .red_flag(text.flag)
                .map(|yes| if yes { Reply::Yes } else { Reply::No });
            self.question(
                doc,
                reply,
                Some(tier),
                text.question,
                text.hint,
                i == cursor,
            );
        }
        doc.blank();
        doc.text(
            &format!("{}{}", words::SOURCES, sources(words::RED_FLAG_SOURCES)),
            theme.dim,
        );
    }

    pub(super) fn slump(&self, doc: &mut Doc) {
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
                doc.lines.focus_from(start);
            }
        }
        doc.blank();
        let start = doc.lines.len();
        self.question(
            doc,
            self.state.answers.slump,
            None,
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
            &format!("{}{}", words::SOURCES, sources(words::SLUMP_SOURCES)),
            theme.dim,
        );
        if cursor == SLUMP_QUESTION_INDEX {
            // Keep the question and the information note in view together.
            doc.lines.focus_from(start);
        }
    }

    pub(super) fn signs(&self, doc: &mut Doc) {
        let theme = self.theme();
        doc.text(words::SIGNS_INTRO, theme.base);
        doc.blank();
        let cursor = self.state.cursor().unwrap_or(0);
        for (i, text) in words::SIGNS.iter().enumerate() {
            let reply = self.state.answers.sign(text.sign);
            self.question(doc, reply, None, text.question, text.hint, i == cursor);
        }
        doc.blank();
        let found = triage::classify(&self.state.answers);
        let so_far = if found.is_empty() {
            words::NOTHING_YET.to_owned()
        } else {
            type_names(&found)
        };
        doc.para(
            vec![Span::styled(format!(" {}", words::SO_FAR), theme.title)],
            &so_far,
            theme.base,
            10,
        );
    }
}
