//! The shell commands, run as a user would: `check` and `demo`.

use crate::support::text;
use std::fs;
use std::process::{Command, Output};

fn stridelog(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stridelog"))
        .args(args)
        .env_remove("STRIDELOG_DATA_DIR")
        .env_remove("STRIDELOG_CONFIG_DIR")
        .output()
        .unwrap()
}

#[test]
fn demo_then_check_on_a_good_journal() {
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("j");
    let j = journal.to_str().unwrap();
    let out = stridelog(&["demo", j, "--days", "60", "--today", "2026-11-22"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("2026-11-22"));
    let out = stridelog(&["check", "--data-dir", j]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("day files in") && stdout.contains("fine"),
        "{stdout}"
    );
    assert!(!stdout.contains("cannot be read"), "{stdout}");
}

#[test]
fn demo_is_the_same_for_the_same_seed_and_refuses_a_full_folder() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    for d in [&a, &b] {
        let out = stridelog(&[
            "demo",
            d.to_str().unwrap(),
            "--days",
            "30",
            "--seed",
            "3",
            "--today",
            "2026-06-30",
        ]);
        assert!(out.status.success());
    }
    let read =
        |root: &std::path::Path| fs::read_to_string(root.join("days/2026/2026-06-30.ron")).ok();
    assert!(read(&a).is_some());
    assert_eq!(read(&a), read(&b));
    let out = stridelog(&["demo", a.to_str().unwrap(), "--today", "2026-06-30"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("not empty"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn check_lists_each_bad_file_with_its_position_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let days = dir.path().join("days/2026");
    fs::create_dir_all(&days).unwrap();
    fs::write(
        days.join("2026-11-20.ron"),
        "(version: 1, date: \"2026-11-20\")",
    )
    .unwrap();
    fs::write(
        days.join("2026-11-21.ron"),
        "(version: 1, date: \"2026-11-21\",\n  worst_pain: Some(11),\n)",
    )
    .unwrap();
    fs::write(
        days.join("2026-11-22.ron"),
        "(version: 1, date: \"2026-11-23\")",
    )
    .unwrap();
    fs::write(days.join("2026-11-22.sync-conflict-1.ron"), "junk").unwrap();
    let out = stridelog(&["check", "--data-dir", dir.path().to_str().unwrap()]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("2026-11-21.ron:2:"), "{stdout}");
    assert!(
        stdout.contains("worst_pain") && stdout.contains("0 to 10"),
        "{stdout}"
    );
    assert!(
        stdout.contains("2026-11-22.ron: date: is 2026-11-23 but the file name says 2026-11-22"),
        "{stdout}"
    );
    assert!(
        stdout.contains("sync-conflict-1.ron: note: a sync tool's conflict copy"),
        "{stdout}"
    );
    assert!(
        stdout.contains("checked 3 day files") && stdout.contains("1 fine, 2 cannot be read"),
        "{stdout}"
    );
}

#[test]
fn a_bad_today_is_a_usage_error() {
    let out = stridelog(&["check", "--today", "2026-13-01"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("YYYY-MM-DD"));
}

/// README text with the blockquote marks removed and runs of spaces and newlines made one.
fn readme_words() -> String {
    include_str!("../../README.md")
        .lines()
        .map(|l| l.trim_start_matches('>').trim())
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn readme_uses_the_one_urgent_sentence_and_the_one_disclaimer() {
    let readme = readme_words();
    assert!(readme.contains(stridelog::advice::URGENT_ACTION));
    assert!(readme.contains(stridelog::advice::DOCTOR_ACTION));
    assert!(readme.contains(stridelog::advice::DISCLAIMER));
    assert!(!readme.to_lowercase().contains("seed 0"));
}

#[test]
fn sources_and_help_name_no_seed_article() {
    let out = stridelog(&["sources"]);
    assert!(out.status.success());
    let listed = text(&out.stdout);
    assert!(
        listed.contains("Barraclough K. \"Cauda equina syndrome\""),
        "{listed}"
    );
    assert!(!listed.to_lowercase().contains("seed"), "{listed}");
    for args in [
        &["--help"][..],
        &["report", "--help"],
        &["status", "--help"],
    ] {
        let help = text(&stridelog(args).stdout);
        assert!(!help.to_lowercase().contains("seed 0"), "{help}");
    }
}

#[test]
fn user_errors_are_one_plain_line_without_a_backtrace() {
    let dir = tempfile::tempdir().unwrap();
    let full = dir.path().join("full");
    fs::create_dir_all(&full).unwrap();
    fs::write(full.join("mine.txt"), "not a journal").unwrap();
    let missing = dir.path().join("no-such-journal");
    let cases: Vec<Vec<String>> = vec![
        vec!["demo".into(), full.display().to_string()],
        vec![
            "check".into(),
            "--data-dir".into(),
            missing.display().to_string(),
        ],
        vec![
            "report".into(),
            "--data-dir".into(),
            missing.display().to_string(),
        ],
        vec![
            "export".into(),
            "--data-dir".into(),
            missing.display().to_string(),
        ],
        vec![
            "status".into(),
            "--data-dir".into(),
            missing.display().to_string(),
        ],
    ];
    for args in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = stridelog(&args);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.starts_with("stridelog: "), "{args:?}: {err}");
        assert!(err.lines().count() <= 2, "{args:?}: {err}");
        for noise in ["Location:", "Backtrace", "RUST_BACKTRACE", "\x1b["] {
            assert!(!err.contains(noise), "{args:?}: {err}");
        }
        if args[0] != "demo" {
            assert!(err.contains("no-such-journal"), "names the folder: {err}");
        }
    }
    // A usage mistake is exit status 2.
    let out = stridelog(&["report", "--weeks", "0"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn export_into_a_closed_pipe_ends_quietly() {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("j");
    let j = journal.to_str().unwrap();
    assert!(
        stridelog(&["demo", j, "--days", "400", "--today", "2026-11-22"])
            .status
            .success()
    );
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_stridelog"))
        .args(["export", "--format", "json", "--data-dir", j])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Read one small piece, like `head -c`, then close the pipe.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{:?}", out.status);
    assert_eq!(text(&out.stderr), "", "nothing said about the closed pipe");
}

#[test]
fn the_readme_keys_section_is_the_key_list() {
    let readme = include_str!("../../README.md");
    let start = readme.find("<!-- keys:start").expect("a keys section");
    let body_start = readme[start..].find("-->").unwrap() + start + 4;
    let end = readme.find("<!-- keys:end -->").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = stridelog(&["keys", "--config-dir", dir.path().to_str().unwrap()]);
    assert!(out.status.success());
    assert_eq!(
        &readme[body_start..end],
        text(&out.stdout),
        "run `stridelog keys` and paste it into the README's keys section"
    );
}
