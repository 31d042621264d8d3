import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding, Level, RelatedLocation } from '../src/check/findings.js';
import { pathDisplay } from '../src/report/paths.js';
import { escapeMessageText, renderSarif, SARIF_LIMITS } from '../src/report/sarif.js';
import { MAX_CHAIN_STEPS } from '../src/report/neutralise.js';
import { loadRules } from '../src/rules/rules.js';
import { expectValidSarif, messageLinks } from './sarifValidator.js';
import { FIXTURES, runCli, scratchFolder, writeProject } from './support.js';

/**
 * What the SARIF output gives GitHub's alert page beyond the schema: links from the message to the
 * entry and the creation site, the category, fingerprints that survive moved lines, and GitHub's
 * limits. Every log produced here also passes test/sarifValidator.ts and is saved for CI.
 */

const MAGNET = 'movie_lottery/utils/magnet_search.py';

describe('SARIF messages', () => {
  it('link the entry and the creation site to related locations', () => {
    const run = runCli(['check', 'fixtures/movie_lottery', '--format', 'sarif']);
    expect(run.code).toBe(1);
    const result = expectValidSarif(run.stdout, 'movie_lottery-links').runs[0].results[0];
    expect(result.message.text).toBe(
      '`ThreadPoolExecutor(max_workers=3)` creates a thread pool while `movie_lottery.utils.magnet_search` is imported, reached from the entry in `movie_lottery.routes.api_routes`. 3 gunicorn workers each create it: up to 9 threads. Entry: [routes/api_routes.py:7](1). Created at [utils/magnet_search.py:11](2).',
    );
    // The cost and the deployment are properties of the result; the fix is the rule's help.
    expect(result.properties.cost).toBe('It starts no thread until its first `submit()`; from then on up to 3 threads live for the life of each process that imported it.');
    expect(result.properties.deployment).toBe('3 gunicorn workers (gunicorn.conf.py:4) each create this thread pool: up to 9 threads in all.');
    expect(messageLinks(result.message.text).links.map((l) => l.id)).toEqual([1, 2]);
    expect(
      result.relatedLocations.map((r: { id: number; physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }) => [
        r.id,
        r.physicalLocation.artifactLocation.uri,
        r.physicalLocation.region.startLine,
      ]),
    ).toEqual([
      [1, 'fixtures/movie_lottery/movie_lottery/routes/api_routes.py', 7],
      [2, `fixtures/movie_lottery/${MAGNET}`, 11],
    ]);
  });

  it('escape the brackets that come from the analyzed source, so only importleak links are links', () => {
    const root = writeProject({
      'app.py': 'from flask import Flask\n\nimport pool\n\napp = Flask(__name__)\n',
      'pool.py': 'from concurrent.futures import ThreadPoolExecutor\n\nSIZES = {"pool": 4}\nexecutor = ThreadPoolExecutor(max_workers=SIZES["pool"], thread_name_prefix="w[0](1)")\n',
    });
    const run = runCli(['check', '.', '--format', 'sarif'], root);
    expect(run.code).toBe(1);
    const result = expectValidSarif(run.stdout, 'brackets').runs[0].results[0];
    expect(result.message.text).toContain('`ThreadPoolExecutor(max_workers=SIZES\\["pool"\\], thread_name_prefix="w\\[0\\](1)")`');
    expect(messageLinks(result.message.text)).toEqual({
      links: [
        { text: 'app.py:5', id: 1 },
        { text: 'pool.py:4', id: 2 },
      ],
      unescaped: [],
    });
    expect(result.relatedLocations[1].message.text).toBe('created here: executor = ThreadPoolExecutor(max_workers=SIZES\\["pool"\\], thread_name_prefix="w\\[0\\](1)")');
  });

  it('escape a backslash before a bracket too', () => {
    const escaped = escapeMessageText('re.compile(r"\\[x]") and a\\b');
    expect(escaped).toBe('re.compile(r"\\\\\\[x\\]") and a\\b');
    expect(messageLinks(escaped)).toEqual({ links: [], unescaped: [] });
  });
});

