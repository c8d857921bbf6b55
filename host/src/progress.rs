//! Progress on stderr while a scan runs: repositories fetched, files
//! checked, plugin calls. Drawn only when stderr is a terminal, so pipes,
//! CI logs and `--quiet` stay clean.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

#[derive(Clone)]
pub struct Progress {
    bar: ProgressBar,
}

impl Progress {
    pub fn new(wanted: bool) -> Self {
        if !(wanted && std::io::stderr().is_terminal()) {
            return Self::hidden();
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        bar.enable_steady_tick(Duration::from_millis(120));
        Self { bar }
    }

    /// A hidden one, for callers that show nothing.
    pub fn hidden() -> Self {
        Self {
            bar: ProgressBar::hidden(),
        }
    }

    /// A step without a count, e.g. "fetching 3 repositories".
    pub fn step(&self, message: impl Into<String>) {
        self.bar.set_style(
            ProgressStyle::with_template("{spinner} {msg} {elapsed}").expect("valid template"),
        );
        self.bar.set_message(message.into());
    }

    /// Start counting files checked.
    pub fn files(&self, total: usize) {
        self.bar.set_style(
            ProgressStyle::with_template("{spinner} {bar:30} {pos}/{len} files, {msg} {elapsed}")
                .expect("valid template"),
        );
        self.bar.set_position(0);
        self.bar.set_length(total as u64);
        self.bar.set_message("0 plugin calls");
    }

    /// One more file checked; `calls` plugin calls so far.
    pub fn file_done(&self, calls: usize) {
        self.bar.inc(1);
        self.bar.set_message(format!("{calls} plugin calls"));
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
