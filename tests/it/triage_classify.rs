//! The triage core: classification table, what is saved, what changed, and the history.

use stridelog::journal::Journal;
use stridelog::journal::entry::{DayEntry, PainType, RedFlag, Slump, Triage};
use stridelog::triage::{
    self, Answers, Change, RED_FLAG_ORDER, Reply, Sign, classify, current_red_flags, to_triage,
};

use crate::support::date;
use PainType::{Radicular, Radiculopathy, Referred, Tendon, Unsure};
use Reply::{No, Skip, Yes};

fn answers(signs: &[(Sign, Reply)], slump: Option<Reply>) -> Answers {
    let mut a = Answers::default();
    for (sign, reply) in signs {
        a = a.with_sign(*sign, *reply);
    }
    if let Some(s) = slump {
        a = a.with_slump(s);
    }
    a
}

/// One row: a name, the pain-character answers, the slump answer, the expected kinds.
type Case<'a> = (&'a str, &'a [(Sign, Reply)], Option<Reply>, &'a [PainType]);

#[test]
fn classification_table() {
    use Sign::*;
    #[rustfmt::skip]
    let table: &[Case] = &[
        ("nothing answered", &[], None, &[]),
        ("everything skipped", &[(DullAche, Skip), (SharpOrBurning, Skip)], Some(Skip), &[]),
        ("all no", &[(DullAche, No), (SharpOrBurning, No), (NumbOrPins, No)], Some(No), &[Unsure]),
        ("slump negative alone", &[], Some(No), &[Unsure]),
        ("slump positive alone is not enough", &[], Some(Yes), &[Unsure]),
        ("dull ache alone is not enough", &[(DullAche, Yes)], None, &[Unsure]),
        ("referred: dull and stays in the back", &[(DullAche, Yes), (StaysInBack, Yes)], None, &[Referred]),
        ("referred needs both: location no", &[(DullAche, Yes), (StaysInBack, No)], None, &[Unsure]),
        ("radicular: sharp and down the leg", &[(SharpOrBurning, Yes), (DownTheLeg, Yes)], None, &[Radicular]),
        ("radicular: sharp and slump positive", &[(SharpOrBurning, Yes)], Some(Yes), &[Radicular]),
        ("radicular: down the leg and slump positive", &[(DownTheLeg, Yes)], Some(Yes), &[Radicular]),
        ("sharp alone with a negative slump", &[(SharpOrBurning, Yes)], Some(No), &[Unsure]),
        ("radiculopathy: numbness alone", &[(NumbOrPins, Yes)], None, &[Radiculopathy]),
        ("radiculopathy: weakness alone", &[(Weakness, Yes)], None, &[Radiculopathy]),
        ("radiculopathy: reflex alone", &[(ReflexChange, Yes)], None, &[Radiculopathy]),
        ("tendon: sitting bone and warms up", &[(SitBone, Yes), (WarmsUp, Yes)], None, &[Tendon]),
        ("sitting bone alone is not tendon", &[(SitBone, Yes), (WarmsUp, No)], None, &[Unsure]),
        ("radicular with radiculopathy",
            &[(SharpOrBurning, Yes), (DownTheLeg, Yes), (NumbOrPins, Yes)], Some(Yes),
            &[Radicular, Radiculopathy]),
        ("referred and radicular together",
            &[(DullAche, Yes), (StaysInBack, Yes), (SharpOrBurning, Yes), (DownTheLeg, Yes)], None,
            &[Referred, Radicular]),
        ("tendon and nerve irritation together",
            &[(SitBone, Yes), (WarmsUp, Yes), (DownTheLeg, Yes)], Some(Yes),
            &[Radicular, Tendon]),
        ("all four",
            &[(DullAche, Yes), (StaysInBack, Yes), (SharpOrBurning, Yes), (DownTheLeg, Yes),
              (Weakness, Yes), (SitBone, Yes), (WarmsUp, Yes)], Some(Yes),
            &[Referred, Radicular, Radiculopathy, Tendon]),
    ];
    for (name, signs, slump, expected) in table {
        assert_eq!(
            classify(&answers(signs, *slump)),
            expected.to_vec(),
            "case: {name}"
        );
    }
}

#[test]
fn red_flags_never_change_the_classification() {
    let mut a = Answers::default();
    for flag in RED_FLAG_ORDER {
        a = a.with_red_flag(flag, true);
    }
    assert_eq!(classify(&a), Vec::<PainType>::new());
    assert!(!classify(&a.clone().with_sign(Sign::NumbOrPins, Yes)).contains(&Unsure));
}

#[test]
fn to_triage_keeps_only_yes_flags_in_the_order_asked() {
    let a = Answers::default()
        .no_red_flags()
        .with_red_flag(RedFlag::FootDrop, true)
        .with_red_flag(RedFlag::BladderOrBowel, true)
        .with_slump(Yes)
        .with_sign(Sign::NumbOrPins, Yes);
    assert!(a.red_flags_complete());
    assert_eq!(
        to_triage(&a),
        Triage {
            red_flags: vec![RedFlag::BladderOrBowel, RedFlag::FootDrop],
            slump: Some(Slump::Positive),
            classification: vec![Radiculopathy],
        }
    );
    let skipped = Answers::default().with_slump(Skip);
    assert_eq!(to_triage(&skipped).slump, None);
    assert_eq!(
        to_triage(&Answers::default().with_slump(No)).slump,
        Some(Slump::Negative)
    );
}

