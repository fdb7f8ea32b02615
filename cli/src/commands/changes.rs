//! `quanze changes`: unit-level changes of every list between two points.

use std::process::ExitCode;

use quanze::Registry;

use crate::args::ChangesArgs;
use crate::exit::{Failure, PROBLEMS};
use crate::out::Ctx;

pub(crate) fn run(ctx: &Ctx, a: &ChangesArgs) -> Result<ExitCode, Failure> {
    let only = ctx.scope(a.authority.as_deref())?;
    let bar = crate::progress::Bar::new("comparing");
    let options = ctx.options(&only).progress(bar.callback());
    let results = Registry::unit_changes(&ctx.root, &options, &a.from, &a.to)?;
    drop(bar);
    let names = match &a.authority {
        Some(x) => vec![x.clone()],
        None => Registry::list_names(&ctx.root)?,
    };
    let mut lists = Vec::new();
    let mut failed = false;
    for (name, r) in names.iter().zip(results) {
        match r {
            // A list whose history does not verify is left out (its
            // problems shown), unless `--unverified`: then it is marked.
            Ok(l) => match ctx.verified_by(name, l.unverified.clone()) {
                Ok(_) => lists.push(l),
                Err(f) => {
                    let _ = f.report();
                    failed = true;
                }
            },
            Err(e) => {
                eprintln!("error: {name}: {e}");
                failed = true;
            }
        }
    }
    let (from, to) = (a.from.to_string(), a.to.to_string());
    let report = quanze::publish::UnitReport::new(&lists, &from, &to, a.summary);
    ctx.print_report(
        &quanze::publish::report::unit_changes(&report, a.format)?,
        a.format,
    );
    Ok(if failed {
        ExitCode::from(PROBLEMS)
    } else {
        ExitCode::SUCCESS
    })
}
