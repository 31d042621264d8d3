import type { EntryPoint } from '../types.js';
import { detectHandlerClasses, type HandlerClasses } from '../classes.js';
import { analyzeObjects, callsOnObjects, objectEntries, objectKey, type ObjectAnalysis, type ObjectFramework } from '../objects.js';
import type { EntryContext } from '../project.js';

/**
 * Flask-Admin: `Admin(app)` registers a blueprint per view added with `add_view(UserView(User,
 * db.session))`; views are `BaseView` subclasses with `@expose("/")` methods, or model views
 * (`flask_admin.contrib.sqla.ModelView`...) whose routes Flask-Admin defines.
 */
export const FLASK_ADMIN: ObjectFramework = {
  framework: 'Flask-Admin',
  objects: [{ callees: ['flask_admin.Admin', 'flask_admin.base.Admin'], kind: 'routes', noun: 'Flask-Admin', unit: ['view', 'views'] }],
  routeDecorators: [],
  routeCalls: ['add_view'],
};

const CONTRIB_MODEL_VIEWS = ['sqla', 'pymongo', 'peewee', 'mongoengine', 'geoa'].flatMap((m) => [`flask_admin.contrib.${m}.ModelView`, `flask_admin.contrib.${m}.view.ModelView`]);

export const FLASK_ADMIN_VIEWS: HandlerClasses = {
  framework: 'Flask-Admin',
  bases: [
    'flask_admin.BaseView',
    'flask_admin.base.BaseView',
    'flask_admin.AdminIndexView',
    'flask_admin.base.AdminIndexView',
    'flask_admin.model.BaseModelView',
    'flask_admin.model.base.BaseModelView',
    'flask_admin.contrib.fileadmin.BaseFileAdmin',
    'flask_admin.contrib.fileadmin.FileAdmin',
    ...CONTRIB_MODEL_VIEWS,
  ],
  noun: ['Flask-Admin view', 'Flask-Admin views'],
  routeDecorators: ['flask_admin.expose', 'flask_admin.base.expose', 'flask_admin.expose_plugview', 'flask_admin.base.expose_plugview'],
};

export function detectFlaskAdmin(ctx: EntryContext): EntryPoint[] {
  const analysis = analyzeObjects(FLASK_ADMIN, ctx);
  addViews(ctx, analysis);
  return [...objectEntries(FLASK_ADMIN, ctx, analysis), ...detectHandlerClasses(FLASK_ADMIN_VIEWS, ctx)];
}

/** `admin.add_views(UserView(...), PostView(...))`: one view per positional argument (an unpacked `*views` is not counted). */
function addViews(ctx: EntryContext, analysis: ObjectAnalysis): void {
  for (const { path, call, object } of callsOnObjects(ctx, analysis.objects, ['add_views'])) {
    const views = call.args.filter((a) => a.keyword === undefined && !a.text.startsWith('*')).length;
    if (views === 0) continue;
    const key = objectKey(object.path, object.call);
    const byPath = analysis.registrations.get(key) ?? new Map();
    const site = byPath.get(path);
    if (!site) byPath.set(path, { count: views, first: call });
    else {
      site.count += views;
      if (call.span.line < site.first.span.line) site.first = call;
    }
    analysis.registrations.set(key, byPath);
  }
}
