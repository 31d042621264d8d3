/**
 * Top-level names of the standard library (CPython's `sys.stdlib_module_names` of 3.11, plus the
 * modules other versions from 3.8 to 3.15 add), C modules included: `_thread`, `_sha512`.
 * Used to decide whether the `try` branch of an import fallback succeeds without running anything.
 */
export const STDLIB_MODULES: ReadonlySet<string> = new Set([
  '__future__', '_abc', '_aix_support', '_android_support', '_apple_support', '_ast', '_asyncio', '_bisect',
  '_blake2', '_bootsubprocess', '_bz2', '_codecs', '_codecs_cn', '_codecs_hk', '_codecs_iso2022',
  '_codecs_jp', '_codecs_kr', '_codecs_tw', '_collections', '_collections_abc', '_colorize', '_compat_pickle',
  '_compression', '_contextvars', '_crypt', '_csv', '_ctypes', '_curses', '_curses_panel', '_datetime',
  '_dbm', '_decimal', '_elementtree', '_frozen_importlib', '_frozen_importlib_external', '_functools',
  '_gdbm', '_hashlib', '_heapq', '_hmac', '_imp', '_interpchannels', '_interpqueues', '_interpreters', '_io',
  '_ios_support', '_json', '_locale', '_lsprof', '_lzma', '_markupbase', '_md5', '_msi', '_multibytecodec',
  '_multiprocessing', '_opcode', '_opcode_metadata', '_operator', '_osx_support', '_overlapped', '_pickle',
  '_posixshmem', '_posixsubprocess', '_py_abc', '_py_warnings', '_pydatetime', '_pydecimal', '_pyio',
  '_pylong', '_pyrepl', '_queue', '_random', '_remote_debugging', '_scproxy', '_sha1', '_sha2', '_sha256',
  '_sha3', '_sha512', '_signal', '_sitebuiltins', '_socket', '_sqlite3', '_sre', '_ssl', '_stat',
  '_statistics', '_string', '_strptime', '_struct', '_suggestions', '_symtable', '_sysconfig', '_thread',
  '_threading_local', '_tkinter', '_tokenize', '_tracemalloc', '_types', '_typing', '_uuid', '_warnings',
  '_weakref', '_weakrefset', '_winapi', '_wmi', '_zoneinfo', '_zstd', 'abc', 'aifc', 'annotationlib',
  'antigravity', 'argparse', 'array', 'ast', 'asynchat', 'asyncio', 'asyncore', 'atexit', 'audioop', 'base64',
  'bdb', 'binascii', 'bisect', 'builtins', 'bz2', 'cProfile', 'calendar', 'cgi', 'cgitb', 'chunk', 'cmath',
  'cmd', 'code', 'codecs', 'codeop', 'collections', 'colorsys', 'compileall', 'compression', 'concurrent',
  'configparser', 'contextlib', 'contextvars', 'copy', 'copyreg', 'crypt', 'csv', 'ctypes', 'curses',
  'dataclasses', 'datetime', 'dbm', 'decimal', 'difflib', 'dis', 'distutils', 'doctest', 'email', 'encodings',
  'ensurepip', 'enum', 'errno', 'faulthandler', 'fcntl', 'filecmp', 'fileinput', 'fnmatch', 'fractions',
  'ftplib', 'functools', 'gc', 'genericpath', 'getopt', 'getpass', 'gettext', 'glob', 'graphlib', 'grp',
  'gzip', 'hashlib', 'heapq', 'hmac', 'html', 'http', 'idlelib', 'imaplib', 'imghdr', 'imp', 'importlib',
  'inspect', 'io', 'ipaddress', 'itertools', 'json', 'keyword', 'lib2to3', 'linecache', 'locale', 'logging',
  'lzma', 'mailbox', 'mailcap', 'marshal', 'math', 'mimetypes', 'mmap', 'modulefinder', 'msilib', 'msvcrt',
  'multiprocessing', 'netrc', 'nis', 'nntplib', 'nt', 'ntpath', 'nturl2path', 'numbers', 'opcode', 'operator',
  'optparse', 'os', 'ossaudiodev', 'pathlib', 'pdb', 'pickle', 'pickletools', 'pipes', 'pkgutil', 'platform',
  'plistlib', 'poplib', 'posix', 'posixpath', 'pprint', 'profile', 'pstats', 'pty', 'pwd', 'py_compile',
  'pyclbr', 'pydoc', 'pydoc_data', 'pyexpat', 'queue', 'quopri', 'random', 're', 'readline', 'reprlib',
  'resource', 'rlcompleter', 'runpy', 'sched', 'secrets', 'select', 'selectors', 'shelve', 'shlex', 'shutil',
  'signal', 'site', 'smtpd', 'smtplib', 'sndhdr', 'socket', 'socketserver', 'spwd', 'sqlite3', 'sre_compile',
  'sre_constants', 'sre_parse', 'ssl', 'stat', 'statistics', 'string', 'string.templatelib', 'stringprep',
  'struct', 'subprocess', 'sunau', 'symtable', 'sys', 'sysconfig', 'syslog', 'tabnanny', 'tarfile',
  'telnetlib', 'tempfile', 'termios', 'textwrap', 'this', 'threading', 'time', 'timeit', 'tkinter', 'token',
  'tokenize', 'tomllib', 'trace', 'traceback', 'tracemalloc', 'tty', 'turtle', 'turtledemo', 'types',
  'typing', 'unicodedata', 'unittest', 'urllib', 'uu', 'uuid', 'venv', 'warnings', 'wave', 'weakref',
  'webbrowser', 'winreg', 'winsound', 'wsgiref', 'xdrlib', 'xml', 'xmlrpc', 'xxlimited_35', 'zipapp',
  'zipfile', 'zipimport', 'zlib', 'zoneinfo',
]);

