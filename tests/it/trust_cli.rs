//! The shell commands against hostile files and a busy journal: nothing raw reaches the
//! terminal, nothing a spreadsheet would run, `log` waits for a busy journal, and problems are
//! said in plain words. The real binary on real files.

use crate::support::{text, write};
use std::fs;
use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant, SystemTime};
use stridelog::journal::lock::Holder;
use stridelog::journal::store::{Access, FsStore, Store};

fn stridelog(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stridelog"))
        .arg("--data-dir")
        .arg(root)
        .arg("--config-dir")
        .arg(root.join("config"))
        .args(["--today", "2026-11-22"])
        .args(args)
        .env("TZ", "UTC")
        .output()
        .unwrap()
}

fn no_raw_controls(output: &str) {
    assert!(
        !output
            .chars()
            .any(|c| c.is_control() && c != '\n' || c == '\u{202e}'),
        "raw control characters reached the terminal: {output:?}"
    );
}

#[test]
fn check_escapes_file_names_and_problems() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "days/2026/evil\u{1b}[2J\u{7}.ron", "x");
    write(
        dir.path(),
        "days/2026/2026-11-20.ron",
        "(version: 1, date: \"2026-11-20\", notes: \"\u{1b}]0;pwned\u{7}\", worst_pain: Some(12))",
    );
    let out = stridelog(dir.path(), &["check"]);
    let stdout = text(&out.stdout);
    no_raw_controls(&stdout);
    assert!(stdout.contains("evil\\u{1b}[2J\\u{7}.ron"), "{stdout}");
}

#[test]
fn check_removes_our_old_temp_files_and_warns_about_open_permissions() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    write(
        &root,
        "days/2026/2026-11-20.ron",
        "(version: 1, date: \"2026-11-20\")",
    );
    let temp = root.join("days/2026/.stridelog-Ab3dE1.tmp");
    fs::write(&temp, "half a day").unwrap();
    fs::File::options()
        .write(true)
        .open(&temp)
        .unwrap()
        .set_modified(SystemTime::now() - Duration::from_secs(600))
        .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let day = root.join("days/2026/2026-11-20.ron");
        fs::set_permissions(&day, fs::Permissions::from_mode(0o644)).unwrap();
    }
    let out = stridelog(&root, &["check"]);
    let stdout = text(&out.stdout);
    assert!(!temp.exists());
    assert!(
        stdout.contains(".stridelog-Ab3dE1.tmp: note: removed"),
        "{stdout}"
    );
    #[cfg(unix)]
    assert!(
        stdout.contains("2026-11-20.ron: warning: others on this computer can read it (mode 644)"),
        "{stdout}"
    );
}

#[test]
fn days_being_a_file_is_said_plainly_with_the_right_path() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("days"), "oops").unwrap();
    for command in [&["check"][..], &["report"], &["status"], &["export"]] {
        let out = stridelog(dir.path(), command);
        let stderr = text(&out.stderr);
        assert!(!out.status.success(), "{command:?}");
        let days = dir.path().join("days");
        assert!(
            stderr.contains(&format!("{} is a file, not a folder", days.display())),
            "{command:?}: {stderr}"
        );
        for noise in ["Location:", "Backtrace", "src/", "RUST_BACKTRACE"] {
            assert!(!stderr.contains(noise), "{command:?}: {stderr}");
        }
    }
}

#[test]
fn log_echo_and_csv_export_never_pass_controls_or_formulas() {
    let dir = tempfile::tempdir().unwrap();
    let out = stridelog(
        dir.path(),
        &[
            "log",
            "--run",
            "5",
            "--shoes",
            "\u{1b}]0;title\u{7}",
            "--note",
            "=HYPERLINK(\"http://x\",\"a\")\u{1b}[2J",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    no_raw_controls(&text(&out.stdout));
    let out = stridelog(dir.path(), &["export", "--format", "csv"]);
    let csv = text(&out.stdout);
    no_raw_controls(&csv.replace('\n', " "));
    let row = csv.lines().nth(1).unwrap();
    assert!(row.contains(",\"'=HYPERLINK("), "{row}");
}

#[test]
fn import_escapes_activity_names() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance\n\
               1,\"Mar 2, 2026, 7:05:12 AM\",Morning\u{1b}[31m Run\u{1b}]0;x\u{7},Run,1980,5.21\n";
    let file = dir.path().join("activities.csv");
    fs::write(&file, csv).unwrap();
    let out = stridelog(
        dir.path(),
        &[
            "import",
            "strava",
            file.to_str().unwrap(),
            "--dry-run",
            "--units",
            "km",
        ],
    );
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Morning\\u{1b}[31m Run"), "{stdout}");
    no_raw_controls(&stdout);
}

#[test]
fn log_waits_for_another_command_to_finish() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    let busy = FsStore::open_for(&root, Holder::Command("import"), Duration::ZERO).unwrap();
    assert_eq!(busy.access(), Access::ReadWrite);
    let release = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(1500));
        drop(busy);
    });
    let start = Instant::now();
    let out = stridelog(&root, &["log", "--morning", "3"]);
    release.join().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(start.elapsed() >= Duration::from_millis(1400));
}

#[test]
fn log_names_the_app_that_holds_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let _app = FsStore::open(dir.path()).unwrap();
    let out = stridelog(dir.path(), &["log", "--morning", "3"]);
    assert!(!out.status.success());
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "another stridelog has this journal open (PID {}, since",
            std::process::id()
        )),
        "{stderr}"
    );
    assert!(stderr.contains("log there, or close it"), "{stderr}");
}

#[test]
fn log_on_a_newer_version_day_says_update_stridelog() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "days/2026/2026-11-22.ron",
        "(version: 99, date: \"2026-11-22\")",
    );
    let out = stridelog(dir.path(), &["log", "--morning", "3"]);
    let stderr = text(&out.stderr);
    assert!(stderr.contains("update stridelog"), "{stderr}");
    assert!(!stderr.contains("by hand"), "{stderr}");
}

/// Runs the binary, killing it (and failing) if it has not finished within 10 s.
#[cfg(unix)]
fn stridelog_within_10s(root: &Path, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_stridelog"))
        .arg("--data-dir")
        .arg(root)
        .arg("--config-dir")
        .arg(root.join("config"))
        .args(["--today", "2026-11-22"])
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(10) {
            child.kill().unwrap();
            panic!("`stridelog {}` hung on a FIFO", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[cfg(unix)]
#[test]
fn fifos_named_like_a_day_or_settings_never_hang_a_command() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("days/2026")).unwrap();
    fs::create_dir_all(root.join("config")).unwrap();
    for fifo in ["days/2026/2026-11-21.ron", "config/settings.ron"] {
        let ok = Command::new("mkfifo")
            .arg(root.join(fifo))
            .status()
            .unwrap();
        assert!(ok.success());
    }
    let out = stridelog_within_10s(root, &["check"]);
    assert!(
        text(&out.stdout).contains("named pipe (FIFO)"),
        "{}",
        text(&out.stdout)
    );
    for args in [
        &["status"][..],
        &["report"],
        &["export"],
        &["log", "--morning", "2"],
    ] {
        let out = stridelog_within_10s(root, args);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
    }
    let out = stridelog_within_10s(root, &["log", "--date", "2026-11-21", "--morning", "2"]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("FIFO"), "{}", text(&out.stderr));
}
