import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { describeError } from '../discover/discover.js';
import { isWithin, MAX_SMALL_FILE_BYTES, noteInput, pathKind, readRegularFile, realPath, type DeploymentListing } from '../files.js';
import { decodePythonSource } from '../extract/decode.js';
import { ParserAbort, ParserUnavailable, withPythonParser } from '../extract/parser.js';
import { injectedFault, internalError } from '../diagnostics.js';
import { newTreeWatch } from '../watch.js';
import { joinDirectory, readArgv, readCommandText, type CommandReading, type CommandSettings, type ScriptRun, type ServerStart, type SupervisorRun } from './commandLine.js';
import { EMPTY_ENVIRONMENT, expandKnown, withVariables, type Environment } from './environment.js';
import { readSupervisorConfig, type SupervisorProgram } from './formats/supervisord.js';
import { CONSOLE_SCRIPT_FILES, consoleScriptsOf, type ConsoleScript } from './consoleScripts.js';
import { readConsoleScriptRun } from './servers/python.js';
import { readAppYaml } from './formats/appEngine.js';
import { readCompose } from './formats/compose.js';
import { readDockerfile } from './formats/dockerfile.js';
import { readFlyToml } from './formats/fly.js';
import type { CommandOccurrence, FormatReading, ImageDefaults } from './formats/format.js';
import { readProcfile } from './formats/procfile.js';
import { readRenderBlueprint } from './formats/render.js';
import { readSystemdUnit } from './formats/systemd.js';
import { processModelOf } from './processModel.js';
import { copiedFrom, foldersHolding, type ProjectPaths } from './projectPaths.js';
import { gunicornSettingsOf, hypercornSettingsOf, readPythonConfig, type GunicornConfigSettings, type PythonConfigFile } from './pythonConfig.js';
import type { ServerSettings } from './servers/common.js';
import { readUwsgiIni, uwsgiDaemons, uwsgiReading, type UwsgiOption } from './servers/uwsgi.js';
import { selectCaseBranches } from './caseBranches.js';
import { linesFrom, splitCommandLine, type Word } from './shellWords.js';
import { fileKind, findDeploymentFiles, listingOf, listingValue, toRelative, type FileKind } from './deploymentFiles.js';
import type { Deployment, DeployProblem, DeploySource, Location, ServerProcess, Setting, UnrecognizedCommand } from './types.js';

/** Deployment files larger than this are reported and skipped: none of ours is near it. */
const MAX_DEPLOY_FILE_BYTES = MAX_SMALL_FILE_BYTES;
/** A script that runs a script that runs a script...: read this deep, no deeper. */
const MAX_SCRIPT_DEPTH = 4;
/** The name commands given to `readDeployment` directly are filed under. */
export const COMMAND_LINE_FILE = '(command line)';

export interface ReadDeploymentOptions {
  /** Commands to read as if typed (`gunicorn -w 4 app:app`), run from the root. */
  commands?: string[];
  /**
   * Where deployment files are looked for, relative to the root: folders (searched below) and
   * deployment files named directly. Default: the whole root. Paths are still relative to the root.
   */
  searchIn?: string[];
  /** Read deployment files through symbolic links that leave the root (`--follow-external-links`). */
  followExternalLinks?: boolean;
  /**
   * Searches of the last run that would find the same now (their watches hold, see replay.ts): the
   * one made with this root, `searchIn` and `followExternalLinks` is taken instead of searching.
   */
  listings?: readonly DeploymentListing[];
}

/**
 * Reads how `root` is deployed: every Procfile, Dockerfile, compose file, render.yaml, fly.toml,
 * app.yaml, systemd unit and gunicorn config below it (or only `files`, relative to it), following the
 * config files and scripts their commands name. Nothing is executed; bad input becomes a problem.
 */
export async function readDeployment(root: string, files?: string[], options: ReadDeploymentOptions = {}): Promise<Deployment> {
  return new DeploymentReader(path.resolve(root), options.followExternalLinks ?? false, options.listings ?? []).run(files, options.commands ?? [], options.searchIn);
}

class DeploymentReader {
  private readonly deployment: Deployment = { processes: [], unrecognized: [], problems: [], read: [] };
  private readonly images = new Map<string, ImageDefaults>();
  private readonly texts = new Map<string, Promise<string | undefined>>();
  private readonly gunicornConfigs = new Map<string, Promise<GunicornConfigSettings | undefined>>();
  /** Config files some command uses: not listed again as processes of their own. */
  private readonly usedConfigs = new Set<string>();
  /** Dockerfiles a compose service, render.yaml or fly.toml builds: each of those says what its image runs. */
  private readonly builtByOthers = new Set<string>();
  /** The commands of Dockerfiles in a subfolder whose files are at the root (see `builtFromRoot`), read after the files that may build them. */
  private readonly fromRootContext: Array<{ file: string; occurrences: CommandOccurrence[] }> = [];
  /** The image a Dockerfile (and a stage of it) gives, looked up by a file that builds it. */
  private readonly imageFor = (dockerfile: string, target?: string): ImageDefaults | undefined => {
    this.builtByOthers.add(dockerfile);
    return this.images.get(target === undefined ? dockerfile : `${dockerfile}\0${target.toLowerCase()}`);
  };
  private realRoot: Promise<string> | undefined;
  /** The console scripts the project declares, by name (see consoleScripts.ts): the first declared wins. */
  private readonly consoleScripts = new Map<string, ConsoleScript>();

  constructor(
    private readonly root: string,
    private readonly followExternalLinks: boolean,
    private readonly listings: readonly DeploymentListing[],
  ) {}

