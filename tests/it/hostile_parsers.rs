//! Bad input for every file the app reads: the day files, routines.ron and settings.ron.
//!
//! Arbitrary bytes, arbitrary text and mutated valid files go through the parsers (the day
//! files through the store, so bytes that are not UTF-8 are covered too). Whatever comes in,
//! nothing panics; a file that parses is valid and writes back to the same value; a file that
//! does not gives a message that says where (`line:col`) or what (`field`) is wrong, and the
//! store names the file.

use chrono::NaiveDate;
use proptest::prelude::*;
use std::fs;
use std::path::Path;
use stridelog::journal::DayEntry;
use stridelog::journal::entry::{self, ParseErrorKind, Run};
use stridelog::journal::settings::Settings;
use stridelog::journal::store::{FsStore, Scope, Store, day_path, read_days};
use stridelog::routine::{self, Routine, parse_routines, validate_list};

// ---------------------------------------------------------------- helpers

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// The design's example day (section 3), every field filled in.
fn example_text() -> &'static str {
    include_str!("../fixtures/design-example.ron")
}

/// The example day as the app writes it.
fn formatted_example() -> String {
    let day = entry::parse_day(example_text(), Some(date())).expect("the fixture is valid");
    entry::format_day(&day)
}

/// True when `head` is `line:col`.
fn is_position(head: &str) -> bool {
    let mut parts = head.split(':');
    let digits =
        |s: Option<&str>| s.is_some_and(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()));
    digits(parts.next()) && digits(parts.next()) && parts.next().is_none()
}

/// True when `head` is a field path: `worst_pain`, `runs[0].distance_km`, `[2] steps[0].kind`.
fn is_field(head: &str) -> bool {
    let head = match head.strip_prefix('[') {
        Some(rest) => match rest.split_once("] ") {
            Some((index, field)) if index.bytes().all(|b| b.is_ascii_digit()) => field,
            _ => return false,
        },
        None => head,
    };
    !head.is_empty()
        && head
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_.[]".contains(c))
}

/// True when an error message starts by saying where or what: `line:col: …`, `field: …`.
fn says_where(message: &str) -> bool {
    let Some((head, rest)) = message.split_once(": ") else {
        return false;
    };
    !rest.trim().is_empty() && (is_position(head) || is_field(head))
}

/// Checks what `parse_day` made of `text`: a valid day that writes back to itself, or an
/// error that says where or what.
fn check_day_outcome(text: &str) -> Result<Option<DayEntry>, TestCaseError> {
    match entry::parse_day(text, Some(date())) {
        Ok(day) => {
            prop_assert!(
                day.validate().is_ok(),
                "accepted an invalid day: {:?}\n{text}",
                day.validate()
            );
            prop_assert_eq!(day.date, date());
            let again = entry::format_day(&day);
            let back = entry::parse_day(&again, Some(date()))
                .map_err(|e| TestCaseError::fail(format!("does not read back: {e}\n{again}")))?;
            prop_assert_eq!(
                back.version,
                entry::FORMAT_VERSION,
                "written in the current format"
            );
            let back_as_read = DayEntry {
                version: day.version,
                ..back.clone()
            };
            prop_assert_eq!(&back_as_read, &day, "write then read changed the day");
            prop_assert_eq!(entry::format_day(&back), again, "formatting is not stable");
            Ok(Some(day))
        }
        Err(e) => {
            prop_assert!(!e.message.trim().is_empty(), "empty message for\n{text}");
            match e.kind {
                ParseErrorKind::Empty => prop_assert!(text.trim().is_empty()),
                ParseErrorKind::NewerVersion(v) => {
                    prop_assert!(v > entry::FORMAT_VERSION);
                    prop_assert!(e.message.starts_with("version: "), "{}", e.message);
                }
                ParseErrorKind::DateMismatch => {
                    prop_assert!(e.message.starts_with("date: "), "{}", e.message);
                }
                ParseErrorKind::Invalid => prop_assert!(
                    says_where(&e.message),
                    "neither a position nor a field: {:?}\n{text}",
                    e.message
                ),
            }
            Ok(None)
        }
    }
}

