#!/usr/bin/env node
// CI only: the team's shared yardsticks beside the checkout (../shared), run when they exist.
// The project's own tests never reach outside the repository; this adds a second opinion:
//   - ../shared/action/validate-action.mjs on action.yml;
//   - ../shared/action/run-action.mjs: the action on the incident fixture, the upload stubbed;
//   - ../shared/sarif/validate-sarif.mjs on every SARIF the tests wrote to test-results/sarif/.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '..', 'shared');
let failed = 0;
const node = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status;

if (!existsSync(shared)) {
  console.log('shared-checks: no ../shared beside the checkout; skipped');
  process.exit(0);
}
if (existsSync(path.join(shared, 'action', 'validate-action.mjs'))) {
  if (node([path.join(shared, 'action', 'validate-action.mjs'), 'action.yml']) !== 0) failed++;
}
if (existsSync(path.join(shared, 'action', 'run-action.mjs'))) {
  const { runAction } = await import(pathToFileURL(path.join(shared, 'action', 'run-action.mjs')).href);
  const workspace = mkdtempSync(path.join(tmpdir(), 'importleak-ci-'));
  cpSync(path.join(root, 'fixtures', 'movie_lottery'), workspace, { recursive: true });
  const uploads = [];
  const run = runAction({
    actionDir: root,
    workspace,
    inputs: {},
    uses: { 'github/codeql-action/upload-sarif@v4': (step) => (uploads.push(step), { outputs: {}, exitCode: 0 }) },
  });
  const want = { 'sarif-file': 'importleak.sarif', findings: '1', errors: '1', 'new-findings': '1' };
  const ok = run.exitCode === 1 && uploads.length === 1 && JSON.stringify(run.outputs) === JSON.stringify(want) && run.summary.includes('```mermaid');
  console.log(`run-action on fixtures/movie_lottery: exit ${run.exitCode}, outputs ${JSON.stringify(run.outputs)}, ${uploads.length} upload(s): ${ok ? 'as expected' : 'NOT as expected'}`);
  if (!ok) failed++;
}
const sarifFolder = path.join(root, 'test-results', 'sarif');
if (existsSync(path.join(shared, 'sarif', 'validate-sarif.mjs')) && existsSync(sarifFolder)) {
  const files = readdirSync(sarifFolder).filter((f) => f.endsWith('.sarif')).map((f) => path.join(sarifFolder, f));
  if (!files.length) {
    console.log('shared-checks: the tests wrote no SARIF to test-results/sarif/');
    failed++;
  } else if (node([path.join(shared, 'sarif', 'validate-sarif.mjs'), ...files]) !== 0) failed++;
}
console.log(failed ? `shared-checks: ${failed} check(s) failed` : 'shared-checks: all passed');
process.exit(failed ? 1 : 0);
