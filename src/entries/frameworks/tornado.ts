import type { EntryPoint } from '../entries.js';
import { analyzeObjects, callsOnObjects, objectEntries } from '../objects.js';
import { argumentLiteral, argumentOf, evidenceOf, moduleEvidence, type EntryContext } from '../project.js';
import type { PythonLiteral } from '../../extract/pythonLiteral.js';
import { TORNADO } from './web.js';

/**
 * Tornado, plus handlers named by string (`(r"/", "app.handlers.MainHandler")`,
 * `url(r"/x", "app.handlers.X")`): Tornado imports those modules when the Application is built.
 */
export function detectTornado(ctx: EntryContext): EntryPoint[] {
  const analysis = analyzeObjects(TORNADO, ctx);
  const entries = objectEntries(TORNADO, ctx, analysis);
  const lists: Array<{ path: string; literal: PythonLiteral | undefined; call: (typeof analysis.objects)[number]['call'] }> = [
    ...analysis.objects.map((o) => ({ path: o.path, literal: argumentLiteral(o.call, 0, 'handlers'), call: o.call })),
    ...callsOnObjects(ctx, analysis.objects, ['add_handlers']).map((c) => ({ path: c.path, literal: argumentLiteral(c.call, 1, 'host_handlers'), call: c.call })),
  ];
  const named: Array<{ path: string; target: string; call: (typeof lists)[number]['call'] }> = [];
  for (const { path, literal, call } of lists) {
    if (literal?.kind !== 'list' && literal?.kind !== 'tuple') continue;
    for (const item of literal.items) {
      if (item.kind === 'tuple' && item.items[1]?.kind === 'string') named.push({ path, target: item.items[1].value, call });
    }
  }
  for (const [path, summary] of ctx.summaries) {
    for (const call of summary.calls) {
      if (call.callee !== 'tornado.web.url' && call.callee !== 'tornado.web.URLSpec' && call.callee !== 'tornado.routing.URLSpec') continue;
      const handler = argumentOf(call, 1, 'handler')?.literal;
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
