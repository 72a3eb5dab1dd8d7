import { describe, expect, it } from 'vitest';
import { baseRegistry } from './baseRegistry';
import type { SetAsideEvent } from './causalRoster';
import { foldGroup } from './fold';
import { buildGroupView, MAX_SET_ASIDE } from './groupView';
import { REFLECTION_SHARED } from './reflections';
import { SCENARIO_T0, smallGroup } from './scenario';

const { groupId, events, devices } = smallGroup();
const [, ana, bo, cy] = devices as [
  (typeof devices)[0],
  (typeof devices)[0],
  (typeof devices)[0],
  (typeof devices)[0],
];
const reflection = ana.event(
  REFLECTION_SHARED,
  { title: '第一周', text: '开场要更慢' },
  SCENARIO_T0 + 20 * 60_000,
);
const state = foldGroup(groupId, [...events, reflection], baseRegistry);
const input = {
  groupId,
  state,
  keyId: bo.key.keyId,
  arrived: new Set<string>(),
  waiting: new Set<string>(),
  setAside: [],
  blobUrl: (sha256: string) => `/blobs/${sha256}`,
};

describe('buildGroupView', () => {
  it('shows the roster by name and the feed newest first, each speech saying whether its audio arrived', () => {
    const view = buildGroupView(input);
    expect(view.me).toEqual({ keyId: bo.key.keyId, status: 'member', role: 'member' });
    const names = view.members.map((m) => m.displayName);
    expect([...names].sort()).toEqual(['Bo Li', 'Cy', '安娜', '王老师']); // a profile's name over the join's
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(view.feed.map((f) => f.type)).toEqual(['reflection', 'recording']);
    const speech = view.feed[1]!;
    if (speech.type !== 'recording') throw new Error('a speech');
    expect(speech).toMatchObject({
      audioUrl: expect.stringMatching(/^\/blobs\/[0-9a-f]{64}$/),
      audioArrived: false,
    });
    const arrived = buildGroupView({ ...input, arrived: new Set([speech.audioUrl.slice(7)]) });
    expect(arrived.feed[1]).toMatchObject({ audioArrived: true });
    expect(buildGroupView({ ...input, keyId: cy.key.keyId }).me.status).toBe('declined');
  });

  it('sends set-aside entries newest first, at most MAX_SET_ASIDE of them', () => {
    const setAside: SetAsideEvent[] = Array.from({ length: MAX_SET_ASIDE + 5 }, (_, i) => ({
      id: String(i).padStart(64, '0'),
      author: cy.key.keyId,
      kind: 'profile.update',
      hlc: String(i),
      reason: 'not-a-coach',
    }));
    const shown = buildGroupView({ ...input, setAside }).setAside;
    expect(shown).toHaveLength(MAX_SET_ASIDE);
    expect(shown[0]!.hlc).toBe(String(MAX_SET_ASIDE + 4));
    expect(setAside[0]!.hlc).toBe('0'); // the caller's list is left as it was
  });
});
