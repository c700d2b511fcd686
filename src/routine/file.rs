//! Reading a `routines.ron` text: the list of routines, checked value by value while parsing
//! and then as a list (ids unique, none taken from the built-ins), with `line:col` positions.

use super::def::Routine;
use std::collections::HashSet;

/// Checks a list of routines: each one valid, ids unique within the list, and none of them
/// using an id in `reserved` (the built-ins, when checking the user's file). The error is
/// `[index] field: message`.
pub fn validate_list(routines: &[Routine], reserved: &[&str]) -> Result<(), String> {
    check_list(routines, reserved).map_err(|p| p.message)
}

/// A problem with a list of routines: which routine, and for an id problem, which occurrence
/// of that id in the text (0 for the first) so a position can be found.
struct ListProblem {
    id_occurrence: Option<(String, usize)>,
    message: String,
}

fn check_list(routines: &[Routine], reserved: &[&str]) -> Result<(), ListProblem> {
    let mut seen = HashSet::new();
    for (i, routine) in routines.iter().enumerate() {
        routine.validate().map_err(|m| ListProblem {
            id_occurrence: None,
            message: format!("[{i}] {m}"),
        })?;
        let id = routine.id.as_str();
        if reserved.contains(&id) {
            return Err(ListProblem {
                id_occurrence: Some((id.to_owned(), 0)),
                message: format!(
                    "[{i}] id: \"{id}\" is the id of a built-in routine; give yours another id"
                ),
            });
        }
        if !seen.insert(id) {
            let earlier = routines[..i].iter().filter(|r| r.id == id).count();
            return Err(ListProblem {
                id_occurrence: Some((id.to_owned(), earlier)),
                message: format!(
                    "[{i}] id: \"{id}\" is used by an earlier routine in this file; ids must be unique"
                ),
            });
        }
    }
    Ok(())
}

/// The `line:col` (1-based) of the `nth` `id: "<id>"` in `text`, if it can be found.
fn id_position(text: &str, id: &str, nth: usize) -> Option<String> {
    let quoted = format!("\"{id}\"");
    let offset = text
        .match_indices(&quoted)
        .filter(|(at, _)| text[..*at].trim_end().ends_with("id:"))
        .nth(nth)?
        .0;
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.len() - before.rfind('\n').map_or(0, |n| n + 1) + 1;
    Some(format!("{line}:{col}"))
}

/// Reads routines from RON text (a list of routines). Blank text is an empty list. The
/// error is `line:col: field: message` (`[index] field: message` when no position is known).
pub fn parse_routines(text: &str, reserved: &[&str]) -> Result<Vec<Routine>, String> {
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let routines: Vec<Routine> = crate::journal::entry::deserialize_with_path(text, &options)
        // The shared reader was written for day files.
        .map_err(|e| e.replace("after the day", "after the list of routines"))?;
    check_list(&routines, reserved).map_err(|problem| {
        match problem
            .id_occurrence
            .and_then(|(id, nth)| id_position(text, &id, nth))
        {
            Some(position) => format!("{position}: {}", problem.message),
            None => problem.message,
        }
    })?;
    Ok(routines)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routine::def::{Step, StepKind};

    #[test]
    fn list_rules_duplicates_reserved_and_blank() {
        let step = Step {
            exercise: "Plank".into(),
            kind: StepKind::Hold {
                seconds: 30,
                per_side: false,
            },
            cues: vec![],
            mistakes: vec![],
        };
        let r = |id: &str| Routine {
            id: id.into(),
            name: "N".into(),
            purpose: String::new(),
            sources: Vec::new(),
            source: String::new(),
            steps: vec![step.clone()],
        };
        assert!(validate_list(&[r("a"), r("b")], &[]).is_ok());
        let text = "[(id: \"a\", name: \"A\", steps: [(exercise: \"P\", kind: Hold(seconds: 3))]),\n (id:  \"a\", name: \"A\", steps: [(exercise: \"P\", kind: Hold(seconds: 3))])]";
        assert_eq!(
            parse_routines(text, &[]).unwrap_err(),
            "2:8: [1] id: \"a\" is used by an earlier routine in this file; ids must be unique"
        );
        assert!(
            parse_routines(text, &["a"])
                .unwrap_err()
                .starts_with("1:7: [0] id:")
        );
        let dup = validate_list(&[r("a"), r("a")], &[]).unwrap_err();
        assert!(dup.starts_with("[1] id:"), "{dup}");
        let reserved = validate_list(&[r("core")], &["core"]).unwrap_err();
        assert!(reserved.contains("built-in"), "{reserved}");
        assert!(validate_list(&[r("has space")], &[]).is_err());
        let mut blank = r("a");
        blank.steps[0].exercise = "  ".into();
        assert_eq!(
            blank.validate().unwrap_err(),
            "steps[0].exercise: must not be blank"
        );
        let mut zero = r("a");
        zero.steps[0].kind = StepKind::Rest { seconds: 0 };
        assert!(
            zero.validate()
                .unwrap_err()
                .starts_with("steps[0].kind.seconds")
        );
    }
}
