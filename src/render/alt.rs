//! A figure said in words, for a reader that cannot see it (the alt text of a tagged PDF's
//! figure): its title and the points drawn on it, each with its number when the figure is
//! numbered, its code and where it is in plain words.

use crate::model::{Atlas, Figure, PointCode};
use crate::scene::{LabelStyle, Scene};

/// "Back of the body with points 1, 2 and 5 marked: 1 BL23, lower back; …", or the title
/// alone when no point is drawn.
pub fn figure_words(atlas: &Atlas, figure: &Figure, scene: &Scene, title: &str) -> String {
    let numbered = matches!(
        scene.labels,
        LabelStyle::Numbered | LabelStyle::NumberedCode
    );
    let shown: Vec<(usize, &PointCode)> = scene
        .points
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            scene
                .label_only
                .as_ref()
                .is_none_or(|only| only.contains(*c))
        })
        .filter(|(_, c)| {
            !atlas
                .sites_for(c, &figure.id, scene.condition.as_ref())
                .is_empty()
        })
        .map(|(k, c)| (k + 1, c))
        .collect();
    let also = layer_words(atlas, scene);
    if shown.is_empty() {
        return format!("{title}.{also}");
    }
    // Where some points are stressed (the rest dimmed), those are the ones worth naming.
    let named: Vec<&(usize, &PointCode)> = shown
        .iter()
        .filter(|(_, c)| scene.highlighted.is_empty() || scene.highlighted.contains(*c))
        .collect();
    let each: Vec<String> = named
        .iter()
        .map(|(n, code)| {
            let place = atlas
                .point(code)
                .map(|p| atlas.place_name(p, scene.condition.as_ref()).to_lowercase())
                .unwrap_or_default();
            let label = if numbered {
                format!("{n} {code}")
            } else {
                code.to_string()
            };
            if place.is_empty() {
                label
            } else {
                format!("{label}, {place}")
            }
        })
        .collect();
    let which = if numbered {
        let numbers: Vec<String> = shown.iter().map(|(n, _)| n.to_string()).collect();
        let noun = if numbers.len() == 1 {
            "point"
        } else {
            "points"
        };
        format!("{noun} {}", and_list(&numbers))
    } else if shown.len() == 1 {
        "one point".to_owned()
    } else {
        format!("{} points", shown.len())
    };
    let stressed = if named.len() < shown.len() {
        let verb = if named.len() == 1 { "stands" } else { "stand" };
        format!("; {} {verb} out", named.len())
    } else {
        String::new()
    };
    format!(
        "{title} with {which} marked{stressed}: {}.{also}",
        each.join("; ")
    )
}

/// The patient's photo in words: the points numbered on it, and that they are approximate.
pub fn photo_words(title: &str, scene: &crate::scene::photo::PhotoScene) -> String {
    let mut each: Vec<String> = Vec::new();
    for dot in scene.dots.iter().filter(|d| d.labelled) {
        let label = format!("{} {}", dot.label, dot.code);
        if !each.contains(&label) {
            each.push(label);
        }
    }
    let approximate = crate::scene::photo::APPROXIMATE;
    if each.is_empty() {
        return format!("{title}. {approximate}");
    }
    let noun = if each.len() == 1 { "point" } else { "points" };
    format!(
        "{title}: the patient's photo with {noun} {} marked. {approximate}",
        and_list(&each)
    )
}

/// A mechanism's diagram in words: the mechanism, the step shown and the structures it lights.
pub fn diagram_words(atlas: &Atlas, view: &crate::scene::DiagramView) -> String {
    let Some(mechanism) = atlas.mechanism(&view.mechanism) else {
        return "A diagram.".to_owned();
    };
    let Some(diagram) = atlas.diagram(&mechanism.id) else {
        return format!("Diagram of {}.", mechanism.title);
    };
    let count = diagram.steps.len();
    let index = view.step.min(count.saturating_sub(1));
    let Some(step) = diagram.step(index) else {
        return format!("Diagram of {}.", mechanism.title);
    };
    let lit: Vec<String> = atlas
        .schematic(&diagram.schematic)
        .map(|s| {
            step.show
                .iter()
                .filter_map(|id| s.structure(id))
                .map(|p| p.name.to_lowercase())
                .collect()
        })
        .unwrap_or_default();
    let words = format!(
        "Diagram of {}, step {} of {count}: {}.",
        mechanism.title,
        index + 1,
        step.title
    );
    if lit.is_empty() {
        words
    } else {
        format!("{words} Shown lit: {}.", and_list(&lit))
    }
}

/// " Also drawn: the bones, the nerves and the Bladder channel." for the layers a scene draws
/// over its figure; empty when it draws none.
fn layer_words(atlas: &Atlas, scene: &Scene) -> String {
    let layers = &scene.layers;
    let mut drawn: Vec<String> = Vec::new();
    if layers.bones {
        drawn.push("the bones".to_owned());
    }
    if layers.nerves {
        drawn.push("the nerves".to_owned());
    }
    let channels: Vec<String> = layers
        .channels
        .iter()
        .map(|id| {
            atlas
                .channel(id)
                .map_or_else(|| id.to_string(), |c| c.name.to_string())
        })
        .collect();
    match channels.len() {
        0 => {}
        1 => drawn.push(format!("the {} channel", and_list(&channels))),
        _ => drawn.push(format!("the {} channels", and_list(&channels))),
    }
    if drawn.is_empty() {
        String::new()
    } else {
        format!(" Also drawn: {}.", and_list(&drawn))
    }
}

/// "1", "1 and 2", "1, 2 and 5".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// The back of the body with a scene of `codes`.
    fn back_with<'a>(atlas: &'a Atlas, codes: &[&str]) -> (&'a Figure, Scene) {
        let figure = atlas
            .figures()
            .iter()
            .find(|f| f.id.as_str() == "posterior")
            .unwrap();
        let plan: Vec<PointCode> = codes.iter().map(|c| PointCode::new(*c)).collect();
        (figure, Scene::new(figure.id.clone(), plan))
    }

    #[test]
    fn a_numbered_figure_names_each_point_by_number_code_and_place() {
        let atlas = crate::load::load_builtin().unwrap();
        let (figure, mut scene) = back_with(&atlas, &["BL23", "ST36", "BL40"]);
        scene.labels = LabelStyle::Numbered;
        let words = figure_words(&atlas, figure, &scene, &figure.title);
        assert!(
            words.starts_with("Back of the body with points 1 and 3 marked: 1 BL23, "),
            "{words}"
        );
        assert!(words.contains("; 3 BL40, "), "{words}");
        assert!(!words.contains("ST36"), "{words}");
    }

    #[test]
    fn a_figure_with_points_stressed_names_only_those() {
        let atlas = crate::load::load_builtin().unwrap();
        let (figure, mut scene) = back_with(&atlas, &["BL23", "BL40", "BL52"]);
        scene.highlighted.insert(PointCode::new("BL40"));
        let words = figure_words(&atlas, figure, &scene, "Back");
        assert!(
            words.starts_with("Back with 3 points marked; 1 stands out: BL40, "),
            "{words}"
        );
        assert!(!words.contains("BL23"), "{words}");
    }

    #[test]
    fn and_list_joins_the_last_with_and() {
        let items: Vec<String> = ["1", "2", "5"].iter().map(|s| (*s).to_owned()).collect();
        assert_eq!(and_list(&items), "1, 2 and 5");
        assert_eq!(and_list(&items[..1]), "1");
    }
}
