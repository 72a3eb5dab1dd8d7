// A library row as a member reads it: two imports with one name are told apart by their format, a
// title of any length stays within the row (its whole text in the tooltip), ▶ plays and the title opens.
import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Speech } from '../../shared/domain/speech';
import { initI18n } from '../i18n/i18n';
import { SpeechRow } from './SpeechRow';

function speech(mimeType: Speech['mimeType'], title = 'phone-en'): Speech {
  return {
    format: 1,
    id:
      mimeType === 'audio/mpeg'
        ? '11111111-aaaa-4aaa-8aaa-111111111111'
        : '22222222-bbbb-4bbb-8bbb-222222222222',
    title,
    createdAt: '2025-03-01T10:00:00.000Z',
    durationMs: 192_000,
    mimeType,
    byteSize: 1000,
    sha256: '0'.repeat(64),
    source: 'import',
    tags: [],
    peaks: { sampleRate: 48_000, samplesPerPixel: 480 },
  };
}

function renderRow(s: Speech, handlers: Partial<Record<'onPlay' | 'onOpen', () => void>> = {}) {
  return render(
    <MantineProvider env="test">
      <SpeechRow
        speech={s}
        groups={[]}
        onShare={() => {}}
        onPlay={handlers.onPlay ?? (() => {})}
        onOpen={handlers.onOpen ?? (() => {})}
        onRename={() => {}}
        onDelete={() => {}}
        onTags={() => {}}
      />
    </MantineProvider>,
  );
}

beforeAll(async () => {
  await initI18n('zh-CN');
});

describe('SpeechRow', () => {
  it('shows the format beside the length, so two imports of one name differ', () => {
    renderRow(speech('audio/mpeg'));
    renderRow(speech('audio/mp4'));
    expect(screen.getAllByTestId('speech-format').map((el) => el.textContent)).toEqual([
      'MP3 · 3:12',
      'M4A · 3:12',
    ]);
  });

  it('shows a video speech as video, with its poster once it has one and a placeholder until then', () => {
    const video = (poster: boolean): Speech => ({
      ...speech('video/mp4', poster ? '有封面' : '没封面'),
      id: poster ? '33333333-cccc-4ccc-8ccc-333333333333' : '44444444-dddd-4ddd-8ddd-444444444444',
      video: { width: 1280, height: 720, poster },
    });
    renderRow(video(true));
    renderRow(video(false));
    renderRow(speech('audio/webm'));
    expect(screen.getAllByTestId('speech-format').map((el) => el.textContent)).toEqual([
      'MP4 视频 · 3:12',
      'MP4 视频 · 3:12',
      'WebM · 3:12',
    ]);
    const posters = screen.getAllByTestId('speech-poster');
    expect(posters.map((img) => img.getAttribute('src')?.split('?')[0])).toEqual([
      '/media/speeches/33333333-cccc-4ccc-8ccc-333333333333/poster',
    ]);
    expect(screen.getAllByTestId('speech-poster-placeholder')).toHaveLength(1);
  });

  it('clamps a very long title to two lines and keeps the whole title in its tooltip', () => {
    const long = '我'.repeat(10_000);
    renderRow(speech('audio/webm', long));
    const title = screen.getByTitle(long);
    expect(title.getAttribute('data-line-clamp')).toBe('true');
    expect(title.style.getPropertyValue('--text-line-clamp')).toBe('2');
  });

  it('plays on ▶ and only opens on the title', () => {
    const onPlay = vi.fn();
    const onOpen = vi.fn();
    renderRow(speech('audio/webm', '我的家乡'), { onPlay, onOpen });
    fireEvent.click(screen.getByRole('button', { name: '播放: 我的家乡' }));
    expect([onPlay.mock.calls.length, onOpen.mock.calls.length]).toEqual([1, 0]);
    fireEvent.click(screen.getByRole('button', { name: '我的家乡' }));
    expect([onPlay.mock.calls.length, onOpen.mock.calls.length]).toEqual([1, 1]);
  });
});
