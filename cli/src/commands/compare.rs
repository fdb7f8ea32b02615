//! `quanze compare`: two authorities' lists side by side.

use std::process::ExitCode;

use quanze::Date;

use crate::args::CompareArgs;
use crate::exit::Failure;
use crate::out::{Ctx, load_clean_at};

pub(crate) fn run(ctx: &Ctx, a: &CompareArgs) -> Result<ExitCode, Failure> {
    let reg = match &a.other_registry {
        Some(_) => ctx.load_clean(&[&a.left])?,
        None => ctx.load_clean(&[&a.left, &a.right])?,
    };
    let other = match &a.other_registry {
        Some(dir) => load_clean_at(dir, &ctx.options(&[&a.right]))?,
        None => reg.clone(),
    };
    let l = ctx.list(&reg, &a.left)?;
    let r = other.list(&a.right).ok_or_else(|| {
        Failure::Usage(format!(
            "no list for authority `{}` in {}",
            a.right,
            a.other_registry.as_deref().unwrap_or(&ctx.root).display()
        ))
    })?;
    ctx.verified(&reg, l)?;
    ctx.verified(&other, r)?;
    let c =
        quanze::query::crosswalk::compare(&reg, l, &other, r, a.as_of.unwrap_or_else(Date::today));
    ctx.print_report(
        &quanze::publish::report::comparison(&c, a.format)?,
        a.format,
    );
    Ok(ExitCode::SUCCESS)
}
