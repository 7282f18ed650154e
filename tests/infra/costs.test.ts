import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../infra/paths.js';
import { costTables, monthlyCost } from '../../scripts/costs/model.js';

describe('COSTS.md', () => {
  it('shows the tables the cost model computes (run `npm run costs` after changing it)', () => {
    const page = readFileSync(fromRoot('COSTS.md'), 'utf8');
    const shown = page.split('<!-- costs:begin -->\n')[1]!.split('\n<!-- costs:end -->')[0];
    expect(shown).toBe(costTables());
  });

  it('grows with the students beyond the database floor, and names every term', () => {
    const total = (n: number) => monthlyCost(n).reduce((sum, line) => sum + line.usd, 0);
    expect(total(1_000)).toBeGreaterThan(40); // the 0.5 ACU floor
    expect(total(1_000_000)).toBeGreaterThan(total(100_000));
    expect(monthlyCost(1).map((line) => line.term)).toContain('Cognito (monthly active users)');
  });
});
