//! `opgap-bench run`: every measurement of issue 10 in one run, printed as
//! one table. Estates are generated once into the work folder and reused.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use anyhow::{Context, Result, bail};

use crate::measure::{self, quantile};
use crate::table::Row;
use crate::{estate, literals, native, search};

pub struct Options {
    /// Estate sizes in files; the largest also gets the index, RSS and
    /// search rows, the one nearest 10 000 the incremental and native rows.
    pub sizes: Vec<usize>,
    pub work: PathBuf,
    pub opgap: PathBuf,
    pub from: PathBuf,
    pub seed: u64,
    /// Repeats of the short measurements (starts, rescans).
    pub repeats: usize,
    /// Rounds over the search queries.
    pub search_rounds: usize,
}

pub fn run(options: &Options) -> Result<Vec<Row>> {
    if !options.opgap.is_file() {
        bail!(
            "no opgap binary at {} (build it: cargo build --release -p opgap)",
            options.opgap.display()
        );
    }
    std::fs::create_dir_all(&options.work)?;
    let log = options.work.join("bench.log");
    // Each run starts its own log: it holds only this run's diagnostics.
    std::fs::write(&log, "")?;
    let bench = Bench { options, log };
    let mut rows = Vec::new();
    let cache = bench.starts(&mut rows)?;
    let literals_file = bench.literals_file(&mut rows)?;
    let mut estates = Vec::new();
    for &files in &options.sizes {
        estates.push(bench.estate(files)?);
    }
    for estate in &estates {
        bench.full_scan(estate, &cache, &literals_file, &mut rows)?;
    }
    let largest = estates
        .iter()
        .max_by_key(|e| e.files)
        .expect("sizes is not empty");
    let index_cache = bench.indexed_scan(largest, &cache, &mut rows)?;
    bench.search(&index_cache, largest, &mut rows)?;
    let mid = estates
        .iter()
        .min_by_key(|e| e.files.abs_diff(10_000))
        .expect("sizes is not empty");
    bench.incremental(mid, &cache, &mut rows)?;
    bench.native_vs_wasm(mid, &cache, &mut rows)?;
    Ok(rows)
}

struct Bench<'a> {
    options: &'a Options,
    log: PathBuf,
}

struct Estate {
    files: usize,
    bytes: u64,
    root: PathBuf,
}

const MB: f64 = 1e6;