#[test]
fn red_flags_are_complete_only_when_all_twelve_are_answered() {
    assert_eq!(RED_FLAG_ORDER.len(), 12);
    assert!(
        !RED_FLAG_ORDER.contains(&RedFlag::FeverOrWeightLoss),
        "version 1's combined question is no longer asked"
    );
    let mut a = Answers::default();
    for (i, flag) in RED_FLAG_ORDER.iter().enumerate() {
        assert!(!a.red_flags_complete());
        assert_eq!(a.red_flags_unanswered().len(), 12 - i);
        a = a.with_red_flag(*flag, false);
    }
    assert!(a.red_flags_complete());
}

fn day_with(d: &str, triage: Triage) -> DayEntry {
    let mut day = DayEntry::new(date(d));
    day.triage = Some(triage);
    day
}

fn journal(days: Vec<DayEntry>) -> Journal {
    let mut j = Journal::default();
    for d in days {
        j.days.insert(d.date, d);
    }
    j
}

#[test]
fn changes_name_what_moved() {
    let before = Triage {
        red_flags: vec![],
        slump: Some(Slump::Negative),
        classification: vec![Referred],
    };
    let after = Triage {
        red_flags: vec![RedFlag::BothLegs],
        slump: Some(Slump::Positive),
        classification: vec![Referred, Radiculopathy],
    };
    let list = triage::changes(&before, &after);
    assert_eq!(
        list,
        vec![
            Change::NewRedFlag(RedFlag::BothLegs),
            Change::Slump {
                from: Some(Slump::Negative),
                to: Some(Slump::Positive)
            },
            Change::NewType(Radiculopathy),
        ]
    );
    let text: Vec<String> = list.iter().map(ToString::to_string).collect();
    assert_eq!(
        text,
        [
            "new red flag: symptoms in both legs",
            "slump negative \u{2192} positive",
            "new: Radiculopathy"
        ]
    );
    let back = triage::changes(&after, &before);
    assert!(back.contains(&Change::RedFlagGone(RedFlag::BothLegs)));
    assert!(back.contains(&Change::TypeGone(Radiculopathy)));
    assert!(triage::changes(&after, &after).is_empty());
}

#[test]
fn history_is_newest_first_and_compares_with_the_triage_before_the_window() {
    let t = |slump, classification: Vec<PainType>| Triage {
        red_flags: vec![],
        slump,
        classification,
    };
    let j = journal(vec![
        day_with("2026-08-01", t(Some(Slump::Negative), vec![Referred])),
        day_with(
            "2026-10-20",
            t(Some(Slump::Positive), vec![Referred, Radicular]),
        ),
        day_with(
            "2026-11-15",
            t(Some(Slump::Positive), vec![Referred, Radicular]),
        ),
        // After "today": ignored.
        day_with("2026-11-30", t(None, vec![Tendon])),
    ]);
    let h = triage::history(&j, date("2026-11-22"), triage::HISTORY_DAYS);
    let dates: Vec<_> = h.iter().map(|e| e.date).collect();
    assert_eq!(dates, [date("2026-11-15"), date("2026-10-20")]);
    assert_eq!(h[0].changes, Some(vec![]));
    assert_eq!(
        h[1].changes,
        Some(vec![
            Change::Slump {
                from: Some(Slump::Negative),
                to: Some(Slump::Positive)
            },
            Change::NewType(Radicular)
        ])
    );
    let first = triage::history(&j, date("2026-08-05"), 14);
    assert_eq!(first.len(), 1);
    assert_eq!(first[0].changes, None);
}

#[test]
fn current_red_flags_follow_the_latest_triage_however_old() {
    let flagged = Triage {
        red_flags: vec![RedFlag::SaddleNumbness],
        ..Triage::default()
    };
    let j = journal(vec![day_with("2026-11-10", flagged.clone())]);
    assert_eq!(
        current_red_flags(&j, date("2026-11-22")).map(|(d, f)| (d, f.to_vec())),
        Some((date("2026-11-10"), vec![RedFlag::SaddleNumbness]))
    );
    // Day 15 after, and 200 days after: it still stands (no silent expiry).
    assert!(current_red_flags(&j, date("2026-11-24")).is_some());
    assert!(current_red_flags(&j, date("2027-05-29")).is_some());
    // Not before it was reported.
    assert!(current_red_flags(&j, date("2026-11-09")).is_none());
    // A newer clean triage clears it; an older clean one does not.
    let cleared = journal(vec![
        day_with("2026-11-10", flagged.clone()),
        day_with("2026-11-12", Triage::default()),
    ]);
    assert!(current_red_flags(&cleared, date("2026-11-22")).is_none());
    let older_clean = journal(vec![
        day_with("2026-11-08", Triage::default()),
        day_with("2026-11-10", flagged),
    ]);
    assert!(current_red_flags(&older_clean, date("2026-11-22")).is_some());
}
