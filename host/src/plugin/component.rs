//! Loading a plugin component of any world and calling it safely.
//!
//! A `Plugin` is compiled and linked once (`InstancePre`); each worker
//! thread then holds its own `Instance`, which keeps one store and instance
//! alive across calls and replaces them after any failure, since a trapped
//! instance may be left in an inconsistent state. The world-specific calls
//! (`detect`, `translate`) live beside their output checks.

use sha2::{Digest, Sha256};
use wasmtime::Store;

use super::bindings::{API_VERSION, PluginInfo};
use super::cache::CacheOutcome;
use super::engine::deadline_ticks;
use super::failure::{CallError, Failure};
use super::output::clean_info;
use super::runtime::Runtime;
use super::sandbox::SandboxState;
use super::world::World;

pub struct Plugin<W: World> {
    /// Where it came from: `builtin:vsphere` or the file path.
    pub origin: String,
    pub sha256: String,
    pub info: PluginInfo,
    pub cache: CacheOutcome,
    pre: W::Pre,
    pub(super) runtime: Runtime,
}

impl<W: World> Plugin<W> {
    pub fn load(runtime: &Runtime, origin: &str, bytes: &[u8]) -> Result<Self, CallError> {
        let (component, sha256, cache) = checked_compile(runtime, bytes)?;
        // The contract version the component was generated from, as its
        // imports name it: refused before linking, naming both versions.
        let ty = component.component_type();
        for (name, _) in ty.imports(runtime.engine()) {
            if let Some(version) = contract_version(name)
                && !api_compatible(version)
            {
                return Err(Failure::IncompatibleApi {
                    plugin: version.to_string(),
                    host: API_VERSION.to_string(),
                }
                .into());
            }
        }
        let instance_pre = runtime
            .linker()
            .instantiate_pre(&component)
            .map_err(|e| Failure::Load {
                message: format!(
                    "{e:#} (plugins may import only opgap:plugin/host and the WASI interfaces Rust's std needs)"
                ),
            })?;
        let pre = W::pre(instance_pre).map_err(|e| Failure::Load {
            message: format!(
                "does not implement the opgap:plugin {} world: {e:#}",
                W::NAME
            ),
        })?;
        let mut plugin = Self {
            origin: origin.to_string(),
            sha256,
            info: PluginInfo {
                name: origin.to_string(),
                version: String::new(),
                api_version: String::new(),
                description: String::new(),
                rules: Vec::new(),
            },
            cache,
            pre,
            runtime: runtime.clone(),
        };
        // Cached only after a successful call, so a plugin that fails to
        // start never gets past here without trying.
        let info = match runtime.cached_info(&plugin.sha256) {
            Some(info) => info,
            None => {
                let info = plugin.instance().info()?;
                runtime.remember_info(&plugin.sha256, &info);
                info
            }
        };
        if !api_compatible(&info.api_version) {
            return Err(Failure::IncompatibleApi {
                plugin: info.api_version,
                host: API_VERSION.to_string(),
            }
            .into());
        }
        plugin.info = info;
        Ok(plugin)
    }

    pub fn name(&self) -> &str {
        &self.info.name
    }

    /// A fresh instance for one worker; it instantiates lazily.
    pub fn instance(&self) -> Instance<'_, W> {
        Instance {
            plugin: self,
            live: None,
        }
    }
}

/// The worlds a component can implement, told apart by the one export
/// that is each world's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorldKind {
    Detector,
    Translator,
    Scorer,
}

impl WorldKind {
    pub fn name(self) -> &'static str {
        match self {
            WorldKind::Detector => "detector",
            WorldKind::Translator => "translator",
            WorldKind::Scorer => "scorer",
        }
    }
}

/// Which world a plugin file implements, read from its exports, so a file
/// given on the command line can be routed to its role before linking.
pub fn world_of(runtime: &Runtime, bytes: &[u8]) -> Result<WorldKind, CallError> {
    let (component, _, _) = checked_compile(runtime, bytes)?;
    let ty = component.component_type();
    let exports = |name| ty.get_export(runtime.engine(), name).is_some();
    [
        ("detect", WorldKind::Detector),
        ("translate", WorldKind::Translator),
        ("score", WorldKind::Scorer),
    ]
    .into_iter()
    .find(|(export, _)| exports(export))
    .map(|(_, kind)| kind)
    .ok_or_else(|| {
        Failure::Load {
            message: "exports none of `detect`, `translate` or `score`: not an opgap:plugin \
                      detector, translator or scorer"
                .into(),
        }
        .into()
    })
}

