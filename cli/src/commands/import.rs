//! `quanze import`: a list in from spreadsheets or quanze's own catalogues.

use std::fmt::Write as _;
use std::process::ExitCode;

use quanze::import::{self, ImportError, Imported, Options, Report};
use quanze::{Date, Diagnostic, Registry};

use crate::args::ImportArgs;
use crate::exit::Failure;
use crate::out::{Ctx, eprint, print};

pub(crate) fn run(ctx: &Ctx, a: &ImportArgs) -> Result<ExitCode, Failure> {
    let root = ctx.root.as_path();
    // A registry that does not exist yet is started by the import.
    let reg = if root.join("authorities.toml").exists() {
        let only = if root.join(a.authority.as_str()).is_dir() {
            vec![a.authority.as_str()]
        } else {
            Vec::new()
        };
        let mut opts = ctx.options(&only);
        if only.is_empty() {
            opts = opts.only(Vec::<String>::new());
        }
        crate::out::load_clean_at(root, &opts)?
    } else {
        Registry::new(root)
    };
    let mut opts = Options::new(a.authority.clone(), a.effective.unwrap_or_else(Date::today));
    opts.name.clone_from(&a.name);
    opts.keep_going = a.keep_going;
    if let Some(path) = &a.map {
        opts.map = Some((import::read_mapping(path)?, path.clone()));
    }
    let imported = match import::import(&reg, &a.files, &opts) {
        Ok(i) => i,
        Err(ImportError::Rejected(rows)) => {
            if a.json {
                let json = serde_json::json!({
                    "authority": a.authority.as_str(),
                    "written": false,
                    "rejected": rows,
                });
                let text = serde_json::to_string_pretty(&json).unwrap_or_default();
                print(&quanze::diag::escape_json_hazards(format!("{text}\n")));
            }
            let mut s = String::new();
            for r in &rows {
                let _ = writeln!(s, "rejected: {r}");
            }
            eprint(&quanze::diag::escape_controls(&s));
            return Err(ImportError::Rejected(rows).into());
        }
        Err(e) => return Err(e.into()),
    };
    let check = after_check(&reg, &imported, opts.effective);
    let mut written = None;
    if !a.dry_run {
        written = Some(import::write::write(root, &reg, &imported)?);
    }
    match a.json {
        true => {
            let json = serde_json::json!({
                "authority": imported.list.authority.as_str(),
                "written": !a.dry_run,
                "existing": written.as_ref().is_some_and(|w| w.existing),
                "files": written.as_ref().map(|w| w.files.clone()).unwrap_or_default(),
                "items": imported.list.items.len(),
                "units": imported.list.items.iter().map(|i| i.sub.len().max(1)).sum::<usize>(),
                "report": imported.report,
                "check": check.iter().map(|d| serde_json::json!({
                    "rule": d.rule.id(),
                    "severity": if d.is_error() { "error" } else { "warning" },
                    "message": d.message,
                })).collect::<Vec<_>>(),
            });
            let text = serde_json::to_string_pretty(&json).unwrap_or_default();
            print(&quanze::diag::escape_json_hazards(format!("{text}\n")));
        }
        false => {
            let mut s = report_text(&imported.report);
            let _ = writeln!(
                s,
                "{} item(s), {} unit(s) for `{}`",
                imported.list.items.len(),
                imported
                    .list
                    .items
                    .iter()
                    .map(|i| i.sub.len().max(1))
                    .sum::<usize>(),
                imported.list.authority
            );
            s.push_str(&check_text(&check));
            match &written {
                None => s.push_str("dry run: nothing was written\n"),
                Some(w)
                    if w.existing
                        && w.files.iter().all(|f| {
                            f.ends_with("authorities.toml") || f.ends_with("documents.toml")
                        }) =>
                {
                    let _ = writeln!(
                        s,
                        "the files of the existing list `{}` already hold the imported state: nothing to record",
                        imported.list.authority
                    );
                }
                Some(w) if w.existing => {
                    let _ = writeln!(
                        s,
                        "rewrote the files of the existing list `{}` ({} item(s) matched and kept their ids; {} item(s) not in the sheet marked cancelled from {}); the change log is untouched: record the change, dated the day the import takes effect, with\n  quanze adjust {} --version VERSION --date {} --decided-by NUMBER",
                        imported.list.authority,
                        w.kept,
                        w.cancelled.len(),
                        opts.effective,
                        imported.list.authority,
                        opts.effective
                    );
                }
                Some(w) => {
                    let _ = writeln!(s, "wrote {} file(s): {}", w.files.len(), w.files.join(", "));
                }
            }
            print(&quanze::diag::escape_controls(&s));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// What `check` will say of the imported list: every rule over it, in a
/// registry that holds it.
fn after_check(reg: &Registry, imported: &Imported, date: Date) -> Vec<Diagnostic> {
    let mut reg = reg.clone();
    for a in &imported.authorities {
        reg.authorities.insert(a.id.clone(), a.clone());
    }
    // The list as the import leaves it: merged into an existing one.
    let (list, _) = import::write::merged(&reg, imported);
    let date = list
        .items
        .iter()
        .map(|i| i.effective)
        .max()
        .unwrap_or(date)
        .max(date);
    reg.validate_list(&list, date)
}

fn report_text(r: &Report) -> String {
    let mut s = String::new();
    for sh in &r.sheets {
        let name = sh
            .sheet
            .as_deref()
            .map(|n| format!(" sheet {n:?}"))
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "{}{name} ({}): {} item(s), {} unit(s)",
            sh.file.display(),
            sh.encoding.name(),
            sh.items,
            sh.units
        );
        if let Some(h) = &sh.header {
            let rows = if h.rows == 2 {
                format!("rows {}-{}", h.row, h.row + 1)
            } else {
                format!("row {}", h.row)
            };
            let _ = writeln!(s, "  header: {rows}");
            for c in &h.columns {
                if c.heading.is_empty() && c.field.is_none() {
                    continue;
                }
                let to = c
                    .field
                    .map_or("(unmapped: cells kept as notes)", import::Field::id);
                let how = if c.mapped { " (mapping file)" } else { "" };
                let _ = writeln!(s, "  {} {:?} -> {to}{how}", c.letter, c.heading);
            }
        }
        if sh.sections > 0 {
            let _ = writeln!(
                s,
                "  {} section row(s) set the category of the rows after them",
                sh.sections
            );
        }
        for (row, text) in &sh.notes {
            let _ = writeln!(s, "  note (row {row}, not a unit): {text}");
        }
    }
    for l in &r.left_out {
        let _ = writeln!(s, "{l}");
    }
    for sheet in &r.skipped_sheets {
        let _ = writeln!(s, "passed over: {sheet}");
    }
    for rej in &r.rejected {
        let _ = writeln!(s, "rejected (--keep-going): {rej}");
    }
    if r.assigned_codes > 0 {
        let _ = writeln!(
            s,
            "{} code(s) assigned where the sheet has none (marked `code_assigned`; not official codes)",
            r.assigned_codes
        );
    }
    if r.inferred_levels > 0 {
        let _ = writeln!(
            s,
            "{} legal basis level(s) inferred from titles (marked `level_inferred`): confirm them",
            r.inferred_levels
        );
    }
    if r.unmapped_cells > 0 {
        let _ = writeln!(
            s,
            "{} cell(s) no field holds, kept in the items' `unmapped` notes",
            r.unmapped_cells
        );
    }
    for l in &r.unreadable_limits {
        let _ = writeln!(s, "time limit not read (kept as a note): {l}");
    }
    for id in &r.authorities_added {
        let _ = writeln!(
            s,
            "authority `{id}` added to authorities.toml for a grantor the registry did not name: check its level and set its region"
        );
    }
    s
}

fn check_text(check: &[Diagnostic]) -> String {
    let mut s = String::new();
    let errors = check.iter().filter(|d| d.is_error()).count();
    if check.is_empty() {
        s.push_str("check: no problems\n");
        return s;
    }
    let _ = writeln!(
        s,
        "check: {errors} error(s), {} warning(s) to attend to (`quanze check` shows each in its file):",
        check.len() - errors
    );
    let mut by_rule: Vec<(&str, Vec<&Diagnostic>)> = Vec::new();
    for d in check {
        match by_rule.iter_mut().find(|(r, _)| *r == d.rule.id()) {
            Some((_, v)) => v.push(d),
            None => by_rule.push((d.rule.id(), vec![d])),
        }
    }
    for (rule, ds) in by_rule {
        let kind = if ds[0].is_error() { "error" } else { "warning" };
        let _ = writeln!(s, "  {kind}[{rule}] ×{}: {}", ds.len(), ds[0].message);
    }
    s
}
