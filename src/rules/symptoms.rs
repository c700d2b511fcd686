//! Rules about symptoms and daily pain: red flags, nerve signs, pain levels and trends,
//! six weeks of pain, disturbed sleep, readiness to run, and the "OK to run" rule.

use super::{Ctx, RuleHit, red_flag_words};
use crate::journal::entry::{Character, FlagTier, PainType, RedFlag, Side};
use crate::journal::{DayEntry, Score};
use chrono::NaiveDate;

/// Worst pain recorded on the days of a window, as `(date, score)`.
fn worst_values<'a>(days: impl Iterator<Item = &'a DayEntry>) -> Vec<(NaiveDate, u8)> {
    days.filter_map(|d| d.worst_pain.map(|p| (d.date, p.get())))
        .collect()
}

fn dates(list: &[NaiveDate]) -> String {
    list.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The flags of one tier in the latest triage (however old), in plain words, with its date.
fn flags_of_tier(ctx: &Ctx, tier: FlagTier) -> Option<(NaiveDate, Vec<&'static str>)> {
    let (date, triage) = ctx.latest_triage_any_age()?;
    let flags: Vec<&str> = triage
        .red_flags
        .iter()
        .filter(|f| f.tier() == tier)
        .map(|f: &RedFlag| red_flag_words(*f))
        .collect();
    (!flags.is_empty()).then_some((date, flags))
}

fn stays(date: NaiveDate, ctx: &Ctx) -> String {
    match (ctx.today - date).num_days() {
        0 => "today".to_owned(),
        1 => "1 day ago; it stands until a newer triage answers no".to_owned(),
        age => format!("{age} days ago; it stands until a newer triage answers no"),
    }
}

pub(super) fn red_flag(ctx: &Ctx) -> Option<RuleHit> {
    let (date, flags) = flags_of_tier(ctx, FlagTier::Emergency)?;
    Some(RuleHit::new(
        "red-flag",
        format!(
            "You reported a sign that can mean an emergency. {} Do not run.",
            crate::advice::URGENT_ACTION
        ),
        format!(
            "triage of {date} ({}): {}",
            stays(date, ctx),
            flags.join(", ")
        ),
    ))
}

pub(super) fn serious_signs(ctx: &Ctx) -> Option<RuleHit> {
    let (date, flags) = flags_of_tier(ctx, FlagTier::Doctor)?;
    Some(RuleHit::new(
        "serious-signs",
        format!(
            "You reported a sign that needs a doctor's check within days. {}",
            crate::advice::DOCTOR_ACTION
        ),
        format!(
            "triage of {date} ({}): {}",
            stays(date, ctx),
            flags.join(", ")
        ),
    ))
}

pub(super) fn no_recent_check(ctx: &Ctx) -> Option<RuleHit> {
    if ctx.latest_triage(42).is_some() {
        return None;
    }
    let evidence = match ctx.latest_triage_any_age() {
        Some((date, _)) => format!(
            "latest triage {date}, {} days ago (more than 6 weeks)",
            (ctx.today - date).num_days()
        ),
        None => "no triage saved yet".to_owned(),
    };
    Some(RuleHit::new(
        "no-recent-check",
        "Answer the red-flag questions in Triage: a check every six weeks makes sure nothing \
         serious is missed before the app says it is OK to run.",
        evidence,
    ))
}

pub(super) fn bilateral(ctx: &Ctx) -> Option<RuleHit> {
    let days: Vec<NaiveDate> = ctx
        .last(7)
        .filter(|d| d.side == Some(Side::Both))
        .map(|d| d.date)
        .collect();
    (!days.is_empty()).then(|| {
        RuleHit::new(
            "bilateral-symptoms",
            "You logged symptoms in both legs, which can be a warning sign: rest from running \
             and answer the red-flag questions in Triage now.",
            format!("both legs on {}", dates(&days)),
        )
    })
}

pub(super) fn radiculopathy(ctx: &Ctx) -> Option<RuleHit> {
    let mut evidence = Vec::new();
    for (character, word) in [
        (Character::Numbness, "numbness"),
        (Character::Weakness, "weakness"),
    ] {
        let days: Vec<NaiveDate> = ctx
            .last(7)
            .filter(|d| d.character.contains(&character))
            .map(|d| d.date)
            .collect();
        if !days.is_empty() {
            evidence.push(format!("{word} on {}", dates(&days)));
        }
    }
    if let Some((date, triage)) = ctx.latest_triage(42)
        && triage.classification.contains(&PainType::Radiculopathy)
    {
        evidence.push(format!("triage of {date}: radiculopathy"));
    }
    (!evidence.is_empty()).then(|| {
        RuleHit::new(
            "radiculopathy-signs",
            "You reported numbness or weakness, or your self-check suggests the nerve itself \
             may be affected: have a physiotherapist or doctor examine it.",
            evidence.join("; "),
        )
    })
}

pub(super) fn daily_pain_high(ctx: &Ctx) -> Option<RuleHit> {
    let high: Vec<String> = worst_values(ctx.last(3))
        .into_iter()
        .filter(|(_, p)| *p >= 7)
        .map(|(d, p)| format!("worst pain {p}/10 on {d}"))
        .collect();
    (!high.is_empty()).then(|| {
        RuleHit::new(
            "daily-pain-high",
            "Pain of 7/10 or more is too strong to run through: rest, and get advice if it \
             does not ease.",
            high.join("; "),
        )
    })
}

pub(super) fn pain_moderate(ctx: &Ctx) -> Option<RuleHit> {
    let values = worst_values(ctx.last(7));
    // The latest day with the highest value, so the evidence names the most recent one.
    let (date, top) = values.iter().copied().max_by_key(|(d, p)| (*p, *d))?;
    (top >= 4).then(|| {
        RuleHit::new(
            "pain-moderate",
            "Pain reached 4/10 or more in the last 7 days: keep any run short and easy and \
             watch how it responds.",
            format!("highest worst pain in the last 7 days: {top}/10 on {date}"),
        )
    })
}

/// `pain-trend-worsening` or `pain-trend-improving`, compared exactly in integers:
/// `mean_a - mean_b >= 2` is `sum_a * n_b - sum_b * n_a >= 2 * n_a * n_b`.
fn len_i64<T>(list: &[T]) -> i64 {
    i64::try_from(list.len()).unwrap_or(i64::MAX)
}

pub(super) fn pain_trend(ctx: &Ctx) -> Option<RuleHit> {
    let recent = worst_values(ctx.last(7));
    let before = worst_values(ctx.window(13, 7));
    if recent.len() < 3 || before.len() < 3 {
        return None;
    }
    let sum = |v: &[(NaiveDate, u8)]| v.iter().map(|(_, p)| i64::from(*p)).sum::<i64>();
    let (n_a, n_b) = (len_i64(&recent), len_i64(&before));
    let scaled_diff = sum(&recent) * n_b - sum(&before) * n_a;
    let threshold = 2 * n_a * n_b;
    let mean_a = sum(&recent) as f64 / n_a as f64;
    let mean_b = sum(&before) as f64 / n_b as f64;
    let evidence = format!(
        "mean worst pain {mean_a:.1}/10 over {} to {} ({n_a} days recorded) vs {mean_b:.1}/10 \
         over {} to {} ({n_b} days): {:+.1}",
        ctx.ago(6),
        ctx.today,
        ctx.ago(13),
        ctx.ago(7),
        mean_a - mean_b
    );
    if scaled_diff >= threshold {
        Some(RuleHit::new(
            "pain-trend-worsening",
            "Your daily pain is clearly worse than the week before: stop running for now.",
            evidence,
        ))
    } else if -scaled_diff >= threshold {
        Some(RuleHit::new(
            "pain-trend-improving",
            "Your daily pain is clearly better than the week before.",
            evidence,
        ))
    } else {
        None
    }
}

pub(super) fn not_ready(ctx: &Ctx) -> Option<RuleHit> {
    let (triage_date, triage) = ctx.latest_triage(42)?;
    if !triage.classification.contains(&PainType::Radicular) {
        return None;
    }
    let latest = ctx.latest_day()?;
    let mut reasons = Vec::new();
    if latest.pain_medication == Some(true) {
        reasons.push("took pain medication");
    }
    if latest.normal_activities == Some(false) {
        reasons.push("not managing normal activities");
    }
    (!reasons.is_empty()).then(|| {
        RuleHit::new(
            "not-ready-to-run",
            "Your self-check suggests radicular (nerve root) pain: with that, wait to run until \
             you are off pain medication and back to normal daily activities.",
            format!(
                "triage of {triage_date}: radicular; latest logged day {}: {}",
                latest.date,
                reasons.join(" and ")
            ),
        )
    })
}

pub(super) fn six_weeks(ctx: &Ctx) -> Option<RuleHit> {
    let mut highs = Vec::with_capacity(6);
    for k in (0..6u64).rev() {
        let high = ctx
            .window(7 * k + 6, 7 * k)
            .filter_map(|d| d.worst_pain)
            .map(Score::get)
            .max()?;
        if high < 3 {
            return None;
        }
        highs.push(high.to_string());
    }
    Some(RuleHit::new(
        "six-weeks",
        "Pain has gone on for six weeks: most back pain settles by then (nerve pain can take \
         longer), so get it assessed.",
        format!(
            "highest worst pain of each week from {} to {}: {}",
            ctx.ago(41),
            ctx.today,
            highs.join(", ")
        ),
    ))
}

pub(super) fn sleep_disturbed(ctx: &Ctx) -> Option<RuleHit> {
    let nights: Vec<NaiveDate> = ctx
        .last(7)
        .filter(|d| d.sleep_disturbed == Some(true))
        .map(|d| d.date)
        .collect();
    (nights.len() >= 3).then(|| {
        RuleHit::new(
            "sleep-disturbed",
            "Pain is disturbing your sleep: talk to a GP or pharmacist about managing it.",
            format!(
                "sleep disturbed on {} of the last 7 days: {}",
                nights.len(),
                dates(&nights)
            ),
        )
    })
}

/// Called only when no urgent, doctor or stop rule fired. Needs a red-flag check in the last
/// six weeks: "OK to run" is never said to someone who has not answered the questions.
pub(super) fn ok_to_run(ctx: &Ctx) -> Option<RuleHit> {
    ctx.latest_triage(42)?;
    let values = worst_values(ctx.last(7));
    let top = values.iter().map(|(_, p)| *p).max()?;
    (values.len() >= 3 && top <= 3).then(|| {
        RuleHit::new(
            "ok-to-run",
            "Pain is low and not getting worse: running looks fine; build up gently.",
            format!(
                "worst pain recorded on {} of the last 7 days, highest {top}/10; red-flag \
                 check within the last 6 weeks",
                values.len()
            ),
        )
    })
}
