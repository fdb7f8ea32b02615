//! `quanze crosswalk`: old code → new codes between two points.

use std::process::ExitCode;

use crate::args::CrosswalkArgs;
use crate::exit::Failure;
use crate::out::Ctx;

pub(crate) fn run(ctx: &Ctx, a: &CrosswalkArgs) -> Result<ExitCode, Failure> {
    let reg = ctx.one(&a.authority)?;
    let list = ctx.list(&reg, &a.authority)?;
    let rows = quanze::query::crosswalk::crosswalk(list, &a.from, &a.to)?;
    ctx.print_report(
        &quanze::publish::report::crosswalk(&rows, a.format)?,
        a.format,
    );
    Ok(ExitCode::SUCCESS)
}
