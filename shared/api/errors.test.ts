import { describe, expect, it } from 'vitest';
import { coerceError, LecternError } from './errors';

describe('coerceError', () => {
  it('turns a full disk into disk_full, which the UI explains, without logging it as a bug', () => {
    const logged: unknown[] = [];
    for (const code of ['ENOSPC', 'EDQUOT']) {
      const error = coerceError(Object.assign(new Error('write failed'), { code }), (e) => logged.push(e));
      expect(error.toJSON()).toEqual({ code: 'disk_full', messageKey: 'errors.disk_full' });
    }
    expect(logged).toEqual([]);
  });

  it('keeps a LecternError as it is and hides anything else behind internal', () => {
    const known = new LecternError('not_found', 'errors.not_found', { id: 'x' });
    expect(coerceError(known)).toBe(known);
    const logged: unknown[] = [];
    const hidden = coerceError(new TypeError('secret at /home/x'), (e) => logged.push(e));
    expect(hidden.toJSON()).toEqual({ code: 'internal', messageKey: 'errors.internal' });
    expect(logged).toHaveLength(1);
  });
});
