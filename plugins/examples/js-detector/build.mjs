// Build detector.wasm from detector.js against opgap's WIT contract.
// componentize-js wants absolute paths.
import { componentize } from '@bytecodealliance/componentize-js';
import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const wit = resolve(process.argv[2] ?? resolve(here, '../../../wit'));
const out = resolve(here, process.argv[3] ?? 'acme-backup-js.wasm');

const started = Date.now();
const { component } = await componentize({
  sourcePath: resolve(here, 'detector.js'),
  witPath: wit,
  worldName: 'detector',
  // No WASI beyond what the engine cannot start without: the sandbox
  // denies the rest anyway.
  disableFeatures: ['random', 'stdio', 'clocks', 'http', 'fetch-event'],
});
await writeFile(out, component);
console.log(`${out}: ${component.length} bytes in ${((Date.now() - started) / 1000).toFixed(1)} s`);
