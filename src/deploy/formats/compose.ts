import path from 'node:path';
import { isMap, type Node } from 'yaml';
import { operatorWithoutShell, readArgv, type CommandSettings } from '../commandLine.js';
import { withVariables } from '../environment.js';
import { containerArgv, type CommandOccurrence, type FormatReading, type ImageDefaults } from './format.js';
import { composeCommandWords, environmentOf, mapEntries, mapGet, parseYaml, scalarText } from './yamlSupport.js';

/** Finds what a Dockerfile of the project leaves to its containers, by its path relative to the root. */
export type ImageLookup = (dockerfile: string) => ImageDefaults | undefined;

/**
 * docker compose's `services:`. A service's `command:` replaces the image's CMD and runs under its
 * ENTRYPOINT; `entrypoint:` replaces the ENTRYPOINT and drops the image's CMD. Neither goes through a
 * shell unless it names one. The image is the project's Dockerfile when the service is `build:` from it.
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
    if (!commandNode && !entrypointNode) continue;
    const image = buildImage(file, service, images);
    const settings: CommandSettings = {
      file,
      source: 'docker-compose',
      env: withVariables(image?.env ?? new Map(), environmentOf(yaml, mapGet(service, 'environment'), file)),
    };
    const workingDir = scalarText(mapGet(service, 'working_dir')) ?? image?.workingDirectory;
    if (workingDir !== undefined) settings.workingDirectory = workingDir;

    const command = commandNode ? composeCommandWords(yaml, commandNode) ?? [] : [];
    const entrypoint = entrypointNode ? composeCommandWords(yaml, entrypointNode) ?? [] : undefined;
    const operator = operatorWithoutShell(command, file, 'docker compose');
    if (operator) reading.problems.push(operator);
    const argv = containerArgv(image, command, entrypoint);
    const node = (entrypointNode ?? commandNode) as Node;
    const occurrence: CommandOccurrence = {
      name,
      line: yaml.lineOf(node),
      command: [entrypointNode, commandNode].filter((n): n is Node => !!n).map((n) => sourceText(text, n)).join(' + '),
      settings,
      reading: readArgv(argv, settings),
    };
    reading.occurrences.push(occurrence);
  }
  return reading;
}

/** `build: ./dir` or `build: { context, dockerfile }`, relative to the compose file. */
function buildImage(file: string, service: unknown, images: ImageLookup): ImageDefaults | undefined {
  const build = mapGet(service, 'build');
  if (build === undefined || build === null) return undefined;
  const context = scalarText(build) ?? scalarText(mapGet(build, 'context')) ?? '.';
  const dockerfile = scalarText(mapGet(build, 'dockerfile')) ?? 'Dockerfile';
  return images(path.posix.normalize(path.posix.join(path.posix.dirname(file), context, dockerfile)));
}

export function sourceText(text: string, node: Node): string {
  return node.range ? text.slice(node.range[0], node.range[1]).trim() : String(node);
}
