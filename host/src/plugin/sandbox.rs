//! The per-store state of a plugin: an empty WASI context, resource limits,
//! and bounded buffers for what the guest writes to stderr or logs.
//!
//! The WASI context exists only because Rust's standard library imports WASI
//! to start up. It has no preopened directories, no environment, no
//! arguments, no sockets and a frozen clock, so a guest can neither read the
//! host nor sleep past its deadline.

use std::collections::VecDeque;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

use wasmtime::component::ResourceTable;
use wasmtime::{ResourceLimiter, Result};
use wasmtime_wasi::cli::{IsTerminal, StdoutStream};
use wasmtime_wasi::clocks::{HostMonotonicClock, HostWallClock};
use wasmtime_wasi::p2::{OutputStream, Pollable, StreamResult};
use wasmtime_wasi::{WasiCtx, WasiCtxBuilder, WasiCtxView, WasiView};

use super::bindings::host::{Host, Level};
use super::limits::Limits;

/// Most bytes of guest stderr kept per call (the tail is kept).
const STDERR_KEEP: usize = 16 * 1024;
/// Most bytes of `log` output kept per call, and per log line.
const LOG_KEEP: usize = 16 * 1024;
const LOG_LINE_MAX: usize = 1024;

pub struct SandboxState {
    wasi: WasiCtx,
    table: ResourceTable,
    pub limiter: Limiter,
    pub stderr: CapturedOutput,
    pub log: PluginLog,
}

impl SandboxState {
    pub fn new(limits: &Limits) -> Self {
        let stderr = CapturedOutput::new(STDERR_KEEP);
        let wasi = WasiCtxBuilder::new()
            .stderr(stderr.clone())
            .allow_tcp(false)
            .allow_udp(false)
            .allow_ip_name_lookup(false)
            .wall_clock(FrozenClock)
            .monotonic_clock(FrozenClock)
            .build();
        Self {
            wasi,
            table: ResourceTable::new(),
            limiter: Limiter::new(limits),
            stderr,
            log: PluginLog::default(),
        }
    }

    /// Forget the previous call's output before the next call.
    pub fn begin_call(&mut self) {
        self.stderr.clear();
        self.log = PluginLog::default();
        self.limiter.exceeded = None;
    }
}

impl WasiView for SandboxState {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView {
            ctx: &mut self.wasi,
            table: &mut self.table,
        }
    }
}

// The types interface has no functions; the trait only marks the state.
impl super::bindings::Host for SandboxState {}

impl Host for SandboxState {
    fn log(&mut self, level: Level, message: String) {
        self.log.push(level, &message);
    }
}

/// Log lines from the guest, bounded per call.
#[derive(Default, Debug, Clone)]
pub struct PluginLog {
    pub lines: Vec<(Level, String)>,
    /// Bytes kept of debug and info lines, and of warn and error lines:
    /// separate budgets, so chatter cannot crowd out a warning.
    bytes: usize,
    warning_bytes: usize,
    pub dropped: u64,
    dropped_warnings: u64,
}

impl PluginLog {
    /// Each kept line as `level: message`, cleaned of control characters,
    /// then how many lines were dropped, if any.
    pub fn lines_for_report(&self) -> Vec<String> {
        self.cleaned(|_| true, self.dropped)
    }

    /// The lines logged at warn or error level, cleaned, then the drop
    /// count if lines were dropped.
    pub fn warnings(&self) -> Vec<String> {
        self.cleaned(is_warning, self.dropped_warnings)
    }

    fn cleaned(&self, wanted: impl Fn(Level) -> bool, dropped: u64) -> Vec<String> {
        let mut out: Vec<String> = self
            .lines
            .iter()
            .filter(|(level, _)| wanted(*level))
            .map(|(level, line)| {
                let line = super::clean(line, LOG_LINE_MAX);
                format!("{}: {line}", level_name(*level))
            })
            .collect();
        if dropped > 0 {
            out.push(format!("… {dropped} more log lines dropped"));
        }
        out
    }

    fn push(&mut self, level: Level, message: &str) {
        let warning = is_warning(level);
        let used = if warning {
            &mut self.warning_bytes
        } else {
            &mut self.bytes
        };
        if *used >= LOG_KEEP {
            self.dropped += 1;
            self.dropped_warnings += u64::from(warning);
            return;
        }
        let mut line = message.to_string();
        if line.len() > LOG_LINE_MAX {
            let mut cut = LOG_LINE_MAX;
            while !line.is_char_boundary(cut) {
                cut -= 1;
            }
            line.truncate(cut);
        }
        *used += line.len();
        self.lines.push((level, line));
    }
}

fn is_warning(level: Level) -> bool {
    matches!(level, Level::Warn | Level::Error)
}

fn level_name(level: Level) -> &'static str {
    match level {
        Level::Debug => "debug",
        Level::Info => "info",
        Level::Warn => "warn",
        Level::Error => "error",
    }
}

/// Which limit a guest ran into, recorded when the host refused the growth
/// so that the resulting trap can be named precisely.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exceeded {
    Memory { limit: usize },
    Table { limit: usize },
}

pub struct Limiter {
    memory_bytes: usize,
    table_elements: usize,
    instances: usize,
    tables: usize,
    memories: usize,
    pub exceeded: Option<Exceeded>,
}

/// How many core instances, memories and tables a store may hold.
pub struct Counts {
    pub instances: usize,
    pub memories: usize,
    pub tables: usize,
}

