import { describe, expect, it } from 'vitest';
import { appRegistry } from '../group/appRegistry';
import { foldGroup } from '../group/fold';
import { critiqueBoard } from './critiqueBoard';
import { comment, critiqueStory, edit, evaluation, retract } from './critiqueScenario';
import { evaluationSummary } from './evaluationSummary';

describe('evaluationSummary', () => {
  it('averages each criterion over the forms that count, default criteria first', () => {
    const { groupId, events, coach, ana, bo, speech } = critiqueStory('summary');
    const byAna = comment(
      ana,
      20,
      speech,
      'form',
      undefined,
      evaluation({ clarity: 4, pacing: 2, humour: 5 }),
    );
    const byCoach = comment(
      coach,
      21,
      speech,
      'form',
      undefined,
      evaluation({ clarity: 5, 'vocal-variety': 3 }),
    );
    const self = comment(bo, 22, speech, 'my own', undefined, evaluation({ clarity: 1 }));
    const gone = comment(ana, 23, speech, 'form', undefined, evaluation({ clarity: 1 }));
    const state = foldGroup(
      groupId,
      [
        ...events,
        byAna,
        byCoach,
        self,
        gone,
        retract(ana, 24, gone.id),
        edit(coach, 25, byCoach.id, { evaluation: evaluation({ clarity: 3, 'vocal-variety': 3 }) }),
      ],
      appRegistry,
    );
    const summary = evaluationSummary(critiqueBoard(state), speech);
    expect(summary.evaluations).toBe(2);
    expect(summary.criteria).toEqual([
      { criterion: 'clarity', average: 3.5, count: 2, distribution: [0, 0, 1, 1, 0] },
      { criterion: 'vocal-variety', average: 3, count: 1, distribution: [0, 0, 1, 0, 0] },
      { criterion: 'pacing', average: 2, count: 1, distribution: [0, 1, 0, 0, 0] },
      { criterion: 'humour', average: 5, count: 1, distribution: [0, 0, 0, 0, 1] },
    ]);
    expect(summary.overall).toBe((4 + 2 + 5 + 3 + 3) / 5);
  });

  it('is empty for a speech nobody evaluated', () => {
    const { groupId, events, speech } = critiqueStory('summary');
    const summary = evaluationSummary(critiqueBoard(foldGroup(groupId, events, appRegistry)), speech);
    expect(summary).toEqual({ recordingId: speech, evaluations: 0, criteria: [], overall: null });
  });
});
