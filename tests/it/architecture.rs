//! The house rules, read off the source: the core never imports the terminal crates, and no
//! two modules import each other (at the top of the crate, inside `tui`, and between the tabs).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Module path of each source file (`src/tui/tabs/log.rs` is `tui::tabs::log`), and its text
/// without comments and without its `mod tests`.
fn sources() -> Vec<(Vec<String>, String)> {
    let mut out = Vec::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    let root = stack[0].clone();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs")
                || path.file_name().is_some_and(|n| n == "tests.rs")
            {
                continue;
            }
            let rel = path.strip_prefix(&root).unwrap().with_extension("");
            let mut module: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if matches!(
                module.last().map(String::as_str),
                Some("lib" | "main" | "mod")
            ) {
                module.pop();
            }
            let text = std::fs::read_to_string(&path).unwrap();
            // Inline test modules are left out, and test files (`…/tests.rs`) below.
            let text = text.split("#[cfg(test)]\nmod tests {").next().unwrap_or("");
            let code: String = text
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            out.push((module, code));
        }
    }
    out
}

/// `a::{b, c::{d, e}}` written out as `a::b a::c::d a::c::e`, so grouped imports are seen.
fn expand_groups(code: &str) -> String {
    let mut code = code.to_owned();
    while let Some(open) = code.find("::{") {
        let start = code[..open]
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .map_or(0, |i| i + 1);
        let prefix = code[start..open].to_owned();
        let (mut depth, mut close) = (0, code.len());
        for (i, c) in code[open + 2..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 1 => {
                    close = open + 2 + i;
                    break;
                }
                '}' => depth -= 1,
                _ => {}
            }
        }
        let inner = &code[open + 3..close.min(code.len())];
        let (mut items, mut depth, mut from) = (Vec::new(), 0, 0);
        for (i, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    items.push(&inner[from..i]);
                    from = i + 1;
                }
                _ => {}
            }
        }
        items.push(&inner[from..]);
        let expanded: Vec<String> = items
            .iter()
            .map(|item| item.trim())
            .filter(|item| !item.is_empty())
            .map(|item| format!("{prefix}::{item}"))
            .collect();
        code.replace_range(start..(close + 1).min(code.len()), &expanded.join(" "));
    }
    code
}

/// The module paths a file refers to: `crate::a::b…` and `super::…` paths, grouped ones too.
fn references(module: &[String], code: &str) -> BTreeSet<Vec<String>> {
    let code = expand_groups(code);
    let mut found = BTreeSet::new();
    let words: Vec<&str> = code
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
        .filter(|w| w.contains("::"))
        .collect();
    for word in words {
        let parts: Vec<&str> = word.split("::").filter(|p| !p.is_empty()).collect();
        let (mut base, rest): (Vec<String>, &[&str]) = match parts.first() {
            Some(&"crate") => (Vec::new(), &parts[1..]),
            Some(&"super") => {
                let ups = parts.iter().take_while(|p| **p == "super").count();
                let keep = module.len().saturating_sub(ups);
                (module[..keep].to_vec(), &parts[ups..])
            }
            _ => continue,
        };
        base.extend(rest.iter().map(|p| (*p).to_owned()));
        found.insert(base);
    }
    found
}

type Graph = BTreeMap<String, BTreeSet<String>>;

/// Who imports whom among the children of `parent` (each file counted as the child it lies
/// under).
fn graph(parent: &[&str]) -> Graph {
    let depth = parent.len() + 1;
    let under = |m: &[String]| m.len() >= depth && m[..parent.len()] == *parent;
    let mut graph = Graph::new();
    for (module, code) in sources() {
        if !under(&module) {
            continue;
        }
        let from = module[depth - 1].clone();
        for target in references(&module, &code) {
            if under(&target) && target[depth - 1] != from {
                graph
                    .entry(from.clone())
                    .or_default()
                    .insert(target[depth - 1].clone());
            }
        }
    }
    graph
}

/// Each module that reaches itself again, with the way round.
fn cycles_in(graph: &Graph) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    for start in graph.keys() {
        let mut path = vec![start.clone()];
        if reaches(graph, start, start, &mut path, &mut BTreeSet::new()) {
            found.push(path);
        }
    }
    found
}

fn reaches(
    graph: &Graph,
    from: &str,
    goal: &str,
    path: &mut Vec<String>,
    seen: &mut BTreeSet<String>,
) -> bool {
    for next in graph.get(from).into_iter().flatten() {
        path.push(next.clone());
        if next == goal {
            return true;
        }
        if seen.insert(next.clone()) && reaches(graph, next, goal, path, seen) {
            return true;
        }
        path.pop();
    }
    false
}

#[test]
fn no_two_modules_import_each_other() {
    for parent in [
        &[][..],
        &["tui"][..],
        &["tui", "tabs"][..],
        &["journal"][..],
    ] {
        let found = cycles_in(&graph(parent));
        assert!(
            found.is_empty(),
            "import cycles under {parent:?}: {found:?}"
        );
    }
}

#[test]
fn the_finder_sees_a_cycle_when_there_is_one() {
    let edges = |pairs: &[(&str, &str)]| {
        let mut g = Graph::new();
        for (a, b) in pairs {
            g.entry((*a).to_owned())
                .or_default()
                .insert((*b).to_owned());
        }
        g
    };
    assert!(cycles_in(&edges(&[("a", "b"), ("b", "c")])).is_empty());
    let found = cycles_in(&edges(&[("a", "b"), ("b", "c"), ("c", "a"), ("d", "a")]));
    assert_eq!(found.len(), 3, "a, b and c each come back: {found:?}");
    assert_eq!(found[0], ["a", "b", "c", "a"]);
    // Grouped imports are written out.
    let grouped = references(
        &["journal".into(), "read".into()],
        "use super::{Problem, store::{Loaded, Scope}};",
    );
    assert!(grouped.contains(&vec!["journal".to_owned(), "Problem".to_owned()]));
    assert!(grouped.contains(&vec![
        "journal".to_owned(),
        "store".to_owned(),
        "Scope".to_owned()
    ]));
    // And paths are read as the compiler reads them.
    let refs = references(
        &["tui".into(), "tabs".into(), "log".into()],
        "use super::super::view::split; use crate::journal::store::Store;",
    );
    assert!(refs.contains(&vec![
        "tui".to_owned(),
        "view".to_owned(),
        "split".to_owned()
    ]));
    assert!(refs.contains(&vec![
        "journal".to_owned(),
        "store".to_owned(),
        "Store".to_owned()
    ]));
}

#[test]
fn the_core_never_imports_the_terminal() {
    const CORE: &[&str] = &[
        "journal", "rules", "triage", "routine", "report", "values", "insights", "session",
        "advice", "sources", "text",
    ];
    for (module, code) in sources() {
        if module.first().is_some_and(|m| CORE.contains(&m.as_str())) {
            assert!(
                !code.contains("ratatui") && !code.contains("crossterm"),
                "{} imports the terminal",
                module.join("::")
            );
        }
    }
}
