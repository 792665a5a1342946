//! Channels (meridians) as courses over the body: runs of stations, each a point of the channel
//! or a waypoint placed by the same landmark-and-cun rules as points, never by coordinates.

use super::ids::{ChannelId, PointCode};
use super::point::{Meridian, PlacementRule};
use super::text::{Name, Prose};
use serde::Deserialize;

/// One station of a channel's course.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub enum Station {
    /// A point of the channel, wherever the point is placed on the figure.
    Point(PointCode),
    /// A waypoint between points, placed by a rule over the figure's landmarks.
    Via(PlacementRule),
}

/// A channel: its name, its course in words, and its course as runs of stations.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Channel {
    /// The WHO abbreviation, as in the codes of its points (`BL`).
    pub id: ChannelId,
    pub name: Name,
    /// The course in a sentence or two, in our own words.
    pub course: Prose,
    /// Each run is drawn as one smooth curve through its stations, in the direction the
    /// channel flows. A run appears on every figure that can place two or more of its
    /// stations in a row; bilateral runs are mirrored about the midline.
    pub paths: Vec<Vec<Station>>,
}

impl Channel {
    /// The meridian of the points on this channel, if the id names one (`EX` does not).
    pub fn meridian(&self) -> Option<Meridian> {
        meridian_of(&self.id)
    }

    /// The channel's points in the order of its course, each once.
    pub fn point_codes(&self) -> Vec<&PointCode> {
        let mut out: Vec<&PointCode> = Vec::new();
        for code in self.paths.iter().flatten().filter_map(Station::code) {
            if !out.contains(&code) {
                out.push(code);
            }
        }
        out
    }

    /// The points just before and after `code` along the course: the nearest point stations
    /// on either side in every run that holds it, each once, upstream first.
    pub fn neighbours(&self, code: &PointCode) -> Vec<&PointCode> {
        let mut out: Vec<&PointCode> = Vec::new();
        for path in &self.paths {
            let codes: Vec<&PointCode> = path.iter().filter_map(Station::code).collect();
            for (i, c) in codes.iter().enumerate() {
                if *c != code {
                    continue;
                }
                let before = i.checked_sub(1).and_then(|j| codes.get(j));
                let after = codes.get(i + 1);
                for n in [before, after].into_iter().flatten() {
                    if *n != code && !out.contains(n) {
                        out.push(n);
                    }
                }
            }
        }
        out
    }
}

impl Station {
    /// The point code of a point station.
    pub fn code(&self) -> Option<&PointCode> {
        match self {
            Station::Point(code) => Some(code),
            Station::Via(_) => None,
        }
    }
}

/// The meridian an id names: a WHO abbreviation other than `EX`.
pub fn meridian_of(id: &ChannelId) -> Option<Meridian> {
    Meridian::ALL
        .into_iter()
        .find(|m| *m != Meridian::EX && m.abbreviation() == id.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn channel(paths: &[&[&str]]) -> Channel {
        Channel {
            id: ChannelId::new("BL"),
            name: "Bladder".into(),
            course: Prose::default(),
            paths: paths
                .iter()
                .map(|p| {
                    p.iter()
                        .map(|c| {
                            if c.starts_with("BL") {
                                Station::Point(PointCode::new(*c))
                            } else {
                                Station::Via(PlacementRule::At(super::super::LandmarkId::new(*c)))
                            }
                        })
                        .collect()
                })
                .collect(),
        }
    }

    #[test]
    fn neighbours_skip_waypoints_and_join_runs_that_share_a_point() {
        let bl = channel(&[
            &["BL36", "thigh", "BL40"],
            &["BL40", "calf", "BL57", "BL60"],
        ]);
        let names = |code: &str| -> Vec<String> {
            bl.neighbours(&PointCode::new(code))
                .iter()
                .map(ToString::to_string)
                .collect()
        };
        assert_eq!(names("BL40"), ["BL36", "BL57"]);
        assert_eq!(names("BL60"), ["BL57"]);
        assert!(names("BL99").is_empty());
    }

    #[test]
    fn a_channel_lists_its_points_once_in_course_order() {
        let bl = channel(&[&["BL36", "thigh", "BL40"], &["BL40", "BL57"]]);
        let codes: Vec<&str> = bl.point_codes().iter().map(|c| c.as_str()).collect();
        assert_eq!(codes, ["BL36", "BL40", "BL57"]);
        assert_eq!(bl.meridian(), Some(Meridian::BL));
        assert_eq!(meridian_of(&ChannelId::new("EX")), None);
    }
}