  async run(files: string[] | undefined, commands: string[], searchIn: string[] = ['']): Promise<Deployment> {
    let chosen: string[];
    if (files) chosen = files.map((f) => toRelative(this.root, f));
    else {
      const where = JSON.stringify(searchIn);
      const known = this.listings.find((l) => l.root === this.root && l.followExternalLinks === this.followExternalLinks && JSON.stringify(l.searchIn) === where);
      // The last run's search, while what it looked at is unchanged: walking a tree of 20,000
      // modules again for it took a twentieth of a run after one file changed.
      const watch = known?.watch ?? newTreeWatch();
      const listed = known ? listingOf(known.value) : await findDeploymentFiles(this.root, searchIn, watch);
      chosen = listed.found;
      this.problems(listed.problems);
      noteInput({ kind: 'deployment-files', root: this.root, searchIn, followExternalLinks: this.followExternalLinks, value: known?.value ?? listingValue(listed), watch });
    }
    const kinds = new Map<string, FileKind>();
    for (const file of chosen) {
      const kind = fileKind(file);
      if (kind) kinds.set(file, kind);
      else this.problem({ file, message: 'not a deployment file importleak reads (Procfile, Dockerfile, compose, render.yaml, fly.toml, app.yaml, *.service, gunicorn config, uWSGI ini)' });
    }
    await this.readConsoleScripts([...kinds.keys()]);
    // Dockerfiles first: compose, render and fly run their commands in the images they build.
    const ordered = [...kinds].sort(([, a], [, b]) => Number(b === 'Dockerfile') - Number(a === 'Dockerfile'));
    const standaloneConfigs: Array<[string, 'gunicorn.conf.py' | 'uwsgi.ini']> = [];
    for (const [file, kind] of ordered) {
      if (kind === 'gunicorn.conf.py' || kind === 'uwsgi.ini') {
        standaloneConfigs.push([file, kind]);
        continue;
      }
      const text = await this.readText(file);
      if (text === undefined) continue;
      await this.contained(file, `the ${kind} reader`, () => this.readFormat(file, kind, text));
    }
    for (const { file, occurrences } of this.fromRootContext) {
      // Built by a compose file, it is read as before, from its own folder (that file's services say the rest).
      const context = this.builtByOthers.has(file) ? undefined : '';
      await this.contained(file, 'the Dockerfile reader', async () => {
        for (const occurrence of occurrences) {
          await this.addOccurrence(context === undefined ? occurrence : { ...occurrence, settings: { ...occurrence.settings, paths: { ...projectPathsOf(occurrence.settings), context } } });
        }
      });
    }
    for (const command of commands) {
      const settings = { file: COMMAND_LINE_FILE, source: 'command-line' as const, env: EMPTY_ENVIRONMENT };
      await this.contained(COMMAND_LINE_FILE, 'the command-line reader', async () => this.addOccurrence({ line: 1, command, settings, reading: readCommandText(command, () => 1, settings) }));
    }
    for (const [file, kind] of standaloneConfigs) {
      if (this.usedConfigs.has(file)) continue;
      if (kind === 'uwsgi.ini') await this.contained(file, 'the uWSGI ini reader', () => this.addStandaloneUwsgi(file));
      else await this.contained(file, 'the gunicorn config reader', () => this.addStandaloneConfig(file));
    }
    // A Dockerfile's own command that starts nothing we model, read from the Dockerfile's folder, is
    // not said when a compose service (render.yaml, fly.toml) builds it: that file says what the image
    // runs, from the context it builds it in (mealie's `context: ../` finds the script the Dockerfile
    // copies, which its own folder does not have).
    if (this.builtByOthers.size) this.deployment.unrecognized = this.deployment.unrecognized.filter((u) => !(u.source === 'Dockerfile' && this.builtByOthers.has(u.file)));
    return this.deployment;
  }

  /**
   * Runs one reader: an exception in it (a bug of importleak) is reported as an internal error of
   * `file`, and the other deployment files are still read.
   */
  private async contained(file: string, component: string, read: () => Promise<void>): Promise<void> {
    try {
      injectedFault('deployment', file);
      await read();
    } catch (error) {
      this.problem({ file, kind: 'internal-error', message: internalError(component, file, error).message });
    }
  }

  /** A Python config file's settings; a parser abort or an exception reading it is a problem of that file. */
  private async readPythonConfigFile(file: string, text: string): Promise<PythonConfigFile> {
    try {
      return await withPythonParser(file, (parser) => readPythonConfig(parser, file, text));
    } catch (error) {
      if (error instanceof ParserAbort) this.problem({ file, message: `could not be parsed: ${error.message}` });
      else if (error instanceof ParserUnavailable) this.problem({ file, message: error.message });
      else this.problem({ file, kind: 'internal-error', message: internalError('the Python config reader', file, error).message });
      return { refused: true, assignments: new Map(), functions: new Map(), problems: [] };
    }
  }

