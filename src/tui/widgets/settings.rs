//! The settings popup (`,`): units, the routine timer's bell, flash, rest and count-in, and the
//! shoe limit. Changes apply at once and are saved to `settings.ron` when the popup closes.

use crate::journal::settings::{Settings, Units};
use crate::tui::ctx::Ctx;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Constraint;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

/// What a key does in the popup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingsAction {
    Up,
    Down,
    /// Next value (toggle, cycle, or a step up).
    Increase,
    /// Previous value (toggle, cycle, or a step down).
    Decrease,
    Close,
}

/// The rows of the popup, in order.
const FIELDS: usize = 6;

fn row(settings: &Settings, index: usize) -> (&'static str, String, &'static str) {
    let on_off = |b: bool| if b { "on" } else { "off" }.to_owned();
    match index {
        0 => (
            "Distance unit",
            settings.units.label().to_owned(),
            "for showing and typing (files keep km)",
        ),
        1 => (
            "Bell",
            on_off(settings.bell),
            "terminal bell at each step of a routine",
        ),
        2 => (
            "Flash",
            on_off(settings.flash),
            "flash the screen at each step of a routine",
        ),
        3 => (
            "Rest between steps",
            format!("{} s", settings.rest_seconds),
            "0-600 s",
        ),
        4 => (
            "Get-ready count",
            format!("{} s", settings.get_ready_seconds),
            "before each step and side, 0-60 s",
        ),
        _ => (
            "Shoe limit",
            format!(
                "{:.0} {}",
                settings.units.from_km(settings.shoe_limit_km),
                settings.units.label()
            ),
            "Trends flags shoes past this distance",
        ),
    }
}

/// Changes field `index` one step (`up` = increase).
fn step(settings: &mut Settings, index: usize, up: bool) {
    let nudge = |value: u32, by: u32, max: u32| {
        if up {
            (value + by).min(max)
        } else {
            value.saturating_sub(by)
        }
    };
    match index {
        0 => {
            settings.units = match settings.units {
                Units::Km => Units::Miles,
                Units::Miles => Units::Km,
            }
        }
        1 => settings.bell = !settings.bell,
        2 => settings.flash = !settings.flash,
        3 => settings.rest_seconds = nudge(settings.rest_seconds, 5, 600),
        4 => settings.get_ready_seconds = nudge(settings.get_ready_seconds, 1, 60),
        _ => {
            // Steps of 50 in the unit shown (50 km or 50 mi), kept in km.
            let shown = settings.units.from_km(settings.shoe_limit_km).round();
            let next = shown + if up { 50.0 } else { -50.0 };
            settings.shoe_limit_km = settings.units.to_km(next).clamp(50.0, 5000.0);
        }
    }
}

/// Applies a popup action; returns the new selected row, or `None` when the popup closes.
pub fn update(selected: usize, action: SettingsAction, ctx: &mut Ctx) -> Option<usize> {
    match action {
        SettingsAction::Up => Some(selected.saturating_sub(1)),
        SettingsAction::Down => Some((selected + 1).min(FIELDS - 1)),
        SettingsAction::Increase | SettingsAction::Decrease => {
            if ctx.settings_locked.is_none() {
                step(
                    &mut ctx.settings,
                    selected,
                    action == SettingsAction::Increase,
                );
                ctx.session.set_units(ctx.settings.units);
            }
            Some(selected)
        }
        SettingsAction::Close => {
            save(ctx);
            None
        }
    }
}

fn save(ctx: &mut Ctx) {
    if ctx.settings_locked.is_some() {
        return;
    }
    if let Some(dir) = &ctx.config_dir {
        match ctx.settings.save(dir) {
            Ok(()) => ctx.notice = None,
            Err(e) => {
                ctx.notice = Some(format!(
                    "settings not saved to {}: {e}",
                    Settings::path(dir).display()
                ));
            }
        }
    }
}

/// Draws the popup.
pub fn render(area: Rect, buf: &mut Buffer, theme: &Theme, ctx: &Ctx, selected: usize) {
    let mut lines = Vec::new();
    for index in 0..FIELDS {
        let (name, value, what) = row(&ctx.settings, index);
        let style = if index == selected {
            theme.selected
        } else {
            theme.base
        };
        lines.push(Line::from(vec![
            Span::styled(format!(" {name:<20}"), style),
            Span::styled(format!("{value:>8} "), style.patch(theme.key)),
            Span::styled(format!(" {what}"), theme.dim),
        ]));
    }
    lines.push(Line::default());
    if let Some(reason) = &ctx.settings_locked {
        lines.push(Line::from(Span::styled(
            format!("Read-only: {reason}"),
            theme.caution,
        )));
    }
    lines.push(Line::from(vec![
        Span::styled("↑↓", theme.key),
        Span::raw(" choose  "),
        Span::styled("←→/Enter", theme.key),
        Span::raw(" change  "),
        Span::styled("Esc", theme.key),
        Span::raw(" save and close"),
    ]));
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let popup = area.centered(
        Constraint::Length(78.min(area.width)),
        Constraint::Length(height.min(area.height)),
    );
    Clear.render(popup, buf);
    Paragraph::new(lines)
        .block(
            Block::bordered()
                .title(" Settings ")
                .border_style(theme.border),
        )
        .render(popup, buf);
}
