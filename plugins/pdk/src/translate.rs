//! Building translations: what a finding's construct becomes on a KVM
//! management plane.
//!
//! ```
//! use opgap_pdk::translate::translation;
//! use opgap_pdk::types::Fidelity;
//! let t = translation("vmware.snapshot.create", "proxmox", Fidelity::Equivalent)
//!     .replacement("opsctl snapshot {vm} --name {snapshot}")
//!     .caveat("opsctl freezes the guest through qemu-guest-agent")
//!     .reference("https://wiki.example.internal/opsctl")
//!     .effort(1)
//!     .build();
//! assert_eq!(t.replacement, ["opsctl snapshot {vm} --name {snapshot}"]);
//! ```

use crate::types::{Fidelity, Translation};

/// A translation of `construct` on `stack` (`libvirt`, `proxmox`, `ovirt`,
/// `openstack`) at `fidelity`; the rest is added with the builder.
/// `{vm}`, `{host}`, `{snapshot}`... in replacements are filled by opgap
/// from the finding's line.
pub fn translation(construct: &str, stack: &str, fidelity: Fidelity) -> TranslationBuilder {
    TranslationBuilder(Translation {
        construct: construct.into(),
        stack: stack.into(),
        fidelity,
        replacement: Vec::new(),
        caveats: Vec::new(),
        instead: String::new(),
        signal: String::new(),
        references: Vec::new(),
        effort: 1,
    })
}

/// A translation being built; see [`translation`].
///
/// ```
/// use opgap_pdk::translate::translation;
/// use opgap_pdk::types::Fidelity;
/// let t = translation("vmware.ft", "proxmox", Fidelity::None)
///     .instead("Run two instances behind a load balancer.")
///     .effort(13)
///     .build();
/// assert!(t.replacement.is_empty() && t.effort == 13);
/// ```
#[derive(Debug, Clone)]
pub struct TranslationBuilder(Translation);

impl TranslationBuilder {
    /// A replacement command or API call; call once per step.
    pub fn replacement(mut self, step: &str) -> Self {
        self.0.replacement.push(step.into());
        self
    }

    /// Something that behaves differently and the operator must know.
    pub fn caveat(mut self, caveat: &str) -> Self {
        self.0.caveats.push(caveat.into());
        self
    }

    /// Where nothing is equivalent: what to do instead.
    pub fn instead(mut self, instead: &str) -> Self {
        self.0.instead = instead.into();
        self
    }

    /// For monitoring constructs: the signal that replaces the vSphere one.
    pub fn signal(mut self, signal: &str) -> Self {
        self.0.signal = signal.into();
        self
    }

    pub fn reference(mut self, url: &str) -> Self {
        self.0.references.push(url.into());
        self
    }

    /// Effort points to rebuild the step (opgap's scale: 1, 3, 8, 13).
    pub fn effort(mut self, points: u32) -> Self {
        self.0.effort = points;
        self
    }

    pub fn build(self) -> Translation {
        self.0
    }
}
