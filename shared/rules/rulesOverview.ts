// Builds the rules overview from a folded state: a pure function of (state, member, asOf, witnesses),
// so the handler stays thin and the tests can ask about any moment. Standings come from the shared
// engine; this only arranges them for the screens (the member's card and duty, the coach's week and
// queue).
import type {
  AssignmentView,
  CritiqueDuty,
  OccurrenceView,
  ReviewItem,
  RulesOverview,
  WeekRow,
  WeekView,
} from '../api/rulesOverview';
import { critiquesGiven } from '../critique/critiquesGiven';
import type { GroupState } from '../group/groupState';
import { profilesOf } from '../group/profiles';
import { recordingsOf } from '../group/recordings';
import { shareLimitOf } from '../group/shareLimit';
import { rulingsAt } from './rulingsAt';
import { judgeCheckIn } from './judgeCheckIn';
import { listOccurrences } from './listOccurrences';
import type { Occurrence } from './listOccurrences';
import { offlineGraceHours, rulesInForce } from './rulesInForce';
import { rulesStateOf } from './rulesState';
import { computeStandings } from './standings';
import type { PeriodResult } from './standings';
import { unwitnessedCheckIns } from './unwitnessedCheckIns';
import type { WitnessedAt } from './unwitnessedCheckIns';
import { FALLBACK_TIME_ZONE, hlcMillis, isKnownTimeZone } from './zonedTime';

const DAY = 86_400_000;
/** Upcoming occurrences shown per assignment. */
const UPCOMING = 4;
/** Submissions stay in the review queue this long after their critique deadline. */
const QUEUE_GRACE = 7 * DAY;

const iso = (millis: number) => new Date(millis).toISOString();

/**
 * `witnessedAt`: when another member first saw an event (firstWitnessed of the group's snapshot), or
 * null when that cannot be known (a format-1 group): then no check-in is flagged "unwitnessed".
 */
