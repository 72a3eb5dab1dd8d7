import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { locales } from '../../shared/i18n/translate';
import { journalImportLimits as limits } from '../../shared/journal/journalImport';
import { formatSize } from '../shell/formatSize';
import { failureMessage } from './importNotices';

async function translator(language: 'zh-CN' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    resources: { [language]: { translation: locales[language] } },
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

describe('import notices', () => {
  it('says which limit a refused zip hit, with its numbers, and what to do, in Chinese', async () => {
    const t = await translator('zh-CN');
    const tooMany = {
      name: '日志.zip',
      messageKey: 'journal.errors.tooManyFiles',
      values: { files: 12_345, maxFiles: limits.maxEntries },
      refusedArchive: true,
    };
    expect(failureMessage(t, 'zh-CN', tooMany)).toBe(
      '其中有 12,345 个文件，一次最多导入 10,000 个。请把它拆成几个较小的 zip 文件，逐个导入。',
    );
    const lies = {
      name: 'bomb.zip',
      messageKey: 'journal.errors.entryLies',
      values: { entry: 'a.md', size: 1000 },
    };
    expect(failureMessage(t, 'zh-CN', lies)).toMatch(/^“a\.md”的实际内容超过了文件头声明的 1,000\s?字节。/);
  });

  it('writes sizes as people read them, in English', async () => {
    const t = await translator('en');
    const tooMuch = {
      name: 'big.zip',
      messageKey: 'journal.errors.tooMuchText',
      values: { size: 51 * 1024 * 1024 + 300_000, maxSize: limits.maxTotalBytes },
    };
    expect(failureMessage(t, 'en', tooMuch)).toBe(
      'Its entries add up to 51.3\u00a0MB of text; one import takes at most 50\u00a0MB. Split it into smaller zip files and import them one at a time.',
    );
    expect(formatSize(2048, 'en')).toBe('2\u00a0kB');
    expect(formatSize(1000, 'en')).toBe('1,000\u00a0bytes');
  });
});
