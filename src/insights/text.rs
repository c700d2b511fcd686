//! The insights as plain text for the terminal: the clear findings first, in words, then what
//! was tested and is not clear, the caveat and the disclaimer.

use super::words::{
    CAVEAT, MORE_PAIN, factor_numbers, factor_sentence, link_numbers, link_sentence,
    outlook_sentence,
};
use super::{Insights, Response};
use std::fmt::Write;

pub(super) fn render(insights: &Insights, problems: usize) -> String {
    let mut out = String::new();
    let w = insights.window;
    let _ = writeln!(out, "What goes with your pain, {} to {}", w.from, w.to);
    let _ = writeln!(out);
    let count = |r: Response| insights.ledger.iter().filter(|e| e.response == r).count();
    let _ = writeln!(
        out,
        "{} run days; {} with a known response: {} fine, {} with some more pain, {} with more \
         pain.",
        insights.ledger.len(),
        insights.classified,
        count(Response::Green),
        count(Response::Amber),
        count(Response::Red)
    );
    let _ = writeln!(out, "{MORE_PAIN}");
    let _ = writeln!(out);

    let clear_factors: Vec<_> = insights.clear_factors().collect();
    let clear_links: Vec<_> = insights.clear_links().collect();
    if !clear_factors.is_empty() {
        let _ = writeln!(out, "Clear: what goes with more pain");
        for f in &clear_factors {
            let _ = writeln!(out, "  - {} {}", factor_sentence(f), factor_numbers(f));
        }
        let _ = writeln!(out);
    }
    if !clear_links.is_empty() {
        let _ = writeln!(out, "Clear: what goes with the next morning's pain");
        for l in &clear_links {
            let _ = writeln!(out, "  - {} {}", link_sentence(l), link_numbers(l));
        }
        let _ = writeln!(out);
    }
    if let Some(sentence) = outlook_sentence(insights.outlook) {
        let _ = writeln!(out, "{sentence}");
        let _ = writeln!(out);
    }

    let unclear_factors: Vec<_> = insights.factors.iter().filter(|f| !f.clear).collect();
    let unclear_links: Vec<_> = insights.links.iter().filter(|l| !l.clear).collect();
    if !unclear_factors.is_empty() || !unclear_links.is_empty() {
        let _ = writeln!(out, "Tested, not clear (could be chance)");
        for f in unclear_factors {
            let _ = writeln!(out, "  - {} {}", factor_sentence(f), factor_numbers(f));
        }
        for l in unclear_links {
            let _ = writeln!(out, "  - {} {}", link_sentence(l), link_numbers(l));
        }
        let _ = writeln!(out);
    }

    let _ = writeln!(out, "{CAVEAT}");
    if problems > 0 {
        let _ = writeln!(
            out,
            "{problems} day file(s) could not be read and are left out: run `stridelog check`."
        );
    }
    let _ = writeln!(out, "{}", crate::advice::DISCLAIMER);
    out
}
