//! The PDF's structure for a screen reader: each drawn shape goes to the part the drawing code
//! marked around it (a heading, a paragraph, a figure said in words), or is decoration; the
//! parts become the tag tree in the order they were marked, which is the order a reader reads
//! them, whatever order they were painted in. Text no mark holds is still read, as a
//! paragraph of its own after the page's parts. Headings also become the outline.

use crate::paint::marks::{Mark, Role};
use egui::{Rect, Shape};
use krilla::destination::XyzDestination;
use krilla::geom::Point;
use krilla::outline::{Outline, OutlineNode};
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, BBox, ContentTag, Identifier, ListNumbering, Node, SpanTag, Tag,
    TagGroup, TagKind, TagTree,
};
use std::num::NonZeroU16;

/// The language every text of the atlas is written in.
pub const LANGUAGE: &str = "en";

/// One part of the document: what it is, where (on which page, in its points from the top
/// left), its words, and the pieces of page content that draw it.
struct Part {
    role: Role,
    page: usize,
    /// Where it is on its sheet.
    rect: Rect,
    /// Where it is on its drawn page.
    local: Rect,
    text: String,
    content: Vec<Identifier>,
}

/// Where the parts of one drawn page are placed on its sheet.
#[derive(Clone, Copy)]
struct Placing {
    page: usize,
    place: Rect,
    scale: f32,
    /// The first of this drawn page's parts.
    first: usize,
    marks: usize,
}

/// Builds the tag tree while the pages are written.
#[derive(Default)]
pub struct Tagger {
    parts: Vec<Part>,
    /// The drawn page being written; `None` before the first.
    placing: Option<Placing>,
    /// The marked content open on the page, and what it is for.
    open: Option<Target>,
}

/// What a shape is tagged as.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Target {
    Artifact,
    Part(usize),
}

impl Tagger {
    /// Starts a drawn page with `marks`, drawn on sheet `page` scaled by `scale` into `place`.
    pub fn begin(&mut self, marks: &[Mark], page: usize, place: Rect, scale: f32) {
        let placing = Placing {
            page,
            place,
            scale,
            first: self.parts.len(),
            marks: marks.len(),
        };
        self.placing = Some(placing);
        for mark in marks {
            let rect = on_sheet(placing, mark.rect);
            self.parts.push(Part {
                role: mark.role.clone(),
                page,
                rect,
                local: mark.rect,
                text: String::new(),
                content: Vec::new(),
            });
        }
    }

    /// Draws `draw` (one shape, `bounds` in its page's points) inside marked content: in the
    /// part whose mark holds it, or as an artifact. A shape drawn with nothing pushed around
    /// it (`alone`) may share the marked content of the shapes before it, when they go to the
    /// same part, and leaves it open for the next; one drawn inside a clip or transform gets
    /// its own, closed inside them, as marked content must nest within saved states.
    pub fn tagged(
        &mut self,
        surface: &mut Surface<'_>,
        shape: &Shape,
        bounds: Rect,
        alone: bool,
        draw: impl FnOnce(&mut Surface<'_>),
    ) {
        let text = words(shape);
        let target = self.target(bounds, !text.is_empty());
        if let Target::Part(k) = target
            && let Some(part) = self.parts.get_mut(k)
            && !text.is_empty()
        {
            if !part.text.is_empty() {
                part.text.push(' ');
            }
            part.text.push_str(&text);
        }
        if !(alone && self.open == Some(target)) {
            self.close(surface);
            self.start(surface, target);
        }
        draw(surface);
        if !alone {
            self.close(surface);
        }
    }

    /// Draws `draw` as decoration (the page's background), sharing the open artifact.
    pub fn decoration(&mut self, surface: &mut Surface<'_>, draw: impl FnOnce(&mut Surface<'_>)) {
        if self.open != Some(Target::Artifact) {
            self.close(surface);
            self.start(surface, Target::Artifact);
        }
        draw(surface);
    }

    /// Opens marked content for `target`.
    fn start(&mut self, surface: &mut Surface<'_>, target: Target) {
        match target {
            Target::Artifact => {
                let artifact = Artifact::with_kind(ArtifactType::Layout);
                surface.start_tagged(ContentTag::Artifact(artifact));
            }
            Target::Part(k) => {
                let Some(part) = self.parts.get_mut(k) else {
                    return;
                };
                let tag = match part.role {
                    Role::Figure(_) => ContentTag::Other,
                    _ => ContentTag::Span(SpanTag::empty()),
                };
                part.content.push(surface.start_tagged(tag));
            }
        }
        self.open = Some(target);
    }

    /// Closes the marked content left open, if any (before a clip or transform is pushed or
    /// popped, and at the end of a page).
    pub fn close(&mut self, surface: &mut Surface<'_>) {
        if self.open.take().is_some() {
            surface.end_tagged();
        }
    }

