// Every form field takes exactly what the API takes: one row per field, naming the form's own check
// and the contract method whose schema will judge what the form sends. Each row tries values at and
// just past its bounds; the form must accept a value exactly when the API accepts it as sent (trimmed
// where the form trims, minutes as seconds), so no form lets through what the API would refuse with
// "the app sent invalid data", and none refuses what the API takes.
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/api/contract';
import { ruleLimits } from '../../shared/rules/ruleEvents';
import { DEFAULT_RULES } from '../../shared/rules/rulesInForce';
import { checkDeadlines, checkDraft, defaultDraft } from '../../renderer/rules/assignments/assignmentForm';
import {
  checkInReflectionProblem,
  checkPardon,
  checkPause,
  checkRevival,
} from '../../renderer/rules/standings/dialogChecks';
import { checkEdit, checkPostpone } from '../../renderer/rules/assignments/editChecks';
import { checkRules, rulesDraft, rulesFields } from '../../renderer/rules/ruleSet/rulesDraft';
import type { RulesNumbers } from '../../renderer/rules/ruleSet/rulesDraft';
import { checkNewGroup } from '../../renderer/group/newGroupChecks';
import { shareProblem } from '../../renderer/journal/shareCheck';
import { renameProblem, tagsProblem } from '../../renderer/library/speechChecks';
import { recordTitleProblem } from '../../renderer/record/recordTitle';
import { passphraseProblem } from '../../renderer/settings/passphraseCheck';

const groupId = 'a'.repeat(64);
const member = 'b'.repeat(64);
const assignment = 'c'.repeat(64);
const speechId = '0123abcd-0123-4567-89ab-0123456789ab';
const TODAY = '2026-03-02';
/** When the coach postpones: 2 March 2026, before every deadline tried. */
const POSTPONED_AT = Date.UTC(2026, 2, 2, 1, 0);

type Method = keyof typeof contract;
const api = (method: Method, input: unknown) => contract[method].input.safeParse(input).success;

const x = (n: number) => 'x'.repeat(n);
/** Strings around a length limit, and blank ones (which a trimmed field sends as empty). */
const lengths = (max: number) => ['', '   ', 'x', x(max), ` ${x(max)} `, x(max + 1), `字${x(max)}`];

interface Row<V> {
  field: string;
  values: readonly V[];
  form(value: V): boolean;
  api(value: V): boolean;
}
const row = <V>(r: Row<V>) => r as Row<unknown>;

const draft = { ...defaultDraft(TODAY), title: '一分钟自我介绍', startsOn: TODAY };
const body = checkDraft(draft, TODAY).body!;
const create = (patch: object) => api('rules.createAssignment', { groupId, body: { ...body, ...patch } });
const occurrence = {
  key: `${assignment}#1`,
  assignment,
  occurrence: 1,
  title: '讲一个故事',
  prompt: '',
  target: { minSeconds: 300, maxSeconds: 420 },
} as Parameters<typeof checkEdit>[0];
const edit = { title: '讲一个故事', prompt: '', min: 5, max: 7, criteria: [], onlyThis: false };
const editApi = (patch: object) => api('rules.editAssignment', { groupId, body: { assignment, ...patch } });
/** Minutes as the form sends them: whole seconds (float noise aside), never rounded from a fraction. */
const seconds = (minutes: number) => Math.round(minutes * 60 * 1e6) / 1e6;
const minutes = [-10, -3, -0.5, 0, 0.5, 1.25, 1.33, 239.5, 240, 240.5, 1000];

const rules = rulesDraft({ ...DEFAULT_RULES, version: 0 });
const rulesApi = (key: keyof RulesNumbers, n: number) => {
  const sent = checkRules(rules).body!;
  const out = { ...sent.out };
  if (key === 'missesInARow' || key === 'missesTotal') {
    delete out[key];
    if (n !== 0) out[key] = n; // 0 means "never": the limit is left out
  }
  const points = key in sent.points ? { ...sent.points, [key]: n } : sent.points;
  const others =
    key === 'critiquesPerAssignment'
      ? { critiquesPerAssignment: n }
      : key === 'offlineGraceHours' && n !== 24
        ? { offlineGraceHours: n }
        : {};
  return api('rules.setRules', { groupId, body: { ...sent, points, out, ...others } });
};

