import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { EvaluationForm } from './EvaluationForm';
import type { EvaluationFormProps } from './EvaluationForm';
import { initCritiqueI18n } from './testI18n';

// Mantine's Rating takes a score from a click on a star (the radio's label) or Enter/Space on the radio.
const clickStar = (name: string) =>
  fireEvent.click(document.querySelector(`label[for="${screen.getByRole('radio', { name }).id}"]`)!);
const pressStar = (name: string) => fireEvent.keyDown(screen.getByRole('radio', { name }), { key: 'Enter' });

function renderForm(props: Partial<EvaluationFormProps> = {}) {
  const onSubmit = vi.fn();
  render(
    <MantineProvider>
      <EvaluationForm onSubmit={onSubmit} {...props} />
    </MantineProvider>,
  );
  return onSubmit;
}

describe('EvaluationForm (中文)', () => {
  beforeAll(() => initCritiqueI18n('zh-CN'));

  it('refuses an empty evaluation in Chinese', () => {
    const onSubmit = renderForm();
    fireEvent.click(screen.getByRole('button', { name: '保存评估' }));
    expect(screen.getByRole('alert').textContent).toBe('请至少打一项分，或写几句话。');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('submits the scores given and the three texts', async () => {
    const onSubmit = renderForm();
    expect(screen.getAllByRole('radio', { name: /满分 5 分/ })).toHaveLength(25); // five default criteria
    clickStar('清晰度：4 分（满分 5 分）');
    pressStar('节奏：2 分（满分 5 分）');
    fireEvent.change(screen.getByRole('textbox', { name: '亮点：做得好的地方' }), {
      target: { value: '故事生动' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: '下次的一个挑战' }), { target: { value: '脱稿' } });
    fireEvent.click(screen.getByRole('button', { name: '保存评估' }));
    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith({
        commendations: '故事生动',
        recommendations: '',
        challenge: '脱稿',
        scores: { clarity: 4, pacing: 2 },
      }),
    );
  });

  it('scores the criteria the coach named for the assignment, in the coach’s words', async () => {
    const onSubmit = renderForm({ criteria: ['眼神交流', 'clarity', 'Opening hook'] });
    expect(screen.getAllByRole('radio', { name: /满分 5 分/ })).toHaveLength(15);
    const names = [...document.querySelectorAll('[role="group"] p')].map((p) => p.textContent);
    expect(names).toEqual(['眼神交流', '清晰度', 'Opening hook']); // built-in ids translated, the rest as written
    expect(screen.queryByText('节奏')).toBeNull();
    clickStar('眼神交流：4 分（满分 5 分）');
    clickStar('Opening hook：5 分（满分 5 分）');
    fireEvent.click(screen.getByRole('button', { name: '保存评估' }));
    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith(
        expect.objectContaining({ scores: { 眼神交流: 4, 'Opening hook': 5 } }),
      ),
    );
  });
});

describe('EvaluationForm (English)', () => {
  beforeAll(() => initCritiqueI18n('en'));

  it('scores the assignment’s own criteria and keeps those of an evaluation being edited', async () => {
    const onSubmit = renderForm({
      criteria: ['clarity', 'eye-contact'],
      initial: { commendations: 'Warm', recommendations: '', challenge: '', scores: { humour: 5 } },
    });
    expect(screen.getAllByRole('radio', { name: / of 5$/ })).toHaveLength(15);
    expect(screen.getByText('eye-contact')).toBeTruthy(); // no translation: shown by its id
    clickStar('eye-contact: 3 of 5');
    fireEvent.click(screen.getByRole('button', { name: 'Save evaluation' }));
    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith({
        commendations: 'Warm',
        recommendations: '',
        challenge: '',
        scores: { humour: 5, 'eye-contact': 3 },
      }),
    );
  });
});
