//! A command line of global options alone (opening the app) is parsed without building every
//! command's definition (`Cli::from_args`); whatever it parses must be what the whole
//! definition parses, and help, the version and every error must come from the whole one.

use clap::Parser;
use std::process::Command;
use stridelog::cli::Cli;

const ALONE: &[&[&str]] = &[
    &[],
    &["--data-dir", "/x"],
    &["--data-dir=/x", "--config-dir", "/c"],
    &["--today", "2026-01-02", "--exit-after-first-frame"],
    &["--today=2026-01-02", "--data-dir", "/x", "--config-dir=/c"],
    &["--now", "2026-01-02T23:59:30", "--data-dir", "./j"],
    &["--exit-after-first-frame", "--today", "2026-12-31"],
    &["--"],
    &["--data-dir", "with space/and-dash"],
];

const NOT_ALONE: &[&[&str]] = &[
    &["--help"],
    &["-h"],
    &["--version"],
    &["-V"],
    &["help"],
    &["check"],
    &["check", "--data-dir", "/x"],
    &["--data-dir", "/x", "report", "--weeks", "4"],
    &["--bogus"],
    &["--today"],
    &["--today", "2026-13-01"],
    &["--today", "2026-01-01", "--today", "2026-01-02"],
    &["--now", "nonsense"],
    &["--data-dir"],
    &["--data-dir", ""],
    &["--data-dir", "-x"],
    &["--data-dir", "/x", "--help"],
    &["--exit-after-first-frame", "--exit-after-first-frame"],
    &["--exit-after-first-frame=true"],
    &["--", "check"],
    &["--exit"],
    &["-d", "/x"],
];

fn argv(args: &[&str]) -> Vec<String> {
    std::iter::once("stridelog")
        .chain(args.iter().copied())
        .map(str::to_owned)
        .collect()
}

/// What a parse gave, comparable: the parsed line, or clap's error kind and message.
fn outcome(parsed: Result<Cli, clap::Error>) -> String {
    match parsed {
        Ok(cli) => format!("{cli:?}"),
        Err(e) => format!("{:?}: {}", e.kind(), e.render()),
    }
}

#[test]
fn options_alone_parse_as_the_whole_definition_parses_them() {
    for args in ALONE {
        let args = argv(args);
        let os: Vec<std::ffi::OsString> = args.iter().map(Into::into).collect();
        assert!(Cli::options_alone(&os).is_some(), "{args:?}");
        assert_eq!(
            outcome(Cli::try_from_args(&args)),
            outcome(Cli::try_parse_from(&args)),
            "{args:?}"
        );
    }
}

#[test]
fn help_the_version_commands_and_errors_come_from_the_whole_definition() {
    for args in NOT_ALONE {
        let args = argv(args);
        let os: Vec<std::ffi::OsString> = args.iter().map(Into::into).collect();
        assert!(Cli::options_alone(&os).is_none(), "{args:?}");
        assert_eq!(
            outcome(Cli::try_from_args(&args)),
            outcome(Cli::try_parse_from(&args)),
            "{args:?}"
        );
    }
}

fn run(args: &[&str], data_dir_env: Option<&str>) -> (Option<i32>, String, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_stridelog"));
    command
        .args(args)
        .env_remove("STRIDELOG_DATA_DIR")
        .env_remove("STRIDELOG_CONFIG_DIR")
        .stdin(std::process::Stdio::null());
    if let Some(dir) = data_dir_env {
        command.env("STRIDELOG_DATA_DIR", dir);
    }
    let out = command.output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_binary_prints_the_whole_definitions_help_and_errors() {
    for flag in ["--help", "-h"] {
        let help = Cli::try_parse_from(["stridelog", flag]).unwrap_err();
        let (code, stdout, _) = run(&[flag], None);
        assert_eq!(code, Some(0));
        assert_eq!(stdout, help.to_string());
        assert!(stdout.contains("Commands:") && stdout.contains("--data-dir"));
    }
    let (code, _, stderr) = run(&["--today", "2026-02-30"], None);
    assert_eq!(code, Some(2));
    let expected = Cli::try_parse_from(["stridelog", "--today", "2026-02-30"])
        .unwrap_err()
        .to_string();
    assert_eq!(stderr, expected);
}

#[test]
fn the_data_dir_comes_from_the_environment_unless_given() {
    let dir = tempfile::tempdir().unwrap();
    let from_env = dir.path().join("from-env");
    let given = dir.path().join("given");
    let env = from_env.to_str().unwrap();
    // No terminal: the app refuses to start a journal there, and says where.
    let (code, _, stderr) = run(&["--today", "2026-01-02"], Some(env));
    assert_eq!(code, Some(1));
    assert!(stderr.contains(env), "{stderr}");
    let (code, _, stderr) = run(&["--data-dir", given.to_str().unwrap()], Some(env));
    assert_eq!(code, Some(1));
    assert!(stderr.contains(given.to_str().unwrap()), "{stderr}");
    assert!(!stderr.contains(env), "{stderr}");
}
