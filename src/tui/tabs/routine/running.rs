//! The running view: the exercise and its side, what to do now (the phase), a big countdown,
//! a gauge for the step and one for the routine, the next step, and the cues and mistakes.

use super::picker::{bullets, clock, describe};
use super::{RoutineState, Run, StopQuestion, big_digits};
use crate::routine::{Phase, Side, StepKind, Timer};
use crate::tui::ctx::Ctx;
use crate::tui::theme::Theme;
use crate::tui::widgets::banner::wrap;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::symbols;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, LineGauge, Paragraph, Widget};
use std::time::Instant;

/// Rows of the view other than the big countdown and the cues.
const FIXED_ROWS: u16 = 5;
/// From this width the cues and the mistakes sit side by side.
const TWO_COLUMNS: u16 = 100;

/// What the big text shows and what the phase line says.
struct Now {
    phase: String,
    big: String,
    style: Style,
}

fn side_word(side: Side) -> &'static str {
    match side {
        Side::Left => "LEFT",
        Side::Right => "RIGHT",
    }
}

/// Whole seconds left, rounded up: the number reads 1 during the last second.
fn countdown(timer: &Timer, now: Option<Instant>) -> Option<u64> {
    let left = now.and_then(|now| timer.remaining(now))?;
    Some(left.as_secs() + u64::from(left.subsec_nanos() > 0))
}

fn big_number(seconds: u64) -> String {
    if seconds >= 60 {
        clock(seconds)
    } else {
        seconds.to_string()
    }
}

fn describe_now(timer: &Timer, now: Option<Instant>, theme: &Theme) -> Now {
    let kind = timer.step().kind;
    let left = countdown(timer, now).unwrap_or(0);
    let counting = |phase: String, style: Style| Now {
        phase,
        big: big_number(left),
        style,
    };
    let mut shown = match timer.phase() {
        Phase::GetReady => counting(format!("GET READY · {}", describe(kind)), theme.caution),
        Phase::SideSwitch => counting("SWITCH SIDES · right side next".to_owned(), theme.caution),
        Phase::Rest => counting(format!("REST · then {}", timer.step().exercise), theme.info),
        Phase::Active => match kind {
            StepKind::Hold { seconds, .. } => counting(format!("HOLD · {seconds} s"), theme.ok),
            StepKind::Rest { seconds } => counting(format!("REST · {seconds} s"), theme.info),
            StepKind::Reps {
                seconds_per_rep, ..
            } => {
                let reps = now.and_then(|now| timer.reps(now));
                let (done, total) = reps.map_or((0, 0), |r| (r.done, r.total));
                let current = (done + 1).min(total);
                let how = match seconds_per_rep {
                    Some(pace) => format!("one every {pace} s · {} left", clock(left)),
                    None => "press space after each rep".to_owned(),
                };
                Now {
                    phase: format!("REP {current} of {total} · {how}"),
                    big: current.to_string(),
                    style: theme.ok,
                }
            }
        },
        Phase::NotStarted => counting("STARTING".to_owned(), theme.dim),
        Phase::Finished | Phase::Stopped => counting("DONE".to_owned(), theme.dim),
    };
    if timer.is_paused() {
        shown.phase = format!("PAUSED · space to go on · {}", shown.phase);
        shown.style = theme.dim;
    }
    shown
}

pub(super) fn render(state: &RoutineState, run: &Run, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let theme = ctx.theme;
    let timer = &run.timer;
    let now = state.now;
    let on_off = |on: bool| if on { "on" } else { "off" };
    let block = Block::bordered()
        .title(format!(
            " {} · step {} of {} ",
            timer.routine().name,
            timer.step_index() + 1,
            timer.steps_total()
        ))
        .title_top(
            Line::from(format!(
                " bell {} · flash {} ",
                on_off(ctx.settings.bell),
                on_off(ctx.settings.flash)
            ))
            .right_aligned(),
        )
        .border_style(theme.border);
    let inner = block.inner(area);
    block.render(area, buf);

    let step = timer.step();
    let (how, avoid) = cue_lines(&step.cues, &step.mistakes, theme, inner.width);
    let cues_needed = if inner.width >= TWO_COLUMNS {
        how.len().max(avoid.len())
    } else {
        how.len() + avoid.len()
    } as u16;
    let spare = inner.height.saturating_sub(FIXED_ROWS);
    // The countdown comes first: big when there is room for it and a few cue lines, as big
    // as the cues leave room for (up to a blank row or two around the tallest digits).
    let big_h = if spare >= 4 + 3 {
        spare.saturating_sub(cues_needed).clamp(4, 12)
    } else {
        spare.min(1)
    };
    let [
        title_row,
        phase_row,
        big_area,
        step_row,
        routine_row,
        next_row,
        cues_area,
    ] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(big_h),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(inner);

    let side = timer.side();
    let mut title = vec![Span::styled(
        step.exercise.clone(),
        theme.title.add_modifier(Modifier::BOLD),
    )];
    if let Some(side) = side {
        title.push(Span::raw("  "));
        title.push(Span::styled(
            format!(" {} SIDE ", side_word(side)),
            theme.selected.add_modifier(Modifier::BOLD),
        ));
    }
    Line::from(title).render(title_row, buf);

    let shown = describe_now(timer, now, theme);
    Line::from(Span::styled(
        shown.phase,
        shown.style.add_modifier(Modifier::BOLD),
    ))
    .render(phase_row, buf);

    render_big(&shown.big, side, shown.style, big_area, buf);
    if state.flashing() {
        buf.set_style(big_area, Style::new().add_modifier(Modifier::REVERSED));
    }

    let step_ratio = now.map_or(0.0, |n| timer.step_progress(n));
    let routine_ratio = now.map_or(0.0, |n| timer.routine_progress(n));
    gauge("Step    ", step_ratio, theme.ok, theme).render(step_row, buf);
    gauge("Routine ", routine_ratio, theme.bar, theme).render(routine_row, buf);

    let next = match timer.next_step() {
        _ if timer.other_side_next() => Line::from(vec![
            Span::styled("Next: ", theme.dim),
            Span::raw(format!("{}, right side", timer.step().exercise)),
        ]),
        Some(next) => Line::from(vec![
            Span::styled("Next: ", theme.dim),
            Span::raw(next.exercise.clone()),
            Span::styled(format!(" · {}", describe(next.kind)), theme.dim),
        ]),
        None => Line::from(Span::styled("Last step: then you are done.", theme.dim)),
    };
    next.render(next_row, buf);

    render_cues(how, avoid, cues_area, buf);

    if run.stop_question == StopQuestion::Open {
        confirm_stop(timer, theme, inner, buf);
    }
}

