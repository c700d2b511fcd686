//! Running the real binary from a shell, as a user would.

use std::path::Path;
use std::process::{Command, Output};

/// Runs `stridelog args` with its journal in `root/journal` and its settings in `root/config`
/// (whatever `STRIDELOG_DATA_DIR` and `STRIDELOG_CONFIG_DIR` say), on the day `today`, in the
/// time zone `tz` (`None`: the machine's).
pub fn run(root: &Path, today: &str, tz: Option<&str>, args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_stridelog"));
    command
        .arg("--data-dir")
        .arg(root.join("journal"))
        .arg("--config-dir")
        .arg(root.join("config"))
        .args(["--today", today])
        .args(args)
        .env_remove("STRIDELOG_DATA_DIR")
        .env_remove("STRIDELOG_CONFIG_DIR");
    if let Some(tz) = tz {
        command.env("TZ", tz);
    }
    command.output().unwrap()
}
