//! Every way a command can fail, and the exit status of each: the one place
//! where errors become exit codes.
//!
//! | status | meaning |
//! |---|---|
//! | 0 | clean: the command did what was asked and found no problem |
//! | 1 | problems found: the registry (or the input) has problems, which are printed |
//! | 2 | usage or I/O: a bad argument, something asked for that does not exist, a file that cannot be read or written |
//! | 3 | lock held: another writer is recording an adjustment to the list |

use std::process::ExitCode;

use quanze::Diagnostic;
use quanze::record::WriteError;

/// Problems found (exit 1).
pub const PROBLEMS: u8 = 1;
/// Usage or I/O (exit 2).
pub const USAGE: u8 = 2;
/// A writer holds the list's lock (exit 3).
pub const LOCKED: u8 = 3;

/// Why a command failed.
#[derive(Debug)]
#[non_exhaustive]
pub enum Failure {
    /// A bad argument, or something asked for that does not exist.
    Usage(String),
    /// A file that cannot be read or written.
    Io(String),
    /// Problems in the registry or the input, printed in full.
    Problems {
        /// The problems.
        diagnostics: Vec<Diagnostic>,
        /// The closing line.
        summary: String,
    },
    /// A problem that is one sentence.
    Problem(String),
    /// Another writer holds the lock.
    Locked(String),
}

impl Failure {
    /// The exit status.
    pub fn code(&self) -> u8 {
        match self {
            Self::Usage(_) | Self::Io(_) => USAGE,
            Self::Problems { .. } | Self::Problem(_) => PROBLEMS,
            Self::Locked(_) => LOCKED,
        }
    }

    /// Prints the failure on standard error and gives its exit status.
    pub fn report(&self) -> ExitCode {
        let mut s = String::new();
        match self {
            Self::Usage(m) | Self::Io(m) | Self::Problem(m) | Self::Locked(m) => {
                s.push_str(&format!("error: {m}\n"));
            }
            Self::Problems {
                diagnostics,
                summary,
            } => {
                for d in diagnostics {
                    s.push_str(&d.render_styled());
                    s.push('\n');
                }
                s.push_str(&format!("error: {summary}\n"));
            }
        }
        crate::out::eprint(&s);
        ExitCode::from(self.code())
    }
}

impl From<quanze::Error> for Failure {
    fn from(e: quanze::Error) -> Self {
        match e {
            quanze::Error::Invalid(diagnostics) => Self::Problems {
                summary: format!("{} problem(s)", diagnostics.len()),
                diagnostics,
            },
            quanze::Error::Locked(_) => Self::Locked(e.to_string()),
            quanze::Error::UnknownList(_) => Self::Usage(e.to_string()),
            // A planted link or transaction is a problem of the registry.
            quanze::Error::Symlink(_)
            | quanze::Error::BadTransaction { .. }
            | quanze::Error::UnsafeTransaction { .. } => Self::Problem(e.to_string()),
            other => Self::Io(other.to_string()),
        }
    }
}

impl From<quanze::import::ImportError> for Failure {
    fn from(e: quanze::import::ImportError) -> Self {
        use quanze::import::ImportError as E;
        match e {
            // A file that cannot be read as a spreadsheet: exit 2.
            E::Io { .. }
            | E::TooLarge { .. }
            | E::NotAFile { .. }
            | E::Encoding { .. }
            | E::MixedEncoding { .. }
            | E::Csv { .. }
            | E::Xlsx { .. }
            | E::Json { .. } => Self::Io(e.to_string()),
            E::Option(m) => Self::Usage(m),
            E::Mapping { .. } => Self::Usage(e.to_string()),
            other => Self::Problem(other.to_string()),
        }
    }
}

impl From<quanze::history::Error> for Failure {
    fn from(e: quanze::history::Error) -> Self {
        match e {
            // The registry's log is broken: a problem `check` reports.
            quanze::history::Error::Replay { .. } => {
                Self::Problem(format!("{e}; run `quanze check`"))
            }
            // A version or date the log does not have: asked wrongly.
            other => Self::Usage(other.to_string()),
        }
    }
}

impl From<WriteError> for Failure {
    fn from(e: WriteError) -> Self {
        match e {
            WriteError::Registry(inner) => inner.into(),
            WriteError::Invalid(diagnostics) => Self::Problems {
                summary: match diagnostics.iter().filter(|d| !d.is_error()).count() {
                    0 => format!("{} problem(s); nothing was written", diagnostics.len()),
                    w => format!(
                        "{} problem(s) ({} error(s), {w} warning(s)); nothing was written",
                        diagnostics.len(),
                        diagnostics.len() - w
                    ),
                },
                diagnostics,
            },
            WriteError::Locked(_) => Self::Locked(e.to_string()),
            other => Self::Problem(other.to_string()),
        }
    }
}

impl From<quanze::publish::catalogue::VerifyError> for Failure {
    fn from(e: quanze::publish::catalogue::VerifyError) -> Self {
        match e {
            quanze::publish::catalogue::VerifyError::History(h) => h.into(),
            other => Self::Usage(other.to_string()),
        }
    }
}

impl From<quanze::publish::catalogue::RenderError> for Failure {
    fn from(e: quanze::publish::catalogue::RenderError) -> Self {
        Self::Io(e.to_string())
    }
}

impl From<quanze::query::upstream::UpstreamError> for Failure {
    fn from(e: quanze::query::upstream::UpstreamError) -> Self {
        use quanze::query::upstream::UpstreamError;
        match e {
            UpstreamError::Replay { .. } => Self::Problem(format!("{e}; run `quanze check`")),
            other => Self::Usage(other.to_string()),
        }
    }
}
