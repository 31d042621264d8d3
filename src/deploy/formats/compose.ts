import path from 'node:path';
import { isMap, isSeq, type Node } from 'yaml';
import { operatorWithoutShell, readArgv, type CommandSettings } from '../commandLine.js';
import { withVariables } from '../environment.js';
import { containerArgv, type CommandOccurrence, type FormatReading, type ImageDefaults } from './format.js';
import { composeCommandWords, environmentOf, mapEntries, mapGet, parseYaml, scalarText } from './yamlSupport.js';
import type { Word } from '../shellWords.js';

/**
 * Finds what a Dockerfile of the project leaves to its containers, by its path relative to the root:
 * its final stage, or the stage `target` names.
 */
export type ImageLookup = (dockerfile: string, target?: string) => ImageDefaults | undefined;

/**
 * docker compose's `services:`. A service's `command:` replaces the image's CMD and runs under its
 * ENTRYPOINT; `entrypoint:` replaces the ENTRYPOINT and drops the image's CMD. Neither goes through a
 * shell unless it names one. The image is the project's Dockerfile when the service is `build:` from it
 * (the stage `build.target` names, else the last); a service that builds a `target` and gives no
 * command runs that stage's CMD. Paths the command names are in the build context, where the
 * Dockerfile's `COPY` took them from.
 */
export function readCompose(file: string, text: string, images: ImageLookup): FormatReading {
  const reading: FormatReading = { occurrences: [], problems: [] };
  const yaml = parseYaml(file, text, reading.problems);
  if (!yaml) return reading;
  const services = mapGet(yaml.doc.contents, 'services');
  if (services !== undefined && !isMap(services)) {
    reading.problems.push({ file, line: yaml.lineOf(services), message: '`services:` is not a mapping; docker compose refuses this file' });
    return reading;
  }
  for (const { key: name, value: service } of mapEntries(services)) {
    if (!isMap(service)) continue;
    const commandNode = mapGet(service, 'command');
    const entrypointNode = mapGet(service, 'entrypoint');
    const build = buildOf(file, service);
    // `target: ${TARGET-testing}`: compose interpolates it from the environment and `.env`; its
    // default is the stage built when the variable is unset, and without one the stage is unknown.
    const target = build?.target === undefined ? undefined : interpolatedDefault(build.target);
    const image = build && !(build.target !== undefined && target === undefined) ? images(build.dockerfile, target) : undefined;
    if (build?.target !== undefined && target !== undefined && !image && images(build.dockerfile)) {
      const node = mapGet(mapGet(service, 'build'), 'target') as Node;
      const named = target === build.target ? JSON.stringify(target) : `${JSON.stringify(target)} (the default of ${build.target})`;
      reading.problems.push({ file, line: yaml.lineOf(node), message: `build target ${named}: ${build.dockerfile} has no stage of that name; docker compose refuses to build it` });
      continue;
    }
    // Without a command of its own, a service runs its image's. The Dockerfile's own reading has the
    // last stage's, built from the Dockerfile's folder; read here are a `target` stage's, and the
    // image's when the service builds it from another context (`context: ../` for docker/Dockerfile),
    // where the paths its COPY and its ENTRYPOINT name are.
    const fromImage =
      !commandNode && !entrypointNode && build !== undefined && image !== undefined && (build.target !== undefined || build.context !== folderOf(build.dockerfile)) && (image.command !== undefined || image.entrypoint !== undefined);
    if (!commandNode && !entrypointNode && !fromImage) continue;
    const settings: CommandSettings = {
      file,
      source: 'docker-compose',
      env: withVariables(image?.env ?? new Map(), environmentOf(yaml, mapGet(service, 'environment'), file)),
      paths: { context: build?.context ?? folderOf(file), ...(image ? { copies: image.copies } : {}) },
    };
    const workingDir = scalarText(mapGet(service, 'working_dir')) ?? image?.workingDirectory;
    if (workingDir !== undefined) settings.workingDirectory = workingDir;

    const node = (entrypointNode ?? commandNode ?? mapGet(mapGet(service, 'build'), 'target') ?? mapGet(service, 'build')) as Node;
    const line = yaml.lineOf(node);
    // The image's words carry their Dockerfile lines; what this service runs is said at its own line,
    // as every place this reading names is in the compose file.
    const relined = (words: readonly Word[]): Word[] => words.map((word) => ({ ...word, line }));
    const command = commandNode ? composeCommandWords(yaml, commandNode) ?? [] : relined(image?.command?.words ?? []);
    const entrypoint = entrypointNode ? composeCommandWords(yaml, entrypointNode) ?? [] : undefined;
    const operator = operatorWithoutShell(command, file, 'docker compose');
    if (operator) reading.problems.push(operator);
    // The image's ENTRYPOINT runs this service's command: said at the service's line too (redash's CI
    // service was "run by .ci/compose.ci.yaml:133", its Dockerfile's line, in a file of 25).
    const inherited = image?.entrypoint ? ('exec' in image.entrypoint ? { exec: relined(image.entrypoint.exec) } : { shell: image.entrypoint.shell, line }) : undefined;
    const argv = containerArgv(image ? { ...image, ...(inherited ? { entrypoint: inherited } : {}) } : undefined, command, entrypoint);
    const occurrence: CommandOccurrence = {
      name,
      line,
      command: fromImage ? imageCommandText(image!, build!) : [entrypointNode, commandNode].filter((n): n is Node => !!n).map((n) => commandText(text, n)).join(' + '),
      settings,
      reading: readArgv(argv, settings),
    };
    reading.occurrences.push(occurrence);
  }
  return reading;
}

