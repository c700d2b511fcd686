//! Runs the app in a real terminal: opens the journal (recent years first, older history in the
//! background), the event loop, ticks for the timer, suspend with Ctrl-Z, and a clean exit on
//! SIGTERM and SIGHUP.

use super::action::Action;
use super::app::App;
use super::ctx::{Clock, Ctx};
use super::tabs::routine::Effect;
use super::theme;
use crate::journal::settings::Settings;
use crate::journal::store::{self, FsStore, Loaded, Scope};
use chrono::{Datelike, Days, NaiveDate};
use color_eyre::eyre::{Result, WrapErr};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use std::io::{self, Write};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::{Duration, Instant};

/// The first year read before the first frame: what the rules look back at (72 days) and the
/// Log tab's recent days, so the first screen does not grow with the history. Everything older,
/// including the rest of the Trends charts' 52 weeks, follows in the background a moment later.
pub fn first_year(today: NaiveDate) -> i32 {
    today
        .checked_sub_days(Days::new(crate::rules::LOOKBACK_DAYS + 31))
        .unwrap_or(NaiveDate::MIN)
        .year()
}

/// How often the loop wakes to check for signals and background work while idle.
const IDLE_WAKE: Duration = Duration::from_millis(250);

/// Opens the journal in `data_dir` and runs the app in the terminal.
pub fn start(
    data_dir: &Path,
    config_dir: &Path,
    today: NaiveDate,
    exit_after_first_frame: bool,
) -> Result<()> {
    let mut store = FsStore::open(data_dir)
        .wrap_err_with(|| format!("could not open the journal folder {}", data_dir.display()))?;
    let first = first_year(today);
    // The latest triage counts at any age: when the recent years hold none, the older years
    // are read now rather than in the background, so a red flag is on the first frame.
    let (journal, coverage) = crate::journal::load_for_rules(&mut store, first, today)
        .wrap_err_with(|| format!("could not read {}", data_dir.display()))?;
    let older_to_load = coverage != crate::journal::Coverage::All && !exit_after_first_frame;
    let history = older_to_load.then(|| {
        let (tx, rx) = mpsc::channel();
        let root = data_dir.to_path_buf();
        std::thread::spawn(move || {
            let _ = tx.send(store::read_days(&root, Scope::Before(first)));
        });
        rx
    });
    let mut ctx = Ctx::new(
        today,
        journal,
        Box::new(store),
        Clock::System,
        theme::from_env(),
    );
    ctx.history_loading = history.is_some();
    let (settings, warning) = Settings::load(config_dir);
    ctx.settings = settings;
    ctx.settings_locked = warning
        .as_ref()
        .map(|_| "settings.ron could not be read; fix it by hand, then restart".to_owned());
    ctx.notice = warning;
    ctx.config_dir = Some(config_dir.to_path_buf());
    let mut app = App::new(ctx);
    let stop = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop))
            .wrap_err("could not listen for SIGTERM/SIGHUP")?;
    }
    ratatui::crossterm::style::force_color_output(true);
    ratatui::run(|terminal| {
        run(
            terminal,
            &mut app,
            Loop {
                exit_after_first_frame,
                history,
                stop: &stop,
            },
        )
    })?;
    Ok(())
}

struct Loop<'a> {
    exit_after_first_frame: bool,
    history: Option<Receiver<io::Result<Loaded>>>,
    stop: &'a AtomicBool,
}

fn run(terminal: &mut DefaultTerminal, app: &mut App, mut state: Loop) -> io::Result<()> {
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    loop {
        terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
        if state.exit_after_first_frame || !app.running {
            return Ok(());
        }
        let wait = app.tick_interval().unwrap_or(IDLE_WAKE);
        if event::poll(wait)? {
            match event::read()? {
                Event::Key(key)
                    if key.kind == KeyEventKind::Press
                        && key.code == KeyCode::Char('z')
                        && key.modifiers.contains(KeyModifiers::CONTROL) =>
                {
                    suspend(terminal)?;
                }
                Event::Key(key) => {
                    // The key acts at the instant it was read (a pause stops time there).
                    app.update(Action::Tick(Instant::now()));
                    app.press(key);
                }
                Event::Resize(w, h) => app.update(Action::Resize(w, h)),
                _ => {}
            }
        }
        if app.tick_interval().is_some() {
            app.update(Action::Tick(Instant::now()));
        }
        perform(&app.take_effects())?;
        if let Some(rx) = &state.history {
            match rx.try_recv() {
                Ok(result) => {
                    let older = result.unwrap_or_default();
                    app.ctx.adopt_history(older);
                    state.history = None;
                }
                Err(TryRecvError::Disconnected) => {
                    app.ctx.history_loading = false;
                    state.history = None;
                }
                Err(TryRecvError::Empty) => {}
            }
        }
        if state.stop.load(Ordering::Relaxed) {
            // SIGTERM or SIGHUP: every committed change is already on disk; leave cleanly.
            return Ok(());
        }
        if !app.running {
            return Ok(());
        }
    }
}

/// Does what the tabs asked for outside the screen.
fn perform(effects: &[Effect]) -> io::Result<()> {
    if effects.contains(&Effect::Bell) {
        // BEL moves no cursor, so it can go straight out between two frames.
        let mut out = io::stdout();
        out.write_all(b"\x07")?;
        out.flush()?;
    }
    Ok(())
}

/// Ctrl-Z: give the terminal back, stop like any other program, and redraw everything on `fg`.
#[cfg(unix)]
fn suspend(terminal: &mut DefaultTerminal) -> io::Result<()> {
    use ratatui::crossterm::{execute, terminal as term};
    ratatui::restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    term::enable_raw_mode()?;
    execute!(io::stdout(), term::EnterAlternateScreen)?;
    terminal.clear()
}

#[cfg(not(unix))]
fn suspend(_terminal: &mut DefaultTerminal) -> io::Result<()> {
    Ok(())
}
