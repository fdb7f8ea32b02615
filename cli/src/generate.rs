//! Shell completions and the man page, generated from the clap definition.
//! The committed copies (`cli/completions/`, `cli/man/quanze.1`) are kept
//! current by a test.

use clap::CommandFactory as _;
use clap_complete::Shell;

use crate::args::Cli;

/// The shells completions are committed for, with their file names.
pub const SHELLS: [(Shell, &str); 5] = [
    (Shell::Bash, "quanze.bash"),
    (Shell::Zsh, "_quanze"),
    (Shell::Fish, "quanze.fish"),
    (Shell::PowerShell, "_quanze.ps1"),
    (Shell::Elvish, "quanze.elv"),
];

/// The completion script for `shell`.
pub fn completions(shell: Shell) -> String {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "quanze", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// The man page, in roff.
pub fn man() -> String {
    let mut out = Vec::new();
    // Rendering into memory cannot fail.
    let _ = clap_mangen::Man::new(Cli::command()).render(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}
