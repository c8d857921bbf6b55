//! The plugin runtime: one engine, one linker and one compiled-component
//! cache shared by every plugin and worker.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Result;
use wasmtime::Engine;
use wasmtime::component::{Component, Linker};

use super::cache::{CacheOutcome, ComponentCache};
use super::engine::{new_engine, new_linker};
use super::limits::Limits;
use super::sandbox::SandboxState;

#[derive(Clone)]
pub struct Runtime {
    inner: Arc<Inner>,
}

struct Inner {
    engine: Engine,
    linker: Linker<SandboxState>,
    cache: Option<ComponentCache>,
    limits: Limits,
}

impl Runtime {
    /// `cache_dir: None` compiles every component on every run.
    pub fn new(limits: Limits, cache_dir: Option<PathBuf>) -> Result<Self> {
        let engine = new_engine()?;
        let linker = new_linker(&engine)?;
        let cache = cache_dir.map(|dir| ComponentCache::new(dir, &engine));
        Ok(Self {
            inner: Arc::new(Inner {
                engine,
                linker,
                cache,
                limits,
            }),
        })
    }

    pub fn engine(&self) -> &Engine {
        &self.inner.engine
    }

    pub fn linker(&self) -> &Linker<SandboxState> {
        &self.inner.linker
    }

    pub fn limits(&self) -> &Limits {
        &self.inner.limits
    }

    pub fn compile(&self, bytes: &[u8], sha256: &str) -> Result<(Component, CacheOutcome)> {
        match &self.inner.cache {
            Some(cache) => cache.load_or_compile(&self.inner.engine, bytes, sha256),
            None => Ok((
                Component::new(&self.inner.engine, bytes)?,
                CacheOutcome::Uncached,
            )),
        }
    }
}
