/**
 * The generated GraphQL types follow backend/schema.graphql: `npm run codegen:check` passes on the
 * committed files, and fails, naming `npm run codegen`, as soon as the schema says something else.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'huddle-codegen-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function check(schemaPath?: string) {
  const env = { ...process.env, ...(schemaPath ? { HUDDLE_SCHEMA: schemaPath } : {}) };
  const run = spawnSync('npx', ['tsx', 'scripts/codegen-check.ts'], { encoding: 'utf8', env });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('npm run codegen:check', () => {
  it('passes on the committed generated files', () => {
    expect(check()).toMatchObject({ status: 0 });
  });

  it("fails with a message naming npm run codegen when a field's type changes", () => {
    const schema = readFileSync('backend/schema.graphql', 'utf8');
    const changed = schema.replace(/(type Activity [^{]*\{[^}]*?durationMinutes: )Int!/, '$1Float!');
    expect(changed).not.toBe(schema);
    const path = join(dir, 'schema.graphql');
    writeFileSync(path, changed);
    const result = check(path);
    expect(result.status).toBe(1);
    expect(result.output).toContain('npm run codegen');
  });
});
