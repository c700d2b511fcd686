//! A pseudo-terminal harness for end-to-end tests: runs the real binary in a PTY, feeds it keys,
//! and reads the screen back through a VT100 parser (no system packages needed).

#![allow(dead_code)] // most of the harness serves only the unix-only tests (terminal, e2e)

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub struct Tui {
    child: Box<dyn Child + Send + Sync>,
    writer: Option<Box<dyn Write + Send>>,
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    master: Option<Box<dyn portable_pty::MasterPty + Send>>,
    /// Set to make the reader thread stop (and close its end) after its next read.
    detach: Arc<AtomicBool>,
    reader: Option<std::thread::JoinHandle<()>>,
}

impl Tui {
    /// Starts `stridelog` with `args` in a 100x30 terminal.
    pub fn start(data_dir: &Path, args: &[&str]) -> Tui {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows: 30,
                cols: 100,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_stridelog"));
        cmd.arg("--data-dir");
        cmd.arg(data_dir);
        cmd.arg("--config-dir");
        cmd.arg(data_dir.join("config"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        let child = pair.slave.spawn_command(cmd).expect("stridelog starts");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let parser = Arc::new(Mutex::new(vt100::Parser::new(30, 100, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let detach = Arc::new(AtomicBool::new(false));
        let handle = {
            let (parser, raw, detach) =
                (Arc::clone(&parser), Arc::clone(&raw), Arc::clone(&detach));
            std::thread::spawn(move || {
                let mut buf = [0u8; 8192];
                while let Ok(n) = reader.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    parser.lock().unwrap().process(&buf[..n]);
                    raw.lock().unwrap().extend_from_slice(&buf[..n]);
                    if detach.load(Ordering::SeqCst) {
                        break;
                    }
                }
            })
        };
        Tui {
            child,
            writer: Some(writer),
            parser,
            raw,
            master: Some(pair.master),
            detach,
            reader: Some(handle),
        }
    }

    /// Closes the terminal under the app, as closing its window does: every handle on the
    /// terminal's side is closed (the kernel then hangs up the app's side). `poke` is a key
    /// that makes the app redraw, so that the reader wakes up and lets go of its handle.
    pub fn hang_up(&mut self, poke: &str) {
        self.detach.store(true, Ordering::SeqCst);
        self.send(poke);
        if let Some(reader) = self.reader.take() {
            reader.join().unwrap();
        }
        self.writer = None;
        self.master = None;
    }

    /// The app's exit status once it has ended, or `None` while it runs.
    pub fn exited(&mut self) -> Option<bool> {
        self.child.try_wait().unwrap().map(|s| s.success())
    }

    /// Sends a signal (`TERM`, `INT`, `HUP`, …) to the app.
    pub fn signal(&self, name: &str) {
        let status = std::process::Command::new("kill")
            .args([&format!("-{name}"), &self.pid().to_string()])
            .status()
            .unwrap();
        assert!(status.success(), "kill -{name} failed");
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    pub fn raw(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    /// Waits until the screen shows `text`; panics with the screen after 10 s.
    pub fn wait_for(&self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("never saw {text:?}; screen:\n{}", self.screen());
    }

    pub fn send(&mut self, keys: &str) {
        let writer = self.writer.as_mut().expect("the terminal is open");
        writer.write_all(keys.as_bytes()).unwrap();
        writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(60));
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().unwrap()
    }

    /// Waits for the app to exit and returns whether it succeeded; panics after 10 s.
    pub fn wait_exit(&mut self) -> bool {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().unwrap() {
                std::thread::sleep(Duration::from_millis(100)); // let the reader drain
                return status.success();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        self.child.kill().ok();
        panic!("the app did not exit; screen:\n{}", self.screen());
    }

    /// True when the bytes written so far end the session as a well-behaved TUI does: back to
    /// the main screen with the cursor shown.
    pub fn restored_terminal(&self) -> bool {
        let raw = self.raw();
        let text = String::from_utf8_lossy(&raw);
        let left = text.rfind("\x1b[?1049l");
        let entered = text.rfind("\x1b[?1049h");
        left.is_some() && left > entered && text.contains("\x1b[?25h")
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}
