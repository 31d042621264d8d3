// Regenerates the rule table in README.md from rules/ (run `npm run docs` after editing a rule).
import { readFileSync, writeFileSync } from 'node:fs';
import { loadRules } from '../dist/rules/rules.js';
import { withRuleTable } from '../dist/rules/ruleTable.js';

const readme = readFileSync('README.md', 'utf8');
const updated = withRuleTable(readme, loadRules());
if (updated !== readme) {
  writeFileSync('README.md', updated);
  console.log('README.md: rule table updated');
} else {
  console.log('README.md: rule table already up to date');
}
