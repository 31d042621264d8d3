import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli.js';
import { withRuleTable } from '../src/rules/ruleTable.js';
import { loadRules } from '../src/rules/rules.js';
import { PROJECT, runCli } from './support.js';

/** The lines of the README section that starts with `heading`, up to the next heading. */
function section(readme: string, heading: string): string {
  const start = readme.indexOf(`\n${heading}\n`);
  expect(start, `README.md has a section ${heading}`).toBeGreaterThanOrEqual(0);
  const rest = readme.slice(start + heading.length + 2);
  return rest.slice(0, rest.search(/\n#{1,3} /) === -1 ? undefined : rest.search(/\n#{1,3} /));
}

describe('README.md', () => {
  it('has the rule table generated from rules/ (run `npm run docs` after editing a rule)', () => {
    const readme = readFileSync(path.join(PROJECT, 'README.md'), 'utf8');
    expect(withRuleTable(readme, loadRules())).toBe(readme);
  });

  it('gives the two set-up commands that .ci/run runs', () => {
    const readme = readFileSync(path.join(PROJECT, 'README.md'), 'utf8');
    const ci = readFileSync(path.join(PROJECT, '.ci', 'run'), 'utf8');
    expect(readme).toContain('npm ci && npm run build && node dist/cli.js check fixtures/movie_lottery');
    expect(readme).toContain('\nnpm test\n');
    expect(ci).toContain('node dist/cli.js check fixtures/movie_lottery');
    expect(ci).toContain('\nnpm test\n');
  });

  it('lists every option of `check` in its options table, and every output format under Output formats', () => {
    const readme = readFileSync(path.join(PROJECT, 'README.md'), 'utf8');
    const check = buildProgram().commands.find((c) => c.name() === 'check')!;
    const table = readme.slice(readme.indexOf('Options of `check`:'), readme.indexOf('Options of `graph`:'));
    for (const option of check.options) {
      const name = option.long!;
      expect(table, `the README's table of check options has ${name}`).toMatch(new RegExp(`^\\| \`(-\\w, )?${name}[ \`]`, 'm'));
    }
    const formats = check.options.find((o) => o.long === '--format')!.argChoices!;
    expect(table).toContain(`| \`--format ${formats.join('\\|')}\` |`);
    const documented = section(readme, '### Output formats');
    for (const format of formats) expect(documented, `Output formats describes ${format}`).toContain(`\n- \`${format}\`: `);
  });

  it('shows what `check --statistics` prints for the bundled incident, and how to adopt with a baseline', () => {
    const readme = readFileSync(path.join(PROJECT, 'README.md'), 'utf8');
    const example = /```\n\$ npx importleak check \. --statistics\n([\s\S]*?)```/.exec(readme);
    expect(example, 'README.md has a `check . --statistics` example').not.toBeNull();
    const run = runCli(['check', '.', '--statistics'], path.join(PROJECT, 'fixtures', 'movie_lottery'));
    expect(run.stdout).toBe(example![1]);
    const adopting = section(readme, '### Adopting on an existing codebase');
    expect(adopting).toContain('npx importleak check . --write-baseline importleak-baseline.json');
    expect(adopting).toContain('npx importleak check . --baseline importleak-baseline.json');
  });
});
