//! The terminal app: setup, the event loop, and the screens.

pub mod action;
pub mod app;
pub mod ctx;
pub mod tabs;
pub mod testing;
pub mod theme;
pub mod view;
pub mod widgets;

use app::App;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};
use std::io;
use std::time::Instant;

/// The four tabs, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Log,
    Triage,
    Routine,
    Trends,
}

impl Tab {
    pub const ALL: [Tab; 4] = [Tab::Log, Tab::Triage, Tab::Routine, Tab::Trends];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Log => "Log",
            Tab::Triage => "Triage",
            Tab::Routine => "Routine",
            Tab::Trends => "Trends",
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

/// Runs the app in the terminal until the user quits. With `exit_after_first_frame`, draws
/// once and returns (for timing the start).
pub fn run(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    exit_after_first_frame: bool,
) -> io::Result<()> {
    loop {
        terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
        if exit_after_first_frame || !app.running {
            return Ok(());
        }
        let event = match app.tick_interval() {
            Some(interval) => {
                if event::poll(interval)? {
                    Some(event::read()?)
                } else {
                    None
                }
            }
            None => Some(event::read()?),
        };
        if let Some(Event::Key(key)) = event {
            app.press(key);
        }
        if app.tick_interval().is_some() {
            app.update(action::Action::Tick(Instant::now()));
        }
        if !app.running {
            return Ok(());
        }
    }
}

/// Opens the journal in `data_dir` and runs the app in the terminal.
pub fn start(
    data_dir: &std::path::Path,
    today: chrono::NaiveDate,
    exit_after_first_frame: bool,
) -> color_eyre::Result<()> {
    use crate::journal::store::{FsStore, Scope, Store};
    use color_eyre::eyre::WrapErr;
    let mut store = FsStore::open(data_dir)
        .wrap_err_with(|| format!("could not open the journal folder {}", data_dir.display()))?;
    let journal = store
        .load(Scope::All)
        .wrap_err_with(|| format!("could not read {}", data_dir.display()))?;
    let ctx = ctx::Ctx::new(
        today,
        journal,
        Box::new(store),
        ctx::Clock::System,
        theme::from_env(),
    );
    let mut app = App::new(ctx);
    ratatui::crossterm::style::force_color_output(true);
    ratatui::run(|terminal| run(terminal, &mut app, exit_after_first_frame))?;
    Ok(())
}
