//! The shared wasmtime engine: compilation settings, the epoch ticker that
//! enforces deadlines, and the linker that defines everything a plugin may
//! import.

use std::time::Duration;

use anyhow::Result;
use wasmtime::component::{HasSelf, Linker, Resource};
use wasmtime::{Config, Engine};
use wasmtime_wasi::p2::{DynPollable, Pollable, subscribe};

use super::bindings::Detector;
use super::sandbox::SandboxState;

/// Epoch granularity: deadlines are enforced to within one tick.
pub const TICK: Duration = Duration::from_millis(10);

pub fn new_engine() -> Result<Engine> {
    let mut config = Config::new();
    config.wasm_component_model(true);
    config.epoch_interruption(true);
    // Deep guest recursion traps instead of exhausting the host stack; the
    // worker threads are started with a much larger stack than this.
    config.max_wasm_stack(1 << 20);
    config.parallel_compilation(true);
    // For profiling plugins with `perf`: names guest functions in
    // /tmp/perf-<pid>.map (bench/README.md).
    let profiling = std::env::var_os("OPGAP_PERF_MAP").is_some();
    if profiling {
        config.profiler(wasmtime::ProfilingStrategy::PerfMap);
    }
    // Registering every guest function's unwind tables with the system
    // unwinder takes a global lock per function, a fifth of a start with
    // nothing to scan. They only serve outside stack walkers such as
    // `perf --call-graph dwarf`: wasmtime's traps, backtraces and host
    // panics do not use them.
    config.native_unwind_info(profiling);
    let engine = Engine::new(&config)?;
    start_epoch_ticker(&engine);
    Ok(engine)
}

/// Bump the engine's epoch every tick until the engine is dropped.
fn start_epoch_ticker(engine: &Engine) {
    let weak = engine.weak();
    std::thread::Builder::new()
        .name("opgap-epoch".into())
        .spawn(move || {
            while let Some(engine) = weak.upgrade() {
                engine.increment_epoch();
                drop(engine);
                std::thread::sleep(TICK);
            }
        })
        .expect("spawn epoch ticker thread");
}

/// Ticks for a deadline, rounded up, plus one for the partial current tick.
pub fn deadline_ticks(deadline: Duration) -> u64 {
    (deadline.as_nanos().div_ceil(TICK.as_nanos()) as u64) + 1
}

pub fn new_linker(engine: &Engine) -> Result<Linker<SandboxState>> {
    let mut linker = Linker::new(engine);
    wasmtime_wasi::p2::add_to_linker_sync(&mut linker)?;
    deny_sleeping(&mut linker)?;
    Detector::add_to_linker::<_, HasSelf<SandboxState>>(&mut linker, |state| state)?;
    Ok(linker)
}

/// WASI's timers sleep on the host, where the epoch deadline cannot reach.
/// Replace them with timers that are ready at once: a plugin has no time
/// authority, and a guest polling a clock in a loop meets its deadline.
fn deny_sleeping(linker: &mut Linker<SandboxState>) -> Result<()> {
    linker.allow_shadowing(true);
    let mut clock = linker.instance("wasi:clocks/monotonic-clock@0.2.12")?;
    clock.func_wrap("subscribe-duration", |mut store, (_nanos,): (u64,)| {
        ready_pollable(store.data_mut())
    })?;
    clock.func_wrap("subscribe-instant", |mut store, (_when,): (u64,)| {
        ready_pollable(store.data_mut())
    })?;
    linker.allow_shadowing(false);
    Ok(())
}

struct Ready;

#[async_trait::async_trait]
impl Pollable for Ready {
    async fn ready(&mut self) {}
}

fn ready_pollable(state: &mut SandboxState) -> wasmtime::Result<(Resource<DynPollable>,)> {
    let table = wasmtime_wasi::WasiView::ctx(state).table;
    let ready = table.push(Ready)?;
    Ok((subscribe(table, ready)?,))
}
