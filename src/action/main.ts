import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { main, type CheckOutcome } from '../cli.js';
import { deploymentSummary } from '../check/deployment.js';
import { splitCommandLine } from '../deploy/shellWords.js';
import { escapeData, renderGithub } from '../report/github.js';
import { renderStepSummary } from '../report/summary.js';
import { renderText } from '../report/text.js';
import { changedLines } from './changedLines.js';

/**
 * The GitHub Action (action.yml runs this bundle as its first step): runs `importleak check` on
 * the workspace, writes the SARIF, the step summary and the outputs, and, when the SARIF is not
 * uploaded to code scanning, annotates the errors on the lines the pull request changed. It exits 0
 * after a scan that ran, whatever it found; the action's last step fails the job from the
 * `exit-code` output, so the SARIF upload between them happens either way.
 */
export interface ActionInputs {
  paths: string[];
  workingDirectory: string;
  config: string;
  failOn: string;
  baseline: string;
  sarifFile: string;
  uploadSarif: boolean;
  category: string;
  pythonVersion: string;
  args: string[];
}

export class ActionInputError extends Error {}

/** Inputs as the composite step passes them (`INPUT_WORKING_DIRECTORY`), or as the runner names them for JavaScript actions (`INPUT_WORKING-DIRECTORY`). */
export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const input = (name: string, fallback = ''): string => {
    const upper = name.toUpperCase();
    const value = env[`INPUT_${upper.replace(/-/g, '_')}`] ?? env[`INPUT_${upper}`];
    return value === undefined || value.trim() === '' ? fallback : value.trim();
  };
  const upload = input('upload-sarif', 'true');
  if (!/^(true|false)$/i.test(upload)) throw new ActionInputError(`input upload-sarif: expected true or false, got ${JSON.stringify(upload)}`);
  const failOn = input('fail-on');
  if (failOn && !['error', 'warning', 'note', 'never'].includes(failOn)) throw new ActionInputError(`input fail-on: expected error, warning, note or never, got ${JSON.stringify(failOn)}`);
  return {
    paths: input('paths', '.').split(/\s+/).filter(Boolean),
    workingDirectory: input('working-directory', '.'),
    config: input('config'),
    failOn,
    baseline: input('baseline'),
    sarifFile: input('sarif-file', 'importleak.sarif'),
    uploadSarif: upload.toLowerCase() === 'true',
    category: input('category'),
    pythonVersion: input('python-version'),
    args: splitArgs(input('args')),
  };
}

/** `--exclude "legacy code/" --platform linux` → words, quotes removed, nothing expanded. */
function splitArgs(text: string): string[] {
  if (!text) return [];
  const split = splitCommandLine(text, 'words');
  if (split.problem) throw new ActionInputError(`input args: ${split.problem.message}`);
  return split.commands.flatMap((c) => c.words.map((w) => w.text));
}

/** The `importleak check` command line the inputs make, run from the workspace. */
export function checkArguments(inputs: ActionInputs, workspace: string): string[] {
  const root = path.resolve(workspace, inputs.workingDirectory);
  const fromRoot = (p: string): string => path.relative(workspace, path.resolve(root, p)) || '.';
  const argv = ['check', ...inputs.paths.map(fromRoot), '--root', fromRoot('.'), '--format', 'sarif', '--output', inputs.sarifFile];
  if (inputs.config) argv.push('--config', fromRoot(inputs.config));
  if (inputs.failOn) argv.push('--fail-on', inputs.failOn);
  if (inputs.baseline) argv.push('--baseline', fromRoot(inputs.baseline));
  if (inputs.category) argv.push('--category', inputs.category);
  if (inputs.pythonVersion) argv.push('--python-version', inputs.pythonVersion);
  return [...argv, ...inputs.args];
}

