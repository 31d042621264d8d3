import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deploymentSummary } from '../src/check/deployment.js';
import { loadConfig, withTargetFlags } from '../src/config/config.js';
import type { ImportGraph } from '../src/graph/importGraph.js';
import { analyze, type AnalysisResult } from '../src/pipeline.js';
import { renderConcise } from '../src/report/concise.js';
import { renderEntriesJson, renderEntriesText } from '../src/report/entries.js';
import { renderGithub } from '../src/report/github.js';
import { renderDot, renderGraphJson, renderMermaid, selectGraph } from '../src/report/graph.js';
import { renderJson } from '../src/report/json.js';
import { pathDisplay, type PathDisplay } from '../src/report/paths.js';
import { renderSarif } from '../src/report/sarif.js';
import { renderStatistics } from '../src/report/statistics.js';
import { renderStepSummary } from '../src/report/summary.js';
import { renderText } from '../src/report/text.js';
import { validateSarif } from './sarifValidator.js';
import { FIXTURES, scratchFolder, writeProject } from './support.js';

/**
 * Issue 14, guarantee 5: a seeded fuzz test. Each case takes a fixture project, mutates one of its
 * files (bit flips, a truncation, a deleted range, duplicated lines, inserted control characters,
 * invalid UTF-8 and text that looks like markup or workflow commands), runs the analysis and every
 * renderer in this process, and asserts:
 *
 * - nothing throws (the analysis, each format);
 * - JSON parses and holds no lone surrogate; SARIF passes the project's validator;
 * - the text-like outputs (text, concise, statistics, github, entries, mermaid, dot) hold no raw
 *   control, bidirectional or invisible character, and none of their lines is a workflow command
 *   but the github format's own;
 * - what a mutation cannot reach is unchanged: the findings and file problems of every file that
 *   is not connected to the mutated one. A file is connected when, in the run before or after
 *   the mutation, it imports the mutated file or is imported by it (directly or not, at import
 *   time or lazily, through calls too), or an entry that reaches it is registered by the mutated
 *   file or exists in one run only. Deployment files change every finding's message (worker
 *   counts): for them only the first three hold.
 *
 * The seed is fixed, so CI runs the same cases each time; IMPORTLEAK_FUZZ_SEED (and
 * IMPORTLEAK_FUZZ_CASES) run others. A failure names the seed and the case, and
 * IMPORTLEAK_FUZZ_CASE=<n> replays that one case alone.
 */

const SEED = Number(process.env.IMPORTLEAK_FUZZ_SEED ?? 20_240_614);
const CASES = Number(process.env.IMPORTLEAK_FUZZ_CASES ?? 400);
const ONLY = process.env.IMPORTLEAK_FUZZ_CASE === undefined ? undefined : Number(process.env.IMPORTLEAK_FUZZ_CASE);

/** mulberry32: small, fast, and the same on every platform. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Rng {
  below(n: number): number;
  pick<T>(items: readonly T[]): T;
}
function rngFor(seed: number, index: number): Rng {
  const next = prng(Math.imul(seed ^ 0x9e3779b9, 31) + index * 0x85ebca6b);
  return {
    below: (n) => Math.floor(next() * n),
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
}

/** What a mutation inserts: control, bidi and invisible characters, bytes that are not UTF-8, and text that means something to a terminal, a runner, Markdown or SARIF. */
const INSERTS: readonly Buffer[] = [
  '\u001b[31m',
  '\u001b]0;title\u0007',
  '\u0000',
  '\r',
  '\r\n',
  '\b\b\b',
  '\u007f',
  '\u009b2J',
  '\u202e',
  '\u2066',
  '\u200b',
  '\ufeff',
  '\u2028',
  '\n::add-mask::secret\n',
  '\n::stop-commands::tok\n',
  '##[error]x',
  '`',
  '[see](1)',
  '<img src=x onerror=alert(1)>',
  '"""',
  '(',
  ')',
  '\\',
  '\t',
].map((s) => Buffer.from(s, 'utf8')).concat([Buffer.from([0xff]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xc3]), Buffer.from([0xf0, 0x9f, 0x98])]);