/// Writes `bytes` as today's day file in a fresh data dir and reads the dir like the app
/// does: either the day loads (and is what `parse_day` makes of the text) or exactly one
/// problem names the file.
fn check_through_store(bytes: &[u8]) -> Result<(), TestCaseError> {
    thread_local! {
        // One data dir per test thread, the file rewritten for each case: fast enough to run
        // hundreds of cases on every `cargo test`.
        static DIR: tempfile::TempDir = tempfile::tempdir().unwrap();
    }
    let root = DIR.with(|dir| dir.path().to_path_buf());
    let rel = day_path(date());
    let path = root.join(&rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, bytes).unwrap();
    let loaded = read_days(&root, Scope::All).unwrap();
    let journal = &loaded.journal;
    let direct = std::str::from_utf8(bytes)
        .ok()
        .map(|text| entry::parse_day(text, Some(date())));
    if let Some(day) = journal.day(date()) {
        prop_assert!(day.validate().is_ok());
        if day.version <= entry::FORMAT_VERSION {
            prop_assert!(journal.problems.is_empty(), "{:?}", journal.problems);
            prop_assert_eq!(direct, Some(Ok(day.clone())));
        }
    } else {
        prop_assert_eq!(journal.problems.len(), 1, "{:?}", journal.problems);
        let problem = &journal.problems[0];
        prop_assert_eq!(&problem.path, &rel);
        prop_assert_eq!(problem.date, Some(date()));
        prop_assert!(!problem.error.trim().is_empty());
        let shown = problem.to_string();
        prop_assert!(shown.starts_with(&format!("{rel}: ")), "{shown}");
        match direct {
            Some(result) => prop_assert!(result.is_err(), "the store refused a good file"),
            None => prop_assert!(problem.error.contains("UTF-8"), "{}", problem.error),
        }
        prop_assert!(
            loaded.blocked.contains_key(&date()),
            "a file that could not be read must never be overwritten"
        );
    }
    Ok(())
}

// ---------------------------------------------------------------- mutations

