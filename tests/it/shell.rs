//! The app shell: tabs, help, quitting, the too-small notice, read-only and red-flag banners.

use chrono::NaiveDate;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Color;
use stridelog::journal::entry::{DayEntry, RedFlag, Triage};
use stridelog::journal::memory::MemoryStore;
use stridelog::tui::Tab;
use stridelog::tui::app::Overlay;
use stridelog::tui::testing::{app, draw, key, screen};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

#[test]
fn tabs_switch_with_digits_and_tab_keys() {
    let mut app = app(Box::new(MemoryStore::new()), today());
    assert_eq!(app.tab, Tab::Log);
    app.press(key(KeyCode::Tab));
    assert_eq!(app.tab, Tab::Triage);
    app.press(key(KeyCode::Char('4')));
    assert_eq!(app.tab, Tab::Trends);
    app.press(key(KeyCode::Tab));
    assert_eq!(app.tab, Tab::Insights);
    app.press(key(KeyCode::Tab));
    assert_eq!(app.tab, Tab::Log);
    app.press(key(KeyCode::BackTab));
    assert_eq!(app.tab, Tab::Insights);
    app.press(key(KeyCode::Char('2')));
    assert_eq!(app.tab, Tab::Triage);
    app.press(key(KeyCode::Char('5')));
    assert_eq!(app.tab, Tab::Insights);
    app.press(key(KeyCode::Char('1')));
    assert_eq!(app.tab, Tab::Log);
    // On the Log tab's pain field (the first screen) a digit opens a tab too.
    app.press(key(KeyCode::Char('3')));
    assert_eq!(app.tab, Tab::Routine);
}

#[test]
fn help_opens_and_closes_and_q_quits() {
    let mut app = app(Box::new(MemoryStore::new()), today());
    app.update(stridelog::tui::action::Action::Resize(120, 40));
    app.press(key(KeyCode::Char('?')));
    assert!(matches!(app.overlay, Overlay::Help(_)));
    app.press(key(KeyCode::Home));
    assert_eq!(app.overlay, Overlay::Help(0));
    let top = screen(&app, 120, 40);
    for _ in 0..200 {
        app.press(key(KeyCode::Down));
    }
    let Overlay::Help(scrolled) = app.overlay else {
        panic!("help closed")
    };
    assert!(
        scrolled > 0 && scrolled < 200,
        "scrolling stops at the end: {scrolled}"
    );
    let bottom = screen(&app, 120, 40);
    assert_ne!(top, bottom);
    assert!(top.to_lowercase().contains("not medical advice"), "{top}");
    assert!(bottom.contains("Bogduk"), "{bottom}");
    app.press(key(KeyCode::Esc));
    assert_eq!(app.overlay, Overlay::None);
    assert!(app.running);
    app.press(key(KeyCode::Char('q')));
    assert!(!app.running);
}

#[test]
fn help_lists_every_source_in_full_and_never_a_seed_article() {
    let mut app = app(Box::new(MemoryStore::new()), today());
    app.update(stridelog::tui::action::Action::Resize(120, 40));
    app.press(key(KeyCode::Char('?')));
    app.press(key(KeyCode::Home));
    let mut seen = String::new();
    for _ in 0..150 {
        seen.push_str(&screen(&app, 120, 40));
        app.press(key(KeyCode::Down));
    }
    assert!(!seen.to_lowercase().contains("seed 0"), "{seen}");
    for source in &stridelog::sources::SOURCES {
        assert!(seen.contains(source.short), "{} missing", source.short);
    }
    assert!(seen.contains("BMJ 2021;372:n32"), "full citations");
    // The sources page, scrolled to its end.
    insta::assert_snapshot!("help_sources_120x40", screen(&app, 120, 40));
}

