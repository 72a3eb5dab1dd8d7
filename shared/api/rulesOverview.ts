// What the Assignments, Standings and Home screens read about a group's rules in one call: the
// assignments and their occurrences (deadlines as instants and as the group's local wall time),
// this member's check-ins and critique duty, the standings, the coach's week and review queue.
import type { SpeechTarget } from '../audio/timerLights';
import type { RulesAt } from '../rules/rulesInForce';
import type { Outcome, Standings, StandingStatus } from '../rules/standings';
import type { AssignmentCreatedBody } from '../rules/ruleEvents';

/** Where an occurrence stands at `asOf`: submissions open, only late ones possible, or closed. */
export type OccurrencePhase = 'upcoming' | 'late' | 'closed';

export interface MyCheckIn {
  id: string;
  recording: string;
  recordingTitle: string;
  /** ISO instant of the check-in (its clock's wall time). */
  at: string;
  submission: 'on-time' | 'late' | 'none';
}

export interface OccurrenceView {
  key: string;
  assignment: string;
  occurrence: number;
  title: string;
  prompt: string;
  target: SpeechTarget;
  /** The evaluation criteria of its own (the occurrence's, else its assignment's); absent: the group's. */
  criteria?: string[];
  /** Local date-times in the group's time zone, as the coach wrote them. */
  submitBy: string;
  critiqueBy: string;
  /** The same deadlines as ISO instants. */
  submitDeadline: string;
  critiqueDeadline: string;
  phase: OccurrencePhase;
  /** The check-in that counts for this member so far (none when they have not checked in). */
  mine?: MyCheckIn;
}

export interface AssignmentView {
  id: string;
  title: string;
  prompt: string;
  target: SpeechTarget;
  schedule: AssignmentCreatedBody['schedule'];
  /** The whole assignment was cancelled. */
  ended: boolean;
  /** Past occurrences and the next few (at least the next one, however far), oldest first. */
  occurrences: OccurrenceView[];
  /**
   * When no occurrence counts because each fell due before the assignment was set (its deadline had
   * passed when it was created, or the coach's clock ran ahead): the last of them, closed, so the screens
   * can still show the assignment and the coach can move or cancel it. It never counts.
   */
  dueBeforeSet?: OccurrenceView;
}

export interface OwedCritique {
  member: string;
  name: string;
  recording?: string;
  given: boolean;
}

/** "You owe critiques to A and B by Tuesday 21:00." */
export interface CritiqueDuty {
  key: string;
  title: string;
  critiqueBy: string;
  critiqueDeadline: string;
  owed: OwedCritique[];
}

/**
 * A check-in on time by its writer's clock that no other member's computer saw until more than the
 * group's offline grace after the deadline (or has not seen yet): "on time, unwitnessed".
 */
export interface UnwitnessedView {
  /** The check-in's event id (what a `checkin.ruled` names). */
  checkIn: string;
  /** ISO instant of the check-in, by its writer's clock. */
  checkedInAt: string;
  /** ISO instant another member's computer first saw it; absent: nobody has yet. */
  witnessedAt?: string;
  /** A coach counted it late; it can be undone. */
  ruledLate: boolean;
}

export interface WeekRow {
  member: string;
  name: string;
  status: StandingStatus;
  outcome: Outcome | 'submitted';
  checkedInAt?: string;
  recording?: string;
  /** The reflection written with the check-in that counts (shared with the speech). */
  reflection?: string;
  critiquesOwed: number;
  critiquesOwedGiven: number;
  critiquesGiven: number;
  points: number;
  atRisk: boolean;
  /** Present when the coach should look at this member's check-in (see UnwitnessedView). */
  unwitnessed?: UnwitnessedView;
}

/** The coach's week at a glance: one occurrence, one row per scored member. */
export interface WeekView {
  key: string;
  title: string;
  submitBy: string;
  critiqueBy: string;
  phase: OccurrencePhase;
  /** The offline grace (hours) of the rules in force at this occurrence's submission deadline. */
  offlineGraceHours: number;
  rows: WeekRow[];
}

export interface ReviewItem {
  key: string;
  title: string;
  member: string;
  name: string;
  recording: string;
  recordingTitle: string;
  received: number;
  needed: number;
  critiqueDeadline: string;
}

export interface RulesOverview {
  asOf: number;
  timeZone: string;
  me: string;
  isCoach: boolean;
  rules: RulesAt;
  /** The coach's cap on a shared file, in bytes (share.limit); null: none. */
  shareLimit: number | null;
  assignments: AssignmentView[];
  /** The occurrence members work on now: the first whose critique deadline has not passed. */
  current?: OccurrenceView;
  duties: CritiqueDuty[];
  standings: Standings;
  week?: WeekView;
  reviewQueue: ReviewItem[];
}
