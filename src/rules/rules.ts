import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

/**
 * Rules are data: one Markdown file per rule in `rules/`, a YAML header saying what it matches
 * and the user-facing documentation below it in fixed sections. `explain`, the SARIF `help`
 * and the README's rule table all read these files; nothing repeats them in code.
 */
export interface RuleArgument {
  name: string;
  /** Position when passed positionally (0-based); absent for keyword-only arguments. */
  position?: number;
  /** What the library uses when the argument is not given, as Python text. */
  default?: string;
}

/**
 * What becomes of the resource when it is created before a fork (gunicorn `preload_app`, Celery
 * prefork) and each worker gets a copy of the master's memory. IL009 reads it.
 * - `lazy`: holds no thread, process or connection yet; each copy starts its own on first use;
 * - `threads-lost`: its threads (or a pool's handler threads) ran in the master and do not exist in the copies;
 * - `socket-shared`: an open connection whose socket every worker now shares;
 * - `reconnects`: an open connection the client's pool sets aside in a forked copy (it notices the
 *   new process id), opening connections of its own there on first use: redis-py, valkey-py;
 * - `file-shared`: an open file whose descriptor and offset every worker now shares;
 * - `memory`: loaded data, shared copy-on-write by the workers;
 * - `ran-once`: work done in the master before the fork, not repeated in the workers.
 */
export const AFTER_FORK = ['lazy', 'threads-lost', 'socket-shared', 'reconnects', 'file-shared', 'memory', 'ran-once'] as const;
export type AfterFork = (typeof AFTER_FORK)[number];

/** How one instance adds up across processes: `up to 3 threads` each, so `up to 9 threads` for 3 workers. */
export interface ResourceTotal {
  /** Plural noun: `threads`, `connections`. */
  unit: string;
  /** The argument that says how many per instance (`max_workers`); one per instance when absent. */
  argument?: string;
  /** The argument is a maximum, not a count. */
  upTo: boolean;
}

/**
 * Only when the function the call is given (`Thread(target=loop)`, `Timer(60, tick)`) is defined in
 * the same module and its body calls one of `calls`: a thread that drives a `schedule` loop, a
 * timer that re-arms itself. A call that such a match claims is not reported by other matches.
 */
export interface TargetCondition {
  argument: string;
  position?: number;
  calls: string[];
}

export interface ResourceMatch {
  /**
   * Qualified name of the constructor or function; `*` stands for one dotted segment
   * (`google.cloud.*.Client`, `transformers.*.from_pretrained`). Empty for method matches.
   */
  callee: string;
  /**
   * Method matches: these methods, called at import time on an object made by what `on` names: a
   * rule (`IL004`: any of its matches) or a qualified name (`socket.socket`), a project subclass included.
   */
  methods?: string[];
  on?: string[];
  /** Other qualified names of the same thing (where it is defined, re-exports). */
  aliases: string[];
  /** Short noun phrase: "a thread pool". */
  what: string;
  /** What it costs, with `{argument}` placeholders filled from the call. */
  cost: string;
  arguments: RuleArgument[];
  /** `when-given`: only a resource when this argument (one of `arguments`) is passed and not `None` (`SMTP(host)`). */
  whenGiven?: string;
  /**
   * `with-closes: false`: leaving a `with` block does not close it (a DB-API connection's
   * `__exit__` ends the transaction only), so a module-level `with` does not excuse it.
   */
  withCloses: boolean;
  afterFork: AfterFork;
  total?: ResourceTotal;
  target?: TargetCondition;
}

export interface RuleDocumentation {
  whatItDoes: string;
  whyIsThisBad: string;
  example: string;
  useInstead: string;
  /** The whole Markdown body, as written. */
  markdown: string;
}

