// The coach's assignment form as data: its fields, defaults, what is wrong with each field (within the
// API's bounds, values never changed on the coach's behalf), and the event body they make.
import { MAX_TARGET_SECONDS } from '../../../shared/audio/timerLights';
import type { SpeechTarget } from '../../../shared/audio/timerLights';
import { firstOccurrenceAfter } from '../../../shared/rules/firstOccurrenceAfter';
import { ruleLimits, weeklyScheduleSchema } from '../../../shared/rules/ruleEvents';
import type { AssignmentCreatedBody, Schedule, Weekday } from '../../../shared/rules/ruleEvents';
import { localDateSchema, localDateTimeSchema, timeOfDaySchema } from '../../../shared/rules/zonedTime';
import { noProblems, numberOf, numberProblem, textProblem } from '../../shell/fieldChecks';
import type { FieldProblem, FieldProblems, NumberValue } from '../../shell/fieldChecks';
import { criteriaField } from './criteriaField';

export interface AssignmentDraft {
  title: string;
  prompt: string;
  /** As typed (a string while the field holds no number). */
  minMinutes: NumberValue;
  maxMinutes: NumberValue;
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

export type AssignmentField =
  | 'title'
  | 'prompt'
  | 'minMinutes'
  | 'maxMinutes'
  | 'startsOn'
  | 'submitTime'
  | 'critiqueTime'
  | 'submitBy'
  | 'critiqueBy'
  | 'criteria';

/** An assignment's title as it will be sent (trimmed): needed, and no longer than the API takes. */
export const titleProblem = (title: string) =>
  textProblem(title.trim(), { max: ruleLimits.title, required: true });

export const promptProblem = (prompt: string) => textProblem(prompt, { max: ruleLimits.prompt });

const MAX_TARGET_MINUTES = MAX_TARGET_SECONDS / 60;
/** Minutes that are a whole number of seconds (1.5 is, 1.33 is not): nothing is rounded unseen. */
const wholeSeconds = (minutes: number) => Number.isInteger(Math.round(minutes * 60 * 1e6) / 1e6);

/** The target length in minutes, checked field by field; the target in seconds when both are fine. */
export function checkTarget(
  min: NumberValue,
  max: NumberValue,
): { problems: FieldProblems<'minMinutes' | 'maxMinutes'>; target?: SpeechTarget } {
  const inMinutes = (value: NumberValue, lowest: number): FieldProblem | undefined => {
    const problem = numberProblem(value, { min: lowest, max: MAX_TARGET_MINUTES });
    if (problem) return problem;
    return wholeSeconds(numberOf(value)!) ? undefined : { key: 'assignments.form.wholeSeconds' };
  };
  const problems = { minMinutes: inMinutes(min, 0), maxMinutes: inMinutes(max, 0) };
  if (!noProblems(problems)) return { problems };
  const target = { minSeconds: Math.round(numberOf(min)! * 60), maxSeconds: Math.round(numberOf(max)! * 60) };
  if (target.maxSeconds <= target.minSeconds)
    return { problems: { maxMinutes: { key: 'assignments.form.badTarget' } } };
  return { problems, target };
}

const needed = (ok: boolean, key: string): FieldProblem | undefined =>
  ok ? undefined : { key, missing: true };

/**
 * What is wrong with each field of the draft, and the event body when nothing is. `today` is the
 * group's date: a series cannot start before it (its weeks would be counted from a past long gone).
 */
export function checkDraft(
  d: AssignmentDraft,
  today: string,
): { problems: FieldProblems<AssignmentField>; body?: AssignmentCreatedBody } {
  const target = checkTarget(d.minMinutes, d.maxMinutes);
  const field = criteriaField(d.criteria);
  const problems: FieldProblems<AssignmentField> = {
    title: titleProblem(d.title),
    prompt: promptProblem(d.prompt),
    ...target.problems,
    criteria: typeof field === 'string' ? { key: field } : undefined,
  };
  if (d.repeat === 'once') Object.assign(problems, checkDeadlines(d.submitBy, d.critiqueBy));
  else {
    problems.startsOn =
      needed(localDateSchema.safeParse(d.startsOn).success, 'forms.needDate') ??
      (d.startsOn >= today ? undefined : { key: 'assignments.form.startsBeforeToday', values: { today } });
    problems.submitTime = needed(timeOfDaySchema.safeParse(d.submitTime).success, 'forms.needTime');
    problems.critiqueTime = needed(timeOfDaySchema.safeParse(d.critiqueTime).success, 'forms.needTime');
  }
  if (!noProblems(problems) || !target.target || typeof field === 'string') return { problems };
  return { problems, body: bodyOf(d, target.target, field.criteria) };
}

/** A one-off's (or a postponed week's) two deadlines: both given, critiques due after submissions. */
export function checkDeadlines(
  submitBy: string,
  critiqueBy: string,
): FieldProblems<'submitBy' | 'critiqueBy'> {
  const submitProblem = needed(localDateTimeSchema.safeParse(submitBy).success, 'forms.needDateTime');
  return {
    submitBy: submitProblem,
    critiqueBy:
      needed(localDateTimeSchema.safeParse(critiqueBy).success, 'forms.needDateTime') ??
      (submitProblem || critiqueBy > submitBy ? undefined : { key: 'assignments.form.critiqueAfterSubmit' }),
  };
}

/** The event body of a draft whose fields checkDraft found fine. */
function bodyOf(d: AssignmentDraft, target: SpeechTarget, criteria: string[] | null): AssignmentCreatedBody {
  return {
    title: d.title.trim(),
    prompt: d.prompt,
    target,
    schedule:
      d.repeat === 'once'
        ? { repeat: 'once', submitBy: d.submitBy, critiqueBy: d.critiqueBy }
        : {
            repeat: 'weekly',
            startsOn: d.startsOn,
            submitBy: { weekday: d.submitDay, time: d.submitTime },
            critiqueBy: { weekday: d.critiqueDay, time: d.critiqueTime },
          },
    ...(criteria ? { criteria } : {}),
  };
}

/**
 * Whether every deadline the draft sets has passed at `now` (epoch ms, the host's clock) in the group's
 * `timeZone`: the field to mark and the i18n key to show beside it, else undefined. The create handler
 * refuses the same (an assignment with no deadline ahead would never count nor show as current).
 */
export function passedDeadline(
  d: AssignmentDraft,
  timeZone: string,
  now: number,
): { field: 'submitBy' | 'startsOn'; key: string } | undefined {
  // A field still empty or half typed is checkDraft's to report; a one-off's critique deadline does not matter here.
  let schedule: Schedule | undefined;
  if (d.repeat === 'once') {
    if (localDateTimeSchema.safeParse(d.submitBy).success)
      schedule = { repeat: 'once', submitBy: d.submitBy, critiqueBy: d.submitBy };
  } else {
    const weekly = weeklyScheduleSchema.safeParse({
      repeat: 'weekly',
      startsOn: d.startsOn,
      submitBy: { weekday: d.submitDay, time: d.submitTime },
      critiqueBy: { weekday: d.critiqueDay, time: d.critiqueTime },
    });
    if (weekly.success) schedule = weekly.data;
  }
  if (!schedule || firstOccurrenceAfter(schedule, timeZone, now)) return undefined;
  return d.repeat === 'once'
    ? { field: 'submitBy', key: 'assignments.form.deadlinePassed' }
    : { field: 'startsOn', key: 'assignments.form.seriesPassed' };
}