describe('check --category', () => {
  const automation = (args: string[]) => JSON.parse(runCli(['check', 'fixtures/movie_lottery', '--format', 'sarif', ...args]).stdout).runs[0].automationDetails;

  it('writes automationDetails.id as "<category>/", and nothing without it', () => {
    const run = runCli(['check', 'fixtures/movie_lottery', '--format', 'sarif', '--category', 'importleak']);
    expect(expectValidSarif(run.stdout, 'movie_lottery-category').runs[0].automationDetails).toEqual({ id: 'importleak/' });
    expect(automation(['--category', 'importleak/backend/'])).toEqual({ id: 'importleak/backend/' });
    expect(automation([])).toBeUndefined();
  });

  it('refuses an empty category', () => {
    const run = runCli(['check', 'fixtures/movie_lottery', '--format', 'sarif', '--category', '/']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('expected a category name');
  });
});

describe('partialFingerprints', () => {
  it('make one result of the findings GitHub would show as one alert: one rule, one line, and a path for each', () => {
    // plane's celery.py: `ri = redis_instance()` makes one of two Redis clients, on the branches of an `if`.
    const root = writeProject({
      'app.py': 'from flask import Flask\nfrom clients import redis_instance\n\nri = redis_instance()\napp = Flask(__name__)\n',
      'clients.py': [
        'import os',
        'import redis',
        '',
        'SSL = os.environ.get("REDIS_SSL") == "1"',
        '',
        'def redis_instance():',
        '    if SSL:',
        '        return redis.Redis(host="cache", ssl=True)',
        '    else:',
        '        return redis.Redis.from_url("redis://cache")',
        '',
      ].join('\n'),
    });
    const json = runCli(['check', '.', '--format', 'json'], root);
    const findings = JSON.parse(json.stdout).findings.map((f: { rule: string; path: string; line: number }) => `${f.rule} ${f.path}:${f.line}`);
    expect(findings).toEqual(['IL004 app.py:4', 'IL004 app.py:4']);
    const run = runCli(['check', '.', '--format', 'sarif'], root);
    expect(run.code).toBe(1);
    const results = expectValidSarif(run.stdout, 'same-alert').runs[0].results;
    expect(results).toHaveLength(1);
    const [result] = results;
    expect(result.message.text).toContain('And 1 more from this line, with its own path: `redis.Redis.from_url("redis://cache")`.');
    // Both creation sites are related locations, and each client's chain is a code flow.
    const lines = (r: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }) => `${r.physicalLocation.artifactLocation.uri}:${r.physicalLocation.region.startLine}`;
    expect(result.relatedLocations.map(lines)).toEqual(expect.arrayContaining(['clients.py:8', 'clients.py:10']));
    expect(result.codeFlows.map((flow: { threadFlows: Array<{ locations: Array<{ location: Parameters<typeof lines>[0] }> }> }) => flow.threadFlows[0]!.locations.map((l) => lines(l.location)).at(-1))).toEqual(['clients.py:8', 'clients.py:10']);
  });

  it('do not move when unrelated lines are added above the finding, and do when its line changes', () => {
    const root = scratchFolder('importleak-fingerprint-');
    cpSync(path.join(FIXTURES, 'movie_lottery'), root, { recursive: true });
    const file = path.join(root, MAGNET);
    const check = (name: string): { line: number; hash: string } => {
      const run = runCli(['check', '.', '--format', 'sarif'], root);
      expect(run.code).toBe(1);
      const results = expectValidSarif(run.stdout, name).runs[0].results;
      const result = results.find((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => r.locations[0]!.physicalLocation.artifactLocation.uri === MAGNET);
      return { line: result.locations[0].physicalLocation.region.startLine, hash: result.partialFingerprints.primaryLocationLineHash };
    };

    const before = check('fingerprint-before');
    expect(before.line).toBe(11);
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines[10]).toBe('_search_executor = ThreadPoolExecutor(max_workers=3)');
    const added = ['# Unrelated lines, added above the finding.', '', '', 'def unrelated(value):', '    """Has nothing to do with the executor."""', '    return value * 2', ''];
    lines.splice(9, 0, ...added);
    writeFileSync(file, lines.join('\n'));
    const after = check('fingerprint-after');
    expect(after.line).toBe(11 + added.length);
    expect(after.hash).toBe(before.hash);

    // The same check can fail: change the statement itself and the fingerprint changes.
    writeFileSync(file, readFileSync(file, 'utf8').replace('ThreadPoolExecutor(max_workers=3)', 'ThreadPoolExecutor(max_workers=4)'));
    expect(check('fingerprint-changed').hash).not.toBe(before.hash);
  });
});