/** [first, last] minor version of Python 3 that has the module, for modules added or removed since 3.8. */
const STDLIB_LIFETIMES: Readonly<Record<string, readonly [number, number]>> = {
  _android_support: [13, 99],
  _apple_support: [13, 99],
  _colorize: [13, 99],
  _crypt: [0, 12],
  _hmac: [14, 99],
  _interpreters: [13, 99],
  _ios_support: [13, 99],
  _md5: [0, 11],
  _opcode_metadata: [13, 99],
  _py_warnings: [14, 99],
  _pydatetime: [12, 99],
  _pylong: [12, 99],
  _pyrepl: [13, 99],
  _remote_debugging: [14, 99],
  _sha1: [0, 11],
  _sha2: [12, 99],
  _sha256: [0, 11],
  _sha512: [0, 11],
  _suggestions: [13, 99],
  _sysconfig: [13, 99],
  _zoneinfo: [9, 99],
  _zstd: [14, 99],
  aifc: [0, 12],
  annotationlib: [14, 99],
  asynchat: [0, 11],
  asyncore: [0, 11],
  audioop: [0, 12],
  cgi: [0, 12],
  cgitb: [0, 12],
  chunk: [0, 12],
  compression: [14, 99],
  crypt: [0, 12],
  distutils: [0, 11],
  graphlib: [9, 99],
  imghdr: [0, 12],
  imp: [0, 11],
  lib2to3: [0, 12],
  mailcap: [0, 12],
  msilib: [0, 12],
  nis: [0, 12],
  nntplib: [0, 12],
  ossaudiodev: [0, 12],
  pipes: [0, 12],
  smtpd: [0, 11],
  sndhdr: [0, 12],
  spwd: [0, 12],
  sunau: [0, 12],
  telnetlib: [0, 12],
  tomllib: [11, 99],
  uu: [0, 12],
  xdrlib: [0, 12],
  zoneinfo: [9, 99],
};

const WINDOWS_ONLY = new Set(['nt', 'winreg', '_winreg', 'msvcrt', '_winapi', '_overlapped', 'winsound', '_msi', 'msilib', '_wmi']);
const NOT_ON_WINDOWS = new Set(['posix', 'pwd', 'grp', 'termios', 'tty', 'pty', 'fcntl', 'resource', 'syslog', '_posixsubprocess', '_posixshmem', 'spwd', 'nis', 'ossaudiodev', 'crypt', '_crypt', 'readline']);
/** C modules a build may leave out (no library at build time): importing them may fail on any target. */
const OPTIONAL_BUILDS = new Set(['_gdbm', '_dbm', '_tkinter', 'readline', '_curses', '_curses_panel', '_uuid', 'nis', '_crypt', '_scproxy', '_zstd']);

/**
 * True when importing `name` (dotted) is known to find a standard library module on the target:
 * its top-level name is one, the target's version has it, the target's platform has it, and it is
 * not a C module that builds may leave out. Submodules are taken to exist when their package does.
 */
export function stdlibModuleExists(name: string, target: { version: readonly [number, number]; platform: string }): boolean {
  const top = name.split('.')[0]!;
  if (!STDLIB_MODULES.has(top) || OPTIONAL_BUILDS.has(top)) return false;
  const lifetime = Object.hasOwn(STDLIB_LIFETIMES, top) ? STDLIB_LIFETIMES[top] : undefined;
  const minor = target.version[0] === 3 ? target.version[1] : -1;
  if (lifetime && (minor < lifetime[0] || minor > lifetime[1])) return false;
  if (target.platform === 'win32' ? NOT_ON_WINDOWS.has(top) : WINDOWS_ONLY.has(top)) return false;
  return true;
}

/** True when `name`'s top-level name belongs to the standard library of some version (whether or not the target has it). */
export function isStdlibName(name: string): boolean {
  return STDLIB_MODULES.has(name.split('.')[0]!);
}
