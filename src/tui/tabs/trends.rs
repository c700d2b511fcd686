//! The Trends tab: the running verdict with its reasons, and weekly charts.
//!
//! Not built yet: this file only says what the tab will hold (see the open issue).

use crate::tui::ctx::Ctx;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

/// Keys of this tab, for the help overlay.
pub const HELP: &[(&str, &str)] = &[];

/// The tab's state.
#[derive(Debug, Default)]
pub struct TrendsState;

/// What can happen on this tab.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TrendsAction {}

impl TrendsState {
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

    pub fn map_key(&self, _key: KeyEvent, _ctx: &Ctx) -> Option<TrendsAction> {
        None
    }

    pub fn update(&mut self, action: TrendsAction, _ctx: &mut Ctx) {
        match action {}
    }

    /// The keys shown at the bottom of the screen.
    pub fn hints(&self) -> &'static [(&'static str, &'static str)] {
        &[]
    }
}

/// Draws the tab.
pub struct TrendsView<'a> {
    pub state: &'a TrendsState,
    pub ctx: &'a Ctx,
}

impl Widget for TrendsView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.ctx.theme;
        Paragraph::new(vec![
            Line::from("Here you will see whether running is helping or hurting, with the reasons, and weekly pain and distance charts."),
            Line::default(),
            Line::from("This tab is not built yet.").style(theme.caution),
        ])
        .wrap(Wrap { trim: true })
        .block(Block::bordered().title(" Trends ").border_style(theme.border))
        .render(area, buf);
    }
}