/// One change to a file's bytes. Indices are taken modulo the current length.
#[derive(Debug, Clone)]
enum Mutation {
    DeleteByte(usize),
    InsertByte(usize, u8),
    ReplaceByte(usize, u8),
    DeleteChar(usize),
    InsertChar(usize, char),
    ReplaceChar(usize, char),
    /// A piece of RON (or of trouble) dropped in: `Some(`, `]`, `1e400`, `NaN`, …
    InsertToken(usize, &'static str),
    /// Replaces the n-th number in the text with a token.
    ReplaceNumber(usize, &'static str),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    Truncate(usize),
}

const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "'",
    "\\",
    "-",
    ".",
    "Some(",
    "None",
    "true",
    "false",
    "NaN",
    "inf",
    "-inf",
    "1e400",
    "-0",
    "-1",
    "11",
    "255",
    "256",
    "4294967296",
    "99999999999999999999",
    "0x1F",
    "1_000",
    "//",
    "/*",
    "*/",
    "r#\"",
    "\"#",
    "b\"x\"",
    "version: 2,",
    "date: \"2026-6-30\",",
    "\\u{0}",
    "\\u{D800}",
    "\u{0}",
    "\u{1b}[2J",
    "\u{feff}",
    "é",
    "🏃",
    "\u{202e}",
    "x: [[[[[[",
    "#![enable(unwrap_newtypes)]",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    let token = prop::sample::select(TOKENS);
    prop_oneof![
        any::<usize>().prop_map(Mutation::DeleteByte),
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::InsertByte(i, b)),
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::ReplaceByte(i, b)),
        any::<usize>().prop_map(Mutation::DeleteChar),
        (any::<usize>(), any::<char>()).prop_map(|(i, c)| Mutation::InsertChar(i, c)),
        (any::<usize>(), any::<char>()).prop_map(|(i, c)| Mutation::ReplaceChar(i, c)),
        (any::<usize>(), token.clone()).prop_map(|(i, t)| Mutation::InsertToken(i, t)),
        (any::<usize>(), token).prop_map(|(i, t)| Mutation::ReplaceNumber(i, t)),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn splice(bytes: &mut Vec<u8>, at: usize, insert: &[u8]) {
    let at = at % (bytes.len() + 1);
    bytes.splice(at..at, insert.iter().copied());
}

/// The byte range of the char at char index `i` (mod the count), when the bytes are text.
fn char_range(bytes: &[u8], i: usize) -> Option<std::ops::Range<usize>> {
    let text = std::str::from_utf8(bytes).ok()?;
    let count = text.chars().count();
    if count == 0 {
        return None;
    }
    let (start, c) = text.char_indices().nth(i % count)?;
    Some(start..start + c.len_utf8())
}

fn lines(bytes: &[u8]) -> Vec<Vec<u8>> {
    bytes.split(|b| *b == b'\n').map(<[u8]>::to_vec).collect()
}

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    let len = bytes.len();
    match *mutation {
        Mutation::DeleteByte(i) if len > 0 => {
            bytes.remove(i % len);
        }
        Mutation::InsertByte(i, b) => splice(bytes, i, &[b]),
        Mutation::ReplaceByte(i, b) if len > 0 => bytes[i % len] = b,
        Mutation::DeleteChar(i) => match char_range(bytes, i) {
            Some(range) => {
                bytes.drain(range);
            }
            None if len > 0 => {
                bytes.remove(i % len);
            }
            None => {}
        },
        Mutation::InsertChar(i, c) => {
            let mut buf = [0; 4];
            let encoded = c.encode_utf8(&mut buf).as_bytes();
            match char_range(bytes, i) {
                Some(range) => splice_exact(bytes, range.start, encoded),
                None => splice(bytes, i, encoded),
            }
        }
        Mutation::ReplaceChar(i, c) => {
            if let Some(range) = char_range(bytes, i) {
                let mut buf = [0; 4];
                bytes.splice(range, c.encode_utf8(&mut buf).bytes());
            }
        }
        Mutation::InsertToken(i, token) => match char_range(bytes, i) {
            Some(range) => splice_exact(bytes, range.start, token.as_bytes()),
            None => splice(bytes, i, token.as_bytes()),
        },
        Mutation::ReplaceNumber(n, token) => {
            let mut numbers = Vec::new();
            let mut i = 0;
            while i < len {
                if bytes[i].is_ascii_digit() {
                    let start = i;
                    while i < len && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
                        i += 1;
                    }
                    numbers.push(start..i);
                } else {
                    i += 1;
                }
            }
            if !numbers.is_empty() {
                let range = numbers[n % numbers.len()].clone();
                bytes.splice(range, token.bytes());
            }
        }
        Mutation::DuplicateLine(i) => {
            let mut all = lines(bytes);
            let at = i % all.len();
            all.insert(at, all[at].clone());
            *bytes = all.join(&b'\n');
        }
        Mutation::SwapLines(a, b) => {
            let mut all = lines(bytes);
            let n = all.len();
            all.swap(a % n, b % n);
            *bytes = all.join(&b'\n');
        }
        Mutation::Truncate(i) => bytes.truncate(i % (len + 1)),
        _ => {}
    }
}

fn splice_exact(bytes: &mut Vec<u8>, at: usize, insert: &[u8]) {
    bytes.splice(at..at, insert.iter().copied());
}

fn mutated(original: &str) -> impl Strategy<Value = (Vec<Mutation>, Vec<u8>)> {
    let original = original.as_bytes().to_vec();
    prop::collection::vec(mutation(), 1..=4).prop_map(move |mutations| {
        let mut bytes = original.clone();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        (mutations, bytes)
    })
}

