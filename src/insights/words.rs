//! The insights in plain words for runners, the same on the command line, the Insights tab and
//! the Markdown report. Always "goes with", never "causes".

use super::factors::{Band, FactorResult, FactorValue, Spike, WeeklyChange};
use super::links::{Link, LinkFactor};
use super::outlook::Outlook;

/// What "more pain" means in the sentences (an amber or red response).
pub const MORE_PAIN: &str = "More pain = run pain 4/10 or more, a changed gait, or a worse \
    next morning.";

/// Said wherever findings are shown.
pub const CAVEAT: &str = "These are patterns in your own notes: something that goes with your \
    pain is not always what brings it on.";

/// A share as a whole percentage: "21 %".
#[must_use]
pub fn percent(share: f64) -> String {
    format!("{:.0} %", share * 100.0)
}

/// A p- or q-value: "< 0.001", or at most three decimals without trailing zeros.
#[must_use]
pub fn p_value(p: f64) -> String {
    if p < 0.001 {
        return "< 0.001".to_owned();
    }
    let text = format!("{p:.3}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// The days a value describes, after their count: "days with a trail run".
#[must_use]
pub fn value_days(value: &FactorValue) -> String {
    match value {
        FactorValue::Surface(surface) => {
            format!("days with a {} run", format!("{surface:?}").to_lowercase())
        }
        FactorValue::Shoes(name) => format!("days running in {name}"),
        FactorValue::Distance(band) => match band {
            Band::Under5 => "run days under 5 km".to_owned(),
            Band::From21 => "run days of 21 km or more".to_owned(),
            other => format!("run days of {} km", other.name()),
        },
        FactorValue::Spike(Spike::Yes) => {
            "days with a run over 10 % longer than your longest of the 30 days before".to_owned()
        }
        FactorValue::Spike(Spike::No) => "days without such a long-run spike".to_owned(),
        FactorValue::WeeklyChange(change) => match change {
            WeeklyChange::New => "run days after a week without running",
            WeeklyChange::Down => "run days in a week over 10 % shorter than the week before",
            WeeklyChange::Flat => "run days in a week within 10 % of the week before",
            WeeklyChange::Up => "run days in a week 10-30 % longer than the week before",
            WeeklyChange::Jump => "run days in a week over 30 % longer than the week before",
        }
        .to_owned(),
    }
}

/// "14 days with a trail run: 9 followed by more pain, against 21 % of your other run days".
#[must_use]
pub fn factor_sentence(f: &FactorResult) -> String {
    format!(
        "{} {}: {} followed by more pain, against {} of your other run days",
        f.n,
        value_days(&f.value),
        f.non_green,
        percent(f.share_without)
    )
}

/// "(p 0.004, q 0.03)".
#[must_use]
pub fn factor_numbers(f: &FactorResult) -> String {
    format!("(p {}, q {})", p_value(f.p), p_value(f.q))
}

/// What a link factor measures, as a noun: "sitting", "sleep", "running".
#[must_use]
pub fn link_noun(factor: LinkFactor) -> &'static str {
    match factor {
        LinkFactor::SittingHours => "sitting",
        LinkFactor::SleepHours => "sleep",
        LinkFactor::Stress => "stress",
        LinkFactor::HeatMinutes => "heat",
        LinkFactor::IceMinutes => "ice",
        LinkFactor::DistanceKm => "running (distance in the day)",
    }
}

/// A clear link: "More sitting goes with more pain the next morning"; one that is not:
/// "Sitting: no clear link with the next morning's pain".
#[must_use]
pub fn link_sentence(link: &Link) -> String {
    let noun = link_noun(link.factor);
    if !link.clear {
        return format!(
            "{}: no clear link with the next morning's pain",
            capital(noun)
        );
    }
    let direction = if link.rho < 0.0 { "less" } else { "more" };
    format!("More {noun} goes with {direction} pain the next morning")
}

/// A number to two decimals, never "-0.00".
fn two_decimals(value: f64) -> String {
    let text = format!("{value:.2}");
    if text == "-0.00" {
        "0.00".to_owned()
    } else {
        text
    }
}

/// "(rho 0.41, 95 % interval 0.21 to 0.58, 80 days, q 0.01)".
#[must_use]
pub fn link_numbers(link: &Link) -> String {
    format!(
        "(rho {}, 95 % interval {} to {}, {} days, q {})",
        two_decimals(link.rho),
        two_decimals(link.low),
        two_decimals(link.high),
        link.n,
        p_value(link.q)
    )
}

fn capital(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

fn run_days(n: usize) -> String {
    if n == 1 {
        "1 more run day".to_owned()
    } else {
        format!("{n} more run days")
    }
}

/// The honest sentence when nothing is clear (`None` when something is).
#[must_use]
pub fn outlook_sentence(outlook: Outlook) -> Option<String> {
    match outlook {
        Outlook::Clear => None,
        Outlook::TooFew(n) => Some(format!(
            "Nothing is clear yet: at least {} with the next morning's pain logged {} needed \
             before anything can be compared.",
            run_days(n),
            if n == 1 { "is" } else { "are" }
        )),
        Outlook::About(n) => Some(format!(
            "Nothing is clear yet: about {} would help (each with the next morning's pain \
             logged), if the patterns so far hold.",
            run_days(n)
        )),
        Outlook::NoSignal => Some(
            "Nothing is clear yet, and no difference shows so far: keep logging your runs and \
             the next morning's pain."
                .to_owned(),
        ),
    }
}