  /**
   * A Dockerfile in a subfolder whose `COPY` sources are none of them in its folder, and some at the
   * project's root: it is built with the root as its context (`docker build -f docker/default.Dockerfile .`,
   * as linkding's workflow builds it), not its own folder. Globs, `.`, `--from` and URLs say nothing.
   */
  private async builtFromRoot(file: string, images: readonly ImageDefaults[]): Promise<boolean> {
    const folder = path.posix.dirname(file);
    if (folder === '.' || folder === '') return false;
    const sources = new Set<string>();
    for (const image of images) {
      for (const copy of image.copies) {
        if (copy.fromStage) continue;
        for (const source of copy.sources) {
          const written = path.posix.normalize(source.replace(/\/+$/, ''));
          if (written !== '.' && !written.startsWith('..') && !path.posix.isAbsolute(written) && !/[*?[]|:\/\//.test(written)) sources.add(written);
        }
      }
    }
    let atRoot = false;
    for (const source of sources) {
      if (await this.exists(path.posix.join(folder, source))) return false;
      atRoot ||= await this.exists(source);
    }
    return atRoot;
  }

  private async readFormat(file: string, kind: FileKind, text: string): Promise<void> {
    let reading: FormatReading;
    switch (kind) {
      case 'Procfile':
        reading = readProcfile(file, text);
        break;
      case 'Dockerfile': {
        const dockerfile = readDockerfile(file, text);
        this.images.set(file, dockerfile.image);
        for (const [stage, image] of dockerfile.stages) this.images.set(`${file}\0${stage}`, image);
        // Its own command, built from the project's root when that is where its files are, unless a
        // compose file (render.yaml, fly.toml) builds it and says from where: read once those are.
        if (await this.builtFromRoot(file, [dockerfile.image, ...dockerfile.stages.values()])) {
          this.problems(dockerfile.problems);
          this.fromRootContext.push({ file, occurrences: dockerfile.occurrences });
          return;
        }
        reading = dockerfile;
        break;
      }
      case 'docker-compose':
        reading = readCompose(file, text, this.imageFor);
        break;
      case 'render.yaml':
        reading = readRenderBlueprint(file, text, (dockerfile) => this.imageFor(dockerfile));
        break;
      case 'fly.toml':
        reading = readFlyToml(file, text, (dockerfile) => this.imageFor(dockerfile));
        break;
      case 'app.yaml': {
        const appYaml = readAppYaml(file, text);
        reading = appYaml;
        if (appYaml.usesDefaultEntrypoint) {
          const main = path.posix.join(path.posix.dirname(file), 'main.py');
          if (!(await this.exists(main))) {
            this.problem({ file, line: appYaml.occurrences[0]?.line ?? 1, message: 'no `entrypoint:` and no main.py beside app.yaml: App Engine has no app to start' });
            reading = { ...appYaml, occurrences: [] };
          }
        }
        break;
      }
      case 'systemd':
        reading = readSystemdUnit(file, text);
        break;
      default:
        return;
    }
    this.problems(reading.problems);
    for (const occurrence of reading.occurrences) await this.addOccurrence(occurrence);
  }

  private async addOccurrence(occurrence: CommandOccurrence, launchedBy?: Location & { source: DeploySource }, depth = 0): Promise<void> {
    await this.addReading(occurrence, occurrence.reading, launchedBy, depth);
  }

  private async addReading(occurrence: CommandOccurrence, reading: CommandReading, launchedBy: (Location & { source: DeploySource }) | undefined, depth: number): Promise<void> {
    this.problems(reading.problems);
    for (const start of reading.servers) await this.addServer(occurrence, start, launchedBy);
    for (const { line, program, args, workingDirectory, background, last } of reading.unrecognized) {
      // `nautobot-server start`: a program the project installs, which runs one of its functions.
      const script = args ? this.consoleScriptNamed(program) : undefined;
      if (script) {
        await this.addConsoleScript(occurrence, script, { text: program, line }, args!, workingDirectory, launchedBy, { ...(background ? { background } : {}), ...(last ? { last } : {}) });
        continue;
      }
      const unrecognized: UnrecognizedCommand = {
        file: occurrence.settings.file,
        line,
        source: occurrence.settings.source,
        ...(occurrence.name ? { name: occurrence.name } : {}),
        command: occurrence.command || program,
        program,
      };
      this.deployment.unrecognized.push(unrecognized);
    }
    for (const script of reading.scripts) await this.addScript(occurrence, script, depth);
    for (const supervisor of reading.supervisors ?? []) await this.addSupervisor(occurrence, supervisor, depth);
  }

  /**
   * `supervisord -c supervisord.conf` (or supervisord's own search: `supervisord.conf` and
   * `etc/supervisord.conf` where it runs, `/etc/supervisord.conf`, `/etc/supervisor/supervisord.conf`):
   * each `[program:x]` it starts runs its command, split as supervisord splits it (no shell), in its
   * `directory`, with its `environment`. Found on redash (`exec supervisord -c worker.conf` for its
   * RQ workers) and onyx (its background container's Celery workers and beat).
   */
  private async addSupervisor(occurrence: CommandOccurrence, run: SupervisorRun, depth: number): Promise<void> {
    const { file, source } = occurrence.settings;
    const candidates = run.config !== undefined ? [run.config] : ['supervisord.conf', 'etc/supervisord.conf', '/etc/supervisord.conf', '/etc/supervisor/supervisord.conf'];
    let resolved: string | undefined;
    let written: string | undefined;
    for (const candidate of depth < MAX_SCRIPT_DEPTH ? candidates : []) {
      resolved = await this.resolveProjectPath(candidate, occurrence.settings, run.workingDirectory);
      if (resolved) {
        written = candidate;
        break;
      }
    }
    const text = resolved ? await this.readText(resolved) : undefined;
    if (!resolved || text === undefined) {
      this.deployment.unrecognized.push({ file, line: run.line, source, ...(occurrence.name ? { name: occurrence.name } : {}), command: occurrence.command || 'supervisord', program: 'supervisord' });
      return;
    }
    // `%(here)s`: the config file's folder in the container, when the command says where it is.
    const inContainer = written!.startsWith('/') ? written! : run.workingDirectory?.startsWith('/') ? path.posix.join(run.workingDirectory, written!) : undefined;
    for (const program of readSupervisorConfig(resolved, text, inContainer === undefined ? undefined : path.posix.dirname(inContainer))) {
      if (!program.autostart) continue;
      const workingDirectory = program.directory ?? run.workingDirectory;
      const settings: CommandSettings = {
        file: resolved,
        source: 'supervisord',
        env: withVariables(run.env, program.environment),
        ...(workingDirectory !== undefined ? { workingDirectory } : {}),
        paths: projectPathsOf(occurrence.settings),
      };
      const words = splitCommandLine(program.command, 'words', () => program.line)
        .commands.flatMap((c) => c.words)
        .map((w) => expandKnown(w, settings.env));
      const reading = readArgv(words, settings);
      const inConfig: CommandOccurrence = { line: program.line, command: program.command, settings, reading, name: occurrence.name ? `${occurrence.name} ${program.name}` : program.name };
      const before = this.deployment.processes.length;
      await this.addReading(inConfig, reading, { file, line: run.line, source }, depth + 1);
      const copies = copiesOf(program, resolved, settings.env);
      if (copies) for (const process of this.deployment.processes.slice(before)) process.copies = copies;
    }
  }

  /** A script the command runs: its own commands are read when it is in the project; `exec "$@"` goes back to the command's arguments. */
  private async addScript(occurrence: CommandOccurrence, script: ScriptRun, depth: number): Promise<void> {
    const { file, source } = occurrence.settings;
    const resolved = depth < MAX_SCRIPT_DEPTH ? await this.resolveProjectPath(script.path, occurrence.settings, script.workingDirectory) : undefined;
    const command = commandInArguments(script.args);
    const argumentsRun = async (): Promise<void> => {
      if (command.length === 0) return;
      await this.addReading(occurrence, readArgv(command, { ...occurrence.settings, env: script.env }), undefined, depth + 1);
    };
    if (!resolved) {
      const consoleScript = this.consoleScriptNamed(script.path);
      if (consoleScript) await this.addConsoleScript(occurrence, consoleScript, { text: script.path, line: script.line }, script.args, script.workingDirectory, undefined);
      else if (command.length > 0) await argumentsRun();
      else this.deployment.unrecognized.push({ file, line: script.line, source, ...(occurrence.name ? { name: occurrence.name } : {}), command: occurrence.command || script.path, program: script.path });
      return;
    }
    const text = await this.readText(resolved);
    if (text === undefined) return;
    // The script runs where the command that runs it does: in the same container, from the same context.
    const settings = {
      file: resolved,
      source: 'shell-script' as const,
      env: script.env,
      ...(script.workingDirectory !== undefined ? { workingDirectory: script.workingDirectory } : {}),
      paths: projectPathsOf(occurrence.settings),
      arguments: script.args,
    };
    // `case "$1" in server) ...;; esac`: only the branch the first argument selects runs.
    const selected = selectCaseBranches(text, script.args[0]);
    const reading = readCommandText(selected, linesFrom(selected, 1), settings);
    const inScript: CommandOccurrence = { line: 1, command: '', settings, reading, ...(occurrence.name ? { name: occurrence.name } : {}) };
    // A script does much besides starting servers (waiting for a database, copying files): its other
    // programs are not listed; the script is, when it starts nothing we know. A console script of the
    // project's is a program we know.
    const consoleScripts = reading.unrecognized.filter((u) => u.args !== undefined && this.consoleScriptNamed(u.program) !== undefined);
    await this.addReading(inScript, { ...reading, unrecognized: consoleScripts, runsArguments: false }, { file, line: script.line, source }, depth + 1);
    if (reading.runsArguments) await argumentsRun();
    else if (reading.servers.length === 0 && reading.scripts.length === 0) {
      this.deployment.unrecognized.push({ file, line: script.line, source, ...(occurrence.name ? { name: occurrence.name } : {}), command: occurrence.command || script.path, program: script.path });
    }
  }

  private async addServer(occurrence: CommandOccurrence, start: ServerStart, launchedBy?: Location & { source: DeploySource }): Promise<void> {
    let { reading } = start;
    const { file, source } = occurrence.settings;
    // `python /app/bin/radicale`: the console script pip wrote, run by the interpreter; not a file of the project.
    const run = reading.server === 'python' ? reading.script : undefined;
    const script = run ? this.consoleScriptNamed(run.written) : undefined;
    if (script && !(await this.resolveProjectPath(run!.written, occurrence.settings, start.startDirectory))) {
      const context = { file, source, env: occurrence.settings.env };
      reading = { ...readConsoleScriptRun(script, { text: run!.written, line: run!.line }, run!.args, context), problems: reading.problems };
    }
    // A command read from a script is quoted as the script's line: what is in the file at that line.
    const command = occurrence.command || (source === 'shell-script' ? (await this.texts.get(file))?.split(/\r?\n/)[start.line - 1]?.trim() : undefined);
    const process: ServerProcess = {
      file,
      line: start.line,
      source,
      ...(occurrence.name ? { name: occurrence.name } : {}),
      server: reading.server,
      ...(command ? { command } : {}),
      ...(launchedBy ? { launchedBy } : {}),
      // Only what a script file runs: a Procfile line or a compose command is the process anyway.
      ...(source !== 'shell-script' ? {} : start.background ? { staysUp: 'background' as const } : start.last ? { staysUp: 'last' as const } : {}),
      ...(start.choice ? { choice: { file, ...start.choice } } : {}),
    };
    this.problems(reading.problems);
    let fromConfig: ServerSettings = {};
    let appSpec = reading.appSpec;
    let workingDirectory = start.workingDirectory;
    let pythonPath = reading.pythonPath;
    let uwsgiOptions: readonly UwsgiOption[] = [];
    if (reading.server === 'gunicorn') {
      const written = reading.configFile?.written ?? './gunicorn.conf.py';
      const resolved = await this.resolveProjectPath(written.replace(/^file:/, ''), occurrence.settings, start.startDirectory, written.startsWith('python:'));
      const configLocation = { file: reading.configFile?.file ?? file, line: reading.configFile?.line ?? start.line };
      if (resolved) {
        const config = await this.gunicornConfig(resolved);
        this.usedConfigs.add(resolved);
        process.configFile = { ...configLocation, written, resolved };
        if (config) {
          fromConfig = config.settings;
          appSpec ??= config.appSpec;
          if (config.hooks.length) process.hooks = config.hooks;
          if (config.workingDirectory !== undefined && reading.workingDirectory === undefined) workingDirectory = config.workingDirectory;
          pythonPath ??= config.pythonPath;
        }
      } else if (reading.configFile) {
        process.configFile = { ...configLocation, written };
        this.problem({ ...configLocation, message: `gunicorn -c ${written}: no such file in the project, so its settings could not be read` });
      }
      if (!appSpec && reading.problems.length === 0) {
        this.problem({ file, line: start.line, message: 'gunicorn has no application to load: none on the command line and no `wsgi_app` in its config file ("No application module specified")' });
      }
    } else if (reading.server === 'hypercorn' && reading.configFile) {
      fromConfig = await this.hypercornConfig(process, reading.configFile, occurrence.settings, start.startDirectory);
    } else if (reading.server === 'uwsgi') {
      const ini = reading.configFile ? await this.uwsgiIni(process, reading.configFile, occurrence.settings, start.startDirectory) : [];
      // The ini's options first, then the command line's: uWSGI reads both; a later value wins.
      uwsgiOptions = [...ini, ...(reading.uwsgiOptions ?? [])];
      const combined = uwsgiReading(uwsgiOptions, file);
      this.problems(combined.problems.filter((p) => p.file !== file));
      fromConfig = combined.commandLine;
      appSpec = combined.appSpec;
      if (combined.workingDirectory !== undefined) workingDirectory = joinDirectory(start.startDirectory, combined.workingDirectory);
      pythonPath = combined.pythonPath;
      if (!appSpec && reading.problems.length === 0) {
        this.problem({ file, line: start.line, message: 'uWSGI has no application to load: no `module`, `wsgi` or `wsgi-file` on the command line or in its ini file ("no app loaded")' });
      }
    }
    const settings: ServerSettings = { ...reading.environmentDefaults, ...fromConfig, ...reading.environmentArguments, ...reading.commandLine };
    if (appSpec) process.appSpec = appSpec;
    Object.assign(process, settings);
    if (reading.celery) process.celery = reading.celery;
    if (reading.flaskCommand !== undefined) process.flaskCommand = reading.flaskCommand;
    if (workingDirectory !== undefined) process.workingDirectory = workingDirectory;
    if (pythonPath?.length) process.pythonPath = pythonPath;
    // A console script's package is installed: found where the project that declares it has its modules.
    const scriptFolder = appSpec?.consoleScript ? this.consoleScripts.get(appSpec.consoleScript.name)?.folder : undefined;
    const roots = scriptFolder !== undefined ? [scriptFolder, path.posix.join(scriptFolder, 'src')] : await this.importRoots(occurrence.settings, workingDirectory, pythonPath);
    if (roots.length) process.importRoots = roots;
    const model = processModelOf(process);
    if (model) process.processModel = model;
    this.deployment.processes.push(process);
    await this.addUwsgiDaemons(uwsgiOptions, process, occurrence.settings, workingDirectory);
  }

  /**
   * The console scripts declared in the root's pyproject.toml, setup.cfg and setup.py, and in those
   * of each folder holding a deployment file and the folders above it (a monorepo's `apps/api/`):
   * nearest the root first, so a name declared twice is the root project's.
   */
  private async readConsoleScripts(deploymentFiles: readonly string[]): Promise<void> {
    const folders = new Set<string>(['']);
    for (const file of deploymentFiles) {
      const parts = path.posix.dirname(file).split('/').filter((p) => p !== '.' && p !== '');
      for (let i = 1; i <= parts.length; i++) folders.add(parts.slice(0, i).join('/'));
    }
    const ordered = [...folders].sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : a > b ? 1 : 0));
    for (const folder of ordered) {
      for (const name of CONSOLE_SCRIPT_FILES) {
        const file = folder ? `${folder}/${name}` : name;
        if (!(await this.exists(file))) continue;
        const bytes = await this.readDeclarations(file);
        if (bytes === undefined) continue;
        const reading = consoleScriptsOf(file, bytes);
        this.problems(reading.problems);
        for (const script of reading.scripts) if (!this.consoleScripts.has(script.name)) this.consoleScripts.set(script.name, script);
      }
    }
  }

