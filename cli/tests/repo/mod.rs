//! The tests of the command line run from the top of the repository, as a
//! user of the README does: `registry/`, `docs/` and `tests/fixtures/` are
//! there. Every test calls [`at_top`] first.

#![allow(dead_code, clippy::unwrap_used)]

use std::path::Path;
use std::sync::Once;

/// The top of the repository (the library's directory).
pub(crate) fn top() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// Makes the top of the repository the working directory of this test
/// process, once; every test of the file calls it before anything else, so
/// no test sees another directory.
pub(crate) fn at_top() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| std::env::set_current_dir(top()).unwrap());
}
