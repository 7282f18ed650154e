/** `npm run reset`: forget every local account, message and row by deleting the data folder. */
import { rm } from 'node:fs/promises';
import { localPaths } from '../backend/local/paths.js';

const { base } = localPaths();
await rm(base, { recursive: true, force: true });
console.log(`Deleted ${base}. The next \`npm run dev\` starts from fresh demo data.`);
