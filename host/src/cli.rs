//! The command line: a thin layer over [`crate::scan`] and [`crate::report`].

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::plugin::Limits;
use crate::report;
use crate::scan::{Builtins, ScanOptions, scan};
use crate::source::Selection;

/// Exit statuses, documented in README.
pub mod exit {
    /// The scan completed with nothing at or above `--fail-on`.
    pub const OK: u8 = 0;
    /// The scan completed and found something at or above `--fail-on`.
    pub const FINDINGS: u8 = 1;
    /// Bad usage, configuration or input, or a fatal error (no report).
    pub const FATAL: u8 = 2;
    /// A report was produced, but a file, plugin or the index failed:
    /// results are partial. Same status as a fatal error: CI must not pass.
    pub const PARTIAL: u8 = 2;
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
    /// Measure line-level precision and recall against labelled runbooks.
    Eval(EvalArgs),
    /// What a construct is, how it is detected and what it becomes on each
    /// KVM management plane.
    Explain(ExplainArgs),
    /// Weigh the four KVM management planes against what a scan finds:
    /// equivalent / partial / none per stack, effort, and a ranking.
    Stacks(StacksArgs),
    /// Write a commented opgap.toml with every setting.
    Init(InitArgs),
    /// Skills-audit scorecards from incident-history questionnaires: score
    /// them (`opgap readiness TEAM.toml`), write one, check one, list the
    /// probes.
    Readiness(ReadinessArgs),
    /// Write the findings of a scan as accepted, so `scan --baseline FILE`
    /// reports only new ones.
    Baseline(BaselineArgs),
    /// Search the runbook sections every scan has indexed, with tantivy's
    /// query syntax (`snapshot AND quiesce`, `"maintenance mode"`,
    /// `heading:rollback`, `construct:vmware.vmotion`).
    Search(SearchArgs),
    /// Work with plugins.
    #[command(subcommand)]
    Plugin(PluginCommand),
}

#[derive(Args)]
#[command(args_conflicts_with_subcommands = true)]
struct ReadinessArgs {
    #[command(subcommand)]
    command: Option<ReadinessCommand>,

    /// Questionnaires to score, or folders of one team's dated
    /// questionnaires: the latest is scored, the others give the trend.
    #[arg(value_name = "TEAM.toml|DIR")]
    files: Vec<PathBuf>,

    /// Weigh in the Operating Model Test of the team's runbooks: a
    /// repository (path or git URL) to scan, or a saved
    /// `opgap scan --format json` report. Repeatable; counts add up.
    #[arg(long, value_name = "PATH|URL|REPORT.json")]
    scan: Vec<String>,

    #[arg(long, value_enum, default_value = "terminal")]
    format: ReadinessFormat,

    /// Score with this scorer component instead of the built-in one
    /// (pinned by sha256 in opgap.toml's [[plugins]]).
    #[arg(long, value_name = "FILE.wasm")]
    scorer: Option<PathBuf>,

    /// Run a --scorer that opgap.toml does not pin (while developing it).
    #[arg(long, requires = "scorer")]
    allow_unpinned: bool,

    /// Where compiled plugins and mirrors are kept [default: the user cache dir].
    #[arg(long, value_name = "DIR")]
    cache_dir: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum ReadinessFormat {
    Terminal,
    Json,
    Markdown,
    Html,
}

#[derive(Subcommand)]
enum ReadinessCommand {
    /// Write a commented questionnaire for one team.
    Init(InitArgs),
    /// Check questionnaires: every problem with file, line, column and key.
    Check {
        #[arg(required = true, value_name = "TEAM.toml")]
        files: Vec<PathBuf>,
    },
    /// The probe bank: the failure situations evidence can demonstrate.
    Probes,
}

#[derive(Args)]
struct InitArgs {
    /// Where to write it [default: opgap.toml, or team.toml for readiness].
    path: Option<PathBuf>,

    /// Replace an existing file.
    #[arg(long)]
    force: bool,
}

#[derive(Args)]
struct BaselineArgs {
    #[command(flatten)]
    source: SourceArgs,

    #[command(flatten)]
    plugins: PluginArgs,

    /// Where to write it.
    #[arg(
        long,
        short = 'o',
        value_name = "FILE",
        default_value = "opgap-baseline.json"
    )]
    output: PathBuf,
}

#[derive(Args)]
struct SearchArgs {
    /// The query; leave it out to list every section the filters keep.
    #[arg(default_value = "")]
    query: String,

    /// Only sections of this repository (its name in scan reports). Repeatable.
    #[arg(long, value_name = "NAME")]
    repo: Vec<String>,

    /// Only sections with a finding in this layer (`snapshot`, `drs`, ...). Repeatable.
    #[arg(long, value_name = "LAYER")]
    layer: Vec<String>,

    /// Only sections with this construct (`vmware.vmotion` or `vmotion`). Repeatable.
    #[arg(long, value_name = "ID")]
    construct: Vec<String>,

    /// Only sections with a construct of this fidelity on --stack (on any
    /// stack without it).
    #[arg(long, value_enum, value_name = "FIDELITY")]
    stack_fidelity: Option<FidelityArg>,

    /// The management plane --stack-fidelity looks at.
    #[arg(long, value_enum, value_name = "STACK", requires = "stack_fidelity")]
    stack: Option<Stack>,

    /// How many sections to show.
    #[arg(long, short = 'n', value_name = "N", default_value_t = 10)]
    limit: usize,

    /// The index to search [default: index/ in the cache folder].
    #[arg(long, value_name = "DIR")]
    index: Option<PathBuf>,

    /// The cache folder whose index is searched.
    #[arg(long, value_name = "DIR")]
    cache_dir: Option<PathBuf>,

    #[arg(long, value_enum, default_value_t = Format::Terminal)]
    format: Format,
}

/// The severity at which a scan fails CI; `never` only reports.
#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Info,
    Low,
    Medium,
    High,
    Critical,
    Never,
}

