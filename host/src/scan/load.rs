//! Loading plugins: the built-ins that are wanted, and `--plugin` files
//! routed by the world they implement. A plugin that fails to load becomes
//! an error; the others load regardless.

use crate::plugin::{
    CallError, DetectorPlugin, Failure, Plugin, Runtime, TranslatorPlugin, World, WorldKind,
    builtin,
};
use crate::report::{ErrorCause, ScanError};

use super::{Builtins, ScanOptions};

/// Load the built-in plugins (if wanted) and the given files. A plugin that
/// fails to load becomes an error; the others load regardless.
pub fn load_plugins(
    runtime: &Runtime,
    options: &ScanOptions,
    errors: &mut Vec<ScanError>,
) -> Vec<DetectorPlugin> {
    if let Builtins::Only(names) = &options.builtins {
        let known = |n: &String| {
            builtin::detectors()
                .iter()
                .chain(builtin::translators())
                .any(|(b, _)| b == n)
        };
        for unknown in names.iter().filter(|n| !known(n)) {
            errors.push(ScanError {
                plugin: Some(unknown.clone()),
                path: None,
                message: format!("no built-in plugin is named {unknown}"),
                cause: ErrorCause::Plugin(crate::plugin::Failure::Load {
                    message: "unknown built-in plugin".into(),
                }),
                stderr: String::new(),
                log: Vec::new(),
            });
        }
    }
    let mut plugins = load_builtins(
        runtime,
        builtin::detectors(),
        |name| options.builtins.includes(name),
        errors,
    );
    for (path, file) in plugin_files(runtime, options) {
        match file.world {
            Ok(WorldKind::Detector) => {
                load_one(runtime, path, Ok(file.bytes), &mut plugins, errors)
            }
            // Routed to the translators a scan asks with --stack.
            Ok(WorldKind::Translator) => {}
            // A scorer pinned in opgap.toml is there for `opgap readiness`.
            Ok(WorldKind::Scorer) if file.pinned => {}
            Ok(other) => {
                let message = match other {
                    WorldKind::Scorer => {
                        "implements the scorer world; give it to `opgap readiness --scorer`"
                            .to_string()
                    }
                    _ => format!(
                        "implements the {} world; --plugin takes detectors and translators",
                        other.name()
                    ),
                };
                errors.push(load_error(path, Failure::Load { message }.into()));
            }
            Err(e) => errors.push(load_error(path, e)),
        }
    }
    plugins
}

/// A `--plugin` or pinned file, read and sorted by the world it implements.
struct PluginFile {
    bytes: Vec<u8>,
    world: Result<WorldKind, CallError>,
    /// Named by a `[[plugins]]` pin rather than `--plugin`.
    pinned: bool,
}

fn plugin_files<'a>(
    runtime: &'a Runtime,
    options: &'a ScanOptions,
) -> impl Iterator<Item = (String, PluginFile)> + 'a {
    let pinned = options.pinned_plugins.iter().map(|p| (&p.path, Some(p)));
    // A file both pinned and given loads once, under its pin.
    let given = options
        .plugin_files
        .iter()
        .filter(|f| !options.pinned_plugins.iter().any(|p| same_file(&p.path, f)))
        .map(|p| (p, None));
    pinned.chain(given).map(move |(path, pin)| {
        let origin = path.display().to_string();
        let pinned = pin.is_some();
        let file = match crate::plugin::read_component_file(path, runtime.limits()) {
            Ok(bytes) => match pin.map_or_else(
                || {
                    crate::config::unpinned_refusal(
                        path,
                        &bytes,
                        &options.pinned_plugins,
                        options.allow_unpinned,
                    )
                },
                |pin| pin.mismatch(&bytes),
            ) {
                Some(message) => PluginFile {
                    bytes: Vec::new(),
                    world: Err(Failure::Load { message }.into()),
                    pinned,
                },
                None => PluginFile {
                    world: crate::plugin::world_of(runtime, &bytes),
                    bytes,
                    pinned,
                },
            },
            Err(message) => PluginFile {
                bytes: Vec::new(),
                world: Err(Failure::Load { message }.into()),
                pinned,
            },
        };
        (origin, file)
    })
}

fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    a == b || matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
}

/// Load the embedded components of one world that `wanted` picks.
fn load_builtins<W: World>(
    runtime: &Runtime,
    embedded: &[(&str, &[u8])],
    wanted: impl Fn(&str) -> bool,
    errors: &mut Vec<ScanError>,
) -> Vec<Plugin<W>> {
    let mut plugins = Vec::new();
    for (name, bytes) in embedded {
        if wanted(name) {
            load_one(
                runtime,
                format!("builtin:{name}"),
                Ok(bytes.to_vec()),
                &mut plugins,
                errors,
            );
        }
    }
    plugins
}

/// The translators a scan uses: translators given with --plugin first, so
/// a team's own answers win for the constructs they cover, then the
/// built-ins. `--only` picks detectors, so every built-in translator stays
/// unless all built-in plugins are off. A --plugin file that is not a
/// translator is left to `load_plugins`, which reports its errors.
pub fn translators_for(
    runtime: &Runtime,
    options: &ScanOptions,
    errors: &mut Vec<ScanError>,
) -> Vec<TranslatorPlugin> {
    let all_builtins_off = matches!(options.builtins, Builtins::None);
    translators_picking(runtime, options, |_| !all_builtins_off, errors)
}

/// The --plugin translators, then the built-ins `wanted` picks.
pub fn translators_picking(
    runtime: &Runtime,
    options: &ScanOptions,
    wanted: impl Fn(&str) -> bool,
    errors: &mut Vec<ScanError>,
) -> Vec<TranslatorPlugin> {
    let mut translators = Vec::new();
    for (path, file) in plugin_files(runtime, options) {
        if let Ok(WorldKind::Translator) = file.world {
            load_one(runtime, path, Ok(file.bytes), &mut translators, errors);
        }
    }
    translators.extend(load_builtins(
        runtime,
        builtin::translators(),
        wanted,
        errors,
    ));
    translators
}

/// Load one component; a failure becomes an error and the rest go on.
fn load_one<W: World>(
    runtime: &Runtime,
    origin: String,
    bytes: Result<Vec<u8>, String>,
    plugins: &mut Vec<Plugin<W>>,
    errors: &mut Vec<ScanError>,
) {
    let result = bytes
        .map_err(|message| CallError::from(crate::plugin::Failure::Load { message }))
        .and_then(|bytes| Plugin::<W>::load(runtime, &origin, &bytes));
    match result {
        Ok(p) => plugins.push(p),
        Err(e) => errors.push(load_error(origin, e)),
    }
}

pub fn load_error(origin: String, e: CallError) -> ScanError {
    ScanError {
        plugin: Some(origin.clone()),
        path: None,
        message: format!("plugin {origin}: {}", e.failure),
        cause: ErrorCause::Plugin(e.failure),
        stderr: e.stderr,
        log: e.log,
    }
}
