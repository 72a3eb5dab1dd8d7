// Calls made while the services start wait for them; after a failed start they get the startup message;
// the host's own methods answer throughout.
import { describe, expect, it } from 'vitest';
import type { Dispatch } from '../../shared/api/dispatcher';
import { startingDispatch } from './startingDispatch';

const ipc = { transport: 'ipc' } as const;
const answer =
  (who: string): Dispatch =>
  async (name) => ({ ok: true, value: `${who}:${name}` });

describe('startingDispatch', () => {
  it('holds a call until the services are up, then answers it', async () => {
    let up!: (dispatch: Dispatch) => void;
    const starting = new Promise<Dispatch>((resolve) => (up = resolve));
    const dispatch = startingDispatch(() => starting, {
      dispatch: answer('host'),
      methods: ['app.logError'],
    });

    const early = dispatch('speeches.list', {}, ipc);
    expect(await dispatch('app.logError', {}, ipc)).toEqual({ ok: true, value: 'host:app.logError' });
    up(answer('services'));
    expect(await early).toEqual({ ok: true, value: 'services:speeches.list' });
  });

  it('answers unavailable with the startup message when the services could not start, until a retry works', async () => {
    let current: Promise<Dispatch> = Promise.reject(new Error('data folder locked'));
    const dispatch = startingDispatch(() => current, {
      dispatch: answer('host'),
      methods: ['app.takeNotices'],
    });

    expect(await dispatch('speeches.list', {}, ipc)).toEqual({
      ok: false,
      error: { code: 'unavailable', messageKey: 'errors.startupFailed' },
    });
    expect(await dispatch('app.takeNotices', {}, ipc)).toEqual({ ok: true, value: 'host:app.takeNotices' });

    current = Promise.resolve(answer('retried'));
    expect(await dispatch('speeches.list', {}, ipc)).toEqual({ ok: true, value: 'retried:speeches.list' });
  });
});