/** `build: ./dir` or `build: { context, dockerfile, target }`: the context relative to the compose file, the Dockerfile to the context. */
function buildOf(file: string, service: unknown): { context: string; dockerfile: string; target?: string } | undefined {
  const build = mapGet(service, 'build');
  if (build === undefined || build === null) return undefined;
  const written = scalarText(build) ?? scalarText(mapGet(build, 'context')) ?? '.';
  const context = folderOf(path.posix.join(path.posix.dirname(file), written, 'Dockerfile'));
  const dockerfile = path.posix.normalize(path.posix.join(context, scalarText(mapGet(build, 'dockerfile')) ?? 'Dockerfile'));
  const target = scalarText(mapGet(build, 'target'));
  return { context, dockerfile, ...(target !== undefined ? { target } : {}) };
}

/**
 * A value as compose interpolates it when its variables are unset: as written without any, the
 * default of a lone `${VAR-default}` or `${VAR:-default}` (the compose specification's
 * interpolation), else undefined: known only where compose runs. `$$` is a literal dollar.
 */
function interpolatedDefault(value: string): string | undefined {
  if (!value.replace(/\$\$/g, '').includes('$')) return value.replace(/\$\$/g, '$');
  const match = /^\$\{[A-Za-z_][A-Za-z0-9_]*:?-([^${}]*)\}$/.exec(value);
  return match?.[1];
}

/** What a service without a command of its own runs, as its image has it: `CMD [...] (target worker)`, `ENTRYPOINT [...] (built from .)`. */
function imageCommandText(image: ImageDefaults, build: { context: string; target?: string }): string {
  const entrypoint = image.entrypoint === undefined ? undefined : 'exec' in image.entrypoint ? `ENTRYPOINT ${JSON.stringify(image.entrypoint.exec.map((w) => w.text))}` : `ENTRYPOINT ${image.entrypoint.shell}`;
  const parts = [entrypoint, image.command?.text].filter((t): t is string => t !== undefined).join(' + ');
  return `${parts} (${build.target !== undefined ? `target ${build.target}` : `built from ${build.context || '.'}`})`;
}

/** A file's folder relative to the root, '' for the root itself. */
function folderOf(file: string): string {
  const folder = path.posix.dirname(path.posix.normalize(file));
  return folder === '.' ? '' : folder;
}

/**
 * A service's `command:` or `entrypoint:` as it is shown: a list as the exec form Docker writes
 * (`["uvicorn", "app:app", "--workers", "3"]`), not its YAML lines (dashes, comments and all); a
 * string as written.
 */
function commandText(text: string, node: Node): string {
  if (isSeq(node) && node.items.every((item) => scalarText(item) !== undefined)) return `[${node.items.map((item) => JSON.stringify(scalarText(item))).join(', ')}]`;
  return sourceText(text, node);
}

export function sourceText(text: string, node: Node): string {
  return node.range ? text.slice(node.range[0], node.range[1]).trim() : String(node);
}
