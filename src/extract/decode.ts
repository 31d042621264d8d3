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
  if (hasBom) {
    // After a UTF-8 BOM, CPython's tokenizer accepts only a declaration of utf-8 itself (`utf-8`,
    // `utf_8`, `utf-8-*`: its get_normal_name), not an alias such as `utf8`.
    const withBom = codingDeclaration(body);
    const short = withBom?.slice(0, 12).toLowerCase().replace(/_/g, '-');
    if (short !== undefined && short !== 'utf-8' && !short.startsWith('utf-8-')) {
      return {
        text: new TextDecoder('utf-8').decode(body),
        encoding: 'utf-8',
        problem: { line: declarationLine(body), message: `encoding problem: the file starts with a UTF-8 byte order mark but declares ${JSON.stringify(withBom)}; CPython refuses to import this file` },
      };
    }
  }
  const encoding = normaliseEncoding(declared ?? 'utf-8');

  // WHATWG's "latin1" label means windows-1252; Python's latin-1 maps each byte to the same code point.
  if (encoding === 'latin_1') {
    let text = '';
    for (let i = 0; i < body.length; i += 8192) text += String.fromCharCode(...body.subarray(i, i + 8192));
    return { text, encoding };
  }
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

/**
 * The codecs CPython has that importleak can decode, each with the aliases of Python's
 * `encodings.aliases` table that name it (normalised as `normaliseEncoding` does) and the WHATWG
 * label TextDecoder knows it by. `ascii` and `latin_1` are decoded byte by byte: WHATWG reads both
 * labels as windows-1252. A name not listed here is tried as a WHATWG label, else reported as an
 * unknown encoding (CPython may know it, `cp437` say, but importleak cannot decode it).
 */
