import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SummaryCompactor } from '../src/extract/compact.js';
import { summariseBytes } from '../src/extract/fileSummary.js';
import { callById, callCount, callsInFunction, callsOutsideFunctions, bodyCallsOf, isPacked, packedInMemory } from '../src/extract/packed.js';
import { spillPacked } from '../src/extract/spill.js';
import { DamagedCacheEntry } from '../src/diagnostics.js';
import { reviveStored, storedBytes, storedOf, storedText } from '../src/extract/stored.js';
import type { PythonTarget } from '../src/extract/target.js';

/**
 * Issue 13: a file's outcome as the cache stores it and a worker thread sends it (src/extract/stored.ts).
 * The calls name what they repeat (scopes, placements, statement and callee texts) by its place in
 * tables, and the text is ASCII; revived, it is the outcome it was.
 */
const target: PythonTarget = { version: [3, 11], platform: 'linux' };

const SOURCE = [
  'import sys',
  'from concurrent.futures import ThreadPoolExecutor',
  'from flask import Flask',
  '',
  'app = Flask(__name__)',
  'GREETING = "héllo, 世界 😀"',
  'if sys.platform == "win32":',
  '    import winreg',
  '    POOL = ThreadPoolExecutor(max_workers=2)',
  'elif DEBUG:',
  '    POOL = ThreadPoolExecutor(max_workers=3)',
  '',
  '',
  'class Service:',
  '    pool = ThreadPoolExecutor(4)',
  '',
  '    def run(self, request, limit=len("ünïcode")):',
  '        with open(request.path) as f:',
  '            return f.read().split("—")',
  '',
  '',
  '@app.route("/")',
  'def index():',
  '    print("ok")',
  '    print("ok")',
  '    return str(len(sys.argv))',
  '',
].join('\n');

async function outcome(source: string, relative = 'app.py') {
  return summariseBytes(relative, new TextEncoder().encode(source), target);
}

