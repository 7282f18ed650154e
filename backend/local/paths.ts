import { join, resolve } from 'node:path';

/** Everything the local cloud stores lives under one git-ignored folder; `npm run reset` deletes it. */
export function localPaths(root = process.env.HUDDLE_LOCAL_DIR ?? '.local') {
  const base = resolve(root);
  return {
    base,
    database: join(base, 'pglite'),
    cognito: join(base, 'cognito'),
    mailbox: join(base, 'mailbox.json'),
    cloudInfo: join(base, 'cloud.json'),
  };
}
