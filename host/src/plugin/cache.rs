//! On-disk cache of compiled components.
//!
//! Compiling a component with Cranelift costs far more than loading it, so
//! the native code is kept between runs. An entry is keyed by the sha256 of
//! the component and by the engine's compatibility hash (wasmtime version and
//! settings), and carries a checksum of its payload: a truncated or corrupted
//! entry is detected, removed and rebuilt, never handed to wasmtime. The
//! checksum is XXH3-128, not a cryptographic hash: it guards against damage,
//! not tampering (the folder is private to the user, see [`private_dir`]),
//! and it is verified over megabytes of code on every start.

use std::hash::{Hash, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use sha2::{Digest, Sha256};
use wasmtime::Engine;
use wasmtime::component::Component;

use super::bindings::{PluginInfo, Rule};

const MAGIC: &[u8; 8] = b"OPGAPC2\0";

/// XXH3-128 of a cache entry's payload.
fn checksum(payload: &[u8]) -> [u8; 16] {
    xxhash_rust::xxh3::xxh3_128(payload).to_le_bytes()
}

/// A plugin's rule list is a few hundred short records.
const INFO_MAX_BYTES: u64 = 4 << 20;

/// `PluginInfo` as stored beside the compiled component.
#[derive(serde::Serialize, serde::Deserialize)]
struct CachedInfo {
    name: String,
    version: String,
    api_version: String,
    description: String,
    rules: Vec<CachedRule>,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct CachedRule {
    id: String,
    construct: String,
    layer: String,
    default_severity: crate::report::Severity,
    short_help: String,
    long_help: String,
}

impl From<&PluginInfo> for CachedInfo {
    fn from(info: &PluginInfo) -> Self {
        Self {
            name: info.name.clone(),
            version: info.version.clone(),
            api_version: info.api_version.clone(),
            description: info.description.clone(),
            rules: info
                .rules
                .iter()
                .map(|r| CachedRule {
                    id: r.id.clone(),
                    construct: r.construct.clone(),
                    layer: r.layer.clone(),
                    default_severity: r.default_severity.into(),
                    short_help: r.short_help.clone(),
                    long_help: r.long_help.clone(),
                })
                .collect(),
        }
    }
}

impl From<CachedInfo> for PluginInfo {
    fn from(info: CachedInfo) -> Self {
        Self {
            name: info.name,
            version: info.version,
            api_version: info.api_version,
            description: info.description,
            rules: info
                .rules
                .into_iter()
                .map(|r| Rule {
                    id: r.id,
                    construct: r.construct,
                    layer: r.layer,
                    default_severity: r.default_severity.into(),
                    short_help: r.short_help,
                    long_help: r.long_help,
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CacheOutcome {
    /// Loaded from the cache without compiling.
    Hit,
    /// Compiled and stored.
    Compiled,
    /// An unusable entry was found, removed and replaced.
    Rebuilt,
    /// Compiled without a cache.
    Uncached,
}

pub struct ComponentCache {
    dir: PathBuf,
    engine_key: String,
}

impl ComponentCache {
    pub fn new(dir: PathBuf, engine: &Engine) -> Self {
        let mut hasher = Sha256Hasher(Sha256::new());
        engine.precompile_compatibility_hash().hash(&mut hasher);
        let engine_key = hex::encode(&hasher.0.finalize()[..8]);
        Self { dir, engine_key }
    }

    fn entry_path(&self, component_sha256: &str) -> PathBuf {
        self.dir
            .join(format!("{component_sha256}-{}.cwasm", self.engine_key))
    }

    /// The compiled form of `bytes`, from the cache when a valid entry exists.
    pub fn load_or_compile(
        &self,
        engine: &Engine,
        bytes: &[u8],
        component_sha256: &str,
    ) -> Result<(Component, CacheOutcome)> {
        let path = self.entry_path(component_sha256);
        let mut outcome = CacheOutcome::Compiled;
        match std::fs::read(&path) {
            Ok(entry) => match verified_payload(&entry) {
                // SAFETY: the payload was produced by `Component::serialize`
                // for an engine with the same compatibility hash (it is in the
                // file name), and its checksum proves it is unchanged since.
                Some(payload) => match unsafe { Component::deserialize(engine, payload) } {
                    Ok(component) => return Ok((component, CacheOutcome::Hit)),
                    Err(_) => outcome = CacheOutcome::Rebuilt,
                },
                None => outcome = CacheOutcome::Rebuilt,
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(_) => outcome = CacheOutcome::Rebuilt,
        }
        if outcome == CacheOutcome::Rebuilt {
            let _ = std::fs::remove_file(&path);
        }
        let component = Component::new(engine, bytes)?;
        // A cache that cannot be written only costs time on the next run.
        let _ = self.store(&path, &component);
        Ok((component, outcome))
    }

    fn info_path(&self, component_sha256: &str) -> PathBuf {
        self.dir
            .join(format!("{component_sha256}-{}.info", self.engine_key))
    }

    /// What the component said of itself when it was first loaded: `info`
    /// is a function of the component's bytes, and asking again means
    /// instantiating it, which is most of a run on a repository with
    /// nothing to scan. The entry is a checksum line, then JSON; a damaged
    /// or unreadable entry is not used (the plugin is asked again).
    pub fn load_info(&self, component_sha256: &str) -> Option<PluginInfo> {
        let path = self.info_path(component_sha256);
        let text = crate::textfile::read_text(&path, INFO_MAX_BYTES).ok()?;
        let (checksum, json) = text.split_once('\n')?;
        if hex::encode(Sha256::digest(json.as_bytes())) != checksum {
            return None;
        }
        serde_json::from_str::<CachedInfo>(json)
            .ok()
            .map(Into::into)
    }

    pub fn store_info(&self, component_sha256: &str, info: &PluginInfo) {
        let path = self.info_path(component_sha256);
        let store = || -> Result<()> {
            let json = serde_json::to_string(&CachedInfo::from(info))?;
            let mut file = tempfile::NamedTempFile::new_in(&self.dir)?;
            writeln!(file, "{}", hex::encode(Sha256::digest(json.as_bytes())))?;
            file.write_all(json.as_bytes())?;
            file.persist(&path)?;
            Ok(())
        };
        // A cache that cannot be written only costs time on the next run.
        let _ = store();
    }

    fn store(&self, path: &Path, component: &Component) -> Result<()> {
        let payload = component.serialize()?;
        std::fs::create_dir_all(&self.dir)
            .with_context(|| format!("creating cache dir {}", self.dir.display()))?;
        let mut file = tempfile::NamedTempFile::new_in(&self.dir)?;
        file.write_all(MAGIC)?;
        file.write_all(&checksum(&payload))?;
        file.write_all(&payload)?;
        file.as_file().sync_all()?;
        file.persist(path)?;
        Ok(())
    }
}

/// Make sure `dir` exists and only the user can change it or the folder
/// holding it: the cache holds native code that is run as it is, so a
/// folder someone else can write to (or own) would let them run code as
/// the user.
pub fn private_dir(dir: &Path) -> std::result::Result<(), String> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(|e| format!("cannot create it: {e}"))?;
    // The folder that holds it too: whoever can rename entries there could
    // swap the cache folder for their own after this check.
    if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        owned_and_private(parent).map_err(|why| format!("{why} ({})", parent.display()))?;
    }
    owned_and_private(dir)
}

fn owned_and_private(dir: &Path) -> std::result::Result<(), String> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::symlink_metadata(dir).map_err(|e| e.to_string())?;
    // SAFETY: getuid has no preconditions and cannot fail.
    let uid = unsafe { libc::getuid() };
    if !meta.is_dir() {
        Err("it is not a folder (a symlink is not trusted)".into())
    } else if meta.uid() != uid {
        Err(format!("it belongs to user {}, not to you", meta.uid()))
    } else if meta.mode() & 0o022 != 0 {
        Err(format!(
            "others can write to it (mode {:o}; `chmod go-w` it)",
            meta.mode() & 0o777
        ))
    } else {
        Ok(())
    }
}

/// The payload of an entry whose magic and checksum are intact.
fn verified_payload(entry: &[u8]) -> Option<&[u8]> {
    let rest = entry.strip_prefix(MAGIC)?;
    let (stored, payload) = rest.split_at_checked(16)?;
    (checksum(payload) == stored).then_some(payload)
}

/// Feeds `Hash` output into sha256, so the key is stable across processes
/// (unlike `DefaultHasher`, which is only stable within one build).
struct Sha256Hasher(Sha256);

impl Hasher for Sha256Hasher {
    fn finish(&self) -> u64 {
        let digest = self.0.clone().finalize();
        u64::from_le_bytes(digest[..8].try_into().expect("8 bytes"))
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }
}

#[cfg(test)]
mod tests {
    use super::{private_dir, verified_payload};

    #[test]
    fn only_a_private_folder_of_ours_is_trusted() {
        use std::os::unix::fs::PermissionsExt;
        let base = tempfile::tempdir().unwrap();
        let fresh = base.path().join("a/b/cache");
        assert_eq!(private_dir(&fresh), Ok(()));
        let mode = std::fs::metadata(&fresh).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
        std::fs::set_permissions(&fresh, std::fs::Permissions::from_mode(0o777)).unwrap();
        assert!(
            private_dir(&fresh)
                .unwrap_err()
                .contains("others can write to it (mode 777")
        );
        let link = base.path().join("link");
        std::os::unix::fs::symlink(&fresh, &link).unwrap();
        assert!(private_dir(&link).unwrap_err().contains("symlink"));
        // A private folder inside one that others can write to is not.
        std::fs::set_permissions(&fresh, std::fs::Permissions::from_mode(0o700)).unwrap();
        let parent = fresh.parent().unwrap();
        std::fs::set_permissions(parent, std::fs::Permissions::from_mode(0o777)).unwrap();
        let why = private_dir(&fresh).unwrap_err();
        assert!(
            why.contains("others can write") && why.contains("a/b)"),
            "{why}"
        );
    }

    #[test]
    fn checksum_rejects_truncated_and_flipped_entries() {
        let payload = b"compiled code".to_vec();
        let mut entry = super::MAGIC.to_vec();
        entry.extend_from_slice(&super::checksum(&payload));
        entry.extend_from_slice(&payload);
        assert_eq!(verified_payload(&entry), Some(&payload[..]));
        assert_eq!(verified_payload(&entry[..entry.len() - 1]), None);
        let mut flipped = entry.clone();
        *flipped.last_mut().unwrap() ^= 1;
        assert_eq!(verified_payload(&flipped), None);
        assert_eq!(verified_payload(b"garbage"), None);
        assert_eq!(verified_payload(super::MAGIC), None);
    }
}
