//! Puts the atlas on an egui painter: figure art, dots, labels and their layout, rulers, the
//! spotlight, theme colours and fonts. Both the window (`ui`) and the windowless renderer
//! (`render`) draw through here; it knows nothing of panels, the command line or storage.

pub mod art;
pub mod banner;
pub mod diagram;
pub mod dots;
pub mod fonts;
pub mod framing;
pub mod labels;
mod landmark_mark;
pub mod layer_lines;
mod layer_tags;
pub mod legend;
pub mod marks;
pub mod photo;
pub mod point_labels;
pub mod projector;
pub mod region_key;
pub mod ruler;
pub mod scene;
pub mod segments;
pub mod select_framing;
mod step_lights;
mod strokes;
pub mod text;
pub mod theme;

pub use art::{Art, ArtCache};
pub use dots::Dot;
pub use projector::{PanZoom, Projector};
pub use scene::{Drawn, draw_scene};
