//! Questions asked of lists: counts and indicators ([`stats`]), what
//! changed between two points and on whose decision ([`diff`]), unit-level
//! changes of many lists ([`units`]), where codes went and how two lists
//! compare ([`crosswalk`]), and the audit ([`audit`]).

pub mod audit;
pub mod crosswalk;
pub mod diff;
pub mod stats;
pub mod units;
pub mod upstream;