describe('a stored outcome', () => {
  it('revives as the outcome it was: every scope, placement, condition and text, characters beyond ASCII included', async () => {
    const original = await outcome(SOURCE);
    const before = structuredClone(original);
    const stored = storedText(original);
    // Written in place and given back: the outcome is as it was.
    expect(original).toEqual(before);
    expect(/^[\x20-\x7e]*$/.test(stored.text)).toBe(true);
    expect(stored.packed).toBeDefined();
    const revived = reviveStored(stored, 'app.py');
    expect(revived).toEqual(original);
    const kinds = new Set(original.summary!.calls.map((c) => `${c.scope.kind}/${c.placement.kind}`));
    expect([...kinds].sort()).toEqual(['function/statement', 'function/with-item', 'module/class-body', 'module/decorator', 'module/default-argument', 'module/statement']);
    expect(original.summary!.calls.some((c) => c.condition)).toBe(true);
    expect(revived.summary!.imports.find((r) => r.module === 'winreg')!.scope).toEqual({ kind: 'unreachable', condition: expect.any(String) });
  });

  it('names what its calls repeat once: the statement `print("ok")` twice is one text', async () => {
    const stored = storedText(await outcome(SOURCE));
    // In the packed calls of the function bodies: the table's statement text, and each call's own text.
    const bodies = inflateSync(stored.packed!).toString('latin1');
    expect(bodies.split('"print(\\"ok\\")"').length - 1).toBe(1 + 2);
    expect(bodies.split('"kind":"function","function":"index"').length - 1).toBe(1);
    expect(stored.text).not.toContain('print(');
  });

  it('revived with the run\'s sharing, two files share one object for the same scope and placement', async () => {
    const sharing = new SummaryCompactor();
    const a = reviveStored(storedText(await outcome(SOURCE, 'a.py')), 'a.py', sharing).summary!;
    const b = reviveStored(storedText(await outcome(SOURCE, 'b.py')), 'b.py', sharing).summary!;
    expect(a.path).toBe('a.py');
    expect(b.path).toBe('b.py');
    // The calls outside function bodies are revived sharing; those in bodies when unpacked, equal.
    const outsideB = callsOutsideFunctions(b);
    callsOutsideFunctions(a).forEach((call, index) => {
      expect(outsideB[index]!.scope).toBe(call.scope);
      expect(outsideB[index]!.placement).toBe(call.placement);
      expect(outsideB[index]).toEqual(call);
    });
    expect(b.calls).toEqual(a.calls);
    expect(b.imports[0]!.scope).toBe(a.imports[0]!.scope);
  });

  it("revived with the run's sharing, the same span, imported names and module name in two files are one value", async () => {
    const sharing = new SummaryCompactor();
    const a = reviveStored(storedText(await outcome(SOURCE, 'a.py')), 'a.py', sharing).summary!;
    // `b.py` starts as `a.py` does, then its import block goes on at other columns and lines.
    const other = SOURCE.replace('from flask import Flask', 'from flask import Flask, request');
    const b = reviveStored(storedText(await outcome(other, 'b.py')), 'b.py', sharing).summary!;
    const [aSys, aFutures, aFlask] = a.imports;
    const [bSys, bFutures, bFlask] = b.imports;
    expect(bSys!.span).toBe(aSys!.span);
    expect(bFutures!.span).toBe(aFutures!.span);
    expect(bFutures!.names).toBe(aFutures!.names);
    expect(bFutures!.module).toBe(aFutures!.module);
    // Not the same statement: neither the span nor the names are shared, and they are as written.
    expect(bFlask!.span).not.toBe(aFlask!.span);
    expect(bFlask!.span).toMatchObject({ line: 3, column: 1, endLine: 3, endColumn: 33 });
    expect(bFlask!.names).toEqual([{ name: 'Flask' }, { name: 'request' }]);
    expect(aFlask!.names).toEqual([{ name: 'Flask' }]);
    // The calls outside functions and the classes share spans too: `app = Flask(__name__)` is where it was.
    expect(callsOutsideFunctions(b)[0]!.span).toBe(callsOutsideFunctions(a)[0]!.span);
  });

  it('writes each import as a row of strings and numbers, its rarer fields apart, and reads every field back', async () => {
    const source = [
      'try:',
      '    import simplejson as json',
      'except ImportError:',
      '    import json',
      'from ..pkg import a as b, c',
      'import importlib',
      'mod = importlib.import_module("plugins.x")',
    ].join('\n');
    const original = await outcome(source, 'pkg/sub/m.py');
    const stored = storedText(original);
    expect(stored.text).toContain('"imports":[[0,"simplejson",0,"",0,0,"2 5 2 30",{"alias":"json"}]');
    expect(stored.text).toContain('[1,"pkg",2,"a b,c,",0,0,"5 1 5 28"]');
    expect(stored.text).toContain('"fallback":{"tryLine":1');
    expect(reviveStored(stored, 'pkg/sub/m.py')).toEqual(original);
    expect(reviveStored(stored, 'pkg/sub/m.py', new SummaryCompactor())).toEqual(original);
    // Names no key can hold (text a syntax error could leave) are written as the list itself.
    const odd = structuredClone(original);
    odd.summary!.imports[2]!.names = [{ name: 'a b' }, { name: 'c,d', alias: 'e' }];
    const oddStored = storedText(odd);
    expect(oddStored.text).toContain('[{"name":"a b"},{"name":"c,d","alias":"e"}]');
    expect(reviveStored(oddStored, 'pkg/sub/m.py', new SummaryCompactor())).toEqual(odd);
    // A row that is not one, or a field no import has, is a corrupt entry.
    expect(() => reviveStored({ ...stored, text: stored.text.replace('"2 5 2 30"', '"2 5 2"') }, 'pkg/sub/m.py')).toThrow(/span/);
    expect(() => reviveStored({ ...stored, text: stored.text.replace('{"alias":"json"}', '{"__proto__":{}}') }, 'pkg/sub/m.py')).toThrow(/import/);
    expect(() => reviveStored({ ...stored, text: stored.text.replace('[0,"simplejson"', '["length","simplejson"') }, 'pkg/sub/m.py')).toThrow(/import/);
  });

  it('is refused when a call names a place its tables do not have (a corrupt entry is read as none)', async () => {
    const stored = storedText(await outcome(SOURCE));
    const text = stored.text;
    const broken = text.replace(/"scope":0/, '"scope":999');
    expect(broken).not.toBe(text);
    expect(() => reviveStored({ ...stored, text: broken }, 'app.py')).toThrow();
    expect(() => reviveStored({ ...stored, text: text.replace(/,"tables":\{.*\},"diagnostics"/, ',"diagnostics"') }, 'app.py')).toThrow(/tables/);
  });

  it('is refused when its packed calls are missing or cut short (a truncated entry is read as none)', async () => {
    const stored = storedText(await outcome(SOURCE));
    const bytes = Buffer.from(storedBytes(stored));
    expect(() => reviveStored(storedOf(bytes), 'app.py')).not.toThrow();
    expect(() => reviveStored(storedOf(bytes.subarray(0, bytes.length - 1)), 'app.py')).toThrow(/packed/);
    expect(() => reviveStored({ text: stored.text }, 'app.py')).toThrow(/packed/);
  });
});

