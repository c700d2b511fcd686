//! The Markdown report's "What goes with your pain" section: clear findings only, in words
//! with their numbers, and the year as a text calendar; `report --format markdown` reads the
//! years the section needs.

use crate::support::date;
use chrono::Days;
use stridelog::journal::entry::RedFlag;
use stridelog::journal::entry::{Run, Surface, Triage};
use stridelog::journal::{DayEntry, Journal, Score};
use stridelog::report::{Format, render};

/// Runs of 6 km every day from 15 May to 30 June 2026: trail on 20-24 June, road otherwise.
/// Morning pain rises 0-4 on 20-24 June, then 5, 5, 4, 4, 3, 3 to 30 June, so the trail days
/// go amber or red (a changed gait on the 22nd) and the road days 25-29 June green. A red flag
/// on 3 June.
fn journal() -> Journal {
    let mornings = [0, 1, 2, 3, 4, 5, 5, 4, 4, 3, 3];
    let mut journal = Journal::default();
    let mut d = date("2026-05-15");
    while d <= date("2026-06-30") {
        let mut day = DayEntry::new(d);
        let trail = d >= date("2026-06-20") && d <= date("2026-06-24");
        day.runs.push(Run {
            distance_km: 6.0,
            pain_during: Score::new(2),
            gait_changed: Some(d == date("2026-06-22")),
            surface: Some(if trail { Surface::Trail } else { Surface::Road }),
            shoes: Some("Ghost 15".to_owned()),
            ..Run::default()
        });
        let i = (d - date("2026-06-20")).num_days();
        if (0..11).contains(&i) {
            day.morning_pain = Score::new(mornings[i as usize]);
        }
        if d == date("2026-06-03") {
            day.triage = Some(Triage {
                red_flags: vec![RedFlag::NightPain],
                ..Triage::default()
            });
        }
        journal.days.insert(d, day);
        d = d + Days::new(1);
    }
    journal
}

/// The section, from its heading to the next `## ` heading.
fn section(markdown: &str) -> &str {
    let start = markdown
        .find("## What goes with your pain")
        .expect("the section is there");
    let end = markdown[start + 3..]
        .find("\n## ")
        .map_or(markdown.len(), |i| start + 3 + i + 1);
    &markdown[start..end]
}

#[test]
fn clear_findings_are_listed_in_words_with_their_numbers() {
    let markdown = render(&journal(), date("2026-06-30"), 2, Format::Markdown);
    let text = section(&markdown);
    // Trail 5 of 5 against road 0 of 5: p = q = 2/252 (see tests/insights_json.rs).
    assert!(
        text.contains(
            "- 5 days with a trail run: 5 followed by more pain, against 0 % of your other \
             run days (p 0.008, q 0.008)."
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "- 5 days with a road run: 0 followed by more pain, against 100 % of your other \
             run days (p 0.008, q 0.008)."
        ),
        "{text}"
    );
    assert!(
        text.contains("From 2025-07-01 to 2026-06-30: 46 run days, 10 of them with a known"),
        "{text}"
    );
    // Nothing else is listed: every run day (15 May to 29 June; today waits for its next
    // morning) had the same shoes and distance, so no other value has days without it.
    assert_eq!(text.matches("\n- ").count(), 2, "{text}");
    assert!(!text.to_lowercase().contains("cause"), "{text}");
    // The section comes before the triage history and the report still ends with the
    // disclaimer.
    assert!(markdown.find("## What goes").unwrap() < markdown.find("## Triage history").unwrap());
    assert!(
        markdown
            .trim_end()
            .ends_with(&format!("*{}*", stridelog::advice::DISCLAIMER))
    );
}

#[test]
fn the_year_is_a_text_calendar_one_row_per_month() {
    let markdown = render(&journal(), date("2026-06-30"), 2, Format::Markdown);
    let text = section(&markdown);
    // 15-31 May: runs whose next morning was not logged. June: the same to the 19th, except
    // the red flag on the 3rd; then amber, amber, red, amber, amber, five green days, and
    // today's run, still unknown.
    let may = format!("May 2026  {}{}", " ".repeat(14), "?".repeat(17));
    let june = format!("Jun 2026  ??!{}~~X~~ooooo?", "?".repeat(16));
    assert!(text.contains(&format!("\n{may}\n{june}\n```")), "{text}");
    assert!(
        text.contains("          1        10        20        30\n"),
        "{text}"
    );
    // Twelve months, from July 2025 (nothing logged: an empty row).
    assert!(text.contains("\nJul 2025\n"), "{text}");
    assert!(text.contains("`X` more pain"), "{text}");
}

#[test]
fn nothing_clear_says_so_honestly() {
    let markdown = render(&Journal::default(), date("2026-06-30"), 2, Format::Markdown);
    let text = section(&markdown);
    assert!(
        text.contains("Nothing is clear yet: at least 10 more run days"),
        "{text}"
    );
    assert_eq!(text.matches("\n- ").count(), 0, "{text}");
}

#[test]
fn report_command_reads_the_year_the_section_needs() {
    // A year after the runs, a one-week report would read only this year; the Markdown
    // section needs the last 365 days, so the command reads last year too.
    let today = "2027-06-10";
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("j");
    let days: Vec<DayEntry> = journal().days.into_values().collect();
    stridelog::journal::store::FsStore::write_batch(&root, &days).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_stridelog"))
        .args([
            "report", "--format", "markdown", "--weeks", "1", "--today", today,
        ])
        .arg("--data-dir")
        .arg(&root)
        .env_remove("STRIDELOG_DATA_DIR")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed = String::from_utf8(out.stdout).unwrap();
    let expected = render(&journal(), date(today), 1, Format::Markdown);
    assert_eq!(section(&printed), section(&expected));
    assert!(
        section(&printed).contains("run days, 10 of them"),
        "{printed}"
    );
}
