//! Detector plugins: run on a document, findings checked against its text.

use super::bindings::{Document, Finding};
use super::component::{Instance, Plugin};
use super::failure::{CallError, Failure};
use super::output::{Checked, check_findings};
use super::pieces::{PIECE_BYTES, pieces};
use super::world::DetectorWorld;

pub type DetectorPlugin = Plugin<DetectorWorld>;
pub type DetectorInstance<'p> = Instance<'p, DetectorWorld>;

impl DetectorInstance<'_> {
    /// Run the detector on one document. `source` is the file text the
    /// document was parsed from, against which spans are checked. A large
    /// document is sent in pieces (see `pieces`); any piece failing fails
    /// the call.
    pub fn detect(&mut self, doc: &Document, source: &str) -> Result<Checked, CallError> {
        let Some(pieces) = pieces(doc, PIECE_BYTES) else {
            return self.detect_one(doc, source);
        };
        let mut all = Checked {
            findings: Vec::new(),
            rejected: Vec::new(),
            warnings: Vec::new(),
        };
        for piece in &pieces {
            let checked = self.detect_one(piece, source)?;
            all.findings.extend(checked.findings);
            all.rejected.extend(checked.rejected);
            all.warnings.extend(checked.warnings);
        }
        Ok(all)
    }

    fn detect_one(&mut self, doc: &Document, source: &str) -> Result<Checked, CallError> {
        let findings: Vec<Finding> = self.call(|b, s| b.call_detect(s, doc))?;
        let warnings = self.warnings();
        let plugin = self.plugin();
        let mut checked = check_findings(findings, source, &plugin.info, plugin.runtime.limits())
            .map_err(|message| {
            self.distrust();
            CallError::from(Failure::InvalidOutput { message })
        })?;
        checked.warnings = warnings;
        Ok(checked)
    }
}
