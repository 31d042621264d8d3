import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule, { type FormatsPlugin } from 'ajv-formats';
import { expect } from 'vitest';

/**
 * The project's own SARIF check, a test tool: the OASIS SARIF 2.1.0 schema (schemas/, see its
 * README) validated with Ajv, then the GitHub code-scanning rules importleak relies on, each
 * reported as `{ check, path, message }` under a check name of its own. Sources: GitHub Docs
 * "SARIF support for code scanning" and its limits table, and what `upload-sarif` does.
 */
export interface SarifProblem {
  check: string;
  /** Where in the log, e.g. `runs[0].results[3].ruleId`. */
  path: string;
  message: string;
}

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SARIF_SCHEMA = path.join(PROJECT, 'schemas', 'sarif-schema-2.1.0.json');
/** Where `expectValidSarif` saves what the tests produce, for .ci/run to check again. */
export const SARIF_OUTPUT_DIR = path.join(PROJECT, 'test-results', 'sarif');

/** GitHub's limits ("SARIF results exceed one or more limits"). */
export const GITHUB_LIMITS = {
  runsPerFile: 20,
  rulesPerRun: 25_000,
  resultsPerRun: 25_000,
  locationsPerResult: 1_000,
  threadFlowLocationsPerResult: 10_000,
  tagsPerRule: 20,
  descriptionLength: 1024,
  ruleNameLength: 255,
} as const;

const LEVELS = new Set(['none', 'note', 'warning', 'error']);
const PRECISIONS = new Set(['very-high', 'high', 'medium', 'low']);
const PROBLEM_SEVERITIES = new Set(['error', 'warning', 'recommendation']);

// ajv-formats is CommonJS: its default export is the module itself, the plugin, or has it as `default`.
const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ?? addFormatsModule) as unknown as FormatsPlugin;

let compiled: ValidateFunction | undefined;

/**
 * The schema is draft-04 (`$schema` draft-04, `id`); Ajv 8 reads draft-07. Dropping `$schema`
 * and renaming `id` to `$id` is exact as long as the schema uses no keyword whose meaning
 * changed in between: boolean `exclusiveMinimum`/`exclusiveMaximum` would be one, so refuse them.
 */
