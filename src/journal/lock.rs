//! The data-dir lock: `<data dir>/.lock`, held with an OS file lock by the one stridelog that
//! may write, and holding who that is (PID, start time, app or command) so that a second one
//! can say who has the journal open.

use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::Path;
use std::time::{Duration, Instant};

/// What holds (or wants) the lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holder {
    /// The terminal app.
    App,
    /// A shell command that writes (`log`, `import`, the test hook).
    Command(&'static str),
}

impl Holder {
    fn word(self) -> &'static str {
        match self {
            Holder::App => "app",
            Holder::Command(name) => name,
        }
    }
}

/// What the lock file says about its holder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HolderInfo {
    pub pid: Option<u32>,
    /// Local time the holder took the lock (`YYYY-MM-DD HH:MM:SS`).
    pub started: Option<String>,
    /// `app`, `log`, `import`, …
    pub by: Option<String>,
}

impl HolderInfo {
    /// True when the holder is the terminal app (not a short shell command).
    pub fn is_app(&self) -> bool {
        self.by.as_deref() == Some("app")
    }

    fn parse(text: &str) -> Self {
        let field = |name: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(name)?.strip_prefix(':'))
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty() && !v.chars().any(char::is_control))
        };
        Self {
            pid: field("pid").and_then(|p| p.parse().ok()),
            started: field("started"),
            by: field("by"),
        }
    }
}

impl std::fmt::Display for HolderInfo {
    /// "another stridelog has this journal open (PID 1234, since 2026-11-22 14:02:11)".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.by.as_deref() {
            Some("app") | None => f.write_str("another stridelog")?,
            Some(other) => write!(f, "`stridelog {other}`")?,
        }
        f.write_str(" has this journal open")?;
        match (self.pid, &self.started) {
            (Some(pid), Some(started)) => write!(f, " (PID {pid}, since {started})"),
            (Some(pid), None) => write!(f, " (PID {pid})"),
            _ => Ok(()),
        }
    }
}

/// The outcome of trying to take the lock.
#[derive(Debug)]
pub enum Lock {
    /// Ours until the file is dropped (the OS releases it when the process ends, however it
    /// ends).
    Held(File),
    /// Someone else holds it.
    Busy(HolderInfo),
}

/// Tries once to take the lock of the data dir `root` (which must exist), and on success
/// writes who holds it.
///
/// # Errors
/// When the lock file cannot be opened or locked for another reason than "busy".
pub fn try_take(root: &Path, who: Holder) -> io::Result<Lock> {
    let path = root.join(".lock");
    let mut file = File::options()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(&path)?;
    match file.try_lock() {
        Ok(()) => {
            let now = chrono::Local::now().format("%Y-%m-%d %H:%M:%S");
            let text = format!(
                "pid: {}\nstarted: {now}\nby: {}\n",
                std::process::id(),
                who.word()
            );
            // Who holds it is only a courtesy for the message: a failure here is not one.
            // Written over the old text, then cut to length: emptying a file whose blocks are
            // on disk first costs the file system a journal transaction (milliseconds).
            let _ = file.write_all(text.as_bytes()).and_then(|()| {
                let len = text.len() as u64;
                match file.metadata()?.len() {
                    old if old == len => Ok(()),
                    _ => file.set_len(len),
                }
            });
            Ok(Lock::Held(file))
        }
        Err(fs::TryLockError::WouldBlock) => {
            let mut text = String::new();
            let _ = file.take(4096).read_to_string(&mut text);
            Ok(Lock::Busy(HolderInfo::parse(&text)))
        }
        Err(fs::TryLockError::Error(e)) => Err(e),
    }
}

/// Like [`try_take`], but waits up to `patience` for a busy lock to be released (another
/// command finishing), like a database's busy timeout.
///
/// # Errors
/// As [`try_take`].
pub fn take_waiting(root: &Path, who: Holder, patience: Duration) -> io::Result<Lock> {
    let start = Instant::now();
    loop {
        let lock = try_take(root, who)?;
        // The app keeps the journal for as long as it is open: a second is enough to cover
        // one that is just closing. A command finishes in moments: wait the whole time.
        let limit = match &lock {
            Lock::Busy(info) if info.is_app() => patience.min(Duration::from_secs(1)),
            _ => patience,
        };
        match lock {
            Lock::Busy(_) if start.elapsed() < limit => {
                std::thread::sleep(Duration::from_millis(50));
            }
            other => return Ok(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holder_info_reads_back_and_ignores_garbage() {
        let info = HolderInfo::parse("pid: 42\nstarted: 2026-11-22 07:00:00\nby: app\n");
        assert_eq!(info.pid, Some(42));
        assert!(info.is_app());
        assert_eq!(
            info.to_string(),
            "another stridelog has this journal open (PID 42, since 2026-11-22 07:00:00)"
        );
        let odd = HolderInfo::parse("pid: x\nby: \u{1b}[2J\n");
        assert_eq!(odd.pid, None);
        assert_eq!(odd.by, None);
    }
}
