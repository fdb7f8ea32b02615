//! Outputs: published catalogues ([`catalogue`]) in every format, the
//! reports of the other commands ([`report`]), and one item in full
//! ([`show`]).

pub mod catalogue;
pub mod csv;
mod format;
pub mod html;
mod json;
mod markdown;
pub mod report;
pub mod show;
mod text;
pub mod upstream;
#[cfg(feature = "xlsx")]
mod xlsx;

pub use format::{Format, RenderError, Renderer, Report, UnitReport, renderer};
pub use text::Text;
