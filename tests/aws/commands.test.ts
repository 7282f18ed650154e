/**
 * The AWS commands without what AWS needs stop at once with one sentence saying what to do, and
 * build or send nothing. (What they do with an account is in README, "Deploying to AWS".)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const home = mkdtempSync(join(tmpdir(), 'huddle-no-aws-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** A command in a shell with no AWS setup at all: no variables, no ~/.aws, no instance role. */
function runScript(script: string, args: string[], extra: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { PATH: process.env.PATH, HOME: home, AWS_EC2_METADATA_DISABLED: 'true', ...extra },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
const deployWith = (extra: Record<string, string> = {}) => runScript('scripts/deploy.ts', [], extra);

describe('npm run deploy', () => {
  it('names the credentials it needs and how to provide them', () => {
    const { status, stdout, stderr } = deployWith();
    expect(status).toBe(1);
    expect(stderr).toContain(
      'npm run deploy needs AWS credentials, and none were found (Could not load credentials from any providers). ' +
        'Sign in with `aws sso login` and set AWS_PROFILE, or run `aws configure`, or export AWS_ACCESS_KEY_ID and ' +
        'AWS_SECRET_ACCESS_KEY, then run it again.',
    );
    expect(stdout).not.toContain('Building the app');
  });

  it('names the region it needs when there are credentials but no region', () => {
    const { status, stdout, stderr } = deployWith({
      AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'example',
    });
    expect(status).toBe(1);
    expect(stderr).toContain(
      'npm run deploy needs an AWS region: set AWS_REGION (for example eu-west-1) or a region in your AWS profile, then run it again.',
    );
    expect(stdout).not.toContain('Building the app');
  });
});

describe('npm run university:add', () => {
  const addUniversity = (args: string[]) => runScript('scripts/add-university.ts', args);
  const vub = ['--id', 'vub', '--name', 'Vrije Universiteit Brussel', '--domains', 'vub.be,student.vub.be'];

  it('shows its usage when an argument is missing', () => {
    const { status, stderr } = addUniversity(['--id', 'vub']);
    expect(status).toBe(1);
    expect(stderr).toContain(
      'usage: npm run university:add -- --id <id> --name <name> --domains <a.be,b.be> --admin <email>',
    );
  });

  it('checks its input before anything else', () => {
    const { stderr } = addUniversity([...vub, '--time-zone', 'Brussels', '--admin', 'jane@gmail.com']);
    expect(stderr).toContain('"Brussels" is not a time zone such as Europe/Brussels.');
    const wrongAdmin = addUniversity([...vub, '--admin', 'jane@gmail.com']);
    expect(wrongAdmin.stderr).toContain("The admin's email should be at one of @vub.be, @student.vub.be.");
  });

  it('then names the credentials it needs', () => {
    const { status, stderr } = addUniversity([...vub, '--admin', 'jane.doe@vub.be']);
    expect(status).toBe(1);
    expect(stderr).toContain('npm run university:add needs AWS credentials, and none were found');
  });
});
