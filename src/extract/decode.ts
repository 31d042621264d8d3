/**
 * Python source bytes to text the way CPython reads them (PEP 263, PEP 3120): UTF-8 unless
 * a BOM or a coding declaration on line 1 or 2 says otherwise. Undecodable bytes never stop
 * the scan: the text is decoded with replacement characters and the problem is reported.
 */
export interface DecodedSource {
  text: string;
  encoding: string;
  /** Set when the bytes are not valid in the declared encoding. */
  problem?: { line: number; message: string };
}

const CODING_DECLARATION = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function decodePythonSource(bytes: Uint8Array): DecodedSource {
  const decoded = decodeBytes(bytes);
  // CPython reads source with universal newlines: a lone `\r` (old Mac line ends) ends a line too.
  // tree-sitter counts rows at `\n` only, so each is made one (same length: offsets and columns stay).
  return decoded.text.includes('\r') ? { ...decoded, text: decoded.text.replace(/\r(?!\n)/g, '\n') } : decoded;
}

function decodeBytes(bytes: Uint8Array): DecodedSource {
  const hasBom = bytes.length >= 3 && UTF8_BOM.every((b, i) => bytes[i] === b);
  const body = hasBom ? bytes.subarray(3) : bytes;
  const declared = hasBom ? undefined : codingDeclaration(body);
  const encoding = normaliseEncoding(declared ?? 'utf-8');

  // WHATWG's "ascii" label means windows-1252; Python's ascii refuses every byte above 0x7f.
  if (encoding === 'ascii') {
    const offset = firstInvalidOffset(body, 'ascii');
    const text = new TextDecoder('latin1').decode(body);
    if (offset < 0) return { text, encoding };
    return { text, encoding, problem: invalidBytes(body, offset, hasBom, encoding) };
  }
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch {
    const text = new TextDecoder('utf-8').decode(body);
    return {
      text,
      encoding: 'utf-8',
      problem: { line: declarationLine(body), message: `unknown encoding ${JSON.stringify(declared)} in the coding declaration; read as UTF-8` },
    };
  }
  try {
    return { text: decoder.decode(body), encoding };
  } catch {
    const offset = firstInvalidOffset(body, encoding);
    return { text: new TextDecoder(encoding).decode(body), encoding, problem: invalidBytes(body, offset, hasBom, encoding) };
  }
}

function invalidBytes(body: Uint8Array, offset: number, hasBom: boolean, encoding: string): { line: number; message: string } {
  const line = lineOfOffset(body, offset);
  const byte = body[offset];
  const what = byte === undefined ? 'a truncated sequence at the end of the file' : `byte 0x${byte.toString(16).padStart(2, '0')} at offset ${offset + (hasBom ? 3 : 0)}`;
  return {
    line,
    message: `undecodable bytes: ${what} (line ${line}) is not valid ${encoding.toUpperCase()}; CPython refuses to import this file. The rest was read with replacement characters`,
  };
}

function codingDeclaration(bytes: Uint8Array): string | undefined {
  let start = 0;
  for (let lineNumber = 0; lineNumber < 2 && start < bytes.length; lineNumber++) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    const line = new TextDecoder('latin1').decode(bytes.subarray(start, Math.min(end, start + 200)));
    const match = CODING_DECLARATION.exec(line);
    if (match) return match[1];
    // PEP 263: the second line is only considered when the first is a comment or blank.
    if (!/^\s*(#.*)?\r?$/.test(line)) return undefined;
    start = end + 1;
  }
  return undefined;
}

function declarationLine(bytes: Uint8Array): number {
  const firstLineEnd = bytes.indexOf(0x0a);
  const first = new TextDecoder('latin1').decode(bytes.subarray(0, firstLineEnd < 0 ? bytes.length : firstLineEnd));
  return CODING_DECLARATION.test(first) ? 1 : 2;
}

function normaliseEncoding(name: string): string {
  const lower = name.toLowerCase().replace(/_/g, '-');
  if (lower === 'utf8' || lower.startsWith('utf-8-') || lower === 'utf-8') return 'utf-8';
  if (lower === 'latin-1' || lower === 'iso-8859-1' || lower === 'iso8859-1' || lower === 'l1') return 'latin1';
  if (lower === 'ascii' || lower === 'us-ascii' || lower === '646') return 'ascii';
  return lower;
}

/** Offset of the first byte that is not valid in the encoding (CPython's "position"). */
function firstInvalidOffset(bytes: Uint8Array, encoding: string): number {
  if (encoding === 'utf-8') return firstInvalidUtf8(bytes);
  if (encoding === 'ascii') return bytes.findIndex((b) => b > 0x7f);
  // Single-byte and CJK encodings: the longest prefix that decodes cleanly.
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    try {
      new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  return low;
}

/** The first byte that starts an invalid UTF-8 sequence, as Python's decoder reports it. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let length: number;
    let min = 0x80;
    let max = 0xbf;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) min = 0xa0;
      if (b === 0xed) max = 0x9f; // no surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      const low = k === 1 ? min : 0x80;
      const high = k === 1 ? max : 0xbf;
      if (c < low || c > high) return i;
    }
    i += length;
  }
  return bytes.length;
}

function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  // `\n`, `\r\n` and a lone `\r` each end a line.
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  return line;
}
