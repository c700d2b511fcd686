//! Runs the app in a real terminal: opens the journal (recent years first, older history in the
//! background), the event loop, ticks for the timer, suspend with Ctrl-Z, and a clean exit on
//! SIGINT, SIGTERM and SIGHUP or when the terminal goes away, keeping what was typed.

use super::action::Action;
use super::app::App;
use super::ctx::{Clock, Ctx, TodayMode};
use super::events::{self, Pending, Tty, Wake};
use super::tabs::routine::Effect;
use super::theme;
use crate::journal::recovery;
use crate::journal::settings::Settings;
use crate::journal::store::{self, Access, FsStore, Loaded, Scope, Store};
use chrono::{Datelike, Days, NaiveDate};
use color_eyre::eyre::{Result, WrapErr};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers};
use std::io::{self, Write};
use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, TryRecvError};
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

/// How often the loop wakes to check the terminal, the lock and background work while idle.
const IDLE_WAKE: Duration = Duration::from_millis(250);

/// How often a read-only app tries to take the lock again.
const LOCK_RETRY: Duration = Duration::from_secs(1);

/// What "today" is in the app.
#[derive(Debug, Clone, Copy)]
pub enum Today {
    /// This date for the whole session (`--today`).
    Fixed(NaiveDate),
    /// The date of this clock, moving on at midnight.
    FromClock(Clock),
}

/// Opens the journal in `data_dir` and runs the app in the terminal.
pub fn start(
    data_dir: &Path,
    config_dir: &Path,
    today: Today,
    exit_after_first_frame: bool,
) -> Result<()> {
    let (clock, mode) = match today {
        Today::Fixed(_) => (Clock::System, TodayMode::Fixed),
        Today::FromClock(clock) => (clock, TodayMode::FollowsClock),
    };
    let today = match today {
        Today::Fixed(date) => date,
        Today::FromClock(_) => Ctx::now_of(clock).date(),
    };
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
    let writable = store.access() == Access::ReadWrite;
    let mut ctx = Ctx::new(today, journal, Box::new(store), clock, theme::from_env());
    ctx.today_mode = mode;
    ctx.history_loading = history.is_some();
    let (settings, warning) = Settings::load(config_dir);
    ctx.settings = settings;
    ctx.settings_locked = warning
        .as_ref()
        .map(|_| "settings.ron could not be read; fix it by hand, then restart".to_owned());
    let (keys, keys_warning) = super::keys_file::load(config_dir);
    ctx.keys = keys;
    ctx.notice = warning.or(keys_warning).or_else(|| ctx.store.take_notice());
    ctx.config_dir = Some(config_dir.to_path_buf());
    let mut app = App::new(ctx);
    if writable {
        match recovery::take(data_dir) {
            Some(Ok(left)) => app.log.offer(&left, &app.ctx),
            Some(Err(problem)) => app.ctx.notice = Some(problem),
            None => {}
        }
    }
    let pending: Pending = Arc::default();
    let wakes = events::start(data_dir.to_path_buf(), Arc::clone(&pending))
        .wrap_err("could not listen for the keyboard and for signals")?;
    ratatui::crossterm::style::force_color_output(true);
    let tty = Tty::now();
    let mut terminal = ratatui::try_init().wrap_err("could not set up the terminal")?;
    let ending = run(
        &mut terminal,
        &mut app,
        Loop {
            exit_after_first_frame,
            history,
            wakes,
            tty,
            pending: &pending,
        },
    );
    if Tty::now().still_there(tty) {
        drop(terminal);
        ratatui::restore();
    } else {
        // Nobody is there to see it: restoring would only fail, and ratatui reports that
        // failure on a stderr that is the closed terminal too.
        std::mem::forget(terminal);
    }
    // Whatever ended the loop, what was typed is kept: saved if valid, else offered next time.
    if let Some(left) = app.rescue() {
        recovery::save(data_dir, &left).wrap_err_with(|| {
            format!(
                "could not keep what you were typing ({}: {:?})",
                left.what, left.text
            )
        })?;
    }
    if let Ending::Failed(e) = ending {
        return Err(e).wrap_err("the terminal failed");
    }
    Ok(())
}