/// Text made of RON pieces, to get further into the parser than random characters do.
fn ron_soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        prop::sample::select(TOKENS).prop_map(str::to_owned),
        prop::sample::select(
            &[
                "version",
                "date",
                "worst_pain",
                "morning_pain",
                "runs",
                "distance_km",
                "notes",
                "shoes",
                "sleep_hours",
                "triage",
                "red_flags",
                "routines",
                "started",
                "locations",
                "LowerBack",
                "Left",
                "Trail",
                " ",
                "\n",
                "1",
                "2026-11-22",
                "\"2026-11-22\"",
                "7.5",
            ][..]
        )
        .prop_map(str::to_owned),
        "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
}

// ---------------------------------------------------------------- day files: fuzzing

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_as_a_day_file_never_panic_and_name_the_file(
        bytes in prop::collection::vec(any::<u8>(), 0..512),
    ) {
        check_through_store(&bytes)?;
    }

    #[test]
    fn arbitrary_text_as_a_day_file_is_a_day_or_a_located_error(text in any::<String>()) {
        check_day_outcome(&text)?;
    }

    #[test]
    fn ron_shaped_text_as_a_day_file_is_a_day_or_a_located_error(text in ron_soup()) {
        let wrapped = format!("(version: 1, date: \"2026-11-22\", {text})");
        check_day_outcome(&text)?;
        check_day_outcome(&wrapped)?;
    }

    #[test]
    fn a_mutated_day_file_is_a_day_or_a_located_error_naming_the_file(
        (mutations, bytes) in mutated(&formatted_example()),
    ) {
        if let Ok(text) = std::str::from_utf8(&bytes) {
            check_day_outcome(text).map_err(|e| TestCaseError::fail(format!("{mutations:?}: {e}")))?;
        }
        check_through_store(&bytes).map_err(|e| TestCaseError::fail(format!("{mutations:?}: {e}")))?;
    }

    #[test]
    fn the_hand_written_example_mutated_is_a_day_or_a_located_error(
        (mutations, bytes) in mutated(example_text()),
    ) {
        if let Ok(text) = std::str::from_utf8(&bytes) {
            check_day_outcome(text).map_err(|e| TestCaseError::fail(format!("{mutations:?}: {e}")))?;
        }
    }

    /// Any text at all in the free-text fields (control characters, escapes, every script)
    /// is written and read back byte for byte.
    #[test]
    fn any_text_in_notes_shoes_and_routine_names_round_trips(
        notes in any::<String>(),
        run_notes in any::<String>(),
        shoes in any::<String>(),
        routine_name in any::<String>(),
    ) {
        let mut day = entry::parse_day(example_text(), Some(date())).unwrap();
        day.notes = notes;
        day.runs[0].notes = run_notes;
        day.runs[0].shoes = Some(shoes);
        day.routines[0].routine = routine_name;
        let text = entry::format_day(&day);
        let back = entry::parse_day(&text, Some(date()))
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text:?}")))?;
        prop_assert_eq!(DayEntry { version: day.version, ..back }, day);
    }
}

// ---------------------------------------------------------------- day files: explicit cases

fn day_with(fields: &str) -> String {
    format!("(\n    version: 1,\n    date: \"2026-11-22\",\n    {fields}\n)\n")
}

/// Parses `text`, expects an error and returns its message.
fn refused(text: &str) -> String {
    match entry::parse_day(text, Some(date())) {
        Ok(day) => panic!("accepted {text:?} as {day:?}"),
        Err(e) => {
            assert!(!e.message.trim().is_empty());
            e.message
        }
    }
}

