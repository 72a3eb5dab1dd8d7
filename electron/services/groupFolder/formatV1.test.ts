// Format 2 reads format 1 side by side: a group folder written before format 2 existed folds to
// exactly the state (and hash) it had then (plus the slices added since, empty).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appRegistry } from '../../../shared/group/appRegistry';
import { foldSnapshot, setAsideOf, stateHash } from '../../../shared/group/fold';
import type { GroupState } from '../../../shared/group/groupState';
import { GroupSync } from './groupSync';
import { critiquesOf } from '../../../shared/critique/critiquesSlice';
import { recordingsOf } from '../../../shared/group/recordings';

const fixture = path.resolve('tests/fixtures/group-v1/folder');
/** `state --json` of this folder at 74ec69c, the last commit before format 2 (see the fixture's README). */
const V1_HASH = 'e07d442a1d9ae6951268b9e6b6c53f9fa3143ebac305f318e08be98930e99e69';
/** Slices added since then: a format-1 folder has none of their events, so they must be empty. */
const NEWER_SLICES = ['fillerMarks', 'shareLimit', 'fillerCounted'];

/**
 * The state as the code of then knew it: without the slices added since, which must be empty, and
 * with the recordings and critiques in one flat record each, as then (they are held in shards now).
 */
function asThen(state: GroupState): GroupState {
  const slices: Record<string, unknown> = {
    ...state.slices,
    recordings: recordingsOf(state),
    critiques: critiquesOf(state),
  };
  for (const name of NEWER_SLICES) {
    expect(slices[name]).toEqual({});
    delete slices[name];
  }
  return { ...state, slices };
}

describe('a format-1 group folder', () => {
  it('folds to the same state hash as the code that wrote it', async () => {
    const sync = new GroupSync({ folder: fixture, registry: appRegistry });
    const report = await sync.sync();
    expect(report.quarantined).toEqual([]);
    expect(report.newEvents).toHaveLength(38);
    expect(stateHash(asThen(sync.state().state))).toBe(V1_HASH);
    const snapshot = foldSnapshot(report.groupId!, sync.allEvents(), appRegistry);
    expect(stateHash(asThen(snapshot.state))).toBe(V1_HASH);
    expect(snapshot.causal, 'format-1 groups keep format 1 rules').toBeNull();
    expect(setAsideOf(snapshot)).toEqual([]);
  });
});
