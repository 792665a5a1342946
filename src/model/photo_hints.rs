//! How to find a landmark on a patient before marking it on their photo: one palpation hint
//! per landmark of the back, in our own words, after the surface landmarks WHO uses to find
//! the levels of the back (the fact base, "Surface landmarks WHO uses").

/// The hint for a landmark by id, if we have written one.
pub fn palpation_hint(landmark: &str) -> Option<String> {
    let fixed = match landmark {
        "c7_spinous_lower" => {
            "The most prominent bump at the base of the neck; it moves under your finger when \
             the head turns. Mark the lower edge of that bump."
        }
        "t3_spinous_lower" => {
            "Level with the inner ends of the two shoulder-blade spines (arms resting at the \
             sides): the spinous process there, at its lower edge."
        }
        "t7_spinous_lower" => {
            "On the line joining the lower tips of the two shoulder blades: the spinous \
             process there, at its lower edge."
        }
        "t12_spinous_lower" => {
            "Level with the point midway between the lower tip of the shoulder blade and the \
             top of the iliac crest."
        }
        "l4_spinous_lower" => {
            "On the line joining the tops of the two iliac crests (hands on the hips, thumbs \
             behind): the spinous process there, at its lower edge."
        }
        "l2_spinous_lower" => "Count up two spinous processes from L4 (on the iliac-crest line).",
        "l5_spinous_lower" => "The spinous process just below L4, above the sacrum.",
        "iliac_crest_top" => {
            "The highest point of the hip bone's rim, felt with the hands resting on the hips."
        }
        "psis" => {
            "The bony knob at the inner end of the iliac crest, often under a skin dimple above \
             the buttock; the line joining the two is at S2."
        }
        "sacral_hiatus" => {
            "At the lower end of the sacrum on the midline, between the two small bumps (the \
             sacral cornua) above the tailbone."
        }
        "scapula_inferior_angle" => {
            "The lower tip of the shoulder blade, arms resting at the sides (level with T7)."
        }
        "scapular_spine_medial_end" => {
            "Follow the bony ridge across the shoulder blade inward to where it ends near the \
             spine (level with T3)."
        }
        "scapula_medial_border_t3" => {
            "The inner edge of the shoulder blade at the level of T3, three cun from the \
             midline: it sets the cun of the back."
        }
        "acromion_lateral" => "The outer end of the bony tip of the shoulder, above the arm.",
        "posterior_hairline_mid" => "The middle of the hairline at the back of the neck.",
        "gluteal_fold_centre" => "The middle of the crease below the buttock.",
        "greater_trochanter" => {
            "The bony prominence on the outside of the upper thigh; it rolls under your hand \
             when the leg turns in and out."
        }
        "popliteal_crease_centre" => {
            "The middle of the skin crease behind the knee (bend the knee a little to see it)."
        }
        "lateral_malleolus" => "The most prominent point of the outer ankle bone.",
        "medial_malleolus" => "The most prominent point of the inner ankle bone.",
        _ => return vertebra_hint(landmark),
    };
    Some(fixed.to_owned())
}

/// Thoracic and lumbar levels without their own hint: count from a level that has one.
fn vertebra_hint(landmark: &str) -> Option<String> {
    let level = landmark.strip_suffix("_spinous_lower")?;
    let (region, n) = level.split_at(1);
    let n: u32 = n.parse().ok()?;
    let (count, way, from) = match region {
        "t" if n < 7 => (n, "down", "C7"),
        "t" => (
            n - 7,
            "down",
            "T7 (level with the lower tips of the shoulder blades)",
        ),
        "l" => (4_u32.abs_diff(n), "up", "L4 (on the iliac-crest line)"),
        _ => return None,
    };
    let s = if count == 1 { "" } else { "es" };
    Some(format!(
        "Count {count} spinous process{s} {way} from {from}; mark the lower edge."
    ))
}
