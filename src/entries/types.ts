import type { ModuleSummary } from '../extract/summary.js';
import type { CallResolver } from '../resolve/calls.js';
import type { ModuleIndex } from '../resolve/moduleIndex.js';
import type { ResolvedImport } from '../resolve/resolveImports.js';

/*
 * The types of entry detection, in a module of their own: the framework detectors use them, and
 * `entries.ts`, which runs the detectors, re-exports them, so no detector imports the module that
 * imports it.
 */

/** What entry detection may read: the whole project, since registration can span files. */
export interface ProjectView {
  summaries: ReadonlyMap<string, ModuleSummary>;
  index: ModuleIndex;
  resolved: ReadonlyMap<string, readonly ResolvedImport[]>;
  calls: CallResolver;
}

export interface EntryEvidence {
  line: number;
  column: number;
  text: string;
}

/** A statement in some module of the project, as shown to the user. */
export interface EntrySite extends EntryEvidence {
  path: string;
}

/**
 * An entry is a module that a web server or worker imports in every process: it is where the
 * chains in our findings start. Frameworks are described as data; detection reads summaries.
 */
export interface EntryPoint {
  path: string;
  framework: string;
  /** `app`: the application (or what the framework loads to set it up) lives here; `routes`: handlers are registered here. */
  kind: 'app' | 'routes';
  /** "Flask blueprint `api_bp` with 3 routes", "Django URLconf with 2 routes": a short noun phrase. */
  description: string;
  /** Where, in the entry's own file, it is seen (line 1 and the module name for a module loaded by name). */
  evidence: EntryEvidence;
  /** Number of route (or task) registrations seen in the module. */
  routes: number;
  /**
   * Set when the framework loads this module because another module names it: the `include("polls.urls")`,
   * the `INSTALLED_APPS` assignment, the `autodiscover_tasks()` call, the `DJANGO_SETTINGS_MODULE` default.
   */
  registeredBy?: EntrySite;
  /**
   * Set when nothing a deployed process loads reaches this entry (a router in a test module, a task
   * in a management command, an app built in a test function): why, in words. A candidate entry is
   * listed, but findings are not raised to `error` through it.
   */
  candidate?: string;
}
