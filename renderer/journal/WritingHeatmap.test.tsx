// The heatmap names its months above the columns, in the member's language, like GitHub's.
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../i18n/i18n';
import { WritingHeatmap } from './WritingHeatmap';

function monthLabels(today = '2025-03-15'): string[] {
  render(
    <MantineProvider env="test">
      <WritingHeatmap days={['2025-03-14']} today={today} />
    </MantineProvider>,
  );
  return Array.from(screen.getByTestId('heatmap-months').children, (label) => label.textContent ?? '');
}

beforeAll(async () => {
  await initI18n('en');
});

describe('WritingHeatmap', () => {
  it('names each month of the last 26 weeks in English', async () => {
    await i18next.changeLanguage('en');
    expect(monthLabels()).toEqual(['Sep', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar']);
  });

  it('names them in Chinese when the member reads Chinese', async () => {
    await i18next.changeLanguage('zh-CN');
    expect(monthLabels()).toEqual(['9月', '10月', '11月', '12月', '1月', '2月', '3月']);
  });

  it('names the month that began this week, in both languages', async () => {
    // Thursday 3 December: no week starts in December yet.
    await i18next.changeLanguage('zh-CN');
    expect(monthLabels('2026-12-03')).toEqual(['6月', '7月', '8月', '9月', '10月', '11月', '12月']);
    cleanup();
    await i18next.changeLanguage('en');
    expect(monthLabels('2026-12-03')).toEqual(['Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
  });
});
