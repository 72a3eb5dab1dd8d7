import { describe, expect, it } from 'vitest';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { appRegistry } from '../group/appRegistry';
import { foldGroup } from '../group/fold';
import { recordingEvent } from '../group/scenario';
import { critiqueBoard } from './critiqueBoard';
import { at, comment, critiqueStory, evaluation } from './critiqueScenario';
import { memberAverages } from './memberAverages';

describe('memberAverages', () => {
  it('gives one point per evaluated speech of the member, oldest first', () => {
    const { groupId, events, coach, ana, bo, speech } = critiqueStory('averages');
    const second = recordingEvent(bo, at(30), 'Week 2', utf8ToBytes('w2'), utf8ToBytes('q2'), {
      durationMs: 60_000,
    });
    const unevaluated = recordingEvent(bo, at(40), 'Week 3', utf8ToBytes('w3'), utf8ToBytes('q3'));
    const state = foldGroup(
      groupId,
      [
        ...events,
        second,
        unevaluated,
        comment(ana, 31, second.id, 'better', undefined, evaluation({ clarity: 5, pacing: 4 })),
        comment(coach, 20, speech, 'ok', undefined, evaluation({ clarity: 3 })),
        comment(ana, 21, speech, 'ok', undefined, evaluation({ clarity: 2 })),
      ],
      appRegistry,
    );
    const points = memberAverages(critiqueBoard(state), bo.key.keyId);
    expect(points.map((p) => [p.title, p.averages, p.evaluations, p.overall])).toEqual([
      ['说服性演讲 Persuade', { clarity: 2.5 }, 2, 2.5],
      ['Week 2', { clarity: 5, pacing: 4 }, 1, 4.5],
    ]);
    expect(memberAverages(critiqueBoard(state), ana.key.keyId)).toEqual([]);
  });
});
