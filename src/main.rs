//! The `quanze` command line.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use quanze::{Date, Diagnostic, Lang, Loaded, Registry, Stats};

/// quanze (权责): a versioned registry of a department's list of powers and
/// responsibilities.
#[derive(Parser)]
#[command(name = "quanze", version, about, long_about = None)]
struct Cli {
    /// The registry directory.
    #[arg(long, global = true, default_value = "registry", value_name = "DIR")]
    registry: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Zh,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Zh => Self::Zh,
            LangArg::En => Self::En,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Check the registry (or one authority's list) and list every problem.
    ///
    /// Exit status: 0 when clean, 1 when problems were found, 2 on usage or
    /// I/O errors.
    Check {
        /// Check only this authority's list (and the shared files).
        authority: Option<String>,
        /// Check agreement cover up to this date (default: today).
        #[arg(long, value_name = "DATE")]
        as_of: Option<Date>,
    },
    /// Count a list's items and units by category, with the indicators and
    /// case totals, in the official phrasing.
    Stats {
        /// The authority whose list to count.
        authority: String,
        /// Count what is in force on this date (default: today).
        #[arg(long, value_name = "DATE")]
        as_of: Option<Date>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Language of the text output.
        #[arg(long, value_enum, default_value = "zh")]
        lang: LangArg,
    },
    /// Show one item in full.
    Show {
        /// The authority whose list holds the item.
        authority: String,
        /// The item's code, a sub-item's code, or the item's id.
        code: String,
        /// Show the agreements in force on this date (default: today).
        #[arg(long, value_name = "DATE")]
        as_of: Option<Date>,
        /// Language of the labels.
        #[arg(long, value_enum, default_value = "zh")]
        lang: LangArg,
    },
    /// Print the JSON Schema of a registry file kind.
    #[cfg(feature = "schema")]
    Schema {
        /// Write every schema into this directory instead.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// The file kind (authorities, documents, list, items, agreement, statistics).
        kind: Option<String>,
    },
}

/// Writes to standard output, ending quietly when the reader has gone.
fn print(s: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(s.as_bytes()).and_then(|()| out.flush());
}

fn fail(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}

fn load(root: &Path) -> Result<Loaded, ExitCode> {
    Registry::load(root).map_err(|e| fail(&e.to_string()))
}

/// Loads a registry that must have no reading problems (syntax, keys, values).
fn load_clean(root: &Path) -> Result<Registry, ExitCode> {
    let loaded = load(root)?;
    if loaded.problems.is_empty() {
        return Ok(loaded.registry);
    }
    let mut s = String::new();
    for d in &loaded.problems {
        s.push_str(&d.render());
        s.push('\n');
    }
    eprint!("{s}");
    eprintln!(
        "error: the registry cannot be read ({} problem(s)); `quanze check` lists them",
        loaded.problems.len()
    );
    Err(ExitCode::from(1))
}

fn in_scope(d: &Diagnostic, root: &Path, authority: Option<&str>) -> bool {
    match authority {
        None => true,
        Some(a) => {
            let rel = d.file.strip_prefix(root).unwrap_or(&d.file);
            match rel.components().next() {
                Some(first) if rel.components().count() > 1 => first.as_os_str() == a,
                _ => true,
            }
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, ExitCode> {
    let root = cli.registry.as_path();
    match cli.command {
        Command::Check { authority, as_of } => {
            let loaded = load(root)?;
            if let Some(a) = &authority {
                if loaded.registry.list(a).is_none() && !root.join(a).is_dir() {
                    return Err(fail(&format!(
                        "no list for authority `{a}` in {}",
                        root.display()
                    )));
                }
            }
            let mut problems = loaded.problems;
            problems.extend(loaded.registry.validate(as_of.unwrap_or_else(Date::today)));
            problems.retain(|d| in_scope(d, root, authority.as_deref()));
            let mut s = String::new();
            for d in &problems {
                s.push_str(&d.render());
                s.push('\n');
            }
            let lists = loaded.registry.lists.len();
            let items: usize = loaded.registry.lists.values().map(|l| l.items.len()).sum();
            if problems.is_empty() {
                s.push_str(&format!(
                    "ok: {} holds {lists} list(s) and {items} item record(s); no problems found\n",
                    root.display()
                ));
                print(&s);
                Ok(ExitCode::SUCCESS)
            } else {
                s.push_str(&format!("{} problem(s) found\n", problems.len()));
                print(&s);
                Ok(ExitCode::from(1))
            }
        }
        Command::Stats {
            authority,
            as_of,
            format,
            lang,
        } => {
            let reg = load_clean(root)?;
            let Some(list) = reg.list(&authority) else {
                return Err(fail(&format!(
                    "no list for authority `{authority}` in {}",
                    root.display()
                )));
            };
            let stats = Stats::compute(&reg, list, as_of.unwrap_or_else(Date::today));
            match format {
                Format::Json => {
                    let json =
                        serde_json::to_string_pretty(&stats).map_err(|e| fail(&e.to_string()))?;
                    print(&format!("{json}\n"));
                }
                Format::Text => print(&match Lang::from(lang) {
                    Lang::Zh => stats.text_zh(),
                    Lang::En => stats.text_en(&reg),
                }),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Show {
            authority,
            code,
            as_of,
            lang,
        } => {
            let reg = load_clean(root)?;
            let Some(list) = reg.list(&authority) else {
                return Err(fail(&format!(
                    "no list for authority `{authority}` in {}",
                    root.display()
                )));
            };
            let item = list.items.iter().find(|i| {
                i.code.as_str() == code
                    || i.id.as_str() == code
                    || i.sub.iter().any(|s| s.code.as_str() == code)
            });
            let Some(item) = item else {
                let codes = list.items.iter().map(|i| i.code.as_str());
                let hint = quanze::diag::suggest(&code, codes)
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default();
                return Err(fail(&format!(
                    "no item with code or id `{code}` in the list of `{authority}`{hint}"
                )));
            };
            print(&quanze::render_item(
                &reg,
                list,
                item,
                as_of.unwrap_or_else(Date::today),
                lang.into(),
            ));
            Ok(ExitCode::SUCCESS)
        }
        #[cfg(feature = "schema")]
        Command::Schema { out, kind } => {
            let schemas = quanze::schema::all();
            if let Some(dir) = out {
                std::fs::create_dir_all(&dir)
                    .map_err(|e| fail(&format!("{}: {e}", dir.display())))?;
                for (name, text) in &schemas {
                    let path = dir.join(format!("{name}.schema.json"));
                    quanze::write_atomic(&path, text.as_bytes())
                        .map_err(|e| fail(&e.to_string()))?;
                }
                return Ok(ExitCode::SUCCESS);
            }
            let kind = kind.unwrap_or_else(|| "items".to_owned());
            match schemas.iter().find(|(n, _)| *n == kind) {
                Some((_, text)) => {
                    print(text);
                    Ok(ExitCode::SUCCESS)
                }
                None => {
                    let names: Vec<&str> = schemas.iter().map(|(n, _)| *n).collect();
                    Err(fail(&format!(
                        "unknown file kind `{kind}`; expected one of {}",
                        names.join(", ")
                    )))
                }
            }
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    run(cli).unwrap_or_else(|code| code)
}
