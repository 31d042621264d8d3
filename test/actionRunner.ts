import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { scratchFolder } from './support.js';

/**
 * Runs a composite action from its action.yml the way the GitHub runner runs one step of a job:
 * input defaults, `${{ }}` expressions over inputs, steps and github, `if:` conditions, `env:`,
 * `bash --noprofile --norc -eo pipefail` for `run:` steps, fresh GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files per step, outputs mapped through `outputs.<id>.value`, annotations read
 * from stdout the way the runner reads workflow commands (`::stop-commands::` honoured). `uses:`
 * steps are not run: `uses` stubs them. Only the expression forms action.yml uses are supported;
 * anything else throws, so a new form in action.yml cannot be silently misread.
 */
export interface ActionRun {
  exitCode: number;
  outputs: Record<string, string>;
  summary: string;
  annotations: Array<{ level: string; properties: Record<string, string>; message: string }>;
  stdout: string;
  stderr: string;
  /** Each `uses:` step reached, with its evaluated `with:`. */
  used: Array<{ uses: string; with: Record<string, string> }>;
}

interface Step {
  id?: string;
  if?: string;
  shell?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

interface ActionFile {
  inputs?: Record<string, { default?: string }>;
  outputs?: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

export function runCompositeAction(options: {
  actionDir: string;
  workspace: string;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  uses?: Record<string, (withs: Record<string, string>) => { outputs?: Record<string, string>; exitCode?: number }>;
}): ActionRun {
  const action = parse(readFileSync(path.join(options.actionDir, 'action.yml'), 'utf8')) as ActionFile;
  if (action.runs.using !== 'composite') throw new Error(`runs.using ${action.runs.using}: only composite actions are run here`);
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs ?? {})) inputs[name] = spec.default ?? '';
  for (const [name, value] of Object.entries(options.inputs ?? {})) {
    if (!(name in inputs)) throw new Error(`input ${name} is not declared in action.yml`);
    inputs[name] = value;
  }
  const temp = scratchFolder('importleak-runner-');
  const summaryFile = path.join(temp, 'summary.md');
  writeFileSync(summaryFile, '');
  const steps: Record<string, { outputs: Record<string, string> }> = {};
  const context = { inputs, steps, github: { action_path: path.resolve(options.actionDir), workspace: options.workspace } };
  const run: ActionRun = { exitCode: 0, outputs: {}, summary: '', annotations: [], stdout: '', stderr: '', used: [] };
  let failed = false;

  for (const [i, step] of action.runs.steps.entries()) {
    const condition = step.if ? stripBraces(step.if) : 'success()';
    if (!truthy(evaluate(condition, context, failed))) continue;
    const substitute = (text: string): string => text.replace(/\$\{\{(.*?)\}\}/g, (_, expr: string) => String(evaluate(expr, context, failed) ?? ''));
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, substitute(String(v))]));
    if (step.uses) {
      const withs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, substitute(String(v))]));
      run.used.push({ uses: step.uses, with: withs });
      const stub = options.uses?.[step.uses];
      if (!stub) throw new Error(`no stub for uses: ${step.uses}`);
      const result = stub(withs);
      if (step.id) steps[step.id] = { outputs: result.outputs ?? {} };
      if (result.exitCode) failed = true;
      continue;
    }
    if (step.shell !== 'bash' || step.run === undefined) throw new Error(`step ${i}: only shell: bash run steps are supported`);
    const script = path.join(temp, `step${i}.sh`);
    writeFileSync(script, substitute(step.run));
    const outputFile = path.join(temp, `output${i}`);
    writeFileSync(outputFile, '');
    const child = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd: options.workspace,
      encoding: 'utf8',
      timeout: 120_000,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: options.workspace,
        GITHUB_ACTION_PATH: path.resolve(options.actionDir),
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        RUNNER_TEMP: temp,
        ...options.env,
        ...stepEnv,
      },
    });
    run.stdout += child.stdout;
    run.stderr += child.stderr;
    run.annotations.push(...workflowCommands(child.stdout));
    if (step.id) steps[step.id] = { outputs: parseOutputFile(readFileSync(outputFile, 'utf8')) };
    if (child.status !== 0) {
      failed = true;
      run.exitCode = child.status ?? 1;
    }
  }
  for (const [name, spec] of Object.entries(action.outputs ?? {})) run.outputs[name] = String(evaluate(stripBraces(spec.value), context, failed) ?? '');
  run.summary = readFileSync(summaryFile, 'utf8');
  return run;
}

