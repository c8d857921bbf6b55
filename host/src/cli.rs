//! The command line: a thin layer over [`crate::scan`] and [`crate::report`].

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::plugin::Limits;
use crate::report;
use crate::scan::{ScanOptions, scan};
use crate::source::Selection;

/// Exit statuses, documented in README.
pub mod exit {
    /// The scan completed.
    pub const OK: u8 = 0;
    /// Bad usage or a fatal error (no report).
    pub const FATAL: u8 = 2;
    /// A report was produced, but a file or plugin failed: results are partial.
    pub const PARTIAL: u8 = 3;
}

#[derive(Parser)]
#[command(
    name = "opgap",
    version,
    about = "Find the vCenter operating model in your runbooks before you move to KVM",
    long_about = None
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Scan a git repository (or folder) of runbooks for vCenter constructs.
    Scan(ScanArgs),
}

#[derive(Args)]
struct ScanArgs {
    /// A git repository (read at HEAD) or a plain folder.
    path: PathBuf,

    /// Read this revision of the repository instead of HEAD.
    #[arg(long, value_name = "REV", conflicts_with = "worktree")]
    rev: Option<String>,

    /// Read the files on disk (uncommitted edits included, .gitignore honoured).
    #[arg(long)]
    worktree: bool,

    /// Add a detector plugin (a WebAssembly component). Repeatable.
    #[arg(long = "plugin", value_name = "FILE.wasm")]
    plugins: Vec<PathBuf>,

    /// Run only the plugins given with --plugin.
    #[arg(long)]
    no_builtin: bool,

    #[arg(long, value_enum, default_value_t = Format::Terminal)]
    format: Format,

    /// Wall-clock budget of one plugin call, in milliseconds.
    #[arg(long, value_name = "MS", default_value_t = 2000)]
    deadline_ms: u64,

    /// Memory cap of one plugin instance, in MiB.
    #[arg(long, value_name = "MIB", default_value_t = 64)]
    memory_mib: usize,

    /// Where compiled plugins are cached [default: the user cache dir].
    #[arg(long, value_name = "DIR")]
    cache_dir: Option<PathBuf>,

    /// Compile plugins on every run.
    #[arg(long, conflicts_with = "cache_dir")]
    no_cache: bool,

    /// Worker threads [default: one per core].
    #[arg(long, short = 'j', value_name = "N", default_value_t = 0)]
    jobs: usize,

    /// Stop calling a plugin after this many failures (0: never).
    #[arg(long, value_name = "N", default_value_t = 3)]
    max_plugin_failures: usize,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Terminal,
    Json,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Scan(args) => run_scan(args),
    }
}

fn run_scan(args: ScanArgs) -> ExitCode {
    let options = ScanOptions {
        root: args.path,
        selection: match (args.worktree, args.rev) {
            (true, _) => Selection::Worktree,
            (false, rev) => Selection::Revision(rev.unwrap_or_else(|| "HEAD".into())),
        },
        plugin_files: args.plugins,
        builtin_plugins: !args.no_builtin,
        limits: Limits {
            deadline: Duration::from_millis(args.deadline_ms.max(1)),
            memory_bytes: args.memory_mib.max(1) << 20,
            ..Limits::default()
        },
        cache_dir: if args.no_cache {
            None
        } else {
            args.cache_dir.or_else(default_cache_dir)
        },
        jobs: args.jobs,
        max_plugin_failures: args.max_plugin_failures,
    };
    let report = match scan(&options) {
        Ok(r) => r,
        Err(e) => {
            let _ = writeln!(anstream::stderr(), "error: {e:#}");
            return ExitCode::from(exit::FATAL);
        }
    };
    let written = match args.format {
        Format::Terminal => {
            report::terminal::write(&report, &mut anstream::stdout(), &mut anstream::stderr())
        }
        Format::Json => {
            let result = report::json::write(&report, &mut std::io::stdout().lock());
            // Errors also reach people watching the terminal.
            let _ = report::terminal::write_errors(&report, &mut anstream::stderr());
            result
        }
    };
    if let Err(e) = written
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        let _ = writeln!(anstream::stderr(), "error: writing the report: {e}");
        return ExitCode::from(exit::FATAL);
    }
    ExitCode::from(if report.partial {
        exit::PARTIAL
    } else {
        exit::OK
    })
}

fn default_cache_dir() -> Option<PathBuf> {
    dirs::cache_dir().map(|d| d.join("opgap").join("components"))
}