impl Limiter {
    pub fn counts(&self) -> Counts {
        Counts {
            instances: self.instances,
            memories: self.memories,
            tables: self.tables,
        }
    }

    fn new(limits: &Limits) -> Self {
        Self {
            memory_bytes: limits.memory_bytes,
            table_elements: limits.table_elements,
            instances: limits.instances,
            tables: limits.tables,
            memories: limits.memories,
            exceeded: None,
        }
    }
}

impl ResourceLimiter for Limiter {
    fn memory_growing(
        &mut self,
        _current: usize,
        desired: usize,
        _maximum: Option<usize>,
    ) -> Result<bool> {
        if desired > self.memory_bytes {
            self.exceeded = Some(Exceeded::Memory {
                limit: self.memory_bytes,
            });
            wasmtime::bail!("memory limit of {} bytes exceeded", self.memory_bytes);
        }
        Ok(true)
    }

    fn table_growing(
        &mut self,
        _current: usize,
        desired: usize,
        _maximum: Option<usize>,
    ) -> Result<bool> {
        if desired > self.table_elements {
            self.exceeded = Some(Exceeded::Table {
                limit: self.table_elements,
            });
            wasmtime::bail!("table limit of {} elements exceeded", self.table_elements);
        }
        Ok(true)
    }

    fn instances(&self) -> usize {
        self.instances
    }
    fn tables(&self) -> usize {
        self.tables
    }
    fn memories(&self) -> usize {
        self.memories
    }
}

/// A clock that never moves: plugins get no time authority, and a guest that
/// waits for time to pass only waits for its deadline.
struct FrozenClock;

impl HostWallClock for FrozenClock {
    fn resolution(&self) -> std::time::Duration {
        std::time::Duration::from_secs(1)
    }
    fn now(&self) -> std::time::Duration {
        std::time::Duration::ZERO
    }
}

impl HostMonotonicClock for FrozenClock {
    fn resolution(&self) -> u64 {
        1_000_000_000
    }
    fn now(&self) -> u64 {
        0
    }
}

/// Guest stderr: keeps the last `keep` bytes (where a panic message is) and
/// never refuses a write, so a chatty guest is not killed by a full pipe.
#[derive(Clone)]
pub struct CapturedOutput {
    inner: Arc<Mutex<Captured>>,
}

struct Captured {
    bytes: VecDeque<u8>,
    keep: usize,
    dropped: u64,
}

impl CapturedOutput {
    fn new(keep: usize) -> Self {
        Self {
            inner: Arc::new(Mutex::new(Captured {
                bytes: VecDeque::new(),
                keep,
                dropped: 0,
            })),
        }
    }

    fn write_bytes(&self, data: &[u8]) {
        let mut c = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        c.bytes.extend(data);
        let excess = c.bytes.len().saturating_sub(c.keep);
        if excess > 0 {
            c.bytes.drain(..excess);
            c.dropped += excess as u64;
        }
    }

    fn clear(&self) {
        let mut c = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        c.bytes.clear();
        c.dropped = 0;
    }

    /// What the guest wrote during the current call, lossily decoded.
    pub fn text(&self) -> String {
        let c = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        let (a, b) = c.bytes.as_slices();
        let mut all = Vec::with_capacity(a.len() + b.len());
        all.extend_from_slice(a);
        all.extend_from_slice(b);
        String::from_utf8_lossy(&all).into_owned()
    }
}

impl IsTerminal for CapturedOutput {
    fn is_terminal(&self) -> bool {
        false
    }
}

impl StdoutStream for CapturedOutput {
    fn p2_stream(&self) -> Box<dyn OutputStream> {
        Box::new(self.clone())
    }
    fn async_stream(&self) -> Box<dyn tokio::io::AsyncWrite + Send + Sync> {
        Box::new(self.clone())
    }
}

#[async_trait::async_trait]
impl OutputStream for CapturedOutput {
    fn write(&mut self, bytes: bytes::Bytes) -> StreamResult<()> {
        self.write_bytes(&bytes);
        Ok(())
    }
    fn flush(&mut self) -> StreamResult<()> {
        Ok(())
    }
    fn check_write(&mut self) -> StreamResult<usize> {
        Ok(64 * 1024)
    }
}

#[async_trait::async_trait]
impl Pollable for CapturedOutput {
    async fn ready(&mut self) {}
}

impl tokio::io::AsyncWrite for CapturedOutput {
    fn poll_write(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        self.write_bytes(buf);
        Poll::Ready(Ok(buf.len()))
    }
    fn poll_flush(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(Ok(()))
    }
    fn poll_shutdown(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chatter_cannot_crowd_out_a_warning() {
        let mut log = PluginLog::default();
        for i in 0..10_000 {
            log.push(Level::Debug, &format!("debug line {i}"));
        }
        log.push(Level::Warn, "only the first 50000 findings reported");
        assert_eq!(
            log.warnings(),
            ["warn: only the first 50000 findings reported"]
        );
        let all = log.lines_for_report();
        assert!(all.last().unwrap().ends_with("more log lines dropped"));
        for _ in 0..10_000 {
            log.push(Level::Error, "again");
        }
        let warnings = log.warnings();
        assert!(warnings.last().unwrap().ends_with("more log lines dropped"));
        // 16 KiB of five-byte messages, then the drop count.
        assert!(warnings.len() < LOG_KEEP / 5 + 3, "{}", warnings.len());
    }
}
