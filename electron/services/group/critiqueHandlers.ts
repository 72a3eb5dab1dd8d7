// The critique.* handlers: each write checks what this computer can already tell (the recording is
// shared, the anchor fits, the note or filler mark is the member's own, the member is the speaker or
// a coach) so the member hears why at once; the fold checks the same again on every computer.
import type { Contract } from '../../../shared/api/contract';
import type { Handlers } from '../../../shared/api/contractTypes';
import type { critiqueContract } from '../../../shared/api/critiqueContract';
import { LecternError } from '../../../shared/api/errors';
import { anchorFits, critiqueBoard, recordingThreads } from '../../../shared/critique/critiqueBoard';
import type { CritiqueBoard, NoteView } from '../../../shared/critique/critiqueBoard';
import {
  CRITIQUE_COMMENT,
  CRITIQUE_EDIT,
  CRITIQUE_FILLER,
  CRITIQUE_FILLER_WITHDRAW,
  CRITIQUE_FILLER_COUNTED,
  CRITIQUE_HIDE,
  CRITIQUE_REACT,
  CRITIQUE_REPLY,
  CRITIQUE_RESOLVE,
  CRITIQUE_RETRACT,
  commentBody,
  type Anchor,
} from '../../../shared/critique/critiqueEvents';
import { speechCriteria } from '../../../shared/critique/speechCriteria';
import { critiqueInbox } from '../../../shared/critique/critiqueInbox';
import { memberAverages } from '../../../shared/critique/memberAverages';
import { evaluationSummary } from '../../../shared/critique/evaluationSummary';
import {
  fillerCountedBy,
  fillerMarksByRecording,
  fillerSummary,
  memberFillerRates,
} from '../../../shared/critique/fillerCounts';
import { fillerCountedOf } from '../../../shared/critique/fillerCountedSlice';
import { fillerMarksOf } from '../../../shared/critique/fillerMarksSlice';
import { rulesStateOf } from '../../../shared/rules/rulesState';
import { CritiqueReadMarks } from './critiqueReadMarks';
import type { GroupState } from '../../../shared/group/groupState';
import type { GroupService } from './groupService';
import type { Groups } from './groups';

type CritiqueMethods = keyof typeof critiqueContract;

/** Where a comment sits in the speech: its moment, or where its range starts. */
const anchorStart = (anchor: Anchor | undefined): { atMs?: number } =>
  anchor ? { atMs: 'atMs' in anchor ? anchor.atMs : anchor.startMs } : {};

