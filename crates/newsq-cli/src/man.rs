//! `newsq man`: manual pages made from the command-line definition, so they
//! cannot drift from `--help`.

use std::io::Write;
use std::process::ExitCode;

use clap::CommandFactory;

use crate::output::finish_on_write_error;
use crate::{Cli, ManArgs};

pub fn run(args: ManArgs) -> Result<ExitCode, String> {
    // As clap_mangen::generate_to builds it: no `help` subcommand page.
    let mut top = Cli::command().disable_help_subcommand(true);
    top.build();
    if let Some(dir) = &args.dir {
        write_all(&top, dir).map_err(|e| {
            format!(
                "{}: cannot write the man pages ({e}); give --dir a folder you can write",
                dir.display()
            )
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    let page = match &args.subcommand {
        None => top,
        Some(name) => match top.find_subcommand(name) {
            Some(sub) => sub.clone(),
            None => {
                let names: Vec<&str> = top.get_subcommands().map(|s| s.get_name()).collect();
                return Err(format!(
                    "no subcommand \"{name}\"; the pages are newsq and newsq-SUBCOMMAND for {}",
                    names.join(", ")
                ));
            }
        },
    };
    let mut roff = Vec::new();
    page_of(page)
        .render(&mut roff)
        .and_then(|()| std::io::stdout().write_all(&roff))
        .map(|()| ExitCode::SUCCESS)
        .or_else(finish_on_write_error)
}

/// The page of a (sub)command: newsq-search(1) for `newsq search`, titled
/// with newsq's version.
fn page_of(command: clap::Command) -> clap_mangen::Man {
    clap_mangen::Man::new(command).source(format!("newsq {}", env!("CARGO_PKG_VERSION")))
}

/// Write the page of `command` and of each of its subcommands, at any
/// depth, into `dir` as TITLE.1.
fn write_all(command: &clap::Command, dir: &std::path::Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_all(sub, dir)?;
    }
    page_of(command.clone()).generate_to(dir).map(|_| ())
}