describe("GitHub's limits", () => {
  const rules = loadRules();
  const paths = pathDisplay('/home/runner/work/project', '/home/runner/work/project');
  const finding = (i: number, level: Level, extra: Partial<Finding> = {}): Finding => ({
    ruleId: 'IL001',
    level,
    path: `pkg/m${i}.py`,
    span: { line: 3, column: 8, endLine: 3, endColumn: 28 },
    module: `pkg.m${i}`,
    message: `\`ThreadPoolExecutor()\` creates a thread pool while \`pkg.m${i}\` is imported.`,
    resource: { callee: 'concurrent.futures.ThreadPoolExecutor', text: 'ThreadPoolExecutor()', statement: 'pool = ThreadPoolExecutor()' },
    reach: { kind: 'unreached' },
    related: [],
    lineHash: `${(i + 1).toString(16)}:1`,
    ...extra,
  });
  const render = (findings: Finding[]) => renderSarif({ version: '0.0.0', rules, findings, diagnostics: [], paths });
  const notes = (run: { invocations: Array<{ toolExecutionNotifications: Array<{ level: string; descriptor: { id: string }; message: { text: string } }> }> }) =>
    run.invocations[0]!.toolExecutionNotifications.filter((n) => n.descriptor.id === 'sarif-limits');

  it('keep at most 25,000 results per run, the highest levels first, and say what was cut', () => {
    // 10 errors and 15 warnings after 24,985 notes: 10 notes must go, no error or warning.
    const findings = [
      ...Array.from({ length: 24_985 }, (_, i) => finding(i, 'note')),
      ...Array.from({ length: 15 }, (_, i) => finding(30_000 + i, 'warning')),
      ...Array.from({ length: 10 }, (_, i) => finding(40_000 + i, 'error')),
    ];
    const run = expectValidSarif(render(findings), 'limits-results').runs[0];
    expect(run.results).toHaveLength(SARIF_LIMITS.resultsPerRun);
    const levels = run.results.map((r: { level: string }) => r.level);
    expect(levels.filter((l: string) => l === 'error')).toHaveLength(10);
    expect(levels.filter((l: string) => l === 'warning')).toHaveLength(15);
    // In their original order: the notes kept are the first ones.
    expect(run.results[24_974].locations[0].physicalLocation.artifactLocation.uri).toBe('pkg/m24974.py');
    expect(run.results[24_975].locations[0].physicalLocation.artifactLocation.uri).toBe('pkg/m30000.py');
    expect(notes(run)).toEqual([expect.objectContaining({ level: 'note', message: { text: expect.stringContaining('10 results left out (10 note;') } })]);
    expect(run.properties).toEqual({ truncated: { results: 10, relatedLocations: 0, threadFlowLocations: 0 } });
  });

  it('keep at most 1,000 related locations per result, the linked ones first', () => {
    const calls: RelatedLocation[] = Array.from({ length: 1_004 }, (_, i) => ({
      path: 'pkg/helpers.py',
      span: { line: i + 1, column: 1, endLine: i + 1, endColumn: 5 },
      message: `calls helper${i}(): helper${i}()`,
    }));
    const entry: RelatedLocation = { path: 'pkg/app.py', span: { line: 2, column: 1, endLine: 2, endColumn: 1 }, message: 'entry: Flask app `app`' };
    // 1,004 calls, then the entry, then the creation site added for the link: 1,006.
    const run = expectValidSarif(render([finding(0, 'error', { related: [...calls, entry] })]), 'limits-related').runs[0];
    const result = run.results[0];
    expect(result.relatedLocations).toHaveLength(SARIF_LIMITS.locationsPerResult);
    expect(result.message.text).toMatch(/Entry: \[pkg\/app\.py:2\]\(999\)\. Created at \[pkg\/m0\.py:3\]\(1000\)\.$/);
    expect(notes(run)[0]!.message.text).toContain('6 related locations left out');
    expect(run.properties.truncated).toEqual({ results: 0, relatedLocations: 6, threadFlowLocations: 0 });
  });

  it("keep far fewer thread-flow locations per result than GitHub's 10,000: the first 10 and the last 10 steps of a long chain", () => {
    const callPath: RelatedLocation[] = Array.from({ length: 10_005 }, (_, i) => ({
      path: 'pkg/deep.py',
      span: { line: i + 1, column: 5, endLine: i + 1, endColumn: 9 },
      message: `calls f${i}(): f${i}()`,
    }));
    // The resource step, then 10,005 calls: 10,006 steps, of which the code flow keeps 20.
    const run = expectValidSarif(render([finding(0, 'warning', { callPath })]), 'limits-thread-flow').runs[0];
    const steps = run.results[0].codeFlows[0].threadFlows[0].locations;
    expect(steps).toHaveLength(MAX_CHAIN_STEPS);
    expect(MAX_CHAIN_STEPS).toBeLessThan(SARIF_LIMITS.threadFlowLocationsPerResult);
    // executionOrder shows the gap.
    expect(steps[9].executionOrder).toBe(10);
    expect(steps[10].executionOrder).toBe(9_997);
    expect(steps[19].executionOrder).toBe(10_006);
    expect(steps[19].location.physicalLocation.region.startLine).toBe(10_005);
    expect(notes(run)[0]!.message.text).toContain('9986 import-chain steps left out of code flows (at most 20 per result: the first 10 and the last 10)');
    expect(run.properties.truncated).toEqual({ results: 0, relatedLocations: 0, threadFlowLocations: 9_986 });
  });

  it('tell the other findings of one alert within the message limit, or leave them to the paths', () => {
    const long = (i: number) => `\`${'x'.repeat(200)}\` creates a thread pool while \`pkg.m${i}\` is imported.`;
    const group = (message: (i: number) => string, count: number) =>
      Array.from({ length: count }, (_, i) => finding(0, 'error', { message: message(i), resource: { callee: 'concurrent.futures.ThreadPoolExecutor', text: `ThreadPoolExecutor(${i})`, statement: 'pool = make()' }, lineHash: 'abc:1' }));
    const short = expectValidSarif(render(group((i) => `\`make()\` creates a thread pool (${i}).`, 3)), 'same-alert-short').runs[0].results;
    expect(short).toHaveLength(1);
    expect(short[0].message.text).toBe('`make()` creates a thread pool (0). And 2 more from this line, with their own paths: `ThreadPoolExecutor(1)`, `ThreadPoolExecutor(2)`.');
    const longer = expectValidSarif(render(group(long, 2)), 'same-alert-long').runs[0].results;
    expect(longer).toHaveLength(1);
    expect(longer[0].message.text.length).toBeLessThanOrEqual(320);
    expect(longer[0].message.text).toMatch(/ And 1 more from this line, with its own path\.$/);
  });

  it('add no note when nothing is cut', () => {
    const run = expectValidSarif(render([finding(0, 'error'), finding(1, 'note')]), 'limits-none').runs[0];
    expect(run.results).toHaveLength(2);
    expect(notes(run)).toEqual([]);
    expect(run.properties).toBeUndefined();
  });
});
