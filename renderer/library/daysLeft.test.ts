import { describe, expect, it } from 'vitest';
import { daysLeft } from './daysLeft';

const purgeAt = '2025-04-02T09:00:00.000Z';
const before = (ms: number) => new Date(Date.parse(purgeAt) - ms);
const day = 86_400_000;

describe('days left in the trash', () => {
  it('reads 30 for a speech deleted just now, 29 a moment later', () => {
    expect(daysLeft(purgeAt, before(30 * day))).toBe(30);
    expect(daysLeft(purgeAt, before(30 * day - 60_000))).toBe(30);
    expect(daysLeft(purgeAt, before(29 * day))).toBe(29);
  });

  it('reads 1 on the last day, down to the last minute, never 0', () => {
    expect(daysLeft(purgeAt, before(day))).toBe(1);
    expect(daysLeft(purgeAt, before(60_000))).toBe(1);
    expect(daysLeft(purgeAt, before(0))).toBe(1);
    expect(daysLeft(purgeAt, before(-day))).toBe(1);
  });
});
