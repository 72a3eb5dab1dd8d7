// Checking in with a video speech asks, as sharing does, whether the group gets its picture or only its
// audio (with each size); the choice travels with the check-in. An audio speech asks nothing.
import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OccurrenceView } from '../../../shared/api/rulesOverview';
import type { Speech } from '../../../shared/domain/speech';
import { initI18n } from '../../i18n/i18n';
import { CheckInDialog } from './CheckInDialog';

const speech = (n: number, title: string, mimeType: string): Speech =>
  ({
    format: 1,
    id: `00000000-0000-4000-8000-00000000000${n}`,
    title,
    createdAt: `2026-12-0${n}T08:00:00.000Z`,
    durationMs: 95_000,
    mimeType,
    byteSize: 30_000_000,
    sha256: 'a'.repeat(64),
    source: 'recording',
    tags: [],
    peaks: { sampleRate: 48000, samplesPerPixel: 480 },
  }) as Speech;

const video = speech(2, '周三即兴（视频）', 'video/webm');
const audio = speech(1, '自我介绍', 'audio/webm');
const occurrence: OccurrenceView = {
  key: 'k',
  assignment: 'b'.repeat(64),
  occurrence: 0,
  title: '第 1 周：即兴演讲',
  prompt: '',
  target: { minSeconds: 60, maxSeconds: 120 },
  submitBy: '2026-12-10T20:00',
  critiqueBy: '2026-12-12T20:00',
  submitDeadline: '2026-12-10T12:00:00.000Z',
  critiqueDeadline: '2026-12-12T12:00:00.000Z',
  phase: 'upcoming',
};

const invoke = vi.fn(async (name: string, _input?: unknown) => ({
  ok: true as const,
  value:
    name === 'speeches.list'
      ? [audio, video]
      : name === 'group.shareSizes'
        ? { bytes: 30_000_000, audioOnlyBytes: 1_572_864, maxBytes: null }
        : name === 'rules.checkIn'
          ? { id: 'c'.repeat(64), recording: 'd'.repeat(64) }
          : name === 'group.status'
            ? { folderState: 'ok' }
            : null,
}));

beforeAll(() => initI18n('zh-CN'));
beforeEach(() => {
  invoke.mockClear();
  window.lectern!.invoke = invoke as never;
});

function renderDialog(speechId: string) {
  return render(
    <MantineProvider>
      <CheckInDialog
        groupId={'e'.repeat(64)}
        occurrence={occurrence}
        speechId={speechId}
        onClose={() => {}}
      />
    </MantineProvider>,
  );
}

const checkInInput = () => invoke.mock.calls.find(([name]) => name === 'rules.checkIn')?.[1];

describe('the check-in dialog', () => {
  it('shares a video as its audio alone when the member chooses so', async () => {
    renderDialog(video.id);
    const dialog = await screen.findByRole('dialog');
    const audioOnly = await within(dialog).findByRole('radio', { name: /只分享音频/ });
    await waitFor(() => expect(within(dialog).getByTestId('share-audio').textContent).toMatch(/约 1\.5\sMB/));
    const withPicture = within(dialog).getByRole('radio', { name: /视频（含声音）/ });
    expect(withPicture.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(audioOnly);
    fireEvent.click(within(dialog).getByRole('button', { name: '打卡' }));
    await waitFor(() => expect(checkInInput()).toMatchObject({ speechId: video.id, picture: false }));
  });

  it('asks nothing for an audio speech', async () => {
    renderDialog(audio.id);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).queryByRole('radio', { name: /只分享音频/ })).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: '打卡' }));
    await waitFor(() => expect(checkInInput()).toMatchObject({ speechId: audio.id }));
    expect(checkInInput()).not.toHaveProperty('picture');
    expect(invoke.mock.calls.some(([name]) => name === 'group.shareSizes')).toBe(false);
  });
});