function schemaValidator(): ValidateFunction {
  if (compiled) return compiled;
  const schema = JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')) as Record<string, unknown>;
  const walk = (node: unknown, where: string): void => {
    if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${where}[${i}]`));
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'exclusiveMinimum' || key === 'exclusiveMaximum') && typeof value === 'boolean') {
          throw new Error(`${SARIF_SCHEMA}: draft-04 boolean ${key} at ${where}: reading it as draft-07 would change its meaning`);
        }
        walk(value, `${where}.${key}`);
      }
    }
  };
  walk(schema, '$');
  const { $schema: _draft, id, ...rest } = schema;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  if (typeof id !== 'string') throw new Error(`${SARIF_SCHEMA}: no id`);
  const validate = ajv.compile({ $id: id, ...rest });
  compiled = validate;
  return validate;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** Validates a SARIF file's text; an empty list means it passes. */
export function validateSarif(text: string): SarifProblem[] {
  const problems: SarifProblem[] = [];
  const report = (check: string, where: string, message: string): void => {
    problems.push({ check, path: where, message });
  };

  if (text.charCodeAt(0) === 0xfeff) report('encoding', '$', 'starts with a byte-order mark; upload-sarif reads the file with JSON.parse');
  let log: unknown;
  try {
    log = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    report('json', '$', `not JSON: ${(error as Error).message}`);
    return problems;
  }

  const validate = schemaValidator();
  if (!validate(log)) {
    for (const error of validate.errors ?? []) {
      report('schema', error.instancePath || '$', `${error.message ?? 'invalid'}${error.params ? ` ${JSON.stringify(error.params)}` : ''}`);
    }
  }
  if (!isObject(log)) return problems;

  if (!isText(log.$schema)) report('log-schema-uri', '$schema', 'missing: GitHub requires $schema');
  if (log.version !== '2.1.0') report('log-version', 'version', `is ${JSON.stringify(log.version)}; code scanning reads only "2.1.0"`);
  const runs = Array.isArray(log.runs) ? log.runs : [];
  if (runs.length > GITHUB_LIMITS.runsPerFile) report('limit-runs', 'runs', `${runs.length} runs; GitHub accepts at most ${GITHUB_LIMITS.runsPerFile} per file`);
  const categories = new Map<string, number>();
  runs.forEach((run, i) => {
    if (!isObject(run)) return;
    checkRun(run, `runs[${i}]`, report);
    // GitHub rejects two runs of one tool with the same category in one upload.
    const driver = isObject(run.tool) && isObject(run.tool.driver) ? run.tool.driver : {};
    const id = isObject(run.automationDetails) && typeof run.automationDetails.id === 'string' ? run.automationDetails.id : '';
    const key = JSON.stringify([driver.name, id.slice(0, Math.max(0, id.lastIndexOf('/')))]);
    const first = categories.get(key);
    if (first === undefined) categories.set(key, i);
    else report('run-category-unique', `runs[${i}].automationDetails`, `same tool and category as runs[${first}]: GitHub rejects several runs with one category`);
  });
  return problems;
}

type Report = (check: string, where: string, message: string) => void;

function checkRun(run: Record<string, unknown>, at: string, report: Report): void {
  const driver = isObject(run.tool) && isObject(run.tool.driver) ? run.tool.driver : {};
  if (!isText(driver.name)) report('tool-name', `${at}.tool.driver.name`, 'missing or empty');

  const rules = Array.isArray(driver.rules) ? (driver.rules as unknown[]) : undefined;
  if (!rules) report('rules-present', `${at}.tool.driver.rules`, 'missing: GitHub requires the rules array');
  else if (rules.length > GITHUB_LIMITS.rulesPerRun) report('limit-rules', `${at}.tool.driver.rules`, `${rules.length} rules; at most ${GITHUB_LIMITS.rulesPerRun}`);
  const ruleIds: unknown[] = [];
  (rules ?? []).forEach((rule, i) => {
    const where = `${at}.tool.driver.rules[${i}]`;
    if (!isObject(rule)) return;
    ruleIds.push(rule.id);
    checkRule(rule, where, report);
    if (isText(rule.id) && ruleIds.indexOf(rule.id) !== ruleIds.length - 1) report('rule-id-unique', `${where}.id`, `${JSON.stringify(rule.id)} is used by an earlier rule`);
  });

  const automation = run.automationDetails;
  if (isObject(automation) && automation.id !== undefined) {
    const id = automation.id;
    if (typeof id !== 'string' || !id.includes('/') || id.slice(0, id.lastIndexOf('/')) === '') {
      report('automation-id', `${at}.automationDetails.id`, `${JSON.stringify(id)} is not "category/" or "category/run-id": GitHub takes the category from before the last "/"`);
    }
  }

  const bases = isObject(run.originalUriBaseIds) ? run.originalUriBaseIds : {};
  for (const [key, base] of Object.entries(bases)) {
    if (isObject(base) && typeof base.uri === 'string' && !base.uri.endsWith('/')) {
      report('uri-base-id', `${at}.originalUriBaseIds.${key}.uri`, `${JSON.stringify(base.uri)} does not end with "/" (SARIF §3.14.14)`);
    }
  }
  const checkLocation = (location: unknown, where: string): void => checkPhysicalLocation(location, where, bases, report);

  if (!Array.isArray(run.results)) {
    report('results-present', `${at}.results`, "missing: upload-sarif rejects a run without a results array (\"Invalid SARIF. Missing 'results' array in run.\")");
    return;
  }
  const results = run.results as unknown[];
  if (results.length > GITHUB_LIMITS.resultsPerRun) report('limit-results', `${at}.results`, `${results.length} results; GitHub accepts at most ${GITHUB_LIMITS.resultsPerRun} per run`);
  if (results.length > 0 && run.columnKind === undefined) report('run-column-kind', `${at}.columnKind`, 'results carry columns but the run does not say how they are counted');

  // GitHub makes one alert of the results of one rule, file and line hash: one of them is lost.
  const alerts = new Map<string, number>();
  results.forEach((result, i) => {
    if (!isObject(result)) return;
    checkResult(result, `${at}.results[${i}]`, rules ?? [], checkLocation, report);
    const location = Array.isArray(result.locations) && isObject(result.locations[0]) ? result.locations[0] : undefined;
    const physical = location && isObject(location.physicalLocation) ? location.physicalLocation : undefined;
    const uri = physical && isObject(physical.artifactLocation) ? physical.artifactLocation.uri : undefined;
    const hash = isObject(result.partialFingerprints) ? result.partialFingerprints.primaryLocationLineHash : undefined;
    if (!isText(uri) || !isText(hash)) return;
    const key = JSON.stringify([result.ruleId, uri, hash]);
    const first = alerts.get(key);
    if (first === undefined) alerts.set(key, i);
    else report('result-duplicate', `${at}.results[${i}]`, `same ruleId, file and primaryLocationLineHash as results[${first}]: GitHub shows them as one alert`);
  });

  const invocations = Array.isArray(run.invocations) ? run.invocations : [];
  invocations.forEach((invocation, i) => {
    if (!isObject(invocation) || !Array.isArray(invocation.toolExecutionNotifications)) return;
    invocation.toolExecutionNotifications.forEach((notification: unknown, j: number) => {
      const where = `${at}.invocations[${i}].toolExecutionNotifications[${j}]`;
      if (!isObject(notification)) return;
      if (!isObject(notification.message) || !isText(notification.message.text)) report('notification-message', `${where}.message.text`, 'missing or empty');
      else checkMessageText(notification.message.text, `${where}.message.text`, new Set(), report);
      if (Array.isArray(notification.locations)) notification.locations.forEach((l: unknown, k: number) => checkLocation(l, `${where}.locations[${k}]`));
    });
  });
}

function checkRule(rule: Record<string, unknown>, at: string, report: Report): void {
  if (!isText(rule.id)) report('rule-id', `${at}.id`, 'missing or empty');
  if (typeof rule.name === 'string' && rule.name.length > GITHUB_LIMITS.ruleNameLength) report('rule-name-length', `${at}.name`, `longer than ${GITHUB_LIMITS.ruleNameLength} characters`);
  for (const field of ['shortDescription', 'fullDescription'] as const) {
    const text = isObject(rule[field]) ? (rule[field] as Record<string, unknown>).text : undefined;
    const check = field === 'shortDescription' ? 'rule-short-description' : 'rule-full-description';
    if (!isText(text)) report(check, `${at}.${field}.text`, 'missing or empty: GitHub requires it');
    else if (text.length > GITHUB_LIMITS.descriptionLength) report(check, `${at}.${field}.text`, `${text.length} characters; at most ${GITHUB_LIMITS.descriptionLength}`);
  }
  if (!isObject(rule.help) || !isText(rule.help.text)) report('rule-help', `${at}.help.text`, 'missing or empty: GitHub requires it');
  const level = isObject(rule.defaultConfiguration) ? rule.defaultConfiguration.level : undefined;
  if (level !== undefined && !LEVELS.has(level as string)) report('rule-default-level', `${at}.defaultConfiguration.level`, `${JSON.stringify(level)} is not none, note, warning or error`);

  const properties = isObject(rule.properties) ? rule.properties : {};
  const tags = properties.tags;
  if (tags !== undefined) {
    if (!Array.isArray(tags) || tags.some((tag) => typeof tag !== 'string')) report('rule-tags', `${at}.properties.tags`, 'must be an array of strings');
    else if (tags.length > GITHUB_LIMITS.tagsPerRule) report('limit-tags', `${at}.properties.tags`, `${tags.length} tags; at most ${GITHUB_LIMITS.tagsPerRule}`);
  }
  if (properties.precision !== undefined && !PRECISIONS.has(properties.precision as string)) {
    report('rule-precision', `${at}.properties.precision`, `${JSON.stringify(properties.precision)} is not very-high, high, medium or low`);
  }
  const severity = properties['problem.severity'];
  if (severity !== undefined && !PROBLEM_SEVERITIES.has(severity as string)) {
    report('rule-problem-severity', `${at}.properties.problem.severity`, `${JSON.stringify(severity)} is not error, warning or recommendation`);
  }
  const security = properties['security-severity'];
  if (security !== undefined) {
    const value = typeof security === 'string' && security.trim() !== '' ? Number(security) : NaN;
    if (!(value > 0 && value <= 10)) report('rule-security-severity', `${at}.properties.security-severity`, `${JSON.stringify(security)} is not a string holding a number in (0, 10]`);
  }
}

function checkResult(
  result: Record<string, unknown>,
  at: string,
  rules: unknown[],
  checkLocation: (location: unknown, where: string) => void,
  report: Report,
): void {
  const ruleId = result.ruleId;
  const ruleAt = rules.findIndex((rule) => isObject(rule) && rule.id === ruleId);
  if (!isText(ruleId)) report('result-rule-id', `${at}.ruleId`, 'missing: GitHub matches alerts by rule id');
  else if (ruleAt < 0) report('result-rule-id', `${at}.ruleId`, `${JSON.stringify(ruleId)} names no rule in tool.driver.rules`);
  if (result.ruleIndex !== undefined && isText(ruleId)) {
    const pointed = typeof result.ruleIndex === 'number' ? rules[result.ruleIndex] : undefined;
    if (!isObject(pointed) || pointed.id !== ruleId) report('result-rule-index', `${at}.ruleIndex`, `${JSON.stringify(result.ruleIndex)} does not point at rule ${JSON.stringify(ruleId)}`);
  }

  const related = Array.isArray(result.relatedLocations) ? (result.relatedLocations as unknown[]) : [];
  const relatedIds = new Set<number>();
  related.forEach((location, i) => {
    const where = `${at}.relatedLocations[${i}]`;
    if (isObject(location) && typeof location.id === 'number') {
      if (relatedIds.has(location.id)) report('related-location-id', `${where}.id`, `id ${location.id} is used twice`);
      relatedIds.add(location.id);
    }
    checkLocation(location, where);
    if (isObject(location) && isObject(location.message) && typeof location.message.text === 'string') {
      checkMessageText(location.message.text, `${where}.message.text`, relatedIds, report);
    }
  });
  if (related.length > GITHUB_LIMITS.locationsPerResult) report('limit-locations', `${at}.relatedLocations`, `${related.length} related locations; at most ${GITHUB_LIMITS.locationsPerResult}`);

  const message = isObject(result.message) ? result.message.text : undefined;
  if (!isText(message)) report('result-message', `${at}.message.text`, 'missing or empty: it is the alert title (message.id/arguments alone are not supported)');
  else checkMessageText(message, `${at}.message.text`, relatedIds, report);

  const locations = Array.isArray(result.locations) ? (result.locations as unknown[]) : [];
  if (locations.length === 0) report('result-location', `${at}.locations`, 'no location: GitHub cannot place the alert');
  if (locations.length > GITHUB_LIMITS.locationsPerResult) report('limit-locations', `${at}.locations`, `${locations.length} locations; at most ${GITHUB_LIMITS.locationsPerResult}`);
  locations.forEach((location, i) => checkLocation(location, `${at}.locations[${i}]`));

  const fingerprints = isObject(result.partialFingerprints) ? result.partialFingerprints : {};
  if (!isText(fingerprints.primaryLocationLineHash)) {
    report('result-fingerprint', `${at}.partialFingerprints.primaryLocationLineHash`, 'missing: the only fingerprint GitHub uses to follow an alert across runs');
  }

  if (result.codeFlows !== undefined) {
    const flows = Array.isArray(result.codeFlows) ? (result.codeFlows as unknown[]) : [];
    if (flows.length === 0) report('code-flow', `${at}.codeFlows`, 'empty');
    let steps = 0;
    flows.forEach((flow, i) => {
      const threadFlows = isObject(flow) && Array.isArray(flow.threadFlows) ? (flow.threadFlows as unknown[]) : [];
      if (threadFlows.length === 0) report('code-flow', `${at}.codeFlows[${i}].threadFlows`, 'missing or empty');
      threadFlows.forEach((threadFlow, j) => {
        const where = `${at}.codeFlows[${i}].threadFlows[${j}]`;
        const flowLocations = isObject(threadFlow) && Array.isArray(threadFlow.locations) ? (threadFlow.locations as unknown[]) : [];
        if (flowLocations.length === 0) report('code-flow', `${where}.locations`, 'missing or empty');
        steps += flowLocations.length;
        flowLocations.forEach((step, k) => {
          if (!isObject(step) || step.location === undefined || step.index !== undefined) {
            report('code-flow', `${where}.locations[${k}]`, 'each step needs an inline location (no index into run.threadFlowLocations)');
            return;
          }
          checkLocation(step.location, `${where}.locations[${k}].location`);
        });
      });
    });
    if (steps > GITHUB_LIMITS.threadFlowLocationsPerResult) {
      report('limit-thread-flow-locations', `${at}.codeFlows`, `${steps} thread-flow locations; at most ${GITHUB_LIMITS.threadFlowLocationsPerResult}`);
    }
  }
}

function checkPhysicalLocation(location: unknown, at: string, bases: Record<string, unknown>, report: Report): void {
  const physical = isObject(location) ? location.physicalLocation : undefined;
  if (!isObject(physical)) {
    report('location', `${at}.physicalLocation`, 'missing');
    return;
  }
  const artifact = isObject(physical.artifactLocation) ? physical.artifactLocation : {};
  const uri = artifact.uri;
  if (!isText(uri)) report('location-uri', `${at}.physicalLocation.artifactLocation.uri`, 'missing or empty');
  else {
    const problem = relativeUriProblem(uri);
    if (problem) report('location-uri', `${at}.physicalLocation.artifactLocation.uri`, `${JSON.stringify(uri)} ${problem}`);
  }
  // Stricter than GitHub, which also takes a bare relative uri or an undefined %SRCROOT%: importleak
  // always says what its paths are relative to, and defines it.
  const base = artifact.uriBaseId;
  if (typeof base !== 'string') report('location-uri-base', `${at}.physicalLocation.artifactLocation.uriBaseId`, 'missing: the relative uri must say what it is relative to');
  else if (!Object.hasOwn(bases, base)) report('location-uri-base', `${at}.physicalLocation.artifactLocation.uriBaseId`, `${JSON.stringify(base)} is not a key of run.originalUriBaseIds`);

  const region = physical.region;
  if (!isObject(region)) {
    report('location-region', `${at}.physicalLocation.region`, 'missing');
    return;
  }
  const { startLine, startColumn, endLine, endColumn } = region;
  const positive = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 1;
  if (!positive(startLine)) report('location-region', `${at}.physicalLocation.region.startLine`, `${JSON.stringify(startLine)}: must be an integer >= 1`);
  if (startColumn !== undefined && !positive(startColumn)) report('location-region', `${at}.physicalLocation.region.startColumn`, `${JSON.stringify(startColumn)}: must be an integer >= 1`);
  if (endColumn !== undefined && !positive(endColumn)) report('location-region', `${at}.physicalLocation.region.endColumn`, `${JSON.stringify(endColumn)}: must be an integer >= 1`);
  if (endLine !== undefined && (!Number.isInteger(endLine) || (positive(startLine) && (endLine as number) < (startLine as number)))) {
    report('location-region', `${at}.physicalLocation.region.endLine`, `${JSON.stringify(endLine)}: must be an integer >= startLine`);
  }
  const sameLine = endLine === undefined || endLine === startLine;
  if (sameLine && positive(startColumn) && positive(endColumn) && (endColumn as number) < (startColumn as number)) {
    report('location-region', `${at}.physicalLocation.region.endColumn`, `${endColumn} is before startColumn ${startColumn} on the same line`);
  }
}

/** Why a location uri is not a percent-encoded, `/`-separated path inside the checkout, if it is not. */
export function relativeUriProblem(uri: string): string | undefined {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(uri)) return 'has a scheme: GitHub wants a path relative to the repository root';
  if (uri.startsWith('/')) return 'is absolute: GitHub wants a path relative to the repository root';
  if (uri.includes('\\')) return 'uses "\\": paths are "/"-separated';
  if (uri.startsWith('./')) return 'starts with "./"';
  if (uri.split('/').some((segment) => segment === '..' || segment === '%2E%2E' || segment === '%2e%2e')) return 'climbs out with ".."';
  if (/[?#]/.test(uri)) return 'has a query or fragment: encode "?" and "#" in file names';
  if (!/^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*$/.test(uri)) return 'is not percent-encoded (spaces, "%", non-ASCII characters…)';
  return undefined;
}

/**
 * The embedded links of a message (SARIF §3.11.6): `[text](N)`, where `\` escapes the next
 * character, so `\[` and `\]` are literal brackets. Any other bracket is an error: literal
 * brackets must be escaped so that only the tool's own links read as links.
 */
export function messageLinks(text: string): { links: Array<{ text: string; id: number }>; unescaped: number[] } {
  const links: Array<{ text: string; id: number }> = [];
  const unescaped: number[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === ']') unescaped.push(i);
    if (ch !== '[') {
      i++;
      continue;
    }
    // A link: link text up to the first unescaped `]`, then `(digits)`.
    let j = i + 1;
    while (j < text.length && text[j] !== ']' && text[j] !== '[') j += text[j] === '\\' ? 2 : 1;
    const target = text[j] === ']' ? /^\((\d+)\)/.exec(text.slice(j + 1)) : null;
    if (!target) {
      unescaped.push(i);
      i++;
      continue;
    }
    links.push({ text: text.slice(i + 1, j), id: Number(target[1]) });
    i = j + 1 + target[0].length;
  }
  return { links, unescaped };
}

function checkMessageText(text: string, at: string, relatedIds: ReadonlySet<number>, report: Report): void {
  const { links, unescaped } = messageLinks(text);
  for (const link of links) {
    if (!relatedIds.has(link.id)) report('message-link', at, `link "[${link.text}](${link.id})" has no related location with id ${link.id}`);
  }
  for (const offset of unescaped) {
    report('message-escape', at, `unescaped "${text[offset]}" at ${offset} ("…${text.slice(Math.max(0, offset - 20), offset + 20)}…"): literal brackets are written \\[ and \\]`);
  }
}

/**
 * Saves a SARIF file the tests produced as `test-results/sarif/<name>.sarif` (so that CI can run
 * other checkers over it), asserts that it passes `validateSarif`, and returns it parsed (loosely
 * typed: tests assert on whatever they need).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function expectValidSarif(text: string, name: string): any {
  if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new Error(`expectValidSarif: ${JSON.stringify(name)} is not a plain file name`);
  mkdirSync(SARIF_OUTPUT_DIR, { recursive: true });
  writeFileSync(path.join(SARIF_OUTPUT_DIR, `${name}.sarif`), text);
  const problems = validateSarif(text).map((p) => `[${p.check}] ${p.path}: ${p.message}`);
  expect(problems, `${name}.sarif`).toEqual([]);
  const sarif = JSON.parse(text);
  // Issue 11: a message is read in one glance; the chain, the cost and the fix are elsewhere.
  const long = (sarif.runs ?? []).flatMap((run: any) => (run.results ?? []).map((r: any) => String(r.message?.text ?? ''))).filter((m: string) => m.length > 320);
  expect(long, `${name}.sarif: result messages over 320 characters`).toEqual([]);
  return sarif;
}
