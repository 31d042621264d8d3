import { callById, callsOutsideFunctions } from '../extract/packed.js';
import { injectedFault, internalError, type Diagnostic } from '../diagnostics.js';
import { isAppConstructor, type EntryPoint } from '../entries/entries.js';
import type { CallArgument, CallPlacement, CallRecord, ModuleSummary, Suppression } from '../extract/summary.js';
import { modulesReaching, shortestChains, type ImportChain, type ImportGraph } from '../graph/importGraph.js';
import { allOf, anyOf, type CallResolver, type CallStep, type FunctionRef } from '../resolve/calls.js';
import type { ModuleIndex } from '../resolve/moduleIndex.js';
import { qualifiedNameMatches, type ResourceMatch, type Rule, type TargetCondition } from '../rules/rules.js';
import { MAX_FINDING_MESSAGE, type Finding, type Level, type Reach, type RelatedLocation } from './findings.js';
import { beforeForkFinding, deploymentFacts, withMainRunChains, type DeploymentContext } from './deployment.js';
import { programOf, type NamedScripts } from './programs.js';
import { Suppressions } from './suppress.js';

export interface CheckInput {
  index: ModuleIndex;
  summaries: ReadonlyMap<string, ModuleSummary>;
  graph: ImportGraph;
  entries: readonly EntryPoint[];
  rules: readonly Rule[];
  calls: CallResolver;
  /** What the deployment files say; absent when none was read. */
  deployment?: DeploymentContext;
  /** Where an exception in the checks of one file (a bug of importleak) is reported; the other files are still checked. */
  problems?: Diagnostic[];
  /** Files something runs as programs (`python x.py` in a deployment file, `[project.scripts]`): see programs.ts. */
  namedScripts?: NamedScripts;
  /** The level of findings in a module nothing found imports (configuration `unreached-level`); default warning. */
  unreachedLevel?: 'warning' | 'note' | 'off';
}

/** A resource the rules recognise, created in one body of code (a module's top level or a function). */
export interface MatchedResource {
  rule: Rule;
  match: ResourceMatch;
  creation: CallRecord;
  /** For rules that require `.start()`: the call that starts it. */
  start?: CallRecord;
}

/** A resource created while a module is imported, directly or in a function its top level calls. */
interface ImportTimeResource extends MatchedResource {
  /** File the creating call is written in. */
  creationPath: string;
  /** Calls from the module's top level into the function that creates it; empty when direct. */
  steps: CallStep[];
  /** The run-time condition of every way the module's import makes it, when there are several (`null`: one way is unconditional). */
  condition?: string | null;
  /** The condition under which the import runs the function that makes it (`FunctionRunAtImport.condition`). */
  pathCondition?: string;
  /** Nothing keeps it once the statement that makes it ends (see `isDropped`). */
  dropped: boolean;
}

