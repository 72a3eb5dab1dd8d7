// Linking an entry to speeches by hand: the field lists the member's speeches by title and date,
// picking or removing one changes the entry's draft, a speech gone from the library can still be
// unlinked, and an empty library says how to get a speech.
import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Speech } from '../../shared/domain/speech';
import { testEntry } from '../../shared/journal/testEntries';
import { initI18n } from '../i18n/i18n';
import { useSpeechesStore } from '../library/speechesStore';
import { useSpeechTrashStore } from '../library/speechTrashStore';
import { db } from '../state/db';
import { EntryEditor } from './EntryEditor';
import { flushDraft, openDraft, useDraftStore } from './entryDraftStore';

const hometown = testSpeech('11111111-aaaa-4aaa-8aaa-111111111111', '我的家乡', '2025-03-01T10:00:00.000Z');
const icebreaker = testSpeech(
  '22222222-bbbb-4bbb-8bbb-222222222222',
  'Icebreaker',
  '2025-02-14T10:00:00.000Z',
);
const goneId = 'deadbeef-cccc-4ccc-8ccc-333333333333';

function testSpeech(id: string, title: string, createdAt: string): Speech {
  return {
    format: 1,
    id,
    title,
    createdAt,
    durationMs: 60_000,
    mimeType: 'audio/webm',
    byteSize: 1000,
    sha256: '0'.repeat(64),
    source: 'recording',
    tags: [],
    peaks: { sampleRate: 48_000, samplesPerPixel: 480 },
  };
}

/** Main, as far as this screen asks it: the library holds these speeches, its trash those. */
function libraryHolds(speeches: Speech[], trashed: Speech[] = []) {
  const trash = trashed.map((speech) => ({
    speech,
    deletedAt: '2025-03-02T10:00:00.000Z',
    purgeAt: '2025-04-01T10:00:00.000Z',
  }));
  vi.spyOn(window.lectern!, 'invoke').mockImplementation(async (name) => ({
    ok: true,
    value: name === 'speeches.list' ? speeches : name === 'speeches.trash' ? trash : null,
  }));
}

async function renderEditor(speechIds: string[]) {
  const entry = testEntry({ id: 'e1', title: '周二例会', speechIds });
  await db.journalEntries.put(entry);
  // env="test": no transitions, so an opened dropdown shows at once.
  render(
    <MantineProvider env="test">
      <EntryEditor entry={entry} allTags={[]} />
    </MantineProvider>,
  );
  return screen.findByRole('combobox', { name: '关联的演讲' });
}

const draftSpeechIds = () => useDraftStore.getState().draft?.speechIds;

beforeAll(async () => {
  await initI18n('zh-CN');
});
beforeEach(async () => {
  localStorage.clear();
  useSpeechesStore.setState({ speeches: [], loaded: false });
  useSpeechTrashStore.setState({ trash: [], loaded: false });
  await db.journalEntries.clear();
});
afterEach(async () => {
  openDraft(null);
  await flushDraft();
  vi.restoreAllMocks();
});

describe('linked speeches', () => {
  it('lists the speeches by title and date, and picking one links it to the entry', async () => {
    libraryHolds([hometown, icebreaker]);
    const field = await renderEditor([]);
    fireEvent.click(field);
    const option = await screen.findByRole('option', { name: '我的家乡 · 2025年3月1日' });
    expect(screen.getByRole('option', { name: 'Icebreaker · 2025年2月14日' })).toBeTruthy();
    fireEvent.click(option);
    await waitFor(() => expect(draftSpeechIds()).toEqual([hometown.id]));
  });

  it('finds a speech by typing part of its title', async () => {
    libraryHolds([hometown, icebreaker]);
    const field = await renderEditor([]);
    fireEvent.click(field);
    fireEvent.change(field, { target: { value: '家乡' } });
    await waitFor(() => expect(screen.queryByRole('option', { name: /Icebreaker/ })).toBeNull());
    fireEvent.click(screen.getByRole('option', { name: /我的家乡/ }));
    await waitFor(() => expect(draftSpeechIds()).toEqual([hometown.id]));
  });

  it('says a linked speech in the trash is deleted, by its title', async () => {
    libraryHolds([hometown], [icebreaker]);
    await renderEditor([hometown.id, icebreaker.id]);
    expect(await screen.findByText('已删除（在回收站中）：Icebreaker')).toBeTruthy();
  });

  it('says a linked speech this computer never had is elsewhere, and lets the member unlink it', async () => {
    libraryHolds([hometown]);
    await renderEditor([hometown.id, goneId]);
    const gone = await screen.findByText('不在这台电脑上的演讲（deadbeef）');
    expect(screen.queryByText(/已删除/)).toBeNull();
    expect(screen.getByText('我的家乡 · 2025年3月1日')).toBeTruthy();
    fireEvent.click(within(gone.closest('.mantine-Pill-root')!).getByRole('button', { hidden: true }));
    await waitFor(() => expect(draftSpeechIds()).toEqual([hometown.id]));
  });

  it('says how to get a speech when the library is empty', async () => {
    libraryHolds([]);
    await renderEditor([]);
    expect(await screen.findByText('还没有演讲：先录一段，或在“演讲库”里导入音频。')).toBeTruthy();
  });
});
