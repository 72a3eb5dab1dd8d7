// The trash dialog's questions: "Empty trash" names how many speeches will go and removes exactly
// those, not one deleted (in another window) while the question was open; "Delete forever" names the
// speech and does nothing until confirmed.
import { MantineProvider } from '@mantine/core';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TrashedSpeech } from '../../shared/api/speechesContract';
import { initI18n } from '../i18n/i18n';
import { SpeechTrashDialog } from './SpeechTrashDialog';
import { useSpeechTrashStore } from './speechTrashStore';

function trashed(n: number, title: string): TrashedSpeech {
  return {
    speech: {
      format: 1,
      id: `00000000-0000-4000-8000-00000000000${n}`,
      title,
      createdAt: '2025-03-01T08:00:00.000Z',
      durationMs: 125_000,
      mimeType: 'audio/webm',
      byteSize: 1000,
      sha256: 'a'.repeat(64),
      source: 'recording',
      tags: [],
      peaks: { sampleRate: 48000, samplesPerPixel: 480 },
    },
    deletedAt: '2025-03-02T08:00:00.000Z',
    purgeAt: '2025-04-01T08:00:00.000Z',
  };
}
const first = trashed(1, '周三即兴');
const second = trashed(2, '自我介绍');
const later = trashed(3, '后来删除的');

let trashOnMain: TrashedSpeech[] = [];
const invoke = vi.fn(async (name: string) => ({
  ok: true as const,
  value: name === 'speeches.trash' ? trashOnMain : name === 'speeches.emptyTrash' ? { removed: 2 } : null,
}));

beforeAll(() => initI18n('zh-CN'));
beforeEach(() => {
  invoke.mockClear();
  window.lectern!.invoke = invoke;
  trashOnMain = [first, second];
  useSpeechTrashStore.setState({ trash: [first, second], loaded: true, opened: true });
});

function renderDialog() {
  return render(
    <MantineProvider>
      <SpeechTrashDialog />
    </MantineProvider>,
  );
}

describe('the speech trash dialog', () => {
  it('shows each speech with its length, and asks before emptying, naming the count', async () => {
    renderDialog();
    const trash = await screen.findByRole('dialog', { name: '回收站' });
    const rows = within(trash).getAllByRole('listitem');
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringContaining('周三即兴2:05 · 删除于'),
      expect.stringContaining('自我介绍2:05 · 删除于'),
    ]);

    fireEvent.click(within(trash).getByRole('button', { name: '清空回收站' }));
    const question = await screen.findByRole('dialog', { name: '清空回收站' });
    expect(question.textContent).toContain('要永久删除回收站中的 2 段演讲吗？删除后将无法恢复。');
    // Meanwhile another window deletes one more speech: it is listed, but not asked about.
    act(() => useSpeechTrashStore.setState({ trash: [later, first, second] }));
    expect(question.textContent).toContain('2 段演讲');
    fireEvent.click(within(question).getByRole('button', { name: '清空回收站' }));
    await waitFor(() =>
      expect(invoke).toHaveBeenCalledWith('speeches.emptyTrash', {
        speechIds: [first.speech.id, second.speech.id],
      }),
    );
  });

  it('deletes one speech forever only once confirmed', async () => {
    renderDialog();
    const trash = await screen.findByRole('dialog', { name: '回收站' });
    fireEvent.click(within(trash).getByRole('button', { name: '永久删除“自我介绍”' }));
    let question = await screen.findByRole('dialog', { name: '永久删除' });
    expect(question.textContent).toContain('要永久删除“自我介绍”吗？');
    fireEvent.click(within(question).getByRole('button', { name: '取消' }));
    expect(invoke).not.toHaveBeenCalledWith('speeches.deleteForever', expect.anything());

    fireEvent.click(within(trash).getByRole('button', { name: '永久删除“自我介绍”' }));
    question = await screen.findByRole('dialog', { name: '永久删除' });
    fireEvent.click(within(question).getByRole('button', { name: '永久删除' }));
    await waitFor(() =>
      expect(invoke).toHaveBeenCalledWith('speeches.deleteForever', { speechId: second.speech.id }),
    );
    expect(invoke).not.toHaveBeenCalledWith('speeches.deleteForever', { speechId: first.speech.id });
  });
});
