//! `quanze check`: every problem of the registry or of one list.

use std::path::Path;
use std::process::ExitCode;

use quanze::{CheckOptions, Date, Diagnostic, Registry};

use crate::args::CheckArgs;
use crate::exit::{Failure, PROBLEMS};
use crate::out::{Ctx, print};

pub(crate) fn run(ctx: &Ctx, a: &CheckArgs) -> Result<ExitCode, Failure> {
    let root = ctx.root.as_path();
    let only = ctx.scope(a.authority.as_deref())?;
    let bar = crate::progress::Bar::new("checking");
    let load = ctx.options(&only).progress(bar.callback());
    let opts = CheckOptions::new(a.as_of.unwrap_or_else(Date::today)).load(load);
    let report = Registry::check(root, &opts)?;
    drop(bar);
    let mut problems = report.problems;
    problems.retain(|d| in_scope(d, root, a.authority.as_deref()));
    let mut s = String::new();
    for (name, pending) in unfinished_commits(root, a.authority.as_deref()) {
        let line = match pending {
            Ok(files) => format!(
                "note: `{name}` has an unfinished commit of {} file(s) ({}): a writer stopped after its commit marker; every read sees those files, and the next write moves them into place\n",
                files.len(),
                files.join(", ")
            ),
            Err(e) => format!(
                "note: `{name}` has a pending transaction that reads ignore and the next write refuses: {e}\n"
            ),
        };
        s.push_str(&quanze::diag::escape_controls(&line));
    }
    for d in &problems {
        s.push_str(&d.render_styled());
        s.push('\n');
    }
    let errors = problems.iter().filter(|d| d.is_error()).count();
    let warnings = problems.len() - errors;
    if errors == 0 {
        let tail = match warnings {
            0 => "no problems found".to_owned(),
            n => format!("no errors, {n} warning(s)"),
        };
        s.push_str(&format!(
            "ok: {} holds {} list(s) and {} item record(s); {tail}\n",
            root.display(),
            report.lists,
            report.items
        ));
        print(&s);
        Ok(ExitCode::SUCCESS)
    } else if warnings > 0 {
        s.push_str(&format!(
            "{} problem(s) found: {errors} error(s), {warnings} warning(s)\n",
            problems.len()
        ));
        print(&s);
        Ok(ExitCode::from(PROBLEMS))
    } else {
        s.push_str(&format!("{} problem(s) found\n", problems.len()));
        print(&s);
        Ok(ExitCode::from(PROBLEMS))
    }
}

/// The lists with an unfinished commit, and its files (or why the next
/// write refuses it).
fn unfinished_commits(
    root: &Path,
    authority: Option<&str>,
) -> Vec<(String, Result<Vec<String>, quanze::Error>)> {
    let names = match authority {
        Some(a) => vec![a.to_owned()],
        None => Registry::list_names(root).unwrap_or_default(),
    };
    names
        .into_iter()
        .filter_map(|n| {
            let pending = quanze::io::unfinished(&root.join(&n)).transpose()?;
            Some((n, pending))
        })
        .collect()
}

/// Whether a problem concerns the list checked (or the shared files).
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