    /// The part a shape belongs to: the smallest mark holding its centre (decoration holds
    /// only what it covers; text and paragraphs hold only text, figures everything). Text no
    /// mark holds becomes a paragraph of its own.
    fn target(&mut self, bounds: Rect, is_text: bool) -> Target {
        let Some(placing) = self.placing else {
            return Target::Artifact;
        };
        let centre = bounds.center();
        let marked = self
            .parts
            .iter()
            .enumerate()
            .skip(placing.first)
            .take(placing.marks)
            .filter(|(_, p)| p.local.contains(centre))
            .min_by(|a, b| area(a.1.local).total_cmp(&area(b.1.local)))
            .map(|(k, p)| (k, &p.role));
        match marked {
            Some((_, Role::Decoration)) => Target::Artifact,
            Some((k, Role::Figure(_))) => Target::Part(k),
            Some((k, _)) if is_text => Target::Part(k),
            None if is_text => {
                self.parts.push(Part {
                    role: Role::Paragraph,
                    page: placing.page,
                    rect: on_sheet(placing, bounds),
                    local: bounds,
                    text: String::new(),
                    content: Vec::new(),
                });
                Target::Part(self.parts.len() - 1)
            }
            _ => Target::Artifact,
        }
    }

    /// The tag tree (the parts with content, in reading order, the language on its root) and
    /// the outline (the headings, each level-2 one under the heading before it).
    pub fn finish(self) -> (TagTree, Outline) {
        let mut tree = TagTree::new().with_lang(Some(LANGUAGE.to_owned()));
        let mut headings = Headings::default();
        // Items in a row make one list.
        let mut list: Option<TagGroup> = None;
        for part in self.parts.into_iter().filter(|p| !p.content.is_empty()) {
            let content: Vec<Node> = part.content.iter().map(|&id| id.into()).collect();
            if part.role == Role::ListItem {
                let body = TagGroup::with_children(Tag::LBody, content);
                list.get_or_insert_with(|| TagGroup::new(Tag::L(ListNumbering::Disc)))
                    .push(TagGroup::with_children(Tag::LI, vec![body.into()]));
                continue;
            }
            if let Some(done) = list.take() {
                tree.push(done);
            }
            if let Some(tag) = tag_of(&part, &mut headings) {
                tree.push(TagGroup::with_children(tag, content));
            }
        }
        if let Some(done) = list {
            tree.push(done);
        }
        (tree, headings.finish())
    }
}

/// The tag of a part that is not a list item (`None` for decoration); a heading is also put
/// in the outline.
fn tag_of(part: &Part, headings: &mut Headings) -> Option<TagKind> {
    match &part.role {
        Role::Heading(level) => {
            let level = NonZeroU16::new(u16::from(*level)).unwrap_or(NonZeroU16::MIN);
            let title = part.text.split_whitespace().collect::<Vec<_>>().join(" ");
            headings.add(level.get(), &title, part.page, part.rect.min);
            Some(Tag::Hn(level, Some(title)).into())
        }
        Role::Paragraph | Role::ListItem => Some(Tag::P.into()),
        Role::Figure(alt) => {
            let r = part.rect;
            let bbox = krilla::geom::Rect::from_ltrb(r.left(), r.top(), r.right(), r.bottom());
            let tag = Tag::Figure(Some(alt.clone()));
            Some(tag.with_bbox(bbox.map(|b| BBox::new(part.page, b))).into())
        }
        Role::Decoration => None,
    }
}

/// The outline: each top-level heading with the lower ones after it under it.
#[derive(Default)]
struct Headings {
    outline: Outline,
    top: Option<OutlineNode>,
}

impl Headings {
    fn add(&mut self, level: u16, title: &str, page: usize, at: egui::Pos2) {
        let dest = XyzDestination::new(page, Point::from_xy(at.x, at.y));
        let node = OutlineNode::new(title.to_owned(), dest);
        if level <= 1 {
            if let Some(done) = self.top.replace(node) {
                self.outline.push_child(done);
            }
        } else {
            match &mut self.top {
                Some(parent) => parent.push_child(node),
                None => self.outline.push_child(node),
            }
        }
    }

    fn finish(mut self) -> Outline {
        if let Some(done) = self.top.take() {
            self.outline.push_child(done);
        }
        self.outline
    }
}

fn area(r: Rect) -> f32 {
    r.width().max(0.0) * r.height().max(0.0)
}

/// A rectangle of a drawn page on its sheet.
fn on_sheet(p: Placing, r: Rect) -> Rect {
    Rect::from_min_max(
        p.place.min + r.min.to_vec2() * p.scale,
        p.place.min + r.max.to_vec2() * p.scale,
    )
}

/// The words a shape writes, its galleys' text joined by spaces (empty when it writes none).
fn words(shape: &Shape) -> String {
    match shape {
        Shape::Text(t) => t.galley.text().trim().to_owned(),
        Shape::Vec(shapes) => shapes
            .iter()
            .map(words)
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" "),
        _ => String::new(),
    }
}
