//! `opgap-bench`: the performance harness (see bench/README.md).

mod estate;
mod literals;
mod measure;
mod native;
mod run;
mod search;
mod table;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(about = "Benchmark harness for opgap")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write a deterministic runbook estate recombined from the sample one.
    Estate {
        /// Where to write it (created; must be empty or absent).
        out: PathBuf,
        /// Number of files (1000, 10000 and 100000 are the sizes we report).
        #[arg(long, default_value_t = 1000)]
        files: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Share of files that are scripts rather than Markdown.
        #[arg(long, default_value_t = 0.2)]
        script_share: f64,
        /// The sample estate to recombine.
        #[arg(long, default_value = "corpus/northwind-ops")]
        from: PathBuf,
    },
    /// Measure everything issue 10 asks for and print one table.
    Run {
        /// Estate sizes in files.
        #[arg(long, value_delimiter = ',', default_value = "1000,10000,100000")]
        sizes: Vec<usize>,
        /// Where estates, caches and the log go (estates are kept for the next run).
        #[arg(long, default_value = "target/bench")]
        work: PathBuf,
        /// The opgap binary to measure.
        #[arg(long, default_value = "target/release/opgap")]
        opgap: PathBuf,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Repeats of the short measurements (starts, rescans, search commands).
        #[arg(long, default_value_t = 10)]
        repeats: usize,
        /// Rounds over the 20 search queries.
        #[arg(long, default_value_t = 50)]
        search_rounds: usize,
        #[arg(long, default_value = "corpus/northwind-ops")]
        from: PathBuf,
    },
}

fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::Estate {
            out,
            files,
            seed,
            script_share,
            from,
        } => {
            if out.exists() && std::fs::read_dir(&out)?.next().is_some() {
                anyhow::bail!("{} is not empty", out.display());
            }
            let sources = estate::Sources::read(&from)?;
            let plan = estate::Plan {
                files,
                seed,
                script_share,
            };
            let started = std::time::Instant::now();
            let bytes = estate::generate(&sources, &plan, &out)?;
            println!(
                "{files} files, {:.1} MB in {} ({:.1} s)",
                bytes as f64 / 1e6,
                out.display(),
                started.elapsed().as_secs_f64()
            );
        }
        Command::Run {
            sizes,
            work,
            opgap,
            seed,
            repeats,
            search_rounds,
            from,
        } => {
            if sizes.is_empty() || repeats == 0 || search_rounds == 0 {
                anyhow::bail!("--sizes, --repeats and --search-rounds must not be empty or zero");
            }
            let options = run::Options {
                sizes,
                work,
                opgap,
                from,
                seed,
                repeats,
                search_rounds,
            };
            let rows = run::run(&options)?;
            print!("{}", table::render(&rows));
            if rows.iter().any(|r| r.met == Some(false)) {
                eprintln!("some targets were missed (marked **no**)");
            }
        }
    }
    Ok(())
}
