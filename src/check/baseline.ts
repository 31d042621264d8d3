import { createHash } from 'node:crypto';
import { ConfigError } from '../config/config.js';
import { readRegularFile, writeOutputFile } from '../files.js';
import type { Finding } from './findings.js';

/**
 * A baseline records the findings a repository accepts today, so that adopting importleak on an
 * existing codebase fails only on new ones. Each finding is keyed by its rule, its module and the
 * normalised text of the creating call, never by line numbers, so moving code keeps it known;
 * findings with the same key are told apart by an occurrence count (`hash:1`, `hash:2`), in the
 * order they appear in the module, the way GitHub's line hashes are.
 */
export interface BaselineEntry {
  rule: string;
  /** Dotted name of the module that creates the resource. */
  module: string;
  /** The creating call, whitespace-insensitive (`normaliseResource`). */
  resource: string;
  /** Path relative to the project root, '/'-separated: for readers, not part of the key. */
  path: string;
  /** `<16 hex digits of sha256(rule, module, resource)>:<occurrence, from 1>`. */
  fingerprint: string;
}

export interface Baseline {
  version: 1;
  tool: 'importleak';
  findings: BaselineEntry[];
}

export interface BaselineOutcome {
  /** Findings the baseline does not list: the ones to report and to fail on. */
  fresh: Finding[];
  /** Findings the baseline lists. */
  known: Finding[];
  /** Baseline entries that match no finding any more: fixed, or changed beyond recognition. */
  fixed: BaselineEntry[];
}

/** A baseline file that cannot be read, is not JSON, or does not have the documented shape. Exit code 2. */
export class BaselineError extends ConfigError {}

export const BASELINE_VERSION = 1;

/**
 * The creating call as a key: comments and line continuations dropped, whitespace removed except
 * one space between two words (`lambda x`, `x if y else z`), a trailing comma before a closing
 * bracket dropped (what a formatter adds when it splits a call), string literals kept as written.
 */
export function normaliseResource(text: string): string {
  let out = '';
  let pendingSpace = false;
  const isWord = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}_]/u.test(c);
  const emit = (token: string): void => {
    if (pendingSpace && isWord(out.at(-1)) && isWord(token[0])) out += ' ';
    pendingSpace = false;
    out += token;
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '#') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
      continue;
    }
    if (c === '\\' && (text[i + 1] === '\n' || text[i + 1] === '\r')) {
      pendingSpace = true;
      i += 2;
      continue;
    }
    if (/\s/.test(c)) {
      pendingSpace = true;
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      const quote = text.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      let j = i + quote.length;
      while (j < text.length && !text.startsWith(quote, j)) j += text[j] === '\\' ? 2 : 1;
      const end = Math.min(text.length, j + quote.length);
      emit(text.slice(i, end));
      i = end;
      continue;
    }
    if (c === ')' || c === ']' || c === '}') {
      if (out.endsWith(',')) out = out.slice(0, -1);
    }
    emit(c);
    i++;
  }
  return out;
}

/** Each finding's baseline entry, in the order of `findings`. */
export function fingerprintFindings(findings: readonly Finding[]): BaselineEntry[] {
  const order = findings
    .map((finding, i) => ({ finding, i }))
    .sort((a, b) => compare(a.finding.path, b.finding.path) || a.finding.span.line - b.finding.span.line || a.finding.span.column - b.finding.span.column || a.i - b.i);
  const seen = new Map<string, number>();
  const entries: BaselineEntry[] = new Array(findings.length);
  for (const { finding, i } of order) {
    const resource = normaliseResource(finding.resource.text);
    const hash = createHash('sha256').update(`${finding.ruleId}\n${finding.module}\n${resource}`).digest('hex').slice(0, 16);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    entries[i] = { rule: finding.ruleId, module: finding.module, resource, path: finding.path, fingerprint: `${hash}:${occurrence}` };
  }
  return entries;
}

/** The baseline entries of today's findings, sorted (module, rule, resource, occurrence) so the file diffs well. */
export function baselineEntries(findings: readonly Finding[]): BaselineEntry[] {
  return sortEntries(fingerprintFindings(findings));
}

