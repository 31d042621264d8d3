import { callsOutsideFunctions } from '../../extract/packed.js';
import { posix } from 'node:path';
import { parsePythonLiteral } from '../../extract/pythonLiteral.js';
import type { CallRecord, LiteralAssignment, SourceSpan } from '../../extract/summary.js';
import type { ModuleEntry } from '../../resolve/moduleIndex.js';
import type { EntryPoint, EntrySite } from '../types.js';
import { detectObjectFramework } from '../objects.js';
import {
  argumentLiteral,
  argumentOf,
  argumentStrings,
  boundNameOf,
  counted,
  evidenceOf,
  moduleEvidence,
  spanWithin,
  type EntryContext,
} from '../project.js';
import { DRF } from './web.js';
import { pythonGlobMatcher } from './pythonGlob.js';

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
const SPLIT_SETTINGS_INCLUDE = ['split_settings.tools.include'];
/** Django's, and django-configurations' (which installs its settings importer first). */
const WSGI_FUNCTIONS = ['django.core.wsgi.get_wsgi_application', 'configurations.wsgi.get_wsgi_application'];
const ASGI_FUNCTIONS = ['django.core.asgi.get_asgi_application', 'configurations.asgi.get_asgi_application'];

/** An item of a list setting, and where it is written (`INSTALLED_APPS += [...]` in another file, say). */
interface ListItem {
  value: string;
  site: EntrySite;
}

/** A value of the settings and where it is written. */
interface SettingValue {
  value: string | ListItem[];
  site: EntrySite;
  /** Parts of a list importleak cannot read (`*env_apps`), each where it is written. */
  unread: Array<{ text: string; site: EntrySite }>;
}

/** What reading a settings module found. */
interface SettingsRead {
  values: Map<string, SettingValue>;
  /** Names bound at module level by the files read (by literal assignments or otherwise). */
  bound: Set<string>;
  /** False when a part of the settings was not followed: a file `include()` names that is not there, a settings class not known. */
  followed: boolean;
  /** The files django-split-settings' `include()` runs in the settings' namespace, and the call. */
  included: Array<{ path: string; site: EntrySite }>;
}