type Mutation = { kind: string; apply(bytes: Buffer, rng: Rng): Buffer };
const lineStarts = (bytes: Buffer): number[] => [0, ...[...bytes.entries()].filter(([, b]) => b === 0x0a).map(([i]) => i + 1)].filter((i) => i <= bytes.length);
const MUTATIONS: readonly Mutation[] = [
  {
    kind: 'flip bits',
    apply(bytes, rng) {
      const out = Buffer.from(bytes);
      for (let n = 1 + rng.below(4); n > 0 && out.length; n--) out[rng.below(out.length)]! ^= 1 << rng.below(8);
      return out;
    },
  },
  { kind: 'truncate', apply: (bytes, rng) => bytes.subarray(0, rng.below(bytes.length + 1)) },
  {
    kind: 'delete a range',
    apply(bytes, rng) {
      const start = rng.below(bytes.length + 1);
      return Buffer.concat([bytes.subarray(0, start), bytes.subarray(Math.min(bytes.length, start + 1 + rng.below(64)))]);
    },
  },
  {
    kind: 'duplicate lines',
    apply(bytes, rng) {
      const starts = lineStarts(bytes);
      const from = rng.pick(starts);
      const to = starts.find((s) => s > from + rng.below(3) * 2) ?? bytes.length;
      const at = rng.pick(starts);
      const copy = bytes.subarray(from, to);
      return Buffer.concat([bytes.subarray(0, at), copy, bytes.subarray(at)]);
    },
  },
  {
    kind: 'insert characters',
    apply(bytes, rng) {
      let out = bytes;
      for (let n = 1 + rng.below(3); n > 0; n--) {
        const at = rng.below(out.length + 1);
        out = Buffer.concat([out.subarray(0, at), rng.pick(INSERTS), out.subarray(at)]);
      }
      return out;
    },
  },
];

/** A project with several independent chains, so that "unchanged" has something to compare. */
const SYNTHETIC: Record<string, string> = {
  'app/__init__.py': '',
  'app/wsgi.py': 'from flask import Flask\nfrom app import views, admin\napp = Flask(__name__)\n@app.route("/")\ndef index():\n    from app import reports\n    return ""\n',
  'app/views.py': 'from app.services import mail\nimport requests\nSESSION = requests.Session()\n',
  'app/admin.py': 'from concurrent.futures import ThreadPoolExecutor\r\nPOOL = ThreadPoolExecutor(\r\n    max_workers=4,\r\n)\r\n',
  'app/reports.py': 'import sqlite3\nDB = sqlite3.connect("reports.db")\n',
  'app/services/__init__.py': '',
  'app/services/mail.py': 'import smtplib\nfrom app.services.util import make\nSMTP = smtplib.SMTP("localhost")\nCLIENT = make()\n',
  'app/services/util.py': 'import httpx\ndef make():\n    return httpx.Client()\n',
  'tools/cron.py': 'import threading\nT = threading.Thread(target=print)\nT.start()\n',
  'tools/batch.py': 'import multiprocessing\nPOOL = multiprocessing.Pool(2)\n',
  'tools/cache.py': 'import redis\nR = redis.Redis()  # noqa: IL004\nS = redis.Redis()\n',
  'tools/broken.py': 'import os\ndef f(:\n    pass\n',
};

const RAW_INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u2028\u2029]/;
const LONE_SURROGATE = /[\ud800-\udfff]/u;
const isWorkflowCommand = (line: string): boolean => /^\s*::/.test(line) || line.includes('##[');

interface Fixture {
  name: string;
  root: string;
  /** Files a mutation may touch, root-relative. */
  targets: string[];
  base?: Run;
}

interface Run {
  result: AnalysisResult;
  /** The findings as the JSON format shows them, by displayed path. */
  findings: Map<string, unknown[]>;
  /** Per-file problems, by displayed path. */
  problems: Map<string, unknown[]>;
}

function copyFixture(source: string): string {
  const dir = scratchFolder('importleak-fuzz-');
  cpSync(source, dir, { recursive: true });
  return dir;
}

function filesBelow(root: string, dir = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(root, dir)).sort()) {
    const relative = dir ? `${dir}/${name}` : name;
    const stat = statSync(path.join(root, relative));
    if (stat.isDirectory()) out.push(...filesBelow(root, relative));
    else if (!/\.(toml|txt|md|cfg|ini|json|lock)$/.test(name)) out.push(relative);
  }
  return out;
}

function fixtures(): Fixture[] {
  const sources = [
    path.join(FIXTURES, 'movie_lottery'),
    path.join(FIXTURES, 'deploy_fork'),
    path.join(FIXTURES, 'audit'),
    ...readdirSync(path.join(FIXTURES, 'frameworks'))
      .sort()
      .map((name) => path.join(FIXTURES, 'frameworks', name)),
  ];
  const list: Fixture[] = sources.map((source) => {
    const root = copyFixture(source);
    return { name: path.relative(FIXTURES, source), root, targets: filesBelow(root) };
  });
  const synthetic = writeProject(SYNTHETIC);
  list.push({ name: 'synthetic', root: synthetic, targets: filesBelow(synthetic) });
  return list;
}