function stripBraces(text: string): string {
  const match = /^\s*\$\{\{(.*)\}\}\s*$/s.exec(text);
  return match ? match[1]! : text;
}

/** `name=value` lines and `name<<DELIM` … `DELIM` blocks. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i]!);
      outputs[heredoc[1]!] = value.join('\n');
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return outputs;
}

/** Annotations as the runner reads them from a step's stdout, ignoring lines while commands are stopped. */
export function workflowCommands(stdout: string): ActionRun['annotations'] {
  const found: ActionRun['annotations'] = [];
  let stoppedUntil: string | undefined;
  for (const line of stdout.split(/\r?\n/)) {
    if (stoppedUntil !== undefined) {
      if (line.trim() === `::${stoppedUntil}::`) stoppedUntil = undefined;
      continue;
    }
    const stop = /^::stop-commands::(.+)$/.exec(line.trim());
    if (stop) {
      stoppedUntil = stop[1]!;
      continue;
    }
    const command = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line.trim());
    if (!command) continue;
    const properties: Record<string, string> = {};
    for (const pair of (command[2] ?? '').split(',').filter(Boolean)) {
      const at = pair.indexOf('=');
      properties[pair.slice(0, at)] = unescapeProperty(pair.slice(at + 1));
    }
    found.push({ level: command[1]!, properties, message: unescapeData(command[3]!) });
  }
  return found;
}

function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(text: string): string {
  return unescapeData(text.replace(/%3A/g, ':').replace(/%2C/g, ','));
}

type Value = string | number | boolean | null | Record<string, unknown>;

/** The expression forms action.yml uses: property paths, string literals, ==, !=, &&, ||, !, always(), success(), failure(). */
function evaluate(source: string, context: Record<string, unknown>, failed: boolean): Value {
  const tokens = source.match(/'(?:[^']|'')*'|==|!=|&&|\|\||!|\(|\)|[A-Za-z_][\w.-]*(?:\(\))?|\S/g) ?? [];
  let pos = 0;
  const or = (): Value => {
    let left = and();
    while (tokens[pos] === '||') {
      pos++;
      const right = and();
      left = truthy(left) ? left : right;
    }
    return left;
  };
  const and = (): Value => {
    let left = comparison();
    while (tokens[pos] === '&&') {
      pos++;
      const right = comparison();
      left = truthy(left) ? right : left;
    }
    return left;
  };
  const comparison = (): Value => {
    const left = unary();
    const op = tokens[pos];
    if (op === '==' || op === '!=') {
      pos++;
      const right = unary();
      const equal = String(left ?? '').toLowerCase() === String(right ?? '').toLowerCase();
      return op === '==' ? equal : !equal;
    }
    return left;
  };
  const unary = (): Value => {
    const token = tokens[pos++];
    if (token === undefined) throw new Error(`unexpected end of expression: ${source}`);
    if (token === '!') return !truthy(unary());
    if (token === '(') {
      const value = or();
      if (tokens[pos++] !== ')') throw new Error(`expected ) in ${source}`);
      return value;
    }
    if (token.startsWith("'")) return token.slice(1, -1).replace(/''/g, "'");
    if (token === 'always()') return true;
    if (token === 'success()') return !failed;
    if (token === 'failure()') return failed;
    if (token === 'true' || token === 'false') return token === 'true';
    if (!/^[A-Za-z_]/.test(token) || token.endsWith('()')) throw new Error(`unsupported token ${token} in ${source}`);
    let value: unknown = context;
    for (const key of token.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    return (value ?? null) as Value;
  };
  const value = or();
  if (pos !== tokens.length) throw new Error(`unsupported expression: ${source}`);
  return value;
}

function truthy(value: Value): boolean {
  return !(value === false || value === 0 || value === '' || value === null || value === undefined);
}
