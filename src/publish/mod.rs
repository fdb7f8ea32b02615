//! Outputs: published catalogues ([`catalogue`]) in every format, the
//! reports of the other commands ([`report`]), and one item in full
//! ([`show`]).

pub mod catalogue;
mod csv;
mod html;
mod json;
mod markdown;
pub mod report;
pub mod show;
#[cfg(feature = "xlsx")]
mod xlsx;
