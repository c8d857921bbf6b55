//! What each vCenter construct of the catalogue becomes on the four KVM
//! management planes: how faithful the equivalent is, the commands or API
//! calls that replace it, what behaves differently, what to do where there
//! is no equivalent, and the effort to rebuild the step.
//!
//! One table per stack ([`libvirt`], [`proxmox`], [`ovirt`], [`openstack`]),
//! each holding exactly one record per catalogue construct. The facts come
//! from the reference material, re-checked where it was marked unverified
//! (see `plugins/catalogue/VERIFICATION.md`); the wording is ours.
//!
//! Replacement templates may name what a finding captured, as `{vm}`,
//! `{host}`, `{snapshot}`, `{datastore}`, `{cluster}`, `{network}`; the host
//! fills them in or leaves them as placeholders.

#[cfg(feature = "component")]
pub mod component;
pub mod libvirt;
pub mod openstack;
pub mod ovirt;
pub mod proxmox;

/// How close the stack's native feature comes to the vCenter construct.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fidelity {
    /// Same operator outcome with a native feature; the syntax differs.
    Equivalent,
    /// Reachable with narrower scope, extra steps or other semantics.
    Partial,
    /// No native feature: redesign, adopt other tooling, or accept the loss.
    None,
}

/// Effort points to rebuild one runbook step that uses the construct.
pub mod effort {
    /// Swap the command or API call; the procedure stays.
    pub const SWAP: u32 = 1;
    /// Rewrite the step or the script around a different model.
    pub const REWRITE: u32 = 3;
    /// Adopt, configure and operate an extra component or tool.
    pub const ADOPT: u32 = 8;
    /// Redesign the practice; nothing comes close.
    pub const REDESIGN: u32 = 13;
    pub const ALL: &[u32] = &[SWAP, REWRITE, ADOPT, REDESIGN];
}

/// One construct on one stack.
#[derive(Clone, Copy, Debug)]
pub struct Translation {
    /// A catalogue construct id, e.g. `vmware.vmotion`.
    pub construct: &'static str,
    pub fidelity: Fidelity,
    /// Replacement commands or API calls, one per entry, with placeholders.
    pub replacement: &'static [&'static str],
    /// What behaves differently; what an operator must know.
    pub caveats: &'static [&'static str],
    /// For [`Fidelity::None`] (and where useful for partial ones): what to
    /// do instead, e.g. "redesign on application-level clustering".
    pub instead: &'static str,
    /// For the observability layer: the KVM-side signal that replaces the
    /// vSphere metric, alarm or report (libvirt domstats fields, exporters).
    pub signal: &'static str,
    /// URLs that back the facts.
    pub references: &'static [&'static str],
    /// Effort points, one of [`effort::ALL`].
    pub effort: u32,
}

/// The management planes opgap translates to, by id.
pub const STACKS: &[&str] = &["libvirt", "proxmox", "ovirt", "openstack"];

/// The table of one stack, by id.
pub fn table(stack: &str) -> Option<&'static [Translation]> {
    match stack {
        "libvirt" => Some(libvirt::TRANSLATIONS),
        "proxmox" => Some(proxmox::TRANSLATIONS),
        "ovirt" => Some(ovirt::TRANSLATIONS),
        "openstack" => Some(openstack::TRANSLATIONS),
        _ => None,
    }
}

/// The translation of `construct` on `stack`.
pub fn translate(construct: &str, stack: &str) -> Option<&'static Translation> {
    table(stack)?.iter().find(|t| t.construct == construct)
}

#[cfg(test)]
mod tests;
