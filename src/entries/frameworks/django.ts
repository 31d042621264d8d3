import type { CallRecord } from '../../extract/summary.js';
import type { ModuleEntry } from '../../resolve/moduleIndex.js';
import type { EntryPoint, EntrySite } from '../entries.js';
import { detectObjectFramework } from '../objects.js';
import {
  argumentLiteral,
  argumentOf,
  argumentStrings,
  boundNameOf,
  counted,
  evidenceOf,
  moduleEvidence,
  type EntryContext,
} from '../project.js';
import { DRF } from './web.js';

/**
 * Django loads its project by name, from strings: `DJANGO_SETTINGS_MODULE` names the settings,
 * whose `INSTALLED_APPS` names the apps (each app's `apps`, `models` and, with the admin, `admin`
 * modules are imported by `django.setup()` in every process), `MIDDLEWARE` names classes the
 * handler imports, and `ROOT_URLCONF` names the URLconf, whose `include("app.urls")` strings name
 * the others. Those strings are the links this module follows.
 */

const PATH_FUNCTIONS = ['django.urls.path', 'django.urls.re_path', 'django.urls.conf.path', 'django.urls.conf.re_path', 'django.conf.urls.url', 'django.conf.urls.re_path'];
const INCLUDE_FUNCTIONS = ['django.urls.include', 'django.urls.conf.include', 'django.conf.urls.include'];
const APP_CONFIG_BASES = ['django.apps.AppConfig', 'django.apps.config.AppConfig'];
const ADMIN_APPS = ['django.contrib.admin', 'django.contrib.admin.apps.AdminConfig'];
const SETTINGS_NAMES = ['ROOT_URLCONF', 'INSTALLED_APPS'];

/** A value of the settings and where it is written. */
interface SettingValue {
  value: string | string[];
  site: EntrySite;
}

interface SettingsModule {
  path: string;
  /** `os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")`, when that is how it was found. */
  namedBy?: EntrySite;
  /** `settings.configure(ROOT_URLCONF=...)` in this module. */
  configure?: CallRecord;
  values: Map<string, SettingValue>;
  /** False when the summary carries no literal assignments: values had to be guessed from the layout. */
  valuesKnown: boolean;
}

export function detectDjango(ctx: EntryContext): EntryPoint[] {
  const entries: EntryPoint[] = [];
  const add = (entry: EntryPoint): void => {
    if (!entries.some((e) => e.path === entry.path && e.description === entry.description)) entries.push(entry);
  };
  const settings = settingsModules(ctx);
  for (const module of settings) {
    // The setting that makes it the settings, when it is written in this file (not in a star-imported base).
    const defining = ['ROOT_URLCONF', 'INSTALLED_APPS'].map((n) => module.values.get(n)).find((v) => v?.site.path === module.path);
    add({
      path: module.path,
      framework: 'Django',
      kind: 'app',
      description: module.configure ? 'Django settings (`settings.configure()`)' : 'Django settings',
      evidence: module.configure ? evidenceOf(module.configure) : defining ? siteEvidence(defining.site) : moduleEvidence(ctx.moduleName(module.path)),
      routes: 0,
      ...(module.namedBy ? { registeredBy: module.namedBy } : {}),
    });
  }
  for (const entry of [...appEntries(ctx, settings), ...middlewareEntries(ctx, settings), ...urlconfEntries(ctx, settings), ...serverEntries(ctx)]) add(entry);
  for (const entry of detectObjectFramework(DRF, ctx)) add(entry);
  return entries;
}

/** The project apps in INSTALLED_APPS (their package names), or, when the list cannot be read, the packages that look like apps. */
export function installedApps(ctx: EntryContext): Array<{ name: string; site?: EntrySite }> {
  return projectApps(ctx, settingsModules(ctx)).map(({ name, site }) => ({ name, ...(site ? { site } : {}) }));
}

// ---- settings -----------------------------------------------------------------------------