impl FailOn {
    fn threshold(self) -> Option<report::Severity> {
        use report::Severity as S;
        match self {
            FailOn::Info => Some(S::Info),
            FailOn::Low => Some(S::Low),
            FailOn::Medium => Some(S::Medium),
            FailOn::High => Some(S::High),
            FailOn::Critical => Some(S::Critical),
            FailOn::Never => None,
        }
    }

    fn from_config(name: &str) -> Option<Self> {
        <Self as ValueEnum>::from_str(name, false).ok()
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum FidelityArg {
    Equivalent,
    Partial,
    None,
}

#[derive(Args)]
struct ExplainArgs {
    /// A construct id, e.g. `vmware.vmotion` (`vmotion` works too).
    construct: String,

    /// Only this management plane [default: all four].
    #[arg(long, value_enum, value_name = "STACK")]
    stack: Option<Stack>,

    #[command(flatten)]
    plugins: PluginArgs,

    #[arg(long, value_enum, default_value_t = Format::Terminal)]
    format: Format,
}

#[derive(Args)]
struct StacksArgs {
    #[command(flatten)]
    source: SourceArgs,

    #[command(flatten)]
    plugins: PluginArgs,

    #[arg(long, value_enum, default_value_t = Format::Terminal)]
    format: Format,
}

#[derive(Subcommand)]
enum PluginCommand {
    /// Check a plugin against annotated fixtures (`expect:` / `ok:`
    /// comments): `opgap plugin test PLUGIN.wasm [FIXTURES...]`. Every
    /// missing or extra finding is shown; exits 1 on any.
    Test(PluginTestArgs),
    /// List the built-in and given plugins with versions, hashes and rules.
    List(PluginListArgs),
    /// Create a plugin crate that builds for wasm32-wasip2 out of the box:
    /// one example, its test, a fixture and a README.
    New(PluginNewArgs),
    /// What a component file is: world, API version, rules, size, imports,
    /// exports, sha256, and whether opgap.toml pins it. Its self-description
    /// is asked inside the sandbox.
    Inspect(PluginInspectArgs),
}

#[derive(Args)]
struct PluginNewArgs {
    /// The plugin's name: lowercase letters, digits and `-`.
    name: String,

    #[arg(long, value_enum, default_value = "detector")]
    kind: PluginKind,

    /// Create it in this folder [default: the current one].
    #[arg(long, value_name = "DIR", default_value = ".")]
    dir: PathBuf,

    /// The guest SDK to build against [default: plugins/pdk of the opgap
    /// sources this binary was built from].
    #[arg(long, value_name = "PATH")]
    pdk: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum PluginKind {
    Detector,
    Translator,
    Scorer,
}

#[derive(Args)]
struct PluginInspectArgs {
    #[arg(required = true, value_name = "PLUGIN.wasm")]
    files: Vec<PathBuf>,

    #[arg(long, value_enum, default_value = "terminal")]
    format: Format,

    /// Where compiled plugins are kept [default: the user cache dir].
    #[arg(long, value_name = "DIR")]
    cache_dir: Option<PathBuf>,
}

#[derive(Args)]
struct PluginListArgs {
    /// Also list every rule: id, construct, layer, default severity.
    #[arg(long)]
    rules: bool,

    #[command(flatten)]
    plugins: PluginArgs,
}

#[derive(Args)]
struct PluginTestArgs {
    /// Plugin components to test (`.wasm`: only they run, not the
    /// built-ins), then annotated fixture files or folders of them
    /// [default: ./fixtures].
    #[arg(value_name = "PLUGIN.wasm|FIXTURES")]
    paths: Vec<PathBuf>,

    #[command(flatten)]
    plugins: PluginArgs,
}

#[derive(Args)]
struct EvalArgs {
    /// A labelled corpus: a git repository or folder of runbooks.
    corpus: PathBuf,

    /// A labels file, or a folder of LABELS*.tsv files [default: the corpus folder].
    #[arg(long, value_name = "PATH")]
    labels: Option<PathBuf>,

    /// List every false positive and false negative.
    #[arg(long)]
    details: bool,

    /// Exit 1 if overall precision is below this.
    #[arg(long, value_name = "RATIO")]
    min_precision: Option<f64>,

    /// Exit 1 if overall recall is below this.
    #[arg(long, value_name = "RATIO")]
    min_recall: Option<f64>,

    #[command(flatten)]
    plugins: PluginArgs,
}

/// Which plugins run, and where their compiled code is cached.
#[derive(Args)]
struct PluginArgs {
    /// Add a plugin: a detector, or a translator that answers before the
    /// built-ins (a WebAssembly component; its world is read from its
    /// exports). Repeatable.
    #[arg(long = "plugin", value_name = "FILE.wasm")]
    plugins: Vec<PathBuf>,

    /// Run only the plugins given with --plugin.
    #[arg(long, conflicts_with = "only")]
    no_builtin: bool,

    /// Run only these built-in plugins (by name, e.g. `powercli`). Repeatable.
    #[arg(long, value_name = "NAME")]
    only: Vec<String>,

    /// Where compiled plugins, mirrors of remote repositories and the index
    /// are kept [default: the user cache dir, e.g. ~/.cache/opgap].
    #[arg(long, value_name = "DIR", conflicts_with = "no_cache")]
    cache_dir: Option<PathBuf>,

    /// Compile plugins on every run.
    #[arg(long)]
    no_cache: bool,

    /// Run --plugin files that opgap.toml does not pin by sha256 (while
    /// developing a plugin; never in CI).
    #[arg(long)]
    allow_unpinned: bool,
}

impl PluginArgs {
    fn options(&self, root: PathBuf, selection: Selection) -> ScanOptions {
        ScanOptions {
            sources: vec![crate::scan::SourceSpec::local(root, selection)],
            plugin_files: self.plugins.clone(),
            pinned_plugins: Vec::new(),
            allow_unpinned: self.allow_unpinned,
            builtins: if self.no_builtin {
                Builtins::None
            } else if self.only.is_empty() {
                Builtins::All
            } else {
                Builtins::Only(self.only.clone())
            },
            limits: Limits::default(),
            cache_dir: (!self.no_cache).then(|| self.cache_root().join("components")),
            mirrors_dir: self.cache_root().join("repos"),
            jobs: 0,
            max_plugin_failures: 3,
            stack: None,
            index: None,
            changed_since: None,
            progress: false,
            policy: crate::policy::Policy::default(),
        }
    }

    fn cache_root(&self) -> PathBuf {
        cache_root(self.cache_dir.clone())
    }
}

/// What to read: a repository at a revision, or files on disk.
#[derive(Args)]
struct SourceArgs {
    /// Git repositories (read at HEAD), plain folders, or git URLs
    /// (`https://`, `ssh://`, `file://`, `user@host:path`), which are
    /// mirrored under the cache folder and fetched on every run
    /// [default: the `[[repos]]` of opgap.toml].
    #[arg(value_name = "PATH|URL")]
    paths: Vec<String>,

    /// Read this revision of the repository instead of HEAD.
    #[arg(long, value_name = "REV", conflicts_with = "worktree")]
    rev: Option<String>,

    /// Read the files on disk (uncommitted edits included, .gitignore honoured).
    #[arg(long)]
    worktree: bool,

    /// Scan and report only the files changed since this revision (for CI:
    /// `--changed-since origin/main`).
    #[arg(long, value_name = "REV")]
    changed_since: Option<String>,
}

impl SourceArgs {
    /// The paths given, else the repositories the config lists (each at
    /// its own `rev`, if it names one).
    fn specs(
        &self,
        config: &crate::config::Config,
    ) -> anyhow::Result<Vec<crate::scan::SourceSpec>> {
        if !self.paths.is_empty() {
            return Ok(self
                .paths
                .iter()
                .map(|location| crate::scan::SourceSpec {
                    location: location.clone(),
                    selection: self.selection(),
                })
                .collect());
        }
        if config.repos.is_empty() {
            anyhow::bail!(
                "nothing to scan: give a PATH or URL, or list [[repos]] in opgap.toml{}",
                match &config.path {
                    Some(p) => format!(" ({})", p.display()),
                    None => String::new(),
                }
            );
        }
        Ok(config
            .repos
            .iter()
            .map(|repo| crate::scan::SourceSpec {
                location: repo.location.clone(),
                selection: match &repo.rev {
                    Some(rev) if !self.worktree => Selection::Revision(rev.clone()),
                    _ => self.selection(),
                },
            })
            .collect())
    }

    /// Where settings are looked for: the first local path given.
    fn config_start(&self) -> PathBuf {
        self.paths
            .iter()
            .find(|p| !crate::source::remote::is_url(p))
            .map_or_else(|| PathBuf::from("."), PathBuf::from)
    }

    fn selection(&self) -> Selection {
        match (self.worktree, &self.rev) {
            (true, _) => Selection::Worktree,
            (false, rev) => Selection::Revision(rev.clone().unwrap_or_else(|| "HEAD".into())),
        }
    }
}

#[derive(Args)]
struct ScanArgs {
    #[command(flatten)]
    source: SourceArgs,

    #[command(flatten)]
    plugins: PluginArgs,

    /// `json` is the versioned report (`host/schema`); `markdown` a page
    /// for a wiki or pull request; `sarif` is SARIF 2.1.0 for
    /// code-scanning dashboards; `html` one self-contained page that also
    /// weighs the four management planes.
    #[arg(long, value_enum, default_value_t = ScanFormat::Terminal)]
    format: ScanFormat,

    /// Wall-clock budget of one plugin call, in milliseconds.
    #[arg(long, value_name = "MS", default_value_t = 2000)]
    deadline_ms: u64,

    /// Memory cap of one plugin instance, in MiB.
    #[arg(long, value_name = "MIB", default_value_t = 64)]
    memory_mib: usize,

    /// Worker threads [default: one per core].
    #[arg(long, short = 'j', value_name = "N", default_value_t = 0)]
    jobs: usize,

    /// Stop calling a plugin after this many failures (0: never).
    #[arg(long, value_name = "N", default_value_t = 3)]
    max_plugin_failures: usize,

    /// Show what each finding becomes on this KVM management plane
    /// [default: `stack` in opgap.toml].
    #[arg(long, value_enum, value_name = "STACK")]
    stack: Option<Stack>,

    /// Read settings from this file instead of the nearest opgap.toml at
    /// or above PATH.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,

    /// Keep the runbook index (what `opgap search` reads) in this folder
    /// [default: index/ in the cache folder].
    #[arg(long, value_name = "DIR", conflicts_with = "no_index")]
    index: Option<PathBuf>,

    /// Neither read nor update the index: every file is parsed and checked.
    #[arg(long)]
    no_index: bool,

    /// How long to wait for another scan that is updating the index.
    #[arg(long, value_name = "SECS", default_value_t = 30)]
    index_wait: u64,

    /// No progress bar (it is shown only when stderr is a terminal).
    #[arg(long, short = 'q')]
    quiet: bool,

    /// Report only findings that are not in this baseline (`opgap baseline`).
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,

    /// Exit with status 1 when a finding is at or above this severity
    /// [default: `fail_on` in opgap.toml, else high].
    #[arg(long, value_enum, value_name = "LEVEL")]
    fail_on: Option<FailOn>,
}

const STACKS: [Stack; 4] = [
    Stack::Libvirt,
    Stack::Proxmox,
    Stack::Ovirt,
    Stack::Openstack,
];

/// The management planes the built-in translators cover.
#[derive(Clone, Copy, ValueEnum)]
enum Stack {
    Libvirt,
    Proxmox,
    Ovirt,
    Openstack,
}

impl Stack {
    fn id(self) -> &'static str {
        match self {
            Stack::Libvirt => "libvirt",
            Stack::Proxmox => "proxmox",
            Stack::Ovirt => "ovirt",
            Stack::Openstack => "openstack",
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum ScanFormat {
    Terminal,
    Json,
    Markdown,
    Sarif,
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Terminal,
    Json,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Scan(args) => return run_scan(args),
        Command::Eval(args) => run_eval(args),
        Command::Stacks(args) => run_stacks(args),
        Command::Search(args) => run_search(args),
        Command::Baseline(args) => run_baseline(args),
        Command::Init(args) => run_init(args, crate::config::TEMPLATE),
        Command::Readiness(args) => match args.command {
            Some(ReadinessCommand::Init(init)) => {
                run_init(init, crate::readiness::questionnaire::TEMPLATE)
            }
            Some(ReadinessCommand::Check { files }) => run_readiness_check(&files),
            Some(ReadinessCommand::Probes) => run_readiness_probes(),
            None => run_readiness(args),
        },
        Command::Explain(args) => run_explain(args),
        Command::Plugin(PluginCommand::Test(args)) => run_plugin_test(args),
        Command::Plugin(PluginCommand::List(args)) => run_plugin_list(args),
        Command::Plugin(PluginCommand::Inspect(args)) => run_plugin_inspect(args),
        Command::Plugin(PluginCommand::New(args)) => run_plugin_new(args),
    };
    result.unwrap_or_else(|e| {
        // A reader that stopped early (`| head`) is not an error.
        let broken_pipe = e
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe);
        if broken_pipe {
            return ExitCode::from(exit::OK);
        }
        let _ = writeln!(anstream::stderr(), "error: {e:#}");
        ExitCode::from(exit::FATAL)
    })
}

fn run_eval(args: EvalArgs) -> anyhow::Result<ExitCode> {
    let labels = crate::eval::read_labels(args.labels.as_ref().unwrap_or(&args.corpus))?;
    let options = args
        .plugins
        .options(args.corpus.clone(), Selection::Revision("HEAD".into()));
    let report = scan(&options)?;
    let _ = report::terminal::write_errors(&report, &mut anstream::stderr());
    let eval = crate::eval::evaluate(&report, &labels);
    let mut out = anstream::stdout();
    writeln!(
        out,
        "{:<16} {:>9} {:>7} {:>5} {:>5} {:>5}",
        "layer", "precision", "recall", "tp", "fp", "fn"
    )?;
    let rows = eval
        .by_layer
        .iter()
        .map(|(l, s)| (l.as_str(), s))
        .chain([("overall", &eval.overall)]);
    for (layer, s) in rows {
        writeln!(
            out,
            "{layer:<16} {:>9.3} {:>7.3} {:>5} {:>5} {:>5}",
            s.precision(),
            s.recall(),
            s.true_positives,
            s.false_positives,
            s.false_negatives
        )?;
    }
    if args.details {
        for (path, line, construct) in &eval.false_positives {
            writeln!(out, "FP {path}:{line} {construct}")?;
        }
        for (path, line, construct) in &eval.false_negatives {
            writeln!(out, "FN {path}:{line} {construct}")?;
        }
    }
    let below = args
        .min_precision
        .is_some_and(|m| eval.overall.precision() < m)
        || args.min_recall.is_some_and(|m| eval.overall.recall() < m);
    Ok(ExitCode::from(if below {
        1
    } else if report.partial {
        exit::PARTIAL
    } else {
        exit::OK
    }))
}

fn run_explain(args: ExplainArgs) -> anyhow::Result<ExitCode> {
    let id = if args.construct.starts_with("vmware.") {
        args.construct.clone()
    } else {
        format!("vmware.{}", args.construct)
    };
    if opgap_catalogue::construct(&id).is_none() {
        let close = crate::explain::suggestions(&args.construct);
        let hint = if close.is_empty() {
            "`opgap plugin list --rules` lists every construct".to_string()
        } else {
            format!("did you mean {}?", close.join(", "))
        };
        writeln!(
            anstream::stderr(),
            "error: no construct is named {}; {hint}",
            args.construct
        )?;
        return Ok(ExitCode::from(exit::FATAL));
    }
    let options = args
        .plugins
        .options(PathBuf::from("."), Selection::Worktree);
    let runtime = crate::plugin::Runtime::new(options.limits.clone(), options.cache_dir.clone())?;
    let mut errors = Vec::new();
    let detectors = crate::scan::load_plugins(&runtime, &options, &mut errors);
    let translators = crate::scan::translators_for(&runtime, &options, &mut errors);
    let stacks: Vec<String> = match args.stack {
        Some(s) => vec![s.id().to_string()],
        None => all_stacks(),
    };
    let explanation = crate::explain::explain(&id, &detectors, &translators, &stacks, &mut errors)
        .expect("checked above");
    let mut out = anstream::stdout();
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &explanation)?;
            writeln!(out)?;
        }
        Format::Terminal => report::explain::write(&explanation, &mut out)?,
    }
    load_errors_exit(&errors)
}

