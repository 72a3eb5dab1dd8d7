import { describe, expect, it } from 'vitest';
import { checkPostpone } from './editChecks';

/** Sunday 1 March 2026, 21:00 in Shanghai. */
const NOW = Date.UTC(2026, 2, 1, 13, 0);

describe('postponing a week', () => {
  it('refuses a new submission deadline already past, in the group’s zone, beside that field', () => {
    expect(checkPostpone('2026-02-27T21:00', '2026-03-03T21:00', 'Asia/Shanghai', NOW)).toEqual({
      submitBy: { key: 'assignments.postponePassed' },
      critiqueBy: undefined,
    });
    expect(checkPostpone('2026-03-01T21:00', '2026-03-03T21:00', 'Asia/Shanghai', NOW).submitBy).toEqual({
      key: 'assignments.postponePassed',
    });
    expect(
      checkPostpone('2026-03-01T21:01', '2026-03-03T21:00', 'Asia/Shanghai', NOW).submitBy,
    ).toBeUndefined();
    // 21:00 in Berlin is still seven hours away.
    expect(
      checkPostpone('2026-03-01T21:00', '2026-03-03T21:00', 'Europe/Berlin', NOW).submitBy,
    ).toBeUndefined();
  });

  it('still asks for both deadlines, critiques after submissions', () => {
    expect(checkPostpone('2026-03-08T', '2026-03-09T21:00', 'Asia/Shanghai', NOW).submitBy).toMatchObject({
      key: 'forms.needDateTime',
    });
    expect(checkPostpone('2026-03-08T21:00', '2026-03-08T20:00', 'Asia/Shanghai', NOW).critiqueBy).toEqual({
      key: 'assignments.form.critiqueAfterSubmit',
    });
  });
});