export interface Rule {
  id: string;
  name: string;
  title: string;
  resource: string;
  fix: string;
  /**
   * `start`: only a finding when `.start()` is called on the object at import time;
   * `bound`: only when the result is kept (assigned to a name or attribute), not used and dropped.
   */
  requires?: 'start' | 'bound';
  /** The default of `afterFork` for the rule's matches. */
  afterFork?: AfterFork;
  /** A rule about the analysis itself (IL100 unused suppression): it matches no call. */
  meta: boolean;
  matches: ResourceMatch[];
  docs: RuleDocumentation;
  /** Where the rule file lives, for error messages. */
  file: string;
}

/**
 * `rules/` of the package: two levels up from dist/rules/rules.js, one level up from the Action's
 * bundle (action-dist/index.mjs), where this module is inlined.
 */
const RULES_FOLDER = ((): string => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, '../../rules'), path.resolve(here, '../rules')];
  return candidates.find((folder) => existsSync(path.join(folder, 'IL001.md'))) ?? candidates[0]!;
})();
const SECTIONS = ['What it does', 'Why is this bad?', 'Example', 'Use instead'] as const;

let cached: Rule[] | undefined;

export function loadRules(folder: string = RULES_FOLDER): Rule[] {
  if (folder === RULES_FOLDER && cached) return cached;
  const files = readdirSync(folder)
    .filter((name) => /^IL\d{3}\.md$/.test(name))
    .sort();
  const rules = files.map((name) => parseRuleFile(path.join(folder, name), readFileSync(path.join(folder, name), 'utf8')));
  if (folder === RULES_FOLDER) cached = rules;
  return rules;
}

export function parseRuleFile(file: string, text: string): Rule {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text.replace(/\r\n/g, '\n'));
  if (!match) throw new Error(`${file}: a rule file starts with a YAML header between '---' lines`);
  const header = parseYaml(match[1]!) as Record<string, unknown>;
  const body = match[2]!.trim();
  const fail = (what: string): never => {
    throw new Error(`${file}: ${what}`);
  };
  const text_ = (key: string): string => {
    const value = header[key];
    if (typeof value !== 'string' || value.trim() === '') fail(`'${key}' must be a non-empty string`);
    return (value as string).trim();
  };
  const id = text_('id');
  if (path.basename(file, '.md') !== id) fail(`the id ${id} does not match the file name`);
  const meta = header.meta === true;
  const matchesValue = meta ? (header.matches ?? []) : header.matches;
  if (!Array.isArray(matchesValue) || (!meta && matchesValue.length === 0)) fail(`'matches' must be a non-empty list`);
  const forkOf = (value: unknown, where: string): AfterFork | undefined => {
    if (value === undefined) return undefined;
    if (!AFTER_FORK.includes(value as AfterFork)) fail(`${where}after-fork must be one of ${AFTER_FORK.join(', ')}`);
    return value as AfterFork;
  };
  const ruleFork = forkOf(header['after-fork'], '');
  const matches = (matchesValue as unknown[]).map((raw, i): ResourceMatch => {
    const m = raw as Record<string, unknown>;
    const where = `matches[${i}]`;
    const isMethod = Array.isArray(m.methods);
    if (!isMethod && typeof m.callee !== 'string') fail(`${where}.callee must be a qualified name`);
    if (isMethod && (!Array.isArray(m.on) || m.on.length === 0)) fail(`${where}: 'methods' needs 'on' (the rules or the constructors whose objects they are called on)`);
    if (typeof m.what !== 'string' || typeof m.cost !== 'string') fail(`${where} needs 'what' and 'cost'`);
    const args = (m.arguments ?? []) as Array<Record<string, unknown>>;
    const whenGiven = m['when-given'];
    if (whenGiven !== undefined && (typeof whenGiven !== 'string' || !args.some((a) => a.name === whenGiven))) {
      fail(`${where}.when-given must name one of its 'arguments'`);
    }
    if (m['with-closes'] !== undefined && typeof m['with-closes'] !== 'boolean') fail(`${where}.with-closes must be true or false`);
    const afterFork = forkOf(m['after-fork'], `${where}.`) ?? ruleFork;
    if (!afterFork && !meta) fail(`${where} needs 'after-fork' (or the rule a default)`);
    const targetRaw = m.target as Record<string, unknown> | undefined;
    if (targetRaw !== undefined && (typeof targetRaw !== 'object' || typeof targetRaw.argument !== 'string' || !Array.isArray(targetRaw.calls))) {
      fail(`${where}.target needs 'argument' and 'calls'`);
    }
    const totalRaw = m.total as Record<string, unknown> | undefined;
    if (totalRaw !== undefined) {
      if (typeof totalRaw !== 'object' || typeof totalRaw.unit !== 'string') fail(`${where}.total needs a 'unit'`);
      if (totalRaw.argument !== undefined && !args.some((a) => a.name === totalRaw.argument)) fail(`${where}.total.argument must name one of its 'arguments'`);
    }
    return {
      callee: isMethod ? '' : (m.callee as string),
      ...(isMethod ? { methods: (m.methods as unknown[]).map(String), on: (m.on as unknown[]).map(String) } : {}),
      aliases: ((m.aliases ?? []) as unknown[]).map(String),
      what: m.what as string,
      cost: m.cost as string,
      arguments: args.map((a) => ({
        name: String(a.name),
        ...(typeof a.position === 'number' ? { position: a.position } : {}),
        ...(a.default !== undefined ? { default: String(a.default) } : {}),
      })),
      ...(typeof whenGiven === 'string' ? { whenGiven } : {}),
      withCloses: m['with-closes'] !== false,
      afterFork: afterFork ?? 'lazy',
      ...(targetRaw
        ? {
            target: {
              argument: String(targetRaw.argument),
              ...(typeof targetRaw.position === 'number' ? { position: targetRaw.position } : {}),
              calls: (targetRaw.calls as unknown[]).map(String),
            },
          }
        : {}),
      ...(totalRaw
        ? { total: { unit: String(totalRaw.unit), ...(totalRaw.argument !== undefined ? { argument: String(totalRaw.argument) } : {}), upTo: totalRaw['up-to'] === true } }
        : {}),
    };
  });
  const requires = header.requires;
  if (requires !== undefined && requires !== 'start' && requires !== 'bound') fail(`'requires' can only be 'start' or 'bound'`);
  return {
    id,
    name: text_('name'),
    title: text_('title'),
    resource: text_('resource'),
    fix: text_('fix'),
    ...(requires === 'start' || requires === 'bound' ? { requires } : {}),
    ...(ruleFork ? { afterFork: ruleFork } : {}),
    meta,
    matches,
    docs: parseSections(file, body),
    file,
  };
}

