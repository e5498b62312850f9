//! `dossier`: the command-line face of the Dossier library.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "dossier",
    version,
    about = "Read, store and search UN meeting documents"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse a document and print its structure as JSON.
    Parse { file: PathBuf },
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Parse { file } => {
            let doc = dossier_core::parse_file(&file)?;
            println!("{}", serde_json::to_string_pretty(&doc)?);
        }
    }
    Ok(())
}