export function checkProject(input: CheckInput): Finding[] {
  const { index, summaries, graph, entries, rules, calls, deployment } = input;
  const forkRule = rules.find((r) => r.id === BEFORE_FORK);
  // A candidate entry (a router in a test module) is what nothing deployed loads: no chain starts there.
  const loaded = entries.filter((e) => e.candidate === undefined);
  const entryPaths = [...new Set(loaded.map((e) => e.path))].sort();
  const entryByPath = new Map<string, EntryPoint>();
  for (const entry of loaded) if (!entryByPath.has(entry.path)) entryByPath.set(entry.path, entry);
  const namedScripts: NamedScripts = input.namedScripts ?? new Map();
  const nameOf = (p: string): string => index.byPath.get(p)?.name ?? p;

  // An import line can say "this edge is intended" for some rules: those rules see a graph without it.
  const suppressions = new Suppressions(summaries, graph);
  // By the suppressions that filter it (see `edgeFilterKey`): rules filtered alike share a view.
  const views = new Map<string, { graph: ImportGraph; chains: Map<string, ImportChain> }>();
  // A console script's function, or a `__main__` block's, imports more once its module is loaded.
  const chainsOf = (from: ImportGraph): Map<string, ImportChain> => withMainRunChains(shortestChains(from, entryPaths), from, deployment);
  const baseView = { graph, chains: chainsOf(graph) };
  const viewFor = (ruleId: string): { graph: ImportGraph; chains: Map<string, ImportChain> } => {
    const key = suppressions.edgeFilterKey(ruleId);
    if (key === undefined) return baseView;
    let view = views.get(key);
    if (!view) {
      const filtered = suppressions.graphWithout(graph, ruleId);
      view = { graph: filtered, chains: chainsOf(filtered) };
      views.set(key, view);
    }
    return view;
  };

  const findings: Finding[] = [];
  const silenced = new Set<Finding>();
  const filesWithFindings = new Set<string>();
  for (const [path, summary] of summaries) {
    const module = index.byPath.get(path);
    if (!module) continue;
    try {
      injectedFault('check', path);
      checkFile(path, summary, module.name);
    } catch (error) {
      input.problems?.push(internalError(error instanceof RuleError ? `rule ${error.ruleId}` : 'the checks', path, error instanceof RuleError ? error.cause : error));
    }
  }

  function checkFile(path: string, summary: ModuleSummary, moduleName: string): void {
    const resources = importTimeResources(path, summary, rules, calls);
    const program = resources.length ? programOf(path, summary, graph, namedScripts) : undefined;
    // A client a method connected at import (`cache = Redis()`, `cache.ping()`) holds a connection
    // before the fork: the connection's IL009 says what the fork does, and the client's own ("holds
    // no connection yet") would not be true.
    const connected = new Set<CallRecord>();
    for (const { match, creation, creationPath } of resources) {
      if (!match.methods || !creation.receiver) continue;
      const creationSummary = calls.summaryOf(creationPath);
      const made = creationSummary && callById(creationSummary, creation.receiver.callId);
      if (made) connected.add(made);
    }
    for (const resource of resources) {
      const view = viewFor(resource.rule.id);
      const reach = reachOf(path, view.graph, view.chains, entryByPath);
      // Programs are not libraries: what a script or a test creates at its top level is its own work.
      // Not reported; still seen by the suppressions, so a comment written for it is not called unused.
      const silent = (program !== undefined && reach.kind !== 'entry') || (reach.kind === 'unreached' && input.unreachedLevel === 'off');
      if (view !== baseView) {
        const unfiltered = baseView.chains.get(path);
        if (unfiltered) suppressions.noteChainThroughSuppressedEdges(unfiltered.hops, resource.rule.id);
      }
      const finding = toFinding(resource, path, moduleName, reach, nameOf);
      findings.push(finding);
      filesWithFindings.add(path);
      if (silent) {
        silenced.add(finding);
        continue;
      }
      if (reach.kind === 'unreached' && input.unreachedLevel === 'note') finding.level = 'note';
      // `python bot.py` run by the deployment, and no web framework in it: the process's own resources.
      if (program?.server && reach.kind === 'entry' && reach.entry.path === path && entries.every((e) => e.path !== path || e.framework === 'python')) {
        finding.level = 'note';
        finding.message = withSentence(finding, `It is a program run on its own (${program.server}): the resource belongs to that one process.`);
        continue;
      }
      if (!deployment || reach.kind !== 'entry') continue;
      // Candidate entries are loaded by no process: a server is not counted as importing them.
      const facts = deploymentFacts(finding, resource.match, resource.creation, resource.dropped, deployment, graph, loaded);
      // The message says how many processes pay, briefly; the deployment field says who they are.
      if (facts.sentence) finding.deployment = facts.sentence;
      if (facts.short) finding.message = withSentence(finding, facts.short);
      const saidByItsConnection = resource.match.afterFork === 'lazy' && connected.has(resource.creation);
      if (forkRule && facts.forked.length > 0 && !saidByItsConnection) findings.push(beforeForkFinding(forkRule, finding, resource.match, facts.forked, graph, resource.start !== undefined));
    }
  }
  const kept = suppressions.filter(findings).filter((f) => !silenced.has(f));

  const unusedRule = rules.find((r) => r.id === UNUSED_SUPPRESSION);
  if (unusedRule) {
    for (const { path, suppression } of suppressions.unused()) kept.push(unusedSuppressionFinding(unusedRule, path, nameOf(path), suppression));
    for (const [path, summary] of summaries) {
      if (summary.ignoreFileLine === undefined || filesWithFindings.has(path)) continue;
      kept.push(
        unusedSuppressionFinding(unusedRule, path, nameOf(path), {
          line: summary.ignoreFileLine,
          column: 1,
          style: 'importleak',
          text: '# importleak: ignore-file',
        }),
      );
    }
  }
  return kept.sort(
    (a, b) =>
      (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
      a.span.line - b.span.line ||
      a.span.column - b.span.column ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

const UNUSED_SUPPRESSION = 'IL100';
const BEFORE_FORK = 'IL009';

function unusedSuppressionFinding(rule: Rule, path: string, moduleName: string, suppression: Suppression): Finding {
  const named = suppression.codes ? suppression.codes.join(', ') : 'any rule';
  const what = /ignore-file/.test(suppression.text)
    ? 'the file has no finding to suppress'
    : `no finding of ${named} is reported on this line, and no import chain for ${named} goes through it`;
  return {
    ruleId: rule.id,
    level: 'warning',
    path,
    span: { line: suppression.line, column: suppression.column, endLine: suppression.line, endColumn: suppression.column + suppression.text.length },
    module: moduleName,
    message: bounded(`Unused suppression \`${excerptCode(suppression.text, 60)}\`: ${what}.`),
    fix: rule.fix,
    resource: { callee: '', text: suppression.text, statement: suppression.text },
    reach: { kind: 'none' },
    related: [],
  };
}

function importTimeResources(path: string, summary: ModuleSummary, rules: readonly Rule[], calls: CallResolver): ImportTimeResource[] {
  const moduleLevel = callsOutsideFunctions(summary).filter((c) => c.scope.kind === 'module');
  const found: ImportTimeResource[] = matchResources(moduleLevel, summary, rules, libraryBases(path, calls)).map((r) => ({ ...r, creationPath: path, steps: [], dropped: isDropped(r, summary, false) }));
  // App factories are where a web app is meant to set itself up: their own bodies are not flagged
  // (what they import still is, through the import graph). The app may be made from a project
  // subclass of the framework's class (`IndicoFlask(__name__)`, `class IndicoFlask(Flask)`).
  const enter = (body: FunctionRef): boolean => {
    const bases = libraryBases(body.path, calls);
    return !calls.callsIn(body).some((c) => (c.callee !== undefined && isAppConstructor(c.callee)) || (c.callee !== undefined && bases(c).some(isAppConstructor)));
  };
  for (const run of calls.functionsRunAtImport(path, enter)) {
    const bodySummary = calls.summaryOf(run.body.path);
    if (!bodySummary) continue;
    // `with make_session() as s:`: what the helper returns is the with item, closed by the block.
    const asWithItem = run.steps[0]?.call.placement.kind === 'with-item' && run.steps.length === 1;
    for (const resource of matchResources(calls.callsIn(run.body), bodySummary, rules, libraryBases(run.body.path, calls))) {
      if (asWithItem && resource.match.withCloses && /^return\b/.test(resource.creation.statementText)) continue;
      found.push({
        ...resource,
        creationPath: run.body.path,
        steps: run.steps,
        ...(run.condition !== undefined ? { pathCondition: run.condition } : {}),
        dropped: isDropped(resource, bodySummary, run.resultDropped === true),
      });
    }
  }
  // One finding per creation site: a function called on both branches of an `if` creates it once per run, not twice,
  // under either branch's condition. Of the ways that reach it, the first that keeps it (a helper whose
  // client one call drops and another keeps: the kept one is what stays).
  const seen = new Map<string, ImportTimeResource>();
  for (const r of found) {
    const key = `${r.rule.id}\0${r.creationPath}\0${r.creation.id}\0${r.start?.id ?? ''}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, r);
      continue;
    }
    const [a, b] = [conditionOf(first), conditionOf(r)];
    const condition = a === b ? first.condition : a === undefined || a === null || b === undefined || b === null ? null : anyOf([a, b]);
    const kept = first.dropped && !r.dropped ? r : first;
    if (condition !== undefined) kept.condition = condition;
    seen.set(key, kept);
  }
  return [...seen.values()];
}

/**
 * Nothing keeps the resource once the statement that makes it ends, so it does not outlive the
 * import (CPython frees it then; a client's pool closes its connections with it):
 * - the object is dropped where it is made: `Redis().ping()` as a statement, a comparison's operand
 *   (`redis_client().llen(key) == 0`), a local of a function that only calls methods on it;
 * - or its function returns it, and every way the import runs that function drops what it returns
 *   (`hide = redis_client("votes").llen(key) == 0`; see `FunctionRunAtImport.resultDropped`);
 * - a connection a method opens (`.ping()`, `.llen()`) goes with the object it is made on, when the
 *   method's own value is dropped too.
 * Started threads and resources that are not clients, connections or models are never said dropped.
 */
function isDropped(resource: MatchedResource, summary: ModuleSummary, resultDropped: boolean): boolean {
  if (resource.start || !DROPPED_RESOURCES.has(resource.rule.resource)) return false;
  const droppedValue = (call: CallRecord): boolean => call.discarded === true || (call.returned === true && resultDropped);
  const { creation } = resource;
  if (!droppedValue(creation)) return false;
  if (!resource.match.methods) return true;
  const object = creation.receiver ? callById(summary, creation.receiver.callId) : undefined;
  return object !== undefined && droppedValue(object);
}

/**
 * What a call constructs, when it is a project class: the bases from outside the project it derives
 * from, in any module (`ConfiguredSession()` → `requests.Session`); empty for anything else.
 */
export type LibraryBases = (call: CallRecord) => readonly string[];

/** The `LibraryBases` of the calls written in the module at `path`, each call's worked out once. */
function libraryBases(path: string, calls: CallResolver): LibraryBases {
  const known = new Map<number, readonly string[]>();
  return (call) => {
    let bases = known.get(call.id);
    if (!bases) {
      const cls = calls.classCalled(path, call);
      bases = cls ? calls.externalBasesOf(cls) : [];
      known.set(call.id, bases);
    }
    return bases;
  };
}

/**
 * Matches the calls of one body of code (a module's top level, a function) against the rules'
 * qualified names. `summary` is the module the body is in: its call table is what `receiver` ids index.
 */
export function matchResources(body: readonly CallRecord[], summary: ModuleSummary, rules: readonly Rule[], bases: LibraryBases): MatchedResource[] {
  const found: MatchedResource[] = [];
  const inBody = new Set(body.map((c) => c.id));
  for (const call of body) {
    for (const rule of rules) {
      let match: ResourceMatch | undefined;
      try {
        match = matchCall(call, rule, summary, rules, bases);
      } catch (error) {
        throw new RuleError(rule.id, error);
      }
      if (!match) continue;
      // Closed again when the `with` block ends, for most resources.
      if (call.placement.kind === 'with-item' && match.withCloses) continue;
      if (match.whenGiven && !argumentGiven(call, match, match.whenGiven)) continue;
      if (rule.requires === 'start') {
        const start = callIndex(summary).byReceiver.get(call.id)?.find((c) => inBody.has(c.id) && c.receiver!.method === 'start');
        if (start) found.push({ rule, match, creation: call, start });
      } else if (rule.requires === 'bound') {
        if (isKept(call, summary)) found.push({ rule, match, creation: call });
      } else {
        found.push({ rule, match, creation: call });
      }
    }
    // `scheduler.start()` in a function that module-level code calls, on an object the module made.
    const created = call.receiver?.method === 'start' && call.receiver.via === 'name' ? callById(summary, call.receiver.callId) : undefined;
    if (created && !inBody.has(created.id)) {
      for (const rule of rules) {
        if (rule.requires !== 'start') continue;
        const match = matchCall(created, rule, summary, rules, bases);
        if (match) found.push({ rule, match, creation: created, start: call });
      }
    }
  }
  const claimed = new Set(found.filter((r) => r.match.target).map((r) => r.creation.id));
  return found.filter((r) => r.match.target || !claimed.has(r.creation.id));
}

/** `Thread(target=loop)`: `loop` is a function of this module whose body calls one of the condition's names. */
function targetCalls(call: CallRecord, target: TargetCondition, summary: ModuleSummary): boolean {
  const positional = call.args.filter((a) => a.keyword === undefined);
  const given = call.args.find((a) => a.keyword === target.argument) ?? (target.position !== undefined ? positional[target.position] : undefined);
  const name = given?.text.trim();
  if (!name || !/^[A-Za-z_][\w.]*$/.test(name)) return false;
  // A method of the class the call is in (`self.tick`) or a function of the module (`tick`).
  const qualname = name.startsWith('self.') && call.scope.kind === 'function' ? `${call.scope.function.split('.').slice(0, -1).join('.')}.${name.slice(5)}` : name;
  return (callIndex(summary).byFunction.get(qualname) ?? []).some((c) => {
    const calleeName = c.callee ?? (c.receiver ? memberName(c, summary) : undefined);
    return calleeName !== undefined && target.calls.some((t) => qualifiedNameMatches(t, calleeName));
  });
}

/** `s.run()` where `s = sched.scheduler(...)`: `sched.scheduler.run`. */
function memberName(call: CallRecord, summary: ModuleSummary): string | undefined {
  const creator = callById(summary, call.receiver!.callId);
  return creator?.callee ? `${creator.callee}.${call.receiver!.method}` : undefined;
}

/** The argument is passed, and not as a literal `None`. */
function argumentGiven(call: CallRecord, match: ResourceMatch, name: string): boolean {
  const spec = match.arguments.find((a) => a.name === name);
  const positional = call.args.filter((a) => a.keyword === undefined && !a.text.startsWith('*'));
  const given = call.args.find((a) => a.keyword === name) ?? (spec?.position !== undefined ? positional[spec.position] : undefined);
  // `SMTP(*args)` / `SMTP(**opts)`: cannot tell, so assume it is given.
  if (!given) return call.args.some((a) => a.text.startsWith('*'));
  return given.literal !== null && given.literal !== '';
}

/**
 * The result is held: assigned to a name, an attribute or an item at module level or in a class
 * body, stored on an object by a function, or a default argument value; not used and dropped.
 */
function isKept(call: CallRecord, summary: ModuleSummary): boolean {
  if (call.placement.kind === 'default-argument') return true;
  if (call.scope.kind === 'function') return call.assignedTo !== undefined && call.assignedTo.includes('.');
  if (call.boundTo === undefined && call.assignedTo === undefined) return false;
  // `data = open(p).read()` keeps the data, not the file: the assignment is the outer call's.
  return !(callIndex(summary).byReceiver.get(call.id) ?? []).some((c) => c.receiver!.via === 'chain');
}

/** An exception while matching one rule: the internal error names the rule. */
class RuleError extends Error {
  constructor(
    readonly ruleId: string,
    override readonly cause: unknown,
  ) {
    super(`rule ${ruleId}: ${String(cause)}`);
  }
}

/** A module's calls by the call they are a method of, and by the function they are in. */
interface CallIndex {
  byReceiver: Map<number, CallRecord[]>;
  byFunction: Map<string, CallRecord[]>;
}

const callIndexes = new WeakMap<ModuleSummary, CallIndex>();

/**
 * Built once per module: looking calls up by scanning the module's call table for each call made
 * matching quadratic (a line of 100,000 `Thread(...).start()` calls took hours).
 */
function callIndex(summary: ModuleSummary): CallIndex {
  let index = callIndexes.get(summary);
  if (!index) {
    index = { byReceiver: new Map(), byFunction: new Map() };
    for (const call of summary.calls) {
      if (call.receiver) {
        const list = index.byReceiver.get(call.receiver.callId);
        if (list) list.push(call);
        else index.byReceiver.set(call.receiver.callId, [call]);
      }
      if (call.scope.kind === 'function') {
        const list = index.byFunction.get(call.scope.function);
        if (list) list.push(call);
        else index.byFunction.set(call.scope.function, [call]);
      }
    }
    callIndexes.set(summary, index);
  }
  return index;
}

function matchCall(call: CallRecord, rule: Rule, summary: ModuleSummary, rules: readonly Rule[], bases: LibraryBases): ResourceMatch | undefined {
  const lastNames = lastNamesOf(rule);
  const byName = (name: string): ResourceMatch | undefined =>
    lastNames?.has(name.slice(name.lastIndexOf('.') + 1)) === false
      ? undefined
      : rule.matches.find(
          (m) => !m.methods && (qualifiedNameMatches(m.callee, name) || m.aliases.some((a) => qualifiedNameMatches(a, name))) && (!m.target || targetCalls(call, m.target, summary)),
        );
  if (call.receiver) {
    const creator = callById(summary, call.receiver.callId);
    if (!creator) return undefined;
    // `Path(p).open()`: a method of an object made by a named constructor reads `pathlib.Path.open`.
    if (creator.callee && !creator.calleeIsLocal) {
      const member = byName(`${creator.callee}.${call.receiver.method}`);
      if (member) return member;
    }
    const madeBy = (on: string): boolean => {
      const onRule = rules.find((r) => r.id === on);
      if (onRule) return matchCall(creator, onRule, summary, rules, bases) !== undefined;
      const names = creator.callee && !creator.calleeIsLocal ? [creator.callee, ...bases(creator)] : bases(creator);
      if (names.some((name) => qualifiedNameMatches(on, name))) return true;
      // `redis.from_url(...)` makes a `redis.Redis`: the catalogue lists it among that constructor's aliases.
      const callee = creator.callee;
      return callee !== undefined && !creator.calleeIsLocal && constructorAliases(on, rules).some((alias) => qualifiedNameMatches(alias, callee));
    };
    return rule.matches.find((m) => m.methods?.includes(call.receiver!.method) && m.on!.some(madeBy));
  }
  if (!call.callee) return undefined;
  return (!call.calleeIsLocal ? byName(call.callee) : undefined) ?? matchSubclass(rule, bases(call));
}

const aliasesByRules = new WeakMap<readonly Rule[], Map<string, readonly string[]>>();

/** The names the catalogue gives for what makes a `constructor` object: the aliases of the matches whose callee it is. */
function constructorAliases(constructor: string, rules: readonly Rule[]): readonly string[] {
  let known = aliasesByRules.get(rules);
  if (!known) aliasesByRules.set(rules, (known = new Map()));
  let aliases = known.get(constructor);
  if (!aliases) {
    aliases = rules.flatMap((rule) => rule.matches.filter((m) => !m.methods && m.callee === constructor).flatMap((m) => m.aliases));
    known.set(constructor, aliases);
  }
  return aliases;
}

const lastNamesByRule = new WeakMap<Rule, ReadonlySet<string> | null>();

/**
 * The last names of a rule's qualified names and aliases (`ThreadPoolExecutor` of
 * `concurrent.futures.ThreadPoolExecutor`): a name whose last name is none of them matches none,
 * which most calls of a project are told by one look-up. Null when a pattern ends in `*`.
 */
function lastNamesOf(rule: Rule): ReadonlySet<string> | null {
  let names = lastNamesByRule.get(rule);
  if (names === undefined) {
    const all = rule.matches.flatMap((m) => [m.callee, ...m.aliases]).map((name) => name.slice(name.lastIndexOf('.') + 1));
    names = all.includes('*') ? null : new Set(all);
    lastNamesByRule.set(rule, names);
  }
  return names;
}

/**
 * Project classes, in any module, that derive from a matched class count as that class: IL002's
 * `Poller(Thread)`, IL004's `ConfiguredSession(requests.Session)`. Not the narrower `target` matches.
 */
function matchSubclass(rule: Rule, bases: readonly string[]): ResourceMatch | undefined {
  for (const base of bases) {
    const match = rule.matches.find((m) => !m.methods && !m.target && [m.callee, ...m.aliases].some((name) => qualifiedNameMatches(name, base)));
    if (match) return match;
  }
  return undefined;
}

function reachOf(
  path: string,
  graph: ImportGraph,
  chains: ReadonlyMap<string, ImportChain>,
  entryByPath: ReadonlyMap<string, EntryPoint>,
): Reach {
  const chain = chains.get(path);
  const reaching = modulesReaching(graph, path);
  if (chain) {
    const entriesReaching = [...entryByPath.keys()].filter((p) => reaching.has(p)).length;
    return { kind: 'entry', entry: entryByPath.get(chain.entry)!, chain: chain.hops, entriesReaching };
  }
  // Imports inside functions whose target runs this module at import time, one per statement, in
  // modules an entry reaches: a lazy import in a module nothing loads (a CLI that imports the module
  // at its top as well) is no reason why no entry imports it.
  const seen = new Set<string>();
  const lazy = graph.lazyEdges.filter((edge) => {
    const key = `${edge.from}:${edge.line}`;
    if (!reaching.has(edge.to) || !chains.has(edge.from) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (lazy.length === 0) return { kind: 'unreached' };
  const imports = lazy.map((edge) => ({ edge, rest: shortestChains(graph, [edge.to]).get(path)?.hops ?? [] }));
  return { kind: 'lazy', imports };
}

function toFinding(
  resource: ImportTimeResource,
  path: string,
  moduleName: string,
  reach: Reach,
  nameOf: (path: string) => string,
): Finding {
  const { rule, match, creation, start, steps, creationPath } = resource;
  const trigger = steps[0]?.call ?? start ?? creation;
  const level: Level = reach.kind === 'entry' ? 'error' : 'warning';
  const related: RelatedLocation[] = [];
  // `t = Thread(...)` then `t.start()`: the creation is elsewhere and worth pointing at.
  const createdElsewhere = start !== undefined && start.receiver?.via === 'name';

  // A client nothing keeps is gone when its statement or function ends: it costs its making, not its keeping.
  // (A method match such as `.ping()` is an action on the object, not an object of its own.)
  const dropped = resource.dropped;
  const creates = dropped ? 'creates and discards' : 'creates';
  // `f()` → … → `g()`: the functions it runs through, each name cut at `max`.
  const throughSteps = (max: number): string => {
    const names = steps.map((step) => `\`${excerptCode(step.target.qualname, max)}()\``);
    return names.length > 2 ? `${names[0]} → … → ${names[names.length - 1]}` : names.join(' → ');
  };
  const headlineWith = (code: number): string => {
    if (steps.length > 0) {
      const through = throughSteps(60);
      const where = creationPath === path ? `line ${creation.span.line}` : `\`${excerptCode(nameOf(creationPath), 80)}\` line ${creation.span.line}`;
      const verb = start ? `starts ${match.what} (\`${excerptCode(start.text, code)}\`` : `${creates} ${match.what} (\`${excerptCode(creation.text, code)}\``;
      return `\`${excerptCode(trigger.text, code)}\` ${verb} in ${through}, ${where})`;
    }
    const action = start ? `\`${excerptCode(start.text, code)}\` starts ${match.what}` : `\`${excerptCode(creation.text, code)}\` ${creates} ${match.what}`;
    const created = createdElsewhere ? ` (created on line ${creation.span.line})` : '';
    return `${action}${created}${placementPhrase(creation.placement)}`;
  };
  // The same without the code of the call that starts or creates it: its line tells two apart.
  const briefHeadline = (code: number): string => {
    if (steps.length === 0) return headlineWith(code);
    return `\`${excerptCode(trigger.text, code)}\` ${start ? 'starts' : creates} ${match.what} in ${throughSteps(40)} (line ${(start ?? creation).span.line})`;
  };
  if (steps.length > 0) {
    related.push({ path: creationPath, span: (start ?? creation).span, message: `${start ? 'started' : 'created'} here: ${(start ?? creation).statementText}` });
    for (const step of steps.slice(1)) related.push({ path: step.path, span: step.call.span, message: `calls ${step.target.qualname}(): ${step.call.statementText}` });
  } else if (createdElsewhere) {
    related.push({ path, span: creation.span, message: `created here: ${creation.statementText}` });
  }
  if (reach.kind === 'entry') {
    related.push({
      path: reach.entry.path,
      span: spanAt(reach.entry.evidence.line, reach.entry.evidence.column),
      message: `entry: ${reach.entry.description}`,
    });
  } else if (reach.kind === 'lazy') {
    for (const { edge } of reach.imports.slice(0, 3)) {
      related.push({ path: edge.from, span: spanAt(edge.line ?? 1, edge.column ?? 1), message: `imported lazily: ${edge.text ?? ''}` });
    }
  }

  const condition = conditionOf(resource) ?? undefined;
  const cost = dropped ? droppedCost(match, rule.resource) : `${capitalise(fillCost(match, creation.args))}.`;

  // Django calls an app config's `ready()` as it sets up its apps (`django.setup()`), not while the
  // module of the class is imported: said so, and the app config itself, as entry, goes unsaid.
  const atSetup = steps[0]?.target.hook === 'django-ready';
  const when = (max: number): string => (condition ? `${atSetup ? ', if' : ' when'} \`${excerptCode(condition, max)}\`` : '');
  const whileImported = (max: number): string => (atSetup ? ' when Django sets up its apps' : ` while \`${excerptCode(moduleName, max)}\` is imported`);
  const selfEntry = atSetup && reach.kind === 'entry' && !reach.chain.some((hop) => hop.kind === 'import');
  const reached = (short: boolean): string => (selfEntry ? '' : `, ${reachPhrase(reach, nameOf, short)}`);
  // The longest that fits: the whole reach, then the short one, then shorter code excerpts.
  const candidates = [
    `${headlineWith(80)}${whileImported(80)}${when(80)}${reached(false)}.`,
    `${headlineWith(80)}${whileImported(80)}${when(80)}${reached(true)}.`,
    // The module keeps its full dotted name as long as it can: thirteen `base` modules are told apart by it.
    `${headlineWith(40)}${whileImported(80)}${when(60)}${reached(true)}.`,
    `${headlineWith(40)}${whileImported(50)}${when(40)}${reached(true)}.`,
    // Rather than a condition cut short: that there is one, then a headline without the code it runs.
    ...(condition ? [`${headlineWith(40)}${whileImported(50)}, under a condition${reached(true)}.`] : []),
    `${briefHeadline(40)}${whileImported(50)}${condition ? ', under a condition' : ''}${reached(true)}.`,
  ];
  const message = bounded(candidates.find((m) => m.length <= MAX_FINDING_MESSAGE) ?? candidates[candidates.length - 1]!);
  const shorter = candidates.filter((m) => m !== message && m.length < message.length && m.length <= MAX_FINDING_MESSAGE);

  const finding: Finding = {
    ruleId: rule.id,
    level,
    path,
    span: trigger.span,
    module: moduleName,
    message,
    cost,
    fix: rule.fix,
    ...(condition ? { condition } : {}),
    resource: {
      callee: match.callee || `${match.methods!.join('/')}()`,
      text: creation.text,
      statement: trigger.statementText,
      ...(creation.boundTo && steps.length === 0 ? { boundTo: creation.boundTo } : {}),
    },
    reach,
    ...(steps.length
      ? {
          callPath: [
            ...steps.slice(1).map((step) => ({ path: step.path, span: step.call.span, message: `calls ${step.target.qualname}(): ${step.call.statementText}` })),
            { path: creationPath, span: (start ?? creation).span, message: (start ?? creation).statementText },
          ],
        }
      : {}),
    related,
  };
  if (shorter.length) shorterMessages.set(finding, shorter);
  return finding;
}

/** A finding's message said more briefly, for when a sentence is added to it (`withSentence`). */
const shorterMessages = new WeakMap<Finding, string[]>();

/**
 * Modules are named by their dotted names: a message reads the same wherever the command ran.
 * `short`: the entry's module only, for a message that would otherwise be too long.
 */
function reachPhrase(reach: Reach, nameOf: (path: string) => string, short: boolean): string {
  switch (reach.kind) {
    case 'entry': {
      const entryModule = `\`${excerptCode(nameOf(reach.entry.path), 80)}\``;
      const hops = reach.chain.filter((hop) => hop.kind === 'import').length;
      if (short) return hops === 0 ? `which is itself an entry (${entryModule})` : `reached from the entry in ${entryModule}`;
      const via = hops === 0 ? 'which is itself' : hops === 1 ? 'imported directly by' : `imported through ${hops} imports from`;
      const others = reach.entriesReaching > 1 ? ` (and ${reach.entriesReaching - 1} other entr${reach.entriesReaching === 2 ? 'y' : 'ies'})` : '';
      return `${via} the ${reach.entry.description} in ${entryModule}${others}`;
    }
    case 'lazy': {
      const first = reach.imports[0]!.edge;
      const from = `\`${excerptCode(nameOf(first.from), 80)}\``;
      if (short) return `but only a lazy import in ${from} (line ${first.line}) reaches it`;
      const where = first.scope.kind === 'function' ? ` inside \`${excerptCode(first.scope.function, 60)}()\`` : '';
      const more = reach.imports.length > 1 ? ` (and ${reach.imports.length - 1} other lazy import${reach.imports.length === 2 ? '' : 's'})` : '';
      return `but no entry imports it at start-up: it is imported lazily${where} in ${from} (line ${first.line})${more}`;
    }
    case 'unreached':
    case 'none':
      return 'but no entry found imports it at start-up';
  }
}

/** Code quoted in a message, on one line, cut to `max` characters. */
function excerptCode(code: string, max: number): string {
  // Line breaks and blanks only: `\s` would also take the BOM and other characters shown escaped.
  const flat = code.replace(/[ \t\n\r\f\v]+/g, ' ').replace(/`/g, "'");
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** A message of at most MAX_FINDING_MESSAGE characters, cut at a word when it is longer. */
export function bounded(message: string): string {
  if (message.length <= MAX_FINDING_MESSAGE) return message;
  const cut = message.slice(0, MAX_FINDING_MESSAGE - 2);
  const space = cut.lastIndexOf(' ');
  const text = space > MAX_FINDING_MESSAGE / 2 ? cut.slice(0, space) : cut;
  // An odd number of backticks leaves a code span open: close it.
  return `${text}${(text.match(/`/g) ?? []).length % 2 ? '`' : ''}…`;
}

/** The finding's message with one more sentence, said more briefly if it has to be; unchanged when it does not fit. */
function withSentence(finding: Finding, sentence: string): string {
  for (const message of [finding.message, ...(shorterMessages.get(finding) ?? [])]) {
    const longer = `${message} ${sentence}`;
    if (longer.length <= MAX_FINDING_MESSAGE) return longer;
  }
  return finding.message;
}

/**
 * Resources that hold nothing once dropped: a client's pool, a connection, loaded data go with the
 * object. Pools and threads do not (their threads run on), nor do subprocesses.
 */
const DROPPED_RESOURCES = new Set(['client', 'connection', 'model']);

function droppedCost(match: ResourceMatch, resource: string): string {
  if (resource === 'connection') {
    return 'It is discarded with the statement that opens it (nothing keeps it or the client it is made on), so it does not stay open; each process that imports the module still connects at start-up, so the import is as slow as the server and fails when it is down.';
  }
  return `It is created and discarded during import (nothing keeps it), so it does not stay in the process; each process that imports the module still pays for making ${match.what}, and for any connection or request it makes then, at start-up.`;
}

/**
 * The run-time conditions under which the resource is made: those of each call on the way (the
 * module-level call, then each function's), then the creation's and the start's own.
 */
function conditionOf(resource: ImportTimeResource): string | null | undefined {
  if (resource.condition !== undefined) return resource.condition;
  return allOf([resource.steps.length ? resource.pathCondition : undefined, resource.creation.condition, resource.start?.condition]) ?? undefined;
}

function placementPhrase(placement: CallPlacement): string {
  switch (placement.kind) {
    case 'class-body':
      return ` in the body of class \`${placement.className}\``;
    case 'default-argument':
      return ` as the default value of \`${placement.parameter}\` in \`def ${placement.function}\` (evaluated once, when the def runs)`;
    case 'decorator':
      return ` in a decorator of \`${placement.target}\``;
    default:
      return '';
  }
}

/** Fills `{argument}` placeholders from the call: literal values as they are, other expressions quoted, defaults named. */
export function fillCost(match: ResourceMatch, args: readonly CallArgument[]): string {
  const positional = args.filter((a) => a.keyword === undefined);
  return match.cost.replace(/\{(\w+)\}/g, (_, name: string) => {
    const spec = match.arguments.find((a) => a.name === name);
    const given = args.find((a) => a.keyword === name) ?? (spec?.position !== undefined ? positional[spec.position] : undefined);
    if (given) {
      if (typeof given.literal === 'number') return String(given.literal);
      if (given.constant !== undefined) return `\`${given.text}\` (${given.constant})`;
      if (given.fromEnvironment) return `\`${given.text}\` (${given.fromEnvironment.value} unless ${given.fromEnvironment.variable} is set)`;
      if (given.literal === null && spec?.default) return `\`${spec.default}\` (the default)`;
      return `\`${given.text}\``;
    }
    // Claims follow the code: a pool class decides its own size, and `**opts` may hold the argument.
    const poolclass = args.find((a) => a.keyword === 'poolclass');
    if (poolclass && /pool_size/.test(name)) return `\`${name}\` (as \`poolclass=${poolclass.text}\` decides)`;
    const splat = args.find((a) => a.keyword === undefined && a.text.startsWith('**')) ?? (spec?.position !== undefined ? args.find((a) => a.keyword === undefined && a.text.startsWith('*')) : undefined);
    if (splat) return spec?.default ? `\`${name}\` (from \`${splat.text}\`, or \`${spec.default}\` by default)` : `\`${name}\` (from \`${splat.text}\`)`;
    return spec?.default ? `\`${spec.default}\` (the default)` : `the given ${name}`;
  });
}

function spanAt(line: number, column: number) {
  return { line, column, endLine: line, endColumn: column };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
