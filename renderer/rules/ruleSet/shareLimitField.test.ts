import { describe, expect, it } from 'vitest';
import { shareLimitBytes, shareLimitProblem, shareLimitValue } from './shareLimitField';

const MB = 1024 * 1024;

describe('the share limit field', () => {
  it('reads empty as no cap, and megabytes as bytes, both ways', () => {
    expect(shareLimitValue(null)).toBe('');
    expect(shareLimitBytes('')).toBeNull();
    expect(shareLimitProblem('')).toBeUndefined();
    expect(shareLimitValue(20 * MB)).toBe(20);
    expect(shareLimitBytes(20)).toBe(20 * MB);
    expect(shareLimitBytes(2.5)).toBe(2.5 * MB);
    // A cap set in odd bytes (another app) comes back to the same bytes when left as it is.
    expect(shareLimitBytes(shareLimitValue(12_345_678))).toBe(12_345_678);
  });

  it('refuses what share.limit would refuse, saying the bounds', () => {
    expect(shareLimitProblem(0)).toEqual({ key: 'forms.tooSmall', values: { min: 1 } });
    expect(shareLimitProblem(0.5)).toEqual({ key: 'forms.tooSmall', values: { min: 1 } });
    expect(shareLimitProblem(4096)).toEqual({ key: 'forms.tooLarge', values: { max: 2048 } });
    expect(shareLimitProblem(2048)).toBeUndefined();
    expect(shareLimitProblem('-')).toMatchObject({ key: 'forms.needNumber' });
  });
});