async function run(root: string): Promise<Run> {
  // The target pinned: the same for every run, whatever python3 the machine has.
  const config = withTargetFlags(await loadConfig(root), { pythonVersion: '3.12', platform: 'linux' });
  const result = await analyze({ root, paths: ['.'], config });
  const json = JSON.parse(renderJson({ version: '0.0.0', findings: result.findings, diagnostics: result.diagnostics, entries: result.entries, fileCount: result.fileCount, paths: pathDisplay(root, root) })) as {
    findings: Array<{ path: string }>;
    problems: Array<{ path: string; kind: string }>;
  };
  const byPath = <T extends { path: string }>(items: T[]): Map<string, unknown[]> => {
    const map = new Map<string, unknown[]>();
    for (const item of items) map.set(item.path, [...(map.get(item.path) ?? []), item]);
    return map;
  };
  const perFile = json.problems.filter((p) => ['read-error', 'too-large', 'decode-error', 'syntax-error'].includes(p.kind));
  return { result, findings: byPath(json.findings), problems: byPath(perFile) };
}

/** Every renderer on one result: what each returns, or throws. */
function renderAll(result: AnalysisResult, paths: PathDisplay): Record<string, string> {
  const deployment = deploymentSummary(result.deployment);
  const textInput = { findings: result.findings, diagnostics: result.diagnostics, entries: result.entries, fileCount: result.fileCount, paths, deployment };
  const entriesInput = { entries: result.entries, diagnostics: result.diagnostics, fileCount: result.fileCount, paths, ...(result.deployment ? { deployment: result.deployment } : {}) };
  const view = selectGraph(result.graph, result.index, { lazy: true }, paths);
  return {
    text: renderText(textInput),
    concise: renderConcise(textInput),
    statistics: renderStatistics({ ...textInput, rules: result.rules }),
    github: renderGithub({ findings: result.findings, diagnostics: result.diagnostics, rules: result.rules, paths }),
    json: renderJson({ version: '0.0.0', findings: result.findings, diagnostics: result.diagnostics, entries: result.entries, fileCount: result.fileCount, paths, ...(result.deployment ? { deployment: result.deployment } : {}) }),
    sarif: renderSarif({ version: '0.0.0', rules: result.rules, findings: result.findings, diagnostics: result.diagnostics, paths }),
    summary: renderStepSummary({ findings: result.findings, diagnostics: result.diagnostics, rules: result.rules, paths, moduleOf: (p) => result.index.byPath.get(p)?.name, fileCount: result.fileCount, deployment }),
    entries: renderEntriesText(entriesInput),
    entriesJson: renderEntriesJson(entriesInput),
    mermaid: renderMermaid(view),
    dot: renderDot(view),
    graphJson: renderGraphJson(view),
  };
}

/** Paths reachable from `start` through import-time and lazy edges (and the files that hold an import a call leads to), forwards or backwards. */
function reach(graph: ImportGraph, start: readonly string[], direction: 'forward' | 'backward'): Set<string> {
  const next = new Map<string, Set<string>>();
  const link = (a: string, b: string): void => {
    const [from, to] = direction === 'forward' ? [a, b] : [b, a];
    next.set(from, (next.get(from) ?? new Set()).add(to));
  };
  const edges = [...[...graph.importTimeEdges.values()].flat(), ...graph.lazyEdges];
  for (const edge of edges) {
    link(edge.from, edge.to);
    if (edge.at && edge.at !== edge.from) {
      link(edge.from, edge.at);
      link(edge.at, edge.to);
    }
    for (const call of edge.via ?? []) {
      link(edge.from, call.path);
      link(call.path, edge.to);
    }
  }
  const seen = new Set<string>(start);
  const queue = [...start];
  while (queue.length) for (const to of next.get(queue.pop()!) ?? []) if (!seen.has(to)) seen.add(to), queue.push(to);
  return seen;
}

/** Files a change to `file` may legitimately affect, judged on both runs. */
function connected(file: string, runs: readonly Run[]): Set<string> {
  const out = new Set<string>([file]);
  const entryKey = (e: AnalysisResult['entries'][number]): string => JSON.stringify([e.path, e.framework, e.kind, e.description, e.evidence, e.registeredBy ?? null]);
  const keys = runs.map((r) => new Set(r.result.entries.map(entryKey)));
  for (const { result } of runs) {
    for (const p of reach(result.graph, [file], 'forward')) out.add(p);
    for (const p of reach(result.graph, [file], 'backward')) out.add(p);
    const entries = result.entries.filter((e) => e.path === file || e.registeredBy?.path === file || !keys.every((k) => k.has(entryKey(e))));
    for (const p of reach(result.graph, entries.map((e) => e.path), 'forward')) out.add(p);
  }
  return out;
}

