import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseUnifiedDiff } from '../src/action/changedLines.js';
import { runCompositeAction, workflowCommands, type ActionRun } from './actionRunner.js';
import { expectValidSarif } from './sarifValidator.js';
import { FIXTURES, PROJECT, runCli, scratchFolder } from './support.js';

/**
 * The GitHub Action run the way the runner runs it (test/actionRunner.ts): action.yml's steps with
 * their inputs, the committed bundle in action-dist/, the runner's output and summary files, the
 * annotations it reads from the log, and code scanning's upload step stubbed.
 */
const UPLOAD = 'github/codeql-action/upload-sarif@v4';
const MAGNET = 'movie_lottery/utils/magnet_search.py';

function git(cwd: string, ...args: string[]): string {
  const run = spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
  return run.stdout.trim();
}

/** A checkout of the incident app: one commit without the leak, HEAD adding it (a pull request's merge). */
function workspaceWithLeakAdded(): { workspace: string; base: string; event: string } {
  const workspace = scratchFolder('importleak-ws-');
  cpSync(path.join(FIXTURES, 'movie_lottery'), workspace, { recursive: true });
  const file = path.join(workspace, MAGNET);
  const leaking = readFileSync(file, 'utf8');
  writeFileSync(file, leaking.replace('_search_executor = ThreadPoolExecutor(max_workers=3)', '_search_executor = None'));
  git(workspace, 'init', '-q');
  git(workspace, 'add', '-A');
  git(workspace, 'commit', '-q', '-m', 'base');
  const base = git(workspace, 'rev-parse', 'HEAD');
  writeFileSync(file, leaking);
  git(workspace, 'commit', '-q', '-am', 'add the executor');
  const event = path.join(scratchFolder('importleak-event-'), 'event.json');
  writeFileSync(event, JSON.stringify({ pull_request: { number: 1, base: { sha: base } } }));
  return { workspace, base, event };
}

function runIn(workspace: string, inputs: Record<string, string> = {}, env: Record<string, string> = {}): ActionRun & { uploaded: string[] } {
  const uploaded: string[] = [];
  const run = runCompositeAction({
    actionDir: PROJECT,
    workspace,
    inputs,
    env,
    uses: {
      [UPLOAD]: (withs) => {
        uploaded.push(readFileSync(path.join(workspace, withs.sarif_file!), 'utf8'));
        return { outputs: { 'sarif-id': 'stub' } };
      },
    },
  });
  return { ...run, uploaded };
}