  /**
   * A pyproject.toml, setup.cfg or setup.py read for its console scripts: not a deployment file (not
   * listed as read). One that cannot be read, or leads out of the project, is passed over here: the
   * scan says so of setup.py, and the reader of `requires-python` of a pyproject.toml.
   */
  private async readDeclarations(file: string): Promise<Uint8Array | undefined> {
    const absolute = path.join(this.root, file);
    if ((await this.linkOutOfProject(absolute)) !== undefined) return undefined;
    const read = await readRegularFile(absolute, MAX_DEPLOY_FILE_BYTES);
    return read.ok ? read.bytes : undefined;
  }

  /** Where `absolute` really is, when it is a link out of the project that is not to be followed (to /etc, another checkout). */
  private async linkOutOfProject(absolute: string): Promise<string | undefined> {
    const real = await realPath(absolute);
    this.realRoot ??= realPath(this.root).then((r) => r ?? this.root);
    return real && !this.followExternalLinks && !isWithin(real, await this.realRoot) ? real : undefined;
  }

  /**
   * The console script a program run names: by its bare name (as PATH finds it), or by a path in a
   * `bin/` folder (`/app/bin/radicale`, `/opt/venv/bin/nautobot-server`), where pip writes them.
   */
  private consoleScriptNamed(program: string): ConsoleScript | undefined {
    if (this.consoleScripts.size === 0) return undefined;
    const name = path.posix.basename(program);
    if (program !== name && !/(^|\/)bin\/[^/]+$/.test(program)) return undefined;
    return this.consoleScripts.get(name);
  }