function parseSections(file: string, body: string): RuleDocumentation {
  const sections = new Map<string, string>();
  const parts = body.split(/^## /m).slice(1);
  for (const part of parts) {
    const newline = part.indexOf('\n');
    const title = (newline < 0 ? part : part.slice(0, newline)).trim();
    sections.set(title, newline < 0 ? '' : part.slice(newline + 1).trim());
  }
  for (const section of SECTIONS) {
    if (!sections.get(section)) throw new Error(`${file}: missing the '## ${section}' section`);
  }
  return {
    whatItDoes: sections.get('What it does')!,
    whyIsThisBad: sections.get('Why is this bad?')!,
    example: sections.get('Example')!,
    useInstead: sections.get('Use instead')!,
    markdown: body,
  };
}

/** Markdown to plain text for places that show no Markdown (SARIF `text` fields, terminals). */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/^```\w*\n/gm, '')
    .replace(/^```$/gm, '')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^## (.*)$/gm, '$1:')
    .trim();
}

/** True when a qualified name matches a rule's name, where `*` in the pattern is one dotted segment. */
export function qualifiedNameMatches(pattern: string, name: string): boolean {
  if (!pattern.includes('*')) return pattern === name;
  const patternParts = pattern.split('.');
  const nameParts = name.split('.');
  return patternParts.length === nameParts.length && patternParts.every((part, i) => part === '*' || part === nameParts[i]);
}
