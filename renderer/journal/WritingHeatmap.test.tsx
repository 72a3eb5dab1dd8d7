// The heatmap names its months above the columns, in the member's language, like GitHub's.
import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../i18n/i18n';
import { WritingHeatmap } from './WritingHeatmap';

function monthLabels(): string[] {
  render(
    <MantineProvider env="test">
      <WritingHeatmap days={['2025-03-14']} today="2025-03-15" />
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
});
