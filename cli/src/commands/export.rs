//! `quanze export`: the items of every list as JSON Lines.

use std::io::Write as _;
use std::process::ExitCode;

use quanze::Registry;

use crate::args::ExportArgs;
use crate::exit::Failure;
use crate::out::Ctx;

pub(crate) fn run(ctx: &Ctx, a: &ExportArgs) -> Result<ExitCode, Failure> {
    let names = match ctx.scope(a.authority.as_deref())?[..] {
        [x] => vec![x.to_owned()],
        _ => Registry::list_names(&ctx.root)?,
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    // A few lists at a time, each read, exported and dropped, so a
    // province-wide export never holds the registry in memory.
    let per_round = 2 * rayon::current_num_threads();
    let bar = crate::progress::Bar::new("exporting");
    let tick = bar.callback();
    let total = names.len();
    for (round, names) in names.chunks(per_round).enumerate() {
        tick.call((round * per_round + names.len()).min(total), total);
        let only: Vec<&str> = names.iter().map(String::as_str).collect();
        let reg = ctx.load_clean(&only)?;
        for list in reg.lists.values() {
            let mark = if ctx.verified(&reg, list)? {
                ""
            } else {
                "\"unverified\":true,"
            };
            let view = match a.as_of {
                // Before a list's first entry its files are exported.
                Some(d) => list.as_of(d).unwrap_or_else(|_| list.clone()),
                None => list.clone(),
            };
            for item in &view.items {
                if a.as_of.is_some_and(|d| !item.in_force_on(d)) {
                    continue;
                }
                let line = quanze::export_line(&view, item).replacen('{', &format!("{{{mark}"), 1);
                if out.write_all(line.as_bytes()).is_err() {
                    return Ok(ExitCode::SUCCESS);
                }
            }
        }
    }
    let _ = out.flush();
    Ok(ExitCode::SUCCESS)
}
