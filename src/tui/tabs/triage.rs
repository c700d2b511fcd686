//! The Triage tab: red flags first, then the slump self-test, then the pain-character
//! questions; the result with what helps and its sources; saved into the selected day; and the
//! triages of the last weeks with what changed. The words and the classification live in the
//! core (`crate::triage`); this file only handles keys and state, `triage/view.rs` draws.

mod doc;
mod questions;
mod result;
mod view;

pub use view::TriageView;

use crate::journal::entry::RedFlag;
use crate::triage::{self, Answers, RED_FLAG_ORDER, Reply, Sign, words};
use crate::tui::ctx::Ctx;
use chrono::{Days, NaiveDate};
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

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

/// How a note at the bottom of the tab reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteKind {
    Info,
    Saved,
    Error,
    Urgent,
}

/// A message about the last action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub kind: NoteKind,
    pub text: String,
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
    pub note: Option<Note>,
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

    /// Applies `action`; `body` is the tab's area on the terminal as last sized, so that
    /// scrolling stops where the drawn text ends.
    pub fn update(&mut self, action: TriageAction, ctx: &mut Ctx, body: Rect) {
        match action {
            TriageAction::NextSection => self.go_to(self.section.next()),
            TriageAction::PrevSection => self.go_to(self.section.prev()),
            TriageAction::Move(movement) => self.move_by(movement, ctx, body),
            TriageAction::Answer(reply) => self.answer(reply, ctx),
            TriageAction::Clear => self.clear(),
            TriageAction::Save => self.save(ctx),
            TriageAction::PrevDay => self.set_date(self.date - Days::new(1), ctx),
            TriageAction::NextDay => self.set_date(self.date + Days::new(1), ctx),
            TriageAction::Today => self.set_date(ctx.today(), ctx),
        }
    }

    fn go_to(&mut self, section: Section) {
        if section != self.section {
            self.section = section;
            self.scroll = 0;
            self.note = None;
        }
    }

    fn move_by(&mut self, movement: Move, ctx: &Ctx, body: Rect) {
        let items = self.section.items();
        if let Some(cursor) = self.cursor_mut() {
            let last = items.saturating_sub(1);
            *cursor = match movement {
                Move::Up => cursor.saturating_sub(1),
                Move::Down => (*cursor + 1).min(last),
                Move::PageUp | Move::Top => 0,
                Move::PageDown | Move::Bottom => last,
            };
            return;
        }
        let (lines, rows) = TriageView { state: self, ctx }.scroll_window(body);
        let max = u16::try_from(lines.saturating_sub(rows)).unwrap_or(u16::MAX);
        self.scroll = match movement {
            Move::Up => self.scroll.saturating_sub(1),
            Move::Down => (self.scroll + 1).min(max),
            Move::PageUp => self.scroll.saturating_sub(10),
            Move::PageDown => (self.scroll + 10).min(max),
            Move::Top => 0,
            Move::Bottom => max,
        };
    }

    fn advance(&mut self) {
        let last = self.section.items().saturating_sub(1);
        if let Some(cursor) = self.cursor_mut() {
            *cursor = (*cursor + 1).min(last);
        }
    }

    fn answer(&mut self, reply: Reply, ctx: &mut Ctx) {
        let Some(cursor) = self.cursor() else { return };
        match self.section {
            Section::RedFlags => {
                let flag = RED_FLAG_ORDER[cursor];
                let yes = match reply {
                    Reply::Yes => true,
                    Reply::No => false,
                    Reply::Skip => {
                        self.note = Some(Note {
                            kind: NoteKind::Error,
                            text: words::RED_FLAG_NO_SKIP.into(),
                        });
                        return;
                    }
                };
                let was = self.answers.red_flag(flag);
                self.answers.red_flags.insert(flag, yes);
                self.unsaved = true;
                if yes {
                    self.save_red_flag_now(ctx);
                } else {
                    self.note = self.red_flag_progress_note(flag, was, ctx);
                }
                self.advance();
            }
            Section::Slump => {
                self.answers.slump = Some(reply);
                self.unsaved = true;
                self.cursors[1] = SLUMP_QUESTION_INDEX;
                self.note = None;
            }
            Section::Signs => {
                self.answers.signs.insert(Sign::ALL[cursor], reply);
                self.unsaved = true;
                self.note = None;
                self.advance();
            }
            Section::Result | Section::History => {}
        }
    }

    /// After a "no" to a red flag: how far along the questions are, and whether a warning
    /// saved earlier still stands.
    fn red_flag_progress_note(&self, flag: RedFlag, was: Option<bool>, ctx: &Ctx) -> Option<Note> {
        let saved_flag = ctx
            .journal()
            .day(self.date)
            .and_then(|d| d.triage.as_ref())
            .is_some_and(|t| t.red_flags.contains(&flag));
        if was == Some(true) && saved_flag {
            return Some(Note {
                kind: NoteKind::Info,
                text: words::RED_FLAG_CHANGED_TO_NO.into(),
            });
        }
        if self.answers.red_flags_complete() && self.answers.red_flags_present().is_empty() {
            if triage::current_red_flags(ctx.journal(), ctx.today()).is_some() {
                return Some(Note {
                    kind: NoteKind::Info,
                    text: words::RED_FLAGS_CLEAR_BANNER_STAYS.into(),
                });
            }
            return Some(Note {
                kind: NoteKind::Saved,
                text: format!("{} {}", words::RED_FLAGS_CLEAR, words::NEXT_SLUMP),
            });
        }
        None
    }

    fn clear(&mut self) {
        let Some(cursor) = self.cursor() else { return };
        match self.section {
            Section::RedFlags => {
                self.answers.red_flags.remove(&RED_FLAG_ORDER[cursor]);
            }
            Section::Slump => self.answers.slump = None,
            Section::Signs => {
                self.answers.signs.remove(&Sign::ALL[cursor]);
            }
            Section::Result | Section::History => return,
        }
        self.unsaved = true;
        self.note = None;
    }

    fn set_date(&mut self, date: NaiveDate, ctx: &Ctx) {
        self.date = date.min(ctx.today());
        self.note = None;
    }

    /// Writes the answers so far into the selected day's triage.
    fn write(&mut self, ctx: &mut Ctx) -> Result<(), String> {
        let mut day = ctx.day_or_new(self.date);
        day.triage = Some(triage::to_triage(&self.answers));
        let what = format!("triage answers on {}", self.date.format("%a %-d %b"));
        ctx.commit(day, what)?;
        self.unsaved = false;
        Ok(())
    }

    /// A red flag was answered yes: add it to the day's saved triage at once, so the warning
    /// shows on every tab even if the rest of the checklist is never finished. What the day's
    /// triage already holds (its slump result, its kinds of pain, other red flags) is kept;
    /// the full answers replace it when the user saves.
    fn save_red_flag_now(&mut self, ctx: &mut Ctx) {
        let mut day = ctx.day_or_new(self.date);
        let mut saved = day.triage.take().unwrap_or_default();
        let present = self.answers.red_flags_present();
        saved.red_flags = RED_FLAG_ORDER
            .into_iter()
            .filter(|f| saved.red_flags.contains(f) || present.contains(f))
            .collect();
        day.triage = Some(saved);
        let what = format!("red flag answer on {}", self.date.format("%a %-d %b"));
        self.note = Some(match ctx.commit(day, what) {
            Ok(()) => Note {
                kind: NoteKind::Urgent,
                text: words::RED_FLAG_SAVED_AT_ONCE.into(),
            },
            Err(e) => Note {
                kind: NoteKind::Error,
                text: format!("{}{e}", words::NOT_SAVED),
            },
        });
    }

    fn save(&mut self, ctx: &mut Ctx) {
        let missing = self.answers.red_flags_unanswered();
        if let Some(first) = missing.first() {
            self.cursors[0] = RED_FLAG_ORDER.iter().position(|f| f == first).unwrap_or(0);
            self.go_to(Section::RedFlags);
            self.note = Some(Note {
                kind: NoteKind::Error,
                text: words::save_needs_red_flags(missing.len()),
            });
            return;
        }
        self.note = Some(match self.write(ctx) {
            Ok(()) => Note {
                kind: NoteKind::Saved,
                text: words::SAVED_NOTE.into(),
            },
            Err(e) => Note {
                kind: NoteKind::Error,
                text: format!("{}{e}", words::NOT_SAVED),
            },
        });
    }

    /// The keys shown at the bottom of the screen.
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
