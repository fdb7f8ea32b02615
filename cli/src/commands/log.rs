//! `quanze log`: every version with its date, decisions and operations.

use std::process::ExitCode;

use crate::args::LogArgs;
use crate::exit::Failure;
use crate::out::Ctx;

pub(crate) fn run(ctx: &Ctx, a: &LogArgs) -> Result<ExitCode, Failure> {
    let reg = ctx.one(&a.authority)?;
    let list = ctx.list(&reg, &a.authority)?;
    ctx.print_report(&quanze::publish::report::log(list, a.format)?, a.format);
    Ok(ExitCode::SUCCESS)
}