interface SettingsModule extends SettingsRead {
  path: string;
  /** `os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")`, when that is how it was found. */
  namedBy?: EntrySite;
  /** `settings.configure(ROOT_URLCONF=...)` in this module. */
  configure?: CallRecord;
  /** The django-configurations class `DJANGO_CONFIGURATION` names in this module. */
  configuration?: string;
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
    const notes = settingsNotes(ctx, module);
    add({
      path: module.path,
      framework: 'Django',
      kind: 'app',
      description: `${module.configure ? 'Django settings (`settings.configure()`)' : 'Django settings'}${notes.length ? ` (${notes.join('; ')})` : ''}`,
      evidence: module.configure
        ? evidenceOf(module.configure)
        : defining
          ? siteEvidence(defining.site)
          : module.included[0]
            ? siteEvidence(module.included[0].site)
            : moduleEvidence(ctx.moduleName(module.path)),
      routes: 0,
      ...(module.namedBy ? { registeredBy: module.namedBy } : {}),
    });
    for (const { path, site } of module.included) {
      const included = ctx.module(path);
      if (!included) continue;
      add({
        path,
        framework: 'Django',
        kind: 'app',
        description: `Django settings file included by \`${ctx.moduleName(module.path)}\``,
        evidence: moduleEvidence(included.name),
        routes: 0,
        registeredBy: site,
      });
    }
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
  const named = new Map<string, EntrySite | undefined>();
  for (const { value, site } of environmentDefaults(ctx, 'DJANGO_SETTINGS_MODULE')) {
    const module = ctx.lookup(value, site.path);
    if (module && !named.has(module.path)) named.set(module.path, site);
  }
  if (named.size === 0) {
    // No default names them: the modules that set Django's settings, but not the files another one includes.
    const candidates = [...ctx.summaries.keys()].filter((path) => definesSettings(ctx, path));
    const included = new Set(candidates.flatMap((path) => readSettings(ctx, path).included.map((i) => i.path)));
    for (const path of candidates) if (!included.has(path)) named.set(path, undefined);
  }
  const configurations = environmentDefaults(ctx, 'DJANGO_CONFIGURATION');
  const modules: SettingsModule[] = [];
  for (const [path, namedBy] of named) {
    const by = namedBy ? { namedBy } : {};
    const classes = configurations.filter((c) => ctx.summaries.get(path)?.classes.some((k) => k.name === c.value));
    if (classes.length === 0) modules.push({ path, ...by, ...readSettings(ctx, path) });
    // The class is what `DJANGO_CONFIGURATION` picks: that default is what names these settings.
    for (const { value, site } of classes) modules.push({ path, namedBy: site, configuration: value, ...readSettings(ctx, path, value) });
  }
  // `settings.configure(ROOT_URLCONF=..., INSTALLED_APPS=[...])`: a project configured in code.
  for (const [path, summary] of ctx.summaries) {
    const configure = callsOutsideFunctions(summary).find((c) => c.callee === 'django.conf.settings.configure' && c.scope.kind === 'module');
    if (!configure || modules.some((m) => m.path === path)) continue;
    const values = new Map<string, SettingValue>();
    const site = siteOf(path, configure);
    for (const arg of configure.args) {
      if (!arg.keyword) continue;
      const strings = argumentStrings(configure, undefined, arg.keyword);
      if (strings) values.set(arg.keyword, { value: typeof arg.literal === 'string' ? arg.literal : strings.map((value) => ({ value, site })), site, unread: [] });
    }
    modules.push({ path, configure, values, bound: new Set(values.keys()), followed: true, included: [] });
  }
  return modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** `os.environ.setdefault("<key>", "<value>")` anywhere in the project: what wsgi.py, manage.py or celery.py pick. */
function environmentDefaults(ctx: EntryContext, key: string): Array<{ value: string; site: EntrySite }> {
  const found: Array<{ value: string; site: EntrySite }> = [];
  const setting = ctx.modulesCalling({ callees: ['os.environ.setdefault'] });
  for (const [path, summary] of ctx.summaries) {
    if (!setting.has(path)) continue;
    for (const call of summary.calls) {
      if (call.callee !== 'os.environ.setdefault' || argumentOf(call, 0)?.literal !== key) continue;
      const value = argumentOf(call, 1)?.literal;
      if (typeof value === 'string' && !found.some((f) => f.value === value)) found.push({ value, site: siteOf(path, call) });
    }
  }
  return found;
}

/** A module that sets ROOT_URLCONF or INSTALLED_APPS (at module level or in a settings class), or includes settings files. */
function definesSettings(ctx: EntryContext, path: string): boolean {
  const summary = ctx.summaries.get(path)!;
  const setting = (name: string): boolean => SETTINGS_NAMES.includes(name.slice(name.lastIndexOf('.') + 1));
  return (
    summary.definedNames.some((n) => SETTINGS_NAMES.includes(n)) ||
    summary.assignments.some((a) => setting(a.name)) ||
    callsOutsideFunctions(summary).some((c) => c.scope.kind === 'module' && c.callee !== undefined && SPLIT_SETTINGS_INCLUDE.includes(c.callee))
  );
}

/**
 * The settings as CPython builds them, statement by statement: star-imported bases, the files
 * django-split-settings' `include()` runs in the same namespace, literal assignments, `+=` and
 * `.append()`/`.extend()`, and the attributes of a settings class (`Settings.load_settings(__name__)`,
 * or the django-configurations class `configuration` names), bases' attributes first.
 */
function readSettings(ctx: EntryContext, path: string, configuration?: string): SettingsRead {
  const read: SettingsRead = { values: new Map(), bound: new Set(), followed: true, included: [] };
  const seen = new Set<string>();
  let classLoaded = configuration !== undefined;
  const run = (modulePath: string): void => {
    if (seen.has(modulePath)) return;
    seen.add(modulePath);
    const summary = ctx.summaries.get(modulePath);
    if (!summary) {
      read.followed = false;
      return;
    }
    for (const name of summary.definedNames) read.bound.add(name);
    const steps: Array<{ span: SourceSpan; apply: () => void }> = [];
    for (const resolved of ctx.project.resolved.get(modulePath) ?? []) {
      const target = resolved.record.star && resolved.record.scope.kind === 'module' ? resolved.executes.find((e) => e.reason === 'module') : undefined;
      if (target) steps.push({ span: resolved.record.span, apply: () => run(target.module.path) });
    }
    for (const a of summary.assignments) {
      if (!a.name.includes('.')) steps.push({ span: a.span, apply: () => assign(ctx, read, a, modulePath, a.name) });
    }
    for (const call of callsOutsideFunctions(summary)) {
      if (call.scope.kind !== 'module') continue;
      if (call.callee && SPLIT_SETTINGS_INCLUDE.includes(call.callee)) {
        steps.push({
          span: call.span,
          apply: () => {
            const { files, missing } = includedFiles(ctx, modulePath, call);
            if (missing) read.followed = false;
            for (const file of files) {
              read.included.push({ path: file, site: siteOf(modulePath, call) });
              run(file);
            }
          },
        });
        continue;
      }
      const changed = listChange(call);
      if (changed) {
        steps.push({ span: call.span, apply: () => assign(ctx, read, changed, modulePath, changed.name) });
        continue;
      }
      // `CommunityDevSettings.load_settings(__name__)`: a class copies its attributes into the module.
      const loader = /^([A-Za-z_]\w*)\.\w+$/.exec(call.calleeText)?.[1];
      const loaded = loader && call.args.some((a) => a.text === '__name__') ? classNamed(ctx, modulePath, loader) : undefined;
      if (loaded) {
        classLoaded = true;
        steps.push({ span: call.span, apply: () => loadClass(ctx, read, loaded) });
      }
    }
    steps.sort((a, b) => a.span.line - b.span.line || a.span.column - b.span.column);
    for (const step of steps) step.apply();
  };
  run(path);
  if (configuration) loadClass(ctx, read, { path, name: configuration });
  // Settings written in classes none of which is known to be loaded: what the module holds is not known.
  const summary = ctx.summaries.get(path);
  if (!classLoaded && summary?.classes.some((c) => classAttributes(ctx, { path, name: c.name }).some((a) => SETTINGS_NAMES.includes(a.name)))) read.followed = false;
  return read;
}

/**
 * Sets (or, for `+=` and list methods, extends) a setting, reading `*NAME` / `NAME` parts from the
 * lists already set and `Base.NAME` from a settings class's attributes.
 */
function assign(ctx: EntryContext, read: SettingsRead, a: LiteralAssignment, path: string, name: string): void {
  const site: EntrySite = { path, line: a.span.line, column: a.span.column, text: a.statementText };
  if (typeof a.value === 'string' && !a.extends) {
    read.values.set(name, { value: a.value, site, unread: [] });
    return;
  }
  const items: ListItem[] = (typeof a.value === 'string' ? [a.value] : a.value).map((value) => ({ value, site }));
  const unread: SettingValue['unread'] = [];
  for (const text of a.unread ?? []) {
    const known = partValue(ctx, read, path, text);
    if (known && typeof known.value !== 'string') {
      items.push(...known.value);
      unread.push(...known.unread);
    } else unread.push({ text, site });
  }
  const before = a.extends ? read.values.get(name) : undefined;
  if (a.extends && !before) unread.unshift({ text: name, site });
  const priorItems = before && typeof before.value !== 'string' ? before.value : [];
  read.values.set(name, { value: [...priorItems, ...items], site: before?.site ?? site, unread: [...(before?.unread ?? []), ...unread] });
}

/** `LOCAL_APPS` / `*LOCAL_APPS` as set so far, or `Common.INSTALLED_APPS` as the class `Common` (a project class) sets it. */
function partValue(ctx: EntryContext, read: SettingsRead, path: string, text: string): SettingValue | undefined {
  const [, owner, name] = /^\*?\s*(?:([A-Za-z_]\w*)\.)?([A-Za-z_]\w*)$/.exec(text) ?? [];
  if (!name) return undefined;
  if (!owner) return read.values.get(name);
  const cls = classNamed(ctx, path, owner);
  if (!cls) return undefined;
  const attributes: SettingsRead = { values: new Map(), bound: new Set(), followed: true, included: [] };
  loadClass(ctx, attributes, cls);
  return attributes.values.get(name);
}

/** `INSTALLED_APPS.append("x")`, `.extend([...])`, `.insert(0, "x")` at module level, as an extending assignment. */
function listChange(call: CallRecord): LiteralAssignment | undefined {
  const match = /^([A-Z][A-Z0-9_]*)\.(append|extend|insert)$/.exec(call.calleeText);
  if (!match) return undefined;
  const arg = call.args.filter((a) => !a.keyword)[match[2] === 'insert' ? 1 : 0];
  if (!arg) return undefined;
  const literal = parsePythonLiteral(arg.text);
  const spread = match[2] === 'extend';
  const items = spread && (literal.kind === 'list' || literal.kind === 'tuple') ? literal.items : [literal];
  const value: string[] = [];
  const unread: string[] = [];
  for (const item of items) {
    if (item.kind === 'string') value.push(item.value);
    // `.extend(LOCAL_APPS)` adds the items of what it is given, as `*LOCAL_APPS` would.
    else unread.push(item === literal && spread ? `*${arg.text.trim()}` : item.kind === 'other' ? item.text : arg.text.trim());
  }
  return { name: match[1]!, value, ...(unread.length ? { unread } : {}), extends: true, span: call.span, statementText: call.statementText };
}

/** A class's literal attributes, those of its bases first (the first base's over the later ones'), as CPython's lookup sees them. */
function classAttributes(ctx: EntryContext, cls: { path: string; name: string }, seen = new Set<string>()): Array<{ name: string; assignment: LiteralAssignment; path: string }> {
  const key = `${cls.path}::${cls.name}`;
  if (seen.has(key)) return [];
  seen.add(key);
  const summary = ctx.summaries.get(cls.path);
  const record = summary?.classes.find((c) => c.name === cls.name && c.scope.kind === 'module');
  if (!summary || !record) return [];
  const inherited = [...record.bases].reverse().flatMap((base) => {
    const found = classNamed(ctx, cls.path, base);
    return found ? classAttributes(ctx, found, seen) : [];
  });
  const prefix = `${cls.name}.`;
  const own = summary.assignments
    .filter((a) => a.name.startsWith(prefix) && !a.name.slice(prefix.length).includes('.'))
    .map((assignment) => ({ name: assignment.name.slice(prefix.length), assignment, path: cls.path }));
  return [...inherited, ...own];
}

function loadClass(ctx: EntryContext, read: SettingsRead, cls: { path: string; name: string }): void {
  for (const { name, assignment, path } of classAttributes(ctx, cls)) assign(ctx, read, assignment, path, name);
}

/** The project class `dotted` names in `path` (`Base`, `.base.Base`, `proj.settings.Base`). */
function classNamed(ctx: EntryContext, path: string, dotted: string): { path: string; name: string } | undefined {
  if (ctx.summaries.get(path)?.classes.some((c) => c.name === dotted)) return { path, name: dotted };
  const qualified = dotted.startsWith('.') || dotted.includes('.') ? dotted : ctx.qualifyName(path, dotted);
  const absolute = qualified ? ctx.absoluteName(path, qualified) : undefined;
  const dot = absolute?.lastIndexOf('.') ?? -1;
  const module = absolute && dot > 0 ? ctx.lookup(absolute.slice(0, dot), path) : undefined;
  const name = absolute?.slice(dot + 1);
  return module && name && ctx.summaries.get(module.path)?.classes.some((c) => c.name === name) ? { path: module.path, name } : undefined;
}

/**
 * `include("components/base.py", optional("local.py"), "apps/*.py")`: the files, relative to the file
 * that includes them, that exist (glob patterns sorted); `missing` when a required one is not there.
 */
function includedFiles(ctx: EntryContext, path: string, call: CallRecord): { files: string[]; missing: boolean } {
  const files: string[] = [];
  let missing = false;
  for (const arg of call.args) {
    if (arg.keyword) continue;
    const optional = /^(?:\w+\.)*optional\(([\s\S]*)\)$/.exec(arg.text.trim());
    const literal = parsePythonLiteral(optional ? optional[1]! : arg.text);
    if (literal.kind !== 'string') {
      missing = true;
      continue;
    }
    const pattern = posix.normalize(posix.join(posix.dirname(path), literal.value));
    const glob = /[*?[]/.test(literal.value) ? pythonGlobMatcher(pattern) : undefined;
    const matched = glob ? [...ctx.summaries.keys()].filter(glob).sort() : ctx.summaries.has(pattern) ? [pattern] : [];
    if (matched.length === 0 && !optional) missing = true;
    for (const file of matched) if (!files.includes(file)) files.push(file);
  }
  return { files, missing };
}


/** A setting the settings bind, or may, but whose value importleak cannot read. */
function unknownSetting(settings: SettingsModule, name: string): boolean {
  return !settings.values.has(name) && (settings.bound.has(name) || !settings.followed);
}

/** What the settings entry says about the values it could not read, and what was assumed instead. */
function settingsNotes(ctx: EntryContext, settings: SettingsModule): string[] {
  const notes: string[] = [];
  if (settings.configuration) notes.push(`configuration \`${settings.configuration}\``);
  const apps = settings.values.get('INSTALLED_APPS');
  for (const { text, site } of apps?.unread ?? []) {
    notes.push(`INSTALLED_APPS also holds \`${text}\` (${site.path === settings.path ? 'line ' : `${site.path}:`}${site.line}), not read`);
  }
  if (unknownSetting(settings, 'INSTALLED_APPS')) notes.push('INSTALLED_APPS not read, the packages with an AppConfig or models assumed');
  if (unknownSetting(settings, 'ROOT_URLCONF')) {
    const assumed = conventionalUrlconf(ctx, settings.path);
    notes.push(`ROOT_URLCONF not read${assumed ? `, \`${assumed.name}\` assumed` : ''}`);
  }
  return notes;
}

function stringValue(settings: SettingsModule, name: string): { value: string; site: EntrySite } | undefined {
  const setting = settings.values.get(name);
  return setting && typeof setting.value === 'string' ? { value: setting.value, site: setting.site } : undefined;
}

function listValue(settings: SettingsModule, name: string): { items: ListItem[]; site: EntrySite } | undefined {
  const setting = settings.values.get(name);
  if (!setting) return undefined;
  return { items: typeof setting.value === 'string' ? [{ value: setting.value, site: setting.site }] : setting.value, site: setting.site };
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
  for (const module of settings) {
    for (const { value, site } of listValue(module, 'INSTALLED_APPS')?.items ?? []) {
      const app = appOf(ctx, value, site.path);
      if (app && !apps.has(app.name)) apps.set(app.name, { ...app, site: { ...site, text: `INSTALLED_APPS names "${value}"` } });
    }
  }
  if (settings.length > 0 && !settings.some((s) => unknownSetting(s, 'INSTALLED_APPS'))) return [...apps.values()];
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
  return [...apps.values()].sort((a, b) => Number(!a.site) - Number(!b.site) || (a.name < b.name ? -1 : 1));
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
  // The admin imports every app's `admin` module (`autodiscover()`) when it is installed; if the list cannot be read, assume it is.
  const adminInstalled =
    settings.length === 0 ||
    settings.some((s) => unknownSetting(s, 'INSTALLED_APPS') || listValue(s, 'INSTALLED_APPS')?.items.some((i) => ADMIN_APPS.includes(i.value)));
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
    for (const { value: dotted, site } of middleware?.items ?? []) {
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
        registeredBy: site,
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
    const root = value ? ctx.lookup(value.value, module.path) : unknownSetting(module, 'ROOT_URLCONF') ? conventionalUrlconf(ctx, module.path) : undefined;
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
  const summary = ctx.summaries.get(path);
  return (summary ? callsOutsideFunctions(summary) : []).filter((c) => c.scope.kind === 'module' && c.callee !== undefined && PATH_FUNCTIONS.includes(c.callee));
}

/** `include("polls.urls")`, `include(("polls.urls", "polls"))`, `include(blog_urls)`: the project URLconfs a module includes. */
function includesOf(ctx: EntryContext, path: string): Array<{ call: CallRecord; module: ModuleEntry }> {
  const found: Array<{ call: CallRecord; module: ModuleEntry }> = [];
  const summary = ctx.summaries.get(path);
  for (const call of summary ? callsOutsideFunctions(summary) : []) {
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
    for (const call of callsOutsideFunctions(summary)) {
      if (call.scope.kind !== 'module' || !call.callee) continue;
      const name = boundNameOf(call);
      const named = name ? ` \`${name}\`` : '';
      const noun = WSGI_FUNCTIONS.includes(call.callee)
        ? 'Django WSGI application'
        : ASGI_FUNCTIONS.includes(call.callee)
          ? 'Django ASGI application'
          : call.callee === 'channels.routing.ProtocolTypeRouter'
            ? 'Channels protocol router'
            : undefined;
      if (noun) entries.push({ path, framework: 'Django', kind: 'app', description: `${noun}${named}`, evidence: evidenceOf(call), routes: 0 });
      if (call.callee === 'channels.routing.URLRouter') {
        const routes = routingList(ctx, path, call);
        if (!routes) continue;
        entries.push({
          path: routes.path,
          framework: 'Django',
          kind: 'routes',
          description: `Channels URL routes${routes.name ? ` \`${routes.name}\`` : ''}${routes.calls.length ? ` with ${counted(routes.calls.length, ['route', 'routes'])}` : ''}`,
          evidence: routes.calls[0] ? evidenceOf(routes.calls[0]) : routes.name ? moduleEvidence(ctx.moduleName(routes.path)) : evidenceOf(call),
          routes: routes.calls.length,
          ...(routes.path === path && !routes.name ? {} : { registeredBy: siteOf(path, call) }),
        });
      }
    }
  }
  return entries;
}

/**
 * The routing list a `URLRouter` serves and its own routes: `URLRouter([...])` written in the call,
 * or `URLRouter(chat.routing.websocket_urlpatterns)`, the routes written in that list's assignment
 * (another list in the same module is another router's).
 */
function routingList(ctx: EntryContext, path: string, call: CallRecord): { path: string; name?: string; calls: CallRecord[] } | undefined {
  const arg = argumentOf(call, 0, 'routes');
  if (!arg) return undefined;
  if (arg.text.startsWith('[') || arg.text.startsWith('(')) {
    // Routes of a URLRouter nested in this one (`path("chat/", URLRouter([...]))`) are the inner router's.
    const routers = (ctx.summaries.get(path)?.calls ?? []).filter((c) => c.callee === call.callee && c !== call && spanWithin(c.span, call.span));
    const calls = routeCalls(ctx, path).filter((r) => spanWithin(r.span, call.span) && !routers.some((inner) => spanWithin(r.span, inner.span)));
    return { path, calls };
  }
  const qualified = ctx.qualifyName(path, arg.text);
  const absolute = qualified ? ctx.absoluteName(path, qualified) : undefined;
  const dot = absolute?.lastIndexOf('.') ?? -1;
  const module = absolute && dot > 0 ? ctx.lookup(absolute.slice(0, dot), path) : undefined;
  if (!module) return undefined;
  const name = absolute!.slice(dot + 1);
  const assigned = new RegExp(`^${name}\\s*(:[^=]*)?\\+?=(?!=)`);
  return { path: module.path, name, calls: routeCalls(ctx, module.path).filter((r) => assigned.test(r.statementText)) };
}

function siteOf(path: string, call: CallRecord): EntrySite {
  return { path, line: call.span.line, column: call.span.column, text: evidenceOf(call).text };
}

function siteEvidence(site: EntrySite): { line: number; column: number; text: string } {
  return { line: site.line, column: site.column, text: site.text };
}