  private async addConsoleScript(
    occurrence: CommandOccurrence,
    script: ConsoleScript,
    program: { text: string; line: number },
    args: readonly Word[],
    workingDirectory: string | undefined,
    launchedBy: (Location & { source: DeploySource }) | undefined,
    order: Pick<ServerStart, 'background' | 'last'> = {},
  ): Promise<void> {
    const context = { file: occurrence.settings.file, source: occurrence.settings.source, env: occurrence.settings.env };
    const start: ServerStart = { reading: readConsoleScriptRun(script, program, args, context), line: program.line, ...order, ...(workingDirectory !== undefined ? { startDirectory: workingDirectory, workingDirectory } : {}) };
    await this.addServer(occurrence, start, launchedBy);
  }

  /**
   * The commands a uWSGI master keeps running beside the app (healthchecks' `attach-daemon =
   * ./manage.py sendalerts --skip-checks`): each a process of its own, run by a shell in uWSGI's
   * working directory, with its environment. The daemons of a uWSGI that is itself a daemon are not
   * read again.
   */
  private async addUwsgiDaemons(options: readonly UwsgiOption[], uwsgi: ServerProcess, settings: CommandSettings, workingDirectory: string | undefined): Promise<void> {
    if (this.readingDaemons) return;
    this.readingDaemons = true;
    try {
      for (const daemon of uwsgiDaemons(options)) await this.addUwsgiDaemon(daemon, uwsgi, settings, workingDirectory);
    } finally {
      this.readingDaemons = false;
    }
  }

