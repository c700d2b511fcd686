//! The one kind of message a tab shows about the last action: its words and how they read.

use crate::tui::theme::Theme;
use ratatui::style::Style;

/// How a message reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    /// Something was done (saved, undone).
    Done,
    Error,
    /// A red flag: the urgent style.
    Urgent,
}

impl Tone {
    /// The message's style in `theme`.
    #[must_use]
    pub fn style(self, theme: &Theme) -> Style {
        match self {
            Tone::Info => theme.info,
            Tone::Done => theme.ok,
            Tone::Error => theme.error,
            Tone::Urgent => theme.urgent,
        }
    }
}

/// A message about the last action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub tone: Tone,
    pub text: String,
}

impl Message {
    #[must_use]
    pub fn new(tone: Tone, text: impl Into<String>) -> Self {
        Self {
            tone,
            text: text.into(),
        }
    }
}
