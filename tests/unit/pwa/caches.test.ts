import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearSessionCaches } from '@/pwa/caches';

afterEach(() => vi.unstubAllGlobals());

describe('clearSessionCaches', () => {
  it("drops every cache but the app shell's precache", async () => {
    const names = ['workbox-precache-v2-https://huddle.example/', 'api-answers', 'images'];
    const deleted: string[] = [];
    vi.stubGlobal('caches', {
      keys: async () => names,
      delete: async (name: string) => deleted.push(name) > 0,
    });
    await clearSessionCaches();
    expect(deleted).toEqual(['api-answers', 'images']);
  });

  it('does nothing where the browser has no Cache Storage', async () => {
    await expect(clearSessionCaches()).resolves.toBeUndefined();
  });
});
