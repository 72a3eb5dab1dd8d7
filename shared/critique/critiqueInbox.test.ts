import { describe, expect, it } from 'vitest';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { appRegistry } from '../group/appRegistry';
import { foldGroup } from '../group/fold';
import { recordingEvent } from '../group/scenario';
import { critiqueBoard } from './critiqueBoard';
import { critiqueInbox } from './critiqueInbox';
import { at, comment, critiqueStory, hide, reply, retract } from './critiqueScenario';

describe('critiqueInbox', () => {
  const { groupId, events, coach, ana, bo, speech } = critiqueStory('inbox');
  const anas = recordingEvent(ana, at(12), 'Ana speaks', utf8ToBytes('a4'), utf8ToBytes('p4'));
  const c1 = comment(ana, 20, speech, '第一条点评', { atMs: 1_000 });
  const c2 = comment(coach, 21, speech, 'x'.repeat(300));
  const own = comment(bo, 22, speech, 'my own note');
  const r1 = reply(bo, 23, c1.id, 'thanks Ana');
  const r2 = reply(coach, 24, r1.id, 'to Bo’s reply');
  const gone = comment(coach, 25, speech, 'withdrawn');
  const hidden = reply(coach, 26, c1.id, 'hidden');
  const onAnas = comment(bo, 27, anas.id, 'Bo on Ana’s speech');
  const board = critiqueBoard(
    foldGroup(
      groupId,
      [
        ...events,
        anas,
        c1,
        c2,
        own,
        r1,
        r2,
        gone,
        retract(coach, 25.5, gone.id),
        hidden,
        hide(coach, 26.5, hidden.id),
        onAnas,
      ],
      appRegistry,
    ),
  );

  it('lists new critiques on my speeches and replies to my notes, newest first', () => {
    const inbox = critiqueInbox(board, bo.key.keyId);
    expect(inbox.items.map((i) => [i.type, i.noteId])).toEqual([
      ['reply', r2.id],
      ['critique', c2.id],
      ['critique', c1.id],
    ]);
    expect(inbox.items[1]!.preview).toHaveLength(140);
    expect(inbox.unread).toBe(3);
    expect(critiqueInbox(board, ana.key.keyId).items.map((i) => i.noteId)).toEqual([onAnas.id, r1.id]);
  });

  it('counts as unread what is dated after the member’s read mark for that speech', () => {
    const inbox = critiqueInbox(board, bo.key.keyId, { [speech]: c2.hlc });
    expect(inbox.items.map((i) => i.unread)).toEqual([true, false, false]);
    expect(inbox.unreadByRecording).toEqual({ [speech]: 1 });
    expect(critiqueInbox(board, bo.key.keyId, { [speech]: r2.hlc }).unread).toBe(0);
  });
});