#[test]
fn huge_numbers_are_refused_with_the_field_and_position() {
    for (fields, field) in [
        ("worst_pain: 99999999999999999999,", "worst_pain"),
        ("worst_pain: Some(99999999999999999999),", "worst_pain"),
        ("morning_pain: Some(-99999999999999999999),", "morning_pain"),
        ("stress: 256,", "stress"),
        ("heat_minutes: Some(4294967296),", "heat_minutes"),
        ("ice_minutes: Some(-1),", "ice_minutes"),
        (
            "runs: [(distance_km: 5.0, duration_s: Some(99999999999999999999))],",
            "duration_s",
        ),
        ("runs: [(distance_km: 1e400)],", "distance_km"),
        ("runs: [(distance_km: -1e400)],", "distance_km"),
        ("sleep_hours: Some(1e400),", "sleep_hours"),
        ("sitting_hours: Some(1e308),", "sitting_hours"),
        (
            "routines: [(routine: \"x\", started: \"07:00:00\", steps_done: 99999999999)],",
            "steps_done",
        ),
    ] {
        let message = refused(&day_with(fields));
        assert!(message.contains(field), "{fields}: {message}");
        assert!(says_where(&message), "{fields}: {message}");
    }
    let version = refused("(version: 99999999999999999999, date: \"2026-11-22\")");
    assert!(version.contains("version"), "{version}");
}

#[test]
fn nan_and_infinity_are_refused_and_the_message_says_why() {
    for fields in [
        "runs: [(distance_km: NaN)],",
        "runs: [(distance_km: inf)],",
        "runs: [(distance_km: -inf)],",
        "runs: [(distance_km: 1e400)],",
    ] {
        let message = refused(&day_with(fields));
        assert!(message.starts_with("runs[0].distance_km: "), "{message}");
        assert!(message.contains("finite"), "{fields}: {message}");
    }
    for fields in [
        "sleep_hours: Some(NaN),",
        "sleep_hours: NaN,",
        "sitting_hours: Some(inf),",
        "sitting_hours: Some(-inf),",
    ] {
        let message = refused(&day_with(fields));
        assert!(message.contains("_hours: "), "{message}");
        assert!(message.contains("between 0 and 24"), "{fields}: {message}");
    }
}

#[test]
fn negative_zero_is_read_as_zero_and_shown_without_a_sign() {
    let text = day_with("sleep_hours: Some(-0.0), runs: [(distance_km: -0.0)],");
    let day = entry::parse_day(&text, Some(date())).unwrap();
    assert_eq!(day.sleep_hours, Some(0.0));
    let written = entry::format_day(&day);
    assert!(entry::parse_day(&written, Some(date())).is_ok());
    assert_eq!(
        stridelog::values::format_number(-0.0),
        "0",
        "no \"-0\" on screen"
    );
    assert_eq!(stridelog::values::format_number(-0.001), "0");
    // A day without runs has 0 km, not -0 km (an empty f64 sum is -0.0).
    let total = DayEntry::new(date()).distance_km();
    assert!(total == 0.0 && total.is_sign_positive(), "{total}");
    assert_eq!(format!("{total:.2}"), "0.00");
}

/// A deeply nested file must end in a "too deep" error, not a stack overflow (which would
/// kill the app without restoring the terminal).
#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let deep = 50_000;
    let open = |s: &str| s.repeat(deep);
    let cases = [
        open("("),
        open("["),
        format!("(version: 1, date: \"2026-11-22\", notes: {})", open("[")),
        format!(
            "(version: 1, date: \"2026-11-22\", triage: {})",
            open("Some(")
        ),
        format!(
            "(version: 1, date: \"2026-11-22\", worst_pain: {})",
            open("Some(")
        ),
        format!("(version: 1, date: \"2026-11-22\", runs: {})", open("[")),
        // Unknown fields of a newer file are skipped by the version probe: still bounded.
        format!("(version: 2, date: \"2026-11-22\", mood: {})", open("(")),
        format!(
            "(version: 2, date: \"2026-11-22\", mood: {}1{})",
            open("["),
            "]".repeat(deep)
        ),
        format!("(version: 2, date: \"2026-11-22\", mood: {})", open("{1:")),
    ];
    for text in &cases {
        let message = refused(text);
        assert!(says_where(&message), "{message}");
        let routines = parse_routines(text, &[]).unwrap_err();
        assert!(!routines.is_empty());
        let settings = Settings::parse(text).unwrap_err();
        assert!(!settings.is_empty());
    }
    let settings = Settings::parse(&format!("(units: {})", open("("))).unwrap_err();
    assert!(settings.starts_with("1:"), "{settings}");
    let routines = parse_routines(&format!("[(id: \"a\", name: {})]", open("[")), &[]).unwrap_err();
    assert!(routines.starts_with("1:"), "{routines}");
}

