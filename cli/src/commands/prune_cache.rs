//! `quanze prune-cache`: removes what the registry no longer needs from the
//! cache directory.

use std::process::ExitCode;

use quanze::Registry;

use crate::args::PruneCacheArgs;
use crate::exit::Failure;
use crate::out::{Ctx, print};

pub(crate) fn run(ctx: &Ctx, a: &PruneCacheArgs) -> Result<ExitCode, Failure> {
    let Some(cache) = &ctx.cache else {
        return Err(Failure::Usage(
            "prune-cache needs the cache directory: quanze --cache DIR prune-cache".into(),
        ));
    };
    let p = Registry::prune_cache(&ctx.root, cache, a.keep_days)?;
    print(&format!(
        "removed {} cache file(s) ({} bytes); kept {}\n",
        p.removed, p.bytes, p.kept
    ));
    Ok(ExitCode::SUCCESS)
}
