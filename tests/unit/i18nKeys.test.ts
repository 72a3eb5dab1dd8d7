// Both languages have the same keys and no empty strings, and every key the code asks for exists,
// so no member ever sees a raw key or a missing translation.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales, translate } from '../../shared/i18n/translate';

function leafKeys(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([key, value]) => leafKeys(value, prefix ? `${prefix}.${key}` : key));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\./.test(name) ? [path] : [];
  });
}

describe('locales', () => {
  const zh = leafKeys(locales['zh-CN']).sort();
  const en = leafKeys(locales.en).sort();

  it('have exactly the same keys in 简体中文 and English', () => {
    expect(zh).toEqual(en);
  });

  it('have no empty strings and keep every {{placeholder}} in both languages', () => {
    for (const key of en) {
      const english = translate('en', key);
      const chinese = translate('zh-CN', key);
      expect(english.trim(), key).not.toBe('');
      expect(chinese.trim(), key).not.toBe('');
      const slots = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(slots(chinese), key).toEqual(slots(english));
    }
  });

  it('contain every literal key the code uses', () => {
    const used = new Set<string>();
    const pattern =
      /\bt\(\s*'([a-zA-Z]+\.[a-zA-Z0-9_.-]+)'|messageKey:\s*'([a-z]+\.[a-zA-Z0-9_.]+)'|'(errors\.[a-z_]+)'/g;
    for (const file of [...sourceFiles('renderer'), ...sourceFiles('electron'), ...sourceFiles('shared')]) {
      for (const match of readFileSync(file, 'utf8').matchAll(pattern))
        used.add((match[1] ?? match[2] ?? match[3])!);
    }
    expect(used.size).toBeGreaterThan(20);
    // A key used with a count may exist only in its plural forms (key_one, key_other).
    const missing = [...used].filter((key) => !en.includes(key) && !en.includes(`${key}_other`));
    expect(missing).toEqual([]);
  });
});