#[test]
fn shell_snapshots() {
    let mut app = app(Box::new(MemoryStore::new()), today());
    // Back past the last tab (Insights, which has its own snapshots) to Trends.
    app.press(key(KeyCode::BackTab));
    app.press(key(KeyCode::BackTab));
    insta::assert_snapshot!("shell_80x24", screen(&app, 80, 24));
    insta::assert_snapshot!("shell_120x40", screen(&app, 120, 40));
    app.press(key(KeyCode::Char('?')));
    insta::assert_snapshot!("help_120x40", screen(&app, 120, 40));
}

#[test]
fn too_small_terminal_gets_a_notice_not_a_broken_layout() {
    let app = app(Box::new(MemoryStore::new()), today());
    let small = screen(&app, 40, 10);
    insta::assert_snapshot!("too_small_40x10", small);
    // Even absurd sizes draw without panicking.
    for (w, h) in [(1, 1), (0, 0), (59, 30), (200, 17)] {
        let _ = draw(&app, w, h);
    }
}

#[test]
fn read_only_store_shows_a_banner() {
    let mut store = MemoryStore::new();
    store.read_only = Some("another stridelog has this journal open".into());
    let app = app(Box::new(store), today());
    let text = screen(&app, 100, 30);
    assert!(
        text.contains("READ-ONLY: another stridelog has this journal open"),
        "{text}"
    );
}

#[test]
fn a_recent_red_flag_shows_a_red_banner_on_every_tab() {
    let mut day = DayEntry::new(today().pred_opt().unwrap());
    day.triage = Some(Triage {
        red_flags: vec![RedFlag::BladderOrBowel],
        ..Triage::default()
    });
    let mut app = app(Box::new(MemoryStore::with_days([day])), today());
    for tab in Tab::ALL {
        while app.tab != tab {
            app.press(key(KeyCode::Tab));
        }
        let buf = draw(&app, 100, 30);
        let row = (0..30).find(|y| {
            (0..100)
                .map(|x| buf[(x, *y)].symbol())
                .collect::<String>()
                .contains("RED FLAG")
        });
        let row = row.unwrap_or_else(|| panic!("no banner on tab {tab:?}"));
        assert_eq!(buf[(3, row)].bg, Color::Red, "banner is red on tab {tab:?}");
    }
}

#[test]
fn a_doctor_tier_flag_shows_a_yellow_banner_on_every_tab() {
    let mut day = DayEntry::new(today() - chrono::Days::new(30));
    day.triage = Some(Triage {
        red_flags: vec![RedFlag::NightPain],
        ..Triage::default()
    });
    let mut app = app(Box::new(MemoryStore::with_days([day])), today());
    for tab in Tab::ALL {
        while app.tab != tab {
            app.press(key(KeyCode::Tab));
        }
        let buf = draw(&app, 100, 30);
        let text = screen(&app, 100, 30);
        assert!(!text.contains("EMERGENCY"), "{text}");
        let row = (0..30)
            .find(|y| {
                (0..100)
                    .map(|x| buf[(x, *y)].symbol())
                    .collect::<String>()
                    .contains("SEE A DOCTOR")
            })
            .unwrap_or_else(|| panic!("no doctor banner on tab {tab:?}"));
        assert_eq!(buf[(3, row)].bg, Color::Yellow, "tab {tab:?}");
        assert!(text.contains("Book a doctor"), "{text}");
    }
}

#[test]
fn an_old_red_flag_still_shows_and_only_a_newer_clean_triage_clears_it() {
    let mut old = DayEntry::new(today() - chrono::Days::new(200));
    old.triage = Some(Triage {
        red_flags: vec![RedFlag::FootDrop],
        ..Triage::default()
    });
    let app_old = app(Box::new(MemoryStore::with_days([old.clone()])), today());
    let text = screen(&app_old, 100, 30);
    assert!(text.contains("EMERGENCY RED FLAG"), "{text}");
    assert!(text.contains("until a newer triage"), "{text}");

    let mut flagged = DayEntry::new(today() - chrono::Days::new(3));
    flagged.triage = old.triage.clone();
    let mut clean = DayEntry::new(today() - chrono::Days::new(1));
    clean.triage = Some(Triage::default());
    let app_clean = app(Box::new(MemoryStore::with_days([flagged, clean])), today());
    assert!(!screen(&app_clean, 100, 30).contains("RED FLAG"));
}

