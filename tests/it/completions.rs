//! `stridelog completions` and `stridelog man`: generated from the real command line.

use std::process::Command;

fn run(args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_stridelog"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn completions_for_each_shell_name_the_subcommands() {
    for shell in ["bash", "zsh", "fish"] {
        let (ok, script) = run(&["completions", shell]);
        assert!(ok, "{shell}");
        for word in [
            "import", "export", "log", "status", "report", "dry-run", "run-pain",
        ] {
            assert!(script.contains(word), "{shell} completion lacks {word}");
        }
    }
    let (ok, _) = run(&["completions", "tcsh"]);
    assert!(!ok);
}

#[test]
fn man_page_is_roff_and_lists_the_commands() {
    let (ok, page) = run(&["man"]);
    assert!(ok);
    assert!(
        page.starts_with(".ie") || page.contains(".TH stridelog"),
        "{page}"
    );
    for word in ["import", "export", "status", "completions"] {
        assert!(page.contains(word), "man page lacks {word}");
    }
    let dir = tempfile::tempdir().unwrap();
    let (ok, _) = run(&["man", "--dir", dir.path().to_str().unwrap()]);
    assert!(ok);
    let log_page = std::fs::read_to_string(dir.path().join("stridelog-log.1")).unwrap();
    assert!(log_page.contains("run\\-pain"), "{log_page}");
}