function settingsModules(ctx: EntryContext): SettingsModule[] {
  const named = new Map<string, EntrySite>();
  for (const [path, summary] of ctx.summaries) {
    for (const call of summary.calls) {
      if (call.callee !== 'os.environ.setdefault') continue;
      const [key, value] = [argumentOf(call, 0)?.literal, argumentOf(call, 1)?.literal];
      if (key !== 'DJANGO_SETTINGS_MODULE' || typeof value !== 'string') continue;
      const module = ctx.lookup(value, path);
      if (module && !named.has(module.path)) named.set(module.path, siteOf(path, call));
    }
  }
  const modules: SettingsModule[] = [];
  if (named.size > 0) {
    for (const [path, namedBy] of named) modules.push({ path, namedBy, ...settingValues(ctx, path) });
  } else {
    for (const [path, summary] of ctx.summaries) {
      const assigned = ctx.assignments(path);
      const defines = assigned ? assigned.some((a) => SETTINGS_NAMES.includes(a.name)) : summary.definedNames.some((n) => SETTINGS_NAMES.includes(n));
      if (defines) modules.push({ path, ...settingValues(ctx, path) });
    }
  }
  // `settings.configure(ROOT_URLCONF=..., INSTALLED_APPS=[...])`: a project configured in code.
  for (const [path, summary] of ctx.summaries) {
    const configure = summary.calls.find((c) => c.callee === 'django.conf.settings.configure' && c.scope.kind === 'module');
    if (!configure || modules.some((m) => m.path === path)) continue;
    const values = new Map<string, SettingValue>();
    for (const arg of configure.args) {
      if (!arg.keyword) continue;
      const strings = argumentStrings(configure, undefined, arg.keyword);
      if (strings) values.set(arg.keyword, { value: typeof arg.literal === 'string' ? arg.literal : strings, site: siteOf(path, configure) });
    }
    modules.push({ path, configure, values, valuesKnown: true });
  }
  return modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The settings' literal values: its own assignments over those of modules it star-imports (`from .base import *`). */
function settingValues(ctx: EntryContext, path: string): { values: Map<string, SettingValue>; valuesKnown: boolean } {
  const values = new Map<string, SettingValue>();
  const seen = new Set<string>();
  let known = false;
  const visit = (modulePath: string): void => {
    if (seen.has(modulePath)) return;
    seen.add(modulePath);
    const assigned = ctx.assignments(modulePath);
    if (!assigned) return;
    known = true;
    // Star imports first: the module's own assignments come after them and win.
    for (const resolved of ctx.project.resolved.get(modulePath) ?? []) {
      if (resolved.record.star && resolved.record.scope.kind === 'module') {
        const target = resolved.executes.find((e) => e.reason === 'module');
        if (target) visit(target.module.path);
      }
    }
    for (const a of assigned) values.set(a.name, { value: a.value, site: { path: modulePath, line: a.span.line, column: a.span.column, text: a.statementText } });
  };
  visit(path);
  return { values, valuesKnown: known };
}

function stringValue(settings: SettingsModule, name: string): { value: string; site: EntrySite } | undefined {
  const setting = settings.values.get(name);
  return setting && typeof setting.value === 'string' ? { value: setting.value, site: setting.site } : undefined;
}

function listValue(settings: SettingsModule, name: string): { values: string[]; site: EntrySite } | undefined {
  const setting = settings.values.get(name);
  if (!setting) return undefined;
  return { values: typeof setting.value === 'string' ? [setting.value] : setting.value, site: setting.site };
}

// ---- apps ---------------------------------------------------------------------------------

interface ProjectApp {
  /** The app's package (`AppConfig.name`). */
  name: string;
  site?: EntrySite;
  /** The module holding the AppConfig named in INSTALLED_APPS (`polls.apps.PollsConfig`). */
  configModule?: ModuleEntry;
}

function projectApps(ctx: EntryContext, settings: readonly SettingsModule[]): ProjectApp[] {
  const apps = new Map<string, ProjectApp>();
  const listed = settings.map((s) => listValue(s, 'INSTALLED_APPS')).filter((v) => v !== undefined);
  if (listed.length > 0) {
    for (const { values, site } of listed) {
      for (const entry of values) {
        const app = appOf(ctx, entry, site.path);
        if (app && !apps.has(app.name)) apps.set(app.name, { ...app, site: { ...site, text: `INSTALLED_APPS names "${entry}"` } });
      }
    }
    return [...apps.values()];
  }
  if (settings.some((s) => s.valuesKnown)) return [];
  // INSTALLED_APPS cannot be read: the packages that look like Django apps (an AppConfig, or Django models).
  for (const module of ctx.project.index.entries()) {
    const last = module.name.split('.').pop();
    if (last !== 'apps' && last !== 'models') continue;
    const summary = ctx.summaries.get(module.path);
    const base = last === 'apps' ? APP_CONFIG_BASES : undefined;
    const looksLikeApp = summary?.classes.some((c) => c.bases.some((b) => (base ? base.includes(b) : b.startsWith('django.db.models.'))));
    const name = module.name.split('.').slice(0, -1).join('.');
    if (looksLikeApp && name && !apps.has(name)) apps.set(name, { name });
  }
  return [...apps.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** `"polls"` → app polls; `"polls.apps.PollsConfig"` → the config's module, app polls; third-party → undefined. */
function appOf(ctx: EntryContext, entry: string, settingsPath: string): ProjectApp | undefined {
  const module = ctx.lookup(entry, settingsPath);
  if (module) return { name: entry };
  const dot = entry.lastIndexOf('.');
  if (dot < 0) return undefined;
  const configModule = ctx.lookup(entry.slice(0, dot), settingsPath);
  if (!configModule) return undefined;
  const className = entry.slice(dot + 1);
  // `AppConfig.name` is the app's package; without it, the package the config module is in.
  const declared = ctx.assignments(configModule.path)?.find((a) => a.name === `${className}.name`);
  const name = typeof declared?.value === 'string' ? declared.value : configModule.name.split('.').slice(0, -1).join('.') || configModule.name;
  return { name, configModule };
}

function appEntries(ctx: EntryContext, settings: readonly SettingsModule[]): EntryPoint[] {
  const entries: EntryPoint[] = [];
  const installed = settings.map((s) => listValue(s, 'INSTALLED_APPS')).filter((v) => v !== undefined);
  // The admin imports every app's `admin` module (`autodiscover()`) when it is installed; if the list cannot be read, assume it is.
  const adminInstalled = installed.length === 0 || installed.some(({ values }) => values.some((v) => ADMIN_APPS.includes(v)));
  for (const app of projectApps(ctx, settings)) {
    const anchor = app.site?.path;
    const loaded: Array<{ module: ModuleEntry; description: string }> = [];
    const config = app.configModule ?? ctx.lookup(`${app.name}.apps`, anchor);
    if (config) loaded.push({ module: config, description: `AppConfig of Django app \`${app.name}\`` });
    const models = ctx.lookup(`${app.name}.models`, anchor);
    if (models) loaded.push({ module: models, description: `models of Django app \`${app.name}\`` });
    const admin = adminInstalled ? ctx.lookup(`${app.name}.admin`, anchor) : undefined;
    if (admin) loaded.push({ module: admin, description: `admin of Django app \`${app.name}\`` });
    const itself = ctx.lookup(app.name, anchor);
    // The package itself is imported first, but it is reached from the others through the package edge.
    if (loaded.length === 0 && itself) loaded.push({ module: itself, description: `Django app \`${app.name}\`` });
    for (const { module, description } of loaded) {
      entries.push({
        path: module.path,
        framework: 'Django',
        kind: 'app',
        description,
        evidence: moduleEvidence(module.name),
        routes: 0,
        ...(app.site ? { registeredBy: app.site } : {}),
      });
    }
  }
  return entries;
}

function middlewareEntries(ctx: EntryContext, settings: readonly SettingsModule[]): EntryPoint[] {
  const entries: EntryPoint[] = [];
  for (const module of settings) {
    const middleware = listValue(module, 'MIDDLEWARE') ?? listValue(module, 'MIDDLEWARE_CLASSES');
    for (const dotted of middleware?.values ?? []) {
      const dot = dotted.lastIndexOf('.');
      const target = dot > 0 ? ctx.lookup(dotted.slice(0, dot), module.path) : undefined;
      if (!target) continue;
      entries.push({
        path: target.path,
        framework: 'Django',
        kind: 'app',
        description: `Django middleware \`${dotted.slice(dot + 1)}\``,
        evidence: moduleEvidence(target.name),
        routes: 0,
        registeredBy: middleware!.site,
      });
    }
  }
  return entries;
}

// ---- URLconfs -----------------------------------------------------------------------------

function urlconfEntries(ctx: EntryContext, settings: readonly SettingsModule[]): EntryPoint[] {
  const roots: ModuleEntry[] = [];
  for (const module of settings) {
    const value = stringValue(module, 'ROOT_URLCONF');
    const root = value ? ctx.lookup(value.value, module.path) : module.valuesKnown ? undefined : conventionalUrlconf(ctx, module.path);
    if (root && !roots.includes(root)) roots.push(root);
  }
  let guessed = false;
  if (settings.length === 0) {
    // No settings in what was scanned: every URLconf no other one includes.
    const candidates = [...ctx.project.index.entries()].filter((m) => ctx.summaries.get(m.path)?.definedNames.includes('urlpatterns') && routeCalls(ctx, m.path).length > 0);
    const included = new Set(candidates.flatMap((m) => includesOf(ctx, m.path).map((i) => i.module.path)));
    roots.push(...candidates.filter((m) => !included.has(m.path)));
    guessed = true;
  }

  const entries: EntryPoint[] = [];
  const seen = new Set<string>();
  const queue: Array<{ module: ModuleEntry; includedBy?: EntrySite }> = roots.map((module) => ({ module }));
  for (let head = 0; head < queue.length; head++) {
    const { module, includedBy } = queue[head]!;
    if (seen.has(module.path)) continue;
    seen.add(module.path);
    const routes = routeCalls(ctx, module.path);
    const includes = includesOf(ctx, module.path);
    const first = [...routes, ...includes.map((i) => i.call)].sort((a, b) => a.span.line - b.span.line || a.span.column - b.span.column)[0];
    const noun = includedBy || guessed ? 'Django URLconf' : 'Django root URLconf';
    entries.push({
      path: module.path,
      framework: 'Django',
      kind: 'routes',
      description: `${noun}${routes.length ? ` with ${counted(routes.length, ['route', 'routes'])}` : ''}`,
      evidence: first ? evidenceOf(first) : moduleEvidence(module.name),
      routes: routes.length,
      ...(includedBy ? { registeredBy: includedBy } : {}),
    });
    for (const include of includes) queue.push({ module: include.module, includedBy: siteOf(module.path, include.call) });
  }
  return entries;
}

/** Where `startproject` puts it: `urls` beside the settings, or in a package above them. */
function conventionalUrlconf(ctx: EntryContext, settingsPath: string): ModuleEntry | undefined {
  const parts = ctx.moduleName(settingsPath).split('.');
  for (let i = parts.length - 1; i >= 1; i--) {
    const found = ctx.lookup(`${parts.slice(0, i).join('.')}.urls`, settingsPath);
    if (found) return found;
  }
  return ctx.lookup('urls', settingsPath);
}

function routeCalls(ctx: EntryContext, path: string): CallRecord[] {
  return (ctx.summaries.get(path)?.calls ?? []).filter((c) => c.scope.kind === 'module' && c.callee !== undefined && PATH_FUNCTIONS.includes(c.callee));
}

/** `include("polls.urls")`, `include(("polls.urls", "polls"))`, `include(blog_urls)`: the project URLconfs a module includes. */
function includesOf(ctx: EntryContext, path: string): Array<{ call: CallRecord; module: ModuleEntry }> {
  const found: Array<{ call: CallRecord; module: ModuleEntry }> = [];
  for (const call of ctx.summaries.get(path)?.calls ?? []) {
    if (call.scope.kind !== 'module' || !call.callee || !INCLUDE_FUNCTIONS.includes(call.callee)) continue;
    const literal = argumentLiteral(call, 0, 'arg');
    let module: ModuleEntry | undefined;
    const named = literal?.kind === 'tuple' ? literal.items[0] : literal;
    if (named?.kind === 'string') module = ctx.lookup(named.value, path);
    else if (named?.kind === 'other') module = ctx.moduleNamedBy(path, named.text);
    if (module) found.push({ call, module });
  }
  return found;
}

// ---- servers: WSGI/ASGI modules, Channels routing ------------------------------------------

function serverEntries(ctx: EntryContext): EntryPoint[] {
  const entries: EntryPoint[] = [];
  for (const [path, summary] of ctx.summaries) {
    for (const call of summary.calls) {
      if (call.scope.kind !== 'module' || !call.callee) continue;
      const name = boundNameOf(call);
      const named = name ? ` \`${name}\`` : '';
      const noun =
        call.callee === 'django.core.wsgi.get_wsgi_application'
          ? 'Django WSGI application'
          : call.callee === 'django.core.asgi.get_asgi_application'
            ? 'Django ASGI application'
            : call.callee === 'channels.routing.ProtocolTypeRouter'
              ? 'Channels protocol router'
              : undefined;
      if (noun) entries.push({ path, framework: 'Django', kind: 'app', description: `${noun}${named}`, evidence: evidenceOf(call), routes: 0 });
      if (call.callee === 'channels.routing.URLRouter') {
        // `URLRouter(chat.routing.websocket_urlpatterns)`: the module holding the patterns.
        const arg = argumentOf(call, 0, 'routes');
        const qualified = arg ? ctx.qualifyName(path, arg.text) : undefined;
        const absolute = qualified ? ctx.absoluteName(path, qualified) : undefined;
        const dot = absolute?.lastIndexOf('.') ?? -1;
        const module = absolute && dot > 0 ? ctx.lookup(absolute.slice(0, dot), path) : undefined;
        if (!module || module.path === path) continue;
        const routes = routeCalls(ctx, module.path).length;
        entries.push({
          path: module.path,
          framework: 'Django',
          kind: 'routes',
          description: `Channels URL routes \`${absolute!.slice(dot + 1)}\`${routes ? ` with ${counted(routes, ['route', 'routes'])}` : ''}`,
          evidence: routeCalls(ctx, module.path)[0] ? evidenceOf(routeCalls(ctx, module.path)[0]!) : moduleEvidence(module.name),
          routes,
          registeredBy: siteOf(path, call),
        });
      }
    }
  }
  return entries;
}

function siteOf(path: string, call: CallRecord): EntrySite {
  return { path, line: call.span.line, column: call.span.column, text: evidenceOf(call).text };
}

function siteEvidence(site: EntrySite): { line: number; column: number; text: string } {
  return { line: site.line, column: site.column, text: site.text };
}

