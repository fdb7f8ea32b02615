//! `quanze diff`: what changed between two points of a list, on whose
//! decision.

use std::process::ExitCode;

use quanze::ChangeSet;

use crate::args::DiffArgs;
use crate::exit::Failure;
use crate::out::Ctx;

pub(crate) fn run(ctx: &Ctx, a: &DiffArgs) -> Result<ExitCode, Failure> {
    let reg = ctx.one(&a.authority)?;
    let list = ctx.list(&reg, &a.authority)?;
    let cs = ChangeSet::between(&reg, list, &a.from, &a.to)?;
    ctx.print_report(
        &quanze::publish::report::changeset(&cs, a.format)?,
        a.format,
    );
    Ok(ExitCode::SUCCESS)
}
