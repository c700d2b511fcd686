//! The sources table (design section 9): where every rule, guidance text and built-in routine
//! comes from. Screens show the short form ("Silbernagel 2007"); help, `stridelog sources` and
//! the Markdown report show the full citation. Every source is named here once, by its id.

use std::fmt::Write as _;

/// One source: its id (as written in rules, routines and the JSON report), the short form for
/// screens, and the full citation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    pub id: &'static str,
    pub short: &'static str,
    pub full: &'static str,
}

const fn source(id: &'static str, short: &'static str, full: &'static str) -> Source {
    Source { id, short, full }
}

/// Every source, in the order help and `stridelog sources` list them.
pub const SOURCES: [Source; 14] = [
    source(
        "movaia",
        "Movaia",
        "Movaia, \"Running with Sciatica: Understanding, Managing, and Overcoming\", movaia.com \
         (about 2023)",
    ),
    source(
        "sports-health",
        "Sports-Health",
        "Moeller A, \"Running with Sciatica: 4 Things to Know\", Sports-Health blog (Veritas \
         Health)",
    ),
    source(
        "running-escapades",
        "Running Escapades",
        "\"Will Running Worsen My Sciatica\", Running Escapades blog (no specific facts)",
    ),
    source(
        "runners-world-uk",
        "Runner's World UK",
        "\"What is sciatica?\", Runner's World UK, written by a physiotherapist (about 2024)",
    ),
    source(
        "verywell",
        "Verywell",
        "\"Sciatica Symptoms, Prevention, and Treatment\", Verywell (about 2015)",
    ),
    source(
        "silbernagel-2007",
        "Silbernagel 2007",
        "Silbernagel KG et al. Am J Sports Med 2007;35(6):897-906 (the pain-monitoring model; \
         developed for tendon pain, used here as a guide for running)",
    ),
    source(
        "frandsen-2025",
        "Frandsen 2025",
        "Frandsen JSB et al. Br J Sports Med 2025;59(17):1203-1210 (a single run more than 10 % \
         longer than the longest of the previous 30 days went with more injuries)",
    ),
    source(
        "nielsen-2014",
        "Nielsen 2014",
        "Nielsen RO et al. J Orthop Sports Phys Ther 2014;44(10):739-747",
    ),
    source(
        "ostelo-2008",
        "Ostelo 2008",
        "Ostelo RW et al. Spine 2008;33(1):90-94 (2 points or 30 % is the smallest change in \
         pain that people notice)",
    ),
    source(
        "bogduk-2009",
        "Bogduk 2009",
        "Bogduk N. Pain 2009;147(1-3):17-19 (referred pain, radicular pain and radiculopathy)",
    ),
    source(
        "maitland-1985",
        "Maitland 1985",
        "Maitland GD. Aust J Physiother 1985;31(6):215-219 (the slump test)",
    ),
    source(
        "nice-cks-sciatica",
        "NICE CKS",
        "NICE Clinical Knowledge Summaries, \"Sciatica (lumbar radiculopathy)\", red flags",
    ),
    source(
        "barraclough-2021",
        "BMJ 2021",
        "Barraclough K. \"Cauda equina syndrome\". BMJ 2021;372:n32",
    ),
    source(
        "stridelog",
        "stridelog",
        "stridelog's own choice, explained where it is used (for example a more cautious \
         threshold than the literature's, or hold times and rests we picked)",
    ),
];

/// The source with this id.
#[must_use]
pub fn by_id(id: &str) -> Option<&'static Source> {
    SOURCES.iter().find(|s| s.id == id)
}

/// The short forms of these ids joined for a screen: `"NICE CKS; BMJ 2021"`. An unknown id is
/// shown as itself (the tests keep every id used in the app in the table).
#[must_use]
pub fn short_list(ids: &[&str]) -> String {
    ids.iter()
        .map(|id| by_id(id).map_or(*id, |s| s.short))
        .collect::<Vec<_>>()
        .join("; ")
}

/// `stridelog sources`: every source, short form then full citation, one per paragraph.
#[must_use]
pub fn render_list() -> String {
    let mut out = String::from("Where stridelog's rules and guidance come from:\n\n");
    for s in &SOURCES {
        let _ = writeln!(out, "{} [{}]\n    {}", s.short, s.id, s.full);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_short_forms_are_unique() {
        for (i, a) in SOURCES.iter().enumerate() {
            for b in &SOURCES[i + 1..] {
                assert_ne!(a.id, b.id);
                assert_ne!(a.short, b.short);
            }
        }
    }

    #[test]
    fn short_list_names_each_source() {
        assert_eq!(
            short_list(&["nice-cks-sciatica", "barraclough-2021"]),
            "NICE CKS; BMJ 2021"
        );
    }

    #[test]
    fn nothing_says_seed() {
        let text = render_list();
        assert!(!text.to_lowercase().contains("seed"), "{text}");
    }
}
