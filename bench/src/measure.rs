//! Timing a command: wall time and the child's peak resident memory.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

/// One finished run of a command.
pub struct Run {
    pub wall: Duration,
    /// The child's peak resident set, in bytes (`ru_maxrss`).
    pub peak_rss: u64,
}

/// Run `command` to completion, failing unless it exits 0. Its standard
/// output (reports of up to a gigabyte) is discarded after being written;
/// its standard error is appended to `log`.
pub fn run(command: &mut Command, log: &Path) -> Result<Run> {
    let out = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .with_context(|| format!("opening {}", log.display()))?;
    let shown = format!("{command:?}");
    let started = Instant::now();
    let child = command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::from(out))
        .spawn()
        .with_context(|| format!("starting {shown}"))?;
    let (status, usage) = wait_with_usage(child.id())?;
    let wall = started.elapsed();
    if status != Some(0) {
        bail!(
            "{shown} exited with {status:?}; its standard error is in {}",
            log.display()
        );
    }
    Ok(Run {
        wall,
        peak_rss: usage.ru_maxrss as u64 * 1024,
    })
}

/// Reap the child with `wait4`, which reports the resource usage of that
/// one child (`getrusage(RUSAGE_CHILDREN)` would give the largest of all
/// children so far). Returns the exit code, `None` if killed by a signal.
fn wait_with_usage(pid: u32) -> Result<(Option<i32>, libc::rusage)> {
    let mut status = 0;
    // SAFETY: rusage is plain old data; wait4 fills it and the status for
    // our own child, which std's Child handle never waits for after this
    // (it is dropped unwaited, which only closes its pipes).
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let reaped = unsafe { libc::wait4(pid as libc::pid_t, &mut status, 0, &mut usage) };
    if reaped < 0 {
        bail!(
            "waiting for process {pid}: {}",
            std::io::Error::last_os_error()
        );
    }
    let code = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
    Ok((code, usage))
}

/// The `q`-quantile (0..=1) of `samples`, nearest rank.
pub fn quantile(samples: &mut [Duration], q: f64) -> Duration {
    assert!(!samples.is_empty(), "no samples");
    samples.sort_unstable();
    let rank = ((q * samples.len() as f64).ceil() as usize).clamp(1, samples.len());
    samples[rank - 1]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_reports_its_own_memory_and_time() {
        let log = tempfile::NamedTempFile::new().unwrap();
        // `sort` holds its whole input (one 64 MiB line) in memory.
        let small = run(Command::new("true").arg("x"), log.path()).unwrap();
        let big = run(
            Command::new("sh").args(["-c", "head -c 67108864 /dev/zero | sort >/dev/null"]),
            log.path(),
        )
        .unwrap();
        assert!(small.peak_rss < 32 << 20, "{}", small.peak_rss);
        assert!(big.peak_rss > small.peak_rss);
        assert!(big.wall > small.wall);
    }

    #[test]
    fn a_failing_command_names_its_log() {
        let log = tempfile::NamedTempFile::new().unwrap();
        let err = run(Command::new("false").arg("x"), log.path())
            .err()
            .unwrap();
        assert!(err.to_string().contains(&log.path().display().to_string()));
    }

    #[test]
    fn quantiles_are_nearest_rank() {
        let mut s: Vec<Duration> = (1..=100).rev().map(Duration::from_millis).collect();
        assert_eq!(quantile(&mut s, 0.5), Duration::from_millis(50));
        assert_eq!(quantile(&mut s, 0.99), Duration::from_millis(99));
        assert_eq!(quantile(&mut s, 1.0), Duration::from_millis(100));
    }
}
