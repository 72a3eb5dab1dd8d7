// The clock during a speech gives a hint for speaking; once the speech is saved it says how the speech
// did, as the library will, and never keeps telling the member to wrap up.
import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../i18n/i18n';
import { TimerDisplay } from './TimerDisplay';

const fiveToSeven = { minSeconds: 300, maxSeconds: 420 };

function renderTimer(props: Parameters<typeof TimerDisplay>[0]) {
  return render(
    <MantineProvider env="test">
      <TimerDisplay {...props} />
    </MantineProvider>,
  );
}

beforeAll(async () => {
  await initI18n('zh-CN');
});

describe('TimerDisplay', () => {
  it('gives the light’s hint while speaking', () => {
    renderTimer({ elapsedMs: 460_000, target: fiveToSeven });
    expect(screen.getByRole('status').textContent).toBe('超时 · 请尽快结束');
  });

  it('says how the saved speech did, in the library’s words, once it is saved', () => {
    renderTimer({ elapsedMs: 30_900, target: fiveToSeven, finished: true });
    expect(screen.getByRole('timer').textContent).toBe('0:30');
    expect(screen.getByRole('status').textContent).toBe('未达目标时长');
  });

  it('says a saved speech without a target had none', () => {
    renderTimer({ elapsedMs: 61_000, target: undefined, finished: true });
    expect(screen.getByRole('status').textContent).toBe('未设目标');
  });
});