function checkOutputs(outputs: Record<string, string>, problems: string[]): void {
  for (const [format, output] of Object.entries(outputs)) {
    if (format === 'json' || format === 'entriesJson' || format === 'graphJson' || format === 'sarif') {
      let value: unknown;
      try {
        value = JSON.parse(output);
      } catch (error) {
        problems.push(`${format}: not JSON: ${(error as Error).message}`);
        continue;
      }
      const lone = strings(value).find((s) => LONE_SURROGATE.test(s));
      if (lone !== undefined) problems.push(`${format}: a string with a lone surrogate: ${JSON.stringify(lone.slice(0, 80))}`);
      if (format === 'sarif') for (const p of validateSarif(output)) problems.push(`sarif: [${p.check}] ${p.path}: ${p.message}`);
      continue;
    }
    // statistics separates its columns with tabs of its own.
    const raw = RAW_INVISIBLE.exec(format === 'statistics' ? output.replace(/\t/g, ' ') : output);
    if (raw) problems.push(`${format}: raw U+${raw[0].codePointAt(0)!.toString(16).padStart(4, '0')} in ${JSON.stringify(output.slice(Math.max(0, raw.index - 40), raw.index + 40))}`);
    if (format === 'summary') continue; // Markdown, read by GitHub, never by a runner
    for (const line of output.split('\n')) {
      if (format === 'github' ? line !== '' && !/^::(error|warning|notice) /.test(line) : isWorkflowCommand(line)) problems.push(`${format}: the line ${JSON.stringify(line.slice(0, 120))}`);
    }
  }
}

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) strings(item, out);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) strings(item, out);
  return out;
}

describe(`fuzz (seed ${SEED}, ${CASES} cases; IMPORTLEAK_FUZZ_SEED, IMPORTLEAK_FUZZ_CASES, IMPORTLEAK_FUZZ_CASE to change)`, () => {
  it('mutated fixtures: no exception, valid JSON and SARIF, no raw control character or workflow command, unconnected findings unchanged', async () => {
    const list = fixtures();
    const failures: string[] = [];
    const indices = ONLY !== undefined ? [ONLY] : Array.from({ length: CASES }, (_, i) => i);
    for (const index of indices) {
      const rng = rngFor(SEED, index);
      const fixture = list[rng.below(list.length)]!;
      const file = rng.pick(fixture.targets);
      const mutation = rng.pick(MUTATIONS);
      const where = `seed ${SEED} case ${index} (IMPORTLEAK_FUZZ_SEED=${SEED} IMPORTLEAK_FUZZ_CASE=${index}): ${mutation.kind} in ${fixture.name}/${file}`;
      const absolute = path.join(fixture.root, file);
      const original = readFileSync(absolute);
      const problems: string[] = [];
      try {
        fixture.base ??= await run(fixture.root);
        const mutated = mutation.apply(original, rng);
        writeFileSync(absolute, mutated);
        let after: Run;
        try {
          after = await run(fixture.root);
        } catch (error) {
          problems.push(`the analysis threw: ${(error as Error).stack ?? String(error)}`);
          continue;
        }
        let outputs: Record<string, string> | undefined;
        try {
          outputs = renderAll(after.result, pathDisplay(fixture.root, fixture.root));
        } catch (error) {
          problems.push(`a renderer threw: ${(error as Error).stack ?? String(error)}`);
        }
        if (outputs) checkOutputs(outputs, problems);

        // What the mutation cannot reach is unchanged.
        const before = fixture.base;
        const deploymentFiles = new Set([...(before.result.deployment?.deployment.read ?? []), ...(after.result.deployment?.deployment.read ?? [])]);
        if (file.endsWith('.py') && !deploymentFiles.has(file)) {
          const touched = connected(file, [before, after]);
          for (const p of new Set([...before.findings.keys(), ...after.findings.keys(), ...before.problems.keys(), ...after.problems.keys()])) {
            if (touched.has(p)) continue;
            try {
              expect(after.findings.get(p) ?? []).toEqual(before.findings.get(p) ?? []);
              expect(after.problems.get(p) ?? []).toEqual(before.problems.get(p) ?? []);
            } catch (error) {
              problems.push(`${p}, not connected to ${file}, changed: ${(error as Error).message.slice(0, 2000)}`);
            }
          }
        }
      } finally {
        writeFileSync(absolute, original);
        if (problems.length) failures.push(`${where}:\n  ${problems.join('\n  ')}`);
      }
    }
    expect(failures, `seed ${SEED}: ${failures.length} of ${indices.length} cases failed`).toEqual([]);
  }, 180_000);
});
