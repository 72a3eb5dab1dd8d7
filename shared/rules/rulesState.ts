// The folded, hashed record of assignments, check-ins and rules. It holds only what the log
// says (local wall-clock deadlines, event clocks), never an instant computed from a time zone
// or the present moment, so the state hash does not depend on when or where it is folded.
import type { SpeechTarget } from '../audio/timerLights';
import type { GroupState } from '../group/groupState';
import type { RulesSetBody, Schedule } from './ruleEvents';

export interface AssignmentContent {
  title: string;
  prompt: string;
  target: SpeechTarget;
  /** The evaluation criteria of its own; absent (never undefined-valued, for the hash) means the group's. */
  criteria?: string[];
}

export interface AssignmentRecord extends AssignmentContent {
  /** The creating event's id. */
  id: string;
  author: string;
  createdAt: string;
  schedule: Schedule;
  /** Per-occurrence overrides of title, prompt or target, keyed by occurrence number. */
  edits: Record<string, Partial<AssignmentContent>>;
  /** Per-occurrence moved deadlines (local date-times). */
  moved: Record<string, { submitBy: string; critiqueBy: string }>;
  /** Occurrences cancelled one by one: they do not count at all. */
  cancelled: number[];
  /** hlc of the cancellation that ended the whole assignment. */
  endedAt?: string;
}

export interface CheckIn {
  /** The check-in event's id. */
  id: string;
  hlc: string;
  recording: string;
  reflection?: string;
}

export interface RulesVersion extends RulesSetBody {
  version: number;
  id: string;
  /** In force for occurrences whose submission deadline is at or after this clock's wall time. */
  setAt: string;
}

export interface Pause {
  id: string;
  member: string;
  from: string;
  to: string;
  reason?: string;
  /** hlc of the pause event. */
  at: string;
  /** Set by a coach: may cover deadlines already past. A member's own pause covers only later ones. */
  byCoach: boolean;
}

export interface Pardon {
  id: string;
  member: string;
  assignment: string;
  occurrence: number;
  at: string;
  note?: string;
}

export interface Revival {
  id: string;
  member: string;
  at: string;
  terms: string;
}

/** A coach's ruling on one check-in (`checkin.ruled`). */
export interface CheckInRuling {
  /** The ruling event's id. */
  id: string;
  /** The check-in it rules on (the check-in event's id). */
  checkIn: string;
  late: boolean;
  /** hlc of the ruling. */
  at: string;
}

export interface RulesState {
  assignments: Record<string, AssignmentRecord>;
  /** Occurrence key (`<assignment>#<n>`) → member → check-ins in (hlc, id) order. */
  checkIns: Record<string, Record<string, CheckIn[]>>;
  /** Versions in the order they were set. */
  rules: RulesVersion[];
  pauses: Pause[];
  pardons: Pardon[];
  revivals: Revival[];
  /**
   * Coaches' rulings on check-ins, in fold order. Absent until the first one (never an empty list),
   * so a group without rulings keeps the state hash it had before rulings existed.
   */
  rulings?: CheckInRuling[];
}

export const RULES_SLICE = 'rules';

export function emptyRulesState(): RulesState {
  return { assignments: {}, checkIns: {}, rules: [], pauses: [], pardons: [], revivals: [] };
}

/** The key of one occurrence of an assignment. */
export function occurrenceKey(assignment: string, occurrence: number): string {
  return `${assignment}#${occurrence}`;
}

/** The rules slice of a folded group state (empty when the registry had no rules slice). */
export function rulesStateOf(state: GroupState): RulesState {
  return (state.slices[RULES_SLICE] as RulesState | undefined) ?? emptyRulesState();
}
