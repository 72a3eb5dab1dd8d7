// Each member's Standing: points, streak, misses and status, with one entry per occurrence.
// A pure, deterministic function of (folded state, critique facts, asOf): the folded state is
// hashed and time-independent; standings are recomputed from it for any moment. See docs/rules.md.
import type { CritiqueGiven } from '../critique/critiqueFacts';
import type { GroupState } from '../group/groupState';
import { profilesOf } from '../group/profiles';
import { recordingsOf } from '../group/recordings';
import { assignReviewers } from './assignReviewers';
import { rulingsAt } from './rulingsAt';
import { judgeCheckIn } from './judgeCheckIn';
import type { Judged } from './judgeCheckIn';
import { listOccurrences } from './listOccurrences';
import type { Occurrence } from './listOccurrences';
import { rulesInForce } from './rulesInForce';
import { rulesStateOf } from './rulesState';
import type { Revival } from './rulesState';
import { FALLBACK_TIME_ZONE, hlcMillis, isKnownTimeZone, wallTimeAt } from './zonedTime';

/** `revived`: back after being out, their first occurrence since not yet decided (see docs/rules.md). */
export type StandingStatus = 'active' | 'warned' | 'paused' | 'out' | 'revived';
/** `open`: no submission yet, but late is still possible. `excused`: paused. `out`: not scored. */
export type Outcome = 'on-time' | 'late' | 'missed' | 'open' | 'excused' | 'pardoned' | 'out';

export interface PeriodResult {
  key: string;
  assignment: string;
  occurrence: number;
  title: string;
  submitBy: string;
  critiqueBy: string;
  outcome: Outcome;
  /** Points this occurrence added (may be negative). */
  points: number;
  rulesVersion: number;
  checkIn?: string;
  recording?: string;
  /** Members whose submissions this member was assigned to critique. */
  critiquesOwed: string[];
  /** How many of those got this member's critique by the critique deadline. */
  critiquesOwedGiven: number;
  /** Critiques given on this occurrence's submissions by the critique deadline. */
  critiquesGiven: number;
}

export interface Standing {
  member: string;
  name: string;
  points: number;
  /** Occurrences in a row with a submission (on time or late); excused ones neither add nor break. */
  streak: number;
  missesInARow: number;
  missesTotal: number;
  status: StandingStatus;
  /** Key of the occurrence whose miss put the member out, while out. */
  outSince?: string;
  /** The coach's revival that brought the member back last (absent while out, or never revived). */
  revival?: StandingRevival;
  /** Misses more that would put the member out under the rules in force now; absent while out or with no limit. */
  missesToOut?: number;
  counts: { onTime: number; late: number; missed: number; excused: number; pardoned: number };
  history: PeriodResult[];
}

export interface StandingRevival {
  /** The `member.revived` event's id. */
  id: string;
  /** ISO instant of the revival (its clock's wall time). */
  at: string;
  /** The terms the coach wrote, visible to the whole group. */
  terms: string;
}

export interface Standings {
  asOf: number;
  timeZone: string;
  rulesVersion: number;
  /** Sorted by points (high first), then name, then key id. */
  members: Standing[];
}

interface Running {
  standing: Standing;
  approvedAt: number;
  out: { since: string; at: number } | null;
  /** Misses that count towards "out in total": reset by a revival. */
  missesSinceRevival: number;
  revivals: Revival[];
  /** The revival that brought the member back last, and whether an occurrence has been decided since. */
  back: { revival: StandingRevival; decided: boolean } | null;
}

/**
 * Standings at `asOf` (epoch ms): occurrences whose submission deadline has passed, check-ins,
 * critiques, pauses, pardons, revivals and rulings up to `asOf`; rules as in force at each deadline.
 */
