import type { CallRecord } from '../../extract/summary.js';
import type { ModuleEntry } from '../../resolve/moduleIndex.js';
import type { EntryPoint, EntrySite } from '../types.js';
import { analyzeObjects, callsOnObjects, objectEntries, type ObjectFramework } from '../objects.js';
import { argumentOf, counted, evidenceOf, moduleEvidence, type EntryContext } from '../project.js';

/**
 * Pyramid: a `Configurator` gets routes (`config.add_route`) and views (`config.add_view`, or
 * `@view_config` found by `config.scan()`). `scan()` imports every module of the package it is
 * given (venusian walks it), `config.include(".routes")` imports a module and calls its
 * `includeme(config)`, and a view given as a dotted string is imported when the config commits.
 */
export const PYRAMID: ObjectFramework = {
  framework: 'Pyramid',
  objects: [{ callees: ['pyramid.config.Configurator'], kind: 'app', noun: 'Pyramid configurator', standalone: true }],
  routeDecorators: [],
  routeCalls: ['add_route'],
  routeFunctions: { callees: ['pyramid.view.view_config'], placement: 'decorator', noun: 'Pyramid views module', unit: ['view', 'views'] },
};

export function detectPyramid(ctx: EntryContext): EntryPoint[] {
  const analysis = analyzeObjects(PYRAMID, ctx);
  const entries = objectEntries(PYRAMID, ctx, analysis);
  const linked = (module: ModuleEntry, site: EntrySite, description: string, routes = 0): void => {
    const existing = entries.find((e) => e.path === module.path && e.framework === 'Pyramid');
    if (existing) {
      existing.registeredBy ??= site;
      return;
    }
    entries.push({ path: module.path, framework: 'Pyramid', kind: 'routes', description, evidence: moduleEvidence(module.name), routes, registeredBy: site });
  };
  for (const { path, call, method } of callsOnObjects(ctx, analysis.objects, ['scan', 'include', 'add_view'])) {
    const site: EntrySite = { path, line: call.span.line, column: call.span.column, text: evidenceOf(call).text };
    const inFunction = call.scope.kind === 'function' ? call.scope.function : undefined;
    if (method === 'scan') {
      const scanned = scannedPackage(ctx, path, call, inFunction);
      const ignored = scanned ? ignoredBy(call, scanned.name) : () => false;
      for (const module of scanned ? ctx.modulesUnder(scanned.name) : []) if (!ignored(module.name)) linked(module, site, `module scanned by Pyramid \`config.scan()\``);
    } else if (method === 'include') {
      const module = moduleArgument(ctx, path, call, 'callable', inFunction);
      if (!module) continue;
      const routes = includemeRoutes(ctx, module.path);
      linked(module, site, `Pyramid include \`${module.name}\`${routes ? ` with ${counted(routes, ['route', 'routes'])}` : ''}`, routes);
    } else {
      // `config.add_view("myapp.views.hello", route_name="hello")`.
      const view = argumentOf(call, 0, 'view')?.literal;
      if (typeof view !== 'string') continue;
      const dotted = view.replace(':', '.');
      const dot = dotted.lastIndexOf('.');
      const module = dot > 0 ? ctx.lookup(ctx.absoluteName(path, dotted.slice(0, dot)) ?? '', path) : undefined;
      if (module) linked(module, site, `Pyramid view \`${dotted.slice(dot + 1)}\``);
    }
  }
  return entries;
}

/** `config.scan()` scans the caller's package; `config.scan(".views")` / `scan("pkg")` / `scan(views)` what they name. */
function scannedPackage(ctx: EntryContext, path: string, call: CallRecord, inFunction?: string): ModuleEntry | undefined {
  if (!argumentOf(call, 0, 'package')) {
    const caller = ctx.module(path);
    if (!caller) return undefined;
    return caller.isPackage ? caller : ctx.lookup(caller.name.split('.').slice(0, -1).join('.'), path);
  }
  return moduleArgument(ctx, path, call, 'package', inFunction);
}

/**
 * `config.scan(ignore=["warehouse.migrations.env", ".tests"])`: the modules venusian does not import.
 * As venusian matches them: a module whose dotted name starts with an absolute string, or with the
 * scanned package's name followed by a relative one (`.tests`), plain prefixes both. Strings only,
 * written out: an ignore given otherwise (a name, a callable) leaves every module scanned.
 */
function ignoredBy(call: CallRecord, scannedName: string): (moduleName: string) => boolean {
  const ignore = argumentOf(call, 3, 'ignore');
  if (!ignore) return () => false;
  const strings = typeof ignore.literal === 'string' ? [ignore.literal] : stringsOf(ignore.text);
  if (!strings) return () => false;
  const prefixes = strings.map((s) => (s.startsWith('.') ? `${scannedName}${s}` : s)).filter((s) => s !== '');
  return (moduleName) => prefixes.some((prefix) => moduleName.startsWith(prefix));
}

/** `["a", 'b']`, `("a",)`: the strings of a list or tuple of string literals; undefined for anything else. */
function stringsOf(text: string): string[] | undefined {
  const inner = /^[[(]([\s\S]*)[\])]$/.exec(text.trim())?.[1];
  if (inner === undefined) return undefined;
  const items = inner.split(',').map((item) => item.trim()).filter((item) => item !== '');
  const strings = items.map((item) => /^(['"])([\w.]*)\1$/.exec(item)?.[2]);
  return strings.every((s): s is string => s !== undefined) ? strings : undefined;
}

/** A module named by a string (relative to the caller's package, as Pyramid resolves it) or by an imported module. */
function moduleArgument(ctx: EntryContext, path: string, call: CallRecord, keyword: string, inFunction?: string): ModuleEntry | undefined {
  const arg = argumentOf(call, 0, keyword);
  if (!arg) return undefined;
  if (typeof arg.literal === 'string') {
    const name = arg.literal.split(':')[0]!;
    const absolute = ctx.absoluteName(path, name);
    return absolute ? ctx.lookup(absolute, path) : undefined;
  }
  return ctx.moduleNamedBy(path, arg.text, inFunction);
}

/** `def includeme(config): config.add_route(...)`: the routes it adds (its `config` is a parameter, so matched by name). */
function includemeRoutes(ctx: EntryContext, path: string): number {
  return (ctx.summaries.get(path)?.calls ?? []).filter(
    (c) => c.scope.kind === 'function' && c.scope.function === 'includeme' && /^[A-Za-z_]\w*\.add_route$/.test(c.calleeText),
  ).length;
}
