//! Colours and styles in one place. `NO_COLOR` keeps the modifiers (bold, reverse) and drops
//! the colours, so meaning never rests on colour alone.

use ratatui::style::{Color, Modifier, Style};

/// Every style the screens use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub base: Style,
    pub dim: Style,
    pub title: Style,
    pub tab: Style,
    pub tab_selected: Style,
    pub key: Style,
    pub status: Style,
    pub selected: Style,
    pub editing: Style,
    pub error: Style,
    pub ok: Style,
    pub info: Style,
    pub caution: Style,
    pub stop: Style,
    /// The emergency red-flag banner: white on red, bold.
    pub urgent: Style,
    /// The see-a-doctor banner: black on yellow, bold.
    pub doctor: Style,
    pub border: Style,
    pub chart_worst: Style,
    pub chart_morning: Style,
    pub chart_run: Style,
    pub bar: Style,
}

/// The colour theme.
pub const THEME: Theme = Theme {
    base: Style::new(),
    dim: Style::new().fg(Color::DarkGray),
    title: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
    tab: Style::new().fg(Color::Gray),
    tab_selected: Style::new()
        .fg(Color::Black)
        .bg(Color::Cyan)
        .add_modifier(Modifier::BOLD),
    key: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
    status: Style::new().fg(Color::Gray).bg(Color::Black),
    selected: Style::new().add_modifier(Modifier::REVERSED),
    editing: Style::new().fg(Color::Black).bg(Color::Yellow),
    error: Style::new()
        .fg(Color::LightRed)
        .add_modifier(Modifier::BOLD),
    ok: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
    info: Style::new().fg(Color::Blue),
    caution: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
    stop: Style::new()
        .fg(Color::LightRed)
        .add_modifier(Modifier::BOLD),
    urgent: Style::new()
        .fg(Color::White)
        .bg(Color::Red)
        .add_modifier(Modifier::BOLD),
    doctor: Style::new()
        .fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(Modifier::BOLD),
    border: Style::new().fg(Color::DarkGray),
    chart_worst: Style::new().fg(Color::LightRed),
    chart_morning: Style::new().fg(Color::Yellow),
    chart_run: Style::new().fg(Color::Magenta),
    bar: Style::new().fg(Color::Cyan),
};

/// The same theme without colours, for `NO_COLOR` (<https://no-color.org>).
pub const MONO: Theme = Theme {
    base: Style::new(),
    dim: Style::new(),
    title: Style::new().add_modifier(Modifier::BOLD),
    tab: Style::new(),
    tab_selected: Style::new().add_modifier(Modifier::REVERSED),
    key: Style::new().add_modifier(Modifier::BOLD),
    status: Style::new(),
    selected: Style::new().add_modifier(Modifier::REVERSED),
    editing: Style::new().add_modifier(Modifier::REVERSED.union(Modifier::UNDERLINED)),
    error: Style::new().add_modifier(Modifier::BOLD),
    ok: Style::new().add_modifier(Modifier::BOLD),
    info: Style::new(),
    caution: Style::new().add_modifier(Modifier::BOLD),
    stop: Style::new().add_modifier(Modifier::BOLD),
    urgent: Style::new().add_modifier(Modifier::REVERSED.union(Modifier::BOLD)),
    doctor: Style::new().add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
    border: Style::new(),
    chart_worst: Style::new(),
    chart_morning: Style::new(),
    chart_run: Style::new(),
    bar: Style::new(),
};

impl Theme {
    /// The style of a red-flag tier: [`Theme::urgent`] or [`Theme::doctor`].
    #[must_use]
    pub fn tier(&self, tier: crate::journal::entry::FlagTier) -> Style {
        match tier {
            crate::journal::entry::FlagTier::Emergency => self.urgent,
            crate::journal::entry::FlagTier::Doctor => self.doctor,
        }
    }
}

/// The theme for this process: [`MONO`] when `NO_COLOR` is set to anything non-empty.
pub fn from_env() -> &'static Theme {
    match std::env::var_os("NO_COLOR") {
        Some(value) if !value.is_empty() => &MONO,
        _ => &THEME,
    }
}

impl Theme {
    /// The colour of a verdict: red for urgent and stop, yellow for a doctor and caution,
    /// green for ok.
    #[must_use]
    pub fn verdict(&self, verdict: crate::rules::Verdict) -> Style {
        use crate::rules::Verdict;
        match verdict {
            Verdict::Urgent => self.urgent,
            Verdict::Doctor => self.doctor,
            Verdict::Stop => self.stop,
            Verdict::Caution => self.caution,
            Verdict::Ok => self.ok,
            Verdict::Unknown => self.dim,
        }
    }
}