#[test]
fn no_color_keeps_reverse_video_for_the_selected_tab() {
    use ratatui::style::Modifier;
    use stridelog::tui::theme::MONO;
    assert_eq!(MONO.tab_selected.fg, None);
    assert!(MONO.tab_selected.add_modifier.contains(Modifier::REVERSED));
    assert!(MONO.urgent.add_modifier.contains(Modifier::REVERSED));
}

#[test]
fn a_day_changed_on_disk_asks_before_anything_is_overwritten() {
    let mut theirs = DayEntry::new(today());
    theirs.notes = "theirs".into();
    for (key_char, keep) in [('k', true), ('r', false)] {
        let mut store = MemoryStore::with_days([DayEntry::new(today())]);
        store.change_on_disk(&theirs);
        let mut app = app(Box::new(store), today());
        let mut ours = DayEntry::new(today());
        ours.notes = "ours".into();
        assert!(app.ctx.commit(ours, "notes").is_err());
        let text = screen(&app, 100, 30);
        assert!(
            text.contains("Changed on disk") && text.contains("NOT saved"),
            "{text}"
        );
        // Other keys do nothing while the question is open.
        app.press(key(KeyCode::Char('4')));
        assert_eq!(app.tab, Tab::Log);
        app.press(key(KeyCode::Char(key_char)));
        assert!(app.ctx.session.conflict().is_none());
        assert_eq!(app.ctx.journal().day(today()).unwrap().notes, "theirs");
        // Said once, on the Log tab (not left as a notice on every tab).
        assert!(app.ctx.notice.is_none());
        let notice = app.log.message().map(|(_, m)| m.to_owned()).unwrap();
        assert_eq!(
            notice.contains("conflict-20261122-120000.ron"),
            keep,
            "{notice}"
        );
        // Now the day can be saved again.
        let mut next = app.ctx.journal().day(today()).unwrap().clone();
        next.notes.push_str(" + more");
        assert!(app.ctx.commit(next, "notes").is_ok());
    }
}

#[test]
fn settings_popup_changes_units_and_saves_on_close() {
    use stridelog::journal::settings::{Settings, Units};
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(Box::new(MemoryStore::new()), today());
    app.ctx.config_dir = Some(dir.path().to_path_buf());
    app.press(key(KeyCode::Char(',')));
    assert_eq!(app.overlay, Overlay::Settings(0));
    insta::assert_snapshot!("settings_80x24", screen(&app, 80, 24));
    app.press(key(KeyCode::Enter));
    assert_eq!(app.ctx.settings.units, Units::Miles);
    app.press(key(KeyCode::Down));
    app.press(key(KeyCode::Down));
    app.press(key(KeyCode::Down));
    app.press(key(KeyCode::Right));
    assert_eq!(app.ctx.settings.rest_seconds, 15);
    assert!(!Settings::path(dir.path()).exists(), "saved only on close");
    app.press(key(KeyCode::Esc));
    assert_eq!(app.overlay, Overlay::None);
    let (saved, warning) = Settings::load(dir.path());
    assert_eq!(warning, None);
    assert_eq!(saved.units, Units::Miles);
    assert_eq!(saved.rest_seconds, 15);
}

#[test]
fn a_broken_settings_file_is_never_overwritten_from_the_popup() {
    let dir = tempfile::tempdir().unwrap();
    let path = stridelog::journal::settings::Settings::path(dir.path());
    std::fs::write(&path, "(units: Parsecs)").unwrap();
    let mut app = app(Box::new(MemoryStore::new()), today());
    app.ctx.config_dir = Some(dir.path().to_path_buf());
    app.ctx.settings_locked = Some("settings.ron could not be read".into());
    app.press(key(KeyCode::Char(',')));
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Esc));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "(units: Parsecs)");
}

