//! The terminal app: setup, the event loop, and the screens.

pub mod action;
pub mod app;
pub mod backend;
pub mod ctx;
pub mod events;
pub mod keymap;
pub mod keys_file;
pub mod runner;
pub mod tabs;
#[cfg(any(test, feature = "test-support"))]
pub mod testing;
pub mod theme;
pub mod view;
pub mod widgets;

/// The five tabs, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Log,
    Triage,
    Routine,
    Trends,
    Insights,
}

impl Tab {
    pub const ALL: [Tab; 5] = [
        Tab::Log,
        Tab::Triage,
        Tab::Routine,
        Tab::Trends,
        Tab::Insights,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Log => "Log",
            Tab::Triage => "Triage",
            Tab::Routine => "Routine",
            Tab::Trends => "Trends",
            Tab::Insights => "Insights",
        }
    }

    fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    #[must_use]
    pub fn next(self) -> Tab {
        Tab::ALL[(self.index() + 1) % Tab::ALL.len()]
    }

    #[must_use]
    pub fn prev(self) -> Tab {
        Tab::ALL[(self.index() + Tab::ALL.len() - 1) % Tab::ALL.len()]
    }
}