/** The baseline file's text: versioned JSON, one entry per finding, sorted, keys in a fixed order. */
export function renderBaseline(entries: readonly BaselineEntry[]): string {
  const baseline: Baseline = {
    version: BASELINE_VERSION,
    tool: 'importleak',
    findings: sortEntries(entries).map((e) => ({ rule: e.rule, module: e.module, resource: e.resource, path: e.path, fingerprint: e.fingerprint })),
  };
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

/** Parses and checks a baseline file's text; `file` names it in errors. */
export function parseBaseline(text: string, file: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    // JSON.parse quotes the text it fails on: say where instead, so nothing of the file is echoed.
    const position = /at position (\d+)/.exec((error as Error).message)?.[1];
    const before = position !== undefined ? text.slice(0, Number(position)).split('\n') : undefined;
    const where = before ? `at line ${before.length}, column ${before[before.length - 1]!.length + 1}` : 'the text does not parse';
    throw new BaselineError(`${file}: invalid baseline: not JSON (${where})`);
  }
  const invalid = (what: string): never => {
    throw new BaselineError(`${file}: invalid baseline: ${what} (write one with \`importleak check --write-baseline ${file}\`)`);
  };
  if (!isObject(data)) return invalid('expected a JSON object with "version", "tool" and "findings"');
  if (data.tool !== 'importleak') invalid(`"tool" must be "importleak", not ${JSON.stringify(data.tool) ?? 'missing'}`);
  if (data.version !== BASELINE_VERSION) invalid(`"version" must be ${BASELINE_VERSION}, not ${JSON.stringify(data.version) ?? 'missing'}`);
  if (!Array.isArray(data.findings)) return invalid('"findings" must be an array');
  const findings = (data.findings as unknown[]).map((item, i): BaselineEntry => {
    if (!isObject(item)) return invalid(`findings[${i}] must be an object`);
    for (const key of ['rule', 'module', 'resource', 'path', 'fingerprint'] as const) {
      if (typeof item[key] !== 'string') invalid(`findings[${i}].${key} must be a string`);
    }
    if (!/^[0-9a-f]{16}:[1-9]\d*$/.test(item.fingerprint as string)) invalid(`findings[${i}].fingerprint must look like "0123456789abcdef:1", not ${JSON.stringify(item.fingerprint)}`);
    return { rule: item.rule as string, module: item.module as string, resource: item.resource as string, path: item.path as string, fingerprint: item.fingerprint as string };
  });
  return { version: BASELINE_VERSION, tool: 'importleak', findings };
}

/** Reads a baseline file (relative paths from the current folder); a missing or invalid file is a BaselineError. */
export async function readBaseline(file: string): Promise<Baseline> {
  // Only a regular file is read (a pipe would block), up to a size no baseline comes near.
  const read = await readRegularFile(file, MAX_BASELINE_BYTES);
  if (!read.ok) {
    const cause = read.reason === 'missing' ? 'no such file' : read.reason === 'not-regular' ? `${read.message}; not opened` : read.reason === 'too-large' ? 'it is over the 64 MiB limit for a baseline' : read.message;
    throw new BaselineError(`${file}: cannot read the baseline: ${cause}`);
  }
  return parseBaseline(read.bytes.toString('utf8'), file);
}

/** 25,000 findings of a few hundred bytes each stay far below this. */
const MAX_BASELINE_BYTES = 64 * 1024 * 1024;

/** Writes the baseline of `findings` to `file` and returns its entries. */
export async function writeBaseline(file: string, findings: readonly Finding[]): Promise<BaselineEntry[]> {
  const entries = baselineEntries(findings);
  // Atomically, never through a symbolic link, never onto a device: see writeOutputFile.
  await writeOutputFile(file, renderBaseline(entries), 'the baseline');
  return entries;
}

/** Splits today's findings into those the baseline lists and the fresh ones, and finds its entries that no longer occur. */
export function applyBaseline(findings: readonly Finding[], baseline: Baseline): BaselineOutcome {
  const listed = new Set(baseline.findings.map((e) => e.fingerprint));
  const entries = fingerprintFindings(findings);
  const fresh: Finding[] = [];
  const known: Finding[] = [];
  findings.forEach((finding, i) => (listed.has(entries[i]!.fingerprint) ? known : fresh).push(finding));
  const current = new Set(entries.map((e) => e.fingerprint));
  const fixed = sortEntries(baseline.findings.filter((e) => !current.has(e.fingerprint)));
  return { fresh, known, fixed };
}

function sortEntries(entries: readonly BaselineEntry[]): BaselineEntry[] {
  const occurrence = (e: BaselineEntry): number => Number(e.fingerprint.split(':')[1] ?? 0);
  return [...entries].sort(
    (a, b) => compare(a.module, b.module) || compare(a.rule, b.rule) || compare(a.resource, b.resource) || occurrence(a) - occurrence(b) || compare(a.fingerprint, b.fingerprint),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
