import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);

// src/report/neutralise.ts
var MAX_EXCERPT = 200;
var MAX_MESSAGE = 4e3;
var MAX_CHAIN_STEPS = 20;
var MAX_CHAIN_STEPS_PER_REPORT = 1e4;
function excerpt(text, max = MAX_EXCERPT) {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 55296 && last <= 56319) end--;
  return `${text.slice(0, end)}\u2026`;
}
function oneLine(text) {
  return /[\r\n\u2028\u2029]/.test(text) ? text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, " ").trim() : text;
}
function quotedCode(text) {
  return excerpt(oneLine(text));
}
function boundMessage(message) {
  if (message.length <= MAX_EXCERPT) return message;
  const parts = message.split("`");
  for (let i = 1; i < parts.length; i += 2) parts[i] = excerpt(parts[i]);
  return excerpt(parts.join("`"), MAX_MESSAGE);
}
function shownMessage(message) {
  return boundMessage(oneLine(message));
}
function labelledExcerpt(text) {
  const flat = oneLine(text);
  const colon = flat.indexOf(": ");
  if (colon < 0) return excerpt(flat);
  return `${excerpt(flat.slice(0, colon))}: ${excerpt(flat.slice(colon + 2))}`;
}
function elideChain(steps, max = MAX_CHAIN_STEPS) {
  if (steps.length <= max) return { head: [...steps], omitted: 0, tail: [] };
  const end = Math.max(1, Math.floor(max / 2));
  return { head: steps.slice(0, end), omitted: steps.length - 2 * end, tail: steps.slice(steps.length - end) };
}
function chainStepsPerFinding(findings) {
  const share = Math.floor(MAX_CHAIN_STEPS_PER_REPORT / Math.max(1, findings));
  return Math.max(4, Math.min(MAX_CHAIN_STEPS, share - share % 2));
}
function omittedSteps(omitted) {
  return `\u2026 ${omitted.toLocaleString("en-US")} more step${omitted === 1 ? "" : "s"}`;
}
var INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
var INVISIBLE_IN_OUTPUT = /[^\n\t\P{Cc}]|[\p{Cf}\p{Zl}\p{Zp}]/gu;
var INVISIBLE_IN_COMMAND = /[^\r\n\P{Cc}]|[\p{Cf}\p{Zl}\p{Zp}]/gu;
var LONE_SURROGATE = /[\ud800-\udfff]/gu;
var SHORT_ESCAPES = { "	": "\\t", "\n": "\\n", "\r": "\\r" };
function escapeCharacter(c) {
  const short = SHORT_ESCAPES[c];
  if (short) return short;
  const code = c.codePointAt(0);
  if (code <= 255) return `\\x${code.toString(16).padStart(2, "0")}`;
  if (code <= 65535) return `\\u${code.toString(16).padStart(4, "0")}`;
  return `\\u{${code.toString(16)}}`;
}
function wellFormed(text) {
  return /[\ud800-\udfff]/.test(text) ? text.replace(LONE_SURROGATE, "\uFFFD") : text;
}
function forTerminal(text) {
  return wellFormed(text).replace(INVISIBLE, escapeCharacter);
}
function forLog(output) {
  const text = wellFormed(output).replace(INVISIBLE_IN_OUTPUT, escapeCharacter);
  if (!text.includes("::") && !text.includes("##[")) return text;
  return text.replace(/^(\s*):(?=:)/gm, "$1\\x3a").replace(/##\[/g, "#\\x23[");
}
function forWorkflowCommand(text) {
  return wellFormed(text).replace(INVISIBLE_IN_COMMAND, escapeCharacter);
}
function forJson(value) {
  return `${JSON.stringify(value, (_, v) => typeof v === "string" ? forTerminal(excerpt(v, MAX_MESSAGE)) : v, 2)}
`;
}
function forJsonData(value) {
  const json = JSON.stringify(value, (_, v) => typeof v === "string" ? wellFormed(v) : v, 2);
  return `${json.replace(/[\u007f-\u009f\p{Cf}\u2028\u2029]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}${c.length > 1 ? `\\u${c.charCodeAt(1).toString(16).padStart(4, "0")}` : ""}`)}
`;
}
function escapeMessageText(text) {
  return text.replace(/\\(?=[[\]])/g, "\\\\").replace(/[[\]]/g, "\\$&");
}
function forSarifMessage(text) {
  const parts = forTerminal(oneLine(text)).split("`");
  for (let i = 0; i < parts.length; i += 2) parts[i] = parts[i].replace(/<(?=[A-Za-z/!?])/g, "\\<");
  return escapeMessageText(parts.join("`"));
}
function markdownText(text) {
  return forTerminal(text).replace(/[\\`*_{}[\]()#+!|<>&~]/g, (c) => c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === "&" ? "&amp;" : `\\${c}`);
}
function htmlText(text) {
  return forTerminal(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/\[/g, "&#91;").replace(/\]/g, "&#93;");
}
function markdownCode(text) {
  const cut = forTerminal(quotedCode(text));
  const longest = Math.max(0, ...[...cut.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = cut.startsWith("`") || cut.endsWith("`") ? " " : "";
  return `${fence}${pad}${cut}${pad}${fence}`;
}
function markdownInline(text) {
  return forTerminal(text).replace(/`/g, "'");
}
function markdownMessage(message) {
  return codeSpans(shownMessage(message)).map(({ code, text }) => code ? markdownCode(text) : markdownText(text)).join("");
}
function htmlMessage(message) {
  return codeSpans(shownMessage(message)).map(({ code, text }) => code ? `<code>${htmlText(text)}</code>` : htmlText(text)).join("");
}
function codeSpans(text) {
  const parts = [];
  let last = 0;
  for (const match of text.matchAll(/`([^`\n]+)`/g)) {
    if (match.index > last) parts.push({ code: false, text: text.slice(last, match.index) });
    parts.push({ code: true, text: match[1] });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ code: false, text: text.slice(last) });
  return parts;
}
function mermaidLabel(text, max = 120) {
  return excerpt(text, max).split("\n").map(
    (line) => forTerminal(line).replace(/&/g, "#amp;").replace(/"/g, "#quot;").replace(/</g, "#lt;").replace(/>/g, "#gt;").replace(/`/g, "#96;")
  ).join("<br>");
}

export {
  MAX_MESSAGE,
  excerpt,
  oneLine,
  quotedCode,
  boundMessage,
  shownMessage,
  labelledExcerpt,
  elideChain,
  chainStepsPerFinding,
  omittedSteps,
  wellFormed,
  forTerminal,
  forLog,
  forWorkflowCommand,
  forJson,
  forJsonData,
  escapeMessageText,
  forSarifMessage,
  markdownText,
  htmlText,
  markdownCode,
  markdownInline,
  markdownMessage,
  htmlMessage,
  mermaidLabel
};
