//! What every command shares: the registry and cache directories, reading
//! the registry, and writing to standard output.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use quanze::{List, Loaded, Registry};

use crate::args::Cli;
use crate::exit::Failure;

/// The global options of a run.
pub(crate) struct Ctx {
    /// The registry directory.
    pub(crate) root: PathBuf,
    /// The `--cache` directory.
    pub(crate) cache: Option<PathBuf>,
}

impl Ctx {
    pub(crate) fn new(cli: &Cli) -> Self {
        Self {
            root: cli.registry.clone(),
            cache: cli.cache.clone(),
        }
    }

    /// How to read the registry: with the `--cache` directory, and only the
    /// lists of `only` (all when empty). Lists are independent, so a
    /// command about one list reads that list and the shared files.
    pub(crate) fn options(&self, only: &[&str]) -> quanze::LoadOptions {
        let mut o = quanze::LoadOptions::default();
        if let Some(cache) = &self.cache {
            o = o.cache(cache);
        }
        if !only.is_empty() {
            o = o.only(only.iter().copied());
        }
        o
    }

    /// The lists a command with an optional authority reads: that one
    /// (which must have a directory) or all (empty).
    pub(crate) fn scope<'a>(&self, authority: Option<&'a str>) -> Result<Vec<&'a str>, Failure> {
        match authority {
            Some(a) if !self.root.join(a).is_dir() => Err(self.no_list(a)),
            Some(a) => Ok(vec![a]),
            None => Ok(Vec::new()),
        }
    }

    pub(crate) fn no_list(&self, authority: &str) -> Failure {
        Failure::Usage(format!(
            "no list for authority `{authority}` in {}",
            self.root.display()
        ))
    }

    pub(crate) fn load(&self, only: &[&str]) -> Result<Loaded, Failure> {
        Ok(Registry::load_with(&self.root, &self.options(only))?)
    }

    /// Reads the lists of `only` (or all), which must have no reading
    /// problems (syntax, keys, values).
    pub(crate) fn load_clean(&self, only: &[&str]) -> Result<Registry, Failure> {
        load_clean_at(&self.root, &self.options(only))
    }

    /// The list of `authority` in `reg`.
    pub(crate) fn list<'a>(&self, reg: &'a Registry, authority: &str) -> Result<&'a List, Failure> {
        reg.list(authority).ok_or_else(|| self.no_list(authority))
    }

    /// Reads the registry with one list, which must read cleanly, and finds it.
    pub(crate) fn one(&self, authority: &str) -> Result<Registry, Failure> {
        let reg = self.load_clean(&[authority])?;
        self.list(&reg, authority)?;
        Ok(reg)
    }
}

/// Reads a registry whose lists must have no reading problems.
pub(crate) fn load_clean_at(
    root: &Path,
    options: &quanze::LoadOptions,
) -> Result<Registry, Failure> {
    let loaded = Registry::load_with(root, options)?;
    if loaded.problems.is_empty() {
        return Ok(loaded.registry);
    }
    Err(Failure::Problems {
        summary: format!(
            "the registry cannot be read ({} problem(s)); `quanze check` lists them",
            loaded.problems.len()
        ),
        diagnostics: loaded.problems,
    })
}

/// Writes to standard output, ending quietly when the reader has gone.
/// Colour escapes are kept on a terminal that wants them and stripped
/// elsewhere (anstream: `--color`, `NO_COLOR`, `CLICOLOR_FORCE`).
pub(crate) fn print(s: &str) {
    let mut out = anstream::stdout().lock();
    let _ = out.write_all(s.as_bytes()).and_then(|()| out.flush());
}

/// Writes to standard error, as [`print`] does to standard output.
pub(crate) fn eprint(s: &str) {
    let mut err = anstream::stderr().lock();
    let _ = err.write_all(s.as_bytes()).and_then(|()| err.flush());
}
