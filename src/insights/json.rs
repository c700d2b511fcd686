//! The insights as JSON, exactly as design section 10: keys in the documented order (serde
//! writes fields in declaration order), numbers not rounded, `null` for what was not recorded.

use super::{FactorResult, Insights, LedgerEntry, Link};
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Serialize)]
struct Out<'a> {
    from: NaiveDate,
    to: NaiveDate,
    rules_version: u32,
    ledger: &'a [LedgerEntry],
    factors: &'a [FactorResult],
    links: &'a [Link],
    disclaimer: &'static str,
}

pub(super) fn render(insights: &Insights) -> String {
    let out = Out {
        from: insights.window.from,
        to: insights.window.to,
        rules_version: crate::rules::RULES_VERSION,
        ledger: &insights.ledger,
        factors: &insights.factors,
        links: &insights.links,
        disclaimer: crate::advice::DISCLAIMER,
    };
    let mut text = serde_json::to_string_pretty(&out).expect("insights always serialise to JSON");
    text.push('\n');
    text
}
