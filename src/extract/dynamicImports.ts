import { ALL_ITEM, itemsSource, MAX_COMPUTED_NAMES, product, stringItems, substituteAll } from './computedNames.js';
import { evaluate } from './conditions.js';
import { isModuleLevel, isSelfAttribute, lookup, qualify, type ListingKind, type LoopSource, type Scope } from './scopes.js';
import { MAX_HELPER_NESTING, type ExtractorState } from './state.js';
import type { CallRecord, RegistryImport } from './summary.js';
import { dottedName } from './syntax.js';
import type { SyntaxNode } from './tree.js';

/*
 * Imports computed at run time: `importlib.import_module(...)` and `__import__(...)` with names
 * built from literals, from loop variables over known items, over another module's `__all__`, or
 * over a registry that the module's own functions fill (`RegistryAdder`).
 */

/**
 * `self.module_registry.update(deps)` in `def preload_module(self, *deps)`, `_PLUGINS.append(name)`
 * in `def register(name)`: the function adds its argument to a registry of this module.
 */
export function noteRegistryAdder(x: ExtractorState, functionNode: SyntaxNode, argumentsNode: SyntaxNode, scope: Scope): void {
  if (scope.execution.kind !== 'function' || !scope.parameters) return;
  const method = functionNode.childForFieldName('attribute')?.text;
  if (method !== 'update' && method !== 'extend' && method !== 'add' && method !== 'append') return;
  const registry = registryNamed(x, functionNode.childForFieldName('object'), scope);
  const args = argumentsNode.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment');
  if (!registry || args.length !== 1 || args[0]!.type !== 'identifier') return;
  const parameter = scope.parameters.get(args[0]!.text);
  if (parameter?.index === undefined) return;
  const adds = method === 'add' || method === 'append';
  if (parameter.star && adds) return; // adds the tuple itself
  const takes = parameter.star ? 'each-argument' : adds ? 'argument' : 'items';
  x.registryAdders.push({ function: scope.execution.function, registry, parameter: parameter.index, takes });
}

/**
 * A registry this module keeps: `self.<name>` in a method (named `<Class>.<name>`), or a module
 * global that the function does not bind itself. Also seen through `sorted(...)`, `list(...)`,
 * `tuple(...)`, `set(...)` and `.copy()`.
 */
function registryNamed(x: ExtractorState, node: SyntaxNode | null, scope: Scope, depth = 0): string | undefined {
  if (!node || depth > MAX_HELPER_NESTING) return undefined;
  if (node.type === 'call') {
    const callee = node.childForFieldName('function');
    const args = node.childForFieldName('arguments')?.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment') ?? [];
    if (callee?.type === 'identifier' && REGISTRY_VIEWS.has(callee.text) && args.length === 1 && !lookup(callee.text, scope)) {
      return registryNamed(x, args[0]!, scope, depth + 1);
    }
    if (callee?.type === 'attribute' && callee.childForFieldName('attribute')?.text === 'copy' && args.length === 0) {
      return registryNamed(x, callee.childForFieldName('object'), scope, depth + 1);
    }
    return undefined;
  }
  if (isSelfAttribute(node)) return scope.methodClass ? `${scope.methodClass}.${node.childForFieldName('attribute')!.text}` : undefined;
  if (node.type !== 'identifier' || !x.definedNames.has(node.text)) return undefined;
  // A module global: read at module level, or in a function that does not bind the name itself.
  if (isModuleLevel(scope) || (scope.execution.kind === 'function' && !scope.bindings.has(node.text))) return node.text;
  return undefined;
}

/**
 * `importlib.import_module("a.b")` and `__import__("a.b")` with literal names are imports too, and so
 * are names computed from literals and loop variables over known items (`for name in ("a", "b"):
 * __import__(name)` in requests' `packages.py`, `import_module("pkg.%s" % d)` with `f"pkg.{d}"`,
 * `"pkg." + d` and `"{}.{}".format(...)` alike): one import per value.
 */
