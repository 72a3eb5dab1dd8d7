// Where each assignment shows on the Assignments tab: a card while one of its occurrences is still open
// (the first open one), else a row of the past list (over, cancelled, or set after its own deadline), so
// every assignment the group has shows exactly once, the current ones first.
import type { AssignmentView, OccurrenceView } from '../../../shared/api/rulesOverview';
import type { CoachAction } from '../ruleSet/CoachMenu';

/**
 * How a past assignment ended: its deadlines passed, the coach cancelled it, or it never opened (every
 * deadline had passed when it was set; it never counts).
 */
export type PastStatus = 'over' | 'cancelled' | 'neverOpen';

export interface PastAssignment {
  assignment: AssignmentView;
  /** Its last occurrence (absent when every one was cancelled). */
  occurrence?: OccurrenceView;
  status: PastStatus;
}

export function assignmentsOnScreen(assignments: readonly AssignmentView[]): {
  cards: OccurrenceView[];
  past: PastAssignment[];
} {
  const cards: OccurrenceView[] = [];
  const past: PastAssignment[] = [];
  for (const a of assignments) {
    const open = a.occurrences.find((o) => o.phase !== 'closed');
    if (open) {
      cards.push(open);
      continue;
    }
    const occurrence = a.occurrences.at(-1) ?? a.dueBeforeSet;
    const status: PastStatus =
      a.ended || !occurrence ? 'cancelled' : a.occurrences.length === 0 ? 'neverOpen' : 'over';
    past.push({ assignment: a, ...(occurrence ? { occurrence } : {}), status });
  }
  const due = (p: PastAssignment) => p.occurrence?.submitDeadline ?? '';
  cards.sort((x, y) => (x.submitDeadline < y.submitDeadline ? -1 : 1));
  past.sort((x, y) => (due(x) > due(y) ? -1 : due(x) < due(y) ? 1 : 0));
  return { cards, past };
}

/**
 * The coach's actions on a past assignment, as far as the rules still give them meaning: one that is
 * over can be edited, reopened by postponing, or have its last week not count; one that never opened
 * can be edited, opened by postponing, or ended; a cancelled one stays cancelled, but its words can be
 * corrected and a week that still counts can be struck.
 */
export function pastActions(p: PastAssignment): CoachAction[] {
  if (!p.occurrence) return [];
  if (p.status === 'over') return ['edit', 'postpone', 'cancelOne'];
  if (p.status === 'neverOpen') return ['edit', 'postpone', 'end'];
  return ['edit', 'cancelOne'];
}
