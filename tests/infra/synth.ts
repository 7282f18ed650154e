import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { HuddleStack } from '../../infra/huddleStack.js';
import { fromRoot } from '../../infra/paths.js';

/** cdk.json's context: the feature flags the CLI passes to the app on every synth and deploy. */
export const cdkContext = (): Record<string, unknown> =>
  (JSON.parse(readFileSync(fromRoot('cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;

/**
 * Synthesizes the real stack offline, as `cdk deploy` would (cdk.json's context, a built app with
 * its index.html and a hashed asset); the Lambdas are bundled by the local esbuild.
 */
export function synthesizeHuddle() {
  const scratch: string[] = [];
  const tempDir = (prefix: string) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    scratch.push(dir);
    return dir;
  };
  const distDir = tempDir('huddle-dist-');
  writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>Huddle</title>');
  mkdirSync(join(distDir, 'assets'));
  writeFileSync(join(distDir, 'assets', 'index-abc123.js'), 'console.log("huddle")');
  const outdir = tempDir('huddle-cdk-');
  const app = new App({ outdir, context: cdkContext() });
  const stack = new HuddleStack(app, 'Test', { distDir });
  const template = Template.fromStack(stack);
  return {
    app,
    template,
    outdir,
    tempDir,
    cleanup: () => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })),
  };
}