export function noteDynamicImport(x: ExtractorState, call: CallRecord, scope: Scope, argumentsNode: SyntaxNode | null): void {
  if (call.callee !== 'importlib.import_module' && call.callee !== 'builtins.__import__') return;
  const first = call.args[0];
  if (!first || first.keyword !== undefined) return;
  const node = argumentsNode?.namedChildren.find((c): c is SyntaxNode => c !== null && c.type !== 'comment') ?? null;
  const computed = computedStrings(x, node, scope);
  if (!computed) return;
  const source = computed.source;
  if (source && 'listing' in source) {
    for (const name of computed.values) noteDynamicImportOf(x, call, scope, name, { eachSubmodule: source.listing });
    return;
  }
  if (source && 'registry' in source) {
    const prefixParameter = prefixFilter(x, argumentsNode!.parent, scope);
    const registryOf: RegistryImport = { registry: source.registry, ...(prefixParameter ? { prefixParameter } : {}) };
    for (const name of computed.values) noteDynamicImportOf(x, call, scope, name, { registryOf });
    return;
  }
  for (const name of computed.values) noteDynamicImportOf(x, call, scope, name, source ? { allOf: source.allOf } : {});
}

/**
 * `if not path or module.startswith(path):` around the import, `module` iterating a registry and
 * `path` a parameter: the import runs for the items that start with what the caller passes.
 */
function prefixFilter(x: ExtractorState, call: SyntaxNode | null, scope: Scope): RegistryImport['prefixParameter'] {
  for (let node = call; node && node.type !== 'function_definition'; node = node.parent) {
    const parent = node.parent;
    if (parent?.type !== 'if_statement' || parent.childForFieldName('consequence')!== node) continue;
    const found = findDescendant(parent.childForFieldName('condition'), (n) => {
      if (n.type !== 'call') return false;
      const callee = n.childForFieldName('function');
      const args = n.childForFieldName('arguments')?.namedChildren ?? [];
      const item = callee?.childForFieldName('object');
      const items = item?.type === 'identifier' ? x.loopItems.get(item.text) : undefined;
      return callee?.type === 'attribute' && callee.childForFieldName('attribute')?.text === 'startswith' &&
        items !== undefined && !Array.isArray(items) && 'registry' in items &&
        args.length === 1 && args[0]?.type === 'identifier' && scope.parameters?.get(args[0].text)?.index !== undefined;
    });
    if (!found) continue;
    const name = found.childForFieldName('arguments')!.namedChildren[0]!.text;
    const parameter = scope.parameters!.get(name)!;
    if (!parameter.star) return { index: parameter.index!, name };
  }
  return undefined;
}

/** What a `for` statement's iterable yields, when it is known: see `loopItems`. */
export function loopItemsOf(x: ExtractorState, node: SyntaxNode | null, scope: Scope): string[] | LoopSource | undefined {
  const listing = listingOf(x, node, scope);
  if (listing) return { listing };
  const items = stringItems(evaluate(node, x.conditionContext(scope)));
  // `PLUGINS = []` that functions append to: what the loop sees is what was added since.
  const registry = items?.length === 0 || !items ? registryNamed(x, node, scope) : undefined;
  if (registry) return { registry };
  if (items) return items;
  const dotted = node ? dottedName(node) : undefined;
  if (!dotted?.endsWith('.__all__')) return undefined;
  const resolved = qualify(dotted.slice(0, -'.__all__'.length), scope);
  return resolved?.kind === 'import' ? { allOf: resolved.qualified } : undefined;
}

/**
 * The values a string expression can take: literals, loop variables over known items, and `+`,
 * `%`, f-strings and `str.format` over them. A loop over another module's `__all__` or over a
 * registry leaves `ALL_ITEM` where each of its items goes, and says which in `source`.
 */
