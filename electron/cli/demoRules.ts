// The rules part of `demo`: a weekly series ("every <day> 21:00, critiques two days later"),
// the group's rules and a change of them, check-ins (mostly on time, some late, some missing),
// critiques of the week before, and the coach's pause, pardon and revival stories.
import type { GroupEvent } from '../../shared/group/groupEvent';
import type { MemberDevice } from '../../shared/group/memberDevice';
import { CRITIQUE_COMMENT } from '../../shared/critique/critiqueEvents';
import { expandSchedule } from '../../shared/rules/expandSchedule';
import {
  ASSIGNMENT_CREATED,
  CHECK_IN_SUBMITTED,
  MEMBER_REVIVED,
  MISS_PARDONED,
  PAUSE_SET,
  RULES_SET,
  weekdays,
} from '../../shared/rules/ruleEvents';
import type { AssignmentCreatedBody, RulesSetBody } from '../../shared/rules/ruleEvents';
import { wallTimeAt, zonedInstant } from '../../shared/rules/zonedTime';

const DAY = 86_400_000;
const WEEK = 7 * DAY;
const PROMPTS = [
  '一分钟自我介绍',
  '讲一个让你改变想法的故事',
  'Persuade us in three minutes',
  '我最喜欢的一本书',
];

export const DEMO_RULES: RulesSetBody = {
  points: { onTime: 10, late: 5, critique: 2, missPenalty: 5, critiqueMissPenalty: 1 },
  out: { missesInARow: 3, missesTotal: 12 },
  critiquesPerAssignment: 2,
};

export interface DemoWeek {
  /** Epoch ms of the week's submission and critique deadlines. */
  submit: number;
  critique: number;
  localDate: string;
}

/** The coach's opening events (rules, the series) and the deadlines of each week 1..weeks. */
export function demoSeries(
  coach: MemberDevice,
  start: number,
  weeks: number,
  timeZone: string,
): { events: GroupEvent[]; assignment: string; deadlines: DemoWeek[] } {
  const local = (ms: number) => wallTimeAt(ms, timeZone);
  // Week w's speeches fall in the 5 days after start + w weeks; submissions are due the 6th day at 21:00.
  const due = local(start + WEEK + 6 * DAY).slice(0, 10);
  const weekday = weekdays[(new Date(`${due}T00:00:00Z`).getUTCDay() + 6) % 7]!;
  const critiqueDay = weekdays[(weekdays.indexOf(weekday) + 2) % 7]!;
  const body: AssignmentCreatedBody = {
    title: PROMPTS[0]!,
    prompt: '每周一篇：录一段演讲，打卡，并点评两位同伴。\n\n*One speech a week; critique two peers.*',
    target: { minSeconds: 60, maxSeconds: 180 },
    schedule: {
      repeat: 'weekly',
      startsOn: local(start + WEEK).slice(0, 10),
      submitBy: { weekday, time: '21:00' },
      critiqueBy: { weekday: critiqueDay, time: '21:00' },
      occurrences: Math.max(1, weeks),
    },
  };
  const rules = coach.event(RULES_SET, DEMO_RULES, start + 2 * 3600_000);
  const series = coach.event(ASSIGNMENT_CREATED, body, start + 2 * 3600_000 + 1000);
  const deadlines = expandSchedule(body.schedule).map((d) => ({
    submit: zonedInstant(d.submitBy, timeZone),
    critique: zonedInstant(d.critiqueBy, timeZone),
    localDate: d.submitBy.slice(0, 10),
  }));
  return { events: [rules, series], assignment: series.id, deadlines };
}

/** A member's check-in for week `w` of a recording shared at `at`: on time, late, or none. */
export function demoCheckIn(
  device: MemberDevice,
  assignment: string,
  w: number,
  week: DemoWeek,
  recording: string,
  at: number,
  random: () => number,
): GroupEvent | null {
  const roll = random();
  if (roll < 0.03) return null; // shared, but forgot to check in
  const late = roll < 0.1;
  const when = late ? week.submit + 60_000 + Math.floor(random() * 10 * 3600_000) : at + 60_000;
  const reflection = random() < 0.4 ? { reflection: `第${w}周：比上次更放松了。Less filler words.` } : {};
  return device.event(CHECK_IN_SUBMITTED, { assignment, occurrence: w, recording, ...reflection }, when);
}

/** Critiques by `device` of up to two recordings of the previous week, in the hours after its deadline. */
export function demoCritiques(
  device: MemberDevice,
  week: DemoWeek,
  others: readonly string[],
  random: () => number,
): GroupEvent[] {
  if (others.length === 0 || random() < 0.25) return [];
  const first = Math.floor(random() * others.length);
  const picks = [...new Set([others[first]!, others[(first + 1) % others.length]!])];
  return picks.map((recording, i) =>
    device.event(
      CRITIQUE_COMMENT,
      { recording, text: i === 0 ? '开头很抓人，结尾可以更有力。' : 'Clear structure; slow down a little.' },
      week.submit + 5 * 60_000 + Math.floor(random() * 9 * 3600_000),
    ),
  );
}

export const demoPause = (device: MemberDevice, at: number, from: string, to: string) =>
  device.event(PAUSE_SET, { member: device.key.keyId, from, to, reason: '出差 business trip' }, at);
export const demoPardon = (
  coach: MemberDevice,
  at: number,
  member: string,
  assignment: string,
  occurrence: number,
) => coach.event(MISS_PARDONED, { member, assignment, occurrence, note: '家里有事 family emergency' }, at);
export const demoRevival = (coach: MemberDevice, at: number, member: string) =>
  coach.event(
    MEMBER_REVIVED,
    { member, terms: '复活条件：连续三周按时打卡。Three on-time weeks in a row.' },
    at,
  );
export const demoRulesChange = (coach: MemberDevice, at: number) =>
  coach.event(RULES_SET, { ...DEMO_RULES, points: { ...DEMO_RULES.points, onTime: 12 } }, at);