impl Bench<'_> {
    fn opgap(&self) -> Command {
        Command::new(&self.options.opgap)
    }

    fn scan(&self, repo: &Path, cache: &Path, index: bool) -> Command {
        let mut command = self.opgap();
        command
            .arg("scan")
            .arg(repo)
            .arg("--cache-dir")
            .arg(cache)
            .args(["--format", "json", "--fail-on", "never"]);
        if !index {
            command.arg("--no-index");
        }
        command
    }

    fn time(&self, command: &mut Command) -> Result<measure::Run> {
        measure::run(command, &self.log)
    }

    /// Cold start (no compiled components, every built-in plugin compiled)
    /// and warm start (cache present) on a repository without files.
    /// Returns the warm cache for the other measurements.
    fn starts(&self, rows: &mut Vec<Row>) -> Result<PathBuf> {
        let empty = self.options.work.join("empty-repo");
        if !empty.join(".git").exists() {
            std::fs::create_dir_all(&empty)?;
            git(&empty, &["init", "-q"])?;
            git(&empty, &["commit", "-q", "--allow-empty", "-m", "empty"])?;
        }
        let mut cold = Vec::new();
        let cache = self.options.work.join("cache");
        for _ in 0..self.options.repeats.min(3) {
            remove(&cache)?;
            cold.push(self.time(&mut self.scan(&empty, &cache, false))?.wall);
        }
        let mut warm = Vec::new();
        for _ in 0..self.options.repeats {
            warm.push(self.time(&mut self.scan(&empty, &cache, false))?.wall);
        }
        let cold = quantile(&mut cold, 0.5);
        let warm = quantile(&mut warm, 0.5);
        rows.push(Row::target(
            "cold start, empty repo, no compiled plugins (median)",
            secs(cold),
            "< 3 s",
            cold < Duration::from_secs(3),
        ));
        rows.push(Row::target(
            "warm start, empty repo (median)",
            millis(warm),
            "< 50 ms",
            warm < Duration::from_millis(50),
        ));
        Ok(cache)
    }

    fn literals_file(&self, rows: &mut Vec<Row>) -> Result<PathBuf> {
        let literals = literals::builtin();
        let path = self.options.work.join("literals.txt");
        std::fs::write(&path, literals.words.join("\n") + "\n")?;
        rows.push(Row::info(
            "ripgrep's patterns",
            format!(
                "{} literals of {} rules ({} rules have none and are left out)",
                literals.words.len(),
                literals.covered,
                literals.uncovered
            ),
        ));
        Ok(path)
    }

    /// The estate of `files` files under the work folder, generated and
    /// committed on first use.
    fn estate(&self, files: usize) -> Result<Estate> {
        let root = self
            .options
            .work
            .join(format!("estate-{files}-seed{}", self.options.seed));
        let done = root.join(".git");
        if !done.exists() {
            remove(&root)?;
            let sources = estate::Sources::read(&self.options.from)?;
            let plan = estate::Plan {
                files,
                seed: self.options.seed,
                script_share: 0.2,
            };
            estate::generate(&sources, &plan, &root)?;
            git(&root, &["init", "-q"])?;
            git(&root, &["add", "-A"])?;
            git(&root, &["commit", "-q", "-m", "estate"])?;
        }
        let bytes = tree_bytes(&root)?;
        Ok(Estate { files, bytes, root })
    }

    fn full_scan(
        &self,
        estate: &Estate,
        cache: &Path,
        literals: &Path,
        rows: &mut Vec<Row>,
    ) -> Result<()> {
        let scan = self.time(&mut self.scan(&estate.root, cache, false))?;
        let mb = estate.bytes as f64 / MB;
        let seconds = scan.wall.as_secs_f64();
        rows.push(Row::info(
            format!("full scan, {} files ({mb:.1} MB), no index", estate.files),
            format!(
                "{} · {:.2} MB/s · {:.0} files/s",
                secs(scan.wall),
                mb / seconds,
                estate.files as f64 / seconds
            ),
        ));
        let rss_target = estate.bytes > 90_000_000;
        let rss = format!("{:.0} MB", scan.peak_rss as f64 / MB);
        rows.push(if rss_target {
            Row::target(
                format!("peak RSS, scan of {} files", estate.files),
                rss,
                "< 500 MB",
                scan.peak_rss < 500_000_000,
            )
        } else {
            Row::info(format!("peak RSS, scan of {} files", estate.files), rss)
        });
        match self.ripgrep(estate, literals)? {
            Some(rg) => {
                let ratio = seconds / rg.as_secs_f64();
                rows.push(Row::info(
                    format!("ripgrep, same literals, {} files", estate.files),
                    secs(rg),
                ));
                let label = format!("scan ÷ ripgrep, {} files", estate.files);
                let value = format!("{ratio:.1}×");
                rows.push(if rss_target {
                    Row::target(label, value, "≤ 3×", ratio <= 3.0)
                } else {
                    Row::info(label, value)
                });
            }
            None => rows.push(Row::info("ripgrep", "not installed (apt install ripgrep)")),
        }
        Ok(())
    }

    /// ripgrep's wall time for every literal, ignoring case, counting
    /// matches per file (so it reads every file to the end, as opgap does).
    /// The best of three: ripgrep reads the working tree, which may have
    /// left the page cache while opgap read the git objects (6.1 s against
    /// 0.9 s on the 100k estate here).
    fn ripgrep(&self, estate: &Estate, literals: &Path) -> Result<Option<Duration>> {
        if Command::new("rg").arg("--version").output().is_err() {
            return Ok(None);
        }
        let mut best = Duration::MAX;
        for _ in 0..3 {
            let mut command = Command::new("rg");
            command
                .args([
                    "--no-config",
                    "--ignore-case",
                    "--fixed-strings",
                    "--count-matches",
                ])
                .arg("--file")
                .arg(literals)
                .arg(&estate.root);
            // rg exits 1 when nothing matched; the estates always match.
            best = best.min(self.time(&mut command)?.wall);
        }
        Ok(Some(best))
    }

    /// A scan that also writes the index (what `opgap scan` does by
    /// default); returns the cache folder holding that index.
    fn indexed_scan(&self, estate: &Estate, cache: &Path, rows: &mut Vec<Row>) -> Result<PathBuf> {
        let with_index = self
            .options
            .work
            .join(format!("cache-index-{}", estate.files));
        remove(&with_index)?;
        copy_dir(cache, &with_index)?;
        let scan = self.time(&mut self.scan(&estate.root, &with_index, true))?;
        rows.push(Row::info(
            format!("full scan with index, {} files", estate.files),
            format!(
                "{} · peak RSS {:.0} MB",
                secs(scan.wall),
                scan.peak_rss as f64 / MB
            ),
        ));
        Ok(with_index)
    }

    fn search(&self, cache: &Path, estate: &Estate, rows: &mut Vec<Row>) -> Result<()> {
        let index = opgap::index::default_dir(cache);
        let mut samples = search::latencies(&index, self.options.search_rounds)?;
        let p50 = quantile(&mut samples, 0.5);
        let p99 = quantile(&mut samples, 0.99);
        rows.push(Row::target(
            format!(
                "search p50 / p99, {} queries, {} files (in process)",
                samples.len(),
                estate.files
            ),
            format!("{} / {}", millis(p50), millis(p99)),
            "p99 < 20 ms",
            p99 < Duration::from_millis(20),
        ));
        let mut cli = Vec::new();
        for _ in 0..self.options.repeats {
            let mut command = self.opgap();
            command
                .args([
                    "search",
                    search::CLI_QUERY,
                    "--format",
                    "json",
                    "--cache-dir",
                ])
                .arg(cache);
            cli.push(self.time(&mut command)?.wall);
        }
        rows.push(Row::info(
            "`opgap search` command, start to exit (median)",
            millis(quantile(&mut cli, 0.5)),
        ));
        Ok(())
    }

    /// Index the estate, then change one runbook, commit, and rescan: only
    /// that file is read and detected again.
    fn incremental(&self, estate: &Estate, cache: &Path, rows: &mut Vec<Row>) -> Result<()> {
        let work = self
            .options
            .work
            .join(format!("incremental-{}", estate.files));
        remove(&work)?;
        copy_dir(&estate.root, &work)?;
        let with_index = self.options.work.join("cache-incremental");
        remove(&with_index)?;
        copy_dir(cache, &with_index)?;
        self.time(&mut self.scan(&work, &with_index, true))?;
        let runbooks = first_runbooks(&work, self.options.repeats)?;
        let change = |n: usize, runbook: &Path| -> Result<()> {
            let mut text = std::fs::read_to_string(runbook)?;
            text.push_str(&format!("\nStep {n}: vMotion the VM to another host.\n"));
            std::fs::write(runbook, text)?;
            git(&work, &["commit", "-q", "-am", "one change"])
        };
        // The whole repository's report (unchanged files' findings from
        // the index), and the pre-commit form that reports the change only.
        let (mut whole, mut changed) = (Vec::new(), Vec::new());
        for (n, runbook) in runbooks.iter().enumerate() {
            change(2 * n, runbook)?;
            whole.push(self.time(&mut self.scan(&work, &with_index, true))?.wall);
            change(2 * n + 1, runbook)?;
            let mut only_changed = self.scan(&work, &with_index, true);
            only_changed.args(["--changed-since", "HEAD~1"]);
            changed.push(self.time(&mut only_changed)?.wall);
        }
        for (label, samples) in [
            ("whole report", &mut whole),
            ("`--changed-since HEAD~1`", &mut changed),
        ] {
            let median = quantile(samples, 0.5);
            rows.push(Row::target(
                format!(
                    "incremental rescan, {} files, one changed, {label} (median of {})",
                    estate.files,
                    samples.len()
                ),
                millis(median),
                "< 0.3 s",
                median < Duration::from_millis(300),
            ));
        }
        remove(&work)?;
        remove(&with_index)
    }

    fn native_vs_wasm(&self, estate: &Estate, cache: &Path, rows: &mut Vec<Row>) -> Result<()> {
        let corpus = native::Corpus::load(&estate.root)?;
        let native = native::native(&corpus);
        let wasm = native::wasm(&corpus, cache)?;
        if native.findings != wasm.findings {
            bail!(
                "the native and the wasm vsphere detector disagree: {} vs {} findings",
                native.findings,
                wasm.findings
            );
        }
        let mb = corpus.bytes as f64 / MB;
        rows.push(Row::info(
            format!(
                "vsphere detector, native, {} files, one thread",
                corpus.len()
            ),
            format!(
                "{} · {:.1} MB/s",
                secs(native.time),
                mb / native.time.as_secs_f64()
            ),
        ));
        rows.push(Row::info(
            "vsphere detector, wasm component, same documents",
            format!(
                "{} · {:.1} MB/s",
                secs(wasm.time),
                mb / wasm.time.as_secs_f64()
            ),
        ));
        let ratio = wasm.time.as_secs_f64() / native.time.as_secs_f64();
        rows.push(Row::target(
            "wasm ÷ native",
            format!("{ratio:.2}×"),
            "≤ 1.5×",
            ratio <= 1.5,
        ));
        Ok(())
    }
}

