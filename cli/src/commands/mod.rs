//! One module per command: each takes its arguments (see [`crate::args`])
//! and returns its exit status, or the failure that stopped it.

mod adjust;
mod apply;
mod audit;
mod changes;
mod check;
mod compare;
mod crosswalk;
mod diff;
mod diff_files;
mod export;
mod history;
mod import;
mod law;
mod log;
mod prune_cache;
mod publish;
mod resolve;
#[cfg(feature = "schema")]
mod schema;
mod show;
mod stats;
mod upstream;
mod verify_catalogue;

use std::process::ExitCode;

use crate::args::Command;
use crate::exit::Failure;
use crate::out::Ctx;

/// Runs one command.
pub(crate) fn run(ctx: &Ctx, command: Command) -> Result<ExitCode, Failure> {
    match command {
        Command::Completions(a) => {
            crate::out::print(&crate::generate::completions(a.shell));
            Ok(ExitCode::SUCCESS)
        }
        Command::Man => {
            crate::out::print(&crate::generate::man());
            Ok(ExitCode::SUCCESS)
        }
        Command::Check(a) => check::run(ctx, &a),
        Command::Stats(a) => stats::run(ctx, &a),
        Command::Show(a) => show::run(ctx, &a),
        Command::Log(a) => log::run(ctx, &a),
        Command::History(a) => history::run(ctx, &a),
        Command::Resolve(a) => resolve::run(ctx, &a),
        Command::Diff(a) => diff::run(ctx, &a),
        Command::Changes(a) => changes::run(ctx, &a),
        Command::PruneCache(a) => prune_cache::run(ctx, &a),
        Command::Audit(a) => audit::run(ctx, &a),
        Command::Crosswalk(a) => crosswalk::run(ctx, &a),
        Command::Compare(a) => compare::run(ctx, &a),
        Command::Publish(a) => publish::run(ctx, &a),
        Command::Export(a) => export::run(ctx, &a),
        Command::VerifyCatalogue(a) => verify_catalogue::run(ctx, &a),
        Command::Apply(a) => apply::run(ctx, &a),
        Command::Adjust(a) => adjust::run(ctx, &a),
        Command::Import(a) => import::run(ctx, &a),
        Command::DiffFiles(a) => diff_files::run(ctx, &a),
        Command::Law(a) => law::run(ctx, &a),
        Command::Impact(a) => upstream::impact(ctx, &a),
        Command::Pending(a) => upstream::pending(ctx, &a),
        Command::Align(a) => upstream::align(ctx, &a),
        #[cfg(feature = "schema")]
        Command::Schema(a) => schema::run(ctx, &a),
    }
}

/// The list of `list` at a version, or in force on a date (default:
/// today), and the date to count it on.
pub(crate) fn view(
    list: &quanze::List,
    at: Option<&quanze::Version>,
    as_of: Option<quanze::Date>,
) -> Result<(quanze::List, quanze::Date), Failure> {
    match at {
        Some(v) => {
            let l = list.at_version(v)?;
            let entry_date = list
                .log
                .iter()
                .find(|e| &e.entry.version == v)
                .map(|e| e.entry.date);
            Ok((l, as_of.or(entry_date).unwrap_or_else(quanze::Date::today)))
        }
        None => {
            let date = as_of.unwrap_or_else(quanze::Date::today);
            Ok((list.as_of(date)?, date))
        }
    }
}

/// The replayed history of a list that must have a change log.
pub(crate) fn replayed(list: &quanze::List) -> Result<quanze::History, Failure> {
    match list.history_if_any()? {
        Some(h) => Ok(h),
        None => Err(Failure::Usage(format!(
            "the list of `{}` has no change log",
            list.authority
        ))),
    }
}
