//! The panels around the canvas: the navigator on the left, the point, mechanism and guidance
//! tabs on the right, the bar along the top, the view chooser, and each mode's own panels.

pub mod detail;
pub mod diagram;
pub mod groups;
pub mod guidance;
pub mod layers_menu;
pub mod lesson;
pub mod mechanisms;
pub mod navigator;
pub mod overlays;
pub mod patient;
pub mod plans;
pub mod present;
pub mod presenter;
pub mod red_flags;
pub mod steps;
pub mod study;
pub mod study_charts;
pub mod study_plan;
pub mod top_bar;
pub mod views;
