//! The window driven through `egui_kittest` by accessible labels, clicks and keys.

mod basics;
mod export;
mod layers;
mod layout;
mod lessons;
mod modes;
mod reload;
