//! Where the event loop's wake-ups come from: terminal input, read on a thread of its own (so
//! that a reader stuck on a closed terminal never stops the loop: crossterm 0.29 spins on EOF
//! and EIO), and the signals that end the app (SIGINT, SIGTERM, SIGHUP, SIGQUIT), with a
//! watchdog that ends the process even when the loop cannot.

use crate::journal::recovery::{self, Recovery};
use ratatui::crossterm::event::{self, Event};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Why the loop woke up.
#[derive(Debug)]
pub enum Wake {
    Input(Event),
    /// The terminal cannot be read any more (closed, or an error).
    InputEnded(String),
    /// A signal asked the app to end.
    Stop(Stop),
}

/// The signal that asked the app to end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    Interrupt,
    Terminate,
    HangUp,
    Quit,
}

/// What would be lost if the process ended now, kept up to date by the loop so that the
/// watchdog can save it when the loop itself is stuck.
pub type Pending = Arc<Mutex<Option<Recovery>>>;

/// How long the loop has, after a stop signal, to save and leave before the watchdog ends the
/// process itself.
pub const GRACE: Duration = Duration::from_secs(2);

/// The signal handlers, installed, and the threads that will read the terminal and the
/// signals, not started yet: the app starts them once its first frame is drawn (a signal
/// that comes before waits for them; so do keys, in the terminal).
pub struct Listener {
    tx: Sender<Wake>,
    #[cfg(unix)]
    signals: signal_hook::iterator::Signals,
    data_dir: PathBuf,
    pending: Pending,
}

/// Installs the signal handlers; the returned receiver gets what the threads that
/// [`Listener::start`] starts send.
///
/// # Errors
/// When the signal handlers cannot be installed.
pub fn listen(data_dir: PathBuf, pending: Pending) -> std::io::Result<(Listener, Receiver<Wake>)> {
    let (tx, rx) = mpsc::channel();
    #[cfg(unix)]
    let signals = {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
        signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP, SIGQUIT])?
    };
    let listener = Listener {
        tx,
        #[cfg(unix)]
        signals,
        data_dir,
        pending,
    };
    Ok((listener, rx))
}

impl Listener {
    /// Starts the input reader and the signal listener.
    ///
    /// # Errors
    /// When a thread cannot be started.
    pub fn start(self) -> std::io::Result<()> {
        let tx = self.tx.clone();
        #[cfg(unix)]
        start_signals(self.signals, self.tx, self.data_dir, self.pending)?;
        #[cfg(not(unix))]
        let _ = (self.data_dir, self.pending);
        std::thread::Builder::new()
            .name("input".into())
            .spawn(move || read_input(&tx))?;
        Ok(())
    }
}

fn read_input(tx: &Sender<Wake>) {
    loop {
        let wake = match event::read() {
            Ok(event) => Wake::Input(event),
            Err(e) => Wake::InputEnded(e.to_string()),
        };
        let ended = matches!(wake, Wake::InputEnded(_));
        if tx.send(wake).is_err() || ended {
            return;
        }
    }
}

#[cfg(unix)]
fn start_signals(
    mut signals: signal_hook::iterator::Signals,
    tx: Sender<Wake>,
    data_dir: PathBuf,
    pending: Pending,
) -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT};
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                let stop = match signal {
                    SIGINT => Stop::Interrupt,
                    SIGHUP => Stop::HangUp,
                    SIGQUIT => Stop::Quit,
                    _ => Stop::Terminate,
                };
                let _ = tx.send(Wake::Stop(stop));
                // The loop normally leaves at once; if it is stuck (a write to a terminal that
                // blocks), keep what was typed and end the process anyway.
                std::thread::sleep(GRACE);
                let left = pending.lock().ok().and_then(|mut p| p.take());
                if let Some(left) = left {
                    let _ = recovery::save(&data_dir, &left);
                }
                std::process::exit(1);
            }
        })?;
    Ok(())
}

/// Which of stdin and stdout were terminals when the app started.
#[derive(Debug, Clone, Copy)]
pub struct Tty {
    stdin: bool,
    stdout: bool,
}

impl Tty {
    /// Looks at stdin and stdout now.
    pub fn now() -> Self {
        Self {
            stdin: std::io::stdin().is_terminal(),
            stdout: std::io::stdout().is_terminal(),
        }
    }

    /// True while every stream that was a terminal at the start still is one. A hung-up
    /// terminal (its window closed, the ssh connection lost) stops being one.
    pub fn still_there(self, at_start: Tty) -> bool {
        (!at_start.stdin || self.stdin) && (!at_start.stdout || self.stdout)
    }
}