/// A plugin file's bytes, read only if it is a regular file no larger than
/// the plugin size limit (a pin to `/dev/zero` or a FIFO must not exhaust
/// memory or hang the scan).
pub fn read_component_file(
    path: &std::path::Path,
    limits: &super::Limits,
) -> Result<Vec<u8>, String> {
    use crate::textfile::{Bounded, read_bounded};
    let shown = path.display();
    let cap = limits.max_component_bytes as u64;
    match read_bounded(path, cap, true) {
        Ok(Bounded::Bytes(bytes)) => Ok(bytes),
        Ok(Bounded::NotAFile | Bounded::Symlink) => Err(format!("{shown} is not a regular file")),
        Ok(Bounded::TooLarge) => Err(format!(
            "{shown} is larger than the {} MiB limit for plugins",
            cap >> 20
        )),
        Err(e) => Err(format!("cannot read {shown}: {e}")),
    }
}

/// The names a component imports and exports, sorted.
pub fn interfaces(
    runtime: &Runtime,
    bytes: &[u8],
) -> Result<(Vec<String>, Vec<String>), CallError> {
    let (component, _, _) = checked_compile(runtime, bytes)?;
    let ty = component.component_type();
    let engine = runtime.engine();
    let mut imports: Vec<String> = ty
        .imports(engine)
        .map(|(name, _)| name.to_string())
        .collect();
    let mut exports: Vec<String> = ty
        .exports(engine)
        .map(|(name, _)| name.to_string())
        .collect();
    imports.sort();
    exports.sort();
    Ok((imports, exports))
}

/// The checks every plugin file passes before compilation (size, component
/// preamble), then compilation through the cache.
fn checked_compile(
    runtime: &Runtime,
    bytes: &[u8],
) -> Result<(wasmtime::component::Component, String, CacheOutcome), CallError> {
    let limits = runtime.limits();
    if bytes.len() > limits.max_component_bytes {
        return Err(Failure::Load {
            message: format!(
                "{} bytes is larger than the {} MiB limit for plugins",
                bytes.len(),
                limits.max_component_bytes >> 20
            ),
        }
        .into());
    }
    if !looks_like_component(bytes) {
        return Err(Failure::Load {
            message: "not a WebAssembly component (build it for wasm32-wasip2, \
                      or wrap a core module with `wasm-tools component new`)"
                .into(),
        }
        .into());
    }
    let sha256 = match super::builtin::known_sha256(bytes) {
        Some(known) => known.to_string(),
        None => hex::encode(Sha256::digest(bytes)),
    };
    let (component, cache) = runtime.compile(bytes, &sha256).map_err(|e| Failure::Load {
        message: format!("{e:#}"),
    })?;
    Ok((component, sha256, cache))
}

/// The version in an import of the opgap contract
/// (`opgap:plugin/types@0.1.0` → `0.1.0`).
fn contract_version(import: &str) -> Option<&str> {
    import
        .strip_prefix("opgap:plugin/")?
        .split_once('@')
        .map(|(_, v)| v)
}

/// Same major and, while the major is 0, same minor (semver rules).
fn api_compatible(plugin: &str) -> bool {
    let parse = |v: &str| -> Option<(u64, u64)> {
        let mut parts = v.split('.');
        Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
    };
    match (parse(plugin), parse(API_VERSION)) {
        (Some((0, pm)), Some((0, hm))) => pm == hm,
        (Some((pmaj, _)), Some((hmaj, _))) => pmaj == hmaj,
        _ => false,
    }
}

fn looks_like_component(bytes: &[u8]) -> bool {
    // The preamble of a component: magic, then version 0x0d and layer 1.
    bytes.len() >= 8 && bytes[..4] == *b"\0asm" && bytes[6..8] == [1, 0]
}

struct Live<W: World> {
    store: Store<SandboxState>,
    bindings: W::Bindings,
}

pub struct Instance<'p, W: World> {
    plugin: &'p Plugin<W>,
    live: Option<Live<W>>,
}