function computedStrings(x: ExtractorState, node: SyntaxNode | null, scope: Scope): { values: string[]; source?: LoopSource } | undefined {
  let source: LoopSource | undefined;
  let depth = 0;
  const valuesOf = (n: SyntaxNode | null): string[] | undefined => {
    if (!n || depth > MAX_HELPER_NESTING) return undefined;
    depth++;
    try {
      return valuesOfNode(n);
    } finally {
      depth--;
    }
  };
  const valuesOfNode = (n: SyntaxNode): string[] | undefined => {
    switch (n.type) {
      case 'parenthesized_expression':
        return n.namedChildCount === 1 ? valuesOf(n.namedChild(0)) : undefined;
      case 'identifier': {
        // `__package__`, and `__name__` in a package's __init__: this package, as a relative name.
        if ((n.text === '__package__' || (n.text === '__name__' && /(^|\/)__init__\.py$/.test(x.path))) && !lookup(n.text, scope)) return [THIS_PACKAGE];
        const items = x.loopItems.get(n.text);
        if (Array.isArray(items)) return items;
        if (items) {
          if (source !== undefined) return undefined; // two loops over unknown items
          source = items;
          return [ALL_ITEM];
        }
        const value = evaluate(n, x.conditionContext(scope));
        return typeof value === 'string' ? [value] : undefined;
      }
      case 'string': {
        const value = evaluate(n, x.conditionContext(scope));
        if (typeof value === 'string') return [value];
        return formattedStrings(x, n, valuesOf);
      }
      case 'concatenated_string':
        return product(n.namedChildren.map((c) => (c ? valuesOf(c) : undefined)));
      case 'binary_operator': {
        const operator = n.childForFieldName('operator')?.text;
        const left = valuesOf(n.childForFieldName('left'));
        const rightNode = n.childForFieldName('right');
        if (!left || !rightNode) return undefined;
        if (operator === '+') return product([left, valuesOf(rightNode)]);
        if (operator !== '%') return undefined;
        const operands = rightNode.type === 'tuple' ? rightNode.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment') : [rightNode];
        const combinations = product(operands.map((o) => valuesOf(o)).map((v) => v?.map((x) => [x])));
        return combinations && left.length === 1 ? substituteAll(left[0]!, combinations, /%()s/g) : undefined;
      }
      case 'attribute':
      case 'subscript':
        return listingItem(n);
      case 'call': {
        // `"{}.{}".format(a, b)`
        const callee = n.childForFieldName('function');
        if (callee?.type !== 'attribute' || callee.childForFieldName('attribute')?.text !== 'format') return listingItem(n);
        const template = valuesOf(callee.childForFieldName('object'));
        const args = n.childForFieldName('arguments')?.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment') ?? [];
        if (!template || template.length !== 1 || args.some((a) => a.type === 'keyword_argument' || a.type.endsWith('splat'))) return undefined;
        const combinations = product(args.map((a) => valuesOf(a)?.map((x) => [x])));
        return combinations ? substituteAll(template[0]!, combinations, /\{(\d*)\}/g) : undefined;
      }
      default:
        return undefined;
    }
  };
  /** `f[:-3]`, `info.name`, `os.path.splitext(f)[0]`, `path.stem`: a name made from one entry of a folder's listing. */
  const listingItem = (n: SyntaxNode): string[] | undefined => {
    const listed = listingVariableIn(x, n);
    if (!listed || source !== undefined) return undefined;
    source = listed;
    return [ALL_ITEM];
  };
  const values = valuesOf(node);
  if (!values || values.length > MAX_COMPUTED_NAMES) return undefined;
  return { values, ...(source !== undefined ? { source } : {}) };
}

/** `f"pkg.{name}"`: each interpolation a plain expression with known values. */
function formattedStrings(x: ExtractorState, node: SyntaxNode, valuesOf: (n: SyntaxNode | null) => string[] | undefined): string[] | undefined {
  const parts: Array<string[] | undefined> = [];
  for (const part of node.namedChildren) {
    if (!part) continue;
    if (part.type === 'string_start') {
      if (!/[fF]/.test(part.text) || /[bB]/.test(part.text)) return undefined;
    } else if (part.type === 'string_content') {
      if (part.text.includes('\\') || /[{}]/.test(part.text)) return undefined;
      parts.push([part.text]);
    } else if (part.type === 'interpolation') {
      if (part.childForFieldName('format_specifier') || part.childForFieldName('type_conversion')) return undefined;
      parts.push(valuesOf(part.childForFieldName('expression')));
    } else if (part.type !== 'string_end') return undefined;
  }
  return product(parts);
}

