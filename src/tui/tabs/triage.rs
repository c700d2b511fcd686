//! The Triage tab: red flags first, then the slump self-test, then the pain-character
//! questions; the result with what helps and its sources; saved into the selected day; and the
//! triages of the last weeks with what changed. The words and the classification live in the
//! core (`crate::triage`); this file only handles keys and state, `triage/view.rs` draws.

mod doc;
mod questions;
mod result;
mod update;
mod view;

pub use view::TriageView;

use crate::triage::{Answers, RED_FLAG_ORDER, Reply, Sign, words};
use crate::tui::ctx::Ctx;
use crate::tui::widgets::message::Message;
use chrono::NaiveDate;
use ratatui::crossterm::event::KeyEvent;

/// The parts of the checklist, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    RedFlags,
    Slump,
    Signs,
    Result,
    History,
}

impl Section {
    pub const ALL: [Section; 5] = [
        Section::RedFlags,
        Section::Slump,
        Section::Signs,
        Section::Result,
        Section::History,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Section::RedFlags => words::RED_FLAG_TITLE,
            Section::Slump => words::SLUMP_TITLE,
            Section::Signs => words::SIGNS_TITLE,
            Section::Result => words::RESULT_TITLE,
            Section::History => words::HISTORY_TITLE,
        }
    }

    /// A shorter title for narrow terminals.
    pub fn short_title(self) -> &'static str {
        match self {
            Section::RedFlags => words::RED_FLAG_SHORT,
            Section::Slump => words::SLUMP_SHORT,
            Section::Signs => words::SIGNS_SHORT,
            Section::Result => words::RESULT_TITLE,
            Section::History => words::HISTORY_TITLE,
        }
    }

    fn index(self) -> usize {
        Section::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    #[must_use]
    pub fn next(self) -> Section {
        Section::ALL[(self.index() + 1).min(Section::ALL.len() - 1)]
    }

    #[must_use]
    pub fn prev(self) -> Section {
        Section::ALL[self.index().saturating_sub(1)]
    }

    /// How many items the cursor moves over (0 where the part only scrolls).
    fn items(self) -> usize {
        match self {
            Section::RedFlags => RED_FLAG_ORDER.len(),
            Section::Slump => SLUMP_QUESTION_INDEX + 1,
            Section::Signs => Sign::ALL.len(),
            Section::Result | Section::History => 0,
        }
    }
}

/// In the slump part the cursor walks the steps, then rests on the question.
pub const SLUMP_QUESTION_INDEX: usize = words::SLUMP_STEPS.len();

/// A cursor or scroll movement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
}

/// What can happen on this tab.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TriageAction {
    NextSection,
    PrevSection,
    Move(Move),
    /// `y`, `n` or `s` on the question under the cursor.
    Answer(Reply),
    /// Forget the answer under the cursor.
    Clear,
    /// Save the triage into the selected day.
    Save,
    PrevDay,
    NextDay,
    Today,
}

/// The tab's state.
#[derive(Debug)]
pub struct TriageState {
    /// The day the triage is saved into.
    pub date: NaiveDate,
    pub section: Section,
    pub answers: Answers,
    /// The cursor of each question part (red flags, slump, signs).
    cursors: [usize; 3],
    /// How far the result or history is scrolled.
    scroll: u16,
    pub note: Option<Message>,
    /// Answers changed since the last save.
    unsaved: bool,
}

impl TriageState {
    pub fn new(ctx: &Ctx) -> Self {
        Self {
            date: ctx.today(),
            section: Section::RedFlags,
            answers: Answers::default(),
            cursors: [0; 3],
            scroll: 0,
            note: None,
            unsaved: false,
        }
    }

    /// True while typing into a field (keys go to the field, not the app). This tab has no
    /// text fields.
    pub fn captures_input(&self) -> bool {
        false
    }

    /// True when answers were given and not saved yet (quitting asks first).
    pub fn has_unsaved_answers(&self) -> bool {
        self.unsaved
    }

