import { describe, expect, expectTypeOf, it } from 'vitest';
import { contract, events } from './contract';
import type { Contract, Events } from './contract';
import { eventNames, isMethodName, methodNames } from './names';
import type { EventName, MethodName } from './names';

/** What one list has that the other lacks, both ways, and its duplicates: all empty when they agree. */
function difference(listed: readonly string[], defined: readonly string[]) {
  return {
    missingFromList: defined.filter((n) => !listed.includes(n)),
    notInContract: listed.filter((n) => !defined.includes(n)),
    duplicates: listed.filter((n, i) => listed.indexOf(n) !== i),
  };
}

const none = { missingFromList: [], notInContract: [], duplicates: [] };

describe('the preload’s name lists', () => {
  it('name exactly the contract’s methods, so the preload passes every method the HTTP host serves', () => {
    expect(difference(methodNames, Object.keys(contract))).toEqual(none);
    for (const name of Object.keys(contract)) expect(isMethodName(name), name).toBe(true);
    expect(isMethodName('group.nope')).toBe(false);
    expect(isMethodName('toString')).toBe(false);
    expectTypeOf<keyof Contract>().toEqualTypeOf<MethodName>();
  });

  it('name exactly the contract’s events, so the preload forwards every event main pushes', () => {
    expect(difference(eventNames, Object.keys(events))).toEqual(none);
    expectTypeOf<keyof Events>().toEqualTypeOf<EventName>();
  });
});