export function buildRulesOverview(
  state: GroupState,
  me: string,
  asOf: number,
  week: string | undefined,
  witnessedAt: WitnessedAt | null,
): RulesOverview {
  const timeZone =
    state.group && isKnownTimeZone(state.group.timeZone) ? state.group.timeZone : FALLBACK_TIME_ZONE;
  const rules = rulesStateOf(state);
  const recordings = recordingsOf(state);
  const profiles = profilesOf(state);
  const nameOf = (key: string) =>
    profiles[key]?.displayName ?? state.members[key]?.displayName ?? key.slice(0, 8);
  const critiques = critiquesGiven(state);
  const rulings = rulingsAt(rules, asOf);
  const countedLate = (c: { id: string }) => rulings.countsLate(c.id);
  const standings = computeStandings(state, critiques, asOf);
  const entries = new Map<string, Map<string, PeriodResult>>();
  for (const s of standings.members)
    for (const h of s.history) {
      const byMember = entries.get(h.key) ?? new Map<string, PeriodResult>();
      entries.set(h.key, byMember.set(s.member, h));
    }
  const critiquedAt = (author: string, recording: string | undefined) =>
    critiques.find((c) => c.author === author && c.recordingId === recording)?.hlc;

  const phaseOf = (o: Occurrence) =>
    asOf <= o.submitDeadline ? 'upcoming' : asOf <= o.critiqueDeadline ? 'late' : 'closed';
  const view = (o: Occurrence): OccurrenceView => {
    const own = rules.checkIns[o.key]?.[me] ?? [];
    const judged = judgeCheckIn(own, o, {
      asOf,
      valid: (c) => recordings[c.recording]?.author === me,
      countedLate,
    });
    const { key, assignment, occurrence, title, prompt, target, submitBy, critiqueBy } = o;
    return {
      ...{ key, assignment, occurrence, title, prompt, target, submitBy, critiqueBy },
      ...(o.criteria ? { criteria: o.criteria } : {}),
      submitDeadline: iso(o.submitDeadline),
      critiqueDeadline: iso(o.critiqueDeadline),
      phase: phaseOf(o),
      ...(judged.checkIn
        ? {
            mine: {
              id: judged.checkIn.id,
              recording: judged.checkIn.recording,
              recordingTitle: recordings[judged.checkIn.recording]?.title ?? '',
              at: iso(hlcMillis(judged.checkIn.hlc)),
              submission: judged.submission,
            },
          }
        : {}),
    };
  };

  const occurrences = listOccurrences(rules, timeZone, { through: asOf + 60 * DAY });
  const assignments: AssignmentView[] = Object.values(rules.assignments)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
    .map((a) => {
      const mine = occurrences.filter((o) => o.assignment === a.id);
      // Every assignment shows somewhere: one due beyond the window by its next occurrence, one whose
      // every deadline came before it was set by the last of those.
      const alone = { ...rules, assignments: { [a.id]: a } };
      const past = mine.filter((o) => o.submitDeadline <= asOf);
      let next = mine.filter((o) => o.submitDeadline > asOf).slice(0, UPCOMING);
      if (next.length === 0 && a.endedAt === undefined)
        next = listOccurrences(alone, timeZone)
          .filter((o) => o.submitDeadline > asOf)
          .slice(0, 1);
      const dueBeforeSet =
        past.length + next.length === 0
          ? listOccurrences(alone, timeZone, { dueBeforeSet: true }).at(-1)
          : undefined;
      const { id, title, prompt, target, schedule } = a;
      return {
        ...{ id, title, prompt, target, schedule },
        ended: a.endedAt !== undefined,
        occurrences: [...past, ...next].map(view),
        ...(dueBeforeSet ? { dueBeforeSet: { ...view(dueBeforeSet), phase: 'closed' as const } } : {}),
      };
    });
  const currentOccurrence = occurrences.find((o) => o.critiqueDeadline > asOf);

  const duties: CritiqueDuty[] = [];
  const myStanding = standings.members.find((s) => s.member === me);
  for (const h of myStanding?.history ?? []) {
    const o = occurrences.find((each) => each.key === h.key);
    if (!o || h.critiquesOwed.length === 0 || asOf > o.critiqueDeadline) continue;
    duties.push({
      key: h.key,
      title: h.title,
      critiqueBy: h.critiqueBy,
      critiqueDeadline: iso(o.critiqueDeadline),
      owed: h.critiquesOwed.map((member) => {
        const recording = entries.get(h.key)?.get(member)?.recording;
        const at = critiquedAt(me, recording);
        return {
          member,
          name: nameOf(member),
          ...(recording ? { recording } : {}),
          given: at !== undefined && hlcMillis(at) <= o.critiqueDeadline,
        };
      }),
    });
  }

  const weekOccurrence =
    occurrences.find((o) => o.key === week) ??
    occurrences.filter((o) => o.submitDeadline <= asOf).at(-1) ??
    currentOccurrence;
  const weekView = weekOccurrence ? buildWeek(weekOccurrence) : undefined;

  function buildWeek(o: Occurrence): WeekView {
    const unwitnessed = unwitnessedCheckIns(state, o, asOf, witnessedAt);
    const rows = standings.members.map((s): WeekRow => {
      const h = entries.get(o.key)?.get(s.member);
      const submittedSoFar =
        !h &&
        judgeCheckIn(rules.checkIns[o.key]?.[s.member] ?? [], o, {
          asOf,
          valid: (c) => recordings[c.recording]?.author === s.member,
          countedLate,
        }).checkIn;
      const outcome = h?.outcome ?? (submittedSoFar ? 'submitted' : 'open');
      const recording = h?.recording ?? (submittedSoFar ? submittedSoFar.recording : undefined);
      // The check-in that counts, scored or (before the week is scored) submitted so far.
      const countedId = h?.checkIn ?? (submittedSoFar ? submittedSoFar.id : undefined);
      const counted = rules.checkIns[o.key]?.[s.member]?.find((c) => c.id === countedId);
      const checkInHlc = counted?.hlc;
      const reflection = counted?.reflection;
      const flagged = outcome === 'out' ? undefined : unwitnessed.get(s.member);
      return {
        member: s.member,
        name: s.name,
        status: s.status,
        outcome,
        ...(checkInHlc ? { checkedInAt: iso(hlcMillis(checkInHlc)) } : {}),
        ...(recording ? { recording } : {}),
        ...(reflection ? { reflection } : {}),
        critiquesOwed: h?.critiquesOwed.length ?? 0,
        critiquesOwedGiven: h?.critiquesOwedGiven ?? 0,
        critiquesGiven: h?.critiquesGiven ?? 0,
        points: h?.points ?? 0,
        atRisk:
          s.status === 'warned' ||
          s.status === 'out' ||
          outcome === 'missed' ||
          (outcome === 'open' && asOf > o.submitDeadline),
        ...(flagged
          ? {
              unwitnessed: {
                checkIn: flagged.checkIn,
                checkedInAt: iso(hlcMillis(flagged.hlc)),
                ...(flagged.witnessedAt ? { witnessedAt: iso(hlcMillis(flagged.witnessedAt)) } : {}),
                ruledLate: flagged.ruledLate,
              },
            }
          : {}),
      };
    });
    const { key, title, submitBy, critiqueBy } = o;
    const offlineGrace = offlineGraceHours(rulesInForce(rules.rules, o.submitDeadline));
    return { key, title, submitBy, critiqueBy, phase: phaseOf(o), offlineGraceHours: offlineGrace, rows };
  }

  const reviewQueue: ReviewItem[] = [];
  for (const o of occurrences) {
    if (o.submitDeadline > asOf || o.critiqueDeadline < asOf - QUEUE_GRACE) continue;
    const submitted = [...(entries.get(o.key) ?? [])].filter(
      ([, h]) => h.recording && (h.outcome === 'on-time' || h.outcome === 'late'),
    );
    // The rules' duty count, not what the other submitters can give: a lone submission with no critique
    // is short of them (the coach can give them), never "enough".
    const needed = rulesInForce(rules.rules, o.submitDeadline).critiquesPerAssignment;
    for (const [member, h] of submitted) {
      const received = critiques.filter((c) => c.recordingId === h.recording).length;
      if (received >= needed) continue;
      reviewQueue.push({
        key: o.key,
        title: o.title,
        member,
        name: nameOf(member),
        recording: h.recording!,
        recordingTitle: recordings[h.recording!]?.title ?? '',
        received,
        needed,
        critiqueDeadline: iso(o.critiqueDeadline),
      });
    }
  }

  return {
    asOf,
    timeZone,
    me,
    isCoach: state.members[me]?.role === 'coach' && state.members[me]?.status === 'member',
    rules: rulesInForce(rules.rules, asOf),
    shareLimit: shareLimitOf(state),
    assignments,
    ...(currentOccurrence ? { current: view(currentOccurrence) } : {}),
    duties,
    standings,
    ...(weekView ? { week: weekView } : {}),
    reviewQueue,
  };
}
