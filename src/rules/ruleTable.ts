import type { Rule } from './rules.js';

export const TABLE_START = '<!-- rules:start (generated from rules/ by `npm run docs`; do not edit by hand) -->';
export const TABLE_END = '<!-- rules:end -->';

/** The README's rule table, generated from the rule files so the two never disagree. */
export function ruleTable(rules: readonly Rule[]): string {
  const rows = rules.map((rule) => {
    const matches = rule.matches
      .map((m) => (m.methods ? m.methods.map((name) => `\`.${name}()\``).join(', ') + ` on ${m.on!.map(onName).join('/')} objects` : [m.callee, ...m.aliases].map((name) => `\`${name}\``).join(', ')))
      .join(', ');
    return `| ${rule.id} | ${rule.name} | ${rule.title} | ${matches} |`;
  });
  return ['| Code | Name | What it flags | Matches |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** What a method match's `on` names: a rule as it is (`IL004`), a constructor as code (`socket.socket`). */
function onName(on: string): string {
  return /^IL\d{3}$/.test(on) ? on : `\`${on}\``;
}

/** Replaces the table between the markers in a README's text. */
export function withRuleTable(readme: string, rules: readonly Rule[]): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${TABLE_START} … ${TABLE_END} markers`);
  return `${readme.slice(0, start + TABLE_START.length)}\n${ruleTable(rules)}\n${readme.slice(end)}`;
}
