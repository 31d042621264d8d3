import { readCommandText, type CommandSettings } from '../commandLine.js';
import { withVariables } from '../environment.js';
import { sourceText } from './compose.js';
import type { FormatReading } from './format.js';
import { environmentOf, mapGet, parseYaml, scalarText, valueLineAt } from './yamlSupport.js';

/** The command App Engine's Python 3 standard runtime starts when app.yaml has no `entrypoint:` (its runtime docs). */
export const APP_ENGINE_DEFAULT_ENTRYPOINT = 'gunicorn -b :$PORT main:app';

export interface AppEngineReading extends FormatReading {
  /** Set when the default entrypoint applies: it needs `main.py` beside app.yaml. */
  usesDefaultEntrypoint?: boolean;
  /** False when the YAML has no `runtime:` (not an App Engine file: nothing was read from it). */
  isAppEngine: boolean;
}

/**
 * App Engine's app.yaml: `entrypoint:` is run by a shell with `env_variables:` set. Without one, the
 * Python 3 standard runtime (`runtime: python3X`) starts gunicorn on `main:app`.
 */
export function readAppYaml(file: string, text: string): AppEngineReading {
  const reading: AppEngineReading = { occurrences: [], problems: [], isAppEngine: false };
  const yaml = parseYaml(file, text, reading.problems);
  if (!yaml) return { ...reading, isAppEngine: reading.problems.length > 0 };
  const runtime = scalarText(mapGet(yaml.doc.contents, 'runtime'));
  if (runtime === undefined) return reading;
  reading.isAppEngine = true;
  const settings: CommandSettings = {
    file,
    source: 'app.yaml',
    env: withVariables(new Map(), environmentOf(yaml, mapGet(yaml.doc.contents, 'env_variables'), file)),
  };
  const service = scalarText(mapGet(yaml.doc.contents, 'service'));
  const entrypoint = mapGet(yaml.doc.contents, 'entrypoint');
  const entrypointText = scalarText(entrypoint);
  if (entrypoint && entrypointText !== undefined) {
    reading.occurrences.push({
      ...(service ? { name: service } : {}),
      line: yaml.lineOf(entrypoint),
      command: sourceText(text, entrypoint),
      settings,
      reading: readCommandText(entrypointText, valueLineAt(yaml, entrypoint), settings),
    });
  } else if (/^python3\d*$/.test(runtime)) {
    const line = yaml.lineOf(mapGet(yaml.doc.contents, 'runtime'));
    reading.usesDefaultEntrypoint = true;
    reading.occurrences.push({
      ...(service ? { name: service } : {}),
      line,
      command: '',
      settings,
      reading: readCommandText(APP_ENGINE_DEFAULT_ENTRYPOINT, () => line, settings),
    });
  }
  return reading;
}