/// Print plugin load and call errors; the output is partial if any.
fn load_errors_exit(errors: &[crate::report::ScanError]) -> anyhow::Result<ExitCode> {
    let mut err = anstream::stderr();
    for e in errors {
        writeln!(err, "error: {}", e.message)?;
    }
    Ok(ExitCode::from(if errors.is_empty() {
        exit::OK
    } else {
        exit::PARTIAL
    }))
}

fn run_stacks(args: StacksArgs) -> anyhow::Result<ExitCode> {
    let config = crate::config::load(None, &args.source.config_start())?;
    let options = scan_options(&args.source, &args.plugins, &config)?;
    let mut report = scan(&options)?;
    let decision = management_planes(&options, &mut report)?;
    let mut out = anstream::stdout();
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &decision)?;
            writeln!(out)?;
        }
        Format::Terminal => report::stacks::write(&decision, &mut out)?,
    }
    let _ = report::terminal::write_errors(&report, &mut anstream::stderr());
    Ok(ExitCode::from(if report.partial {
        exit::PARTIAL
    } else {
        exit::OK
    }))
}

/// The four management planes weighed against a report's findings;
/// translator failures join the report's errors.
fn management_planes(
    options: &ScanOptions,
    report: &mut report::ScanReport,
) -> anyhow::Result<crate::stacks::Decision> {
    let stacks = all_stacks();
    let outcomes =
        crate::scan::translate_on_stacks(options, &report.findings, &stacks, &mut report.errors)?;
    report.partial = !report.errors.is_empty();
    Ok(crate::stacks::decide(&report.findings, &stacks, &outcomes))
}

