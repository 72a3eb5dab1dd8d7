// Which check-in (打卡) each shared recording was submitted with: the assignment's title for that week
// and the reflection its author wrote with it ("shared with your speech"), for the feed to show beside
// the speech. Pure, over the folded state.
import type { GroupState } from '../group/groupState';
import { recordingsOf } from '../group/recordings';
import { rulesStateOf } from './rulesState';

export interface RecordingCheckIn {
  /** The check-in event's id. */
  checkIn: string;
  assignment: string;
  occurrence: number;
  /** The assignment's title for that occurrence (an edit of that week's title applied). */
  title: string;
  reflection?: string;
}

/**
 * Recording id → the latest check-in (by clock, then id) its own author submitted it with. A check-in
 * naming someone else's recording never counts, so it is not shown either.
 */
export function recordingCheckIns(state: GroupState): Map<string, RecordingCheckIn> {
  const rules = rulesStateOf(state);
  const recordings = recordingsOf(state);
  const latest = new Map<string, { hlc: string; value: RecordingCheckIn }>();
  for (const [key, byMember] of Object.entries(rules.checkIns)) {
    const hash = key.lastIndexOf('#');
    const assignment = key.slice(0, hash);
    const occurrence = Number(key.slice(hash + 1));
    const record = rules.assignments[assignment];
    if (!record) continue;
    const title = record.edits[occurrence]?.title ?? record.title;
    for (const [member, checkIns] of Object.entries(byMember)) {
      for (const c of checkIns) {
        if (recordings[c.recording]?.author !== member) continue;
        const seen = latest.get(c.recording);
        if (seen && (seen.hlc > c.hlc || (seen.hlc === c.hlc && seen.value.checkIn > c.id))) continue;
        latest.set(c.recording, {
          hlc: c.hlc,
          value: {
            checkIn: c.id,
            assignment,
            occurrence,
            title,
            ...(c.reflection ? { reflection: c.reflection } : {}),
          },
        });
      }
    }
  }
  return new Map([...latest].map(([recording, { value }]) => [recording, value]));
}
