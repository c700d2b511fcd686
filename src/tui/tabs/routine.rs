//! The Routine tab: guided, timed stretch holds and reps.
//!
//! Not built yet: this file only says what the tab will hold (see the open issue).

use crate::tui::ctx::Ctx;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};
use std::time::{Duration, Instant};

/// Keys of this tab, for the help overlay.
pub const HELP: &[(&str, &str)] = &[];

/// The tab's state.
#[derive(Debug, Default)]
pub struct RoutineState;

/// What can happen on this tab.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RoutineAction {}

impl RoutineState {
    pub fn new(_ctx: &Ctx) -> Self {
        Self
    }

    /// True while typing into a field (keys go to the field, not the app).
    pub fn captures_input(&self) -> bool {
        false
    }

    /// True when the digit keys mean something on this tab right now.
    pub fn uses_digits(&self) -> bool {
        false
    }

    pub fn map_key(&self, _key: KeyEvent, _ctx: &Ctx) -> Option<RoutineAction> {
        None
    }

    pub fn update(&mut self, action: RoutineAction, _ctx: &mut Ctx) {
        match action {}
    }

    /// The keys shown at the bottom of the screen.
    pub fn hints(&self) -> &'static [(&'static str, &'static str)] {
        &[]
    }

    /// How often the timer needs a tick, or `None` when nothing runs.
    pub fn tick_interval(&self) -> Option<Duration> {
        None
    }

    /// Time passes.
    pub fn tick(&mut self, _now: Instant, _ctx: &mut Ctx) {}
}

/// Draws the tab.
pub struct RoutineView<'a> {
    pub state: &'a RoutineState,
    pub ctx: &'a Ctx,
}

impl Widget for RoutineView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.ctx.theme;
        Paragraph::new(vec![
            Line::from("Here you will pick a routine and be guided through timed holds and reps with a big countdown, sides, rests and a bell."),
            Line::default(),
            Line::from("This tab is not built yet.").style(theme.caution),
        ])
        .wrap(Wrap { trim: true })
        .block(Block::bordered().title(" Routine ").border_style(theme.border))
        .render(area, buf);
    }
}
