import { describe, expect, it } from 'vitest';
import { appRegistry } from '../group/appRegistry';
import { foldGroup } from '../group/fold';
import { buildGroupView } from '../group/groupView';
import { ASSIGNMENT_EDITED, CHECK_IN_SUBMITTED } from './ruleEvents';
import { recordingCheckIns } from './recordingCheckIns';
import { buildRulesOverview } from './rulesOverview';
import {
  assignmentBody,
  checkIn,
  createAssignment,
  eventAt,
  rulesGroup,
  weeklyFromMarch2,
} from './rulesScenario';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 1, 23, 1, 0);

describe('recordingCheckIns', () => {
  it('names the week and the reflection a speech was checked in with, the latest check-in winning', () => {
    const g = rulesGroup('recording-check-ins', 'Asia/Shanghai', 2, T0);
    const [ana, bo] = g.members as [(typeof g.members)[0], (typeof g.members)[0]];
    const series = createAssignment(g.coach, g.ready, assignmentBody(weeklyFromMarch2));
    const retitled = eventAt(g.coach, g.ready + 1, ASSIGNMENT_EDITED, {
      assignment: series.id,
      occurrence: 2,
      title: '第二周：讲一个故事',
    });
    const [anaSpeech, anaFirst] = checkIn(ana, g.ready + HOUR, series.id, 1, '第一次打卡，有点紧张');
    // Ana checks the same speech in again for week 2 with new words: the later check-in is shown.
    const anaAgain = eventAt(ana, g.ready + 2 * HOUR, CHECK_IN_SUBMITTED, {
      assignment: series.id,
      occurrence: 2,
      recording: anaSpeech!.id,
      reflection: '换了开头',
    });
    const [boSpeech] = checkIn(bo, g.ready + HOUR, series.id, 1);
    // Bo names Ana's speech as his: that never counts, so it is not shown as his check-in.
    const borrowed = eventAt(bo, g.ready + 3 * HOUR, CHECK_IN_SUBMITTED, {
      assignment: series.id,
      occurrence: 1,
      recording: anaSpeech!.id,
      reflection: 'not mine',
    });
    const events = [...g.events, series, retitled, anaSpeech!, anaFirst!, boSpeech!, anaAgain, borrowed];
    const state = foldGroup(g.groupId, events, appRegistry);
    const found = recordingCheckIns(state);
    expect(found.get(anaSpeech!.id)).toEqual({
      checkIn: anaAgain.id,
      assignment: series.id,
      occurrence: 2,
      title: '第二周：讲一个故事',
      reflection: '换了开头',
    });
    expect(found.get(boSpeech!.id)).toBeUndefined(); // shared, never checked in with

    const view = buildGroupView({
      groupId: g.groupId,
      state,
      keyId: bo.key.keyId,
      arrived: new Set(),
      waiting: new Set(),
      setAside: [],
      blobUrl: (sha) => `/blobs/${sha}`,
    });
    expect(view.feed.find((f) => f.id === anaSpeech!.id)).toMatchObject({
      checkIn: { title: '第二周：讲一个故事', occurrence: 2, reflection: '换了开头' },
    });
    expect(view.feed.find((f) => f.id === boSpeech!.id)).not.toHaveProperty('checkIn');
  });

  it("shows the coach's week the reflection written with each counted check-in", () => {
    const g = rulesGroup('week-reflections', 'Asia/Shanghai', 2, T0);
    const [ana, bo] = g.members as [(typeof g.members)[0], (typeof g.members)[0]];
    const once = { repeat: 'once', submitBy: '2026-02-24T21:00', critiqueBy: '2026-02-26T21:00' } as const;
    const assignment = createAssignment(g.coach, g.ready, assignmentBody(once));
    const events = [
      ...g.events,
      assignment,
      ...checkIn(ana, g.ready + HOUR, assignment.id, 1, '开场要更慢'),
      ...checkIn(bo, g.ready + HOUR, assignment.id, 1),
    ];
    const state = foldGroup(g.groupId, events, appRegistry);
    const rows = (asOf: number) =>
      buildRulesOverview(state, g.coach.key.keyId, asOf, undefined, null).week!.rows.map((r) => [
        r.name,
        r.outcome,
        r.reflection,
      ]);
    const decided = Date.UTC(2026, 1, 24, 14, 0); // after the submission deadline (21:00 in Shanghai)
    expect(rows(decided)).toEqual([
      ['M1', 'on-time', '开场要更慢'],
      ['M2', 'on-time', undefined],
    ]);
  });
});
