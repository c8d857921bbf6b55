//! What a component file is, before anyone trusts it: its world, what it
//! imports and exports, its hash and size, and what it says about itself
//! (asked inside the sandbox).

use serde::Serialize;

use super::bindings::{PluginInfo, readiness::Model};
use super::component::{Plugin, WorldKind, interfaces, world_of};
use super::failure::CallError;
use super::runtime::Runtime;
use super::world::{DetectorWorld, ScorerWorld, TranslatorWorld};

#[derive(Debug, Serialize)]
pub struct Inspection {
    pub world: &'static str,
    pub name: String,
    pub version: String,
    pub api_version: String,
    pub description: String,
    pub sha256: String,
    pub bytes: usize,
    /// The component's imports, by interface name.
    pub imports: Vec<String>,
    pub exports: Vec<String>,
    pub rules: Vec<RuleSummary>,
    /// A scorer's model: domain and probe counts.
    pub model: Option<ModelSummary>,
}

#[derive(Debug, Serialize)]
pub struct RuleSummary {
    pub id: String,
    pub construct: String,
    pub layer: String,
}

#[derive(Debug, Serialize)]
pub struct ModelSummary {
    pub id: String,
    pub domains: usize,
    pub probes: usize,
}

pub fn inspect(runtime: &Runtime, origin: &str, bytes: &[u8]) -> Result<Inspection, CallError> {
    let world = world_of(runtime, bytes)?;
    let (info, sha256, model): (PluginInfo, String, Option<Model>) = match world {
        WorldKind::Detector => {
            let p = Plugin::<DetectorWorld>::load(runtime, origin, bytes)?;
            (p.info.clone(), p.sha256.clone(), None)
        }
        WorldKind::Translator => {
            let p = Plugin::<TranslatorWorld>::load(runtime, origin, bytes)?;
            (p.info.clone(), p.sha256.clone(), None)
        }
        WorldKind::Scorer => {
            let p = Plugin::<ScorerWorld>::load(runtime, origin, bytes)?;
            let model = p.instance().model()?;
            (p.info.clone(), p.sha256.clone(), Some(model))
        }
    };
    let (imports, exports) = interfaces(runtime, bytes)?;
    Ok(Inspection {
        world: world.name(),
        name: info.name,
        version: info.version,
        api_version: info.api_version,
        description: info.description,
        sha256,
        bytes: bytes.len(),
        imports,
        exports,
        rules: info
            .rules
            .into_iter()
            .map(|r| RuleSummary {
                id: r.id,
                construct: r.construct,
                layer: r.layer,
            })
            .collect(),
        model: model.map(|m| ModelSummary {
            id: m.id,
            domains: m.domains.len(),
            probes: m.probes.len(),
        }),
    })
}
