//! Runs the app in a real terminal: opens the journal (the recent days first, the rest of the
//! history in the background once the first frame is drawn), the event loop, ticks for the
//! timer, suspend with Ctrl-Z, and a clean exit on SIGINT, SIGTERM and SIGHUP or when the
//! terminal goes away, keeping what was typed.

use super::action::{Action, HistoryRead};
use super::app::App;
use super::backend::Quick;
use super::ctx::{Clock, Ctx, TodayMode};
use super::events::{self, Pending, Tty, Wake};
use super::tabs::routine::Effect;
use super::theme;
use crate::journal::recovery;
use crate::journal::settings::Settings;
use crate::journal::store::{self, Access, FsStore, Store};
use chrono::{Days, NaiveDate};
use color_eyre::eyre::{Result, WrapErr};
use ratatui::Terminal;
use ratatui::crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers};
use std::io::{self, BufWriter, Stdout, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, TryRecvError};
use std::time::{Duration, Instant};

/// The first day read before the first frame: the days every rule's window falls in (42,
/// today included) or, on a taller terminal, the Log tab's list of days (one a row), whichever
/// reaches further. The days are read by date, so the first screen costs the same on any date
/// and with any length of history; everything else follows in the background once it is drawn.
pub fn first_day(today: NaiveDate, rows: u16) -> NaiveDate {
    let back = (crate::rules::WINDOW_DAYS - 1).max(u64::from(rows));
    today
        .checked_sub_days(Days::new(back))
        .unwrap_or(NaiveDate::MIN)
}

/// How often the loop wakes to check the terminal, the lock and background work while idle.
const IDLE_WAKE: Duration = Duration::from_millis(250);

/// How often the loop looks for the history read in the background, until it has come.
const HISTORY_POLL: Duration = Duration::from_millis(10);

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
    // Temp files of interrupted saves are looked for after the first frame: that means
    // listing every year folder.
    let mut store = FsStore::open_untidied(data_dir)
        .wrap_err_with(|| format!("could not open the journal folder {}", data_dir.display()))?;
    let rows = ratatui::crossterm::terminal::size().map_or(0, |(_, rows)| rows);
    let from = first_day(today, rows);
    // The latest triage counts at any age: when the recent days hold none, it is looked for
    // now rather than in the background, so a red flag is on the first frame.
    let journal = crate::journal::load_first_screen(&mut store, from, today)
        .wrap_err_with(|| format!("could not read {}", data_dir.display()))?;
    let writable = store.access() == Access::ReadWrite;
    let later = (!exit_after_first_frame).then(|| Later {
        root: data_dir.to_path_buf(),
        read: (from, today),
        writer: writable,
    });
    let (keys, keys_warning) = super::keys_file::load(config_dir);
    let mut ctx = Ctx::with_keys(
        today,
        journal,
        Box::new(store),
        clock,
        theme::from_env(),
        keys,
    );
    ctx.today_mode = mode;
    if later.is_some() {
        ctx.session.set_history_loading();
    }
    let (settings, warning) = Settings::load(config_dir);
    ctx.session.set_units(settings.units);
    ctx.settings = settings;
    ctx.settings_locked = warning
        .as_ref()
        .map(|_| "settings.ron could not be read; fix it by hand, then restart".to_owned());
    ctx.notice = warning
        .or(keys_warning)
        .or_else(|| ctx.session.take_notice());
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
    // The handlers now; the threads that read the keys and the signals once the first frame
    // is drawn (nothing typed or sent meanwhile is lost: it waits for them).
    let (listener, wakes) = events::listen(data_dir.to_path_buf(), Arc::clone(&pending))
        .wrap_err("could not listen for the keyboard and for signals")?;
    ratatui::crossterm::style::force_color_output(true);
    let tty = Tty::now();
    let mut terminal = init_terminal().wrap_err("could not set up the terminal")?;
    let ending = run(
        &mut terminal,
        &mut app,
        Loop {
            exit_after_first_frame,
            later,
            history: None,
            listener: Some(listener),
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
    // The process ends next: freeing a long history piece by piece would only delay it.
    std::mem::forget(app);
    match ending {
        Ending::Done => {}
        Ending::Failed(e) => return Err(e).wrap_err("the terminal failed"),
        Ending::NotListening(e) => {
            return Err(e).wrap_err("could not listen for the keyboard and for signals");
        }
    }
    Ok(())
}

/// The terminal the app draws in: ratatui's default one, but writing through a buffer of its
/// own. The standard output's buffer is a line buffer of 1 KiB, locked and searched for a line
/// end on each of the thousands of small writes a frame makes, and emptied every kilobyte; a
/// frame goes out in one write from this one (ratatui flushes it at the end of each frame).
type Screen = Terminal<Quick<BufWriter<Stdout>>>;

/// What a frame at 80x24 usually takes, with room: one write a frame.
const SCREEN_BUFFER: usize = 16 * 1024;

/// Sets up the terminal as `ratatui::try_init` does (a panic hook that restores it, raw mode,
/// the alternate screen), with the buffered [`Screen`].
fn init_terminal() -> io::Result<Screen> {
    use ratatui::crossterm::{execute, terminal as term};
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        ratatui::restore();
        hook(info);
    }));
    term::enable_raw_mode()?;
    execute!(io::stdout(), term::EnterAlternateScreen)?;
    Terminal::new(Quick::new(BufWriter::with_capacity(
        SCREEN_BUFFER,
        io::stdout(),
    )))
}

