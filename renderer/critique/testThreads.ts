// Thread views for component tests, without folding a group.
import type { Anchor } from '../../shared/critique/critiqueEvents';
import type { NoteView, ThreadView } from '../../shared/critique/critiqueBoard';

export const ME = 'a'.repeat(64);
export const SPEAKER = 'b'.repeat(64);
export const COACH = 'c'.repeat(64);
export const names = { [ME]: 'Ana', [SPEAKER]: 'Bo', [COACH]: '王老师' };

export function note(id: string, over: Partial<NoteView> = {}): NoteView {
  return {
    id,
    kind: 'comment',
    author: ME,
    hlc: `2026-01-05T09:${id.padStart(2, '0').slice(-2)}:00.000Z-0000-0123456789abcdef`,
    recordingId: 'r',
    rootId: id,
    text: `text ${id}`,
    status: 'shown',
    reactions: {},
    depth: 0,
    ...over,
  };
}

export function thread(
  id: string,
  anchor?: Anchor,
  over: Partial<ThreadView> = {},
  comment: Partial<NoteView> = {},
): ThreadView {
  return {
    comment: note(id, { ...(anchor && { anchor }), ...comment }),
    resolved: false,
    replies: [],
    ...over,
  };
}
