//! The typed model: ids and newtypes, authorities and documents, items,
//! agreements and statistics, the change log's entries and operations, and
//! the registry and its lists as read.
//!
//! Every type here is exactly what one registry file (or one table in it)
//! holds; `docs/format.md` shows each in TOML.

mod agreement;
mod authority;
mod changelog;
mod id;
mod item;
mod law;
mod list;
pub(crate) mod serde_util;

pub use agreement::*;
pub use authority::*;
pub use changelog::*;
pub use id::*;
pub use item::*;
pub use law::*;
pub use list::*;