const CODECS: ReadonlyArray<readonly [codec: string, label: string, aliases: string]> = [
  ['utf_8', 'utf-8', 'cp65001 u8 utf utf8 utf8_ucs2 utf8_ucs4'],
  ['latin_1', 'latin_1', '8859 cp819 csisolatin1 ibm819 iso8859 iso8859_1 iso_8859_1 iso_8859_1_1987 iso_ir_100 l1 latin latin1'],
  ['ascii', 'ascii', '646 ansi_x3.4_1968 ansi_x3.4_1986 ansi_x3_4_1968 cp367 csascii ibm367 iso646_us iso_646.irv_1991 iso_ir_6 us us_ascii'],
  ['cp1250', 'windows-1250', '1250 windows_1250'],
  ['cp1251', 'windows-1251', '1251 windows_1251'],
  ['cp1252', 'windows-1252', '1252 windows_1252'],
  ['cp1253', 'windows-1253', '1253 windows_1253'],
  ['cp1254', 'windows-1254', '1254 windows_1254'],
  ['cp1255', 'windows-1255', '1255 windows_1255'],
  ['cp1256', 'windows-1256', '1256 windows_1256'],
  ['cp1257', 'windows-1257', '1257 windows_1257'],
  ['cp1258', 'windows-1258', '1258 windows_1258'],
  ['iso8859_2', 'iso-8859-2', 'csisolatin2 iso_8859_2 iso_8859_2_1987 iso_ir_101 l2 latin2'],
  ['iso8859_3', 'iso-8859-3', 'csisolatin3 iso_8859_3 iso_8859_3_1988 iso_ir_109 l3 latin3'],
  ['iso8859_4', 'iso-8859-4', 'csisolatin4 iso_8859_4 iso_8859_4_1988 iso_ir_110 l4 latin4'],
  ['iso8859_5', 'iso-8859-5', 'csisolatincyrillic cyrillic iso_8859_5 iso_8859_5_1988 iso_ir_144'],
  ['iso8859_6', 'iso-8859-6', 'arabic asmo_708 csisolatinarabic ecma_114 iso_8859_6 iso_8859_6_1987 iso_ir_127'],
  ['iso8859_7', 'iso-8859-7', 'csisolatingreek ecma_118 elot_928 greek greek8 iso_8859_7 iso_8859_7_1987 iso_ir_126'],
  ['iso8859_8', 'iso-8859-8', 'csisolatinhebrew hebrew iso_8859_8 iso_8859_8_1988 iso_ir_138'],
  ['iso8859_10', 'iso-8859-10', 'csisolatin6 iso_8859_10 iso_8859_10_1992 iso_ir_157 l6 latin6'],
  ['iso8859_13', 'iso-8859-13', 'iso_8859_13 l7 latin7'],
  ['iso8859_14', 'iso-8859-14', 'iso_8859_14 iso_8859_14_1998 iso_celtic iso_ir_199 l8 latin8'],
  ['iso8859_15', 'iso-8859-15', 'iso_8859_15 l9 latin9'],
  ['iso8859_16', 'iso-8859-16', 'iso_8859_16 iso_8859_16_2001 iso_ir_226 l10 latin10'],
  ['koi8_r', 'koi8-r', 'cskoi8r'],
  ['koi8_u', 'koi8-u', ''],
  ['mac_cyrillic', 'x-mac-cyrillic', 'maccyrillic'],
  ['mac_roman', 'macintosh', 'macintosh macroman'],
  ['gbk', 'gbk', '936 cp936 ms936'],
  ['gb2312', 'gbk', 'chinese csiso58gb231280 euc_cn euccn eucgb2312_cn gb2312_1980 gb2312_80 iso_ir_58 x_mac_simp_chinese'],
  ['gb18030', 'gb18030', 'gb18030_2000'],
  ['big5', 'big5', 'big5_tw csbig5 x_mac_trad_chinese'],
  ['euc_jp', 'euc-jp', 'eucjp u_jis ujis'],
  ['shift_jis', 'shift_jis', 'csshiftjis s_jis shiftjis sjis x_mac_japanese'],
  ['iso2022_jp', 'iso-2022-jp', 'csiso2022jp iso2022jp iso_2022_jp'],
  ['euc_kr', 'euc-kr', 'euckr korean ks_c_5601 ks_c_5601_1987 ks_x_1001 ksc5601 ksx1001 x_mac_korean'],
  ['cp874', 'windows-874', ''],
  ['cp866', 'ibm866', '866 csibm866 ibm866'],
];

const CODEC_BY_NAME = new Map<string, (typeof CODECS)[number]>();
for (const codec of CODECS) {
  CODEC_BY_NAME.set(codec[0], codec);
  for (const alias of codec[2].split(' ').filter(Boolean)) CODEC_BY_NAME.set(alias, codec);
}

/**
 * A declared encoding name as CPython resolves it: the tokenizer's own shortcut for `utf-8-*` and
 * `latin-1-*` (`get_normal_name`), then the codec registry's normalisation (`encodings.normalize_encoding`:
 * lower case, every run of characters other than letters, digits and `.` one `_`) and alias table.
 * The codec's name (`utf_8`, `cp1252`), or undefined when importleak does not know it.
 */
export function pythonCodec(name: string): { codec: string; label: string } | undefined {
  const short = name.slice(0, 12).toLowerCase().replace(/_/g, '-');
  if (short === 'utf-8' || short.startsWith('utf-8-')) return { codec: 'utf_8', label: 'utf-8' };
  if (/^(latin-1|iso-8859-1|iso-latin-1)(-|$)/.test(short)) return { codec: 'latin_1', label: 'latin_1' };
  const normal = name.toLowerCase().replace(/[^a-z0-9.]+/g, '_').replace(/^_+|_+$/g, '');
  const codec = CODEC_BY_NAME.get(normal) ?? CODEC_BY_NAME.get(normal.replace(/\./g, '_'));
  return codec ? { codec: codec[0], label: codec[1] } : undefined;
}

function normaliseEncoding(name: string): string {
  return pythonCodec(name)?.label ?? name.toLowerCase();
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
