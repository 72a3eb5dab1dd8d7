// The coach's assignment form as data: its fields, defaults, and the event body they make.
import type { AssignmentCreatedBody, Weekday } from '../../shared/rules/ruleEvents';
import { criteriaField } from './criteriaField';

export interface AssignmentDraft {
  title: string;
  prompt: string;
  minMinutes: number;
  maxMinutes: number;
  repeat: 'weekly' | 'once';
  startsOn: string;
  submitDay: Weekday;
  submitTime: string;
  critiqueDay: Weekday;
  critiqueTime: string;
  submitBy: string;
  critiqueBy: string;
  /** Evaluation criteria of its own; empty means the group's. */
  criteria: string[];
}

/** Prompt ideas the coach can start from; their words live in assignments.ideas.<id>. */
export const promptIdeas = ['introduce', 'story', 'persuade', 'failure', 'book', 'tableTopics'] as const;

export function defaultDraft(today: string): AssignmentDraft {
  return {
    title: '',
    prompt: '',
    minMinutes: 5,
    maxMinutes: 7,
    repeat: 'weekly',
    startsOn: today,
    submitDay: 'sun',
    submitTime: '21:00',
    critiqueDay: 'tue',
    critiqueTime: '21:00',
    submitBy: `${today}T21:00`,
    critiqueBy: `${today}T23:00`,
    criteria: [],
  };
}

/** The event body, or the i18n key of what is wrong with the draft. */
export function draftBody(d: AssignmentDraft): AssignmentCreatedBody | string {
  if (!d.title.trim()) return 'assignments.form.needTitle';
  if (!(d.maxMinutes > d.minMinutes) || d.minMinutes < 0) return 'assignments.form.badTarget';
  const target = { minSeconds: Math.round(d.minMinutes * 60), maxSeconds: Math.round(d.maxMinutes * 60) };
  const field = criteriaField(d.criteria);
  if (typeof field === 'string') return field;
  const criteria = field.criteria ? { criteria: field.criteria } : {};
  if (d.repeat === 'once') {
    if (!d.submitBy || !d.critiqueBy) return 'assignments.form.needDeadlines';
    if (!(d.critiqueBy > d.submitBy)) return 'assignments.form.critiqueAfterSubmit';
    return {
      title: d.title.trim(),
      prompt: d.prompt,
      target,
      schedule: { repeat: 'once', submitBy: d.submitBy, critiqueBy: d.critiqueBy },
      ...criteria,
    };
  }
  if (!d.startsOn || !d.submitTime || !d.critiqueTime) return 'assignments.form.needDeadlines';
  return {
    title: d.title.trim(),
    prompt: d.prompt,
    target,
    schedule: {
      repeat: 'weekly',
      startsOn: d.startsOn,
      submitBy: { weekday: d.submitDay, time: d.submitTime },
      critiqueBy: { weekday: d.critiqueDay, time: d.critiqueTime },
    },
    ...criteria,
  };
}