export function createCritiqueHandlers(
  groups: Groups,
  dataDir: string,
): Pick<Handlers<Contract>, CritiqueMethods> {
  const marks = new CritiqueReadMarks(dataDir);
  const keyId = async () => (await groups.identity.current()).key.keyId;

  /**
   * What `derive` makes of a group's current state, computed once per state: a folded state is never
   * changed, only replaced, so its identity says when to derive again (hashing it cost more than this).
   */
  const perState = <T>(derive: (state: GroupState, service: GroupService) => T) => {
    const cache = new WeakMap<GroupService, { state: GroupState; value: T }>();
    return (service: GroupService): T => {
      const { state } = service.state();
      const cached = cache.get(service);
      if (cached?.state === state) return cached.value;
      const value = derive(state, service);
      cache.set(service, { state, value });
      return value;
    };
  };

  /** The board of a group's current state. */
  const boardOf = perState((state) => critiqueBoard(state));

  /** The filler marks on each shared recording of a group's current state. */
  const fillersOf = perState((state, service) =>
    fillerMarksByRecording(fillerMarksOf(state), boardOf(service).recordings),
  );
  /** Who counted each recording through as its Ah-Counter. */
  const countedOf = perState((state) => fillerCountedOf(state));

  /** The group, this member, and its board, refusing anyone who is not (or no longer) a member. */
  const open = async (groupId: string) => {
    const service = groups.get(groupId);
    const me = await keyId();
    if (service.state().state.members[me]?.status !== 'member')
      throw new LecternError('forbidden', 'errors.critiqueNotMember');
    return { service, me, board: boardOf(service) };
  };

  const noteOf = (board: CritiqueBoard, id: string): NoteView => {
    const note = board.notes.get(id);
    if (!note) throw new LecternError('not_found', 'errors.critiqueNoNote');
    return note;
  };

  const ownNote = (board: CritiqueBoard, id: string, me: string): NoteView => {
    const note = noteOf(board, id);
    if (note.author !== me) throw new LecternError('forbidden', 'errors.critiqueNotYours');
    if (note.status === 'retracted') throw new LecternError('invalid_input', 'errors.critiqueWithdrawn');
    return note;
  };

  const written = async (service: GroupService, kind: string, body: unknown) => ({
    id: (await service.append(kind, body)).id,
  });

  return {
    'critique.comment': async ({ groupId, body }) => {
      const { service, board } = await open(groupId);
      const recording = board.recordings[body.recording];
      if (!recording) throw new LecternError('not_found', 'errors.critiqueNoSpeech');
      if (!anchorFits(body.anchor, recording.durationMs))
        throw new LecternError('invalid_input', 'errors.critiqueOutsideSpeech');
      return written(service, CRITIQUE_COMMENT, body);
    },
    'critique.reply': async ({ groupId, body }) => {
      const { service, board } = await open(groupId);
      noteOf(board, body.parent);
      return written(service, CRITIQUE_REPLY, body);
    },
    'critique.edit': async ({ groupId, body }) => {
      const { service, board, me } = await open(groupId);
      const note = ownNote(board, body.target, me);
      if (note.kind === 'reply' && body.evaluation !== undefined)
        throw new LecternError('invalid_input', 'errors.critiqueNoEvaluationOnReply');
      return written(service, CRITIQUE_EDIT, body);
    },
    'critique.retract': async ({ groupId, body }) => {
      const { service, board, me } = await open(groupId);
      ownNote(board, body.target, me);
      return written(service, CRITIQUE_RETRACT, body);
    },
    'critique.resolve': async ({ groupId, body }) => {
      const { service, board, me } = await open(groupId);
      const note = noteOf(board, body.comment);
      if (note.kind !== 'comment') throw new LecternError('invalid_input', 'errors.critiqueNoNote');
      if (board.recordings[note.recordingId]?.author !== me && !service.isCoachNow())
        throw new LecternError('forbidden', 'errors.critiqueSpeakerOnly');
      return written(service, CRITIQUE_RESOLVE, body);
    },
    'critique.react': async ({ groupId, body }) => {
      const { service, board } = await open(groupId);
      if (noteOf(board, body.target).status !== 'shown')
        throw new LecternError('invalid_input', 'errors.critiqueWithdrawn');
      return written(service, CRITIQUE_REACT, body);
    },
    'critique.hide': async ({ groupId, body }) => {
      const { service, board } = await open(groupId);
      noteOf(board, body.target);
      if (!service.isCoachNow()) throw new LecternError('forbidden', 'errors.coachOnly');
      return written(service, CRITIQUE_HIDE, body);
    },
    'critique.filler': async ({ groupId, body }) => {
      const { service, board } = await open(groupId);
      const recording = board.recordings[body.recording];
      if (!recording) throw new LecternError('not_found', 'errors.critiqueNoSpeech');
      if (body.atMs > recording.durationMs)
        throw new LecternError('invalid_input', 'errors.critiqueOutsideSpeech');
      return written(service, CRITIQUE_FILLER, body);
    },
    'critique.fillerWithdraw': async ({ groupId, body }) => {
      const { service, me } = await open(groupId);
      const mark = fillerMarksOf(service.state().state)[body.target];
      if (!mark) throw new LecternError('not_found', 'errors.critiqueNoNote');
      if (mark.author !== me) throw new LecternError('forbidden', 'errors.critiqueNotYours');
      return written(service, CRITIQUE_FILLER_WITHDRAW, body);
    },
    'critique.fillerCounted': async ({ groupId, body }) => {
      const { service, board, me } = await open(groupId);
      const recording = board.recordings[body.recording];
      if (!recording) throw new LecternError('not_found', 'errors.critiqueNoSpeech');
      if (recording.author === me) throw new LecternError('forbidden', 'errors.fillerOwnSpeech');
      return written(service, CRITIQUE_FILLER_COUNTED, body);
    },
    'critique.undelivered': async ({ groupId, recordingId }) => {
      const service = groups.get(groupId);
      if (boardOf(service).recordings[recordingId]) return []; // still shared: all of it shows
      return service
        .ownEvents(CRITIQUE_COMMENT)
        .map((event) => ({ id: event.id, body: commentBody.safeParse(event.body) }))
        .flatMap(({ id, body }) =>
          body.success && body.data.recording === recordingId && body.data.text.trim()
            ? [{ id, text: body.data.text, ...anchorStart(body.data.anchor) }]
            : [],
        );
    },
    'critique.threads': async ({ groupId, recordingId }) => {
      const service = groups.get(groupId);
      const board = boardOf(service);
      const recording = board.recordings[recordingId];
      if (!recording) throw new LecternError('not_found', 'errors.critiqueNoSpeech');
      const criteria = speechCriteria(rulesStateOf(service.state().state), {
        id: recordingId,
        author: recording.author,
      });
      return {
        recordingId,
        threads: recordingThreads(board, recordingId),
        summary: evaluationSummary(board, recordingId, criteria),
        criteria: [...criteria],
        isCoach: service.isCoachNow(),
        speaker: recording.author,
        speakerTrend: memberAverages(board, recording.author),
        fillers: fillerSummary(
          recording,
          fillersOf(service)[recordingId] ?? [],
          fillerCountedBy(countedOf(service), recording),
        ),
        speakerFillerTrend: memberFillerRates(
          fillersOf(service),
          board.recordings,
          recording.author,
          countedOf(service),
        ),
      };
    },
    'critique.trends': async ({ groupId }) => {
      const service = groups.get(groupId);
      const board = boardOf(service);
      const fillers = fillersOf(service);
      const recordings = Object.values(board.recordings).sort((a, b) =>
        a.sharedAt < b.sharedAt ? -1 : a.sharedAt > b.sharedAt ? 1 : 0,
      );
      return Object.entries(service.state().state.members)
        .filter(([, m]) => m.status === 'member')
        .map(([member]) => ({
          member,
          averages: memberAverages(board, member),
          fillers: memberFillerRates(fillers, board.recordings, member, countedOf(service)),
          speeches: recordings
            .filter((r) => r.author === member)
            .map((r) => ({
              recordingId: r.id,
              title: r.title,
              sharedAt: r.sharedAt,
              durationMs: r.durationMs,
            })),
        }));
    },
    'critique.inbox': async ({ groupId }) => {
      const me = await keyId();
      const board = boardOf(groups.get(groupId));
      return critiqueInbox(board, me, await marks.read(groupId, me));
    },
    'critique.markRead': async ({ groupId, recordingId }) => {
      const me = await keyId();
      const board = boardOf(groups.get(groupId));
      let newest = '';
      for (const thread of recordingThreads(board, recordingId))
        for (const note of [thread.comment, ...thread.replies]) if (note.hlc > newest) newest = note.hlc;
      if (newest) await marks.mark(groupId, me, recordingId, newest);
      return null;
    },
  };
}
