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
    /// `--unverified`: show lists whose history does not verify.
    pub(crate) unverified: bool,
    /// Set once a list whose history does not verify was used.
    pub(crate) used_unverified: std::cell::Cell<bool>,
}

/// The line that marks an output made from a history that does not verify.
pub(crate) const UNVERIFIED: &str = "UNVERIFIED (未经核验): the change log of this list does not verify; this output may not be what its decisions recorded (`quanze check` lists the problems)";

impl Ctx {
    pub(crate) fn new(cli: &Cli) -> Self {
        Self {
            root: cli.registry.clone(),
            cache: cli.cache.clone(),
            unverified: cli.unverified,
            used_unverified: std::cell::Cell::new(false),
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

    /// Reads the registry with one list, which must read cleanly and whose
    /// history must verify (or `--unverified`), and finds it.
    pub(crate) fn one(&self, authority: &str) -> Result<Registry, Failure> {
        let reg = self.load_clean(&[authority])?;
        self.verified(&reg, self.list(&reg, authority)?)?;
        Ok(reg)
    }

    /// Refuses a list whose history does not verify (exit 1, naming each
    /// problem), unless `--unverified`: then it warns, and the outputs are
    /// marked.
    /// Returns whether it verifies.
    pub(crate) fn verified(&self, reg: &Registry, list: &List) -> Result<bool, Failure> {
        self.verified_by(list.authority.as_str(), reg.verify_list(list))
    }

    /// [`Ctx::verified`] of a list whose history's problems are known.
    pub(crate) fn verified_by(
        &self,
        authority: &str,
        problems: Vec<quanze::Diagnostic>,
    ) -> Result<bool, Failure> {
        if problems.is_empty() {
            return Ok(true);
        }
        if !self.unverified {
            return Err(Failure::Problems {
                summary: format!(
                    "the history of `{}` does not verify ({} problem(s)); nothing is shown (`--unverified` shows it anyway, marked)",
                    authority,
                    problems.len()
                ),
                diagnostics: problems,
            });
        }
        eprint(&format!(
            "warning: the history of `{}` does not verify ({} problem(s), `quanze check` lists them); the output is marked unverified\n",
            authority,
            problems.len()
        ));
        self.used_unverified.set(true);
        Ok(false)
    }

    /// Prints a report in `format`, marked when it was made from a history
    /// that does not verify: a first line in text and Markdown, a paragraph
    /// in HTML, an `unverified` field in a JSON object (an array is wrapped
    /// as `{"unverified": true, "rows": […]}`), a first row in CSV.
    pub(crate) fn print_report(&self, out: &str, format: quanze::publish::Format) {
        use quanze::publish::Format;
        // Registry text reaches a terminal in text and Markdown: escaped.
        let escaped = match format {
            Format::Text | Format::Markdown => quanze::diag::escape_controls(out),
            _ => out.into(),
        };
        let out = escaped.as_ref();
        if !self.used_unverified.get() {
            return print(out);
        }
        let marked = match format {
            Format::Html => out.replacen(
                "<body>\n",
                &format!("<body>\n<p class=\"missing\">{UNVERIFIED}</p>\n"),
                1,
            ),
            Format::Json => match serde_json::from_str::<serde_json::Value>(out) {
                Ok(serde_json::Value::Object(mut m)) => {
                    m.insert("unverified".into(), true.into());
                    pretty(&serde_json::Value::Object(m))
                }
                Ok(other) => pretty(&serde_json::json!({"unverified": true, "rows": other})),
                Err(_) => out.to_owned(),
            },
            Format::Csv => {
                let body = out.trim_start_matches('\u{feff}');
                format!("\u{feff}\"{UNVERIFIED}\"\r\n{body}")
            }
            _ => format!("{UNVERIFIED}\n\n{out}"),
        };
        print(&marked);
    }
}

fn pretty(v: &serde_json::Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s
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
