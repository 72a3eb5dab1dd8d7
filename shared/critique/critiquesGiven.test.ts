import { describe, expect, it } from 'vitest';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { appRegistry } from '../group/appRegistry';
import { foldGroup } from '../group/fold';
import { recordingEvent } from '../group/scenario';
import { critiquesGiven } from './critiquesGiven';
import { at, comment, critiqueStory, evaluation, hide, reply, retract } from './critiqueScenario';

describe('critiquesGiven', () => {
  it('gives one fact per member per speech, for their first shown top-level critique by someone else', () => {
    const { groupId, events, coach, ana, bo, speech } = critiqueStory('given');
    const anas = recordingEvent(ana, at(12), 'Ana speaks', utf8ToBytes('a3'), utf8ToBytes('p3'), {
      durationMs: 30_000,
    });
    const retracted = comment(ana, 20, speech, 'first, then taken back', { atMs: 1_000 });
    const kept = comment(ana, 22, speech, '', undefined, evaluation({ clarity: 5 })); // a form alone is a critique
    const again = comment(ana, 23, speech, 'a second critique does not add a fact');
    const selfNote = comment(bo, 24, speech, 'the speaker on his own speech');
    const hidden = comment(coach, 25, speech, 'hidden by a coach');
    const onAnas = comment(bo, 26, anas.id, 'Bo on Ana');
    const state = foldGroup(
      groupId,
      [
        ...events,
        anas,
        retracted,
        retract(ana, 21, retracted.id),
        kept,
        again,
        selfNote,
        hidden,
        hide(coach, 25.5, hidden.id),
        reply(coach, 27, kept.id, 'a reply is not a critique'),
        onAnas,
      ],
      appRegistry,
    );
    expect(critiquesGiven(state)).toEqual([
      { author: ana.key.keyId, recordingId: speech, hlc: kept.hlc },
      { author: bo.key.keyId, recordingId: anas.id, hlc: onAnas.hlc },
    ]);
  });

  it('counts nothing for a member whose only critique was retracted', () => {
    const { groupId, events, ana, speech } = critiqueStory('given');
    const c = comment(ana, 20, speech, 'oops');
    expect(critiquesGiven(foldGroup(groupId, [...events, c, retract(ana, 21, c.id)], appRegistry))).toEqual(
      [],
    );
  });
});
