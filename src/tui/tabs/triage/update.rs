//! What the Triage tab's actions do: move through the questions, answer them (a red flag is
//! saved at once), change the day, save the answers.

use super::{Move, SLUMP_QUESTION_INDEX, Section, TriageAction, TriageState, TriageView};
use crate::journal::entry::RedFlag;
use crate::triage::{self, RED_FLAG_ORDER, Reply, Sign, words};
use crate::tui::ctx::Ctx;
use crate::tui::widgets::message::{Message, Tone};
use chrono::{Days, NaiveDate};
use ratatui::layout::Rect;

impl TriageState {
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
                        self.note = Some(Message {
                            tone: Tone::Error,
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
    fn red_flag_progress_note(
        &self,
        flag: RedFlag,
        was: Option<bool>,
        ctx: &Ctx,
    ) -> Option<Message> {
        let saved_flag = ctx
            .journal()
            .day(self.date)
            .and_then(|d| d.triage.as_ref())
            .is_some_and(|t| t.red_flags.contains(&flag));
        if was == Some(true) && saved_flag {
            return Some(Message {
                tone: Tone::Info,
                text: words::RED_FLAG_CHANGED_TO_NO.into(),
            });
        }
        if self.answers.red_flags_complete() && self.answers.red_flags_present().is_empty() {
            if triage::current_red_flags(ctx.journal(), ctx.today()).is_some() {
                return Some(Message {
                    tone: Tone::Info,
                    text: words::RED_FLAGS_CLEAR_BANNER_STAYS.into(),
                });
            }
            return Some(Message {
                tone: Tone::Done,
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
            Ok(()) => Message {
                tone: Tone::Urgent,
                text: words::RED_FLAG_SAVED_AT_ONCE.into(),
            },
            Err(e) => Message {
                tone: Tone::Error,
                text: format!("{}{e}", words::NOT_SAVED),
            },
        });
    }

    fn save(&mut self, ctx: &mut Ctx) {
        let missing = self.answers.red_flags_unanswered();
        if let Some(first) = missing.first() {
            self.cursors[0] = RED_FLAG_ORDER.iter().position(|f| f == first).unwrap_or(0);
            self.go_to(Section::RedFlags);
            self.note = Some(Message {
                tone: Tone::Error,
                text: words::save_needs_red_flags(missing.len()),
            });
            return;
        }
        self.note = Some(match self.write(ctx) {
            Ok(()) => Message {
                tone: Tone::Done,
                text: words::SAVED_NOTE.into(),
            },
            Err(e) => Message {
                tone: Tone::Error,
                text: format!("{}{e}", words::NOT_SAVED),
            },
        });
    }
}
