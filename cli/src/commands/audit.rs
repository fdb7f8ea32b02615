//! `quanze audit`: every audit check over a list's history and files.

use std::process::ExitCode;

use quanze::Date;
use quanze::query::audit::{AuditOptions, audit, has_errors};

use crate::args::AuditArgs;
use crate::exit::{Failure, PROBLEMS};
use crate::out::{Ctx, print};

pub(crate) fn run(ctx: &Ctx, a: &AuditArgs) -> Result<ExitCode, Failure> {
    // Read with its problems: the audit reports them as findings.
    let loaded = ctx.load(&[&a.authority])?;
    let mut reg = loaded.registry;
    // The lists above, whose changes leave pending effects on this one.
    super::upstream::add_parents(ctx, &mut reg, &a.authority)?;
    let Some(list) = reg.list(&a.authority) else {
        // Its list.toml did not read: what did not read is the finding.
        let dir = ctx.root.join(&a.authority);
        let read: Vec<quanze::Diagnostic> = loaded
            .problems
            .into_iter()
            .filter(|d| d.file.starts_with(&dir))
            .collect();
        if read.is_empty() {
            return Err(ctx.no_list(&a.authority));
        }
        let findings = quanze::query::audit::read_findings(&read);
        print(&quanze::publish::report::findings(&findings, a.format)?);
        return Ok(ExitCode::from(PROBLEMS));
    };
    let opts = AuditOptions {
        from: a.from.clone(),
        to: a.to.clone(),
        as_of: a.as_of.unwrap_or_else(Date::today),
        expiring_within: a.expiring_within,
    };
    let findings = audit(&reg, list, &opts)?;
    print(&quanze::publish::report::findings(&findings, a.format)?);
    Ok(if has_errors(&findings) {
        ExitCode::from(PROBLEMS)
    } else {
        ExitCode::SUCCESS
    })
}
