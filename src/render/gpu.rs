//! The device side of a renderer: egui's wgpu renderer, and a target texture and read-back
//! buffer kept while pictures keep their size. On a machine without a GPU every pixel is drawn
//! by Mesa's lavapipe on the CPU, so what costs is pixels: the picture starts cleared to its
//! background colour (a fill, not a shaded full-screen quad), and rows are copied out whole.

use super::RenderError;
use egui::epaint::{ClippedPrimitive, Color32};
use egui_wgpu::{RenderState, ScreenDescriptor, wgpu};
use std::time::Duration;

/// How long a picture may take on the device before it is given up.
const WAIT: Duration = Duration::from_mins(1);

/// A wgpu device with egui's renderer, and the last picture's target.
pub struct Gpu {
    state: RenderState,
    target: Option<Target>,
}

/// A texture to draw into and a buffer to read it back through, for one picture size.
struct Target {
    size: [u32; 2],
    texture: wgpu::Texture,
    view: wgpu::TextureView,
    buffer: wgpu::Buffer,
    /// Bytes per row in the buffer: a row of pixels padded to wgpu's copy alignment.
    padded_row: u32,
}

impl Gpu {
    /// Makes the device (Vulkan on the CPU where there is no GPU); no driver is an error.
    pub fn new() -> Result<Self, RenderError> {
        Ok(Self {
            state: super::render_state()?,
            target: None,
        })
    }

    /// Uploads and frees the textures (fonts, images) a pass asked for.
    pub fn update_textures(&mut self, delta: &mut egui::TexturesDelta) {
        let mut renderer = self.state.renderer.write();
        // Each texture's changes in their order; which texture goes first does not matter.
        for (id, images) in delta.set.drain() {
            for image in &images {
                renderer.update_texture(&self.state.device, &self.state.queue, id, image);
            }
        }
        for id in delta.free.drain() {
            renderer.free_texture(&id);
        }
    }

    /// Draws `primitives` over `clear` on a `size` picture and reads it back.
    pub fn render(
        &mut self,
        primitives: &[ClippedPrimitive],
        size: [u32; 2],
        pixels_per_point: f32,
        clear: Color32,
    ) -> Result<image::RgbaImage, RenderError> {
        let screen = ScreenDescriptor {
            size_in_pixels: size,
            pixels_per_point,
        };
        let format = self.state.target_format;
        let target = match self.target.take() {
            Some(t) if t.size == size => t,
            _ => Target::new(&self.state.device, format, size),
        };
        let (device, queue) = (&self.state.device, &self.state.queue);
        let mut encoder = device.create_command_encoder(&wgpu::CommandEncoderDescriptor {
            label: Some("picture"),
        });
        let mut renderer = self.state.renderer.write();
        let uploads = renderer.update_buffers(device, queue, &mut encoder, primitives, &screen);
        {
            let mut pass = encoder
                .begin_render_pass(&wgpu::RenderPassDescriptor {
                    label: Some("picture"),
                    color_attachments: &[Some(wgpu::RenderPassColorAttachment {
                        view: &target.view,
                        resolve_target: None,
                        depth_slice: None,
                        ops: wgpu::Operations {
                            load: wgpu::LoadOp::Clear(clear_color(clear, format)),
                            store: wgpu::StoreOp::Store,
                        },
                    })],
                    ..Default::default()
                })
                .forget_lifetime();
            renderer.render(&mut pass, primitives, &screen);
        }
        drop(renderer);
        target.copy_out(&mut encoder);
        queue.submit(uploads.into_iter().chain(std::iter::once(encoder.finish())));
        let image = target.read(device, format);
        self.target = Some(target);
        image
    }
}

impl Target {
    fn new(device: &wgpu::Device, format: wgpu::TextureFormat, size: [u32; 2]) -> Self {
        let texture = device.create_texture(&wgpu::TextureDescriptor {
            label: Some("picture"),
            size: wgpu::Extent3d {
                width: size[0],
                height: size[1],
                depth_or_array_layers: 1,
            },
            mip_level_count: 1,
            sample_count: 1,
            dimension: wgpu::TextureDimension::D2,
            format,
            usage: wgpu::TextureUsages::RENDER_ATTACHMENT | wgpu::TextureUsages::COPY_SRC,
            view_formats: &[],
        });
        let view = texture.create_view(&wgpu::TextureViewDescriptor::default());
        let align = wgpu::COPY_BYTES_PER_ROW_ALIGNMENT;
        let padded_row = (size[0] * 4).div_ceil(align) * align;
        let buffer = device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("picture read-back"),
            size: u64::from(padded_row) * u64::from(size[1]),
            usage: wgpu::BufferUsages::MAP_READ | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        Self {
            size,
            texture,
            view,
            buffer,
            padded_row,
        }
    }

    fn copy_out(&self, encoder: &mut wgpu::CommandEncoder) {
        encoder.copy_texture_to_buffer(
            self.texture.as_image_copy(),
            wgpu::TexelCopyBufferInfo {
                buffer: &self.buffer,
                layout: wgpu::TexelCopyBufferLayout {
                    offset: 0,
                    bytes_per_row: Some(self.padded_row),
                    rows_per_image: None,
                },
            },
            wgpu::Extent3d {
                width: self.size[0],
                height: self.size[1],
                depth_or_array_layers: 1,
            },
        );
    }

    /// Waits for the picture and copies it out of the buffer, row by row.
    fn read(
        &self,
        device: &wgpu::Device,
        format: wgpu::TextureFormat,
    ) -> Result<image::RgbaImage, RenderError> {
        let failed = |what: &str, e: &dyn std::fmt::Display| {
            RenderError::Render(format!("reading the picture back ({what}): {e}"))
        };
        let slice = self.buffer.slice(..);
        let (sender, receiver) = std::sync::mpsc::channel();
        slice.map_async(wgpu::MapMode::Read, move |result| {
            let _ = sender.send(result);
        });
        device
            .poll(wgpu::PollType::Wait {
                submission_index: None,
                timeout: Some(WAIT),
            })
            .map_err(|e| failed("wait", &e))?;
        receiver
            .recv_timeout(WAIT)
            .map_err(|e| failed("map", &e))?
            .map_err(|e| failed("map", &e))?;
        let row = self.size[0] as usize * 4;
        let mut pixels = Vec::with_capacity(row * self.size[1] as usize);
        {
            let data = slice.get_mapped_range().map_err(|e| failed("range", &e))?;
            for padded in data.chunks_exact(self.padded_row as usize) {
                pixels.extend_from_slice(padded.get(..row).unwrap_or(padded));
            }
        }
        self.buffer.unmap();
        if matches!(
            format,
            wgpu::TextureFormat::Bgra8Unorm | wgpu::TextureFormat::Bgra8UnormSrgb
        ) {
            for px in pixels.chunks_exact_mut(4) {
                px.swap(0, 2);
            }
        }
        image::RgbaImage::from_raw(self.size[0], self.size[1], pixels)
            .ok_or_else(|| RenderError::Render("the picture read back is short".into()))
    }
}

/// `color` as a clear value for a target of `format`: egui writes gamma-encoded colours into
/// plain formats and linear ones into sRGB formats, and a clear must match what it writes.
fn clear_color(color: Color32, format: wgpu::TextureFormat) -> wgpu::Color {
    let [r, g, b, a] = if format.is_srgb() {
        egui::Rgba::from(color).to_array()
    } else {
        color.to_normalized_gamma_f32()
    };
    wgpu::Color {
        r: f64::from(r),
        g: f64::from(g),
        b: f64::from(b),
        a: f64::from(a),
    }
}
