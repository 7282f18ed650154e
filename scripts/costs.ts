/** `npm run costs`: prints the tables of COSTS.md from scripts/costs/model.ts. */
import { costTables } from './costs/model.js';

console.log(costTables());
