//! The window driven through `egui_kittest` by accessible labels, clicks and keys.

mod basics;
mod classroom;
mod export;
mod layers;
mod layout;
mod leaks;
mod lessons;
mod modes;
mod present_card;
mod reload;
mod selection;
mod study;