export async function runAction(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const workspace = path.resolve(env.GITHUB_WORKSPACE || process.cwd());
  let inputs: ActionInputs;
  try {
    inputs = readInputs(env);
  } catch (error) {
    if (!(error instanceof ActionInputError)) throw error;
    process.stdout.write(`::error title=importleak::${escapeData(error.message)}\n`);
    writeOutputs(env, { 'exit-code': '2', reason: error.message });
    return 0;
  }
  process.chdir(workspace);
  // The folder the SARIF goes to is the workflow's choice: make it. A pull request can commit a
  // symlinked folder of that name, though: the SARIF is written only inside the workspace or the
  // runner's temporary folder, wherever the links in its path lead.
  const sarifFolder = path.dirname(path.resolve(workspace, inputs.sarifFile));
  const refused = outsideAllowedFolders(sarifFolder, [workspace, env.RUNNER_TEMP]);
  if (refused) {
    process.stdout.write(`::error title=importleak::${escapeData(refused)}\n`);
    writeOutputs(env, { 'exit-code': '2', reason: refused });
    return 0;
  }
  const argv = checkArguments(inputs, workspace);

  // Everything the check prints is quoted from the repository: keep the runner from reading any
  // of it as a workflow command while it is printed.
  const token = randomUUID();
  process.stdout.write(`importleak ${argv.map(quoteArg).join(' ')}\n::stop-commands::${token}\n`);
  let outcome: CheckOutcome | undefined;
  const code = await main(['node', 'importleak', ...argv], { onCheck: (o) => (outcome = o) });
  if (outcome) {
    const { result, findings, paths } = outcome;
    process.stdout.write(renderText({ findings, diagnostics: result.diagnostics, entries: result.entries, fileCount: result.fileCount, paths, deployment: deploymentSummary(result.deployment) }));
  }
  process.stdout.write(`::${token}::\n`);

  if (!outcome) {
    const reason = `importleak check ended with exit code ${code} before it could report (see the log above)`;
    writeOutputs(env, { 'exit-code': String(code || 2), reason });
    return 0;
  }
  const { result, findings, paths } = outcome;
  const errors = findings.filter((f) => f.level === 'error');
  const sarifShown = path.relative(workspace, path.resolve(workspace, inputs.sarifFile)).split(path.sep).join('/');

  if (env.GITHUB_STEP_SUMMARY) {
    const moduleOf = (p: string): string | undefined => result.index.byPath.get(p)?.name;
    const summary = renderStepSummary({
      findings,
      diagnostics: result.diagnostics,
      rules: result.rules,
      paths,
      moduleOf,
      fileCount: result.fileCount,
      deployment: deploymentSummary(result.deployment),
      sarifFile: sarifShown,
      ...(outcome.baseline ? { baseline: { file: inputs.baseline, known: outcome.baseline.known, fixed: outcome.baseline.fixed } } : {}),
    });
    appendFileSync(env.GITHUB_STEP_SUMMARY, summary);
  }

  if (!inputs.uploadSarif && errors.length) {
    // Without code scanning, errors become annotations on the pull request: those on changed lines
    // when the diff is known (as code scanning shows them), else all of them.
    const changed = changedLines(workspace, env);
    const annotated = changed
      ? errors.filter((f) => {
          const lines = changed.get(paths.show(f.path));
          if (!lines) return false;
          for (let line = f.span.line; line <= Math.max(f.span.line, f.span.endLine); line++) if (lines.has(line)) return true;
          return false;
        })
      : errors;
    process.stdout.write(renderGithub({ findings: annotated, diagnostics: [], paths }));
    if (changed && annotated.length < errors.length) {
      process.stdout.write(`${errors.length - annotated.length} error(s) on lines this change does not touch are in the step summary and the SARIF file.\n`);
    }
  }

  writeOutputs(env, {
    'sarif-file': sarifShown,
    findings: String(findings.length + (outcome.baseline?.known ?? 0)),
    errors: String(errors.length),
    'new-findings': String(findings.length),
    'exit-code': String(code),
    reason: exitReason(code, findings.length, result.diagnostics.length),
  });
  return 0;
}

/** Why `folder` may not receive the SARIF (made first, if missing), or undefined when it may. */
function outsideAllowedFolders(folder: string, allowed: ReadonlyArray<string | undefined>): string | undefined {
  try {
    mkdirSync(folder, { recursive: true });
    const real = realpathSync(folder);
    const inside = allowed
      .filter((a): a is string => Boolean(a))
      .map((a) => realpathSync(a))
      .some((a) => real === a || real.startsWith(a.endsWith(path.sep) ? a : a + path.sep));
    return inside ? undefined : `input sarif-file: its folder leads outside the workspace (to ${real}); the SARIF is written only inside the workspace or RUNNER_TEMP`;
  } catch (error) {
    return `input sarif-file: cannot make its folder ${folder}: ${(error as Error).message}`;
  }
}

function exitReason(code: number, findings: number, problems: number): string {
  switch (code) {
    case 0:
      return 'no finding at or above fail-on';
    case 1:
      return `${findings} finding(s), at least one at or above fail-on (see the step summary)`;
    case 2:
      return 'a usage or configuration error (see the log)';
    case 3:
      return `${problems} file(s) could not be fully analyzed (see the step summary)`;
    default:
      return `exit code ${code}`;
  }
}

/** Appends outputs the way @actions/core does: `name<<DELIMITER` blocks, safe for any value. */
function writeOutputs(env: NodeJS.ProcessEnv, outputs: Record<string, string>): void {
  const lines = Object.entries(outputs).map(([name, value]) => {
    const delimiter = `ghadelimiter_${randomUUID()}`;
    return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
  });
  if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, lines.join(''));
  else for (const [name, value] of Object.entries(outputs)) process.stdout.write(`${name}: ${value}\n`);
}


function quoteArg(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
