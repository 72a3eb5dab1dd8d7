// The editor's toolbar speaks the member's language: every tip, and the heading menu's entries, in
// Chinese for a Chinese reader (the library's own set said "插入 title1" and "Heading 1").
import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../i18n/i18n';
import { MarkdownEditor } from './MarkdownEditor';
import { shortcutText } from './editorCommands';

function renderEditor() {
  return render(
    <MantineProvider env="test">
      <MarkdownEditor value="" onChange={() => {}} label="正文" />
    </MantineProvider>,
  );
}

/** The tips of the toolbar's buttons, with the shortcut keys taken out. */
function tips(container: HTMLElement): string[] {
  return Array.from(container.querySelectorAll('.w-md-editor-toolbar button'), (button) =>
    (button.getAttribute('title') ?? '').replace(/[（(][^）)]*[）)]$/, ''),
  );
}

beforeAll(async () => {
  await initI18n('zh-CN');
});

describe('MarkdownEditor toolbar', () => {
  it('gives every button a Chinese tip, and names headings in Chinese', async () => {
    await i18next.changeLanguage('zh-CN');
    const { container } = renderEditor();
    const all = tips(container);
    expect(all.length).toBeGreaterThan(15);
    // No English word is left once the shortcut is set aside (Markdown is a name).
    expect(all.filter((tip) => /[A-Za-z]/.test(tip.replace('Markdown', '')))).toEqual([]);
    expect(screen.getByRole('button', { name: '粗体（Ctrl/⌘+B）' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '标题' }));
    const menu = container.querySelector('.w-md-editor-toolbar-child') as HTMLElement;
    expect(within(menu).getByRole('button', { name: '1 级标题（Ctrl/⌘+1）' }).textContent).toBe('1 级标题');
  });

  it('says the same tips in English', async () => {
    await i18next.changeLanguage('en');
    renderEditor();
    expect(screen.getByRole('button', { name: 'Bulleted list (Ctrl+Shift+U)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Heading' })).toBeTruthy();
  });

  it('writes shortcuts as people read them', () => {
    expect(shortcutText('ctrlcmd+shift+j')).toBe('Ctrl/⌘+Shift+J');
    expect(shortcutText('ctrl+shift+x')).toBe('Ctrl+Shift+X');
  });
});
