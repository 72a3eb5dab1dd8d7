// The coach's week with an "on time, unwitnessed" check-in: the badge and its explanation, "Count
// late" behind a confirmation that writes checkin.ruled, and "Undo" once it is counted late.
import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RulesOverview, WeekRow } from '../../../shared/api/rulesOverview';
import { initI18n } from '../../i18n/i18n';
import { WeekReview } from './WeekReview';

// happy-dom has no FontFaceSet, which Mantine's autosizing Textarea listens to (Chromium has one).
if (!('fonts' in document))
  Object.defineProperty(document, 'fonts', { value: { addEventListener() {}, removeEventListener() {} } });

const groupId = 'a'.repeat(64);
const ADA_CHECK_IN = 'c'.repeat(64);
const BO_CHECK_IN = 'd'.repeat(64);
const row = (name: string, over: Partial<WeekRow>): WeekRow => ({
  member: name.padEnd(64, '0'),
  name,
  status: 'active',
  outcome: 'on-time',
  critiquesOwed: 2,
  critiquesOwedGiven: 0,
  critiquesGiven: 0,
  points: 10,
  atRisk: false,
  ...over,
});
const overview = {
  asOf: Date.UTC(2026, 2, 10, 1, 0),
  timeZone: 'Asia/Shanghai',
  me: 'e'.repeat(64),
  isCoach: true,
  assignments: [],
  standings: { asOf: 0, timeZone: 'Asia/Shanghai', rulesVersion: 0, members: [] },
  reviewQueue: [],
  week: {
    key: `${'b'.repeat(64)}#1`,
    title: '一分钟自我介绍',
    submitBy: '2026-03-08T21:00',
    critiqueBy: '2026-03-10T21:00',
    phase: 'late',
    offlineGraceHours: 24,
    rows: [
      row('Ada', {
        unwitnessed: {
          checkIn: ADA_CHECK_IN,
          checkedInAt: '2026-03-08T12:00:00.000Z',
          witnessedAt: '2026-03-09T19:00:00.000Z',
          ruledLate: false,
        },
      }),
      row('Bo', {
        outcome: 'late',
        points: 5,
        unwitnessed: { checkIn: BO_CHECK_IN, checkedInAt: '2026-03-08T11:00:00.000Z', ruledLate: true },
      }),
      row('Cy', {}),
    ],
  },
} as unknown as RulesOverview;

const invoke = vi.fn(async (name: string) => ({
  ok: true as const,
  value: name === 'rules.overview' ? overview : { id: 'f'.repeat(64) },
}));
beforeEach(() => {
  invoke.mockClear();
  window.lectern!.invoke = invoke;
});

function renderWeek() {
  return render(
    <MantineProvider>
      <WeekReview groupId={groupId} overview={overview} />
    </MantineProvider>,
  );
}
const rowOf = (name: string) => screen.getAllByTestId('week-row').find((r) => r.textContent?.includes(name))!;

describe('the unwitnessed badge (中文)', () => {
  beforeAll(() => initI18n('zh-CN'));

  it('marks the check-in, explains it, and counts it late after asking', async () => {
    renderWeek();
    const ada = within(rowOf('Ada'));
    expect(ada.getByText('按时·无人见证')).toBeTruthy();
    expect(ada.queryByText('按时')).toBeNull(); // the badge says it instead
    expect(within(rowOf('Cy')).getByText('按时')).toBeTruthy();
    fireEvent.click(ada.getByRole('button', { name: '将 Ada 的这次打卡计为迟交' }));
    const dialog = await screen.findByRole('dialog', { name: '将 Ada 的这次打卡计为迟交？' });
    expect(dialog.textContent).toContain('但直到');
    expect(dialog.textContent).toContain('社群允许离线 24 小时');
    fireEvent.click(within(dialog).getByRole('button', { name: '计为迟交' }));
    await waitFor(() =>
      expect(invoke).toHaveBeenCalledWith('rules.ruleCheckIn', {
        groupId,
        body: { checkIn: ADA_CHECK_IN, late: true },
      }),
    );
  });

  it('reads "counted late" once ruled, with an undo that withdraws the ruling', async () => {
    renderWeek();
    const bo = within(rowOf('Bo'));
    expect(bo.getByText('已计为迟交')).toBeTruthy();
    expect(bo.queryByText('迟交')).toBeNull();
    fireEvent.click(bo.getByRole('button', { name: '撤销对 Bo 这次打卡的迟交裁定' }));
    const dialog = await screen.findByRole('dialog', { name: '撤销对 Bo 这次打卡的迟交裁定？' });
    expect(dialog.textContent).toContain('至今还没有其他成员的电脑看到过');
    fireEvent.click(within(dialog).getByRole('button', { name: '撤销裁定' }));
    await waitFor(() =>
      expect(invoke).toHaveBeenCalledWith('rules.ruleCheckIn', {
        groupId,
        body: { checkIn: BO_CHECK_IN, late: false },
      }),
    );
  });
});

describe('the unwitnessed badge (English)', () => {
  beforeAll(() => initI18n('en'));

  it('explains on hover when another member first saw it, and cancels without writing', async () => {
    renderWeek();
    const ada = within(rowOf('Ada'));
    const badge = ada.getByText('On time, unwitnessed');
    fireEvent.pointerEnter(badge, { pointerType: 'mouse' });
    fireEvent.mouseMove(badge);
    const tip = await screen.findByRole('tooltip');
    expect(tip.textContent).toMatch(
      /^Checked in at .+, before the deadline by their own clock, but no other/,
    );
    expect(tip.textContent).toContain('the group allows 24 h offline');
    fireEvent.click(ada.getByRole('button', { name: 'Count Ada’s check-in late' }));
    const dialog = await screen.findByRole('dialog', { name: 'Count Ada’s check-in late?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(invoke).not.toHaveBeenCalledWith('rules.ruleCheckIn', expect.anything());
  });
});
