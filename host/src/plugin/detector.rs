//! Detector plugins: run on a document, findings checked against its text.

use super::bindings::{Document, Finding};
use super::component::{Instance, Plugin};
use super::failure::{CallError, Failure};
use super::output::{Checked, check_findings};
use super::world::DetectorWorld;

pub type DetectorPlugin = Plugin<DetectorWorld>;
pub type DetectorInstance<'p> = Instance<'p, DetectorWorld>;

impl DetectorInstance<'_> {
    /// Run the detector on one document. `source` is the file text the
    /// document was parsed from, against which spans are checked.
    pub fn detect(&mut self, doc: &Document, source: &str) -> Result<Checked, CallError> {
        let findings: Vec<Finding> = self.call(|b, s| b.call_detect(s, doc))?;
        let plugin = self.plugin();
        check_findings(findings, source, &plugin.info, plugin.runtime.limits()).map_err(|message| {
            self.distrust();
            CallError::from(Failure::InvalidOutput { message })
        })
    }
}
