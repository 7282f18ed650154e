import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/errors';
import { useAsync } from '@/composables/useAsync';
import { deferred } from './fixtures';

describe('useAsync', () => {
  it('holds the value, then an error as an ApiError, and retries with the same arguments', async () => {
    let calls = 0;
    const state = useAsync(async (id: string) => {
      calls += 1;
      if (calls === 2) throw new ApiError('NetworkError', 'Network error');
      return `value of ${id}`;
    });
    await state.run('a');
    expect(state.data.value).toBe('value of a');
    await state.retry();
    expect(state.error.value).toMatchObject({ errorType: 'NetworkError' });
    expect(state.data.value).toBe('value of a'); // kept while it failed
    await state.retry();
    expect(state.error.value).toBeNull();
    expect(calls).toBe(3);
  });

  it('never lets a slow, older answer overwrite a newer one', async () => {
    const slow = deferred<string>();
    const fast = deferred<string>();
    const answers = [slow.promise, fast.promise];
    const state = useAsync(() => answers.shift()!);
    const first = state.run();
    const second = state.run();
    fast.resolve('new');
    await second;
    slow.resolve('old');
    expect(await first).toBeNull();
    expect(state.data.value).toBe('new');
    expect(state.loading.value).toBe(false);
  });
});
