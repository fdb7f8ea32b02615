//! A progress bar on standard error for work over many lists: drawn only on
//! a terminal, and only once the work has taken a second.

use std::io::IsTerminal as _;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A bar that appears after a second on a terminal, and never elsewhere.
pub(crate) struct Bar {
    bar: ProgressBar,
}

impl Bar {
    /// A bar for `what` (`checking`, `comparing`, …).
    pub(crate) fn new(what: &'static str) -> Self {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template("{msg} {wide_bar} {pos}/{len} lists") {
            bar.set_style(style);
        }
        bar.set_message(what);
        Self { bar }
    }

    /// The library's callback: moves the bar, and shows it once a second
    /// has passed when standard error is a terminal.
    pub(crate) fn callback(&self) -> quanze::Progress {
        let bar = self.bar.clone();
        let start = Instant::now();
        let terminal = std::io::stderr().is_terminal();
        quanze::Progress::new(move |done, total| {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
            if terminal && bar.is_hidden() && start.elapsed() > Duration::from_secs(1) {
                bar.set_draw_target(ProgressDrawTarget::stderr());
            }
        })
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}