export function computeStandings(
  state: GroupState,
  critiques: readonly CritiqueGiven[],
  asOf: number,
): Standings {
  const tz = state.group && isKnownTimeZone(state.group.timeZone) ? state.group.timeZone : FALLBACK_TIME_ZONE;
  const rules = rulesStateOf(state);
  const recordings = recordingsOf(state);
  const profiles = profilesOf(state);
  const checkedIn = new Set(Object.values(rules.checkIns).flatMap((byMember) => Object.keys(byMember)));
  const running = new Map<string, Running>();
  for (const m of Object.values(state.members).sort((a, b) => (a.keyId < b.keyId ? -1 : 1))) {
    // Coaches run the group; they are scored only once they take part.
    if (m.status !== 'member' || (m.role === 'coach' && !checkedIn.has(m.keyId))) continue;
    running.set(m.keyId, {
      standing: {
        member: m.keyId,
        name: profiles[m.keyId]?.displayName ?? m.displayName,
        points: 0,
        streak: 0,
        missesInARow: 0,
        missesTotal: 0,
        status: 'active',
        counts: { onTime: 0, late: 0, missed: 0, excused: 0, pardoned: 0 },
        history: [],
      },
      approvedAt: m.approvedAt ? hlcMillis(m.approvedAt) : Infinity,
      out: null,
      missesSinceRevival: 0,
      revivals: rules.revivals.filter((r) => r.member === m.keyId && hlcMillis(r.at) <= asOf),
      back: null,
    });
  }
  const rulings = rulingsAt(rules, asOf);
  const critiqued = critiqueIndex(critiques);
  const pausedFor = (member: string, localDay: string, deadline: number) =>
    rules.pauses.some(
      (p) =>
        p.member === member &&
        p.from <= localDay &&
        localDay <= p.to &&
        hlcMillis(p.at) <= asOf &&
        (p.byCoach || hlcMillis(p.at) < deadline),
    );

  for (const o of listOccurrences(rules, tz, { through: asOf })) {
    const r = rulesInForce(rules.rules, o.submitDeadline);
    const judged = new Map<string, Judged>();
    for (const [id, run] of running) {
      if (run.approvedAt >= o.submitDeadline) continue; // not a member yet at this deadline
      revive(run, o.submitDeadline);
      if (run.out) continue;
      const own = rules.checkIns[o.key]?.[id] ?? [];
      judged.set(
        id,
        judgeCheckIn(own, o, {
          asOf,
          valid: (c) => recordings[c.recording]?.author === id,
          countedLate: (c) => rulings.countsLate(c.id),
        }),
      );
    }
    const onTime = [...judged].filter(([, j]) => j.submission === 'on-time').map(([id]) => id);
    const circle = assignReviewers(o.key, onTime, r.critiquesPerAssignment);
    const until = Math.min(o.critiqueDeadline, asOf);
    const closed = asOf > o.critiqueDeadline;
    for (const [id, run] of running) {
      if (run.approvedAt >= o.submitDeadline) continue;
      const s = run.standing;
      const entry = baseEntry(o, r.version);
      s.history.push(entry);
      const j = judged.get(id);
      if (!j) {
        entry.outcome = 'out';
        continue;
      }
      const gave = (other: string) => {
        const rec = judged.get(other)?.checkIn?.recording;
        return !!rec && (critiqued.get(`${id}\n${rec}`) ?? Infinity) <= until;
      };
      entry.critiquesOwed = circle[id] ?? [];
      entry.critiquesOwedGiven = entry.critiquesOwed.filter(gave).length;
      entry.critiquesGiven = [...judged.keys()].filter((other) => other !== id && gave(other)).length;
      entry.points = entry.critiquesGiven * r.points.critique;
      if (closed)
        entry.points -=
          (entry.critiquesOwed.length - entry.critiquesOwedGiven) * r.points.critiqueMissPenalty;
      if (j.checkIn) {
        entry.checkIn = j.checkIn.id;
        entry.recording = j.checkIn.recording;
      }
      if (j.submission !== 'none') {
        entry.outcome = j.submission;
        entry.points += j.submission === 'on-time' ? r.points.onTime : r.points.late;
        s.counts[j.submission === 'on-time' ? 'onTime' : 'late']++;
        s.streak++;
        s.missesInARow = 0;
      } else if (!closed) entry.outcome = 'open';
      else if (pausedFor(id, o.submitBy.slice(0, 10), o.submitDeadline)) {
        entry.outcome = 'excused';
        s.counts.excused++;
      } else if (
        rules.pardons.some(
          (p) =>
            p.member === id &&
            p.assignment === o.assignment &&
            p.occurrence === o.occurrence &&
            hlcMillis(p.at) <= asOf,
        )
      ) {
        entry.outcome = 'pardoned';
        s.counts.pardoned++;
      } else {
        entry.outcome = 'missed';
        entry.points -= r.points.missPenalty;
        s.counts.missed++;
        s.streak = 0;
        s.missesInARow++;
        s.missesTotal++;
        run.missesSinceRevival++;
        const { missesInARow, missesTotal } = r.out;
        if (
          (missesInARow !== undefined && s.missesInARow >= missesInARow) ||
          (missesTotal !== undefined && run.missesSinceRevival >= missesTotal)
        ) {
          run.out = { since: o.key, at: o.critiqueDeadline };
          run.back = null;
        }
      }
      if (run.back && entry.outcome !== 'open') run.back.decided = true;
      s.points += entry.points;
    }
  }

  const now = rulesInForce(rules.rules, asOf);
  const today = wallTimeAt(asOf, tz).slice(0, 10);
  const members: Standing[] = [];
  for (const [id, run] of running) {
    revive(run, asOf);
    const s = run.standing;
    const { missesInARow, missesTotal } = now.out;
    if (run.out) {
      s.status = 'out';
      s.outSince = run.out.since;
      members.push(s);
      continue;
    }
    if (run.back) s.revival = run.back.revival;
    // Under rules made stricter since the last miss, the next miss is the one that puts them out.
    const left = [
      missesInARow === undefined ? Infinity : missesInARow - s.missesInARow,
      missesTotal === undefined ? Infinity : missesTotal - run.missesSinceRevival,
    ];
    if (Math.min(...left) < Infinity) s.missesToOut = Math.max(1, Math.min(...left));
    if (pausedFor(id, today, asOf + 1)) s.status = 'paused';
    else if (
      (missesInARow !== undefined && s.missesInARow > 0 && s.missesInARow >= missesInARow - 1) ||
      (missesTotal !== undefined && run.missesSinceRevival > 0 && run.missesSinceRevival >= missesTotal - 1)
    )
      s.status = 'warned';
    else if (run.back && !run.back.decided) s.status = 'revived';
    members.push(s);
  }
  members.sort(
    (a, b) =>
      b.points - a.points ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
      (a.member < b.member ? -1 : 1),
  );
  return { asOf, timeZone: tz, rulesVersion: now.version, members };
}

