//! `newsq`: the command-line tool. It parses flags, wires the library crates
//! together, prints, and turns outcomes into exit codes: 0 when something was
//! found, 1 when nothing was, 2 on error (as ripgrep does).

mod extract;
mod output;

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

/// Who said what, where, and in which words: quotations in news articles.
#[derive(Debug, Parser)]
#[command(name = "newsq", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Find every direct quotation and its speaker in articles.
    ///
    /// Reads plain text, JSON (news-please, trafilatura) and JSON Lines;
    /// folders are walked recursively.
    Extract(ExtractArgs),
}

#[derive(Debug, clap::Args)]
struct ExtractArgs {
    /// Files and folders of articles.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// One JSON object per quotation per line, for machines.
    #[arg(long)]
    json: bool,
    /// The outlet of every article read (overrides what files and --meta say).
    #[arg(long, value_name = "NAME")]
    outlet: Option<String>,
    /// Metadata sidecar (CSV, TSV or JSON Lines keyed by file name) with
    /// outlet, date, author, title, url.
    #[arg(long, value_name = "FILE")]
    meta: Option<PathBuf>,
    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Extract(args) => extract::run(args),
    };
    match outcome {
        Ok(code) => code,
        Err(message) => {
            eprintln!("newsq: {message}");
            ExitCode::from(2)
        }
    }
}