const rows: Row<unknown>[] = [
  row({
    field: 'new assignment · title',
    values: lengths(ruleLimits.title),
    form: (v: string) => !checkDraft({ ...draft, title: v }, TODAY).problems.title,
    api: (v: string) => create({ title: v.trim() }),
  }),
  row({
    field: 'new assignment · prompt',
    values: lengths(ruleLimits.prompt),
    form: (v: string) => !checkDraft({ ...draft, prompt: v }, TODAY).problems.prompt,
    api: (v: string) => create({ prompt: v }),
  }),
  row({
    field: 'new assignment · shortest minutes (longest 240)',
    values: minutes,
    form: (v: number) => checkDraft({ ...draft, minMinutes: v, maxMinutes: 240 }, TODAY).body !== undefined,
    api: (v: number) => create({ target: { minSeconds: seconds(v), maxSeconds: 240 * 60 } }),
  }),
  row({
    field: 'new assignment · longest minutes (shortest 0)',
    values: minutes,
    form: (v: number) => checkDraft({ ...draft, minMinutes: 0, maxMinutes: v }, TODAY).body !== undefined,
    api: (v: number) => create({ target: { minSeconds: 0, maxSeconds: seconds(v) } }),
  }),
  row({
    field: 'new assignment · one-off critique deadline (submissions 2026-03-08 21:00)',
    values: ['', '2026-03-08T20:59', '2026-03-08T21:00', '2026-03-08T21:01', '2026-03-10T21:00'],
    form: (v: string) => !checkDeadlines('2026-03-08T21:00', v).critiqueBy,
    api: (v: string) => create({ schedule: { repeat: 'once', submitBy: '2026-03-08T21:00', critiqueBy: v } }),
  }),
  row({
    field: 'edit assignment · title',
    values: lengths(ruleLimits.title),
    form: (v: string) => !checkEdit(occurrence, { ...edit, title: v }).problems.title,
    api: (v: string) => editApi({ title: v.trim() }),
  }),
  row({
    field: 'edit assignment · prompt',
    values: lengths(ruleLimits.prompt),
    form: (v: string) => !checkEdit(occurrence, { ...edit, prompt: v }).problems.prompt,
    api: (v: string) => editApi({ prompt: v }),
  }),
  row({
    field: 'edit assignment · shortest minutes (longest 240)',
    values: minutes,
    form: (v: number) => checkEdit(occurrence, { ...edit, min: v, max: 240 }).body !== undefined,
    api: (v: number) => editApi({ target: { minSeconds: seconds(v), maxSeconds: 240 * 60 } }),
  }),
  row({
    field: 'postpone · new critique deadline (submissions 2026-03-08 21:00)',
    values: ['', '2026-03-08T20:59', '2026-03-08T21:00', '2026-03-08T21:01'],
    form: (v: string) => !checkPostpone('2026-03-08T21:00', v, 'Asia/Shanghai', POSTPONED_AT).critiqueBy,
    api: (v: string) =>
      api('rules.postpone', {
        groupId,
        body: { assignment, occurrence: 1, submitBy: '2026-03-08T21:00', critiqueBy: v },
      }),
  }),
  ...rulesFields.map(({ key, max }) =>
    row({
      field: `rules · ${key}`,
      values: [-10, -1, 0, 1, 1.5, 24, max - 1, max, max + 1, 10_000],
      form: (v: number) => checkRules({ ...rules, [key]: v }).body !== undefined,
      api: (v: number) => rulesApi(key, v),
    }),
  ),
  row({
    field: 'check-in · reflection',
    values: lengths(ruleLimits.reflection),
    form: (v: string) => !checkInReflectionProblem(v),
    api: (v: string) =>
      api('rules.checkIn', {
        groupId,
        assignment,
        occurrence: 1,
        speechId,
        ...(v.trim() ? { reflection: v.trim() } : {}),
      }),
  }),
  row({
    field: 'pardon · note',
    values: lengths(ruleLimits.pardonNote),
    form: (v: string) => !checkPardon(v).note,
    api: (v: string) =>
      api('rules.pardon', {
        groupId,
        body: { member, assignment, occurrence: 1, ...(v.trim() ? { note: v.trim() } : {}) },
      }),
  }),
  row({
    field: 'pause · reason',
    values: lengths(ruleLimits.pauseReason),
    form: (v: string) => !checkPause(TODAY, TODAY, v).reason,
    api: (v: string) =>
      api('rules.pause', {
        groupId,
        body: { member, from: TODAY, to: TODAY, ...(v.trim() ? { reason: v.trim() } : {}) },
      }),
  }),
  row({
    field: 'pause · last day (first 2026-03-02)',
    values: ['', '2026-03-01', '2026-03-02', '2026-03-09', '2026-3-9'],
    form: (v: string) => !checkPause(TODAY, v, '').to,
    api: (v: string) => api('rules.pause', { groupId, body: { member, from: TODAY, to: v } }),
  }),
  row({
    field: 'revive · terms',
    values: lengths(ruleLimits.revivalTerms),
    form: (v: string) => !checkRevival(v).terms,
    api: (v: string) => api('rules.revive', { groupId, body: { member, terms: v.trim() } }),
  }),
  row({
    field: 'library · rename a speech',
    values: lengths(200),
    form: (v: string) => !renameProblem(v),
    api: (v: string) => api('speeches.update', { speechId, title: v.trim() }),
  }),
  row({
    field: 'library · a tag',
    values: ['x', x(40), ` ${x(40)} `, x(41), `标${x(40)}`],
    form: (v: string) => !tagsProblem(['开场', v]),
    api: (v: string) => api('speeches.update', { speechId, tags: ['开场', v.trim()] }),
  }),
  row({
    field: 'library · how many tags',
    values: [0, 1, 19, 20, 21, 40],
    form: (n: number) => !tagsProblem(Array.from({ length: n }, (_, i) => `t${i}`)),
    api: (n: number) =>
      api('speeches.update', { speechId, tags: Array.from({ length: n }, (_, i) => `t${i}`) }),
  }),
  row({
    field: 'record · title (empty: the dated default)',
    values: lengths(200),
    form: (v: string) => !recordTitleProblem(v),
    api: (v: string) =>
      api('speeches.begin', {
        source: 'recording',
        mimeType: 'audio/webm',
        title: v.trim() || '演讲 2026年3月2日 21:00',
        sampleRate: 48_000,
        samplesPerPixel: 480,
      }),
  }),
  row({
    field: 'new group · name',
    values: lengths(100),
    form: (v: string) => !checkNewGroup({ folder: '/g', name: v, charter: '' }).name,
    api: (v: string) =>
      api('group.create', {
        folder: '/g',
        name: v.trim(),
        charter: '',
        timeZone: 'Asia/Shanghai',
        coachName: '张',
      }),
  }),
  row({
    field: 'new group · charter',
    values: lengths(20_000),
    form: (v: string) => !checkNewGroup({ folder: '/g', name: '周日演讲会', charter: v }).charter,
    api: (v: string) =>
      api('group.create', {
        folder: '/g',
        name: '周日演讲会',
        charter: v,
        timeZone: 'Asia/Shanghai',
        coachName: '张',
      }),
  }),
  row({
    field: 'journal · share a reflection (text)',
    values: lengths(20_000),
    form: (v: string) => !shareProblem('第一周', v),
    api: (v: string) => api('group.shareReflection', { groupId, title: '第一周', text: v }),
  }),
  row({
    field: 'journal · share a reflection (title, "Untitled" when blank)',
    values: lengths(200),
    form: (v: string) => !shareProblem(v.trim() || '无标题', '正文'),
    api: (v: string) => api('group.shareReflection', { groupId, title: v.trim() || '无标题', text: '正文' }),
  }),
  row({
    field: 'settings · key backup passphrase (export)',
    values: ['', 'x'.repeat(7), '口令口令口令口令', ...lengths(1024)],
    form: (v: string) => !passphraseProblem(v, 'export'),
    api: (v: string) => api('group.exportKey', { passphrase: v }),
  }),
  row({
    field: 'settings · key backup passphrase (restore)',
    values: ['', 'x', ...lengths(1024)],
    form: (v: string) => !passphraseProblem(v, 'import'),
    api: (v: string) => api('group.importKey', { backup: '{}', passphrase: v }),
  }),
];

describe('form limits', () => {
  it.each(rows.map((r) => [r.field, r] as const))('%s: the form takes what the API takes', (_, r) => {
    const verdicts = r.values.map((v) => ({ value: v, form: r.form(v), api: r.api(v) }));
    expect(verdicts.filter((v) => v.form !== v.api)).toEqual([]);
    // The bounds are really tried: something is taken and something is not.
    expect(new Set(verdicts.map((v) => v.api))).toEqual(new Set([true, false]));
  });
});
