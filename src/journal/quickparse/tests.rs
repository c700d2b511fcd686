//! The quick reader is held to `parse_day`: the same day, or `None` and ron decides.

use super::names::{CHARACTERS, LOCATIONS, PAIN_TYPES, RED_FLAGS, SIDES, SLUMPS, SURFACES};
use super::*;
use crate::journal::entry::{RoutineSession, Run, Triage};
use proptest::prelude::*;

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// The quick reader either leaves the text to ron or agrees with it.
fn agrees(text: &str) -> Result<(), TestCaseError> {
    if let Some(day) = parse(text, date()) {
        prop_assert_eq!(entry::parse_day(text, Some(date())), Ok(day), "{}", text);
    }
    Ok(())
}

/// The variant names serde knows for `T` (asked of the type itself, not listed by hand).
fn serde_variants<'de, T: serde::Deserialize<'de>>() -> &'static [&'static str] {
    use serde::de::{self, Deserializer, Visitor};
    struct Ask(std::cell::Cell<&'static [&'static str]>);
    impl<'de> Deserializer<'de> for &Ask {
        type Error = de::value::Error;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("names only"))
        }
        fn deserialize_enum<V: Visitor<'de>>(
            self,
            _: &'static str,
            variants: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            self.0.set(variants);
            Err(de::Error::custom("names only"))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
            byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map
            struct identifier ignored_any
        }
    }
    let ask = Ask(std::cell::Cell::new(&[]));
    let _ = T::deserialize(&ask);
    ask.0.get()
}

/// A variant added to one of a day's enums must be added to this reader's lists too:
/// otherwise every file using it would silently fall back to the slow reader.
#[test]
fn every_variant_of_the_day_file_is_listed() {
    fn check<'de, T: serde::Deserialize<'de>>(names: &[(&str, T)]) {
        let variants = serde_variants::<T>();
        assert!(!variants.is_empty());
        for variant in variants {
            assert!(
                names.iter().any(|(name, _)| name == variant),
                "{variant} is missing from quickparse's list"
            );
        }
        assert_eq!(names.len(), variants.len());
    }
    check(LOCATIONS);
    check(SIDES);
    check(CHARACTERS);
    check(SURFACES);
    check(RED_FLAGS);
    check(SLUMPS);
    check(PAIN_TYPES);
}

#[test]
fn variant_names_are_the_ones_ron_writes() {
    fn check<T: serde::Serialize>(names: &[(&str, T)]) {
        for (name, value) in names {
            assert_eq!(ron::to_string(value).unwrap(), *name);
        }
    }
    check(LOCATIONS);
    check(SIDES);
    check(CHARACTERS);
    check(SURFACES);
    check(RED_FLAGS);
    check(SLUMPS);
    check(PAIN_TYPES);
}

#[test]
fn a_minimal_file_gets_the_same_defaults_as_from_ron() {
    let text = "(version: 2, date: \"2026-11-22\")";
    assert_eq!(
        parse(text, date()),
        Some(entry::parse_day(text, None).unwrap())
    );
}

#[test]
fn what_it_is_not_sure_of_is_left_to_ron() {
    for text in [
        "(version: 2, date: \"2026-11-22\", worst_pain: 5)",
        "(version: 2, date: \"2026-11-22\", worst_pain: Some(11))",
        "(version: 2, date: \"2026-11-22\", worst_pain: Some(05))",
        "(version: 2, date: \"2026-11-22\", sleep_hours: Some(7))",
        "(version: 2, date: \"2026-11-22\", sleep_hours: Some(1e1))",
        "(version: 2, date: \"2026-11-22\", heat_minutes: Some(1_0))",
        "(version: 2, date: \"2026-11-22\", notes: \"a\\x41\")",
        "(version: 2, date: \"2026-11-22\", notes: \"a\\u{d800}\")",
        "(version: 2, date: \"2026-11-22\", runs: [(distance_km: 1e20)])",
        "(version: 2, date: \"2026-11-22\", notes: \"\", notes: \"\")",
        "(version: 2, date: \"2026-11-22\", mood: Some(3))",
        "(version: 2, date: \"2026-11-22\") // a comment",
        "(version: 2, date: \"2026-11-21\")",
        "(version: 2, date: \"2026-11-022\")",
        "(version: 3, date: \"2026-11-22\")",
        "(version: 0, date: \"2026-11-22\")",
        "(date: \"2026-11-22\")",
        "DayEntry(version: 2, date: \"2026-11-22\")",
        "(version: 2, date: \"2026-11-22\", side: Some(Leftä))",
        "(version: 2, date: \"2026-11-22\", runs: [(distance_km: 5.0, start: Some(\"7:00:00\"))])",
        "(version: 2, date: \"2026-11-22\", runs: [(distance_km: 5.0, start: Some(\"07:00:60\"))])",
        "(version: 2, date: \"2026-11-22\", routines: [(steps_done: 3, steps_total: 2)])",
    ] {
        assert_eq!(parse(text, date()), None, "{text}");
    }
}

#[test]
fn escapes_and_any_field_order_are_read() {
    let text = "(\n\tnotes: \"a \\\"b\\\" \\\\ c\\n\\td\",\r\n date: \"2026-11-22\", version: 1,\n\
                runs: [(source: Some(\"x\"), distance_km: 05.50,), ], triage: Some((slump: None)),\n)\n";
    let day = parse(text, date()).unwrap();
    assert_eq!(day.notes, "a \"b\" \\ c\n\td");
    assert_eq!(day.runs[0].distance_km.to_bits(), 5.5f64.to_bits());
    assert_eq!(entry::parse_day(text, None), Ok(day));
}