  /** Set while the daemons of a uWSGI are read. */
  private readingDaemons = false;

  private async addUwsgiDaemon({ option, command }: { option: UwsgiOption; command: string }, uwsgi: ServerProcess, settings: CommandSettings, workingDirectory: string | undefined): Promise<void> {
    const daemonSettings: CommandSettings = {
      file: option.file,
      source: option.origin === 'config-file' ? 'uwsgi.ini' : settings.source,
      env: settings.env,
      ...(workingDirectory !== undefined ? { workingDirectory } : {}),
      paths: projectPathsOf(settings),
    };
    // uWSGI puts its placeholders in before the shell runs the command: `%(_)` and `$(PORT)` are
    // values known at run time, read as the shell's `${_}` and `${PORT}` (not as a `(` the shell refuses).
    const written = command.replace(/[%$]\(([A-Za-z_][\w.-]*)\)/g, (_, name: string) => `\${${name.replace(/[.-]/g, '_')}}`);
    const reading = readCommandText(written, () => option.line, daemonSettings);
    const before = this.deployment.processes.length;
    const occurrence: CommandOccurrence = { line: option.line, command, settings: daemonSettings, reading, ...(uwsgi.name ? { name: uwsgi.name } : {}) };
    await this.addReading(occurrence, reading, { file: uwsgi.file, line: uwsgi.line, source: uwsgi.source }, 1);
    const daemon = { file: option.file, line: option.line, via: option.via, ...(option.when ? { when: option.when.text } : {}) };
    for (const process of this.deployment.processes.slice(before)) process.daemon = daemon;
  }

  /**
   * The project folders the process imports its app from, as `sys.path` has them: the extra paths
   * (`--pythonpath`, `--app-dir`, relative to the working directory), then the working directory
   * itself (gunicorn and uvicorn put it first on `sys.path`, `python -m` too). Only folders found in
   * the project are listed.
   */
  private async importRoots(settings: CommandSettings, workingDirectory: string | undefined, pythonPath: readonly string[] | undefined): Promise<string[]> {
    const roots: string[] = [];
    for (const written of [...(pythonPath ?? []).map((p) => joinDirectory(workingDirectory, p)), workingDirectory]) {
      const folder = await this.projectFolder(written, settings);
      if (folder !== undefined && !roots.includes(folder)) roots.push(folder);
    }
    return roots;
  }

  /**
   * The project folder a directory of the command names: relative, from the folder its file runs in
   * (the Procfile's, the build context); absolute, through what the image copied there, else by ever
   * shorter tails of it (`/srv/shop/backend` is `backend/` of a checkout), as config files are found.
   */
  private async projectFolder(written: string | undefined, settings: CommandSettings): Promise<string | undefined> {
    const paths = projectPathsOf(settings);
    if (written === undefined) return paths.context;
    const candidates: string[] = [];
    if (!written.startsWith('/')) candidates.push(path.posix.join(paths.context, written));
    else {
      candidates.push(...copiedFrom(written, paths));
      for (const { folder, source } of foldersHolding(written, paths)) if (await this.isFolder(path.posix.normalize(source))) candidates.push(folder);
      const parts = written.split('/').filter(Boolean);
      for (let i = 0; i < parts.length; i++) candidates.push(path.posix.join(paths.context, ...parts.slice(i)), path.posix.join(...parts.slice(i)));
    }
    for (const candidate of candidates) {
      const normal = path.posix.normalize(candidate);
      if (normal.startsWith('..') || path.posix.isAbsolute(normal)) continue;
      if (await this.isFolder(normal)) return normal === '.' ? '' : normal.replace(/\/$/, '');
    }
    return undefined;
  }

  private async isFolder(relative: string): Promise<boolean> {
    return (await pathKind(path.join(this.root, relative))) === 'folder';
  }

  /** `hypercorn -c config.toml` (TOML), `-c file:conf.py` or `-c python:module` (Python). */
  private async hypercornConfig(
    process: ServerProcess,
    config: { written: string; file: string; line: number },
    command: CommandSettings,
    startDirectory: string | undefined,
  ): Promise<ServerSettings> {
    const { written } = config;
    const isPython = written.startsWith('file:') || written.startsWith('python:');
    const resolved = await this.resolveProjectPath(written.replace(/^file:/, ''), command, startDirectory, written.startsWith('python:'));
    process.configFile = { file: config.file, line: config.line, written, ...(resolved ? { resolved } : {}) };
    if (!resolved) {
      this.problem({ file: config.file, line: config.line, message: `hypercorn -c ${written}: no such file in the project, so its settings could not be read` });
      return {};
    }
    const text = await this.readText(resolved);
    if (text === undefined) return {};
    if (isPython) {
      const parsed = await this.readPythonConfigFile(resolved, text);
      this.problems(parsed.problems);
      return hypercornSettingsOf(parsed, resolved);
    }
    let data: Record<string, unknown>;
    try {
      data = parseToml(text) as Record<string, unknown>;
    } catch (error) {
      const line = (error as { line?: number }).line;
      this.problem({ file: resolved, ...(line ? { line } : {}), message: `TOML syntax error: ${describeError(error).split('\n')[0]!.replace(/^Invalid TOML document: /, '')}` });
      return {};
    }
    const lineOf = (key: string): number => Math.max(1, text.split(/\r?\n/).findIndex((l) => new RegExp(`^\\s*${key}\\s*=`).test(l)) + 1);
    const base = (key: string) => ({ file: resolved, line: lineOf(key), origin: 'config-file' as const, via: `${key} =` });
    const settings: ServerSettings = {};
    if (typeof data.workers === 'number') settings.workers = { ...base('workers'), value: data.workers };
    else if (typeof data.workers === 'bigint') settings.workers = { ...base('workers'), value: Number(data.workers) };
    if (typeof data.worker_class === 'string') settings.workerClass = { ...base('worker_class'), value: data.worker_class };
    if (typeof data.bind === 'string') settings.bind = { ...base('bind'), value: [data.bind] };
    else if (Array.isArray(data.bind)) settings.bind = { ...base('bind'), value: data.bind.map(String) };
    return settings;
  }

