// "Reflect now" after a recording: an entry linked to the speech, opened in the journal, starting
// from the template the member chose in the templates dialog (the Toastmasters prompts until then,
// and again if their chosen template was deleted).
import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initI18n } from '../i18n/i18n';
import { db } from '../state/db';
import { useUiStore } from '../state/uiStore';
import { createEntryForSpeech } from './createEntryForSpeech';
import { openDialog, useJournalStore } from './journalStore';
import { chooseReflectTemplate, deleteTemplate, saveTemplate } from './journalTemplates';
import { TemplatesDialog } from './TemplatesDialog';

const toastmasters = '## 做得好的地方\n\n\n## 要改进的地方\n\n\n## 下次的一个挑战\n\n';

beforeAll(async () => {
  await initI18n('zh-CN');
  // happy-dom has no document.fonts, which Mantine's autosizing Textarea listens to.
  if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { value: new EventTarget() });
});
beforeEach(async () => {
  localStorage.clear();
  openDialog(null);
  await db.journalTemplates.clear();
});

describe('createEntryForSpeech', () => {
  it('creates an entry linked to the speech from the default template and opens it in the journal', async () => {
    const entry = await createEntryForSpeech('speech-42', '我的家乡');
    expect(await db.journalEntries.get(entry.id)).toMatchObject({
      title: '反思：“我的家乡”',
      speechIds: ['speech-42'],
      shared: false,
      body: toastmasters,
    });
    expect(useJournalStore.getState().selectedId).toBe(entry.id);
    expect(useUiStore.getState().screen).toBe('journal');
  });

  it('starts from the built-in template, blank page or own template the member chose', async () => {
    chooseReflectTemplate('feelings');
    expect((await createEntryForSpeech('s', '一')).body).toContain('## 演讲前我感到');
    chooseReflectTemplate('blank');
    expect((await createEntryForSpeech('s', '二')).body).toBe('');
    const own = await saveTemplate('俱乐部', '## 评估员说\n\n');
    chooseReflectTemplate(own.id);
    expect((await createEntryForSpeech('s', '三')).body).toBe('## 评估员说\n\n');
  });

  it('falls back to the Toastmasters prompts when the chosen own template was deleted', async () => {
    const own = await saveTemplate('俱乐部', '## 评估员说\n\n');
    chooseReflectTemplate(own.id);
    await deleteTemplate(own.id);
    expect((await createEntryForSpeech('s', '四')).body).toBe(toastmasters);
  });
});

describe('choosing what "Reflect now" starts from', () => {
  function renderDialog() {
    openDialog('templates');
    render(
      <MantineProvider env="test">
        <TemplatesDialog />
      </MantineProvider>,
    );
    return screen.findByRole('combobox', { name: '“现在写反思”使用的模板' });
  }

  it('offers a blank page, the built-in and own templates, and remembers the pick', async () => {
    await saveTemplate('俱乐部', '## 评估员说\n\n');
    const select = await renderDialog();
    expect((select as HTMLInputElement).value).toBe('做得好 / 要改进 / 新挑战');
    fireEvent.click(select);
    expect(screen.getByRole('option', { name: '空白页' })).toBeTruthy();
    expect(screen.getByRole('option', { name: '表达检查' })).toBeTruthy();
    fireEvent.click(await screen.findByRole('option', { name: '俱乐部' }));
    await waitFor(() => expect((select as HTMLInputElement).value).toBe('俱乐部'));
    expect((await createEntryForSpeech('s', '五')).body).toBe('## 评估员说\n\n');
  });

  it('shows the default again once the chosen own template is deleted', async () => {
    const own = await saveTemplate('俱乐部', '## 评估员说\n\n');
    chooseReflectTemplate(own.id);
    const select = await renderDialog();
    await waitFor(() => expect((select as HTMLInputElement).value).toBe('俱乐部'));
    fireEvent.click(screen.getByRole('button', { name: '删除模板: 俱乐部' }));
    await waitFor(() => expect((select as HTMLInputElement).value).toBe('做得好 / 要改进 / 新挑战'));
  });
});