/// Five megabytes of notes are kept whole, through the store and back.
#[test]
fn a_five_megabyte_note_is_saved_and_read_back_whole() {
    let mut day = DayEntry::new(date());
    let line = "Tingling in the left calf after 4 km, eased with heat — ça va 🏃\n";
    day.notes = line.repeat(5 * 1024 * 1024 / line.len() + 1);
    day.notes.pop();
    assert!(day.notes.len() >= 5 * 1024 * 1024 - line.len());
    day.runs.push(Run {
        distance_km: 6.4,
        notes: "x".repeat(100_000),
        ..Run::default()
    });
    let dir = tempfile::tempdir().unwrap();
    let mut store = FsStore::open(dir.path()).unwrap();
    store.load(Scope::All).unwrap();
    store.save(&day).unwrap();
    let journal = FsStore::open_read_only(dir.path())
        .load(Scope::All)
        .unwrap();
    assert!(journal.problems.is_empty(), "{:?}", journal.problems);
    assert_eq!(journal.day(date()), Some(&day));
}

#[test]
fn control_characters_and_every_script_round_trip_in_text_fields() {
    let samples = [
        "\u{0}\u{1}\u{7}\u{8}\t\r\n\u{b}\u{c}\u{1b}[31mred\u{1b}[0m\u{7f}\u{85}\u{9b}",
        "\"quoted\" \\ backslash \\u{41} \\n not an escape",
        "ألم في الساق اليسرى بعد الجري",
        "\u{202e}desrever\u{202c} \u{200f}RTL mark\u{200e}",
        "e\u{301}\u{302}\u{303} a\u{20dd} ǅ ﬁ",
        "🏃‍♀️🏃🏿‍♂️ 👨‍👩‍👧 🇳🇱 ❤️‍🔥 1️⃣",
        "中文笔记：小腿刺痛。日本語のメモ。한국어",
        "\u{feff}BOM inside \u{fffd} \u{10ffff} \u{e000}",
        "r#\"raw\"# /* not a comment */ // nor this",
        "",
        " leading and trailing spaces ",
    ];
    for sample in samples {
        let mut day = DayEntry::new(date());
        day.notes = sample.to_owned();
        day.runs.push(Run {
            distance_km: 1.0,
            shoes: Some(sample.to_owned()),
            notes: sample.to_owned(),
            ..Run::default()
        });
        let text = entry::format_day(&day);
        assert_eq!(
            entry::parse_day(&text, Some(date())),
            Ok(day.clone()),
            "{sample:?}\n{text}"
        );
        // Raw control characters in a hand-written string are read too.
        let raw = day_with(&format!(
            "notes: \"{}\",",
            sample.replace('\\', "\\\\").replace('"', "\\\"")
        ));
        assert_eq!(
            entry::parse_day(&raw, Some(date())).map(|d| d.notes),
            Ok(sample.to_owned()),
            "{raw:?}"
        );
    }
}

#[test]
fn a_byte_order_mark_or_windows_line_endings_still_read() {
    let crlf = formatted_example().replace('\n', "\r\n");
    let day = entry::parse_day(&crlf, Some(date())).unwrap();
    assert_eq!(
        day,
        entry::parse_day(&formatted_example(), Some(date())).unwrap()
    );
    let bom = format!("\u{feff}{}", formatted_example());
    // Either read or refused with a position: never a panic, never a silent empty day.
    match entry::parse_day(&bom, Some(date())) {
        Ok(read) => assert_eq!(read, day),
        Err(e) => assert!(says_where(&e.message), "{}", e.message),
    }
}