/** Applies the member's revivals dated at or before `until`: an out member comes back with a clean slate of misses. */
function revive(run: Running, until: number): void {
  while (run.revivals.length > 0 && hlcMillis(run.revivals[0]!.at) <= until) {
    const revival = run.revivals.shift()!;
    const at = hlcMillis(revival.at);
    if (run.out && run.out.at <= at) {
      run.out = null;
      run.missesSinceRevival = 0;
      run.standing.missesInARow = 0;
      run.back = {
        revival: { id: revival.id, at: new Date(at).toISOString(), terms: revival.terms },
        decided: false,
      };
    }
  }
}

/** `author\nrecording` → the earliest time that author critiqued that recording. */
function critiqueIndex(critiques: readonly CritiqueGiven[]): Map<string, number> {
  const index = new Map<string, number>();
  for (const c of critiques) {
    const key = `${c.author}\n${c.recordingId}`;
    const at = hlcMillis(c.hlc);
    if (at < (index.get(key) ?? Infinity)) index.set(key, at);
  }
  return index;
}

function baseEntry(o: Occurrence, rulesVersion: number): PeriodResult {
  return {
    key: o.key,
    assignment: o.assignment,
    occurrence: o.occurrence,
    title: o.title,
    submitBy: o.submitBy,
    critiqueBy: o.critiqueBy,
    outcome: 'open',
    points: 0,
    rulesVersion,
    critiquesOwed: [],
    critiquesOwedGiven: 0,
    critiquesGiven: 0,
  };
}
