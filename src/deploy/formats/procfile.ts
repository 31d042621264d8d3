import { readCommandText } from '../commandLine.js';
import { EMPTY_ENVIRONMENT } from '../environment.js';
import type { FormatReading } from './format.js';

const PROCESS_LINE = /^([A-Za-z0-9_-]+)[ \t]*:[ \t]*(.*)$/;

/**
 * Heroku's Procfile: one `<process type>: <command>` a line, each command run by `/bin/bash -c`
 * from the app's root (so `$PORT` and `&&` work, and `gunicorn.conf.py` there is found).
 */
export function readProcfile(file: string, text: string): FormatReading {
  const reading: FormatReading = { occurrences: [], problems: [] };
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const match = PROCESS_LINE.exec(trimmed);
    if (!match) {
      reading.problems.push({ file, line, message: `not a \`<process type>: <command>\` line; Heroku ignores it` });
      return;
    }
    const [, name, command] = match as unknown as [string, string, string];
    if (command.trim() === '') {
      reading.problems.push({ file, line, message: `process type ${JSON.stringify(name)} has no command` });
      return;
    }
    const settings = { file, source: 'Procfile' as const, env: EMPTY_ENVIRONMENT };
    reading.occurrences.push({ name, line, command, settings, reading: readCommandText(command, () => line, settings) });
  });
  return reading;
}
