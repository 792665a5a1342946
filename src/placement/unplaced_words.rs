//! The points a photo cannot place yet, in words for the window: one short line, and for each
//! point the landmarks it still needs by their names, a paired landmark's sides joined ("both
//! sides"). The marks file and `photo --json` keep the marks' own names. No egui.

use super::Unplaced;
use crate::model::{Figure, Side, parse_mark_name};

/// How many point codes the short line names before "and N more".
const NAMED: usize = 6;

/// The short line: the points not placed yet, the first few by code.
pub fn unplaced_line(unplaced: &[Unplaced]) -> String {
    let codes: Vec<&str> = unplaced
        .iter()
        .take(NAMED)
        .map(|u| u.code.as_str())
        .collect();
    let more = unplaced.len().saturating_sub(NAMED);
    let listed = codes.join(", ");
    if more > 0 {
        format!("Not placed yet: {listed} and {more} more. Hover for the landmarks they need.")
    } else {
        format!("Not placed yet: {listed}. Hover for the landmarks they need.")
    }
}

/// One line per point: its code and the landmarks it still needs on `view`, by name.
pub fn unplaced_needs(view: &Figure, unplaced: &[Unplaced]) -> Vec<String> {
    unplaced
        .iter()
        .map(|u| format!("{}: {}", u.code, needs_in_words(view, &u.needs)))
        .collect()
}

/// The marks `needs` names, each landmark once by its name, with the sides it needs.
fn needs_in_words(view: &Figure, needs: &[String]) -> String {
    // (name, left, right) in the order first needed.
    let mut landmarks: Vec<(String, bool, bool)> = Vec::new();
    for text in needs {
        let (name, side) = match parse_mark_name(view, text) {
            Some(mark) => (
                view.landmark(&mark.landmark)
                    .map_or_else(|| mark.landmark.to_string(), |l| l.name.to_string()),
                mark.side,
            ),
            None => (text.clone(), None),
        };
        if !landmarks.iter().any(|(n, _, _)| *n == name) {
            landmarks.push((name.clone(), false, false));
        }
        let entry = landmarks.iter_mut().find(|(n, _, _)| *n == name);
        if let Some((_, left, right)) = entry {
            match side {
                Some(Side::Left) => *left = true,
                Some(Side::Right) => *right = true,
                _ => {}
            }
        }
    }
    landmarks
        .into_iter()
        .map(|(name, left, right)| match (left, right) {
            (true, true) => format!("{name} (both sides)"),
            (true, false) => format!("{name} (patient's left)"),
            (false, true) => format!("{name} (patient's right)"),
            (false, false) => name,
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PointCode;

    fn posterior() -> crate::model::Atlas {
        crate::load::load_builtin().expect("the built-in atlas loads")
    }

    #[test]
    fn a_points_needs_are_named_once_each_with_the_sides_joined() {
        let atlas = posterior();
        let view = atlas
            .figures()
            .iter()
            .find(|f| f.id.as_str() == "posterior")
            .expect("the posterior view");
        let unplaced = [Unplaced {
            code: PointCode::new("BL40"),
            needs: vec![
                "popliteal_crease_centre_left".into(),
                "popliteal_crease_centre_right".into(),
                "l4_spinous_lower".into(),
                "psis_right".into(),
            ],
        }];
        let lines = unplaced_needs(view, &unplaced);
        assert_eq!(
            lines,
            vec![
                "BL40: Popliteal crease, midpoint (both sides); L4 spinous process (lower \
                 border); Posterior superior iliac spine (level of S2) (patient's right)"
                    .to_string()
            ]
        );
    }

    #[test]
    fn the_short_line_names_six_points_and_counts_the_rest() {
        let unplaced: Vec<Unplaced> = ["BL40", "BL39", "BL57", "BL60", "BL62", "KI3", "LI4"]
            .iter()
            .map(|c| Unplaced {
                code: PointCode::new(*c),
                needs: Vec::new(),
            })
            .collect();
        assert_eq!(
            unplaced_line(&unplaced),
            "Not placed yet: BL40, BL39, BL57, BL60, BL62, KI3 and 1 more. Hover for the \
             landmarks they need."
        );
        assert_eq!(
            unplaced_line(unplaced.get(..2).unwrap_or_default()),
            "Not placed yet: BL40, BL39. Hover for the landmarks they need."
        );
    }
}
