import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withRuleTable } from '../src/rules/ruleTable.js';
import { loadRules } from '../src/rules/rules.js';
import { PROJECT } from './support.js';

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
});