impl<W: World> Instance<'_, W> {
    pub fn plugin(&self) -> &Plugin<W> {
        self.plugin
    }

    fn info(&mut self) -> Result<PluginInfo, CallError> {
        let info = self.call(|b, s| W::info(b, s))?;
        Ok(clean_info(info))
    }

    /// The warn- and error-level log lines of the last call, cleaned.
    pub(super) fn warnings(&self) -> Vec<String> {
        self.live
            .as_ref()
            .map(|live| live.store.data().log.warnings())
            .unwrap_or_default()
    }

    /// Forget the live instance: one that misbehaved once is not trusted
    /// again.
    pub(super) fn distrust(&mut self) {
        self.live = None;
    }

    /// Call into the guest under the deadline; on any failure drop the
    /// store so the next call starts from a fresh instance.
    pub(super) fn call<R>(
        &mut self,
        f: impl FnOnce(&W::Bindings, &mut Store<SandboxState>) -> wasmtime::Result<R>,
    ) -> Result<R, CallError> {
        let limits = self.plugin.runtime.limits();
        if self.live.is_none() {
            self.live = Some(self.start()?);
        }
        let live = self.live.as_mut().expect("started above");
        live.store.data_mut().begin_call();
        live.store
            .set_epoch_deadline(deadline_ticks(limits.deadline));
        match f(&live.bindings, &mut live.store) {
            Ok(r) => Ok(r),
            Err(e) => {
                let error = CallError::new(&e, live.store.data(), limits.deadline);
                self.live = None;
                Err(error)
            }
        }
    }

    /// A fresh store and instance, warmed up by one `info` call: plugins
    /// build their statics (compiled patterns) there, under the longer
    /// start-up budget rather than the first document's deadline.
    fn start(&self) -> Result<Live<W>, CallError> {
        let limits = self.plugin.runtime.limits();
        let mut store = Store::new(self.plugin.runtime.engine(), SandboxState::new(limits));
        store.limiter(|s| &mut s.limiter);
        store.epoch_deadline_trap();
        store.set_epoch_deadline(deadline_ticks(limits.startup_deadline));
        let warmed = W::instantiate(&self.plugin.pre, &mut store)
            .and_then(|bindings| W::info(&bindings, &mut store).map(|_| bindings));
        match warmed {
            Ok(bindings) => Ok(Live { store, bindings }),
            Err(e) => Err(CallError::new(&e, store.data(), limits.startup_deadline)),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_contract_version_is_read_from_an_import_name() {
        assert_eq!(
            super::contract_version("opgap:plugin/types@0.2.0"),
            Some("0.2.0")
        );
        assert_eq!(super::contract_version("wasi:io/streams@0.2.6"), None);
        assert_eq!(super::contract_version("opgap:plugin/host"), None);
    }

    #[test]
    fn api_versions_follow_semver_for_zero_majors() {
        assert!(super::api_compatible("0.1.0"));
        assert!(super::api_compatible("0.1.7"));
        assert!(!super::api_compatible("0.2.0"));
        assert!(!super::api_compatible("1.1.0"));
        assert!(!super::api_compatible("garbage"));
    }
}

#[cfg(test)]
mod malformed {
    use crate::plugin::{Limits, Runtime, TranslatorPlugin, builtin};

    /// Every prefix of a real component (every 211th length, and every one
    /// of the first 256 bytes) is refused with an error, never a panic,
    /// and nothing truncated is accepted.
    #[test]
    fn truncated_components_are_refused() {
        let runtime = Runtime::new(Limits::default(), None).unwrap();
        let (_, bytes) = builtin::translators()[0];
        let lengths = (0..256.min(bytes.len())).chain((256..bytes.len()).step_by(211));
        let mut tried = 0;
        for len in lengths {
            let result = TranslatorPlugin::load(&runtime, "cut", &bytes[..len]);
            assert!(result.is_err(), "a {len}-byte prefix loaded");
            tried += 1;
        }
        assert!(tried > 1000, "{tried}");
        assert!(TranslatorPlugin::load(&runtime, "whole", bytes).is_ok());
    }

    #[test]
    fn a_core_module_is_refused_with_how_to_wrap_it() {
        let runtime = Runtime::new(Limits::default(), None).unwrap();
        // `(module)`: magic and version 1 of a core module.
        let core = b"\0asm\x01\0\0\0";
        let error = TranslatorPlugin::load(&runtime, "core", core)
            .err()
            .unwrap();
        assert!(
            error
                .failure
                .to_string()
                .contains("wasm-tools component new"),
            "{}",
            error.failure
        );
    }
}