/// What is left for after the first frame: the rest of the history (every day the first
/// screen did not read) and, for the app that holds the lock, the temp files of interrupted
/// saves and the note of the newest triage.
struct Later {
    root: PathBuf,
    /// The days read before the first frame, from and to.
    read: (NaiveDate, NaiveDate),
    /// The app holds the lock: it may remove temp files and write the note.
    writer: bool,
}

impl Later {
    /// Starts the work on a thread of its own.
    fn start(self) -> Receiver<HistoryRead> {
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let notice = if self.writer {
                store::tidy_temp_files(&self.root)
            } else {
                None
            };
            let (from, to) = self.read;
            let older =
                store::read_history(&self.root, from, to, self.writer).map_err(|e| e.to_string());
            let _ = tx.send(HistoryRead { older, notice });
        });
        rx
    }
}

struct Loop<'a> {
    exit_after_first_frame: bool,
    /// Started after the first frame is drawn.
    later: Option<Later>,
    history: Option<Receiver<HistoryRead>>,
    /// Started after the first frame is drawn.
    listener: Option<events::Listener>,
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
    /// The threads that read the keys and the signals could not be started.
    NotListening(io::Error),
}

fn run(terminal: &mut Screen, app: &mut App, mut state: Loop) -> Ending {
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
            if let Some(later) = state.later.take() {
                state.history = Some(later.start());
            }
        }
        if state.exit_after_first_frame || !app.running {
            return Ending::Done;
        }
        if let Some(listener) = state.listener.take()
            && let Err(e) = listener.start()
        {
            return Ending::NotListening(e);
        }
        let mut wait = app.tick_interval().unwrap_or(IDLE_WAKE);
        if state.history.is_some() {
            wait = wait.min(HISTORY_POLL);
        }
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
                Ok(read) => {
                    app.update(Action::HistoryRead(Box::new(read)));
                    state.history = None;
                    dirty = true;
                }
                Err(TryRecvError::Disconnected) => {
                    app.update(Action::HistoryRead(Box::new(HistoryRead {
                        older: Err("the reading stopped".into()),
                        notice: None,
                    })));
                    state.history = None;
                    dirty = true;
                }
                Err(TryRecvError::Empty) => {}
            }
        }
        if app.ctx.read_only_reason().is_some() && last_lock_try.elapsed() >= LOCK_RETRY {
            last_lock_try = Instant::now();
            let before = (app.ctx.session.access().clone(), app.ctx.session.version());
            app.update(Action::RetryWriteAccess);
            if (app.ctx.session.access().clone(), app.ctx.session.version()) != before {
                dirty = true;
            }
        }
    }
}

/// One terminal event: Ctrl-Z suspends, keys go to the app, a resize just redraws.
fn handle(terminal: &mut Screen, app: &mut App, event: &Event) -> io::Result<()> {
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
fn suspend(terminal: &mut Screen) -> io::Result<()> {
    use ratatui::crossterm::{execute, terminal as term};
    ratatui::restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    term::enable_raw_mode()?;
    execute!(io::stdout(), term::EnterAlternateScreen)?;
    terminal.clear()
}

#[cfg(not(unix))]
fn suspend(_terminal: &mut Screen) -> io::Result<()> {
    Ok(())
}