  /** `uwsgi --ini uwsgi.ini` (or `uwsgi.ini:section`): the options of its section, read from the project. */
  private async uwsgiIni(process: ServerProcess, config: { written: string; file: string; line: number }, command: CommandSettings, startDirectory: string | undefined): Promise<UwsgiOption[]> {
    const { written } = config;
    const resolved = await this.resolveProjectPath(written.replace(/:[\w-]+$/, ''), command, startDirectory);
    process.configFile = { file: config.file, line: config.line, written, ...(resolved ? { resolved } : {}) };
    if (!resolved) {
      this.problem({ file: config.file, line: config.line, message: `uwsgi --ini ${written}: no such file in the project, so its settings could not be read` });
      return [];
    }
    this.usedConfigs.add(resolved);
    const text = await this.readText(resolved);
    if (text === undefined) return [];
    const ini = readUwsgiIni(resolved, text, written);
    if (!ini.hasSection) this.problem({ file: resolved, message: `no [${/:([\w-]+)$/.exec(written)?.[1] ?? 'uwsgi'}] section: uWSGI finds no options in this file` });
    return ini.options;
  }

  /** A uWSGI ini file no command names: `uwsgi --ini` run on it from its folder. */
  private async addStandaloneUwsgi(file: string): Promise<void> {
    const text = await this.readText(file);
    if (text === undefined) return;
    const ini = readUwsgiIni(file, text, path.posix.basename(file));
    if (!ini.hasSection) return;
    const reading = uwsgiReading(ini.options, file);
    this.problems(reading.problems);
    const line = reading.appSpec?.line ?? 1;
    const process: ServerProcess = { file, line, source: 'uwsgi.ini', server: 'uwsgi', configFile: { file, line: 1, written: path.posix.basename(file), resolved: file } };
    if (reading.appSpec) process.appSpec = reading.appSpec;
    Object.assign(process, reading.commandLine);
    if (reading.workingDirectory !== undefined) process.workingDirectory = reading.workingDirectory;
    if (reading.pythonPath?.length) process.pythonPath = reading.pythonPath;
    const settings = { file, source: 'uwsgi.ini' as const, env: EMPTY_ENVIRONMENT };
    const roots = await this.importRoots(settings, reading.workingDirectory, reading.pythonPath);
    if (roots.length) process.importRoots = roots;
    const model = processModelOf(process);
    if (model) process.processModel = model;
    this.deployment.processes.push(process);
    await this.addUwsgiDaemons(ini.options, process, settings, reading.workingDirectory);
  }

  /** A gunicorn.conf.py no command uses: gunicorn run with no options from its folder reads it. */
  private async addStandaloneConfig(file: string): Promise<void> {
    const config = await this.gunicornConfig(file);
    if (!config) return;
    const line = config.appSpec?.line ?? 1;
    const process: ServerProcess = { file, line, source: 'gunicorn.conf.py', server: 'gunicorn', configFile: { file, line: 1, written: path.posix.basename(file), resolved: file } };
    if (config.appSpec) process.appSpec = config.appSpec;
    Object.assign(process, config.settings);
    if (config.hooks.length) process.hooks = config.hooks;
    if (config.workingDirectory !== undefined) process.workingDirectory = config.workingDirectory;
    if (config.pythonPath?.length) process.pythonPath = config.pythonPath;
    const model = processModelOf(process);
    if (model) process.processModel = model;
    this.deployment.processes.push(process);
  }

  private gunicornConfig(file: string): Promise<GunicornConfigSettings | undefined> {
    let pending = this.gunicornConfigs.get(file);
    if (!pending) {
      pending = (async () => {
        const text = await this.readText(file);
        if (text === undefined) return undefined;
        const parsed = await this.readPythonConfigFile(file, text);
        const settings = gunicornSettingsOf(parsed, file);
        this.problems(parsed.problems);
        this.problems(settings.problems);
        return settings;
      })();
      this.gunicornConfigs.set(file, pending);
    }
    return pending;
  }

  /**
   * Finds a path a command names, in the project. In a container, a path (`./entrypoint.sh` under
   * `WORKDIR /app`, `/docker-entrypoint.sh`) is first followed back through the `COPY` that put it
   * there. Otherwise a relative path is taken from the directory the command runs in, relative to its
   * build context or the file that declares it (and, in a script, the script's folder); a container
   * path (`/app/gunicorn.conf.py`) is looked for there with its WORKDIR prefix removed, then by ever
   * shorter tails, since images usually `COPY . /app`.
   */
  private async resolveProjectPath(written: string, settings: Pick<CommandSettings, 'file' | 'paths'>, workingDirectory: string | undefined, isModule = false): Promise<string | undefined> {
    const paths = projectPathsOf(settings);
    const target = isModule ? `${written.replace(/^python:/, '').replace(/\./g, '/')}.py` : written;
    const candidates: string[] = [];
    const inContainer = target.startsWith('/') ? target : workingDirectory?.startsWith('/') ? path.posix.join(workingDirectory, target) : undefined;
    if (inContainer !== undefined) candidates.push(...copiedFrom(inContainer, paths));
    const ownFolder = projectPathsOf({ file: settings.file }).context;
    for (const folder of paths.context === ownFolder ? [ownFolder] : [paths.context, ownFolder]) candidates.push(...pathCandidates(folder, target, workingDirectory));
    for (const candidate of candidates) {
      const normal = path.posix.normalize(candidate);
      if (normal.startsWith('..') || path.posix.isAbsolute(normal)) continue;
      if (await this.exists(normal)) return normal;
    }
    return undefined;
  }