/// What every command that scans takes from its arguments and opgap.toml.
fn scan_options(
    source: &SourceArgs,
    plugins: &PluginArgs,
    config: &crate::config::Config,
) -> anyhow::Result<ScanOptions> {
    Ok(ScanOptions {
        sources: source.specs(config)?,
        policy: config.policy.clone(),
        pinned_plugins: config.plugins.clone(),
        changed_since: source.changed_since.clone(),
        ..plugins.options(PathBuf::new(), Selection::Worktree)
    })
}

fn all_stacks() -> Vec<String> {
    STACKS.iter().map(|s| s.id().to_string()).collect()
}

/// The folder for compiled plugins, mirrors and the index.
fn cache_root(explicit: Option<PathBuf>) -> PathBuf {
    explicit
        .or_else(|| dirs::cache_dir().map(|d| d.join("opgap")))
        // Per user: the cache holds native code, so it must be private.
        .unwrap_or_else(|| {
            // SAFETY: getuid has no preconditions and cannot fail.
            let uid = unsafe { libc::getuid() };
            std::env::temp_dir().join(format!("opgap-{uid}"))
        })
}

fn run_init(args: InitArgs, template: &str) -> anyhow::Result<ExitCode> {
    let default = if template == crate::config::TEMPLATE {
        crate::config::FILE_NAME
    } else {
        "team.toml"
    };
    let path = args.path.unwrap_or_else(|| PathBuf::from(default));
    if path.exists() && !args.force {
        anyhow::bail!("{} exists; pass --force to replace it", path.display());
    }
    std::fs::write(&path, template)
        .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
    writeln!(anstream::stderr(), "wrote {}", path.display())?;
    Ok(ExitCode::from(exit::OK))
}

