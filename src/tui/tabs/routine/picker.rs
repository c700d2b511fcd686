//! The list of routines and the step list of one, with the words both views use to describe
//! a step and a length of time.

use super::{RoutineState, timer_config};
use crate::routine::{Routine, StepKind, TAPPED_REP_ESTIMATE};
use crate::tui::ctx::Ctx;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Cell, Paragraph, Row, StatefulWidget, Table, TableState, Widget, Wrap,
};

/// A length of time as `m:ss` (or `h:mm:ss` from an hour on).
pub(super) fn clock(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// How a step is done, in a few words: `hold 30 s each side`, `12 reps, 3 s each`.
pub(super) fn describe(kind: StepKind) -> String {
    let each = if kind.per_side() { " each side" } else { "" };
    match kind {
        StepKind::Hold { seconds, .. } => format!("hold {seconds} s{each}"),
        StepKind::Reps {
            count,
            seconds_per_rep: Some(pace),
            ..
        } => format!("{count} reps{each}, {pace} s each"),
        StepKind::Reps { count, .. } => format!("{count} reps{each}, tap space"),
        StepKind::Rest { seconds } => format!("rest {seconds} s"),
    }
}

/// A step's own time (both sides, no get-ready), `~` before an estimate for tapped reps.
fn step_time(kind: StepKind) -> String {
    match (kind.side_seconds(), kind) {
        (Some(s), _) => clock(u64::from(s) * u64::from(kind.sides())),
        (None, StepKind::Reps { count, .. }) => format!(
            "~{}",
            clock(TAPPED_REP_ESTIMATE.as_secs() * u64::from(count * kind.sides()))
        ),
        (None, _) => String::new(),
    }
}

/// The planned length of `routine` with the current settings, `about` when it is an estimate.
fn planned(routine: &Routine, ctx: &Ctx) -> String {
    let secs = routine.planned_seconds(&timer_config(&ctx.settings));
    if routine.has_tapped_steps() {
        format!("about {}", clock(secs))
    } else {
        clock(secs)
    }
}

pub(super) fn steps_label(n: usize) -> String {
    if n == 1 {
        "1 step".to_owned()
    } else {
        format!("{n} steps")
    }
}

const UNREADABLE: &str = "Your routines could not be read (the built-ins still work): ";

/// The picker: every routine with its step count and planned time, the selected one's
/// purpose, and a broken user file's error (the built-ins still listed).
pub(super) fn render_list(state: &RoutineState, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let theme = ctx.theme;
    let offer = state.offer();
    let error_lines = offer.user_error.as_ref().map_or(0, |e| {
        // The message wraps: up to four lines of it.
        ((UNREADABLE.len() + e.len()) as u16 / area.width.max(1) + 1).min(4)
    });
    let list_h = (offer.routines.len() as u16 + 3).min(area.height.saturating_sub(error_lines + 5));
    let [list_area, info_area, error_area] = Layout::vertical([
        Constraint::Length(list_h),
        Constraint::Min(0),
        Constraint::Length(error_lines),
    ])
    .areas(area);

    let rows = offer.routines.iter().enumerate().map(|(i, r)| {
        let from = if i < offer.builtin_count {
            Span::raw("")
        } else {
            Span::styled("yours", theme.info)
        };
        Row::new(vec![
            Cell::from(r.name.clone()),
            Cell::from(Line::from(steps_label(r.step_count())).right_aligned()),
            Cell::from(Line::from(planned(r, ctx)).right_aligned()),
            Cell::from(from),
        ])
    });
    let settings = &ctx.settings;
    let table = Table::new(
        rows,
        [
            Constraint::Fill(1),
            Constraint::Length(9),
            Constraint::Length(11),
            Constraint::Length(5),
        ],
    )
    .header(
        Row::new(vec![
            Cell::from("Routine"),
            Cell::from(Line::from("steps").right_aligned()),
            Cell::from(Line::from("time").right_aligned()),
            Cell::from(""),
        ])
        .style(theme.dim),
    )
    .row_highlight_style(theme.selected)
    .highlight_symbol("▶ ")
    .block(
        Block::bordered()
            .title(" Routines ")
            .title_top(
                Line::from(format!(
                    " get ready {} s · rest {} s · , to change ",
                    settings.get_ready_seconds, settings.rest_seconds
                ))
                .right_aligned(),
            )
            .border_style(theme.border),
    );
    let mut table_state = TableState::default().with_selected(Some(state.selected));
    StatefulWidget::render(table, list_area, buf, &mut table_state);

    if let Some(r) = offer.routines.get(state.selected) {
        render_info(r, ctx, info_area, buf);
    }
    if let Some(e) = &offer.user_error {
        Paragraph::new(vec![Line::from(vec![
            Span::styled(UNREADABLE, theme.error),
            Span::raw(e.clone()),
        ])])
        .wrap(Wrap { trim: true })
        .render(error_area, buf);
    }
}

/// The selected routine's purpose, steps (one a line when they fit) and source.
fn render_info(r: &Routine, ctx: &Ctx, info_area: Rect, buf: &mut Buffer) {
    let theme = ctx.theme;
    let mut lines = Vec::new();
    if !r.purpose.is_empty() {
        lines.push(Line::from(r.purpose.clone()));
    }
    // One line a step when everything fits; else the names run on in one paragraph.
    let width = usize::from(info_area.width.saturating_sub(2)).max(1);
    let rows = |text: &str| text.chars().count().div_ceil(width).max(1);
    let source = r.source_text();
    let needed = rows(&r.purpose) * usize::from(!r.purpose.is_empty())
        + rows(crate::advice::ROUTINE_STOP_RULE)
        + rows(&format!("Source: {source}")) * usize::from(!source.is_empty())
        + r.steps.len()
        + 1
        + usize::from(r.has_tapped_steps());
    if needed <= usize::from(info_area.height.saturating_sub(2)) {
        lines.push(Line::from(Span::styled("Steps:", theme.dim)));
        for (i, step) in r.steps.iter().enumerate() {
            lines.push(Line::from(vec![
                Span::raw(format!("{:>3}. {}", i + 1, step.exercise)),
                Span::styled(format!(" · {}", describe(step.kind)), theme.dim),
            ]));
        }
    } else {
        let names: Vec<&str> = r.steps.iter().map(|s| s.exercise.as_str()).collect();
        lines.push(Line::from(vec![
            Span::styled("Steps: ", theme.dim),
            Span::raw(names.join(", ")),
        ]));
    }
    lines.push(Line::from(Span::styled(
        crate::advice::ROUTINE_STOP_RULE,
        theme.caution,
    )));
    if !source.is_empty() {
        lines.push(Line::from(vec![
            Span::styled("Source: ", theme.dim),
            Span::raw(source),
        ]));
    }
    if r.has_tapped_steps() {
        lines.push(Line::from(Span::styled(
            format!(
                "Reps you tap are counted at about {} s each in the time.",
                TAPPED_REP_ESTIMATE.as_secs()
            ),
            theme.dim,
        )));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(
            Block::bordered()
                .title(format!(" {} ", r.name))
                .border_style(theme.border),
        )
        .render(info_area, buf);
}

/// The steps of the selected routine, and the cues and mistakes of the selected step.
pub(super) fn render_detail(
    state: &RoutineState,
    ctx: &Ctx,
    selected_step: usize,
    area: Rect,
    buf: &mut Buffer,
) {
    let theme = ctx.theme;
    let Some(routine) = state.routines().get(state.selected) else {
        return;
    };
    let wanted = routine.steps.len() as u16 + 3;
    let table_h = wanted.min(area.height / 2);
    let [table_area, how_area] =
        Layout::vertical([Constraint::Length(table_h), Constraint::Min(0)]).areas(area);

    let rows = routine.steps.iter().enumerate().map(|(i, step)| {
        Row::new(vec![
            Cell::from(Line::from(format!("{}", i + 1)).right_aligned()),
            Cell::from(step.exercise.clone()),
            Cell::from(describe(step.kind)),
            Cell::from(Line::from(step_time(step.kind)).right_aligned()),
        ])
    });
    let table = Table::new(
        rows,
        [
            Constraint::Length(2),
            Constraint::Fill(1),
            Constraint::Fill(1),
            Constraint::Length(5),
        ],
    )
    .header(
        Row::new(vec![
            Cell::from(Line::from("#").right_aligned()),
            Cell::from("Exercise"),
            Cell::from("How"),
            Cell::from(Line::from("Time").right_aligned()),
        ])
        .style(theme.dim),
    )
    .row_highlight_style(theme.selected)
    .highlight_symbol("▶ ")
    .block(
        Block::bordered()
            .title(format!(
                " {} · {} · {} with get-ready and rests ",
                routine.name,
                steps_label(routine.step_count()),
                planned(routine, ctx)
            ))
            .border_style(theme.border),
    );
    let mut table_state = TableState::default().with_selected(Some(selected_step));
    StatefulWidget::render(table, table_area, buf, &mut table_state);

    let Some(step) = routine.steps.get(selected_step) else {
        return;
    };
    let width = how_area.width.saturating_sub(2);
    let mut lines = vec![Line::from(Span::styled(
        crate::advice::ROUTINE_STOP_RULE,
        theme.caution,
    ))];
    if step.kind.is_tapped() {
        lines.push(Line::from(Span::styled(
            "Press space after each rep.",
            theme.dim,
        )));
    }
    bullets(&mut lines, "How", &step.cues, theme.ok, width);
    bullets(&mut lines, "Avoid", &step.mistakes, theme.caution, width);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(
            Block::bordered()
                .title(format!(
                    " {}. {} · {} ",
                    selected_step + 1,
                    step.exercise,
                    describe(step.kind)
                ))
                .border_style(theme.border),
        )
        .render(how_area, buf);
}

/// Appends `title:` and one `• item` per item (nothing when there are none), each item wrapped
/// to `width` with its later lines indented under its first word.
pub(super) fn bullets(
    lines: &mut Vec<Line<'static>>,
    title: &str,
    items: &[String],
    style: ratatui::style::Style,
    width: u16,
) {
    if items.is_empty() {
        return;
    }
    lines.push(Line::from(Span::styled(format!("{title}:"), style)));
    for item in items {
        for (i, row) in wrap(item, usize::from(width).saturating_sub(4).max(10))
            .into_iter()
            .enumerate()
        {
            let lead = if i == 0 { "  • " } else { "    " };
            lines.push(Line::from(format!("{lead}{row}")));
        }
    }
}

pub(super) use crate::tui::widgets::wrap::wrap;