  /** A file (not a folder) is there: reading it then says when it is a pipe, a device or a link out of the project. */
  private async exists(relative: string): Promise<boolean> {
    const kind = await pathKind(path.join(this.root, relative));
    return kind === 'file' || kind === 'other';
  }

  private readText(file: string): Promise<string | undefined> {
    let pending = this.texts.get(file);
    if (!pending) {
      pending = (async () => {
        const absolute = path.join(this.root, file);
        try {
          // A link out of the project (to /etc, /proc/self/environ, another checkout) is not read.
          const real = await this.linkOutOfProject(absolute);
          if (real !== undefined) {
            this.problem({ file, kind: 'outside-root', message: `symbolic link to ${real}, outside the project; not read (--follow-external-links reads it)` });
            return undefined;
          }
          const read = await readRegularFile(absolute, MAX_DEPLOY_FILE_BYTES);
          if (!read.ok) {
            if (read.reason === 'too-large') {
              this.problem({ file, message: `skipped: ${read.size !== undefined ? `${read.size} bytes is over` : 'over'} the ${MAX_DEPLOY_FILE_BYTES}-byte limit for a deployment file` });
            } else {
              this.problem({ file, message: `cannot read: ${read.reason === 'not-regular' ? `${read.message}; not opened` : describeError(read.error)}` });
            }
            return undefined;
          }
          const bytes = read.bytes;
          this.deployment.read.push(file);
          if (file.endsWith('.py')) {
            const decoded = decodePythonSource(bytes);
            if (decoded.problem) this.problem({ file, line: decoded.problem.line, message: decoded.problem.message });
            return decoded.text;
          }
          const text = new TextDecoder('utf-8').decode(bytes);
          return text.startsWith('\uFEFF') ? text.slice(1) : text;
        } catch (error) {
          this.problem({ file, message: `cannot read: ${describeError(error)}` });
          return undefined;
        }
      })();
      this.texts.set(file, pending);
    }
    return pending;
  }

  private problem(problem: DeployProblem): void {
    this.deployment.problems.push(problem);
  }

  /** Not `push(...list)`: a Procfile of 500,000 bad lines would overflow the stack. */
  private problems(list: readonly DeployProblem[]): void {
    for (const problem of list) this.deployment.problems.push(problem);
  }
}

/** Where the command's paths are in the project: as its format says, else the folder of its file. */
function projectPathsOf(settings: Pick<CommandSettings, 'file' | 'paths'>): ProjectPaths {
  if (settings.paths) return settings.paths;
  const folder = settings.file === COMMAND_LINE_FILE ? '' : path.posix.dirname(settings.file);
  return { context: folder === '.' ? '' : folder };
}

/** A path below `folder`: from the working directory when it is relative; an absolute one without its WORKDIR prefix, then by its tails. */
function pathCandidates(folder: string, target: string, workingDirectory: string | undefined): string[] {
  const candidates: string[] = [];
  const relativeDirectory = workingDirectory !== undefined && !workingDirectory.startsWith('/') ? workingDirectory : '';
  if (!target.startsWith('/')) {
    if (workingDirectory?.startsWith('/')) candidates.push(path.posix.join(folder, target));
    candidates.push(path.posix.join(folder, relativeDirectory, target), path.posix.join(folder, target));
    return candidates;
  }
  if (workingDirectory?.startsWith('/') && target.startsWith(`${workingDirectory.replace(/\/$/, '')}/`)) {
    candidates.push(path.posix.join(folder, target.slice(workingDirectory.replace(/\/$/, '').length + 1)));
  }
  const parts = target.split('/').filter(Boolean);
  for (let i = 0; i < parts.length; i++) candidates.push(path.posix.join(folder, ...parts.slice(i)));
  return candidates;
}

/**
 * The command a script outside the project may run with its arguments: what follows `--`
 * (`wait-for-it.sh db:5432 -- gunicorn app:app`), or the arguments themselves when the first one
 * names a program (`docker-entrypoint.sh gunicorn app:app`). An option (`sshd -D`,
 * `--prefetch-multiplier=1`) or a value (`${DB_HOST:-postgres}:5432`) is an argument, never a program.
 */
function commandInArguments(args: readonly Word[]): Word[] {
  const separator = args.findIndex((w) => w.text === '--');
  if (separator >= 0) return args.slice(separator + 1);
  const first = args[0];
  if (!first || first.text.startsWith('-') || first.expands || /[:=@]/.test(first.text) || /^\d/.test(first.text)) return [];
  return [...args];
}

/**
 * supervisord's `numprocs` of a program, when it is more than one copy or not known: a number, or
 * `%(ENV_X)s`, whose value the environment supervisord runs in gives (a compose file's, a
 * Dockerfile's), else known only at run time.
 */
function copiesOf(program: SupervisorProgram, file: string, env: Environment): Setting<number> | undefined {
  const { value, line, variable } = program.numprocs;
  const base = { file, line, origin: 'config-file' as const, via: 'numprocs =' };
  if (variable === undefined) return value > 1 ? { ...base, value } : undefined;
  const known = env.get(variable)?.value;
  const count = known !== undefined && /^\s*\d+\s*$/.test(known) ? Number(known) : undefined;
  if (count !== undefined) return count > 1 ? { ...base, value: count } : undefined;
  return { ...base, expression: `%(ENV_${variable})s` };
}
