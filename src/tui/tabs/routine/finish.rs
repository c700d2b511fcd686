//! After a routine: what was done, "pain now?", and whether the session was saved.

use super::picker::{clock, steps_label};
use super::{Ending, Finish, Mode, RoutineAction, RoutineState, Stage};
use crate::journal::entry::Score;
use crate::routine::Phase;
use crate::tui::ctx::Ctx;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

impl RoutineState {
    /// From a finished or stopped run to "pain now?".
    pub(super) fn finish(&mut self) {
        let Mode::Run(run) = &self.mode else {
            return;
        };
        let session = run.timer.session(run.started);
        let ending = if run.timer.phase() == Phase::Finished {
            Ending::Completed
        } else {
            Ending::Stopped
        };
        let stage = if ending == Ending::Stopped && session.steps_done == 0 && session.seconds == 0
        {
            Stage::Nothing
        } else {
            Stage::AskPain { one: false }
        };
        self.mode = Mode::Finish(Finish {
            name: run.timer.routine().name.clone(),
            session,
            ending,
            stage,
        });
    }

    pub(super) fn answer(&mut self, action: RoutineAction, ctx: &mut Ctx) {
        let Mode::Finish(f) = &mut self.mode else {
            return;
        };
        let pain = match (&f.stage, action) {
            (Stage::AskPain { one: true }, RoutineAction::Pain(0)) => Score::new(10),
            (Stage::AskPain { one: true }, RoutineAction::PainEnter) => Score::new(1),
            (Stage::AskPain { .. }, RoutineAction::Pain(1)) => {
                f.stage = Stage::AskPain { one: true };
                return;
            }
            (Stage::AskPain { .. }, RoutineAction::Pain(n)) => Score::new(n),
            (Stage::AskPain { .. }, RoutineAction::PainClear) => {
                f.stage = Stage::AskPain { one: false };
                return;
            }
            (Stage::AskPain { .. }, RoutineAction::SkipPain) => None,
            (Stage::Failed(_), RoutineAction::Retry) => f.session.pain_after,
            _ => return,
        };
        f.session.pain_after = pain;
        let mut day = ctx.day_or_new(ctx.today());
        day.routines.push(f.session.clone());
        let what = format!("routine {} on {}", f.name, day.date.format("%a %-d %b"));
        f.stage = match ctx.commit(day, what) {
            Ok(()) => Stage::Saved,
            Err(e) => Stage::Failed(e),
        };
    }
}

pub(super) fn render(f: &Finish, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let theme = ctx.theme;
    let s = &f.session;
    let (title, summary) = if f.ending == Ending::Completed {
        (
            format!(" {}: done ", f.name),
            format!(
                "Well done: {}{}, {} of exercise.",
                if s.steps_total == 1 { "" } else { "all " },
                steps_label(s.steps_total as usize),
                clock(u64::from(s.seconds))
            ),
        )
    } else if matches!(f.stage, Stage::Nothing) {
        (
            format!(" {}: stopped ", f.name),
            "Stopped before the first exercise began.".to_owned(),
        )
    } else {
        (
            format!(" {}: stopped ", f.name),
            format!(
                "Stopped after {} of {} steps, {} of exercise (kept as a partial session).",
                s.steps_done,
                s.steps_total,
                clock(u64::from(s.seconds))
            ),
        )
    };
    let mut lines = vec![Line::from(summary), Line::default()];
    stage_lines(f, ctx, &mut lines);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(Block::bordered().title(title).border_style(theme.border))
        .render(area, buf);
}

/// The question, or what became of the save.
fn stage_lines(f: &Finish, ctx: &Ctx, lines: &mut Vec<Line<'static>>) {
    let theme = ctx.theme;
    let s = &f.session;
    let key = |k: &str| Span::styled(k.to_owned(), theme.key);
    match &f.stage {
        Stage::AskPain { one } => {
            lines.push(Line::from(Span::styled(
                "Pain now? 0-10",
                theme.title.add_modifier(Modifier::BOLD),
            )));
            lines.push(Line::default());
            if *one {
                lines.push(Line::from(vec![
                    Span::styled(" 1_ ", theme.editing),
                    Span::raw("  "),
                    key("0"),
                    Span::raw(" makes 10, "),
                    key("Enter"),
                    Span::raw(" keeps 1, "),
                    key("Backspace"),
                    Span::raw(" clears"),
                ]));
            } else {
                lines.push(Line::from(vec![
                    Span::raw("Press a digit "),
                    key("0"),
                    Span::raw("-"),
                    key("9"),
                    Span::raw("; for 10 press "),
                    key("1"),
                    Span::raw(" then "),
                    key("0"),
                    Span::raw(", or "),
                    key("+"),
                    Span::raw(". "),
                    key("s"),
                    Span::raw(" saves without a score."),
                ]));
            }
        }
        Stage::Saved => {
            let pain = s
                .pain_after
                .map_or_else(|| "no pain score".to_owned(), |p| format!("pain after {p}"));
            lines.push(Line::from(Span::styled(
                format!(
                    "Saved in {} (started {}, {pain}).",
                    ctx.today().format("%a %-d %b %Y"),
                    s.started.format("%H:%M")
                ),
                theme.ok,
            )));
            lines.push(Line::default());
            lines.push(Line::from(vec![
                key("Enter"),
                Span::raw(" back to the routines"),
            ]));
        }
        Stage::Failed(e) => {
            lines.push(Line::from(Span::styled(
                "NOT SAVED",
                theme.error.add_modifier(Modifier::BOLD),
            )));
            lines.push(Line::from(e.clone()));
            lines.push(Line::default());
            lines.push(Line::from(vec![
                key("r"),
                Span::raw(" try again   "),
                key("Esc"),
                Span::raw(" drop this session"),
            ]));
        }
        Stage::Nothing => {
            lines.push(Line::from("Nothing to record."));
            lines.push(Line::default());
            lines.push(Line::from(vec![
                key("Enter"),
                Span::raw(" back to the routines"),
            ]));
        }
    }
}
