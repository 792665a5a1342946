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
        _ => {
            return limb_hint(landmark)
                .map(str::to_owned)
                .or_else(|| vertebra_hint(landmark));
        }
    };
    Some(fixed.to_owned())
}

/// Landmarks of the sacrum, the limbs, the head and the shoulder.
fn limb_hint(landmark: &str) -> Option<&'static str> {
    Some(match landmark {
        "sacral_foramen_1" => "The first hollow of the sacrum, just below and inside the PSIS.",
        "sacral_foramen_2" => {
            "The second hollow of the sacrum, about midway between the PSIS and the midline."
        }
        "sacral_foramen_3" => "The third hollow of the sacrum, below the second.",
        "sacral_foramen_4" => "The fourth hollow of the sacrum, level with the sacral hiatus.",
        "calcaneal_tendon_ankle" => "The heel cord (Achilles tendon) level with the ankle bones.",
        "lateral_malleolus_below" => {
            "The hollow just below the outer ankle bone, above the heel bone."
        }
        "popliteal_crease_biceps_medial" => {
            "On the knee crease, just inside the tendon at its outer end (it stands out when \
             the knee bends a little)."
        }
        "wrist_crease_dorsal_mc2_3" | "wrist_crease_dorsal_mc4_5" => {
            "The crease on the back of the wrist, in line with the gap between the two \
             hand bones named."
        }
        "mcp_2_3_gap" | "mcp_4_5_gap" => "Between the two knuckles named, on the back of the hand.",
        "mc2_radial_mid" => "The thumb side of the index finger's hand bone, at its middle.",
        "mcp5_ulnar_proximal" => {
            "The little-finger edge of the hand, just before the knuckle, where the palm's \
             skin meets the back's."
        }
        "middle_finger_pip" | "middle_finger_dip" => {
            "The thumb-side end of the middle finger's crease named (bend the finger to see it)."
        }
        "vertex" => "The top of the head on the midline.",
        "occiput_below_protuberance" => {
            "The hollow on the midline just below the bump at the back of the skull."
        }
        "occiput_scm_trapezius_hollow" => {
            "Below the skull, in the hollow between the two big neck muscles, level with the \
             midline hollow."
        }
        "trapezius_lateral_c2" => "Just outside the thick neck muscle, at the level of C2.",
        "c2_spinous_upper" => "The first clear bump below the skull on the midline (C2).",
        "shoulder_top" => "The highest point of the shoulder, midway between C7 and the acromion.",
        "acromion_posterior_hollow" => {
            "The hollow behind the shoulder tip, arm at rest by the side."
        }
        "scapula_superior_angle" => "The upper inner corner of the shoulder blade.",
        "suprascapular_fossa_above_superior_angle" => {
            "The hollow just above the upper inner corner of the shoulder blade."
        }
        "scapular_spine_mid" => "The middle of the bony ridge across the shoulder blade.",
        "scapular_spine_below_axillary_fold" => {
            "Below the ridge of the shoulder blade, straight above the back fold of the armpit."
        }
        "posterior_axillary_fold_top" => {
            "The upper end of the armpit's back fold, arm by the side."
        }
        "elbow_crease_posterior" => "The tip of the elbow, level with the elbow crease.",
        _ => return None,
    })
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