#[test]
fn a_file_that_is_not_utf8_is_a_problem_naming_the_file() {
    let mut bytes = formatted_example().into_bytes();
    let at = bytes.len() / 2;
    bytes.splice(at..at, [0xff, 0xfe, 0x80]);
    let dir = tempfile::tempdir().unwrap();
    let rel = day_path(date());
    fs::create_dir_all(dir.path().join(&rel).parent().unwrap()).unwrap();
    fs::write(dir.path().join(&rel), &bytes).unwrap();
    let journal = read_days(dir.path(), Scope::All).unwrap().journal;
    assert!(journal.days.is_empty());
    assert_eq!(journal.problems.len(), 1);
    assert_eq!(
        journal.problems[0].to_string(),
        format!("{rel}: is not UTF-8 text")
    );
    // And the store refuses to save over it.
    let mut store = FsStore::open(dir.path()).unwrap();
    store.load(Scope::All).unwrap();
    assert!(store.save(&DayEntry::new(date())).is_err());
    assert_eq!(fs::read(dir.path().join(&rel)).unwrap(), bytes);
}

// ---------------------------------------------------------------- routines.ron

fn builtin_ids() -> Vec<String> {
    routine::builtins().into_iter().map(|r| r.id).collect()
}

fn check_routines_outcome(text: &str) -> Result<(), TestCaseError> {
    match parse_routines(text, &[]) {
        Ok(routines) => {
            prop_assert!(validate_list(&routines, &[]).is_ok());
            let again = ron::ser::to_string(&routines).unwrap();
            let back: Vec<Routine> = parse_routines(&again, &[])
                .map_err(|e| TestCaseError::fail(format!("does not read back: {e}\n{again}")))?;
            prop_assert_eq!(back, routines);
        }
        Err(message) => {
            prop_assert!(
                says_where(&message),
                "neither a position nor a field: {message:?}"
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn mutated_routines_are_routines_or_a_located_error(
        (mutations, bytes) in mutated(routine::BUILTIN_RON),
    ) {
        if let Ok(text) = std::str::from_utf8(&bytes) {
            check_routines_outcome(text).map_err(|e| TestCaseError::fail(format!("{mutations:?}: {e}")))?;
        }
    }

    #[test]
    fn arbitrary_text_as_routines_is_routines_or_a_located_error(text in ron_soup()) {
        check_routines_outcome(&text)?;
        check_routines_outcome(&format!("[(id: \"a\", name: \"A\", steps: [(exercise: \"P\", kind: {text})])]"))?;
    }
}

#[test]
fn a_broken_user_routines_file_names_the_file_and_never_panics() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(routine::USER_FILE);
    let cases: Vec<Vec<u8>> = vec![
        b"[(id: \"mine\", name: \"Mine\", steps: [(exercise: \"P\", kind: Hold(seconds: 99999999999))])]".to_vec(),
        b"[(id: \"mine\", name: \"Mine\", steps: [(exercise: \"P\", kind: Hold(seconds: NaN))])]".to_vec(),
        b"[(id: \"runner-strength\", name: \"Mine\", steps: [(exercise: \"P\", kind: Rest(seconds: 3))])]".to_vec(),
        vec![0xff, 0xfe, b'[', b']'],
        b"[".repeat(100_000),
        b"\0".to_vec(),
    ];
    for bytes in cases {
        fs::write(&path, &bytes).unwrap();
        let error = routine::load_user(&path).unwrap_err();
        assert!(
            error.starts_with(&format!("{}:", path.display())),
            "{error}"
        );
        let (all, warning) = routine::load_all(&path);
        assert_eq!(all.len(), builtin_ids().len(), "the built-ins stay");
        assert_eq!(warning, Some(error));
    }
}

// ---------------------------------------------------------------- settings.ron

fn check_settings_outcome(text: &str) -> Result<(), TestCaseError> {
    match Settings::parse(text) {
        Ok(settings) => {
            prop_assert!(
                settings.shoe_limit_km.is_finite() && settings.shoe_limit_km > 0.0,
                "{settings:?}"
            );
            prop_assert!(settings.rest_seconds <= 600 && settings.get_ready_seconds <= 60);
            let back = Settings::parse(&settings.to_ron())
                .map_err(|e| TestCaseError::fail(format!("does not read back: {e}")))?;
            prop_assert_eq!(back, settings);
        }
        Err(message) => {
            prop_assert!(
                says_where(&message),
                "neither a position nor a field: {message:?}"
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn mutated_settings_are_settings_or_a_located_error(
        (mutations, bytes) in mutated(&Settings::default().to_ron()),
    ) {
        if let Ok(text) = std::str::from_utf8(&bytes) {
            check_settings_outcome(text).map_err(|e| TestCaseError::fail(format!("{mutations:?}: {e}")))?;
        }
    }

    #[test]
    fn arbitrary_text_as_settings_is_settings_or_a_located_error(text in ron_soup()) {
        check_settings_outcome(&text)?;
        check_settings_outcome(&format!("(units: Miles, {text})"))?;
    }

    #[test]
    fn arbitrary_bytes_as_settings_fall_back_to_the_defaults_naming_the_file(
        bytes in prop::collection::vec(any::<u8>(), 0..256),
    ) {
        thread_local! {
            static DIR: tempfile::TempDir = tempfile::tempdir().unwrap();
        }
        let dir = DIR.with(|dir| dir.path().to_path_buf());
        fs::write(Settings::path(&dir), &bytes).unwrap();
        let (settings, warning) = Settings::load(&dir);
        match warning {
            None => prop_assert_eq!(
                Some(settings),
                std::str::from_utf8(&bytes).ok().and_then(|t| Settings::parse(t).ok())
            ),
            Some(warning) => {
                prop_assert_eq!(settings, Settings::default());
                let path = Settings::path(&dir);
                prop_assert!(warning.starts_with(&path.display().to_string()), "{}", warning);
            }
        }
        prop_assert_eq!(fs::read(Settings::path(&dir)).unwrap(), bytes, "left as it is");
    }
}

#[test]
fn hostile_settings_values_are_refused_with_the_field() {
    for (text, field) in [
        ("(shoe_limit_km: NaN)", "shoe_limit_km"),
        ("(shoe_limit_km: inf)", "shoe_limit_km"),
        ("(shoe_limit_km: 1e400)", "shoe_limit_km"),
        ("(shoe_limit_km: -0.0)", "shoe_limit_km"),
        ("(rest_seconds: 99999999999999999999)", "rest_seconds"),
        ("(rest_seconds: -1)", "rest_seconds"),
        ("(get_ready_seconds: 4294967295)", "get_ready_seconds"),
        ("(units: \"Miles\u{0}\")", "units"),
    ] {
        let message = Settings::parse(text).unwrap_err();
        assert!(message.contains(field), "{text}: {message}");
        assert!(says_where(&message), "{text}: {message}");
    }
    let message = Settings::parse("(shoe_limit_km: inf)").unwrap_err();
    assert!(message.contains("finite"), "{message}");
}

#[test]
fn an_unreadable_settings_path_is_reported_not_fatal() {
    // settings.ron is a folder: reading fails; the defaults are used and the path named.
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(Settings::path(dir.path())).unwrap();
    let (settings, warning) = Settings::load(dir.path());
    assert_eq!(settings, Settings::default());
    let warning = warning.expect("a warning");
    assert!(
        warning.starts_with(&Settings::path(dir.path()).display().to_string()),
        "{warning}"
    );
    assert!(Path::new(&Settings::path(dir.path())).is_dir());
}