/// The built-in scorer, compiled through the usual cache.
fn builtin_scorer(cache_dir: Option<PathBuf>) -> anyhow::Result<crate::readiness::run::Scorer> {
    let runtime = crate::plugin::Runtime::new(
        Limits::default(),
        Some(cache_root(cache_dir).join("components")),
    )?;
    crate::readiness::run::Scorer::load(&runtime, None, &[], false)
}

fn run_readiness(args: ReadinessArgs) -> anyhow::Result<ExitCode> {
    use crate::readiness::{render, run};
    if args.files.is_empty() {
        anyhow::bail!(
            "give a questionnaire to score (`opgap readiness TEAM.toml`), or `opgap readiness init` to write one"
        );
    }
    let cache = cache_root(args.cache_dir.clone());
    let runtime = crate::plugin::Runtime::new(Limits::default(), Some(cache.join("components")))?;
    let config = crate::config::load(None, Path::new("."))?;
    let scorer = run::Scorer::load(
        &runtime,
        args.scorer.as_deref(),
        &config.plugins,
        args.allow_unpinned,
    )?;
    let files = run::expand(&args.files)?;

    let mut contexts = Vec::new();
    for spec in &args.scan {
        let path = Path::new(spec);
        if path.is_file() && path.extension().is_some_and(|e| e == "json") {
            contexts.push(run::context_from_saved(path)?);
            continue;
        }
        if path.exists() && !path.is_dir() && !path.is_file() {
            anyhow::bail!(
                "--scan {spec}: not a regular file (give a repository, a git URL or a saved \
                 JSON scan report)"
            );
        }
        let source = SourceArgs {
            paths: vec![spec.clone()],
            rev: None,
            worktree: false,
            changed_since: None,
        };
        let config = crate::config::load(None, &source.config_start())?;
        let plugins = PluginArgs {
            plugins: Vec::new(),
            no_builtin: false,
            only: Vec::new(),
            cache_dir: Some(cache.clone()),
            no_cache: false,
            allow_unpinned: false,
        };
        let report = scan(&scan_options(&source, &plugins, &config)?)?;
        if report.partial {
            let _ = report::terminal::write_errors(&report, &mut anstream::stderr());
            anyhow::bail!("the scan of {spec} is partial; its Operating Model Test would be wrong");
        }
        contexts.push(run::context_of(&report));
    }
    let context = run::merge(contexts);

    let mut err = anstream::stderr();
    let mut failed = false;
    let mut cards = Vec::new();
    for file in &files {
        match run::score_file(&scorer, file, &context) {
            Ok(card) => cards.push(card),
            Err(failure) => {
                failed = true;
                for line in failure.to_string().lines() {
                    writeln!(err, "error: {line}")?;
                }
            }
        }
    }
    if cards.is_empty() {
        return Ok(ExitCode::from(exit::FATAL));
    }
    let cards = run::by_team(cards);
    let mut out = std::io::stdout().lock();
    let written = match args.format {
        ReadinessFormat::Terminal => render::terminal::write(&cards, &mut anstream::stdout()),
        ReadinessFormat::Json => render::json(&cards, &mut out),
        ReadinessFormat::Markdown => render::markdown::write(&cards, &mut out),
        ReadinessFormat::Html => render::html::write(&cards, &mut out),
    };
    if let Err(e) = written
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        anyhow::bail!("writing the scorecard: {e}");
    }
    if failed {
        writeln!(
            err,
            "warning: some questionnaires could not be scored; the scorecards above are partial"
        )?;
    }
    Ok(ExitCode::from(if failed {
        exit::PARTIAL
    } else {
        exit::OK
    }))
}

fn run_readiness_check(files: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let scorer = builtin_scorer(None)?;
    let mut err = anstream::stderr();
    let mut failed = false;
    for file in files {
        match crate::readiness::questionnaire::read(file, &scorer.model) {
            Ok(q) => writeln!(
                err,
                "{}: {} people, {} evidence items, no problems",
                file.display(),
                q.person.len(),
                q.evidence.len()
            )?,
            Err(problems) => {
                failed = true;
                for p in problems {
                    writeln!(err, "error: {p}")?;
                }
            }
        }
    }
    Ok(ExitCode::from(if failed { exit::FATAL } else { exit::OK }))
}

