//! The Routine tab parses the built-in routines and the runner's own file the first time it is
//! shown (the app opens on the Log tab): what it shows must be what parsing them at the start
//! showed, and the runner's file is still the one read when the app started.

use chrono::NaiveDate;
use std::path::Path;
use stridelog::journal::memory::MemoryStore;
use stridelog::journal::store::Store;
use stridelog::routine;
use stridelog::tui::Tab;
use stridelog::tui::action::Action;
use stridelog::tui::app::App;
use stridelog::tui::ctx::{Clock, Ctx};
use stridelog::tui::tabs::routine::RoutineState;
use stridelog::tui::testing::screen;
use stridelog::tui::theme::THEME;

const MINE: &str = r#"[
    (
        id: "desk-break",
        name: "Desk break",
        steps: [
            (exercise: "Piriformis stretch", kind: Hold(seconds: 30, per_side: true)),
            (exercise: "Walk around", kind: Rest(seconds: 120)),
        ],
    ),
]
"#;

const BROKEN: &str = "[(id: \"x\", name: \"X\", steps: [], colour: 3)]";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// An app started with its config dir at `config`.
fn app_with_config(config: &Path) -> App {
    let mut store = MemoryStore::new();
    let journal = store.load(stridelog::journal::store::Scope::All).unwrap();
    let noon = today().and_hms_opt(12, 0, 0).unwrap();
    let mut ctx = Ctx::new(
        today(),
        journal,
        Box::new(store),
        Clock::Fixed(noon),
        &THEME,
    );
    ctx.config_dir = Some(config.to_path_buf());
    App::new(ctx)
}

/// The same app with the routines parsed up front, as the tab did before it parsed them lazily.
fn parsed_up_front(config: &Path) -> App {
    let mut app = app_with_config(config);
    let (routines, error) = routine::load_all(&config.join(routine::USER_FILE));
    app.routine = RoutineState::with_routines(routines, routine::builtins().len(), error);
    app
}

/// The Routine tab's list and the steps of its second routine, at two sizes.
fn screens(mut app: App) -> Vec<String> {
    app.update(Action::GoTo(Tab::Routine));
    let mut shown = vec![screen(&app, 80, 24), screen(&app, 120, 40)];
    app.press(stridelog::tui::testing::key(
        ratatui::crossterm::event::KeyCode::Down,
    ));
    app.press(stridelog::tui::testing::key(
        ratatui::crossterm::event::KeyCode::Enter,
    ));
    shown.push(screen(&app, 80, 24));
    shown
}

#[test]
fn the_tab_shows_what_parsing_at_the_start_showed() {
    for file in [None, Some(MINE), Some(BROKEN), Some("")] {
        let config = tempfile::tempdir().unwrap();
        if let Some(text) = file {
            std::fs::write(config.path().join(routine::USER_FILE), text).unwrap();
        }
        let lazy = screens(app_with_config(config.path()));
        let eager = screens(parsed_up_front(config.path()));
        assert_eq!(lazy, eager, "{file:?}");
    }
}

#[test]
fn the_runners_file_is_the_one_read_when_the_app_started() {
    let config = tempfile::tempdir().unwrap();
    let path = config.path().join(routine::USER_FILE);
    std::fs::write(&path, MINE).unwrap();
    let app = app_with_config(config.path());
    // Changed after the start, before the tab is first shown: not what the tab shows.
    std::fs::write(&path, BROKEN).unwrap();
    let ids: Vec<&str> = app
        .routine
        .routines()
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(ids.last(), Some(&"desk-break"));
    assert_eq!(app.routine.routines().len(), routine::builtins().len() + 1);
}

#[test]
fn reading_and_parsing_apart_gives_what_loading_gives() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(routine::USER_FILE);
    assert_eq!(routine::read_user(&path), routine::UserFile::Missing);
    for text in [MINE, BROKEN, "", "not ron at all"] {
        std::fs::write(&path, text).unwrap();
        let file = routine::read_user(&path);
        assert_eq!(routine::offer(&file), routine::load_all(&path), "{text}");
        assert_eq!(
            routine::parse_user(&file),
            routine::load_user(&path),
            "{text}"
        );
    }
    std::fs::remove_file(&path).unwrap();
    std::fs::create_dir(&path).unwrap();
    let file = routine::read_user(&path);
    assert!(matches!(file, routine::UserFile::Unreadable(_)), "{file:?}");
    assert_eq!(routine::offer(&file), routine::load_all(&path));
}