fn arb_text() -> impl Strategy<Value = String> {
    prop_oneof!["\\PC{0,30}", "[a-z\"\\\\\n\t' ]{0,12}", Just(String::new())]
}

fn arb_score() -> impl Strategy<Value = Option<Score>> {
    prop::option::of((0u8..=10).prop_map(|v| Score::new(v).unwrap()))
}

fn arb_time() -> impl Strategy<Value = NaiveTime> {
    (0u32..86_400).prop_map(|s| NaiveTime::from_num_seconds_from_midnight_opt(s, 0).unwrap())
}

fn pick<T: Copy + std::fmt::Debug + 'static>(
    names: &'static [(&str, T)],
) -> impl Strategy<Value = T> {
    prop::sample::select(names.iter().map(|(_, v)| *v).collect::<Vec<_>>())
}

fn arb_run() -> impl Strategy<Value = Run> {
    (
        (
            prop_oneof![0.0f64..400.0, Just(0.0), Just(123_456_789.0)],
            prop::option::of(any::<u32>()),
        ),
        (arb_score(), arb_score(), arb_score()),
        (
            prop::option::of(any::<bool>()),
            prop::option::of(pick(SURFACES)),
        ),
        (
            prop::option::of(arb_text()),
            arb_text(),
            prop::option::of(arb_time()),
        ),
        (prop::option::of(arb_text()), prop::option::of(arb_text())),
    )
        .prop_map(
            |(
                (distance_km, duration_s),
                (b, d, a),
                (gait, surface),
                (shoes, notes, start),
                (name, source),
            )| Run {
                distance_km,
                duration_s,
                pain_before: b,
                pain_during: d,
                pain_after: a,
                gait_changed: gait,
                surface,
                shoes,
                notes,
                start,
                name,
                source,
            },
        )
}

fn arb_routine() -> impl Strategy<Value = RoutineSession> {
    (arb_text(), arb_time(), 0u32..50, any::<u32>(), arb_score()).prop_map(
        |(routine, started, done, seconds, pain_after)| RoutineSession {
            routine,
            started,
            steps_done: done,
            steps_total: done + 3,
            seconds,
            pain_after,
        },
    )
}

fn arb_day() -> impl Strategy<Value = DayEntry> {
    (
        (arb_score(), arb_score(), arb_score()),
        (
            prop::collection::vec(pick(LOCATIONS), 0..4),
            prop::option::of(pick(SIDES)),
        ),
        prop::collection::vec(pick(CHARACTERS), 0..4),
        prop::collection::vec(arb_run(), 0..3),
        (
            prop::option::of(any::<bool>()),
            prop::option::of(any::<bool>()),
            prop::option::of(any::<bool>()),
        ),
        (
            prop::option::of(0.0f64..=24.0),
            prop::option::of(0.0f64..=24.0),
        ),
        (prop::option::of(0u32..=1440), prop::option::of(0u32..=1440)),
        prop::collection::vec(arb_routine(), 0..3),
        prop::option::of((
            prop::collection::vec(pick(RED_FLAGS), 0..3),
            prop::option::of(pick(SLUMPS)),
            prop::collection::vec(pick(PAIN_TYPES), 0..3),
        )),
        arb_text(),
    )
        .prop_map(
            |(
                (morning, worst, stress),
                (locations, side),
                character,
                runs,
                (medication, normal, disturbed),
                (sleep, sitting),
                (heat, ice),
                routines,
                triage,
                notes,
            )| {
                let mut day = DayEntry::new(date());
                day.morning_pain = morning;
                day.worst_pain = worst;
                day.stress = stress;
                day.locations = locations;
                day.side = side;
                day.character = character;
                day.runs = runs;
                day.pain_medication = medication;
                day.normal_activities = normal;
                day.sleep_disturbed = disturbed;
                day.sleep_hours = sleep;
                day.sitting_hours = sitting;
                day.heat_minutes = heat;
                day.ice_minutes = ice;
                day.routines = routines;
                day.triage = triage.map(|(red_flags, slump, classification)| Triage {
                    red_flags,
                    slump,
                    classification,
                });
                day.notes = notes;
                day
            },
        )
}

/// Small edits that keep a file close to the written shape, where the two readers could
/// disagree.
fn edit() -> impl Strategy<Value = (usize, usize, &'static str)> {
    let insert = prop::sample::select(vec![
        "",
        " ",
        "\n",
        ",",
        "(",
        ")",
        "[",
        "]",
        "\"",
        "\\",
        "\\n",
        "\\x",
        "0",
        "1",
        "9",
        ".",
        "-",
        "+",
        "_",
        "e",
        "Some(",
        "None",
        "true",
        "//",
        "/*",
        "#",
        "r",
        "ä",
        ":",
        "11",
        "Left",
        "notes: \"\",",
    ]);
    (any::<usize>(), 0usize..3, insert)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_written_day_is_read_back_by_the_quick_reader(day in arb_day()) {
        let text = entry::format_day(&day);
        prop_assert_eq!(parse(&text, date()), Some(day), "{}", text);
    }

    #[test]
    fn an_edited_day_is_left_to_ron_or_read_as_ron_reads_it(
        day in arb_day(),
        edits in prop::collection::vec(edit(), 1..4),
    ) {
        let mut text = entry::format_day(&day);
        for (at, remove, insert) in edits {
            let mut at = at % (text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let mut end = (at + remove).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            text.replace_range(at..end, insert);
        }
        agrees(&text)?;
    }
}
