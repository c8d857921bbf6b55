//! The component worlds a plugin can implement, behind one trait, so
//! loading, sandboxing and calling are written once for all of them.

use wasmtime::Store;
use wasmtime::component::InstancePre;

use super::bindings::{
    Detector, DetectorPre, PluginInfo, Scorer, ScorerPre, Translator, TranslatorPre,
};
use super::sandbox::SandboxState;

pub trait World: 'static {
    /// The world's name in the WIT package, for error messages.
    const NAME: &'static str;
    /// Linked and type-checked once per plugin.
    type Pre: Send + Sync;
    /// One live instance's exports.
    type Bindings;

    fn pre(instance_pre: InstancePre<SandboxState>) -> wasmtime::Result<Self::Pre>;
    fn instantiate(
        pre: &Self::Pre,
        store: &mut Store<SandboxState>,
    ) -> wasmtime::Result<Self::Bindings>;
    fn info(b: &Self::Bindings, store: &mut Store<SandboxState>) -> wasmtime::Result<PluginInfo>;
}

pub struct DetectorWorld;

impl World for DetectorWorld {
    const NAME: &'static str = "detector";
    type Pre = DetectorPre<SandboxState>;
    type Bindings = Detector;

    fn pre(instance_pre: InstancePre<SandboxState>) -> wasmtime::Result<Self::Pre> {
        DetectorPre::new(instance_pre)
    }
    fn instantiate(pre: &Self::Pre, store: &mut Store<SandboxState>) -> wasmtime::Result<Detector> {
        pre.instantiate(store)
    }
    fn info(b: &Detector, store: &mut Store<SandboxState>) -> wasmtime::Result<PluginInfo> {
        b.call_info(store)
    }
}

pub struct TranslatorWorld;

impl World for TranslatorWorld {
    const NAME: &'static str = "translator";
    type Pre = TranslatorPre<SandboxState>;
    type Bindings = Translator;

    fn pre(instance_pre: InstancePre<SandboxState>) -> wasmtime::Result<Self::Pre> {
        TranslatorPre::new(instance_pre)
    }
    fn instantiate(
        pre: &Self::Pre,
        store: &mut Store<SandboxState>,
    ) -> wasmtime::Result<Translator> {
        pre.instantiate(store)
    }
    fn info(b: &Translator, store: &mut Store<SandboxState>) -> wasmtime::Result<PluginInfo> {
        b.call_info(store)
    }
}

pub struct ScorerWorld;

impl World for ScorerWorld {
    const NAME: &'static str = "scorer";
    type Pre = ScorerPre<SandboxState>;
    type Bindings = Scorer;

    fn pre(instance_pre: InstancePre<SandboxState>) -> wasmtime::Result<Self::Pre> {
        ScorerPre::new(instance_pre)
    }
    fn instantiate(pre: &Self::Pre, store: &mut Store<SandboxState>) -> wasmtime::Result<Scorer> {
        pre.instantiate(store)
    }
    fn info(b: &Scorer, store: &mut Store<SandboxState>) -> wasmtime::Result<PluginInfo> {
        b.call_info(store)
    }
}