fn run_readiness_probes() -> anyhow::Result<ExitCode> {
    use crate::plugin::bindings::readiness::AppliesIf;
    let model = builtin_scorer(None)?.model;
    let mut out = anstream::stdout();
    for d in &model.domains {
        writeln!(
            out,
            "{} ({}, weight {}{})",
            d.id,
            d.name,
            d.weight,
            if d.gate { ", gate" } else { "" }
        )?;
        for p in model.probes.iter().filter(|p| p.domain == d.id) {
            let applies = match &p.applies_if {
                AppliesIf::Always => String::new(),
                AppliesIf::Backend(b) => format!(" [with {}]", b.join(" or ")),
                AppliesIf::Sriov => " [with SR-IOV]".into(),
            };
            writeln!(
                out,
                "  {} {:<28} {}{applies}",
                if p.critical { "*" } else { " " },
                p.id,
                p.situation
            )?;
        }
    }
    writeln!(
        out,
        "\n* critical: a team cannot run production without having handled it"
    )?;
    Ok(ExitCode::from(exit::OK))
}

fn run_baseline(args: BaselineArgs) -> anyhow::Result<ExitCode> {
    let config = crate::config::load(None, &args.source.config_start())?;
    let options = scan_options(&args.source, &args.plugins, &config)?;
    let report = scan(&options)?;
    let baseline = crate::baseline::Baseline::of(&report);
    let mut text = serde_json::to_string_pretty(&baseline)?;
    text.push('\n');
    std::fs::write(&args.output, text)
        .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", args.output.display()))?;
    let accepted: usize = baseline.findings.iter().map(|e| e.count).sum();
    writeln!(
        anstream::stderr(),
        "{accepted} findings accepted in {}; `opgap scan --baseline {}` reports only new ones",
        args.output.display(),
        args.output.display()
    )?;
    let _ = report::terminal::write_errors(&report, &mut anstream::stderr());
    Ok(ExitCode::from(if report.partial {
        exit::PARTIAL
    } else {
        exit::OK
    }))
}

fn run_search(args: SearchArgs) -> anyhow::Result<ExitCode> {
    let dir = args
        .index
        .unwrap_or_else(|| crate::index::default_dir(&cache_root(args.cache_dir)));
    let index = crate::index::RunbookIndex::open_existing(&dir)?;
    let request = crate::index::search::SearchRequest {
        query: args.query,
        repos: args.repo,
        layers: args.layer,
        constructs: args
            .construct
            .iter()
            .map(|c| opgap_catalogue::full_id(c))
            .collect(),
        fidelity: args.stack_fidelity.map(|f| {
            match f {
                FidelityArg::Equivalent => "equivalent",
                FidelityArg::Partial => "partial",
                FidelityArg::None => "none",
            }
            .to_string()
        }),
        stack: args.stack.map(|s| s.id().to_string()),
        limit: args.limit,
    };
    let results = crate::index::search::search(&index, &request)?;
    let mut out = anstream::stdout();
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &results)?;
            writeln!(out)?;
        }
        Format::Terminal => report::search::write(&results, &mut out)?,
    }
    Ok(ExitCode::from(exit::OK))
}

fn run_plugin_list(args: PluginListArgs) -> anyhow::Result<ExitCode> {
    // The plugins opgap.toml pins are listed with the others.
    let config = crate::config::load(None, Path::new("."))?;
    let options = ScanOptions {
        pinned_plugins: config.plugins.clone(),
        ..args
            .plugins
            .options(PathBuf::from("."), Selection::Worktree)
    };
    let runtime = crate::plugin::Runtime::new(options.limits.clone(), options.cache_dir.clone())?;
    let mut errors = Vec::new();
    let detectors = crate::scan::load_plugins(&runtime, &options, &mut errors);
    let translators = crate::scan::translators_picking(
        &runtime,
        &options,
        |name| options.builtins.includes(name),
        &mut errors,
    );
    let scorer = options
        .builtins
        .includes("scorer")
        .then(|| {
            let (name, bytes) = crate::plugin::builtin::scorer();
            crate::plugin::ScorerPlugin::load(&runtime, &format!("builtin:{name}"), bytes)
        })
        .and_then(|loaded| {
            loaded
                .map_err(|e| errors.push(crate::scan::load_error("builtin:scorer".into(), e)))
                .ok()
        });
    let listed = detectors
        .iter()
        .map(|p| ("detector", p.origin.as_str(), p.sha256.as_str(), &p.info))
        .chain(
            translators
                .iter()
                .map(|p| ("translator", p.origin.as_str(), p.sha256.as_str(), &p.info)),
        )
        .chain(
            scorer
                .iter()
                .map(|p| ("scorer", p.origin.as_str(), p.sha256.as_str(), &p.info)),
        );
    let mut out = anstream::stdout();
    for (world, origin, sha256, info) in listed {
        // Scorers declare a model of domains and probes, not rules.
        let rules = match world {
            "scorer" => String::new(),
            _ => format!(", {} rules", info.rules.len()),
        };
        writeln!(
            out,
            "{} {} (API {}) {} sha256:{} {world}{rules}",
            info.name, info.version, info.api_version, origin, sha256,
        )?;
        if args.rules {
            for r in &info.rules {
                writeln!(
                    out,
                    "  {}\t{}\t{}\t{}\t{}",
                    r.id,
                    r.construct,
                    r.layer,
                    report::Severity::from(r.default_severity).as_str(),
                    r.short_help
                )?;
            }
        }
    }
    load_errors_exit(&errors)
}

