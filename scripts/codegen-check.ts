/**
 * Fails when a generated file no longer matches backend/schema.graphql or the operations in
 * src/api/operations (someone changed one and did not regenerate), and says how to fix it.
 */
import { spawnSync } from 'node:child_process';

const result = spawnSync('npx', ['graphql-codegen', '--config', 'codegen.ts', '--check', '--silent'], {
  encoding: 'utf8',
});
if (result.status !== 0) {
  process.stderr.write(`${result.stdout}${result.stderr}`);
  console.error(
    '\nThe generated GraphQL types are stale: backend/schema.graphql or src/api/operations changed without them.' +
      '\nRun `npm run codegen` and commit the files it writes.',
  );
  process.exit(1);
}
console.log('Generated GraphQL types are up to date with the schema.');