    /// The cursor in the current question part, if it has one.
    pub fn cursor(&self) -> Option<usize> {
        let slot = match self.section {
            Section::RedFlags => 0,
            Section::Slump => 1,
            Section::Signs => 2,
            Section::Result | Section::History => return None,
        };
        Some(self.cursors[slot])
    }

    fn cursor_mut(&mut self) -> Option<&mut usize> {
        let slot = match self.section {
            Section::RedFlags => 0,
            Section::Slump => 1,
            Section::Signs => 2,
            Section::Result | Section::History => return None,
        };
        Some(&mut self.cursors[slot])
    }

    /// How far the result or history is scrolled.
    pub fn scroll(&self) -> u16 {
        self.scroll
    }

    pub fn map_key(&self, key: KeyEvent, ctx: &Ctx) -> Option<TriageAction> {
        use crate::tui::keymap::{Command as C, Scope};
        let asks = matches!(
            self.section,
            Section::RedFlags | Section::Slump | Section::Signs
        );
        Some(match ctx.keys.command(Scope::Triage, key)? {
            C::TriageNextPart => TriageAction::NextSection,
            C::TriagePrevPart => TriageAction::PrevSection,
            C::TriageUp => TriageAction::Move(Move::Up),
            C::TriageDown => TriageAction::Move(Move::Down),
            C::TriagePageUp => TriageAction::Move(Move::PageUp),
            C::TriagePageDown => TriageAction::Move(Move::PageDown),
            C::TriageTop => TriageAction::Move(Move::Top),
            C::TriageBottom => TriageAction::Move(Move::Bottom),
            C::TriageYes if asks => TriageAction::Answer(Reply::Yes),
            C::TriageNo if asks => TriageAction::Answer(Reply::No),
            C::TriageSkip if asks => TriageAction::Answer(Reply::Skip),
            C::TriageClear if asks => TriageAction::Clear,
            C::TriageEnter if self.section == Section::Result => TriageAction::Save,
            C::TriageEnter if self.section != Section::History => TriageAction::NextSection,
            C::TriagePrevDay => TriageAction::PrevDay,
            C::TriageNextDay => TriageAction::NextDay,
            C::TriageToday => TriageAction::Today,
            _ => return None,
        })
    }

    /// The keys shown at the bottom of the screen, from the key list.
    pub fn hints(&self, ctx: &Ctx) -> Vec<(String, &'static str)> {
        use crate::tui::keymap::{Command as C, hint};
        let k = &ctx.keys;
        let part = hint(k, &[C::TriagePrevPart, C::TriageNextPart], "part");
        let updown = |w| hint(k, &[C::TriageUp, C::TriageDown], w);
        match self.section {
            Section::RedFlags => vec![
                updown("question"),
                hint(k, &[C::TriageYes, C::TriageNo], "yes/no"),
                hint(k, &[C::TriageEnter], "next part"),
                part,
                hint(k, &[C::TriagePrevDay, C::TriageNextDay], "day"),
            ],
            Section::Slump => vec![
                updown("step"),
                hint(
                    k,
                    &[C::TriageYes, C::TriageNo, C::TriageSkip],
                    "yes/no/skip",
                ),
                hint(k, &[C::TriageEnter], "next part"),
                part,
            ],
            Section::Signs => vec![
                updown("question"),
                hint(
                    k,
                    &[C::TriageYes, C::TriageNo, C::TriageSkip],
                    "yes/no/skip",
                ),
                hint(k, &[C::TriageEnter], "result"),
                part,
            ],
            Section::Result => vec![
                hint(k, &[C::TriageEnter], "save"),
                updown("scroll"),
                part,
                hint(
                    k,
                    &[C::TriagePrevDay, C::TriageNextDay, C::TriageToday],
                    "day",
                ),
            ],
            Section::History => vec![updown("scroll"), part],
        }
    }
}