fn run_plugin_new(args: PluginNewArgs) -> anyhow::Result<ExitCode> {
    use crate::scaffold::{Kind, Options, create, default_pdk};
    let options = Options {
        name: args.name,
        kind: match args.kind {
            PluginKind::Detector => Kind::Detector,
            PluginKind::Translator => Kind::Translator,
            PluginKind::Scorer => Kind::Scorer,
        },
        parent: args.dir,
        pdk: args.pdk.unwrap_or_else(default_pdk),
    };
    let written = create(&options)?;
    let mut err = anstream::stderr();
    for file in &written {
        writeln!(err, "wrote {}", file.display())?;
    }
    writeln!(
        err,
        "next: cd {} && cargo build --release --target wasm32-wasip2 (see its README.md)",
        options.parent.join(&options.name).display()
    )?;
    Ok(ExitCode::from(exit::OK))
}

fn run_plugin_inspect(args: PluginInspectArgs) -> anyhow::Result<ExitCode> {
    let config = crate::config::load(None, Path::new("."))?;
    let runtime = crate::plugin::Runtime::new(
        Limits::default(),
        Some(cache_root(args.cache_dir).join("components")),
    )?;
    let mut out = anstream::stdout();
    let mut err = anstream::stderr();
    let mut failed = false;
    let mut inspected = Vec::new();
    for file in &args.files {
        let origin = file.display().to_string();
        let bytes = match crate::plugin::read_component_file(file, runtime.limits()) {
            Ok(b) => b,
            Err(e) => {
                writeln!(err, "error: {e}")?;
                failed = true;
                continue;
            }
        };
        match crate::plugin::inspect(&runtime, &origin, &bytes) {
            Ok(i) => {
                let pin = config.plugins.iter().find(|p| p.sha256 == i.sha256);
                inspected.push((origin, i, pin.map(|p| p.pinned_at.clone())));
            }
            Err(e) => {
                writeln!(err, "error: {origin}: {}", e.failure)?;
                failed = true;
            }
        }
    }
    match args.format {
        Format::Json => {
            let list: Vec<serde_json::Value> = inspected
                .iter()
                .map(|(origin, i, pin)| {
                    let mut v = serde_json::to_value(i).expect("plain data");
                    v["file"] = origin.as_str().into();
                    v["pinned_at"] = pin.as_deref().into();
                    v
                })
                .collect();
            serde_json::to_writer_pretty(&mut out, &list)?;
            writeln!(out)?;
        }
        Format::Terminal => {
            for (origin, i, pin) in &inspected {
                writeln!(out, "{origin}")?;
                writeln!(out, "  world        {}", i.world)?;
                writeln!(out, "  name         {} {}", i.name, i.version)?;
                writeln!(
                    out,
                    "  API version  {} (this opgap: {})",
                    i.api_version,
                    crate::plugin::bindings::API_VERSION
                )?;
                if !i.description.is_empty() {
                    writeln!(out, "  description  {}", i.description)?;
                }
                writeln!(out, "  size         {} bytes", i.bytes)?;
                writeln!(out, "  sha256       {}", i.sha256)?;
                match pin {
                    Some(at) => writeln!(out, "  pinned       yes, at {at}")?,
                    None => writeln!(
                        out,
                        "  pinned       no; to trust it add to opgap.toml (a relative path is read from its folder):\n                 [[plugins]]\n                 path = \"{}\"\n                 sha256 = \"{}\"",
                        Path::new(origin)
                            .canonicalize()
                            .map_or_else(|_| origin.clone(), |p| p.display().to_string()),
                        i.sha256
                    )?,
                }
                writeln!(out, "  imports      {}", i.imports.join(", "))?;
                writeln!(out, "  exports      {}", i.exports.join(", "))?;
                if let Some(m) = &i.model {
                    writeln!(
                        out,
                        "  model        {}: {} domains, {} probes",
                        m.id, m.domains, m.probes
                    )?;
                } else {
                    writeln!(out, "  rules        {}", i.rules.len())?;
                    for r in &i.rules {
                        writeln!(out, "    {}\t{}\t{}", r.id, r.construct, r.layer)?;
                    }
                }
            }
        }
    }
    Ok(ExitCode::from(if failed { exit::FATAL } else { exit::OK }))
}

fn run_plugin_test(mut args: PluginTestArgs) -> anyhow::Result<ExitCode> {
    let (plugins, mut fixtures): (Vec<PathBuf>, Vec<PathBuf>) = args
        .paths
        .iter()
        .cloned()
        .partition(|p| p.extension().is_some_and(|e| e == "wasm"));
    if !plugins.is_empty() {
        // Fixtures say what is found: only detectors can be tested so.
        let runtime = crate::plugin::Runtime::new(
            Limits::default(),
            (!args.plugins.no_cache).then(|| args.plugins.cache_root().join("components")),
        )?;
        for p in &plugins {
            let bytes = crate::plugin::read_component_file(p, runtime.limits())
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            match crate::plugin::world_of(&runtime, &bytes) {
                Ok(crate::plugin::WorldKind::Detector) => {}
                Ok(other) => anyhow::bail!(
                    "{} is a {}: fixtures test detectors (test a translator with a scan and --stack, a scorer with opgap readiness)",
                    p.display(),
                    other.name()
                ),
                Err(e) => anyhow::bail!("{}: {}", p.display(), e.failure),
            }
        }
        args.plugins.plugins.extend(plugins);
        args.plugins.no_builtin = true;
    }
    if fixtures.is_empty() {
        let default = PathBuf::from("fixtures");
        if !default.is_dir() {
            anyhow::bail!(
                "no fixtures given and no ./fixtures folder: `opgap plugin test PLUGIN.wasm FIXTURES...`"
            );
        }
        fixtures.push(default);
    }
    let mut out = anstream::stdout();
    let (mut files, mut annotated, mut failed) = (0, 0, 0);
    for dir in &fixtures {
        let sources = crate::source::read(dir, &Selection::Worktree, None)?;
        // Scan a copy without the annotations, so they cannot influence
        // detection; line numbers are unchanged.
        let copy = tempfile::tempdir()?;
        for f in &sources.files {
            let target = copy.path().join(&f.path);
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(target, crate::fixture::blank_annotations(&f.text))?;
        }
        // The author names the file to test it: no pin needed here.
        let options = ScanOptions {
            allow_unpinned: true,
            ..args
                .plugins
                .options(copy.path().to_path_buf(), Selection::Worktree)
        };
        let report = scan(&options)?;
        let _ = report::terminal::write_errors(&report, &mut anstream::stderr());
        let texts = sources
            .files
            .iter()
            .map(|f| (f.path.as_str(), f.text.as_str()));
        let mismatches = crate::fixture::check(&report, texts);
        files += sources.files.len();
        let base = if dir.is_file() {
            dir.parent()
        } else {
            Some(dir.as_path())
        }
        .filter(|b| !b.as_os_str().is_empty())
        .map(|b| format!("{}/", b.display()))
        .unwrap_or_default();
        for f in &sources.files {
            let a = crate::fixture::parse(&f.text);
            annotated += a.expect.len() + a.ok.len();
            for (line, word) in &a.malformed {
                writeln!(
                    out,
                    "{base}{}:{line}: `{word}` is not a construct id (e.g. vmware.vmotion)",
                    f.path
                )?;
                failed += 1;
            }
        }
        for m in &mismatches {
            write!(out, "{base}{m}")?;
        }
        failed += mismatches.len();
        if report.partial {
            failed += 1;
        }
    }
    // A run that checked nothing must not pass.
    if annotated == 0 {
        failed += 1;
    }
    writeln!(
        out,
        "{files} fixture files, {annotated} annotated lines: {}",
        if annotated == 0 {
            "no annotation to check (`expect:` or `ok:` comments)".to_string()
        } else if failed == 0 {
            "all as expected".to_string()
        } else {
            format!("{failed} mismatches")
        }
    )?;
    Ok(ExitCode::from(if failed == 0 { exit::OK } else { 1 }))
}

