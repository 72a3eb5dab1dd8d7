import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../i18n/i18n';
import { db } from '../state/db';
import { useUiStore } from '../state/uiStore';
import { createEntryForSpeech } from './createEntryForSpeech';
import { useJournalStore } from './journalStore';

beforeAll(async () => {
  await initI18n('zh-CN');
});

describe('createEntryForSpeech', () => {
  it('creates an entry linked to the speech from the default template and opens it in the journal', async () => {
    const entry = await createEntryForSpeech('speech-42', '我的家乡');
    expect(await db.journalEntries.get(entry.id)).toMatchObject({
      title: '反思：“我的家乡”',
      speechIds: ['speech-42'],
      shared: false,
    });
    expect(entry.body).toContain('## 做得好的地方');
    expect(useJournalStore.getState().selectedId).toBe(entry.id);
    expect(useUiStore.getState().screen).toBe('journal');
  });
});
