import { describe, expect, it } from 'vitest';
import { formatHlc } from '../group/hlc';
import { DEFAULT_RULES, rulesInForce } from './rulesInForce';
import type { RulesVersion } from './rulesState';

const version = (n: number, millis: number, onTime: number): RulesVersion => ({
  ...DEFAULT_RULES,
  points: { ...DEFAULT_RULES.points, onTime },
  version: n,
  id: String(n).repeat(64).slice(0, 64),
  setAt: formatHlc({ millis, counter: 0, node: '0123456789abcdef' }),
});

describe('rulesInForce', () => {
  it('uses the defaults before any version and each version from its own time on', () => {
    const versions = [version(1, 1000, 11), version(2, 2000, 22)];
    expect(rulesInForce(versions, 999)).toMatchObject({ version: 0, points: { onTime: 10 } });
    expect(rulesInForce(versions, 1000)).toMatchObject({ version: 1, points: { onTime: 11 } });
    expect(rulesInForce(versions, 1999)).toMatchObject({ version: 1 });
    expect(rulesInForce(versions, 2000)).toMatchObject({ version: 2, points: { onTime: 22 } });
  });
});
