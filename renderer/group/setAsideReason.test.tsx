// A set-aside file's reason reads as a sentence in the member's language, for every reason main
// writes (these are spelled as groupSync.ts, ownDirectory.ts and the blob check write them).
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { initI18n } from '../i18n/i18n';
import { describeSetAsideReason, setAsideReasonKey } from './setAsideReason';

const reasonsMainWrites = [
  'segment bad-signature',
  'segment unparsable: not JSON (truncated?)',
  'segment malformed: events.0.hlc',
  'segment bad-range: 5 > 3',
  'segment wrong-group',
  'genesis unparsable: not JSON (truncated?)',
  'blob hash-mismatch',
  'invalid-segment: not a valid segment of this group and device (bad-signature)',
  'unknown-key: signed by a key that is not in the roster',
  'removed-key: written after its author was removed',
  'unexpected-directory: not part of a Lectern group',
  'unexpected-file: not part of a Lectern group',
  "quota: 5,001 entries past the 5,000 a device's segments directory may hold (in sequence order) not read",
  'symlink: links are never followed',
  'not-a-file',
  'oversized: 9999999 bytes (limit 4194304)',
  'unreadable: EACCES: permission denied',
  'name-mismatch: holds 000000000001-000000000001.json',
  'changed: read again at the next sync',
  "clock-drift: event dated 2027-01-01T00:00:00.000Z is more than 10 minutes ahead of this computer's clock",
];

describe('set-aside reasons', () => {
  it('reads every reason main writes as a Chinese sentence in the Chinese UI', async () => {
    await initI18n('zh-CN');
    for (const reason of reasonsMainWrites) {
      const said = describeSetAsideReason(i18next.t, reason);
      expect(said, reason).toMatch(/[\u4e00-\u9fff]/);
      expect(said, reason).not.toMatch(/[a-z]{4,}/); // no English words left in it
    }
  });

  it('reads them in English in the English UI, the specific case before the kind of file', async () => {
    await initI18n('en');
    expect(describeSetAsideReason(i18next.t, 'segment bad-signature')).toMatch(/^Wrong signature/);
    expect(describeSetAsideReason(i18next.t, 'segment bad-range: 5 > 3')).toMatch(
      /^Not a valid group record/,
    );
    expect(describeSetAsideReason(i18next.t, 'quota: 5,001 entries')).toMatch(/too many files/);
  });

  it('shows a reason it has no sentence for as it is, never an i18n key', async () => {
    await initI18n('zh-CN');
    expect(describeSetAsideReason(i18next.t, 'brand-new: from a newer Lectern')).toBe(
      'brand-new: from a newer Lectern',
    );
    expect(describeSetAsideReason(i18next.t, 'Something Else')).toBe('Something Else');
    expect(setAsideReasonKey('segment not-utf8')).toBe('segment.not-utf8');
  });
});
