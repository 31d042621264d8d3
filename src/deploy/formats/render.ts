import path from 'node:path';
import { isSeq } from 'yaml';
import { readArgv, readCommandText, type CommandSettings } from '../commandLine.js';
import { withVariables, type EnvValue } from '../environment.js';
import { sourceText, type ImageLookup } from './compose.js';
import { containerArgv, type FormatReading } from './format.js';
import { composeCommandWords, mapGet, parseYaml, scalarText, valueLineAt } from './yamlSupport.js';

/**
 * Render's Blueprint (render.yaml): each service's `startCommand` (run by a shell in its `rootDir`),
 * or for Docker services `dockerCommand` (replaces the image's CMD), with its literal `envVars`.
 */
export function readRenderBlueprint(file: string, text: string, images: ImageLookup): FormatReading {
  const reading: FormatReading = { occurrences: [], problems: [] };
  const yaml = parseYaml(file, text, reading.problems);
  if (!yaml) return reading;
  const services = mapGet(yaml.doc.contents, 'services');
  if (!isSeq(services)) return reading;
  const folder = path.posix.dirname(file);
  for (const service of services.items) {
    const name = scalarText(mapGet(service, 'name'));
    const rootDir = scalarText(mapGet(service, 'rootDir'));
    const env: EnvValue[] = [];
    const envVars = mapGet(service, 'envVars');
    if (isSeq(envVars)) {
      for (const item of envVars.items) {
        const key = scalarText(mapGet(item, 'key'));
        if (!key) continue;
        const valueNode = mapGet(item, 'value');
        const value = scalarText(valueNode);
        // `fromDatabase`, `generateValue`, `sync: false`: set by Render at deploy time.
        env.push({ name: key, written: value ?? '', file, line: yaml.lineOf(valueNode ?? (item as never)), ...(value !== undefined ? { value } : {}) });
      }
    }
    const settings: CommandSettings = { file, source: 'render.yaml', env: withVariables(new Map(), env), ...(rootDir !== undefined ? { workingDirectory: rootDir } : {}) };
    const start = mapGet(service, 'startCommand');
    const startText = scalarText(start);
    if (start && startText !== undefined) {
      reading.occurrences.push({ ...(name ? { name } : {}), line: yaml.lineOf(start), command: sourceText(text, start), settings, reading: readCommandText(startText, valueLineAt(yaml, start), settings) });
    }
    const docker = mapGet(service, 'dockerCommand');
    if (docker && scalarText(docker) !== undefined) {
      const dockerfile = scalarText(mapGet(service, 'dockerfilePath')) ?? './Dockerfile';
      const image = images(path.posix.normalize(path.posix.join(folder, rootDir ?? '', dockerfile)));
      const dockerSettings: CommandSettings = { ...settings, env: withVariables(image?.env ?? new Map(), env) };
      if (image?.workingDirectory !== undefined) dockerSettings.workingDirectory = image.workingDirectory;
      const command = composeCommandWords(yaml, docker) ?? [];
      const argv = containerArgv(image, command);
      reading.occurrences.push({ ...(name ? { name } : {}), line: yaml.lineOf(docker), command: sourceText(text, docker), settings: dockerSettings, reading: readArgv(argv, dockerSettings) });
    }
  }
  return reading;
}