fn git(dir: &Path, args: &[&str]) -> Result<()> {
    let status = Command::new("git")
        .args([
            "-c",
            "user.name=opgap-bench",
            "-c",
            "user.email=bench@opgap.invalid",
        ])
        .args(["-c", "commit.gpgsign=false"])
        .args(args)
        .current_dir(dir)
        .status()
        .context("running git")?;
    if !status.success() {
        bail!("git {} failed in {}", args.join(" "), dir.display());
    }
    Ok(())
}

fn remove(dir: &Path) -> Result<()> {
    match std::fs::remove_dir_all(dir) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(e).with_context(|| format!("removing {}", dir.display()))
        }
        _ => Ok(()),
    }
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    let status = Command::new("cp").arg("-a").arg(from).arg(to).status()?;
    if !status.success() {
        bail!("copying {} to {}", from.display(), to.display());
    }
    Ok(())
}

/// Bytes of the files outside `.git`.
fn tree_bytes(root: &Path) -> Result<u64> {
    estate::files(root)?
        .iter()
        .map(|path| Ok(std::fs::metadata(path)?.len()))
        .sum()
}

/// The first `n` Markdown files of the estate, in path order.
fn first_runbooks(root: &Path, n: usize) -> Result<Vec<PathBuf>> {
    let found: Vec<PathBuf> = estate::files(root)?
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .take(n)
        .collect();
    if found.is_empty() {
        bail!("no runbooks under {}", root.display());
    }
    Ok(found)
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

fn millis(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}