/// The countdown, with the side word beside it: at the same size when both fit, else the
/// side smaller so the countdown stays as big as it can be.
fn render_big(text: &str, side: Option<Side>, style: Style, area: Rect, buf: &mut Buffer) {
    let Some(side) = side else {
        big_digits::render(text, None, style, Alignment::Center, area, buf);
        return;
    };
    let glyphs = text.chars().count();
    // Room for "RIGHT" and a gap whatever the side, so the layout does not jump at the switch.
    let same = big_digits::fit(glyphs + 6, area.width, area.height);
    let side_size = same.or_else(|| big_digits::fit(6, area.width / 3, area.height));
    let Some(side_size) = side_size else {
        big_digits::render(text, None, style, Alignment::Center, area, buf);
        return;
    };
    let [count_area, side_area] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(6 * side_size.1)]).areas(area);
    big_digits::render(text, same, style, Alignment::Center, count_area, buf);
    big_digits::render(
        side_word(side),
        Some(side_size),
        style.add_modifier(Modifier::BOLD),
        Alignment::Center,
        side_area,
        buf,
    );
}

fn gauge<'a>(label: &'a str, ratio: f64, filled: Style, theme: &Theme) -> LineGauge<'a> {
    LineGauge::default()
        .label(Line::from(vec![
            Span::styled(label, theme.dim),
            Span::raw(format!("{:>3}% ", (ratio * 100.0).round() as u32)),
        ]))
        .ratio(ratio.clamp(0.0, 1.0))
        .filled_style(filled)
        .unfilled_style(theme.border)
        .filled_symbol(symbols::line::THICK_HORIZONTAL)
        .unfilled_symbol(symbols::line::HORIZONTAL)
}

/// How to do it, and what to avoid, wrapped for one column or for half the width each.
fn cue_lines(
    cues: &[String],
    mistakes: &[String],
    theme: &Theme,
    width: u16,
) -> (Vec<Line<'static>>, Vec<Line<'static>>) {
    let column = if width >= TWO_COLUMNS {
        width / 2 - 1
    } else {
        width
    };
    // The stop rule comes first, so a short terminal never cuts it off.
    let mut how: Vec<Line<'static>> = wrap(
        crate::advice::ROUTINE_STOP_RULE,
        usize::from(column).max(10),
    )
    .into_iter()
    .map(|row| Line::from(Span::styled(row, theme.caution)))
    .collect();
    bullets(&mut how, "How", cues, theme.ok, column);
    let mut avoid = Vec::new();
    bullets(&mut avoid, "Avoid", mistakes, theme.caution, column);
    (how, avoid)
}

/// The cues beside the mistakes when wide, else one under the other.
fn render_cues(how: Vec<Line<'static>>, avoid: Vec<Line<'static>>, area: Rect, buf: &mut Buffer) {
    if area.width >= TWO_COLUMNS {
        let [left, right] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(area);
        Paragraph::new(how).render(left, buf);
        Paragraph::new(avoid).render(right, buf);
    } else {
        let mut all = how;
        all.extend(avoid);
        Paragraph::new(all).render(area, buf);
    }
}

fn confirm_stop(timer: &Timer, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let done = timer.steps_done();
    // The same test as the finish screen's: no step done and no exercise time, nothing kept.
    let nothing = done == 0 && timer.session(chrono::NaiveTime::MIN).seconds == 0;
    let said = if nothing {
        "No exercise is finished yet, so nothing would be recorded.".to_owned()
    } else {
        format!(
            "{done} of {} steps done so far: what you did is kept as a partial session.",
            timer.steps_total()
        )
    };
    let choices: &[(&str, &str)] = if nothing {
        &[("y", "stop"), ("n", "go on")]
    } else {
        &[("y", "stop and record"), ("n", "go on")]
    };
    crate::tui::widgets::confirm::Confirm {
        title: "Stop the routine?",
        lines: &[said],
        choices,
        style: theme.caution,
        theme,
    }
    .render(area, buf);
}