describe('action.yml', () => {
  let pr: ReturnType<typeof workspaceWithLeakAdded>;
  beforeAll(() => {
    pr = workspaceWithLeakAdded();
  });

  it('uploads the SARIF, writes the outputs and a summary with the chain as a Mermaid graph, and fails on the error', () => {
    const run = runIn(pr.workspace);
    expect(run.used).toEqual([{ uses: UPLOAD, with: { sarif_file: 'importleak.sarif', category: 'importleak' } }]);
    expect(run.uploaded).toHaveLength(1);
    const sarif = expectValidSarif(run.uploaded[0]!, 'action-default');
    expect(sarif.runs[0].automationDetails).toEqual({ id: 'importleak/' });
    expect(sarif.runs[0].results.map((r: { ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => [r.ruleId, r.locations[0]!.physicalLocation.artifactLocation.uri])).toEqual([['IL001', MAGNET]]);
    expect(run.outputs).toEqual({ 'sarif-file': 'importleak.sarif', findings: '1', errors: '1', 'new-findings': '1' });
    expect(run.exitCode).toBe(1);
    // With code scanning, the alerts are there: no annotations of our own.
    expect(run.annotations).toEqual([]);

    expect(run.summary).toContain('## importleak');
    expect(run.summary).toContain('| IL001 | Executor created at import time | 1 | 0 | 0 |');
    expect(run.summary).toContain('Deployment read: gunicorn');
    const mermaid = /```mermaid\n([\s\S]*?)\n```/.exec(run.summary)?.[1];
    expect(mermaid?.split('\n')).toEqual([
      'flowchart LR',
      '  n0(["movie_lottery.routes.api_routes<br>Flask blueprint #96;api_bp#96; with 3 routes"])',
      '  class n0 entry',
      '  n1["movie_lottery.utils.magnet_search"]',
      '  n2{{"IL001 ThreadPoolExecutor(max_workers=3)<br>movie_lottery/utils/magnet_search.py:11"}}',
      '  class n2 resource',
      '  n0 --> n1',
      '  n1 --> n2',
      '  classDef entry fill:#e8f0fe,stroke:#1a73e8',
      '  classDef resource fill:#fde8e8,stroke:#d93025',
    ]);
    // The chain, step by step, as in the text output.
    expect(run.summary).toContain('movie_lottery/routes/api_routes.py:5');
    expect(run.summary).toContain('`` from ..utils.magnet_search import get_search_status, start_background_search ``'.replace(/`` | ``/g, '`'));
  });

  it('without code scanning, annotates the errors on the lines the pull request changed', () => {
    const run = runIn(pr.workspace, { 'upload-sarif': 'false' }, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: pr.event });
    expect(run.used).toEqual([]);
    expect(run.annotations.map((a) => [a.level, a.properties.file, a.properties.line, a.properties.title])).toEqual([['error', MAGNET, '11', expect.stringMatching(/^IL001/)]]);
    expect(run.exitCode).toBe(1);
  });

  it('does not annotate an error on lines the pull request left alone', () => {
    const { workspace } = pr;
    const other = scratchFolder('importleak-ws-');
    cpSync(workspace, other, { recursive: true });
    writeFileSync(path.join(other, 'README.md'), 'a change elsewhere\n');
    git(other, 'add', 'README.md');
    git(other, 'commit', '-q', '-m', 'docs');
    const head = git(other, 'rev-parse', 'HEAD~1');
    const event = path.join(other, 'event.json');
    writeFileSync(event, JSON.stringify({ pull_request: { base: { sha: head } } }));
    const run = runIn(other, { 'upload-sarif': 'false' }, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event });
    expect(run.annotations).toEqual([]);
    expect(run.stdout).toContain('1 error(s) on lines this change does not touch');
    expect(run.exitCode).toBe(1);
  });

  it('with a baseline, counts and fails only on new findings', () => {
    const workspace = scratchFolder('importleak-ws-');
    cpSync(path.join(FIXTURES, 'movie_lottery'), workspace, { recursive: true });
    expect(runCli(['check', '.', '--write-baseline', 'importleak-baseline.json'], workspace).code).toBe(0);

    const accepted = runIn(workspace, { baseline: 'importleak-baseline.json', 'upload-sarif': 'false' });
    expect(accepted.outputs).toMatchObject({ findings: '1', errors: '0', 'new-findings': '0' });
    expect(accepted.exitCode).toBe(0);
    expect(accepted.summary).toContain('The baseline already lists 1 finding');

    // A new leak in a module the blueprint imports.
    const file = path.join(workspace, MAGNET);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n_poller = ThreadPoolExecutor(max_workers=2)\n`);
    const fresh = runIn(workspace, { baseline: 'importleak-baseline.json', 'upload-sarif': 'false' });
    expect(fresh.outputs).toMatchObject({ findings: '2', errors: '1', 'new-findings': '1' });
    expect(fresh.annotations.map((a) => a.message)).toEqual([expect.stringContaining('ThreadPoolExecutor(max_workers=2)')]);
    expect(fresh.exitCode).toBe(1);

    const never = runIn(workspace, { baseline: 'importleak-baseline.json', 'upload-sarif': 'false', 'fail-on': 'never' });
    expect(never.outputs['new-findings']).toBe('1');
    expect(never.exitCode).toBe(0);
  });

  it('scans a project in a subfolder with working-directory and paths, keeping paths relative to the repository', () => {
    const workspace = scratchFolder('importleak-ws-');
    cpSync(path.join(FIXTURES, 'movie_lottery'), path.join(workspace, 'services', 'lottery'), { recursive: true });
    const run = runIn(workspace, { 'working-directory': 'services/lottery', paths: 'movie_lottery', 'sarif-file': 'out/importleak.sarif', args: '--exclude "*_old.py"' });
    expect(run.outputs['sarif-file']).toBe('out/importleak.sarif');
    const sarif = expectValidSarif(run.uploaded[0]!, 'action-working-directory');
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(`services/lottery/${MAGNET}`);
    expect(run.exitCode).toBe(1);
  });

  it('refuses to write the SARIF through a folder the repository links outside the workspace', () => {
    const workspace = scratchFolder('importleak-ws-');
    cpSync(path.join(FIXTURES, 'movie_lottery'), workspace, { recursive: true });
    const elsewhere = scratchFolder('importleak-elsewhere-');
    symlinkSync(elsewhere, path.join(workspace, 'reports'));
    const run = runIn(workspace, { 'sarif-file': 'reports/importleak.sarif' });
    expect(run.annotations.map((a) => a.message)).toEqual([expect.stringMatching(/^input sarif-file: its folder leads outside the workspace/)]);
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(run.used).toEqual([]);
    expect(run.exitCode).toBe(2);
  });

  it('reports a bad input as an error annotation and fails with exit code 2', () => {
    const run = runIn(pr.workspace, { 'fail-on': 'sometimes' });
    expect(run.annotations.map((a) => [a.level, a.message])).toEqual([['error', 'input fail-on: expected error, warning, note or never, got "sometimes"']]);
    expect(run.exitCode).toBe(2);
  });

  it('keeps text quoted from the repository from being read as workflow commands', () => {
    const workspace = scratchFolder('importleak-ws-');
    cpSync(path.join(FIXTURES, 'movie_lottery'), workspace, { recursive: true });
    const file = path.join(workspace, MAGNET);
    writeFileSync(file, readFileSync(file, 'utf8').replace('ThreadPoolExecutor(max_workers=3)', 'ThreadPoolExecutor(max_workers=3, thread_name_prefix="""\n::error file=x.py::forged\n::add-mask::secret\n""")'));
    const run = runIn(workspace, { 'upload-sarif': 'false' });
    // One annotation, ours: its short message quotes the start of the call (test/formats.test.ts
    // escapes a forged command inside one); the text log, printed while workflow commands are
    // stopped, quotes the whole statement.
    expect(run.annotations.map((a) => a.properties.file)).toEqual([MAGNET]);
    expect(run.annotations[0]!.message).toBe(
      '`ThreadPoolExecutor(max_workers=3, threa…` creates a thread pool while `movie_lottery.utils.magnet_search` is imported, reached from the entry in `movie_lottery.routes.api_routes`. 3 gunicorn workers each create it: up to 9 threads.',
    );
    const log = /^::stop-commands::(\S+)\n([\s\S]*)^::\1::$/m.exec(run.stdout);
    expect(log?.[2]).toContain('::error file=x.py::forged');
  });

  it('reads workflow commands as the runner does: none while they are stopped', () => {
    expect(workflowCommands('::warning file=a.py::one\n::stop-commands::tok\n::error::hidden\n::tok::\n::notice::two\n').map((a) => a.message)).toEqual(['one', 'two']);
  });
});

describe('action-dist/', () => {
  it('is what the sources build today (the runner runs it as committed)', () => {
    const run = spawnSync(process.execPath, [path.join(PROJECT, 'scripts', 'build-action.mjs'), '--check'], { cwd: PROJECT, encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});

describe('the example workflow', () => {
  const example = readFileSync(path.join(PROJECT, 'examples', 'importleak.yml'), 'utf8');
  const readme = readFileSync(path.join(PROJECT, 'README.md'), 'utf8');

  it('is the workflow the README gives, and uses only inputs action.yml declares', () => {
    expect(readme).toContain(example.trim());
    const workflow = parse(example) as { jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, string> }> }> };
    const declared = Object.keys((parse(readFileSync(path.join(PROJECT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> }).inputs);
    const ours = Object.values(workflow.jobs).flatMap((job) => job.steps).filter((step) => step.uses?.startsWith('importleak/importleak@'));
    expect(ours).toHaveLength(1);
    for (const name of Object.keys(ours[0]!.with ?? {})) expect(declared).toContain(name);
  });
});

describe('changed lines from git diff --unified=0', () => {
  it('reads the added lines of each file, renames and quoted names included', () => {
    const diff = [
      'diff --git a/app.py b/app.py',
      '--- a/app.py',
      '+++ b/app.py',
      '@@ -3,0 +4,2 @@ def f():',
      '+x = 1',
      '+y = 2',
      '@@ -10 +12 @@',
      '-a',
      '+b',
      'diff --git a/gone.py b/gone.py',
      '--- a/gone.py',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-z',
      'diff --git "a/caf\\303\\251.py" "b/caf\\303\\251.py"',
      '--- "a/caf\\303\\251.py"',
      '+++ "b/caf\\303\\251.py"',
      '@@ -1 +1 @@',
      '-a',
      '+b',
    ].join('\n');
    expect(Object.fromEntries([...parseUnifiedDiff(diff)].map(([file, lines]) => [file, [...lines]]))).toEqual({ 'app.py': [4, 5, 12], 'café.py': [1] });
  });
});
