//! Host-side bindings generated from `wit/`.

wasmtime::component::bindgen!({
    path: "../wit",
    world: "detector",
});

/// The `translator` world, sharing the detector world's records and host
/// interface.
pub mod translator {
    wasmtime::component::bindgen!({
        path: "../wit",
        world: "translator",
        with: {
            "opgap:plugin/types": super::opgap::plugin::types,
            "opgap:plugin/host": super::opgap::plugin::host,
        },
    });
}

/// The `scorer` world: the readiness records, sharing the detector
/// world's records and host interface.
pub mod scorer {
    wasmtime::component::bindgen!({
        path: "../wit",
        world: "scorer",
        with: {
            "opgap:plugin/types": super::opgap::plugin::types,
            "opgap:plugin/host": super::opgap::plugin::host,
        },
    });
}

pub use self::opgap::plugin::host;
pub use self::opgap::plugin::types::*;
pub use scorer::opgap::plugin::readiness;
pub use scorer::{Scorer, ScorerPre};
pub use translator::{Translator, TranslatorPre};

/// The WIT package version this host implements.
pub const API_VERSION: &str = "0.1.0";

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::path::Path;

    fn wit_files(dir: &Path) -> BTreeMap<String, String> {
        std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "wit"))
            .map(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                (name, std::fs::read_to_string(&p).unwrap())
            })
            .collect()
    }

    /// Plugins built against a released contract must keep loading: the
    /// contract in `wit/` is the released one, byte for byte, until the
    /// package version is raised and the new one frozen beside it.
    #[test]
    fn the_contract_matches_its_frozen_release() {
        let wit = Path::new(env!("CARGO_MANIFEST_DIR")).join("../wit");
        let released = wit.join("released").join(super::API_VERSION);
        let current = wit_files(&wit);
        assert!(
            current["worlds.wit"]
                .contains(&format!("package opgap:plugin@{};", super::API_VERSION)),
            "API_VERSION and the WIT package version differ"
        );
        assert_eq!(
            current,
            wit_files(&released),
            "wit/ differs from wit/released/{0}: a released contract is frozen. Raise the \
             package version (and API_VERSION), then copy wit/*.wit to wit/released/<new version>",
            super::API_VERSION
        );
    }
}