function noteDynamicImportOf(
  x: ExtractorState,
  call: CallRecord,
  scope: Scope,
  literal: string,
  { allOf, registryOf, eachSubmodule }: { allOf?: string; registryOf?: RegistryImport; eachSubmodule?: ListingKind },
): void {
  const eachItem = allOf !== undefined || registryOf !== undefined || eachSubmodule !== undefined;
  if (eachItem && (literal.split(ALL_ITEM).length !== 2 || (literal.startsWith('.') && eachSubmodule === undefined))) return;
  // `f"{__name__}.{name}"` in a package's __init__: relative to the package, the same module.
  if (literal.includes(THIS_PACKAGE) && !(literal.startsWith(`${THIS_PACKAGE}.`) && literal.split(THIS_PACKAGE).length === 2)) return;
  const relativeToPackage = literal.startsWith(THIS_PACKAGE);
  let name = (relativeToPackage ? literal.slice(THIS_PACKAGE.length) : literal).replace(ALL_ITEM, '*');
  let level = 0;
  if (relativeToPackage) {
    name = name.slice(1);
    level = 1;
  } else if (call.callee === 'importlib.import_module') {
    while (name.startsWith('.')) {
      level++;
      name = name.slice(1);
    }
    if (level > 0) {
      // Relative names need `package=`. `__package__`, and `__name__` in a package's __init__, name this
      // module's package; `__name__` in a plain module names a module, which cannot hold submodules.
      const anchor = call.args.find((a) => a.keyword === 'package') ?? call.args[1];
      const isInit = /(^|\/)__init__\.py$/.test(x.path);
      if (anchor && typeof anchor.literal === 'string' && anchor.literal !== '') {
        // importlib: base = package.rsplit('.', level - 1)[0]
        const parts = anchor.literal.split('.');
        if (level - 1 >= parts.length) return;
        const base = parts.slice(0, parts.length - (level - 1)).join('.');
        name = name ? `${base}.${name}` : base;
        level = 0;
      } else if (!anchor || !(anchor.text === '__package__' || (anchor.text === '__name__' && isInit))) return;
    }
  } else {
    const levelArg = call.args.find((a) => a.keyword === 'level') ?? call.args[4];
    if (typeof levelArg?.literal === 'number' && levelArg.literal > 0) return;
  }
  if (eachItem && !/^[\w.]*\*[\w.]*$/.test(name)) return;
  // A folder's entries are modules of the package the name gives before them: `pkg.plugins.*`.
  if (eachSubmodule !== undefined && !/^([\w.]*\.)?\*$/.test(name)) return;
  if (eachSubmodule !== undefined && level === 0 && name === '*') return;
  // Kept aside until every body is read: it is an import only if the module has an adder for the registry.
  (registryOf ? x.registryImports : x.imports).push({
    kind: 'dynamic',
    module: name,
    level,
    names: [],
    star: false,
    ...(allOf !== undefined ? { itemsOf: itemsSource(allOf) } : {}),
    ...(eachSubmodule !== undefined ? { eachSubmodule } : {}),
    ...(registryOf ? { registryOf } : {}),
    scope: scope.execution,
    span: call.span,
    written: call.statementText,
  });
}

/** `for item in sorted(registry)`: wrappers that yield the registry's own items. */
const REGISTRY_VIEWS_LIST = ['sorted', 'list', 'tuple', 'set', 'frozenset'];
const REGISTRY_VIEWS = new Set(REGISTRY_VIEWS_LIST);

/** Stands for this module's package in a computed name (`__package__`, `__name__` in an __init__). */
const THIS_PACKAGE = '\u0001';

/** Functions that list a folder's entries, by the name the module's imports give them. */
const LISTING_CALLS: Record<string, ListingKind> = {
  'os.listdir': 'files',
  'os.scandir': 'files',
  'glob.glob': 'files',
  'glob.iglob': 'files',
  'pkgutil.iter_modules': 'modules',
};