describe('calls in function bodies, packed', () => {
  const FACTORY = [
    'from flask import Flask',
    'import requests',
    'from .views import bp',
    '',
    'session = requests.Session()',
    'session.mount("https://", None)',
    '',
    'def create_app():',
    '    app = Flask(__name__)',
    '    app.register_blueprint(bp)',
    '    @app.get("/health")',
    '    def health():',
    '        return helper()',
    '    return app',
    '',
    'def helper():',
    '    return requests.get("https://example.com").json()',
    '',
    'def view(request):',
    '    return request.args.getlist("q")',
    '',
  ].join('\n');

  it('stay packed while only the calls outside functions and the index of the bodies are read', async () => {
    const original = (await outcome(FACTORY)).summary!;
    const revived = reviveStored(storedText({ summary: original, diagnostics: [] }), 'app.py').summary!;
    expect(isPacked(revived)).toBe(true);
    expect(callsOutsideFunctions(revived).map((c) => c.text)).toEqual(['requests.Session()', 'session.mount("https://", None)']);
    expect(callCount(revived)).toBe(original.calls.length);
    expect(callById(revived, 1)?.text).toBe('session.mount("https://", None)');
    const index = bodyCallsOf(revived);
    expect(index.callees.sort()).toEqual(['flask.Flask', 'requests.get']);
    expect(index.localCallees).toEqual(['helper']);
    // `memberName` of each: a dotted callee's last name too (`flask.Flask`, `requests.get`).
    expect(index.members.sort()).toEqual(['Flask', 'get', 'getlist', 'json', 'register_blueprint']);
    // `app` is bound to a call's result; `.json()` is a method of one; `requests` is imported; the
    // `request` of `request.args.getlist` is a parameter, no object a call made.
    expect(index.onObjects.sort()).toEqual(['Flask', 'get', 'json', 'register_blueprint']);
    expect(index.decoratorsOnObjects).toEqual(['get']);
    // Of those, the ones not made through a qualified name: on `app`, bound to `Flask(...)`, and on
    // the result of `requests.get(...)`. `get` of `requests.get` is in `callees`.
    expect(index.onLocalObjects.sort()).toEqual(['get', 'json', 'register_blueprint']);
    // All of them are in functions of the top level (`create_app`, `helper`), none in a method.
    expect(index.inModuleFunctions.sort()).toEqual(['Flask', 'get', 'json', 'register_blueprint']);
    // The same index for a summary that was never packed.
    const sorted = (i: object) => Object.fromEntries(Object.entries(i).map(([k, v]: [string, string[]]) => [k, [...v].sort()]));
    expect(sorted(bodyCallsOf(original))).toEqual(sorted(index));
    expect(isPacked(revived)).toBe(true);
  });

  it('unpack when summary.calls is read: every call in id order, the outside ones the same objects', async () => {
    const original = (await outcome(FACTORY)).summary!;
    const revived = reviveStored(storedText({ summary: original, diagnostics: [] }), 'app.py').summary!;
    const outside = callsOutsideFunctions(revived);
    const id = original.calls.findIndex((c) => c.text === 'app.register_blueprint(bp)');
    expect(callById(revived, id)?.text).toBe('app.register_blueprint(bp)');
    expect(isPacked(revived)).toBe(false);
    expect(revived.calls).toEqual(original.calls);
    expect(revived.calls.map((c) => c.id)).toEqual(original.calls.map((_, id) => id));
    expect(revived.calls[0]).toBe(outside[0]);
    expect(revived.calls[1]).toBe(outside[1]);
    expect(revived.calls).toBe(revived.calls);
  });

  it('give one function\'s calls without unpacking the others, and unpacking gives the same objects', async () => {
    const original = (await outcome(FACTORY)).summary!;
    const revived = reviveStored(storedText({ summary: original, diagnostics: [] }), 'app.py').summary!;
    const texts = (calls: readonly { text: string }[]) => calls.map((c) => c.text);
    // Written directly in `create_app`: not the calls of `health`, nested in it.
    const factory = callsInFunction(revived, 'create_app');
    expect(texts(factory)).toEqual(['Flask(__name__)', 'app.register_blueprint(bp)', 'app.get("/health")']);
    expect(texts(callsInFunction(revived, 'create_app.health'))).toEqual(['helper()']);
    expect(texts(callsInFunction(revived, 'helper'))).toEqual(['requests.get("https://example.com")', 'requests.get("https://example.com").json()']);
    expect(callsInFunction(revived, 'no_such_function')).toEqual([]);
    expect(isPacked(revived)).toBe(true);
    // The same as a summary that was never packed gives, and asked again, the same list.
    for (const name of ['create_app', 'create_app.health', 'helper', 'view']) expect(callsInFunction(revived, name)).toEqual(callsInFunction(original, name));
    expect(callsInFunction(revived, 'create_app')).toBe(factory);
    // A call of it by id is that object, still packed; unpacked, every call is in place and those are the same objects.
    expect(callById(revived, factory[1]!.id)).toBe(factory[1]);
    expect(isPacked(revived)).toBe(true);
    expect(revived.calls).toEqual(original.calls);
    for (const call of factory) expect(revived.calls[call.id]).toBe(call);
    callsInFunction(revived, 'create_app').forEach((call, k) => expect(call).toBe(factory[k]));
  });

  it('a function\'s calls read from damaged packed bytes are the damaged entry, said each time', async () => {
    const original = (await outcome(FACTORY)).summary!;
    const stored = storedText({ summary: original, diagnostics: [] });
    const packed = Buffer.from(stored.packed!);
    packed[packed.length - 3]! ^= 0xff;
    let damaged = 0;
    const revived = reviveStored({ ...stored, packed }, 'app.py', undefined, () => damaged++).summary!;
    expect(() => callsInFunction(revived, 'helper')).toThrow(DamagedCacheEntry);
    expect(() => callsInFunction(revived, 'helper')).toThrow(/could not be read back from the cache/);
    expect(() => revived.calls).toThrow(DamagedCacheEntry);
    expect(damaged).toBe(1);
  });

  it('a summary without calls in function bodies has nothing packed', async () => {
    const stored = storedText(await outcome('import os\nPOOL = os.cpu_count()\n'));
    expect(stored.packed).toBeUndefined();
    expect(reviveStored(stored, 'a.py').summary!.calls.map((c) => c.text)).toEqual(['os.cpu_count()']);
  });

  it('without a cache, are put aside in a temporary file, not held in memory, and read back from there', async () => {
    const original = (await outcome(SOURCE)).summary!;
    const [a, b] = ['a.py', 'b.py'].map((file) => reviveStored(storedText({ summary: original, diagnostics: [] }), file).summary!);
    expect(packedInMemory(a!)).toBe(true);
    spillPacked(a!);
    spillPacked(b!);
    expect(packedInMemory(a!)).toBe(false);
    expect(packedInMemory(b!)).toBe(false);
    expect(isPacked(a!)).toBe(true);
    // One function's calls, then all: each module's bytes are read back from its own place in the file.
    expect(callsInFunction(b!, 'index').map((c) => c.text)).toEqual(['print("ok")', 'print("ok")', 'len(sys.argv)', 'str(len(sys.argv))']);
    expect(a!.calls).toEqual(original.calls);
    expect(b!.calls).toEqual(original.calls);
  });
});
