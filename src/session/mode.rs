//! The four modes, one per kind of user, and the tabs of explore mode's right panel.

/// The four ways through the program, one per kind of user.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Mode {
    /// Browse every point, its location, mechanisms and guidance.
    #[default]
    Explore,
    /// Today's plan for a patient, in plain words.
    Patient,
    /// Questions for a trainee, scored in cun.
    Study,
    /// Large, stepped, for a projector.
    Present,
}

impl Mode {
    pub const ALL: [Mode; 4] = [Mode::Explore, Mode::Patient, Mode::Study, Mode::Present];

    pub fn name(self) -> &'static str {
        match self {
            Mode::Explore => "Explore",
            Mode::Patient => "Patient",
            Mode::Study => "Study",
            Mode::Present => "Present",
        }
    }
}

/// The tabs of the right-hand panel in explore mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Tab {
    #[default]
    Point,
    Mechanisms,
    Guidance,
}
