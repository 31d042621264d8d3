import { withWritten, type ExecutionScope, type ImportRecord } from './summary.js';
import { isModuleLevel, type Scope } from './scopes.js';
import type { ExtractorState } from './state.js';
import { spanOf } from './syntax.js';
import { FUTURE_FEATURES, isDocstring } from './syntaxProblems.js';
import type { SyntaxNode } from './tree.js';

/*
 * Import statements: `import a.b as c`, `from ..a import b`, `from __future__ import ...`, PEP 810
 * `lazy` imports, and the fallbacks of `try: import a / except ImportError: import b`. (Imports
 * computed at run time, `importlib.import_module(...)`, are in dynamicImports.ts.)
 */

/**
 * What CPython's compiler refuses in `from __future__ import ...` and tree-sitter accepts: one
 * after anything but the docstring, comments and other future imports (or inside a block), and
 * a feature CPython does not know (`braces`: "not a chance").
 */
export function checkFutureImports(x: ExtractorState, root: SyntaxNode): void {
  let atStart = true;
  let first = true;
  for (const statement of root.namedChildren) {
    if (!statement || statement.type === 'comment') continue;
    if (statement.type === 'future_import_statement') {
      if (!atStart) {
        x.structuralProblems.push({ span: spanOf(statement), message: 'syntax error: from __future__ imports must occur at the beginning of the file' });
        continue;
      }
      for (const name of statement.childrenForFieldName('name')) {
        const feature = (name?.type === 'aliased_import' ? name.childForFieldName('name') : name)?.text ?? '';
        if (FUTURE_FEATURES.has(feature)) continue;
        const message = feature === 'braces' ? 'not a chance' : `future feature ${feature} is not defined`;
        x.structuralProblems.push({ span: spanOf(statement), message: `syntax error: ${message}` });
        break;
      }
    } else if (!(first && statement.type === 'expression_statement' && statement.namedChildCount === 1 && isDocstring(statement.namedChild(0)!))) {
      atStart = false;
    }
    first = false;
  }
  for (const nested of root.descendantsOfType('future_import_statement')) {
    if (nested && nested.parent?.type !== 'module') {
      x.structuralProblems.push({ span: spanOf(nested), message: 'syntax error: from __future__ imports must occur at the beginning of the file' });
    }
  }
}

export function findLazyPrefixes(x: ExtractorState, root: SyntaxNode): void {
  // An explicit stack: a file of errors can nest as deep as it likes.
  const pending: SyntaxNode[] = [root];
  for (let node = pending.pop(); node; node = pending.pop()) {
    for (let i = 0, kids = node.namedChildren; i < kids.length; i++) {
      const child = kids[i]!;
      if (child.type === 'ERROR' && child.endIndex - child.startIndex < 64 && child.text.trim() === 'lazy') x.lazyPrefixRows.add(child.endPosition.row);
      else if (child.hasError) pending.push(child);
    }
  }
}

export function visitImport(x: ExtractorState, node: SyntaxNode, scope: Scope): void {
  for (const nameNode of node.childrenForFieldName('name')) {
    if (!nameNode) continue;
    const dotted = nameNode.type === 'aliased_import' ? nameNode.childForFieldName('name') : nameNode;
    const aliasNode = nameNode.type === 'aliased_import' ? nameNode.childForFieldName('alias') : null;
    if (!dotted) continue;
    const module = dotted.text.replace(/\s+/g, '');
    const alias = aliasNode?.text;
    x.imports.push(
      withWritten(
        {
          kind: 'import',
          module,
          level: 0,
          names: [],
          star: false,
          ...(alias ? { alias } : {}),
          scope: importScope(x, node, scope),
          ...fallbackOf(x),
          span: spanOf(node),
        },
        x.excerpts.of(node),
      ),
    );
    const bound = alias ?? module.split('.')[0]!;
    scope.bindings.set(bound, { kind: 'import', qualified: alias ? module : bound });
    if (isModuleLevel(scope)) {
      x.importedNames.add(bound);
      x.bindConstant(bound, undefined);
    }
  }
}

export function visitImportFrom(x: ExtractorState, node: SyntaxNode, scope: Scope): void {
  const moduleNode = node.childForFieldName('module_name');
  let level = 0;
  let module = '';
  if (moduleNode?.type === 'relative_import') {
    const prefix = moduleNode.namedChildren.find((c) => c?.type === 'import_prefix');
    level = prefix ? prefix.text.length : 0;
    const dotted = moduleNode.namedChildren.find((c) => c?.type === 'dotted_name');
    module = dotted ? dotted.text.replace(/\s+/g, '') : '';
  } else if (moduleNode) {
    module = moduleNode.text.replace(/\s+/g, '');
  }
  const star = node.namedChildren.some((c) => c?.type === 'wildcard_import');
  const names = node.childrenForFieldName('name').flatMap((nameNode) => {
    if (!nameNode) return [];
    if (nameNode.type === 'aliased_import') {
      const name = nameNode.childForFieldName('name')?.text ?? '';
      const alias = nameNode.childForFieldName('alias')?.text;
      return [{ name, ...(alias ? { alias } : {}) }];
    }
    return [{ name: nameNode.text }];
  });
  if (node.type === 'future_import_statement') module = '__future__';
  x.imports.push(
    withWritten(
      {
        kind: 'from',
        module,
        level,
        names,
        star,
        scope: importScope(x, node, scope),
        ...fallbackOf(x),
        span: spanOf(node),
      },
      x.excerpts.of(node),
    ),
  );
  const base = '.'.repeat(level) + module;
  for (const { name, alias } of names) {
    const qualified = base === '' || base.endsWith('.') ? `${base}${name}` : `${base}.${name}`;
    scope.bindings.set(alias ?? name, { kind: 'import', qualified });
    if (isModuleLevel(scope)) {
      x.importedNames.add(alias ?? name);
      x.bindConstant(alias ?? name, undefined);
    }
  }
}

/** The statement's scope, unless it is a PEP 810 lazy import (which runs when its name is first used). */
function importScope(x: ExtractorState, node: SyntaxNode, scope: Scope): ExecutionScope {
  if (!x.lazyPrefixRows.has(node.startPosition.row)) return scope.execution;
  const execution = scope.execution;
  return { kind: 'lazy-import', ...(execution.kind === 'function' ? { function: execution.function } : {}) };
}

function fallbackOf(x: ExtractorState): Pick<ImportRecord, 'fallback'> {
  const fallback = x.fallbacks[x.fallbacks.length - 1];
  return fallback ? { fallback } : {};
}

/** True when an `except` clause catches ImportError: bare, or naming it, a subclass, or a base. */
export function catchesImportError(clause: SyntaxNode): boolean {
  const header = clause.text.slice(0, clause.text.indexOf(':') >= 0 ? clause.text.indexOf(':') : undefined);
  if (/^except\*?\s*$/.test(header.trim())) return true;
  return /\b(ImportError|ModuleNotFoundError|Exception|BaseException)\b/.test(header);
}
