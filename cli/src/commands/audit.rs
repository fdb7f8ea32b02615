//! `quanze audit`: every audit check over a list's history and files.

use std::process::ExitCode;

use quanze::Date;
use quanze::query::audit::{AuditOptions, audit, has_errors};

use crate::args::AuditArgs;
use crate::exit::{Failure, PROBLEMS};
use crate::out::{Ctx, print};

pub(crate) fn run(ctx: &Ctx, a: &AuditArgs) -> Result<ExitCode, Failure> {
    // Read with its problems: the audit reports them as findings.
    let reg = ctx.load(&[&a.authority])?.registry;
    let list = ctx.list(&reg, &a.authority)?;
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
