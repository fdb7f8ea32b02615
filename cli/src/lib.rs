//! The `quanze` command line, as a library so that tests can reach its
//! definition (completions and the man page are generated from it).
//!
//! - [`args`]: the clap definition of every command and option.
//! - `commands/`: one module per command, each with its arguments and its
//!   `run`.
//! - [`exit`]: every failure and the exit status it maps to, in one place
//!   (0 clean, 1 problems found, 2 usage or I/O, 3 lock held).

pub mod args;
mod commands;
pub mod exit;
pub mod generate;
mod out;
mod progress;

use std::process::ExitCode;

use clap::Parser as _;

/// Parses the arguments, runs the command and returns its exit status.
pub fn main() -> ExitCode {
    let cli = args::Cli::parse();
    match cli.color {
        args::ColorArg::Always => anstream::ColorChoice::Always.write_global(),
        args::ColorArg::Never => anstream::ColorChoice::Never.write_global(),
        // anstream's own choice: colour on a terminal, unless NO_COLOR.
        args::ColorArg::Auto => {}
    }
    if let Some(n) = cli.jobs {
        // Set once, before any work: it cannot fail here.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(usize::from(n))
            .build_global();
    }
    let ctx = out::Ctx::new(&cli);
    match commands::run(&ctx, cli.command) {
        Ok(code) => code,
        Err(failure) => failure.report(),
    }
}
