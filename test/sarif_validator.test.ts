import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT } from './support.js';
import { expectValidSarif, messageLinks, relativeUriProblem, SARIF_OUTPUT_DIR, SARIF_SCHEMA, validateSarif } from './sarifValidator.js';

/* The project's SARIF checker must pass a good log and catch each kind of broken one. */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function location(uri: string, line: number, extra: Json = {}): Json {
  return { physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region: { startLine: line, startColumn: 1, endLine: line, endColumn: 5 } }, ...extra };
}

/** A small log with everything importleak relies on: a rule, a result with links, related locations and a code flow. */
function goodLog(): Json {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'importleak',
            semanticVersion: '0.1.0',
            rules: [
              {
                id: 'IL001',
                name: 'executor-at-import',
                shortDescription: { text: 'Executor created at import time' },
                fullDescription: { text: 'A module-level statement creates a thread pool.' },
                help: { text: 'Create it on first use.', markdown: 'Create it on **first use**.' },
                defaultConfiguration: { level: 'error' },
                properties: { tags: ['reliability', 'import-time'], precision: 'high', 'problem.severity': 'error' },
              },
            ],
          },
        },
        automationDetails: { id: 'importleak/' },
        originalUriBaseIds: { '%SRCROOT%': { uri: 'file:///home/runner/work/app/' } },
        columnKind: 'utf16CodeUnits',
        results: [
          {
            ruleId: 'IL001',
            ruleIndex: 0,
            level: 'error',
            message: { text: '`pools\\[0\\] = ThreadPoolExecutor()` creates a thread pool. Entry: [routes/api.py:7](1). Created at [my%20app/pool.py:3](2).' },
            locations: [location('my%20app/pool.py', 3)],
            partialFingerprints: { primaryLocationLineHash: '3f2a9c1e:1' },
            relatedLocations: [
              { id: 1, ...location('routes/api.py', 7, { message: { text: 'entry: Flask blueprint' } }) },
              { id: 2, ...location('my%20app/pool.py', 3, { message: { text: 'created here' } }) },
            ],
            codeFlows: [
              {
                threadFlows: [
                  {
                    locations: [
                      { location: location('routes/api.py', 7), executionOrder: 1 },
                      { location: location('my%20app/pool.py', 3), executionOrder: 2 },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
  };
}

const checks = (log: Json): string[] => [...new Set(validateSarif(JSON.stringify(log)).map((p) => p.check))];

/** The good log changed by `change`, and the checks that must report it. */
const broken: Array<[string, (log: Json) => void, string[]]> = [
  ['no $schema', (log) => delete log.$schema, ['log-schema-uri']],
  ['another version', (log) => (log.version = '2.0.0'), ['log-version']],
  ['21 runs', (log) => (log.runs = Array.from({ length: 21 }, () => goodLog().runs[0])), ['limit-runs']],
  ['a tool without a name', (log) => (log.runs[0].tool.driver.name = ''), ['tool-name']],
  ['no rules array', (log) => delete log.runs[0].tool.driver.rules, ['rules-present']],
  ['no results array', (log) => delete log.runs[0].results, ['results-present']],
  ['a level the schema does not know', (log) => (log.runs[0].results[0].level = 'fatal'), ['schema']],
  ['a rule without a full description', (log) => delete log.runs[0].tool.driver.rules[0].fullDescription, ['rule-full-description']],
  ['a full description over 1024 characters', (log) => (log.runs[0].tool.driver.rules[0].fullDescription.text = 'x'.repeat(1025)), ['rule-full-description']],
  ['a rule without help', (log) => delete log.runs[0].tool.driver.rules[0].help, ['rule-help']],
  ['a rule without a short description', (log) => delete log.runs[0].tool.driver.rules[0].shortDescription, ['rule-short-description']],
  ['21 tags', (log) => (log.runs[0].tool.driver.rules[0].properties.tags = Array.from({ length: 21 }, (_, i) => `t${i}`)), ['limit-tags']],
  ['a tag that is not a string', (log) => (log.runs[0].tool.driver.rules[0].properties.tags = ['ok', 3]), ['rule-tags']],
  ['an unknown precision', (log) => (log.runs[0].tool.driver.rules[0].properties.precision = 'perfect'), ['rule-precision']],
  ['an unknown problem.severity', (log) => (log.runs[0].tool.driver.rules[0].properties['problem.severity'] = 'fatal'), ['rule-problem-severity']],
  ['a result naming no rule', (log) => (log.runs[0].results[0].ruleId = 'IL999'), ['result-rule-id']],
  ['a ruleIndex pointing elsewhere', (log) => (log.runs[0].results[0].ruleIndex = 3), ['result-rule-index']],
  ['an empty message', (log) => (log.runs[0].results[0].message.text = ''), ['result-message']],
  ['no location', (log) => (log.runs[0].results[0].locations = []), ['result-location']],
  ['no fingerprint', (log) => delete log.runs[0].results[0].partialFingerprints, ['result-fingerprint']],
  ['a link to a related location that does not exist', (log) => (log.runs[0].results[0].message.text += ' See [there](7).'), ['message-link']],
  ['a literal bracket left unescaped', (log) => (log.runs[0].results[0].message.text = '`pools[0] = ThreadPoolExecutor()` creates a thread pool.'), ['message-escape']],
  ['two related locations with one id', (log) => (log.runs[0].results[0].relatedLocations[1].id = 1), ['related-location-id']],
  ['an absolute uri', (log) => (log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = '/home/runner/work/app/pool.py'), ['location-uri']],
  ['a file: uri', (log) => (log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'file:///home/runner/work/app/pool.py'), ['location-uri']],
  ['a uri climbing out', (log) => (log.runs[0].results[0].relatedLocations[0].physicalLocation.artifactLocation.uri = 'routes/../../api.py'), ['location-uri']],
  ['a uri with a space', (log) => (log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'my app/pool.py'), ['location-uri']],
  ['a uri base nobody defines', (log) => (log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uriBaseId = 'PROJECT'), ['location-uri-base']],
  ['a base uri without a trailing slash', (log) => (log.runs[0].originalUriBaseIds['%SRCROOT%'].uri = 'file:///home/runner/work/app'), ['uri-base-id']],
  ['an end line before the start line', (log) => (log.runs[0].results[0].locations[0].physicalLocation.region.endLine = 2), ['location-region']],
  ['an empty code flow list', (log) => (log.runs[0].results[0].codeFlows = []), ['code-flow']],
  ['a thread-flow step by index', (log) => (log.runs[0].results[0].codeFlows[0].threadFlows[0].locations[0] = { index: 0 }), ['code-flow']],
  ['a category without "/"', (log) => (log.runs[0].automationDetails.id = 'importleak'), ['automation-id']],
  ['two runs of one tool with one category', (log) => log.runs.push(goodLog().runs[0]), ['run-category-unique']],
  [
    '1,001 related locations',
    (log) => (log.runs[0].results[0].relatedLocations = Array.from({ length: 1001 }, (_, i) => ({ id: i + 1, ...location('routes/api.py', 7) }))),
    ['limit-locations'],
  ],
  [
    '10,001 thread-flow locations',
    (log) => (log.runs[0].results[0].codeFlows[0].threadFlows[0].locations = Array.from({ length: 10_001 }, () => ({ location: location('routes/api.py', 7) }))),
    ['limit-thread-flow-locations'],
  ],
];

describe('test/sarifValidator.ts', () => {
  it('passes a good log', () => {
    expect(validateSarif(JSON.stringify(goodLog(), null, 2))).toEqual([]);
  });

  it.each(broken)('reports %s', (_name, change, expected) => {
    const log = goodLog();
    change(log);
    const found = checks(log);
    for (const check of expected) expect(found).toContain(check);
  });

  it('reports text that is not JSON, and a byte-order mark', () => {
    expect(validateSarif('{"version": "2.1.0",').map((p) => p.check)).toEqual(['json']);
    expect(validateSarif(`\uFEFF${JSON.stringify(goodLog())}`).map((p) => p.check)).toEqual(['encoding']);
  });

  it('reports more than 25,000 results in a run', () => {
    const log = goodLog();
    const one = log.runs[0].results[0];
    log.runs[0].results = Array.from({ length: 25_001 }, (_, i) => ({ ...one, partialFingerprints: { primaryLocationLineHash: `${i.toString(16)}:1` } }));
    expect(checks(log)).toEqual(['limit-results']);
  });

  it('reports two results of one rule, file and line hash: GitHub shows them as one alert', () => {
    const log = goodLog();
    const one = log.runs[0].results[0];
    log.runs[0].results = [one, { ...one, message: { text: 'Another resource on the same line.' } }];
    expect(checks(log)).toEqual(['result-duplicate']);
    log.runs[0].results[1] = { ...one, partialFingerprints: { primaryLocationLineHash: 'ffff:1' } };
    expect(checks(log)).toEqual([]);
  });

  it('reads embedded links the way SARIF §3.11.6 writes them', () => {
    expect(messageLinks('Entry: [a.py:7](1). Created at [b\\[1\\].py:3](2).')).toEqual({
      links: [
        { text: 'a.py:7', id: 1 },
        { text: 'b\\[1\\].py:3', id: 2 },
      ],
      unescaped: [],
    });
    expect(messageLinks('x\\[0\\](1) is no link')).toEqual({ links: [], unescaped: [] });
    expect(messageLinks('x[0] and y]')).toEqual({ links: [], unescaped: [1, 3, 10] });
  });

  it('tells relative, encoded paths from the rest', () => {
    expect(relativeUriProblem('pkg/my%20app.py')).toBeUndefined();
    for (const bad of ['/abs/x.py', 'file:///x.py', 'https://example.com/x.py', './x.py', 'a/../../x.py', 'a\\x.py', 'my app.py', 'x#1.py', 'é.py']) {
      expect(relativeUriProblem(bad), bad).toBeDefined();
    }
  });

  it('saves what it checks under test-results/sarif/ and fails on a broken log', () => {
    const file = path.join(SARIF_OUTPUT_DIR, 'sarif-validator-good.sarif');
    rmSync(file, { force: true });
    expectValidSarif(JSON.stringify(goodLog()), 'sarif-validator-good');
    expect(existsSync(file)).toBe(true);
    const bad = goodLog();
    delete bad.runs[0].results[0].partialFingerprints;
    expect(() => expectValidSarif(JSON.stringify(bad), 'sarif-validator-bad')).toThrow(/sarif-validator-bad\.sarif/);
    rmSync(path.join(SARIF_OUTPUT_DIR, 'sarif-validator-bad.sarif'), { force: true });
  });

  it('uses the schema schemas/README.md describes, unchanged', () => {
    const readme = readFileSync(path.join(PROJECT, 'schemas', 'README.md'), 'utf8');
    const recorded = /sha256 \| `([0-9a-f]{64})`/.exec(readme)?.[1];
    expect(recorded).toBeDefined();
    expect(createHash('sha256').update(readFileSync(SARIF_SCHEMA)).digest('hex')).toBe(recorded);
  });
});
