//! `quanze resolve`: a code followed through merges, splits and recodes.

use std::process::ExitCode;

use crate::args::ResolveArgs;
use crate::exit::Failure;
use crate::out::Ctx;

pub(crate) fn run(ctx: &Ctx, a: &ResolveArgs) -> Result<ExitCode, Failure> {
    let reg = ctx.one(&a.authority)?;
    let history = super::replayed(ctx.list(&reg, &a.authority)?)?;
    if let Some(v) = &a.at
        && history.at(v).is_none()
    {
        return Err(Failure::Usage(format!(
            "the change log of `{}` has no version {v}",
            a.authority
        )));
    }
    match history.resolve(&a.code, a.at.as_ref()) {
        Some(r) => {
            ctx.print_report(&r.render(), quanze::publish::Format::Text);
            Ok(ExitCode::SUCCESS)
        }
        None => Err(Failure::Usage(format!(
            "code `{}` was never used in the list of `{}`",
            a.code, a.authority
        ))),
    }
}
