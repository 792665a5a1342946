//! Today's plan as the visit's: dated when its first point goes in, replaced (cleared, started
//! anew or opened from a saved plan) with the old one kept for undo; and the figure Patient mode
//! shows a plan point on.

use super::state::Session;
use crate::model::{Atlas, PointCode};

/// Dates a plan when its first point goes in.
pub fn date_plan(kept: &mut crate::store::Settings, now_s: u64) {
    if kept.plan.is_empty() {
        kept.plan_date = crate::model::iso_date(now_s);
    }
}

/// Replaces today's plan, keeping the one it replaces for [`Command::UndoPlan`].
pub fn replace_plan(session: &mut Session, plan: Vec<PointCode>, date: String) {
    let old_plan = std::mem::replace(&mut session.kept.plan, plan);
    let old_date = std::mem::replace(&mut session.kept.plan_date, date);
    if !old_plan.is_empty() {
        session.undo_plan = Some((old_plan, old_date));
    }
    session.kept.selected = None;
}

/// Brings back the plan last cleared or replaced.
pub fn undo_plan(session: &mut Session) {
    if let Some((plan, date)) = session.undo_plan.take() {
        session.kept.plan = plan;
        session.kept.plan_date = date;
    }
}

/// Patient mode shows a hand or foot point on its close-up, as the handout does, and any
/// other point on a whole-body figure.
pub fn patient_figure(session: &mut Session, atlas: &Atlas, code: &PointCode) {
    let condition = session.kept.condition.as_ref();
    let far = atlas
        .point(code)
        .is_some_and(|p| atlas.far_from_back(p, condition));
    let shows = |f: &crate::model::Figure| !atlas.sites_for(code, &f.id, condition).is_empty();
    let current = session.kept.figure.as_ref().and_then(|f| atlas.figure(f));
    if current.is_some_and(|f| shows(f) && f.is_close_up() == far) {
        return;
    }
    let best = atlas
        .figures()
        .iter()
        .filter(|f| shows(f))
        .min_by_key(|f| (f.is_close_up() != far, f.order));
    if let Some(f) = best {
        session.kept.figure = Some(f.id.clone());
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use crate::load::load_builtin;
    use crate::model::PointCode;
    use crate::session::{Command, Mode, Session, apply};
    use crate::store::{SavedPlan, Settings};

    #[test]
    fn a_cleared_plan_comes_back_with_undo_and_a_new_plan_starts_clean_and_dated() {
        let atlas = load_builtin().unwrap();
        let mut s = Session::resume(&atlas, Settings::default());
        for c in ["BL23", "BL40"] {
            apply(&mut s, &atlas, Command::AddToPlan(PointCode::new(c)), 0);
        }
        assert_eq!(s.kept.plan_date.len(), 10, "dated when begun");
        apply(&mut s, &atlas, Command::ClearPlan, 0);
        assert!(s.kept.plan.is_empty() && s.kept.plan_date.is_empty());
        apply(&mut s, &atlas, Command::UndoPlan, 0);
        assert_eq!(
            s.kept.plan,
            [PointCode::new("BL23"), PointCode::new("BL40")]
        );
        apply(&mut s, &atlas, Command::NewPlan, 0);
        assert!(s.kept.plan.is_empty());
        let saved = SavedPlan {
            name: "Sciatica, week 2".into(),
            date: "2026-12-06".into(),
            condition: None,
            points: vec![PointCode::new("GB30"), PointCode::new("XX1")],
        };
        apply(&mut s, &atlas, Command::OpenPlan(saved), 0);
        assert_eq!(
            s.kept.plan,
            [PointCode::new("GB30")],
            "unknown codes are left out"
        );
        assert_eq!(s.kept.plan_date, "2026-12-06");
    }

    #[test]
    fn patient_mode_shows_a_hand_point_on_its_close_up() {
        let atlas = load_builtin().unwrap();
        let mut s = Session::resume(&atlas, Settings::default());
        for c in ["BL23", "LI4"] {
            apply(&mut s, &atlas, Command::AddToPlan(PointCode::new(c)), 0);
        }
        apply(&mut s, &atlas, Command::SetMode(Mode::Patient), 0);
        apply(
            &mut s,
            &atlas,
            Command::SelectPoint(PointCode::new("LI4")),
            0,
        );
        let figure = atlas.figure(s.kept.figure.as_ref().unwrap()).unwrap();
        assert!(figure.is_close_up(), "{}", figure.id);
        apply(
            &mut s,
            &atlas,
            Command::SelectPoint(PointCode::new("BL23")),
            0,
        );
        let figure = atlas.figure(s.kept.figure.as_ref().unwrap()).unwrap();
        assert!(!figure.is_close_up(), "{}", figure.id);
    }
}
