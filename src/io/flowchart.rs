//! Reading a flowchart file of a list (权力运行流程图), safely: only a
//! regular file directly under `flowcharts/`, never through a link, never
//! more than [`Flowchart::MAX_BYTES`], and only when its bytes have the
//! hash the item records.

use std::fs;
use std::io::Read as _;
use std::path::Path;

use crate::model::{Flowchart, HashAlg};

/// Why a flowchart could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Problem {
    /// The file name is not one a flowchart may have.
    Path(&'static str),
    /// No such file.
    Missing,
    /// The file or `flowcharts/` is a link, or not a regular file.
    NotPlain,
    /// Larger than the limit.
    TooLarge(u64),
    /// It could not be read.
    Io(String),
    /// Its bytes have another hash than the item records.
    Hash(String),
}

impl Problem {
    /// The problem in one lowercase sentence.
    pub(crate) fn message(&self, fc: &Flowchart) -> String {
        // The name is the registry's text: a control character in it is
        // shown escaped, never sent to a terminal.
        let f = crate::diag::escape_controls(&fc.file);
        match self {
            Self::Path(why) => format!("flowchart `{f}` is not a flowchart file name: {why}"),
            Self::Missing => format!("flowchart `{f}` is missing"),
            Self::NotPlain => format!("flowchart `{f}` is a link or not a regular file"),
            Self::TooLarge(n) => format!(
                "flowchart `{f}` is {n} bytes, more than the {} a flowchart may have",
                Flowchart::MAX_BYTES
            ),
            Self::Io(e) => format!("flowchart `{f}` cannot be read: {e}"),
            Self::Hash(found) => format!(
                "flowchart `{f}` has changed without a recorded adjustment: its hash is {found}, the item records {}",
                fc.sha256
            ),
        }
    }
}

/// The bytes of the flowchart of a list in `list_dir`, checked.
pub(crate) fn read(list_dir: &Path, fc: &Flowchart) -> Result<Vec<u8>, Problem> {
    if let Some(why) = fc.path_problem() {
        return Err(Problem::Path(why));
    }
    let dir = list_dir.join("flowcharts");
    let path = list_dir.join(&fc.file);
    for p in [&dir, &path] {
        match fs::symlink_metadata(p) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(Problem::Missing),
            Err(e) => return Err(Problem::Io(e.to_string())),
            Ok(m) if m.file_type().is_symlink() => return Err(Problem::NotPlain),
            Ok(m) if p == &path && !m.is_file() => return Err(Problem::NotPlain),
            Ok(m) if p == &path && m.len() > Flowchart::MAX_BYTES => {
                return Err(Problem::TooLarge(m.len()));
            }
            Ok(_) => {}
        }
    }
    // Between the look above and this open the file may be swapped: open
    // without following a link and without waiting on a FIFO, then look
    // at what was opened.
    let file = open_plain(&path)?;
    match file.metadata() {
        Ok(m) if !m.is_file() => return Err(Problem::NotPlain),
        Ok(m) if m.len() > Flowchart::MAX_BYTES => return Err(Problem::TooLarge(m.len())),
        Ok(_) => {}
        Err(e) => return Err(Problem::Io(e.to_string())),
    }
    let mut bytes = Vec::new();
    // The file may grow between the stat and the read: read one byte past
    // the limit at most.
    file.take(Flowchart::MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Problem::Io(e.to_string()))?;
    if bytes.len() as u64 > Flowchart::MAX_BYTES {
        return Err(Problem::TooLarge(bytes.len() as u64));
    }
    let found = HashAlg::Sha256.hash(&bytes);
    if found != fc.sha256 {
        return Err(Problem::Hash(found));
    }
    Ok(bytes)
}

/// Opens `path` for reading, refusing a link (`O_NOFOLLOW`) and never
/// blocking on a FIFO (`O_NONBLOCK`).
fn open_plain(path: &Path) -> Result<fs::File, Problem> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    options.open(path).map_err(|e| {
        #[cfg(unix)]
        if e.raw_os_error() == Some(libc::ELOOP) {
            return Problem::NotPlain;
        }
        Problem::Io(e.to_string())
    })
}
