//! The rules table of design section 4 (rules version 2): each rule's id, level, when it fires
//! in a few words and its sources (ids of the sources table, design section 9), in table order.

use super::Level;

/// The version of the rules this build applies (the report says so).
pub const RULES_VERSION: u32 = 2;

/// One rule of the table: what it is called, how serious it is and where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleInfo {
    pub id: &'static str,
    pub level: Level,
    /// When it fires, in a few words (for the help screen).
    pub when: &'static str,
    /// Ids of [`crate::sources::SOURCES`].
    pub sources: &'static [&'static str],
    /// How the sources bear on the rule, when that needs saying (empty otherwise).
    pub note: &'static str,
}

impl RuleInfo {
    /// The sources as shown on a screen: short forms, then the note (`"Silbernagel 2007"`,
    /// `"Nielsen 2014 (no clear link …)"`).
    #[must_use]
    pub fn source_text(&self) -> String {
        let short = crate::sources::short_list(self.sources);
        if self.note.is_empty() {
            short
        } else {
            format!("{short} ({})", self.note)
        }
    }
}

/// Every rule, in table order (the order of hits of the same level).
pub const RULES: [RuleInfo; 20] = [
    rule(
        "red-flag",
        Level::Urgent,
        "your latest triage, however old, lists an emergency red flag",
        &["nice-cks-sciatica", "barraclough-2021", "movaia"],
        "",
    ),
    rule(
        "serious-signs",
        Level::Doctor,
        "your latest triage, however old, lists a sign that needs a doctor within days",
        &["nice-cks-sciatica"],
        "",
    ),
    rule(
        "bilateral-symptoms",
        Level::Stop,
        "symptoms in both legs on a day of the last 7",
        &["nice-cks-sciatica", "barraclough-2021"],
        "",
    ),
    rule(
        "radiculopathy-signs",
        Level::Caution,
        "numbness or weakness in the last 7 days, or a triage of the last 6 weeks suggests \
         radiculopathy",
        &["runners-world-uk", "bogduk-2009"],
        "",
    ),
    rule(
        "gait-change",
        Level::Stop,
        "a run of the last 7 days changed how you ran",
        &["runners-world-uk"],
        "",
    ),
    rule(
        "run-pain-high",
        Level::Stop,
        "pain above 5/10 during or after a run of the last 7 days",
        &["silbernagel-2007"],
        "a tendon-pain model, used here as a guide for running",
    ),
    rule(
        "run-pain-rising",
        Level::Caution,
        "pain after a run at least 2 points above pain before it",
        &["runners-world-uk", "ostelo-2008"],
        "",
    ),
    rule(
        "morning-after",
        Level::Caution,
        "morning pain higher the day after a run than on the day of it",
        &["silbernagel-2007"],
        "a tendon-pain model, used here as a guide for running",
    ),
    rule(
        "daily-pain-high",
        Level::Stop,
        "worst pain 7/10 or more on one of the last 3 days",
        &["runners-world-uk"],
        "",
    ),
    rule(
        "pain-moderate",
        Level::Caution,
        "worst pain 4/10 or more in the last 7 days",
        &["stridelog"],
        "a cautious threshold of our own; Silbernagel 2007's acceptable zone reaches 5 during \
         activity",
    ),
    rule(
        "pain-trend-worsening",
        Level::Stop,
        "mean worst pain 2 points above the 7 days before",
        &["runners-world-uk", "ostelo-2008"],
        "",
    ),
    rule(
        "pain-trend-improving",
        Level::Info,
        "mean worst pain 2 points below the 7 days before",
        &["ostelo-2008"],
        "",
    ),
    rule(
        "long-run-spike",
        Level::Caution,
        "a run more than 10 % longer than the longest of the 30 days before it",
        &["frandsen-2025"],
        "",
    ),
    rule(
        "weekly-jump",
        Level::Info,
        "distance of the last 7 days more than 30 % above the 7 days before",
        &["nielsen-2014"],
        "no clear link in the main analysis: information only",
    ),
    rule(
        "weekly-over-10",
        Level::Info,
        "distance of the last 7 days 10-30 % above the 7 days before",
        &["verywell"],
        "a convention with weak evidence: information only",
    ),
    rule(
        "not-ready-to-run",
        Level::Stop,
        "radicular pain, and still on pain medication or not at normal activities",
        &["runners-world-uk"],
        "",
    ),
    rule(
        "six-weeks",
        Level::Caution,
        "worst pain 3/10 or more in each of the last six weeks",
        &["runners-world-uk"],
        "",
    ),
    rule(
        "sleep-disturbed",
        Level::Caution,
        "pain disturbed sleep on 3 or more of the last 7 days",
        &["runners-world-uk"],
        "",
    ),
    rule(
        "no-recent-check",
        Level::Caution,
        "no red-flag check (triage) in the last 6 weeks",
        &["stridelog"],
        "a red-flag check every six weeks is our choice; NICE CKS lists the flags",
    ),
    rule(
        "ok-to-run",
        Level::Ok,
        "a triage in the last 6 weeks, pain recorded on 3+ of the last 7 days, all 3/10 or \
         less, nothing serious fired",
        &["runners-world-uk"],
        "",
    ),
];

const fn rule(
    id: &'static str,
    level: Level,
    when: &'static str,
    sources: &'static [&'static str],
    note: &'static str,
) -> RuleInfo {
    RuleInfo {
        id,
        level,
        when,
        sources,
        note,
    }
}

/// The table entry of a rule id.
#[must_use]
pub fn rule_info(id: &str) -> Option<&'static RuleInfo> {
    RULES.iter().find(|r| r.id == id)
}

pub(super) fn table_index(id: &str) -> usize {
    RULES.iter().position(|r| r.id == id).unwrap_or(RULES.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_source_is_in_the_sources_table() {
        for rule in &RULES {
            assert!(!rule.sources.is_empty(), "{} has no source", rule.id);
            for id in rule.sources {
                assert!(
                    crate::sources::by_id(id).is_some(),
                    "{}: unknown source {id}",
                    rule.id
                );
            }
        }
    }
}
