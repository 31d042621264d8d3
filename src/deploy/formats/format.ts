import type { CommandReading, CommandSettings } from '../commandLine.js';
import type { Environment } from '../environment.js';
import { literalWord, type Word } from '../shellWords.js';
import type { DeployProblem } from '../types.js';

/** One command a deployment file runs, read. */
export interface CommandOccurrence {
  /** Procfile process type, compose service, render service, fly process group, systemd unit. */
  name?: string;
  line: number;
  /** As written, continuation lines folded. */
  command: string;
  reading: CommandReading;
  /** What it was read with, to read a script's `exec "$@"` arguments in the same context. */
  settings: CommandSettings;
}

export interface FormatReading {
  occurrences: CommandOccurrence[];
  problems: DeployProblem[];
}

/** What a Dockerfile's stage leaves to a container: compose and fly run their commands in it. */
export interface ImageDefaults {
  /** ENTRYPOINT in exec form (words), or in shell form (text run by /bin/sh -c). */
  entrypoint?: { exec: Word[] } | { shell: string; line: number };
  /** CMD as the argv Docker builds from it (shell form: `/bin/sh -c <text>`): what a compose service without `command:` runs. */
  command?: { words: Word[]; line: number; text: string };
  env: Environment;
  workingDirectory?: string;
  /** What `COPY`/`ADD` put in the image, from the build context: where a path the command names comes from. */
  copies: CopyMapping[];
}

/** One `COPY`/`ADD` from the build context, or from an earlier stage (not from another image). */
export interface CopyMapping {
  /** As written, relative to the build context (`docker/*.sh`, `.`, `backend/`). */
  sources: string[];
  /** Where they land, absolute in the image (a relative destination is resolved against WORKDIR). */
  destination: string;
  /** The destination is a folder the sources go into (written with a trailing `/`, or several sources). */
  intoFolder: boolean;
  /** `COPY --from=<stage>`: the sources are paths of that earlier stage, which has these copies of its own. */
  fromStage?: CopyMapping[];
}

/**
 * The argv a container runs: a given entrypoint replaces the image's (and its CMD), else the command
 * runs under the image's ENTRYPOINT (exec form: appended to it; shell form: the command is ignored).
 */
export function containerArgv(image: ImageDefaults | undefined, command: Word[], entrypoint?: Word[]): Word[] {
  if (entrypoint) return [...entrypoint, ...command];
  const inherited = image?.entrypoint;
  if (!inherited) return command;
  if ('exec' in inherited) return [...inherited.exec, ...command];
  return [literalWord('/bin/sh', inherited.line), literalWord('-c', inherited.line), literalWord(inherited.shell, inherited.line)];
}