fn run_scan(args: ScanArgs) -> ExitCode {
    let config = match crate::config::load(args.config.as_deref(), &args.source.config_start()) {
        Ok(c) => c,
        Err(e) => {
            let _ = writeln!(anstream::stderr(), "error: {e}");
            return ExitCode::from(exit::FATAL);
        }
    };
    let fail_on = args
        .fail_on
        .or_else(|| config.fail_on.as_deref().and_then(FailOn::from_config))
        .unwrap_or(FailOn::High);
    let base = match scan_options(&args.source, &args.plugins, &config) {
        Ok(o) => o,
        Err(e) => {
            let _ = writeln!(anstream::stderr(), "error: {e}");
            return ExitCode::from(exit::FATAL);
        }
    };
    let options = ScanOptions {
        limits: Limits {
            deadline: Duration::from_millis(args.deadline_ms.max(1)),
            // Start-up gets five times the call budget (plugins compile
            // their patterns there).
            startup_deadline: Duration::from_millis(args.deadline_ms.max(1) * 5),
            memory_bytes: args.memory_mib.max(1) << 20,
            ..Limits::default()
        },
        jobs: args.jobs,
        max_plugin_failures: args.max_plugin_failures,
        stack: args
            .stack
            .map(|s| s.id().to_string())
            .or(config.stack.clone()),
        progress: !args.quiet,
        index: (!args.no_index).then(|| crate::scan::IndexOptions {
            dir: args
                .index
                .clone()
                .unwrap_or_else(|| crate::index::default_dir(&args.plugins.cache_root())),
            wait: Duration::from_secs(args.index_wait),
        }),
        ..base
    };
    let baseline = match args
        .baseline
        .as_deref()
        .map(crate::baseline::Baseline::read)
    {
        Some(Err(e)) => {
            let _ = writeln!(anstream::stderr(), "error: {e:#}");
            return ExitCode::from(exit::FATAL);
        }
        other => other.map(|b| b.expect("errors handled above")),
    };
    let mut report = match scan(&options) {
        Ok(r) => r,
        Err(e) => {
            let _ = writeln!(anstream::stderr(), "error: {e:#}");
            return ExitCode::from(exit::FATAL);
        }
    };
    if let (Some(baseline), Some(file)) = (&baseline, &args.baseline) {
        report.baseline = Some(crate::baseline::BaselineSummary {
            file: file.display().to_string(),
            matched: baseline.filter(&mut report),
        });
    }
    let written = match args.format {
        ScanFormat::Terminal => {
            report::terminal::write(&report, &mut anstream::stdout(), &mut anstream::stderr())
        }
        ScanFormat::Json | ScanFormat::Sarif | ScanFormat::Markdown | ScanFormat::Html => {
            // The page still renders without the comparison if the
            // translators cannot start; the scan's findings stand.
            let decision = matches!(args.format, ScanFormat::Html)
                .then(|| management_planes(&options, &mut report).ok())
                .flatten();
            // Buffered: stdout is line-buffered, and a large report has
            // millions of lines (one write each made it a third of a rescan).
            let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            let result = match args.format {
                ScanFormat::Sarif => report::sarif::write(&report, &mut out),
                ScanFormat::Markdown => report::markdown::write(&report, &mut out),
                ScanFormat::Html => report::html::write(&report, decision.as_ref(), &mut out),
                _ => report::json::write(&report, &mut out),
            }
            .and_then(|()| out.flush());
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
    let fails_at = fail_on.threshold();
    ExitCode::from(if report.partial {
        exit::PARTIAL
    } else if fails_at.is_some_and(|t| report.active().any(|f| f.severity >= t)) {
        exit::FINDINGS
    } else {
        exit::OK
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_stack_flag_and_opgap_toml_accept_the_same_names() {
        let flags: Vec<&str> = super::STACKS.iter().map(|s| s.id()).collect();
        assert_eq!(flags, crate::config::STACKS);
    }

    #[test]
    fn the_fail_on_flag_and_opgap_toml_accept_the_same_levels() {
        use clap::ValueEnum;
        let flags: Vec<String> = super::FailOn::value_variants()
            .iter()
            .map(|v| v.to_possible_value().unwrap().get_name().to_string())
            .collect();
        assert_eq!(flags, crate::config::FAIL_ON);
        assert!(
            crate::config::FAIL_ON
                .iter()
                .all(|l| super::FailOn::from_config(l).is_some())
        );
    }
}
