import type { EntryPoint } from '../types.js';
import { analyzeObjects, callsOnObjects, objectEntries } from '../objects.js';
import { argumentLiteral, argumentOf, evidenceOf, moduleEvidence, type EntryContext } from '../project.js';
import type { PythonLiteral } from '../../extract/pythonLiteral.js';
import { TORNADO } from './web.js';

/** Route specs whose second argument, when a string, names the handler class to import. */
const STRING_TARGETS = new Set(['tornado.web.url', 'tornado.web.URLSpec', 'tornado.routing.URLSpec', 'tornado.routing.Rule']);

/**
 * Tornado, plus handlers named by string (`(r"/", "app.handlers.MainHandler")`,
 * `url(r"/x", "app.handlers.X")`, `Rule(PathMatches("/x"), "app.handlers.X")`): Tornado imports
 * those modules when the Application or the RuleRouter is built.
 */
export function detectTornado(ctx: EntryContext): EntryPoint[] {
  const analysis = analyzeObjects(TORNADO, ctx);
  const entries = objectEntries(TORNADO, ctx, analysis);
  const lists: Array<{ path: string; literal: PythonLiteral | undefined; call: (typeof analysis.objects)[number]['call'] }> = [
    ...analysis.objects.map((o) => ({ path: o.path, literal: argumentLiteral(o.call, 0, 'handlers'), call: o.call })),
    ...callsOnObjects(ctx, analysis.objects, ['add_handlers', 'add_rules']).map((c) => ({
      path: c.path,
      literal: c.method === 'add_rules' ? argumentLiteral(c.call, 0, 'rules') : argumentLiteral(c.call, 1, 'host_handlers'),
      call: c.call,
    })),
  ];
  const named: Array<{ path: string; target: string; call: (typeof lists)[number]['call'] }> = [];
  for (const { path, literal, call } of lists) {
    if (literal?.kind !== 'list' && literal?.kind !== 'tuple') continue;
    for (const item of literal.items) {
      if (item.kind === 'tuple' && item.items[1]?.kind === 'string') named.push({ path, target: item.items[1].value, call });
    }
  }
  const naming = ctx.modulesCalling({ callees: STRING_TARGETS });
  for (const [path, summary] of ctx.summaries) {
    if (!naming.has(path)) continue;
    for (const call of summary.calls) {
      if (!call.callee || !STRING_TARGETS.has(call.callee)) continue;
      const handler = argumentOf(call, 1, call.callee === 'tornado.routing.Rule' ? 'target' : 'handler')?.literal;
      if (typeof handler === 'string') named.push({ path, target: handler, call });
    }
  }
  for (const { path, target, call } of named) {
    const dot = target.lastIndexOf('.');
    const module = dot > 0 ? ctx.lookup(target.slice(0, dot), path) : undefined;
    if (!module || entries.some((e) => e.path === module.path && e.framework === 'Tornado')) continue;
    entries.push({
      path: module.path,
      framework: 'Tornado',
      kind: 'routes',
      description: `Tornado handler \`${target.slice(dot + 1)}\` (named by string)`,
      evidence: moduleEvidence(module.name),
      routes: 1,
      registeredBy: { path, line: call.span.line, column: call.span.column, text: evidenceOf(call).text },
    });
  }
  return entries;
}