#[test]
fn switching_to_miles_in_settings_changes_the_log_tab_at_once() {
    let mut day = DayEntry::new(today());
    day.runs.push(stridelog::journal::entry::Run {
        distance_km: 16.093_44,
        ..Default::default()
    });
    let mut app = app(Box::new(MemoryStore::with_days([day])), today());
    let before = screen(&app, 120, 40);
    assert!(
        before.contains("16.09 km") && before.contains("16.1k"),
        "{before}"
    );
    app.press(key(KeyCode::Char(',')));
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Esc));
    let text = screen(&app, 120, 40);
    assert!(
        text.contains("10 mi") && text.contains("10.0m") && !text.contains("16.09 km"),
        "{text}"
    );
}

#[test]
fn banner_snapshots_for_each_tier_on_every_tab() {
    let tiers: [(&str, Vec<RedFlag>); 3] = [
        ("emergency", vec![RedFlag::FootDrop]),
        ("doctor", vec![RedFlag::CancerHistory]),
        ("both", vec![RedFlag::SaddleNumbness, RedFlag::NightPain]),
    ];
    for (tier, flags) in tiers {
        let mut day = DayEntry::new(today() - chrono::Days::new(40));
        day.triage = Some(Triage {
            red_flags: flags,
            ..Triage::default()
        });
        let mut app = app(Box::new(MemoryStore::with_days([day])), today());
        for tab in Tab::ALL {
            while app.tab != tab {
                app.press(key(KeyCode::Tab));
            }
            insta::assert_snapshot!(
                format!("banner_{tier}_{tab:?}_80x24").to_lowercase(),
                screen(&app, 80, 24)
            );
        }
    }
}

#[test]
fn keys_never_reach_a_form_hidden_behind_the_too_small_notice() {
    let store = stridelog::journal::memory::SharedStore::with(MemoryStore::new());
    let mut app = app(Box::new(store.clone()), today());
    app.update(stridelog::tui::action::Action::Resize(40, 10));
    assert!(screen(&app, 40, 10).contains("too small"));
    for code in [
        KeyCode::Enter,
        KeyCode::Char('5'),
        KeyCode::Enter,
        KeyCode::Char('a'),
        KeyCode::Char('2'),
        KeyCode::Char('y'),
    ] {
        app.press(key(code));
    }
    assert_eq!(app.tab, Tab::Log, "no tab switch either");
    assert!(!app.log.captures_input(), "no editor opened");
    assert_eq!(store.saves(), 0, "nothing saved");
    // Big enough again: the app answers as usual.
    app.update(stridelog::tui::action::Action::Resize(100, 30));
    app.press(key(KeyCode::Char('2')));
    assert_eq!(app.tab, Tab::Triage);
    // And q still quits from behind the notice.
    app.update(stridelog::tui::action::Action::Resize(40, 10));
    app.press(key(KeyCode::Char('q')));
    assert!(!app.running);
}

#[test]
fn the_shoe_limit_is_set_in_the_runners_unit() {
    use stridelog::journal::settings::Units;
    let mut app = app(Box::new(MemoryStore::new()), today());
    app.ctx.settings.units = Units::Miles;
    app.ctx.settings.shoe_limit_km = 700.0;
    app.press(key(KeyCode::Char(',')));
    for _ in 0..5 {
        app.press(key(KeyCode::Down));
    }
    let shown = screen(&app, 100, 30);
    assert!(shown.contains("435 mi"), "{shown}");
    app.press(key(KeyCode::Right));
    assert!(screen(&app, 100, 30).contains("485 mi"));
    assert!((app.ctx.settings.shoe_limit_km - 485.0 * 1.609_344).abs() < 1e-6);
}

