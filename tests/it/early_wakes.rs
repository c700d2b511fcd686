//! The threads that read the keys and the signals start once the first frame is drawn: what
//! comes before must wait for them, not be lost.

use crate::support::pty::Tui;

#[test]
fn a_key_pressed_while_the_app_starts_is_read_after_the_first_frame() {
    for _ in 0..3 {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("days")).unwrap();
        let mut tui = Tui::start(dir.path(), &["--today", "2026-11-22"]);
        // Sent at once, most likely before the app has drawn anything.
        tui.send("q");
        assert!(tui.wait_exit(), "q pressed during the start should quit");
        assert!(tui.restored_terminal());
    }
}

#[test]
fn a_signal_right_after_the_first_frame_ends_the_app_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("days")).unwrap();
    let mut tui = Tui::start(dir.path(), &["--today", "2026-11-22"]);
    tui.wait_for("1 Log");
    tui.signal("TERM");
    assert!(tui.wait_exit(), "SIGTERM should end the app normally");
    assert!(tui.restored_terminal());
}
