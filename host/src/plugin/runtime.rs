//! The plugin runtime: one engine, one linker and one compiled-component
//! cache shared by every plugin and worker.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

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
    /// Components compiled in this run, by sha256: a plugin file is read
    /// once to learn its world and again to load it, and compiled once.
    compiled: Mutex<HashMap<String, (Component, CacheOutcome)>>,
    limits: Limits,
}

impl Runtime {
    /// `cache_dir: None` compiles every component on every run.
    pub fn new(limits: Limits, cache_dir: Option<PathBuf>) -> Result<Self> {
        let engine = new_engine()?;
        let linker = new_linker(&engine)?;
        let cache = cache_dir.and_then(|dir| match super::cache::private_dir(&dir) {
            Ok(()) => Some(ComponentCache::new(dir, &engine)),
            Err(why) => {
                eprintln!(
                    "warning: not using the compiled-plugin cache in {}: {why}; plugins are \
                     compiled on every run",
                    dir.display()
                );
                None
            }
        });
        Ok(Self {
            inner: Arc::new(Inner {
                engine,
                linker,
                cache,
                compiled: Mutex::default(),
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

    /// The `info` a component gave on an earlier run, if the cache has it.
    pub fn cached_info(&self, sha256: &str) -> Option<super::bindings::PluginInfo> {
        self.inner.cache.as_ref()?.load_info(sha256)
    }

    pub fn remember_info(&self, sha256: &str, info: &super::bindings::PluginInfo) {
        if let Some(cache) = &self.inner.cache {
            cache.store_info(sha256, info);
        }
    }

    pub fn compile(&self, bytes: &[u8], sha256: &str) -> Result<(Component, CacheOutcome)> {
        let compiled = || {
            self.inner
                .compiled
                .lock()
                .unwrap_or_else(|e| e.into_inner())
        };
        if let Some(done) = compiled().get(sha256) {
            return Ok(done.clone());
        }
        let done = match &self.inner.cache {
            Some(cache) => cache.load_or_compile(&self.inner.engine, bytes, sha256)?,
            None => (
                Component::new(&self.inner.engine, bytes)?,
                CacheOutcome::Uncached,
            ),
        };
        compiled().insert(sha256.to_string(), done.clone());
        Ok(done)
    }
}