#[test]
fn one_key_list_drives_the_keys_the_hints_and_the_help() {
    let keys =
        stridelog::tui::keys_file::parse(r#"{"log.undo": ["U"], "log.add-run": ["+"]}"#).unwrap();
    let mut app = app(Box::new(MemoryStore::new()), today());
    app.ctx.keys = keys;
    // The hint line names the new keys.
    let shown = screen(&app, 100, 30);
    assert!(shown.contains("+ add run"), "{shown}");
    assert!(!shown.contains("a add run"), "{shown}");
    // The old key does nothing; the new one adds a run.
    app.press(key(KeyCode::Char('a')));
    assert!(!app.log.captures_input());
    app.press(key(KeyCode::Char('+')));
    assert!(app.log.captures_input(), "+ opened the new run's distance");
    app.press(key(KeyCode::Esc));
    // The help lists them too, and opens at this tab's keys.
    app.press(key(KeyCode::Char('?')));
    let help = screen(&app, 100, 30);
    assert!(help.contains("undo the last change"), "{help}");
    let undo_row = help
        .lines()
        .find(|l| l.contains("undo the last change"))
        .unwrap();
    assert!(undo_row.contains(" U "), "{undo_row}");
}

/// The Log tab's own sentences name the keys as remapped, not the usual ones.
#[test]
fn the_log_tabs_words_name_remapped_keys() {
    let keys = stridelog::tui::keys_file::parse(
        r#"{"log.add-run": ["+"], "log.delete-run": ["x"], "log.edit": ["e"]}"#,
    )
    .unwrap();
    let mut day = DayEntry::new(today());
    day.runs.push(stridelog::journal::entry::Run {
        distance_km: 5.0,
        ..Default::default()
    });
    let mut app = app(Box::new(MemoryStore::with_days([day])), today());
    app.ctx.keys = keys;
    let shown = screen(&app, 100, 30);
    assert!(shown.contains("+ Add a run (+)"), "{shown}");
    let mut on_run = String::new();
    for _ in 0..40 {
        app.press(key(KeyCode::Down));
        on_run = screen(&app, 100, 30);
        if on_run.contains("A run of this day") {
            break;
        }
    }
    assert!(
        on_run.contains("A run of this day: e opens it to see or change every detail, x deletes"),
        "{on_run}"
    );
    app.press(key(KeyCode::Delete));
    let told = screen(&app, 100, 30);
    assert!(told.contains("x deletes a run (it asks first)."), "{told}");
    app.press(key(KeyCode::Char('e')));
    let run = screen(&app, 100, 30);
    assert!(
        run.contains("x deletes this run (asks first) · Esc back to the day"),
        "{run}"
    );
}

#[test]
fn the_help_opens_at_the_current_tabs_keys_and_never_scrolls_into_blank_space() {
    let mut app = app(Box::new(MemoryStore::new()), today());
    app.update(stridelog::tui::action::Action::Resize(100, 30));
    app.press(key(KeyCode::Char('4')));
    app.press(key(KeyCode::Char('?')));
    let opened = screen(&app, 100, 30);
    assert!(
        opened.contains("the week before"),
        "Trends keys first:\n{opened}"
    );
    app.press(key(KeyCode::End));
    let end = screen(&app, 100, 30);
    let Overlay::Help(bottom) = app.overlay else {
        panic!("help closed")
    };
    assert!(end.contains("BMJ 2021"), "{end}");
    // The last source is on the last line inside the border, not followed by blank lines.
    let rows: Vec<&str> = end.lines().collect();
    let last_inside = rows
        .iter()
        .rposition(|l| l.contains('│') && l.trim_matches(|c| c == '│' || c == ' ').len() > 2);
    let border = rows.iter().rposition(|l| l.contains('└')).unwrap();
    assert_eq!(last_inside, Some(border - 1), "{end}");
    app.press(key(KeyCode::Down));
    assert_eq!(
        app.overlay,
        Overlay::Help(bottom),
        "no scrolling past the end"
    );
    app.press(key(KeyCode::Home));
    assert_eq!(app.overlay, Overlay::Help(0));
}

#[test]
fn the_tab_bar_shows_every_tab_down_to_the_smallest_size() {
    let app = app(Box::new(MemoryStore::new()), today());
    for width in [60, 70, 80, 120] {
        let text = screen(&app, width, 24);
        let bar = text.lines().next().unwrap();
        for tab in Tab::ALL {
            assert!(bar.contains(tab.title()), "{width}: {bar}");
        }
    }
}