/**
 * What a folder listing an expression is: a call of `LISTING_CALLS`, `Path(...).iterdir()` or
 * `.glob(...)`, through `sorted()`/`list()`; or a name bound to one (`modules = os.listdir(d)`).
 */
export function listingOf(x: ExtractorState, node: SyntaxNode | null, scope: Scope, depth = 0): ListingKind | undefined {
  if (!node || depth > MAX_HELPER_NESTING) return undefined;
  if (node.type === 'identifier') return x.listings.get(node.text);
  if (node.type !== 'call') return undefined;
  const callee = node.childForFieldName('function');
  if (!callee) return undefined;
  const args = node.childForFieldName('arguments')?.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment') ?? [];
  if (callee.type === 'identifier' && REGISTRY_VIEWS.has(callee.text) && args.length === 1 && !lookup(callee.text, scope)) return listingOf(x, args[0]!, scope, depth + 1);
  if (callee.type === 'attribute') {
    const method = callee.childForFieldName('attribute')?.text;
    const object = callee.childForFieldName('object');
    // `Path(folder).iterdir()`, `pathlib.Path(__file__).parent.glob("*.py")`.
    if ((method === 'iterdir' || method === 'glob') && object && /\bPath\b/.test(object.text)) return 'files';
  }
  const dotted = dottedName(callee);
  const qualified = dotted ? qualify(dotted, scope) : undefined;
  return qualified?.kind === 'import' && Object.hasOwn(LISTING_CALLS, qualified.qualified) ? LISTING_CALLS[qualified.qualified] : undefined;
}

/** The last names of the calls `listingOf` reads: most assignments of a call are none of them, and are passed over at once. */
const LISTING_NAMES = new Set(['listdir', 'scandir', 'glob', 'iglob', 'iter_modules', 'iterdir', ...REGISTRY_VIEWS_LIST]);

function mayList(call: SyntaxNode): boolean {
  const callee = call.childForFieldName('function');
  if (!callee) return false;
  const name = callee.type === 'attribute' ? callee.childForFieldName('attribute')?.text : callee.type === 'identifier' ? callee.text : undefined;
  return name !== undefined && LISTING_NAMES.has(name);
}

/** `modules = os.listdir(d)`, `a = os.path.basename(f)[:-3]` in a loop over a listing: the name stands for the listing, or for one of its entries. */
export function noteListingAssignment(x: ExtractorState, names: readonly string[], right: SyntaxNode, scope: Scope): void {
  if (x.listings.size > 0) for (const name of names) x.listings.delete(name);
  if (names.length !== 1) return;
  const listing = right.type === 'call' && mayList(right) ? listingOf(x, right, scope) : undefined;
  if (listing) x.listings.set(names[0]!, listing);
  const item = x.listingLoops > 0 ? listingVariableIn(x, right) : undefined;
  if (item) x.loopItems.set(names[0]!, item);
}

/** The listing source of the one loop variable over a folder's entries that `node` mentions. */
function listingVariableIn(x: ExtractorState, node: SyntaxNode): LoopSource | undefined {
  if (x.listingLoops === 0) return undefined;
  let found: LoopSource | undefined;
  const names = new Set<string>();
  findDescendant(node, (n) => {
    if (n.type !== 'identifier' || names.has(n.text)) return false;
    // `os.path`'s `path`, `stem` of `entry.stem`: attribute names, not variables.
    if (n.parent?.type === 'attribute' && n.parent.childForFieldName('attribute') === n) return false;
    const items = x.loopItems.get(n.text);
    if (items && !Array.isArray(items) && 'listing' in items) {
      found = items;
      names.add(n.text);
    }
    return names.size > 1;
  });
  return names.size === 1 ? found : undefined;
}


/** The first node under `node` (itself included) that `test` accepts, depth first. */
function findDescendant(node: SyntaxNode | null, test: (n: SyntaxNode) => boolean): SyntaxNode | undefined {
  const pending: SyntaxNode[] = node ? [node] : [];
  for (let at = pending.pop(); at; at = pending.pop()) {
    if (test(at)) return at;
    for (let kids = at.namedChildren, i = kids.length - 1; i >= 0; i--) pending.push(kids[i]!);
  }
  return undefined;
}