struct Loop<'a> {
    exit_after_first_frame: bool,
    history: Option<Receiver<io::Result<Loaded>>>,
    wakes: Receiver<Wake>,
    /// Which streams were terminals at the start.
    tty: Tty,
    pending: &'a Pending,
}

/// How the loop ended.
enum Ending {
    /// Quit, a signal, or the terminal went away.
    Done,
    Failed(io::Error),
}

fn run(terminal: &mut DefaultTerminal, app: &mut App, mut state: Loop) -> Ending {
    if let Ok(size) = terminal.size() {
        app.update(Action::Resize(size.width, size.height));
    }
    let mut dirty = true;
    let mut last_lock_try = Instant::now();
    loop {
        if dirty {
            if let Err(e) = terminal.draw(|frame| frame.render_widget(&*app, frame.area())) {
                // Writing to a closed terminal fails (EIO): nobody is there to see it.
                return if Tty::now().still_there(state.tty) {
                    Ending::Failed(e)
                } else {
                    Ending::Done
                };
            }
            dirty = false;
        }
        if state.exit_after_first_frame || !app.running {
            return Ending::Done;
        }
        let wait = app.tick_interval().unwrap_or(IDLE_WAKE);
        match state.wakes.recv_timeout(wait) {
            Ok(Wake::Input(event)) => {
                dirty = true;
                if let Err(e) = handle(terminal, app, &event) {
                    return Ending::Failed(e);
                }
                if let Ok(mut pending) = state.pending.lock() {
                    *pending = app.log.pending();
                }
            }
            // The terminal is gone (EOF, EIO) or a signal asked us to end: leave; the caller
            // keeps what was typed.
            Ok(Wake::InputEnded(_) | Wake::Stop(_)) | Err(RecvTimeoutError::Disconnected) => {
                return Ending::Done;
            }
            Err(RecvTimeoutError::Timeout) => {}
        }
        if !Tty::now().still_there(state.tty) {
            return Ending::Done;
        }
        if let Some(date) = app.ctx.new_day() {
            app.update(Action::NewDay(date));
            dirty = true;
        }
        if app.tick_interval().is_some() {
            app.update(Action::Tick(Instant::now()));
            dirty = true;
        }
        if let Err(e) = perform(&app.take_effects()) {
            return Ending::Failed(e);
        }
        if let Some(rx) = &state.history {
            match rx.try_recv() {
                Ok(result) => {
                    let older = result.unwrap_or_default();
                    app.ctx.adopt_history(older);
                    state.history = None;
                    dirty = true;
                }
                Err(TryRecvError::Disconnected) => {
                    app.ctx.history_loading = false;
                    state.history = None;
                    dirty = true;
                }
                Err(TryRecvError::Empty) => {}
            }
        }
        if app.ctx.read_only_reason().is_some() && last_lock_try.elapsed() >= LOCK_RETRY {
            last_lock_try = Instant::now();
            if app.ctx.retry_write_access() {
                dirty = true;
            }
        }
    }
}

/// One terminal event: Ctrl-Z suspends, keys go to the app, a resize just redraws.
fn handle(terminal: &mut DefaultTerminal, app: &mut App, event: &Event) -> io::Result<()> {
    match event {
        Event::Key(key)
            if key.kind == KeyEventKind::Press
                && key.code == KeyCode::Char('z')
                && key.modifiers.contains(KeyModifiers::CONTROL) =>
        {
            suspend(terminal)
        }
        Event::Key(key) => {
            // The key acts at the instant it was read (a pause stops time there).
            app.update(Action::Tick(Instant::now()));
            app.press(*key);
            Ok(())
        }
        Event::Resize(w, h) => {
            app.update(Action::Resize(*w, *h));
            Ok(())
        }
        _ => Ok(()),
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
