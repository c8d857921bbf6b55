// An opgap detector written in JavaScript: it finds runbook steps that
// drive the team's backup CLI (`acmebk`) through vCenter's backup API
// (VADP), which does not exist on a KVM platform.
//
// The world is `detector` from opgap's `wit/`: export `info()` and
// `detect(document)`. Records arrive as plain objects with camelCase
// fields; enums are kebab-case strings; spans are UTF-8 byte offsets.

const API_VERSION = '0.1.0';

const RULES = [
  {
    id: 'acmebk/vadp-job',
    construct: 'vmware.vadp',
    layer: 'backup',
    severity: 'high',
    pattern: /\bacmebk\s+job\s+(?:run|create)\b[^\n]*?--vcenter\b/g,
    message: 'An acmebk backup job reads the VM through vCenter (VADP); on KVM it needs a backup API of the new platform.',
  },
  {
    id: 'acmebk/restore',
    construct: 'vmware.backup.restore',
    layer: 'backup',
    severity: 'high',
    pattern: /\bacmebk\s+restore\b[^\n]*?--vcenter\b/g,
    message: 'An acmebk restore writes the VM back through vCenter; the restore path must be rebuilt for KVM.',
  },
  {
    id: 'acmebk/quiesce',
    construct: 'vmware.backup.app_consistency',
    layer: 'backup',
    severity: 'medium',
    pattern: /\bacmebk\b[^\n]*?--quiesce\b/g,
    message: 'Quiescing through VMware Tools; on KVM this is the QEMU guest agent freeze.',
  },
  {
    id: 'acmebk/cbt',
    construct: 'vmware.cbt',
    layer: 'backup',
    severity: 'medium',
    pattern: /\bacmebk\b[^\n]*?--cbt\b/g,
    message: 'Changed Block Tracking is a vSphere feature; incremental backups on KVM use dirty bitmaps.',
  },
];

// Blocks whose own text is searched; inline code and links sit inside
// these, and headings name steps rather than perform them.
const SEARCHED = new Set(['paragraph', 'list-item', 'table-cell', 'code']);

const encoder = new TextEncoder();
const utf8Length = (s) => encoder.encode(s).length;

export function info() {
  return {
    name: 'acme-backup-js',
    version: '0.1.0',
    apiVersion: API_VERSION,
    description: 'acmebk steps that depend on vCenter (written in JavaScript)',
    rules: RULES.map((r) => ({
      id: r.id,
      construct: r.construct,
      layer: r.layer,
      defaultSeverity: r.severity,
      shortHelp: r.message,
      longHelp: r.message,
    })),
  };
}

export function detect(doc) {
  const findings = [];
  for (const block of doc.blocks) {
    if (!SEARCHED.has(block.kind) || !block.text.includes('acmebk')) continue;
    for (const rule of RULES) {
      rule.pattern.lastIndex = 0;
      // Byte offsets are counted on from the previous match, so a block
      // with many matches is still read once.
      let chars = 0;
      let bytes = 0;
      for (const m of block.text.matchAll(rule.pattern)) {
        bytes += utf8Length(block.text.slice(chars, m.index));
        chars = m.index;
        const start = block.span.start + bytes;
        findings.push({
          ruleId: rule.id,
          construct: rule.construct,
          layer: rule.layer,
          severity: rule.severity,
          confidence: 0.9,
          span: { start, end: start + utf8Length(m[0]) },
          message: rule.message,
          evidence: m[0],
        });
      }
    }
  }
  return findings;
}
