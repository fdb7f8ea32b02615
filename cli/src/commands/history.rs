//! `quanze history`: every version of one item, with its decisions.

use std::process::ExitCode;

use crate::args::HistoryArgs;
use crate::exit::Failure;
use crate::out::Ctx;

pub(crate) fn run(ctx: &Ctx, a: &HistoryArgs) -> Result<ExitCode, Failure> {
    let reg = ctx.one(&a.authority)?;
    let history = super::replayed(ctx.list(&reg, &a.authority)?)?;
    let versions = history.item_history(&a.code);
    if versions.is_empty() {
        return Err(Failure::Usage(format!(
            "no item has or had code or id `{}` in the change log of `{}`",
            a.code, a.authority
        )));
    }
    ctx.print_report(
        &quanze::publish::report::history(&versions, a.format)?,
        a.format,
    );
    Ok(ExitCode::SUCCESS)
}
