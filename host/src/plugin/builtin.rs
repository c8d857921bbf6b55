//! Built-in plugins, compiled to wasm32-wasip2 by `build.rs` and embedded.

include!(concat!(env!("OUT_DIR"), "/builtin_plugins.rs"));

/// `(name, component bytes)` of every built-in detector.
pub fn detectors() -> &'static [(&'static str, &'static [u8])] {
    BUILTIN_DETECTORS
}

/// `(name, component bytes)` of the built-in readiness scorer.
pub fn scorer() -> (&'static str, &'static [u8]) {
    BUILTIN_SCORERS[0]
}

/// `(name, component bytes)` of every built-in translator (`translate-<stack>`).
pub fn translators() -> &'static [(&'static str, &'static [u8])] {
    BUILTIN_TRANSLATORS
}

/// The sha256 (hex) of `bytes` when they are a built-in plugin's embedded
/// component, computed when opgap was built.
pub fn known_sha256(bytes: &[u8]) -> Option<&'static str> {
    BUILTIN_SHA256
        .iter()
        .find(|(embedded, _)| std::ptr::eq(*embedded, bytes))
        .map(|(_, sha256)| *sha256)
}

#[cfg(test)]
mod tests {
    use sha2::{Digest, Sha256};

    #[test]
    fn the_hashes_made_at_build_time_are_those_of_the_embedded_plugins() {
        let scorer = [super::scorer()];
        let all = super::detectors()
            .iter()
            .chain(super::translators())
            .chain(&scorer);
        let mut seen = 0;
        for (name, bytes) in all {
            let known = super::known_sha256(bytes).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(known, hex::encode(Sha256::digest(bytes)), "{name}");
            seen += 1;
        }
        assert_eq!(seen, super::BUILTIN_SHA256.len());
        // Equal bytes elsewhere are hashed as any plugin file is.
        let copy = super::detectors()[0].1.to_vec();
        assert_eq!(super::known_sha256(&copy), None);
    }
}
